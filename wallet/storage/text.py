"""Text the vault stores: SQLite needs valid UTF-8, Python strings need not be.

A Python ``str`` may hold lone UTF-16 surrogates: JSON's ``"\\ud800"``
escape produces one, and a file name with bytes that are not UTF-8 arrives
as ``\\udcff`` (``surrogateescape``). SQLite cannot bind such a string (the
driver raises ``UnicodeEncodeError``), so everything the vault stores goes
through one of these first:

* JSON values are written with ``ensure_ascii=False`` (readable, compact),
  and with ``\\u`` escapes only when that text is not valid UTF-8: lossless,
  they read back identical;
* labels (a file name, a display label) have their lone surrogates written
  as ``\\udcff`` escapes: a label is for reading, not for lookup;
* keys and ids, which are looked up again, are refused instead (an escaped
  key would not match the next lookup).
"""

from __future__ import annotations

import json
from typing import Any

from wallet.errors import UsageError


def is_storable(text: str) -> bool:
    """Whether SQLite can store ``text`` as it is (valid UTF-8, no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class JsonText(str):
    """JSON text already made by :func:`json_text`, stored as it is.

    A big import serialises each credential in the worker process that
    verified it (``wallet.app.import_pool``), so the one process that writes
    the vault does not do it again, and text travels between processes more
    cheaply than nested dicts.
    """


def json_text(value: Any, *, sort_keys: bool = False) -> str:
    """``value`` as JSON text SQLite can store; TypeError/ValueError if it is not JSON."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=sort_keys)
    if is_storable(text):
        return text
    return json.dumps(value, ensure_ascii=True, sort_keys=sort_keys)


def label(text: str) -> str:
    """A display label with any lone surrogate written as a ``\\uXXXX`` escape."""
    if is_storable(text):
        return text
    return "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in text)


def key(text: str, what: str) -> str:
    """A key or id to store and look up again; UsageError if it cannot be stored as it is."""
    if not is_storable(text):
        raise UsageError(f"the {what} holds a lone UTF-16 surrogate (not valid Unicode) and cannot be stored")
    return text
