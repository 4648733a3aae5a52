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

from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus
from wallet.util.frozen import fast_init
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


@fast_init
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


#: Message ids per subject: Slovenian inflects the verb by the subject's gender,
#: so "the {what} expired" is one message per subject, not one with a noun slot.
_WORDS: dict[str, tuple[str, str, str, str, str]] = {
    "credential": ("validity.not_yet", "validity.expired", "validity.until", "validity.open", "validity.unreadable"),
    "presentation": ("validity.presentation.not_yet", "validity.presentation.expired", "validity.presentation.until",
                     "validity.presentation.open", "validity.presentation.unreadable"),
    "status list": ("validity.status_list.not_yet", "validity.status_list.expired", "validity.status_list.until",
                    "validity.status_list.open", "validity.status_list.unreadable"),
    "signature": ("validity.signature.not_yet", "validity.signature.expired", "validity.signature.until",
                  "validity.signature.open", "validity.signature.unreadable"),
}


def window_check(window: Window, ctx: VerificationContext, what: str = "credential") -> Check:
    """PASSED inside the window (with the skew), FAILED before or after it."""
    not_yet, expired, until, open_ended, _ = _WORDS[what]
    now = ctx.now if ctx.now.tzinfo else ctx.now.replace(tzinfo=UTC)
    skew = timedelta(seconds=ctx.clock_skew_seconds)
    if window.not_before is not None and now + skew < window.not_before:
        return Check(CheckId.VALIDITY, CheckStatus.FAILED, msg(not_yet, start=window.not_before))
    if window.not_after is not None and now - skew > window.not_after:
        return Check(CheckId.VALIDITY, CheckStatus.FAILED, msg(expired, end=window.not_after))
    if window.not_after is not None:
        return Check(CheckId.VALIDITY, CheckStatus.PASSED, msg(until, end=window.not_after))
    return Check(CheckId.VALIDITY, CheckStatus.PASSED, msg(open_ended))


def validity_check(document: Mapping[str, Any], ctx: VerificationContext, what: str = "credential") -> Check:
    """The 'validity' check of a JSON credential, failing on unreadable dates."""
    try:
        window = window_of(document)
    except BadDate as exc:
        return Check(CheckId.VALIDITY, CheckStatus.FAILED, msg(_WORDS[what][4], detail=str(exc)))
    return window_check(window, ctx, what)


def jwt_window(claims: Mapping[str, Any]) -> Window:
    """The window of JWT claims nbf/exp (for the JOSE verifier)."""
    nbf = claims.get("nbf")
    exp = claims.get("exp")
    return Window(from_epoch(nbf) if nbf is not None else None, from_epoch(exp) if exp is not None else None)
