"""Turning what the user hands the app (pasted text, a QR image) into bytes for the core.

These run on the CPU pool. Pasted text is either a share link (decoded by
``wallet.sharing.link``, which treats it as hostile) or the credential
itself (JSON, a JWT); what the bytes *are* is decided by the core's format
detection, not here. QR images are decoded by the core
(:mod:`wallet.sharing.qr_read`, zxing-cpp when it is installed; without it
the UI says so instead of hiding the feature).
"""

from __future__ import annotations

from pathlib import Path

from wallet.errors import InputError
from wallet.sharing.qr_read import MAX_QR_IMAGE_BYTES, MAX_QR_PIXELS, decode_qr_image, qr_available

__all__ = ["MAX_QR_IMAGE_BYTES", "MAX_QR_PIXELS", "decode_qr_image", "link_module_available", "looks_like_link",
           "qr_available", "qr_to_items", "text_to_bytes"]


def link_module_available() -> bool:
    try:
        import wallet.sharing.link  # noqa: F401
    except ImportError:
        return False
    return True


def looks_like_link(text: str) -> bool:
    """A share link has a fragment with ``v=``; a credential is JSON or a JWT (no ``#``).

    The core's link module decides whether the link is valid; this only
    chooses between "decode it as a link" and "import the text itself".
    """
    head, _, fragment = text.partition("#")
    return bool(fragment) and not text.startswith(("{", "[", "<")) and "v=" in fragment and len(head) < 4096


def text_to_bytes(text: str) -> tuple[str, bytes]:
    """(kind, bytes): a share link's bundle, or the pasted credential as UTF-8."""
    stripped = text.strip()
    if not stripped:
        raise InputError("there is nothing to import: the text is empty")
    if link_module_available() and looks_like_link(stripped):
        from wallet.sharing.link import decode_link

        return "link", decode_link(stripped)
    return "paste", stripped.encode("utf-8")


def qr_to_items(path: str | Path) -> list[tuple[str, bytes]]:
    """(source, bytes) for each QR code in the image, links decoded."""
    out = []
    for n, text in enumerate(decode_qr_image(path)):
        _kind, data = text_to_bytes(text)
        suffix = f"#{n + 1}" if n else ""
        out.append((f"qr:{Path(path).name}{suffix}", data))
    return out
