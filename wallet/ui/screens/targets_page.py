"""Targets: how far the learner's credentials go towards each qualification.

The core (``wallet.stacking``) computes the optimal allocation on the vault
thread; this page shows it: a progress bar per target, and for the chosen
target a breakdown of which credential fills which requirement, what is
still missing (most useful first) and which credentials do not count yet
and why.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wallet.model import pick_lang
from wallet.ui import dialogs
from wallet.ui.i18n import fmt, ui_language
from wallet.ui.models.targets import COL_PROGRESS, COL_TITLE, PROGRESS_ROLE, TARGET_ID_ROLE, TargetsModel, TargetsProxy
from wallet.ui.session import Changes, Session
from wallet.ui.tasks import TaskError
from wallet.ui.widgets import describe, reading_view

log = logging.getLogger(__name__)


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a native progress bar (follows the style and palette)."""

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = f"{int(value)} %"
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


def load_progress(vault: Any, _task: Any) -> tuple[list[Any], tuple[str, ...], list[Any]]:
    """Progress for every target, reading languages, targets that no longer load."""
    from wallet.app.credentials import credential_languages
    from wallet.app.stacking import list_all_targets, progress_for_vault

    langs = credential_languages(vault, (ui_language(), "en"))
    problems = list_all_targets(vault)[1]
    return progress_for_vault(vault), langs, problems


class TargetsPage(QWidget):
    """Target list with progress bars, and the breakdown of the selected target."""

    targetsLoaded = Signal(list)  # [(id, title)]

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.titles: dict[str, str] = {}
        self.langs: tuple[str, ...] = ("en",)
        self._loaded = False
        self.model = TargetsModel(self)
        self.proxy = TargetsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        describe(self.table, self.tr("Target qualifications"),
                 self.tr("Each qualification you can work towards, with how far your credentials take you"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_PROGRESS, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_PROGRESS, self.fontMetrics().horizontalAdvance("m") * 8)
        for col in (2, 3):  # requirements and credits are in the breakdown and the tooltip
            self.table.setColumnHidden(col, True)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.selectionModel().currentRowChanged.connect(self._show_breakdown)
        self.add_button = QPushButton(self.tr("&Add target from file…"))
        self.add_button.setToolTip(self.tr("A target JSON file, or a European Digital Credential qualification"))
        self.add_button.setAccessibleDescription(self.add_button.toolTip())
        self.add_button.clicked.connect(self.add_target)
        self.remove_button = QPushButton(self.tr("Re&move target"))
        self.remove_button.clicked.connect(self.remove_target)
        self.remove_button.setToolTip(self.tr("Remove a target you added (the targets that come with the wallet stay)"))
        self.remove_button.setAccessibleDescription(self.remove_button.toolTip())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.breakdown = reading_view(self.tr("Breakdown of the target"),
                                      self.tr("Which credential fills which requirement, what is missing and why"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.breakdown, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- data --------------------------------------------------------------------------
    def load_titles(self) -> None:
        """Only the targets' titles, for the credential list's target filter (no progress computed)."""

        def titles(vault: Any, _task: Any) -> list[tuple[str, str]]:
            from wallet.app.credentials import credential_languages
            from wallet.app.stacking import list_all_targets

            langs = credential_languages(vault, (ui_language(), "en"))
            return [(t.id, pick_lang(t.title, langs) or t.id) for t in list_all_targets(vault)[0]]

        def loaded(items: list[tuple[str, str]]) -> None:
            if not self._loaded:  # the progress, when it came first, already named them
                self.targetsLoaded.emit(items)

        def failed(error: TaskError) -> None:  # the filter keeps "Any target"; the page says why when shown
            log.info("target titles not loaded: %s", error.message)

        self.session.call(titles, owner=self, on_success=loaded, on_failure=failed)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def invalidate(self) -> None:
        """The data changed: reload now if shown, else when the page is next shown.

        Stacking progress is real work on the vault thread; computing it for a
        hidden page right after a big import only competes with the list.
        """
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self.ensure_loaded()
        super().showEvent(event)

    def reload(self) -> None:
        current = self.current_target_id()
        self.status.setText(self.tr("Calculating progress…"))

        def loaded(result: tuple[list[Any], tuple[str, ...], list[Any]]) -> None:
            items, self.langs, problems = result
            self._loaded = True
            self.model.set_progress(items, self.langs)
            self.table.resizeRowsToContents()
            self.status.setText("; ".join(f"{p.id}: {p.reason}" for p in problems))
            self.targetsLoaded.emit([(p.target.id, pick_lang(p.target.title, self.langs) or p.target.id)
                                     for p in items])
            self.select_target(current or (items[0].target.id if items else ""))

        def failed(error: TaskError) -> None:
            self.status.setText(error.message)

        self.session.call(load_progress, owner=self, on_success=loaded, on_failure=failed)

    def set_rows(self, rows: list[Any]) -> None:
        """Credential titles by id, for the breakdown (from the credentials page)."""
        self.titles = {row.id: row.title for row in rows}
        if self._loaded:
            self._show_breakdown(self.table.currentIndex())

    def clear(self) -> None:
        self._loaded = False
        self.model.set_progress([])
        self.breakdown.clear()
        self.heading.clear()
        self.status.clear()
        self.titles = {}

    def current_target_id(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(TARGET_ID_ROLE) or "") if index.isValid() else ""

    def select_target(self, target_id: str) -> None:
        row = self.model.row_of(target_id)
        if row < 0:
            self._show_breakdown(QModelIndex())
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self._show_breakdown(index)

    # -- breakdown -----------------------------------------------------------------------
    def _show_breakdown(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            self.heading.setText(self.tr("Choose a target to see what counts towards it."))
            self.breakdown.clear()
            self.remove_button.setEnabled(False)
            return
        item = self.model.progress_at(self.proxy.mapToSource(index).row())
        target = item.target
        self.remove_button.setEnabled(not target.bundled)
        self.heading.setText(pick_lang(target.title, self.langs) or target.id)
        from wallet.ui.screens.breakdown import breakdown_html  # with the stacking core, on first use

        self.breakdown.setHtml(breakdown_html(item, self.langs, self.titles))

    # -- actions --------------------------------------------------------------------------
    def add_target(self) -> None:
        name = dialogs.open_file(self, self.tr("Choose a target file"),
                                 self.tr("Targets (*.json *.jsonld);;All files (*)"))
        if not name:
            return
        from wallet.app.stacking import add_target

        def added(target: Any) -> None:
            self.status.setText(fmt(self.tr("Added the target %1."), pick_lang(target.title, self.langs)))

        def failed(error: TaskError) -> None:
            self.status.setText(error.message)

        self.session.mutate(lambda v, _t: add_target(v, name), Changes(targets=True), owner=self,
                            on_success=added, on_failure=failed)

    def remove_target(self) -> None:
        target_id = self.current_target_id()
        if not target_id:
            return
        if not dialogs.confirm(self, self.tr("Remove target"),
                               self.tr("Remove this target? Your credentials stay in the wallet."), destructive=True):
            return
        from wallet.app.stacking import remove_target

        def failed(error: TaskError) -> None:
            self.status.setText(error.message)

        self.session.mutate(lambda v, _t: remove_target(v, target_id), Changes(targets=True), owner=self,
                            on_failure=failed)
