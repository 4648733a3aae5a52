"""XAdES on EDCI XML: the ELM v2 diploma supplement verifies, signature wrapping does not get through."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree

from wallet.errors import InputError
from wallet.formats.edci_xml import parse_edci_xml
from wallet.model import CheckStatus, CredentialFormat
from wallet.verify.context import VerificationContext
from wallet.verify.seals import verify_edc
from wallet.verify.seals.xades import verify_xades

NOW = datetime(2026, 6, 1, tzinfo=UTC)
DS = "{http://www.w3.org/2000/09/xmldsig#}"
SNB = "{http://data.europa.eu/snb}"
FAKE = b'<europassCredential xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#" cred:id="urn:fake"><title><text lang="en">Forged degree</text></title></europassCredential>'


def _checks(raw: bytes):  # type: ignore[no-untyped-def]
    return {c.name: c for c in verify_edc(parse_edci_xml(raw), VerificationContext(now=NOW))}


def test_diploma_supplement_seal_is_intact(diploma_supplement: bytes) -> None:
    evidence, signed = verify_xades(diploma_supplement)
    assert evidence.intact, evidence.reason
    assert signed is not None and signed.find(f"{DS}Signature") is None  # only signed content
    assert any(t.intact for t in evidence.timestamps)
    cred = parse_edci_xml(diploma_supplement)
    assert cred.format is CredentialFormat.EDCI_XML and cred.raw == diploma_supplement
    assert cred.title["es"].startswith("Estudio") and {"en", "es"} <= set(cred.languages)
    a = cred.achievement
    assert a.grade == "5 - excellent" and len(a.parts) == 1
    checks = _checks(diploma_supplement)
    assert checks["signature"].status is CheckStatus.PASSED
    assert checks["issuer-trusted"].status is CheckStatus.NOT_CHECKED


def test_reformatted_edci_sample_fails_but_still_parses(edci_signed: bytes) -> None:
    """The EDCI test resource was pretty-printed after signing: its seal cannot verify."""
    cred = parse_edci_xml(edci_signed)
    assert cred.achievement.eqf_level == 6 and cred.issuer.name["en"].startswith("Green University")
    checks = _checks(edci_signed)
    assert checks["signature"].status is CheckStatus.FAILED and "does not match" in checks["signature"].explained


def test_content_hidden_in_the_signature_is_never_shown(diploma_supplement: bytes) -> None:
    root = etree.fromstring(diploma_supplement)
    obj = root.find(f".//{DS}Object")
    obj.append(etree.fromstring(FAKE))
    raw = etree.tostring(root)
    evidence, signed = verify_xades(raw)
    assert evidence.intact  # the addition is outside the signed data ...
    cred = parse_edci_xml(raw)
    assert cred.id != "urn:fake" and "Forged degree" not in str(cred.title)  # ... and is never shown


def test_unsigned_credential_beside_the_signed_one_fails(diploma_supplement: bytes) -> None:
    root = etree.fromstring(diploma_supplement)
    root.insert(0, etree.fromstring(FAKE))
    raw = etree.tostring(root)
    assert not verify_xades(raw)[0].intact
    with pytest.raises(InputError):
        parse_edci_xml(raw)  # two credentials and no valid seal: refuse rather than guess


def test_moved_signed_node_fails(diploma_supplement: bytes) -> None:
    original = etree.fromstring(diploma_supplement)
    wrapper = etree.fromstring(b'<verifiablePresentation xmlns="http://data.europa.eu/snb/vp"/>')
    wrapper.append(etree.fromstring(FAKE))
    wrapper.append(original)
    raw = etree.tostring(wrapper)
    evidence, signed = verify_xades(raw)
    assert not evidence.intact and signed is None
    checks = _checks(raw)  # what is shown is not vouched for: the seal check fails
    assert checks["signature"].status is CheckStatus.FAILED and "not where a seal belongs" in checks["signature"].explained


def test_second_signature_is_refused(diploma_supplement: bytes) -> None:
    root = etree.fromstring(diploma_supplement)
    sig = root.find(f".//{DS}Signature")
    root.append(etree.fromstring(etree.tostring(sig)))
    evidence, _ = verify_xades(etree.tostring(root))
    assert not evidence.intact and "exactly one" in evidence.reason


def test_duplicate_id_wrapping_on_a_trusted_list(dss_dir) -> None:  # type: ignore[no-untyped-def]
    raw = (dss_dir / "BE.xml").read_bytes()
    root = etree.fromstring(raw)
    fake = etree.SubElement(root, "{http://uri.etsi.org/02231/v2#}Decoy")
    fake.set("Id", root.get("Id"))
    evidence, signed = verify_xades(etree.tostring(root))
    assert not evidence.intact and signed is None


def test_edited_signed_text_fails(diploma_supplement: bytes) -> None:
    raw = diploma_supplement.replace(b"5 - excellent", b"5 - exceIlent", 1)
    assert raw != diploma_supplement
    assert _checks(raw)["signature"].status is CheckStatus.FAILED


def test_credential_not_from_the_signed_data_fails(diploma_supplement: bytes) -> None:
    from wallet.model import replace

    cred = replace(parse_edci_xml(diploma_supplement), id="urn:credential:other")
    checks = {c.name: c for c in verify_edc(cred, VerificationContext(now=NOW))}
    assert checks["signature"].status is CheckStatus.FAILED and "not the one the seal covers" in checks["signature"].explained


@pytest.mark.parametrize("edit", ["duplicate-SignatureValue", "drop-SignatureValue", "duplicate-KeyInfo", "duplicate-Object"])
def test_edited_diploma_supplement_gets_a_failed_seal_not_an_exception(diploma_supplement: bytes, edit: str) -> None:
    """Issue 11: signxml's XML-DSig schema check raised lxml's DocumentInvalid out of verification."""
    from copy import deepcopy

    from wallet.verify.engine import verify_bytes

    root = etree.fromstring(diploma_supplement)
    sig = root.find(f".//{DS}Signature")
    action, name = edit.split("-")
    element = sig.find(f"{DS}{name}")
    if action == "drop":
        sig.remove(element)
    else:
        element.addnext(deepcopy(element))
    evidence, signed = verify_xades(etree.tostring(root))
    assert not evidence.intact and signed is None
    _, report = verify_bytes(etree.tostring(root), VerificationContext(now=NOW))
    assert report.verdict.value == "invalid"
    assert report.check("signature") is not None and report.check("signature").status is CheckStatus.FAILED
