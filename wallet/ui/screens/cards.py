"""Credentials as cards: badge or logo, title, issuer, date and a status badge.

A delegate paints the cards in a ``QListView`` in icon mode, so 10,000
credentials cost no widgets. The card's height comes from the font (three
lines of title, the issuer, the date, the badge), so nothing overlaps at any
font size; text that still does not fit is elided and shown whole in the
tooltip. Colours come from the palette and the state looks
(:mod:`wallet.ui.states`, contrast-checked), sizes from the font metrics.
Images are decoded once per credential from ``data:`` URLs only
(:mod:`wallet.ui.images`, size-capped) and cached.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from wallet.ui.icons import pixmap
from wallet.ui.images import image_from_data_url
from wallet.ui.models.credentials import ROW_ROLE, date_text, state_text
from wallet.ui.states import colours, look, state_label

_MISSING = object()
TITLE_LINES = 3


def wrapped_lines(text: str, font: QFont, width: int, limit: int) -> list[str]:
    """``text`` broken into at most ``limit`` lines of ``width`` pixels; the last one elided if needed."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    if len(lines) > limit:
        rest = "".join(lines[limit - 1:])
        lines = lines[:limit - 1] + [QFontMetrics(font).elidedText(rest.strip(), Qt.TextElideMode.ElideRight, width)]
    return [line.strip() for line in lines]


class CardDelegate(QStyledItemDelegate):
    """Paints one credential card."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._images: dict[str, QImage | None] = {}

    def clear_cache(self) -> None:
        self._images.clear()

    @staticmethod
    def metrics(option: QStyleOptionViewItem) -> tuple[int, int, int]:
        """(line height, padding, image size) from the font."""
        line = QFontMetrics(option.font).height()
        return line, max(6, line // 2), line * 3

    def _card_size(self, option: QStyleOptionViewItem) -> QSize:
        line, pad, image = self.metrics(option)
        text = (TITLE_LINES + 2) * line + 4
        return QSize(line * 18, pad * 4 + max(image, text) + line + 8)

    def sizeHint(self, option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return self._card_size(option)

    def _image(self, row: Any, size: int) -> QImage | None:
        cached = self._images.get(row.id, _MISSING)
        if cached is _MISSING:
            cached = image_from_data_url(row.image, size) if row.image else None
            self._images[row.id] = cached
        return cached  # type: ignore[return-value]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            return
        painter.save()
        palette = option.palette
        rect = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid),
                            3 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 8, 8)
        if option.state & QStyle.StateFlag.State_HasFocus:  # keyboard focus: a second, dashed ring inside
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), 6, 6)

        line, pad, image_size = self.metrics(option)
        image_rect = QRect(rect.left() + pad, rect.top() + pad, image_size, image_size)
        image = self._image(row, image_size * 2)
        if image is not None:
            scaled = image.scaled(image_rect.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            offset = QPointF((image_size - scaled.width()) / 2, (image_size - scaled.height()) / 2)
            painter.drawImage(QPointF(image_rect.topLeft()) + offset, scaled)
        else:
            painter.drawPixmap(image_rect, pixmap("credential", image_size))

        text_left = image_rect.right() + pad
        text_width = rect.right() - pad - text_left
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        top = rect.top() + pad
        title = row.title or self.tr("(untitled credential)")
        for text in wrapped_lines(title, bold, text_width, TITLE_LINES):
            painter.drawText(QRect(text_left, top, text_width, line), int(Qt.AlignmentFlag.AlignLeft), text)
            top += line
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        top += 4
        for text in (row.issuer, date_text(row.issued)):
            if text:
                painter.drawText(QRect(text_left, top, text_width, line), int(Qt.AlignmentFlag.AlignLeft),
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_width))
            top += line

        item = look(row.state or None)
        background, foreground = colours(item, palette)
        words = state_text(row)
        badge_width = rect.width() - 2 * pad
        if metrics.horizontalAdvance(words) + line + 16 > badge_width:
            words = state_label(row.state or None)
        words = metrics.elidedText(words, Qt.TextElideMode.ElideRight, badge_width - line - 16)
        badge = QRect(rect.left() + pad, rect.bottom() - pad - line - 6,
                      min(badge_width, metrics.horizontalAdvance(words) + line + 18), line + 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(badge), 6, 6)
        from wallet.ui.states import state_icon

        state_icon(row.state or None).paint(painter, QRect(badge.left() + 5, badge.top() + 3, line, line))
        painter.setPen(foreground)
        painter.drawText(QRect(badge.left() + line + 10, badge.top(), badge.width() - line - 12, badge.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), words)
        painter.restore()


class CardView(QListView):
    """A grid of credential cards that wraps with the window width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWrapping(True)
        self.setSpacing(4)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setAccessibleName(self.tr("Credential cards"))
        self.setAccessibleDescription(self.tr("Your credentials as cards; use the arrow keys to move between them"))
