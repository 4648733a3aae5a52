"""The bridge between the open vault and the widgets.

One :class:`Session` per window. It owns the vault object, which only ever
lives on the task runner's vault thread: widgets never see it, they hand the
session a function of the vault and get the result back on the GUI thread.

Mutations return a :class:`Changes` value saying what they touched (Anki's
``OpChanges``), and the session re-emits it as the one ``changed`` signal, so
each view refreshes only when its data changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from wallet.ui.tasks import Task, TaskError, TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """What a mutation changed, so views can refresh selectively."""

    credentials: bool = False
    targets: bool = False
    settings: bool = False
    trust: bool = False

    @staticmethod
    def everything() -> Changes:
        return Changes(True, True, True, True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.credentials or other.credentials,
            self.targets or other.targets,
            self.settings or other.settings,
            self.trust or other.trust,
        )


class Session(QObject):
    """The open (or locked) vault of one window.

    ``unlocked``/``locked`` announce the state; ``changed`` carries a
    :class:`Changes` after every successful mutation.
    """

    unlocked = Signal()
    locked = Signal()
    changed = Signal(object)

    def __init__(self, runner: TaskRunner, path: Path, kdf: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.path = Path(path)
        self.kdf = kdf  # None: the storage default; tests pass KdfParams.floor()
        self._vault: Any = None  # touched only on the vault thread
        self._open = False  # mirrored on the GUI thread
        self.holder_did = ""

    # -- state -------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._open

    def vault_exists(self) -> bool:
        from wallet.storage import Vault

        return bool(Vault.exists(self.path))

    def _opened(self, did: str) -> None:
        self._open = True
        self.holder_did = did
        self.unlocked.emit()

    # -- opening -------------------------------------------------------------------
    def unlock(self, passphrase: str, *, owner: QObject, on_failure: Callable[[TaskError], None]) -> Task:
        """Open the vault with ``passphrase``; emits ``unlocked`` or calls ``on_failure``."""
        path = self.path

        def work(_task: Task) -> str:
            from wallet.storage import Vault

            self._close_on_thread()
            self._vault = Vault.open(path, passphrase)
            return str(self._vault.holder_did())

        return self.runner.run_vault(work, owner=owner, on_success=self._opened, on_failure=on_failure)

    def create(self, passphrase: str, *, owner: QObject, on_failure: Callable[[TaskError], None]) -> Task:
        """Create a new vault at the session's path (refused if one exists)."""
        path, kdf = self.path, self.kdf

        def work(_task: Task) -> str:
            from wallet.storage import Vault

            self._close_on_thread()
            self._vault = Vault.create(path, passphrase, kdf)
            return str(self._vault.holder_did())

        return self.runner.run_vault(work, owner=owner, on_success=self._opened, on_failure=on_failure)

    def restore(self, backup: Path, passphrase: str, overwrite: bool, *, owner: QObject,
                on_success: Callable[[Any], None], on_failure: Callable[[TaskError], None]) -> Task:
        """Restore ``backup`` into the session's path and open the result."""
        path = self.path

        def work(_task: Task) -> str:
            from wallet.storage import Vault

            self._close_on_thread()
            self._vault = Vault.restore(backup, path, passphrase, overwrite=overwrite)
            return str(self._vault.holder_did())

        def done(did: str) -> None:
            self._opened(did)
            on_success(did)

        return self.runner.run_vault(work, owner=owner, on_success=done, on_failure=on_failure)

    def open_with(self, opener: Callable[[], tuple[Any, str]], *, owner: QObject,
                  on_success: Callable[[str], None], on_failure: Callable[[TaskError], None]) -> Task:
        """Adopt a vault made by ``opener`` on the vault thread (the demo vault).

        ``on_success`` receives the passphrase so the caller can show it.
        """

        def work(_task: Task) -> tuple[str, str, str]:
            self._close_on_thread()
            vault, passphrase = opener()
            self._vault = vault
            return str(vault.holder_did()), str(vault.path), passphrase

        def done(result: tuple[str, str, str]) -> None:
            did, path, passphrase = result
            self.path = Path(path)
            self._opened(did)
            on_success(passphrase)

        return self.runner.run_vault(work, owner=owner, on_success=done, on_failure=on_failure)

    def lock(self) -> None:
        """Close the vault (auto-lock or on demand); the window shows the unlock screen."""
        if not self._open:
            return
        self._open = False
        self.runner.run_vault(lambda _t: self._close_on_thread(), owner=self)
        self.locked.emit()

    def _close_on_thread(self) -> None:
        if self._vault is not None:
            vault, self._vault = self._vault, None
            vault.close()

    # -- work on the open vault ---------------------------------------------------
    def call(self, fn: Callable[[Any, Task], Any], *, owner: QObject | None,
             on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[TaskError], None] | None = None) -> Task:
        """Run ``fn(vault, task)`` on the vault thread; read-only by convention."""

        def work(task: Task) -> Any:
            from wallet.errors import VaultError

            if self._vault is None:
                raise VaultError(self.tr("The wallet is locked."))
            return fn(self._vault, task)

        return self.runner.run_vault(work, owner=owner, on_success=on_success, on_failure=on_failure)

    def mutate(self, fn: Callable[[Any, Task], Any], changes: Changes, *, owner: QObject | None,
               on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[TaskError], None] | None = None) -> Task:
        """Like :meth:`call`, then announce ``changes`` (even if the owner is gone)."""

        def done(result: Any) -> None:
            self.changed.emit(changes)
            if on_success is not None and (owner is None or _alive(owner)):
                on_success(result)

        def failed(error: TaskError) -> None:
            if on_failure is not None and (owner is None or _alive(owner)):
                on_failure(error)
            elif not error.cancelled:
                self.runner.failed.emit(error.message)

        return self.call(fn, owner=self, on_success=done, on_failure=failed)


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))
