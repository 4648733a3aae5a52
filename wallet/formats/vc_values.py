"""Reading JSON values the way VC and Open Badges documents write them, and the parties.

Split from :mod:`wallet.formats.vc_json` (which re-exports every name here)
to keep each module readable: one-or-many values, language maps, dates,
numbers, images and types, then the issuer and subject objects. Only JSON is
read; nothing is verified.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wallet.formats.elm_values import is_lang_map, parse_float
from wallet.model import Issuer, Subject
from wallet.util.values import as_list, first

# ---------------------------------------------------------------- values


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None  # non-empty strings only


def lang_map(value: Any) -> dict[str, str]:
    """A string, a ``{"@value", "@language"}`` object, a language map ``{"en": …}``, or an array of them -> LangMap.

    Language maps appear in JWT credentials (no JSON-LD processing there), e.g.
    ``vc.credentialSubject.achievement.name``; without them such a credential
    showed no title at all.
    """
    out: dict[str, str] = {}
    for item in as_list(value):
        if isinstance(item, str) and item:
            out.setdefault("und", item)
        elif isinstance(item, dict) and isinstance(item.get("@value"), str):
            lang = item.get("@language")
            out.setdefault(lang if isinstance(lang, str) and lang else "und", item["@value"])
        elif is_lang_map(item):
            for lang, texts in item.items():
                for text_ in as_list(texts):
                    if text_:
                        out.setdefault(lang, text_)
    return out


#: Credit points and similar: a number, or text such as "2,5" (one reader for every format).
number = parse_float


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
