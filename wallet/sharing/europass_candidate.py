"""Europass CV XML of the current (2020+) platform: an HR-Open "Candidate".

Shape as in the Commission's sample (vectors ``candidate-2020/``) and the
Europass2 CV XML Schema Documentation v3.0.0 (the Europass XML schemas).
Each verified credential becomes an ``EducationOrganizationAttendance``
(courses, micro-credentials, degrees: anything with credits or an EQF level)
or, for non-degree certificates, a ``Certification``.

The Candidate.xsd itself is not in our vectors (it is only in the
Commission's zip), so element order follows the documentation's diagrams and
the sample; docs/SHARING.md says what is confirmed and what is not.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from lxml import etree

from wallet.sharing import europass_common as common
from wallet.sharing.europass_common import ExportEntry

NS = "http://www.europass.eu/1.0"
HR = "http://www.hr-xml.org/3"
OA = "http://www.openapplications.org/oagis/9"
EURES = "http://www.europass_eures.eu/1.0"
NSMAP = {None: NS, "hr": HR, "oa": OA, "eures": EURES}
EQF_LIST_URI = "http://ec.europa.eu/esco/ConceptScheme/EQF2012/ConceptScheme"
EQF_LIST_VERSION = "2008/C11/01"


def _el(parent: etree._Element, ns: str, name: str, value: str | None = None, **attrs: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ns}}}{name}", attrib=attrs or None)
    if value is not None:
        child.text = value
    return child


def _date(parent: etree._Element, name: str, value: str) -> None:
    _el(_el(parent, NS, name), HR, "FormattedDateTime", value)


def _organisation_contact(parent: etree._Element, entry: ExportEntry) -> None:
    issuer = common.awarding_body(entry.credential)
    country = common.country_code(issuer)
    if not country and not issuer.url:
        return
    contact = _el(parent, NS, "OrganizationContact")
    if country:
        _el(_el(_el(contact, NS, "Communication"), NS, "Address"), NS, "CountryCode", country)
    if issuer.url:
        web = _el(contact, NS, "Communication")
        _el(web, NS, "ChannelCode", "Web")
        _el(web, OA, "URI", issuer.url)


def _education(history: etree._Element, entry: ExportEntry, prefs: Sequence[str]) -> None:
    cred = entry.credential
    ach = common.main_achievement(cred)
    issuer = common.awarding_body(cred)
    att = _el(history, NS, "EducationOrganizationAttendance")
    _el(att, HR, "OrganizationName", common.text(issuer.name, prefs) or "(not stated)")
    _organisation_contact(att, entry)
    _el(att, HR, "ProgramName", common.title_of(cred, prefs))
    if ach.eqf_level:
        _el(att, NS, "EducationLevelCode", f"EQF-{ach.eqf_level}", listName="EURES_EQF",
            listURI=EQF_LIST_URI, listVersionID=EQF_LIST_VERSION)
    awarded = common.iso_date(common.awarded(cred))
    if awarded:
        period = _el(att, NS, "AttendancePeriod")
        _date(period, "EndDate", awarded)
    degree = _el(att, NS, "EducationDegree")
    _el(degree, HR, "DegreeName", common.title_of(cred, prefs))
    if awarded:
        _date(degree, "DegreeDate", awarded)
    outcomes = common.outcomes_html(cred, prefs)
    if outcomes:
        _el(degree, NS, "OccupationalSkillsCovered", outcomes)
    if ach.grade:
        _el(_el(degree, NS, "FinalGrade"), HR, "ScoreText", ach.grade)
    if ach.credits is not None:
        _el(degree, NS, "CreditType", (ach.credit_framework or "ECTS").upper())
        _el(degree, NS, "NumberOfCredit", common.number(ach.credits))
    link = common.credential_link(cred)
    if link:
        _el(att, NS, "Link", link)


def _certification(certs: etree._Element, entry: ExportEntry, prefs: Sequence[str]) -> None:
    cred = entry.credential
    ach = common.main_achievement(cred)
    cert = _el(certs, NS, "Certification")
    if ach.achievement_type:
        _el(cert, HR, "CertificationTypeCode", ach.achievement_type)
    _el(cert, HR, "CertificationName", common.title_of(cred, prefs))
    awarded = common.iso_date(common.awarded(cred))
    if awarded:
        _date(cert, "FirstIssuedDate", awarded)
    if cred.valid_from or cred.valid_until:
        period = _el(cert, NS, "FreeFormEffectivePeriod")
        _date(period, "StartDate", common.iso_date(cred.valid_from or common.awarded(cred)) or "")
        if cred.valid_until:
            _date(period, "EndDate", common.iso_date(cred.valid_until) or "")
    issuer = common.awarding_body(cred)
    name = common.text(issuer.name, prefs)
    if name:
        _el(cert, NS, "IssuingAuthority", name)
    description = common.text(ach.description, prefs) or common.text(cred.description, prefs)
    outcomes = common.outcomes_html(cred, prefs)
    if description or outcomes:
        _el(cert, OA, "Description", (description + outcomes).strip())
    link = common.credential_link(cred)
    if link:
        _el(cert, NS, "Link", link)


def _person_name(parent: etree._Element, given: str, family: str) -> None:
    name = _el(parent, NS, "PersonName")
    if given:
        _el(name, OA, "GivenName", given)
    _el(name, HR, "FamilyName", family or "(not stated)")


def _supplier_and_person(root: etree._Element, entries: Sequence[ExportEntry], prefs: Sequence[str]) -> None:
    """The learner supplies their own CV: supplier contact and person are the learner."""
    given, family = common.learner_names(entries, prefs)
    supplier = _el(root, NS, "CandidateSupplier")
    _el(supplier, HR, "PartyID", "learner-wallet", schemeID="learner-wallet", schemeAgencyName="EUROPASS")
    _el(supplier, HR, "PartyName", "Owner")
    _person_name(_el(supplier, NS, "PersonContact"), given, family)
    _el(supplier, HR, "PrecedenceCode", "1")
    _person_name(_el(root, NS, "CandidatePerson"), given, family)


def candidate_xml(entries: Sequence[ExportEntry], prefs: Sequence[str] = ("en",),
                  now: datetime | None = None) -> bytes:
    """The Candidate XML for verified credentials (InputError if any is not verified)."""
    entries = common.require_exportable(entries, prefs)
    when = (now or datetime.now(UTC)).date().isoformat()
    root = etree.Element(f"{{{NS}}}Candidate", nsmap=NSMAP, majorVersionID="3", minorVersionID="2")
    _el(root, HR, "DocumentID", f"urn:uuid:{uuid.uuid4()}", schemeID="learner-wallet",
        schemeName="DocumentIdentifier", schemeAgencyName="EUROPASS", schemeVersionID="4.0", validFrom=when)
    _supplier_and_person(root, entries, prefs)
    lang = (prefs[0] if prefs else "en").split("-")[0].lower()
    profile = _el(root, NS, "CandidateProfile", languageCode=lang)
    education = [e for e in entries if not common.is_certificate(e.credential)]
    certificates = [e for e in entries if common.is_certificate(e.credential)]
    if education:
        history = _el(profile, NS, "EducationHistory")
        for entry in education:
            _education(history, entry, prefs)
    if certificates:
        certs = _el(profile, NS, "Certifications")
        for entry in certificates:
            _certification(certs, entry, prefs)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
