"""Hosted links in the app: make one from the Share screen, and see or delete them in "My shared links".

The use cases are the core's (``wallet.app.hosted``: seal with the evidence
pack, upload, record, delete on the server); this module only asks for the
share service's address the first time, runs them on the vault thread, and
shows the result. A hosted link made here becomes the Share screen's link:
its QR code and the PDF carry it, so the code stays small whatever the
bundle's size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet.messages import msg
from wallet.ui import dialogs
from wallet.ui.i18n import fmt, say
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import TaskError
from wallet.ui.widgets import describe

if TYPE_CHECKING:  # the use cases (and the HTTP stack behind them) load when an upload or the list needs them
    from wallet.app import hosted


def _server(session: Session, parent: QWidget, then: Callable[[str], None]) -> None:
    """The share service's address from the settings, asking (and remembering) it the first time."""

    from wallet.app import hosted, settings

    def got(current: str) -> None:
        if current:
            then(current)
            return
        answer = dialogs.get_text(parent, QCoreApplication.translate("HostedBox", "Share service"),
                                  QCoreApplication.translate("HostedBox", "The address of the share service to upload to (https://…):"))
        if not answer or not answer.strip():
            return

        def store(vault: Any, _task: Any) -> str:
            return str(settings.set_value(vault, hosted.SERVER_SETTING, answer))

        session.mutate(store, Changes(settings=True), owner=parent, on_success=then,
                       on_failure=lambda error: dialogs.error(parent, QCoreApplication.translate("HostedBox", "Share service"), error.message))

    session.call(lambda v, _t: str(v.get_setting(hosted.SERVER_SETTING, "") or ""), owner=parent, on_success=got)


class HostedBox(QWidget):
    """"Upload as a hosted link" on the Share screen: the button, a one-time option, the result."""

    def __init__(self, page: Any, session: Session) -> None:
        super().__init__(page)
        self.page, self.session = page, session
        self.button = QPushButton(self.tr("&Upload as a hosted link"))
        text = self.tr("Encrypt the bundle on this computer and upload it; anyone with the link can open and "
                       "check it in a browser, the service cannot read it")
        self.button.setToolTip(text)
        describe(self.button, self.tr("Upload as a hosted link"), text)
        self.button.clicked.connect(self.upload)
        self.one_time = QCheckBox(self.tr("Can be opened only &once"))
        describe(self.one_time, self.tr("One-time link"),
                 self.tr("The link stops working after the first person opens it"))
        self.mine = QPushButton(self.tr("My shared lin&ks…"))
        describe(self.mine, self.tr("My shared links"), self.tr("See the hosted links you made and delete them"))
        self.mine.clicked.connect(lambda: SharedLinksDialog(session, self).exec())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.one_time)
        row.addStretch(1)
        row.addWidget(self.mine)

    def upload(self) -> None:
        request = self.page.request()
        if not request.ids:
            return
        _server(self.session, self, lambda server: self._confirm_then_upload(request, server))

    def _confirm_then_upload(self, request: Any, server: str) -> None:
        from wallet.app import hosted, sharing
        from wallet.app.online import make_client

        def checked(warnings: list[Any]) -> None:
            if warnings and not dialogs.confirm(self, self.tr("Share"), "\n".join(
                    [self.tr("Some of the chosen credentials are not in force:"), *(say(w) for w in warnings), "",
                     self.tr("Share them anyway?")])):
                return
            one_time = self.one_time.isChecked()
            self.page.result.setText(self.tr("Encrypting and uploading…"))
            self.session.mutate(lambda v, _t: hosted.share_hosted(v, request, make_client(v), server=server,
                                                                  one_time=one_time),
                                Changes(), owner=self, on_success=self._done, on_failure=self._failed)

        self.session.call(lambda v, _t: sharing.prepare(v, request), owner=self, on_success=checked,
                          on_failure=self._failed)

    def _done(self, share: hosted.HostedShare) -> None:
        self.page.hosted_link = share.link
        QGuiApplication.clipboard().setText(share.link)
        until = say(msg("date.datetime", when=share.expires))
        text = fmt(self.tr("Uploaded, encrypted: the link is on the clipboard. It works until %1."), until)
        if share.one_time:
            text += " " + self.tr("It can be opened once.")
        text += " " + self.tr("Its QR code and the printable PDF now carry this short link.")
        self.page.result.setText(text)

    def _failed(self, error: TaskError) -> None:
        self.page.result.setText(error.message)


class SharedLinksDialog(QDialog):
    """The hosted links the learner made, with their expiry; copy one, or delete it on the service."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("My shared links"))
        self.resize(760, 380)
        self.links: list[hosted.HostedShare] = []
        self.table = QTableWidget(0, 4)
        describe(self.table, self.tr("Shared links"),
                 self.tr("Each hosted link you made: when, until when, how many credentials, and whether it still works"))
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Works until"), self.tr("Credentials"),
                                              self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        copy = QPushButton(self.tr("&Copy link"))
        describe(copy, self.tr("Copy link"), self.tr("Put the selected link on the clipboard"))
        copy.clicked.connect(self.copy)
        delete = QPushButton(self.tr("&Delete on the service"))
        describe(delete, self.tr("Delete on the service"),
                 self.tr("Delete the selected link on the share service for good; it stops working at once"))
        delete.clicked.connect(self.delete)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(delete)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        from wallet.app import hosted

        self.session.call(lambda v, _t: hosted.list_hosted(v), owner=self, on_success=self._show)

    def _show(self, links: list[hosted.HostedShare]) -> None:
        self.links = links
        self.table.setRowCount(len(links))
        for n, link in enumerate(links):
            state = self.tr("deleted") if link.deleted else self.tr("expired") if link.expired \
                else self.tr("works") + (" · " + self.tr("once") if link.one_time else "")
            cells = (say(msg("date.datetime", when=link.created)), say(msg("date.datetime", when=link.expires)),
                     str(len(link.credentials)), state)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(link.server)
                self.table.setItem(n, column, item)
        if not links:
            self.status.setText(self.tr("You have made no hosted links yet. Make one on the Share screen."))

    def _selected(self) -> hosted.HostedShare | None:
        row = self.table.currentRow()
        return self.links[row] if 0 <= row < len(self.links) else None

    def copy(self) -> None:
        link = self._selected()
        if link is not None and not link.deleted:
            QGuiApplication.clipboard().setText(link.link)
            self.status.setText(self.tr("The link is on the clipboard."))

    def delete(self) -> None:
        from wallet.app import hosted
        from wallet.app.online import make_client

        link = self._selected()
        if link is None or link.deleted:
            return
        if not dialogs.confirm(self, self.tr("Delete on the service"),
                               self.tr("Delete this link on the share service? Whoever has it can no longer open "
                                       "it. This cannot be undone."), destructive=True):
            return
        ident = link.id
        self.session.mutate(lambda v, _t: hosted.unshare(v, ident, make_client(v)), Changes(), owner=self,
                            on_success=self._deleted, on_failure=lambda error: self.status.setText(error.message))

    def _deleted(self, _record: hosted.HostedShare) -> None:
        self.status.setText(self.tr("Deleted."))
        self.reload()


