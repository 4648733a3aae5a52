"""What was presented to verifiers: the vault's presentation history, newest first.

One row per answer the wallet sent (or tried to send): when, to whom (with "verified" or
"unverified"), the outcome, and under it each credential with the claims it disclosed. The core
reads the history (:func:`wallet.app.presenting.history.history`); this window only shows it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet.ui.i18n import fmt, ui_language
from wallet.ui.session import Session
from wallet.ui.widgets import describe, describe_buttons


class PresentationsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Presented to verifiers"))
        self.empty = QLabel(self.tr("Nothing has been presented to a verifier yet."))
        self.tree = QTreeWidget()
        describe(self.tree, self.tr("Presentation history"),
                 self.tr("Every answer you sent to a verifier: when, to whom, what it showed and whether it was accepted"))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Verifier"), self.tr("Outcome")])
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.reload()

    def reload(self) -> None:
        from wallet.app.presenting.history import history

        self.session.call(lambda v, _t: history(v), owner=self, on_success=self.show_items)

    def _outcome(self, outcome: str) -> str:
        return {"sending": self.tr("being sent"), "accepted": self.tr("accepted"),
                "rejected": self.tr("not accepted"), "failed": self.tr("not delivered")}.get(outcome, outcome)

    def show_items(self, items: list[Any]) -> None:
        from wallet.app.presenting.history import claims_text

        self.tree.clear()
        self.empty.setVisible(not items)
        for item in items:
            who = fmt(self.tr("%1 (verified)") if item.verified else self.tr("%1 (unverified)"), item.verifier)
            if item.verifier_name:
                who += fmt(self.tr(" — calls itself “%1”"), item.verifier_name)
            row = QTreeWidgetItem([item.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), who,
                                   self._outcome(item.outcome)])
            for cred in item.credentials:
                line = fmt(self.tr("%1: %2"), str(cred.get("title", "")), claims_text(cred, (ui_language(), "en")))
                child = QTreeWidgetItem(row, ["", line, ""])
                child.setToolTip(1, line)
            row.setToolTip(1, who)
            self.tree.addTopLevelItem(row)
            row.setExpanded(True)
