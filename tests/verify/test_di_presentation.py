"""Presentations: holder signature, challenge/domain, expiry, binding, embedded credentials."""

from __future__ import annotations

from typing import Any

from tests.verify.helpers import (
    HOLDER,
    ISSUER,
    OTHER,
    V2,
    ctx,
    ob3_credential,
    raw,
    signed,
)
from wallet.verify.context import TrustedIssuer
from wallet.verify.engine import verify_bytes

CHALLENGE = "urn:uuid:1b5a-challenge"
DOMAIN = "verifier.example"


def _vp(credentials: list[Any], holder: str | None = HOLDER.did) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": [V2],
        "id": "urn:uuid:0f0e0d0c-vp",
        "type": ["VerifiablePresentation"],
        "verifiableCredential": credentials,
    }
    if holder:
        doc["holder"] = holder
    return doc


def _signed_vp(credentials: list[Any], signer=HOLDER, holder: str | None = HOLDER.did, **kw: Any) -> dict[str, Any]:
    kw.setdefault("challenge", CHALLENGE)
    kw.setdefault("domain", DOMAIN)
    kw.setdefault("proof_purpose", "authentication")
    return signed(_vp(credentials, holder), signer, **kw)


def _check(vp: dict[str, Any], **ctx_kw: Any):
    ctx_kw.setdefault("challenge", CHALLENGE)
    ctx_kw.setdefault("domain", DOMAIN)
    _, report = verify_bytes(raw(vp), ctx(**ctx_kw))
    return report


def test_valid_presentation() -> None:
    vp = _signed_vp([signed(ob3_credential())])
    report = _check(vp, trusted_issuers=(TrustedIssuer(ISSUER.did, "Côte-Lumière"),))
    assert report.verdict.value == "valid", [(c.name, c.explained) for c in report.checks]
    for name in ("presentation-signature", "proof-purpose", "challenge", "domain", "holder-binding", "credential[0]"):
        assert report.check(name).status.value == "passed", name
    assert report.check("credential[0]").message.get("title") == "Teamwork" and report.check("credential[0]").message.get("verdict") == "valid"


def test_untrusted_issuer_shows_as_warning_on_the_credential() -> None:
    report = _check(_signed_vp([signed(ob3_credential())]))
    assert report.verdict.value == "valid-with-warnings"
    assert report.check("credential[0]").message.get("reason").id == "trust.not_listed"


def test_wrong_challenge_and_domain_fail() -> None:
    vp = _signed_vp([signed(ob3_credential())])
    assert _check(vp, challenge="urn:other").check("challenge").status.value == "failed"
    assert _check(vp, domain="evil.example").check("domain").status.value == "failed"


def test_no_expected_challenge_is_not_checked() -> None:
    report = _check(_signed_vp([signed(ob3_credential())]), challenge=None, domain=None)
    assert report.check("challenge").status.value == "not-checked"
    assert report.verdict.value == "valid-with-warnings"


def test_assertion_purpose_is_refused_for_presentations() -> None:
    vp = _signed_vp([signed(ob3_credential())], proof_purpose="assertionMethod")
    assert _check(vp).check("proof-purpose").status.value == "failed"


def test_signer_not_holder_fails_binding() -> None:
    vp = _signed_vp([signed(ob3_credential())], signer=OTHER)
    report = _check(vp)
    assert report.check("holder-binding").status.value == "failed"
    assert report.verdict.value == "invalid"


def test_subject_not_holder_is_a_binding_warning() -> None:
    vp = _signed_vp([signed(ob3_credential(subject=OTHER.did))])
    report = _check(vp)
    assert report.check("holder-binding").status.value == "warning"
    assert report.check("holder-binding").message.id == "holder.other_subject"
    assert report.verdict.value == "valid-with-warnings"


def test_expired_presentation_proof_fails() -> None:
    vp = _signed_vp([signed(ob3_credential())], expires="2025-06-01T00:00:00Z")
    check = _check(vp).check("validity")
    assert check.status.value == "failed" and check.message.id.endswith("expired")


def test_tampered_embedded_credential_fails_both() -> None:
    vp = _signed_vp([signed(ob3_credential())])
    vp["verifiableCredential"][0]["name"] = "Leadership"
    report = _check(vp)
    assert report.check("presentation-signature").status.value == "failed"
    assert report.check("credential[0]").status.value == "failed"


def test_unsigned_presentation_is_flagged_not_trusted() -> None:
    report = _check(_vp([signed(ob3_credential())]))
    assert report.check("presentation-signature").status.value == "warning"


def test_enveloped_and_jwt_credentials_are_verified() -> None:
    from wallet.verify.jose import sign_compact

    vc = ob3_credential()
    jwt = sign_compact({"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": ISSUER.vm}, vc, ISSUER.key)
    envelope = {"@context": [V2], "type": "EnvelopedVerifiableCredential", "id": "data:application/vc+jwt," + jwt}
    vp = _signed_vp([envelope, signed(ob3_credential())])
    report = _check(vp)
    assert report.check("credential[0]").status.value in ("passed", "warning"), report.check("credential[0]").explained
    tampered = dict(envelope, id=envelope["id"][:-4] + "AAAA")
    vp = _signed_vp([tampered])
    assert _check(vp).check("credential[0]").status.value == "failed"


def test_presentation_validity_names_the_signature_expiry() -> None:
    vp = _signed_vp([signed(ob3_credential())], expires="2099-06-01T00:00:00Z")
    check = _check(vp).check("validity")
    assert check.status.value == "passed"
    assert check.message.id == "validity.presentation.until" and str(check.message.get("end")).startswith("2099-06-01")
