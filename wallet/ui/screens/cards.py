"""Credentials as cards: image, title, issuer, date and verdict.

A delegate paints the cards in a ``QListView`` in icon mode, so 10,000
credentials cost no widgets. Colours come from the palette (light and dark
themes) and sizes from the font metrics (the system font size).
Images are decoded once per credential from ``data:`` URLs only
(:mod:`wallet.ui.images`) and cached.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from wallet.ui.icons import pixmap, verdict_icon
from wallet.ui.images import image_from_data_url
from wallet.ui.models.credentials import ROW_ROLE, verdict_label

_MISSING = object()


class CardDelegate(QStyledItemDelegate):
    """Paints one credential card."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._images: dict[str, QImage | None] = {}

    def clear_cache(self) -> None:
        self._images.clear()

    def _card_size(self, option: QStyleOptionViewItem) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(line * 17, line * 7)

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
                            2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 8, 8)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 6, 6)

        metrics = QFontMetrics(option.font)
        line = metrics.height()
        pad = line // 2
        image_size = line * 3
        image_rect = QRect(rect.left() + pad, rect.top() + pad, image_size, image_size)
        image = self._image(row, image_size * 2)
        if image is not None:
            scaled = image.scaled(image_rect.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(image_rect.topLeft(), scaled)
        else:
            painter.drawPixmap(image_rect, pixmap("credential", image_size))

        text_left = image_rect.right() + pad
        text_width = rect.right() - pad - text_left
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        bold = option.font
        bold.setBold(True)
        painter.setFont(bold)
        title_rect = QRect(text_left, rect.top() + pad, text_width, line * 2 + 2)
        title = row.title or self.tr("(untitled credential)")
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignTop),
                         QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, text_width * 2 - line))
        bold.setBold(False)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        issuer_rect = QRect(text_left, title_rect.bottom() + 2, text_width, line)
        painter.drawText(issuer_rect, int(Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(row.issuer, Qt.TextElideMode.ElideRight, text_width))
        date_rect = QRect(text_left, issuer_rect.bottom() + 2, text_width, line)
        painter.drawText(date_rect, int(Qt.AlignmentFlag.AlignLeft), row.issued)

        painter.setPen(palette.color(QPalette.ColorRole.Text))
        badge_top = rect.bottom() - pad - line
        verdict_icon(row.verdict).paint(painter, QRect(rect.left() + pad, badge_top, line, line))
        painter.drawText(QRect(rect.left() + pad + line + 4, badge_top, rect.width() - 3 * pad, line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), verdict_label(row.verdict))
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
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setAccessibleName(self.tr("Credential cards"))
