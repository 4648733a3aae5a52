"""The desktop app starts light: the unlock screen needs none of the heavy stacks (issue 17).

Behaviour, not timing: a fresh interpreter builds the window as ``wallet-gui``
does, paints the unlock screen and reports ``sys.modules``; then lets the
pages be built (they are, once the unlock screen has been painted), unlocks a
vault and waits for the credential list, and reports again. The stacks that
only an action or another screen uses (stacking and its solver, the PDF, QR
and image libraries, the network, verification and EU seals, the sharing use
cases) must be in neither list; the pages themselves must not be needed for
the first paint. (The target filter's titles load the stacking core 0.3 s
after the list is shown; the Targets page computes progress when shown.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import PASSPHRASE, copy_vault

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, os, sys, time
from pathlib import Path
from wallet.ui.app import build_window, make_application

app = make_application()
window = build_window(Path(sys.argv[1]), "en")
window.show()
window.unlock_screen.repaint()
at_paint = sorted(sys.modules)
pages_at_paint = window._pages_built

def wait(condition):
    end = time.monotonic() + 60
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.005)

wait(lambda: window._pages_built)  # built in the first idle moment after the paint
at_list = []

def shown(_rows):  # the rows have just been put in the model: the list paints next
    window.credentials.current_view().viewport().repaint()
    at_list.extend(sorted(sys.modules))

window.credentials.rowsLoaded.connect(shown)
window.unlock_screen.open_page.passphrase.setText(sys.argv[2])
window.unlock_screen.open_page.submit()
wait(lambda: bool(at_list))
print(json.dumps({"paint": at_paint, "pages_at_paint": pages_at_paint, "list": at_list,
                  "rows": window.credentials.model.rowCount()}))
window.session.lock()
window.session.runner.shutdown(wait=True)
"""

#: Loaded by neither the unlock screen nor the credential list (module name prefixes).
HEAVY = ("highspy", "numpy", "fpdf", "fontTools", "qrcode", "PIL", "pyld", "signxml", "pyhanko",
         "pyhanko_certvalidator", "requests", "urllib3", "httpx", "http.client", "starlette", "uvicorn",
         "psycopg", "wallet.stacking", "wallet.app.stacking", "wallet.sharing.pdf", "wallet.sharing.qr",
         "wallet.sharing.bundle", "wallet.sharing.received", "wallet.sharing.europass_candidate",
         "wallet.sharing.server", "wallet.online", "wallet.verify", "wallet.app.importing", "wallet.app.sharing",
         "wallet.app.hosted", "wallet.app.reverify", "wallet.ui.screens.breakdown")
#: What the unlock screen's first paint must not load on top of those: the pages and their dialogs.
NOT_FOR_THE_UNLOCK_SCREEN = ("lxml", "jsonschema", "wallet.formats", "wallet.ui.screens.credentials_page",
                             "wallet.ui.screens.targets_page", "wallet.ui.screens.share_page",
                             "wallet.ui.screens.received_page", "wallet.ui.screens.import_dialog",
                             "wallet.ui.screens.receive_dialog", "wallet.ui.screens.present_dialog",
                             "wallet.ui.screens.detail", "wallet.ui.screens.cards")


def _loaded(modules: list[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


def test_unlock_screen_and_list_load_no_heavy_module(template_vault: Path, tmp_path: Path) -> None:
    vault = copy_vault(template_vault, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(vault), PASSPHRASE], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=180, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rows"] > 0  # the list really loaded
    assert "PySide6.QtWidgets" in result["paint"] and "wallet.ui.screens.unlock" in result["paint"]
    assert not result["pages_at_paint"]
    assert _loaded(result["paint"], HEAVY + NOT_FOR_THE_UNLOCK_SCREEN) == []
    assert "wallet.ui.screens.credentials_page" in result["list"]
    assert _loaded(result["list"], HEAVY) == []
