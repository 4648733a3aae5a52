"""Strict base64url (wallet.util.b64) refuses and accepts exactly what the standard library's strict decoder does.

Why: the fast decoder (pybase64) replaced ``binascii`` in strict mode; a
JWS part must be exactly one encoding of its bytes either way.
"""

from __future__ import annotations

import base64
import binascii

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wallet.errors import InputError
from wallet.util.b64 import b64url_decode, b64url_encode

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _reference(text: str) -> bytes | None:
    """The standard library's answer, with the strict JOSE rules (no '+', '/', '=', no impossible length)."""
    if not text.isascii() or any(c in text for c in "+/=") or len(text) % 4 == 1:
        return None
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except binascii.Error:
        return None


def _ours(text: str) -> bytes | None:
    try:
        return b64url_decode(text, "value")
    except InputError:
        return None


@given(st.text(alphabet=ALPHABET + "+/= \n.~\x00é", max_size=40))
def test_same_as_the_standard_library(text: str) -> None:
    assert _ours(text) == _reference(text)


@given(st.binary(max_size=300))
def test_round_trip(data: bytes) -> None:
    assert b64url_decode(b64url_encode(data), "value") == data


@pytest.mark.parametrize(("text", "why"), [
    ("ab+c", "not strict"), ("ab/c", "not strict"), ("abc=", "not strict"), ("ab c", "not strict"),
    ("abcde", "impossible base64url length"), ("ab.c", "not valid"), ("abé", "not valid"),
])
def test_refusals_say_why(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        b64url_decode(text, "value")
