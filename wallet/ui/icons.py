"""The app's own SVG icons, tinted to the current palette.

The monochrome icons are drawn with ``currentColor``; QIcon has no notion of
it, so the SVG text is tinted with the palette's text colour before it is
rendered. That way the icons stay readable in light and dark themes. The
verdict icons carry their own colours (with a white mark, readable on both).
Files are loaded from ``resources/icons`` (listed in ``icons.qrc`` for Qt
tooling) rather than a generated resource module, so there is no generated
code to keep in sync.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from wallet.resources import resource

_SIZES = (16, 24, 32, 48)


def _text_colour() -> str:
    if not isinstance(QApplication.instance(), QApplication):
        return "#202124"
    return QApplication.palette().color(QPalette.ColorRole.WindowText).name()


@lru_cache(maxsize=128)
def _icon(name: str, colour: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode()))
    icon = QIcon()
    for size in _SIZES:
        image = QImage(size * 2, size * 2, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size * 2, size * 2))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(2.0)
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The named icon (``resources/icons/<name>.svg``) in the palette's text colour."""
    return _icon(name, _text_colour())


def coloured_icon(name: str) -> QIcon:
    """An icon that carries its own colours (the state icons), not tinted to the palette."""
    return _icon(name, "")


def verdict_icon(verdict: str | None) -> QIcon:
    kind = {
        "valid": "verdict-valid",
        "valid-with-warnings": "verdict-warning",
        "invalid": "verdict-invalid",
    }.get(verdict or "", "verdict-unknown")
    return _icon(kind, "")


def pixmap(name: str, size: int) -> QPixmap:
    return icon(name).pixmap(QSize(size, size))


def clear_cache() -> None:
    """Forget tinted icons (after a palette change)."""
    _icon.cache_clear()
