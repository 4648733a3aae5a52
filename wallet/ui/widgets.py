"""Small widget helpers every screen uses the same way.

* :func:`reading_view` — a read-only rich-text view that wraps at any width
  (no "…" and no horizontal scrolling), where Tab moves on to the next widget
  instead of walking links, with an accessible name and description.
* :func:`language_choices` — languages offered in lists, by their names in
  the UI's language, never as codes.
* :data:`EXPIRY_CHOICES` — how long a shared bundle is accepted, as a list.
* :func:`describe` — accessible name and description in one call.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFrame, QTextBrowser, QWidget

from wallet.messages import msg
from wallet.ui.i18n import say

#: Languages offered for credential text and printouts (any others a credential carries are added).
COMMON_LANGUAGES = ("en", "sl", "de", "fr", "it", "hr", "es", "hu", "pt", "pl", "cs", "sk", "nl", "sr", "bs", "uk")


def describe(widget: QWidget, name: str, description: str = "") -> QWidget:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description or name)
    return widget


def reading_view(name: str, description: str = "") -> QTextBrowser:
    view = QTextBrowser()
    view.setOpenLinks(False)
    view.setOpenExternalLinks(False)
    view.setReadOnly(True)
    view.setTabChangesFocus(True)
    view.setFrameShape(QFrame.Shape.StyledPanel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
    view.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    describe(view, name, description)
    return view


def language_name(code: str) -> str:
    """The language's name in the UI's language, capitalised for a list ("Slovenian", "Slovenščina")."""
    name = say(msg("language.name", code=code))
    return name[:1].upper() + name[1:]


def language_choices(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, name) for each distinct code, in the given order."""
    return [(code, language_name(code)) for code in dict.fromkeys(c for c in codes if c)]


def fill_languages(combo: QComboBox, codes: Sequence[str], current: str | None = None,
                   none_text: str | None = None) -> None:
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, "")
    for code, name in language_choices(codes):
        combo.addItem(name, code)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def expiry_choices() -> list[tuple[str, str]]:
    """(duration, words) offered for a share's expiry; the values are what ``wallet.sharing.expiry`` reads."""
    return [("1d", QCoreApplication.translate("Expiry", "1 day")),
            ("7d", QCoreApplication.translate("Expiry", "1 week")),
            ("30d", QCoreApplication.translate("Expiry", "30 days")),
            ("90d", QCoreApplication.translate("Expiry", "3 months")),
            ("180d", QCoreApplication.translate("Expiry", "6 months")),
            ("365d", QCoreApplication.translate("Expiry", "1 year"))]


def fill_expiry(combo: QComboBox, current: str) -> None:
    """The choices, with ``current`` selected (added as it is when it is not one of them, e.g. "45d")."""
    combo.blockSignals(True)
    combo.clear()
    for value, words in expiry_choices():
        combo.addItem(words, value)
    index = combo.findData(current)
    if index < 0 and current:
        combo.addItem(current, current)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def png_base64(pixmap: QPixmap) -> str:
    """A pixmap as base64 PNG, to put an icon inside rich text (a label's state badge)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return base64.b64encode(bytes(data.data())).decode("ascii")


def describe_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Accessible descriptions for a button box's standard buttons (their names are their texts)."""
    words = {
        QDialogButtonBox.StandardButton.Ok: QCoreApplication.translate("Buttons", "Confirm and close this window"),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate("Buttons", "Close this window without changing anything"),
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate("Buttons", "Close this window"),
        QDialogButtonBox.StandardButton.Yes: QCoreApplication.translate("Buttons", "Answer yes"),
        QDialogButtonBox.StandardButton.No: QCoreApplication.translate("Buttons", "Answer no"),
    }
    for button in box.buttons():
        text = words.get(box.standardButton(button))
        if text and not button.accessibleDescription():
            button.setAccessibleDescription(text)
    return box
