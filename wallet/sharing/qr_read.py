"""Reading QR codes from images (a photo, a screenshot, a saved file): share links and credential offers.

Core, not UI, because the command line reads them too (``wallet receive
offer.png``). Decoding uses zxing-cpp when it is installed; without it the
caller says so instead of hiding the feature. The image is hostile input:
its file size and pixel count are capped before it is decoded (Pillow's
decompression-bomb guard, threat "QR payload too large" in docs/THREATS.md).
"""

from __future__ import annotations

import io
from pathlib import Path

from wallet.errors import InputError

#: QR images larger than this are refused before decoding.
MAX_QR_IMAGE_BYTES = 15 * 1024 * 1024
MAX_QR_PIXELS = 40_000_000
#: First bytes of the image formats a QR screenshot or photo comes in.
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


def qr_available() -> bool:
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        return False
    return True


def looks_like_image(data: bytes) -> bool:
    return data.startswith(IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def decode_qr_image(source: str | Path | bytes, name: str | None = None) -> list[str]:
    """The texts of every QR code in an image file or image bytes (InputError if none or unreadable)."""
    if not qr_available():
        raise InputError("QR images cannot be read: the zxing-cpp package is not installed")
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    shown = name or (Path(source).name if not isinstance(source, bytes) else "the image")
    try:
        if isinstance(source, bytes):
            if len(source) > MAX_QR_IMAGE_BYTES:
                raise InputError(f"{shown} is too large for a QR image")
            stream: io.BytesIO | Path = io.BytesIO(source)
        else:
            stream = Path(source)
            if stream.stat().st_size > MAX_QR_IMAGE_BYTES:
                raise InputError(f"{shown} is too large for a QR image")
        Image.MAX_IMAGE_PIXELS = MAX_QR_PIXELS
        with Image.open(stream) as image:
            image.load()
            codes = zxingcpp.read_barcodes(image.convert("L"),
                                           formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise InputError(f"{shown} is not an image that can be read") from exc
    texts = [c.text for c in codes if c.valid and c.text]
    if not texts:
        raise InputError(f"no QR code was found in {shown}")
    return texts
