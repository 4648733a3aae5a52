"""W3C Verifiable Credentials (1.1 and 2.0) and Presentations as JSON -> Credential.

Covers Open Badges 3.0 (OpenBadgeCredential / AchievementCredential), the
generic learning-achievement shape of the reference peer (``hasAchieved``)
and any other VC: what a format carries is read, nothing is invented. The
Annex I mapping follows Annex I of the Council Recommendation on micro-credentials. Language maps are kept: a VC
2.0 value object ``{"@value", "@language"}`` (or an array of them) becomes a
``LangMap``; plain strings use the key ``"und"``.

This module only reads JSON: proofs, contexts and structure rules are
verification's business (``wallet.verify``), so a credential missing e.g. its
issuer still parses and is reported there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from wallet.errors import InputError
from wallet.formats.jsonld_forms import plain_node
from wallet.formats.vc_values import (
    _unique,
    image_of,
    is_credential,
    is_presentation,
    issuer_of,
    lang_map,
    number,
    subject_of,
    text,
    types_of,
)
from wallet.model import Achievement, Container, Credential, CredentialFormat, Issuer, LearningOutcome, Subject
from wallet.util.dates import parse_datetime
from wallet.util.limits import MAX_CREDENTIAL_BYTES, MAX_EDC_BYTES, check_size, load_json_object
from wallet.util.values import as_list, first

__all__ = [  # the value readers live in vc_values; other modules import them from here
    "ESCO_SKILL_PREFIX", "achievement_of", "achievements_of", "as_list", "credential_from_json",
    "credential_from_vc", "first", "image_of", "is_credential", "is_presentation", "issuer_of", "lang_map",
    "number", "parse_datetime", "parse_vc_json", "presentation_from_vp", "subject_of", "text", "types_of",
    "verification_view",
]

ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
_EQF_URL = re.compile(r"data\.europa\.eu/snb/eqf/(\d)\b")
_ISCED_URL = re.compile(r"data\.europa\.eu/snb/isced-f/(\w+)")
_ECTS = re.compile(r"\bECTS\b", re.IGNORECASE)


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
    """OB3 states learning outcomes as a bulleted ``criteria.narrative`` (Annex I of the Council Recommendation on micro-credentials).

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


_LANGUAGE_KEYS = ("@language", "inLanguage", "language")
_WALK_LIMIT = 100_000


def _languages_walk(node: Any) -> tuple[str, ...]:
    """The reference walk: at most ``_WALK_LIMIT`` values (of any kind) are visited."""
    found: list[str] = []
    stack: list[Any] = [node]
    seen = 0
    while stack and seen < _WALK_LIMIT:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            for key in _LANGUAGE_KEYS:
                if isinstance(item.get(key), str):
                    found.append(item[key])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return _unique(found)


def _languages(node: Any) -> tuple[str, ...]:
    """Every ``@language`` and ``inLanguage`` tag in the document (bounded walk).

    Only objects can hold a tag, so only containers are stacked, in the same
    order as :func:`_languages_walk` visits them; the values are counted
    instead of visited. A document with more values than the walk's bound
    gets the reference walk, so the result is the same in every case.
    """
    if not isinstance(node, (dict, list)):
        return ()
    found: list[str] = []
    stack: list[Any] = [node]
    total = 1
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key in _LANGUAGE_KEYS:
                if isinstance(item.get(key), str):
                    found.append(item[key])
            members: Iterable[Any] = item.values()
        else:
            members = item
        total += len(item)
        if total > _WALK_LIMIT:
            return _languages_walk(node)
        for member in members:
            kind = type(member)  # exact types first: most members are strings
            if kind is dict or kind is list or (kind is not str and isinstance(member, (dict, list))):
                stack.append(member)
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
    """Normalise one VC (1.1 or 2.0) JSON object; ``raw``/``document`` are kept as given.

    Fields are read through :func:`~wallet.formats.jsonld_forms.plain_forms`, so
    a rewrite that leaves the signed RDF unchanged cannot hide a value.
    """
    original = vc
    vc = plain_node(vc)
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
        document=original if document is None else document,
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


def verification_view(
    obj: dict[str, Any], *, raw: bytes, fmt: CredentialFormat, container: Container = Container.NONE,
    document: Any = None,
) -> Credential:
    """Only what verification reads: format, id, types, the issuer's id (the holder's for a VP), document.

    For a caller that wants the verdict and not the credential
    (:func:`wallet.verify.engine.verify_report`): achievements, subject and
    languages were a third of the time to verify a JWT, and nobody sees them
    there. Never stored or shown: :func:`credential_from_vc` builds those.
    """
    party = obj.get("holder") if fmt in (CredentialFormat.VP_LDP, CredentialFormat.VP_JWT) else obj.get("issuer")
    # issuer_of(party).id, without reading the names, images and address nobody sees here
    party_id = party if isinstance(party, str) else text(party.get("id")) if isinstance(party, dict) else None
    return Credential(
        format=fmt,
        raw=raw,
        container=container,
        id=text(obj.get("id")),
        types=types_of(obj),
        issuer=Issuer(id=party_id),
        document=obj if document is None else document,
    )


def credential_from_json(obj: dict[str, Any], raw: bytes, container: Container = Container.NONE,
                         *, display: bool = True) -> Credential:
    """A VC or VP from its already decoded JSON object (``raw`` the bytes it was decoded from).

    The size limits are those of :func:`parse_vc_json`, checked on ``raw``.
    ``display=False`` gives the :func:`verification_view` instead of the full model.
    """
    check_size(bytes(raw), MAX_EDC_BYTES, "credential")
    if is_presentation(obj):
        presentation = presentation_from_vp if display else verification_view
        return presentation(obj, raw=bytes(raw), fmt=CredentialFormat.VP_LDP, container=container)
    if is_credential(obj):
        check_size(bytes(raw), MAX_CREDENTIAL_BYTES, "credential JSON")
        credential = credential_from_vc if display else verification_view
        return credential(obj, raw=bytes(raw), fmt=CredentialFormat.VC_LDP, container=container)
    raise InputError("The JSON is neither a Verifiable Credential nor a Verifiable Presentation (no such type).")


def parse_vc_json(raw: bytes, container: Container = Container.NONE) -> Credential:
    """Parse VC / VP JSON bytes (JSON-LD; with or without a Data Integrity proof)."""
    # Presentations may carry sealed EDCs as envelopes: the caller (detect) has
    # already applied the right size limit for the shape.
    return credential_from_json(load_json_object(raw, "credential", MAX_EDC_BYTES), raw, container)
