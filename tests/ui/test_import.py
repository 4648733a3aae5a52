"""Import: file dialog multi-select, drag and drop, paste, QR image, progress, cancel, summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.ui.conftest import wait_idle
from wallet.ui import dialogs, inputs


def open_dialog(window, qtbot):  # type: ignore[no-untyped-def]
    dialog = window.import_dialog()
    qtbot.addWidget(dialog)
    return dialog


def test_import_files_with_summary(make_window, corpus_dir: Path, qtbot) -> None:
    window = make_window()
    page = window.unlock_screen.create_page
    page.first.setText("a long enough passphrase")
    page.second.setText("a long enough passphrase")
    page.submit()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=10000)
    names = ["ob3-eddsa-jcs-2022.valid.002.json", "jwt-vc11-es256.valid.002.jwt", "manifest.json",
             "vc2-ecdsa-rdfc-2019.tampered.001.json"]
    dialogs.set_next_answer([str(corpus_dir / n) for n in names])
    window.import_action.trigger()
    from wallet.ui.screens.import_dialog import ImportDialog

    dialog = window.findChildren(ImportDialog)[-1]
    qtbot.waitUntil(lambda: len(dialog.items) == 4, timeout=10000)
    assert dialog.import_button.isEnabled()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30000)
    results = dialog.results_model.results()
    outcomes = [r.outcome.value for r in results]
    # the manifest is not a credential; the tampered one is refused (its signature no longer matches)
    assert outcomes.count("imported") == 2 and outcomes.count("invalid") == 2
    assert any(r.message.id == "import.refused_broken" and r.message.get("check") == "signature" for r in results)
    assert "Imported 2" in dialog.status.text()
    qtbot.waitUntil(lambda: window.credentials.model.rowCount() == 2, timeout=10000)
    dialog.close_button.click()


def test_duplicates_are_reported(window, corpus_files, qtbot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.add_paths([str(corpus_files[0])])
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=5000)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30000)
    assert dialog.results_model.results()[0].outcome.value == "duplicate"


def test_paste_json_and_garbage(window, corpus_dir: Path, qtbot) -> None:
    dialog = open_dialog(window, qtbot)
    dialogs.set_next_answer((corpus_dir / "vc2-ecdsa-rdfc-2019.valid.002.json").read_text())
    dialog.paste()
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=5000)
    dialog.paste("this is not a credential")
    qtbot.waitUntil(lambda: len(dialog.items) == 2, timeout=5000)
    before = window.credentials.model.rowCount()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30000)
    outcomes = [r.outcome.value for r in dialog.results_model.results()]
    assert outcomes == ["imported", "invalid"]
    qtbot.waitUntil(lambda: window.credentials.model.rowCount() == before + 1, timeout=10000)


def test_drop_files_on_the_window(window, corpus_dir: Path, qtbot) -> None:
    from wallet.ui.screens.import_dialog import ImportDialog

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(corpus_dir / "ob3-eddsa-rdfc-2022.valid.002.json"))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    dialog = window.findChildren(ImportDialog)[-1]
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=5000)


def test_cancel_stores_nothing(window, corpus_dir: Path, qtbot) -> None:
    dialog = open_dialog(window, qtbot)
    files = sorted(p for p in corpus_dir.glob("*.json") if "valid" in p.name)[:12]
    dialog.add_paths([str(p) for p in files])
    qtbot.waitUntil(lambda: len(dialog.items) == len(files), timeout=5000)
    before = window.credentials.model.rowCount()
    dialog.start()
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    wait_idle(qtbot, window)
    assert dialog.import_button.isEnabled()
    assert "nothing was stored" in dialog.status.text() or dialog.close_button.isVisible()
    if "nothing was stored" in dialog.status.text():
        assert window.credentials.model.rowCount() == before


@pytest.mark.skipif(not inputs.qr_available(), reason="zxing-cpp is not installed")
def test_qr_image_import(window, corpus_dir: Path, tmp_path: Path, qtbot) -> None:
    import json

    import qrcode

    doc = json.loads((corpus_dir / "vc2-ecdsa-rdfc-2019.valid.003.json").read_text())
    text = json.dumps(doc, separators=(",", ":"))  # the proof covers the canonical form, not the bytes
    image = tmp_path / "code.png"
    qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_L).save(image)
    dialog = open_dialog(window, qtbot)
    dialogs.set_next_answer(str(image))
    dialog.open_qr()
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=10000)
    assert dialog.items[0].source.startswith("qr:")
    assert json.loads(dialog.items[0].raw) == doc
    dialog.start()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30000)
    assert dialog.results_model.results()[0].outcome.value == "imported"


def test_qr_unavailable_is_said(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(inputs, "qr_available", lambda: False)
    dialog = open_dialog(window, qtbot)
    assert not dialog.qr_button.isEnabled()
    assert "zxing-cpp" in dialog.qr_button.toolTip()


def test_unreadable_file_is_a_message(window, tmp_path: Path, qtbot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.add_paths([str(tmp_path / "missing.json")])
    qtbot.waitUntil(lambda: "missing.json" in dialog.status.text(), timeout=5000)
    assert "Traceback" not in dialog.status.text()
