"""Bring every screen and dialog of the app into a state with content, for tests that walk widgets.

Used by the Slovenian walk (no English reachable) and the accessibility walk
(names, descriptions, keyboard). Each step yields (name, top-level widget)
while that screen shows real content: a selected revoked credential with its
technical details open, a target's breakdown, a QR code, a checked bundle, an
import summary, and every dialog.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from tests.ui.conftest import PASSPHRASE, wait_idle
from wallet.ui import dialogs
from wallet.ui.widgets import describe_buttons


def screens(window: Any, qtbot: Any, tmp_path: Path, corpus_files: list[Path]) -> Iterator[tuple[str, QWidget]]:
    # the unlock and create screens
    window.lock()
    qtbot.waitUntil(lambda: not window.session.is_open, timeout=10000)
    yield "unlock", window
    window.unlock_screen._show(1)
    window.unlock_screen.create_page.first.setText("abc")
    window.unlock_screen.create_page.submit()
    yield "create", window
    window.unlock_screen.show_default()
    window.unlock_screen.open_page.passphrase.setText(PASSPHRASE)
    window.unlock_screen.open_page.submit()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=10000)
    page = window.credentials
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    wait_idle(qtbot, window)

    # credentials, a revoked one in detail, technical details open
    revoked = next(r.id for r in page.model.rows() if r.state == "revoked")
    page.select_ids([revoked])
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == revoked, timeout=10000)
    page.detail.technical_toggle.setChecked(True)
    yield "credentials", window

    # targets
    window.tabs.setCurrentWidget(window.targets)
    qtbot.waitUntil(lambda: window.targets.model.rowCount() >= 3, timeout=20000)
    wait_idle(qtbot, window)
    yield "targets", window

    # share: a QR code
    share = window.share
    window.tabs.setCurrentWidget(share)
    qtbot.waitUntil(lambda: share.list.count() > 0, timeout=10000)
    share.select_none.click()
    share.list.item(0).setCheckState(Qt.CheckState.Checked)
    dialogs.set_next_answer(True)  # "share anyway?" if the first one is not in force
    share.qr_button.click()
    qtbot.waitUntil(lambda: share.qr_png is not None or bool(share.result.text()) and not window.session.runner.busy,
                    timeout=30000)
    wait_idle(qtbot, window)
    dialogs.reset()
    yield "share", window

    # check received: a bundle holding the revoked one
    share.select_all.click()
    bundle = tmp_path / "all.vp.json"
    dialogs.set_next_answer(str(bundle), True)
    share.file_button.click()
    qtbot.waitUntil(lambda: bundle.exists(), timeout=30000)
    wait_idle(qtbot, window)
    dialogs.reset()
    received = window.received
    window.tabs.setCurrentWidget(received)
    dialogs.set_next_answer(str(bundle))
    received.file_button.click()
    qtbot.waitUntil(lambda: received.last is not None, timeout=30000)
    received.technical_toggle.setChecked(True)
    yield "received", window
    window.tabs.setCurrentWidget(page)

    # dialogs
    from wallet.ui.screens.help_dialog import HelpDialog
    from wallet.ui.screens.import_dialog import PasteDialog
    from wallet.ui.screens.vault_actions import PassphraseDialog, make_settings_dialog

    qtbot.waitUntil(lambda: bool(window.prefs.holder_did), timeout=10000)
    settings = make_settings_dialog(window)
    qtbot.addWidget(settings)
    settings.show()
    yield "settings", settings
    help_dialog = HelpDialog(window.session.path, window)
    help_dialog.show()
    yield "help", help_dialog
    passphrase = PassphraseDialog(window)
    passphrase.show()
    yield "passphrase", passphrase
    paste = PasteDialog(window)
    paste.show()
    yield "paste", paste
    importer = window.import_dialog()
    importer.add_paths([str(p) for p in corpus_files[:3]])
    qtbot.waitUntil(lambda: len(importer.items) == 3, timeout=10000)
    yield "import", importer
    importer.start()
    qtbot.waitUntil(lambda: importer.close_button.isVisible(), timeout=30000)
    yield "import-summary", importer
    title = QCoreApplication.translate("VaultActions", "Restore")
    box = dialogs.message_box(window, QMessageBox.Icon.Question, title, title,
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    yield "message-box", box
    buttons = describe_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                | QDialogButtonBox.StandardButton.Cancel
                                                | QDialogButtonBox.StandardButton.Close))
    qtbot.addWidget(buttons)
    yield "button-box", buttons
    text = dialogs.input_dialog(window, title, QCoreApplication.translate("VaultActions", "Passphrase of the backup:"),
                                secret=True)
    text.show()
    yield "input-dialog", text
    from wallet.ui.screens.present_dialog import PresentDialog
    from wallet.ui.screens.presentations_dialog import PresentationsDialog
    from wallet.ui.screens.receive_dialog import ReceiveDialog

    receive = ReceiveDialog(window.session, parent=window)
    receive.show()
    yield "receive", receive
    present = PresentDialog(window.session, parent=window)
    present.show()
    yield "present", present
    history = PresentationsDialog(window.session, window)
    history.show()
    yield "presentations", history
    for widget in (settings, help_dialog, passphrase, paste, importer, box, text, receive, present, history):
        widget.close()
