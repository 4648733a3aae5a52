"""Bounded decompression of hostile bytes: one streaming loop for every compressed input.

A compressed payload can claim to be small and expand to gigabytes (threat
"zip and deflate bombs" in docs/THREATS.md). Status lists (gzip, zlib), share
links and hosted packages (raw DEFLATE) all stream through ``zlib.decompressobj``
with ``max_length`` here, so the output never grows past its cap, and a
truncated stream or bytes after its end (a second gzip member another reader
might decode instead) are refused. Callers turn the :class:`InflateRefused`
kind into their own one-sentence error, because what to call the input
differs ("the status list", "the bundle in this link").
"""

from __future__ import annotations

import zlib
from typing import Literal

#: ``wbits`` for each container: gzip (RFC 1952), zlib (RFC 1950), raw DEFLATE (RFC 1951).
GZIP = 16 + zlib.MAX_WBITS
ZLIB = zlib.MAX_WBITS
RAW = -zlib.MAX_WBITS

_CHUNK = 64 * 1024

Problem = Literal["too_large", "bomb", "damaged", "truncated", "trailing"]


class InflateRefused(Exception):
    """Why the bytes were not decompressed; ``limit`` is the cap that was hit (bytes or ratio)."""

    def __init__(self, kind: Problem, limit: int = 0, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail or limit}")
        self.kind: Problem = kind
        self.limit = limit
        self.detail = detail


def inflate(data: bytes, *, wbits: int, max_out: int, max_ratio: int, ratio_floor: int) -> bytes:
    """Decompress ``data`` or raise :class:`InflateRefused`.

    The output may not exceed ``max_out`` bytes, nor ``max_ratio`` times the
    input once it passes ``ratio_floor`` bytes (a tiny, very repetitive
    document may legitimately compress beyond the ratio and can do no harm).
    """
    limit = min(max_out, max(max_ratio * len(data), ratio_floor))
    decomp = zlib.decompressobj(wbits=wbits)
    out = bytearray()
    pending = data
    try:
        while True:
            # Ask for at most one byte more than is still allowed: getting it
            # proves the limit is exceeded without ever holding more.
            chunk = decomp.decompress(pending, min(_CHUNK, limit - len(out) + 1))
            out += chunk
            if len(out) > limit:
                if limit == max_out:
                    raise InflateRefused("too_large", max_out)
                raise InflateRefused("bomb", max_ratio)
            pending = decomp.unconsumed_tail
            if decomp.eof or (not pending and not chunk):
                break
    except zlib.error as exc:
        raise InflateRefused("damaged", detail=str(exc)) from exc
    if not decomp.eof:
        raise InflateRefused("truncated")
    if decomp.unused_data:
        raise InflateRefused("trailing")
    return bytes(out)
