"""Verifying every proof on a document (sets and chains), as plain results.

Why results before checks: a credential and a presentation ask different
questions of the same proofs (assertionMethod vs authentication, issuer vs
holder, challenge and domain). This module only establishes facts per proof
— did the signature verify, with which key, for what purpose — and
``checks.py`` turns them into the named checks the user sees.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wallet.messages import Message, msg
from wallet.verify.canon import CanonicalizationBudgetExceeded, CanonicalizationRefused, canonicalize_quads
from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.keys import KeyRef, resolve_method
from wallet.verify.dataintegrity.suites import (
    ProofError,
    Suite,
    check_signature,
    hash_data,
    hash_name,
    proof_config,
    suite_of,
)
from wallet.verify.did import KeyResolutionError, NotAvailableOffline, UnsupportedKey
from wallet.verify.jsonld import pinned
from wallet.verify.safe_jsonld import (
    JsonLdProblem,
    UnknownContext,
    check_context_urls,
    inline_context_findings,
    strict_quads,
)


@dataclass(frozen=True)
class ProofResult:
    """What one proof established. ``ok`` is None when it could not be checked."""

    index: int
    proof: Mapping[str, Any]
    suite: Suite | None
    ok: bool | None
    reason: Message
    key: KeyRef | None = None
    offline_gap: bool = False  # not checked only because something must be fetched

    @property
    def purpose(self) -> str | None:
        value = self.proof.get("proofPurpose")
        return value if isinstance(value, str) else None

    @property
    def label(self) -> str:
        if self.suite is not None:
            return self.suite.name
        ptype = self.proof.get("type")
        return str(ptype) if ptype else "untyped proof"


@dataclass(frozen=True)
class JsonLdOutcome:
    """The document-level JSON-LD finding (None problem = acceptable)."""

    problem: str | None
    rdf_checked: bool  # False when only the context allowlist applied (JCS-only proofs)
    canonical_rdf: bytes | None = None  # canonical N-Quads of the document without proofs
    inline_contexts: bool = False  # the document defines some terms itself (flagged)
    unknown_context: str | None = None  # a context URL the wallet does not bundle: could not check, not wrong


def proofs_of(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    raw = document.get("proof")
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    return [p if isinstance(p, Mapping) else {} for p in items]


def unsecured(document: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "proof"}


def check_jsonld(document: Mapping[str, Any], proofs: list[Mapping[str, Any]]) -> JsonLdOutcome:
    """Context allowlist always; strict RDF (no dropped terms) when any proof signs RDF."""
    needs_rdf = any((s := suite_of(p)) is not None and s.canonicalization == "rdfc" for p in proofs)
    canonical: bytes | None = None
    findings: tuple[list[str], bool] | None = None  # inline_context_findings, worked out once
    try:
        if needs_rdf:
            canonical = canonicalize_quads(strict_quads(unsecured(document))).encode("utf-8")
        else:
            check_context_urls(document)
            findings = inline_context_findings(document)
            redefined = findings[0]
            if redefined:
                raise JsonLdProblem(
                    f"the credential redefines terms of a published context ({', '.join(redefined[:5])})"
                )
    except UnknownContext as exc:
        return JsonLdOutcome(str(exc), needs_rdf, unknown_context=exc.url)
    except (JsonLdProblem, CanonicalizationBudgetExceeded, CanonicalizationRefused) as exc:
        return JsonLdOutcome(str(exc), needs_rdf)
    if findings is None:
        findings = inline_context_findings(document)
    return JsonLdOutcome(None, needs_rdf, canonical, findings[1])


def _secured_view(
    document: Mapping[str, Any], proof: Mapping[str, Any], all_proofs: list[Mapping[str, Any]]
) -> dict[str, Any]:
    """The document a proof signed: no proofs, plus the earlier proofs it chains to."""
    base = unsecured(document)
    previous = proof.get("previousProof")
    if previous is None:
        return base
    wanted = previous if isinstance(previous, list) else [previous]
    matching = [p for p in all_proofs if p.get("id") in wanted]
    if len(matching) != len(wanted):
        raise ProofError("the proof chains to an earlier proof that is missing")
    base["proof"] = matching
    return base


def verify_one(
    index: int,
    proof: Mapping[str, Any],
    document: Mapping[str, Any],
    all_proofs: list[Mapping[str, Any]],
    ctx: VerificationContext,
    jsonld: JsonLdOutcome | None = None,
) -> ProofResult:
    """Check one proof's signature (not its purpose or controller)."""
    suite = suite_of(proof)
    if suite is None:
        name = proof.get("cryptosuite") or proof.get("type") or "unknown"
        return ProofResult(index, proof, None, None, msg("proof.unsupported", suite=str(name)))
    method = proof.get("verificationMethod")
    try:
        key = resolve_method(method, ctx)
    except NotAvailableOffline as exc:
        return ProofResult(index, proof, suite, None, msg("proof.key_offline", key=str(method), detail=str(exc)),
                           offline_gap=True)
    except UnsupportedKey as exc:
        return ProofResult(index, proof, suite, None, msg("proof.unsupported_key", key=str(method), suite=suite.name,
                                                          detail=str(exc)))
    except KeyResolutionError as exc:
        return ProofResult(index, proof, suite, False, msg("proof.key_not_found", key=str(method), detail=str(exc)))
    if jsonld is not None and jsonld.unknown_context and suite.canonicalization == "rdfc":
        return ProofResult(index, proof, suite, None,
                           msg("proof.unknown_context", url=jsonld.unknown_context, suite=suite.name), key)
    try:
        if jsonld is not None and jsonld.problem and suite.canonicalization == "rdfc":
            return ProofResult(index, proof, suite, False,
                               msg("proof.jsonld_problem", suite=suite.name, detail=jsonld.problem), key)
        config = proof_config(suite, proof, document)
        reuse = (
            jsonld.canonical_rdf
            if jsonld is not None and suite.canonicalization == "rdfc" and "previousProof" not in proof
            and hash_name(suite, key.resolved.key_type) == "sha256"  # the JSON-LD check labels with SHA-256
            else None
        )
        view = _secured_view(document, proof, all_proofs)
        data = hash_data(suite, key.resolved.key_type, config, view, reuse)
        ok = check_signature(suite, key.resolved.key, key.resolved.key_type, proof, data)
    except UnknownContext as exc:  # the proof options (or a chained proof) name an unknown context
        return ProofResult(index, proof, suite, None, msg("proof.unknown_context", url=exc.url, suite=suite.name), key)
    except (ProofError, JsonLdProblem, CanonicalizationBudgetExceeded, CanonicalizationRefused) as exc:
        return ProofResult(index, proof, suite, False, msg("proof.error", suite=suite.name, detail=str(exc)), key)
    if not ok:
        return ProofResult(index, proof, suite, False,
                           msg("proof.mismatch", suite=suite.name, key=key.resolved.vm_id), key)
    return ProofResult(index, proof, suite, True, msg("proof.ok", suite=suite.name, key=key.resolved.vm_id), key)


def verify_proofs(document: Mapping[str, Any], ctx: VerificationContext) -> tuple[list[ProofResult], JsonLdOutcome]:
    """Every proof's result, plus the JSON-LD finding for the document.

    The JSON-LD loader may use the contexts the user pinned (``ctx.pinned_contexts``), for this call only.
    """
    with pinned(ctx.pinned_contexts):
        proofs = proofs_of(document)
        jsonld = check_jsonld(document, proofs)
        results = [verify_one(i, p, document, proofs, ctx, jsonld) for i, p in enumerate(proofs)]
    return results, jsonld
