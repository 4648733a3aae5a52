"""Turning a :class:`~wallet.messages.message.Message` into text in the reader's language.

One catalogue per language (``resources/messages/<lang>.json``) that the CLI,
the PDF, the share summaries and the desktop app all read, so a reason is
worded once per language. Templates use ``{name}`` placeholders, optionally
typed: ``{when:date}`` and ``{when:datetime}`` format an ISO 8601 value for
the locale (never to the microsecond); ``{fmt:format}``, ``{id:check}``,
``{p:purpose}``, ``{kind:evidence}``, ``{code:language}`` and ``{code:country}`` look the value up
in the catalogue (``format.<value>``…) and fall back to the value itself.
A template may be an object of plural forms chosen by its ``count``
parameter (CLDR categories: English one/other, Slovenian one/two/few/other).

Rendering never fails: an unknown id or a missing parameter falls back to
English, then to the id itself, because a report must always be readable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from wallet.messages.message import Message, Param, msg
from wallet.resources import resource

DEFAULT_LANG = "en"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?::([a-z]+))?\}")
_LOOKUPS = {"format": "format.", "check": "check.", "purpose": "purpose.", "language": "language.",
            "country": "country.", "verdict": "verdict.", "keyuse": "keyuse.", "checkstatus": "checkstatus.",
            "evidence": "evidence."}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MAX_DEPTH = 4

Template = str | Mapping[str, str]


_EXTRA: dict[str, dict[str, Template]] = {}


@lru_cache(maxsize=8)
def _file_catalogue(lang: str) -> Mapping[str, Template]:
    path = resource("messages", f"{lang}.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def catalogue(lang: str) -> Mapping[str, Template]:
    """The messages of one language (empty when the language has no catalogue)."""
    extra = _EXTRA.get(lang)
    return {**_file_catalogue(lang), **extra} if extra else _file_catalogue(lang)


def extend_catalogue(lang: str, entries: Mapping[str, Template]) -> None:
    """Add messages at run time (a registered format's name); the files stay the source for the core's own."""
    _EXTRA.setdefault(lang, {}).update(entries)


def languages() -> tuple[str, ...]:
    """Languages with a catalogue, English first."""
    found = sorted(p.stem for p in resource("messages").glob("*.json"))
    return tuple([DEFAULT_LANG] + [lang for lang in found if lang != DEFAULT_LANG])


def placeholders(template: Template) -> set[str]:
    """The parameter names a template (or each of its plural forms) uses, with their types."""
    forms = template.values() if isinstance(template, Mapping) else [template]
    found: set[str] = set()
    for form in forms:
        found.update(f"{m.group(1)}:{m.group(2) or ''}" for m in _PLACEHOLDER.finditer(form))
    return found


def plural_category(lang: str, count: int) -> str:
    """CLDR plural category of an integer for the languages we ship."""
    n = abs(count)
    if lang == "sl":
        return {1: "one", 2: "two", 3: "few", 4: "few"}.get(n % 100, "other")
    return "one" if n == 1 else "other"


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def pick_language(langs: Sequence[str]) -> str:
    """The first of ``langs`` that has a catalogue, else English."""
    for lang in langs:
        if catalogue(_primary(lang)):
            return _primary(lang)
    return DEFAULT_LANG


def format_date(value: Any, lang: str, with_time: bool = False) -> str:
    """An ISO 8601 date or datetime for a reader: '27 Nov 2026' / '27. 11. 2026'."""
    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if lang == "sl":
        day = f"{when.day}. {when.month}. {when.year}"
        time = f" ob {when.hour:02d}:{when.minute:02d}"
    else:
        day = f"{when.day} {_MONTHS_EN[when.month - 1]} {when.year}"
        time = f", {when.hour:02d}:{when.minute:02d}"
    if not with_time or "T" not in str(value):
        return day
    zone = " UTC" if when.utcoffset() is not None and not when.utcoffset() else ""
    return day + time + zone


def format_number(value: Any, lang: str) -> str:
    """Numbers as a reader writes them (decimal comma in Slovenian, no trailing .0)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "sl":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


def _template(message_id: str, lang: str) -> Template | None:
    found = catalogue(lang).get(message_id)
    if found is None and lang != DEFAULT_LANG:
        found = catalogue(DEFAULT_LANG).get(message_id)
    return found


def _value(value: Param, kind: str, lang: str, depth: int) -> str:
    if isinstance(value, Message):
        return _render(value, lang, depth + 1)
    if value is None:
        return ""
    if kind in ("date", "datetime"):
        return format_date(value, lang, kind == "datetime")
    if kind in _LOOKUPS:
        found = _template(_LOOKUPS[kind] + str(value), lang)
        return found if isinstance(found, str) else str(value)
    if kind == "number" or isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, lang)
    return str(value)


def _render(message: Message, lang: str, depth: int) -> str:
    template = _template(message.id, lang)
    params = message.mapping
    if template is None:
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{message.id}({shown})" if shown else message.id
    if isinstance(template, Mapping):
        count = params.get("count")
        category = plural_category(lang, int(count)) if isinstance(count, (int, float)) else "other"
        template = template.get(category) or template.get("other") or next(iter(template.values()))
    if depth > _MAX_DEPTH:
        return template

    def substitute(match: re.Match[str]) -> str:
        name, kind = match.group(1), match.group(2) or ""
        return _value(params.get(name), kind, lang, depth) if name in params else match.group(0)

    return _PLACEHOLDER.sub(substitute, template)


def render(message: Message | None, langs: Sequence[str] = (DEFAULT_LANG,)) -> str:
    """The text of ``message`` in the first of ``langs`` that has a catalogue."""
    if message is None:
        return ""
    return _render(message, pick_language(langs), 0)


def render_id(message_id: str, langs: Sequence[str] = (DEFAULT_LANG,), **params: Any) -> str:
    """Shorthand for labels: ``render(msg(message_id, **params), langs)``."""
    return render(msg(message_id, **params), langs)


def technical_details(message: Message, langs: Sequence[str] = (DEFAULT_LANG,)) -> list[tuple[str, str]]:
    """Every parameter as (name, value) for a "technical details" view, nested ones flattened."""
    out: list[tuple[str, str]] = []
    for key, value in message.params:
        if isinstance(value, Message):
            out.append((key, render(value, langs)))
            out.extend((f"{key}.{k}", v) for k, v in technical_details(value, langs))
        elif value is not None:
            out.append((key, str(value)))
    return out
