"""QR codes of share links, with the capacity limits stated up front.

A QR code carries the link, never a credential on its own (threat "QR payload too large" in docs/THREATS.md). Error correction defaults to level M (15 % of the symbol can be damaged),
the usual choice for screens and paper. The data always goes in byte mode so
the capacity is the published byte capacity: version 40-M holds 2,331 bytes.
Past version 25 (997 bytes at M) the modules get small enough that phone
cameras struggle with a printed code, so the result carries a warning.

PNG comes from qrcode's Pillow factory; SVG is written here from the module
matrix because it is twenty lines and gives a white background (transparent
QR codes vanish in dark-mode viewers) and a stable, testable shape.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import qrcode
import qrcode.constants
import qrcode.util
from qrcode.exceptions import DataOverflowError

from wallet.errors import InputError, UsageError
from wallet.messages import Message, msg

LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
MAX_VERSION = 40
WARN_VERSION = 25
BOX_SIZE = 8  # pixels per module in the PNG
BORDER = 4  # quiet zone in modules, the minimum the standard asks for
#: Printed size: every module at least 0.45 mm (a phone camera at reading distance, and 1.8 pixels at
#: 100 dpi, which a scanner still decodes), the whole symbol never under 6 cm nor over 9 cm.
PRINT_MODULE_MM = 0.45
PRINT_MIN_MM = 60.0
PRINT_MAX_MM = 90.0


def byte_capacity(version: int, level: str = "M") -> int:
    """Bytes a QR code of ``version`` holds in byte mode at error-correction ``level``."""
    if not 1 <= version <= MAX_VERSION:
        raise UsageError(f"QR versions are 1 to 40, not {version}")
    bits = qrcode.util.BIT_LIMIT_TABLE[_level(level)][version]
    count_bits = 8 if version < 10 else 16
    return (bits - 4 - count_bits) // 8


def _level(level: str) -> int:
    try:
        return LEVELS[level.upper()]
    except KeyError as exc:
        raise UsageError(f"QR error-correction level must be L, M, Q or H, not {level!r}") from exc


@dataclass(frozen=True)
class QrCode:
    """A fitted QR symbol: its version, level, module matrix and any warning."""

    data: bytes
    version: int
    level: str
    matrix: tuple[tuple[bool, ...], ...]  # modules including the quiet zone
    warning: str | None

    @property
    def size(self) -> int:
        return len(self.matrix)

    @property
    def print_mm(self) -> float:
        """How wide to print it (the PDF does; the app's advice says the same)."""
        return print_size_mm(self.size)

    @property
    def advice(self) -> Message | None:
        """The warning as a catalogue message, for the reader's language (None for an easy code)."""
        if self.version <= WARN_VERSION:
            return None
        return msg("qr.dense", version=self.version, mm=round(self.print_mm))


def print_size_mm(modules: int) -> float:
    """The printed width of a symbol of ``modules`` modules (quiet zone included)."""
    return min(PRINT_MAX_MM, max(PRINT_MIN_MM, modules * PRINT_MODULE_MM))


def too_large(size: int, level: str = "M") -> Message:
    """Why there is no QR code, the same words on the Share screen, in the CLI and on paper."""
    return msg("qr.too_large", size=size, max=byte_capacity(MAX_VERSION, level))


def too_large_message(size: int, level: str = "M") -> str:
    cap = byte_capacity(MAX_VERSION, level)
    return (
        f"this bundle is too large for a QR code ({size:,} bytes; a QR code holds at most "
        f"{cap:,} bytes at level {level.upper()}) — share it as a file, or as a hosted link when available"
    )


def make_qr(link: str, level: str = "M") -> QrCode:
    """Fit ``link`` into the smallest QR version at ``level``; InputError if it cannot fit."""
    data = link.encode("utf-8")
    level = level.upper()
    if len(data) > byte_capacity(MAX_VERSION, level):
        raise InputError(too_large_message(len(data), level), message=too_large(len(data), level))
    qr = qrcode.QRCode(version=None, error_correction=_level(level), box_size=BOX_SIZE, border=BORDER)
    qr.add_data(qrcode.util.QRData(data, mode=qrcode.util.MODE_8BIT_BYTE))
    try:
        qr.make(fit=True)
    except DataOverflowError as exc:  # the table check above should make this unreachable
        raise InputError(too_large_message(len(data), level), message=too_large(len(data), level)) from exc
    version = int(qr.version)
    warning = None
    if version > WARN_VERSION:
        mm = round(print_size_mm(int(qr.modules_count) + 2 * BORDER))
        warning = (
            f"the QR code needs version {version} (over {WARN_VERSION}); it may be hard to scan "
            f"when printed small — print it at least {mm} mm wide (as the PDF does), or share a hosted link "
            "or a file instead"
        )
    matrix = tuple(tuple(bool(m) for m in row) for row in qr.get_matrix())
    return QrCode(data, version, level, matrix, warning)


def render_png(code: QrCode, box_size: int = BOX_SIZE) -> bytes:
    """PNG bytes: black modules on white, ``box_size`` pixels per module."""
    from PIL import Image  # deferred: start-up time

    n = code.size
    img = Image.new("L", (n, n), 255)
    img.putdata([0 if dark else 255 for row in code.matrix for dark in row])
    img = img.resize((n * box_size, n * box_size), Image.Resampling.NEAREST).convert("1")
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def render_svg(code: QrCode, module_mm: float = 0.5) -> bytes:
    """SVG bytes: a white square and one path of horizontal runs of dark modules."""
    n = code.size
    runs: list[str] = []
    for y, row in enumerate(code.matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                runs.append(f"M{start},{y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    size = f"{n * module_mm:g}mm"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{size}" height="{size}" '
        f'viewBox="0 0 {n} {n}" shape-rendering="crispEdges">'
        f'<rect width="{n}" height="{n}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>\n'
    )
    return svg.encode("ascii")


def qr_png(link: str, level: str = "M") -> tuple[bytes, QrCode]:
    code = make_qr(link, level)
    return render_png(code), code


def qr_svg(link: str, level: str = "M") -> tuple[bytes, QrCode]:
    code = make_qr(link, level)
    return render_svg(code), code
