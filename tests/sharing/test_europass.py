"""Europass exports: the 2020+ Candidate compared with the Commission's sample,
and the legacy SkillsPassport v3.3 validated against the official XSD."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from wallet.errors import InputError
from wallet.sharing.europass_candidate import EURES, HR, NS, OA, candidate_xml
from wallet.sharing.europass_common import ExportEntry, split_exportable
from wallet.sharing.europass_legacy import skills_passport_xml

from .conftest import BAD, certificate_credential, rich_credential

NOW = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
SCHEMA = "europass-cv/services/core/src/main/resources/schema"
REMOTE = "https://europass.cedefop.europa.eu/xml/"
# Code-list XSDs the v3.3 schema imports from the Cedefop server but the
# vectors do not hold; stand-ins accept any string for these three code types.
STUBS = {
    "imported/ISCED97_V1.0.0.xsd": ("http://europass.cedefop.europa.eu/ISCED/97", "field-level2"),
    "imported/NACE_COM_V1.0.0.xsd": ("http://europass.cedefop.europa.eu/NACE", "sector-level1"),
    "imported/EUDrivingLicence_V1.1.0.xsd": ("http://europass.cedefop.europa.eu/EUDriving", "drivinglicence"),
}


@pytest.fixture(scope="session")
def legacy_schema(vectors_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> xmlschema.XMLSchema:
    base = vectors_dir / SCHEMA
    stub_dir = tmp_path_factory.mktemp("xsd-stubs")
    mapping = {REMOTE + "imported/EQF_08_V1.0.0.xsd": str(base / "v3.0" / "EQF_08_V1.0.xsd")}
    for remote, (namespace, type_name) in STUBS.items():
        path = stub_dir / Path(remote).name
        path.write_text(
            f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{namespace}">'
            f'<xsd:simpleType name="{type_name}"><xsd:restriction base="xsd:string"/></xsd:simpleType>'
            "</xsd:schema>")
        mapping[REMOTE + remote] = str(path)
    for included in (base / "v3.3.0" / "included").glob("*.xsd"):
        mapping[REMOTE + "included/" + included.name] = str(included)
    return xmlschema.XMLSchema(str(base / "v3.3.0" / "EuropassSchema.xsd"),
                               uri_mapper=lambda uri: mapping.get(uri, uri), allow="local")


def test_the_schema_accepts_the_official_example(legacy_schema: xmlschema.XMLSchema, vectors_dir: Path) -> None:
    legacy_schema.validate(str(vectors_dir / SCHEMA / "v3.3.0" / "examples" / "Europass_CV_V3.3.0_Example.xml"))


def test_legacy_export_is_valid_against_the_xsd(legacy_schema: xmlschema.XMLSchema,
                                                entries: list[ExportEntry]) -> None:
    xml = skills_passport_xml(entries, ("en",), NOW)
    errors = list(legacy_schema.iter_errors(xml.decode("utf-8")))
    assert not errors, [str(e)[:300] for e in errors[:3]]
    root = etree.fromstring(xml)
    ns = {"e": "http://europass.cedefop.europa.eu/Europass"}
    edu = root.find("e:LearnerInfo/e:EducationList/e:Education", ns)
    assert edu.findtext("e:Title", namespaces=ns) == "Data Literacy for Teachers"
    assert edu.findtext("e:Organisation/e:Name", namespaces=ns) == "University of Ljubljana"
    assert edu.findtext("e:Organisation/e:ContactInfo/e:Address/e:Contact/e:Country/e:Code", namespaces=ns) == "SI"
    assert edu.findtext("e:Level/e:Code", namespaces=ns) == "6"
    assert edu.find("e:Period/e:From", ns).attrib == {"year": "2026", "month": "--06", "day": "---30"}
    activities = edu.findtext("e:Activities", namespaces=ns)
    assert "6 ECTS credits" in activities and "Grade: A (excellent)" in activities
    assert "https://creds.uni-lj.example/c/123" in activities
    cert = root.find("e:LearnerInfo/e:AchievementList/e:Achievement", ns)
    assert cert.findtext("e:Title/e:Code", namespaces=ns) == "certifications"
    assert "First Aid Certificate — Uniwersytet Wiślański (2025-03-02)" in cert.findtext("e:Description", namespaces=ns)


def test_legacy_export_in_slovenian_is_valid(legacy_schema: xmlschema.XMLSchema, entries: list[ExportEntry]) -> None:
    xml = skills_passport_xml(entries, ("sl",), NOW)
    legacy_schema.validate(xml.decode("utf-8"))
    assert "Podatkovna pismenost za učitelje" in xml.decode("utf-8")


def _children(el: etree._Element) -> list[str]:
    return [c.tag for c in el if isinstance(c.tag, str)]


def test_candidate_shape_matches_the_official_sample(vectors_dir: Path, entries: list[ExportEntry]) -> None:
    sample = etree.parse(str(vectors_dir / "europass-cv" / "candidate-2020" /
                              "CandidateSample1-EURES-mandatory-v1.3.xml")).getroot()
    ours = etree.fromstring(candidate_xml(entries, ("en",), NOW))
    assert ours.tag == sample.tag == f"{{{NS}}}Candidate"
    assert {k: v for k, v in ours.nsmap.items()} == {None: NS, "hr": HR, "oa": OA, "eures": EURES}
    for prefix in ("hr", "oa", "eures"):
        assert sample.nsmap[prefix] == ours.nsmap[prefix]
    assert (ours.get("majorVersionID"), ours.get("minorVersionID")) == ("3", "2")
    # Top-level order as in the sample.
    top = [t for t in _children(ours) if t in _children(sample)]
    assert top == [t for t in _children(sample) if t in top]
    ns = {"c": NS, "hr": HR, "oa": OA}
    path = "c:CandidateProfile/c:EducationHistory/c:EducationOrganizationAttendance"
    theirs, mine = sample.find(path, ns), ours.find(path, ns)
    common = [t for t in _children(mine) if t in _children(theirs)]
    assert common == [t for t in _children(theirs) if t in common]  # same relative order
    assert f"{{{HR}}}OrganizationName" in common and f"{{{HR}}}ProgramName" in common
    level_theirs, level_mine = theirs.find("c:EducationLevelCode", ns), mine.find("c:EducationLevelCode", ns)
    assert dict(level_mine.attrib) == dict(level_theirs.attrib)
    assert level_mine.text == "EQF-6"
    assert mine.findtext("c:AttendancePeriod/c:EndDate/hr:FormattedDateTime", namespaces=ns) == "2026-06-30"
    assert theirs.find("c:AttendancePeriod/c:EndDate/hr:FormattedDateTime", ns) is not None
    assert ours.find("c:CandidateProfile", ns).get("languageCode") == "en"


def test_candidate_education_and_certification_content(entries: list[ExportEntry]) -> None:
    ours = etree.fromstring(candidate_xml(entries, ("en",), NOW))
    ns = {"c": NS, "hr": HR, "oa": OA}
    att = ours.find("c:CandidateProfile/c:EducationHistory/c:EducationOrganizationAttendance", ns)
    assert att.findtext("hr:OrganizationName", namespaces=ns) == "University of Ljubljana"
    assert att.findtext("c:OrganizationContact/c:Communication/c:Address/c:CountryCode", namespaces=ns) == "SI"
    assert att.findtext("hr:ProgramName", namespaces=ns) == "Data Literacy for Teachers"
    degree = att.find("c:EducationDegree", ns)
    assert degree.findtext("hr:DegreeName", namespaces=ns) == "Data Literacy for Teachers"
    assert degree.findtext("c:CreditType", namespaces=ns) == "ECTS"
    assert degree.findtext("c:NumberOfCredit", namespaces=ns) == "6"
    assert degree.findtext("c:FinalGrade/hr:ScoreText", namespaces=ns) == "A (excellent)"
    skills = degree.findtext("c:OccupationalSkillsCovered", namespaces=ns)
    assert skills.startswith("<ul><li>Interpret school data sets</li>") and "ESCO: http://data.europa.eu/esco" in skills
    assert att.findtext("c:Link", namespaces=ns) == "https://creds.uni-lj.example/c/123"
    cert = ours.find("c:CandidateProfile/c:Certifications/c:Certification", ns)
    assert cert.findtext("hr:CertificationName", namespaces=ns) == "First Aid Certificate"
    assert cert.findtext("c:FirstIssuedDate/hr:FormattedDateTime", namespaces=ns) == "2025-03-02"
    assert cert.findtext("c:IssuingAuthority", namespaces=ns) == "Uniwersytet Wiślański"
    assert cert.findtext("c:FreeFormEffectivePeriod/c:EndDate/hr:FormattedDateTime", namespaces=ns) == "2028-03-02"
    person = ours.find("c:CandidatePerson/c:PersonName", ns)
    assert (person.findtext("oa:GivenName", namespaces=ns), person.findtext("hr:FamilyName", namespaces=ns)) == \
        ("Ana", "Šolar")


def test_unverified_credentials_are_refused_with_reasons() -> None:
    good = ExportEntry(rich_credential(), None)
    bad = ExportEntry(certificate_credential(), BAD)
    ok, refused = split_exportable([good, bad])
    assert ok == ()
    assert [r.message.id for r in refused] == ["europass.unverified", "europass.refused"]
    assert refused[1].reason.startswith("only verified credentials go into a Europass CV")
    for export in (candidate_xml, skills_passport_xml):
        with pytest.raises(InputError, match="only verified credentials.*First Aid Certificate.*Changed or forged"):
            export([bad], ("en",), NOW)
