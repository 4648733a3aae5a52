"""An SD-JWT's disclosed claims as the wallet's credential model.

Three shapes are read:

* a W3C credential secured as an SD-JWT (VC-JOSE-COSE ``vc+sd-jwt``: the
  disclosed claims *are* the credential; or the older VC 1.1 ``vc`` claim):
  the Verifiable Credential reader does the work;
* an SD-JWT VC (``dc+sd-jwt``, draft-ietf-oauth-sd-jwt-vc) of a learning
  achievement, as European issuers write them (``learner``, ``achievement``
  with ``title``, ``learning_outcomes``, ``ects_credits``, ``eqf_level``,
  ``assessment_type``, ``participation_form``, ``quality_assurance``,
  ``awarding_date``; ``issuing_institution``), read into the Annex I fields;
* any other SD-JWT VC (a PID, a membership card): the registered claims and
  the person's names; every other claim is shown as a claim row
  (:func:`claim_rows`), so nothing is hidden.

What is read is only what is disclosed: a claim the holder left out of a
presentation is absent, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wallet.errors import InputError
from wallet.formats import vc_json
from wallet.formats.jwt import vc11_view
from wallet.formats.sd_jwt import Path, SdJwt, Unpacked, is_disclosable, leaves, split, unpack
from wallet.model import (
    Achievement,
    Container,
    Credential,
    CredentialFormat,
    Issuer,
    LangMap,
    LearningOutcome,
    Subject,
    replace,
)
from wallet.util.dates import parse_datetime
from wallet.util.values import as_list

_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
#: Claims of the JWT itself, shown with the credential's own fields rather than as claim rows.
REGISTERED = ("iss", "sub", "iat", "nbf", "exp", "jti", "vct", "vct#integrity", "cnf", "status", "aud")


def _lang(value: Any) -> dict[str, str]:
    """A string, or an object of language tag -> text (``{"en": …, "sl": …}``)."""
    if isinstance(value, str) and value:
        return {"und": value}
    if isinstance(value, dict) and value and all(isinstance(k, str) and _LANG_TAG.match(k) and isinstance(v, str)
                                                 for k, v in value.items()):
        return dict(value)
    return vc_json.lang_map(value)


def _number(value: Any) -> float | None:
    return vc_json.number(value)


def _eqf(value: Any) -> int | None:
    level = _number(value)
    return int(level) if level is not None and level == int(level) and 1 <= level <= 8 else None


def _outcomes(value: Any) -> tuple[LearningOutcome, ...]:
    out: list[LearningOutcome] = []
    for item in as_list(value):
        if isinstance(item, dict):
            title = _lang(item.get("title") or item.get("name"))
            skills = tuple(s for s in as_list(item.get("esco_skill") or item.get("related_esco_skill"))
                           if isinstance(s, str))
            if title or skills:
                out.append(LearningOutcome(title=title, id=vc_json.text(item.get("id")), esco_skills=skills))
        elif _lang(item):
            out.append(LearningOutcome(title=_lang(item)))
    return tuple(out)


def _issuer(claims: dict[str, Any]) -> Issuer:
    inst = claims.get("issuing_institution") or claims.get("issuer")
    inst = inst if isinstance(inst, dict) else {}
    name = _lang(inst.get("name")) or _lang(claims.get("issuing_authority")) or _lang(claims.get("issuer_name"))
    country = vc_json.text(inst.get("country")) or vc_json.text(claims.get("issuing_country"))
    return Issuer(id=vc_json.text(claims.get("iss")), name=name, url=vc_json.text(inst.get("url")), country=country,
                  image=vc_json.text(inst.get("logo")))


def _subject(claims: dict[str, Any]) -> Subject:
    learner = claims.get("learner")
    person: dict[str, Any] = learner if isinstance(learner, dict) else claims
    given = _lang(person.get("given_name"))
    family = _lang(person.get("family_name"))
    langs = list(dict.fromkeys([*given, *family]))
    name = {lang: " ".join(p for p in (given.get(lang, ""), family.get(lang, "")) if p) for lang in langs}
    return Subject(id=vc_json.text(claims.get("sub")), name=name, given_name=given, family_name=family,
                   date_of_birth=vc_json.text(person.get("birthdate") or person.get("birth_date")))


def _achievement(value: Any, issuer: Issuer) -> Achievement | None:
    if not isinstance(value, dict):
        return None
    credits = _number(value.get("ects_credits"))
    framework = "ECTS" if credits is not None else None
    if credits is None:
        credits = _number(value.get("credits"))
    return Achievement(
        id=vc_json.text(value.get("id")),
        title=_lang(value.get("title") or value.get("name")),
        description=_lang(value.get("description")),
        achievement_type=vc_json.text(value.get("type")),
        credits=credits,
        credit_framework=framework,
        volume_of_learning_hours=_number(value.get("workload_hours")),
        eqf_level=_eqf(value.get("eqf_level")),
        nqf_level=vc_json.text(value.get("nqf_level")),
        learning_outcomes=_outcomes(value.get("learning_outcomes")),
        grade=vc_json.text(value.get("grade")),
        assessment_type=_lang(value.get("assessment_type")),
        participation_mode=_lang(value.get("participation_form")),
        quality_assurance=_lang(value.get("quality_assurance")),
        entry_requirements=_lang(value.get("prerequisites")),
        awarding_body=issuer if (issuer.id or issuer.name) else None,
        awarded_on=parse_datetime(value.get("awarding_date")),
    )


def credential_of(sd_jwt: SdJwt, unpacked: Unpacked, raw: bytes, container: Container = Container.NONE) -> Credential:
    """The credential model of an SD-JWT from its disclosed claims."""
    claims = unpacked.claims
    document = {"header": sd_jwt.jws.header, "payload": sd_jwt.payload, "compact": sd_jwt.compact,
                "serialized": sd_jwt.text, "disclosures": [d.encoded for d in sd_jwt.disclosures],
                "key_binding": sd_jwt.key_binding, "claims": claims}
    fmt = CredentialFormat.SD_JWT
    disclosable = unpacked.disclosable
    view = vc11_view(claims) if isinstance(claims.get("vc"), dict) else claims
    if isinstance(claims.get("vc"), dict) or "credentialSubject" in claims or "@context" in claims:
        w3c = {k: v for k, v in view.items() if k not in ("cnf", "status")}
        cred = vc_json.credential_from_vc(w3c, raw=raw, fmt=fmt, container=container, document=document)
        return replace(cred, disclosable=disclosable)
    issuer = _issuer(claims)
    achievement = _achievement(claims.get("achievement"), issuer)
    achievements = (achievement,) if achievement is not None else ()
    title = _lang(claims.get("name")) or _lang(claims.get("title")) or (dict(achievement.title) if achievement else {})
    vct = vc_json.text(claims.get("vct"))
    langs = tuple(dict.fromkeys(k for m in (title, *(a.title for a in achievements)) for k in m if k != "und"))
    return Credential(
        format=fmt, raw=raw, container=container, id=vc_json.text(claims.get("jti")),
        types=(vct,) if vct else (), issuer=issuer, subject=_subject(claims), title=title,
        description=_lang(claims.get("description")),
        issued=parse_datetime(claims.get("iat")),
        valid_from=parse_datetime(claims.get("nbf")) or parse_datetime(claims.get("iat")),
        valid_until=parse_datetime(claims.get("exp")), achievements=achievements, languages=langs,
        disclosable=disclosable, document=document,
    )


def parse_sd_jwt(raw: bytes, container: Container = Container.NONE) -> Credential:
    """Parse an SD-JWT (compact or JSON serialisation) given as bytes; nothing is verified."""
    sd_jwt = split(raw)
    return credential_of(sd_jwt, unpack(sd_jwt), bytes(raw), container)


@dataclass(frozen=True)
class ClaimRow:
    """One disclosed claim for display: its path, its value, and whether the holder may leave it out."""

    path: Path
    value: Any
    disclosable: bool

    @property
    def label(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


def claim_rows(cred: Credential, *, include_registered: bool = False) -> list[ClaimRow]:
    """Every disclosed claim of an SD-JWT credential, leaf by leaf (empty for other formats).

    The stored model keeps only the paths, so the claims are read again from
    the original bytes (cheap, and always what was signed).
    """
    if cred.format is not CredentialFormat.SD_JWT:
        return []
    document = cred.document if isinstance(cred.document, dict) else None
    claims = document.get("claims") if document else None
    if not isinstance(claims, dict):
        try:
            raw = cred.raw
            claims = unpack(split(raw)).claims
        except InputError:
            return []
    marked = frozenset(cred.disclosable)
    rows = []
    for path, value in leaves(claims):
        if not include_registered and path and path[0] in REGISTERED:
            continue
        rows.append(ClaimRow(path, value, is_disclosable(path, marked)))
    return rows


__all__ = ["ClaimRow", "LangMap", "claim_rows", "credential_of", "parse_sd_jwt"]
