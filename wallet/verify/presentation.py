"""Verifiable Presentations: the holder's signature, freshness, binding, and each credential.

Why these checks: a presentation proves "the holder showed these
credentials to you, now". So its signature must use an *authentication*
key of the holder, the challenge and domain must be the ones the verifier
asked for (otherwise it may be a replay), it must not have expired, the
credentials must be about the holder (where they name a subject), and each
embedded credential must verify on its own. Holder binding: a presentation
signed by someone other than its holder fails; a credential whose named
subject is not the holder is a warning, not a failure — learners often hold
credentials issued to an identifier from another wallet, and the reader
must be told that this one is not proven to belong to the presenter rather
than see the whole bundle rejected.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from wallet.messages import Message, msg
from wallet.model import Check, CheckId, CheckStatus, Verdict, VerificationReport
from wallet.util.values import as_list
from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.checks import (
    jsonld_check,
    purpose_check,
    signature_check,
)
from wallet.verify.dataintegrity.proofs import ProofResult, verify_proofs
from wallet.verify.validity import (
    BadDate,
    Window,
    parse_datetime,
    validity_check,
    window_check,
)

PASSED, FAILED, WARNING, NOT_CHECKED = (
    CheckStatus.PASSED,
    CheckStatus.FAILED,
    CheckStatus.WARNING,
    CheckStatus.NOT_CHECKED,
)

Embedded = Callable[[Any, VerificationContext], tuple[str, VerificationReport]]



def _holder(doc: Mapping[str, Any]) -> str | None:
    holder = doc.get("holder")
    if isinstance(holder, Mapping):
        holder = holder.get("id")
    return holder if isinstance(holder, str) else None


_EXPECTED = {
    # (given but not asked, none asked and none given, no valid signature, mismatch, ok)
    CheckId.CHALLENGE: ("challenge.unexpected", "challenge.none", "challenge.unsigned", "challenge.mismatch",
                        "challenge.ok"),
    CheckId.DOMAIN: ("domain.unexpected", "domain.none", "domain.unsigned", "domain.mismatch", "domain.ok"),
}


def _expected_value_check(check_id: CheckId, expected: str | None, results: list[ProofResult]) -> Check:
    """challenge / domain: the proof must carry exactly what the verifier asked for."""
    unexpected, none, unsigned, mismatch, ok = _EXPECTED[check_id]
    good = [r for r in results if r.ok]
    values = [r.proof.get(check_id.value) for r in good]
    if expected is None:
        if any(v is not None for v in values):
            return Check(check_id, NOT_CHECKED, msg(unexpected, given=next(v for v in values if v is not None)))
        # A domain is optional on both sides: none asked, none given is fine.
        return Check(check_id, PASSED if check_id is CheckId.DOMAIN else NOT_CHECKED, msg(none))
    if not good:
        return Check(check_id, NOT_CHECKED, msg(unsigned))
    for value in values:
        got = value if isinstance(value, list) else [value]
        if expected not in got:
            return Check(check_id, FAILED, msg(mismatch, given=value, expected=expected))
    return Check(check_id, PASSED, msg(ok, expected=expected))


def _expiry_check(doc: Mapping[str, Any], results: list[ProofResult], ctx: VerificationContext) -> Check:
    """VP validUntil/validFrom and any proof 'expires'."""
    base = validity_check(doc, ctx, "presentation")
    if base.status is FAILED:
        return base
    earliest: Check | None = None
    earliest_when = None
    for r in results:
        expires = r.proof.get("expires")
        if expires is None:
            continue
        try:
            when = parse_datetime(expires)
        except BadDate:
            return Check(CheckId.VALIDITY, FAILED, msg("validity.signature.unreadable"))
        check = window_check(Window(None, when), ctx, "presentation")
        if check.status is FAILED:
            return check
        if earliest_when is None or when < earliest_when:
            earliest, earliest_when = check, when
    # A signature expiry bounds the presentation even when the VP itself states none.
    if earliest is not None and base.message.id == "validity.presentation.open":
        return earliest
    return base


def _subject_ids(credential_doc: Any) -> list[str]:
    if not isinstance(credential_doc, Mapping):
        return []
    ids = []
    for subject in as_list(credential_doc.get("credentialSubject")):
        if isinstance(subject, Mapping) and isinstance(subject.get("id"), str):
            ids.append(subject["id"])
    return ids


def _binding_check(doc: Mapping[str, Any], results: list[ProofResult]) -> Check:
    holder = _holder(doc)
    signers = {r.key.resolved.controller for r in results if r.ok and r.key is not None}
    if holder and signers and holder not in signers:
        return Check(CheckId.HOLDER_BINDING, FAILED, msg("holder.signed_by_other", signer=min(signers), holder=holder))
    who = holder or (min(signers) if len(signers) == 1 else None)
    if who is None:
        return Check(CheckId.HOLDER_BINDING, WARNING, msg("holder.unnamed"))
    for i, item in enumerate(as_list(doc.get("verifiableCredential"))):
        for sid in _subject_ids(item):
            if sid != who:
                return Check(CheckId.HOLDER_BINDING, WARNING,
                             msg("holder.other_subject", number=i + 1, subject=sid, holder=who))
    return Check(CheckId.HOLDER_BINDING, PASSED, msg("holder.ok", holder=who))


_VERDICT_STATUS = {
    Verdict.VALID: PASSED,
    Verdict.VALID_WITH_WARNINGS: WARNING,
    Verdict.INVALID: FAILED,
    Verdict.CANNOT_VERIFY_OFFLINE: NOT_CHECKED,
}


def main_reason(report: VerificationReport) -> Message:
    """The message that best explains a report's verdict: its worst check's."""
    for status in (FAILED, NOT_CHECKED, WARNING):
        for c in report.checks:
            if c.status is status:
                return c.message
    return msg("credential.all_passed")


def credential_summary(index: int, title: str, report: VerificationReport) -> Check:
    verdict = report.verdict
    message = msg("credential.summary", title=title, verdict=verdict.value, reason=main_reason(report))
    return Check(CheckId.CREDENTIAL, _VERDICT_STATUS[verdict], message, index=index)


def presentation_checks(doc: Mapping[str, Any], ctx: VerificationContext, embedded: Embedded) -> list[Check]:
    """Every check of a JSON-LD presentation, including one summary per credential."""
    results, outcome = verify_proofs(doc, ctx)
    checks: list[Check] = [jsonld_check(outcome)]
    if results:
        checks.append(signature_check(results, CheckId.PRESENTATION_SIGNATURE, presentation=True))
        purpose = purpose_check(results, "authentication")
        if purpose:
            checks.append(purpose)
    else:
        checks.append(Check(CheckId.PRESENTATION_SIGNATURE, WARNING, msg("signature.none_presentation")))
    checks.append(_expected_value_check(CheckId.CHALLENGE, ctx.challenge, results))
    checks.append(_expected_value_check(CheckId.DOMAIN, ctx.domain, results))
    checks.append(_expiry_check(doc, results, ctx))
    checks.append(_binding_check(doc, results))
    items = as_list(doc.get("verifiableCredential"))
    if not items:
        checks.append(Check(CheckId.CREDENTIAL, WARNING, msg("presentation.empty"), index=0))
    for i, item in enumerate(items):
        if isinstance(item, Mapping) and "@context" not in item and "@context" in doc:
            item = {"@context": doc["@context"], **item}  # an embedded node inherits the VP's context
        title, report = embedded(item, ctx)
        checks.append(credential_summary(i, title, report))
    return checks
