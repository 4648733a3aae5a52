"""Plain-language verification summaries for people who are not experts.

A recipient (an employer, an admissions officer) needs a handful of words per
credential: who issued it, whether the signature holds, whether it was
revoked, whether it is still valid, and whether it belongs to the person who
presented it — "Issued by X — verified — not revoked — not expired — belongs
to the presenter". Those words come from the named checks of a
:class:`~wallet.model.VerificationReport`, matched by name so a new check
from the engine degrades to a generic phrase rather than disappearing.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet.model import Check, CheckStatus, Credential, Verdict, VerificationReport, pick_lang

MARK = {Verdict.VALID: "✓", Verdict.VALID_WITH_WARNINGS: "!", Verdict.INVALID: "✗",
        Verdict.CANNOT_VERIFY_OFFLINE: "?"}
VERDICT_WORDS = {
    Verdict.VALID: "verified",
    Verdict.VALID_WITH_WARNINGS: "verified, with warnings",
    Verdict.INVALID: "NOT valid",
    Verdict.CANNOT_VERIFY_OFFLINE: "could not be checked offline",
}


def _find(report: VerificationReport, *needles: str) -> list[Check]:
    return [c for c in report.checks if any(n in c.name for n in needles)]


def _worst(checks: Sequence[Check]) -> Check | None:
    order = (CheckStatus.FAILED, CheckStatus.NOT_CHECKED, CheckStatus.WARNING, CheckStatus.PASSED)
    for status in order:
        for check in checks:
            if check.status is status:
                return check
    return None


def signature_phrase(report: VerificationReport) -> str:
    check = _worst(_find(report, "signature", "seal", "proof"))
    if check is None:
        return VERDICT_WORDS[report.verdict]
    if check.status is CheckStatus.PASSED:
        return "verified"
    if check.status is CheckStatus.FAILED:
        return f"signature NOT valid ({check.reason.rstrip('.')})"
    if check.status is CheckStatus.WARNING:
        return f"verified with a warning ({check.reason.rstrip('.')})"
    return f"signature not checked ({check.reason.rstrip('.')})"


def status_phrase(report: VerificationReport) -> str:
    check = _worst(_find(report, "status", "revoc"))
    if check is None:
        return "no revocation service named"
    if check.status is CheckStatus.PASSED:
        return "not revoked"
    if check.status is CheckStatus.FAILED:
        return "REVOKED or suspended" if "revok" in check.reason.lower() or "suspend" in check.reason.lower() \
            else f"revocation check failed ({check.reason.rstrip('.')})"
    return f"revocation not checked ({check.reason.rstrip('.')})"


def validity_phrase(report: VerificationReport) -> str:
    check = _worst(_find(report, "validity", "expir"))
    if check is None:
        return "validity period not stated"
    if check.status is CheckStatus.PASSED:
        return "not expired"
    if check.status is CheckStatus.FAILED:
        low = check.reason.lower()
        return "EXPIRED" if "expir" in low else f"not valid at this time ({check.reason.rstrip('.')})"
    return f"validity: {check.reason.rstrip('.')}"


def binding_phrase(cred: Credential | None, holder: str | None) -> str | None:
    """Whether the credential names the presenter as its subject (None: no presenter)."""
    if holder is None:
        return None
    subject = cred.subject.id if cred else None
    if not subject:
        return "does not name its holder (anyone with a copy could present it)"
    if subject == holder:
        return "belongs to the presenter"
    return "issued to another identifier than the presenter's"


def issuer_label(cred: Credential | None, report: VerificationReport, prefs: Sequence[str] = ()) -> str:
    if report.issuer_label:
        return f"{report.issuer_label} (trusted)"
    if cred is None:
        return "an unknown issuer"
    ach = cred.achievement
    issuer = ach.awarding_body if ach and ach.awarding_body else cred.issuer
    name = pick_lang(issuer.name, prefs) or issuer.id or "an unnamed issuer"
    return name


def credential_line(cred: Credential | None, report: VerificationReport, *, holder: str | None = None,
                    prefs: Sequence[str] = (), with_title: bool = True) -> str:
    """"✓ Title — Issued by X — verified — not revoked — not expired — belongs to the presenter"."""
    title = cred.display_title(prefs) if cred else "(unreadable credential)"
    head = f"{MARK[report.verdict]} {title}" if with_title else MARK[report.verdict]
    parts = [head, f"Issued by {issuer_label(cred, report, prefs)}",
             signature_phrase(report), status_phrase(report), validity_phrase(report)]
    trust = report.check("issuer-trusted")
    if trust is not None and trust.status is not CheckStatus.PASSED:
        parts.append("issuer not in your trust store")
    bound = binding_phrase(cred, holder)
    if bound:
        parts.append(bound)
    return " — ".join(parts)


def as_of_line(report: VerificationReport) -> str:
    stamp = report.as_of.strftime("%Y-%m-%d %H:%M %Z").strip()
    extra = f"; EU trusted list of {report.trust_snapshot}" if report.trust_snapshot else ""
    return f"Checked offline as of {stamp}{extra}."
