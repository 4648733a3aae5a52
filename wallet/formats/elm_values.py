"""Small value readers shared by the ELM v3 (JSON-LD) and EDCI 1.x (XML) parsers.

They turn the shapes the European Learning Model uses (language maps, SKOS
concepts, ISO 8601 durations, EQF URIs) into the plain values of
:mod:`wallet.model`, tolerating the variations seen in real files (a value or a
list, a language map or a bare string) without guessing beyond them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from wallet.util.values import as_list, first

#: A BCP 47-ish language tag as used for ELM language-map keys.
LANG_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
#: ECTS in the EU "education-credit" vocabulary.
ECTS_URI = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
_EQF = re.compile(r"/eqf/(\d)$")
_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<mo>\d+(?:\.\d+)?)M)?(?:(?P<w>\d+(?:\.\d+)?)W)?(?:(?P<d>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<mi>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)




def is_lang_map(value: Any) -> bool:
    """True for ``{"en": "...", "sl": "..."}`` (values may be strings or lists of strings)."""
    if not isinstance(value, dict) or not value:
        return False
    if set(value) == {"id"}:  # a bare node reference, not Indonesian text
        return False
    for key, text in value.items():
        if not isinstance(key, str) or not LANG_TAG.match(key):
            return False
        if not isinstance(text, str) and not (isinstance(text, list) and all(isinstance(t, str) for t in text)):
            return False
    return True


def lang_map(value: Any) -> dict[str, str]:
    """Normalise any ELM text value to a LangMap, keeping every language.

    Accepts a language map, a JSON-LD value object or list of them, or a
    plain string (stored under ``und``). Several texts in one language are
    joined with a blank line rather than dropped.
    """
    out: dict[str, str] = {}

    def add(lang: str, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if lang not in out:
            out[lang] = text
        elif text not in out[lang]:
            out[lang] = f"{out[lang]}\n\n{text}"

    for item in as_list(value):
        if isinstance(item, str):
            add("und", item)
        elif is_lang_map(item):
            for lang, text in item.items():
                for t in as_list(text):
                    add(lang, t)
        elif isinstance(item, dict) and "@value" in item and isinstance(item["@value"], str):
            add(str(item.get("@language") or "und"), item["@value"])
    return out


def concept_label(concept: Any) -> dict[str, str]:
    """A SKOS Concept's prefLabel as a LangMap; the id when it has no label."""
    concept = first(concept)
    if isinstance(concept, dict):
        label = lang_map(concept.get("prefLabel"))
        if label:
            return label
        if isinstance(concept.get("id"), str):
            return {"und": concept["id"]}
    elif isinstance(concept, str):
        return {"und": concept}
    return {}


def merge_maps(*maps: Mapping[str, str]) -> dict[str, str]:
    """Join several LangMaps, language by language ("; " between parts)."""
    out: dict[str, str] = {}
    for m in maps:
        for lang, text in m.items():
            out[lang] = f"{out[lang]}; {text}" if lang in out else text
    return out


def eqf_level(uri: Any) -> int | None:
    """``http://data.europa.eu/snb/eqf/6`` -> 6 (only levels 1-8 are meaningful)."""
    if isinstance(uri, str):
        match = _EQF.search(uri.rstrip("/"))
        if match and 1 <= int(match.group(1)) <= 8:
            return int(match.group(1))
    return None


def duration_hours(value: Any) -> float | None:
    """ISO 8601 duration as hours of learning, or None when it cannot be exact.

    Years and months have no fixed length, so ``P60M`` (sixty months) gives
    None rather than an invented number; days count as 24 hours and weeks as
    seven days, which is what the ELM volumeOfLearning examples intend (PT60H).
    """
    if not isinstance(value, str):
        return None
    match = _DURATION.match(value.strip())
    if not match or value.strip() in ("P", "PT"):
        return None
    parts = {k: float(v) for k, v in match.groupdict().items() if v is not None}
    if "y" in parts or "mo" in parts:
        return None
    hours = parts.get("w", 0) * 168 + parts.get("d", 0) * 24 + parts.get("h", 0)
    hours += parts.get("mi", 0) / 60 + parts.get("s", 0) / 3600
    return hours


def parse_float(value: Any) -> float | None:
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


def parse_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def country_code(uri_or_code: Any) -> str | None:
    """``.../authority/country/IRL`` -> ``IRL``; a bare code is returned as is."""
    if not isinstance(uri_or_code, str) or not uri_or_code:
        return None
    return uri_or_code.rstrip("/").rsplit("/", 1)[-1]


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Order-preserving de-duplication."""
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return tuple(seen)
