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

from wallet.model import Check, CheckStatus
from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.proofs import JsonLdOutcome, ProofResult, verify_proofs

PASSED, FAILED, WARNING, NOT_CHECKED = (
    CheckStatus.PASSED,
    CheckStatus.FAILED,
    CheckStatus.WARNING,
    CheckStatus.NOT_CHECKED,
)


def jsonld_check(outcome: JsonLdOutcome) -> Check:
    if outcome.problem:
        return Check("jsonld", FAILED, _sentence(outcome.problem))
    if outcome.inline_contexts:
        return Check(
            "jsonld", WARNING,
            "The credential defines some of its own terms instead of using only published contexts.",
        )
    if outcome.rdf_checked:
        return Check("jsonld", PASSED, "Every term is defined by a known, bundled context.")
    return Check("jsonld", PASSED, "The credential uses only known, bundled contexts.")


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith(".") else text + "."


def signature_check(results: Sequence[ProofResult], name: str = "signature", what: str = "credential") -> Check:
    """One essential check summarising every proof."""
    if not results:
        return Check(name, FAILED, f"The {what} is not signed, so its content cannot be trusted.", True)
    failed = [r for r in results if r.ok is False]
    good = [r for r in results if r.ok is True]
    unchecked = [r for r in results if r.ok is None]
    many = len(results) > 1
    if failed:
        r = failed[0]
        prefix = f"Proof {r.index + 1} ({r.label}): " if many else ""
        return Check(name, FAILED, _sentence(prefix + r.reason), True)
    if good and unchecked:
        others = ", ".join(r.label for r in unchecked)
        return Check(
            name, WARNING,
            f"{len(good)} signature(s) verified; {len(unchecked)} other proof(s) ({others}) could not be checked.",
            True,
        )
    if good:
        if many:
            return Check(name, PASSED, f"All {len(good)} signatures verified ({', '.join(r.label for r in good)}).", True)
        return Check(name, PASSED, _sentence(good[0].reason), True)
    return Check(name, NOT_CHECKED, _sentence(unchecked[0].reason), True)


def purpose_check(results: Sequence[ProofResult], purpose: str) -> Check | None:
    """The signature was made for ``purpose`` and the key's owner allows that use."""
    good = [r for r in results if r.ok]
    if not good:
        return None
    for r in good:
        if r.purpose != purpose:
            return Check(
                "proof-purpose", FAILED,
                f"The signature was made for '{r.purpose}', not for '{purpose}' as required.",
            )
        key = r.key
        if key is not None and not key.self_asserted and not key.resolved.allows(purpose):
            return Check(
                "proof-purpose", FAILED,
                f"The key's owner has not authorised it for '{purpose}'.",
            )
    return Check("proof-purpose", PASSED, f"The signature was made for '{purpose}', as required.")


def _can_own_keys(identifier: str) -> bool:
    return identifier.startswith(("did:", "https:", "http:"))


def controller_check(
    results: Sequence[ProofResult], expected: str | None, name: str = "issuer-key", who: str = "issuer"
) -> Check | None:
    """The verifying key belongs to ``expected`` (the issuer or the holder)."""
    good = [r for r in results if r.ok and r.key is not None]
    if not good:
        return None
    if not expected:
        return Check(name, FAILED, f"The document names no {who}, so the key cannot be linked to one.")
    warnings: list[str] = []
    for r in good:
        assert r.key is not None
        controller = r.key.resolved.controller
        if controller == expected:
            if r.key.self_asserted:
                warnings.append(
                    f"The key is named only inside the document; the {who}'s published profile "
                    "was not available offline to confirm it."
                )
            continue
        if not _can_own_keys(expected):
            warnings.append(f"The {who} ({expected}) is not an identifier that can own keys, so the signing key cannot be linked to it.")
            continue
        return Check(name, FAILED, f"The signing key belongs to {controller}, not to the {who} {expected}.")
    if warnings:
        return Check(name, WARNING, warnings[0])
    return Check(name, PASSED, f"The signing key belongs to the {who}.")


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
