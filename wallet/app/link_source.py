"""The link in what the user gave: pasted text, a file, or a QR image (a file or its bytes).

Receiving an offer and answering a verifier's request start the same way; why
one function: the size limit, the file errors and the QR reading must not
drift between the two. Each caller says what it looks for and how to refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wallet.errors import InputError
from wallet.messages import msg
from wallet.sharing.qr_read import decode_qr_image, looks_like_image

#: A screenshot holding a QR code may be large; a link itself never is (each protocol caps its own).
MAX_SOURCE_BYTES = 15 * 1024 * 1024


def link_text(source: str | bytes | Path, *, wanted: Callable[[str], bool], refuse: Callable[[str], InputError],
              max_text_bytes: int = MAX_SOURCE_BYTES) -> str:
    """The text of ``source``; ``refuse(reason)`` makes the caller's error, ``wanted`` picks a QR code's text."""
    if isinstance(source, Path):
        try:
            if source.stat().st_size > MAX_SOURCE_BYTES:
                raise refuse(f"{source.name} is too large")
            data = source.read_bytes()
        except FileNotFoundError as exc:
            raise InputError(f"{source}: no such file", message=msg("import.no_file", name=str(source))) from exc
        except OSError as exc:
            raise InputError(f"{source} cannot be read", message=msg("import.unreadable_file", name=str(source))) \
                from exc
        return _from_bytes(data, source.name, wanted, refuse, max_text_bytes)
    if isinstance(source, bytes):
        return _from_bytes(source, "the image", wanted, refuse, max_text_bytes)
    return source.strip()


def _from_bytes(data: bytes, name: str, wanted: Callable[[str], bool], refuse: Callable[[str], InputError],
                max_text_bytes: int) -> str:
    if looks_like_image(data):
        found = [t for t in decode_qr_image(data, name) if wanted(t)]
        if not found:
            raise refuse(f"the QR code in {name} holds none")
        return found[0]
    if len(data) > max_text_bytes:
        raise refuse(f"it is longer than {max_text_bytes} bytes")
    try:
        return data.decode("utf-8-sig").strip()
    except UnicodeDecodeError as exc:
        raise refuse("it is not UTF-8 text") from exc
