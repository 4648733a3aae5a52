"""Smaller flows: keyboard shortcuts, binary originals, QR of a share link, unavailable features."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import wait_idle
from wallet.ui import dialogs, inputs
from wallet.ui.screens.detail import original_text


def test_ctrl_f_focuses_the_search(window) -> None:
    window.tabs.setCurrentWidget(window.targets)
    window.find_action.trigger()
    assert window.tabs.currentWidget() is window.credentials
    assert window.credentials.search.hasFocus() or QGuiApplication.focusObject() is window.credentials.search


def test_tabs_have_mnemonics_and_shortcuts_are_unique(window) -> None:
    for i in range(window.tabs.count()):
        assert "&" in window.tabs.tabText(i)
    shortcuts = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts))


def test_binary_originals_are_a_hex_dump() -> None:
    text = original_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert text.startswith("00000000  89 50 4e 47")
    assert original_text(b'{"a": 1}') == '{"a": 1}'


@pytest.mark.skipif(not inputs.qr_available(), reason="zxing-cpp is not installed")
def test_received_qr_image_of_a_link(window, qtbot, tmp_path: Path) -> None:
    import qrcode

    share = window.share
    window.tabs.setCurrentWidget(share)
    qtbot.waitUntil(lambda: share.list.count() > 0, timeout=10000)
    share.list.item(0).setCheckState(Qt.CheckState.Checked)
    share.link_button.click()
    qtbot.waitUntil(lambda: "clipboard" in share.result.text(), timeout=30000)
    link = QGuiApplication.clipboard().text()
    image = tmp_path / "link.png"
    try:
        qrcode.make(link, error_correction=qrcode.constants.ERROR_CORRECT_L).save(image)
    except ValueError:
        pytest.skip("this bundle's link is too long for one QR code")
    received = window.received
    dialogs.set_next_answer(str(image))
    received.qr_button.click()
    qtbot.waitUntil(lambda: received.last is not None, timeout=30000)
    assert received.last.from_link


def test_sharing_features_missing_are_marked(window, qtbot, monkeypatch) -> None:
    from wallet.ui.screens import share_page

    monkeypatch.setattr(share_page, "sharing_features",
                        lambda: {"bundle": True, "link": True, "qr": True, "pdf": False, "europass": False})
    page = share_page.SharePage(window.session)
    qtbot.addWidget(page)
    page.set_rows(window.credentials.model.rows())
    page.show()
    page.select_all.click()
    assert page.file_button.isEnabled()
    assert not page.pdf_button.isEnabled() and "Not available" in page.pdf_button.toolTip()


def test_selection_survives_a_reload(window, qtbot) -> None:
    page = window.credentials
    page.table.selectRow(1)
    ident = page.selected_ids()[0]
    page.reload()
    qtbot.waitUntil(lambda: not window.session.runner.busy, timeout=10000)
    assert page.selected_ids() == [ident]


def test_locked_session_refuses_work_with_a_message(window, qtbot) -> None:
    errors = []
    window.session.lock()
    window.session.call(lambda v, _t: v.list_credentials(), owner=window, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "locked" in errors[0].message


def _import(window, qtbot, paths) -> list:  # type: ignore[no-untyped-def]
    from wallet.app.online import set_fetch_policy
    from wallet.ui.session import Changes

    # Hosted badges and sealed EDCs need evidence from their issuers' hosts; these tests are about display,
    # so the wallet is set not to fetch on import (tests/ui/test_online.py covers asking and fetching).
    window.session.mutate(lambda v, _t: set_fetch_policy(v, "never"), Changes(settings=True), owner=window)
    wait_idle(qtbot, window)
    dialog = window.import_dialog()
    qtbot.addWidget(dialog)
    dialog.add_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: len(dialog.items) == len(paths), timeout=10000)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible() or "cancel" in dialog.status.text(), timeout=60000)
    return dialog.results_model.results()


def test_baked_badge_shows_its_own_image(window, vectors_dir: Path, qtbot) -> None:
    from wallet.ui.images import image_from_data_url

    baked = vectors_dir / "openbadges" / "ob2-baked" / "baked_heart.png"
    results = _import(window, qtbot, [baked])
    if not results or results[0].outcome.value not in ("imported", "duplicate"):
        pytest.skip(f"the core does not import this baked badge: {results}")
    ident = results[0].credential_id
    qtbot.waitUntil(lambda: window.credentials.model.row_of(ident) >= 0, timeout=10000)
    row = window.credentials.model.row_at(window.credentials.model.row_of(ident))
    assert row.image and row.image.startswith("data:image/png;base64,")
    assert image_from_data_url(row.image, 64) is not None


def test_edc_micro_credential_shows_annex_elements(window, vectors_dir: Path, qtbot) -> None:
    sample = vectors_dir / "eu-elm-v3" / "Credentials" / "JSON-LD Examples (ELM v3)" / "Sample-MC-Annex1-signed.jsonld"
    results = _import(window, qtbot, [sample])
    if not results or results[0].outcome.value not in ("imported", "duplicate"):
        pytest.skip(f"the core does not import this EDC sample: {results}")
    ident = results[0].credential_id
    page = window.credentials
    qtbot.waitUntil(lambda: page.model.row_of(ident) >= 0, timeout=10000)
    page.select_ids([ident])
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == ident, timeout=10000)
    html = page.detail.elements.toPlainText()
    assert "Learning outcomes" in html and "EQF / NQF level" in html
    assert page.detail.checks_model.rowCount() > 0


def test_check_a_bundle_without_a_wallet(make_window, window, qtbot, tmp_path: Path) -> None:
    share = window.share
    window.tabs.setCurrentWidget(share)
    qtbot.waitUntil(lambda: share.list.count() > 0, timeout=10000)
    share.list.item(0).setCheckState(Qt.CheckState.Checked)
    out = tmp_path / "b.vp.json"
    dialogs.set_next_answer(str(out))
    share.file_button.click()
    qtbot.waitUntil(lambda: out.exists(), timeout=30000)
    stranger = make_window(tmp_path / "nobody.db")
    assert not stranger.session.is_open
    dialog = stranger.check_without_wallet()
    dialogs.set_next_answer(str(out))
    dialog.page.file_button.click()
    qtbot.waitUntil(lambda: dialog.page.last is not None, timeout=30000)
    assert dialog.page.checks_model.rowCount() > 0
