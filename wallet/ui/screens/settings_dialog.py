"""Settings: languages, auto-lock, share expiry, the trust store, and going online (``online_settings``).

The UI language is an application preference (it must work before any vault
is open); everything else lives in the vault, encrypted. Trust changes apply
at once (each is its own small mutation) and lead to re-verification only
when the user asks for it, so the stored reports keep saying "as of" when
they were made.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from wallet.ui.widgets import COMMON_LANGUAGES, describe, describe_buttons, fill_expiry, fill_languages, reading_view


class SettingsDialog(QDialog):
    """Edits :class:`wallet.app.settings.Preferences` and the trust store."""

    uiLanguageChanged = Signal(str)

    def __init__(self, session: Session, prefs: Preferences, ui_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.setWindowTitle(self.tr("Settings"))
        self.ui_language = QComboBox()
        describe(self.ui_language, self.tr("Language of the application"),
                 self.tr("The language of menus and messages; it changes at once"))
        self.ui_language.addItem(self.tr("As the system"), "")
        for code, name in UI_LANGUAGES:
            self.ui_language.addItem(name, code)
        chosen = str(QSettings().value(SETTINGS_UI_LANGUAGE, "") or "")
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(chosen)))
        self._initial_ui = chosen
        self._active_ui = ui_language
        current = list(prefs.credential_languages) + ["", ""]
        offered = list(dict.fromkeys([*prefs.credential_languages, *COMMON_LANGUAGES]))
        self.first_lang = QComboBox()
        describe(self.first_lang, self.tr("First language of credential text"),
                 self.tr("Credentials are shown in this language when they have it"))
        fill_languages(self.first_lang, offered, current[0] or "en")
        self.second_lang = QComboBox()
        describe(self.second_lang, self.tr("Second language of credential text"),
                 self.tr("Used when a credential does not have the first language"))
        fill_languages(self.second_lang, offered, current[1], none_text=self.tr("(none)"))
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 240)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setSpecialValueText(self.tr("never"))
        self.autolock.setValue(prefs.autolock_minutes)
        describe(self.autolock, self.tr("Lock after minutes without use"),
                 self.tr("The wallet locks itself after this many minutes without keyboard or mouse use"))
        self.expires = QComboBox()
        describe(self.expires, self.tr("Default expiry of shared bundles"),
                 self.tr("How long a recipient can accept a bundle you share"))
        fill_expiry(self.expires, prefs.share_expires)
        self.error = QLabel()
        self.error.setWordWrap(True)
        general = QWidget()
        form = QFormLayout(general)
        form.setContentsMargins(12, 12, 12, 12)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Application &language:"), self.ui_language)
        form.addRow(self.tr("&Credential text in:"), self.first_lang)
        form.addRow(self.tr("&Otherwise in:"), self.second_lang)
        form.addRow(self.tr("&Lock after:"), self.autolock)
        form.addRow(self.tr("Shared bundles &expire after:"), self.expires)
        form.addRow(self.error)

        self.issuers_model = TrustModel(self.tr("Identifier (DID or URL)"), self)
        self.issuers_model.set_rows(prefs.trusted_issuers)
        self.issuers = self._table(self.issuers_model, self.tr("Trusted issuers"))
        add_issuer = QPushButton(self.tr("&Add issuer…"))
        add_issuer.clicked.connect(self.add_issuer)
        describe(add_issuer, self.tr("Add issuer"), self.tr("Trust an issuer by its identifier or web address"))
        remove_issuer = QPushButton(self.tr("&Remove issuer"))
        remove_issuer.clicked.connect(self.remove_issuer)
        describe(remove_issuer, self.tr("Remove issuer"), self.tr("Stop trusting the selected issuer"))
        issuers_page = self._page(self.tr("Credentials from these issuers are marked as from someone you trust."),
                                  self.issuers, add_issuer, remove_issuer)

        self.anchors_model = TrustModel(self.tr("SHA-256"), self)
        self.anchors_model.set_rows(prefs.trust_anchors)
        self.anchors = self._table(self.anchors_model, self.tr("Trust anchors"))
        add_anchor = QPushButton(self.tr("Add &certificate…"))
        add_anchor.clicked.connect(self.add_anchor)
        describe(add_anchor, self.tr("Add certificate"), self.tr("Trust a root certificate for sealed EU credentials"))
        remove_anchor = QPushButton(self.tr("Re&move certificate"))
        remove_anchor.clicked.connect(self.remove_anchor)
        describe(remove_anchor, self.tr("Remove certificate"), self.tr("Stop trusting the selected certificate"))
        anchors_page = self._page(self.tr("Root certificates trusted for sealed European Digital Credentials."),
                                  self.anchors, add_anchor, remove_anchor)

        self.info = reading_view(self.tr("About this wallet file"),
                                 self.tr("Where the wallet is, how it is protected, what it holds"))
        self.info.setHtml(self._info_html())
        info_page = QWidget()
        info_layout = QVBoxLayout(info_page)
        info_layout.setContentsMargins(12, 12, 12, 12)
        info_layout.addWidget(self.info)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(issuers_page, self.tr("Trusted &issuers"))
        self.tabs.addTab(anchors_page, self.tr("Trust &anchors"))
        self.tabs.addTab(info_page, self.tr("&Wallet"))
        self.online = OnlinePage(session, self)
        self.tabs.addTab(self.online, self.tr("&Online"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        describe_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(680, 480)

    @staticmethod
    def _table(model: TrustModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        describe(table, name, name)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, table.fontMetrics().horizontalAdvance("m") * 16)  # names read whole; ids are technical
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    @staticmethod
    def _page(text: str, table: QTableView, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
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

    def _info_html(self) -> str:
        from html import escape

        info = self.prefs.info
        kdf = info.get("kdf", {})
        rows = [
            (self.tr("Wallet file"), str(info.get("path", self.session.path))),
            (self.tr("Credentials"), str(info.get("credential_count", "?"))),
            (self.tr("Protection"), fmt(self.tr("encrypted with a key from your passphrase (Argon2id, %1 MiB, "
                                                "%2 passes)"), int(kdf.get("memory_kib", 0) or 0) // 1024,
                                        kdf.get("iterations", "?"))),
            (self.tr("Your wallet's identifier (technical)"), self.prefs.holder_did),
            (self.tr("Storage version"), str(info.get("schema_version", "?"))),
        ]
        cells = "".join(f"<tr><th align='left' valign='top' style='padding:3px 12px 3px 0'>{escape(k)}</th>"
                        f"<td valign='top'>{escape(v)}</td></tr>" for k, v in rows)
        return f"<table cellspacing='0'>{cells}</table>"

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
        first, second = str(self.first_lang.currentData() or "en"), str(self.second_lang.currentData() or "")
        langs = [first] + ([second] if second and second != first else [])
        minutes, expires = self.autolock.value(), str(self.expires.currentData() or "30d")
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
