"""Self-contained share links: the whole signed bundle in the URL fragment.

Format (version 1)::

    <base>#v=1&b=<base64url(raw DEFLATE(bundle JSON bytes)), no padding>

* ``base`` defaults to ``wallet:/open``, the URI the desktop app registers and
  opens; any https base works the same way because the fragment is never sent
  to a server by a browser.
* The fragment is a small ``key=value&...`` list so that a hosted,
  end-to-end-encrypted link fits later without a new parser:
  ``https://share.example/s/<128-bit id>#v=1&k=<256-bit key>`` (the share-service
  design in docs/SHARE_SERVICE.md). ``k`` is reserved now and refused with a clear message.
* Raw DEFLATE (RFC 1951, no zlib header) because it is what a browser's
  ``DecompressionStream('deflate-raw')`` reads, so a static viewer page can
  decode the same links.

Decoding treats the link as hostile (threat "zip and deflate bombs" in docs/THREATS.md): the encoded text,
the compressed bytes and the output are capped, the expansion ratio is capped,
and decompression streams through ``zlib.decompressobj`` with ``max_length``
so a deflate bomb never allocates more than the cap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wallet.errors import InputError
from wallet.sharing.inflate import deflate_raw, inflate_raw
from wallet.util.b64 import b64url_decode, b64url_encode

DEFAULT_BASE = "wallet:/open"
LINK_VERSION = "1"

MAX_COMPRESSED = 1024 * 1024  # 1 MiB of DEFLATE data
MAX_DECOMPRESSED = 4 * 1024 * 1024  # 4 MiB of bundle JSON
MAX_RATIO = 100  # output bytes per compressed byte
#: Below this much output the ratio is not checked: a tiny, very repetitive
#: bundle may legitimately exceed 100:1 and can do no harm at this size.
RATIO_FLOOR = 64 * 1024
_MAX_ENCODED = (MAX_COMPRESSED * 4) // 3 + 4
_MAX_LINK = _MAX_ENCODED + 4096  # room for the base and the other parameters
_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")
_KEY = re.compile(r"^[a-z]{1,8}$")


@dataclass(frozen=True)
class LinkParts:
    """A parsed share link: base (everything before ``#``) and its parameters."""

    base: str
    version: str
    params: tuple[tuple[str, str], ...]

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.params if k == key), None)





def encode_link(vp_bytes: bytes, base: str = DEFAULT_BASE) -> str:
    """The self-contained link for a bundle (the exact bytes are preserved)."""
    if not vp_bytes:
        raise InputError("cannot make a link of an empty bundle")
    if "#" in base:
        raise InputError("the link base must not contain '#': the fragment carries the bundle")
    if len(vp_bytes) > MAX_DECOMPRESSED:
        raise InputError(
            f"this bundle is too large for a link ({len(vp_bytes):,} bytes; at most "
            f"{MAX_DECOMPRESSED:,}) — share it as a file"
        )
    compressed = deflate_raw(vp_bytes)
    if len(compressed) > MAX_COMPRESSED:
        raise InputError("this bundle does not compress below 1 MiB — share it as a file")
    return f"{base}#v={LINK_VERSION}&b={b64url_encode(compressed)}"


def parse_link(link: str) -> LinkParts:
    """Split a link into base and fragment parameters, refusing malformed ones."""
    text = (link or "").strip()
    if len(text) > _MAX_LINK:
        raise InputError(f"this link is too long ({len(text):,} characters) to be a wallet share link")
    base, sep, fragment = text.partition("#")
    if not sep or not fragment:
        raise InputError("this is not a wallet share link: it has no '#' part carrying the bundle")
    params: list[tuple[str, str]] = []
    seen: set[str] = set()
    for item in fragment.split("&"):
        key, eq, value = item.partition("=")
        if not eq or not _KEY.match(key):
            raise InputError(f"malformed share link: {item[:20]!r} is not a key=value pair")
        if key in seen:
            raise InputError(f"malformed share link: {key!r} appears twice")
        seen.add(key)
        params.append((key, value))
    parts = LinkParts(base, dict(params).get("v", ""), tuple(params))
    if parts.version != LINK_VERSION:
        raise InputError(
            f"this share link has version {parts.version or '(none)'!r}; this wallet reads version 1 — "
            "update the wallet"
        )
    return parts


def _b64url_decode(text: str) -> bytes:
    if len(text) > _MAX_ENCODED:
        raise InputError("the bundle in this link is larger than 1 MiB compressed; refused")
    if not _B64URL.match(text):
        raise InputError("the bundle in this link is not base64url text (a character was changed?)")
    if len(text) % 4 == 1:
        raise InputError("the bundle in this link is truncated (impossible base64url length)")
    try:
        return b64url_decode(text, "bundle in this link")
    except InputError as exc:
        raise InputError(f"the bundle in this link is not valid base64url: {exc}") from exc


def inflate_capped(compressed: bytes) -> bytes:
    """Raw-DEFLATE decompression with size and ratio caps, streamed."""
    if len(compressed) > MAX_COMPRESSED:
        raise InputError(
            f"compressed bundle of {len(compressed):,} bytes exceeds the 1 MiB limit; refused"
        )
    return inflate_raw(compressed, max_out=MAX_DECOMPRESSED, max_ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR,
                       what="the bundle in this link")


def decode_link(link: str) -> bytes:
    """The bundle bytes inside a self-contained share link (InputError with the reason)."""
    parts = parse_link(link)
    if parts.get("k") is not None:
        raise InputError(
            "this is a hosted (encrypted) share link; this wallet version cannot fetch hosted shares yet"
        )
    payload = parts.get("b")
    if payload is None:
        raise InputError("this share link carries no bundle (no 'b=' part)")
    if not payload:
        raise InputError("this share link carries an empty bundle")
    data = inflate_capped(_b64url_decode(payload))
    if not data:
        raise InputError("this share link carries an empty bundle")
    return data

