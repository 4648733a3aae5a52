"""Open Badges 2.0 assertions: hosted JSON and signed (compact JWS) -> Credential.

An assertion names its BadgeClass (``badge``) and, through it, the issuer
Profile, either embedded or by URL. URLs are resolved **only** from the
documents the caller already has (``VerificationContext.documents``, the
vault's evidence cache): nothing is fetched. Without them the credential is
still shown, with ids instead of names.

A JSON assertion is always ``OB2_HOSTED``: its authority is the copy at its
``id`` URL (threat "Open Badges 2.0 hosted assertions" in docs/THREATS.md), so offline it can be shown but not verified.
A signed assertion is the JWS (``OB2_SIGNED``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wallet.errors import InputError
from wallet.formats.vc_json import ESCO_SKILL_PREFIX, image_of, issuer_of, lang_map, text, types_of
from wallet.model import Achievement, Container, Credential, CredentialFormat, LearningOutcome, Subject
from wallet.util.dates import parse_datetime
from wallet.util.limits import load_json_object
from wallet.util.values import as_list

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
_EQF_FRAMEWORKS = ("EQF", "European Qualifications Framework")


def is_assertion(obj: Any) -> bool:
    """An OB 2.0 Assertion: typed ``Assertion`` with the v2 context (or badge + recipient)."""
    if not isinstance(obj, dict):
        return False
    contexts = [c for c in as_list(obj.get("@context")) if isinstance(c, str)]
    typed = "Assertion" in types_of(obj)
    return typed and (any("openbadges/v2" in c for c in contexts) or ("badge" in obj and "recipient" in obj))


def lookup(value: Any, documents: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """An embedded object as is, or a URL resolved from cached documents only."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and documents:
        found = documents.get(value)
        return found if isinstance(found, dict) else None
    return None


def badge_class(assertion: dict[str, Any], documents: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return lookup(assertion.get("badge"), documents)


def issuer_profile(assertion: dict[str, Any], documents: Mapping[str, Any] | None) -> dict[str, Any] | None:
    badge = badge_class(assertion, documents)
    return lookup(badge.get("issuer"), documents) if badge else None


def _recipient(assertion: dict[str, Any]) -> Subject:
    """The recipient identity as stated: a salted hash stays a hash (compared on demand)."""
    recipient = assertion.get("recipient")
    if not isinstance(recipient, dict):
        return Subject()
    identity = text(recipient.get("identity"))
    kind = text(recipient.get("type")) or "email"
    if not identity:
        return Subject()
    subject_id = identity if not recipient.get("hashed") and kind in ("url", "id") else None
    return Subject(id=subject_id, identifiers=(f"{kind}:{identity}",))


def _achievement(badge: dict[str, Any] | None, badge_ref: Any, assertion: dict[str, Any],
                 documents: Mapping[str, Any] | None) -> Achievement:
    if badge is None:
        return Achievement(id=badge_ref if isinstance(badge_ref, str) else None)
    criteria = lookup(badge.get("criteria"), documents)
    alignments = [a for a in as_list(badge.get("alignment")) if isinstance(a, dict)]
    skills = tuple(str(a["targetUrl"]) for a in alignments
                   if str(a.get("targetUrl", "")).startswith(ESCO_SKILL_PREFIX))
    outcomes = tuple(LearningOutcome(title=lang_map(a.get("targetName")), id=str(a["targetUrl"]),
                                     esco_skills=(str(a["targetUrl"]),))
                     for a in alignments if str(a.get("targetUrl", "")).startswith(ESCO_SKILL_PREFIX))
    eqf = None
    for align in alignments:
        url, code = str(align.get("targetUrl", "")), str(align.get("targetCode", "")).strip()
        if "/snb/eqf/" in url and url.rstrip("/")[-1:].isdigit():
            eqf = int(url.rstrip("/")[-1])
        elif any(f in str(align.get("targetFramework", "")) for f in _EQF_FRAMEWORKS) and code.isdigit():
            eqf = int(code)
    issuer = lookup(badge.get("issuer"), documents)
    return Achievement(
        id=text(badge.get("id")),
        title=lang_map(badge.get("name")),
        description=lang_map(badge.get("description")),
        achievement_type=text(badge.get("type")) if isinstance(badge.get("type"), str) else "BadgeClass",
        eqf_level=eqf,
        learning_outcomes=outcomes,
        esco_skills=skills,
        criteria=lang_map(criteria.get("narrative")) if isinstance(criteria, dict) else {},
        awarding_body=issuer_of(issuer) if issuer else None,
        awarded_on=parse_datetime(assertion.get("issuedOn")),
        image=image_of(badge.get("image")),
    )


def credential_from_assertion(
    assertion: dict[str, Any],
    *,
    raw: bytes,
    fmt: CredentialFormat,
    container: Container = Container.NONE,
    document: Any = None,
    documents: Mapping[str, Any] | None = None,
) -> Credential:
    """Normalise an OB 2.0 assertion; BadgeClass/Issuer URLs come from ``documents`` only."""
    badge = badge_class(assertion, documents)
    profile = issuer_profile(assertion, documents)
    issuer = issuer_of(profile) if profile else issuer_of(badge.get("issuer") if badge else None)
    achievement = _achievement(badge, assertion.get("badge"), assertion, documents)
    language = assertion.get("@language") or (badge or {}).get("@language")
    return Credential(
        format=fmt,
        raw=raw,
        container=container,
        id=text(assertion.get("id")),
        types=types_of(assertion) or ("Assertion",),
        issuer=issuer,
        subject=_recipient(assertion),
        title=dict(achievement.title),
        description=dict(achievement.description),
        image=image_of(assertion.get("image")) or achievement.image,
        issued=parse_datetime(assertion.get("issuedOn")),
        valid_from=parse_datetime(assertion.get("issuedOn")),
        valid_until=parse_datetime(assertion.get("expires")),
        achievements=(achievement,),
        languages=(language,) if isinstance(language, str) else (),
        document=assertion if document is None else document,
    )


def assertion_of(cred: Credential) -> dict[str, Any]:
    """The assertion JSON of a parsed OB2 credential (the JWS payload for signed ones)."""
    doc = cred.document
    if isinstance(doc, dict) and "payload" in doc and "header" in doc:
        doc = doc["payload"]
    if not isinstance(doc, dict):
        raise InputError("The credential has no Open Badges assertion document.")
    return doc


def with_documents(cred: Credential, documents: Mapping[str, Any]) -> Credential:
    """Re-normalise with cached BadgeClass/Issuer documents (after an explicit refresh)."""
    return credential_from_assertion(assertion_of(cred), raw=cred.raw, fmt=cred.format,
                                     container=cred.container, document=cred.document, documents=documents)


def parse_ob2_json(raw: bytes, container: Container = Container.NONE) -> Credential:
    """A JSON assertion: shown, but only an online check against its ``id`` can verify it."""
    obj = load_json_object(raw, "Open Badges assertion")
    if not is_assertion(obj):
        raise InputError("The JSON is not an Open Badges 2.0 Assertion.")
    return credential_from_assertion(obj, raw=bytes(raw), fmt=CredentialFormat.OB2_HOSTED, container=container)
