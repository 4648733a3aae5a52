"""The JCS fast path's encoder is exactly ``json.dumps(..., sort_keys=True, separators=(",", ":"),
ensure_ascii=False)``, the call it replaces (issue 17), on any JSON value, and ``jcs`` stays RFC 8785."""

from __future__ import annotations

import json

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.verify.canon import _JCS_ENCODER, CanonicalizationRefused, jcs

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
