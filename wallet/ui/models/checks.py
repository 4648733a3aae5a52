"""The checks of one verification report, as a table (name, status, reason).

A report is a list of named steps, each with a reason (STYLE do 9); the table
shows all of them, failures first in the core's order, so a reader sees *why*
and not only a verdict.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from wallet.messages import msg, technical_details
from wallet.model import Check, VerificationReport
from wallet.ui.i18n import say, ui_language
from wallet.ui.icons import verdict_icon

_STATUS_AS_VERDICT = {"passed": "valid", "warning": "valid-with-warnings", "failed": "invalid", "not-checked": ""}


def status_label(status: str) -> str:
    labels = {
        "passed": QCoreApplication.translate("Checks", "Passed"),
        "failed": QCoreApplication.translate("Checks", "Failed"),
        "warning": QCoreApplication.translate("Checks", "Warning"),
        "not-checked": QCoreApplication.translate("Checks", "Not checked"),
    }
    return labels.get(status, status)


def check_label(check: Check) -> str:
    """A reader's name for a check (the core's catalogue); the stable id stays in the tooltip."""
    label = say(msg("check.label", id=check.id.value))
    return f"{label} {check.index + 1}" if check.index is not None else label


class ChecksModel(QAbstractTableModel):
    """Rows are :class:`wallet.model.Check` values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._checks: list[Check] = []

    def set_report(self, report: VerificationReport | None) -> None:
        self.beginResetModel()
        self._checks = list(report.checks) if report is not None else []
        self.endResetModel()

    def check_at(self, row: int) -> Check:
        return self._checks[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._checks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Check"), self.tr("Result"), self.tr("Reason"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._checks)):
            return None
        check = self._checks[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return check.name
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            details = technical_details(check.message, (ui_language(), "en"))
            return "\n".join([say(check.message), *(f"{k}: {v}" for k, v in details)])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return check_label(check) + (" *" if check.essential else "")
            if col == 1:
                return status_label(check.status.value)
            if col == 2:
                return say(check.message)
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return verdict_icon(_STATUS_AS_VERDICT.get(check.status.value, ""))
        return None
