"""Settings, the trust store, UI language switching, change passphrase, backup and restore, demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from tests.ui.conftest import PASSPHRASE, wait_idle
from wallet.ui import dialogs
from wallet.ui.screens.settings_dialog import SettingsDialog


def settings_dialog(window, qtbot) -> SettingsDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(window.prefs.holder_did), timeout=10000)
    from wallet.ui.screens.vault_actions import make_settings_dialog

    dialog = make_settings_dialog(window)
    return dialog


def test_save_preferences(window, qtbot) -> None:
    dialog = settings_dialog(window, qtbot)
    assert "did:key:" in dialog.info.toPlainText()  # the technical identifier, labelled as such
    dialog.first_lang.setCurrentIndex(dialog.first_lang.findData("sl"))
    dialog.second_lang.setCurrentIndex(dialog.second_lang.findData("en"))
    dialog.autolock.setValue(7)
    dialog.expires.setCurrentIndex(dialog.expires.findData("7d"))
    dialog.save()
    qtbot.waitUntil(lambda: window.prefs.credential_languages == ("sl", "en"), timeout=10000)
    assert window.prefs.autolock_minutes == 7
    assert window.share.expires.currentData() == "7d"


def test_languages_and_expiry_are_lists_with_names(window, qtbot) -> None:
    dialog = settings_dialog(window, qtbot)
    names = [dialog.first_lang.itemText(i) for i in range(dialog.first_lang.count())]
    assert "Slovenian" in names and "German" in names and "sl" not in names
    assert not dialog.first_lang.isEditable() and not dialog.expires.isEditable()


def test_trusted_issuers(window, qtbot) -> None:
    dialog = settings_dialog(window, qtbot)
    count = dialog.issuers_model.rowCount()
    dialogs.set_next_answer("did:web:school.example", "Example school")
    dialog.add_issuer()
    qtbot.waitUntil(lambda: dialog.issuers_model.rowCount() == count + 1, timeout=10000)
    row = next(r for r in range(dialog.issuers_model.rowCount())
               if dialog.issuers_model.ident_at(r) == "did:web:school.example")
    dialog.issuers.setCurrentIndex(dialog.issuers_model.index(row, 0))
    dialog.remove_issuer()
    qtbot.waitUntil(lambda: dialog.issuers_model.rowCount() == count, timeout=10000)


def test_trust_anchor_refuses_a_non_certificate(window, qtbot, tmp_path: Path) -> None:
    dialog = settings_dialog(window, qtbot)
    path = tmp_path / "not.pem"
    path.write_text("hello")
    dialogs.set_next_answer(str(path), "label")
    dialog.add_anchor()
    qtbot.waitUntil(lambda: "certificate" in dialog.status.text(), timeout=10000)


def test_switch_ui_language_to_slovenian(window, qtbot) -> None:
    dialog = settings_dialog(window, qtbot)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("sl"))
    dialog.save()
    try:
        qtbot.waitUntil(lambda: window.translations.language == "sl", timeout=10000)
        assert window.tabs.tabText(0).replace("&", "") == "Dokazila"
        assert window.menuBar().actions()[0].text().replace("&", "") == "Datoteka"
        assert window.session.is_open
        qtbot.waitUntil(lambda: window.credentials.model.rowCount() > 0, timeout=10000)
        assert window.credentials.model.headerData(0, Qt.Orientation.Horizontal) == "Naslov"
    finally:
        QSettings().remove("ui/language")


def test_change_passphrase_then_unlock_with_it(window, qtbot) -> None:
    dialogs.set_next_answer((PASSPHRASE, "a brand new passphrase"))
    window.passphrase_action.trigger()
    qtbot.waitUntil(lambda: any("changed" in text for _k, text in dialogs.shown()), timeout=20000)
    window.lock_action.trigger()
    page = window.unlock_screen.open_page
    page.passphrase.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10000)
    page.passphrase.setText("a brand new passphrase")
    page.submit()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=10000)


def test_backup_and_restore(window, qtbot, tmp_path: Path) -> None:
    backup = tmp_path / "w.lwbackup"
    dialogs.set_next_answer(str(backup))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: backup.exists() and any("backup" in t for _k, t in dialogs.shown()), timeout=20000)
    count = window.credentials.model.rowCount()
    window.session.path = tmp_path / "restored" / "vault.db"
    dialogs.set_next_answer(str(backup), PASSPHRASE)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.session.is_open and window.session.path.exists(), timeout=20000)
    qtbot.waitUntil(lambda: window.credentials.model.rowCount() == count, timeout=20000)


def test_restore_asks_before_replacing(window, qtbot, tmp_path: Path) -> None:
    backup = tmp_path / "w.lwbackup"
    dialogs.set_next_answer(str(backup))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: backup.exists(), timeout=20000)
    wait_idle(qtbot, window)
    dialogs.set_next_answer(str(backup), PASSPHRASE, False)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: any(k == "confirm" for k, _t in dialogs.shown()), timeout=20000)
    wait_idle(qtbot, window)
    assert window.session.is_open  # declined: nothing happened


def test_a_wrong_backup_passphrase_neither_locks_nor_asks_to_replace(window, qtbot, tmp_path: Path) -> None:
    """Issue 16: the backup's passphrase is checked before "Replace?", and a failure leaves the wallet open."""
    backup = tmp_path / "w.lwbackup"
    dialogs.set_next_answer(str(backup))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: backup.exists(), timeout=20000)
    wait_idle(qtbot, window)
    dialogs.reset()
    dialogs.set_next_answer(str(backup), "not the passphrase", None)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: any(k == "error" for k, _t in dialogs.shown()), timeout=20000)
    assert [k for k, _t in dialogs.shown()] == ["open-file", "text", "error"]  # no "Replace?" question
    assert window.session.is_open and window.credentials.model.rowCount() > 0


def test_changing_the_passphrase_needs_the_current_one(window, qtbot) -> None:
    dialogs.set_next_answer(("not the current one", "a brand new passphrase"))
    window.passphrase_action.trigger()
    qtbot.waitUntil(lambda: any(k == "error" for k, _t in dialogs.shown()), timeout=20000)
    assert window.session.is_open
    window.lock_action.trigger()
    page = window.unlock_screen.open_page
    page.passphrase.setText(PASSPHRASE)  # unchanged
    page.submit()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=10000)


def test_restore_with_wrong_passphrase_is_a_message(make_window, template_vault, tmp_path, qtbot) -> None:
    from wallet.storage import Vault

    backup = tmp_path / "b.lwbackup"
    vault = Vault.open(template_vault, PASSPHRASE)
    vault.backup(backup)
    vault.close()
    win = make_window(tmp_path / "fresh.db")
    dialogs.set_next_answer(str(backup), "wrong passphrase")
    win.unlock_screen.restore_button.click()
    qtbot.waitUntil(lambda: any(k == "error" for k, _t in dialogs.shown()), timeout=20000)
    assert not win.session.is_open


def test_demo_wallet(make_window, qtbot) -> None:
    win = make_window()
    win.unlock_screen.demo_button.click()
    qtbot.waitUntil(lambda: win.session.is_open or any(k == "error" for k, _t in dialogs.shown()), timeout=60000)
    if not win.session.is_open:
        import pytest

        pytest.skip(f"the demo vault is not available yet: {dialogs.shown()}")
    qtbot.waitUntil(lambda: win.credentials.model.rowCount() > 3, timeout=20000)
    assert "passphrase" in win.statusBar().currentMessage()
