"""Claim paths in words, for the person reading or deciding what to disclose.

Why: a claim path is written for machines (``["achievement", "ects_credits"]``,
``["nationalities", null]``). The consent screen, the CLI, the history of
presentations and an SD-JWT's claims in the detail view used to show it as
``achievement.ects_credits``; a learner or a migrant deciding whether to send
it should read "achievement › ECTS credits".
The names credentials commonly use (OpenID Connect and the EU PID for SD-JWT
VC, the VC Data Model and Open Badges 3.0 fields, the learning-credential
claims of the EU micro-credential elements) are worded in the message
catalogue, per language; any other name is split into words
(``dateOfBirth`` and ``date_of_birth`` both read "date of birth"), since it is
the issuer's own name for its claim and no catalogue can know it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wallet.messages import Message, msg, render

PathElement = str | int | None

#: claim name -> message id (literals, so the catalogue test finds each).
KNOWN: dict[str, str] = {
    "given_name": "claim.given_name", "family_name": "claim.family_name", "birthdate": "claim.birthdate",
    "birth_date": "claim.birthdate", "age_over_18": "claim.age_over_18", "age_equal_or_over": "claim.age_at_least",
    "nationality": "claim.nationality", "nationalities": "claim.nationality", "email": "claim.email",
    "email_address": "claim.email", "phone_number": "claim.phone_number", "address": "claim.address",
    "street_address": "claim.street_address", "locality": "claim.locality", "postal_code": "claim.postal_code",
    "country": "claim.country", "place_of_birth": "claim.place_of_birth", "sex": "claim.sex", "gender": "claim.sex",
    "picture": "claim.picture", "portrait": "claim.picture", "issuing_country": "claim.issuing_country",
    "issuing_authority": "claim.issuing_authority", "expiry_date": "claim.expiry_date",
    "issuance_date": "claim.issuance_date", "document_number": "claim.document_number",
    "personal_administrative_number": "claim.personal_number", "vct": "claim.credential_type",
    "credentialSubject": "claim.holder", "learner": "claim.learner", "achievement": "claim.achievement",
    "name": "claim.name", "title": "claim.title", "description": "claim.description", "criteria": "claim.criteria",
    "narrative": "claim.narrative", "image": "claim.image", "issuer": "claim.issuer", "validFrom": "claim.valid_from",
    "validUntil": "claim.valid_until", "issuanceDate": "claim.issuance_date", "expirationDate": "claim.expiry_date",
    "type": "claim.type", "id": "claim.identifier", "result": "claim.result", "ects_credits": "claim.ects_credits",
    "eqf_level": "claim.eqf_level", "learning_outcomes": "claim.learning_outcomes",
    "assessment_type": "claim.assessment_type", "participation_form": "claim.participation_form",
    "quality_assurance": "claim.quality_assurance", "awarding_date": "claim.awarding_date",
    "issuing_institution": "claim.issuing_institution",
}

#: A path of n parts (1..MAX_PARTS) -> the message joining them; longer paths keep their first and last parts.
_JOINED = ("claim.path_1", "claim.path_2", "claim.path_3", "claim.path_4", "claim.path_5")
MAX_PARTS = len(_JOINED)

_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[_\-\s]+")

#: Fields credentials write as language maps (``{"title": {"en": ..., "sl": ...}}``): a
#: language tag below one of them is named as the language ("title › English").
LANGUAGE_MAPS = frozenset({"title", "name", "description", "narrative"})
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def in_words(name: str) -> str:
    """An unknown claim name as words: ``dateOfBirth``, ``date_of_birth`` -> ``date of birth``."""
    words = [w for w in _WORD_BREAK.split(name) if w]
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words) or name


def part_words(element: PathElement) -> Message:
    """One element of a path: a claim name, an entry of a list (counted from 1), or every entry."""
    if element is None:
        return msg("claim.every_entry")
    if isinstance(element, int):
        return msg("claim.entry", number=element + 1)
    known = KNOWN.get(element)
    return Message(known) if known else msg("claim.named", name=in_words(element))


def claim_words(path: Sequence[PathElement]) -> Message:
    """A whole path: its parts joined with " › " (the middle of a very long path left out as "…")."""
    if not path:
        return msg("claim.whole_credential")
    parts = [part_words(e) for e in path]
    last = path[-1]
    if len(path) > 1 and path[-2] in LANGUAGE_MAPS and isinstance(last, str) and _LANGUAGE_TAG.fullmatch(last):
        parts[-1] = msg("claim.in_language", code=last)
    if len(parts) > MAX_PARTS:
        parts = [*parts[:2], msg("claim.more"), *parts[-(MAX_PARTS - 3):]]
    return Message(_JOINED[len(parts) - 1], tuple((f"p{i}", p) for i, p in enumerate(parts)))


def claims_in_words(paths: Sequence[Sequence[PathElement]], langs: Sequence[str]) -> str:
    """Several paths in one line, in the reader's language."""
    return ", ".join(render(claim_words(p), langs) for p in paths)


def disclosed_in_words(paths: Sequence[Sequence[PathElement]], langs: Sequence[str], *, whole: bool = False) -> str:
    """What a presentation shows of one credential, in one line: its claims, or everything (a W3C credential
    cannot hide any). One wording for the consent screen, the CLI and the history."""
    return render(msg("present.discloses_everything"), langs) if whole else claims_in_words(paths, langs)
