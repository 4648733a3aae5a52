"""Render every screen of the desktop app to PNG: English and Slovenian, light and dark, two window sizes.

    .venv/bin/python tools/screenshots.py --x11                # a real X11 window under Xvfb (started here)
    .venv/bin/python tools/screenshots.py                      # offscreen (no X server needed)
    .venv/bin/python tools/screenshots.py --x11 --langs sl --themes dark --sizes 800x560

Files go to ``screenshots/<lang>-<theme>-<size>/NN-<screen>.png``, plus one
contact sheet per combination (``sheet-<lang>-<theme>-<size>.png``) to look
at them side by side. With ``--x11`` the script starts ``Xvfb`` itself (Debian
package ``xvfb``, installed by ``tools/bootstrap.sh``), opens the app as an
ordinary xcb window and captures it from the X server, so what is on the
pictures is what a window manager would show, not an offscreen rendering.

Everything runs on a throw-away demo wallet (freshly signed sample
credentials, plus a baked badge and the EU's Annex I sample from the shared
test data when present); the user's own wallet is never touched. Look at the
pictures after every UI change: tests prove behaviour, not that a screen
reads well.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["WALLET_UI_NO_MODAL"] = "1"

SIZES = {"1366x768": (1366, 768), "800x560": (800, 560)}


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb server on the first free display, 1920×1200 at 24 bits; returns (process, DISPLAY)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise SystemExit("Xvfb is not installed: apt-get install xvfb (tools/bootstrap.sh does it)")
    for number in range(91, 120):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        proc = subprocess.Popen([binary, f":{number}", "-screen", "0", "1920x1200x24", "-nolisten", "tcp",
                                 "-dpi", "96"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return proc, f":{number}"
            if proc.poll() is not None:
                break
            time.sleep(0.05)
        proc.terminate()
    raise SystemExit("could not start Xvfb on any display from :91 to :119")


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - one linear script of screens
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--langs", default="en,sl")
    parser.add_argument("--themes", default="light,dark")
    parser.add_argument("--sizes", default="1366x768,800x560")
    parser.add_argument("--x11", action="store_true", help="start Xvfb and capture a real X11 window")
    args = parser.parse_args(argv)
    xvfb = None
    if args.x11:
        xvfb, display = start_xvfb()
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return run(args)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)


def run(args: argparse.Namespace) -> int:  # noqa: PLR0915
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

    from wallet.storage import KdfParams
    from wallet.ui import dialogs
    from wallet.ui.app import build_window, make_application
    from wallet.ui.icons import clear_cache
    from wallet.ui.theme import dark_palette, ensure_contrast

    app = make_application()
    app.setStyle(QStyleFactory.create("Fusion"))
    light = QApplication.style().standardPalette()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    tmp = Path(tempfile.mkdtemp(prefix="wallet-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    out_root = Path(args.out)

    def spin(condition: Callable[[], bool] = lambda: False, timeout: float = 60.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            app.processEvents()
            if condition():
                return True
            time.sleep(0.01)
        return False

    def grab(widget: QWidget, path: Path) -> None:
        spin(timeout=0.35)
        if os.environ.get("QT_QPA_PLATFORM") == "xcb":
            picture = widget.screen().grabWindow(widget.winId())
        else:
            picture = widget.grab()
        picture.save(str(path))
        print(f"wrote {path}")

    from wallet.app.demo import create_demo_vault

    window = build_window(tmp / "none.db", "en", kdf=KdfParams.floor())
    window.show()
    errors: list[str] = []
    passphrase: list[str] = []
    window.session.open_with(lambda: create_demo_vault(tmp / "demo.db"), owner=window,
                             on_success=passphrase.append, on_failure=lambda e: errors.append(e.message))
    spin(lambda: window.session.is_open or bool(errors), 180)
    if errors:
        raise SystemExit(f"the demo wallet failed: {errors[0]}")
    spin(lambda: window.credentials.model.rowCount() > 0 and not window.session.runner.busy, 60)

    from wallet.shared_data import shared_dir

    shared = shared_dir()
    extra = []
    if shared is not None:
        extra = [p for p in (shared / "vectors" / "openbadges" / "ob2-baked" / "baked_heart.png",
                             shared / "vectors" / "eu-elm-v3" / "Credentials" / "JSON-LD Examples (ELM v3)"
                             / "Sample-MC-Annex1-signed.jsonld",
                             shared / "corpus" / "jose-vc2-es256.tampered.001.jwt",
                             shared / "corpus" / "ob3-eddsa-jcs-2022.valid.003.json") if p.exists()]
    import_paths = [str(p) for p in extra]

    for lang in args.langs.split(","):
        for theme in args.themes.split(","):
            for size_name in args.sizes.split(","):
                width, height = SIZES[size_name]
                folder = out_root / f"{lang}-{theme}-{size_name}"
                folder.mkdir(parents=True, exist_ok=True)
                app.setPalette(ensure_contrast(dark_palette() if theme == "dark" else light))
                clear_cache()
                window.translations.install(lang)
                window.rebuild()
                window.resize(width, height)
                spin(lambda: window.credentials.model.rowCount() > 0 and not window.session.runner.busy, 60)
                shoot(window, folder, spin, grab, dialogs, import_paths, passphrase[0], tmp)
                sheet(folder, out_root / f"sheet-{lang}-{theme}-{size_name}.png")
    window.session.runner.shutdown(wait=True)
    return 0


def shoot(window, folder: Path, spin, grab, dialogs, import_paths, passphrase: str, tmp: Path) -> None:  # noqa: PLR0915
    from PySide6.QtCore import Qt

    page = window.credentials
    busy = window.session.runner

    # the unlock and create screens
    window.lock()
    spin(lambda: not window.session.is_open)
    grab(window, folder / "01-unlock.png")
    window.unlock_screen._show(1)
    window.unlock_screen.create_page.first.setText("abc")
    window.unlock_screen.create_page.submit()
    grab(window, folder / "02-create-error.png")
    window.unlock_screen.show_default()
    window.unlock_screen.open_page.passphrase.setText(passphrase)
    window.unlock_screen.open_page.submit()
    spin(lambda: window.session.is_open, 60)
    spin(lambda: page.model.rowCount() > 0 and not busy.busy, 60)
    if import_paths and not getattr(window, "_shots_imported", False):
        dialog = window.import_dialog()
        dialog.add_paths(import_paths)
        spin(lambda: len(dialog.items) == len(import_paths), 30)
        dialog.start()
        spin(lambda: dialog.close_button.isVisible(), 60)
        grab(dialog, folder / "11-import-summary.png")
        dialog.close()
        window._shots_imported = True  # type: ignore[attr-defined]
        spin(lambda: not busy.busy, 30)
    elif import_paths:
        dialog = window.import_dialog()
        dialog.add_paths(import_paths)
        spin(lambda: len(dialog.items) == len(import_paths), 30)
        dialog.start()
        spin(lambda: dialog.close_button.isVisible(), 60)
        grab(dialog, folder / "11-import-summary.png")
        dialog.close()
        spin(lambda: not busy.busy, 30)

    # credentials: cards (the default), a credential's detail
    window.cards_action.trigger()
    revoked = next((r.id for r in page.model.rows() if r.state == "revoked"), None)
    first = revoked or page.model.row_at(0).id
    page.select_ids([first])
    spin(lambda: page.detail.detail is not None and page.detail.detail.id == first, 30)
    grab(window, folder / "03-cards-detail.png")
    page.detail.second.setCurrentIndex(page.detail.second.findData("sl" if window.translations.language == "en"
                                                                   else "en"))
    grab(window, folder / "04-detail-side-by-side.png")
    page.detail.second.setCurrentIndex(0)
    page.detail.tabs.setCurrentIndex(1)
    page.detail.technical_toggle.setChecked(True)
    grab(window, folder / "05-verification-technical.png")
    page.detail.tabs.setCurrentIndex(2)
    grab(window, folder / "06-original.png")
    page.detail.tabs.setCurrentIndex(0)
    edc = next((r.id for r in page.model.rows() if "Annex1" in r.source or r.format.startswith("edc")), None)
    if edc:
        page.select_ids([edc])
        spin(lambda: page.detail.detail is not None and page.detail.detail.id == edc, 30)
        grab(window, folder / "07-edc-detail.png")
    window.list_action.trigger()
    grab(window, folder / "08-list.png")
    window.cards_action.trigger()

    # targets
    window.tabs.setCurrentWidget(window.targets)
    spin(lambda: window.targets.model.rowCount() > 0 and not busy.busy, 60)
    grab(window, folder / "09-targets.png")

    # share: a QR code of one valid credential
    share = window.share
    window.tabs.setCurrentWidget(share)
    spin(lambda: share.list.count() > 0, 30)
    share.select_none.click()
    valid = [n for n in range(share.list.count())
             if page.model.row_at(page.model.row_of(share.list.item(n).data(Qt.ItemDataRole.UserRole))).state
             in ("valid", "valid-note")]
    share.list.item(valid[0] if valid else 0).setCheckState(Qt.CheckState.Checked)
    share.challenge.setText("interview-2026-11-24")
    share.qr_button.click()
    spin(lambda: (share.qr_png is not None or "QR" in share.result.text()) and not busy.busy, 60)
    grab(window, folder / "10-share-qr.png")

    # check received: a bundle holding a revoked credential
    if revoked:
        for n in range(share.list.count()):
            if share.list.item(n).data(Qt.ItemDataRole.UserRole) == revoked:
                share.list.item(n).setCheckState(Qt.CheckState.Checked)
    bundle = tmp / f"bundle-{folder.name}.vp.json"
    dialogs.set_next_answer(str(bundle), True)
    share.file_button.click()
    spin(lambda: bundle.exists() and not busy.busy, 60)
    dialogs.reset()
    received = window.received
    window.tabs.setCurrentWidget(received)
    received.challenge.setText("interview-2026-11-24")
    dialogs.set_next_answer(str(bundle))
    received.file_button.click()
    spin(lambda: received.last is not None, 60)
    grab(window, folder / "12-check-received.png")
    dialogs.reset()
    window.tabs.setCurrentWidget(window.credentials)

    # dialogs
    from wallet.ui.screens.help_dialog import HelpDialog
    from wallet.ui.screens.vault_actions import PassphraseDialog, make_settings_dialog

    spin(lambda: bool(window.prefs.holder_did), 30)
    settings = make_settings_dialog(window)
    settings.show()
    grab(settings, folder / "13-settings.png")
    settings.tabs.setCurrentIndex(1)
    grab(settings, folder / "14-settings-trust.png")
    settings.tabs.setCurrentIndex(3)
    grab(settings, folder / "15-settings-wallet.png")
    settings.close()
    settings.deleteLater()
    help_dialog = HelpDialog(window.session.path, window)
    help_dialog.show()
    grab(help_dialog, folder / "16-help.png")
    help_dialog.tabs.setCurrentIndex(1)
    grab(help_dialog, folder / "17-help-keys.png")
    help_dialog.close()
    help_dialog.deleteLater()
    passphrase_dialog = PassphraseDialog(window)
    passphrase_dialog.show()
    grab(passphrase_dialog, folder / "18-change-passphrase.png")
    passphrase_dialog.close()
    passphrase_dialog.deleteLater()


def sheet(folder: Path, out: Path) -> None:
    """All pictures of one combination on one page, half size, labelled (for looking at them together)."""
    from PIL import Image, ImageDraw

    pictures = sorted(folder.glob("*.png"))
    if not pictures:
        return
    scale = 0.5
    images = [Image.open(p).convert("RGB") for p in pictures]
    cell_w = int(max(i.width for i in images) * scale)
    cell_h = int(max(i.height for i in images) * scale) + 18
    columns = 3
    rows = (len(images) + columns - 1) // columns
    page = Image.new("RGB", (cell_w * columns, cell_h * rows), "white")
    draw = ImageDraw.Draw(page)
    for n, (path, image) in enumerate(zip(pictures, images, strict=True)):
        x, y = (n % columns) * cell_w, (n // columns) * cell_h
        page.paste(image.resize((int(image.width * scale), int(image.height * scale))), (x, y + 18))
        draw.text((x + 4, y + 3), path.stem, fill="black")
    page.save(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    raise SystemExit(main())
