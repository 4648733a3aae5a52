"""Validity periods: VC 2.0 validFrom/validUntil, VC 1.1 issuanceDate/expirationDate, JWT nbf/exp.

Why one module: every format has a "not before" and a "not after"; the
verdict must treat them identically (same clock, same 300 s skew as the
reference libraries) and explain them in the same words. Times are compared
as aware UTC datetimes; a date without a time zone is read as UTC, as the
reference peer does, but an unparseable date is a failure, not a pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from wallet.model import Check, CheckStatus
from wallet.verify.context import VerificationContext

# XML Schema dateTime as VCDM 2.0 requires it (time zone optional).
_DATETIME = re.compile(
    r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$",
    re.IGNORECASE,
)


_FRACTION = re.compile(r"\.(\d+)")  # compiled once: parse_datetime runs several times per credential


class BadDate(ValueError):
    """A date that is not an XML Schema dateTime."""


def parse_datetime(value: Any) -> datetime:
    """An aware UTC datetime from an XML Schema dateTime string (BadDate otherwise)."""
    if not isinstance(value, str) or not _DATETIME.match(value):
        raise BadDate(f"{value!r} is not a date and time")
    text = value.upper()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    frac = _FRACTION.search(text)
    if frac and len(frac.group(1)) > 6:
        text = text.replace(frac.group(0), "." + frac.group(1)[:6])
    text = text.replace(":60", ":59")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise BadDate(f"{value!r} is not a date and time") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def from_epoch(value: Any) -> datetime:
    """A JWT NumericDate (seconds since the epoch) as an aware datetime."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadDate(f"{value!r} is not a number of seconds")
    return datetime.fromtimestamp(value, tz=UTC)


@dataclass(frozen=True)
class Window:
    """A validity window; either end may be open."""

    not_before: datetime | None
    not_after: datetime | None


def window_of(document: Mapping[str, Any]) -> Window:
    """The window a VC 1.1 or 2.0 credential (or presentation) states."""
    start = document.get("validFrom", document.get("issuanceDate"))
    end = document.get("validUntil", document.get("expirationDate"))
    return Window(
        parse_datetime(start) if start is not None else None,
        parse_datetime(end) if end is not None else None,
    )


def _fmt(moment: datetime) -> str:
    """``moment.strftime("%Y-%m-%d %H:%M UTC")``; formatted directly (strftime is slow) for 4-digit years."""
    if moment.year < 1000:  # platforms differ in padding such years: keep strftime's own answer
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"{moment.year}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d} UTC"


def window_check(window: Window, ctx: VerificationContext, what: str = "credential") -> Check:
    """PASSED inside the window (with the skew), FAILED before or after it."""
    now = ctx.now if ctx.now.tzinfo else ctx.now.replace(tzinfo=UTC)
    skew = timedelta(seconds=ctx.clock_skew_seconds)
    if window.not_before is not None and now + skew < window.not_before:
        return Check("validity", CheckStatus.FAILED, f"The {what} is not valid yet: it starts on {_fmt(window.not_before)}.")
    if window.not_after is not None and now - skew > window.not_after:
        return Check("validity", CheckStatus.FAILED, f"The {what} expired on {_fmt(window.not_after)}.")
    if window.not_after is not None:
        return Check("validity", CheckStatus.PASSED, f"The {what} is valid until {_fmt(window.not_after)}.")
    return Check("validity", CheckStatus.PASSED, f"The {what} is valid and has no expiry date.")


def validity_check(document: Mapping[str, Any], ctx: VerificationContext, what: str = "credential") -> Check:
    """The 'validity' check of a JSON credential, failing on unreadable dates."""
    try:
        window = window_of(document)
    except BadDate as exc:
        return Check("validity", CheckStatus.FAILED, f"The {what}'s validity dates cannot be read: {exc}.")
    return window_check(window, ctx, what)


def jwt_window(claims: Mapping[str, Any]) -> Window:
    """The window of JWT claims nbf/exp (for the JOSE verifier)."""
    nbf = claims.get("nbf")
    exp = claims.get("exp")
    return Window(from_epoch(nbf) if nbf is not None else None, from_epoch(exp) if exp is not None else None)
