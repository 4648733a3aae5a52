"""What every OID4VCI step checks in what an issuer sends: URLs, short strings, JSON objects, OAuth errors.

Everything from an issuer is hostile until checked: sizes are capped by the
online client per kind of fetch, and here each value is checked for its type
and length before it is used, so one sentence can say what was wrong.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from wallet.errors import HttpStatusError, InputError, IssuanceError
from wallet.messages import msg
from wallet.online.http import Response
from wallet.online.urls import display_url
from wallet.util.limits import load_json

MAX_TEXT = 2000
MAX_LIST = 100
MAX_CODE = 4096  # codes, tokens, nonces, transaction ids


def text(value: Any, what: str, limit: int = MAX_TEXT, *, required: bool = True) -> str | None:
    """A non-empty string of at most ``limit`` characters (``None`` when absent and not required)."""
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > limit:
        raise InputError(f"The issuer's {what} is missing, not text, or longer than {limit} characters.")
    return value


def code(value: Any, what: str, *, required: bool = True) -> str | None:
    """A code, token or nonce: printable ASCII without spaces."""
    found = text(value, what, MAX_CODE, required=required)
    if found is not None and not (found.isascii() and found.isprintable() and " " not in found):
        raise InputError(f"The issuer's {what} contains characters that are not allowed.")
    return found


def https_url(value: Any, what: str, *, required: bool = True) -> str | None:
    """An absolute https URL without credentials or fragment (the client's rules apply again on fetch)."""
    found = text(value, what, 8192, required=required)
    if found is None:
        return None
    try:
        parts = urlsplit(found)
    except ValueError as exc:
        raise InputError(f"The issuer's {what} is not a URL.") from exc
    if parts.scheme != "https" or not parts.netloc or parts.fragment or "@" in parts.netloc:
        raise InputError(f"The issuer's {what} is not an https URL ({display_url(found)}).")
    return found


def string_list(value: Any, what: str, *, required: bool = False) -> tuple[str, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or len(value) > MAX_LIST or not all(isinstance(v, str) and v for v in value):
        raise InputError(f"The issuer's {what} is not a list of names.")
    if required and not value:
        raise InputError(f"The issuer's {what} is empty.")
    return tuple(value)


def json_object(resp: Response, what: str) -> dict[str, Any]:
    """The body as a JSON object (strict: no duplicate keys, bounded depth)."""
    if resp.media_type not in (None, "application/json") and not (resp.media_type or "").endswith("+json"):
        raise InputError(f"The issuer answered with {resp.media_type} where its {what} (JSON) was expected.")
    obj = load_json(resp.body, what, limit=max(len(resp.body), 1))
    if not isinstance(obj, dict):
        raise InputError(f"The issuer's {what} is not a JSON object.")
    return obj


def oauth_error(exc: HttpStatusError, what: str) -> IssuanceError:
    """An error answer as an :class:`IssuanceError` with the protocol's code (RFC 6749 section 5.2)."""
    error = description = None
    resp = exc.response
    if isinstance(resp, Response) and resp.body:
        try:
            body = load_json(resp.body, "error response", limit=max(len(resp.body), 1))
        except InputError:
            body = None
        if isinstance(body, dict):
            error = body.get("error") if isinstance(body.get("error"), str) else None
            description = body.get("error_description") if isinstance(body.get("error_description"), str) else None
    shown = error[:80] if error else f"HTTP {exc.status}"
    return IssuanceError(f"The issuer refused the {what} ({shown}).", error=error,
                         description=description[:500] if description else None,
                         message=msg("receive.issuer_refused", step=what, error=shown))
