"""Create, unlock (wrong passphrase inline), lock on demand and after idle time."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import PASSPHRASE, copy_vault


def test_create_refuses_mismatch_then_creates(make_window, qtbot) -> None:
    win = make_window()
    page = win.unlock_screen.create_page
    assert win.unlock_screen.pages.currentWidget() is page
    qtbot.keyClicks(page.first, "short")
    assert page.meter.value() <= 1 and page.meter_label.text()
    page.submit()
    assert page.error.isVisible() and "8" in page.error.text()
    page.first.setText("a long enough passphrase")
    page.second.setText("a different passphrase")
    page.submit()
    assert "differ" in page.error.text()
    assert page.second.hasFocus() or page.second.selectedText() == "a different passphrase"
    page.second.setText("a long enough passphrase")
    page.submit()
    qtbot.waitUntil(lambda: win.session.is_open, timeout=10000)
    assert win.stack.currentWidget() is win.tabs
    assert Path(win.session.path).exists()


def test_wrong_passphrase_is_shown_inline_selected_and_refocused(make_window, template_vault, tmp_path, qtbot) -> None:
    win = make_window(copy_vault(template_vault, tmp_path))
    page = win.unlock_screen.open_page
    assert win.unlock_screen.pages.currentWidget() is page
    page.passphrase.setText("not the passphrase")
    page.submit()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10000)
    assert not win.session.is_open
    assert "passphrase" in page.error.text().lower()
    assert "damaged" in page.error.text().lower() or "corrupt" in page.error.text().lower()
    assert page.passphrase.selectedText() == "not the passphrase"
    assert page.passphrase.isEnabled()
    page.passphrase.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: win.session.is_open, timeout=10000)


def test_empty_passphrase_is_refused_without_a_task(make_window, template_vault, tmp_path) -> None:
    win = make_window(copy_vault(template_vault, tmp_path))
    win.unlock_screen.open_page.submit()
    assert win.unlock_screen.open_page.error.isVisible()
    assert not win.session.runner.busy


def test_lock_on_demand_clears_everything(window) -> None:
    assert window.credentials.model.rowCount() > 0
    window.lock_action.trigger()
    assert not window.session.is_open
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.credentials.model.rowCount() == 0
    assert window.unlock_screen.open_page.passphrase.text() == ""
    assert not window.import_action.isEnabled()


def test_locking_closes_open_dialogs(window) -> None:
    dialog = window.import_dialog()
    assert dialog.isVisible()
    window.lock_action.trigger()
    assert not dialog.isVisible()


def test_auto_lock_after_idle_time(window, qtbot) -> None:
    qtbot.waitUntil(lambda: bool(window.prefs.holder_did), timeout=10000)  # the vault's own setting arrived
    window.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: not window.session.is_open, timeout=5000)
    assert window.stack.currentWidget() is window.unlock_screen


def test_keyboard_only_unlock(make_window, template_vault, tmp_path, qtbot) -> None:
    from PySide6.QtCore import Qt

    win = make_window(copy_vault(template_vault, tmp_path))
    field = win.unlock_screen.open_page.passphrase
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.session.is_open, timeout=10000)
    assert field.accessibleName()
