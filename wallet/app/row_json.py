"""Reading only the members of stored JSON that a list row needs.

Listing 10,000 credentials decoded every stored credential and report in full
(about 40 MB of JSON, a second of the unlock on two cores), only to read a
title, an issuer, dates and a state. These helpers decode the top-level members
a row needs and skip the rest, using the standard library's own scanner on the
exact stored text, so a member they return is the value ``json.loads`` would
give. Whenever the text does not have the expected shape they return None and
the caller decodes the whole text: the result is the same, only slower.

Two facts about the vault's own writer (:func:`wallet.storage.text.json_text`,
``json.dumps`` with its default separators) make skipping safe:

* A member found by its key followed by a colon is a real key: inside a JSON
  string every ``"`` is escaped, so ``"title": `` cannot occur inside one.
* A suffix ``"key": value}`` that ends the text belongs to the top-level
  object, and a text cut just before a top-level member, with a ``{`` put in
  front, decodes as an object; cut inside a nested value it does not (it
  closes more than it opens), so the check is the decoding itself.
"""

from __future__ import annotations

import json
import json.scanner
import re
from collections.abc import Callable
from typing import Any

#: The standard library's C scanner: (value, end) of the JSON value starting at an index.
# typeshed's stub wants the scanner class itself; the C scanner takes a decoder
_scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
_WS = re.compile(r"[ \t\n\r]*")


def _skip_ws(text: str, i: int) -> int:
    if i < len(text) and text[i] in " \t\n\r":
        match = _WS.match(text, i)
        return match.end() if match else i
    return i


def leading_members(text: str, count: int) -> dict[str, Any] | None:
    """The first ``count`` members of the top-level object in ``text`` (fewer if it has fewer)."""
    i = _skip_ws(text, 0)
    if not text.startswith("{", i):
        return None
    out: dict[str, Any] = {}
    i += 1
    try:
        for n in range(count):
            i = _skip_ws(text, i)
            if text[i] == "}":
                return out
            if n:
                if text[i] != ",":
                    return None
                i = _skip_ws(text, i + 1)
            if text[i] != '"':
                return None
            key, i = _scan(text, i)
            i = _skip_ws(text, i)
            if text[i] != ":":
                return None
            value, i = _scan(text, _skip_ws(text, i + 1))
            out.setdefault(key, value)
    except (StopIteration, IndexError, ValueError):
        return None
    return out


def last_string_member(text: str, key: str) -> str | None:
    """The value of ``key`` when it is the top-level object's last member and a string (else None)."""
    pattern = json.dumps(key) + ': "'
    at = text.rfind(pattern)
    if at < 0:
        return None
    try:
        value, end = _scan(text, at + len(pattern) - 1)
    except (StopIteration, ValueError):
        return None
    if not isinstance(value, str) or text[end:].strip() != "}":
        return None
    return value


def members_from(text: str, key: str) -> dict[str, Any] | None:
    """Every top-level member from ``key`` (written after a ", ") to the end of the object, decoded."""
    at = text.find(", " + json.dumps(key) + ": ")
    if at < 0:
        return None
    try:
        value = json.loads("{" + text[at + 2:])
    except ValueError:  # cut inside a nested value: not the top-level member
        return None
    return value if isinstance(value, dict) else None
