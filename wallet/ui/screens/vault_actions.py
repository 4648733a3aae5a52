"""Whole-vault actions: back up, restore, change the passphrase, settings, the demo wallet.

Kept out of the main window so it stays about layout. Every action goes
through the session (vault thread); failures are shown as one-line messages.
Restore never silently replaces a wallet: an existing one needs an explicit
yes, and the storage layer then renames it aside rather than deleting it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from wallet.ui import dialogs
from wallet.ui.i18n import fmt
from wallet.ui.session import Changes
from wallet.ui.tasks import TaskError
from wallet.ui.widgets import describe, describe_buttons

if TYPE_CHECKING:
    from wallet.ui.screens.main_window import MainWindow


class PassphraseDialog(QDialog):
    """The current passphrase (someone at an unlocked screen must not re-key it), then the new one twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.current, self.tr("Current passphrase"), self.tr("The passphrase the wallet opens with now"))
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.first, self.tr("New passphrase"), self.tr("At least 8 characters; a few words are easy to remember"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.second, self.tr("Repeat the new passphrase"), self.tr("Type the new passphrase again"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("C&urrent passphrase:"), self.current)
        form.addRow(self.tr("&New passphrase:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        describe_buttons(buttons)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        intro = QLabel(self.tr("The wallet is re-encrypted with a key from the new passphrase."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        from wallet.ui.screens.unlock import MIN_PASSPHRASE

        if not self.current.text():
            self.error.setText(self.tr("Enter the current passphrase."))
            self.current.setFocus()
            return
        if len(self.first.text()) < MIN_PASSPHRASE:
            self.error.setText(fmt(self.tr("Use at least %1 characters."), MIN_PASSPHRASE))
            self.first.setFocus()
            return
        if self.first.text() != self.second.text():
            self.error.setText(self.tr("The two passphrases differ."))
            self.second.selectAll()
            self.second.setFocus()
            return
        self.accept()


def change_passphrase(window: MainWindow) -> None:
    dialog = PassphraseDialog(window)

    def run() -> tuple[str, str] | None:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.current.text(), dialog.first.text()) if accepted else None

    answer = dialogs.custom("passphrase", "change passphrase", run)
    dialog.deleteLater()
    if not answer:
        return
    current, new = answer
    window.statusBar().showMessage(QCoreApplication.translate("VaultActions", "Changing the passphrase…"))

    def done(_result: Any) -> None:
        window.statusBar().clearMessage()
        dialogs.info(window, QCoreApplication.translate("VaultActions", "Change passphrase"),
                     QCoreApplication.translate("VaultActions", "The passphrase was changed. Use the new one from now on."))

    def failed(error: TaskError) -> None:
        window.statusBar().clearMessage()
        dialogs.error(window, QCoreApplication.translate("VaultActions", "Change passphrase"), error.message)

    from wallet.app.vault import change_passphrase as rekey

    window.session.mutate(lambda v, _t: rekey(v, current, new), Changes(), owner=window,
                          on_success=done, on_failure=failed)


def backup(window: MainWindow) -> None:
    path = dialogs.save_file(window, QCoreApplication.translate("VaultActions", "Back up the wallet"), "wallet-backup.lwbackup",
                             QCoreApplication.translate("VaultActions", "Wallet backups (*.lwbackup);;All files (*)"))
    if not path:
        return
    window.statusBar().showMessage(QCoreApplication.translate("VaultActions", "Writing the backup…"))

    def done(out: Any) -> None:
        window.statusBar().clearMessage()
        dialogs.info(window, QCoreApplication.translate("VaultActions", "Back up the wallet"), fmt(QCoreApplication.translate("VaultActions", 
            "The encrypted backup was written to %1. It opens with your current passphrase."), out))

    def failed(error: TaskError) -> None:
        window.statusBar().clearMessage()
        dialogs.error(window, QCoreApplication.translate("VaultActions", "Back up the wallet"), error.message)

    window.session.call(lambda v, _t: v.backup(path), owner=window, on_success=done, on_failure=failed)


def restore(window: MainWindow) -> None:
    """Restore a backup into the current wallet path.

    The backup's passphrase is checked first (on a worker: it costs a key
    derivation); only then is the user asked whether to replace an existing
    wallet, and only then is the open wallet locked. A mistyped passphrase
    therefore never locks the wallet nor asks a question that does not matter.
    """
    session = window.session
    source = dialogs.open_file(window, QCoreApplication.translate("VaultActions", "Choose a backup"),
                               QCoreApplication.translate("VaultActions", "Wallet backups (*.lwbackup);;All files (*)"))
    if not source:
        return
    passphrase = dialogs.get_text(window, QCoreApplication.translate("VaultActions", "Restore"), QCoreApplication.translate("VaultActions", "Passphrase of the backup:"), secret=True)
    if not passphrase:
        return
    window.statusBar().showMessage(QCoreApplication.translate("VaultActions", "Checking the backup's passphrase…"))

    def checked(_result: Any) -> None:
        window.statusBar().clearMessage()
        overwrite = False
        if session.vault_exists():
            overwrite = dialogs.confirm(window, QCoreApplication.translate("VaultActions", "Restore"), fmt(QCoreApplication.translate("VaultActions", 
                "A wallet already exists at %1. Replace it with the backup? The current wallet file is kept "
                "next to it under another name, not deleted."), session.path), destructive=True)
            if not overwrite:
                return
        if session.is_open:
            session.lock()

        def done(_did: Any) -> None:
            dialogs.info(window, QCoreApplication.translate("VaultActions", "Restore"), QCoreApplication.translate("VaultActions", "The backup was restored and the wallet is open."))

        def failed(error: TaskError) -> None:
            dialogs.error(window, QCoreApplication.translate("VaultActions", "Restore"), error.message)

        session.restore(Path(source), passphrase, overwrite, owner=window, on_success=done, on_failure=failed)

    def wrong(error: TaskError) -> None:
        window.statusBar().clearMessage()
        dialogs.error(window, QCoreApplication.translate("VaultActions", "Restore"), error.message)

    from wallet.app.vault import check_backup

    session.runner.run_cpu(lambda _t: check_backup(source, passphrase), owner=window, on_success=checked,
                           on_failure=wrong)


def make_settings_dialog(window: MainWindow) -> Any:
    """The settings dialog, wired to switch the window's language."""
    from wallet.ui.screens.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.session, window.prefs, window.translations.language, window)

    def language_changed(code: str) -> None:
        window.translations.install(code)
        window.rebuild()

    dialog.uiLanguageChanged.connect(language_changed)
    return dialog


def settings(window: MainWindow) -> None:
    dialog = make_settings_dialog(window)
    dialogs.custom("settings", "settings", dialog.exec)
    dialog.deleteLater()


def open_demo(window: MainWindow) -> None:
    """Create and open a throw-away demo wallet (never touches the user's wallet)."""
    try:
        from wallet.app.demo import create_demo_vault
    except ImportError:
        dialogs.error(window, QCoreApplication.translate("VaultActions", "Demo wallet"), QCoreApplication.translate("VaultActions", "The demo wallet is not available in this version."))
        return
    window.unlock_screen.demo_button.setEnabled(False)
    window.statusBar().showMessage(QCoreApplication.translate("VaultActions", "Making the demo wallet with freshly signed credentials…"))

    def done(passphrase: str) -> None:
        window.statusBar().showMessage(fmt(QCoreApplication.translate("VaultActions", 
            "This is a demo wallet with sample credentials. After locking, open it again with the passphrase: %1"),
            passphrase), 30000)

    def failed(error: TaskError) -> None:
        window.statusBar().clearMessage()
        window.unlock_screen.demo_button.setEnabled(True)
        dialogs.error(window, QCoreApplication.translate("VaultActions", "Demo wallet"), error.message)

    window.session.open_with(lambda: create_demo_vault(), owner=window, on_success=done, on_failure=failed)
