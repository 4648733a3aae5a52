"""Size caps and the one strict JSON loader every format parser uses.

Every input is hostile until its signature is checked, so sizes are checked
*before* anything is decoded, parsed or decompressed (threats "alg none and
algorithm confusion", "oversized badge chunk" and "zip and deflate bombs" in
docs/THREATS.md). The numbers live here so the caps are stated once and the
tests can refer to them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NoReturn

from wallet.errors import InputError
from wallet.util import fast_json

KIB = 1024
MIB = 1024 * KIB

#: Credential JSON (VC, VP, OB 2.0, JWT payloads).
MAX_CREDENTIAL_BYTES = 1 * MIB
#: European Digital Credentials carry embedded images and may be larger.
MAX_EDC_BYTES = 10 * MIB
#: Largest input ``detect``/``parse`` accept at all (a baked PNG image, an EDC).
MAX_INPUT_BYTES = 20 * MIB
#: A compact JWS / SD-JWT string: base64url adds a third to a 1 MiB payload.
MAX_COMPACT_CHARS = 2 * MIB
#: A JOSE protected header is small; anything larger is an attack.
MAX_JOSE_HEADER_BYTES = 16 * KIB
#: How many ``~`` separated disclosures an SD-JWT may carry.
MAX_SD_JWT_PARTS = 1000

#: Baked PNG: the one ``openbadges`` iTXt chunk (OB Baking spec, Pillow's MAX_TEXT_CHUNK).
MAX_ITXT_CHUNK_BYTES = 1 * MIB
#: Baked PNG: all text chunks together (Pillow's MAX_TEXT_MEMORY is 64 MiB; we need far less).
MAX_PNG_TEXT_BYTES = 2 * MIB
#: Baked PNG: any one chunk of any type (image data included).
MAX_PNG_CHUNK_BYTES = 16 * MIB
#: Baked PNG: number of chunks (a million empty chunks is a CPU attack).
MAX_PNG_CHUNKS = 10_000
#: Baked SVG: the whole file (the image plus the embedded credential).
MAX_SVG_BYTES = 5 * MIB

#: No decompression happens anywhere in ``wallet.formats``: compressed iTXt,
#: zTXt badges and JWS ``zip`` are refused outright (threats "oversized badge chunk", "zip and deflate bombs" in docs/THREATS.md),
#: so there is no decompression cap to tune here.

#: JSON nesting deeper than this is refused before Python's recursion limit.
MAX_JSON_DEPTH = 100
#: Data URLs inside an envelope hold one credential.
MAX_DATA_URL_CHARS = MAX_EDC_BYTES * 4 // 3 + 1024  # a base64 EDC


class NotUnicodeText(InputError):
    """JSON text with an unpaired UTF-16 surrogate: hostile, never just "unrecognised"."""


def check_size(data: bytes | str, limit: int, what: str) -> None:
    """Refuse ``data`` larger than ``limit`` before any work is done on it."""
    if len(data) > limit:
        unit = "characters" if isinstance(data, str) else "bytes"
        raise InputError(f"The {what} is too large ({len(data)} {unit}; the limit is {limit}).")


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Duplicate keys make one JSON object mean different things to different parsers.

    Called by the C scanner once per object: ``dict(pairs)`` is built in C and
    only a length mismatch (a repeated key) falls back to the loop that names
    the first repeated key.
    """
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise InputError(f"The JSON repeats the key {key!r}.")
        seen.add(key)
    return out  # not reached: a shorter dict means a repeated key


def _refuse_constant(name: str) -> NoReturn:
    raise InputError(f"The JSON contains {name}, which is not valid JSON.")


#: One decoder for every load: building a ``JSONDecoder`` (and its C scanner)
#: per call cost as much as decoding a small JWT header.
_DECODER = json.JSONDecoder(object_pairs_hook=_reject_duplicates, parse_constant=_refuse_constant)


def _check_depth(node: Any, what: str) -> None:
    """Iterative depth check: refuses absurd nesting without recursing ourselves.

    A value at level ``MAX_JSON_DEPTH + 1`` or deeper is refused (the top level
    is 0). Only containers are walked: a container at level ``MAX_JSON_DEPTH``
    is refused exactly when it has a member, since that member sits one level
    deeper, and no deeper container can be reached without passing one.
    """
    stack: list[tuple[Any, int]] = [(node, 0)] if isinstance(node, (dict, list)) else []
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if level >= MAX_JSON_DEPTH and children:
            raise InputError(f"The {what} JSON is nested too deeply.")
        stack.extend((v, level + 1) for v in children if isinstance(v, (dict, list)))


def _may_be_too_deep(raw: bytes) -> bool:
    """Whether the depth walk is needed at all.

    Every object or array opens with a bracket, so text with at most
    ``MAX_JSON_DEPTH`` of them (brackets inside strings only add to the count)
    cannot nest deeper than the cap: counting in C replaces the walk for
    ordinary credentials.
    """
    return raw.count(b"{") + raw.count(b"[") > MAX_JSON_DEPTH


#: A ``\\uD800``..``\\uDFFF`` escape: the only way a lone surrogate gets into decoded JSON text.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _lone_surrogate(obj: Any) -> bool:
    """Whether any string (key or value) holds an unpaired UTF-16 surrogate."""
    try:
        _SURROGATE_CHECK.encode(obj).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_SURROGATE_CHECK = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def load_json(data: bytes | str, what: str = "credential", limit: int = MAX_CREDENTIAL_BYTES) -> Any:
    """Strict JSON: size cap, UTF-8 (BOM tolerated), no duplicate keys, no NaN, bounded depth.

    Also no unpaired UTF-16 surrogate escape (``"\\ud800"``): I-JSON (RFC 7493
    section 2.1) forbids them, no UTF-8 canonical form (JCS, RDFC-1.0) can hold
    one, so no conforming issuer can have signed one.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    except UnicodeEncodeError as exc:
        raise NotUnicodeText(f"The {what} is not valid Unicode text (a lone UTF-16 surrogate).") from exc
    check_size(raw, limit, what)
    # utf-8-sig by hand: its codec is written in Python and cost as much as parsing a JWT header
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    obj = fast_json.loads(body)  # orjson, when it provably reads the text as the decoder below would
    if obj is not fast_json.UNDECIDED:
        if _may_be_too_deep(raw):
            _check_depth(obj, what)
        return obj
    try:
        text = body.decode("utf-8")
        if text.startswith("\ufeff"):  # what json.loads says of a second BOM, kept word for word
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        obj = _DECODER.decode(text)
    except UnicodeDecodeError as exc:
        raise InputError(f"The {what} is not UTF-8 text.") from exc
    except RecursionError as exc:
        raise InputError(f"The {what} JSON is nested too deeply.") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"The {what} is not valid JSON ({exc.msg} at line {exc.lineno}).") from exc
    if _may_be_too_deep(raw):
        _check_depth(obj, what)
    if _SURROGATE_ESCAPE.search(raw) and _lone_surrogate(obj):
        raise NotUnicodeText(f"The {what} contains an unpaired UTF-16 surrogate escape, which is not valid JSON text (RFC 7493).")
    return obj


def load_json_object(data: bytes | str, what: str = "credential", limit: int = MAX_CREDENTIAL_BYTES) -> dict[str, Any]:
    """:func:`load_json`, and the top level must be an object."""
    obj = load_json(data, what, limit)
    if not isinstance(obj, dict):
        raise InputError(f"The {what} is not a JSON object.")
    return obj


def strip_input(raw: bytes) -> bytes:
    """Drop a UTF-8 BOM and surrounding whitespace (pasted text often has both)."""
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    return data.strip(b" \t\r\n\f\v")


def pasted_text(raw: str | bytes, limit: int, refuse: Callable[[str], InputError]) -> str:
    """Text a user pasted or a link handler passed: UTF-8, trimmed, not empty, at most ``limit``.

    ``refuse(reason)`` makes the caller's own error, so each protocol keeps its message id.
    """
    if isinstance(raw, (bytes, bytearray)):
        if len(raw) > limit:
            raise refuse(f"it is longer than {limit} bytes")
        try:
            raw = bytes(raw).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise refuse("it is not UTF-8 text") from exc
    value = raw.strip()
    if not value:
        raise refuse("it is empty")
    if len(value) > limit:
        raise refuse(f"it is longer than {limit} characters")
    return value
