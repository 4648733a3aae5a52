"""The main window: the unlock screen, then the wallet's pages, menus and shortcuts.

Every action has a menu entry and a keyboard shortcut; pages are tabs
(Ctrl+Tab / Alt+letter). The window rebuilds its widgets when the UI
language changes, so every label is translated without a restart.
Locking (on demand or after idle time) closes the vault and clears every
model, so no credential stays on screen or in the window's memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from wallet.app.settings import Preferences, load_preferences
from wallet.messages import msg
from wallet.ui import dialogs
from wallet.ui.autolock import IdleLock
from wallet.ui.i18n import Translations, fmt, say, ui_language
from wallet.ui.icons import icon
from wallet.ui.screens import online_actions, vault_actions
from wallet.ui.screens.help_dialog import ABOUT, DATA, GUIDE, KEYS
from wallet.ui.screens.unlock import UnlockScreen
from wallet.ui.session import Changes, Session

if TYPE_CHECKING:  # the pages and dialogs load when first needed (see MainWindow._build_pages)
    from wallet.ui.screens.credentials_page import CredentialsPage
    from wallet.ui.screens.import_dialog import ImportDialog
    from wallet.ui.screens.present_dialog import PresentDialog
    from wallet.ui.screens.presentations_dialog import PresentationsDialog
    from wallet.ui.screens.receive_dialog import ReceiveDialog
    from wallet.ui.screens.received_page import ReceivedPage
    from wallet.ui.screens.share_page import SharePage
    from wallet.ui.screens.targets_page import TargetsPage

#: The smallest window every screen is laid out for (tests and screenshots check it).
MIN_WIDTH, MIN_HEIGHT = 800, 560
#: The target filter's titles are asked for this long after the list arrived (the list paints first).
TITLES_AFTER_MS = 300


class MainWindow(QMainWindow):
    """Owns the session's screens; see the module docstring."""

    def __init__(self, session: Session, translations: Translations | None = None) -> None:
        super().__init__()
        self.session = session
        self.translations = translations or Translations()
        self.prefs = Preferences()
        self.idle = IdleLock(self)
        self.idle.idle.connect(self.lock)
        self.pending_uris: list[str] = []  # links opened while locked, handled after unlocking
        self.setAcceptDrops(True)
        self.setWindowIcon(icon("wallet"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.resize(1100, 720)
        session.unlocked.connect(self._unlocked)
        session.locked.connect(self._locked)
        session.changed.connect(self._changed)
        session.runner.failed.connect(self._show_failure)
        session.runner.busyChanged.connect(self._busy)
        self.scheduler = online_actions.EvidenceScheduler(self)
        self._build()

    # -- building (again on language change) ----------------------------------------
    def _build(self) -> None:
        """The unlock screen, the (empty) tabs, menus and status bar; the pages come later.

        The wallet's pages (credentials, targets, share, check received) and
        the modules behind them are not needed to show the unlock screen, so
        they are built by :meth:`_build_pages` once the unlock screen has been
        painted (while the user types the passphrase), or earlier when
        something asks for a page.
        """
        self.setWindowTitle(self.tr("Learner wallet"))
        self._pages_built = False
        self.unlock_screen = UnlockScreen(self.session)
        self.unlock_screen.restoreRequested.connect(lambda: vault_actions.restore(self))
        self.unlock_screen.demoRequested.connect(lambda: vault_actions.open_demo(self))
        self.unlock_screen.checkRequested.connect(self.check_without_wallet)
        self.unlock_screen.installEventFilter(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Screens of the wallet"))
        self.tabs.setAccessibleDescription(self.tr("Credentials, targets, sharing and checking what you received"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_screen)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        for old in (getattr(self, "status_label", None), getattr(self, "busy_label", None)):
            if old is not None:  # a rebuild: drop the old permanent widgets
                self.statusBar().removeWidget(old)
                old.deleteLater()
        self.status_label = QLabel()
        self.busy_label = QLabel(self.tr("Working…"))
        self.busy_label.setVisible(self.session.runner.busy)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_menus()
        self._show_state()

    def _build_pages(self) -> None:
        """The wallet's pages in their tabs (once per build; see :meth:`_build`)."""
        if self._pages_built:
            return
        self._pages_built = True
        from wallet.ui.screens.credentials_page import CredentialsPage
        from wallet.ui.screens.received_page import ReceivedPage
        from wallet.ui.screens.share_page import SharePage
        from wallet.ui.screens.targets_page import TargetsPage

        self._credentials = CredentialsPage(self.session)
        self._targets = TargetsPage(self.session)
        self._share = SharePage(self.session)
        self._received = ReceivedPage(self.session)
        self._targets.targetsLoaded.connect(self._credentials.set_targets)
        self._credentials.selectionChanged.connect(self._share.preselect)
        self._credentials.rowsLoaded.connect(self._share.set_rows)
        self._credentials.rowsLoaded.connect(self._targets.set_rows)
        self._credentials.rowsLoaded.connect(self._rows_loaded)
        self._credentials.detail.reverifyRequested.connect(lambda ident: self.reverify([ident]))
        self.tabs.addTab(self._credentials, icon("credential"), self.tr("&Credentials"))
        self.tabs.addTab(self._targets, icon("target"), self.tr("&Targets"))
        self.tabs.addTab(self._share, icon("share"), self.tr("&Share"))
        self.tabs.addTab(self._received, icon("verify"), self.tr("C&heck received"))
        self.tabs.currentChanged.connect(self._tab_changed)

    @property
    def credentials(self) -> CredentialsPage:
        self._build_pages()
        return self._credentials

    @property
    def targets(self) -> TargetsPage:
        self._build_pages()
        return self._targets

    @property
    def share(self) -> SharePage:
        self._build_pages()
        return self._share

    @property
    def received(self) -> ReceivedPage:
        self._build_pages()
        return self._received

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """After the unlock screen's first paint, build the pages in the next idle moment."""
        if watched is self.unlock_screen and event.type() == QEvent.Type.Paint and not self._pages_built:
            QTimer.singleShot(0, self, self._build_pages)  # with self as context: dropped if the window goes
        return False

    def _action(self, text: str, slot: Any, shortcut: Any = None, icon_name: str | None = None,
                needs_vault: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        action.setProperty("needsVault", needs_vault)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        for old in self.actions():  # after a rebuild: no duplicate shortcuts
            self.removeAction(old)
            old.deleteLater()
        menu = self.menuBar()
        menu.clear()
        K = QKeySequence.StandardKey
        file_menu = menu.addMenu(self.tr("&File"))
        self.import_action = self._action(self.tr("&Import files…"), self.import_files, K.Open, "import")
        self.paste_action = self._action(self.tr("&Paste credential or link…"), self.paste, "Ctrl+Shift+V", "paste")
        self.qr_action = self._action(self.tr("Import from a &QR image…"), self.import_qr, "Ctrl+Shift+O", "qr")
        self.receive_action = self._action(self.tr("Recei&ve from an issuer…"), lambda: self.receive(),
                                           "Ctrl+Shift+I", "import")
        self.present_action = self._action(self.tr("Pr&esent to a verifier…"), lambda: self.present(),
                                           "Ctrl+Shift+Y", "share")
        self.presentations_action = self._action(self.tr("Presented to &verifiers…"), self.presentations,
                                                 None, "share")
        self.backup_action = self._action(self.tr("&Back up wallet…"), lambda: vault_actions.backup(self),
                                          "Ctrl+Shift+B", "backup")
        self.restore_action = self._action(self.tr("&Restore from backup…"), lambda: vault_actions.restore(self),
                                           None, "restore", needs_vault=False)
        self.lock_action = self._action(self.tr("&Lock"), self.lock, "Ctrl+L", "lock")
        self.quit_action = self._action(self.tr("&Quit"), self.close, K.Quit, needs_vault=False)
        for action in (self.import_action, self.paste_action, self.qr_action, self.receive_action,
                       self.present_action, self.presentations_action, None, self.backup_action,
                       self.restore_action, None, self.lock_action, self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        self.find_action = self._action(self.tr("&Find"), self.focus_search, K.Find, "search")
        self.remove_action = self._action(self.tr("&Remove credential…"), self.remove_selected, K.Delete, "remove")
        self.reverify_action = self._action(self.tr("&Verify again"), lambda: self.reverify(), "F5", "verify")
        self.refresh_action = self._action(self.tr("Refresh &evidence"), self.refresh_evidence, "Ctrl+Shift+R",
                                           "verify")
        self.refresh_action.setToolTip(self.tr("Fetch what the credentials need from their issuers, then check "
                                               "them again"))
        self.settings_action = self._action(self.tr("&Settings…"), lambda: vault_actions.settings(self),
                                            "Ctrl+,", "settings")
        self.passphrase_action = self._action(self.tr("Change &passphrase…"),
                                              lambda: vault_actions.change_passphrase(self), None, "key")
        for action in (self.find_action, self.remove_action, self.reverify_action, self.refresh_action, None,
                       self.settings_action,
                       self.passphrase_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = menu.addMenu(self.tr("&View"))
        self.list_action = self._action(self.tr("As a &list"), lambda: self.credentials.set_card_mode(False),
                                        "Ctrl+1", "list")
        self.cards_action = self._action(self.tr("As &cards"), lambda: self.credentials.set_card_mode(True),
                                         "Ctrl+2", "cards")
        view_menu.addAction(self.list_action)
        view_menu.addAction(self.cards_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        self.help_action = self._action(self.tr("&Guide"), lambda: self.show_help(GUIDE), K.HelpContents, "help",
                                        needs_vault=False)
        self.keys_action = self._action(self.tr("&Keyboard shortcuts"), lambda: self.show_help(KEYS),
                                        needs_vault=False)
        self.data_action = self._action(self.tr("Where your &data lives"), lambda: self.show_help(DATA),
                                        needs_vault=False)
        self.about_action = self._action(self.tr("&About"), self.about, needs_vault=False)
        for action in (self.help_action, self.keys_action, self.data_action, None, self.about_action):
            help_menu.addSeparator() if action is None else help_menu.addAction(action)
        toolbar = getattr(self, "toolbar", None)
        if toolbar is not None:
            self.removeToolBar(toolbar)
        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.import_action, self.paste_action, self.qr_action, self.receive_action,
                       self.refresh_action, self.lock_action):
            self.toolbar.addAction(action)

    def rebuild(self) -> None:
        """Recreate every widget (after a UI language change), keeping the session."""
        old = self.stack
        self._build()
        old.deleteLater()
        if self.session.is_open:
            self._load_all()

    # -- state -------------------------------------------------------------------
    def _show_state(self) -> None:
        unlocked = self.session.is_open
        self.stack.setCurrentIndex(1 if unlocked else 0)
        for action in self.actions():
            if action.property("needsVault"):
                action.setEnabled(unlocked)
        from wallet.ui.inputs import qr_available

        self.qr_action.setEnabled(unlocked and qr_available())
        self.toolbar.setVisible(unlocked)
        if unlocked:
            self.status_label.setText(fmt(self.tr("Wallet: %1"), self.session.path))
            self.credentials.search.setFocus()
        else:
            self.status_label.setText(self.tr("Locked"))
            self.unlock_screen.show_default()

    def _unlocked(self) -> None:
        self._show_state()
        self._load_all()
        self.scheduler.start()
        pending, self.pending_uris = self.pending_uris, []
        for uri in pending:
            self.handle_uri(uri)

    def _load_all(self) -> None:
        """The list first; stacking progress only when the Targets page is shown (it is real work)."""
        self.credentials.reload()
        self.targets.invalidate()
        self.session.call(lambda v, _t: load_preferences(v), owner=self, on_success=self._preferences)
        self._titles_pending = True

    def _rows_loaded(self, _rows: list[Any]) -> None:
        """After the first list of an unlock: the target filter's titles, once the list has been painted."""
        if getattr(self, "_titles_pending", False):
            self._titles_pending = False
            QTimer.singleShot(TITLES_AFTER_MS, self, self._load_target_titles)

    def _load_target_titles(self) -> None:
        if self.session.is_open and self._pages_built:
            self._targets.load_titles()

    def _preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self.idle.set_minutes(prefs.autolock_minutes)
        self.share.set_default_expiry(prefs.share_expires)

    def _locked(self) -> None:
        self.idle.stop()
        self.scheduler.stop()
        for dialog in self.findChildren(QDialog):  # nothing from the wallet stays open when locked
            if dialog.isVisible():
                dialog.reject()
        if self._pages_built:
            for page in (self._credentials, self._targets, self._share, self._received):
                page.clear()
        self.prefs = Preferences()
        self._show_state()

    def lock(self) -> None:
        self.session.lock()

    def _changed(self, changes: Changes) -> None:
        if changes.credentials or changes.trust or changes.settings:
            self.credentials.reload()
        if changes.credentials or changes.targets or changes.trust:
            self.targets.invalidate()
        if changes.settings or changes.trust:
            self.session.call(lambda v, _t: load_preferences(v), owner=self, on_success=self._preferences)

    def _busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    def _show_failure(self, message: str) -> None:
        dialogs.error(self, self.tr("Learner wallet"), message)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.targets:
            self.targets.ensure_loaded()

    # -- actions ------------------------------------------------------------------
    def import_dialog(self) -> ImportDialog:
        from wallet.ui.screens.import_dialog import ImportDialog

        dialog = ImportDialog(self.session, self)
        dialog.imported.connect(lambda ids: self.credentials.reload(keep=ids[:1]))
        dialog.offerFound.connect(lambda text: self._offer_from_import(dialog, text))
        dialog.requestFound.connect(lambda text: self._request_from_import(dialog, text))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _offer_from_import(self, dialog: ImportDialog, text: str) -> None:
        if not dialog.items:
            dialog.reject()
        self.receive(text)

    def _request_from_import(self, dialog: ImportDialog, text: str) -> None:
        if not dialog.items:
            dialog.reject()
        self.present(text)

    def receive(self, source: Any = None) -> ReceiveDialog | None:
        """The receive dialog: consent first, then the issuance (an offer link, file or QR image)."""
        if not self.session.is_open:
            return None
        from wallet.ui.screens.receive_dialog import ReceiveDialog

        dialog = ReceiveDialog(self.session, source, self, langs=(ui_language(), *self.prefs.credential_languages))
        dialog.received.connect(lambda ids: self.credentials.reload(keep=ids[:1]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def present(self, source: Any = None) -> PresentDialog | None:
        """The present dialog: who asks for what, the user's choice and consent, then the answer."""
        if not self.session.is_open:
            return None
        from wallet.ui.screens.present_dialog import PresentDialog

        dialog = PresentDialog(self.session, source, self, langs=(ui_language(), *self.prefs.credential_languages))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def presentations(self) -> PresentationsDialog | None:
        """The presentation history: what was sent to which verifier, and what it answered."""
        if not self.session.is_open:
            return None
        from wallet.ui.screens.presentations_dialog import PresentationsDialog

        dialog = PresentationsDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def handle_uri(self, uri: str) -> None:
        """A link the desktop handed over (a later launch, a click in the browser): bring the window up, act on it."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        text = uri.strip()
        if not text:
            return
        if not self.session.is_open:
            self.pending_uris = [*self.pending_uris, text]
            self.statusBar().showMessage(self.tr("Unlock the wallet to continue with the link you opened."))
            return
        from wallet.ui.screens.present_dialog import looks_like_request
        from wallet.ui.screens.receive_dialog import looks_like_offer

        lowered = text.lower()
        if looks_like_offer(text):
            self.receive(text)
        elif looks_like_request(text):
            self.present(text)
        elif lowered.startswith("wallet:") or "#v=" in text:
            self.import_dialog().paste(text)
        else:
            dialogs.error(self, self.tr("Learner wallet"), self.tr("The wallet does not know what to do with this link."))

    def import_files(self) -> None:
        dialog = self.import_dialog()
        dialog.choose_files()

    def paste(self) -> None:
        self.import_dialog().paste()

    def import_qr(self) -> None:
        self.import_dialog().open_qr()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.credentials)
        self.credentials.search.setFocus()
        self.credentials.search.selectAll()

    def remove_selected(self) -> None:
        ids = self.credentials.selected_ids()
        if not ids or self.tabs.currentWidget() is not self.credentials:
            return
        text = say(msg("view.remove_question", count=len(ids)))
        if not dialogs.confirm(self, self.tr("Remove credentials"), text, destructive=True):
            return
        from wallet.app.receive_state import remove_notifying
        from wallet.online import OnlineClient, OnlineSettings

        client = OnlineClient(OnlineSettings.from_env())  # issuers that asked are told (the consent said so)

        def done(result: tuple[int, tuple[Any, ...]]) -> None:
            if result[1]:
                self.statusBar().showMessage(" ".join(say(n) for n in result[1]), 10000)

        self.session.mutate(lambda v, _t: remove_notifying(v, ids, client), Changes(credentials=True), owner=self,
                            on_success=done)

    def reverify(self, ids: list[str] | None = None) -> None:
        chosen = ids if ids is not None else self.credentials.selected_ids()
        self.credentials.selected_ids()
        self.statusBar().showMessage(self.tr("Verifying again…"))

        from wallet.app.reverify import reverify

        def done(results: list[Any]) -> None:
            changed = [say(r.change) for r in results if r.change is not None]
            text = say(msg("view.verified_again", count=len(results)))
            self.statusBar().showMessage(" ".join([text, *changed]), 10000)

        self.session.mutate(lambda v, t: reverify(v, chosen, progress=t.report), Changes(credentials=True),
                            owner=self, on_success=done)

    def refresh_evidence(self) -> None:
        """Fetch the evidence every credential needs, then check them again."""
        online_actions.refresh_evidence(self)

    def check_without_wallet(self) -> QDialog:
        """The "check received" page in a window of its own, with no wallet open."""
        from wallet.ui.screens.received_page import ReceivedPage

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Check a bundle someone sent you"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(dialog)
        dialog.page = ReceivedPage(self.session, dialog)  # type: ignore[attr-defined]
        layout.addWidget(dialog.page)  # type: ignore[attr-defined]
        dialog.resize(900, 620)
        dialog.show()
        return dialog

    def about(self) -> None:
        self.show_help(ABOUT)

    def show_help(self, page: int = GUIDE) -> QDialog:
        from wallet.ui.screens.help_dialog import show_help

        return show_help(self, self.session.path if self.session.is_open else None, page)

    # -- drag and drop ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.session.is_open and (event.mimeData().hasUrls() or event.mimeData().hasText()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if not self.session.is_open:
            return
        mime = event.mimeData()
        dialog = self.import_dialog()
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            dialog.add_paths(paths)
        elif mime.hasText():
            dialog.paste(mime.text())
        event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.idle.stop()
        self.scheduler.stop()
        self.session.lock()
        super().closeEvent(event)

    def page_widgets(self) -> dict[str, QWidget]:
        """The main screens by name (screenshots, tests)."""
        return {"unlock": self.unlock_screen, "credentials": self.credentials, "targets": self.targets,
                "share": self.share, "received": self.received}
