"""The task runner: results on the GUI thread, errors as messages, dropped results, cancel."""

from __future__ import annotations

import threading
import time

import pytest

from PySide6.QtWidgets import QWidget

from wallet.errors import Cancelled, NotFound
from wallet.ui.tasks import TaskRunner, describe_error


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]  # noqa: ARG001 - a QObject needs the application
    r = TaskRunner()
    yield r
    r.shutdown(wait=True)


def test_success_is_delivered_on_the_gui_thread(qtbot, runner) -> None:
    got = {}
    owner = QWidget()
    qtbot.addWidget(owner)

    def done(value):  # type: ignore[no-untyped-def]
        got["value"] = value
        got["thread"] = threading.current_thread()

    runner.run_vault(lambda _t: threading.current_thread().name, owner=owner, on_success=done)
    qtbot.waitUntil(lambda: "value" in got)
    assert got["value"].startswith("wallet-vault")
    assert got["thread"] is threading.main_thread()


def test_wallet_error_becomes_its_message(qtbot, runner) -> None:
    errors = []
    owner = QWidget()
    qtbot.addWidget(owner)

    def fail(_t):  # type: ignore[no-untyped-def]
        raise NotFound("no credential with id 'abc'")

    runner.run_cpu(fail, owner=owner, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].message == "no credential with id 'abc'"


def test_unexpected_error_is_a_short_line_not_a_traceback(qtbot, runner, caplog) -> None:
    messages = []
    runner.failed.connect(messages.append)

    def boom(_t):  # type: ignore[no-untyped-def]
        raise KeyError("secret-ish detail")

    runner.run_cpu(boom)
    qtbot.waitUntil(lambda: bool(messages))
    assert "KeyError" in messages[0]
    assert "Traceback" not in messages[0] and "secret-ish" not in messages[0]
    assert any("unexpected error" in r.message for r in caplog.records)


def test_result_is_dropped_when_the_receiver_is_gone(qtbot, runner) -> None:
    called = []
    owner = QWidget()
    gate = threading.Event()
    runner.run_vault(lambda _t: gate.wait(5), owner=owner, on_success=called.append)
    owner.deleteLater()
    qtbot.wait(20)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    qtbot.wait(20)
    assert called == []


def test_vault_work_is_serialised_on_one_thread(qtbot, runner) -> None:
    names = set()
    active = []
    overlap = []

    def work(_t):  # type: ignore[no-untyped-def]
        active.append(1)
        if len(active) > 1:
            overlap.append(True)
        names.add(threading.current_thread().name)
        time.sleep(0.01)
        active.pop()

    for _ in range(5):
        runner.run_vault(work)
    qtbot.waitUntil(lambda: not runner.busy)
    assert len(names) == 1 and not overlap


def test_progress_and_cancel(qtbot, runner) -> None:
    progress = []
    failures = []

    def work(task):  # type: ignore[no-untyped-def]
        for i in range(200):
            if task.is_cancelled():
                raise Cancelled("import cancelled; nothing was stored")
            task.report(i, 200)
            time.sleep(0.002)
        return "finished"

    task = runner.run_vault(work, on_failure=failures.append)
    task.progressed.connect(lambda done, _total: progress.append(done))
    qtbot.waitUntil(lambda: bool(progress))
    task.cancel()
    qtbot.waitUntil(lambda: bool(failures))
    assert failures[0].cancelled
    assert "nothing was stored" in failures[0].message


def test_describe_error_of_cancel() -> None:
    assert describe_error(Cancelled("stopped")).cancelled
