"""Small pieces: safe images, the strength meter, command-line arguments, icons, the entry point."""

from __future__ import annotations

import base64

import pytest

from wallet.ui import images
from wallet.ui.strength import estimate_bits, level

PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


@pytest.mark.usefixtures("qapp")
def test_data_url_images_are_decoded_and_capped() -> None:
    url = "data:image/png;base64," + base64.b64encode(PNG_1PX).decode()
    image = images.image_from_data_url(url, 32)
    assert image is not None and not image.isNull()
    assert images.image_from_data_url("https://tracker.example/logo.png", 32) is None  # never fetched
    assert images.image_from_data_url("data:text/html;base64,PGgxPg==", 32) is None
    assert images.image_from_data_url("data:image/png;base64," + "A" * (images.MAX_URL_CHARS + 1), 32) is None
    assert images.image_from_data_url("data:image/png;base64,!!!notbase64", 32) is None
    svg = "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10'/></svg>"
    assert images.image_from_data_url(svg, 16) is not None


def test_strength_meter() -> None:
    assert estimate_bits("") == 0
    assert level(estimate_bits("password")) == 0
    assert level(estimate_bits("correct horse battery staple")) >= 3
    assert estimate_bits("aaaaaaaaaaaaaaaa") < estimate_bits("a9$kQ2!xLp0z")


def test_arguments() -> None:
    from wallet.ui.app import parse_args

    args = parse_args(["--demo", "--lang", "sl", "--vault", "/tmp/x.db"])
    assert args.demo and args.lang == "sl" and args.vault == "/tmp/x.db"


@pytest.mark.usefixtures("qapp")
def test_every_icon_renders() -> None:
    from wallet.resources import resource
    from wallet.ui.icons import icon, verdict_icon

    names = [p.stem for p in resource("icons").glob("*.svg") if not p.stem.startswith("verdict-")]
    assert len(names) >= 15
    for name in names:
        assert not icon(name).pixmap(24, 24).isNull(), name
    for verdict in ("valid", "valid-with-warnings", "invalid", ""):
        assert not verdict_icon(verdict).pixmap(16, 16).isNull()


def test_every_action_has_a_shortcut_or_menu_and_controls_have_names(window) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTableView

    for action in (window.import_action, window.paste_action, window.lock_action, window.find_action,
                   window.remove_action, window.reverify_action, window.settings_action, window.list_action,
                   window.cards_action, window.backup_action):
        assert not action.shortcut().isEmpty(), action.text()
    for kind in (QLineEdit, QComboBox, QPlainTextEdit, QTableView):
        for widget in window.findChildren(kind):
            if widget.parent() is not None and kind is QLineEdit and isinstance(widget.parent(), QComboBox):
                continue
            if widget.objectName().startswith("qt_"):
                continue
            assert widget.accessibleName() or _has_buddy(window, widget), f"{kind.__name__} without a name"


def _has_buddy(window, widget) -> bool:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def test_main_runs_and_quits(monkeypatch, tmp_path) -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from wallet.ui import app
    from wallet.ui.screens.main_window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    assert app.main(["--vault", str(tmp_path / "v.db")]) == 0
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()
            widget.deleteLater()
