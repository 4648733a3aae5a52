"""Target qualifications and the learner's progress towards each.

Rows are :class:`wallet.stacking.Progress` values computed by the core on
the vault thread; the model only presents them. The percentage column
carries an integer under ``PROGRESS_ROLE`` so a delegate can draw a bar and a
proxy can sort by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from wallet.model import pick_lang

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 10
TARGET_ID_ROLE = Qt.ItemDataRole.UserRole + 11
COL_TITLE, COL_PROGRESS, COL_UNITS, COL_CREDITS = range(4)


def _num(value: float) -> str:
    return f"{value:g}"


class TargetsModel(QAbstractTableModel):
    """One row per target: title, progress, requirements met, credits."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self.langs: tuple[str, ...] = ("en",)

    def set_progress(self, items: Sequence[Any], langs: Sequence[str] = ("en",)) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.langs = tuple(langs)
        self.endResetModel()

    def progress_at(self, row: int) -> Any:
        return self._items[row]

    def row_of(self, target_id: str) -> int:
        return next((i for i, p in enumerate(self._items) if p.target.id == target_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return (self.tr("Target"), self.tr("Progress"), self.tr("Requirements met"), self.tr("Credits"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        col = index.column()
        percent = int(round(item.fraction * 100))
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                return pick_lang(item.target.title, self.langs) or item.target.id
            if col == COL_PROGRESS:
                return f"{percent} %"
            if col == COL_UNITS:
                return f"{item.components_met} / {item.components_total}"
            if col == COL_CREDITS:
                from wallet.messages import msg
                from wallet.ui.i18n import say

                unit = say(msg("unit.label", unit=item.unit))
                if not item.credits_required:
                    return _num(item.credits_counted) + " " + unit
                return f"{_num(item.credits_counted)} / {_num(item.credits_required)} {unit}"
        if role == PROGRESS_ROLE:
            return percent if col == COL_PROGRESS else None
        if role == TARGET_ID_ROLE:
            return item.target.id
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TITLE, COL_PROGRESS):
            from wallet.stacking.explain import progress_line
            from wallet.ui.i18n import say

            description = pick_lang(item.target.description, self.langs)
            return "\n".join(x for x in (pick_lang(item.target.title, self.langs), say(progress_line(item)),
                                          description) if x)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_PROGRESS:
            return self.tr("%1 percent complete").replace("%1", str(percent))
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_TITLE:
            return pick_lang(item.target.title, self.langs) or item.target.id
        return None


class TargetsProxy(QSortFilterProxyModel):
    """Sorts targets; the progress column sorts by its number, not its text."""

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if left.column() == COL_PROGRESS:
            return int(left.data(PROGRESS_ROLE) or 0) < int(right.data(PROGRESS_ROLE) or 0)
        return str(left.data() or "").casefold() < str(right.data() or "").casefold()
