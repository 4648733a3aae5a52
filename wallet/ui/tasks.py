"""The one way the GUI runs work off the GUI thread.

Why one helper: the vault's SQLCipher connection may only be used from the
thread that opened it, and two screens touching the vault at once must not
interleave. So every vault call goes through a single-worker executor (the
"vault thread", as Anki's ``taskman`` and Electrum's ``sql_db`` do), while
CPU-only work (verifying a received file, rendering a QR code) uses a small
separate pool so it never queues behind a long import.

Results come back on the GUI thread through a queued signal. If the widget
that asked has been deleted in the meantime the result is dropped, like
KeePassXC's ``runThenCallback``: a late answer must never touch a dead widget.

Errors are turned into a :class:`TaskError` whose ``message`` is safe to
show: a :class:`wallet.errors.WalletError` message is one clear sentence by
contract; anything else is logged with its traceback and shown as a short
generic line, never as a traceback.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from wallet.errors import Cancelled, WalletError

log = logging.getLogger(__name__)

#: Progress signals are throttled to this interval so a fast loop in a worker
#: cannot flood the GUI thread's event queue.
PROGRESS_INTERVAL_S = 0.05


@dataclass(frozen=True)
class TaskError:
    """A failed task, as the GUI shows it."""

    message: str
    exception: BaseException
    cancelled: bool = False


def error_text(exc: WalletError) -> str:
    """A wallet error in the UI's language: its catalogue message, else a translated sentence for its kind.

    The core's one-sentence texts are English (for logs and the CLI); what the
    user can meet in the app most often has its own translated sentence here,
    and the English detail follows only where it names something specific.
    """
    from wallet import errors
    from wallet.ui.i18n import say, ui_language

    if exc.message is not None:
        return say(exc.message)
    text = str(exc) or type(exc).__name__
    if ui_language() == "en":
        return text
    known: list[tuple[type[BaseException], str]] = [
        (errors.BackupError, QCoreApplication.translate("Tasks", "The backup could not be used: wrong passphrase, or the file is damaged "
                                         "or not a wallet backup.")),
        (errors.WrongPassphrase, QCoreApplication.translate("Tasks", "Wrong passphrase, or the wallet file is damaged (the two look the "
                                             "same). Try again.")),
        (errors.VaultExists, QCoreApplication.translate("Tasks", "A wallet already exists there; it was left untouched.")),
        (errors.NoVault, QCoreApplication.translate("Tasks", "There is no wallet in that file.")),
        (errors.VaultTooNew, QCoreApplication.translate("Tasks", "This wallet was made by a newer version of the app; update the app.")),
        (errors.CorruptVault, QCoreApplication.translate("Tasks", "The wallet file is damaged and cannot be opened. Restore a backup.")),
        (errors.Cancelled, QCoreApplication.translate("Tasks", "Cancelled; nothing was changed.")),
        (errors.OnlineError, QCoreApplication.translate("Tasks", "The connection failed; nothing was changed.")),
    ]
    for kind, words in known:
        if isinstance(exc, kind):
            return words if kind is not errors.OnlineError else f"{words} ({text})"
    return QCoreApplication.translate("Tasks", "This did not work: %1").replace("%1", text)


def describe_error(exc: BaseException) -> TaskError:
    """Turn an exception into a message safe to show (no traceback, no secrets)."""
    if isinstance(exc, Cancelled):
        return TaskError(str(exc), exc, cancelled=True)
    if isinstance(exc, WalletError):
        return TaskError(error_text(exc), exc)
    log.error("unexpected error in a background task", exc_info=exc)
    text = QCoreApplication.translate(
        "Tasks", "Something unexpected went wrong (%1). Nothing was changed; details are in the log."
    ).replace("%1", type(exc).__name__)
    return TaskError(text, exc)


class Task(QObject):
    """A handle on one submitted piece of work: cancel it, watch its progress.

    The worker function may call :meth:`report` and poll :meth:`is_cancelled`;
    both are thread-safe.
    """

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._last_report = 0.0
        self.future: Future | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Called from the worker; throttled except for the final step."""
        now = time.monotonic()
        if done >= total or now - self._last_report >= PROGRESS_INTERVAL_S:
            self._last_report = now
            self.progressed.emit(done, total)


class _Delivery:
    """What the worker hands back to the GUI thread."""

    __slots__ = ("task", "owner", "on_success", "on_failure", "result", "error")

    def __init__(self, task: Task, owner: Callable[[], Any], on_success, on_failure) -> None:
        self.task = task
        self.owner = owner
        self.on_success = on_success
        self.on_failure = on_failure
        self.result: Any = None
        self.error: BaseException | None = None


def _owner_ref(owner: QObject | None) -> Callable[[], Any]:
    """A callable that returns the owner while it (and its C++ object) lives."""
    if owner is None:
        return lambda: True
    ref = weakref.ref(owner)

    def alive() -> Any:
        obj = ref()
        if obj is None or not shiboken6.isValid(obj):
            return None
        return obj

    return alive


class TaskRunner(QObject):
    """Runs vault work on one thread and CPU work on a small pool.

    ``failed`` carries the message of failures nobody handled, so the main
    window can show them; ``busyChanged`` lets it show a busy indicator.
    """

    _delivered = Signal(object)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, cpu_workers: int | None = None) -> None:
        super().__init__(parent)
        self._vault_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wallet-vault")
        workers = cpu_workers or max(1, min(2, os.cpu_count() or 1))
        self._cpu_pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="wallet-cpu")
        self._pending = 0
        self._closed = False
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # -- submitting ----------------------------------------------------------
    def run_vault(self, fn: Callable[[Task], Any], *, owner: QObject | None = None,
                  on_success: Callable[[Any], None] | None = None,
                  on_failure: Callable[[TaskError], None] | None = None) -> Task:
        """Run ``fn(task)`` on the vault thread (serialised with all vault work)."""
        return self._submit(self._vault_pool, fn, owner, on_success, on_failure)

    def run_cpu(self, fn: Callable[[Task], Any], *, owner: QObject | None = None,
                on_success: Callable[[Any], None] | None = None,
                on_failure: Callable[[TaskError], None] | None = None) -> Task:
        """Run ``fn(task)`` on the CPU pool; it must not touch the vault."""
        return self._submit(self._cpu_pool, fn, owner, on_success, on_failure)

    def _submit(self, pool: ThreadPoolExecutor, fn, owner, on_success, on_failure) -> Task:
        task = Task(self)
        if self._closed:
            # Widgets closing during shutdown may still ask for work: nobody waits for it.
            log.debug("task submitted after shutdown; ignored")
            return task
        delivery = _Delivery(task, _owner_ref(owner), on_success, on_failure)

        def work() -> None:
            try:
                delivery.result = fn(task)
            except BaseException as exc:  # noqa: BLE001 - every failure is delivered, not lost
                delivery.error = exc
            self._delivered.emit(delivery)

        self._set_pending(+1)
        task.future = pool.submit(work)
        return task

    # -- delivering (GUI thread) ----------------------------------------------
    @Slot(object)
    def _deliver(self, delivery: _Delivery) -> None:
        self._set_pending(-1)
        task = delivery.task
        owner = delivery.owner()
        try:
            if owner is None:
                log.debug("dropping a task result: its receiver is gone")
                return
            if delivery.error is None:
                if delivery.on_success is not None:
                    delivery.on_success(delivery.result)
                return
            error = describe_error(delivery.error)
            if delivery.on_failure is not None:
                delivery.on_failure(error)
            elif not error.cancelled:
                self.failed.emit(error.message)
        finally:
            task.deleteLater()

    def _set_pending(self, delta: int) -> None:
        before = self._pending
        self._pending += delta
        if (before == 0) != (self._pending == 0):
            self.busyChanged.emit(self._pending > 0)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # -- lifetime ---------------------------------------------------------------
    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until all submitted work has run (tests, shutdown); True if idle."""
        deadline = time.monotonic() + timeout
        for pool in (self._vault_pool, self._cpu_pool):
            marker = pool.submit(lambda: None)
            try:
                marker.result(timeout=max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                return False
        return True

    def shutdown(self, wait: bool = True) -> None:
        """Stop accepting work; pending (not started) work is cancelled."""
        if self._closed:
            return
        self._closed = True
        self._vault_pool.shutdown(wait=wait, cancel_futures=True)
        self._cpu_pool.shutdown(wait=wait, cancel_futures=True)
