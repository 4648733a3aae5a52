"""Verifying stored credentials again: a new clock, new evidence, and what changed.

Stored reports are snapshots (each says when it was made). Reverification
makes new ones from the original bytes (what was signed) with the vault's
cached evidence, stores them, and says for each credential whether its state
changed — "revoked since you last checked", "expired" — so the user is told
rather than left to notice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.app.context import context_from_vault
from wallet.app.importing import report_json
from wallet.app.keys import with_holder_keys
from wallet.app.vault import VaultLike
from wallet.messages import Message, msg
from wallet.model import VerificationReport
from wallet.readout import State, credential_state
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify_bytes


@dataclass(frozen=True)
class Reverified:
    """One credential verified again."""

    id: str
    report: VerificationReport
    before: State | None  # the state of the previous report; None if it had none
    after: State

    @property
    def changed(self) -> bool:
        return self.before is not None and self.before is not self.after

    @property
    def change(self) -> Message | None:
        """What changed, in words ("revoked since you last checked"), or None."""
        if not self.changed:
            return None
        return msg("reverify.changed", before=msg(_LABEL_IDS[self.before]) if self.before else None,
                   after=self.after.label, reason=credential_state(self.report).reason)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **report_json(self.report), "before": self.before.value if self.before else None,
                "changed": self.changed, "change": self.change.to_json() if self.change else None}


_LABEL_IDS = {state: state.label.id for state in State}


def _previous(stored: Any) -> State | None:
    if not stored.report:
        return None
    try:
        return credential_state(VerificationReport.from_json(stored.report)).state
    except (KeyError, TypeError, ValueError):
        return None


def reverify(vault: VaultLike, ids: Sequence[str] = (), *, ctx: VerificationContext | None = None,
             now: datetime | None = None, progress: Callable[[int, int], None] | None = None) -> list[Reverified]:
    """Verify the given (or all) stored credentials again and store the new reports."""
    context = with_holder_keys(ctx or context_from_vault(vault, now=now), vault)
    targets = [vault.get_credential(i) for i in ids] if ids else list(vault.list_credentials())
    out: list[Reverified] = []
    for n, stored in enumerate(targets):
        if progress is not None:
            progress(n, len(targets))
        before = _previous(stored)
        # The stored JSON omits the parsed document: verify the original (signed) bytes again.
        report = verify_bytes(stored.raw, context)[1]
        vault.set_report(stored.id, report_json(report))
        out.append(Reverified(stored.id, report, before, credential_state(report).state))
    if progress is not None:
        progress(len(targets), len(targets))
    return out
