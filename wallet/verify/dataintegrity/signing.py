"""Adding a Data Integrity proof to a document (the wallet's own presentations, demo issuers).

Why here: signing uses exactly the byte construction that verification
checks (``suites.hash_data``), so anything the wallet signs verifies with
its own verifier and with the reference peer. The input document is never
modified; a new dict with the proof added is returned. A document that
already has proofs gets one more (a proof set), signed over the document
without its earlier proofs.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.verify.dataintegrity.suites import (
    ALIASES,
    SUITES,
    ProofError,
    hash_data,
    make_signature,
    proof_config,
)

PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey


def _key_type(private_key: Any) -> str:
    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        return "Ed25519"
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        name = private_key.curve.name
        if name == "secp256r1":
            return "P-256"
        if name == "secp384r1":
            return "P-384"
    raise ProofError("only Ed25519, P-256 and P-384 private keys can sign")


def _instant(value: str | datetime | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(
    document: dict[str, Any],
    private_key: Any,
    verification_method: str,
    cryptosuite: str = "eddsa-rdfc-2022",
    proof_purpose: str = "assertionMethod",
    challenge: str | None = None,
    domain: str | None = None,
    created: str | datetime | None = None,
    expires: str | datetime | None = None,
) -> dict[str, Any]:
    """A copy of ``document`` with a new proof by ``private_key`` added.

    ``cryptosuite`` is a Data Integrity cryptosuite name (eddsa-rdfc-2022,
    eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-jcs-2019) or a legacy proof type
    (Ed25519Signature2020, Ed25519Signature2018).
    """
    suite = SUITES.get(ALIASES.get(cryptosuite, cryptosuite))
    if suite is None:
        raise ProofError(f"the cryptosuite {cryptosuite} is not supported for signing")
    key_type = _key_type(private_key)
    if key_type not in suite.key_types:
        raise ProofError(f"{suite.name} cannot sign with a {key_type} key")
    proof: dict[str, Any] = {"type": suite.proof_type}
    if suite.proof_type == "DataIntegrityProof":
        proof["cryptosuite"] = suite.name
    proof["created"] = _instant(created) or _instant(datetime.now(UTC))
    proof["verificationMethod"] = verification_method
    proof["proofPurpose"] = proof_purpose
    for name, value in (("challenge", challenge), ("domain", domain), ("expires", _instant(expires))):
        if value is not None:
            proof[name] = value
    unsecured = {k: copy.deepcopy(v) for k, v in document.items() if k != "proof"}
    if suite.canonicalization == "jcs" and "@context" in unsecured:
        proof["@context"] = copy.deepcopy(unsecured["@context"])
    config = proof_config(suite, proof, unsecured)
    data = hash_data(suite, key_type, config, unsecured)
    proof[suite.value_field] = make_signature(suite, private_key, key_type, data)
    signed = copy.deepcopy(dict(document))
    existing = signed.get("proof")
    if existing is None:
        signed["proof"] = proof
    else:
        signed["proof"] = [*(existing if isinstance(existing, list) else [existing]), proof]
    return signed
