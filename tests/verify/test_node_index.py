"""The node map's indexed duplicate check gives exactly pyld's answers (wallet.verify.node_index).

Dropping a value pyld would keep would drop data from what a signature
covers, so the indexed ``has_value`` is compared with pyld's own on random
sequences of additions, as the node map makes them.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.verify import node_index

_PYLD = node_index._PYLD_HAS_VALUE

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 2), st.sampled_from([0.0, 1.0, -0.0, 1.5]),
    st.sampled_from(["", "a", "b", "_:b0", "urn:x", "1", "true"]),
)
_values = st.one_of(
    _scalars,
    st.builds(lambda v, t, lang, i: {k: x for k, x in (("@value", v), ("@type", t), ("@language", lang), ("@index", i)) if x is not None or k == "@value"},
              _scalars, st.sampled_from([None, "urn:t", "@json"]), st.sampled_from([None, "en", "sl"]), st.sampled_from([None, "i"])),
    st.builds(lambda v: {"@value": v, "@type": "@json"}, st.lists(_scalars, max_size=2)),  # unhashable literal
    st.builds(lambda i: {"@id": i}, st.sampled_from(["urn:a", "urn:b", "_:b0", "_:b1"])),
    st.builds(lambda i: {"@id": i, "@type": ["urn:T"]}, st.sampled_from(["urn:a", "_:b0"])),
    st.just({"@list": []}),
    st.builds(lambda v: {"@value": v, "@id": "urn:a"}, _scalars),  # malformed, but pyld compares it
)


def _add_all(items: list[Any], indexed: bool) -> tuple[list[bool], list[Any]]:
    """Add ``items`` one by one as the node map does (allowDuplicate false); the answers and the result."""
    subject: dict[str, Any] = {"p": []}
    answers = []
    context = node_index.indexing() if indexed else _Nothing()
    with context:
        for item in items:
            found = node_index.has_value(subject, "p", item)
            answers.append(found)
            if not found:
                subject["p"].append(item)
    return answers, subject["p"]


class _Nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        return None


@settings(max_examples=examples(300))
@given(st.lists(_values, min_size=0, max_size=60), st.integers(0, 3))
def test_indexed_has_value_answers_like_pyld(items: list[Any], repeat: int) -> None:
    items = items + items[: repeat * 7]  # duplicates, including of the very same objects
    indexed, kept = _add_all(items, indexed=True)
    plain, kept_plain = _add_all(items, indexed=False)
    assert indexed == plain
    assert kept == kept_plain


def test_answers_match_pyld_on_a_long_array_one_call_at_a_time() -> None:
    subject = {"p": [{"@value": str(i)} for i in range(40)] + [{"@id": f"urn:{i}"} for i in range(40)] + ["x", 1, True]}
    probes = [{"@value": "3"}, {"@value": 3}, {"@value": "3", "@language": "en"}, {"@id": "urn:7"}, {"@id": "urn:99"},
              "x", "y", 1, 1.0, True, False, {"@list": []}, subject["p"][0], {"@value": [1], "@type": "@json"}]
    with node_index.indexing():
        for probe in probes:
            assert node_index.has_value(subject, "p", probe) == _PYLD(subject, "p", probe), probe


def test_an_array_changed_in_place_never_gives_a_false_duplicate() -> None:
    """pyld only appends; were an array changed in place, a stale index may miss (keeping a duplicate,
    an extra statement that fails the signature) but must never report a value that is not there."""
    subject: dict[str, Any] = {"p": [{"@id": f"urn:{i}"} for i in range(20)]}
    with node_index.indexing():
        assert node_index.has_value(subject, "p", {"@id": "urn:5"})
        subject["p"][5] = {"@id": "urn:other"}
        for probe in ({"@id": "urn:5"}, {"@id": "urn:other"}, {"@id": "urn:6"}):
            if node_index.has_value(subject, "p", probe):
                assert _PYLD(subject, "p", probe), probe
        assert not node_index.has_value(subject, "p", {"@id": "urn:5"})
