"""Raw-DEFLATE decompression with size and ratio caps, for hostile input.

A compressed payload can claim to be small and expand to gigabytes (a deflate
bomb, threat "zip and deflate bombs" in docs/THREATS.md). Decompression therefore streams through
``zlib.decompressobj`` with ``max_length``, so the output never grows past the
cap, and refuses a truncated stream or bytes after its end. ``what`` names the
input in the one-sentence errors ("the shared package", …).

Raw DEFLATE (RFC 1951, no zlib header) is what a browser's
``DecompressionStream('deflate-raw')`` reads, which is why the share formats
use it.
"""

from __future__ import annotations

import zlib

from wallet.errors import InputError

_CHUNK = 64 * 1024


def deflate_raw(data: bytes) -> bytes:
    """Raw DEFLATE at the highest level (the output may differ between zlib builds)."""
    comp = zlib.compressobj(level=9, wbits=-15, memLevel=9)
    return comp.compress(data) + comp.flush()


def inflate_raw(compressed: bytes, *, max_out: int, max_ratio: int, ratio_floor: int, what: str) -> bytes:
    """Decompress ``compressed`` or raise ``InputError`` naming ``what``.

    The output may not exceed ``max_out`` bytes, nor ``max_ratio`` times the
    input once it passes ``ratio_floor`` bytes (a tiny, very repetitive
    document may legitimately compress beyond the ratio and can do no harm).
    """
    limit = min(max_out, max(max_ratio * len(compressed), ratio_floor))
    decomp = zlib.decompressobj(wbits=-15)
    out = bytearray()
    pending = compressed
    try:
        while True:
            # Ask for at most one byte more than is still allowed: getting it
            # proves the limit is exceeded without ever holding more.
            chunk = decomp.decompress(pending, min(_CHUNK, limit - len(out) + 1))
            out += chunk
            if len(out) > limit:
                if limit == max_out:
                    raise InputError(f"{what} expands beyond {max_out:,} bytes; refused (possible deflate bomb)")
                raise InputError(f"{what} expands more than {max_ratio}:1; refused (possible deflate bomb)")
            pending = decomp.unconsumed_tail
            if decomp.eof or (not pending and not chunk):
                break
    except zlib.error as exc:
        raise InputError(f"{what} is damaged (not DEFLATE data): {exc}") from exc
    if not decomp.eof:
        raise InputError(f"{what} is truncated (the DEFLATE stream does not end)")
    if decomp.unused_data:
        raise InputError(f"{what} has extra bytes after the end of its DEFLATE stream; refused")
    return bytes(out)
