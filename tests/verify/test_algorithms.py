"""Algorithms and key types beyond EdDSA/ES256, and "could not check" vs "forged" (issue 11, section 4).

Keys are made here with ``cryptography``; tokens are signed with the wallet's
own signer (:func:`wallet.verify.jose.sign_compact`) or, for the x5c chains,
with certificates built by ``cryptography``. Every supported algorithm must
verify, a change to the content must fail, and a key or algorithm the wallet
does not implement must be *not checked* (cannot be checked), never failed.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import base58
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed448, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509.oid import NameOID

from tests.verify.helpers import ISSUER, ob3_credential, raw
from wallet.model import CheckStatus
from wallet.readout import State, credential_state
from wallet.util.b64 import b64url_encode
from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.signing import sign
from wallet.verify.did import did_key_for
from wallet.verify.engine import verify_bytes
from wallet.verify.jose import sign_compact

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ISSUED = int(datetime(2025, 6, 1, tzinfo=UTC).timestamp())


def _vc11(issuer: str) -> dict[str, Any]:
    return {
        "iss": issuer, "nbf": ISSUED, "iat": ISSUED, "jti": "urn:uuid:3f1e0b5c-alg-test",
        "vc": {
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiableCredential"],
            "issuer": issuer,
            "issuanceDate": "2025-06-01T00:00:00Z",
            "id": "urn:uuid:3f1e0b5c-alg-test",
            "credentialSubject": {"id": "did:example:learner", "name": "Ada"},
        },
    }


def _checks(token: str, **ctx: Any) -> dict[str, Any]:
    ctx.setdefault("now", NOW)
    _, report = verify_bytes(token.encode(), VerificationContext(**ctx))
    return {c.name: c for c in report.checks} | {"_report": report}


def _tamper(token: str) -> str:
    head, body, sig = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=="))
    payload["vc"]["credentialSubject"]["name"] = "Mallory"
    return f"{head}.{b64url_encode(json.dumps(payload).encode())}.{sig}"


def _jwk(key: Any) -> dict[str, str]:
    numbers = key.public_key().public_numbers() if hasattr(key, "public_key") else key.public_numbers()
    if isinstance(numbers, rsa.RSAPublicNumbers):
        n, e = numbers.n, numbers.e
        return {"kty": "RSA", "n": b64url_encode(n.to_bytes((n.bit_length() + 7) // 8, "big")),
                "e": b64url_encode(e.to_bytes((e.bit_length() + 7) // 8, "big"))}
    raise AssertionError("only RSA here")


# ---------------------------------------------------------------- ES256K / secp256k1


def test_es256k_with_did_key_secp256k1_verifies_and_a_change_fails() -> None:
    key = ec.derive_private_key(0x5EC9_256C_1000_0001, ec.SECP256K1())
    did = did_key_for(key.public_key())
    assert did.startswith("did:key:zQ3s")  # the multicodec prefix 0xe7 of secp256k1-pub
    token = sign_compact({"alg": "ES256K", "typ": "JWT", "kid": f"{did}#{did.split(':')[-1]}"}, _vc11(did), key)
    checks = _checks(token)
    assert checks["signature"].status is CheckStatus.PASSED, checks["signature"].explained
    assert "ES256K" in checks["signature"].explained
    assert checks["issuer-key"].status is CheckStatus.PASSED
    tampered = _checks(_tamper(token))
    assert tampered["signature"].status is CheckStatus.FAILED


def test_es256k_header_with_a_p256_key_is_algorithm_confusion() -> None:
    key = ec.derive_private_key(0x1234, ec.SECP256R1())
    did = did_key_for(key.public_key())
    token = sign_compact({"alg": "ES256", "typ": "JWT", "kid": f"{did}#{did.split(':')[-1]}"}, _vc11(did), key)
    head, body, sig = token.split(".")
    forged_head = b64url_encode(json.dumps({"alg": "ES256K", "typ": "JWT",
                                            "kid": f"{did}#{did.split(':')[-1]}"}).encode())
    checks = _checks(f"{forged_head}.{body}.{sig}")
    assert checks["signature"].status is CheckStatus.FAILED  # the algorithm follows the key, not the header


def test_es256k_with_did_jwk_secp256k1() -> None:
    key = ec.derive_private_key(0x77, ec.SECP256K1())
    numbers = key.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": "secp256k1", "x": b64url_encode(numbers.x.to_bytes(32, "big")),
           "y": b64url_encode(numbers.y.to_bytes(32, "big"))}
    did = "did:jwk:" + b64url_encode(json.dumps(jwk).encode())
    token = sign_compact({"alg": "ES256K", "typ": "JWT", "kid": f"{did}#0"}, _vc11(did), key)
    assert _checks(token)["signature"].status is CheckStatus.PASSED


# ---------------------------------------------------------------- RSA: RS* and PS*


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, 2048)


@pytest.mark.parametrize("alg", ["RS256", "PS256", "RS384", "PS384", "RS512", "PS512"])
def test_rsa_algorithms_with_a_controller_document(alg: str, rsa_key: rsa.RSAPrivateKey) -> None:
    issuer = "did:web:university.example"
    vm = f"{issuer}#rsa-1"
    doc = {"id": issuer, "verificationMethod": [{"id": vm, "type": "JsonWebKey2020", "controller": issuer,
                                                 "publicKeyJwk": _jwk(rsa_key)}], "assertionMethod": [vm]}
    token = sign_compact({"alg": alg, "typ": "JWT", "kid": vm}, _vc11(issuer), rsa_key)
    checks = _checks(token, did_documents={issuer: doc})
    assert checks["signature"].status is CheckStatus.PASSED, checks["signature"].explained
    assert checks["issuer-key"].status is CheckStatus.PASSED
    assert _checks(_tamper(token), did_documents={issuer: doc})["signature"].status is CheckStatus.FAILED


# ---------------------------------------------------------------- not implemented -> cannot be checked


def test_ed448_key_is_not_checked_not_forged() -> None:
    key = ed448.Ed448PrivateKey.from_private_bytes(b"\x05" * 57)
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    did = "did:jwk:" + b64url_encode(json.dumps({"kty": "OKP", "crv": "Ed448", "x": b64url_encode(public)}).encode())
    head = b64url_encode(json.dumps({"alg": "EdDSA", "typ": "JWT", "kid": f"{did}#0"}).encode())
    body = b64url_encode(json.dumps(_vc11(did)).encode())
    token = f"{head}.{body}.{b64url_encode(key.sign(f'{head}.{body}'.encode()))}"
    checks = _checks(token)
    assert checks["signature"].status is CheckStatus.NOT_CHECKED and checks["signature"].essential
    assert checks["signature"].message.id == "jose.unsupported"
    report = checks["_report"]
    assert report.verdict.value == "cannot-verify-offline"
    assert credential_state(report).state is State.CANNOT_CHECK


def test_data_integrity_proof_with_a_bls12_381_key_is_not_checked() -> None:
    doc = ob3_credential()
    signed = sign(doc, ISSUER.key, ISSUER.vm, "eddsa-rdfc-2022", created="2025-01-01T00:00:00Z")
    bls = "z" + base58.b58encode(b"\xeb\x01" + b"\x01" * 96).decode()  # a bls12_381-g2 multikey
    signed["proof"]["verificationMethod"] = f"did:key:{bls}#{bls}"
    _, report = verify_bytes(raw(signed), VerificationContext(now=NOW))
    sig = report.check("signature")
    assert sig is not None and sig.status is CheckStatus.NOT_CHECKED and sig.message.id == "proof.unsupported_key"
    assert report.verdict.value == "cannot-verify-offline"


def test_a_key_that_is_no_key_at_all_still_fails() -> None:
    doc = ob3_credential()
    signed = sign(doc, ISSUER.key, ISSUER.vm, "eddsa-rdfc-2022", created="2025-01-01T00:00:00Z")
    junk = "z" + base58.b58encode(b"\x99\x99" + b"\x01" * 32).decode()
    signed["proof"]["verificationMethod"] = f"did:key:{junk}#{junk}"
    _, report = verify_bytes(raw(signed), VerificationContext(now=NOW))
    assert report.check("signature").status is CheckStatus.FAILED


def test_unknown_suite_is_not_checked() -> None:
    signed = sign(ob3_credential(), ISSUER.key, ISSUER.vm, "eddsa-rdfc-2022", created="2025-01-01T00:00:00Z")
    signed["proof"]["cryptosuite"] = "bbs-2023"
    _, report = verify_bytes(raw(signed), VerificationContext(now=NOW))
    assert report.check("signature").status is CheckStatus.NOT_CHECKED
    assert credential_state(report).state is State.CANNOT_CHECK


# ---------------------------------------------------------------- x5c chains


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@pytest.fixture(scope="module")
def pki() -> dict[str, Any]:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("University Root CA")).issuer_name(_name("University Root CA"))
          .public_key(ca_key.public_key()).serial_number(1).not_valid_before(start)
          .not_valid_after(start + timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .sign(ca_key, hashes.SHA256()))

    def leaf(uri: str, days: int = 1000, begin: datetime = start) -> tuple[Any, x509.Certificate]:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (x509.CertificateBuilder().subject_name(_name("Registrar")).issuer_name(ca.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number()).not_valid_before(begin)
                .not_valid_after(begin + timedelta(days=days))
                .add_extension(x509.SubjectAlternativeName([x509.UniformResourceIdentifier(uri)]), critical=False)
                .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False),
                               critical=True)
                .sign(ca_key, hashes.SHA256()))
        return key, cert

    return {"ca": ca, "leaf": leaf}


def _x5c_token(key: Any, chain: list[x509.Certificate], issuer: str) -> str:
    x5c = [base64.b64encode(c.public_bytes(Encoding.DER)).decode() for c in chain]
    return sign_compact({"alg": "ES256", "typ": "JWT", "x5c": x5c}, _vc11(issuer), key)


def test_x5c_chain_to_a_trusted_anchor_confirms_the_issuer(pki: dict[str, Any]) -> None:
    issuer = "https://registrar.university.example/issuer"
    key, cert = pki["leaf"](issuer)
    token = _x5c_token(key, [cert, pki["ca"]], issuer)
    anchor = pki["ca"].public_bytes(Encoding.DER)
    trusted = _checks(token, trust_anchors=(anchor,))
    assert trusted["signature"].status is CheckStatus.PASSED
    assert trusted["issuer-key"].status is CheckStatus.PASSED, trusted["issuer-key"].explained
    assert trusted["issuer-key"].message.id == "x5c.ok"
    assert _checks(_tamper(token), trust_anchors=(anchor,))["signature"].status is CheckStatus.FAILED
    untrusted = _checks(token)  # no anchor: integrity only, the issuer cannot be confirmed offline
    assert untrusted["issuer-key"].status is CheckStatus.NOT_CHECKED and untrusted["issuer-key"].essential
    assert untrusted["_report"].verdict.value == "cannot-verify-offline"


def test_x5c_certificate_naming_someone_else_fails(pki: dict[str, Any]) -> None:
    key, cert = pki["leaf"]("https://other.example/issuer")
    token = _x5c_token(key, [cert, pki["ca"]], "https://registrar.university.example/issuer")
    checks = _checks(token, trust_anchors=(pki["ca"].public_bytes(Encoding.DER),))
    assert checks["issuer-key"].status is CheckStatus.FAILED and checks["issuer-key"].message.id == "x5c.other_name"


def test_x5c_certificate_expired_when_signed_fails(pki: dict[str, Any]) -> None:
    issuer = "https://registrar.university.example/issuer"
    key, cert = pki["leaf"](issuer, days=30)  # expired in February 2024; the token says June 2025
    token = _x5c_token(key, [cert, pki["ca"]], issuer)
    checks = _checks(token, trust_anchors=(pki["ca"].public_bytes(Encoding.DER),))
    assert checks["issuer-key"].status is CheckStatus.FAILED and checks["issuer-key"].message.id == "x5c.invalid"


def test_x5c_garbage_is_a_failure_not_a_crash() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    token = sign_compact({"alg": "ES256", "typ": "JWT", "x5c": ["not base64!"]}, _vc11("https://a.example"), key)
    assert _checks(token)["signature"].status is CheckStatus.FAILED
