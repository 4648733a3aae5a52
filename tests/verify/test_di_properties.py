"""Property: changing any single field of a signed credential makes it fail verification."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from tests.verify.helpers import ctx, ob3_credential, raw, signed
from wallet.verify.engine import verify_bytes

Path_ = tuple[Any, ...]


def _leaves(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, path + (i,))
    else:
        yield path


def _set(doc: Any, path: Path_, value: Any) -> None:
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


def _get(doc: Any, path: Path_) -> Any:
    for step in path:
        doc = doc[step]
    return doc


SIGNED = {suite: signed(ob3_credential(), suite=suite) for suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022")}


@pytest.mark.parametrize("suite", sorted(SIGNED))
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_single_changed_field_fails(suite: str, data: st.DataObject) -> None:
    original = SIGNED[suite]
    path = data.draw(st.sampled_from(sorted(_leaves(original), key=repr)))
    old = _get(original, path)
    if isinstance(old, bool):
        new: Any = not old
    elif isinstance(old, (int, float)):
        new = old + data.draw(st.integers(min_value=1, max_value=1000))
    else:
        suffix = data.draw(st.text(alphabet="abcXYZ019 -_é", min_size=1, max_size=5))
        new = data.draw(st.sampled_from([str(old) + suffix, suffix, str(old)[:-1] or "x"]))
        if new == old:
            new = str(old) + "x"
    tampered = copy.deepcopy(original)
    _set(tampered, path, new)
    _, report = verify_bytes(raw(tampered), ctx())
    assert report.verdict.value not in ("valid", "valid-with-warnings"), (path, old, new)


def test_untouched_credentials_verify() -> None:
    for doc in SIGNED.values():
        _, report = verify_bytes(raw(doc), ctx())
        assert report.verdict.value == "valid-with-warnings"


_any_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(["@id", "@type", "id", "type", "@context", "x"]) | st.text(max_size=4), children, max_size=3),
    max_leaves=8,
)


def _paths(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, path + (i,))


@pytest.mark.parametrize("suite", sorted(SIGNED))
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_structural_garbage_never_raises(suite: str, data: st.DataObject) -> None:
    """Replacing any subtree with arbitrary JSON gives a report, never an exception."""
    original = SIGNED[suite]
    path = data.draw(st.sampled_from([p for p in _paths(original) if p]))
    tampered = copy.deepcopy(original)
    _set(tampered, path, data.draw(_any_json))
    _, report = verify_bytes(raw(tampered), ctx())
    assert report.verdict.value in ("invalid", "cannot-verify-offline", "valid", "valid-with-warnings")
