"""JCS, the JSON Canonicalization Scheme (RFC 8785), for eddsa-jcs-2022 and ecdsa-jcs-2019 proofs.

Why not always the reference ``rfc8785`` package: it is written in Python
and was most of the time of a JCS proof. For the common case (ordinary
numbers, no character at or above U+D800) orjson or the C JSON encoder give
byte-identical output several times faster; everything else goes to the
reference. Data with no canonical form (an integer outside ±(2^53 − 1), a
lone surrogate) raises :class:`~wallet.verify.canon.CanonicalizationRefused`.
"""

from __future__ import annotations

import _json
import json
from typing import Any

import rfc8785
from orjson import OPT_SORT_KEYS, JSONEncodeError
from orjson import dumps as orjson_dumps

from wallet.verify.canon import CanonicalizationRefused

_MAX_SAFE_INT = 2**53 - 1


def _jcs_numbers_ok(value: Any) -> bool:
    """True when every number formats the same in Python's JSON encoder (and orjson) and in JCS.

    JCS formats numbers like ECMAScript: integers within 2**53 and
    non-integral floats in 1e-4..1e16 print identically (shortest round
    trip, plain decimal notation); anything else (or any non-JSON type)
    takes the reference path.
    Only containers go on the stack: most members are strings, and pushing
    and popping each of them was most of the cost.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        members = item.values() if kind is dict else item if kind is list else (item,)
        for member in members:
            mkind = type(member)
            if mkind is str or mkind is bool or member is None:
                continue
            if mkind is dict or mkind is list:
                stack.append(member)
            elif mkind is int:
                if not -_MAX_SAFE_INT <= member <= _MAX_SAFE_INT:
                    return False
            elif mkind is float:
                if member.is_integer() or not 1e-4 <= abs(member) < 1e16:
                    return False
            else:
                return False
    return True


#: Every byte but the UTF-8 lead bytes of U+E000..U+10FFFF (0xEE..0xF4); no other byte
#: of a UTF-8 text starts such a character, and surrogates cannot be encoded at all.
_NOT_HIGH_LEAD_BYTES = bytes(b for b in range(256) if not 0xEE <= b <= 0xF4)


#: ``json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` without the
#: cycle check: the C encoder ``JSONEncoder.encode`` builds on every call, built once and called
#: directly (a chunk list to join). The cycle check (a dict entry per container) has nothing to
#: find: ``_jcs_numbers_ok`` has already walked the whole value, which only ends when it has no cycle.
_JCS_ENCODER = _json.make_encoder(
    None, json.JSONEncoder().default, _json.encode_basestring, None, ":", ",", True, False, True
)


def _orjson(value: Any) -> bytes | None:
    """The UTF-8 of the C JSON encoder's text, about ten times faster, for a value it checked.

    orjson writes the same compact JSON: keys sorted by code point (it
    sorts their UTF-8 bytes, which order the same), the same escapes (a
    backslash before a quote or a backslash, the short forms of backspace,
    form feed, newline, carriage return and tab, any other control
    character as a lowercase ``u00xx`` escape, nothing else), integers in
    decimal, and the floats ``_jcs_numbers_ok`` lets through (non-integral,
    1e-4..1e16) as ``repr`` does: the shortest digits that read back as the
    same float, the nearest of them, in plain decimal notation. It refuses
    what it would not write that way (a key that is not text, a lone
    surrogate, nesting deeper than 255): None, and the C encoder takes over.
    ``tests/verify/test_jcs_encoder.py`` compares the two.
    """
    try:
        return orjson_dumps(value, option=OPT_SORT_KEYS)
    except JSONEncodeError:
        return None


def jcs(value: Any) -> bytes:
    """RFC 8785 JSON Canonicalization Scheme bytes.

    The common case goes through orjson (or, where it refuses, the C JSON
    encoder), whose output is byte-identical to JCS when the numbers are
    ordinary and no character is at or above U+D800 (then code point and
    UTF-16 key order agree); anything else uses the reference ``rfc8785``
    implementation. The character test runs on the UTF-8 bytes (a lone
    surrogate does not encode; any other such character starts with a byte
    0xEE..0xF4), not as ``max(text)``, which built a one-character string
    per character.
    """
    if not _jcs_numbers_ok(value):
        return _reference_jcs(value)
    data = _orjson(value)
    if data is None:
        text = "".join(_JCS_ENCODER(value, 0))
        if text.isascii():
            return text.encode("ascii")
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            return _reference_jcs(value)
    elif data.isascii():
        return data
    if data.translate(None, _NOT_HIGH_LEAD_BYTES):
        # Keys may sort differently in UTF-16 above U+D800.
        return _reference_jcs(value)
    return data


def _reference_jcs(value: Any) -> bytes:
    """``rfc8785.dumps``, its refusals as :class:`CanonicalizationRefused` (RFC 8785 section 3.2.2)."""
    try:
        return rfc8785.dumps(value)
    except rfc8785.IntegerDomainError as exc:
        raise CanonicalizationRefused(
            "the data holds an integer outside the range JSON canonicalization (RFC 8785) represents exactly "
            "(±(2^53 − 1)), so it has no canonical form"
        ) from exc
    except (rfc8785.CanonicalizationError, UnicodeEncodeError) as exc:
        raise CanonicalizationRefused(
            "the data contains a value JSON canonicalization (RFC 8785) cannot represent "
            "(a lone UTF-16 surrogate or a non-finite number), so it has no canonical form"
        ) from exc
