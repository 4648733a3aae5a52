"""wallet.util.b58.b58decode is byte for byte base58.b58decode (the library it replaces on the proof path)."""

from __future__ import annotations

import base58
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.util.b58 import ALPHABET, b58decode


@settings(max_examples=examples(500), deadline=None)
@given(st.binary(max_size=200))
def test_round_trip_of_any_bytes(data: bytes) -> None:
    text = base58.b58encode(data).decode("ascii")
    assert b58decode(text) == data == base58.b58decode(text)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300), st.sampled_from(["", "\n", " ", "\t\r\n"]))
def test_any_digit_string_decodes_as_the_library_does(text: str, tail: str) -> None:
    assert b58decode(text + tail) == base58.b58decode(text + tail)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_refused_or_decoded_as_the_library_does(text: str) -> None:
    try:
        expected = base58.b58decode(text)
    except ValueError:
        with pytest.raises(ValueError):
            b58decode(text)
        return
    assert b58decode(text) == expected


@pytest.mark.parametrize("text", ["", "1", "11", "2", "z", "1z", "z" * 64, "1" * 5 + "z" * 87, "zzz\n"])
def test_edges(text: str) -> None:
    assert b58decode(text) == base58.b58decode(text)


@pytest.mark.parametrize("text", ["0", "O", "I", "l", "z0", "é", "z\u0100", "+", "z z"])
def test_non_digits_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        base58.b58decode(text)
    with pytest.raises(ValueError):
        b58decode(text)
