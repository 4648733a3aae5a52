"""The presentation history: what the wallet sent to which verifier, when, and what it answered.

Rows are written by :mod:`wallet.app.presenting.send` (one per answer, before
it leaves the wallet); this module reads them for the front ends, newest
first, as plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from wallet.app.vault import VaultLike


class HistoryVault(VaultLike, Protocol):
    def list_presentations(self, limit: int | None = None) -> list[Any]: ...


@dataclass(frozen=True)
class PresentedItem:
    """One presentation as the history shows it."""

    id: str
    verifier: str  # the DNS name, DID or redirect URI the request proved (or claimed)
    client_id: str
    verified: bool
    verifier_name: str | None  # as the verifier calls itself (unverified)
    outcome: str  # sending | accepted | rejected | failed
    created_at: datetime
    credentials: tuple[dict[str, Any], ...]  # {title, format, claims: [...] | "everything"}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "verifier": self.verifier, "client_id": self.client_id, "verified": self.verified,
                "verifier_name": self.verifier_name, "outcome": self.outcome,
                "created_at": self.created_at.isoformat(), "credentials": list(self.credentials)}


def claims_text(item: dict[str, Any], langs: Sequence[str] = ("en",)) -> str:
    """What one history entry disclosed, in words and in one line ("everything in the credential" for W3C ones)."""
    from wallet.claim_words import disclosed_in_words  # deferred: rendering is for the edges that show it

    claims = item.get("claims")
    if not isinstance(claims, list):
        return disclosed_in_words((), langs, whole=True)
    paths = [[p for p in path if p is None or isinstance(p, (str, int))] if isinstance(path, list) else [str(path)]
             for path in claims]
    return disclosed_in_words(paths, langs)


def history(vault: HistoryVault, limit: int | None = None) -> list[PresentedItem]:
    out = []
    for row in vault.list_presentations(limit):
        data = row.data if isinstance(row.data, dict) else {}
        found = data.get("credentials")
        creds: list[Any] = found if isinstance(found, list) else []
        out.append(PresentedItem(row.id, str(data.get("verifier") or row.verifier), row.verifier, row.verified,
                                 data.get("verifier_name") if isinstance(data.get("verifier_name"), str) else None,
                                 row.outcome, row.created_at, tuple(c for c in creds if isinstance(c, dict))))
    return out
