"""One credential in full: a summary and its elements, its verification, its original bytes.

The head says what the credential is and its state in words, colour and
icon, with the reason and what would fix it. Three tabs follow, because
three readers want three things: the learner and a recognition officer read
the summary and the elements (in a chosen language, optionally a second one
side by side); an employer reads the verification (each check in plain
words, "as of" when, and "Technical details" one click away); an expert reads
the original bytes, read-only exactly as stored (they are what was signed).
Showing another credential always starts again on the first tab.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wallet.app.credentials import CredentialDetail, baked_image_url
from wallet.messages import msg
from wallet.model import pick_lang
from wallet.readout import state_line
from wallet.ui.elements import checks_html, technical_html, to_html
from wallet.ui.i18n import fmt, say, ui_language
from wallet.ui.icons import pixmap
from wallet.ui.images import image_from_data_url
from wallet.ui.models.credentials import format_name
from wallet.ui.states import look, state_icon, state_label, style_badge
from wallet.ui.widgets import language_choices, png_base64, reading_view

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
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.issuer = QLabel()
        self.issuer.setWordWrap(True)
        self.issuer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.RichText)
        self.badge.setWordWrap(True)
        self.badge.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge.setAccessibleName(self.tr("State of the credential"))
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head_text = QVBoxLayout()
        head_text.addWidget(self.title)
        head_text.addWidget(self.issuer)
        head_text.addWidget(self.badge)
        head_text.addWidget(self.reason)
        head = QHBoxLayout()
        head.addWidget(self.image, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)

        self.lang = QComboBox()
        self.lang.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lang.setMinimumContentsLength(9)
        self.lang.setAccessibleName(self.tr("Language of the credential text"))
        self.lang.setAccessibleDescription(self.tr("The language the credential's text is shown in"))
        self.second = QComboBox()
        self.second.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.second.setMinimumContentsLength(9)
        self.second.setAccessibleName(self.tr("Second language, side by side"))
        self.second.setAccessibleDescription(self.tr("Show the text in a second language next to the first"))
        self.lang.currentIndexChanged.connect(self._render_elements)
        self.second.currentIndexChanged.connect(self._render_elements)
        lang_row = QHBoxLayout()
        lang_label = QLabel(self.tr("&Show in:"))
        lang_label.setBuddy(self.lang)
        second_label = QLabel(self.tr("Side &by side with:"))
        second_label.setBuddy(self.second)
        for widget in (lang_label, self.lang, second_label, self.second):
            lang_row.addWidget(widget)
        lang_row.addStretch(1)
        self.elements = reading_view(self.tr("Summary and elements of the credential"),
                                     self.tr("What the credential says, element by element"))
        elements_page = QWidget()
        elements_layout = QVBoxLayout(elements_page)
        elements_layout.addLayout(lang_row)
        elements_layout.addWidget(self.elements)

        # One scrolling view for "as of", the checks, the note and the technical details: separate
        # widgets squeezed each other at the smallest window size.
        self.checks = reading_view(self.tr("Verification checks"), self.tr("Each check, its result and why"))
        self.reverify_button = QPushButton(self.tr("&Verify again"))
        self.reverify_button.setToolTip(self.tr("Verify with today's date and the evidence cached in the wallet"))
        self.reverify_button.setAccessibleDescription(self.reverify_button.toolTip())
        self.reverify_button.clicked.connect(lambda: self.detail and self.reverifyRequested.emit(self.detail.id))
        self.technical_toggle = QToolButton()
        self.technical_toggle.setText(self.tr("&Technical details"))
        self.technical_toggle.setCheckable(True)
        self.technical_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.technical_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.technical_toggle.setAccessibleDescription(
            self.tr("Show the check identifiers, keys, suites and the values as the credential states them"))
        self.technical_toggle.toggled.connect(self._toggle_technical)
        buttons = QHBoxLayout()
        buttons.addWidget(self.technical_toggle)
        buttons.addStretch(1)
        buttons.addWidget(self.reverify_button)
        report_page = QWidget()
        report_layout = QVBoxLayout(report_page)
        report_layout.addWidget(self.checks, 1)
        report_layout.addLayout(buttons)

        self.original = QPlainTextEdit()
        self.original.setReadOnly(True)
        self.original.setTabChangesFocus(True)
        self.original.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.original.setAccessibleName(self.tr("Original bytes, read-only"))
        self.original.setAccessibleDescription(self.tr("The credential exactly as it was received"))
        self.original_info = QLabel()
        self.original_info.setWordWrap(True)
        self.original_info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        original_page = QWidget()
        original_layout = QVBoxLayout(original_page)
        original_layout.addWidget(self.original_info)
        original_layout.addWidget(self.original)

        self.tabs = QTabWidget()
        self.tabs.addTab(elements_page, self.tr("&About it"))
        self.tabs.addTab(report_page, self.tr("&Verification"))
        self.tabs.addTab(original_page, self.tr("&Original"))
        self.tabs.setAccessibleName(self.tr("Parts of the credential view"))
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
        previous = self.detail.id if self.detail is not None else None
        self.detail = detail
        if langs:
            self.langs = langs
        has = detail is not None
        for widget in (self.tabs, self.title, self.issuer, self.badge, self.reason, self.image):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if detail is None:
            self.checks.clear()
            self.elements.clear()
            self.original.clear()
            return
        if detail.id != previous:  # another credential: start again where a reader starts
            self.tabs.setCurrentIndex(0)
            self.technical_toggle.setChecked(False)
        cred = detail.credential
        self.title.setText(cred.display_title(self.langs))
        self.issuer.setText(pick_lang(cred.issuer.name, self.langs) or self.tr("(issuer not named)"))
        image = image_from_data_url(baked_image_url(cred.container, detail.raw) or cred.image
                                    or (cred.achievement.image if cred.achievement else None)
                                    or cred.issuer.image, 128)
        if image is not None:
            self.image.setPixmap(QPixmap.fromImage(image).scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.image.setPixmap(pixmap("credential", 64))
        report = detail.report
        state = detail.readout.state if detail.readout else None
        line = say(state_line(report)) if report is not None else state_label(None)
        icon = state_icon(state).pixmap(18, 18)
        self.badge.setText(f"<img src='data:image/png;base64,{png_base64(icon)}' width='18' height='18'> "
                           f"<b>{escape(line)}</b>")
        style_badge(self.badge, look(state))
        self.badge.setAccessibleDescription(line)
        reason = detail.readout.reason if detail.readout else None
        self.reason.setText(say(reason) if reason is not None and state is not None and
                            state.value not in ("valid",) else "")
        self.reason.setVisible(bool(self.reason.text()))
        self._fill_languages(cred.languages)
        self._render_elements()
        self._render_report()
        self.original.setPlainText(original_text(detail.raw))
        info = fmt(self.tr("%1 bytes, %2, from %3, imported %4."), len(detail.raw), format_name(detail.format),
                   detail.source or self.tr("(no file name)"),
                   say(msg("date.datetime", when=detail.imported_at.isoformat(timespec="seconds"))))
        if len(detail.raw) > MAX_SHOWN_BYTES:
            info += " " + fmt(self.tr("(only the first %1 KiB are shown)"), MAX_SHOWN_BYTES // 1024)
        self.original_info.setText(info)

    def _summary(self, report: Any) -> str:
        if report is None:
            return self.tr("This credential has not been verified yet.")
        text = fmt(self.tr("Checked offline on %1, with the evidence cached in the wallet."),
                   say(msg("date.datetime", when=report.as_of.isoformat())))
        if report.trust_snapshot:
            text += " " + say(msg("seal.note.as_of", date=report.trust_snapshot)) + "."
        if report.issuer_label:
            text += " " + fmt(self.tr("The issuer is in your trust store as “%1”."), report.issuer_label)
        return text

    def _fill_languages(self, languages: tuple[str, ...]) -> None:
        options = list(dict.fromkeys([*languages, *self.langs, "en", "sl"]))
        for combo, extra in ((self.lang, False), (self.second, True)):
            combo.blockSignals(True)
            combo.clear()
            if extra:
                combo.addItem(self.tr("(none)"), "")
            for code, name in language_choices(options):
                combo.addItem(name, code)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _render_elements(self) -> None:
        if self.detail is None:
            return
        first = self.lang.currentData() or self.langs[0]
        second = self.second.currentData()
        prefs = (first, *[lang for lang in self.langs if lang != first])
        second_prefs = (second, *prefs) if second else None
        self.elements.setHtml(to_html(self.detail.credential, prefs, second_prefs, self.detail.holder or None,
                                      reader=(ui_language(), *prefs)))

    def _toggle_technical(self, on: bool) -> None:
        self.technical_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._render_report()
        if on:  # show where the details start
            self.checks.scrollToAnchor("technical")

    def _render_report(self) -> None:
        detail = self.detail
        if detail is None:
            return
        note = self.tr("* essential check: without it nothing can be said about the credential")
        parts = [f"<p>{escape(self._summary(detail.report))}</p>", checks_html(detail.report),
                 f"<p><small>{escape(note)}</small></p>"]
        if self.technical_toggle.isChecked():
            extra = [(self.tr("Identifier in the wallet (SHA-256)"), detail.id), (self.tr("Format"), detail.format)]
            heading = self.tr("Technical details")
            parts.append(f"<hr><a name='technical'></a><h4>{escape(heading)}</h4>")
            parts.append(technical_html(detail.credential, detail.report, (ui_language(), "en"), extra))
        self.checks.setHtml("".join(parts))

