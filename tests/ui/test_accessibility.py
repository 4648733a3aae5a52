"""Accessibility (issue 16): names and descriptions, the accessible tree, the keyboard, contrast.

* every interactive widget of every screen and dialog has an accessible name
  and description, as assistive technology reads them (``QAccessible``);
* the accessible tree of the main window, walked from its root, names every
  interactive node;
* Tab reaches every control of a screen and comes back round (no trap), and
  the text boxes hand Tab on instead of typing a tab character;
* every colour pair the app chooses keeps a contrast of at least 4.5:1 in
  the light and the dark theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QStyleFactory,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.screens import screens

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
INTERACTIVE_ROLES = {QAccessible.Role.PushButton, QAccessible.Role.CheckBox, QAccessible.Role.RadioButton,
                     QAccessible.Role.ComboBox, QAccessible.Role.EditableText, QAccessible.Role.Table,
                     QAccessible.Role.List, QAccessible.Role.Tree, QAccessible.Role.PageTab,
                     QAccessible.Role.SpinBox, QAccessible.Role.ButtonMenu}


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a compound widget (a combo's popup list, a spin box's line edit, a tab
    bar's scroll arrows, a line edit's clear button, scroll bars): their parent carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar)) or \
                type(parent).__name__ in ("QComboBoxPrivateContainer", "QScrollBar"):
            return True
        parent = parent.parentWidget()
    if isinstance(widget, QHeaderView):  # a table's header: its sections are named by their text
        return True
    return isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_")


def accessible(widget: QWidget) -> tuple[str, str]:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid(), widget
    return iface.text(QAccessible.Text.Name).strip(), iface.text(QAccessible.Text.Description).strip()


def test_every_interactive_widget_has_a_name_and_a_description(window, qtbot, tmp_path: Path,
                                                               corpus_files: list[Path]) -> None:
    problems = []
    counted = 0
    for name, root in screens(window, qtbot, tmp_path, corpus_files):
        for widget in [root, *root.findChildren(QWidget)]:
            if not isinstance(widget, INTERACTIVE) or _internal(widget):
                continue
            counted += 1
            label, description = accessible(widget)
            if not label:
                problems.append(f"{name}: {type(widget).__name__} {widget.objectName()!r} has no accessible name")
            elif not description:
                problems.append(f"{name}: {type(widget).__name__} {label!r} has no accessible description")
    assert counted > 150, counted
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_accessible_tree_names_every_interactive_node(window, qtbot) -> None:
    window.credentials.table.selectRow(0)
    qtbot.waitUntil(lambda: window.credentials.detail.detail is not None, timeout=10000)
    root = QAccessible.queryAccessibleInterface(window)
    seen, unnamed, stack = 0, [], [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node is None or not node.isValid() or depth > 40:
            continue
        seen += 1
        if node.role() in INTERACTIVE_ROLES and not node.state().invisible and \
                not node.text(QAccessible.Text.Name).strip():
            unnamed.append(f"{node.role().name} under {node.parent().text(QAccessible.Text.Name) if node.parent() else ''}")
        if node.role() in (QAccessible.Role.Table, QAccessible.Role.List, QAccessible.Role.Tree):
            continue  # cells are data, named by their text
        stack.extend((node.child(i), depth + 1) for i in range(node.childCount()))
    assert seen > 60, seen
    assert not unnamed, unnamed


def _focus_chain(start: QWidget, qtbot: Any, steps: int = 80) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=5000)
    chain = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is start:
            chain.append(current)
            break
        chain.append(current)
    return chain


def test_tab_reaches_every_control_and_comes_back(window, qtbot) -> None:
    window.activateWindow()
    page = window.credentials
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=10000)
    chain = _focus_chain(page.search, qtbot)
    assert chain[-1] is page.search, "Tab never came back to the search field: a focus trap"
    assert len(set(map(id, chain))) == len(chain) - 1  # no widget twice before the round ends
    reached = set(map(id, chain))
    for wanted in (page.issuer_filter, page.format_filter, page.state_filter, page.target_filter,
                   page.view_toggle, page.detail.lang, page.detail.elements):
        assert id(wanted) in reached, wanted.accessibleName()
    assert id(page.cards) in reached or id(page.table) in reached


def test_text_boxes_pass_tab_on(window, qtbot) -> None:
    from wallet.ui.screens.import_dialog import PasteDialog

    dialog = PasteDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setFocus()
    qtbot.waitUntil(lambda: dialog.text.hasFocus(), timeout=5000)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert "\t" not in dialog.text.toPlainText() and not dialog.text.hasFocus()
    received = window.received
    assert received.input.tabChangesFocus() and window.credentials.detail.original.tabChangesFocus()


def test_shortcuts_cover_the_main_actions(window) -> None:
    keys = {a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()}
    for wanted in ("Ctrl+O", "Ctrl+Shift+V", "Ctrl+F", "F5", "Ctrl+L", "Ctrl+1", "Ctrl+2", "F1", "Del"):
        assert wanted in keys, (wanted, sorted(keys))


def _palettes() -> list[tuple[str, QPalette]]:
    """The light (Fusion's own) and the dark palette, as the app uses them (made readable where needed)."""
    from wallet.ui.theme import dark_palette, ensure_contrast

    fusion = QStyleFactory.create("Fusion")
    return [("light", ensure_contrast(fusion.standardPalette())), ("dark", ensure_contrast(dark_palette()))]


@pytest.mark.usefixtures("qapp")
def test_contrast_of_every_colour_the_app_chooses() -> None:
    from wallet.ui.states import all_pairs
    from wallet.ui.theme import ERROR_COLOURS, contrast

    low = [(name, bg, fg, round(contrast(bg, fg), 2)) for name, bg, fg in all_pairs() if contrast(bg, fg) < 4.5]
    assert not low, low
    assert contrast(*ERROR_COLOURS) >= 4.5
    for theme, palette in _palettes():
        roles = QPalette.ColorRole
        for fg, bg in ((roles.Text, roles.Base), (roles.WindowText, roles.Window), (roles.ButtonText, roles.Button),
                       (roles.HighlightedText, roles.Highlight), (roles.Text, roles.AlternateBase),
                       (roles.PlaceholderText, roles.Base), (roles.Link, roles.Base)):
            ratio = contrast(palette.color(fg), palette.color(bg))
            assert ratio >= 4.5, (theme, fg.name, bg.name, round(ratio, 2))


@pytest.mark.usefixtures("qapp")
def test_a_pale_selection_colour_is_made_readable_and_a_good_palette_is_left_alone() -> None:
    from wallet.ui.theme import contrast, ensure_contrast

    pale = QStyleFactory.create("Fusion").standardPalette()
    pale.setColor(QPalette.ColorRole.Highlight, QColor("#9ecbff"))
    fixed = ensure_contrast(pale)
    roles = QPalette.ColorRole
    assert contrast(fixed.color(roles.HighlightedText), fixed.color(roles.Highlight)) >= 4.5
    assert fixed.color(roles.HighlightedText) == pale.color(roles.HighlightedText)  # the text is kept
    again = ensure_contrast(fixed)
    assert all(again.color(r) == fixed.color(r) for r in (roles.Highlight, roles.PlaceholderText, roles.Text))


def test_contrast_helper_matches_wcag_examples() -> None:
    from wallet.ui.theme import contrast

    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the WCAG rule-of-thumb grey on white
    assert contrast(QColor("#777777"), QColor("#ffffff")) < 4.5
