"""Hộ gia đình: the household list with search as you type and a village filter."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.services import reference
from desktop.services.dto import HouseholdRow
from desktop.services.register import households
from desktop.ui.context import AppContext
from desktop.ui.models.household_list import FIRST_PAGE, HouseholdListModel, Page, load_page
from desktop.ui.widgets.pickers import ValueCombo
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

SEARCH_DEBOUNCE_MS = 150


class HouseholdListPage(QWidget):
    open_household = Signal(object)  # uuid.UUID
    new_household = Signal()
    loaded = Signal()  # a list result has been shown (tests and the start-up timer wait for it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._loaded_once = False
        self._complete = True
        self._shown_query = ""  # rows fetched as the user scrolls name the member this search matched
        self.model = HouseholdListModel(lambda ids: households.rows(ctx.profile, ids, self._shown_query), self)

        title = QLabel(self.tr("Households"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search households"))
        self.search.setPlaceholderText(self.tr("Search by name, household no. or address — accents not needed"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)  # the main window fits 1024 px (architecture.md §9)
        self.village = ValueCombo(blank=self.tr("All villages"))
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self.add_button = QPushButton(self.tr("&New household"))
        self.add_button.setObjectName("primary")
        self.add_button.setToolTip(self.tr("New household (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.table = make_table(self.model, self)
        self.table.setAccessibleName(self.tr("Households"))
        fit_columns(self.table, {0: 9, 1: 22, 2: 26, 3: 14, 4: 20, 5: 8})
        remember_widths(self.table, ctx.profile.paths, "households")
        self.table.setColumnHidden(HouseholdListModel.COL_MATCH, True)  # shown while searching

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.village, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.count)
        layout.addLayout(heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        for first, second in (
            (self.search, self.village),
            (self.village, self.open_button),
            (self.open_button, self.add_button),
            (self.add_button, self.table),
        ):
            QWidget.setTabOrder(first, second)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_enter)
        self.village.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(self._open_selected)
        self.add_button.clicked.connect(self.new_household.emit)
        ctx.data_changed.connect(self._data_changed)
        self.refresh_villages()

    def refresh_villages(self) -> None:
        villages = reference.commune_villages(self.ctx.profile)
        self.village.blockSignals(True)
        self.village.set_items((v.name, v.id) for v in villages)
        self.village.blockSignals(False)

    def _data_changed(self) -> None:
        self.refresh_villages()  # a village may have been added or renamed
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_village(self) -> uuid.UUID | None:
        return self.village.value()

    def reload(self) -> None:
        """Ask the DB lane for the matching ids and the first rows; only the newest answer is shown."""
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        profile, query, village = self.ctx.profile, self.search.text(), self.selected_village()
        prefetched = self.ctx.take_prefetched(FIRST_PAGE)
        if prefetched is not None and not query.strip() and village is None:
            # Started before the window was built; the lane is in order, so it is done by now.
            work: Callable[[], Page] = prefetched.result
        else:
            work = functools.partial(load_page, profile, query, village)
        self.ctx.lane.submit(work, lambda result: self._show(generation, *result, query=query), owner=self)

    def _show(
        self, generation: int, ids: Sequence[uuid.UUID], first: list[HouseholdRow], complete: bool, query: str = ""
    ) -> None:
        if generation != self._generation:
            return  # a newer search was typed meanwhile; its answer is on the way
        selected = self.current_household_id()
        self._complete = complete
        self._shown_query = query
        self.table.setColumnHidden(HouseholdListModel.COL_MATCH, not query.strip())
        self.model.set_result(ids, first)
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.table.selectRow(row)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self._update_count()
        self._loaded_once = True
        self.loaded.emit()

    def is_loaded(self) -> bool:
        return self._loaded_once

    def _update_count(self) -> None:
        total = self.model.total()
        if not self._complete:
            self.count.setText(self.tr("First {n} matching households; type more to narrow").format(n=total))
        elif self.search.text().strip():
            self.count.setText(self.tr("{n} household(s) found").format(n=total))
        else:
            self.count.setText(self.tr("{n} household(s)").format(n=total))

    def current_household_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return self.model.household_id(index.row()) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        household_id = self.model.household_id(index.row())
        if household_id is not None:
            self.open_household.emit(household_id)

    def _open_selected(self) -> None:
        household_id = self.current_household_id()
        if household_id is not None:
            self.open_household.emit(household_id)

    def _search_enter(self) -> None:
        # Enter in the search box: search now, then let the arrow keys pick a household.
        self.reload()
        self.table.setFocus()
