"""Import: collect items (files, drops, paste, QR images), then import them with progress.

The core's import is all-or-nothing (every item parsed and verified, then one
transaction), so Cancel really means "nothing was stored". The per-item
summary afterwards says what happened to each item and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wallet.app import importing
from wallet.app.importing import ImportItem
from wallet.ui import dialogs, inputs
from wallet.ui.i18n import fmt, say
from wallet.ui.icons import icon
from wallet.ui.models.results import ImportResultsModel
from wallet.ui.screens import online_actions
from wallet.ui.screens.present_dialog import looks_like_request
from wallet.ui.screens.receive_dialog import looks_like_offer
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import Task, TaskError
from wallet.ui.widgets import describe, describe_buttons


class PasteDialog(QDialog):
    """Paste a credential (JSON, JWT) or a share link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste a credential or a link"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)  # Tab moves to OK/Cancel; a credential never needs a tab character
        self.text.setAccessibleName(self.tr("Credential text or link"))
        self.text.setAccessibleDescription(self.tr("Paste JSON, a JWT or a wallet link here"))
        self.text.setPlaceholderText(self.tr("Paste JSON, a JWT or a wallet link here"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The text is checked and nothing is stored until you import it.")))
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 360)


class ImportDialog(QDialog):
    """Gather items and run the import; ``imported`` carries the new credential ids."""

    imported = Signal(list)
    #: A credential *offer* was pasted, dropped or scanned: it is received (with consent), not imported.
    offerFound = Signal(str)
    #: A verifier's *request* (openid4vp) was pasted, dropped or scanned: it is answered (with consent), not imported.
    requestFound = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[Any] = []  # wallet.app.importing.ImportItem
        self.task: Task | None = None
        self.planning = False  # working out what to fetch, asking about new hosts
        self.cancel_requested = False
        self.setWindowTitle(self.tr("Import credentials"))
        self.setAcceptDrops(True)
        self.list = QListWidget()
        describe(self.list, self.tr("Items to import"), self.tr("The files and texts that will be checked and imported"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_files_button = QPushButton(icon("import"), self.tr("Add &files…"))
        self.add_files_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton(icon("paste"), self.tr("&Paste…"))
        self.paste_button.clicked.connect(self.paste)
        self.qr_button = QPushButton(icon("qr"), self.tr("Open &QR image…"))
        self.qr_button.clicked.connect(self.open_qr)
        if not inputs.qr_available():
            self.qr_button.setEnabled(False)
            self.qr_button.setToolTip(self.tr("Reading QR images needs the zxing-cpp package, which is not installed."))
        self.remove_button = QPushButton(self.tr("&Remove from list"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button, text in ((self.add_files_button, self.tr("Choose credential files to add to the list")),
                             (self.paste_button, self.tr("Paste a credential or a link")),
                             (self.qr_button, self.tr("Open a photo or scan of a QR code")),
                             (self.remove_button, self.tr("Take the selected items off the list"))):
            button.setAccessibleDescription(text)
        sources = QHBoxLayout()
        for button in (self.add_files_button, self.paste_button, self.qr_button, self.remove_button):
            sources.addWidget(button)
        sources.addStretch(1)
        self.hint = QLabel(self.tr("Drop credential files here, or add them with the buttons."))
        self.hint.setWordWrap(True)
        self.progress = QProgressBar()
        describe(self.progress, self.tr("Import progress"), self.tr("How many items have been checked"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.results_model = ImportResultsModel(self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        describe(self.results, self.tr("Import results"), self.tr("What happened to each item, and why"))
        self.results.verticalHeader().hide()
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("m")
        self.results.horizontalHeader().resizeSection(0, em * 13)
        self.results.horizontalHeader().resizeSection(1, em * 10)
        self.results.hide()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.import_button.setAccessibleDescription(self.tr("Check the items listed and store them in the wallet"))
        describe_buttons(self.buttons)
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(sources)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.buttons)
        self.resize(720, 520)
        self._update()

    # -- gathering ---------------------------------------------------------------
    def add_items(self, items: Sequence[Any]) -> None:
        for item in items:
            self.items.append(item)
            entry = QListWidgetItem(fmt(self.tr("%1 (%2 bytes)"), item.source, len(item.raw)))
            self.list.addItem(entry)
        self._update()

    def add_paths(self, paths: Sequence[str]) -> None:
        """Read files on the CPU pool, then list them."""
        if not paths:
            return
        self.status.setText(self.tr("Reading files…"))
        self.session.runner.run_cpu(lambda _t: importing.read_files(paths), owner=self,
                                    on_success=self._files_read, on_failure=self._failed)

    def _files_read(self, read: tuple[list[Any], list[Any]]) -> None:
        items, refused = read
        self.status.setText("\n".join(f"{r.source}: {say(r.message)}" for r in refused))
        self.add_items(items)

    def choose_files(self) -> None:
        names = dialogs.open_files(self, self.tr("Choose credential files"), self.tr("Credentials (*.json *.jsonld *.jwt *.txt *.png *.svg *.xml *.cred *.vp);;All files (*)"))
        self.add_paths(names)

    def paste(self, text: str | None = None) -> None:
        if not isinstance(text, str):
            dialog = PasteDialog(self)

            def run() -> str | None:
                return dialog.text.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None

            text = dialogs.custom("paste", "paste", run)
            if not text:
                return

        if looks_like_offer(text):
            self.offerFound.emit(text.strip())
            return
        if looks_like_request(text):
            self.requestFound.emit(text.strip())
            return

        def convert(_task: Task) -> list[Any]:
            kind, data = inputs.text_to_bytes(text)
            return [ImportItem(kind, data)]

        self.session.runner.run_cpu(convert, owner=self, on_success=self.add_items, on_failure=self._failed)

    def open_qr(self) -> None:
        name = dialogs.open_file(self, self.tr("Open a QR code image"), self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)"))
        if not name:
            return

        def convert(_task: Task) -> list[Any] | str:
            offers = [t for t in inputs.decode_qr_image(name) if looks_like_offer(t) or looks_like_request(t)]
            if offers:
                return offers[0]
            return [ImportItem(source, data) for source, data in inputs.qr_to_items(name)]

        def done(found: list[Any] | str) -> None:
            if isinstance(found, str):
                (self.requestFound if looks_like_request(found) else self.offerFound).emit(found)
            else:
                self.add_items(found)

        self.session.runner.run_cpu(convert, owner=self, on_success=done, on_failure=self._failed)

    def remove_selected(self) -> None:
        for row in sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True):
            self.list.takeItem(row)
            del self.items[row]
        self._update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
        elif mime.hasText():
            self.paste(mime.text())
        event.acceptProposedAction()

    # -- importing ----------------------------------------------------------------
    def start(self) -> None:
        if not self.items or self.task is not None or self.planning:
            return
        items = list(self.items)
        self.progress.setRange(0, len(items))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(fmt(self.tr("Checking and importing %1 items…"), len(items)))
        self.planning, self.cancel_requested = True, False
        self._update()
        # Asks once per new issuer host (online.fetch = ask) before anything is fetched or stored.
        online_actions.plan_import(self.session, items, self, then=lambda plan: self._run(items, plan),
                                   on_failure=self._failed)

    def _run(self, items: list[Any], plan: Any) -> None:
        self.planning = False
        if self.cancel_requested:
            self.progress.hide()
            self.status.setText(self.tr("Import cancelled; nothing was stored."))
            self._update()
            return

        def work(vault: Any, task: Task) -> Any:
            from wallet.app.online import make_client

            client = make_client(vault) if plan.fetch else None
            return importing.import_items(vault, items, progress=task.report, cancelled=task.is_cancelled,
                                          online=plan, client=client)

        self.task = self.session.mutate(work, Changes(credentials=True), owner=self, on_success=self._done,
                                        on_failure=self._failed)
        self.task.progressed.connect(self._progressed)
        self._update()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self.planning:
            self.cancel_requested = True
            self.status.setText(self.tr("Cancelling…"))
            return
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _done(self, results: list[Any]) -> None:
        self.task = None
        self.progress.hide()
        counts: dict[str, int] = {}
        for result in results:
            key = getattr(result.outcome, "value", str(result.outcome))
            counts[key] = counts.get(key, 0) + 1
        text = fmt(self.tr("Imported %1, already in the wallet %2, not imported %3, kept as evidence %4."),
                   counts.get("imported", 0), counts.get("duplicate", 0), counts.get("invalid", 0),
                   counts.get("evidence", 0))
        if counts.get("fetched") or counts.get("not-fetched"):
            text += " " + fmt(self.tr("Evidence fetched online: %1, could not be fetched: %2."),
                              counts.get("fetched", 0), counts.get("not-fetched", 0))
        self.status.setText(text)
        self.results_model.set_results(results)
        # No resizeColumnsToContents(): it measures every row (500 rows: most of a second). Rows are
        # fitted to their wrapped text only for a batch small enough to read anyway; tooltips hold it all.
        self.results.show()
        if len(results) <= 200:
            self.results.resizeRowsToContents()
        self.items.clear()
        self.list.clear()
        self.list.hide()
        self.hint.hide()
        self.imported.emit([r.credential_id for r in results if r.credential_id])
        self._update(finished=True)

    def _failed(self, error: TaskError) -> None:
        self.task = None
        self.planning = False
        self.progress.hide()
        self.status.setText(error.message)
        self._update()

    def _update(self, finished: bool = False) -> None:
        running = self.task is not None or self.planning
        for button in (self.add_files_button, self.paste_button, self.remove_button):
            button.setEnabled(not running and not finished)
        self.qr_button.setEnabled(not running and not finished and inputs.qr_available())
        self.import_button.setEnabled(bool(self.items) and not running)
        self.import_button.setVisible(not finished)
        self.cancel_button.setVisible(not finished)
        self.close_button.setVisible(finished)
        self.list.setVisible(not finished)
        if finished:
            self.close_button.setDefault(True)
            self.close_button.setFocus()
