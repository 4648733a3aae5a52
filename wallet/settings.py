"""The vault settings the wallet knows, with their defaults and validation.

Settings live inside the vault (they are the user's, and travel with a
backup). The CLI and the desktop app read and write them through this table,
so a value set in one is understood by the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wallet.errors import UsageError


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    help: str
    parse: Callable[[str], Any]


def _duration(text: str) -> str:
    from wallet.sharing.expiry import parse_duration

    parse_duration(text)  # raises UsageError with the reason
    return text.strip()


def _languages(text: str) -> list[str]:
    langs = [t.strip() for t in text.split(",") if t.strip()]
    if not langs or not all(re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", t) for t in langs):
        raise UsageError("give language tags separated by commas, e.g. sl,en")
    return langs


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise UsageError("give a whole number of minutes (0 turns auto-lock off)") from exc
    if not 0 <= value <= 24 * 60:
        raise UsageError("auto-lock minutes must be between 0 and 1440")
    return value


def _link_base(text: str) -> str:
    value = text.strip()
    if "#" in value or not re.match(r"^(wallet:|https://)\S+$", value):
        raise UsageError("the link base must start with wallet: or https:// and contain no '#'")
    return value


SETTINGS: tuple[Setting, ...] = (
    Setting("share.expires", "30d", "how long a shared bundle is accepted", _duration),
    Setting("share.link_base", "wallet:/open", "the address share links start with", _link_base),
    Setting("ui.credential_languages", ["en"], "preferred languages for credential content", _languages),
    Setting("ui.autolock_minutes", 5, "lock the desktop app after this many idle minutes (0: never)", _minutes),
)


def setting(key: str) -> Setting:
    for s in SETTINGS:
        if s.key == key:
            return s
    known = ", ".join(s.key for s in SETTINGS)
    raise UsageError(f"unknown setting {key!r}; known settings: {known}")
