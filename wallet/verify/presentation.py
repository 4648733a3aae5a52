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

from wallet.model import Check, CheckStatus, Verdict, VerificationReport
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


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _holder(doc: Mapping[str, Any]) -> str | None:
    holder = doc.get("holder")
    if isinstance(holder, Mapping):
        holder = holder.get("id")
    return holder if isinstance(holder, str) else None


def _expected_value_check(name: str, expected: str | None, results: list[ProofResult]) -> Check:
    """challenge / domain: the proof must carry exactly what the verifier asked for."""
    good = [r for r in results if r.ok]
    values = [r.proof.get(name) for r in good]
    if expected is None:
        if any(v is not None for v in values):
            return Check(name, NOT_CHECKED, f"No {name} was expected, so replay of this presentation cannot be ruled out.")
        if name == "domain":
            # A domain is optional on both sides: none asked, none given is fine.
            return Check(name, PASSED, "No domain was asked for, and the presentation names none.")
        return Check(name, NOT_CHECKED, f"No {name} was expected or given.")
    if not good:
        return Check(name, NOT_CHECKED, f"The {name} cannot be checked without a valid signature.")
    for value in values:
        got = value if isinstance(value, list) else [value]
        if expected not in got:
            shown = "none" if value is None else repr(value)
            return Check(name, FAILED, f"The presentation was made for {name} {shown}, not {expected!r}.")
    return Check(name, PASSED, f"The {name} matches the one you asked for.")


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
            return Check("validity", FAILED, "The presentation's signature has an unreadable expiry date.")
        check = window_check(Window(None, when), ctx, "presentation")
        if check.status is FAILED:
            return check
        if earliest_when is None or when < earliest_when:
            earliest, earliest_when = check, when
    # A signature expiry bounds the presentation even when the VP itself states none.
    if earliest is not None and "no expiry" in base.reason:
        return earliest
    return base


def _subject_ids(credential_doc: Any) -> list[str]:
    if not isinstance(credential_doc, Mapping):
        return []
    ids = []
    for subject in _as_list(credential_doc.get("credentialSubject")):
        if isinstance(subject, Mapping) and isinstance(subject.get("id"), str):
            ids.append(subject["id"])
    return ids


def _binding_check(doc: Mapping[str, Any], results: list[ProofResult]) -> Check:
    holder = _holder(doc)
    signers = {r.key.resolved.controller for r in results if r.ok and r.key is not None}
    if holder and signers and holder not in signers:
        return Check("holder-binding", FAILED, f"The presentation is signed by {min(signers)}, not by its holder {holder}.")
    who = holder or (min(signers) if len(signers) == 1 else None)
    if who is None:
        return Check("holder-binding", WARNING, "The presentation does not say who its holder is.")
    for i, item in enumerate(_as_list(doc.get("verifiableCredential"))):
        for sid in _subject_ids(item):
            if sid != who:
                return Check(
                    "holder-binding",
                    WARNING,
                    f"Credential {i + 1} was issued to {sid}, not to the presenter's key {who}: "
                    "it is not proven to belong to the presenter.",
                )
    return Check("holder-binding", PASSED, "The credentials are about the holder who signed the presentation.")


_VERDICT_STATUS = {
    Verdict.VALID: PASSED,
    Verdict.VALID_WITH_WARNINGS: WARNING,
    Verdict.INVALID: FAILED,
    Verdict.CANNOT_VERIFY_OFFLINE: NOT_CHECKED,
}


def _main_reason(report: VerificationReport) -> str:
    for status in (FAILED, NOT_CHECKED, WARNING):
        for c in report.checks:
            if c.status is status:
                return c.reason
    return "all checks passed."


def credential_summary(index: int, title: str, report: VerificationReport) -> Check:
    verdict = report.verdict
    reason = f"{title}: {verdict.value} — {_main_reason(report)}"
    return Check(f"credential[{index}]", _VERDICT_STATUS[verdict], reason)


def presentation_checks(doc: Mapping[str, Any], ctx: VerificationContext, embedded: Embedded) -> list[Check]:
    """Every check of a JSON-LD presentation, including one summary per credential."""
    results, outcome = verify_proofs(doc, ctx)
    checks: list[Check] = [jsonld_check(outcome)]
    if results:
        checks.append(signature_check(results, "presentation-signature", "presentation"))
        purpose = purpose_check(results, "authentication")
        if purpose:
            checks.append(purpose)
    else:
        checks.append(Check(
            "presentation-signature", WARNING,
            "The presentation is not signed by its holder, so it does not prove who presented it.",
        ))
    checks.append(_expected_value_check("challenge", ctx.challenge, results))
    checks.append(_expected_value_check("domain", ctx.domain, results))
    checks.append(_expiry_check(doc, results, ctx))
    checks.append(_binding_check(doc, results))
    items = _as_list(doc.get("verifiableCredential"))
    if not items:
        checks.append(Check("credential[0]", WARNING, "The presentation holds no credentials."))
    for i, item in enumerate(items):
        if isinstance(item, Mapping) and "@context" not in item and "@context" in doc:
            item = {"@context": doc["@context"], **item}  # an embedded node inherits the VP's context
        title, report = embedded(item, ctx)
        checks.append(credential_summary(i, title, report))
    return checks
