"""The credential list: search as you type, filters, list or cards, and the detail pane.

The list and the cards are two views on the same filter proxy and share one
selection model, so switching views keeps the selection. The detail of the
selected credential is loaded on the vault thread (rebuilding a credential
from its stored JSON is cheap but the vault is only touched there).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shiboken6

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wallet.app import credentials
from wallet.app.credentials import CredentialDetail, CredentialRow
from wallet.messages import msg
from wallet.readout import State
from wallet.ui.i18n import say, ui_language
from wallet.ui.icons import icon
from wallet.ui.models.credentials import (
    COL_ISSUED,
    COL_ISSUER,
    COL_STATE,
    COL_TITLE,
    ID_ROLE,
    CredentialFilter,
    CredentialsModel,
    format_name,
)
from wallet.ui.screens.cards import CardView
from wallet.ui.screens.detail import DetailView
from wallet.ui.session import Session
from wallet.ui.states import state_icon, state_label
from wallet.ui.tasks import TaskError
from wallet.ui.widgets import describe

SETTINGS_VIEW = "ui/credential_view"


class CredentialsPage(QWidget):
    """Everything about browsing the wallet's credentials."""

    selectionChanged = Signal(list)  # ids of the selected credentials
    rowsLoaded = Signal(list)  # every CredentialRow, after each reload (other pages reuse them)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.langs: tuple[str, ...] = ("en",)
        self.model = CredentialsModel(self)
        self.proxy = CredentialFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search credentials (Ctrl+F)"))
        describe(self.search, self.tr("Search credentials"),
                 self.tr("Every word you type must appear in the title, the issuer or the kind of credential"))
        self.search.setClearButtonEnabled(True)
        search_action = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        search_action.setText(self.tr("Search"))
        search_action.setToolTip(self.tr("Search credentials (Ctrl+F)"))
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_count)
        self.issuer_filter = self._combo(self.tr("Filter by issuer"))
        self.format_filter = self._combo(self.tr("Filter by kind of credential"))
        self.state_filter = self._combo(self.tr("Filter by state"))
        self.target_filter = self._combo(self.tr("Filter by target qualification"))
        self.issuer_filter.currentIndexChanged.connect(
            lambda: self._apply(issuer=self.issuer_filter.currentData() or ""))
        self.format_filter.currentIndexChanged.connect(
            lambda: self._apply(format=self.format_filter.currentData() or ""))
        self.state_filter.currentIndexChanged.connect(
            lambda: self._apply(state=self.state_filter.currentData() or ""))
        self.target_filter.currentIndexChanged.connect(self._target_chosen)
        self.view_toggle = QToolButton()
        self.view_toggle.setCheckable(True)
        self.view_toggle.setIcon(icon("cards"))
        self.view_toggle.setToolTip(self.tr("Show as cards (Ctrl+2) or as a list (Ctrl+1)"))
        describe(self.view_toggle, self.tr("Show as cards"), self.view_toggle.toolTip())
        self.view_toggle.toggled.connect(self.set_card_mode)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for combo in (self.issuer_filter, self.format_filter, self.state_filter, self.target_filter):
            bar.addWidget(combo, 1)
        bar.addWidget(self.view_toggle)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        describe(self.table, self.tr("Credentials"), self.tr("Your credentials as a list: title, issuer, state and date"))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # whole texts are in each cell's tooltip
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that mode measures rows on every
        # model change (with 10,000 credentials, half a second per sort or import).
        em = self.fontMetrics().horizontalAdvance("m")
        for col, ems in ((COL_ISSUER, 10), (COL_STATE, 14), (COL_ISSUED, 7)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, em * ems)
        header.setSortIndicator(COL_ISSUED, Qt.SortOrder.DescendingOrder)
        self.cards = CardView()
        self.cards.setModel(self.proxy)
        self.cards.setSelectionModel(self.table.selectionModel())
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.cards)
        self.count = QLabel()
        self.empty_hint = QLabel(self.tr(
            "No credentials yet. Import files (Ctrl+O), paste a credential or a link (Ctrl+Shift+V), "
            "open a QR image, or drop files on this window."))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QWidget()
        left.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 24)  # one card, or a readable list
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.views, 1)
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.count)
        self.detail = DetailView()
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([620, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.setTabOrder(self.search, self.issuer_filter)
        self.setTabOrder(self.issuer_filter, self.format_filter)
        self.setTabOrder(self.format_filter, self.state_filter)
        self.setTabOrder(self.state_filter, self.target_filter)
        self.setTabOrder(self.target_filter, self.view_toggle)
        self.setTabOrder(self.view_toggle, self.table)
        self.setTabOrder(self.table, self.cards)
        self.table.viewport().installEventFilter(self)
        self._fill_filters()
        from PySide6.QtCore import QSettings

        self.set_card_mode(str(QSettings().value(SETTINGS_VIEW, "cards")) != "list")

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        describe(combo, name, name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    # -- data --------------------------------------------------------------------
    def reload(self, keep: Sequence[str] = ()) -> None:
        """Fetch the rows again (after an import, a removal, a language change)."""
        selected = list(keep) or self.selected_ids()

        def loaded(result: tuple[list[CredentialRow], tuple[str, ...]]) -> None:
            rows, langs = result
            self.langs = langs
            self.model.set_rows(rows)
            self.rowsLoaded.emit(rows)
            self._fill_filters()
            self._update_count()
            self.select_ids(selected)
            shown = self.detail.detail
            if not selected or (shown is not None and self.model.row_of(shown.id) < 0):
                self.detail.show_detail(None)  # nothing selected, or the credential shown was removed
            elif len(self.selected_ids()) == 1:
                self._selection_changed()  # the same credential, maybe verified again: show it afresh

        fallback = (ui_language(), "en")

        def load(vault: Any, _task: Any) -> tuple[list[CredentialRow], tuple[str, ...]]:
            langs = credentials.credential_languages(vault, fallback)
            return credentials.list_rows(vault, langs), langs

        self.session.call(load, owner=self,
                          on_success=loaded)

    def clear(self) -> None:
        self.model.clear()
        self.cards.delegate.clear_cache()
        self.detail.show_detail(None)
        self.search.clear()
        self._fill_filters()

    def set_targets(self, targets: Sequence[tuple[str, str]]) -> None:
        """(id, title) of the targets offered in the target filter."""
        current = self.target_filter.currentData()
        self.target_filter.blockSignals(True)
        self.target_filter.clear()
        self.target_filter.addItem(self.tr("Any target"), "")
        for ident, title in targets:
            self.target_filter.addItem(title, ident)
        index = self.target_filter.findData(current) if current else 0
        self.target_filter.setCurrentIndex(max(index, 0))
        self.target_filter.blockSignals(False)

    def _fill_filters(self) -> None:
        rows = self.model.rows()
        issuers = sorted({(r.issuer_id, r.issuer) for r in rows if r.issuer_id}, key=lambda x: x[1].casefold())
        formats = sorted({r.format for r in rows})
        self._refill(self.issuer_filter, self.tr("Any issuer"), [(i, name or i) for i, name in issuers])
        self._refill(self.format_filter, self.tr("Any kind"), [(f, format_name(f)) for f in formats])
        self._refill(self.state_filter, self.tr("Any state"), [(s.value, state_label(s)) for s in State])
        for n, state in enumerate(State, start=1):
            self.state_filter.setItemIcon(n, state_icon(state))
        if self.target_filter.count() == 0:
            self.set_targets([])

    @staticmethod
    def _refill(combo: QComboBox, any_text: str, items: Sequence[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, "")
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # -- filtering ----------------------------------------------------------------
    def _apply(self, **filters: Any) -> None:
        self.proxy.set_filters(**filters)
        self._update_count()

    def _target_chosen(self) -> None:
        target_id = self.target_filter.currentData()
        if not target_id:
            self._apply(target_ids=None)
            return

        def counted(vault: Any, _task: Any) -> frozenset[str]:
            from wallet.app.stacking import progress_for_vault

            result = progress_for_vault(vault, target_id)[0]
            return frozenset(a.credential_id for allocs in result.allocations.values() for a in allocs)

        def done(ids: frozenset[str]) -> None:
            if self.target_filter.currentData() == target_id:
                self._apply(target_ids=ids)

        def failed(error: TaskError) -> None:
            self.count.setText(error.message)

        self.session.call(counted, owner=self, on_success=done, on_failure=failed)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.empty_hint.setVisible(total == 0)
        self.views.setVisible(total > 0)
        if shown == total:
            self.count.setText(say(msg("cli.list.count", count=total)))
        else:
            self.count.setText(say(msg("view.count_of", shown=shown, count=total)))

    # -- views and selection ----------------------------------------------------------
    def set_card_mode(self, cards: bool) -> None:
        from PySide6.QtCore import QSettings

        self.views.setCurrentIndex(1 if cards else 0)
        if self.view_toggle.isChecked() != cards:
            self.view_toggle.setChecked(cards)
        self.view_toggle.setIcon(icon("list" if cards else "cards"))
        name = self.tr("Show as a list") if cards else self.tr("Show as cards")
        self.view_toggle.setAccessibleName(name)
        QSettings().setValue(SETTINGS_VIEW, "cards" if cards else "list")

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            QTimer.singleShot(0, self._fit_columns)  # after the layout settled
        return False

    def _fit_columns(self) -> None:
        """A narrow list keeps the title readable: the date, then the issuer, move to the tooltip."""
        if not shiboken6.isValid(self.table):
            return
        em = self.fontMetrics().horizontalAdvance("m")
        width = self.table.viewport().width()
        self.table.setColumnHidden(COL_ISSUED, width < em * 44)
        self.table.setColumnHidden(COL_ISSUER, width < em * 34)
        state = max(em * 8, min(em * 14, width // 3))
        self.table.horizontalHeader().resizeSection(COL_STATE, state)

    def current_view(self) -> QAbstractItemView:
        return self.cards if self.views.currentIndex() == 1 else self.table

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows(0)
        return [str(index.data(ID_ROLE)) for index in rows]

    def select_ids(self, ids: Sequence[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for ident in ids:
            source_row = self.model.row_of(ident)
            if source_row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                continue
            first = first or index
            selection.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.current_view().scrollTo(first)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.selectionChanged.emit(ids)
        if len(ids) != 1:
            self.detail.show_detail(None)
            return
        ident = ids[0]
        langs = self.langs

        def shown(detail: CredentialDetail) -> None:
            if self.selected_ids() == [ident]:
                self.detail.show_detail(detail, langs)

        self.session.call(lambda v, _t: credentials.detail(v, ident), owner=self, on_success=shown)
