"""Settings: languages, auto-lock, share expiry, the trust store, and going online (``online_settings``).

The UI language is an application preference (it must work before any vault
is open); everything else lives in the vault, encrypted. Trust changes apply
at once (each is its own small mutation) and lead to re-verification only
when the user asks for it, so the stored reports keep saying "as of" when
they were made.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wallet.app import settings, trust
from wallet.app.settings import Preferences
from wallet.ui import dialogs
from wallet.ui.i18n import SETTINGS_UI_LANGUAGE, UI_LANGUAGES, fmt
from wallet.ui.models.trust import TrustModel
from wallet.ui.screens import online_settings
from wallet.ui.screens.online_settings import OnlinePage
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import TaskError


class SettingsDialog(QDialog):
    """Edits :class:`wallet.app.settings.Preferences` and the trust store."""

    uiLanguageChanged = Signal(str)

    def __init__(self, session: Session, prefs: Preferences, ui_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.setWindowTitle(self.tr("Settings"))
        self.ui_language = QComboBox()
        self.ui_language.setAccessibleName(self.tr("Language of the application"))
        self.ui_language.addItem(self.tr("As the system"), "")
        for code, name in UI_LANGUAGES:
            self.ui_language.addItem(name, code)
        chosen = str(QSettings().value(SETTINGS_UI_LANGUAGE, "") or "")
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(chosen)))
        self._initial_ui = chosen
        self._active_ui = ui_language
        self.cred_langs = QLineEdit(", ".join(prefs.credential_languages))
        self.cred_langs.setAccessibleName(self.tr("Preferred languages of credential text"))
        self.cred_langs.setToolTip(self.tr("Language codes in order of preference, e.g. sl, en"))
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 240)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setSpecialValueText(self.tr("never"))
        self.autolock.setValue(prefs.autolock_minutes)
        self.autolock.setAccessibleName(self.tr("Lock after minutes without use"))
        self.expires = QLineEdit(prefs.share_expires)
        self.expires.setAccessibleName(self.tr("Default expiry of shared bundles"))
        self.expires.setToolTip(self.tr("30d, 12h, 2w … at most 365d"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("Application &language:"), self.ui_language)
        form.addRow(self.tr("&Credential languages:"), self.cred_langs)
        form.addRow(self.tr("&Lock after:"), self.autolock)
        form.addRow(self.tr("Shared bundles &expire after:"), self.expires)
        form.addRow(self.error)

        self.issuers_model = TrustModel(self.tr("Identifier (DID or URL)"), self)
        self.issuers_model.set_rows(prefs.trusted_issuers)
        self.issuers = self._table(self.issuers_model, self.tr("Trusted issuers"))
        add_issuer = QPushButton(self.tr("&Add issuer…"))
        add_issuer.clicked.connect(self.add_issuer)
        remove_issuer = QPushButton(self.tr("&Remove issuer"))
        remove_issuer.clicked.connect(self.remove_issuer)
        issuers_page = self._page(self.tr("Credentials from these issuers are marked as from someone you trust."),
                                  self.issuers, add_issuer, remove_issuer)

        self.anchors_model = TrustModel(self.tr("SHA-256"), self)
        self.anchors_model.set_rows(prefs.trust_anchors)
        self.anchors = self._table(self.anchors_model, self.tr("Trust anchors"))
        add_anchor = QPushButton(self.tr("Add &certificate…"))
        add_anchor.clicked.connect(self.add_anchor)
        remove_anchor = QPushButton(self.tr("Re&move certificate"))
        remove_anchor.clicked.connect(self.remove_anchor)
        anchors_page = self._page(self.tr("Root certificates trusted for sealed European Digital Credentials."),
                                  self.anchors, add_anchor, remove_anchor)

        info = QLabel(self._info_text())
        info.setWordWrap(True)
        from PySide6.QtCore import Qt

        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(issuers_page, self.tr("Trusted &issuers"))
        self.tabs.addTab(anchors_page, self.tr("Trust &anchors"))
        self.tabs.addTab(info, self.tr("&Wallet"))
        self.online = OnlinePage(session, self)
        self.tabs.addTab(self.online, self.tr("&Online"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 460)

    @staticmethod
    def _table(model: TrustModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    @staticmethod
    def _page(text: str, table: QTableView, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _info_text(self) -> str:
        info = self.prefs.info
        kdf = info.get("kdf", {})
        return "\n".join([
            fmt(self.tr("File: %1"), info.get("path", self.session.path)),
            fmt(self.tr("Holder: %1"), self.prefs.holder_did),
            fmt(self.tr("Credentials: %1"), info.get("credential_count", "?")),
            fmt(self.tr("Key derivation: Argon2id, %1 KiB, %2 passes, %3 lanes"), kdf.get("memory_kib", "?"),
                kdf.get("iterations", "?"), kdf.get("lanes", "?")),
            fmt(self.tr("Schema version: %1"), info.get("schema_version", "?")),
        ])

    # -- trust store (applies at once) ------------------------------------------------------
    def _trust(self, fn: Any) -> None:
        def done(prefs: Preferences) -> None:
            self.prefs = prefs
            self.issuers_model.set_rows(prefs.trusted_issuers)
            self.anchors_model.set_rows(prefs.trust_anchors)
            self.status.setText(self.tr("Saved. Use Edit ▸ Verify again to update the reports."))

        def failed(error: TaskError) -> None:
            self.status.setText(error.message)

        def work(vault: Any, _task: Any) -> Preferences:
            fn(vault)
            return settings.load_preferences(vault)

        self.session.mutate(work, Changes(trust=True), owner=self, on_success=done, on_failure=failed)

    def add_issuer(self) -> None:
        ident = dialogs.get_text(self, self.tr("Trust an issuer"), self.tr("The issuer's DID or web address:"))
        if not ident or not ident.strip():
            return
        label = dialogs.get_text(self, self.tr("Trust an issuer"), self.tr("A name for this issuer:")) or ident
        self._trust(lambda v: trust.add_issuer(v, ident, label))

    def remove_issuer(self) -> None:
        index = self.issuers.currentIndex()
        if index.isValid():
            ident = self.issuers_model.ident_at(index.row())
            self._trust(lambda v: trust.remove_issuer(v, ident))

    def add_anchor(self) -> None:
        path = dialogs.open_file(self, self.tr("Choose a root certificate"),
                                 self.tr("Certificates (*.cer *.crt *.der *.pem);;All files (*)"))
        if not path:
            return
        label = dialogs.get_text(self, self.tr("Trust a certificate"), self.tr("A name for this certificate:")) or ""
        self._trust(lambda v: trust.add_anchor_file(v, path, label or None))

    def remove_anchor(self) -> None:
        index = self.anchors.currentIndex()
        if index.isValid():
            sha = self.anchors_model.ident_at(index.row())
            self._trust(lambda v: trust.remove_anchor(v, sha))

    # -- general -------------------------------------------------------------------------
    def save(self) -> None:
        langs = [x.strip() for x in self.cred_langs.text().replace(";", ",").split(",") if x.strip()] or ["en"]
        minutes, expires = self.autolock.value(), self.expires.text().strip()
        ui = str(self.ui_language.currentData() or "")
        policy, offline = self.online.values()
        loaded = self.online.loaded

        def done(_result: Any) -> None:
            if ui != self._initial_ui:
                QSettings().setValue(SETTINGS_UI_LANGUAGE, ui)
                from wallet.ui.i18n import preferred_ui_language

                self.uiLanguageChanged.emit(preferred_ui_language())
            self.accept()

        def failed(error: TaskError) -> None:
            self.error.setText(error.message)
            self.tabs.setCurrentIndex(0)

        def work(vault: Any, _task: Any) -> None:
            settings.save_preferences(vault, langs, minutes, expires)
            if loaded:  # never overwrite the online settings with a page that has not shown them yet
                online_settings.save(vault, policy, offline)

        self.session.mutate(work, Changes(settings=True), owner=self, on_success=done, on_failure=failed)
