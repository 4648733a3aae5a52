"""One credential in full: its elements, its verification report, its original bytes.

Three tabs, because three readers want three things: the learner and a
recognition officer read the elements (in a chosen language, optionally a
second one side by side); an employer reads the report (each check, its
reason, and "as of" when it was made); an expert reads the original bytes,
which are shown read-only exactly as stored (they are what was signed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wallet.app.credentials import CredentialDetail, baked_image_url
from wallet.ui.elements import to_html
from wallet.ui.i18n import fmt
from wallet.ui.icons import pixmap, verdict_icon
from wallet.ui.images import image_from_data_url
from wallet.ui.models.checks import ChecksModel
from wallet.ui.models.credentials import verdict_label

#: Original bytes beyond this are cut in the viewer (the vault keeps them whole).
MAX_SHOWN_BYTES = 512 * 1024


def original_text(raw: bytes) -> str:
    """The original bytes as text when they are UTF-8, else a hex dump."""
    shown = raw[:MAX_SHOWN_BYTES]
    text = shown.decode("utf-8", errors="replace")
    if "\ufffd" not in text and "\x00" not in text:
        return text  # text formats (JSON, JWT, XML) are shown as they are
    lines = []
    for offset in range(0, len(shown), 16):
        chunk = shown[offset:offset + 16]
        printable = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{offset:08x}  {chunk.hex(' '):<47}  {printable}")
    return "\n".join(lines)


class DetailView(QWidget):
    """Shows the :class:`CredentialDetail` it is given."""

    reverifyRequested = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: CredentialDetail | None = None
        self.langs: tuple[str, ...] = ("en",)
        self.image = QLabel()
        self.image.setFixedSize(64, 64)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.issuer = QLabel()
        self.issuer.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict_icon = QLabel()
        head_text = QVBoxLayout()
        head_text.addWidget(self.title)
        head_text.addWidget(self.issuer)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict_icon)
        verdict_row.addWidget(self.verdict, 1)
        head_text.addLayout(verdict_row)
        head = QHBoxLayout()
        head.addWidget(self.image, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)

        self.lang = QComboBox()
        self.lang.setAccessibleName(self.tr("Language of the credential text"))
        self.second = QComboBox()
        self.second.setAccessibleName(self.tr("Second language, side by side"))
        self.lang.currentIndexChanged.connect(self._render_elements)
        self.second.currentIndexChanged.connect(self._render_elements)
        lang_row = QHBoxLayout()
        lang_label = QLabel(self.tr("&Show in:"))
        lang_label.setBuddy(self.lang)
        second_label = QLabel(self.tr("Side &by side with:"))
        second_label.setBuddy(self.second)
        lang_row.addWidget(lang_label)
        lang_row.addWidget(self.lang)
        lang_row.addWidget(second_label)
        lang_row.addWidget(self.second)
        lang_row.addStretch(1)
        self.elements = QTextBrowser()
        self.elements.setOpenLinks(False)
        self.elements.setAccessibleName(self.tr("Credential elements"))
        elements_page = QWidget()
        elements_layout = QVBoxLayout(elements_page)
        elements_layout.addLayout(lang_row)
        elements_layout.addWidget(self.elements)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks_model = ChecksModel(self)
        self.checks = QTableView()
        self.checks.setModel(self.checks_model)
        self.checks.setAccessibleName(self.tr("Verification checks"))
        self.checks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checks.setWordWrap(True)
        self.checks.verticalHeader().hide()
        self.checks.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.checks.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.checks.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.checks.horizontalHeader().sectionResized.connect(lambda *_: self.checks.resizeRowsToContents())
        self.reverify_button = QPushButton(self.tr("&Verify again"))
        self.reverify_button.setToolTip(self.tr("Verify with today's date and the evidence cached in the wallet"))
        self.reverify_button.clicked.connect(lambda: self.detail and self.reverifyRequested.emit(self.detail.id))
        report_page = QWidget()
        report_layout = QVBoxLayout(report_page)
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.checks, 1)
        note = QLabel(self.tr("* essential check: without it nothing can be said about the credential"))
        note.setWordWrap(True)
        report_layout.addWidget(note)
        report_layout.addWidget(self.reverify_button, 0, Qt.AlignmentFlag.AlignRight)

        self.original = QPlainTextEdit()
        self.original.setReadOnly(True)
        self.original.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.original.setAccessibleName(self.tr("Original bytes, read-only"))
        self.original_info = QLabel()
        self.original_info.setWordWrap(True)
        original_page = QWidget()
        original_layout = QVBoxLayout(original_page)
        original_layout.addWidget(self.original_info)
        original_layout.addWidget(self.original)

        self.tabs = QTabWidget()
        self.tabs.addTab(elements_page, self.tr("&Elements"))
        self.tabs.addTab(report_page, self.tr("&Verification"))
        self.tabs.addTab(original_page, self.tr("&Original"))
        self.empty = QLabel(self.tr("Select a credential to see it here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self.show_detail(None)

    # -- content -----------------------------------------------------------------
    def show_detail(self, detail: CredentialDetail | None, langs: tuple[str, ...] | None = None) -> None:
        self.detail = detail
        if langs:
            self.langs = langs
        has = detail is not None
        for widget in (self.tabs, self.title, self.issuer, self.verdict, self.verdict_icon, self.image):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if detail is None:
            self.checks_model.set_report(None)
            self.original.clear()
            return
        cred = detail.credential
        self.title.setText(cred.display_title(self.langs))
        from wallet.model import pick_lang

        self.issuer.setText(pick_lang(cred.issuer.name, self.langs) or cred.issuer.id or "")

        image = image_from_data_url(baked_image_url(cred.container, detail.raw) or cred.image
                                    or (cred.achievement.image if cred.achievement else None)
                                    or cred.issuer.image, 128)
        if image is not None:
            from PySide6.QtGui import QPixmap

            self.image.setPixmap(QPixmap.fromImage(image).scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.image.setPixmap(pixmap("credential", 64))
        report = detail.report
        verdict = report.verdict.value if report else ""
        self.verdict_icon.setPixmap(verdict_icon(verdict).pixmap(20, 20))
        self.verdict.setText(verdict_label(verdict))
        self._fill_languages(cred.languages)
        self._render_elements()
        self.checks_model.set_report(report)
        self.checks.resizeRowsToContents()
        self.summary.setText(self._summary(report))
        self.original.setPlainText(original_text(detail.raw))
        info = fmt(self.tr("%1 bytes, from %2, imported %3. SHA-256 identifies it in the wallet: %4"),
                   len(detail.raw), detail.source, detail.imported_at.isoformat(timespec="seconds"), detail.id)
        if len(detail.raw) > MAX_SHOWN_BYTES:
            info += " " + fmt(self.tr("(only the first %1 KiB are shown)"), MAX_SHOWN_BYTES // 1024)
        self.original_info.setText(info)

    def _summary(self, report: Any) -> str:
        if report is None:
            return self.tr("This credential has not been verified yet.")
        text = fmt(self.tr("%1, as of %2."), verdict_label(report.verdict.value),
                   report.as_of.isoformat(timespec="seconds"))
        if report.trust_snapshot:
            text += " " + fmt(self.tr("EU trusted-list snapshot of %1."), report.trust_snapshot)
        if report.issuer_label:
            text += " " + fmt(self.tr("Issuer in your trust store as “%1”."), report.issuer_label)
        text += " " + self.tr("Verified offline, with the evidence cached in the wallet.")
        return text

    def _fill_languages(self, languages: tuple[str, ...]) -> None:
        options = list(dict.fromkeys([*languages, *self.langs, "en", "sl"]))
        for combo, extra in ((self.lang, False), (self.second, True)):
            combo.blockSignals(True)
            combo.clear()
            if extra:
                combo.addItem(self.tr("(none)"), "")
            for code in options:
                combo.addItem(code, code)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _render_elements(self) -> None:
        if self.detail is None:
            return
        first = self.lang.currentData() or self.langs[0]
        second = self.second.currentData()
        prefs = (first, *[lang for lang in self.langs if lang != first])
        second_prefs = (second, *prefs) if second else None
        self.elements.setHtml(to_html(self.detail.credential, prefs, second_prefs))
