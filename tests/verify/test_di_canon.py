"""JCS fast path equals the RFC 8785 reference; RDFC basics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.verify.canon import canonicalize_quads
from wallet.verify.jcs import jcs
from wallet.verify.nquads import parse_nquads

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=examples(300), deadline=None)
@given(_json)
def test_jcs_fast_path_matches_reference(value) -> None:
    try:
        expected = rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, UnicodeEncodeError, ValueError):  # refused: so must we
        with pytest.raises((rfc8785.CanonicalizationError, UnicodeEncodeError, ValueError)):
            jcs(value)
        return
    assert jcs(value) == expected


def test_jcs_on_corpus_documents(corpus_dir: Path) -> None:
    for path in sorted(corpus_dir.glob("*.json"))[:40]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert jcs(doc) == rfc8785.dumps(doc)


def test_canonicalization_is_idempotent() -> None:
    text = '_:a <urn:p> _:b .\n_:b <urn:p> "x"@en .\n<urn:s> <urn:q> _:a <urn:g> .\n'
    once = canonicalize_quads(parse_nquads(text))
    assert canonicalize_quads(parse_nquads(once)) == once
