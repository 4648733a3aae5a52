"""Raw-DEFLATE decompression with size and ratio caps, for hostile input.

A compressed payload can claim to be small and expand to gigabytes (a deflate
bomb, threat "zip and deflate bombs" in docs/THREATS.md); :mod:`wallet.util.inflate`
streams it under a size and a ratio cap. ``what`` names the input in the
one-sentence errors ("the shared package", …).

Raw DEFLATE (RFC 1951, no zlib header) is what a browser's
``DecompressionStream('deflate-raw')`` reads, which is why the share formats
use it.
"""

from __future__ import annotations

import zlib

from wallet.errors import InputError
from wallet.util.inflate import RAW, InflateRefused, inflate

_SENTENCES = {
    "too_large": "{what} expands beyond {size}; refused (possible deflate bomb)",
    "bomb": "{what} expands more than {max_ratio}:1; refused (possible deflate bomb)",
    "damaged": "{what} is damaged (not DEFLATE data): {detail}",
    "truncated": "{what} is truncated (the DEFLATE stream does not end)",
    "trailing": "{what} has extra bytes after the end of its DEFLATE stream; refused",
}


def deflate_raw(data: bytes) -> bytes:
    """Raw DEFLATE at the highest level (the output may differ between zlib builds)."""
    comp = zlib.compressobj(level=9, wbits=-15, memLevel=9)
    return comp.compress(data) + comp.flush()


def inflate_raw(compressed: bytes, *, max_out: int, max_ratio: int, ratio_floor: int, what: str) -> bytes:
    """Decompress ``compressed`` or raise ``InputError`` naming ``what`` (caps as in :func:`wallet.util.inflate.inflate`)."""
    try:
        return inflate(compressed, wbits=RAW, max_out=max_out, max_ratio=max_ratio, ratio_floor=ratio_floor)
    except InflateRefused as exc:
        size = f"{max_out >> 20} MiB" if max_out % (1 << 20) == 0 else f"{max_out:,} bytes"
        raise InputError(_SENTENCES[exc.kind].format(what=what, size=size, max_ratio=max_ratio,
                                                     detail=exc.detail)) from exc
