"""Which credentials may count: a verified verdict, and within their validity period.

Stacking trusts verification: only ``valid`` and ``valid-with-warnings``
credentials count. Everything else is *pending* with a reason the learner can
act on (revoked, expired, unverifiable offline, not verified yet), so a
credential never silently disappears from the progress view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from wallet.messages import Message, msg, render, text
from wallet.model import Credential, Verdict

COUNTING_VERDICTS = frozenset({Verdict.VALID, Verdict.VALID_WITH_WARNINGS})



@dataclass(frozen=True)
class Candidate:
    """A credential offered to the stacking engine, with its verification verdict.

    ``id`` is the wallet's id for the credential (the vault id), used for the
    stable tie-break and in every result. ``reason`` says why the verdict is
    not valid (e.g. "revoked", "expired", "unverifiable offline").
    """

    id: str
    credential: Credential
    verdict: Verdict
    reason: Message | str = ""  # a plain string is taken as final text (tests, callers without a catalogue)


class Pending(NamedTuple):
    """A credential that does not count (yet), and why.

    A named tuple (immutable) so callers can unpack the ``(credential id,
    reason)`` pair the API promises.
    """

    credential_id: str
    reason: Message

    def to_json(self) -> dict[str, Any]:
        return {"credential": self.credential_id, "reason": render(self.reason), "message": self.reason.to_json()}


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def pending_reason(candidate: Candidate, now: datetime) -> Message | None:
    """``None`` when the candidate counts, else the reason it does not.

    A verdict is "as of" its verification; a credential whose validity ended
    since then no longer counts, so the period is checked again against ``now``.
    """
    if candidate.verdict not in COUNTING_VERDICTS:
        if isinstance(candidate.reason, Message):
            return candidate.reason
        if candidate.reason:
            return text(candidate.reason)
        if candidate.verdict is Verdict.INVALID:
            return msg("stacking.pending.invalid")
        if candidate.verdict is Verdict.CANNOT_VERIFY_OFFLINE:
            return msg("stacking.pending.cannot_check")
        return text(candidate.verdict.value)
    cred = candidate.credential
    if cred.valid_until is not None and _aware(cred.valid_until) < now:
        return msg("stacking.pending.expired", end=_aware(cred.valid_until).date())
    if cred.valid_from is not None and _aware(cred.valid_from) > now:
        return msg("stacking.pending.not_yet", start=_aware(cred.valid_from).date())
    return None
