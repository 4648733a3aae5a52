"""Signed test credentials made on the fly (never copied fixtures)."""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.signing import sign
from wallet.verify.did import did_key_for

V2 = "https://www.w3.org/ns/credentials/v2"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Party:
    """A did:key party with its private key."""

    key: ed25519.Ed25519PrivateKey
    did: str

    @property
    def vm(self) -> str:
        return self.did + "#" + self.did.split(":")[-1]

    @staticmethod
    def from_seed(seed: int) -> Party:
        key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32)
        return Party(key, did_key_for(key.public_key()))


ISSUER = Party.from_seed(1)
HOLDER = Party.from_seed(2)
OTHER = Party.from_seed(3)


def ob3_credential(issuer: Party = ISSUER, subject: str | None = None, **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": [V2, OB3],
        "id": "urn:uuid:7d0c2f9a-1d1e-4c53-9a53-3f8a3d3c0001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer.did, "type": ["Profile"], "name": "Université Côte-Lumière"},
        "validFrom": "2025-01-01T00:00:00Z",
        "name": "Teamwork",
        "credentialSubject": {
            "id": subject or HOLDER.did,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/achievements/1",
                "type": ["Achievement"],
                "name": "Teamwork",
                "description": "Works well in a team.",
                "criteria": {"narrative": "Peer nominated."},
            },
        },
    }
    doc.update(extra)
    return doc


def signed(doc: dict[str, Any], party: Party = ISSUER, suite: str = "eddsa-rdfc-2022", **kw: Any) -> dict[str, Any]:
    return sign(doc, party.key, party.vm, suite, created="2025-01-01T00:00:00Z", **kw)


def raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def encoded_list(bits: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(gzip.compress(bits)).decode().rstrip("=")


def status_list(url: str, encoded: str, issuer: Party = ISSUER, purpose: str = "revocation") -> dict[str, Any]:
    doc = {
        "@context": [V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.did,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": url + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded,
        },
    }
    return signed(doc, issuer)


def status_entry(url: str, index: int, purpose: str = "revocation") -> dict[str, Any]:
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def ctx(**kw: Any) -> VerificationContext:
    kw.setdefault("now", NOW)
    return VerificationContext(**kw)
