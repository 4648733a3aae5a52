"""Turning proof results into the named checks a person reads.

Why here and not in the engine: credentials and presentations share the
rules (one essential signature check, the purpose the key was used for, who
controls the key) but name them differently ('signature' vs
'presentation-signature', issuer vs holder). The wording is deliberately
plain: one sentence each, no jargon beyond "signature" and "key".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus
from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.proofs import JsonLdOutcome, ProofResult, verify_proofs

PASSED, FAILED, WARNING, NOT_CHECKED = (
    CheckStatus.PASSED,
    CheckStatus.FAILED,
    CheckStatus.WARNING,
    CheckStatus.NOT_CHECKED,
)


def jsonld_check(outcome: JsonLdOutcome) -> Check:
    if outcome.unknown_context:
        # Not a finding against the credential: the wallet does not know the vocabulary, so nothing it
        # says can be read with certainty (essential: the verdict is "cannot be checked", never "valid").
        return Check(CheckId.JSONLD, NOT_CHECKED, msg("jsonld.unknown_context", url=outcome.unknown_context), True)
    if outcome.problem:
        return Check(CheckId.JSONLD, FAILED, msg("jsonld.problem", detail=outcome.problem))
    if outcome.inline_contexts:
        return Check(CheckId.JSONLD, WARNING, msg("jsonld.inline"))
    if outcome.rdf_checked:
        return Check(CheckId.JSONLD, PASSED, msg("jsonld.all_defined"))
    return Check(CheckId.JSONLD, PASSED, msg("jsonld.known_contexts"))


def _suites(results: Sequence[ProofResult]) -> str:
    return ", ".join(r.label for r in results)


def signature_check(results: Sequence[ProofResult], check_id: CheckId = CheckId.SIGNATURE,
                    presentation: bool = False) -> Check:
    """One essential check summarising every proof."""
    if not results:
        return Check(check_id, FAILED, msg("signature.none_presentation" if presentation else "signature.none"), True)
    failed = [r for r in results if r.ok is False]
    good = [r for r in results if r.ok is True]
    unchecked = [r for r in results if r.ok is None]
    if failed:
        r = failed[0]
        if len(results) > 1:
            return Check(check_id, FAILED, msg("signature.proof_failed", number=r.index + 1, suite=r.label,
                                                reason=r.reason), True)
        return Check(check_id, FAILED, r.reason, True)
    if good and unchecked:
        return Check(check_id, WARNING, msg("signature.partly", count=len(good), unchecked=len(unchecked),
                                             suites=_suites(unchecked)), True)
    if good:
        if len(results) > 1:
            return Check(check_id, PASSED, msg("signature.all_ok", count=len(good), suites=_suites(good)), True)
        key = good[0].key.resolved.vm_id if good[0].key is not None else None
        ok_id = "signature.ok_presentation" if presentation else "signature.ok"
        return Check(check_id, PASSED, msg(ok_id, suite=good[0].label, key=key), True)
    return Check(check_id, NOT_CHECKED, unchecked[0].reason, True)


def purpose_check(results: Sequence[ProofResult], purpose: str) -> Check | None:
    """The signature was made for ``purpose`` and the key's owner allows that use."""
    good = [r for r in results if r.ok]
    if not good:
        return None
    for r in good:
        if r.purpose != purpose:
            return Check(CheckId.PROOF_PURPOSE, FAILED, msg("purpose.wrong", used=r.purpose, required=purpose))
        key = r.key
        if key is not None and not key.self_asserted and not key.resolved.allows(purpose):
            return Check(CheckId.PROOF_PURPOSE, FAILED, msg("purpose.not_allowed", required=purpose,
                                                             key=key.resolved.vm_id))
    return Check(CheckId.PROOF_PURPOSE, PASSED, msg("purpose.ok", required=purpose))


def _can_own_keys(identifier: str) -> bool:
    return identifier.startswith(("did:", "https:", "http:"))


#: (no one named, key only in the document, identifier cannot own keys, someone else's key, ok) per role.
_ROLE_MESSAGES = {
    "issuer": ("issuer_key.no_issuer", "issuer_key.self_asserted", "issuer_key.cannot_own",
               "issuer_key.other", "issuer_key.ok"),
    "holder": ("holder_key.no_holder", "holder_key.self_asserted", "holder_key.cannot_own",
               "holder_key.other", "holder_key.ok"),
}


def controller_check(
    results: Sequence[ProofResult], expected: str | None, check_id: CheckId = CheckId.ISSUER_KEY,
    who: str = "issuer",
) -> Check | None:
    """The verifying key belongs to ``expected`` (the issuer or the holder)."""
    none_named, self_asserted, cannot_own, other, ok = _ROLE_MESSAGES[who]
    good = [r for r in results if r.ok and r.key is not None]
    if not good:
        return None
    if not expected:
        return Check(check_id, FAILED, msg(none_named))
    warning: Check | None = None
    for r in good:
        assert r.key is not None
        controller = r.key.resolved.controller
        if controller == expected:
            if r.key.self_asserted and warning is None:
                warning = Check(check_id, WARNING, msg(self_asserted, key=r.key.resolved.vm_id))
            continue
        if not _can_own_keys(expected):
            warning = warning or Check(check_id, WARNING, msg(cannot_own, party=expected))
            continue
        return Check(check_id, FAILED, msg(other, owner=controller, party=expected))
    return warning or Check(check_id, PASSED, msg(ok, party=expected))


def issuer_id(document: Mapping[str, Any]) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def credential_proof_checks(document: Mapping[str, Any], ctx: VerificationContext) -> list[Check]:
    """jsonld, signature, proof-purpose and issuer-key checks for a credential."""
    results, outcome = verify_proofs(document, ctx)
    checks = [jsonld_check(outcome), signature_check(results)]
    purpose = purpose_check(results, "assertionMethod")
    if purpose:
        checks.append(purpose)
    binding = controller_check(results, issuer_id(document))
    if binding:
        checks.append(binding)
    return checks
