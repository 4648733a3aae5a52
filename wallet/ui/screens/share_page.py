"""Share: pick credentials, then make a signed bundle file, a link, a QR code, Europass XML or a PDF.

Each share is a new holder-signed presentation for one recipient, with the
recipient's challenge and domain when they gave them, and an expiry chosen
from a list (the vault's default, at most a year). Signing and writing happen
on the vault thread (the holder key never leaves the vault object); the page
only shows the result: a link to copy, a QR preview to save, or where a file
went. Credentials that are not in force are named and the learner is asked
before anything leaves. The QR preview always fits the space it has and is
dropped as soon as the selection or an option changes, so it never shows a
code for something else; the Share screen, the CLI and the PDF use one rule
for what fits in a QR code (:mod:`wallet.sharing.qr`).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap, QResizeEvent
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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wallet.app.credentials import CredentialRow
from wallet.atomic import write_atomic
from wallet.messages import msg
from wallet.ui import dialogs
from wallet.ui.i18n import fmt, say, ui_language
from wallet.ui.models.credentials import state_text
from wallet.ui.screens.hosted_links import HostedBox
from wallet.ui.session import Changes, Session
from wallet.ui.states import state_icon
from wallet.ui.tasks import TaskError
from wallet.ui.widgets import describe, fill_expiry, language_name

if TYPE_CHECKING:  # the sharing use cases (bundle, QR, PDF, Europass) load when the learner shares
    from wallet.app.sharing import ShareRequest, ShareResult

#: Each capability: its core module and the libraries it needs.
_MODULES = {
    "bundle": ("wallet.sharing.bundle", "cryptography"),
    "link": ("wallet.sharing.link",),
    "qr": ("wallet.sharing.qr", "qrcode"),
    "pdf": ("wallet.sharing.pdf", "fpdf"),
    "europass": ("wallet.sharing.europass_candidate", "lxml"),
}


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def sharing_features() -> dict[str, bool]:
    """Which sharing capabilities the installed core provides.

    Found without importing them (``find_spec``): the PDF stack alone takes a
    quarter of a second to import, and the page is built before anyone shares.
    """
    return {key: all(_installed(name) for name in names) for key, names in _MODULES.items()}


class QrPreview(QLabel):
    """The QR code, scaled by whole pixels per module to the space it has: never cut off."""

    def __init__(self) -> None:
        super().__init__()
        self.source: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_code(self, png: bytes | None) -> None:
        self.source = None
        if png:
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self.source = pixmap
        self._fit()

    def _fit(self) -> None:
        if self.source is None or self.source.isNull():
            self.clear()
            return
        side = max(60, min(self.width(), self.height()) - 8)
        self.setPixmap(self.source.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.FastTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()


class SharePage(QWidget):
    """The share screen."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.features = sharing_features()
        self.available = self.features["bundle"]
        self.qr_png: bytes | None = None
        self.hosted_link: str | None = None  # a hosted link for the current selection: QR and PDF carry it
        self._rows: list[CredentialRow] = []
        self._dirty = False
        self.list = QListWidget()
        describe(self.list, self.tr("Credentials to share"),
                 self.tr("Tick the credentials to put in the bundle; Space ticks the current one"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemChanged.connect(lambda _item: self._selection_changed())
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_all.clicked.connect(lambda: self._check_all(True))
        describe(self.select_all, self.tr("Select all"), self.tr("Tick every credential"))
        self.select_none = QPushButton(self.tr("Select &none"))
        self.select_none.clicked.connect(lambda: self._check_all(False))
        describe(self.select_none, self.tr("Select none"), self.tr("Untick every credential"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        choose = QLabel(self.tr("&Choose the credentials to share:"))
        choose.setBuddy(self.list)
        choose.setWordWrap(True)
        left_layout.addWidget(choose)
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.select_all)
        row.addWidget(self.select_none)
        row.addStretch(1)
        left_layout.addLayout(row)

        self.challenge = QLineEdit()
        describe(self.challenge, self.tr("Challenge"), self.tr("The code the recipient gave you, if any"))
        self.challenge.setPlaceholderText(self.tr("the code the recipient gave you, if any"))
        self.domain = QLineEdit()
        describe(self.domain, self.tr("Recipient's web address"),
                 self.tr("The recipient's domain, e.g. jobs.example.com, if they gave one"))
        self.domain.setPlaceholderText(self.tr("e.g. jobs.example.com, if the recipient gave one"))
        self.expires = QComboBox()
        describe(self.expires, self.tr("Expiry"), self.tr("How long the recipient can accept the bundle"))
        fill_expiry(self.expires, "30d")
        self.langs = QComboBox()
        describe(self.langs, self.tr("Languages of the PDF and Europass XML"),
                 self.tr("One language, or two side by side"))
        self._fill_langs()
        self.legacy = QCheckBox(self.tr("Old Europass format (SkillsPassport v3.3)"))
        describe(self.legacy, self.legacy.text(), self.tr("For Europass tools that do not read the 2020 format"))
        for widget in (self.challenge, self.domain):
            widget.textChanged.connect(self._options_changed)
        for combo in (self.expires, self.langs):
            combo.currentIndexChanged.connect(self._options_changed)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
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
        for button, text in ((self.file_button, self.tr("A signed file the recipient can check")),
                             (self.link_button, self.tr("A link with the whole bundle inside, on the clipboard")),
                             (self.qr_button, self.tr("A QR code of the link, to show or print")),
                             (self.qr_save, self.tr("Save the QR code shown as a PNG image")),
                             (self.europass_button, self.tr("Entries for your Europass CV")),
                             (self.pdf_button, self.tr("A printable document with a QR code"))):
            button.setToolTip(text)
            button.setAccessibleDescription(text)
        grid = QGridLayout()
        for n, button in enumerate((self.file_button, self.link_button, self.qr_button, self.qr_save,
                                    self.europass_button, self.pdf_button)):
            grid.addWidget(button, n // 2, n % 2)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_preview = QrPreview()
        describe(self.qr_preview, self.tr("QR code preview"), self.tr("The QR code of the share link"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addLayout(grid)
        self.hosted = HostedBox(self, session)
        right_layout.addWidget(self.hosted)
        right_layout.addWidget(self.result)
        right_layout.addWidget(self.qr_preview, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(right)
        layout = QHBoxLayout(self)
        layout.addWidget(left, 2)
        layout.addWidget(scroll, 3)
        self._mark_unavailable()
        self._update()

    def _fill_langs(self) -> None:
        own = ui_language()
        other = "sl" if own == "en" else "en"
        self.langs.clear()
        for codes in ((own,), (other,), (own, other), (other, own)):
            self.langs.addItem(" + ".join(language_name(c) for c in codes), ",".join(codes))

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
            state = state_text(row)
            title = row.title or self.tr("(untitled credential)")
            item = QListWidgetItem(state_icon(row.state or None), "\n".join(x for x in (title, row.issuer, state) if x))
            item.setToolTip(state)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(x for x in (title, row.issuer, state) if x))
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
        self._drop_qr()
        self.hosted_link = None
        self.challenge.clear()
        self.domain.clear()
        self._update()

    def set_default_expiry(self, text: str) -> None:
        fill_expiry(self.expires, text)

    def _drop_qr(self) -> None:
        self.qr_png = None
        self.qr_preview.set_code(None)

    def _selection_changed(self) -> None:
        self.hosted_link = None  # a hosted link belongs to the selection it was made for
        self._options_changed()

    def _options_changed(self) -> None:
        """A QR code shown is for the old choice: drop it rather than show a code for something else."""
        if self.qr_png is not None:
            self._drop_qr()
            self.result.setText(self.tr("The choice changed: make the QR code again."))
        self._update()

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
        self.hosted.button.setEnabled(some and self.available)

    # -- sharing -------------------------------------------------------------------------
    def request(self) -> ShareRequest:
        from wallet.app.sharing import ShareRequest

        langs = tuple(str(self.langs.currentData() or "en").split(","))
        return ShareRequest(tuple(self.checked_ids()), self.challenge.text().strip() or None,
                            self.domain.text().strip() or None, str(self.expires.currentData() or "30d"), langs)

    def _run(self, kind: str, path: str | None, done: Any) -> None:
        from wallet.app import sharing

        request = self.request()

        def checked(warnings: list[Any]) -> None:
            if warnings:
                text = "\n".join([self.tr("Some of the chosen credentials are not in force:"),
                                  *(say(w) for w in warnings), "", self.tr("Share them anyway?")])
                if not dialogs.confirm(self, self.tr("Share"), text):
                    self.result.setText(self.tr("Nothing was shared."))
                    return
            self.result.setText(self.tr("Signing the bundle…"))
            override = self.hosted_link if kind in ("qr", "pdf") else None
            self.session.mutate(lambda v, _t: sharing.share(v, request, kind, path, link_override=override),
                                Changes(), owner=self, on_success=done, on_failure=self._failed)

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
        self._drop_qr()

        def done(result: ShareResult) -> None:
            self.qr_png = result.qr_png
            self.qr_preview.set_code(result.qr_png)
            text = self.tr("Scan this QR code with the wallet, or save it as an image.") + " " + self._expiry_note(result)
            advice = result.qr.advice if result.qr is not None else None
            if advice is not None:
                text += "\n" + say(advice)
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
        from wallet.app import sharing

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
