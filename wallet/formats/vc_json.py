"""W3C Verifiable Credentials (1.1 and 2.0) and Presentations as JSON -> Credential.

Covers Open Badges 3.0 (OpenBadgeCredential / AchievementCredential), the
generic learning-achievement shape of the reference peer (``hasAchieved``)
and any other VC: what a format carries is read, nothing is invented. The
Annex I mapping follows STANDARDS.md section 4. Language maps are kept: a VC
2.0 value object ``{"@value", "@language"}`` (or an array of them) becomes a
``LangMap``; plain strings use the key ``"und"``.

This module only reads JSON: proofs, contexts and structure rules are
verification's business (``wallet.verify``), so a credential missing e.g. its
issuer still parses and is reported there.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any, Iterable

from wallet.errors import InputError
from wallet.formats.limits import MAX_CREDENTIAL_BYTES, MAX_EDC_BYTES, check_size, load_json_object
from wallet.model import Achievement, Container, Credential, CredentialFormat, Issuer, LearningOutcome, Subject

ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
_EQF_URL = re.compile(r"data\.europa\.eu/snb/eqf/(\d)\b")
_ISCED_URL = re.compile(r"data\.europa\.eu/snb/isced-f/(\w+)")
_ECTS = re.compile(r"\bECTS\b", re.IGNORECASE)


# ---------------------------------------------------------------- values


def as_list(value: Any) -> list[Any]:
    """JSON-LD lets one value stand for a one-element array."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def first(value: Any) -> Any:
    return next(iter(as_list(value)), None)


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None  # non-empty strings only


def lang_map(value: Any) -> dict[str, str]:
    """A string, a ``{"@value", "@language"}`` object, or an array of them -> LangMap."""
    out: dict[str, str] = {}
    for item in as_list(value):
        if isinstance(item, str) and item:
            out.setdefault("und", item)
        elif isinstance(item, dict) and isinstance(item.get("@value"), str):
            lang = item.get("@language")
            out.setdefault(lang if isinstance(lang, str) and lang else "und", item["@value"])
    return out


def parse_datetime(value: Any) -> datetime | None:
    """XSD dateTime / date, or JWT NumericDate, as an aware UTC-based datetime."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            return None
        parsed = datetime(day.year, day.month, day.day)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def image_of(value: Any) -> str | None:
    """OB image: a URL/data URL string, or an Image object with ``id``."""
    value = first(value)
    if isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        return text(value.get("id")) or text(value.get("@id"))
    return None


def types_of(obj: Any) -> tuple[str, ...]:
    if not isinstance(obj, dict):
        return ()
    return tuple(t for t in as_list(obj.get("type", obj.get("@type"))) if isinstance(t, str))


def is_credential(obj: Any) -> bool:
    return "VerifiableCredential" in types_of(obj)


def is_presentation(obj: Any) -> bool:
    return "VerifiablePresentation" in types_of(obj)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


# ---------------------------------------------------------------- parties


def issuer_of(value: Any) -> Issuer:
    """An issuer (OB3 Profile) given as a URL/DID string or an object."""
    if isinstance(value, str):
        return Issuer(id=value)
    if not isinstance(value, dict):
        return Issuer()
    address = first(value.get("address"))
    country = None
    if isinstance(address, dict):
        country = text(address.get("addressCountryCode")) or text(address.get("addressCountry"))
    return Issuer(
        id=text(value.get("id")),
        name=lang_map(value.get("name")) or lang_map(value.get("legalName")),
        url=text(value.get("url")) or image_of(value.get("url")),
        country=country,
        image=image_of(value.get("image")),
        description=lang_map(value.get("description")),
    )


def _identifiers(subject: dict[str, Any]) -> tuple[str, ...]:
    """OB3 IdentityObject/IdentifierEntry values, as ``type:value`` (hashes stay hashes)."""
    found: list[str] = []
    for ident in as_list(subject.get("identifier")) + as_list(subject.get("otherIdentifier")):
        if isinstance(ident, dict):
            value = text(ident.get("identityHash")) or text(ident.get("identifier"))
            kind = text(ident.get("identityType")) or text(ident.get("identifierType"))
            if value:
                found.append(f"{kind}:{value}" if kind else value)
        elif isinstance(ident, str):
            found.append(ident)
    for key in ("nationalID", "nationalId", "email"):
        if text(subject.get(key)):
            found.append(f"{key}:{subject[key]}")
    return _unique(found)


def subject_of(value: Any) -> Subject:
    subject = first(value)
    if isinstance(subject, str):
        return Subject(id=subject)
    if not isinstance(subject, dict):
        return Subject()
    given = lang_map(subject.get("givenName"))
    family = lang_map(subject.get("familyName"))
    name = lang_map(subject.get("name")) or lang_map(subject.get("fullName"))
    if not name and (given or family):
        langs = list(dict.fromkeys([*given, *family]))
        name = {lang: " ".join(p for p in (given.get(lang, ""), family.get(lang, "")) if p) for lang in langs}
    return Subject(
        id=text(subject.get("id")),
        name=name,
        given_name=given,
        family_name=family,
        date_of_birth=text(subject.get("birthDate")) or text(subject.get("dateOfBirth")),
        identifiers=_identifiers(subject),
    )


# ---------------------------------------------------------------- achievements


def _alignments(*nodes: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        if isinstance(node, dict):
            out.extend(a for a in as_list(node.get("alignment")) if isinstance(a, dict))
    return out


def _eqf(alignments: list[dict[str, Any]], explicit: Any) -> int | None:
    if isinstance(explicit, int) and not isinstance(explicit, bool):
        return explicit if 1 <= explicit <= 8 else None
    match = _EQF_URL.search(explicit) if isinstance(explicit, str) else None
    if match:
        return int(match.group(1))
    if isinstance(explicit, str) and explicit.strip().isdigit():
        return int(explicit.strip())
    for align in alignments:
        match = _EQF_URL.search(str(align.get("targetUrl", "")))
        if match:
            return int(match.group(1))
        framework = str(align.get("targetFramework", ""))
        code = str(align.get("targetCode", "")).strip()
        if ("EQF" in framework or "European Qualifications Framework" in framework) and code.isdigit():
            return int(code)
    return None


def _says_ects(achievement: dict[str, Any], subject: dict[str, Any], alignments: list[dict[str, Any]]) -> bool:
    """Credits are ECTS only when the credential says so somewhere structured."""
    for node in (achievement, subject):
        for key in ("creditScheme", "creditFramework", "creditUnit"):
            if isinstance(node.get(key), str) and _ECTS.search(node[key]):
                return True
        for ident in as_list(node.get("otherIdentifier")):
            if isinstance(ident, dict) and any(_ECTS.search(str(v)) for v in ident.values()):
                return True
        if any(isinstance(t, str) and _ECTS.search(t) for t in as_list(node.get("tag"))):
            return True
    return any(_ECTS.search(f"{a.get('targetFramework', '')} {a.get('targetName', '')}") for a in alignments)


def _outcomes(alignments: list[dict[str, Any]], statements: Any) -> tuple[tuple[LearningOutcome, ...], tuple[str, ...]]:
    outcomes: list[LearningOutcome] = []
    skills: list[str] = []
    for align in alignments:
        url = str(align.get("targetUrl", ""))
        if url.startswith(ESCO_SKILL_PREFIX):
            skills.append(url)
            outcomes.append(LearningOutcome(title=lang_map(align.get("targetName")), id=url, esco_skills=(url,)))
    for item in as_list(statements):
        if isinstance(item, dict):
            related = _unique(s for s in as_list(item.get("relatedESCOSkill") or item.get("escoSkill"))
                              if isinstance(s, str))
            skills.extend(related)
            outcomes.append(LearningOutcome(title=lang_map(item.get("title") or item.get("name")),
                                            id=text(item.get("id")), esco_skills=related))
        elif lang_map(item):
            outcomes.append(LearningOutcome(title=lang_map(item)))
    return tuple(outcomes), _unique(skills)


def _narrative_outcomes(narrative: dict[str, str]) -> tuple[LearningOutcome, ...]:
    """OB3 states learning outcomes as a bulleted ``criteria.narrative`` (STANDARDS.md section 4).

    Only the issuer's own bullet lines are taken, verbatim, in the first language.
    """
    lang, body = next(iter(narrative.items()))
    bullets = [line.strip()[2:].strip() for line in body.splitlines() if line.strip()[:2] in ("- ", "* ")]
    return tuple(LearningOutcome(title={lang: b}) for b in bullets if b)


def _grade(subject: dict[str, Any], achieved: dict[str, Any]) -> str | None:
    for result in as_list(subject.get("result")):
        if isinstance(result, dict) and result.get("value") is not None:
            return str(result["value"])
    value = achieved.get("grade")
    if isinstance(value, dict):
        return text(value.get("value")) or next(iter(lang_map(value.get("noteLiteral")).values()), None)
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def _awarding_body(value: Any) -> Issuer | None:
    if isinstance(value, dict):
        body = issuer_of(value)
        location = value.get("location")
        if body.country is None and isinstance(location, str) and re.search(r",\s*([A-Z]{2})$", location):
            body = Issuer(id=body.id, name=body.name, url=body.url,
                          country=location.rsplit(",", 1)[1].strip(), image=body.image, description=body.description)
        return body if (body.id or body.name) else None
    return Issuer(id=value) if isinstance(value, str) else None


def achievement_of(subject: dict[str, Any], achieved: dict[str, Any], credential: dict[str, Any]) -> Achievement:
    """One OB3 ``achievement`` (or generic ``hasAchieved``) with its subject's results."""
    alignments = _alignments(achieved, *as_list(achieved.get("resultDescription")))
    credits = number(subject.get("creditsEarned"))
    if credits is None:
        credits = number(achieved.get("creditsEarned"))
    if credits is None:
        credits = number(achieved.get("creditsAvailable"))
    outcomes, skills = _outcomes(alignments, achieved.get("learningOutcomes") or achieved.get("learningOutcome"))
    thematic = [m.group(1) for a in alignments if (m := _ISCED_URL.search(str(a.get("targetUrl", ""))))]
    if text(achieved.get("iscedFCode")):
        thematic.append(achieved["iscedFCode"])
    criteria = achieved.get("criteria")
    narrative = lang_map(criteria.get("narrative")) if isinstance(criteria, dict) else lang_map(criteria)
    if not outcomes and narrative:
        outcomes = _narrative_outcomes(narrative)
    return Achievement(
        id=text(achieved.get("id")),
        title=lang_map(achieved.get("name")) or lang_map(achieved.get("title")),
        description=lang_map(achieved.get("description")),
        achievement_type=text(achieved.get("achievementType")) or text(first(achieved.get("type"))),
        credits=credits,
        credit_framework="ECTS" if credits is not None and _says_ects(achieved, subject, alignments) else None,
        eqf_level=_eqf(alignments, achieved.get("eqfLevel")),
        learning_outcomes=outcomes,
        esco_skills=skills,
        criteria=narrative,
        grade=_grade(subject, achieved),
        thematic_area=_unique(thematic),
        awarding_body=_awarding_body(achieved.get("creator") or achieved.get("awardingBody")),
        awarded_on=parse_datetime(credential.get("awardedDate")) or parse_datetime(achieved.get("assessmentDate")),
        image=image_of(achieved.get("image")),
    )


def achievements_of(credential: dict[str, Any]) -> tuple[Achievement, ...]:
    found: list[Achievement] = []
    for subject in as_list(credential.get("credentialSubject")):
        if not isinstance(subject, dict):
            continue
        for key in ("achievement", "hasAchieved", "hasCredential"):
            for achieved in as_list(subject.get(key)):
                if isinstance(achieved, dict):
                    found.append(achievement_of(subject, achieved, credential))
    return tuple(found)


def _languages(node: Any) -> tuple[str, ...]:
    """Every ``@language`` and ``inLanguage`` tag in the document (bounded walk)."""
    found: list[str] = []
    stack: list[Any] = [node]
    seen = 0
    while stack and seen < 100_000:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            for key in ("@language", "inLanguage", "language"):
                if isinstance(item.get(key), str):
                    found.append(item[key])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return _unique(found)


# ---------------------------------------------------------------- whole documents


def credential_from_vc(
    vc: dict[str, Any],
    *,
    raw: bytes,
    fmt: CredentialFormat,
    container: Container = Container.NONE,
    document: Any = None,
) -> Credential:
    """Normalise one VC (1.1 or 2.0) JSON object; ``raw``/``document`` are kept as given."""
    achievements = achievements_of(vc)
    title = lang_map(vc.get("name"))
    if not title and achievements:
        title = dict(achievements[0].title)
    issued = parse_datetime(vc.get("issuanceDate")) or parse_datetime(vc.get("issued")) \
        or parse_datetime(vc.get("validFrom")) or parse_datetime(vc.get("awardedDate"))
    return Credential(
        format=fmt,
        raw=raw,
        container=container,
        id=text(vc.get("id")),
        types=types_of(vc),
        issuer=issuer_of(vc.get("issuer")),
        subject=subject_of(vc.get("credentialSubject")),
        title=title,
        description=lang_map(vc.get("description")),
        image=image_of(vc.get("image")) or (achievements[0].image if achievements else None),
        issued=issued,
        valid_from=parse_datetime(vc.get("validFrom")) or parse_datetime(vc.get("issuanceDate")),
        valid_until=parse_datetime(vc.get("validUntil")) or parse_datetime(vc.get("expirationDate")),
        achievements=achievements,
        languages=_languages(vc),
        document=vc if document is None else document,
    )


def presentation_from_vp(
    vp: dict[str, Any], *, raw: bytes, fmt: CredentialFormat, container: Container = Container.NONE,
    document: Any = None,
) -> Credential:
    """A VP: the holder is who signed it; the embedded credentials stay in ``document``."""
    holder = vp.get("holder")
    holder_issuer = issuer_of(holder)
    return Credential(
        format=fmt,
        raw=raw,
        container=container,
        id=text(vp.get("id")),
        types=types_of(vp),
        issuer=holder_issuer,
        subject=Subject(id=holder_issuer.id),
        title=lang_map(vp.get("name")) or {"und": "Verifiable presentation"},
        description=lang_map(vp.get("description")),
        languages=_languages(vp),
        document=vp if document is None else document,
    )


def parse_vc_json(raw: bytes, container: Container = Container.NONE) -> Credential:
    """Parse VC / VP JSON bytes (JSON-LD; with or without a Data Integrity proof)."""
    # Presentations may carry sealed EDCs as envelopes: the caller (detect) has
    # already applied the right size limit for the shape.
    obj = load_json_object(raw, "credential", MAX_EDC_BYTES)
    if is_presentation(obj):
        return presentation_from_vp(obj, raw=bytes(raw), fmt=CredentialFormat.VP_LDP, container=container)
    if is_credential(obj):
        check_size(bytes(raw), MAX_CREDENTIAL_BYTES, "credential JSON")
        return credential_from_vc(obj, raw=bytes(raw), fmt=CredentialFormat.VC_LDP, container=container)
    raise InputError("The JSON is neither a Verifiable Credential nor a Verifiable Presentation (no such type).")
