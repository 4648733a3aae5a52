"""Partial decoding of stored JSON for list rows (wallet.app.row_json): never a different answer.

Each helper either returns exactly what ``json.loads`` of the whole text gives
for the members it reads, or None (the caller then decodes everything). The
properties run on arbitrary JSON objects written as the vault writes them,
with the keys the helpers look for also nested and inside strings; the corpus
test checks that a list row built from the partial decoding equals the row
built from the full one.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet import codec
from wallet.app import row_json
from wallet.app.credentials import _parsed_for_row, _report_for_row, row_from_parsed
from wallet.app.importing import report_json
from wallet.errors import WalletError
from wallet.formats import parse
from wallet.storage.text import json_text
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify

KEYS = st.sampled_from(["achievements", "container", "state", "title", "verdict", "a", "zz", 'x", "state": "y'])
SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from(
    ['"state": "v"}', ', "container": 1', "\\", 'data:image/png;base64,AA'])
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
                      max_leaves=12)
OBJECTS = st.dictionaries(KEYS, VALUES, max_size=6)


@settings(max_examples=examples(300))
@given(OBJECTS, st.booleans(), st.integers(min_value=0, max_value=7))
def test_leading_members_are_the_first_members(doc: dict, sort: bool, count: int) -> None:
    text = json_text(doc, sort_keys=sort)
    items = list(json.loads(text).items())
    assert row_json.leading_members(text, count) == dict(items[:count])


@settings(max_examples=examples(300))
@given(OBJECTS, st.booleans())
def test_last_string_member_is_the_top_level_last_member_or_nothing(doc: dict, sort: bool) -> None:
    text = json_text(doc, sort_keys=sort)
    decoded = json.loads(text)
    found = row_json.last_string_member(text, "state")
    last = list(decoded)[-1] if decoded else None
    if last == "state" and isinstance(decoded["state"], str):
        assert found == decoded["state"]
    else:
        assert found is None


@settings(max_examples=examples(300))
@given(OBJECTS)
def test_members_from_a_key_are_that_key_and_the_later_ones_or_nothing(doc: dict) -> None:
    text = json_text(doc, sort_keys=True)
    decoded = json.loads(text)
    found = row_json.members_from(text, "container")
    if found is not None:
        assert "container" in decoded
        assert found == {k: v for k, v in decoded.items() if k >= "container"}


def test_a_nested_key_written_first_is_not_taken_for_the_top_level_one() -> None:
    doc = {"achievements": [{"a": 1, "container": "inner", "title": "inner"}], "container": "json", "title": "top"}
    text = json_text(doc, sort_keys=True)
    assert row_json.members_from(text, "container") is None  # found nested first: the caller decodes all
    assert _parsed_for_row(text)["title"] == "top"
    assert row_json.members_from(json_text({"b": 1, "container": 2}, sort_keys=True), "container") == {"container": 2}


def test_rows_from_partial_decoding_equal_rows_from_full_decoding(corpus_dir: Path) -> None:
    ctx = VerificationContext()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    checked = 0
    for path in sorted(corpus_dir.glob("*.json")) + sorted(corpus_dir.glob("*.jwt")):
        raw = path.read_bytes()
        try:
            cred = parse(raw)
        except WalletError:  # the corpus holds unreadable inputs on purpose; they are never stored
            continue
        for title in (None, ""):  # the credential's own title, and none (the first achievement's is used)
            parsed = codec.to_json(cred)
            if title is not None:
                parsed["title"] = {}
            parsed_text = json_text(parsed, sort_keys=True)
            report_text = json_text(report_json(verify(cred, ctx)))
            full = row_from_parsed("id", cred.format.value, json.loads(parsed_text), json.loads(report_text), now,
                                   ("en",), raw, report_json=report_text)
            fast = row_from_parsed("id", cred.format.value, _parsed_for_row(parsed_text), _report_for_row(report_text),
                                   now, ("en",), raw, report_json=report_text)
            assert fast == full and fast.as_of == full.as_of and fast.state_line() == full.state_line(), path.name
            checked += 1
    assert checked > 40
