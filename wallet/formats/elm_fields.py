"""ELM v3 JSON-LD -> wallet model: the Annex I mapping (Council Recommendation on micro-credentials).

Works on the compacted JSON exactly as EDCs are issued (no JSON-LD expansion,
so nothing is fetched): property names are those of the edc-ap context.
"""

from __future__ import annotations

from typing import Any

from wallet.errors import InputError
from wallet.formats.elm_values import (
    ECTS_URI,
    concept_label,
    country_code,
    duration_hours,
    eqf_level,
    is_lang_map,
    lang_map,
    merge_maps,
    parse_bool,
    parse_float,
    unique,
)
from wallet.model import Achievement, Issuer, LearningOutcome, Subject
from wallet.util.dates import parse_datetime
from wallet.util.values import as_list, first

#: hasPart nesting deeper than this is refused as hostile (real EDCs use 2-3 levels).
MAX_PART_DEPTH = 12
_ESCO = "http://data.europa.eu/esco/"
_IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "JPG": "image/jpeg", "SVG": "image/svg+xml", "GIF": "image/gif"}


def note_text(note: Any) -> dict[str, str]:
    """An ELM Note (``noteLiteral``) or plain text value as a LangMap."""
    out: dict[str, str] = {}
    for item in as_list(note):
        if isinstance(item, dict) and "noteLiteral" in item:
            out = merge_maps(out, lang_map(item["noteLiteral"]))
        else:
            out = merge_maps(out, lang_map(item))
    return out


def media_data_url(media: Any) -> str | None:
    """A MediaObject with base64 ``content`` as a ``data:`` URL (size capped by the parser)."""
    media = first(media)
    if not isinstance(media, dict):
        return None
    content = media.get("content")
    if not isinstance(content, str) or not content:
        return media.get("contentUrl") if isinstance(media.get("contentUrl"), str) else None
    ctype = first(media.get("contentType"))
    key = country_code(ctype.get("id")) if isinstance(ctype, dict) else None
    mime = _IMAGE_TYPES.get((key or "").upper(), "application/octet-stream")
    return f"data:{mime};base64,{content}"


def organisation(org: Any) -> Issuer | None:
    """An ELM Organisation as an Issuer (legal name, country, homepage, logo)."""
    org = first(org)
    if not isinstance(org, dict) or not org:
        return None
    name = lang_map(org.get("legalName")) or lang_map(org.get("prefLabel")) or lang_map(org.get("altLabel"))
    country = None
    location = first(org.get("location"))
    if isinstance(location, dict):
        address = first(location.get("address"))
        if isinstance(address, dict):
            code = first(address.get("countryCode"))
            country = country_code(code.get("id") if isinstance(code, dict) else code)
    if country is None:
        registration = first(org.get("registration"))
        if isinstance(registration, dict):
            spatial = first(registration.get("spatial"))
            country = country_code(spatial.get("id") if isinstance(spatial, dict) else spatial)
    homepage = first(org.get("homepage"))
    url = homepage.get("contentURL") if isinstance(homepage, dict) else homepage
    return Issuer(
        id=org.get("id") if isinstance(org.get("id"), str) else None,
        name=name,
        url=url if isinstance(url, str) else None,
        country=country,
        image=media_data_url(org.get("logo")),
        description=lang_map(org.get("description")),
    )


def person(subject: Any) -> Subject:
    subject = first(subject)
    if not isinstance(subject, dict):
        return Subject()
    identifiers: list[str] = []
    for ident in as_list(subject.get("nationalID")) + as_list(subject.get("identifier")):
        if isinstance(ident, dict) and isinstance(ident.get("notation"), str):
            scheme = ident.get("schemeName")
            spatial = first(ident.get("spatial"))
            if not isinstance(scheme, str) and isinstance(spatial, dict):
                scheme = f"national ID {country_code(spatial.get('id'))}"
            identifiers.append(f"{scheme}: {ident['notation']}" if isinstance(scheme, str) else ident["notation"])
    for contact in as_list(subject.get("contactPoint")):
        if isinstance(contact, dict):
            for mail in as_list(contact.get("emailAddress")):
                if isinstance(mail, dict) and isinstance(mail.get("id"), str):
                    identifiers.append(mail["id"])
    dob = subject.get("dateOfBirth")
    return Subject(
        id=subject.get("id") if isinstance(subject.get("id"), str) else None,
        name=lang_map(subject.get("fullName")),
        given_name=lang_map(subject.get("givenName")),
        family_name=lang_map(subject.get("familyName")),
        date_of_birth=dob if isinstance(dob, str) else None,
        identifiers=unique(identifiers),
    )


def _credits(spec: dict[str, Any], claim: dict[str, Any]) -> tuple[float | None, str | None]:
    for source in (spec.get("creditPoint"), claim.get("creditReceived")):
        for credit in as_list(source):
            if not isinstance(credit, dict):
                continue
            points = parse_float(credit.get("point"))
            if points is None:
                continue
            framework = first(credit.get("framework"))
            fid = framework.get("id") if isinstance(framework, dict) else framework
            label = concept_label(framework).get("en", "")
            if fid == ECTS_URI or "ECTS" in label or "European Credit Transfer" in label:
                return points, "ECTS"
            return points, label or (fid if isinstance(fid, str) else None)
    return None, None


def _outcomes(spec: dict[str, Any]) -> tuple[tuple[LearningOutcome, ...], list[str]]:
    outcomes: list[LearningOutcome] = []
    skills: list[str] = []
    for lo in as_list(spec.get("learningOutcome")):
        if not isinstance(lo, dict):
            continue
        esco = [
            s["id"] for s in as_list(lo.get("relatedESCOSkill")) + as_list(lo.get("relatedSkill"))
            if isinstance(s, dict) and isinstance(s.get("id"), str) and s["id"].startswith(_ESCO)
        ]
        skills.extend(esco)
        outcomes.append(
            LearningOutcome(
                title=lang_map(lo.get("title")) or lang_map(lo.get("description")),
                id=lo.get("id") if isinstance(lo.get("id"), str) else None,
                esco_skills=unique(esco),
            )
        )
    return tuple(outcomes), skills


def _accreditation(*sources: Any) -> dict[str, str]:
    """Quality assurance text: each Accreditation's title/type and its accrediting agent."""
    out: dict[str, str] = {}
    for source in sources:
        for acc in as_list(source):
            if not isinstance(acc, dict):
                continue
            text = lang_map(acc.get("title")) or concept_label(acc.get("dcType"))
            agent = organisation(acc.get("accreditingAgent"))
            if agent and agent.name:
                text = merge_maps(text, {k: f"accredited by {v}" for k, v in agent.name.items()})
            decision = concept_label(acc.get("decision"))
            out = merge_maps(out, text, decision)
    return out


def achievement(claim: Any, depth: int = 0) -> Achievement | None:
    """One claim (LearningAchievement, or another ELM claim type) with its hasPart tree."""
    claim = first(claim)
    if not isinstance(claim, dict):
        return None
    if depth > MAX_PART_DEPTH:
        raise InputError("The credential nests hasPart too deeply.")
    spec = first(claim.get("specifiedBy"))
    spec = spec if isinstance(spec, dict) else {}
    assessment = first(claim.get("provenBy"))
    assessment = assessment if isinstance(assessment, dict) else {}
    assessment_spec = first(assessment.get("specifiedBy"))
    assessment_spec = assessment_spec if isinstance(assessment_spec, dict) else {}
    awarded = first(claim.get("awardedBy"))
    awarded = awarded if isinstance(awarded, dict) else {}
    credits, framework = _credits(spec, claim)
    outcomes, skills = _outcomes(spec)
    grade = note_text(assessment.get("grade"))
    nqf = concept_label(spec.get("nqfLevel"))
    eqf = first(spec.get("eqfLevel"))
    stack = merge_maps(
        note_text(claim.get("additionalNote")),
        note_text(spec.get("additionalNote")),
        *(lang_map(first(e).get("title")) for e in as_list(claim.get("entitlesTo")) if isinstance(first(e), dict)),
    )
    body_node = first(awarded.get("awardingBody"))
    body_node = body_node if isinstance(body_node, dict) else {}
    body = organisation(body_node)
    return Achievement(
        id=claim.get("id") if isinstance(claim.get("id"), str) else None,
        title=lang_map(claim.get("title")) or lang_map(spec.get("title")),
        description=lang_map(claim.get("description")) or lang_map(spec.get("description")),
        achievement_type=(concept_label(spec.get("dcType")).get("en") or spec.get("type") or claim.get("type")),
        specification_id=spec.get("id") if isinstance(spec.get("id"), str) else None,
        credits=credits,
        credit_framework=framework,
        volume_of_learning_hours=duration_hours(spec.get("volumeOfLearning")),
        eqf_level=eqf_level(eqf.get("id") if isinstance(eqf, dict) else eqf),
        nqf_level=(nqf.get("en") or next(iter(nqf.values()), None)) if nqf else None,
        learning_outcomes=outcomes,
        esco_skills=unique(skills),
        criteria=note_text(spec.get("learningOutcomeSummary")),
        grade=(grade.get("en") or next(iter(grade.values()))) if grade else None,
        assessment_type=concept_label(assessment_spec.get("dcType")) or concept_label(assessment_spec.get("mode")),
        participation_mode=concept_label(spec.get("mode")) or concept_label(spec.get("learningSetting")),
        quality_assurance=_accreditation(spec.get("accreditation"), body_node.get("accreditation")),
        entry_requirements=note_text(spec.get("entryRequirement")),
        id_verification=concept_label(assessment.get("idVerification")),
        is_partial_qualification=parse_bool(spec.get("isPartialQualification")),
        stackability=stack,
        thematic_area=unique(
            t["id"] for t in as_list(spec.get("thematicArea")) if isinstance(t, dict) and isinstance(t.get("id"), str)
        ),
        awarding_body=body,
        awarded_on=parse_datetime(awarded.get("awardingDate")) or parse_datetime(assessment.get("dateIssued")),
        parts=tuple(
            a for a in (achievement(part, depth + 1) for part in as_list(claim.get("hasPart"))) if a is not None
        ),
    )


def display_image(display: Any) -> str | None:
    """The rendered credential image of the first individual display (any language)."""
    display = first(display)
    if not isinstance(display, dict):
        return None
    for individual in as_list(display.get("individualDisplay")):
        if isinstance(individual, dict):
            for detail in as_list(individual.get("displayDetail")):
                if isinstance(detail, dict) and detail.get("image"):
                    return media_data_url(detail["image"])
    return None


def collect_languages(node: Any, found: set[str], depth: int = 0) -> None:
    """Every language a text of the credential is given in (language-map keys)."""
    if depth > 64:
        return
    if isinstance(node, dict):
        if is_lang_map(node):
            found.update(k for k in node if k != "und")
            return
        for value in node.values():
            collect_languages(value, found, depth + 1)
    elif isinstance(node, list):
        for value in node:
            collect_languages(value, found, depth + 1)
