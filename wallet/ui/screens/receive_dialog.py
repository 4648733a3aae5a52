"""Receive credentials from an issuer: the offer, the consent screen, the transaction code, progress, result.

The use cases are the core's (:mod:`wallet.app.receive`, :mod:`wallet.app.receive_flow`); this dialog
only shows them. Pages, in order:

* **source** (when opened from the menu): paste the offer link, or open a QR image or a file;
* **consent**: who offers what (names, colours and logo in the user's language, from the
  issuer's metadata), the key each credential will be bound to, what will be sent, and the
  transaction code field when the offer has one (its description and input mode); Accept or
  Decline. Declining stores nothing;
* **progress**: the steps as the issuance runs (the system browser opens for signing in);
  Cancel stops it, and nothing is stored;
* **result**: what happened to each credential.

A wrong transaction code brings the consent page back with the reason and the field selected:
nothing was used up. Work runs on the vault thread (it needs the vault's keys and stores there);
the window stays responsive.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wallet.ui.i18n import fmt, say
from wallet.ui.images import image_from_data_url
from wallet.ui.screens.link_flow import LinkFlowDialog
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import TaskError
from wallet.ui.widgets import describe


class _Relay(QObject):
    """Carries progress messages from the vault thread to the GUI thread (a queued signal)."""

    step = Signal(object)


def looks_like_offer(text: str) -> bool:
    """An OpenID4VCI offer link (or an https link carrying one), as pasted, dropped or scanned."""
    value = text.strip().lower()
    return value.startswith("openid-credential-offer:") or (
        value.startswith("https://") and ("credential_offer=" in value or "credential_offer_uri=" in value))


class ReceiveDialog(LinkFlowDialog):
    """See the module docstring. ``received`` carries the ids of the credentials stored."""

    received = Signal(list)

    def __init__(self, session: Session, source: Any = None, parent: QWidget | None = None, *,
                 client: Any = None, browser: Any = None, langs: tuple[str, ...] | None = None) -> None:
        super().__init__(session, parent, client=client, langs=langs,
                         title=self.tr("Receive credentials from an issuer"))
        self.browser = browser
        self.relay = _Relay(self)
        self.relay.step.connect(self._step)
        self.pending_button = QPushButton(self.tr("Collect &waiting credentials"))
        self.pending_button.setToolTip(self.tr("Ask the issuers again for credentials they were still preparing"))
        describe(self.pending_button, self.tr("Collect waiting credentials"), self.pending_button.toolTip())
        self.pending_button.clicked.connect(self.collect_pending)
        self.pending_button.hide()
        self.offer_edit = self._build_source_page(
            intro=self.tr("Paste the offer link the issuer gave you (or open the QR code it showed). "
                          "You will see who offers what before anything is stored."),
            edit=(self.tr("Offer link"), self.tr("The offer link or text the issuer gave you")),
            placeholder="openid-credential-offer://…",
            open_button=(self.tr("Open a &QR image or file…"), self.tr("Open a QR image or file"),
                         self.tr("Read the offer from a QR code image or a file")),
            continue_description=self.tr("Read the offer and show what it contains"),
            extra=(self.pending_button,))
        self._build_consent()
        cancel = QPushButton(self.tr("Cancel"))
        describe(cancel, self.tr("Cancel"), self.tr("Stop receiving: nothing more is stored"))
        cancel.clicked.connect(self.cancel)
        self._build_progress_page(self.tr("Receiving"), cancel)
        self._build_result_page()
        if source is not None:
            self.start(source)
        else:
            self.pages.setCurrentWidget(self.source_page)
            from wallet.app.receive_state import pending_count

            self.session.call(lambda v, _t: pending_count(v), owner=self,
                              on_success=lambda n: self.pending_button.setVisible(n > 0))

    # -- pages ---------------------------------------------------------------------
    def _build_consent(self) -> None:
        self.consent_page = QWidget()
        self.logo = QLabel()
        self.logo.setFixedSize(64, 64)
        self.issuer_label = QLabel()
        font = self.issuer_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.issuer_label.setFont(font)
        self.issuer_label.setWordWrap(True)
        self.issuer_note = QLabel()
        self.issuer_note.setWordWrap(True)
        head_text = QVBoxLayout()
        head_text.addWidget(self.issuer_label)
        head_text.addWidget(self.issuer_note)
        head = QHBoxLayout()
        head.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)
        self.cards = QVBoxLayout()
        cards_widget = QWidget()
        cards_widget.setLayout(self.cards)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(cards_widget)
        scroll.setAccessibleName(self.tr("Credentials offered"))
        self.tx_label = QLabel()
        self.tx_label.setWordWrap(True)
        self.tx_edit = QLineEdit()
        describe(self.tx_edit, self.tr("Transaction code"), self.tr("The code the issuer sent you separately"))
        self.tx_error = QLabel()
        self.tx_error.setWordWrap(True)
        self.tx_error.setStyleSheet("color: #b00020")
        self.sends = QLabel()
        self.sends.setWordWrap(True)
        self.sends.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(self.tr("&Accept and store"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.decline_button = buttons.addButton(self.tr("&Decline"), QDialogButtonBox.ButtonRole.RejectRole)
        describe(self.accept_button, self.tr("Accept and store"), self.tr("Store the offered credentials in your wallet"))
        describe(self.decline_button, self.tr("Decline"), self.tr("Refuse the offer: nothing is stored"))
        self.accept_button.clicked.connect(self.accept_offer)
        self.decline_button.clicked.connect(self.decline)
        layout = QVBoxLayout(self.consent_page)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.tx_label)
        layout.addWidget(self.tx_edit)
        layout.addWidget(self.tx_error)
        what = QLabel(self.tr("What happens if you accept:"))
        what.setStyleSheet("font-weight: bold")
        layout.addWidget(what)
        layout.addWidget(self.sends)
        layout.addWidget(buttons)
        self.pages.addWidget(self.consent_page)

    # -- the source ------------------------------------------------------------------
    def _file_dialog_words(self) -> tuple[str, str]:
        return (self.tr("Open an offer (QR image or file)"),
                self.tr("Offers (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt *.json);;All files (*)"))

    def start(self, source: Any) -> None:
        """Read the offer and the issuer's metadata (network, on the vault thread), then show consent."""
        if isinstance(source, str) and not source.strip():
            return
        from wallet.app.receive import inspect

        self._step_text(self.tr("Reading the offer and asking the issuer who it is…"))
        self.pages.setCurrentWidget(self.progress_page)
        client, langs = self.client, self.langs
        self.task = self.session.call(lambda v, _t: inspect(source, client=client, vault=v, langs=langs), owner=self,
                                      on_success=self.show_consent, on_failure=self._source_failed)

    def collect_pending(self) -> None:
        """Ask the issuers again for the deferred credentials kept in the vault."""
        from wallet.app.receive_state import retry_pending

        client, relay = self.client, self.relay
        self._step_text(self.tr("Asking the issuers again…"))
        self.pages.setCurrentWidget(self.progress_page)
        self.task = self.session.mutate(lambda v, _t: retry_pending(v, client, progress=relay.step.emit, max_wait=10),
                                        Changes(credentials=True), owner=self, on_success=self._done,
                                        on_failure=self._accept_failed)

    def _source_failed(self, error: TaskError) -> None:
        self.task = None
        self.source_error.setText(self._error_text(error))
        self.pages.setCurrentWidget(self.source_page)

    # -- consent -----------------------------------------------------------------------
    def show_consent(self, summary: Any) -> None:
        from wallet.app.receive import key_message
        from wallet.messages import msg

        self.task = None
        self.summary = summary
        self.issuer_label.setText(fmt(self.tr("%1 offers you:"), summary.issuer_name))
        notes = [say(msg("receive.unverified_issuer", host=summary.host))]
        if summary.metadata.signed_by:
            notes.append(say(msg("receive.signed_by", subject=summary.metadata.signed_by)))
        self.issuer_note.setText("\n".join(notes))
        image = image_from_data_url(summary.issuer_logo, 128)
        self.logo.setPixmap(QPixmap.fromImage(image).scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio)
                            if image is not None else QPixmap())
        while self.cards.count():
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for offered in summary.credentials:
            self.cards.addWidget(self._card(offered, key_message))
        self.cards.addStretch(1)
        tx = summary.tx_code
        self.tx_label.setVisible(tx is not None)
        self.tx_edit.setVisible(tx is not None)
        self.tx_error.clear()
        if tx is not None:
            shape = self.tr("digits") if tx.input_mode == "numeric" else self.tr("letters and digits")
            text = fmt(self.tr("Transaction code (%1):"), shape)
            if tx.length:
                text = fmt(self.tr("Transaction code (%1, %2 characters):"), shape, tx.length)
            self.tx_label.setText(text + ("\n" + tx.description if tx.description else ""))
            pattern = r"[0-9]*" if tx.input_mode == "numeric" else r"\S*"
            self.tx_edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.tx_edit))
            self.tx_edit.setMaxLength(tx.length or 64)
        self.sends.setText("\n".join("• " + say(m) for m in summary.sends))
        self.accept_button.setEnabled(any(c.receivable for c in summary.credentials))
        self.pages.setCurrentWidget(self.consent_page)
        (self.tx_edit if tx is not None else self.accept_button).setFocus()

    def _card(self, offered: Any, key_message: Any) -> QFrame:
        from wallet.messages import msg

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setObjectName("offeredCredential")
        if offered.background_color:  # checked by the core: #rgb or #rrggbb only
            text = offered.text_color or "#000000"
            card.setStyleSheet(f"QFrame#offeredCredential {{ background: {offered.background_color}; }} "
                               f"QFrame#offeredCredential QLabel {{ color: {text}; }}")
        layout = QVBoxLayout(card)
        name = QLabel(offered.name)
        name.setStyleSheet("font-weight: bold")
        name.setWordWrap(True)
        layout.addWidget(name)
        if offered.description:
            description = QLabel(offered.description)
            description.setWordWrap(True)
            layout.addWidget(description)
        if offered.receivable:
            line = say(msg("receive.bound_to", key=key_message(offered.key)))
        else:
            line = say(offered.problem)
        detail = QLabel(f"{offered.format} — {line}")
        detail.setWordWrap(True)
        layout.addWidget(detail)
        return card

    def decline(self) -> None:
        """Nothing was stored, no key was made: closing is all there is to it."""
        self.reject()

    def accept_offer(self) -> None:
        summary = self.summary
        if summary is None or self.task is not None:
            return
        code = self.tx_edit.text().strip() if summary.tx_code is not None else None
        if summary.tx_code is not None and not summary.tx_code.accepts(code or ""):
            self.tx_error.setText(self.tr("The code does not have the form the issuer described."))
            self.tx_edit.setFocus()
            self.tx_edit.selectAll()
            return
        from wallet.app.receive_flow import accept, system_browser

        client, browser, relay = self.client, self.browser or system_browser, self.relay
        self._step_text(self.tr("Starting…"))
        self.pages.setCurrentWidget(self.progress_page)
        self.task = self.session.mutate(
            lambda v, t: accept(summary, vault=v, client=client, tx_code=code, browser=browser,
                                progress=relay.step.emit, cancelled=t.is_cancelled),
            Changes(credentials=True), owner=self, on_success=self._done, on_failure=self._accept_failed)

    def _step(self, message: Any) -> None:
        self._step_text(say(message))

    def _step_text(self, text: str) -> None:
        self.step_label.setText(text)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self._step_text(self.tr("Cancelling…"))
        else:
            self.reject()

    def _accept_failed(self, error: TaskError) -> None:
        from wallet.app.receive_flow import TxCodeRejected

        self.task = None
        if isinstance(error.exception, TxCodeRejected):
            self.tx_error.setText(self._error_text(error))
            self.pages.setCurrentWidget(self.consent_page)
            self.tx_edit.setFocus()
            self.tx_edit.selectAll()
            return
        self.result_label.setText(self._error_text(error) + "\n\n" + self.tr("Nothing was stored."))
        self.pages.setCurrentWidget(self.result_page)

    def _done(self, result: Any) -> None:
        from wallet.messages import msg

        self.task = None
        labels = {"stored": self.tr("Stored"), "duplicate": self.tr("Already in the wallet"),
                  "refused": self.tr("Refused"), "pending": self.tr("Waiting for the issuer"),
                  "failed": self.tr("Not received"), "skipped": self.tr("Cannot be received")}
        lines = [say(msg("receive.summary_stored", count=len(result.stored))), ""]
        for item in result.items:
            lines.append(f"{labels[item.outcome.value]}: {item.title or item.name}")
            lines.append(f"    {say(item.message)}")
        for note in result.notes:
            lines.append("• " + say(note))
        self.result_label.setText("\n".join(lines))
        self.pages.setCurrentWidget(self.result_page)
        self.received.emit([i.credential_id for i in result.stored if i.credential_id])
