"""base64url (RFC 4648 section 5), the JOSE/JSON-LD encoding of bytes, in one place.

``b64url_decode`` is strict (RFC 7515 section 2: no padding, no standard
alphabet, no whitespace) and says why it refuses; signatures, keys and JWS
parts must be exactly one encoding of their bytes. ``b64url_decode_lenient``
accepts padding, for the few places where producers are known to add it
(status lists, ``did:jwk``).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

import pybase64

from wallet.errors import InputError

_NOT_STRICT = "+/= \n\r\t"


def _b64url_refusal(text: str, what: str) -> InputError:
    """Why ``text`` is not strict base64url, checked in the documented order."""
    if any(c in text for c in _NOT_STRICT):
        return InputError(f"The {what} is not strict base64url.")
    if len(text) % 4 == 1:
        return InputError(f"The {what} has an impossible base64url length.")
    return InputError(f"The {what} is not valid base64url.")


def b64url_decode(text: Any, what: str) -> bytes:
    """Strict base64url without padding (RFC 7515 section 2).

    The refusals, in this order: not a string; a character of standard
    base64, padding or whitespace ("not strict"); an impossible length; any
    other non-alphabet character ("not valid"). Valid text takes the fast
    path: three ``in`` tests for the characters the strict decoder would
    accept but we refuse (``+``, ``/``, ``=``), then pybase64's validating
    decoder (SIMD; ten times ``binascii``'s speed on a JWT payload), which
    refuses everything else; any refusal is then explained by
    :func:`_b64url_refusal`. The result is what ``base64.b64decode(...,
    altchars=b"-_", validate=True)`` gives (``tests/util/test_b64.py``
    compares the two).
    """
    if not isinstance(text, str):
        raise InputError(f"The {what} is not a base64url string.")
    if not text.isascii():
        raise _b64url_refusal(text, what)
    data = text.encode("ascii")
    if b"+" in data or b"/" in data or b"=" in data or len(data) % 4 == 1:
        raise _b64url_refusal(text, what)
    try:
        return pybase64.b64decode(data + b"=" * (-len(data) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _b64url_refusal(text, what) from exc


def b64url_encode(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")



def b64url_decode_lenient(text: str, what: str = "value") -> bytes:
    """base64url with or without padding; InputError when it is not base64url at all."""
    if not isinstance(text, str) or not text.isascii():
        raise InputError(f"The {what} is not a base64url string.")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise InputError(f"The {what} is not valid base64url.") from exc
