"""Seals a share package exactly as the hosted-share contract says (test-only).

``blob = b"WSB1" || nonce(12) || AES-256-GCM(key, nonce, plaintext, aad=b"WSB1")``
with the 128-bit tag appended (``cryptography``'s AESGCM does the same as
WebCrypto), and ``plaintext`` the raw DEFLATE (``zlib`` with ``wbits=-15``) of
the UTF-8 JSON ``{"v":1,"type":"wallet-share","created","presentation",
"evidence"}``. The real sealing lives in ``wallet/sharing/hosted.py`` (written
in parallel); these tests pin the page to the contract, not to that module.
"""

from __future__ import annotations

import base64
import json
import os
import zlib
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"WSB1"


def iso(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def deflate_raw(data: bytes) -> bytes:
    comp = zlib.compressobj(level=9, wbits=-15)
    return comp.compress(data) + comp.flush()


def package_bytes(presentation: dict[str, Any], evidence: list[dict[str, Any]] | None = None, *,
                  created: datetime | None = None) -> bytes:
    doc = {"v": 1, "type": "wallet-share", "created": iso(created or datetime.now(UTC)),
           "presentation": presentation, "evidence": evidence or []}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def seal_plaintext(plaintext: bytes, key: bytes, *, nonce: bytes | None = None) -> bytes:
    """Deflate and encrypt any plaintext (hostile tests seal malformed ones too)."""
    nonce = nonce or os.urandom(12)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, deflate_raw(plaintext), MAGIC)


def seal_compressed(compressed: bytes, key: bytes) -> bytes:
    """Encrypt bytes that are already (supposedly) raw DEFLATE, e.g. a bomb or junk."""
    nonce = os.urandom(12)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, compressed, MAGIC)


def seal(presentation: dict[str, Any], evidence: list[dict[str, Any]] | None = None, *,
         key: bytes, created: datetime | None = None) -> bytes:
    return seal_plaintext(package_bytes(presentation, evidence, created=created), key)


def evidence(kind: str, url: str, content: Any, fetched_at: datetime,
             media_type: str = "application/vc+ld+json") -> dict[str, Any]:
    return {"kind": kind, "url": url, "fetched_at": iso(fetched_at), "media_type": media_type,
            "content": content}


def new_key() -> bytes:
    return os.urandom(32)


def key_text(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii").rstrip("=")


def share_link(base_url: str, share_id: str, key: bytes) -> str:
    return f"{base_url}/s/{share_id}#v=1&k={key_text(key)}"
