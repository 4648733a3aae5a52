"""Per-item import results (source, outcome, detail), shown after a bulk import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from wallet.readout import State
from wallet.ui.i18n import say
from wallet.ui.icons import verdict_icon

_BAD_STATES = {state.value for state in State if state.bad}


def outcome_label(outcome: str) -> str:
    labels = {
        "imported": QCoreApplication.translate("Import", "Imported"),
        "duplicate": QCoreApplication.translate("Import", "Already in the wallet"),
        "invalid": QCoreApplication.translate("Import", "Not imported"),
        "evidence": QCoreApplication.translate("Import", "Kept as evidence"),
        "fetched": QCoreApplication.translate("Import", "Fetched online"),
        "not-fetched": QCoreApplication.translate("Import", "Could not be fetched"),
    }
    return labels.get(outcome, outcome)


class ImportResultsModel(QAbstractTableModel):
    """Rows are ``wallet.app.importing.ImportResult`` values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._results: list[Any] = []

    def set_results(self, results: Sequence[Any]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def results(self) -> list[Any]:
        return list(self._results)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Item"), self.tr("Outcome"), self.tr("Details"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._results)):
            return None
        result = self._results[index.row()]
        outcome = getattr(result.outcome, "value", str(result.outcome))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return result.source
            if index.column() == 1:
                return outcome_label(outcome)
            if index.column() == 2:
                title = result.title or ""
                text = say(result.message)
                return f"{title} — {text}" if title else text
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            bad = outcome == "invalid" or (result.state or "") in _BAD_STATES
            return verdict_icon("invalid" if bad else "valid" if outcome == "imported" else "valid-with-warnings")
        return None
