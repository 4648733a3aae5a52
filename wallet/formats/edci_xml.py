"""EDCI 1.x XML credentials (``europassCredential``, namespace http://data.europa.eu/snb) with XAdES.

Fields are read only from the *signed* data: the element signxml returns for
the seal's data reference (see :mod:`wallet.verify.seals.xades`), never from
the file as received, so unsigned additions (a second credential beside the
signed one, content hidden in the signature's Object) are never shown. If
the seal does not verify, the document minus its signature is shown and the
SEAL check fails, so nothing shown is vouched for. ELM v2 verifiable
presentations (diploma supplements) that wrap one europassCredential are
accepted the same way.
"""

from __future__ import annotations

from lxml import etree

from wallet.errors import InputError
from wallet.formats.elm_values import (
    country_code,
    duration_hours,
    eqf_level,
    merge_maps,
    parse_bool,
    parse_float,
    unique,
)
from wallet.formats.safe_xml import looks_like_xml, unsigned_view
from wallet.model import Achievement, Container, Credential, CredentialFormat, Issuer, LearningOutcome, Subject, replace
from wallet.util.dates import parse_datetime

SNB = "http://data.europa.eu/snb"
VP = "http://data.europa.eu/snb/vp"
CRED = "http://data.europa.eu/europass/model/credentials/w3c#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_PART_DEPTH = 12


def _q(name: str) -> str:
    return f"{{{SNB}}}{name}"


def is_edci_xml(raw: bytes) -> bool:
    """A europassCredential, or an EDCI verifiable presentation wrapping one (cheap sniff, no full trust)."""
    if not looks_like_xml(raw):
        return False
    head = raw[:4096]
    return (b"europassCredential" in head or b"verifiablePresentation" in head) and SNB.encode() in head


def _texts(el: etree._Element | None) -> dict[str, str]:
    """``<x><text lang="en">..</text></x>`` as a LangMap (every language kept)."""
    out: dict[str, str] = {}
    if el is None:
        return out
    for text in el.findall(_q("text")):
        lang = text.get("lang") or text.get(XML_LANG) or "und"
        value = "".join(text.itertext()).strip()
        if value:
            out[lang] = f"{out[lang]}\n\n{value}" if lang in out else value
    return out


def _concept(el: etree._Element | None) -> dict[str, str]:
    if el is None:
        return {}
    return _texts(el.find(_q("targetName"))) or ({"und": el.get("uri")} if el.get("uri") else {})


class _Doc:
    """The signed europassCredential with an id index for its ``idref`` links."""

    def __init__(self, cred: etree._Element) -> None:
        self.cred = cred
        self.ids: dict[str, etree._Element] = {}
        for el in cred.iter():
            if isinstance(el.tag, str) and el.get("id"):
                self.ids.setdefault(el.get("id"), el)

    def deref(self, el: etree._Element | None) -> etree._Element | None:
        if el is not None and el.get("idref"):
            return self.ids.get(el.get("idref"))
        return el

    def organisation(self, el: etree._Element | None) -> Issuer | None:
        org = self.deref(el)
        if org is None:
            return None
        country = None
        for c in org.iter(_q("country")):
            country = country_code(c.get("uri"))
            break
        home = org.find(_q("homepage"))
        logo = org.find(_q("logo"))
        return Issuer(
            id=org.get("id"),
            name=_texts(org.find(_q("prefLabel"))) or _texts(org.find(_q("altLabel"))),
            url=home.get("uri") if home is not None else None,
            country=country,
            image=logo.get("uri") if logo is not None else None,
            description=_texts(org.find(_q("description"))),
        )

    def outcomes(self, spec: etree._Element) -> tuple[tuple[LearningOutcome, ...], list[str]]:
        out: list[LearningOutcome] = []
        skills: list[str] = []
        for ref in spec.iterfind(f"{_q('learningOutcomes')}/{_q('learningOutcome')}"):
            lo = self.deref(ref)
            if lo is None:
                continue
            esco = [s.get("uri") for s in lo.iter(_q("relatedEscoSkill")) if s.get("uri")]
            skills += esco
            out.append(LearningOutcome(title=_texts(lo.find(_q("prefLabel"))) or _texts(lo.find(_q("title"))),
                                       id=lo.get("id"), esco_skills=unique(esco)))
        return tuple(out), skills

    def achievement(self, claim: etree._Element, depth: int = 0) -> Achievement:
        if depth > MAX_PART_DEPTH:
            raise InputError("The credential nests hasPart too deeply.")
        spec = self.deref(claim.find(_q("specifiedBy")))
        spec = spec if spec is not None else etree.Element(_q("none"))
        assessment = claim.find(_q("wasDerivedFrom"))
        a_spec = self.deref(assessment.find(_q("specifiedBy"))) if assessment is not None else None
        awarding = self.deref(claim.find(_q("wasAwardedBy")))
        outcomes, skills = self.outcomes(spec)
        credit = spec.find(_q("ectsCreditPoints"))
        credits = parse_float(credit.text) if credit is not None else None
        if credits is None:
            credit = spec.find(_q("creditPoints"))
            credits = parse_float(credit.text) if credit is not None else None
        eqf = spec.find(_q("eqfLevel"))
        nqf = _concept(spec.find(_q("nqfLevel")))
        grade = assessment.findtext(_q("grade")) if assessment is not None else None
        accreditation = merge_maps(*(_texts(a.find(_q("title"))) for a in spec.iter(_q("accreditation"))))
        notes = merge_maps(_texts(claim.find(_q("additionalNote"))),
                           *(_texts(e.find(_q("title"))) for e in claim.findall(_q("entitlesTo"))))
        return Achievement(
            id=claim.get("id"),
            title=_texts(claim.find(_q("title"))) or _texts(spec.find(_q("title"))),
            description=_texts(claim.find(_q("description"))) or _texts(spec.find(_q("description"))),
            achievement_type=(_concept(spec.find(_q("type"))).get("en") or etree.QName(spec).localname),
            specification_id=spec.get("id"),
            credits=credits,
            credit_framework="ECTS" if credits is not None else None,
            volume_of_learning_hours=duration_hours(spec.findtext(_q("volumeOfLearning"))),
            eqf_level=eqf_level(eqf.get("uri")) if eqf is not None else None,
            nqf_level=(nqf.get("en") or next(iter(nqf.values()))) if nqf else None,
            learning_outcomes=outcomes,
            esco_skills=unique(skills),
            criteria=_texts(spec.find(_q("learningOutcomeDescription"))),
            grade=grade.strip() if grade else None,
            assessment_type=_concept(a_spec.find(_q("type"))) if a_spec is not None else {},
            participation_mode=_concept(spec.find(_q("mode"))) or _concept(spec.find(_q("learningSettingType"))),
            quality_assurance=accreditation,
            entry_requirements=_texts(spec.find(_q("entryRequirementsNote"))),
            id_verification=_concept(assessment.find(_q("idVerificationMethod"))) if assessment is not None else {},
            is_partial_qualification=parse_bool(spec.findtext(_q("isPartialQualification"))),
            stackability=notes,
            thematic_area=unique(t.get("uri") or "" for t in spec.findall(_q("iscedFCode"))),
            awarding_body=self.organisation(awarding.find(_q("awardingBody"))) if awarding is not None else None,
            awarded_on=parse_datetime(awarding.findtext(_q("date"))) if awarding is not None else None,
            parts=tuple(self.achievement(p, depth + 1) for p in claim.findall(_q("hasPart"))),
        )


def _credential_element(signed: etree._Element) -> etree._Element:
    if signed.tag == _q("europassCredential"):
        return signed
    if signed.tag == f"{{{VP}}}verifiablePresentation":
        creds = signed.findall(_q("europassCredential"))
        if len(creds) == 1:
            return creds[0]
        raise InputError(f"The presentation holds {len(creds)} credentials; exactly one is expected.")
    raise InputError("The signed data is not an EDCI europassCredential.")


def _languages(cred: etree._Element) -> tuple[str, ...]:
    primary = (cred.findtext(_q("primaryLanguage")) or "").strip()
    found = {t.get("lang") for t in cred.iter(_q("text")) if t.get("lang")}
    found |= {(el.text or "").strip() for el in cred.iterfind(f"{_q('language')}/{_q('language')}") if el.text}
    rest = sorted(x for x in found if x and x != primary)
    return tuple(([primary] if primary else []) + rest)


def parse_edci_xml(raw: bytes, container: Container = Container.NONE) -> Credential:
    """Parse an EDCI 1.x XML credential from the document without its signature (nothing is verified here).

    Verification (``wallet.verify.seals``) reads the same fields again from the
    seal's signed data and fails the seal unless they are identical, so what
    is shown is what is signed.
    """
    cred = credential_from_view(raw, unsigned_view(raw))
    return cred if container is Container.NONE else replace(cred, container=container)


def credential_from_view(raw: bytes, view: etree._Element) -> Credential:
    """The credential read from ``view``: the unsigned view when parsing, the signed data when verifying."""
    cred = _credential_element(view)
    doc = _Doc(cred)
    subject_el = cred.find(_q("credentialSubject"))
    claims = subject_el.findall(f"{_q('achievements')}/{_q('learningAchievement')}") if subject_el is not None else []
    subject = Subject()
    if subject_el is not None:
        idents = [m.get("uri") for m in subject_el.iter(_q("mailBox")) if m.get("uri")]
        idents += [(i.text or "").strip() for i in subject_el.findall(_q("nationalId")) if i.text]
        subject = Subject(
            id=subject_el.get("id"),
            name=_texts(subject_el.find(_q("fullName"))),
            given_name=_texts(subject_el.find(_q("givenNames"))),
            family_name=_texts(subject_el.find(_q("familyName"))),
            date_of_birth=(subject_el.findtext(_q("dateOfBirth")) or "").strip() or None,
            identifiers=unique(idents),
        )
    issuer = doc.organisation(cred.find(f"{{{CRED}}}issuer")) or Issuer()
    return Credential(
        format=CredentialFormat.EDCI_XML,
        raw=bytes(raw),
        id=cred.get(f"{{{CRED}}}id") or cred.get("id"),
        types=tuple(x for x in ("europassCredential", (cred.find(_q("type")).get("targetNotation") if cred.find(_q("type")) is not None else None)) if x),
        issuer=issuer,
        subject=subject,
        title=_texts(cred.find(_q("title"))),
        description=_texts(cred.find(_q("description"))),
        issued=parse_datetime(cred.findtext(f"{{{CRED}}}issued")),
        valid_from=parse_datetime(cred.findtext(f"{{{CRED}}}validFrom")),
        valid_until=parse_datetime(cred.findtext(f"{{{CRED}}}validUntil")),
        achievements=tuple(doc.achievement(c) for c in claims),
        languages=_languages(cred),
        document=None,
    )
