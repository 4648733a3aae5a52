"""Readable names for the codes credentials carry: countries, languages, ISCED-F fields, EQF levels.

A learner, an employer or a clerk abroad should read "Ireland", "German",
"Software and applications development and analysis" and "EQF 6 — advanced
knowledge …", never ``IRL``, ``de``, ``http://data.europa.eu/snb/isced-f/0613``
or a bare number. The credential's own labels always come first (callers pass
them); these tables are the fallback, from authoritative sources listed in
``resources/names/SOURCES.md``: Debian's iso-codes through ``pycountry`` for
countries and languages (with Slovenian translations), ISCED-F 2013 for fields
of education, and the EQF level descriptors (catalogue messages
``eqf.level.N``). The CLI, the desktop app and the PDF all name things here,
so a code reads the same everywhere.

Every function returns the code itself when it knows no name: an unknown code
is still information, and a name must never be invented.
"""

from __future__ import annotations

import gettext
import importlib.util
import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from wallet.resources import resource

_EU_AUTHORITY = re.compile(r"^https?://publications\.europa\.eu/resource/authority/(?:country|language)/(\w+)$", re.I)
_ISCED = re.compile(r"(?:isced-f/|^)(\d{2,4})$")
_PERIOD = re.compile(r"\s*\(\d{3,4}-\d{0,4}\)$")


def _lang(langs: str | Sequence[str]) -> str:
    """The first reader language we have names for (``en`` or ``sl``), else English."""
    for tag in ([langs] if isinstance(langs, str) else list(langs)):
        primary = tag.replace("_", "-").split("-")[0].lower()
        if primary in ("en", "sl"):
            return primary
    return "en"


@lru_cache(maxsize=1)
def _pycountry_dir() -> Path:
    """pycountry's folder, found without importing it (its import reads package metadata: start-up time)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pycountry is not installed", name="pycountry")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=16)
def _translation(domain: str, lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, str(_pycountry_dir() / "locales"), languages=[lang], fallback=True)


@lru_cache(maxsize=4)
def _iso_table(database: str, fields: tuple[str, ...]) -> Mapping[str, Mapping[str, Mapping[str, str]]]:
    """Debian iso-codes as pycountry ships them, indexed by each of ``fields`` (lower-cased, as pycountry does).

    Read directly rather than through ``pycountry.languages``, which builds an
    object and six indexes for each of the ~8,000 ISO 639-3 entries before the
    first look-up (about 40 ms of a cold ``wallet verify``); the data and the
    case-insensitive look-up are the same.
    """
    with (_pycountry_dir() / "databases" / f"{database}.json").open(encoding="utf-8") as handle:
        entries: list[dict[str, str]] = next(iter(json.load(handle).values()))
    index: dict[str, dict[str, Mapping[str, str]]] = {name: {} for name in fields}
    for item in entries:
        for name in fields:
            value = item.get(name)
            if value:
                index[name].setdefault(value.lower(), item)
    return index


def _iso_get(database: str, fields: tuple[str, ...], field: str, key: str) -> Mapping[str, str] | None:
    return _iso_table(database, fields)[field].get(key.lower())


_COUNTRY_FIELDS = ("alpha_2", "alpha_3", "numeric")
_LANGUAGE_FIELDS = ("alpha_2", "alpha_3", "bibliographic")


def _bare(code: str) -> str:
    found = _EU_AUTHORITY.match(code.strip())
    return found.group(1) if found else code.strip()


def country_name(code: str | None, langs: str | Sequence[str] = "en") -> str:
    """"Ireland"/"Irska" for ``IE``, ``IRL``, ``372`` or an EU authority URI; the code if unknown."""
    if not code:
        return ""
    bare = _bare(code)
    key = bare.upper()
    field = {2: "alpha_2", 3: "numeric" if key.isdigit() else "alpha_3"}.get(len(key))
    found = _iso_get("iso3166-1", _COUNTRY_FIELDS, field, key) if field else None
    if found is None:
        return code
    name = found.get("common_name") or found["name"]
    translated = _translation("iso3166-1", _lang(langs)).gettext(found["name"])
    return translated if translated != found["name"] else name


def language_name(code: str | None, langs: str | Sequence[str] = "en") -> str:
    """"German"/"nemščina" for ``de``, ``de-AT``, ``deu``, ``ger`` or an EU authority URI; the code if unknown."""
    if not code:
        return ""
    primary = _bare(code).replace("_", "-").split("-")[0].lower()
    found = None
    if len(primary) == 2:
        found = _iso_get("iso639-3", _LANGUAGE_FIELDS, "alpha_2", primary)
    elif len(primary) == 3:
        found = (_iso_get("iso639-3", _LANGUAGE_FIELDS, "alpha_3", primary)
                 or _iso_get("iso639-3", _LANGUAGE_FIELDS, "bibliographic", primary))
    if found is None:
        return code
    translated = _translation("iso639-3", _lang(langs)).gettext(found["name"])
    return _PERIOD.sub("", translated)  # "Modern Greek (1453-)" reads "Modern Greek"


@lru_cache(maxsize=1)
def _isced_table() -> Mapping[str, Mapping[str, str]]:
    data = json.loads(resource("names", "isced-f-2013.json").read_text(encoding="utf-8"))
    fields: dict[str, Any] = data.get("fields", {})
    return fields


def isced_code(value: str | None) -> str | None:
    """The ISCED-F 2013 code in ``0613`` or ``http://data.europa.eu/snb/isced-f/0613``, else None."""
    if not value:
        return None
    found = _ISCED.search(value.strip())
    return found.group(1) if found else None


def isced_name(value: str | None, langs: str | Sequence[str] = "en") -> str:
    """The field of education named by an ISCED-F code or URI, in the reader's language.

    A detailed field without a name in that language is shown as its narrow
    field's name with the code; an unknown code is returned as it was given.
    """
    code = isced_code(value)
    if code is None:
        return value or ""
    lang = _lang(langs)
    table = _isced_table()
    entry = table.get(code, {})
    if lang in entry:
        return entry[lang]
    for parent in (code[:3], code[:2]):
        if parent != code and lang in table.get(parent, {}):
            return f"{table[parent][lang]}, {code}"
    return entry.get("en") or (value or "")


_EQF_LEVELS = ("eqf.level.1", "eqf.level.2", "eqf.level.3", "eqf.level.4", "eqf.level.5", "eqf.level.6",
               "eqf.level.7", "eqf.level.8")


def eqf_meaning(level: int | None, langs: str | Sequence[str] = "en") -> str:
    """One line on what an EQF level means ("advanced knowledge …, e.g. a bachelor's degree")."""
    from wallet.messages import render_id

    if level is None or not 1 <= level <= 8:
        return ""
    return render_id(_EQF_LEVELS[level - 1], [_lang(langs)])


def esco_labels(skills: Sequence[str], outcomes: Sequence[Any], langs: Sequence[str]) -> list[tuple[str, str]]:
    """(skill URI, label) for each ESCO skill, labelled from the credential's own outcomes.

    Open Badges alignments and ELM learning outcomes name the skill they point
    to (``targetName``, the outcome's title); a skill the credential does not
    name gets an empty label, and the caller says so rather than showing a URI.
    """
    from wallet.model import pick_lang

    named: dict[str, str] = {}
    for outcome in outcomes:
        own = tuple(getattr(outcome, "esco_skills", ()))
        title = pick_lang(getattr(outcome, "title", None), langs)
        if len(own) == 1 and title and own[0] not in named:
            named[own[0]] = title
    return [(uri, named.get(uri, "")) for uri in skills]
