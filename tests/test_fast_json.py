"""``load_json`` with orjson's fast path says exactly what the standard decoder alone said.

The reference is ``load_json`` with :func:`wallet.util.fast_json.loads`
replaced by one that always leaves the text to the standard decoder: the
loader as it was. Values are compared by ``repr`` (so ``1`` and ``1.0``,
``0.0`` and ``-0.0`` differ), refusals by their sentence.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wallet.errors import InputError
from wallet.util import fast_json
from wallet.util.limits import MAX_JSON_DEPTH, load_json


def _outcome(data: bytes) -> tuple[str, str]:
    try:
        return ("value", repr(load_json(data, "document")))
    except InputError as exc:
        return ("refused", f"{type(exc).__name__}: {exc}")


def _reference(data: bytes) -> tuple[str, str]:
    with mock.patch.object(fast_json, "loads", lambda body: fast_json.UNDECIDED):
        return _outcome(data)


def _same(data: bytes) -> None:
    assert _outcome(data) == _reference(data), data[:200]


# A JSON tree whose objects are lists of pairs, so keys may repeat.
_SCALARS = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -0, 2**53, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.sampled_from(["a:b", "did:key:z6Mk", "urn:uuid:1", ":", "\\", "\"", "\n", "\u2028", "é:ü"]),
)
_KEYS = st.sampled_from(["a", "b", "id", "type", "a:b", ":", "é", "\u0000", "@context"])
_TREES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4).map(lambda items: ("list", items)),
        st.lists(st.tuples(_KEYS, children), max_size=4).map(lambda pairs: ("object", pairs)),
    ),
    max_leaves=20,
)


def _write(tree: Any, ascii_only: bool, space: str) -> str:
    if isinstance(tree, tuple) and tree and tree[0] == "list":
        return "[" + f",{space}".join(_write(item, ascii_only, space) for item in tree[1]) + "]"
    if isinstance(tree, tuple) and tree and tree[0] == "object":
        return "{" + f",{space}".join(
            f"{json.dumps(key, ensure_ascii=ascii_only)}{space}:{space}{_write(value, ascii_only, space)}"
            for key, value in tree[1]) + "}"
    return json.dumps(tree, ensure_ascii=ascii_only)


@given(_TREES, st.booleans(), st.sampled_from(["", " ", "\n", "\t", "\r\n"]), st.booleans())
def test_generated_documents_including_repeated_keys(tree: Any, ascii_only: bool, space: str, bom: bool) -> None:
    data = _write(tree, ascii_only, space).encode("utf-8")
    _same((b"\xef\xbb\xbf" if bom else b"") + data)


@given(_TREES, st.integers(min_value=0, max_value=10_000),
       st.sampled_from([b"\x0c", b"\x0b", b"\x00", b"\xa0", b"\xff", b"\xed\xa0\x80", b",", b":", b"x", b"\\u003a",
                        b"\\ud800", b"\"", b"}", b"]", b"1e400", b"NaN", b"\xef\xbb\xbf", b"12345678901234567890"]))
def test_damaged_documents(tree: Any, where: int, insert: bytes) -> None:
    data = _write(tree, False, "").encode("utf-8")
    at = where % (len(data) + 1)
    _same(data[:at] + insert + data[at:])


@pytest.mark.parametrize("text", [
    b'{"a":1,"a":2}', b'{"a":{"b":1},"a":{"b":1}}', b'{"a:b":1,"a:b":1}', b'{"x":"1:2","x":"3"}',
    b'{"a":"\\u003a","a":1}', b'{"a":1,"a":2,"b":"\\u003a"}', b'{"a":1,"a":2,"b":"\\u003A"}', b'{"\\u0061":1,"a":2}', b'["\\ud800"]', b'["\\udc00\\ud800"]', b'["\\ud83d\\ude00"]',
    b"[18446744073709551616]", b"[-9223372036854775809]", b"[9223372036854775807]", b"[1234567890123456789]",
    b"[0.12345678901234567890123]", b"[1e400]", b"[-1e400]", b"[1e-400]", b"[NaN]", b"[Infinity]", b"[-0]", b"[-0.0]",
    b"\xef\xbb\xbf\xef\xbb\xbf{}", b"\xef\xbb\xbf{}", b"{} ", b" {}", b"{}\x0c", b"[1,]", b"", b"\xff",
    b'["\x01"]', b'["\x7f"]', b'"plain"', b"true", b"null", b"123",
    b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1),
    b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH,
    b"[" * 300 + b"]" * 300, b"[" * 2000 + b"]" * 2000,
])
def test_edge_cases(text: bytes) -> None:
    _same(text)


def test_the_fast_path_is_taken_for_an_ordinary_credential_and_left_for_repeated_keys() -> None:
    calls: list[bytes] = []
    real: Callable[[str], Any] = json.JSONDecoder.decode

    def counting(self: json.JSONDecoder, text: str) -> Any:
        calls.append(text.encode())
        return real(self, text)

    with mock.patch.object(json.JSONDecoder, "decode", counting):
        assert load_json(b'{"@context":["https://www.w3.org/ns/credentials/v2"],"issuer":"did:key:z6Mk"}')
        assert calls == []
        with pytest.raises(InputError, match="repeats the key 'issuer'"):
            load_json(b'{"issuer":"did:key:a","issuer":"did:key:b"}')
        assert len(calls) == 1


@given(st.binary(max_size=60).map(lambda b: b.replace(b"\x00", b"\\")), st.integers(min_value=0, max_value=40))
def test_unicode_escape_search_is_the_substring_test(data: bytes, backslashes: int) -> None:
    for text in (data, b"\\" * backslashes + data, data + b"\\" * backslashes + b"u", b"\\x" * backslashes + b"\\u"):
        assert fast_json.has_unicode_escape(text) is (b"\\u" in text)
