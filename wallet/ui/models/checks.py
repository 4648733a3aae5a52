"""The checks of one verification report, as a table (name, status, reason).

A report is a list of named steps, each with a reason (STYLE do 9); the table
shows all of them, failures first in the core's order, so a reader sees *why*
and not only a verdict.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from wallet.model import Check, VerificationReport
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


def check_label(name: str) -> str:
    """A reader's name for a check; the core's stable id stays in the tooltip."""
    labels = {
        "format": QCoreApplication.translate("Checks", "Format"),
        "jsonld": QCoreApplication.translate("Checks", "Vocabulary (JSON-LD)"),
        "signature": QCoreApplication.translate("Checks", "Signature"),
        "proof-purpose": QCoreApplication.translate("Checks", "Purpose of the signature"),
        "issuer-key": QCoreApplication.translate("Checks", "Issuer's key"),
        "validity": QCoreApplication.translate("Checks", "Validity dates"),
        "status": QCoreApplication.translate("Checks", "Revocation status"),
        "issuer-trusted": QCoreApplication.translate("Checks", "Trusted issuer"),
        "jwt-claims": QCoreApplication.translate("Checks", "Token claims"),
        "presentation-signature": QCoreApplication.translate("Checks", "Presenter's signature"),
        "presentation-credentials": QCoreApplication.translate("Checks", "Credentials in the presentation"),
        "challenge": QCoreApplication.translate("Checks", "Challenge"),
        "domain": QCoreApplication.translate("Checks", "Domain"),
        "holder-binding": QCoreApplication.translate("Checks", "Belongs to the presenter"),
        "recipient": QCoreApplication.translate("Checks", "Recipient"),
        "revocation": QCoreApplication.translate("Checks", "Revocation"),
        "hosted-origin": QCoreApplication.translate("Checks", "Hosting origin"),
        "disclosures": QCoreApplication.translate("Checks", "Disclosures"),
        "FORMAT": QCoreApplication.translate("Checks", "Format (EDC)"),
        "SEAL": QCoreApplication.translate("Checks", "Seal"),
        "OWNER": QCoreApplication.translate("Checks", "Owner (trusted issuer)"),
        "REVOCATION": QCoreApplication.translate("Checks", "Revocation (EDC)"),
        "EXPIRY": QCoreApplication.translate("Checks", "Expiry"),
        "ACCREDITATION": QCoreApplication.translate("Checks", "Accreditation"),
    }
    if name in labels:
        return labels[name]
    if name.startswith("credential[") and name.endswith("]") and name[11:-1].isdigit():
        return QCoreApplication.translate("Checks", "Credential %1").replace("%1", str(int(name[11:-1]) + 1))
    return name


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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return check_label(check.name) + (" *" if check.essential else "")
            if col == 1:
                return status_label(check.status.value)
            if col == 2:
                return check.reason
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return verdict_icon(_STATUS_AS_VERDICT.get(check.status.value, ""))
        return None
