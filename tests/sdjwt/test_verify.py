"""SD-JWT VC verification: every check can fail, and each failure reads as what it is for the owner.

RFC 9901 section 7 (disclosures, key binding), draft-ietf-oauth-sd-jwt-vc (typ, vct, issuer keys from
JWT VC Issuer Metadata or x5c), and the JOSE rules of threat "alg none and algorithm confusion" in docs/THREATS.md (alg none, algorithm confusion).
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.app.importing import broken_integrity
from wallet.formats import parse
from wallet.formats.sd_jwt_view import claim_rows
from wallet.model import CheckStatus, Verdict
from wallet.readout import State, credential_state
from wallet.sharing.sd_jwt import present
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify, verify_bytes
from wallet.verify.keys import thumbprint

from .issuing import ISS, NOW, Issuer, b64, ca_and_leaf, digest, disclosure, x5c_of

SD = {"given_name": "Ana", "family_name": "Novak", "ects": 5}


@pytest.fixture
def issuer() -> Issuer:
    return Issuer()


def ctx_for(issuer: Issuer, **extra: Any) -> VerificationContext:
    return VerificationContext(now=NOW + timedelta(hours=1), issuer_metadata={issuer.iss: issuer.metadata()}, **extra)


def checks(text: str, ctx: VerificationContext) -> dict[str, Any]:
    return {c.name: c for c in verify(parse(text.encode()), ctx).checks}


def test_a_good_sd_jwt_vc_verifies_and_shows_each_claim_as_disclosable(issuer: Issuer) -> None:
    text, _ = issuer.issue(sd=SD, visible={"achievement": {"title": {"en": "Data", "sl": "Podatki"}}})
    cred = parse(text.encode())
    report = verify(cred, ctx_for(issuer))
    assert report.verdict is Verdict.VALID_WITH_WARNINGS  # only the trust-store warning
    assert [c.name for c in report.checks if c.status is not CheckStatus.PASSED] == ["issuer-trusted"]
    rows = {r.label: r.disclosable for r in claim_rows(cred)}
    assert rows == {"given_name": True, "family_name": True, "ects": True, "achievement.title.en": False,
                    "achievement.title.sl": False}
    assert cred.display_title(("sl",)) == "Podatki"


@pytest.mark.parametrize("change", ["tamper", "duplicate", "unsigned"])
def test_changed_disclosures_are_forged_and_refused(issuer: Issuer, change: str) -> None:
    text, made = issuer.issue(sd=SD)
    if change == "tamper":
        text = text.replace(made["ects"], disclosure("ects", 60))
    elif change == "duplicate":
        text = text[:-1] + "~" + made["ects"] + "~"
    else:
        text = text[:-1] + "~" + disclosure("grade", "A") + "~"
    report = verify(parse(text.encode()), ctx_for(issuer))
    check = report.check("disclosures")
    assert check is not None and check.status is CheckStatus.FAILED and check.essential
    assert credential_state(report).state is State.FORGED
    assert broken_integrity(report) is not None  # import refuses it


@pytest.mark.parametrize("name", ["_sd", "..."])
def test_reserved_claim_names_are_refused(issuer: Issuer, name: str) -> None:
    bad = disclosure(name, ["x"])
    token = issuer.sign({"vct": "v", "iss": issuer.iss, "_sd": [digest(bad)]})
    assert checks(f"{token}~{bad}~", ctx_for(issuer))["disclosures"].status is CheckStatus.FAILED


def test_a_disclosure_may_not_overwrite_a_visible_claim_nor_a_digest_repeat(issuer: Issuer) -> None:
    over = disclosure("vct", "https://evil.example/vct")
    token = issuer.sign({"vct": "v", "iss": issuer.iss, "_sd": [digest(over)]})
    assert "repeats the claim" in checks(f"{token}~{over}~", ctx_for(issuer))["disclosures"].explained
    one = disclosure("a", 1)
    twice = issuer.sign({"vct": "v", "iss": issuer.iss, "_sd": [digest(one)], "b": {"_sd": [digest(one)]}})
    assert "more than once" in checks(f"{twice}~{one}~", ctx_for(issuer))["disclosures"].explained


def test_array_and_object_disclosures_are_not_interchangeable(issuer: Issuer) -> None:
    element = disclosure(None, "DE")
    token = issuer.sign({"vct": "v", "iss": issuer.iss, "_sd": [digest(element)]})
    assert checks(f"{token}~{element}~", ctx_for(issuer))["disclosures"].status is CheckStatus.FAILED
    prop = disclosure("x", "DE")
    token = issuer.sign({"vct": "v", "iss": issuer.iss, "nat": [{"...": digest(prop)}]})
    assert checks(f"{token}~{prop}~", ctx_for(issuer))["disclosures"].status is CheckStatus.FAILED


def test_an_unknown_digest_algorithm_cannot_be_checked(issuer: Issuer) -> None:
    text, _ = issuer.issue(sd=SD, visible={"_sd_alg": "md5"})
    report = verify(parse(text.encode()), ctx_for(issuer))
    assert report.check("disclosures").status is CheckStatus.NOT_CHECKED  # type: ignore[union-attr]
    assert report.verdict is Verdict.CANNOT_VERIFY_OFFLINE


def test_header_and_claims_rules(issuer: Issuer) -> None:
    text, _ = issuer.issue(sd=SD, header={"typ": "JWT"})
    assert checks(text, ctx_for(issuer))["jwt-claims"].status is CheckStatus.FAILED
    token = issuer.sign({"iss": issuer.iss})  # dc+sd-jwt without vct
    assert "vct" in checks(token + "~", ctx_for(issuer))["jwt-claims"].explained
    text, _ = issuer.issue(sd=SD, header={"typ": "vc+sd-jwt"})  # the draft's former name is accepted
    assert checks(text, ctx_for(issuer))["jwt-claims"].status is CheckStatus.PASSED


def test_alg_none_and_hmac_are_refused(issuer: Issuer) -> None:
    text, _ = issuer.issue(sd=SD)
    head, body, _sig = text.split("~")[0].split(".")
    for alg in ("none", "HS256"):
        header = json.loads(base64.urlsafe_b64decode(head + "=="))
        forged = f"{b64(json.dumps({**header, 'alg': alg}).encode())}.{body}.{'' if alg == 'none' else _sig}"
        check = checks(forged + text[text.index("~"):], ctx_for(issuer))["signature"]
        assert check.status is CheckStatus.FAILED and check.essential


def test_issuer_keys_from_metadata(issuer: Issuer) -> None:
    text, _ = issuer.issue(sd=SD)
    other = Issuer()
    # signed by someone else, naming the issuer's kid: the published key does not match
    forged, _ = Issuer(key=other.key, kid=issuer.kid).issue(sd=SD)
    assert checks(forged, ctx_for(issuer))["signature"].status is CheckStatus.FAILED
    # a kid the issuer does not publish
    unknown, _ = Issuer(key=issuer.key, kid="nope").issue(sd=SD)
    assert checks(unknown, ctx_for(issuer))["signature"].status is CheckStatus.FAILED
    # metadata cached for another issuer under this issuer's name
    wrong = VerificationContext(now=NOW, issuer_metadata={issuer.iss: {**issuer.metadata(), "issuer": "https://x"}})
    assert checks(text, wrong)["signature"].status is CheckStatus.FAILED
    # nothing cached: not checked (connect to fetch), never passed
    report = verify(parse(text.encode()), VerificationContext(now=NOW))
    assert report.verdict is Verdict.CANNOT_VERIFY_OFFLINE
    assert report.check("signature").message.id == "sdjwt.metadata_missing"  # type: ignore[union-attr]


def test_x5c_chains_to_a_trusted_anchor_and_names_the_issuer() -> None:
    ca, leaf, key = ca_and_leaf([x509.UniformResourceIdentifier(ISS)])
    issuer = Issuer(key=key)
    text, _ = issuer.issue(sd=SD, header={"x5c": x5c_of(leaf), "kid": None})
    trusted = VerificationContext(now=NOW, trust_anchors=(ca,))
    found = checks(text, trusted)
    assert found["signature"].status is CheckStatus.PASSED and found["issuer-key"].status is CheckStatus.PASSED
    untrusted = checks(text, VerificationContext(now=NOW))
    assert untrusted["signature"].status is CheckStatus.PASSED
    assert untrusted["issuer-key"].status is CheckStatus.NOT_CHECKED and untrusted["issuer-key"].essential
    # a certificate for another name
    ca2, leaf2, key2 = ca_and_leaf([x509.DNSName("other.example")])
    text2, _ = Issuer(key=key2).issue(sd=SD, header={"x5c": x5c_of(leaf2), "kid": None})
    assert checks(text2, VerificationContext(now=NOW, trust_anchors=(ca2,)))["issuer-key"].status is CheckStatus.FAILED
    # DNS name of iss's host is enough
    ca3, leaf3, key3 = ca_and_leaf([x509.DNSName("issuer.example")])
    text3, _ = Issuer(key=key3).issue(sd=SD, header={"x5c": x5c_of(leaf3), "kid": None})
    assert checks(text3, VerificationContext(now=NOW, trust_anchors=(ca3,)))["issuer-key"].status is CheckStatus.PASSED
    # an expired leaf does not chain at verification time
    ca4, leaf4, key4 = ca_and_leaf([x509.UniformResourceIdentifier(ISS)], not_after=NOW - timedelta(days=1))
    text4, _ = Issuer(key=key4).issue(sd=SD, header={"x5c": x5c_of(leaf4), "kid": None})
    assert checks(text4, VerificationContext(now=NOW, trust_anchors=(ca4,)))["issuer-key"].status is not CheckStatus.PASSED
    # garbage x5c
    text5, _ = issuer.issue(sd=SD, header={"x5c": ["not base64!"], "kid": None})
    assert checks(text5, VerificationContext(now=NOW))["signature"].status is CheckStatus.FAILED


def test_validity_window(issuer: Issuer) -> None:
    now = int(NOW.timestamp())
    expired, _ = issuer.issue(sd=SD, iat=now - 1000, exp=now - 10_000 + 100)
    assert credential_state(verify(parse(expired.encode()), ctx_for(issuer))).state is State.EXPIRED
    future, _ = issuer.issue(sd=SD, iat=now + 86400 * 10)
    assert checks(future, VerificationContext(now=NOW, issuer_metadata={issuer.iss: issuer.metadata()}))[
        "validity"].status is CheckStatus.FAILED


def _holder_ctx(issuer: Issuer, *keys: Any, **extra: Any) -> VerificationContext:
    return ctx_for(issuer, holder_keys=frozenset(thumbprint(k) for k in keys), **extra)


def test_cnf_is_checked_against_the_wallets_holder_keys(issuer: Issuer) -> None:
    mine, theirs = ec.generate_private_key(ec.SECP256R1()), ed25519.Ed25519PrivateKey.generate()
    text, _ = issuer.issue(sd=SD, holder=mine)
    assert checks(text, _holder_ctx(issuer, mine))["key-binding"].status is CheckStatus.PASSED
    assert checks(text, _holder_ctx(issuer, theirs))["key-binding"].status is CheckStatus.WARNING
    assert "key-binding" not in checks(text, ctx_for(issuer))  # outside a vault nothing is claimed


@pytest.mark.parametrize("holder_alg", ["P-256", "Ed25519"])
def test_key_binding_jwt(issuer: Issuer, holder_alg: str) -> None:
    holder = ec.generate_private_key(ec.SECP256R1()) if holder_alg == "P-256" else ed25519.Ed25519PrivateKey.generate()
    text, _ = issuer.issue(sd=SD, holder=holder)
    shown = present(text, [("ects",)], holder_key=holder, aud="https://verifier.example", nonce="n-1",
                    iat=int(NOW.timestamp()))
    ok = checks(shown, ctx_for(issuer, challenge="n-1", domain="https://verifier.example"))
    assert ok["key-binding"].status is CheckStatus.PASSED and ok["disclosures"].status is CheckStatus.PASSED
    assert len(shown.split("~")) == 3  # issuer JWT, one disclosure, KB-JWT
    for ctx in (ctx_for(issuer, challenge="other", domain="https://verifier.example"),
                ctx_for(issuer, challenge="n-1", domain="https://elsewhere.example")):
        assert checks(shown, ctx)["key-binding"].status is CheckStatus.FAILED
    # a disclosure removed after the KB-JWT was made breaks sd_hash
    parts = shown.split("~")
    dropped = "~".join([parts[0], parts[2]])
    assert "sd_hash" in checks(dropped, ctx_for(issuer, challenge="n-1"))["key-binding"].explained
    # signed by another key
    other = ec.generate_private_key(ec.SECP256R1())
    forged_text, _ = issuer.issue(sd=SD, holder=other)
    with pytest.raises(Exception, match="not the key"):
        present(forged_text, [("ects",)], holder_key=holder, aud="a", nonce="n")
    # made in the future
    late = present(text, [("ects",)], holder_key=holder, aud="a", nonce="n", iat=int(NOW.timestamp()) + 86400)
    assert "future" in checks(late, ctx_for(issuer))["key-binding"].explained


def test_hostile_structures_never_crash(issuer: Issuer) -> None:
    text, _ = issuer.issue(sd=SD)
    token = text.split("~")[0]
    for bad in (f"{token}~!!!~", f"{token}~{b64(b'{}')}~", f"{token}~{b64(b'[1]')}~",
                f"{token}~{b64(json.dumps([1, 2, 3]).encode())}~", token + "~" * 1200,
                f"{token}~{b64(b'[' * 5000)}~"):
        cred, report = verify_bytes(bad.encode(), ctx_for(issuer))
        assert report.verdict is Verdict.INVALID, bad[-40:]
    # a general JSON serialisation with thousands of signatures over a large payload (each would re-check it)
    head, body, sig = token.split(".")
    many = json.dumps({"payload": body, "signatures": [{"protected": head, "signature": sig}] * 3000,
                       "disclosures": []})
    _cred, report = verify_bytes(many.encode(), ctx_for(issuer))
    assert report.verdict is Verdict.INVALID and "signatures" in report.checks[0].explained
    # disclosures nested in disclosures up to absurd depth
    inner: Any = "x"
    encoded = []
    for level in range(40):
        d = disclosure(f"l{level}", inner)
        encoded.append(d)
        inner = {"_sd": [digest(d)]}
    deep = issuer.sign({"vct": "v", "iss": issuer.iss, **inner})
    _cred, report = verify_bytes(("~".join([deep, *encoded]) + "~").encode(), ctx_for(issuer))
    assert report.verdict is Verdict.INVALID
