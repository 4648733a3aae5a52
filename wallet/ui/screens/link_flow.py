"""What the receive and present dialogs share: a link starts a flow of pages on the vault thread.

Both take a link pasted, or read from a QR image or a file; both go source → consent → progress →
result. They differ in their consent page and their use cases, not in how a link arrives or how
work is shown, so those pages are built here once. Words common to both are translated in this
module's context ("LinkFlowDialog"); each dialog passes its own words, translated in its context
(``self.tr`` in a base class would be looked up under the subclass's name at run time, and filed
under this class's by ``pyside6-lupdate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wallet.ui import dialogs
from wallet.ui.i18n import say, ui_language
from wallet.ui.session import Session
from wallet.ui.tasks import Task, TaskError
from wallet.ui.widgets import describe, describe_buttons


class LinkFlowDialog(QDialog):
    """The pages and state both flows have; subclasses add the consent page and ``start``."""

    def __init__(self, session: Session, parent: QWidget | None, *, client: Any, langs: tuple[str, ...] | None,
                 title: str) -> None:
        super().__init__(parent)
        from wallet.online import OnlineClient, OnlineSettings

        self.session = session
        self.client = client or OnlineClient(OnlineSettings.from_env())
        self.langs = langs or (ui_language(), "en")
        self.summary: Any = None
        self.task: Task | None = None
        self.setWindowTitle(title)
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(680, 600)

    def start(self, source: Any) -> None:
        raise NotImplementedError

    # -- pages ---------------------------------------------------------------------
    def _build_source_page(self, *, intro: str, edit: tuple[str, str], placeholder: str, open_button: tuple[str, str, str],
                           continue_description: str, extra: Sequence[QWidget] = ()) -> QLineEdit:
        """The link field, "open a QR image" and Continue/Cancel; ``edit`` and ``open_button`` are (text,) name, description."""
        self.source_page = QWidget()
        link_edit = QLineEdit()
        describe(link_edit, *edit)
        link_edit.setPlaceholderText(placeholder)
        self.source_error = QLabel()
        self.source_error.setWordWrap(True)
        opener = QPushButton(open_button[0])
        describe(opener, open_button[1], open_button[2])
        opener.clicked.connect(self._choose_file)
        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(QCoreApplication.translate("LinkFlowDialog", "&Continue"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        describe(self.continue_button, QCoreApplication.translate("LinkFlowDialog", "Continue"), continue_description)
        describe_buttons(buttons)
        self.continue_button.clicked.connect(lambda: self.start(link_edit.text()))
        layout = QVBoxLayout(self.source_page)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(link_edit)
        layout.addWidget(opener, 0, Qt.AlignmentFlag.AlignLeft)
        for widget in extra:
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.source_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.pages.addWidget(self.source_page)
        return link_edit

    def _build_progress_page(self, name: str, cancel: QPushButton | None = None) -> None:
        self.progress_page = QWidget()
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName(name)
        layout = QVBoxLayout(self.progress_page)
        layout.addStretch(1)
        layout.addWidget(self.step_label)
        layout.addWidget(bar)
        if cancel is not None:
            layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self.pages.addWidget(self.progress_page)

    def _build_result_page(self, extra: Sequence[QWidget] = ()) -> None:
        self.result_page = QWidget()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setAccessibleName(QCoreApplication.translate("LinkFlowDialog", "Result"))
        close = QPushButton(QCoreApplication.translate("LinkFlowDialog", "&Close"))
        describe(close, QCoreApplication.translate("LinkFlowDialog", "Close"),
                 QCoreApplication.translate("LinkFlowDialog", "Close this window"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self.result_page)
        layout.addWidget(self.result_label, 1)
        for widget in extra:
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(self.result_page)

    # -- the source ------------------------------------------------------------------
    def _file_dialog_words(self) -> tuple[str, str]:
        """(caption, name filters) of the "open a QR image or file" dialog."""
        raise NotImplementedError

    def _choose_file(self) -> None:
        caption, filters = self._file_dialog_words()
        name = dialogs.open_file(self, caption, filters)
        if name:
            self.start(Path(name))

    def _error_text(self, error: TaskError) -> str:
        message = getattr(error.exception, "message", None)
        return say(message) if message is not None else error.message

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()
