"""base58btc decoding (the Bitcoin alphabet; multibase prefix ``z``) without a loop per digit.

Why not ``base58.b58decode``: it runs once per Data Integrity proof verified
(the 88-character ``proofValue`` of an Ed25519 or P-256 signature) and costs
about a quarter as much as the libsodium signature check itself (issue 17).
The library, like the textbook algorithm, multiplies a growing integer by 58
once per digit: 88 operations on an integer of up to 512 bits.

Here the digits are turned into their values (0..57) in one ``translate``,
read as one big-endian base-256 integer, and then converted from base 256
to base 58 by pairing neighbours, as "SIMD within a register": lanes of 16
bits hold two digits ``a, b`` and become ``a·58 + b``; lanes of 32 bits hold
two such values and become ``hi·58² + lo``; and so on, doubling each time,
a mask, two shifts, one multiplication and one addition per level on the
whole integer (7 levels for 88 digits). A lane of ``2k`` bytes ends up
holding a value below ``58**(2k)``, which is below ``256**(2k)``, so no lane
ever carries into its neighbour. Leading ``1`` digits (zeros) become leading
zero bytes, as in the library; ``tests/util/test_b58.py`` compares the two.
"""

from __future__ import annotations

from functools import cache

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

#: Alphabet character -> the character whose code is its value (0..57); any other character
#: below U+003A (such as ``0``, ``+`` or a space) -> U+00FF; the rest unchanged (all >= 58).
_DIGITS = str.maketrans({chr(c): "\xff" for c in range(58)} | {c: chr(i) for i, c in enumerate(ALPHABET)})
#: The bytes 0..57: what remains after deleting them was not a base58 digit.
_DIGIT_VALUES = bytes(range(58))


@cache
def _levels(size: int) -> tuple[tuple[int, int, int], ...]:
    """(half lane width in bits, mask of the low half of every lane, 58**(digits per half lane)) per level.

    ``size`` is a power of two (bytes), so at most one entry per bit of a
    length: the cache stays small whatever the input.
    """
    levels = []
    width, factor = 16, 58
    while width <= size * 8:
        half = width // 2
        lane = ((1 << half) - 1).to_bytes(width // 8, "big")
        levels.append((half, int.from_bytes(lane * (size * 8 // width), "big"), factor))
        factor *= factor
        width *= 2
    return tuple(levels)


def b58decode(text: str) -> bytes:
    """The bytes ``text`` encodes in base58btc; ``ValueError`` if any character is not a base58 digit.

    Byte for byte ``base58.b58decode(text)`` for every string (trailing
    whitespace is stripped first, as the library does, and leading ``1``
    characters become zero bytes).
    """
    text = text.rstrip()
    try:
        digits = text.translate(_DIGITS).encode("latin-1")
    except UnicodeEncodeError:  # a character above U+00FF: certainly not a digit
        raise ValueError("not base58btc") from None
    if digits.translate(None, _DIGIT_VALUES):
        raise ValueError("not base58btc")
    size = 1 << max(len(digits) - 1, 1).bit_length()  # a power of two, at least 2
    acc = int.from_bytes(digits, "big")  # leading zero bytes (padding to `size`) change nothing
    for half, mask, factor in _levels(size):
        acc = (acc & mask) + (acc >> half & mask) * factor
    zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * zeros + acc.to_bytes((acc.bit_length() + 7) // 8, "big")
