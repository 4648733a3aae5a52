"""No English reachable in the Slovenian UI (issue 16): every screen, every dialog, Qt's own buttons.

The test opens the app in Slovenian, brings each screen into a state with
content (``tests/ui/screens.py``) and collects every text a user can meet:
labels, buttons, tab names, combo items, placeholders, tooltips, accessible
names and descriptions, table headers, menu items and the rich-text views.
A text fails when it is one of the UI's English source strings, or holds a
fragment of an English catalogue message (a check's reason, a state, a
stacking explanation) that Slovenian words differently, or — for the app's
own chrome, not credential content — contains common English words.

What is allowed to stay English is the credentials' own text (a title, an
issuer's name), which is data: the widgets that show data are skipped by
name below, and item data of the credential lists is not collected.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.ui.conftest import PASSPHRASE, copy_vault
from tests.ui.screens import screens
from wallet.messages.catalogue import catalogue
from wallet.resources import resource

#: Whole words that give English chrome away (never Slovenian words).
ENGLISH_WORDS = {"the", "and", "with", "your", "you", "this", "from", "are", "credential", "credentials", "wallet",
                 "issuer", "cancel", "close", "yes", "save", "open", "share", "target", "targets", "verify",
                 "checked", "valid", "expired", "revoked", "help", "settings", "passphrase", "select", "remove",
                 "import", "back", "restore", "lock", "quit", "file", "edit", "view", "about", "choose", "add",
                 "show", "details", "technical", "missing", "requirements", "reason"}
#: Widgets (by attribute path) that show credential content, which is data and may be in any language.
DATA_WIDGETS = ("credentials.detail.title", "credentials.detail.issuer")
#: Combo boxes whose items after the first are data (issuer names, target titles).
DATA_COMBOS = ("credentials.issuer_filter", "credentials.target_filter")
#: Labels that mix our words with data (a file name): checked for our messages, not for English words.
MIXED_WIDGETS = ("credentials.detail.original_info",)


def english_sources() -> set[str]:
    """The UI's English strings whose Slovenian translation differs."""
    root = ET.parse(resource("translations", "wallet_sl.ts")).getroot()
    found = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if source.replace("&", "") != translation.replace("&", "") and len(source) > 3:
            found.add(source.replace("&", ""))
    return found


def english_fragments() -> set[str]:
    """Literal pieces (two words or more) of English catalogue messages that Slovenian says differently."""
    en, sl = catalogue("en"), catalogue("sl")
    found = set()
    for key, template in en.items():
        forms = template.values() if isinstance(template, dict) else [template]
        sl_forms = sl.get(key)
        sl_text = " ".join(sl_forms.values()) if isinstance(sl_forms, dict) else str(sl_forms)
        for form in forms:
            for piece in re.split(r"\{[^}]*\}", form):
                piece = piece.strip(" .,:;—-()«»“”'\"")
                if len(piece) >= 12 and " " in piece and piece not in sl_text:
                    found.add(piece)
    return found


def _name_of(window: Any, widget: QWidget) -> str:
    for path in DATA_WIDGETS + DATA_COMBOS + MIXED_WIDGETS:
        obj: Any = window
        for part in path.split("."):
            obj = getattr(obj, part, None)
        if obj is widget:
            return path
    return ""


def collect(root: QWidget, window: Any) -> list[tuple[str, str, bool]]:
    """(where, text, chrome) for every text reachable in ``root``; chrome texts get the word check too."""
    out: list[tuple[str, str, bool]] = []

    def add(where: str, text: str | None, chrome: bool = True) -> None:
        if text:
            out.append((where, text, chrome))

    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        data = _name_of(window, widget)
        if data in DATA_WIDGETS:
            continue
        for what, text in (("windowTitle", widget.windowTitle() if widget.isWindow() else ""),
                           ("toolTip", widget.toolTip()), ("accessibleName", widget.accessibleName()),
                           ("accessibleDescription", widget.accessibleDescription()),
                           ("statusTip", widget.statusTip()), ("whatsThis", widget.whatsThis())):
            add(f"{kind}.{what}", text, chrome=what != "toolTip" or not isinstance(widget, QAbstractItemView))
        if isinstance(widget, QLabel):
            add(f"{kind}.text", html.unescape(re.sub(r"<[^>]+>", " ", widget.text())), chrome=data not in MIXED_WIDGETS)
        elif isinstance(widget, QAbstractButton):
            add(f"{kind}.text", widget.text())
        elif isinstance(widget, QLineEdit):
            add(f"{kind}.placeholder", widget.placeholderText())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            add(f"{kind}.placeholder", widget.placeholderText())
            add(f"{kind}.text", widget.toPlainText(), chrome=False)  # views mix our words and credential text
        elif isinstance(widget, QComboBox):
            items = range(widget.count()) if data not in DATA_COMBOS else range(min(1, widget.count()))
            for n in items:
                add(f"{kind}.item", widget.itemText(n))
        elif isinstance(widget, QTabWidget):
            for n in range(widget.count()):
                add(f"{kind}.tab", widget.tabText(n))
                add(f"{kind}.tabToolTip", widget.tabToolTip(n))
        elif isinstance(widget, QGroupBox):
            add(f"{kind}.title", widget.title())
        elif isinstance(widget, QSpinBox):
            add(f"{kind}.suffix", widget.suffix().strip())
            add(f"{kind}.special", widget.specialValueText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, private columnCount
                columns = 1
            for column in range(columns):
                add(f"{kind}.header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        if isinstance(widget, QAbstractSpinBox):
            add(f"{kind}.text", "")
    if isinstance(root, QMainWindow):
        stack = list(root.menuBar().actions())
        while stack:
            action = stack.pop()
            add("menu", action.text())
            add("menu.toolTip", action.toolTip())
            if action.menu() is not None:
                stack.extend(action.menu().actions())
        add("statusBar", root.statusBar().currentMessage())
    return out


@pytest.fixture
def slovenian_window(make_window, template_vault: Path, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    QSettings().setValue("ui/language", "sl")
    try:
        win = make_window(copy_vault(template_vault, tmp_path), lang="sl")
        win.unlock_screen.open_page.passphrase.setText(PASSPHRASE)
        win.unlock_screen.open_page.submit()
        qtbot.waitUntil(lambda: win.session.is_open, timeout=10000)
        qtbot.waitUntil(lambda: win.credentials.model.rowCount() > 0, timeout=10000)
        yield win
    finally:
        QSettings().remove("ui/language")


def find_english(window: Any, qtbot: Any, tmp_path: Path, corpus_files: list[Path],
                 limit: int | None = None) -> tuple[list[str], list[str]]:
    """(screens walked, problems found) over every screen (or the first ``limit``)."""
    sources = english_sources()
    fragments = english_fragments()
    problems: list[str] = []
    walked: list[str] = []
    for name, root in screens(window, qtbot, tmp_path, corpus_files):
        walked.append(name)
        if limit is not None and len(walked) > limit:
            break
        for where, text, chrome in collect(root, window):
            plain = text.replace("&", "").strip()
            lines = {line.strip() for line in plain.splitlines()}
            if plain in sources or lines & sources:
                found = plain if plain in sources else sorted(lines & sources)[0]
                problems.append(f"{name}: {where}: untranslated UI string {found!r}")
                continue
            hit = next((f for f in fragments if f in text), None)
            if hit is not None:
                problems.append(f"{name}: {where}: English message text {hit!r} in {text[:80]!r}")
                continue
            if chrome:
                # A URI (a placeholder such as openid-credential-offer://…) is a name, not words to translate.
                prose = re.sub(r"[A-Za-z][A-Za-z0-9+.-]*://\S*", " ", plain)
                words = {w.lower() for w in re.findall(r"[A-Za-z]+", prose)}
                english = sorted(words & ENGLISH_WORDS)
                if english:
                    problems.append(f"{name}: {where}: English words {english} in {plain[:80]!r}")
    return walked, problems


def test_no_english_is_reachable_in_the_slovenian_ui(slovenian_window, qtbot, tmp_path: Path,
                                                     corpus_files: list[Path]) -> None:
    walked, problems = find_english(slovenian_window, qtbot, tmp_path, corpus_files)
    assert len(walked) >= 15, walked
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_walk_sees_english_when_it_is_there(window, qtbot, tmp_path: Path, corpus_files: list[Path]) -> None:
    """The same walk over the English UI finds plenty: the detector is not blind."""
    _walked, problems = find_english(window, qtbot, tmp_path, corpus_files, limit=3)
    assert len(problems) > 50, problems[:5]
    assert any("untranslated UI string" in p for p in problems) and any("English words" in p for p in problems)


def test_qt_standard_buttons_speak_slovenian(slovenian_window) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Yes
                           | QDialogButtonBox.StandardButton.No)
    texts = sorted(b.text().replace("&", "") for b in box.buttons())
    assert texts == sorted(["V redu", "Prekliči", "Zapri", "Da", "Ne"])
