"""Engine dispatch and the common checks: validity, issuer binding, keys, formats."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest

from tests.verify.helpers import ISSUER, OTHER, ctx, ob3_credential, raw, signed
from wallet.model import Credential, CredentialFormat
from wallet.verify import sign, verify, verify_bytes
from wallet.verify.did import key_to_multibase
from wallet.verify.validity import BadDate, parse_datetime


def _report(doc, **kw):
    return verify_bytes(raw(doc), ctx(**kw))[1]


def test_garbage_is_a_failed_format_check() -> None:
    cred, report = verify_bytes(b"\x00\x01 not a credential", ctx())
    assert cred is None
    assert report.check("format").status.value == "failed"
    assert report.verdict.value == "invalid"


def test_unknown_format_cannot_be_verified_offline() -> None:
    report = verify(Credential(format=CredentialFormat.UNKNOWN, raw=b"x"), ctx())
    assert report.verdict.value == "cannot-verify-offline"
    assert report.checks[0].message.id == "format.unsupported" and report.checks[0].essential


def test_validity_window_with_clock_skew() -> None:
    doc = signed(ob3_credential(validFrom="2026-01-01T00:04:00Z", validUntil="2026-02-01T00:00:00Z"))
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert _report(doc, now=now).check("validity").status.value == "passed"  # 4 min early: within 300 s
    assert _report(doc, now=now - timedelta(minutes=2)).check("validity").status.value == "failed"
    late = datetime(2026, 2, 1, 0, 6, tzinfo=UTC)
    assert _report(doc, now=late).check("validity").message.id == "validity.expired"


def test_unreadable_date_fails() -> None:
    with pytest.raises(BadDate):
        parse_datetime("Sat 25 Feb 2023 07:16:31 PM CST")
    assert parse_datetime("2022-11-10T07:38:00-08:00").hour == 15


def test_unsigned_credential_fails() -> None:
    report = _report(ob3_credential())
    assert report.check("signature").status.value == "failed"


def test_key_of_someone_else_fails_issuer_key() -> None:
    doc = ob3_credential()
    report = _report(signed(doc, OTHER))
    assert report.check("signature").status.value == "passed"
    assert report.check("issuer-key").status.value == "failed"
    assert report.verdict.value == "invalid"


def test_urn_issuer_cannot_own_keys_is_a_warning() -> None:
    doc = ob3_credential()
    doc["issuer"] = {"id": "urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164", "type": ["Profile"]}
    report = _report(signed(doc))
    assert report.check("issuer-key").status.value == "warning"


def _url_issuer_doc():
    doc = ob3_credential()
    doc["issuer"] = {"id": "https://issuer.example/profile", "type": ["Profile"]}
    vm = "https://issuer.example/profile#" + key_to_multibase(ISSUER.key.public_key())
    return sign(doc, ISSUER.key, vm, created="2025-01-01T00:00:00Z"), vm


def test_key_in_url_fragment_is_only_self_asserted() -> None:
    doc, _ = _url_issuer_doc()
    report = _report(doc)
    assert report.check("signature").status.value == "passed"
    assert report.check("issuer-key").status.value == "warning"


def test_key_confirmed_by_cached_issuer_profile() -> None:
    doc, vm = _url_issuer_doc()
    profile = {
        "id": "https://issuer.example/profile",
        "verificationMethod": [{"id": vm, "type": "Multikey", "controller": "https://issuer.example/profile",
                                "publicKeyMultibase": vm.split("#")[1]}],
        "assertionMethod": [vm],
    }
    report = _report(doc, documents={"https://issuer.example/profile": profile})
    assert report.check("issuer-key").status.value == "passed"
    assert report.check("proof-purpose").status.value == "passed"


def test_did_web_needs_a_cached_document() -> None:
    did = "did:web:issuer.example"
    vm = did + "#key-1"
    doc = ob3_credential()
    doc["issuer"]["id"] = did
    signed_doc = sign(doc, ISSUER.key, vm, created="2025-01-01T00:00:00Z")
    report = _report(signed_doc)
    assert report.verdict.value == "cannot-verify-offline"
    did_doc = {
        "id": did,
        "verificationMethod": [{"id": vm, "type": "Multikey", "controller": did,
                                "publicKeyMultibase": key_to_multibase(ISSUER.key.public_key())}],
        "authentication": [vm],
    }
    report = _report(signed_doc, did_documents={did: did_doc})
    assert report.check("proof-purpose").status.value == "failed"  # key not an assertionMethod
    did_doc["assertionMethod"] = [vm]
    assert _report(signed_doc, did_documents={did: did_doc}).verdict.value == "valid-with-warnings"


def test_unsupported_extra_proof_is_a_warning() -> None:
    doc = signed(ob3_credential())
    doc["proof"] = [{"type": "SomeProofType", "proofValue": "x"}, doc["proof"]]
    report = _report(doc)
    assert report.check("signature").status.value == "warning"
    assert report.verdict.value == "valid-with-warnings"


def test_proof_set_of_two_issuer_keys() -> None:
    doc = signed(signed(ob3_credential()), suite="eddsa-jcs-2022")
    assert isinstance(doc["proof"], list) and len(doc["proof"]) == 2
    assert _report(doc).check("signature").status.value == "passed"


def test_sign_does_not_modify_its_input() -> None:
    doc = ob3_credential()
    before = copy.deepcopy(doc)
    signed(doc)
    assert doc == before


def test_inline_context_with_new_terms_is_flagged() -> None:
    doc = ob3_credential()
    doc["@context"].append({"favouriteColour": "https://example.org/vocab#favouriteColour"})
    doc["credentialSubject"]["favouriteColour"] = "blue"
    report = _report(signed(doc))
    assert report.check("jsonld").status.value == "warning"
    assert report.check("signature").status.value == "passed"


def test_proof_value_with_trailing_whitespace_fails() -> None:
    """Found by the property test: the base58 library strips whitespace silently."""
    for suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022"):
        doc = signed(ob3_credential(), suite=suite)
        doc["proof"]["proofValue"] += " "
        assert _report(doc).check("signature").status.value == "failed"


def test_enveloped_credential_file_is_verified_inside() -> None:
    from tests.verify.helpers import V2
    from wallet.verify.jose import sign_compact

    jwt = sign_compact({"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": ISSUER.vm}, ob3_credential(), ISSUER.key)
    envelope = {"@context": [V2], "type": "EnvelopedVerifiableCredential", "id": "data:application/vc+jwt," + jwt}
    report = _report(envelope)
    assert report.check("signature").status.value == "passed"
    assert report.verdict.value == "valid-with-warnings"


def test_expired_issuer_proof_fails_validity() -> None:
    doc = signed(ob3_credential(), expires="2025-06-01T00:00:00Z")
    check = _report(doc).check("validity")
    assert check.status.value == "failed" and check.message.id == "validity.signature.expired"


def test_concurrent_verification_is_consistent() -> None:
    from concurrent.futures import ThreadPoolExecutor

    docs = [signed(ob3_credential(name=f"Badge {i}")) for i in range(6)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        verdicts = list(pool.map(lambda d: _report(d).verdict.value, docs * 3))
    assert set(verdicts) == {"valid-with-warnings"}


def test_engine_dispatches_eu_seals(vectors_dir) -> None:
    sample = next((vectors_dir / "eu-elm-v3").rglob("Sample-MC-Annex1-signed*"))
    _, report = verify_bytes(sample.read_bytes(), ctx())
    assert report.format is CredentialFormat.EDC_JADES
    assert report.verdict.value != "cannot-verify-offline" or any(c.essential for c in report.checks)
    assert not any(c.message.id == "format.unsupported" for c in report.checks)
