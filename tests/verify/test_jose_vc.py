"""JWT credentials: agreement with the reference peer's corpus and the W3C VC-JOSE-COSE suite."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.formats import parse
from wallet.model import CheckStatus, Verdict, verdict_of
from wallet.model import CredentialFormat as F
from wallet.util.b64 import b64url_encode
from wallet.verify.context import VerificationContext
from wallet.verify.did import did_key_for
from wallet.verify.jose import sign_compact
from wallet.verify.jose_vc import embedded_credentials, jwk_thumbprint, verify_jwt_credential

SUITE = "w3c-vc-jose-cose-test-suite/tests/input"
OB30 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob30"


def _verdict(checks) -> Verdict:
    return verdict_of(checks)


def test_corpus_jwts_agree_with_manifest(corpus_dir: Path) -> None:
    """All 44 *.jwt: valid <=> every check passes, at the manifest's createdAt."""
    manifest = json.loads((corpus_dir / "manifest.json").read_text())
    ctx = VerificationContext(now=datetime.fromisoformat(manifest["createdAt"].replace("Z", "+00:00")))
    results = []
    for entry in manifest["entries"]:
        if not entry["file"].endswith(".jwt"):
            continue
        cred = parse((corpus_dir / entry["file"]).read_bytes())
        checks = verify_jwt_credential(cred, ctx)
        passed = all(c.status is CheckStatus.PASSED for c in checks)
        results.append((entry["file"], passed == (entry["expected"] == "valid"), checks))
    assert len(results) == 44
    assert [(f, [c.explained for c in ch if c.status is not CheckStatus.PASSED]) for f, ok, ch in results if not ok] == []


def test_corpus_failures_name_the_right_check(corpus_dir: Path) -> None:
    manifest = json.loads((corpus_dir / "manifest.json").read_text())
    ctx = VerificationContext(now=datetime.fromisoformat(manifest["createdAt"].replace("Z", "+00:00")))
    expected_failure = {"tampered": "signature", "wrong-key": "signature", "expired": "validity",
                        "not-yet-valid": "validity"}
    for entry in manifest["entries"]:
        if entry["file"].endswith(".jwt") and entry["variant"] in expected_failure:
            checks = verify_jwt_credential(parse((corpus_dir / entry["file"]).read_bytes()), ctx)
            failed = {c.name for c in checks if c.status is CheckStatus.FAILED}
            assert expected_failure[entry["variant"]] in failed, entry["file"]


@pytest.fixture(scope="module")
def suite_ctx(vectors_dir: Path) -> VerificationContext:
    """The suite's JWK verification methods as the issuer's controller document (public parts only)."""
    methods = []
    for path in sorted((vectors_dir / SUITE).glob("vm-*.json")):
        vm = json.loads(path.read_text())
        if vm["controller"] == "https://example.issuer/vc-jose-cose":
            methods.append({k: v for k, v in vm.items() if k != "secretKeyJwk"})
    ids = [m["id"] for m in methods]
    doc = {"id": "https://example.issuer/vc-jose-cose", "verificationMethod": methods,
           "assertionMethod": ids, "authentication": ids}
    return VerificationContext(now=datetime(2024, 12, 15, tzinfo=UTC), documents={doc["id"]: doc})


GOOD = ["credential-jose-minimal.txt", "credential-issuer-match-signed.txt",
        "credential-jose-unknown-extensions.txt", "presentation-jose-multiple.txt",
        "credential-sdjwt-selective.txt", "credential-sdjwt-nested.txt", "presentation-sdjwt-selective.txt"]
BAD = {
    "credential-jose-bad-signature.txt": "signature",
    "credential-jose-bad-media-type.txt": "jwt-claims",
    "credential-jose-vc-vp-claims.txt": "jwt-claims",
    "presentation-jose-bad-media-type.txt": "jwt-claims",
    "presentation-jose-bad-credential.txt": "presentation-credentials",
    "credential-sdjwt-bad-signature.txt": "signature",
    "credential-sdjwt-bad-media-type.txt": "jwt-claims",
    "presentation-sdjwt-bad-media-type.txt": "jwt-claims",
    "presentation-sdjwt-bad-credential.txt": "jwt-claims",
}


@pytest.mark.parametrize("name", GOOD)
def test_suite_good_inputs_verify(vectors_dir: Path, suite_ctx: VerificationContext, name: str) -> None:
    checks = verify_jwt_credential(parse((vectors_dir / SUITE / name).read_bytes()), suite_ctx)
    assert [c for c in checks if c.status is CheckStatus.FAILED] == []
    assert next(c for c in checks if c.name == "signature").status is CheckStatus.PASSED


@pytest.mark.parametrize(("name", "check"), sorted(BAD.items()))
def test_suite_bad_inputs_fail(vectors_dir: Path, suite_ctx: VerificationContext, name: str, check: str) -> None:
    checks = verify_jwt_credential(parse((vectors_dir / SUITE / name).read_bytes()), suite_ctx)
    assert _verdict(checks) is Verdict.INVALID
    assert check in {c.name for c in checks if c.status is CheckStatus.FAILED}


def test_suite_without_controller_document_cannot_verify_offline(vectors_dir: Path) -> None:
    cred = parse((vectors_dir / SUITE / "credential-jose-minimal.txt").read_bytes())
    checks = verify_jwt_credential(cred, VerificationContext(now=datetime(2024, 12, 15, tzinfo=UTC)))
    assert _verdict(checks) is Verdict.CANNOT_VERIFY_OFFLINE


def test_suite_kid_is_the_jwk_thumbprint(vectors_dir: Path) -> None:
    vm = json.loads((vectors_dir / SUITE / "vm-p256.json").read_text())
    assert jwk_thumbprint(vm["publicKeyJwk"]) == vm["publicKeyJwk"]["kid"]


def test_presentation_envelopes_open(vectors_dir: Path) -> None:
    vp = parse((vectors_dir / SUITE / "presentation-jose-multiple.txt").read_bytes())
    inner = embedded_credentials({"verifiableCredential": vp.document["payload"]["verifiableCredential"][:2]})
    assert [c.format for c in inner] == [F.VC_JOSE, F.SD_JWT]


def test_ob30_jwt_without_key_cannot_verify_offline(vectors_dir: Path) -> None:
    for name in ("simple.jwt", "velocity.jwt"):
        cred = parse((vectors_dir / OB30 / name).read_bytes())
        checks = verify_jwt_credential(cred, VerificationContext())
        assert _verdict(checks) is Verdict.CANNOT_VERIFY_OFFLINE, name


@pytest.mark.parametrize("name", ["simple-jwt.png", "simple-jwt.svg", "simple-jwt_v1.png", "simple-jwt_v1.svg"])
def test_ob30_embedded_jwk_proves_integrity_not_issuer(vectors_dir: Path, name: str) -> None:
    cred = parse((vectors_dir / OB30 / name).read_bytes())
    checks = {c.name: c for c in verify_jwt_credential(cred, VerificationContext())}
    assert checks["signature"].status is CheckStatus.PASSED
    assert checks["issuer-key"].status is CheckStatus.NOT_CHECKED and checks["issuer-key"].essential
    assert not [c for c in checks.values() if c.status is CheckStatus.FAILED]  # a missing typ only warns


# ---- hand-made tokens: issuer binding, relationships, claims ----

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _vc11(did: str, **claims) -> dict:
    vc = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
          "id": "urn:uuid:1", "issuer": did, "issuanceDate": "2026-01-01T00:00:00Z",
          "credentialSubject": {"id": "did:example:learner"}}
    payload = {"iss": did, "sub": "did:example:learner", "jti": "urn:uuid:1",
               "nbf": int(datetime(2026, 1, 1, tzinfo=UTC).timestamp()), "vc": vc}
    payload.update(claims)
    return payload


def _check(token: str, ctx: VerificationContext | None = None) -> dict:
    cred = parse(token.encode())
    return {c.name: c for c in verify_jwt_credential(cred, ctx or VerificationContext(now=NOW))}


def test_hand_made_vc11_valid() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    did = did_key_for(key.public_key())
    token = sign_compact({"typ": "JWT", "kid": f"{did}#{did.split(':')[-1]}"}, _vc11(did), key)
    assert all(c.status is CheckStatus.PASSED for c in _check(token).values())


def test_iss_differs_from_kid_did() -> None:
    key, other = ed25519.Ed25519PrivateKey.generate(), ed25519.Ed25519PrivateKey.generate()
    did, other_did = did_key_for(key.public_key()), did_key_for(other.public_key())
    token = sign_compact({"kid": f"{did}#{did.split(':')[-1]}"}, _vc11(other_did), key)
    checks = _check(token)
    assert checks["signature"].status is CheckStatus.PASSED
    assert checks["issuer-key"].status is CheckStatus.FAILED


def test_vc11_claim_mismatch() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    did = did_key_for(key.public_key())
    token = sign_compact({"kid": f"{did}#{did.split(':')[-1]}"}, _vc11(did, jti="urn:uuid:other", sub="did:x:y"), key)
    reason = _check(token)["jwt-claims"].explained
    assert _check(token)["jwt-claims"].status is CheckStatus.FAILED and "jti" in reason and "sub" in reason


def test_key_only_for_authentication_refused() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    did = "did:web:issuer.example"
    x = b64url_encode(key.public_key().public_bytes_raw())
    doc = {"id": did, "verificationMethod": [{"id": f"{did}#k", "type": "JsonWebKey", "controller": did,
                                              "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": x}}],
           "authentication": [f"{did}#k"]}
    token = sign_compact({"kid": f"{did}#k"}, _vc11(did), key)
    checks = _check(token, VerificationContext(now=NOW, did_documents={did: doc}))
    assert checks["signature"].status is CheckStatus.FAILED and checks["signature"].message.get("required") == "assertionMethod"
    doc["assertionMethod"] = [f"{did}#k"]
    checks = _check(token, VerificationContext(now=NOW, did_documents={did: doc}))
    assert all(c.status is CheckStatus.PASSED for c in checks.values())


def test_did_web_without_document_is_not_checked() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    token = sign_compact({"kid": "did:web:issuer.example#k"}, _vc11("did:web:issuer.example"), key)
    checks = _check(token)
    assert checks["signature"].status is CheckStatus.NOT_CHECKED and checks["signature"].essential


def test_validity_skew() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    did = did_key_for(key.public_key())
    exp = int((NOW - timedelta(seconds=200)).timestamp())
    payload = _vc11(did, exp=exp)
    payload["vc"]["expirationDate"] = (NOW - timedelta(seconds=200)).isoformat().replace("+00:00", "Z")
    token = sign_compact({"kid": f"{did}#{did.split(':')[-1]}"}, payload, key)
    assert _check(token)["validity"].status is CheckStatus.PASSED  # within the 300 s skew
    later = VerificationContext(now=NOW + timedelta(seconds=200))
    assert _check(token, later)["validity"].status is CheckStatus.FAILED


def test_enveloped_jwt_verified_through_envelope(corpus_dir: Path) -> None:
    token = (corpus_dir / "jose-vc2-eddsa.valid.001.jwt").read_text().strip()
    envelope = {"@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential",
                "id": f"data:application/vc+jwt,{token}"}
    cred = parse(json.dumps(envelope).encode())
    assert cred.format is F.VC_ENVELOPED
    manifest = json.loads((corpus_dir / "manifest.json").read_text())
    ctx = VerificationContext(now=datetime.fromisoformat(manifest["createdAt"].replace("Z", "+00:00")))
    assert all(c.status is CheckStatus.PASSED for c in verify_jwt_credential(cred, ctx))


def test_ob30_embedded_jwk_accepted_when_issuer_document_lists_it(vectors_dir: Path) -> None:
    cred = parse((vectors_dir / OB30 / "simple-jwt.svg").read_bytes())
    issuer = cred.issuer.id
    jwk = cred.document["header"]["jwk"]
    doc = {"id": issuer, "verificationMethod": [{"id": f"{issuer}#key-0", "type": "JsonWebKey",
                                                 "controller": issuer, "publicKeyJwk": jwk}],
           "assertionMethod": [f"{issuer}#key-0"]}
    checks = {c.name: c for c in verify_jwt_credential(cred, VerificationContext(documents={issuer: doc}))}
    assert checks["signature"].status is CheckStatus.PASSED and f"{issuer}#key-0" in checks["signature"].explained
    assert checks["issuer-key"].status is CheckStatus.PASSED
    other = dict(doc, verificationMethod=[dict(doc["verificationMethod"][0], publicKeyJwk=dict(jwk, n="AQAB" * 90))])
    checks = {c.name: c for c in verify_jwt_credential(cred, VerificationContext(documents={issuer: other}))}
    assert checks["issuer-key"].status is CheckStatus.FAILED


@pytest.mark.parametrize("alg", ["none", "HS256"])
def test_corpus_token_with_forged_header_fails(corpus_dir: Path, alg: str) -> None:
    token = (corpus_dir / "jwt-vc11-eddsa.valid.001.jwt").read_text().strip()
    head, body, sig = token.split(".")
    header = json.loads(__import__("base64").urlsafe_b64decode(head + "=="))
    forged = f"{b64url_encode(json.dumps(dict(header, alg=alg)).encode())}.{body}.{'' if alg == 'none' else sig}"
    checks = {c.name: c for c in verify_jwt_credential(parse(forged.encode()), VerificationContext())}
    assert checks["signature"].status is CheckStatus.FAILED
    assert ("none" if alg == "none" else "HMAC") in checks["signature"].explained


@pytest.mark.parametrize("name,verdict", [
    ("credential-sdjwt-selective.txt", "valid-with-warnings"),
    ("credential-sdjwt-bad-signature.txt", "invalid"),
])
def test_sd_jwt_goes_through_the_engine(
    vectors_dir: Path, suite_ctx: VerificationContext, name: str, verdict: str
) -> None:
    from wallet.verify.engine import verify_bytes

    raw = (vectors_dir / "w3c-vc-jose-cose-test-suite/tests/input" / name).read_bytes()
    cred, report = verify_bytes(raw, suite_ctx)
    assert cred is not None and cred.format.value == "sd-jwt"
    assert report.verdict.value == verdict, report.to_json()
