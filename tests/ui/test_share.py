"""Share: signed bundle file, link, QR preview and save, PDF, Europass XML; then check it as a recipient."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from wallet.ui import dialogs


def share_page(window, qtbot):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.share)
    page = window.share
    qtbot.waitUntil(lambda: page.list.count() > 0, timeout=10000)
    page.select_all.click()
    return page


def test_nothing_checked_nothing_enabled(window, qtbot) -> None:
    page = share_page(window, qtbot)
    page.select_none.click()
    assert not page.file_button.isEnabled() and not page.link_button.isEnabled()


def test_bundle_file_then_check_it_as_recipient(window, qtbot, tmp_path: Path) -> None:
    page = share_page(window, qtbot)
    page.challenge.setText("nonce-123")
    page.domain.setText("jobs.example.com")
    page.expires.setCurrentIndex(page.expires.findData("7d"))
    out = tmp_path / "bundle.vp.json"
    dialogs.set_next_answer(str(out), True)  # the file name, then "share them anyway?" (the pick has an expired one)
    page.file_button.click()
    qtbot.waitUntil(lambda: out.exists() and "Saved" in page.result.text(), timeout=30000)
    doc = json.loads(out.read_text())
    assert "VerifiablePresentation" in doc["type"]
    assert "Accepted until" in page.result.text()
    assert any(kind == "confirm" and "not in force" in text for kind, text in dialogs.shown())

    received = window.received
    window.tabs.setCurrentWidget(received)
    received.challenge.setText("nonce-123")
    received.domain.setText("jobs.example.com")
    dialogs.set_next_answer(str(out))
    received.file_button.click()
    qtbot.waitUntil(lambda: received.last is not None, timeout=30000)
    assert received.technical_text()
    assert received.last.readout.headline.label.id.startswith("headline.")
    # the pick holds expired and revoked credentials: the recipient is told not to rely on it, prominently
    assert received.headline.isVisible() and "Do not rely on this" in received.headline.text()


def test_link_goes_to_the_clipboard_and_checks(window, qtbot) -> None:
    page = share_page(window, qtbot)
    page.select_none.click()
    page.list.item(0).setCheckState(page.list.item(0).checkState().Checked)
    page.link_button.click()
    qtbot.waitUntil(lambda: "clipboard" in page.result.text(), timeout=30000)
    link = QGuiApplication.clipboard().text()
    assert "#v=1" in link
    received = window.received
    received.input.setPlainText(link)
    received.check_button.click()
    qtbot.waitUntil(lambda: received.last is not None, timeout=30000)
    assert received.last.from_link


def test_qr_preview_and_save(window, qtbot, tmp_path: Path) -> None:
    page = share_page(window, qtbot)
    page.select_none.click()
    page.list.item(0).setCheckState(page.list.item(0).checkState().Checked)
    page.qr_button.click()
    qtbot.waitUntil(lambda: page.qr_png is not None or "too large" in page.result.text(), timeout=30000)
    if page.qr_png is None:
        return  # the core says the bundle does not fit a QR code: shown as a message
    assert page.qr_preview.pixmap() is not None and not page.qr_preview.pixmap().isNull()
    out = tmp_path / "qr.png"
    dialogs.set_next_answer(str(out))
    page.qr_save.click()
    qtbot.waitUntil(lambda: out.exists(), timeout=10000)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_pdf_and_europass(window, qtbot, tmp_path: Path) -> None:
    page = share_page(window, qtbot)
    pdf = tmp_path / "b.pdf"
    dialogs.set_next_answer(str(pdf), True)
    page.pdf_button.click()
    qtbot.waitUntil(lambda: pdf.exists() or "could" in page.result.text() or "choose" in page.result.text(),
                    timeout=60000)
    if pdf.exists():
        assert pdf.read_bytes().startswith(b"%PDF")
    xml = tmp_path / "cv.xml"
    dialogs.set_next_answer(str(xml))
    page.europass_button.click()
    qtbot.waitUntil(lambda: "Europass" in page.result.text() or "Left out" in page.result.text()
                    or page.result.text().endswith("."), timeout=60000)
    assert "Traceback" not in page.result.text()


def test_expiry_is_chosen_from_a_list(window, qtbot) -> None:
    page = share_page(window, qtbot)
    values = [page.expires.itemData(i) for i in range(page.expires.count())]
    assert "30d" in values and "365d" in values and page.expires.isEditable() is False


def test_received_garbage_is_a_message(window, qtbot) -> None:
    received = window.received
    received.input.setPlainText("hello, this is not a bundle")
    received.check_button.click()
    qtbot.waitUntil(lambda: "could not be checked" in received.headline.text(), timeout=10000)
    assert received.last is None


def test_received_corpus_presentation(window, corpus_dir: Path, qtbot) -> None:
    received = window.received
    dialogs.set_next_answer(str(corpus_dir / "vp-eddsa-rdfc-2022.tampered.001.vp.json"))
    received.file_button.click()
    qtbot.waitUntil(lambda: received.last is not None or "could not" in received.headline.text(),
                    timeout=30000)
    if received.last is not None:
        assert received.last.verdict.value == "invalid"
