"""Share: pick credentials, then make a signed bundle file, a link, a QR code, Europass XML or a PDF.

Each share is a new holder-signed presentation for one recipient, with the
recipient's challenge and domain when they gave them, and an expiry (the
vault's default, at most a year). Signing and writing happen on the vault
thread (the holder key never leaves the vault object); the page only shows
the result: a link to copy, a QR preview to save, or where a file went.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wallet.app import sharing
from wallet.app.credentials import CredentialRow
from wallet.app.sharing import ShareRequest, ShareResult
from wallet.atomic import write_atomic
from wallet.messages import msg
from wallet.ui import dialogs
from wallet.ui.i18n import fmt, say
from wallet.ui.icons import verdict_icon
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import TaskError

_MODULES = {
    "bundle": "wallet.sharing.bundle",
    "link": "wallet.sharing.link",
    "qr": "wallet.sharing.qr",
    "pdf": "wallet.sharing.pdf",
    "europass": "wallet.sharing.europass_candidate",
}


def sharing_features() -> dict[str, bool]:
    """Which sharing capabilities the installed core provides."""
    found = {}
    for key, name in _MODULES.items():
        try:
            importlib.import_module(name)
            found[key] = True
        except ImportError:
            found[key] = False
    return found


class SharePage(QWidget):
    """The share screen."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.features = sharing_features()
        self.available = self.features["bundle"]
        self.qr_png: bytes | None = None
        self._rows: list[CredentialRow] = []
        self._dirty = False
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Credentials to share"))
        self.list.itemChanged.connect(lambda _item: self._update())
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_all.clicked.connect(lambda: self._check_all(True))
        self.select_none = QPushButton(self.tr("Select &none"))
        self.select_none.clicked.connect(lambda: self._check_all(False))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Choose the credentials to share:")))
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.select_all)
        row.addWidget(self.select_none)
        row.addStretch(1)
        left_layout.addLayout(row)

        self.challenge = QLineEdit()
        self.challenge.setAccessibleName(self.tr("Challenge"))
        self.challenge.setPlaceholderText(self.tr("the code the recipient gave you, if any"))
        self.domain = QLineEdit()
        self.domain.setAccessibleName(self.tr("Domain"))
        self.domain.setPlaceholderText(self.tr("e.g. jobs.example.com, if the recipient gave one"))
        self.expires = QLineEdit("30d")
        self.expires.setAccessibleName(self.tr("Expiry"))
        self.expires.setToolTip(self.tr("How long the bundle is accepted: 30d, 12h, 2w (at most 365d)"))
        self.langs = QComboBox()
        self.langs.setAccessibleName(self.tr("Languages of the PDF and Europass XML"))
        for code in ("en", "sl", "en,sl", "sl,en"):
            self.langs.addItem(code, code)
        self.legacy = QCheckBox(self.tr("Old Europass format (SkillsPassport v3.3)"))
        form = QFormLayout()
        form.addRow(self.tr("C&hallenge:"), self.challenge)
        form.addRow(self.tr("&Domain:"), self.domain)
        form.addRow(self.tr("&Expires after:"), self.expires)
        form.addRow(self.tr("&Languages:"), self.langs)
        form.addRow("", self.legacy)

        self.file_button = QPushButton(self.tr("Save signed &bundle…"))
        self.file_button.clicked.connect(self.save_bundle)
        self.link_button = QPushButton(self.tr("Copy &link"))
        self.link_button.clicked.connect(self.copy_link)
        self.qr_button = QPushButton(self.tr("Show &QR code"))
        self.qr_button.clicked.connect(self.show_qr)
        self.qr_save = QPushButton(self.tr("Save QR &image…"))
        self.qr_save.clicked.connect(self.save_qr)
        self.europass_button = QPushButton(self.tr("&Europass CV XML…"))
        self.europass_button.clicked.connect(self.save_europass)
        self.pdf_button = QPushButton(self.tr("Printable &PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        grid = QGridLayout()
        for n, button in enumerate((self.file_button, self.link_button, self.qr_button, self.qr_save,
                                    self.europass_button, self.pdf_button)):
            grid.addWidget(button, n // 2, n % 2)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_preview = QLabel()
        self.qr_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_preview.setAccessibleName(self.tr("QR code preview"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addLayout(grid)
        right_layout.addWidget(self.result)
        right_layout.addWidget(self.qr_preview, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        layout = QHBoxLayout(self)
        layout.addWidget(left, 2)
        layout.addWidget(scroll, 3)
        self._mark_unavailable()
        self._update()

    def _mark_unavailable(self) -> None:
        missing = self.tr("Not available: this version of the wallet core has no %1.")
        needs = {self.file_button: "bundle", self.link_button: "link", self.qr_button: "qr", self.qr_save: "qr",
                 self.pdf_button: "pdf", self.europass_button: "europass"}
        for button, key in needs.items():
            if not self.features.get(key) or not self.available:
                button.setToolTip(fmt(missing, key))

    # -- data --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[CredentialRow]) -> None:
        """The credentials to offer (the credentials page shares what it loaded).

        The list is filled when the page is shown: with 10,000 credentials,
        building the items costs the GUI thread time nobody needs until then.
        """
        self._rows = list(rows)
        self._dirty = True
        if self.isVisible():
            self._fill_now()

    def _fill_now(self) -> None:
        if self._dirty:
            self._dirty = False
            self._fill(self._rows, set(self.checked_ids()))

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self._fill_now()
        super().showEvent(event)

    def _fill(self, rows: Sequence[CredentialRow], checked: set[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for row in sorted(rows, key=lambda r: r.title.casefold()):
            item = QListWidgetItem(verdict_icon(row.verdict), f"{row.title} — {row.issuer}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update()

    def clear(self) -> None:
        self._rows = []
        self._dirty = False
        self.list.clear()
        self.result.clear()
        self.qr_preview.clear()
        self.qr_png = None
        self.challenge.clear()
        self.domain.clear()
        self._update()

    def set_default_expiry(self, text: str) -> None:
        self.expires.setText(text)

    def preselect(self, ids: list[str]) -> None:
        """Check the credentials selected in the list (when nothing is checked yet)."""
        if self.checked_ids():
            return
        wanted = set(ids)
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked)

    def checked_ids(self) -> list[str]:
        return [str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())
                if self.list.item(n).checkState() == Qt.CheckState.Checked]

    def _check_all(self, on: bool) -> None:
        for n in range(self.list.count()):
            self.list.item(n).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update(self) -> None:
        some = bool(self.checked_ids())
        for button, key in ((self.file_button, "bundle"), (self.link_button, "link"), (self.qr_button, "qr"),
                            (self.pdf_button, "pdf"), (self.europass_button, "europass")):
            button.setEnabled(some and self.available and self.features.get(key, False))
        self.qr_save.setEnabled(self.qr_png is not None)

    # -- sharing -------------------------------------------------------------------------
    def request(self) -> ShareRequest:
        langs = tuple(str(self.langs.currentData() or "en").split(","))
        return ShareRequest(tuple(self.checked_ids()), self.challenge.text().strip() or None,
                            self.domain.text().strip() or None, self.expires.text().strip() or "30d", langs)

    def _run(self, kind: str, path: str | None, done: Any) -> None:
        request = self.request()

        def checked(warnings: list[Any]) -> None:
            if warnings:
                text = "\n".join([self.tr("Some of the chosen credentials are not in force:"),
                                  *(say(w) for w in warnings), "", self.tr("Share them anyway?")])
                if not dialogs.confirm(self, self.tr("Share"), text):
                    self.result.setText(self.tr("Nothing was shared."))
                    return
            self.result.setText(self.tr("Signing the bundle…"))
            self.session.mutate(lambda v, _t: sharing.share(v, request, kind, path), Changes(), owner=self,
                                on_success=done, on_failure=self._failed)

        self.session.call(lambda v, _t: sharing.prepare(v, request), owner=self,
                          on_success=checked, on_failure=self._failed)

    def _failed(self, error: TaskError) -> None:
        self.result.setText(error.message)

    def _expiry_note(self, result: ShareResult) -> str:
        return fmt(self.tr("Accepted until %1."), say(msg("date.datetime", when=result.expires))) if result.expires else ""

    def save_bundle(self) -> None:
        path = dialogs.save_file(self, self.tr("Save the signed bundle"), "credentials.vp.json",
                                 self.tr("Bundles (*.vp.json *.json)"))
        if path:
            self._run("file", path, lambda r: self.result.setText(
                fmt(self.tr("Saved a signed bundle of %1 credential(s) to %2."), r.count, r.path)
                + " " + self._expiry_note(r)))

    def copy_link(self) -> None:
        def done(result: ShareResult) -> None:
            QGuiApplication.clipboard().setText(result.link or "")
            self.result.setText(fmt(self.tr("The link (%1 characters) is on the clipboard."), len(result.link or ""))
                                + " " + self._expiry_note(result))

        self._run("link", None, done)

    def show_qr(self) -> None:
        def done(result: ShareResult) -> None:
            self.qr_png = result.qr_png
            pixmap = QPixmap()
            pixmap.loadFromData(result.qr_png or b"")
            side = min(360, max(self.qr_preview.width(), 200))
            self.qr_preview.setPixmap(pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.FastTransformation))
            text = self.tr("Scan this QR code with the wallet, or save it as an image.") + " " + self._expiry_note(result)
            if result.qr_warning:
                text += "\n" + result.qr_warning
            self.result.setText(text)
            self._update()

        self._run("qr", None, done)

    def save_qr(self) -> None:
        if self.qr_png is None:
            return
        path = dialogs.save_file(self, self.tr("Save the QR code"), "credentials-qr.png", self.tr("PNG images (*.png)"))
        if not path:
            return
        data = self.qr_png
        self.session.runner.run_cpu(lambda _t: str(write_atomic(Path(path), data)), owner=self,
                                    on_success=lambda p: self.result.setText(fmt(self.tr("Saved the QR code to %1."), p)),
                                    on_failure=self._failed)

    def save_pdf(self) -> None:
        path = dialogs.save_file(self, self.tr("Save the printable bundle"), "credentials.pdf",
                                 self.tr("PDF files (*.pdf)"))
        if path:
            self._run("pdf", path, lambda r: self.result.setText(
                fmt(self.tr("Saved the printable bundle to %1."), r.path) + " " + self._expiry_note(r)))

    def save_europass(self) -> None:
        path = dialogs.save_file(self, self.tr("Save Europass CV XML"), "europass-cv.xml", self.tr("XML files (*.xml)"))
        if not path:
            return
        request, legacy = self.request(), self.legacy.isChecked()

        def done(result: ShareResult) -> None:
            lines = []
            if result.path:
                lines.append(fmt(self.tr("Saved %1 credential(s) as Europass CV XML to %2."), result.count,
                                 result.path))
            for refusal in result.refusals:
                lines.append(fmt(self.tr("Left out %1: %2"), refusal.title, say(refusal.message)))
            self.result.setText("\n".join(lines))

        self.session.mutate(lambda v, _t: sharing.europass(v, request, path, legacy=legacy), Changes(), owner=self,
                            on_success=done, on_failure=self._failed)
