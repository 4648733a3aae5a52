"""Seals made in the test with a throw-away CA: every accepted algorithm, a trusted issuer, XAdES by signxml."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from wallet.formats.edci_xml import parse_edci_xml
from wallet.formats.elm import parse_elm
from wallet.messages import msg
from wallet.model import CheckStatus, CredentialFormat
from wallet.verify.context import VerificationContext
from wallet.verify.seals import verify_edc
from wallet.verify.seals.jades import verify_jades
from wallet.verify.seals.qcprofile import seal_profile

from .sealing import Pki, make_pki, seal_jades, seal_xades


@pytest.fixture(scope="module")
def rsa_pki() -> Pki:
    return make_pki("rsa")


@pytest.fixture(scope="module")
def ec_pki() -> Pki:
    return make_pki("ec")


@pytest.fixture(scope="module")
def edci_unsigned(legacy_dir: Path) -> bytes:
    return (legacy_dir / "edci-commons/src/test/resources/xsdValidation/edci_credential_0100.xml").read_bytes()


def _checks(cred, **ctx):  # type: ignore[no-untyped-def]
    return {c.name: c for c in verify_edc(cred, VerificationContext(**ctx))}


@pytest.mark.parametrize("alg", ["RS256", "PS256", "ES256"])
def test_each_algorithm_verifies_and_trust_follows_the_anchor(alg: str, mc_unsigned: bytes, rsa_pki: Pki, ec_pki: Pki) -> None:
    pki = ec_pki if alg == "ES256" else rsa_pki
    raw = seal_jades(mc_unsigned, pki, alg)
    cred = parse_elm(raw)
    assert cred.format is CredentialFormat.EDC_JADES and cred.achievement.eqf_level == 6
    checks = _checks(cred, trust_anchors=(pki.ca_der,))
    assert checks["signature"].status is CheckStatus.PASSED and alg in checks["signature"].explained
    # chains to the user's anchor, but the seal embeds no revocation data: said, not hidden
    assert checks["issuer-trusted"].status is CheckStatus.WARNING and checks["issuer-trusted"].message.id == "seal.owner_no_revocation_data"
    assert "Test University" in checks["issuer-trusted"].explained
    other = make_pki("rsa")
    assert _checks(cred, trust_anchors=(other.ca_der,))["issuer-trusted"].status is CheckStatus.FAILED


def test_algorithm_must_match_key_type(mc_unsigned: bytes, ec_pki: Pki) -> None:
    """An EC-sealed EDC relabelled RS256/PS256 is refused for the key type, before any maths."""
    import base64
    import json

    sealed = json.loads(seal_jades(mc_unsigned, ec_pki, "ES256"))
    sig = sealed["signatures"][0]
    header = json.loads(base64.urlsafe_b64decode(sig["protected"] + "=" * (-len(sig["protected"]) % 4)))
    for alg in ("RS256", "PS256"):
        header["alg"] = alg
        sig["protected"] = base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"=").decode()
        evidence = verify_jades(json.dumps(sealed).encode())
        assert not evidence.intact and "key type" in evidence.reason


def test_generated_certificate_profile(rsa_pki: Pki) -> None:
    profile = seal_profile(rsa_pki.leaf_der)
    assert profile.qualified_eseal and profile.subject_o == "Test University"
    assert profile.organisation_identifier == "VATSI-12345678"


def test_xades_sealed_edci_credential(edci_unsigned: bytes, rsa_pki: Pki) -> None:
    raw = seal_xades(edci_unsigned, rsa_pki)
    cred = parse_edci_xml(raw)
    assert cred.title == {"en": "La Modiste Diplome"} and cred.achievement.eqf_level == 3
    checks = _checks(cred, trust_anchors=(rsa_pki.ca_der,))
    assert checks["signature"].status is CheckStatus.PASSED, checks["signature"].explained
    assert checks["issuer-trusted"].status is CheckStatus.WARNING  # anchored; no RevocationValues in a signxml seal
    assert _checks(cred)["issuer-trusted"].status is CheckStatus.NOT_CHECKED


def test_xades_wrapping_beside_signed_credential(edci_unsigned: bytes, rsa_pki: Pki) -> None:
    root = etree.fromstring(seal_xades(edci_unsigned, rsa_pki))
    title = root.find("{http://data.europa.eu/snb}title/{http://data.europa.eu/snb}text")
    title.text = "Forged title"
    cred = parse_edci_xml(etree.tostring(root))
    assert _checks(cred)["signature"].status is CheckStatus.FAILED


def test_expired_credential(mc_unsigned: bytes, rsa_pki: Pki) -> None:
    import json

    doc = json.loads(mc_unsigned)
    doc["validUntil"] = "2024-01-01T00:00:00Z"
    cred = parse_elm(seal_jades(json.dumps(doc).encode(), rsa_pki))
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert _checks(cred, now=now)["validity"].status is CheckStatus.FAILED
    assert _checks(cred, now=now - timedelta(days=400))["validity"].status is CheckStatus.PASSED


def test_stale_snapshot_is_said(mc_signed: bytes, snapshot) -> None:  # type: ignore[no-untyped-def]
    checks = _checks(parse_elm(mc_signed), trusted_list=snapshot.to_bytes(), now=datetime(2026, 1, 1, tzinfo=UTC))
    assert checks["issuer-trusted"].message.get("note") == msg("seal.note.stale", date="2020-04-29", due="2020-10-29")


@pytest.mark.parametrize("period", ["expired", "not-yet-valid"])
def test_certificate_out_of_period_at_signing_fails_whatever_the_trust(period: str, mc_unsigned: bytes) -> None:
    """Issue 11: with no trusted list and no anchor this gave "valid, with warnings"; it must fail in every setting."""
    now = datetime.now(UTC)
    if period == "expired":
        pki = make_pki("rsa", leaf_from=now - timedelta(days=30), leaf_until=now - timedelta(days=10))
        expected = "seal.certificate_expired"
    else:
        pki = make_pki("rsa", leaf_from=now + timedelta(days=10), leaf_until=now + timedelta(days=40))
        expected = "seal.certificate_not_yet_valid"
    cred = parse_elm(seal_jades(mc_unsigned, pki, "RS256", sig_time=now - timedelta(days=1)))
    for trust in ({}, {"trust_anchors": (pki.ca_der,)}, {"trust_anchors": (make_pki("rsa").ca_der,)}):
        checks = _checks(cred, **trust)
        assert checks["signature"].status is CheckStatus.PASSED  # the bytes are intact ...
        owner = checks["issuer-trusted"]  # ... but the certificate was not in force when they were sealed
        assert owner.status is CheckStatus.FAILED and owner.message.id == expected, (trust, owner.explained)
    from wallet.model import verdict_of
    assert verdict_of(list(_checks(cred).values())).value == "invalid"


def test_certificate_in_period_at_signing_is_not_failed(mc_unsigned: bytes, rsa_pki: Pki) -> None:
    checks = _checks(parse_elm(seal_jades(mc_unsigned, rsa_pki, "RS256")))
    assert checks["issuer-trusted"].status is CheckStatus.NOT_CHECKED  # no trust basis: said, not failed


@pytest.mark.parametrize(("alg", "status"), [("ES256K", CheckStatus.NOT_CHECKED), ("EdDSA", CheckStatus.NOT_CHECKED),
                                            ("HS256", CheckStatus.FAILED), ("none", CheckStatus.FAILED)])
def test_seal_algorithm_not_implemented_is_not_checked_but_hmac_fails(alg: str, status: CheckStatus,
                                                                      mc_unsigned: bytes, rsa_pki: Pki) -> None:
    import base64
    import json

    raw = json.loads(seal_jades(mc_unsigned, rsa_pki, "RS256"))
    sig = raw["signatures"][0]
    header = json.loads(base64.urlsafe_b64decode(sig["protected"] + "=="))
    header["alg"] = alg
    sig["protected"] = base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"=").decode()
    checks = _checks(parse_elm(json.dumps(raw).encode()))
    assert checks["signature"].status is status
    assert checks["signature"].message.id == ("seal.unsupported" if status is CheckStatus.NOT_CHECKED else "seal.broken")


def test_xades_hmac_signature_method_is_refused(edci_unsigned: bytes, rsa_pki: Pki) -> None:
    """XML algorithm confusion: a seal whose SignatureMethod says HMAC (which an attacker could key with the
    seal certificate's public bytes) is refused before any HMAC is computed: only asymmetric methods are allowed."""
    import hashlib
    import hmac as hmac_lib

    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from wallet.verify.seals.xades import SIGNATURE_METHODS, verify_xades

    assert not any(m.name.startswith("HMAC") for m in SIGNATURE_METHODS)
    root = etree.fromstring(seal_xades(edci_unsigned, rsa_pki))
    ds = "{http://www.w3.org/2000/09/xmldsig#}"
    signed_info = root.find(f".//{ds}SignedInfo")
    signed_info.find(f"{ds}SignatureMethod").set("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256")
    public = rsa_pki.key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    tag = hmac_lib.new(public, etree.tostring(signed_info, method="c14n"), hashlib.sha256).digest()
    import base64

    root.find(f".//{ds}SignatureValue").text = base64.b64encode(tag).decode()
    forged = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    evidence, data = verify_xades(forged)
    assert not evidence.intact and data is None
    assert _checks(parse_edci_xml(forged), trust_anchors=(rsa_pki.ca_der,))["signature"].status is CheckStatus.FAILED
