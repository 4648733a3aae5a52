"""Hosted share links: end-to-end encrypted packages on a share service.

The wallet seals a :class:`SharePackage` (presentation + evidence pack) with a
fresh 256-bit key, uploads only the sealed blob, and hands out::

    <server>/s/<id>#v=1&k=<base64url(key), no padding>

Browsers never send the fragment to the server, so the service stores bytes
it cannot read (the share-service design in docs/SHARE_SERVICE.md). The web page and the
wallet share this module's format, specified in ``docs/SHARING.md`` ("Hosted
links") precisely enough to implement it in JavaScript:

* blob = ``b"WSB1" || nonce (12 random bytes) || AES-256-GCM(key, nonce,
  plaintext, associated data b"WSB1")`` — ciphertext with its 16-byte tag;
* plaintext = raw DEFLATE (RFC 1951) of the package's UTF-8 JSON, so the page
  can use ``DecompressionStream('deflate-raw')``.

Everything here is pure (no network): uploading is the online client's job.
Hostile input (a link pasted from anywhere, a blob a server returned) is
refused with one ``InputError`` sentence; decompression is capped as for
self-contained links (threat "zip and deflate bombs" in docs/THREATS.md).
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wallet.errors import InputError
from wallet.sharing.hosted_package import EvidenceItem, SharePackage, make_package, parse_package
from wallet.sharing.inflate import deflate_raw, inflate_raw

__all__ = [
    "EvidenceItem", "HostedLink", "SharePackage", "build_link", "open_package", "parse_link", "seal_package",
]

LINK_VERSION = "1"
MAGIC = b"WSB1"
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
ID_BYTES = 16
#: The share service refuses larger uploads; sealing refuses them first.
MAX_BLOB = 2 * 1024 * 1024
MAX_PLAINTEXT = 4 * 1024 * 1024  # decompressed package JSON
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024
MAX_LINK = 2048

_B64URL = re.compile(r"^[A-Za-z0-9_-]+$")
_PARAM = re.compile(r"^[a-z]{1,8}$")
_SHARE_PATH = re.compile(r"^(?P<prefix>(?:/[^/?#]+)*)/s/(?P<id>[A-Za-z0-9_-]{22})$")


def b64url(data: bytes) -> str:
    """base64url without padding (RFC 4648 §5)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_exact(text: str, size: int, what: str) -> bytes:
    """Decode base64url of exactly ``size`` bytes, refusing non-canonical spellings."""
    if not _B64URL.match(text):
        raise InputError(f"{what} is not base64url text (a character was changed?)")
    if len(text) != len(b64url(bytes(size))):
        raise InputError(f"{what} has the wrong length ({len(text)} characters)")
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64url(raw) != text:
        raise InputError(f"{what} is not canonical base64url (its last character was changed?)")
    return raw


def new_share_id() -> str:
    """128 random bits, base64url: 22 characters (what the service hands out)."""
    return b64url(os.urandom(ID_BYTES))


@dataclass(frozen=True)
class HostedLink:
    """A parsed hosted link. ``key`` is kept out of ``repr`` so it never lands in a log."""

    server: str
    share_id: str
    key: bytes = field(repr=False)

    @property
    def url(self) -> str:
        return build_link(self.server, self.share_id, self.key)

    @property
    def api_url(self) -> str:
        """Where the sealed blob lives (the key is not part of it)."""
        return f"{self.server}/api/shares/{self.share_id}"


def _check_server(server: str) -> str:
    text = (server or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError(f"the share server {text[:60]!r} is not an http(s) URL")
    if "@" in parts.netloc or parts.query or parts.fragment or "#" in text or "?" in text:
        raise InputError("the share server URL must not carry credentials, a query or a fragment")
    return text.rstrip("/")


def build_link(server: str, share_id: str, key: bytes) -> str:
    """``<server>/s/<id>#v=1&k=<key>`` after checking each part."""
    base = _check_server(server)
    _b64url_exact(share_id, ID_BYTES, "the share id")
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise InputError("a hosted link's key must be 32 bytes")
    return f"{base}/s/{share_id}#v={LINK_VERSION}&k={b64url(key)}"


def _fragment_params(fragment: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in fragment.split("&"):
        name, eq, value = item.partition("=")
        if not eq or not _PARAM.match(name):
            raise InputError(f"malformed hosted link: {item[:20]!r} is not a key=value pair")
        if name in params:
            raise InputError(f"malformed hosted link: {name!r} appears twice")
        params[name] = value
    return params


def parse_link(link: str) -> HostedLink:
    """Split a hosted link into server, id and key, refusing anything malformed."""
    text = (link or "").strip()
    if len(text) > MAX_LINK:
        raise InputError(f"this link is too long ({len(text):,} characters) to be a hosted share link")
    address, sep, fragment = text.partition("#")
    if not sep or not fragment:
        raise InputError("this is not a hosted share link: it has no '#' part carrying the key")
    parts = urlsplit(address)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError("this is not a hosted share link: it does not start with https://")
    if "@" in parts.netloc or parts.query:
        raise InputError("this hosted share link carries credentials or a query; refused")
    match = _SHARE_PATH.match(parts.path)
    if not match:
        raise InputError("this is not a hosted share link: its path does not end in /s/<22-character id>")
    share_id = match.group("id")
    _b64url_exact(share_id, ID_BYTES, "the link's share id")
    params = _fragment_params(fragment)
    version = params.get("v")
    if version != LINK_VERSION:
        raise InputError(
            f"this hosted link has version {version or '(none)'!r}; this wallet reads version 1 — update the wallet"
        )
    unknown = sorted(params.keys() - {"v", "k"})
    if unknown:
        raise InputError(f"this hosted link has parts version 1 does not define: {', '.join(unknown)}")
    if "k" not in params:
        raise InputError("this hosted link carries no key (no 'k=' part); it may have been cut short")
    key = _b64url_exact(params["k"], KEY_BYTES, "the link's key")
    server = f"{parts.scheme}://{parts.netloc}{match.group('prefix')}"
    return HostedLink(server, share_id, key)


def encrypt_blob(key: bytes, nonce: bytes, compressed: bytes) -> bytes:
    """``MAGIC || nonce || AES-256-GCM(key, nonce, compressed, aad=MAGIC)`` (deterministic; for vectors)."""
    if len(key) != KEY_BYTES or len(nonce) != NONCE_BYTES:
        raise InputError("AES-256-GCM needs a 32-byte key and a 12-byte nonce")
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, compressed, MAGIC)


def decrypt_blob(key: bytes, blob: bytes) -> bytes:
    """The compressed plaintext of a blob, or InputError (wrong key, changed or foreign bytes)."""
    if len(key) != KEY_BYTES:
        raise InputError("a hosted link's key must be 32 bytes")
    if len(blob) > MAX_BLOB:
        raise InputError(f"the shared data is larger than {MAX_BLOB:,} bytes; refused")
    if len(blob) < len(MAGIC) + NONCE_BYTES + TAG_BYTES:
        raise InputError("the shared data is too short to be a sealed package (truncated?)")
    if blob[: len(MAGIC)] != MAGIC:
        raise InputError("the shared data is not a sealed wallet package (unknown format)")
    nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES :], MAGIC)
    except InvalidTag as exc:
        raise InputError(
            "the shared data cannot be decrypted with this link's key: the link is wrong or the data was changed"
        ) from exc


def seal_package(
    presentation: dict[str, Any], evidence: Sequence[EvidenceItem], *, now: datetime
) -> tuple[bytes, bytes]:
    """A fresh key and the sealed blob of a package made ``now``."""
    plaintext = make_package(presentation, evidence, now).to_bytes()
    if len(plaintext) > MAX_PLAINTEXT:
        raise InputError(
            f"this bundle is too large for a hosted link ({len(plaintext):,} bytes; at most {MAX_PLAINTEXT:,})"
        )
    key = AESGCM.generate_key(bit_length=256)
    blob = encrypt_blob(key, os.urandom(NONCE_BYTES), deflate_raw(plaintext))
    if len(blob) > MAX_BLOB:
        raise InputError(
            f"this bundle is too large for a hosted link ({len(blob):,} bytes sealed; the service takes at most "
            f"{MAX_BLOB:,}) — share it as a file"
        )
    return key, blob


def open_package(key: bytes, blob: bytes) -> SharePackage:
    """Decrypt, decompress (capped) and parse a sealed package."""
    compressed = decrypt_blob(key, blob)
    plaintext = inflate_raw(
        compressed, max_out=MAX_PLAINTEXT, max_ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR, what="the shared package"
    )
    return parse_package(plaintext)
