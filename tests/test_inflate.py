"""The one bounded decompressor every compressed input goes through (gzip, zlib, raw DEFLATE)."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable

import pytest

from wallet.util.inflate import GZIP, RAW, ZLIB, InflateRefused, inflate

CAPS = {"max_out": 1 << 20, "max_ratio": 100, "ratio_floor": 64 * 1024}


def _raw(data: bytes) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, RAW)
    return comp.compress(data) + comp.flush()


@pytest.mark.parametrize(("wbits", "pack"), [(GZIP, gzip.compress), (ZLIB, zlib.compress), (RAW, _raw)])
def test_each_container_round_trips_and_refuses_each_problem(wbits: int, pack: Callable[[bytes], bytes]) -> None:
    text = os.urandom(32 * 1024)
    assert inflate(pack(text), wbits=wbits, **CAPS) == text
    cases = {
        "too_large": pack(os.urandom((1 << 20) + 1)),     # incompressible: under the ratio, over the size cap
        "bomb": pack(b"\0" * (512 * 1024)),               # past the floor at ~1000:1
        "truncated": pack(text)[:-40],
        "trailing": pack(text) + pack(text),              # a second member another reader might decode instead
        "damaged": b"\xff" * 64,
    }
    for kind, data in cases.items():
        with pytest.raises(InflateRefused) as info:
            inflate(data, wbits=wbits, **CAPS)
        assert info.value.kind == kind, (kind, info.value)


def test_small_repetitive_input_is_not_a_bomb() -> None:
    """Below the floor any ratio is harmless: a tiny list of zeros is a normal status list."""
    assert inflate(gzip.compress(b"\0" * 60_000), wbits=GZIP, **CAPS) == b"\0" * 60_000


def test_never_holds_more_than_the_cap() -> None:
    """The size check asks zlib for at most one byte past the limit, so memory stays bounded."""
    with pytest.raises(InflateRefused) as info:
        inflate(gzip.compress(b"\0" * (200 << 20)), wbits=GZIP, max_out=8 << 20, max_ratio=10**6, ratio_floor=0)
    assert (info.value.kind, info.value.limit) == ("too_large", 8 << 20)
