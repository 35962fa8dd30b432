"""Thăm hộ: every visit in a chosen period, newest first."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import SotayError
from desktop.services.dto import VisitDTO
from desktop.services.register import visits
from desktop.ui.context import AppContext
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.translation import error_text
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.stale import ReloadsWhenShown
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths


def month_start(day: date) -> date:
    return day.replace(day=1)


def previous_month(day: date) -> tuple[date, date]:
    end = month_start(day) - timedelta(days=1)
    return month_start(end), end


class VisitsPage(ReloadsWhenShown, QWidget):
    open_household = Signal(object)  # uuid.UUID
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        today = ctx.profile.today()
        title = QLabel(self.tr("Household visits"))
        title.setObjectName("pageTitle")
        self.start = DateEdit(month_start(today), allow_empty=False)
        self.end = DateEdit(today, allow_empty=False)
        self.this_month = QPushButton(self.tr("This &month"))
        self.last_month = QPushButton(self.tr("&Last month"))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("primary")
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setVisible(False)
        self.model: RecordTableModel[VisitDTO] = RecordTableModel(
            [
                Column(self.tr("Date"), lambda v: fmt_date(v.visited_on), align_center=True),
                Column(self.tr("Household no."), lambda v: v.household_code),
                Column(self.tr("Collaborator"), lambda v: v.collaborator),
                Column(self.tr("People met"), lambda v: ", ".join(n for n in v.persons_met_names if n)),
                Column(self.tr("Topics"), lambda v: ", ".join(ctx.codes.label("visit_topics", t) for t in v.topics)),
                Column(self.tr("Follow-up"), lambda v: fmt_date(v.follow_up_on), align_center=True),
                Column(self.tr("Notes"), lambda v: v.notes.replace("\n", " ")),
            ]
        )
        self.table = make_table(self.model, self)
        self.table.setAccessibleName(self.tr("Visits"))
        fit_columns(self.table, {0: 11, 1: 10, 2: 18, 3: 24, 4: 34, 5: 11})
        remember_widths(self.table, ctx.profile.paths, "visits")

        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.start)
        to_label = QLabel(self.tr("&To"))
        to_label.setBuddy(self.end)
        bar = FlowRow()  # wraps onto a second line on a narrow screen
        for widget in (from_label, self.start, to_label, self.end, self.show_button, self.this_month, self.last_month):
            bar.add(widget)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

        self.show_button.clicked.connect(self.reload)
        self.this_month.clicked.connect(lambda: self.set_period(month_start(ctx.profile.today()), ctx.profile.today()))
        self.last_month.clicked.connect(lambda: self.set_period(*previous_month(ctx.profile.today())))
        self.table.activated.connect(self._activated)
        ctx.data_changed.connect(self._data_changed)

    def set_period(self, start: date, end: date) -> None:
        self.start.set_value(start)
        self.end.set_value(end)
        self.reload()

    def reload(self) -> None:
        start, end = self.start.value(), self.end.value()
        if start is None or end is None:
            return
        self._stale = False
        self._generation += 1
        generation, profile = self._generation, self.ctx.profile
        self.ctx.lane.submit(
            lambda: visits.for_period(profile, start, end),
            lambda rows: self._show(generation, rows),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, SotayError):
            self.ctx.lane.failed.emit(error)  # unexpected: the main window reports it
            return
        self.error.setText(error_text(error))
        self.error.setVisible(True)

    def _show(self, generation: int, rows: list[VisitDTO]) -> None:
        if generation != self._generation:
            return
        self.error.setVisible(False)
        self.model.set_records(rows)
        self.count.setText(self.tr("{n} visit(s)").format(n=len(rows)))
        self.loaded.emit()

    def _activated(self, index: QModelIndex) -> None:
        visit = self.model.record(index.row())
        if visit is not None:
            self.open_household.emit(visit.household_id)
