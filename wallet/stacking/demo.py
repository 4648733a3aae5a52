"""Demo achievements that fill each bundled target partly.

The data lives in ``resources/demo/stacking/<target file>.json`` as plain
dicts, so the demo command can turn them into *signed* credentials of any
format; this module only reads them and, for previews and tests, builds
unsigned normalised :class:`~wallet.model.Credential` values from them.

Each achievement dict has exactly these keys (docs/TARGETS.md, "Demo data"):
``title`` (str), ``issuer_name`` (str), ``issuer_id`` (str), ``credits``
(ECTS, number or null), ``eqf_level`` (int or null), ``esco_skills`` (list of
URIs), ``achievement_id`` (str), ``description`` (str), ``learning_outcomes``
(list of ``{"title": str, "esco_skills": [URI]}``). :func:`demo_achievements`
adds ``target`` (the id of the target the item was written for).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from wallet.errors import InputError
from wallet.model import (
    Achievement,
    Credential,
    CredentialFormat,
    Issuer,
    LearningOutcome,
    Verdict,
)
from wallet.resources import resource
from wallet.stacking.candidates import Candidate
from wallet.stacking.schema import read_json_file

DEMO_KEYS = (
    "title",
    "issuer_name",
    "issuer_id",
    "credits",
    "eqf_level",
    "esco_skills",
    "achievement_id",
    "description",
    "learning_outcomes",
)


def demo_achievements(target_id: str | None = None) -> list[dict[str, Any]]:
    """Every demo achievement (or those written for one target), in file order."""
    folder = resource("demo", "stacking")
    out: list[dict[str, Any]] = []
    for file in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        data = read_json_file(file, what="demo file")
        if target_id is not None and data.get("target") != target_id:
            continue
        for item in data.get("achievements", []):
            missing = [k for k in DEMO_KEYS if k not in item]
            if missing:
                raise InputError(f"demo file {file.name}: an achievement lacks {', '.join(missing)}")
            out.append({**{k: item[k] for k in DEMO_KEYS}, "target": data.get("target")})
    return out


def demo_credential(item: dict[str, Any], issued: datetime | None = None) -> Credential:
    """An unsigned, normalised credential for a demo achievement (previews and tests)."""
    issued = issued or datetime.now(UTC)
    issuer = Issuer(id=item["issuer_id"], name={"en": item["issuer_name"]})
    outcomes = tuple(
        LearningOutcome(title={"en": lo["title"]}, esco_skills=tuple(lo.get("esco_skills", ())))
        for lo in item.get("learning_outcomes", ())
    )
    achievement = Achievement(
        id=item["achievement_id"],
        title={"en": item["title"]},
        description={"en": item["description"]} if item.get("description") else {},
        specification_id=item["achievement_id"],
        credits=float(item["credits"]) if item.get("credits") is not None else None,
        credit_framework="ECTS" if item.get("credits") is not None else None,
        eqf_level=item.get("eqf_level"),
        learning_outcomes=outcomes,
        esco_skills=tuple(item.get("esco_skills", ())),
        awarding_body=issuer,
        awarded_on=issued,
    )
    return Credential(
        format=CredentialFormat.VC_LDP,
        raw=b"",
        id=f"urn:demo:credential:{demo_id(item)}",
        issuer=issuer,
        title={"en": item["title"]},
        issued=issued,
        valid_from=issued,
        achievements=(achievement,),
    )


def demo_id(item: dict[str, Any]) -> str:
    """A stable short id for a demo achievement (same data, same id)."""
    return hashlib.sha256(f"{item['issuer_id']}|{item['achievement_id']}".encode()).hexdigest()[:12]


def demo_candidates(target_id: str | None = None, issued: datetime | None = None) -> list[Candidate]:
    """The demo achievements as valid candidates, for previews without a vault."""
    return [
        Candidate(id=f"demo-{demo_id(item)}", credential=demo_credential(item, issued), verdict=Verdict.VALID)
        for item in demo_achievements(target_id)
    ]
