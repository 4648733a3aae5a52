"""Render each main screen of the desktop app to PNG, offscreen, into ./screenshots/.

    .venv/bin/python tools/screenshots.py [--out screenshots] [--lang en|sl] [--dark]

Uses the demo wallet (freshly signed sample credentials) when ``wallet.app.demo``
works, else a vault filled from ../shared/corpus. Nothing touches the user's
wallet: everything happens in a temporary folder. Look at the pictures after
every UI change: tests prove behaviour, not that a screen is readable.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["WALLET_UI_NO_MODAL"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget  # noqa: E402

SIZE = QSize(1200, 760)


def spin(app: QApplication, condition, timeout: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def dark_palette() -> QPalette:
    """A dark palette like a desktop's dark theme, to check contrast."""
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#2b2c2f", QPalette.ColorRole.AlternateBase: "#323336",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#303134",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Mid: "#5f6368", QPalette.ColorRole.ToolTipBase: "#303134",
        QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.BrightText: "#ffffff",
    }
    for role, value in colours.items():
        p.setColor(role, QColor(value))
    return p


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def corpus_vault(folder: Path):  # type: ignore[no-untyped-def]
    from wallet.app.importing import ImportItem, import_items
    from wallet.shared_data import shared_dir
    from wallet.storage import KdfParams, Vault

    passphrase = "screenshots only"
    vault = Vault.create(folder / "vault.db", passphrase, KdfParams.floor())
    shared = shared_dir()
    if shared is not None:
        files = sorted((shared / "corpus").glob("*"))[:60]
        import_items(vault, [ImportItem(p.name, p.read_bytes()) for p in files if p.name != "manifest.json"])
    return vault, passphrase  # bundled targets are always listed; no need to store them


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--lang", default="en", choices=("en", "sl"))
    parser.add_argument("--dark", action="store_true", help="also render the main screens with a dark palette")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from wallet.storage import KdfParams
    from wallet.ui import dialogs
    from wallet.ui.app import build_window, make_application

    app = make_application()
    app.setStyle(QStyleFactory.create("Fusion"))
    tmp = Path(tempfile.mkdtemp(prefix="wallet-shots-"))
    window = build_window(tmp / "none.db", args.lang, kdf=KdfParams.floor())
    window.resize(SIZE)
    window.show()
    spin(app, lambda: False, 0.3)
    save(window, out, f"01-create-{args.lang}")

    window.unlock_screen.create_page.first.setText("abc")
    window.unlock_screen.create_page.submit()
    spin(app, lambda: False, 0.2)
    save(window, out, f"02-create-error-{args.lang}")

    try:
        from wallet.app.demo import create_demo_vault

        opener = lambda: create_demo_vault(tmp / "demo.db")  # noqa: E731
    except ImportError:
        opener = lambda: corpus_vault(tmp)  # noqa: E731
    errors: list[str] = []
    window.session.open_with(opener, owner=window, on_success=lambda _p: None,
                             on_failure=lambda e: errors.append(e.message))
    spin(app, lambda: window.session.is_open or bool(errors), 180)
    if errors:
        print("demo wallet failed:", errors[0], "- using the corpus")
        window.session.open_with(lambda: corpus_vault(tmp), owner=window, on_success=lambda _p: None,
                                 on_failure=lambda e: errors.append(e.message))
        spin(app, lambda: window.session.is_open, 180)
    page = window.credentials
    spin(app, lambda: page.model.rowCount() > 0, 60)
    spin(app, lambda: not window.session.runner.busy, 60)
    page.table.selectRow(0)
    spin(app, lambda: page.detail.detail is not None, 30)
    spin(app, lambda: False, 0.3)
    save(window, out, f"03-credentials-{args.lang}")
    page.detail.second.setCurrentIndex(min(2, page.detail.second.count() - 1))
    spin(app, lambda: False, 0.2)
    save(window, out, f"04-detail-side-by-side-{args.lang}")
    page.detail.tabs.setCurrentIndex(1)
    spin(app, lambda: False, 0.2)
    save(window, out, f"05-verification-report-{args.lang}")
    page.detail.tabs.setCurrentIndex(2)
    spin(app, lambda: False, 0.2)
    save(window, out, f"06-original-{args.lang}")
    page.detail.tabs.setCurrentIndex(0)
    window.cards_action.trigger()
    spin(app, lambda: False, 0.3)
    save(window, out, f"07-cards-{args.lang}")
    page.search.setText(page.model.row_at(0).title.split()[0])
    spin(app, lambda: False, 0.2)
    save(window, out, f"08-cards-search-{args.lang}")
    page.search.clear()
    window.list_action.trigger()

    window.tabs.setCurrentWidget(window.targets)
    spin(app, lambda: window.targets.model.rowCount() > 0 and not window.session.runner.busy, 60)
    spin(app, lambda: False, 0.3)
    save(window, out, f"09-targets-{args.lang}")

    window.tabs.setCurrentWidget(window.share)
    share = window.share
    spin(app, lambda: share.list.count() > 0, 30)
    for n in range(min(2, share.list.count())):
        share.list.item(n).setCheckState(share.list.item(n).checkState().Checked)
    share.challenge.setText("interview-2026-11-24")
    share.qr_button.click()
    spin(app, lambda: share.qr_png is not None or "large" in share.result.text(), 60)
    spin(app, lambda: False, 0.3)
    save(window, out, f"10-share-{args.lang}")

    bundle = tmp / "bundle.vp.json"
    dialogs.set_next_answer(str(bundle))
    share.file_button.click()
    spin(app, lambda: bundle.exists() and not window.session.runner.busy, 60)
    window.tabs.setCurrentWidget(window.received)
    window.received.challenge.setText("interview-2026-11-24")
    dialogs.set_next_answer(str(bundle))
    window.received.file_button.click()
    spin(app, lambda: window.received.last is not None, 60)
    spin(app, lambda: False, 0.3)
    save(window, out, f"11-check-received-{args.lang}")

    window.tabs.setCurrentWidget(window.credentials)
    dialog = window.import_dialog()
    from wallet.shared_data import shared_dir

    shared = shared_dir()
    if shared is not None:
        names = ["ob3-eddsa-rdfc-2022.valid.003.json", "jose-vc2-es256.tampered.001.jwt", "manifest.json",
                 "vc2-ecdsa-jcs-2019.status-revoked.001.json"]
        paths = [shared / "corpus" / n for n in names] + [
            shared / "vectors" / "openbadges" / "ob2-baked" / "baked_heart.png",
            shared / "vectors" / "eu-elm-v3" / "Credentials" / "JSON-LD Examples (ELM v3)" / "Sample-MC-Annex1-signed.jsonld"]
        paths = [p for p in paths if p.exists()]
        dialog.add_paths([str(p) for p in paths])
        spin(app, lambda: len(dialog.items) == len(paths), 30)
        dialog.start()
        spin(app, lambda: dialog.close_button.isVisible(), 60)
    spin(app, lambda: False, 0.3)
    save(dialog, out, f"12-import-summary-{args.lang}")
    results = dialog.results_model.results()
    dialog.close()
    edc = [r.credential_id for r in results if r.credential_id and "Annex1" in r.source]
    if edc:
        spin(app, lambda: page.model.row_of(edc[0]) >= 0 and not window.session.runner.busy, 30)
        page.select_ids(edc[:1])
        spin(app, lambda: page.detail.detail is not None and page.detail.detail.id == edc[0], 30)
        page.detail.second.setCurrentIndex(page.detail.second.findData("sl"))
        spin(app, lambda: False, 0.3)
        save(window, out, f"12b-edc-annex1-side-by-side-{args.lang}")
        window.cards_action.trigger()
        spin(app, lambda: False, 0.3)
        save(window, out, f"12c-cards-with-badges-{args.lang}")
        window.list_action.trigger()

    from wallet.ui.screens.vault_actions import make_settings_dialog

    spin(app, lambda: bool(window.prefs.holder_did), 30)
    settings = make_settings_dialog(window)
    settings.show()
    spin(app, lambda: False, 0.2)
    save(settings, out, f"13-settings-{args.lang}")
    settings.tabs.setCurrentIndex(1)
    spin(app, lambda: False, 0.2)
    save(settings, out, f"14-settings-trust-{args.lang}")
    settings.close()

    if args.dark:
        app.setPalette(dark_palette())
        from wallet.ui.icons import clear_cache

        clear_cache()
        window.rebuild()
        spin(app, lambda: window.credentials.model.rowCount() > 0 and not window.session.runner.busy, 60)
        window.credentials.table.selectRow(0)
        spin(app, lambda: window.credentials.detail.detail is not None, 30)
        spin(app, lambda: False, 0.3)
        save(window, out, f"15-dark-credentials-{args.lang}")
        window.cards_action.trigger()
        spin(app, lambda: False, 0.3)
        save(window, out, f"16-dark-cards-{args.lang}")
        window.tabs.setCurrentWidget(window.targets)
        spin(app, lambda: window.targets.model.rowCount() > 0 and not window.session.runner.busy, 60)
        save(window, out, f"17-dark-targets-{args.lang}")

    window.lock()
    spin(app, lambda: False, 0.2)
    save(window, out, f"18-locked-{args.lang}")
    window.session.runner.shutdown(wait=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
