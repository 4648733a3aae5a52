"""The JCS fast path's encoder is exactly ``json.dumps(..., sort_keys=True, separators=(",", ":"),
ensure_ascii=False)``, the call it replaces (issue 17), on any JSON value, and ``jcs`` stays RFC 8785."""

from __future__ import annotations

import json

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.verify.canon import _JCS_ENCODER, CanonicalizationRefused, _orjson, jcs

#: JSON as ``json.loads`` returns it: any text (surrogates included), integers of any size,
#: any finite float.
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=40,
)


def _dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=examples(500), deadline=None)
@given(_json)
def test_encoder_is_json_dumps(value: object) -> None:
    assert "".join(_JCS_ENCODER(value, 0)) == _dumps(value)


def test_encoder_is_json_dumps_on_keys_json_accepts() -> None:
    value = {"b": 1, "a": [None, True, 1.5, "é\u2028\x00\x1f\"\\"], "c": {}, "d": []}
    assert "".join(_JCS_ENCODER(value, 0)) == _dumps(value)
    assert "".join(_JCS_ENCODER({1: "x", 2: "y"}, 0)) == _dumps({1: "x", 2: "y"})


@settings(max_examples=examples(300), deadline=None)
@given(st.dictionaries(st.text(max_size=8), _json, max_size=8))
def test_jcs_is_rfc8785_on_objects(value: dict[str, object]) -> None:
    try:
        expected = rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, UnicodeEncodeError, ValueError):  # refused: so must we
        with pytest.raises(CanonicalizationRefused):
            jcs(value)
        return
    assert jcs(value) == expected


#: JSON without floats (the values orjson is used for): any text, integers of any size.
_json_no_floats = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=40,
)


def _expected_bytes(value: object) -> bytes | None:
    """json.dumps' text as UTF-8, or None where it has none (a lone surrogate)."""
    try:
        return _dumps(value).encode("utf-8")
    except UnicodeEncodeError:
        return None


@settings(max_examples=examples(500), deadline=None)
@given(_json_no_floats)
def test_orjson_writes_what_json_dumps_writes_or_refuses(value: object) -> None:
    data = _orjson(value)
    if data is not None:
        assert data == _expected_bytes(value)
    elif _numbers_fit_orjson(value):
        assert _expected_bytes(value) is None  # its only refusal here: a lone surrogate


def _numbers_fit_orjson(value: object) -> bool:
    """All integers fit 64 bits (orjson's own range; jcs never asks it about others)."""
    if isinstance(value, dict):
        return all(map(_numbers_fit_orjson, value.values()))
    if isinstance(value, list):
        return all(map(_numbers_fit_orjson, value))
    return not isinstance(value, int) or -(2**63) <= value < 2**64


@settings(max_examples=examples(300), deadline=None)
@given(st.dictionaries(st.text(alphabet=st.characters(max_codepoint=0x24F) | st.sampled_from("\u2028\u2029\ufeff\ue000\U0001F600"),
                                max_size=6), st.text(max_size=6), max_size=12))
def test_orjson_sorts_keys_as_json_does(value: dict[str, str]) -> None:
    assert _orjson(value) == _expected_bytes(value)


def test_orjson_refusals_fall_back() -> None:
    deep: object = "x"
    for _ in range(300):  # deeper than orjson nests
        deep = [deep]
    assert _orjson(deep) is None
    assert jcs(deep) == rfc8785.dumps(deep)
    assert _orjson({1: "a"}) is None
    assert jcs({"a": 1, "b": {2: "x"}}) == _dumps({"a": 1, "b": {2: "x"}}).encode()  # the C encoder's word, as before
    assert _orjson({"a": "\ud800"}) is None
    with pytest.raises(CanonicalizationRefused):
        jcs({"a": "\ud800"})


def test_every_character_escapes_as_json_does() -> None:
    text = "".join(chr(c) for c in range(0x800)) + "\u2028\u2029\ufffe\uffff\U0010ffff"
    assert _orjson({"k": text, text[:200]: [text]}) == _expected_bytes({"k": text, text[:200]: [text]})
