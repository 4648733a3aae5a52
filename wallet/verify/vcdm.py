"""Structural rules of the VC Data Model (2.0, and the 1.1 basics) on the JSON itself.

Why on the JSON: a signature proves who wrote a document, not that it is a
well-formed credential. These are the MUST rules the W3C VCDM 2.0 test suite
exercises (first @context entry, required types, identifiers that are URLs,
dateTime formats, language value objects, typed status/schema/evidence
entries, holder and enveloped credentials in presentations), plus the Open
Badges 3.0 type rules the 1EdTech validator enforces. Every problem is one
plain sentence; an empty list means the structure is acceptable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wallet.util.values import MAPPING, as_list
from wallet.verify.validity import BadDate, parse_datetime

V2 = "https://www.w3.org/ns/credentials/v2"
V1 = "https://www.w3.org/2018/credentials/v1"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_LANG_KEYS = {"@value", "@language", "@direction"}
_TYPED = ("credentialStatus", "credentialSchema", "evidence", "termsOfUse", "refreshService", "proof")


def is_url(value: Any) -> bool:
    return isinstance(value, str) and bool(_URL.match(value))



def _types(obj: Any) -> list[Any]:
    """The type values of an object; non-string entries are kept (as their repr) so they fail checks."""
    raw = as_list(obj.get("type")) if isinstance(obj, MAPPING) else []
    return [t if isinstance(t, str) else repr(t) for t in raw]


def _context_problems(doc: Mapping[str, Any], first: tuple[str, ...]) -> list[str]:
    ctx = doc.get("@context")
    if ctx is None:
        return ["The document has no @context."]
    entries = as_list(ctx)
    if not entries or entries[0] not in first:
        return [f"The first @context entry must be {first[0]}."]
    problems = []
    for entry in entries:
        if isinstance(entry, str):
            if not is_url(entry):
                problems.append(f"The @context entry {entry!r} is not a URL.")
        elif isinstance(entry, MAPPING):
            problems += _inline_context_problems(entry)
        else:
            problems.append("An @context entry is neither a URL nor an object.")
    return problems


def _inline_context_problems(ctx: Mapping[str, Any]) -> list[str]:
    problems = []
    for term, definition in ctx.items():
        if term.startswith("@"):
            continue
        iri = definition.get("@id") if isinstance(definition, MAPPING) else definition
        if isinstance(iri, str) and not iri.startswith("@") and ":" in iri and not is_url(iri):
            problems.append(f"The term {term} is mapped to {iri!r}, which is not a URL.")
    return problems


def _id_problems(obj: Mapping[str, Any], what: str) -> list[str]:
    if "id" not in obj:
        return []
    value = obj["id"]
    if isinstance(value, list):
        return [f"The {what} has more than one id."]
    if not is_url(value):
        return [f"The {what} id {value!r} is not a URL."]
    return []


def _language_problems(obj: Mapping[str, Any], where: str) -> list[str]:
    problems = []
    for field in ("name", "description"):
        for value in as_list(obj.get(field)):
            if isinstance(value, str):
                continue
            if not isinstance(value, MAPPING) or "@value" not in value:
                problems.append(f"The {where} {field} must be text or a language value object.")
            elif set(value) - _LANG_KEYS:
                extra = ", ".join(sorted(set(value) - _LANG_KEYS))
                problems.append(f"The {where} {field} has unexpected properties ({extra}).")
    return problems


def _typed_entry_problems(doc: Mapping[str, Any]) -> list[str]:
    problems = []
    for field in _TYPED:
        for entry in as_list(doc.get(field)):
            if not isinstance(entry, MAPPING):
                problems.append(f"Each {field} entry must be an object.")
                continue
            types = _types(entry)
            if not types or not all(isinstance(t, str) and t for t in types):
                problems.append(f"Each {field} entry must have a type.")
            problems += _id_problems(entry, field)
            if field == "credentialSchema" and "id" not in entry:
                problems.append("Each credentialSchema entry must have an id.")
    return problems


def _date_problems(doc: Mapping[str, Any], fields: tuple[str, str]) -> list[str]:
    parsed = {}
    for field in fields:
        if field in doc:
            try:
                parsed[field] = parse_datetime(doc[field])
            except BadDate:
                return [f"The {field} date {doc[field]!r} is not an XML Schema dateTime."]
    start, end = fields
    if start in parsed and end in parsed and parsed[end] < parsed[start]:
        return [f"The {end} date is before the {start} date."]
    return []


def _issuer_problems(doc: Mapping[str, Any], require_issuer: bool) -> list[str]:
    if "issuer" not in doc:
        return ["The credential names no issuer."] if require_issuer else []
    issuer = doc["issuer"]
    if isinstance(issuer, MAPPING):
        if not is_url(issuer.get("id")):
            return ["The issuer's id is not a URL."]
        return _language_problems(issuer, "issuer")
    if not is_url(issuer):
        return ["The issuer is not a URL."]
    return []


def _subject_problems(doc: Mapping[str, Any]) -> list[str]:
    subjects = as_list(doc.get("credentialSubject"))
    if not subjects:
        return ["The credential has no credentialSubject."]
    problems = []
    for subject in subjects:
        if not isinstance(subject, MAPPING) or not subject:
            problems.append("Every credentialSubject must state at least one claim.")
            continue
        problems += _id_problems(subject, "credentialSubject")
    return problems


def _ob3_problems(doc: Mapping[str, Any]) -> list[str]:
    """Open Badges 3.0 type rules (1EdTech validator probes)."""
    types = _types(doc)
    if not {"OpenBadgeCredential", "AchievementCredential"} & set(types):
        return []
    problems = []
    issuer = doc.get("issuer")
    if isinstance(issuer, MAPPING) and "Profile" not in _types(issuer):
        problems.append("An Open Badge issuer must be of type Profile.")
    for subject in as_list(doc.get("credentialSubject")):
        if not isinstance(subject, MAPPING):
            continue
        if "AchievementSubject" not in _types(subject):
            problems.append("An Open Badge credentialSubject must be of type AchievementSubject.")
        achievement = subject.get("achievement")
        if isinstance(achievement, MAPPING) and "Achievement" not in _types(achievement):
            problems.append("An Open Badge achievement must be of type Achievement.")
    return problems


def credential_problems(doc: Mapping[str, Any], require_issuer: bool = True) -> list[str]:
    """VCDM structure problems of a credential (VC 2.0 rules, or VC 1.1 basics)."""
    if not isinstance(doc, MAPPING):
        return ["The credential is not a JSON object."]
    first = as_list(doc.get("@context"))[:1]
    v1 = first == [V1]
    problems = _context_problems(doc, (V1,) if v1 else (V2,))
    types = _types(doc)
    if "VerifiableCredential" not in types:
        problems.append("The type must include VerifiableCredential.")
    problems += _id_problems(doc, "credential")
    problems += _issuer_problems(doc, require_issuer)
    problems += _subject_problems(doc)
    if v1:
        if require_issuer and "issuanceDate" not in doc:
            problems.append("A VC 1.1 credential must have an issuanceDate.")
        problems += _date_problems(doc, ("issuanceDate", "expirationDate"))
    else:
        problems += _date_problems(doc, ("validFrom", "validUntil"))
    problems += _language_problems(doc, "credential")
    problems += _typed_entry_problems(doc)
    problems += _ob3_problems(doc)
    return problems


def _embedded_problems(item: Any, v2: bool, index: int) -> list[str]:
    label = f"Credential {index + 1}"
    if isinstance(item, str):
        return [f"{label} is a bare string; VC 2.0 wraps secured credentials in an EnvelopedVerifiableCredential."] if v2 else []
    if not isinstance(item, MAPPING):
        return [f"{label} is not an object."]
    types = _types(item)
    if "EnvelopedVerifiableCredential" in types:
        return [] if isinstance(item.get("id"), str) and item["id"].startswith("data:") else [f"{label} is an envelope without a data: URL."]
    if isinstance(item.get("id"), str) and item["id"].startswith("data:"):
        return [f"{label} is an envelope without the type EnvelopedVerifiableCredential."]
    if "VerifiableCredential" not in types:
        return [f"{label} does not have the type VerifiableCredential."]
    return []


def presentation_problems(doc: Mapping[str, Any]) -> list[str]:
    """VCDM structure problems of a presentation."""
    if not isinstance(doc, MAPPING):
        return ["The presentation is not a JSON object."]
    first = as_list(doc.get("@context"))[:1]
    v1 = first == [V1]
    problems = _context_problems(doc, (V1,) if v1 else (V2,))
    if "VerifiablePresentation" not in _types(doc):
        problems.append("The type must include VerifiablePresentation.")
    problems += _id_problems(doc, "presentation")
    if "holder" in doc:
        holder = doc["holder"]
        hid = holder.get("id") if isinstance(holder, MAPPING) else holder
        if not is_url(hid):
            problems.append("The holder must be a URL or an object with a URL id.")
    for i, item in enumerate(as_list(doc.get("verifiableCredential"))):
        problems += _embedded_problems(item, not v1, i)
    return problems
