"""What the consent screen shows of an issuer: names in the reader's language, colours, a logo.

Logos are the only images the wallet takes from an issuer, and they are read
**once**, while the consent summary is prepared, never while it is shown: a
``data:`` URL is decoded and checked in place; an https logo is fetched with
the ``IMAGE`` kind (1 MiB cap, the online client's address rules). Either
way only PNG, JPEG, GIF and WebP pass (recognised by their first bytes, not
by what the issuer claims); SVG is refused, since an SVG is a program a
renderer runs. What passes is handed on as a ``data:`` URL, so showing it
touches the network never.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from urllib.parse import unquote_to_bytes

from wallet.errors import WalletError
from wallet.online.http import OnlineClient
from wallet.online.oid4vci.metadata import Display
from wallet.online.settings import FetchKind

MAX_LOGO_BYTES = FetchKind.IMAGE.max_bytes
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF87a", "image/gif"),
          (b"GIF89a", "image/gif"))


def image_type(data: bytes) -> str | None:
    """The image type of ``data`` by its signature (PNG, JPEG, GIF, WebP), or None."""
    for magic, media in _MAGIC:
        if data.startswith(magic):
            return media
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def pick(displays: Sequence[Display], langs: Sequence[str]) -> Display | None:
    """The display entry for the reader: exact locale, then its primary language, then one without, then any."""
    if not displays:
        return None
    for lang in langs:
        wanted = lang.replace("_", "-").lower()
        for item in displays:
            if item.locale and item.locale.replace("_", "-").lower() == wanted:
                return item
        primary = wanted.split("-")[0]
        for item in displays:
            if item.locale and item.locale.replace("_", "-").lower().split("-")[0] == primary:
                return item
    return next((d for d in displays if d.locale is None), None) or next(
        (d for d in displays if d.locale and d.locale.lower().startswith("en")), displays[0])


def _data_url(data: bytes) -> str | None:
    media = image_type(data)
    if media is None or len(data) > MAX_LOGO_BYTES:
        return None
    return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"


def decode_data_url(uri: str) -> bytes | None:
    """The bytes of a ``data:`` URL (base64 or percent-encoded), or None when it is not one or too large."""
    if not uri.startswith("data:") or "," not in uri or len(uri) > MAX_LOGO_BYTES * 2:
        return None
    head, _, body = uri.partition(",")
    try:
        data = base64.b64decode(body, validate=True) if head.endswith(";base64") else unquote_to_bytes(body)
    except (binascii.Error, ValueError):
        return None
    return data if len(data) <= MAX_LOGO_BYTES else None


def logo_data_url(client: OnlineClient | None, uri: str | None) -> str | None:
    """A safe ``data:`` URL of a logo, fetching an https one once; None when there is none usable.

    A logo that cannot be fetched or is not an accepted image is left out
    silently: it decorates the consent screen, it decides nothing.
    """
    if not uri:
        return None
    if uri.startswith("data:"):
        data = decode_data_url(uri)
        return _data_url(data) if data is not None else None
    if client is None or not uri.startswith("https://"):
        return None
    try:
        resp = client.get(uri, kind=FetchKind.IMAGE, purpose="issuer logo",
                          headers={"Accept": "image/png, image/jpeg, image/webp, image/gif"})
    except WalletError:
        return None  # no logo is better than a failed consent screen; the reason is the server's
    return _data_url(resp.body)
