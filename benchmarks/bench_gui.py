"""GUI responsiveness figures (a command, not a test; prints its numbers).

    .venv/bin/python benchmarks/bench_gui.py [--n 10000] [--imports 500]

1. Start to unlocked main window, excluding the key derivation: a fresh
   interpreter imports the app, builds the window, unlocks a vault with 200
   credentials and waits until the list shows them; the KDF time (measured
   separately with the vault's own parameters) is subtracted. Target < 1.5 s.
2. With ``--n`` (10,000) credentials: time per keystroke while typing a
   search (filter + repaint of the visible rows), and per sort. Target < 100 ms.
3. Importing ``--imports`` (500) freshly signed credentials through the
   import dialog while a 5 ms QTimer heartbeat runs: the longest gap between
   beats is the longest time the event loop was blocked. Target < 100 ms.

Runs offscreen; everything happens in a temporary folder.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["WALLET_UI_NO_MODAL"] = "1"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSPHRASE = "benchmark passphrase"

STARTUP = r"""
import time
t0 = time.perf_counter()
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from wallet.ui.app import build_window, make_application
app = make_application()
window = build_window(sys.argv[1] and __import__("pathlib").Path(sys.argv[1]), "en")
window.show()
window.unlock_screen.open_page.passphrase.setText(sys.argv[2])
window.unlock_screen.open_page.submit()
while window.credentials.model.rowCount() == 0:
    app.processEvents()
    time.sleep(0.001)
app.processEvents()
window.repaint()
print(time.perf_counter() - t0)
window.session.lock()
window.session.runner.shutdown(wait=True)
import shiboken6
shiboken6.delete(window)
"""


def synthetic_vault(path: Path, n: int):  # type: ignore[no-untyped-def]
    """A vault with ``n`` stored credentials (storage only: the list is what is measured)."""
    from wallet import codec
    from wallet.app.context import context_from_vault
    from wallet.formats import parse
    from wallet.shared_data import shared_dir
    from wallet.storage import KdfParams, Vault
    from wallet.verify.engine import verify

    vault = Vault.create(path, PASSPHRASE, KdfParams.floor())
    shared = shared_dir()
    samples = sorted((shared / "corpus").glob("*.valid.00*")) if shared else []
    if not samples:
        raise SystemExit("needs ../shared/corpus for sample credentials")
    ctx = context_from_vault(vault)
    base = []
    for p in samples:
        cred = parse(p.read_bytes())
        base.append((p.read_bytes(), cred, verify(cred, ctx).to_json()))
    items = []
    words = ("Data", "Python", "Ethics", "Law", "Design", "Statistics", "Cloud", "Robotics", "Nursing", "Welding")
    for i in range(n):
        raw, cred, report = base[i % len(base)]
        parsed = codec.to_json(cred)
        parsed["title"] = {"en": f"{words[i % 10]} {words[(i // 10) % 10]} course {i}", "sl": f"Tečaj {i}"}
        items.append((raw + b" " * (1 + i // len(base)) if raw.lstrip().startswith(b"{") else raw + b"\n" * (1 + i),
                      cred.format.value, parsed, f"bench-{i}", report))
    vault.add_credentials(items)
    return vault


def kdf_seconds() -> float:
    from wallet.storage import KdfParams
    from wallet.storage.kdf import derive_master

    start = time.perf_counter()
    derive_master(PASSPHRASE, b"0123456789abcdef", KdfParams.floor())
    return time.perf_counter() - start


def bench_startup(tmp: Path) -> None:
    vault = synthetic_vault(tmp / "start.db", 200)
    vault.close()
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", STARTUP, str(tmp / "start.db"), PASSPHRASE], cwd=ROOT,
                             capture_output=True, text=True, check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    kdf = kdf_seconds()
    best = min(runs)
    print(f"startup: {best:.3f} s to an unlocked window with 200 credentials shown "
          f"(KDF {kdf:.3f} s) -> {best - kdf:.3f} s excluding the KDF  [target < 1.5 s]  runs {runs}")


def spin(app, condition, timeout=120.0):  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.001)
    raise SystemExit("timed out")


def bench_filter(tmp: Path, n: int) -> None:
    from PySide6.QtCore import Qt

    from wallet.ui.app import build_window, make_application

    app = make_application()
    start = time.perf_counter()
    synthetic_vault(tmp / "big.db", n).close()
    print(f"filter: made a vault with {n} credentials in {time.perf_counter() - start:.1f} s")
    window = build_window(tmp / "big.db", "en")
    window.resize(1200, 760)
    window.show()
    window.unlock_screen.open_page.passphrase.setText(PASSPHRASE)
    start = time.perf_counter()
    window.unlock_screen.open_page.submit()
    page = window.credentials
    spin(app, lambda: page.model.rowCount() == n)
    print(f"filter: unlock + list of {n} rows in {time.perf_counter() - start:.2f} s (includes the KDF, off the GUI thread)")
    spin(app, lambda: not window.session.runner.busy)
    times = []
    text = ""
    for ch in "data python course 12":
        text += ch
        t0 = time.perf_counter()
        page.search.setText(text)
        app.processEvents()
        page.table.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    for _ in text:
        text = text[:-1]
        t0 = time.perf_counter()
        page.search.setText(text)
        app.processEvents()
        page.table.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"filter: {len(times)} keystrokes on {n} credentials: median {times[len(times) // 2]:.1f} ms, "
          f"worst {times[-1]:.1f} ms  [target < 100 ms]")
    t0 = time.perf_counter()
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    page.table.viewport().repaint()
    print(f"filter: sort {n} rows by title: {(time.perf_counter() - t0) * 1000:.1f} ms")
    t0 = time.perf_counter()
    page.verdict_filter.setCurrentIndex(1)
    app.processEvents()
    page.table.viewport().repaint()
    print(f"filter: verdict filter on {n} rows: {(time.perf_counter() - t0) * 1000:.1f} ms")
    close(window)


def close(window) -> None:  # type: ignore[no-untyped-def]
    """Lock, stop the workers and delete the window while Qt is alive."""
    import shiboken6

    window.session.lock()
    window.session.runner.shutdown(wait=True)
    shiboken6.delete(window)


def signed_files(count: int) -> list[tuple[str, bytes]]:
    """``count`` distinct, freshly signed credentials (eddsa-jcs-2022, one demo issuer)."""
    import json

    from cryptography.hazmat.primitives.asymmetric import ed25519

    from wallet.app.demo import ISSUERS, ob3_credential
    from wallet.verify.dataintegrity import sign
    from wallet.verify.did import did_key_for

    issuer = ISSUERS[1]
    key = ed25519.Ed25519PrivateKey.generate()
    did = did_key_for(key.public_key())
    vm = did + "#" + did.split(":")[-1]
    now = datetime.now(UTC)
    files = []
    for i in range(count):
        item = {"title": f"Benchmark module {i}", "credits": 1 + i % 5, "eqf_level": 4 + i % 3,
                "learning_outcomes": [f"Outcome {i}"]}
        doc = ob3_credential(issuer, did, "did:example:learner", item, now - timedelta(days=i + 1))
        files.append((f"bench-{i:03d}.json", json.dumps(sign(doc, key, vm, cryptosuite=issuer.suite)).encode()))
    return files


def bench_import(tmp: Path, count: int) -> None:
    from PySide6.QtCore import QTimer

    from wallet.app.importing import ImportItem
    from wallet.storage import KdfParams
    from wallet.ui.app import build_window, make_application

    app = make_application()
    start = time.perf_counter()
    files = signed_files(count)
    print(f"import: signed {count} credentials in {time.perf_counter() - start:.1f} s")
    window = build_window(tmp / "import.db", "en", kdf=KdfParams.floor())
    window.show()
    create = window.unlock_screen.create_page
    create.first.setText(PASSPHRASE)
    create.second.setText(PASSPHRASE)
    create.submit()
    spin(app, lambda: window.session.is_open and not window.session.runner.busy)
    dialog = window.import_dialog()
    dialog.add_items([ImportItem(name, raw) for name, raw in files])
    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    dialog.start()
    spin(app, lambda: dialog.close_button.isVisible(), 600)
    spin(app, lambda: window.credentials.model.rowCount() == count and not window.session.runner.busy, 120)
    elapsed = time.perf_counter() - start
    timer.stop()
    gaps = sorted((b - a) * 1000 for a, b in itertools.pairwise(beats))
    print(f"import: {count} credentials imported in {elapsed:.1f} s ({dialog.status.text()})")
    print(f"import: event loop heartbeat (5 ms timer) over the import: {len(beats)} beats, "
          f"median gap {gaps[len(gaps) // 2]:.1f} ms, p99 {gaps[int(len(gaps) * 0.99)]:.1f} ms, "
          f"worst {gaps[-1]:.1f} ms  [target: never blocked > 100 ms]")
    dialog.close()
    close(window)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="GUI responsiveness figures")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--imports", type=int, default=500)
    parser.add_argument("--skip", nargs="*", default=(), choices=("startup", "filter", "import"))
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="wallet-bench-gui-"))
    if "startup" not in args.skip:
        bench_startup(tmp)
    if "filter" not in args.skip:
        bench_filter(tmp, args.n)
    if "import" not in args.skip:
        bench_import(tmp, args.imports)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
