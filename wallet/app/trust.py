"""The user's trust: issuers they trust, CA certificates they trust, and the EU trusted-list snapshot.

Authentic and trusted are different questions (``docs/ARCHITECTURE.md``):
these use cases only say whom the user trusts; verification reads it from
the context (:mod:`wallet.app.context`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wallet.app.context import EVIDENCE_TRUST_SNAPSHOT, TRUST_SNAPSHOT_KEY
from wallet.app.vault import VaultLike
from wallet.errors import UsageError
from wallet.verify.seals.anchors import anchor_summary, read_anchor
from wallet.verify.seals.trustlist import TrustSnapshot, load_trust_snapshot


@dataclass(frozen=True)
class TrustOverview:
    issuers: tuple[tuple[str, str], ...]  # (id, label)
    anchors: tuple[dict[str, str], ...]  # anchor_summary + label
    snapshot: TrustSnapshot | None

    def to_json(self) -> dict[str, Any]:
        return {
            "issuers": [{"id": i, "label": label} for i, label in self.issuers],
            "anchors": list(self.anchors),
            "snapshot_date": self.snapshot.date if self.snapshot else None,
            "snapshot_next_update": self.snapshot.next_update if self.snapshot else None,
        }


def add_issuer(vault: VaultLike, ident: str, label: str) -> None:
    ident, label = ident.strip(), label.strip()
    if not ident or not label:
        raise UsageError("a trusted issuer needs an identifier (a DID or a URL prefix) and a label")
    if not ident.startswith(("did:", "https://", "http://")):
        raise UsageError("an issuer identifier is a DID (did:…) or a URL prefix (https://…)")
    vault.add_trusted_issuer(ident, label)


def remove_issuer(vault: VaultLike, ident: str) -> None:
    vault.remove_trusted_issuer(ident)


def add_anchor_file(vault: VaultLike, path: str | Path, label: str | None = None) -> str:
    """Trust a CA certificate file (PEM or DER); returns its SHA-256."""
    der = read_anchor(Path(path))
    return str(vault.add_trust_anchor(der, label or anchor_summary(der)["subject"]))


def remove_anchor(vault: VaultLike, sha256: str) -> None:
    vault.remove_trust_anchor(sha256)


def import_trusted_lists(vault: VaultLike, paths: Sequence[str | Path]) -> TrustSnapshot:
    """Load and verify an EU list of trusted lists with national lists; store the dated snapshot."""
    snapshot = load_trust_snapshot([Path(p) for p in paths])
    vault.put_evidence(EVIDENCE_TRUST_SNAPSHOT, TRUST_SNAPSHOT_KEY, snapshot.to_bytes())
    return snapshot


def overview(vault: VaultLike) -> TrustOverview:
    found = vault.get_evidence(EVIDENCE_TRUST_SNAPSHOT, TRUST_SNAPSHOT_KEY)
    return TrustOverview(
        tuple(vault.list_trusted_issuers()),
        tuple({**anchor_summary(der), "label": label} for _sha, der, label in vault.list_trust_anchors()),
        TrustSnapshot.from_bytes(found[0]) if found else None,
    )
