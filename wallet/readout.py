"""What a verification report means to each reader, decided in one place.

A report is a list of checks; people need one answer. The learner looking at
their own credential needs its *state* — valid, valid with a note, expired on
a date, revoked, not checked for revocation, cannot be checked (and what
would fix it), changed or forged. Someone who *received* a bundle (an
employer, a recognition office) needs a *headline* they can act on without
reading further: "Checks out" only when everything essential passed, "Do not
rely on this" whenever a credential is not the presenter's, is revoked,
expired or forged, or the presenter's signature fails, and otherwise "Not
fully checked", naming what is missing. Both front ends, ``wallet
verify-bundle`` and the PDF take these answers from here; the rule is
documented in ``docs/VERIFICATION.md``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from wallet.messages import Message, msg
from wallet.model import Check, CheckId, CheckStatus, VerificationReport

_F, _W, _N, _P = CheckStatus.FAILED, CheckStatus.WARNING, CheckStatus.NOT_CHECKED, CheckStatus.PASSED


class State(str, enum.Enum):
    """A credential's state for its owner, worst first. Values are stable (``--json``)."""

    FORGED = "forged"  # the signature or seal does not match: changed after issuing, or not from the issuer
    REVOKED = "revoked"
    SUSPENDED = "suspended"
    EXPIRED = "expired"
    NOT_YET_VALID = "not-yet-valid"
    INVALID = "invalid"  # another check failed (malformed, wrong key use, ...)
    CANNOT_CHECK = "cannot-check"  # the signature could not be checked (unknown key, format, suite)
    STATUS_UNCHECKED = "status-unchecked"  # genuine, but revocation was not checked
    VALID_NOTE = "valid-note"  # genuine and in force, with something worth knowing
    VALID = "valid"

    @property
    def bad(self) -> bool:
        return self in (State.FORGED, State.REVOKED, State.SUSPENDED, State.EXPIRED, State.NOT_YET_VALID,
                        State.INVALID)

    @property
    def label(self) -> Message:
        return msg(_STATE_LABELS[self])


#: Status messages that mean "revoked" / "suspended" (older reports carry the ids without "as of").
REVOKED_IDS = ("status.revoked", "status.revoked_as_of", "ob2.revoked", "ob2.hosted_revoked")
SUSPENDED_IDS = ("status.suspended", "status.suspended_as_of")

_STATE_LABELS = {
    State.FORGED: "state.forged", State.REVOKED: "state.revoked", State.SUSPENDED: "state.suspended",
    State.EXPIRED: "state.expired", State.NOT_YET_VALID: "state.not_yet_valid", State.INVALID: "state.invalid",
    State.CANNOT_CHECK: "state.cannot_check", State.STATUS_UNCHECKED: "state.status_unchecked",
    State.VALID_NOTE: "state.valid_note", State.VALID: "state.valid",
}


@dataclass(frozen=True)
class Readout:
    """A state and the one message that explains it (the check behind it)."""

    state: State
    reason: Message | None


def _first(checks: Sequence[Check], status: CheckStatus, *ids: CheckId) -> Check | None:
    return next((c for c in checks if c.status is status and (not ids or c.id in ids)), None)


def credential_state(report: VerificationReport) -> Readout:
    """The owner's view of one credential's report (see the module docstring)."""
    checks = report.checks
    forged = _first(checks, _F, CheckId.SIGNATURE, CheckId.ISSUER_KEY, CheckId.DISCLOSURES)
    if forged is not None:
        return Readout(State.FORGED, forged.message)
    status = _first(checks, _F, CheckId.STATUS)
    if status is not None:
        if status.message.id in SUSPENDED_IDS:
            return Readout(State.SUSPENDED, status.message)
        if status.message.id in REVOKED_IDS:
            return Readout(State.REVOKED, status.message)
    validity = _first(checks, _F, CheckId.VALIDITY)
    if validity is not None and validity.message.id.endswith(".not_yet"):
        return Readout(State.NOT_YET_VALID, validity.message)
    if validity is not None and validity.message.id.endswith(".expired"):
        return Readout(State.EXPIRED, validity.message)
    failed = _first(checks, _F)
    if failed is not None:
        return Readout(State.INVALID, failed.message)
    essential = next((c for c in checks if c.essential and c.status is _N), None)
    if essential is not None or not checks:
        return Readout(State.CANNOT_CHECK, essential.message if essential else None)
    unchecked_status = _first(checks, _N, CheckId.STATUS)
    if unchecked_status is not None:
        return Readout(State.STATUS_UNCHECKED, unchecked_status.message)
    note = _first(checks, _W) or _first(checks, _N)
    if note is not None:
        return Readout(State.VALID_NOTE, note.message)
    return Readout(State.VALID, None)


class Headline(str, enum.Enum):
    """What a recipient should do with a bundle. Values are stable (``--json``)."""

    DO_NOT_RELY = "do-not-rely"
    NOT_FULLY_CHECKED = "not-fully-checked"
    CHECKS_OUT = "checks-out"

    @property
    def label(self) -> Message:
        return msg({Headline.DO_NOT_RELY: "headline.do_not_rely", Headline.NOT_FULLY_CHECKED:
                    "headline.not_fully_checked", Headline.CHECKS_OUT: "headline.checks_out"}[self])


@dataclass(frozen=True)
class BundleReadout:
    """The headline and the reasons behind it, most serious first."""

    headline: Headline
    reasons: tuple[Message, ...]


@dataclass(frozen=True)
class ItemView:
    """One credential of a bundle as the headline rule sees it."""

    title: str
    report: VerificationReport
    belongs: bool | None  # names the presenter as subject; None when it names no subject


_PRESENTER_FAILS = (CheckId.PRESENTATION_SIGNATURE, CheckId.PROOF_PURPOSE, CheckId.CHALLENGE, CheckId.DOMAIN,
                    CheckId.VALIDITY, CheckId.HOLDER_BINDING, CheckId.JSONLD, CheckId.FORMAT)


def bundle_headline(presentation: VerificationReport, items: Sequence[ItemView]) -> BundleReadout:
    """The recipient's headline for a bundle (see the module docstring)."""
    stop: list[Message] = []
    missing: list[Message] = []
    for check in presentation.checks:
        if check.id in _PRESENTER_FAILS and check.status is _F:
            stop.append(check.message)
    signature = next((c for c in presentation.checks if c.id is CheckId.PRESENTATION_SIGNATURE), None)
    if signature is None or signature.status is _W:
        stop.append(msg("headline.unsigned"))
    elif signature.status is _N:
        missing.append(signature.message)
    if not items:
        stop.append(msg("presentation.empty"))
    for number, item in enumerate(items, start=1):
        readout = credential_state(item.report)
        if readout.state.bad:
            stop.append(msg("headline.item", number=number, title=item.title, state=readout.state.label,
                            reason=readout.reason))
        elif item.belongs is False:
            stop.append(msg("headline.not_presenters", number=number, title=item.title))
        elif readout.state is State.CANNOT_CHECK:
            missing.append(msg("headline.item", number=number, title=item.title, state=readout.state.label,
                               reason=readout.reason))
        elif readout.state is State.STATUS_UNCHECKED:
            missing.append(msg("headline.item_status", number=number, title=item.title))
    if stop:
        return BundleReadout(Headline.DO_NOT_RELY, tuple(stop + missing))
    if missing:
        return BundleReadout(Headline.NOT_FULLY_CHECKED, tuple(missing))
    return BundleReadout(Headline.CHECKS_OUT, ())
