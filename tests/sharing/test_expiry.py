"""Share lifetimes: 30 days by default, never more than 365 (the share-service design in docs/SHARE_SERVICE.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from wallet.errors import UsageError
from wallet.sharing.expiry import DEFAULT_EXPIRES, expiry_time, format_instant, parse_duration

NOW = datetime(2026, 11, 24, 6, 0, 30, 123456, tzinfo=UTC)


@pytest.mark.parametrize("text, delta", [("30d", timedelta(days=30)), ("12h", timedelta(hours=12)),
                                         ("2w", timedelta(weeks=2)), ("90m", timedelta(minutes=90)),
                                         (" 365D ", timedelta(days=365))])
def test_durations(text: str, delta: timedelta) -> None:
    assert parse_duration(text) == delta


@pytest.mark.parametrize("text", ["", "30", "d", "-1d", "0d", "366d", "53w", "1y", "1.5d", "30 days"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(UsageError):
        parse_duration(text)


def test_expiry_time_is_whole_seconds_utc() -> None:
    assert DEFAULT_EXPIRES == "30d"
    when = expiry_time("30d", NOW)
    assert when == datetime(2026, 12, 24, 6, 0, 30, tzinfo=UTC)
    assert format_instant(when) == "2026-12-24T06:00:30Z"
