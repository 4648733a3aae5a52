"""Unlock an existing vault, or create a new one.

Wrong passphrase: shown inline (not in a pop-up), the passphrase selected and
the field focused again, as KeePassXC's ``DatabaseOpenWidget`` does, so a
retry is one keystroke away. The core's message already admits that a
damaged file looks the same as a wrong passphrase. Nothing on
this screen ever resets or deletes a vault.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wallet.ui.i18n import fmt
from wallet.ui.icons import pixmap
from wallet.ui.session import Session
from wallet.ui.strength import estimate_bits, level
from wallet.ui.tasks import TaskError
from wallet.ui.theme import ERROR_COLOURS
from wallet.ui.widgets import describe

MIN_PASSPHRASE = 8


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("inlineError")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    background, text = ERROR_COLOURS
    label.setStyleSheet(f"color: {text}; background: {background}; padding: 6px; border-radius: 4px;")
    label.show()


class OpenPage(QWidget):
    """Passphrase field for an existing vault."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = QLabel(self.tr("Unlock your wallet"))
        self.title.setObjectName("screenTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.passphrase, self.tr("Passphrase"), self.tr("The passphrase of this wallet"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.submit)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleDescription(self.tr("Open the wallet with this passphrase"))
        self.unlock_button.clicked.connect(self.submit)
        self.error = _error_label()
        self.busy = QLabel(self.tr("Unlocking… (deriving the key takes a moment)"))
        self.busy.hide()
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        self.refresh()

    def refresh(self) -> None:
        self.where.setText(fmt(self.tr("Wallet file: %1"), self.session.path))

    def submit(self) -> None:
        text = self.passphrase.text()
        if not text:
            _show_error(self.error, self.tr("Enter your passphrase."))
            self.passphrase.setFocus()
            return
        self._set_busy(True)
        self.session.unlock(text, owner=self, on_failure=self._failed)

    def _failed(self, error: TaskError) -> None:
        self._set_busy(False)
        _show_error(self.error, error.message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.error.hide()

    def reset(self) -> None:
        """Back to an empty field (after locking): no passphrase stays in memory."""
        self._set_busy(False)
        self.passphrase.clear()
        self.error.hide()
        self.refresh()


class CreatePage(QWidget):
    """Passphrase twice, with a strength meter; creates the vault."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("Create your wallet"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Your credentials are kept encrypted on this computer. Choose a passphrase you can remember: "
            "it cannot be recovered, and without it the wallet cannot be opened."))
        intro.setWordWrap(True)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.first, self.tr("New passphrase"), self.tr("At least 8 characters; a few words are easy to remember"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.second, self.tr("Repeat the passphrase"), self.tr("Type the same passphrase again"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        describe(self.meter, self.tr("Passphrase strength"), self.tr("How hard the passphrase is to guess"))
        self.meter_label = QLabel()
        self.create_button = QPushButton(self.tr("&Create wallet"))
        self.create_button.setDefault(True)
        self.create_button.setAccessibleDescription(self.tr("Create an encrypted wallet with this passphrase"))
        self.create_button.clicked.connect(self.submit)
        self.first.textChanged.connect(self._update_meter)
        self.second.returnPressed.connect(self.submit)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow("", self.meter_label)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        self._update_meter("")
        self.refresh()

    def refresh(self) -> None:
        self.where.setText(fmt(self.tr("New wallet file: %1"), self.session.path))

    def _update_meter(self, text: str) -> None:
        score = level(estimate_bits(text))
        self.meter.setValue(score)
        names = (self.tr("very weak"), self.tr("weak"), self.tr("fair"), self.tr("good"), self.tr("strong"))
        self.meter_label.setText(names[score] if text else "")
        self.meter.setAccessibleDescription(names[score])

    def submit(self) -> None:
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE:
            _show_error(self.error, fmt(self.tr("Use at least %1 characters."), MIN_PASSPHRASE))
            self.first.selectAll()
            self.first.setFocus()
            return
        if first != second:
            _show_error(self.error, self.tr("The two passphrases differ. Type the same passphrase twice."))
            self.second.selectAll()
            self.second.setFocus()
            return
        self.error.hide()
        self.create_button.setEnabled(False)
        self.session.create(first, owner=self, on_failure=self._failed)

    def _failed(self, error: TaskError) -> None:
        self.create_button.setEnabled(True)
        _show_error(self.error, error.message)

    def reset(self) -> None:
        self.first.clear()
        self.second.clear()
        self.error.hide()
        self.create_button.setEnabled(True)
        self.refresh()


class UnlockScreen(QWidget):
    """The first screen: open the wallet, create one, restore a backup or try the demo."""

    restoreRequested = Signal()
    demoRequested = Signal()
    checkRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.open_page = OpenPage(session)
        self.create_page = CreatePage(session)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.open_page)
        self.pages.addWidget(self.create_page)
        logo = QLabel()
        logo.setPixmap(pixmap("wallet", 64))
        logo.setAccessibleName(self.tr("Learner wallet"))
        self.other_button = QPushButton(self.tr("&Other wallet file…"))
        self.other_button.setToolTip(self.tr("Open or create a wallet in another file"))
        self.other_button.clicked.connect(self._choose_other)
        self.other_button.setAccessibleDescription(self.other_button.toolTip())
        self.restore_button = QPushButton(self.tr("Restore from &backup…"))
        self.restore_button.clicked.connect(self.restoreRequested)
        self.restore_button.setAccessibleDescription(self.tr("Open a wallet backup file"))
        self.demo_button = QPushButton(self.tr("Try the &demo wallet"))
        self.demo_button.setToolTip(self.tr("A throw-away wallet with sample credentials"))
        self.demo_button.clicked.connect(self.demoRequested)
        self.demo_button.setAccessibleDescription(self.demo_button.toolTip())
        self.check_button = QPushButton(self.tr("Chec&k a bundle someone sent you…"))
        self.check_button.setToolTip(self.tr("No wallet needed: verify a shared bundle, link or QR code"))
        self.check_button.clicked.connect(self.checkRequested)
        self.check_button.setAccessibleDescription(self.check_button.toolTip())
        extra = QHBoxLayout()
        extra.addWidget(self.other_button)
        extra.addWidget(self.restore_button)
        extra.addWidget(self.demo_button)
        extra.addStretch(1)
        inner = QVBoxLayout()
        inner.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.pages)
        inner.addLayout(extra)
        inner.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        box = QWidget()
        box.setLayout(inner)
        box.setMaximumWidth(640)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        col = QVBoxLayout()
        col.addStretch(1)
        col.addWidget(box)
        col.addStretch(2)
        outer.addLayout(col, 4)
        outer.addStretch(1)
        self.show_default()

    def show_default(self) -> None:
        """The open page when a vault exists, else the create page."""
        self.open_page.reset()
        self.create_page.reset()
        self._show(0 if self.session.vault_exists() else 1)

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        focus = self.open_page.passphrase if index == 0 else self.create_page.first
        focus.setFocus()

    def _choose_other(self) -> None:
        """Pick another wallet file: an existing one is opened, a new name is created."""
        from pathlib import Path

        from wallet.ui import dialogs

        name = dialogs.save_file(self, self.tr("Open or create a wallet file"), str(self.session.path),
                                 self.tr("Wallet files (*.db);;All files (*)"), confirm_overwrite=False)
        if not name:
            return
        self.session.path = Path(name)
        self.show_default()

    def focus_field(self) -> None:
        (self.open_page.passphrase if self.pages.currentIndex() == 0 else self.create_page.first).setFocus()
