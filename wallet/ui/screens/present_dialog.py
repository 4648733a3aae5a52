"""Present credentials to a verifier (OpenID4VP): the request, the consent screen, progress, the verifier's answer.

The use cases are the core's (:mod:`wallet.app.presenting.inspect`, :mod:`wallet.app.presenting.send`);
this dialog only shows them. Pages, in order:

* **source** (when opened from the menu): paste the request link, or open a QR image or a screenshot;
* **consent**: who asks (verified by a certificate, or "unverified"), the name the verifier gives
  itself (never verified), where the answer goes, and for each credential query the matching
  credentials to choose from, with what each would disclose; Send or Decline. Declining sends
  nothing; when nothing matches, the reasons are shown and Send is disabled;
* **progress**, then **result**: the verifier's answer, and a link it asks the user to continue at,
  shown as text with a button: it is opened only when the user clicks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wallet.ui.i18n import fmt, say, ui_language
from wallet.ui.screens.link_flow import LinkFlowDialog
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import TaskError
from wallet.ui.widgets import describe


def looks_like_request(text: str) -> bool:
    """An OpenID4VP request link, as pasted, dropped or scanned (the core decides the rest)."""
    from wallet.oid4vp.link import looks_like_request as core

    return core(text)


class PresentDialog(LinkFlowDialog):
    """See the module docstring. ``presented`` carries the history record id after the verifier answered."""

    presented = Signal(str)

    def __init__(self, session: Session, source: Any = None, parent: QWidget | None = None, *,
                 client: Any = None, langs: tuple[str, ...] | None = None) -> None:
        super().__init__(session, parent, client=client, langs=langs,
                         title=self.tr("Present credentials to a verifier"))
        self.outcome: Any = None
        self.groups: dict[str, QButtonGroup] = {}
        self.request_edit = self._build_source_page(
            intro=self.tr("Paste the request link the verifier gave you (or open the QR code it showed). "
                          "You will see who asks for what before anything is sent."),
            edit=(self.tr("Request link"), self.tr("The request link or text the verifier gave you")),
            placeholder="openid4vp://…",
            open_button=(self.tr("Open a &QR image or screenshot…"), self.tr("Open a QR image or screenshot"),
                         self.tr("Read the request from a QR code image, a screenshot or a file")),
            continue_description=self.tr("Read the request and show who asks for what"))
        self._build_consent()
        self._build_progress_page(self.tr("Working"))
        self.redirect_label = QLabel()
        self.redirect_label.setWordWrap(True)
        self.redirect_label.setTextFormat(Qt.TextFormat.PlainText)
        self.redirect_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.redirect_button = QPushButton(self.tr("&Open this address in the browser"))
        describe(self.redirect_button, self.tr("Open this address in the browser"),
                 self.tr("Continue at the address the verifier returned, in your web browser"))
        self.redirect_button.clicked.connect(self.open_redirect)
        self._build_result_page((self.redirect_label, self.redirect_button))
        if source is not None:
            self.start(source)
        else:
            self.pages.setCurrentWidget(self.source_page)

    # -- pages ---------------------------------------------------------------------
    def _build_consent(self) -> None:
        self.consent_page = QWidget()
        self.who_label = QLabel()
        font = self.who_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.who_label.setFont(font)
        self.who_label.setWordWrap(True)
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.who_note = QLabel()
        self.who_note.setWordWrap(True)
        self.who_note.setTextFormat(Qt.TextFormat.PlainText)
        self.queries = QVBoxLayout()
        queries_widget = QWidget()
        queries_widget.setLayout(self.queries)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(queries_widget)
        scroll.setAccessibleName(self.tr("Credentials asked for"))
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.decline_button = buttons.addButton(self.tr("&Decline"), QDialogButtonBox.ButtonRole.RejectRole)
        describe(self.send_button, self.tr("Send"), self.tr("Send the chosen credentials, showing only what is asked for"))
        describe(self.decline_button, self.tr("Decline"), self.tr("Refuse the request: nothing is sent"))
        self.send_button.clicked.connect(self.send)
        self.decline_button.clicked.connect(self.decline)
        layout = QVBoxLayout(self.consent_page)
        layout.addWidget(self.who_label)
        layout.addWidget(self.who_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.pages.addWidget(self.consent_page)

    # -- the source ------------------------------------------------------------------
    def _file_dialog_words(self) -> tuple[str, str]:
        return (self.tr("Open a request (QR image or file)"),
                self.tr("Requests (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt);;All files (*)"))

    def start(self, source: Any) -> None:
        """Read the request (the request object is fetched on the vault thread), then show consent."""
        if isinstance(source, str) and not source.strip():
            return
        from wallet.app.presenting.inspect import inspect

        self.step_label.setText(self.tr("Reading the request and checking who sent it…"))
        self.pages.setCurrentWidget(self.progress_page)
        client, langs = self.client, self.langs
        self.task = self.session.call(lambda v, _t: inspect(source, client=client, vault=v, langs=langs), owner=self,
                                      on_success=self.show_consent, on_failure=self._source_failed)

    def _source_failed(self, error: TaskError) -> None:
        self.task = None
        self.source_error.setText(self._error_text(error) + "\n" + self.tr("Nothing was sent."))
        self.pages.setCurrentWidget(self.source_page)

    # -- consent -----------------------------------------------------------------------
    def show_consent(self, summary: Any) -> None:
        self.task = None
        self.summary = summary
        self.who_label.setText(fmt(self.tr("%1 asks for credentials"), say(summary.who())))
        notes = []
        if summary.verifier_name:
            notes.append(fmt(self.tr("It calls itself “%1” (not verified)."), summary.verifier_name))
        if not summary.verified:
            notes.append(self.tr("No authority the wallet trusts vouches for who this verifier is."))
        request = summary.request
        notes.append(fmt(self.tr("The answer goes to %1."), request.response_uri))
        if request.encrypted:
            notes.append(self.tr("It is encrypted so that only the verifier can read it."))
        self.who_note.setText("\n".join(notes))
        while self.queries.count():
            item = self.queries.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.groups = {}
        for result in summary.result.queries:
            self.queries.addWidget(self._query_box(summary, result))
        self.queries.addStretch(1)
        problems = [say(m) for m in summary.why_not()]
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        self.send_button.setEnabled(summary.answerable)
        self.pages.setCurrentWidget(self.consent_page)
        (self.send_button if summary.answerable else self.decline_button).setFocus()

    def _query_box(self, summary: Any, result: Any) -> QGroupBox:
        from wallet.claim_words import disclosed_in_words

        box = QGroupBox(fmt(self.tr("Asked for: %1"), result.query.id))
        layout = QVBoxLayout(box)
        group = QButtonGroup(box)
        chosen = summary.choice.get(result.query.id, ())
        offered = summary.offered_for(result.query.id)
        if not offered:
            reason = QLabel(say(result.why_not()))
            reason.setWordWrap(True)
            layout.addWidget(reason)
        for item in offered:
            shows = disclosed_in_words(item.paths, (ui_language(), "en"), whole=item.whole)
            button = QRadioButton(fmt(self.tr("%1 (%2) — shows: %3"), item.title, item.format, shows))
            button.setProperty("credentialId", item.credential_id)
            button.setChecked(item.credential_id in chosen)
            group.addButton(button)
            layout.addWidget(button)
        if offered and result.query.id not in summary.result.required_queries():
            skip = QRadioButton(self.tr("Do not send any"))
            skip.setProperty("credentialId", "")
            skip.setChecked(not chosen)
            group.addButton(skip)
            layout.addWidget(skip)
        self.groups[result.query.id] = group
        return box

    def choice(self) -> dict[str, tuple[str, ...]]:
        """What the user picked on the consent page (query id → credential ids)."""
        out: dict[str, tuple[str, ...]] = {}
        for query_id, group in self.groups.items():
            button = group.checkedButton()
            ident = button.property("credentialId") if button is not None else ""
            if ident:
                out[query_id] = (str(ident),)
        return out

    def decline(self) -> None:
        """Nothing was sent: closing is all there is to it."""
        self.reject()

    def send(self) -> None:
        summary = self.summary
        if summary is None or self.task is not None or not summary.answerable:
            return
        from wallet.app.presenting.send import send

        client, choice = self.client, self.choice()
        self.step_label.setText(self.tr("Sending to the verifier…"))
        self.pages.setCurrentWidget(self.progress_page)
        self.task = self.session.mutate(lambda v, _t: send(summary, choice, vault=v, client=client), Changes(),
                                        owner=self, on_success=self._done, on_failure=self._send_failed)

    def _send_failed(self, error: TaskError) -> None:
        self.task = None
        self.result_label.setText(self._error_text(error))
        self.redirect_label.hide()
        self.redirect_button.hide()
        self.pages.setCurrentWidget(self.result_page)

    def _done(self, outcome: Any) -> None:
        self.task = None
        self.outcome = outcome
        lines = [say(outcome.message()), ""]
        from wallet.app.presenting.history import claims_text

        for item in outcome.disclosed:
            shown = claims_text(item, (ui_language(), "en"))
            lines.append(fmt(self.tr("Sent: %1 — it showed: %2"), str(item.get("title", "")), shown))
        self.result_label.setText("\n".join(lines))
        redirect = outcome.redirect_uri
        self.redirect_label.setVisible(bool(redirect))
        self.redirect_button.setVisible(bool(redirect))
        if redirect:
            self.redirect_label.setText(fmt(self.tr("The verifier asks you to continue at %1"), redirect))
        self.pages.setCurrentWidget(self.result_page)
        self.presented.emit(outcome.record_id)

    def open_redirect(self) -> None:
        """Only on the user's click, and only the https address that was shown."""
        if self.outcome is not None and self.outcome.redirect_uri:
            QDesktopServices.openUrl(QUrl(self.outcome.redirect_uri))
