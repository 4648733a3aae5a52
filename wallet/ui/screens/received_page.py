"""Check what someone sent you: a bundle file, a share link or a QR image of one.

The employer's screen (PRODUCT.md user 3): at a glance, issued by whom,
verified, not revoked, not expired, belongs to this holder, and as of when.
The sentences come from the core (``ReceivedBundle.summary_lines``); the page
adds the presentation's own checks as a table. Verification uses the
wallet's trust store and cached evidence, and never the network.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wallet.app.sharing import check_received
from wallet.ui import dialogs, inputs
from wallet.ui.i18n import say, ui_language
from wallet.ui.models.checks import ChecksModel
from wallet.ui.session import Session
from wallet.ui.tasks import Task, TaskError

MAX_BUNDLE_FILE = 4 * 1024 * 1024 + 1


def received_available() -> bool:
    try:
        import wallet.sharing.received  # noqa: F401
    except ImportError:
        return False
    return True


class ReceivedPage(QWidget):
    """Verify a bundle someone shared with you."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.last: Any = None
        intro = QLabel(self.tr("Check a bundle of credentials someone shared with you. "
                               "Nothing is stored in your wallet and nothing is sent anywhere."))
        intro.setWordWrap(True)
        self.input = QPlainTextEdit()
        self.input.setAccessibleName(self.tr("Link or bundle text"))
        self.input.setPlaceholderText(self.tr("Paste a share link or the bundle's JSON here"))
        self.input.setMaximumHeight(110)
        self.challenge = QLineEdit()
        self.challenge.setAccessibleName(self.tr("Challenge you gave"))
        self.domain = QLineEdit()
        self.domain.setAccessibleName(self.tr("Your domain"))
        form = QFormLayout()
        form.addRow(self.tr("Challenge you &gave:"), self.challenge)
        form.addRow(self.tr("Your do&main:"), self.domain)
        self.check_button = QPushButton(self.tr("Chec&k pasted text"))
        self.check_button.clicked.connect(self.check_text)
        self.file_button = QPushButton(self.tr("Open &file…"))
        self.file_button.clicked.connect(self.check_file)
        self.qr_button = QPushButton(self.tr("Open QR &image…"))
        self.qr_button.clicked.connect(self.check_qr)
        if not inputs.qr_available():
            self.qr_button.setEnabled(False)
            self.qr_button.setToolTip(self.tr("Reading QR images needs the zxing-cpp package, which is not installed."))
        buttons = QHBoxLayout()
        for button in (self.check_button, self.file_button, self.qr_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("What the check found"))
        self.checks_model = ChecksModel(self)
        self.checks = QTableView()
        self.checks.setModel(self.checks_model)
        self.checks.setAccessibleName(self.tr("Checks of the presentation"))
        self.checks.verticalHeader().hide()
        self.checks.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.checks.setWordWrap(True)
        self.checks.horizontalHeader().sectionResized.connect(lambda *_: self.checks.resizeRowsToContents())
        splitter = QSplitter()
        splitter.addWidget(self.summary)
        splitter.addWidget(self.checks)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.input)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        if not received_available():
            for button in (self.check_button, self.file_button, self.qr_button):
                button.setEnabled(False)
            self.summary.setPlainText(self.tr("Not available: this version of the wallet core cannot check bundles."))

    def clear(self) -> None:
        self.input.clear()
        self.summary.clear()
        self.checks_model.set_report(None)
        self.last = None

    # -- inputs ---------------------------------------------------------------------------
    def check_text(self) -> None:
        text = self.input.toPlainText().strip()
        if not text:
            self.summary.setPlainText(self.tr("Paste a link or a bundle first."))
            return
        self._verify(text)

    def check_file(self) -> None:
        name = dialogs.open_file(self, self.tr("Open a bundle"), self.tr("Bundles (*.vp.json *.json *.txt);;All files (*)"))
        if not name:
            return

        def read(_task: Task) -> bytes:
            with Path(name).open("rb") as fh:
                return fh.read(MAX_BUNDLE_FILE)

        self.session.runner.run_cpu(read, owner=self, on_success=self._verify, on_failure=self._failed)

    def check_qr(self) -> None:
        name = dialogs.open_file(self, self.tr("Open a QR code image"),
                                 self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)"))
        if not name:
            return
        self.session.runner.run_cpu(lambda _t: inputs.decode_qr_image(name)[0], owner=self,
                                    on_success=self._verify, on_failure=self._failed)

    # -- verifying --------------------------------------------------------------------------
    def _verify(self, data: bytes | str) -> None:
        challenge, domain = self.challenge.text().strip(), self.domain.text().strip()
        self.summary.setPlainText(self.tr("Checking…"))
        if self.session.is_open:  # with the wallet's trust store and cached evidence
            self.session.call(lambda v, _t: check_received(data, vault=v, challenge=challenge, domain=domain), owner=self,
                              on_success=self._show, on_failure=self._failed)
        else:  # no wallet needed: an employer checks what an applicant sent
            self.session.runner.run_cpu(lambda _t: check_received(data, challenge=challenge, domain=domain), owner=self,
                                        on_success=self._show, on_failure=self._failed)

    def _failed(self, error: TaskError) -> None:
        self.last = None
        self.checks_model.set_report(None)
        self.summary.setHtml(f"<p><b>{escape(self.tr('This could not be checked.'))}</b></p><p>{escape(error.message)}</p>")

    def _show(self, bundle: Any) -> None:
        self.last = bundle
        lines = list(bundle.summary_lines(langs=(ui_language(), "en")))
        head = say(bundle.readout.headline.label)
        body = "".join(f"<li>{escape(line)}</li>" for line in lines[1:])
        self.summary.setHtml(f"<h2>{escape(head)}</h2><p><b>{escape(lines[0])}</b></p><ul>{body}</ul>")
        self.checks_model.set_report(bundle.report)
        self.checks.resizeColumnsToContents()
