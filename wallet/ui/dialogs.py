"""Every modal question and file chooser the app shows, behind one seam.

Why: tests must drive flows that ask "Remove this credential?" or "Save the
backup where?" without a human. Like KeePassXC's ``MessageBox::setNextAnswer``
and ``fileDialog()->setNextFileName()``, a test queues the next answers here
and the real dialog is skipped; an unexpected dialog in a test fails loudly
instead of blocking the run forever.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

_answers: deque[Any] = deque()
_shown: list[tuple[str, str]] = []  # (kind, text) of every dialog, for tests to assert on


def set_next_answer(*answers: Any) -> None:
    """Queue answers for the next dialogs (bool, path, list of paths, text or None for cancel)."""
    _answers.extend(answers)


def shown() -> list[tuple[str, str]]:
    """What the dialogs said so far (tests read this)."""
    return _shown


def reset() -> None:
    _answers.clear()
    _shown.clear()


def _scripted() -> bool:
    """Tests run with answers queued, or must never block on a real dialog."""
    return bool(_answers) or os.environ.get("WALLET_UI_NO_MODAL") == "1"


def _take(kind: str, text: str) -> Any:
    _shown.append((kind, text))
    if not _answers:
        raise RuntimeError(f"a {kind} dialog appeared in a test without a queued answer: {text!r}")
    return _answers.popleft()


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton) -> QMessageBox:
    """A message box whose buttons carry accessible descriptions (every question and notice uses it)."""
    from wallet.ui.widgets import describe_buttons

    box = QMessageBox(icon, title, text, buttons, parent)
    button_box = box.findChild(QDialogButtonBox)
    if button_box is not None:
        describe_buttons(button_box)
    return box


class _InputDialog(QInputDialog):
    """QInputDialog builds its buttons when first shown: describe them then."""

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        from wallet.ui.widgets import describe_buttons

        button_box = self.findChild(QDialogButtonBox)
        if button_box is not None:
            describe_buttons(button_box)


def input_dialog(parent: QWidget | None, title: str, label: str, secret: bool = False) -> QInputDialog:
    """A one-line question whose field and buttons carry accessible names and descriptions."""
    from wallet.ui.widgets import describe_buttons

    dialog = _InputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal)
    dialog.setOption(QInputDialog.InputDialogOption.NoButtons, False)
    field = dialog.findChild(QLineEdit)
    if field is not None:
        field.setAccessibleName(label.rstrip(":"))
        field.setAccessibleDescription(label)
    button_box = dialog.findChild(QDialogButtonBox)
    if button_box is not None:
        describe_buttons(button_box)
    return dialog


def confirm(parent: QWidget | None, title: str, text: str, destructive: bool = False) -> bool:
    """Ask yes/no; the default button is No for destructive questions."""
    if _scripted():
        return bool(_take("confirm", text))
    box = message_box(parent, QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No if destructive else QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Show an error message (never a traceback: callers pass a safe message)."""
    if _scripted():
        _shown.append(("error", text))
        if _answers and _answers[0] is None:
            _answers.popleft()
        return
    message_box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok).exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    if _scripted():
        _shown.append(("info", text))
        if _answers and _answers[0] is None:
            _answers.popleft()
        return
    message_box(parent, QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok).exec()


def open_files(parent: QWidget | None, title: str, filters: str) -> list[str]:
    if _scripted():
        answer = _take("open-files", title)
        return list(answer or [])
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return list(names)


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    if _scripted():
        answer = _take("open-file", title)
        return str(answer) if answer else None
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return name or None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str,
              confirm_overwrite: bool = True) -> str | None:
    if _scripted():
        answer = _take("save-file", title)
        return str(answer) if answer else None
    options = QFileDialog.Option(0) if confirm_overwrite else QFileDialog.Option.DontConfirmOverwrite
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters, options=options)
    return name or None


def custom(kind: str, text: str, run: Any) -> Any:
    """Show a dialog of our own via ``run()``; tests queue its result instead."""
    if _scripted():
        return _take(kind, text)
    return run()


def get_text(parent: QWidget | None, title: str, label: str, secret: bool = False) -> str | None:
    """One line of text (a passphrase when ``secret``); None if cancelled."""
    if _scripted():
        answer = _take("text", label)
        return None if answer is None else str(answer)
    dialog = input_dialog(parent, title, label, secret)
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text if ok else None
