"""Legacy Europass CV XML (SkillsPassport v3.3, the 2012–2020 platform).

Still read by many national portals, HR systems and the Cedefop converters.
Validated in the tests against the official v3.3.0 XSD (vectors
``europass-cv/services/core/.../schema/v3.3.0``). Each verified credential
becomes an ``Education`` entry; non-degree certificates become an
``Achievement`` with ``Title/Code = certifications`` (the Europass XML schemas).

v3.3 has no elements for credits, grade or a link, so those go into the
free-text ``Activities`` (education) or ``Description`` (achievement) — the
places the Europass editor itself shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from lxml import etree

from wallet.sharing import europass_common as common
from wallet.sharing.europass_common import ExportEntry

NS = "http://europass.cedefop.europa.eu/Europass"


def _el(parent: etree._Element, name: str, value: str | None = None, **attrs: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NS}}}{name}", attrib=attrs or None)
    if value is not None:
        child.text = value
    return child


def _from_date(parent: etree._Element, when: datetime) -> None:
    # XSD gYear / gMonth / gDay lexical forms: "2024", "--05", "---09".
    _el(parent, "From", year=f"{when.year:04d}", month=f"--{when.month:02d}", day=f"---{when.day:02d}")


def _details(entry: ExportEntry, prefs: Sequence[str]) -> str:
    """Outcomes, skills, credits, grade and link as readable lines."""
    cred = entry.credential
    ach = common.main_achievement(cred)
    lines: list[str] = []
    lines += [common.text(lo.title, prefs) for lo in ach.learning_outcomes if common.text(lo.title, prefs)]
    if ach.esco_skills:
        lines.append("ESCO skills: " + ", ".join(ach.esco_skills))
    if ach.credits is not None:
        lines.append(f"{common.number(ach.credits)} {(ach.credit_framework or 'ECTS').upper()} credits")
    if ach.grade:
        lines.append(f"Grade: {ach.grade}")
    link = common.credential_link(cred) or cred.id
    if link:
        lines.append(f"Digital credential: {link}")
    return "\n".join(lines)


def _organisation(parent: etree._Element, entry: ExportEntry, prefs: Sequence[str]) -> None:
    issuer = common.awarding_body(entry.credential)
    org = _el(parent, "Organisation")
    _el(org, "Name", common.text(issuer.name, prefs) or "(not stated)")
    country = common.country_code(issuer)
    if country or issuer.url:
        info = _el(org, "ContactInfo")
        if country:
            _el(_el(_el(_el(info, "Address"), "Contact"), "Country"), "Code", country)
        if issuer.url and issuer.url.startswith(("http://", "https://")):
            _el(_el(info, "Website"), "Contact", issuer.url)


def _education(parent: etree._Element, entry: ExportEntry, prefs: Sequence[str]) -> None:
    cred = entry.credential
    ach = common.main_achievement(cred)
    edu = _el(parent, "Education")
    when = common.awarded(cred)
    if when:
        _from_date(_el(edu, "Period"), when)
    _el(edu, "Title", common.title_of(cred, prefs))
    details = _details(entry, prefs)
    if details:
        _el(edu, "Activities", details)
    _organisation(edu, entry, prefs)
    if ach.eqf_level and 1 <= ach.eqf_level <= 8:
        level = _el(edu, "Level")
        _el(level, "Code", str(ach.eqf_level))
        _el(level, "Label", f"EQF {ach.eqf_level}")


def _achievement(parent: etree._Element, entry: ExportEntry, prefs: Sequence[str]) -> None:
    cred = entry.credential
    issuer = common.awarding_body(cred)
    item = _el(parent, "Achievement")
    title = _el(item, "Title")
    _el(title, "Code", "certifications")
    _el(title, "Label", "Certifications")
    when = common.iso_date(common.awarded(cred))
    head = common.title_of(cred, prefs)
    by = common.text(issuer.name, prefs)
    first = head + (f" — {by}" if by else "") + (f" ({when})" if when else "")
    details = _details(entry, prefs)
    _el(item, "Description", first + ("\n" + details if details else ""))


def skills_passport_xml(entries: Sequence[ExportEntry], prefs: Sequence[str] = ("en",),
                        now: datetime | None = None) -> bytes:
    """SkillsPassport v3.3 XML for verified credentials (InputError if any is not verified)."""
    entries = common.require_exportable(entries, prefs)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    lang = (prefs[0] if prefs else "en").split("-")[0].lower()
    root = etree.Element(f"{{{NS}}}SkillsPassport", nsmap={None: NS}, locale=lang)
    info = _el(root, "DocumentInfo")
    _el(info, "DocumentType", "ECV")
    _el(info, "CreationDate", stamp)
    _el(info, "LastUpdateDate", stamp)
    _el(info, "XSDVersion", "V3.3")
    _el(info, "Generator", "learner-wallet")
    _el(info, "Comment", "Exported from verified digital credentials")
    learner = _el(root, "LearnerInfo")
    given, family = common.learner_names(entries, prefs)
    if given or family:
        name = _el(_el(learner, "Identification"), "PersonName")
        if given:
            _el(name, "FirstName", given)
        if family:
            _el(name, "Surname", family)
    education = [e for e in entries if not common.is_certificate(e.credential)]
    certificates = [e for e in entries if common.is_certificate(e.credential)]
    if education:
        edu_list = _el(learner, "EducationList")
        for entry in education:
            _education(edu_list, entry, prefs)
    if certificates:
        ach_list = _el(learner, "AchievementList")
        for entry in certificates:
            _achievement(ach_list, entry, prefs)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
