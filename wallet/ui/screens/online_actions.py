"""Going online from the app: "Refresh evidence", the schedule while the app runs, asking once per issuer host.

Everything runs through the session on the vault thread (the use cases in
``wallet.app.refresh`` / ``wallet.app.import_online`` do the work; the client
logs every contacted host in the vault). Questions and summaries go through
``wallet.ui.dialogs`` so tests can answer them. After new evidence the
credentials are verified again by the use case and the user is told what
changed: in a summary after "Refresh evidence", in the status bar after a
scheduled run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from wallet.ui import dialogs
from wallet.ui.i18n import fmt, say
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import Task, TaskError

if TYPE_CHECKING:
    from wallet.app.online import HostQuestion
    from wallet.app.refresh import RefreshResult
    from wallet.ui.screens.main_window import MainWindow

#: How often the schedule looks for due evidence while the app runs (what is due decides the core).
SCHEDULE_MINUTES = 15
#: When the vault thread is busy with the user's work, the schedule looks again this much later.
RETRY_MS = 2000


def summary_text(result: RefreshResult) -> str:
    """What a refresh did, in the UI language: counts, failures, and what changed."""
    # Module-level code has no QObject to call tr on: it translates in the "Online" context.
    lines = [fmt(QCoreApplication.translate("Online", "Fetched %1 of %2 pieces of evidence."),
                 len(result.fetched), result.needs)]
    if result.offline:
        lines.append(QCoreApplication.translate(
            "Online", "Offline mode is on, so nothing was fetched; the credentials were checked against the evidence "
                      "already in the wallet."))
    elif result.failed:
        lines.append(fmt(QCoreApplication.translate("Online", "%1 could not be fetched:"), len(result.failed)))
        lines += [f"• {f.key}: {f.reason}" for f in result.failed[:8]]
    lines += result.notes
    if result.cancelled:
        lines.append(QCoreApplication.translate("Online", "Cancelled: what was fetched before was kept."))
    if result.changes:
        lines.append(QCoreApplication.translate("Online", "What changed:"))
        lines += [f"• {c.id}: {say(c.message)}" for c in result.changes]
    else:
        lines.append(fmt(QCoreApplication.translate("Online", "Checked %1 credential(s) again; nothing changed."),
                         len(result.reverified)))
    return "\n".join(lines)


def refresh_evidence(window: MainWindow, ids: Sequence[str] | None = None) -> Task:
    """Fetch the evidence the given (or all) credentials need, with progress and Cancel, then tell what changed."""
    from wallet.app.online import make_client
    from wallet.app.refresh import refresh

    chosen = list(ids or ())
    title = QCoreApplication.translate("Online", "Refresh evidence")
    progress = QProgressDialog(QCoreApplication.translate("Online", "Fetching evidence…"),
                               QCoreApplication.translate("Online", "Cancel"), 0, 0, window)
    progress.setWindowTitle(title)
    progress.setMinimumDuration(0)

    def work(vault: Any, task: Task) -> RefreshResult:
        return refresh(vault, chosen, client=make_client(vault), progress=task.report, cancelled=task.is_cancelled)

    def finished() -> None:
        progress.reset()
        progress.deleteLater()

    def done(result: RefreshResult) -> None:
        finished()
        text = QCoreApplication.translate("Online", "Evidence refreshed: %1 fetched, %2 change(s).")
        window.statusBar().showMessage(fmt(text, len(result.fetched), len(result.changes)), 15000)
        dialogs.info(window, title, summary_text(result))

    def failed(error: TaskError) -> None:
        finished()
        dialogs.error(window, title, error.message)

    task = window.session.mutate(work, Changes(credentials=True), owner=window, on_success=done, on_failure=failed)
    def advanced(step: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(step)

    task.progressed.connect(advanced)
    progress.canceled.connect(task.cancel)
    window.refresh_task = task  # type: ignore[attr-defined]  # tests and the Cancel button reach it
    return task


class EvidenceScheduler(QObject):
    """While the wallet is open: every few minutes, fetch what is due (the core decides) and re-check."""

    def __init__(self, window: MainWindow, minutes: float = SCHEDULE_MINUTES) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.run_now)
        self.last: RefreshResult | None = None

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.run_now)  # whatever fell due while the app was closed

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        session: Session = self.window.session
        if not session.is_open or not self.timer.isActive():
            return
        if session.runner.busy:  # never queue behind (or in front of) the user's own work: try again shortly
            QTimer.singleShot(RETRY_MS, self.run_now)
            return
        from wallet.app.online import make_client
        from wallet.app.refresh import refresh_due

        def work(vault: Any, task: Task) -> RefreshResult:
            return refresh_due(vault, client=make_client(vault), cancelled=task.is_cancelled)

        def done(result: RefreshResult) -> None:
            self.last = result
            if result.reverified:  # only then did anything change that views show
                session.changed.emit(Changes(credentials=True))
            if result.changes:
                text = " ".join(say(c.message) for c in result.changes)
                self.window.statusBar().showMessage(
                    fmt(self.tr("Evidence refreshed on schedule: %1"), text), 60000)

        def failed(error: TaskError) -> None:
            self.window.statusBar().showMessage(
                fmt(self.tr("Scheduled evidence refresh failed: %1"), error.message), 30000)

        session.call(work, owner=self, on_success=done, on_failure=failed)


def ask_hosts(parent: QWidget, questions: Sequence[HostQuestion]) -> dict[str, bool]:
    """Ask once per issuer host whether the wallet may fetch evidence from it (the answer is remembered)."""
    answers: dict[str, bool] = {}
    for question in questions:
        text = QCoreApplication.translate(
            "Online", "The credentials you are importing need evidence from %1 (%2).\n\nFetch it now? The host learns "
                      "that a credential it issued is being checked. Your answer is remembered for this host; change "
                      "it under Settings ▸ Online.")
        question_title = QCoreApplication.translate("Online", "Fetch evidence online?")
        answers[question.host] = dialogs.confirm(parent, question_title,
                                                 fmt(text, question.host, "; ".join(question.reasons)))
    return answers


def plan_import(session: Session, items: Sequence[Any], owner: QWidget,
                then: Callable[[Any], None], on_failure: Callable[[TaskError], None]) -> None:
    """Work out the fetch plan of an import, ask about new hosts on the GUI thread, remember, then ``then(plan)``."""
    from wallet.app.import_online import fetch_questions
    from wallet.app.online import decide_host

    def asked(found: tuple[Any, list[HostQuestion]]) -> None:
        plan, questions = found
        if not questions:
            then(plan)
            return
        answers = ask_hosts(owner, questions)

        def remember(vault: Any, _task: Task) -> Any:
            for host, allowed in answers.items():
                decide_host(vault, host, allowed)
            return plan

        session.mutate(remember, Changes(settings=True), owner=owner, on_success=then, on_failure=on_failure)

    session.call(lambda v, _t: fetch_questions(v, list(items)), owner=owner, on_success=asked, on_failure=on_failure)
