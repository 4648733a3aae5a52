"""Holder-signed bundles: a VC 2.0 Verifiable Presentation of chosen credentials.

The presentation is signed by the vault's holder key with Data Integrity
``eddsa-rdfc-2022`` and proof purpose ``authentication``, so a recipient can
tell that whoever controls the holder DID put these credentials together, for
them (the ``challenge`` and ``domain`` the recipient asked for), until a time.

Expiry is carried by the proof's ``expires`` only. ``validUntil`` is not
defined for ``VerifiablePresentation`` in the VC 2.0 context (only for
credentials), so adding it would make JSON-LD safe-mode canonicalisation —
which the reference verifiers use — reject the whole bundle.

This module is pure: credentials, key, DID and clock come in as arguments; the
CLI and GUI fetch them from the vault.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.errors import InputError, UsageError
from wallet.model import Credential
from wallet.sharing.envelope import VC2_CONTEXT, embed
from wallet.sharing.expiry import format_instant
from wallet.verify.dataintegrity import ProofError, sign
from wallet.verify.did import did_key_for

CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "authentication"
MAX_CREDENTIALS = 100


@dataclass(frozen=True)
class Bundle:
    """A signed presentation and the facts the share record keeps about it."""

    document: dict[str, Any] = field(compare=False)
    id: str
    holder: str
    credential_ids: tuple[str, ...]
    created: datetime
    expires: datetime | None
    challenge: str | None
    domain: str | None

    def to_bytes(self, *, pretty: bool = False) -> bytes:
        """UTF-8 JSON. Compact for links; ``pretty`` for files people may open.

        The proof covers the canonical RDF form, not the bytes, so both
        serialisations verify the same.
        """
        if pretty:
            return (json.dumps(self.document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        return json.dumps(self.document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def share_record(self, kind: str, target: str | None = None) -> dict[str, Any]:
        """What ``Vault.add_share`` stores: enough to list and explain a share later."""
        return {
            "kind": kind,
            "target": target,
            "presentation_id": self.id,
            "holder": self.holder,
            "credentials": list(self.credential_ids),
            "created": format_instant(self.created),
            "expires": format_instant(self.expires) if self.expires else None,
            "challenge": self.challenge,
            "domain": self.domain,
        }


def verification_method_for(holder_did: str) -> str:
    """``did:key:z…#z…``: the key of a did:key names itself as fragment."""
    if not holder_did.startswith("did:key:z"):
        raise UsageError(f"the holder DID must be a did:key, not {holder_did[:20]!r}")
    return f"{holder_did}#{holder_did[len('did:key:'):]}"


def _check_key_matches(holder_did: str, private_key: Ed25519PrivateKey) -> None:
    if did_key_for(private_key.public_key()) != holder_did:
        raise UsageError("the holder key does not belong to the holder DID; the vault is inconsistent")


def unsigned_presentation(credentials: Sequence[Credential], holder_did: str,
                          presentation_id: str | None = None) -> dict[str, Any]:
    """The presentation before its proof (exposed for tests and previews)."""
    if not credentials:
        raise UsageError("choose at least one credential to share")
    if len(credentials) > MAX_CREDENTIALS:
        raise UsageError(f"a bundle holds at most {MAX_CREDENTIALS} credentials")
    return {
        "@context": [VC2_CONTEXT],
        "type": ["VerifiablePresentation"],
        "id": presentation_id or f"urn:uuid:{uuid.uuid4()}",
        "holder": holder_did,
        "verifiableCredential": [embed(c) for c in credentials],
    }


def make_bundle(
    credentials: Sequence[Credential],
    private_key: Ed25519PrivateKey,
    holder_did: str,
    *,
    challenge: str | None = None,
    domain: str | None = None,
    expires: datetime | None = None,
    now: datetime | None = None,
) -> Bundle:
    """Build and sign a presentation of ``credentials`` for one recipient."""
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    if expires is not None and expires <= created:
        raise UsageError("the bundle would expire before it is made; choose a later expiry")
    for name, value in (("challenge", challenge), ("domain", domain)):
        if value is not None and (not value.strip() or len(value) > 2048):
            raise UsageError(f"the {name} must be 1 to 2048 characters")
    _check_key_matches(holder_did, private_key)
    unsigned = unsigned_presentation(credentials, holder_did)
    try:
        signed = sign(
            unsigned,
            private_key,
            verification_method_for(holder_did),
            cryptosuite=CRYPTOSUITE,
            proof_purpose=PROOF_PURPOSE,
            challenge=challenge,
            domain=domain,
            created=format_instant(created),
            expires=format_instant(expires) if expires else None,
        )
    except ProofError as exc:
        # e.g. a credential term no bundled context defines: canonicalisation refuses it
        raise InputError(f"the bundle cannot be signed: {exc}") from exc
    if not isinstance(signed, dict) or "proof" not in signed:
        raise InputError("signing the bundle produced no proof")
    ids = tuple(str(c.id) if c.id else f"(no id: {c.display_title()})" for c in credentials)
    return Bundle(signed, str(unsigned["id"]), holder_did, ids, created, expires, challenge, domain)
