"""orjson for JSON text the standard decoder would read exactly the same way.

Why: decoding JSON was the largest cost of verifying a JWT after the
signature itself (the payload and the header, with the duplicate-key hook
the C scanner calls once per object), and a large share of every JSON-LD
credential. orjson decodes several times faster, but it differs from the
standard library exactly where :func:`wallet.util.limits.load_json`'s rules
depend on it: it keeps the last of repeated keys without a word, and it
reads integers beyond 64 bits as floats. So :func:`loads` answers only when
its result is provably what ``json`` would give, and leaves every other text
to the standard decoder, whose error messages and checks stay the only ones:

* no ``\\u`` escape in the text: then every colon inside a string is a
  colon in the text too, and no lone surrogate can be written;
* no run of 19 or more digits: no integer that orjson would turn into a float;
* orjson accepts the text (anything it refuses, the standard decoder decides);
* orjson's own encoding of the result holds as many colons as the text.
  In JSON text a colon either separates a key from its value or sits in a
  string, and orjson writes a string's colons as they are; so the counts
  differ exactly when a repeated key made the decoder drop a pair.

``tests/util/test_fast_json.py`` compares :func:`loads` with the standard
decoder on generated documents, repeated keys, escapes and numbers.
"""

from __future__ import annotations

from typing import Any

#: What :func:`loads` returns when it leaves the text to the standard decoder.
UNDECIDED: Any = object()

#: Every ASCII digit to "0", every other byte to a space: a run of 19 digits becomes a
#: run of 19 zeros, which a substring search finds several times faster than a regex.
_DIGITS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_RUN = b"0" * 19


def has_unicode_escape(body: bytes) -> bool:
    """``b"\\u" in body``, found from the backslashes (a C ``memchr`` each).

    A two-byte search runs through the whole text byte by byte; credentials
    hold few backslashes, so visiting each is several times faster.
    """
    at = body.find(b"\\")
    for _ in range(16):
        if at < 0:
            return False
        if body[at + 1:at + 2] == b"u":
            return True
        at = body.find(b"\\", at + 1)
    return b"\\u" in body[at:]


def loads(body: bytes) -> Any:
    """The decoded JSON ``body`` (no BOM), or :data:`UNDECIDED`."""
    if has_unicode_escape(body) or _LONG_RUN in body.translate(_DIGITS):
        return UNDECIDED
    import orjson  # deferred: only commands that read JSON pay for loading it

    try:
        obj = orjson.loads(body)
        again = orjson.dumps(obj)
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):  # refused, or nested past orjson's own limit
        return UNDECIDED
    if again.count(b":") != body.count(b":"):  # a repeated key: the standard decoder names it
        return UNDECIDED
    return obj
