"""Share links: exact round trip, and hostile links refused with a reason
(threat "zip and deflate bombs" in docs/THREATS.md: streaming decompression with size and ratio caps)."""

from __future__ import annotations

import base64
import os
import re
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.errors import InputError
from wallet.sharing import link
from wallet.sharing.link import decode_link, encode_link, inflate_capped, parse_link


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


def _raw_deflate(data: bytes, level: int = 9) -> bytes:
    comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(min_size=1, max_size=5000))
def test_round_trip_is_exact(data: bytes) -> None:
    assert decode_link(encode_link(data)) == data


def test_format_default_base_and_custom_base() -> None:
    url = encode_link(b'{"type":"VerifiablePresentation"}')
    assert url.startswith("wallet:/open#v=1&b=")
    assert "=" not in url.split("&b=", 1)[1]  # no base64 padding
    other = encode_link(b"{}", "https://share.example/open")
    assert other.startswith("https://share.example/open#v=1&b=")
    assert decode_link(other) == b"{}"
    assert decode_link("  " + url + "\n") == b'{"type":"VerifiablePresentation"}'  # pasted with whitespace


def test_parse_exposes_parameters_for_later_versions() -> None:
    parts = parse_link("https://x.example/s/abc#v=1&b=AAAA")
    assert parts.base == "https://x.example/s/abc" and parts.get("b") == "AAAA" and parts.get("k") is None


def test_base_with_fragment_refused() -> None:
    with pytest.raises(InputError, match="must not contain '#'"):
        encode_link(b"{}", "wallet:/open#x")


GARBAGE = {
    "no fragment": ("wallet:/open", "no '#' part"),
    "empty fragment": ("wallet:/open#", "no '#' part"),
    "not key=value": ("wallet:/open#hello", "not a key=value"),
    "wrong version": ("wallet:/open#v=2&b=AAAA", "version '2'"),
    "no version": ("wallet:/open#b=AAAA", "version '(none)'"),
    "duplicate key": ("wallet:/open#v=1&b=AA&b=BB", "appears twice"),
    "no payload": ("wallet:/open#v=1", "no 'b=' part"),
    "empty payload": ("wallet:/open#v=1&b=", "empty bundle"),
    "bad characters": ("wallet:/open#v=1&b=ab+c/d==", "not base64url"),
    "impossible length": ("wallet:/open#v=1&b=abcde", "truncated"),
    "not deflate": ("wallet:/open#v=1&b=" + _b64(b"\xff\xff\xff\xff\xff\xff"), "not DEFLATE"),
    "hosted link": ("https://s.example/s/id#v=1&k=" + _b64(os.urandom(32)), "hosted"),
    "uppercase key": ("wallet:/open#V=1&b=AA", "not a key=value"),
}


@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_garbage_links_refused_with_reason(name: str) -> None:
    url, reason = GARBAGE[name]
    with pytest.raises(InputError, match=re.escape(reason)):
        decode_link(url)


def test_truncated_stream_refused() -> None:
    full = _raw_deflate(os.urandom(3000))
    with pytest.raises(InputError, match="truncated"):
        decode_link("wallet:/open#v=1&b=" + _b64(full[: len(full) // 2]))


def test_trailing_bytes_refused() -> None:
    data = _raw_deflate(b'{"a": 1}') + b"junk"
    with pytest.raises(InputError, match="extra bytes"):
        decode_link("wallet:/open#v=1&b=" + _b64(data))


def test_deflate_bomb_refused_by_ratio_without_inflating_it() -> None:
    bomb = _raw_deflate(b"\0" * (50 * 1024 * 1024))  # 50 MiB of zeros -> about 50 KB
    assert len(bomb) < link.MAX_COMPRESSED
    with pytest.raises(InputError, match="deflate bomb"):
        decode_link("wallet:/open#v=1&b=" + _b64(bomb))


def test_ratio_cap_is_100_to_1() -> None:
    compressed = _raw_deflate(b"a" * (2 * 1024 * 1024))
    with pytest.raises(InputError, match="100:1"):
        inflate_capped(compressed)


def test_decompressed_size_cap_4_mib() -> None:
    # Random text of '0' with about 10 % '1' compresses about 10:1: under the ratio cap, over 4 MiB.
    table = bytes(0x31 if i < 26 else 0x30 for i in range(256))
    text = random_bytes(5 * 1024 * 1024).translate(table)
    compressed = _raw_deflate(text, level=1)
    assert len(compressed) <= link.MAX_COMPRESSED and len(text) < 100 * len(compressed)
    with pytest.raises(InputError, match="beyond 4 MiB"):
        inflate_capped(compressed)
    with pytest.raises(InputError, match="too large for a link"):
        encode_link(text)


def test_compressed_size_cap_1_mib() -> None:
    with pytest.raises(InputError, match="1 MiB"):
        inflate_capped(os.urandom(link.MAX_COMPRESSED + 1))
    with pytest.raises(InputError):
        decode_link("wallet:/open#v=1&b=" + "A" * (2 * 1024 * 1024))


def test_small_repetitive_bundles_are_not_mistaken_for_bombs() -> None:
    data = b'{"x":"' + b"a" * 20000 + b'"}'  # > 100:1 but tiny
    assert decode_link(encode_link(data)) == data
