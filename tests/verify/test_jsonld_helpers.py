"""The faster stand-ins for pyld's helpers (wallet.verify.jsonld) give pyld's own results.

Why: they replace functions inside pyld that run for nearly every term of
every credential; a difference would change what a credential means.
"""

from __future__ import annotations

import copy
import json

from hypothesis import given
from hypothesis import strategies as st

from wallet.verify import jsonld as wj

IRIS = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9+.\-]{0,8}:[^\s]{0,12}", fullmatch=True),
    st.sampled_from(["@id", "@type", "@vocab", "@nope", "_:b0", "http://a.example/x y", "urn:x\n", "1a:b", "-x:y"]),
    st.integers(), st.none(), st.lists(st.text(max_size=3), max_size=2),
)
JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=30,
)


@given(IRIS)
def test_absolute_iri_and_keyword_agree_with_pyld(value: object) -> None:
    original_iri = wj.PYLD_ORIGINALS["_is_absolute_iri"](value)
    ours_iri = wj._is_absolute_iri(value)
    assert bool(ours_iri) == bool(original_iri)
    if original_iri:
        assert ours_iri.group(0) == original_iri.group(0)
    assert wj._is_keyword(value) == wj.PYLD_ORIGINALS["_is_keyword"](value)


@given(JSON)
def test_json_copy_is_a_deep_copy(value: object) -> None:
    copied = wj._json_copy(value)
    assert json.dumps(copied, sort_keys=True) == json.dumps(copy.deepcopy(value), sort_keys=True)
    if isinstance(value, (dict, list)) and value:
        assert copied is not value
        if isinstance(value, dict):
            assert all(copied[k] is not v for k, v in value.items() if isinstance(v, (dict, list)))


def test_pyld_uses_the_stand_ins() -> None:
    assert wj.jsonld._is_absolute_iri is wj._is_absolute_iri
    assert wj.jsonld._is_keyword is wj._is_keyword
    assert wj.jsonld.copy.deepcopy is wj._json_copy
