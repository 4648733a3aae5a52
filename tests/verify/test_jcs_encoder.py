"""The JCS fast path's encoder is exactly ``json.dumps(..., sort_keys=True, separators=(",", ":"),
ensure_ascii=False)``, the call it replaces (issue 17), on any JSON value, and ``jcs`` stays RFC 8785."""

from __future__ import annotations

import json
import math

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.verify.canon import CanonicalizationRefused
from wallet.verify.jcs import _JCS_ENCODER, _orjson, jcs

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


@settings(max_examples=examples(150), deadline=None)
@given(st.dictionaries(st.text(max_size=8), _json, max_size=8))
def test_jcs_is_rfc8785_on_objects(value: dict[str, object]) -> None:
    try:
        expected = rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, UnicodeEncodeError, ValueError):  # refused: so must we
        with pytest.raises(CanonicalizationRefused):
            jcs(value)
        return
    assert jcs(value) == expected


#: The floats the fast path takes (non-integral, 1e-4 <= |x| < 1e16).
_fast_floats = (
    st.floats(min_value=1e-4, max_value=1e16, exclude_max=True) | st.floats(min_value=-1e16, max_value=-1e-4, exclude_min=True)
).filter(lambda x: not x.is_integer())

#: JSON as orjson is asked to write it: any text, integers of any size, floats of the fast path.
_json_fast = st.recursive(
    st.none() | st.booleans() | st.integers() | _fast_floats | st.text(),
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
@given(_json_fast)
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


@settings(max_examples=examples(1000), deadline=None)
@given(_fast_floats)
def test_orjson_writes_floats_as_repr(value: float) -> None:
    assert _orjson(value) == repr(value).encode("ascii") == _expected_bytes(value)


def _neighbours(x: float, count: int) -> list[float]:
    out = [x]
    up = down = x
    for _ in range(count):
        up, down = math.nextafter(up, math.inf), math.nextafter(down, 0.0)
        out += (up, down)
    return out


def test_orjson_writes_floats_near_powers_of_two_and_ten_as_repr() -> None:
    """Where the shortest digits are hardest to get right: the uneven gaps at powers of two, and
    decimal boundaries (100 floats either side of each)."""
    centres = [2.0**e for e in range(-13, 54)] + [m * 10.0**k for k in range(-4, 16) for m in (1.0, 2.5, 5.0, 9.5)]
    values = [y for c in centres for x in _neighbours(c, 100) for y in (x, -x)
              if not y.is_integer() and 1e-4 <= abs(y) < 1e16]
    assert len(values) > 10_000
    assert _orjson(values) == _expected_bytes(values)
