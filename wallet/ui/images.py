"""Decoding credential images (issuer logos, badge images) safely.

Credentials come from strangers. An image is only ever taken from a
``data:`` URL inside the credential itself (never fetched: the wallet is
offline and a fetch would tell the issuer who looks at the credential),
its encoded size and pixel size are capped before decoding, and SVG is
rendered by Qt's SVG Tiny renderer, which loads no external resources.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

#: Largest data: URL accepted (characters), and decoded image size.
MAX_URL_CHARS = 2_000_000
MAX_BYTES = 1_000_000
MAX_PIXELS = 4096 * 4096
_DATA_URL = re.compile(r"^data:([\w.+/-]*)((?:;[\w=.+-]+)*?)(;base64)?,", re.IGNORECASE)
_ALLOWED = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"}


def decode_data_url(url: str | None) -> tuple[str, bytes] | None:
    """(media type, bytes) of an image data: URL, or None if it is not one or too big."""
    if not url or len(url) > MAX_URL_CHARS:
        return None
    match = _DATA_URL.match(url)
    if not match:
        return None
    media = (match.group(1) or "").lower()
    if media not in _ALLOWED:
        return None
    payload = url[match.end():]
    try:
        data = base64.b64decode(payload, validate=False) if match.group(3) else unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    if not data or len(data) > MAX_BYTES:
        return None
    return media, data


def image_from_data_url(url: str | None, size: int) -> QImage | None:
    """The image scaled to fit ``size``×``size``, or None (not a safe data: URL, or undecodable)."""
    decoded = decode_data_url(url)
    if decoded is None:
        return None
    media, data = decoded
    if media == "image/svg+xml":
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    dims = reader.size()
    if not dims.isValid() or dims.width() * dims.height() > MAX_PIXELS:
        return None
    reader.setScaledSize(dims.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image
