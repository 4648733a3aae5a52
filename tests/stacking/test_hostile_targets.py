"""Hostile target files and credentials: every one gives an InputError or a sound result, never a crash.

The first classes were found by mutation fuzzing of target files (an
``OverflowError`` from a huge ``maxAge``, a ``TypeError`` from a regex over a
non-string ELM value); the others are their siblings, found by reading the
loaders and by a local fuzz run (see the issue-11 notes in CHANGELOG.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from stack_helpers import NOW, cand, comp, target

from wallet.app.stacking import target_document_from_file
from wallet.errors import InputError
from wallet.stacking import load_target, progress
from wallet.stacking.elm_import import target_document_from_elm
from wallet.stacking.patterns import MAX_PATTERN_TEXT, check_title_pattern
from wallet.stacking.target import MAX_AGE_DAYS, parse_max_age


def minimal(**match: Any) -> dict[str, Any]:
    return {
        "id": "urn:test:t",
        "title": {"en": "T"},
        "components": [{"id": "a", "title": {"en": "A"}, "match": match or {"identifiers": ["x"]}}],
    }


def load_file(tmp_path: Path, text: str | bytes) -> None:
    """What ``wallet target add FILE`` does before storing: read, recognise, validate."""
    file = tmp_path / "target.json"
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    load_target(target_document_from_file(file))


# -- maxAge -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "value", [10**20, 999_999_999, MAX_AGE_DAYS + 1, "P99999999999Y", "P3000Y", "P1" + "0" * 30 + "D", "P" + "9" * 60 + "D"]
)
def test_a_huge_max_age_is_an_input_error_not_an_overflow(value: Any) -> None:
    with pytest.raises(InputError, match="maxAge"):
        parse_max_age(value)
    with pytest.raises(InputError, match="maxAge"):
        load_target(minimal(maxAge=value))


def test_the_longest_max_age_accepted_still_computes_progress() -> None:
    assert parse_max_age(MAX_AGE_DAYS) == timedelta(days=MAX_AGE_DAYS)
    assert parse_max_age("P1000Y") == timedelta(days=MAX_AGE_DAYS)
    t = target([comp("a", maxAge="P1000Y", identifiers=["A"])])
    assert progress(t, [cand("A", spec="A")], NOW).components_met == 1


@pytest.mark.parametrize("value", [1.5, None, ["P5Y"], {"y": 5}, True])
def test_max_age_of_another_type_is_an_input_error(value: Any) -> None:
    with pytest.raises(InputError, match="maxAge"):
        parse_max_age(value)


# -- title patterns ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("a{4294967296}", "not a usable regular expression"),  # OverflowError from re.compile
        ("x{99999999999999999999}", "not a usable regular expression"),
        ("(a+)+$", "repeat inside a repeat"),
        ("(?:\\w+\\s?)*$", "repeat inside a repeat"),
        ("(a|aa)+$", "alternation inside a repeat"),
        ("(a)\\1", "back-references"),
        ("(a)?(?(1)b|c)", "back-references"),
        ("[^z]*[^z]*[^z]*z", "at most 2 unbounded repeats"),
        ("(unclosed", "not a valid regular expression"),
    ],
)
def test_slow_or_broken_title_patterns_are_refused(pattern: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        check_title_pattern(pattern, "titlePattern")
    with pytest.raises(InputError, match=expected):
        load_target(minimal(titlePattern=pattern))


@pytest.mark.parametrize("pattern", [r"\bdata\b.*\bscience\b", r"^Further education", r"(?:data|statistics)\b",
                                     r"[A-Z]{2,5}-\d+", r"\bmodule\s+\d{1,3}\b.*ECTS", r"(?i)ethik|ethics"])
def test_ordinary_title_patterns_are_accepted(pattern: str) -> None:
    check_title_pattern(pattern, "titlePattern")
    load_target(minimal(titlePattern=pattern))


def test_a_pattern_sees_only_the_start_of_a_long_title() -> None:
    """A title's first MAX_PATTERN_TEXT characters, both in the index and in the exact check."""
    long_title = "x" * (MAX_PATTERN_TEXT + 50) + " data science"
    t = target([comp("late", titlePattern="data science"), comp("early", titlePattern="^x+")])
    p = progress(t, [cand("A", title=long_title, spec="A")], NOW)
    assert [a.credential_id for a in p.allocations["early"]] == ["A"]
    assert p.allocations["late"] == ()


# -- numbers, text and nesting that JSON Schema lets through -----------------------------------------------

def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        node: Any = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


@pytest.mark.parametrize(
    "change",
    [
        _set(("components", 0, "credits"), float("nan")),
        _set(("components", 0, "requiredCredits"), float("nan")),
        _set(("components", 0, "match", "minCredits"), float("nan")),
        _set(("total",), {"amount": float("nan")}),
        _set(("total",), {"amount": float("inf")}),
        _set(("id",), "urn:\ud800"),
        _set(("title",), {"en": "half a \udcff pair"}),
        _set(("components", 0, "match", "identifiers"), ["\ud83d"]),
        _set(("components", 0, "match", "titlePattern"), "\ud800"),
    ],
)
def test_nan_and_lone_surrogates_are_input_errors(change: Callable[[dict[str, Any]], None]) -> None:
    doc = minimal()
    change(doc)
    with pytest.raises(InputError, match="finite number|surrogate"):
        load_target(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (json.dumps(minimal()).replace('"x"', "NaN"), "not usable JSON"),
        ('{"id": "t", "total": {"amount": Infinity}}', "not usable JSON"),
        ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
        ('{"id": ' + "9" * 5000 + "}", "not usable JSON"),  # Python refuses ints over 4,300 digits
        (json.dumps(minimal(maxAge=1)).replace('"maxAge": 1', '"maxAge": ' + "9" * 400), "maxAge"),
        ('{"id": "t", "title": {"en": "t"}, "source": ' + '{"a": ' * 80 + "1" + "}" * 80 + "}", "nested more than"),
    ],
)
def test_hostile_target_files_are_input_errors(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        load_file(tmp_path, text)


# -- ELM documents -----------------------------------------------------------------------------------

def elm_spec(**extra: Any) -> dict[str, Any]:
    return {"type": "Qualification", "id": "urn:spec", "title": {"en": "Qual"}, **extra}


@pytest.mark.parametrize(
    "extra",
    [
        {"eqfLevel": {"id": 5}},  # a regex over a number: TypeError before
        {"eqfLevel": [{"id": ["http://data.europa.eu/snb/eqf/5"]}, 7]},
        {"nqfLevel": {"id": 12}, "dcType": [{"id": {"x": 1}}]},
        {"creditPoint": {"point": ["6"], "framework": {"id": "http://data.europa.eu/snb/education-credit/6fcec5c5af"}}},
        {"creditPoint": {"point": "1e999", "framework": {"prefLabel": {"en": "ECTS"}}}},
        {"creditPoint": {"point": "nan", "framework": {"prefLabel": {"en": "ECTS"}}}},
        {"volumeOfLearning": "P" + "9" * 400 + "D"},
    ],
)
def test_odd_elm_values_never_crash_the_import(extra: dict[str, Any]) -> None:
    try:
        target = load_target(target_document_from_elm(elm_spec(**extra)))
    except InputError:
        return
    assert target.id == "urn:spec" and math.isfinite(target.total)


def test_a_deeply_nested_sealed_payload_is_an_input_error() -> None:
    sealed = {"payload": "[" * 100_000 + "]" * 100_000, "signatures": []}
    with pytest.raises(InputError, match="payload"):
        target_document_from_elm(sealed)


# -- hostile credits in credentials -------------------------------------------------------------------------

@pytest.mark.parametrize("credits", [float("nan"), float("inf"), float("-inf"), -5.0, 1e300, 1e15])
def test_absurd_credit_values_in_a_credential_do_not_break_progress(credits: float) -> None:
    t = target([comp("pool", need=5.0, identifiers=["A", "B"]), comp("slot", identifiers=["A", "B"])], total=30.0)
    p = progress(t, [cand("A", spec="A", credits=credits), cand("B", spec="B", credits=3.0)], NOW)
    assert p.optimal
    # not a number, or negative: counts as not stated; more than 100,000 counts as 100,000
    huge = math.isfinite(credits) and credits > 1e5
    assert (p.components_met, p.credits_counted) == ((2, 8.0) if huge else (1, 3.0))
