"""How long a shared bundle stays acceptable: ``30d`` style durations.

A share is a snapshot the learner hands out; a short life limits the damage
of a link that travels further than intended (the share-service design in docs/SHARE_SERVICE.md: 30 days
by default, never more than 365). The same parser serves the CLI and the GUI.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from wallet.errors import UsageError

#: The default life of a bundle when neither the user nor the settings say.
DEFAULT_EXPIRES = "30d"
#: Setting key in the vault that overrides :data:`DEFAULT_EXPIRES`.
SETTING_KEY = "share.expires"
#: Hard ceiling: a share older than a year is refused (the input limits in wallet/util/limits.py).
MAX_LIFETIME = timedelta(days=365)

_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_PATTERN = re.compile(r"^\s*(\d{1,6})\s*([mhdw])\s*$", re.IGNORECASE)


def parse_duration(text: str) -> timedelta:
    """``90m``, ``12h``, ``30d``, ``2w`` → timedelta; anything else is a UsageError."""
    match = _PATTERN.match(text or "")
    if not match:
        raise UsageError(
            f"expiry {text!r} is not a duration like 30d, 12h, 2w or 90m"
        )
    amount, unit = int(match.group(1)), match.group(2).lower()
    duration = timedelta(seconds=amount * _UNITS[unit])
    if duration <= timedelta(0):
        raise UsageError("the expiry must be longer than zero")
    if duration > MAX_LIFETIME:
        raise UsageError("a share can live at most 365 days (365d)")
    return duration


def expiry_time(text: str, now: datetime | None = None) -> datetime:
    """The moment a bundle made ``now`` with life ``text`` stops being acceptable.

    Rounded down to whole seconds, because XSD dateTimeStamp values with
    microseconds are legal but some verifiers compare them as strings.
    """
    start = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return start + parse_duration(text)


def format_instant(value: datetime) -> str:
    """An aware datetime as ``YYYY-MM-DDThh:mm:ssZ`` (the form VC proofs use)."""
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
