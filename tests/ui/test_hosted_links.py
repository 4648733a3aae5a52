"""Hosted links from the app: upload from the Share screen to the real share service, the QR code carries the
short link, "My shared links" lists it and deletes it on the service."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QGuiApplication

from tests.share_server.test_server_process import running_server
from wallet.resources import resource
from wallet.ui import dialogs
from wallet.ui.screens.hosted_links import SharedLinksDialog


@pytest.fixture()
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WALLET_ONLINE_ALLOW_LOOPBACK", "1")
    with running_server("--db", f"sqlite:///{tmp_path / 's.db'}", "--static", str(resource("viewer"))) as (url, _p):
        yield url


def test_upload_a_hosted_link_and_delete_it(window, qtbot, server: str) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.share)
    page = window.share
    qtbot.waitUntil(lambda: page.list.count() > 0, timeout=10000)
    page.select_none.click()
    page.list.item(0).setCheckState(page.list.item(0).checkState().Checked)
    dialogs.set_next_answer(server, True)  # the service's address (asked once), then "share anyway?" if asked
    page.hosted.button.click()
    qtbot.waitUntil(lambda: page.hosted_link is not None or "could" in page.result.text(), timeout=30000)
    assert page.hosted_link is not None, page.result.text()
    assert page.hosted_link.startswith(f"{server}/s/") and "#v=1&k=" in page.hosted_link
    assert QGuiApplication.clipboard().text() == page.hosted_link
    dialogs.reset()
    page.qr_button.click()
    qtbot.waitUntil(lambda: page.qr_png is not None, timeout=30000)
    import io

    import zxingcpp
    from PIL import Image

    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(page.qr_png)))
    assert [d.text for d in decoded] == [page.hosted_link]  # the QR code carries the short hosted link
    dialog = SharedLinksDialog(window.session, window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.links[0].link == page.hosted_link
    dialog.table.selectRow(0)
    dialogs.set_next_answer(True)
    dialog.delete()
    qtbot.waitUntil(lambda: dialog.links and dialog.links[0].deleted is not None, timeout=30000)
    assert "deleted" in dialog.table.item(0, 3).text()
