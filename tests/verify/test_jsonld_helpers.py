"""The faster stand-ins for pyld's helpers (wallet.verify.jsonld) give pyld's own results.

Why: they replace functions inside pyld that run for nearly every term of
every credential; a difference would change what a credential means.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
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


# Values of every JSON type, plus the edge cases of float(): numeric strings in every spelling
# float() accepts (signs, exponents, underscores, spaces, inf/nan, Unicode digits), huge integers.
NUMBERS_AS_TEXT = st.one_of(
    st.from_regex(r"\s?[+-]?([0-9_]{0,4}\.?[0-9_]{0,3}([eE][+-]?[0-9]{1,3})?|inf|Infinity|nan|NaN|iNF)\s?", fullmatch=True),
    st.text(alphabet="0123456789+-._eEinftyaINFTYA \t\n\x1c\u0663\u00a0\u2003x:/", max_size=10),
    st.sampled_from(["1", " 1 ", "1_000", "1__0", "_1", "1e5", "1e400", "-inf", "nan", "\u0661\u0662", "1\x00",
                     "2024-01-01T00:00:00Z", "https://example.org/1", "", " ", "0x10", "1j", "١.٥"]),
)
VALUES = st.one_of(
    JSON, NUMBERS_AS_TEXT, st.text(), st.floats(), st.integers(), st.integers(min_value=2**1000, max_value=2**1100),
    st.integers(max_value=-(2**1020), min_value=-(2**1030)), st.sampled_from([2**1023, -(2**1023), 2**1024 - 1]),
    st.builds(wj.jsonld.frozendict, st.dictionaries(st.sampled_from(["@value", "@list", "@id"]), st.integers())),
    st.dictionaries(st.sampled_from(["@value", "@list", "@id", "x"]), st.integers(), max_size=3),
    st.decimals(allow_nan=False), st.fractions(), st.complex_numbers(max_magnitude=4), st.binary(max_size=4),
)


def _outcome(function: object, value: object) -> tuple[str, object]:
    """What a predicate returned, or which exception it raised (the stand-ins must raise alike)."""
    try:
        return ("returned", function(value))  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - the exception type is what is compared
        return ("raised", type(exc))


EDGE_CASES = [1.5, 2.0, -0.0, float("nan"), float("inf"), 10**400, -(10**400), 2**1023, 2**1024, 2**1024 - 1, 3, True,
              None, " 1 ", "\t-1.5e3\n", "1_000", "1__0", "Infinity", "nan", "\u0663", "\x1c1", "1 2", "x", "",
              Decimal("1.5"), Decimal("2"), Fraction(3, 2), 1j, b"1", [], {}, {"@value": 1}, {"@list": []}]


@settings(max_examples=examples(500))
@given(VALUES)
def test_value_predicates_agree_with_pyld(value: object) -> None:
    for name in ("_is_numeric", "_is_integer", "_is_double", "_is_value", "_is_list"):
        ours = _outcome(getattr(wj.jsonld, name), value)
        theirs = _outcome(wj.PYLD_ORIGINALS[name], value)
        assert ours == theirs, name
        assert type(ours[1]) is type(theirs[1]), name


def test_value_predicates_agree_with_pyld_on_edge_cases() -> None:
    for value in EDGE_CASES:
        test_value_predicates_agree_with_pyld.hypothesis.inner_test(value)  # type: ignore[attr-defined]


@given(IRIS)
def test_absolute_iri_memo_gives_the_same_match_twice(value: object) -> None:
    first, second = wj._is_absolute_iri(value), wj._is_absolute_iri(value)
    original = wj.PYLD_ORIGINALS["_is_absolute_iri"](value)
    assert type(first) is type(second) is type(original)
    if original:
        assert first.group(0) == second.group(0) == original.group(0)
        assert first.groups() == original.groups()


def test_pyld_uses_every_stand_in() -> None:
    for name in wj.PYLD_ORIGINALS:
        assert getattr(wj.jsonld, name) is not wj.PYLD_ORIGINALS[name], name
        assert getattr(wj.jsonld, name).__module__ == "wallet.verify.pyld_stand_ins", name
        assert wj.PYLD_ORIGINALS[name].__module__ == "pyld.jsonld", name


ITEMS = st.one_of(st.sampled_from(["a", "b", 1, True, None]), st.builds(dict, st.just([("@id", "urn:x")])),
                  st.builds(lambda v: {"@value": v}, st.sampled_from(["a", 1, 1.0, True])))
OPTIONS = st.one_of(st.none(), st.fixed_dictionaries({}, optional={
    "propertyIsArray": st.sampled_from([True, False, 0, 1]), "valueIsArray": st.sampled_from([True, False, 0]),
    "allowDuplicate": st.sampled_from([True, False, None]), "other": st.just(1)}))


@settings(max_examples=examples(500))
@given(subject=st.dictionaries(st.sampled_from(["p", "q"]), st.one_of(ITEMS, st.lists(ITEMS, max_size=4)), max_size=2),
       prop=st.sampled_from(["p", "q", "r"]), value=st.one_of(ITEMS, st.lists(st.one_of(ITEMS, st.lists(ITEMS, max_size=2)),
                                                                             max_size=4)),
       options=OPTIONS)
@example(subject={"p": "a"}, prop="p", value="a", options={"propertyIsArray": True, "allowDuplicate": False})
@example(subject={"p": "a"}, prop="p", value=["a", "b"], options={"allowDuplicate": False})
@example(subject={}, prop="p", value=[], options={"propertyIsArray": True})
def test_add_value_agrees_with_pyld(subject: dict, prop: str, value: object, options: dict | None) -> None:
    ours_subject, ours_options = copy.deepcopy(subject), copy.deepcopy(options)
    theirs_subject, theirs_options = copy.deepcopy(subject), copy.deepcopy(options)
    ours_value, theirs_value = copy.deepcopy(value), copy.deepcopy(value)
    ours = _outcome(lambda _: wj.jsonld.JsonLdProcessor.add_value(ours_subject, prop, ours_value, ours_options), None)
    theirs = _outcome(lambda _: wj.PYLD_METHOD_ORIGINALS["add_value"](theirs_subject, prop, theirs_value,
                                                                        theirs_options), None)
    assert ours == theirs
    assert repr(ours_subject) == repr(theirs_subject)  # repr: True and 1 must not pass for each other
    assert repr(ours_options) == repr(theirs_options)


CONTEXT_ENTRIES = st.one_of(st.none(), st.dictionaries(st.sampled_from(["@id", "@type", "@language", "@direction"]),
                                                       st.sampled_from(["x", None, "@id"]), max_size=3))


@settings(max_examples=examples(300))
@given(ctx=st.fixed_dictionaries({"mappings": st.dictionaries(st.sampled_from(["a", "b", "@type"]), CONTEXT_ENTRIES)},
                                 optional={"@language": st.sampled_from(["en", None]), "@direction": st.just("ltr")}),
       key=st.sampled_from(["a", "b", "c", "@type", None]),
       type_=st.sampled_from([None, "@id", "@type", "@language", "@direction", "@container"]))
def test_get_context_value_agrees_with_pyld(ctx: dict, key: str | None, type_: str | None) -> None:
    ours = wj.jsonld.JsonLdProcessor.get_context_value(ctx, key, type_)
    assert ours is wj.PYLD_METHOD_ORIGINALS["get_context_value"](ctx, key, type_)


def test_pyld_uses_the_method_stand_ins() -> None:
    for name in wj.PYLD_METHOD_ORIGINALS:
        ours = getattr(wj.jsonld.JsonLdProcessor, name)
        assert ours is not wj.PYLD_METHOD_ORIGINALS[name]
        assert ours.__module__ == "wallet.verify.pyld_stand_ins", name
        assert wj.PYLD_METHOD_ORIGINALS[name].__module__ == "pyld.jsonld", name


CONTEXTS = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=6)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4),
                            st.builds(wj.jsonld.frozendict, st.dictionaries(st.text(max_size=3), inner, max_size=3)),
                            st.tuples(inner), st.sets(st.integers(), max_size=2)),
    max_leaves=20,
)


@given(CONTEXTS)
def test_context_key_encoder_is_json_dumps(value: object) -> None:
    """The prebuilt encoder that keys processed contexts writes what the json.dumps call it replaced wrote."""
    def dumps(v: object) -> str:
        return json.dumps(v, sort_keys=True, default=lambda o: dict(o) if isinstance(o, wj.Mapping) else str(o))

    assert _outcome(wj._CONTEXT_ENCODER.encode, value) == _outcome(dumps, value)
