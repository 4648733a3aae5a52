"""Verifying Blockcerts certificates offline: what can be checked, and saying plainly what cannot.

Offline the wallet can prove that the certificate is *unchanged* since its
hash went into a Merkle tree: it normalises the document without its proof
(RDFC-1.0, the URDNA2015 of cert-verifier-js, with the bundled Blockcerts
contexts and the strict "no unmapped terms" rule Blockcerts also applies),
compares the SHA-256 with the receipt's ``targetHash``, and follows the
receipt's path to its ``merkleRoot`` (:mod:`wallet.verify.merkle_receipt`).

It cannot prove offline that the root is in the blockchain transaction the
receipt names, nor that the transaction was sent from the issuer's address
listed in its profile: that is what ties the certificate to its issuer and
to a date. So ``issuer-key`` (the anchor) is *not checked*, essential, and
the verdict is "cannot verify offline" even when everything else holds;
revocation lists are online too. Checks:

* ``jsonld``: the document's terms are all defined by known contexts (an
  unknown context: not checked, the wallet could not compute the hash);
* ``signature`` (essential): hash and Merkle path agree (failed: changed);
* ``issuer-key`` (essential): the blockchain anchor, not checked offline;
* ``validity`` and ``status`` as for Open Badges 2.0 (v2) or VCs (v3).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping
from typing import Any

from wallet.formats.blockcerts import is_v1, is_v2, merkle_proof_2019
from wallet.formats.ob2 import issuer_profile
from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential
from wallet.util.values import as_list
from wallet.verify.canon import CanonicalizationBudgetExceeded, canonicalize_quads
from wallet.verify.context import VerificationContext
from wallet.verify.merkle_receipt import Receipt, ReceiptError, receipt_2017, receipt_2019, root_of
from wallet.verify.ob2 import assertion_validity_check, revocation_check
from wallet.verify.safe_jsonld import JsonLdProblem, UnknownContext, strict_quads
from wallet.verify.validity import validity_check
from wallet.verify.vcdm import credential_problems

PASSED, FAILED, NOT_CHECKED = CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.NOT_CHECKED


def unsigned_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What the issuer hashed: the certificate without its Merkle proof.

    As cert-verifier-js ``retrieveUnsignedBlockcerts``: v2 drops ``signature``;
    v3 drops ``proof``; a ``ChainedProof2021`` covers the document with the
    proof it chains to. In a Data Integrity proof set the Merkle proof covers
    the document without proofs, plus the earlier proofs its ``previousProof``
    names (Data Integrity 2.1, proof chains).
    """
    out = copy.deepcopy(dict(doc))
    if "signature" in out and "proof" not in out:
        del out["signature"]
        return out
    proofs = out.pop("proof", None)
    if not isinstance(proofs, list):
        return out
    merkle = merkle_proof_2019(doc)
    if merkle is not None and merkle.get("type") == "ChainedProof2021":
        out["proof"] = next((p for p in proofs if not (isinstance(p, Mapping) and p.get("type") == "ChainedProof2021")),
                            None)
        return out
    previous = as_list(merkle.get("previousProof")) if merkle is not None else []
    chained = [p for p in proofs if isinstance(p, Mapping) and p.get("id") in previous]
    if chained:
        out["proof"] = chained if len(chained) > 1 else chained[0]
    return out


def _receipt(doc: Mapping[str, Any]) -> Receipt:
    if is_v2(doc):
        return receipt_2017(doc["signature"])
    proof = merkle_proof_2019(doc)
    return receipt_2019(proof.get("proofValue") if proof else None)


def _integrity(doc: Mapping[str, Any], receipt: Receipt) -> tuple[Check, Check]:
    """(jsonld, signature): the normalised hash against the receipt, then the path to the root."""
    try:
        canonical = canonicalize_quads(strict_quads(unsigned_document(doc)))
    except UnknownContext as exc:
        return (Check(CheckId.JSONLD, NOT_CHECKED, msg("jsonld.unknown_context", url=exc.url), True),
                Check(CheckId.SIGNATURE, NOT_CHECKED, msg("proof.unknown_context", url=exc.url, suite="Blockcerts"),
                      True))
    except (JsonLdProblem, CanonicalizationBudgetExceeded) as exc:
        return (Check(CheckId.JSONLD, FAILED, msg("jsonld.problem", detail=str(exc))),
                Check(CheckId.SIGNATURE, FAILED, msg("proof.jsonld_problem", suite="Blockcerts", detail=str(exc)),
                      True))
    jsonld = Check(CheckId.JSONLD, PASSED, msg("jsonld.all_defined"))
    local = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    if local != receipt.target_hash:
        return jsonld, Check(CheckId.SIGNATURE, FAILED, msg("blockcerts.hash_mismatch", computed=local,
                                                            expected=receipt.target_hash), True)
    root = root_of(receipt)
    if root != receipt.merkle_root:
        return jsonld, Check(CheckId.SIGNATURE, FAILED, msg("blockcerts.path_mismatch", computed=root,
                                                            expected=receipt.merkle_root), True)
    return jsonld, Check(CheckId.SIGNATURE, PASSED, msg("blockcerts.intact", target_hash=receipt.target_hash,
                                                        merkle_root=receipt.merkle_root), True)


def _anchor(receipt: Receipt) -> Check:
    anchors = ", ".join(receipt.anchors) or "none"
    if receipt.mock:
        return Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("blockcerts.anchor_mock", anchors=anchors), True)
    return Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("blockcerts.anchor_offline", anchors=anchors,
                                                      merkle_root=receipt.merkle_root), True)


def _status(doc: Mapping[str, Any], ctx: VerificationContext) -> Check | None:
    if is_v2(doc):
        return revocation_check(doc, issuer_profile(dict(doc), ctx.documents), ctx)
    if not as_list(doc.get("credentialStatus")):
        return None
    from wallet.verify.engine import verify_status_list  # deferred: the engine loads this module on demand
    from wallet.verify.status import status_check

    return status_check(doc, ctx, verify_status_list)


def verify_blockcerts(cred: Credential, ctx: VerificationContext, _hint: Any = None) -> list[Check]:
    """The checks of a Blockcerts v2 or v3 certificate (see the module docstring)."""
    doc = cred.document
    if not isinstance(doc, Mapping):
        return [Check(CheckId.FORMAT, FAILED, msg("format.json_unreadable"))]
    if is_v1(doc):
        return [Check(CheckId.FORMAT, PASSED, msg("format.recognised", fmt=cred.format.value)),
                Check(CheckId.SIGNATURE, NOT_CHECKED, msg("blockcerts.v1_unsupported"), True)]
    problems = [] if is_v2(doc) else credential_problems(doc)
    checks = [Check(CheckId.FORMAT, FAILED, msg("format.data_model", detail=problems[0])) if problems
              else Check(CheckId.FORMAT, PASSED, msg("format.recognised", fmt=cred.format.value))]
    try:
        receipt = _receipt(doc)
    except ReceiptError as exc:
        return [*checks, Check(CheckId.SIGNATURE, FAILED, msg("blockcerts.receipt_unreadable", detail=str(exc)), True)]
    checks += [*_integrity(doc, receipt), _anchor(receipt)]
    checks.append(assertion_validity_check(doc, ctx) if is_v2(doc) else validity_check(doc, ctx))
    status = _status(doc, ctx)
    if status is not None:
        checks.append(status)
    return checks
