"""Dates as credentials write them, read one way everywhere.

Two readers on purpose: :func:`parse_datetime` is lenient (ISO dates and
date-times, JWT NumericDates; ``None`` when unreadable) for *showing* dates;
verification uses the strict XML Schema reader in
:mod:`wallet.verify.validity`, where an unreadable date is a failure, not a
missing value. Naive values are taken as UTC, as the reference peer does.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


def numeric_date(value: Any) -> datetime | None:
    """A JWT NumericDate (seconds since the epoch) as an aware datetime; None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def parse_datetime(value: Any) -> datetime | None:
    """XSD dateTime / date, or a JWT NumericDate, as an aware datetime; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return numeric_date(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        parsed = datetime(day.year, day.month, day.day)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
