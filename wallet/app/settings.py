"""The vault settings the wallet knows, with their defaults and validation.

Settings live inside the vault (they are the user's, and travel with a
backup). The CLI and the desktop app read and write them through this table,
so a value set in one is understood by the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wallet.app.vault import VaultLike
from wallet.errors import UsageError
from wallet.sharing.expiry import parse_duration


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    help: str
    parse: Callable[[str], Any]


def _duration(text: str) -> str:
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


def _key_policy(text: str) -> str:
    value = text.strip()
    if value not in ("per-issuer", "main"):
        raise UsageError("the key policy is per-issuer (a new key for each issuer's SD-JWT credentials) or main")
    return value


def _server(text: str) -> str:
    value = text.strip().rstrip("/")
    if "#" in value or "?" in value or not re.match(r"^https?://[^\s/@]+(/\S*)?$", value):
        raise UsageError("the share service address must be an https:// URL without '#', '?' or a user name")
    return value


def _fetch_policy(text: str) -> str:
    value = text.strip().lower()
    if value not in ("ask", "always", "never"):
        raise UsageError("online fetching on import is one of: ask, always, never")
    return value


def _switch(text: str) -> bool:
    value = text.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise UsageError("give on or off")


SETTINGS: tuple[Setting, ...] = (
    Setting("share.expires", "30d", "how long a shared bundle is accepted", _duration),
    Setting("share.link_base", "wallet:/open", "the address share links start with", _link_base),
    Setting("share.server", "", "the share service for hosted links (https://…)", _server),
    Setting("ui.credential_languages", ["en"], "preferred languages for credential content", _languages),
    Setting("ui.autolock_minutes", 5, "lock the desktop app after this many idle minutes (0: never)", _minutes),
    Setting("keys.policy", "per-issuer",
            "which key received credentials are bound to: per-issuer (SD-JWT: a key per issuer) or main", _key_policy),
    Setting("online.fetch", "ask", "fetch the evidence new credentials need on import: ask (once per issuer host), "
            "always or never", _fetch_policy),
    Setting("online.offline", False, "offline mode: the wallet never touches the network (on/off)", _switch),
)


def setting(key: str) -> Setting:
    for s in SETTINGS:
        if s.key == key:
            return s
    known = ", ".join(s.key for s in SETTINGS)
    raise UsageError(f"unknown setting {key!r}; known settings: {known}")


def values(vault: VaultLike) -> dict[str, Any]:
    """Every setting's current value (its default when never set)."""
    return {s.key: vault.get_setting(s.key, s.default) for s in SETTINGS}


def set_value(vault: VaultLike, key: str, text: str) -> Any:
    """Validate ``text`` for ``key`` and store it; returns the stored value."""
    spec = setting(key)
    value = spec.parse(text)
    vault.set_setting(spec.key, value)
    return value


def reset(vault: VaultLike, key: str) -> None:
    spec = setting(key)
    vault.set_setting(spec.key, spec.default)


@dataclass(frozen=True)
class Preferences:
    """What the settings dialog edits, read in one go."""

    credential_languages: tuple[str, ...] = ("en",)
    autolock_minutes: int = 5
    share_expires: str = "30d"
    trusted_issuers: tuple[tuple[str, str], ...] = ()
    trust_anchors: tuple[tuple[str, str], ...] = ()  # (sha256, label)
    holder_did: str = ""
    info: dict[str, Any] = field(default_factory=dict)


def load_preferences(vault: VaultLike) -> Preferences:
    current = values(vault)
    langs = current["ui.credential_languages"]
    minutes = current["ui.autolock_minutes"]
    return Preferences(
        credential_languages=tuple(langs) if isinstance(langs, list) and langs else ("en",),
        autolock_minutes=int(minutes) if isinstance(minutes, int) else int(setting("ui.autolock_minutes").default),
        share_expires=str(current["share.expires"]),
        trusted_issuers=tuple(vault.list_trusted_issuers()),
        trust_anchors=tuple((sha, label) for sha, _der, label in vault.list_trust_anchors()),
        holder_did=str(vault.holder_did()),
        info=dict(vault.info()),
    )


def save_preferences(vault: VaultLike, langs: list[str] | tuple[str, ...], autolock: int, expires: str) -> None:
    """Validate every value first, then store them (nothing is stored when one is refused)."""
    parsed = [
        ("ui.credential_languages", setting("ui.credential_languages").parse(",".join(langs))),
        ("ui.autolock_minutes", setting("ui.autolock_minutes").parse(str(autolock))),
        ("share.expires", setting("share.expires").parse(expires)),
    ]
    for key, value in parsed:
        vault.set_setting(key, value)
