"""Fixtures for the GUI tests: an isolated QSettings, a vault with corpus credentials, windows.

Dialogs never block: ``WALLET_UI_NO_MODAL=1`` makes an unexpected dialog
raise, and tests queue answers with ``wallet.ui.dialogs.set_next_answer``.
The vault with imported corpus credentials is built once per session and
copied for each test (creating it costs a key derivation and ~40 verifications).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["WALLET_UI_NO_MODAL"] = "1"

PASSPHRASE = "correct horse battery staple"
#: A small, varied set: valid, tampered, expired, revoked, status lists, presentations.
CORPUS_PICK = (
    "ob3-eddsa-rdfc-2022.valid.001.json",
    "ob3-eddsa-jcs-2022.valid.001.json",
    "vc2-ecdsa-rdfc-2019.valid.001.json",
    "vc11-ed25519-signature-2020.valid.001.json",
    "jose-vc2-es256.valid.001.jwt",
    "jwt-vc11-eddsa.valid.001.jwt",
    "ob3-eddsa-rdfc-2022.tampered.001.json",
    "jose-vc2-eddsa.expired.001.jwt",
    "vc2-ecdsa-jcs-2019.status-revoked.001.json",
    "statuslist.vc2-ecdsa-jcs-2019.json",
)


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("learner-wallet-tests")
    QCoreApplication.setApplicationName("Learner wallet tests")


@pytest.fixture(autouse=True)
def _dialogs() -> Iterator[None]:
    from wallet.ui import dialogs

    dialogs.reset()
    yield
    dialogs.reset()


@pytest.fixture(scope="session")
def corpus_files(corpus_dir: Path) -> list[Path]:
    return [corpus_dir / name for name in CORPUS_PICK if (corpus_dir / name).exists()]


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory, corpus_files: list[Path]) -> Path:
    """A vault holding the corpus pick, made once through the core."""
    from wallet.app.importing import ImportItem, import_items
    from wallet.storage import KdfParams, Vault

    path = tmp_path_factory.mktemp("template") / "vault.db"
    vault = Vault.create(path, PASSPHRASE, KdfParams.floor())
    try:
        import_items(vault, [ImportItem(p.name, p.read_bytes()) for p in corpus_files])
    finally:
        vault.close()
    return path


def copy_vault(template: Path, folder: Path) -> Path:
    target = folder / template.name
    for item in template.parent.iterdir():
        if item.name.startswith(template.name):
            shutil.copy2(item, folder / item.name)
    return target


@pytest.fixture
def make_window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Factory: a main window on ``path`` (default: a fresh path in tmp_path)."""
    from wallet.storage import KdfParams
    from wallet.ui.app import build_window

    windows = []

    def make(path: Path | None = None, lang: str = "en"):  # type: ignore[no-untyped-def]
        window = build_window(path or tmp_path / "new.db", lang, kdf=KdfParams.floor())
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.lock()
        window.session.runner.shutdown(wait=True)
        window.translations.install("en")


@pytest.fixture
def window(make_window, template_vault: Path, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    """A main window, unlocked, on a copy of the corpus vault, with the list loaded."""
    win = make_window(copy_vault(template_vault, tmp_path))
    win.unlock_screen.open_page.passphrase.setText(PASSPHRASE)
    win.unlock_screen.open_page.submit()
    qtbot.waitUntil(lambda: win.session.is_open, timeout=10000)
    qtbot.waitUntil(lambda: win.credentials.model.rowCount() > 0, timeout=10000)
    return win


def wait_idle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Until the task runner has delivered everything submitted so far."""
    qtbot.waitUntil(lambda: not window.session.runner.busy, timeout=20000)
