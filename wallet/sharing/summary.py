"""Plain-language verification summaries for people who are not experts.

A recipient (an employer, an admissions officer) needs a handful of words per
credential: who issued it, whether the signature holds, whether it was
revoked, whether it is still valid, and whether it belongs to the person who
presented it — "Issued by X — verified — not revoked — not expired — belongs
to the presenter". Those words are messages chosen from the checks'
ids and message ids (never by reading English text), rendered in the reader's
language; the overall answer comes from :mod:`wallet.readout`.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet.messages import Message, msg, render
from wallet.model import Check, CheckId, CheckStatus, Credential, VerificationReport, pick_lang
from wallet.readout import REVOKED_IDS, SUSPENDED_IDS, State, credential_state

MARK = {State.VALID: "✓", State.VALID_NOTE: "✓", State.STATUS_UNCHECKED: "?", State.CANNOT_CHECK: "?"}
_ORDER = (CheckStatus.FAILED, CheckStatus.NOT_CHECKED, CheckStatus.WARNING, CheckStatus.PASSED)


def mark(report: VerificationReport) -> str:
    return MARK.get(credential_state(report).state, "✗")


def _worst(report: VerificationReport, *ids: CheckId) -> Check | None:
    found = [c for c in report.checks if c.id in ids]
    for status in _ORDER:
        for check in found:
            if check.status is status:
                return check
    return None


def signature_phrase(report: VerificationReport) -> Message:
    check = _worst(report, CheckId.SIGNATURE, CheckId.ISSUER_KEY)
    if check is None or check.status is CheckStatus.NOT_CHECKED:
        return msg("summary.sig.unchecked", reason=check.message if check else None)
    if check.status is CheckStatus.FAILED:
        return msg("summary.sig.failed", reason=check.message)
    return msg("summary.sig.ok")


def status_phrase(report: VerificationReport) -> Message:
    check = _worst(report, CheckId.STATUS)
    if check is None:
        return msg("summary.status.none")
    if check.status is CheckStatus.PASSED:
        return msg("summary.status.ok")
    if check.status is CheckStatus.FAILED:
        if check.message.id in SUSPENDED_IDS:
            return msg("summary.status.suspended")
        if check.message.id in REVOKED_IDS:
            return msg("summary.status.revoked")
        return msg("summary.status.failed", reason=check.message)
    if check.status is CheckStatus.WARNING:
        return msg("summary.status.note", reason=check.message)
    return msg("summary.status.unchecked")


def validity_phrase(report: VerificationReport) -> Message:
    check = _worst(report, CheckId.VALIDITY)
    if check is None:
        return msg("summary.validity.none")
    if check.status is CheckStatus.PASSED:
        return msg("summary.validity.ok")
    if check.message.id.endswith(".expired"):
        return msg("summary.validity.expired", end=check.message.get("end"))
    if check.message.id.endswith(".not_yet"):
        return msg("summary.validity.not_yet", start=check.message.get("start"))
    return msg("summary.validity.failed", reason=check.message)


def belongs(cred: Credential | None, holder: str | None) -> bool | None:
    """Whether the credential names the presenter as its subject (None: names no subject)."""
    subject = cred.subject.id if cred else None
    if not subject or holder is None:
        return None
    return subject == holder


def binding_phrase(cred: Credential | None, holder: str | None) -> Message | None:
    """Whether the credential names the presenter as its subject (None: no presenter)."""
    if holder is None:
        return None
    found = belongs(cred, holder)
    if found is None:
        return msg("summary.binding.unnamed")
    return msg("summary.binding.ok") if found else msg("summary.binding.other")


def issuer_name(cred: Credential | None, prefs: Sequence[str] = ()) -> str | None:
    if cred is None:
        return None
    ach = cred.achievement
    issuer = ach.awarding_body if ach and ach.awarding_body else cred.issuer
    return pick_lang(issuer.name, prefs) or issuer.id


def issuer_phrase(cred: Credential | None, report: VerificationReport, prefs: Sequence[str] = ()) -> Message:
    if report.issuer_label:
        return msg("summary.issued_by_trusted", issuer=report.issuer_label)
    name = issuer_name(cred, prefs)
    return msg("summary.issued_by", issuer=name) if name else msg("summary.issued_by_unknown")


def credential_line(cred: Credential | None, report: VerificationReport, *, holder: str | None = None,
                    prefs: Sequence[str] = (), with_title: bool = True, langs: Sequence[str] = ("en",)) -> str:
    """"✓ Title — Issued by X — verified — not revoked — not expired — belongs to the presenter"."""
    title = cred.display_title(prefs) if cred else render(msg("summary.unreadable"), langs)
    head = f"{mark(report)} {title}" if with_title else mark(report)
    parts: list[Message] = [issuer_phrase(cred, report, prefs), signature_phrase(report), status_phrase(report),
                            validity_phrase(report)]
    trust = report.check(CheckId.ISSUER_TRUSTED)
    if trust is not None and trust.status is not CheckStatus.PASSED and not report.issuer_label:
        parts.append(msg("summary.untrusted"))
    bound = binding_phrase(cred, holder)
    if bound is not None:
        parts.append(bound)
    return " — ".join([head, *(render(p, langs) for p in parts)])


def as_of_line(report: VerificationReport, langs: Sequence[str] = ("en",)) -> str:
    if report.trust_snapshot:
        return render(msg("summary.as_of_tl", when=report.as_of, snapshot=report.trust_snapshot), langs)
    return render(msg("summary.as_of", when=report.as_of), langs)
