"""The credentials table model and its filter proxy.

One source model holds every credential row; views look at it through a
:class:`CredentialFilter` (Qt's model/view guidance, the addressbook's model-per-tab).

Speed with 10,000 credentials: sorting happens in the *source* model (one
Python ``list.sort`` with a key, then ``layoutChanged``) rather than through
the proxy's ``lessThan``, which would call into Python ~130,000 times per
sort. The filter precomputes a list of accepted rows in one comprehension
per keystroke, so ``filterAcceptsRow`` is a list lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from wallet.app.credentials import CredentialRow
from wallet.messages import msg
from wallet.readout import State
from wallet.ui.i18n import say, ui_language
from wallet.ui.states import state_icon, state_label

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3

COL_TITLE, COL_ISSUER, COL_STATE, COL_ISSUED = range(4)
COLUMNS = 4


def format_name(fmt: str) -> str:
    """"a digital credential (W3C, JSON-LD)" for ``vc-ldp``: the catalogue's name, never the id."""
    return say(msg("format.recognised_as", fmt=fmt))


_LINES: dict[tuple[str, str], str] = {}


def state_text(row: CredentialRow) -> str:
    """The row's one-line state in the UI's language, worked out once per report and language."""
    key = (row.id + "|" + row.as_of, ui_language())
    found = _LINES.get(key)
    if found is None:
        line = row.state_line()
        found = say(line) if line is not None else state_label(row.state or None)
        if len(_LINES) > 50_000:
            _LINES.clear()
        _LINES[key] = found
    return found


def date_text(iso: str) -> str:
    """An ISO date for the reader ("3 Mar 2025" / "3. 3. 2025")."""
    return say(msg("date.date", when=iso)) if iso else ""


STATE_ORDER: dict[str, int] = {state.value: n for n, state in enumerate(State)}

_SORT_KEYS = {
    COL_TITLE: lambda r: r.title.casefold(),
    COL_ISSUER: lambda r: r.issuer.casefold(),
    COL_STATE: lambda r: (STATE_ORDER.get(r.state, 99), r.title.casefold()),
    COL_ISSUED: lambda r: r.issued,
}

class CredentialsModel(QAbstractTableModel):
    """Every credential in the open vault, one row each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CredentialRow] = []
        self._sort = (COL_ISSUED, Qt.SortOrder.DescendingOrder)
        self.generation = 0  # bumped whenever rows change or move (the filter's cache key)

    # -- data --------------------------------------------------------------------
    def set_rows(self, rows: Sequence[CredentialRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self.generation += 1
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[CredentialRow]:
        return list(self._rows)

    def row_at(self, row: int) -> CredentialRow:
        return self._rows[row]

    def row_of(self, ident: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == ident), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Title"), self.tr("Issuer"), self.tr("Status"), self.tr("Issued"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                return row.title or self.tr("(untitled credential)")
            if col == COL_ISSUER:
                return row.issuer or self.tr("(issuer not named)")
            if col == COL_STATE:
                return state_text(row)
            if col == COL_ISSUED:
                return date_text(row.issued)
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATE:
            return state_icon(row.state or None)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_STATE:
                return state_text(row)
            if col == COL_TITLE:
                return "\n".join(x for x in (row.title, row.issuer, state_text(row), format_name(row.format)) if x)
            if col == COL_ISSUER:
                return row.issuer or None
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_STATE:
            return state_text(row)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == STATE_ROLE:
            return row.state
        return None

    # -- sorting in the source (see module docstring) ----------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._sort = (column, order)
        self._apply_sort()
        self.generation += 1
        positions = {id(r): i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        new_indexes = []
        for idx in persistent:
            new_row = positions[id(old[idx.row()])]
            new_indexes.append(self.index(new_row, idx.column()))
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self._rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)


class CredentialFilter(QSortFilterProxyModel):
    """Search-as-you-type plus issuer, format, state and target filters."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.issuer = ""  # issuer id, "" for any
        self.format = ""
        self.state = ""  # wallet.readout.State value, "" for any
        self.target_ids: frozenset[str] | None = None  # credentials counting towards the chosen target
        self._accepted: list[bool] = []
        self._generation = -1
        self._source: CredentialsModel | None = None  # kept in Python: no wrapper lookup per row
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        self._source = model
        self._generation = -1
        super().setSourceModel(model)

    def set_search(self, text: str) -> None:
        self._text = text.strip().casefold()
        self.refresh()

    def set_filters(self, *, issuer: str | None = None, format: str | None = None, state: str | None = None,
                    target_ids: frozenset[str] | None | bool = False) -> None:
        if issuer is not None:
            self.issuer = issuer
        if format is not None:
            self.format = format
        if state is not None:
            self.state = state
        if target_ids is not False:
            self.target_ids = target_ids  # type: ignore[assignment]
        self.refresh()

    def refresh(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._recompute()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._recompute()
            self.invalidateRowsFilter()

    def _recompute(self) -> None:
        source = self._source
        if source is None:
            self._accepted = []
            return
        self._generation = source.generation
        words = self._text.split()
        issuer, fmt, state, ids = self.issuer, self.format, self.state, self.target_ids
        self._accepted = [
            all(w in r.search for w in words)
            and (not issuer or r.issuer_id == issuer)
            and (not fmt or r.format == fmt)
            and (not state or r.state == state)
            and (ids is None or r.id in ids)
            for r in source._rows
        ]

    def filterAcceptsRow(self, source_row: int, _parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self._source is not None and self._generation != self._source.generation:
            self._recompute()  # the source changed since the last filter pass
        try:
            return self._accepted[source_row]
        except IndexError:
            return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (fast), keeping the proxy's own order unsorted."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
