"""Settings ▸ Online: when the wallet may fetch evidence, the offline switch, and the hosts it contacted.

The fetch policy and the offline switch are saved with the rest of the
settings (OK); answers per host apply at once, like trust changes. The list
of contacted hosts is the privacy log the online client writes through the
vault (``wallet.app.online``): host, how often, when last, and why.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet.app import online
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import Task, TaskError


class OnlinePage(QWidget):
    """The "Online" tab of the settings dialog."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.policy = QComboBox()
        self.policy.setAccessibleName(self.tr("Fetch evidence when importing"))
        self.policy.addItem(self.tr("Ask once for each issuer's host"), online.FETCH_ASK)
        self.policy.addItem(self.tr("Always"), online.FETCH_ALWAYS)
        self.policy.addItem(self.tr("Never (only when I ask)"), online.FETCH_NEVER)
        self.offline = QCheckBox(self.tr("&Offline mode: never use the network"))
        self.offline.setToolTip(self.tr("The wallet then checks credentials only against evidence it already has."))
        explain = QLabel(self.tr(
            "Credentials are always checked offline. Some need something their issuer publishes (its keys, "
            "its revocation list); the wallet fetches it only on import (as set here), when you choose "
            "Refresh evidence, and on a schedule while it runs. Every host contacted is listed below."))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Fetch evidence on &import:"), self.policy)
        form.addRow(self.offline)
        self.hosts = QTableWidget(0, 5)
        self.hosts.setAccessibleName(self.tr("Contacted hosts"))
        self.hosts.setHorizontalHeaderLabels([self.tr("Host"), self.tr("Times"), self.tr("Last contact"),
                                              self.tr("Your answer"), self.tr("Why")])
        self.hosts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hosts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hosts.verticalHeader().hide()
        self.hosts.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        allow = QPushButton(self.tr("&Allow host"))
        allow.clicked.connect(lambda: self.decide(True))
        deny = QPushButton(self.tr("&Never this host"))
        deny.clicked.connect(lambda: self.decide(False))
        forget = QPushButton(self.tr("&Forget answer"))
        forget.clicked.connect(lambda: self.decide(None))
        buttons = QHBoxLayout()
        for button in (allow, deny, forget):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Contacted hosts:")))
        layout.addWidget(self.hosts, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.loaded = False
        self.reload()

    def reload(self) -> None:
        def work(vault: Any, _task: Task) -> tuple[online.OnlinePrefs, list[online.HostSummary]]:
            return online.prefs(vault), online.contacted_hosts(vault)

        self.session.call(work, owner=self, on_success=self._show, on_failure=self._failed)

    def _show(self, found: tuple[online.OnlinePrefs, list[online.HostSummary]]) -> None:
        prefs, hosts = found
        self.policy.setCurrentIndex(max(0, self.policy.findData(prefs.fetch)))
        self.offline.setChecked(prefs.offline)
        answered = {h.host for h in hosts}
        rows: list[tuple[str, str, str, bool | None, str]] = [
            (h.host, str(h.count), h.last.strftime("%Y-%m-%d %H:%M UTC"), h.allowed, ", ".join(h.purposes))
            for h in hosts]
        rows += [(host, "0", "", allowed, "") for host, allowed in sorted(prefs.hosts.items()) if host not in answered]
        self.hosts.setRowCount(len(rows))
        labels = {True: self.tr("allowed"), False: self.tr("never"), None: ""}
        for row, (host, count, last, allowed, why) in enumerate(rows):
            for column, text in enumerate((host, count, last, labels[allowed], why)):
                self.hosts.setItem(row, column, QTableWidgetItem(text))
        self.loaded = True

    def _failed(self, error: TaskError) -> None:
        self.status.setText(error.message)

    def selected_host(self) -> str | None:
        row = self.hosts.currentRow()
        item = self.hosts.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else None

    def decide(self, allowed: bool | None) -> None:
        host = self.selected_host()
        if host is None:
            return

        def done(_result: Any) -> None:
            self.status.setText(self.tr("Saved."))
            self.reload()

        self.session.mutate(lambda v, _t: online.decide_host(v, host, allowed), Changes(settings=True), owner=self,
                            on_success=done, on_failure=self._failed)

    def values(self) -> tuple[str, bool]:
        """(fetch policy, offline) as shown, for the dialog's OK."""
        return str(self.policy.currentData() or online.FETCH_ASK), self.offline.isChecked()


def save(vault: Any, policy: str, offline_mode: bool) -> None:
    """Store the page's values (called with the other settings, on the vault thread)."""
    online.set_fetch_policy(vault, policy)
    online.set_offline(vault, offline_mode)
