"""Holder-signed bundles: shape, original credentials kept exactly, and a
round trip through the verification engine (tamper, wrong challenge, expiry)."""

from __future__ import annotations

import base64
import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.errors import InputError, UsageError
from wallet.formats import parse
from wallet.model import Credential, CredentialFormat, Verdict
from wallet.sharing.bundle import make_bundle, verification_method_for
from wallet.sharing.envelope import embed, media_type_of
from wallet.verify import engine
from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity import sign
from wallet.verify.did import did_key_for

NOW = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
LDP = ["ob3-eddsa-rdfc-2022.valid.001.json", "vc2-ecdsa-rdfc-2019.valid.001.json",
       "vc11-ed25519-signature-2020.valid.001.json", "ob3-eddsa-jcs-2022.valid.001.json",
       "vc2-ecdsa-jcs-2019.valid.001.json"]
JWT = ["jose-vc2-eddsa.valid.001.jwt", "jwt-vc11-es256.valid.001.jwt"]


def load(corpus_dir: Path, name: str) -> Credential:
    return parse((corpus_dir / name).read_bytes())


def issued_to(holder_did: str) -> Credential:
    """A credential whose subject is the holder, so holder binding can pass."""
    issuer = Ed25519PrivateKey.from_private_bytes(b"\x01" * 32)
    issuer_did = did_key_for(issuer.public_key())
    doc = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "id": "urn:uuid:6a1c0f0e-5d7e-4c55-8f51-2f1d6c1a0b01",
        "issuer": issuer_did,
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Data Literacy for Teachers",
        "credentialSubject": {"id": holder_did, "name": "Ana Šolar"},
    }
    signed = sign(doc, issuer, verification_method_for(issuer_did))
    return parse(json.dumps(signed, ensure_ascii=False).encode("utf-8"))


def ctx(**kw: object) -> VerificationContext:
    return VerificationContext(now=kw.pop("now", NOW), **kw)  # type: ignore[arg-type]


def test_shape_of_a_bundle(corpus_dir: Path, holder: tuple[Ed25519PrivateKey, str]) -> None:
    key, did = holder
    cred = load(corpus_dir, LDP[0])
    bundle = make_bundle([cred], key, did, challenge="n-1", domain="hr.example",
                         expires=NOW + timedelta(days=30), now=NOW)
    doc = bundle.document
    assert doc["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert doc["type"] == ["VerifiablePresentation"] and doc["holder"] == did
    assert doc["id"].startswith("urn:uuid:") and doc["id"] == bundle.id
    proof = doc["proof"]
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "authentication"
    assert proof["verificationMethod"] == f"{did}#{did.split(':')[2]}"
    assert (proof["challenge"], proof["domain"]) == ("n-1", "hr.example")
    assert proof["created"] == "2026-11-24T06:00:00Z" and proof["expires"] == "2026-12-24T06:00:00Z"
    assert "validUntil" not in doc  # not defined for presentations in the VC 2.0 context
    record = bundle.share_record("file", "x.vp.json")
    assert record["presentation_id"] == bundle.id and record["expires"] == "2026-12-24T06:00:00Z"


def test_json_ld_credentials_are_embedded_exactly(corpus_dir: Path, holder: tuple[Ed25519PrivateKey, str]) -> None:
    key, did = holder
    creds = [load(corpus_dir, f) for f in LDP]
    bundle = make_bundle(creds, key, did, challenge="c", now=NOW)
    for name, item in zip(LDP, bundle.document["verifiableCredential"], strict=True):
        original = json.loads((corpus_dir / name).read_bytes())
        assert item == original
        assert list(item) == list(original)  # key order kept as well
    again = json.loads(bundle.to_bytes(pretty=True))
    assert again == bundle.document


def test_non_json_ld_credentials_travel_enveloped(corpus_dir: Path) -> None:
    jose = load(corpus_dir, JWT[0])
    vc11 = load(corpus_dir, JWT[1])
    assert media_type_of(jose) == "application/vc+jwt" and media_type_of(vc11) == "application/jwt"
    entry = embed(jose)
    assert entry["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert entry["type"] == "EnvelopedVerifiableCredential"
    assert entry["id"] == "data:application/vc+jwt," + (corpus_dir / JWT[0]).read_text().strip()


def test_sealed_xml_and_jades_are_base64_enveloped() -> None:
    raw = b'<?xml version="1.0"?><europassCredential/>'
    xml = Credential(format=CredentialFormat.EDCI_XML, raw=raw)
    entry = embed(xml)
    assert entry["id"] == "data:application/xml;base64," + base64.b64encode(raw).decode()
    jades = Credential(format=CredentialFormat.EDC_JADES, raw=b'{"payload":"x","signatures":[]}')
    assert embed(jades)["id"].startswith("data:application/jose+json;base64,")


@pytest.mark.parametrize("fmt", [CredentialFormat.VP_LDP, CredentialFormat.OB2_SIGNED, CredentialFormat.UNKNOWN])
def test_non_credentials_refused_with_reason(fmt: CredentialFormat) -> None:
    with pytest.raises(InputError, match="cannot go in a bundle"):
        embed(Credential(format=fmt, raw=b"{}"))


def test_holder_key_must_match_did(holder: tuple[Ed25519PrivateKey, str]) -> None:
    key, _ = holder
    other = did_key_for(Ed25519PrivateKey.generate().public_key())
    with pytest.raises(UsageError, match="does not belong"):
        make_bundle([issued_to(other)], key, other, now=NOW)
    with pytest.raises(UsageError, match="before it is made"):
        make_bundle([issued_to(holder[1])], key, holder[1], expires=NOW - timedelta(seconds=1), now=NOW)
    with pytest.raises(UsageError, match="at least one"):
        make_bundle([], key, holder[1], now=NOW)


def test_round_trip_valid_when_credential_belongs_to_holder(holder: tuple[Ed25519PrivateKey, str]) -> None:
    key, did = holder
    bundle = make_bundle([issued_to(did)], key, did, challenge="n-42", domain="hr.example",
                         expires=NOW + timedelta(days=30), now=NOW)
    cred, report = engine.verify_bytes(bundle.to_bytes(), ctx(challenge="n-42", domain="hr.example"))
    assert cred is not None and cred.format is CredentialFormat.VP_LDP
    failed = [c for c in report.checks if c.status.value == "failed"]
    assert not failed, failed
    assert report.check("presentation-signature").status.value == "passed"  # type: ignore[union-attr]
    assert report.check("holder-binding").status.value == "passed"  # type: ignore[union-attr]
    assert report.verdict in (Verdict.VALID, Verdict.VALID_WITH_WARNINGS)


def test_round_trip_with_corpus_credentials_and_envelopes(
        corpus_dir: Path, holder: tuple[Ed25519PrivateKey, str]) -> None:
    key, did = holder
    creds = [load(corpus_dir, f) for f in LDP[:2] + JWT]
    bundle = make_bundle(creds, key, did, challenge="n-7", now=NOW, expires=NOW + timedelta(days=1))
    _, report = engine.verify_bytes(bundle.to_bytes(), ctx(challenge="n-7"))
    assert report.check("presentation-signature").status.value == "passed"  # type: ignore[union-attr]
    assert report.check("challenge").status.value == "passed"  # type: ignore[union-attr]
    for i in range(len(creds)):
        assert report.check(f"credential[{i}]").status.value in ("passed", "warning")  # type: ignore[union-attr]
    # The corpus credentials name their learners' DIDs, not this holder: the
    # engine warns that they are not proven to belong to the presenter.
    assert report.check("holder-binding").status.value == "warning"  # type: ignore[union-attr]


@pytest.fixture()
def signed(holder: tuple[Ed25519PrivateKey, str]) -> bytes:
    key, did = holder
    return make_bundle([issued_to(did)], key, did, challenge="n-1", domain="hr.example",
                       expires=NOW + timedelta(days=30), now=NOW).to_bytes()


def test_tampered_bundle_fails(signed: bytes) -> None:
    doc = json.loads(signed)
    tampered = copy.deepcopy(doc)
    tampered["verifiableCredential"][0]["credentialSubject"]["name"] = "Someone Else"
    _, report = engine.verify_bytes(json.dumps(tampered).encode(), ctx(challenge="n-1", domain="hr.example"))
    assert report.verdict is Verdict.INVALID
    assert report.check("presentation-signature").status.value == "failed"  # type: ignore[union-attr]
    dropped = copy.deepcopy(doc)
    dropped["holder"] = did_key_for(Ed25519PrivateKey.generate().public_key())
    _, report = engine.verify_bytes(json.dumps(dropped).encode(), ctx(challenge="n-1", domain="hr.example"))
    assert report.verdict is Verdict.INVALID


def test_wrong_challenge_or_domain_fails(signed: bytes) -> None:
    _, report = engine.verify_bytes(signed, ctx(challenge="other", domain="hr.example"))
    assert report.verdict is Verdict.INVALID and report.check("challenge").status.value == "failed"  # type: ignore[union-attr]
    _, report = engine.verify_bytes(signed, ctx(challenge="n-1", domain="evil.example"))
    assert report.verdict is Verdict.INVALID and report.check("domain").status.value == "failed"  # type: ignore[union-attr]


def test_expired_bundle_fails(signed: bytes) -> None:
    _, report = engine.verify_bytes(signed, ctx(challenge="n-1", domain="hr.example", now=NOW + timedelta(days=31)))
    assert report.verdict is Verdict.INVALID and report.check("validity").status.value == "failed"  # type: ignore[union-attr]
