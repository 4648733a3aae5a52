"""Check what someone sent you: a bundle file, a share link or a QR image of one.

The employer's screen (the employer who checks a bundle): first the headline, large, in
words, colour and icon — "Checks out", "Not fully checked" or "Do not rely on
this" (the rule is the core's, :func:`wallet.readout.bundle_headline`) — with
the reasons behind it; then, per credential, issued by whom, verified, not
revoked, not expired, belongs to this holder, and as of when
(``ReceivedBundle.summary_lines``). The presentation's own checks are one
click away under "Technical details". Verification uses the wallet's trust
store and cached evidence, and never the network.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wallet.readout import Headline
from wallet.ui import dialogs, inputs
from wallet.ui.elements import checks_html, technical_html
from wallet.ui.i18n import say, ui_language
from wallet.ui.icons import coloured_icon
from wallet.ui.session import Session
from wallet.ui.states import HEADLINE_LOOKS, badge_css
from wallet.ui.tasks import Task, TaskError
from wallet.ui.widgets import describe, png_base64, reading_view

MAX_BUNDLE_FILE = 4 * 1024 * 1024 + 1


def received_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("wallet.sharing.received") is not None  # found, not loaded
    except (ImportError, ValueError):
        return False


class ReceivedPage(QWidget):
    """Verify a bundle someone shared with you."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.last: Any = None
        intro = QLabel(self.tr("Check a bundle of credentials someone shared with you. "
                               "Nothing is stored in your wallet and nothing is sent anywhere."))
        intro.setWordWrap(True)
        intro.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.input = QPlainTextEdit()
        self.input.setTabChangesFocus(True)
        describe(self.input, self.tr("Link or bundle text"), self.tr("Paste a share link or the bundle's JSON"))
        self.input.setPlaceholderText(self.tr("Paste a share link or the bundle's JSON here"))
        self.input.setMaximumHeight(self.fontMetrics().height() * 4)
        self.challenge = QLineEdit()
        describe(self.challenge, self.tr("Challenge you gave"),
                 self.tr("The code you asked the person to use, if you gave one"))
        self.domain = QLineEdit()
        describe(self.domain, self.tr("Your domain"), self.tr("Your web address, if you asked for the bundle to name it"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Challenge you &gave:"), self.challenge)
        form.addRow(self.tr("Your do&main:"), self.domain)
        self.check_button = QPushButton(self.tr("Chec&k pasted text"))
        self.check_button.clicked.connect(self.check_text)
        self.file_button = QPushButton(self.tr("Open &file…"))
        self.file_button.clicked.connect(self.check_file)
        self.qr_button = QPushButton(self.tr("Open QR &image…"))
        self.qr_button.clicked.connect(self.check_qr)
        for button, text in ((self.check_button, self.tr("Check the link or bundle pasted above")),
                             (self.file_button, self.tr("Check a bundle file (.vp.json)")),
                             (self.qr_button, self.tr("Check a photo or scan of a QR code"))):
            button.setToolTip(text)
            button.setAccessibleDescription(text)
        if not inputs.qr_available():
            self.qr_button.setEnabled(False)
            self.qr_button.setToolTip(self.tr("Reading QR images needs the zxing-cpp package, which is not installed."))
        buttons = QHBoxLayout()
        for button in (self.check_button, self.file_button, self.qr_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.headline.setAccessibleName(self.tr("Result of the check"))
        self.headline.hide()
        self.summary = reading_view(self.tr("What the check found"),
                                    self.tr("The headline's reasons, then each credential in plain words"))
        self.technical_toggle = QToolButton()
        self.technical_toggle.setText(self.tr("&Technical details"))
        self.technical_toggle.setCheckable(True)
        self.technical_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.technical_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.technical_toggle.setAccessibleDescription(self.tr("Show every check of the presentation and its details"))
        self.technical_toggle.toggled.connect(self._toggle_technical)
        self._plain = ""  # the summary's HTML; the technical details are added below it when asked for
        self._technical = ""
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.input)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.technical_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        if not received_available():
            for button in (self.check_button, self.file_button, self.qr_button):
                button.setEnabled(False)
            self.summary.setPlainText(self.tr("Not available: this version of the wallet core cannot check bundles."))

    def clear(self) -> None:
        self.input.clear()
        self.summary.clear()
        self._plain = self._technical = ""
        self.headline.hide()
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
        from wallet.app.sharing import check_received  # the verification stack, when something is checked

        challenge, domain = self.challenge.text().strip(), self.domain.text().strip()
        self.headline.hide()
        self.summary.setPlainText(self.tr("Checking…"))
        if self.session.is_open:  # with the wallet's trust store and cached evidence
            self.session.call(lambda v, _t: check_received(data, vault=v, challenge=challenge, domain=domain), owner=self,
                              on_success=self._show, on_failure=self._failed)
        else:  # no wallet needed: an employer checks what an applicant sent
            self.session.runner.run_cpu(lambda _t: check_received(data, challenge=challenge, domain=domain), owner=self,
                                        on_success=self._show, on_failure=self._failed)

    def _failed(self, error: TaskError) -> None:
        self.last = None
        self._banner(Headline.DO_NOT_RELY, self.tr("This could not be checked."))
        self._plain, self._technical = f"<p>{escape(error.message)}</p>", ""
        self._render()

    def _banner(self, headline: Headline, text: str) -> None:
        item = HEADLINE_LOOKS[headline]
        icon = png_base64(coloured_icon(item.icon).pixmap(28, 28))
        size = self.font().pointSizeF() * 1.5
        self.headline.setText(f"<img src='data:image/png;base64,{icon}' width='28' height='28'>&nbsp;"
                              f"<span style='font-size:{size:.0f}pt; font-weight:bold'>{escape(text)}</span>")
        self.headline.setStyleSheet(badge_css(item, self.palette(), "8px 12px"))
        self.headline.setAccessibleDescription(text)
        self.headline.show()

    def _show(self, bundle: Any) -> None:
        self.last = bundle
        langs = (ui_language(), "en")
        lines = list(bundle.summary_lines(prefs=langs, langs=langs))
        readout = bundle.readout
        self._banner(readout.headline, say(readout.headline.label))
        reasons = [say(r) for r in readout.reasons]
        rest = lines[1 + len(reasons):]
        parts = [f"<p><b>{escape(lines[0])}</b></p>"]
        if reasons:
            parts.append("<ul>" + "".join(f"<li><b>{escape(r)}</b></li>" for r in reasons) + "</ul>")
        parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in rest) + "</ul>")
        self._plain = "".join(parts)
        self._technical = checks_html(bundle.report) + "<hr>" + technical_html(None, bundle.report, langs)
        self._render()

    def technical_text(self) -> str:
        """The technical details of the last check, as plain text (tests, screen readers' copy)."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self._technical)
        return document.toPlainText()

    def _render(self) -> None:
        html = self._plain
        if self.technical_toggle.isChecked() and self._technical:
            heading = escape(self.tr("Technical details"))
            html += f"<hr><a name='technical'></a><h4>{heading}</h4>{self._technical}"
        self.summary.setHtml(html)

    def _toggle_technical(self, on: bool) -> None:
        self.technical_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._render()
        if on:
            self.summary.scrollToAnchor("technical")
