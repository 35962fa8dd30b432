"""Truyền thông: the communication activities of a chosen month, with totals per village and form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import SotayError
from desktop.services import reference
from desktop.services.communication import activities, campaigns
from desktop.services.communication.activities import ActivityDTO, ActivityTotal
from desktop.services.communication.campaigns import CampaignDTO
from desktop.services.dto import CodeDTO
from desktop.services.profile.access import Role
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.activity import ActivityDialog, campaign_name
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.translation import error_text
from desktop.ui.widgets.stale import ReloadsWhenShown
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths


def month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def shift_month(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class MonthData:
    rows: list[ActivityDTO]
    totals: list[ActivityTotal]
    campaigns: list[CampaignDTO]
    codes: dict[str, list[CodeDTO]]


def load_month(ctx: AppContext, first: date) -> MonthData:
    """Runs on the DB lane."""
    profile = ctx.profile
    rows = activities.list_activities(profile, first, month_end(first))
    return MonthData(
        rows,
        activities.totals(rows),
        campaigns.campaigns_between(profile, first, month_end(first)),
        reference.code_tables(profile, activities.FORMS, campaigns.CAMPAIGNS),
    )


class ActivitiesPage(ReloadsWhenShown, QWidget):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._labels: dict[str, dict[str, str]] = {}
        self.month = ctx.profile.today().replace(day=1)
        title = QLabel(self.tr("Communication activities"))
        title.setObjectName("pageTitle")
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self.previous = QPushButton(self.tr("◀ &Previous month"))
        self.month_label = QLabel()
        self.month_label.setObjectName("sectionTitle")
        self.next = QPushButton(self.tr("&Next month ▶"))
        self.this_month = QPushButton(self.tr("This &month"))
        self.record_button = QPushButton(self.tr("&Record activity…"))
        self.record_button.setObjectName("primary")
        self.record_button.setEnabled(ctx.profile.user.role != Role.HUB)  # read only
        self.campaigns = QLabel()
        self.campaigns.setObjectName("subtitle")
        self.campaigns.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setVisible(False)

        self.model: RecordTableModel[ActivityDTO] = RecordTableModel(
            [
                Column(self.tr("Date"), lambda a: fmt_date(a.held_on), align_center=True),
                Column(self.tr("Village"), lambda a: a.village),
                Column(self.tr("Form"), lambda a: self._label(activities.FORMS, a.form)),
                Column(self.tr("Topic"), lambda a: ctx.codes.label("visit_topics", a.topic)),
                Column(self.tr("Men"), lambda a: str(a.male), align_center=True),
                Column(self.tr("Women"), lambda a: str(a.female), align_center=True),
                Column(self.tr("Total"), lambda a: str(a.participants), align_center=True),
                Column(self.tr("Materials"), self._materials),
                Column(self.tr("Campaign"), lambda a: self._label(campaigns.CAMPAIGNS, a.campaign)),
                Column(self.tr("Notes"), lambda a: a.notes.replace("\n", " ")),
            ]
        )
        self.table = make_table(self.model, self)
        self.table.setAccessibleName(self.tr("Activities"))
        fit_columns(self.table, {0: 11, 1: 14, 2: 18, 3: 22, 4: 5, 5: 5, 6: 5, 7: 16, 8: 18})
        remember_widths(self.table, ctx.profile.paths, "activities")
        totals_title = QLabel(self.tr("Totals by village and form"))
        totals_title.setObjectName("sectionTitle")
        self.totals_model: RecordTableModel[ActivityTotal] = RecordTableModel(
            [
                Column(self.tr("Village"), lambda t: t.village),
                Column(self.tr("Form"), lambda t: self._label(activities.FORMS, t.form)),
                Column(self.tr("Activities"), lambda t: str(t.activities), align_center=True),
                Column(self.tr("Men"), lambda t: str(t.male), align_center=True),
                Column(self.tr("Women"), lambda t: str(t.female), align_center=True),
                Column(self.tr("Total"), lambda t: str(t.participants), align_center=True),
            ]
        )
        self.totals_table = make_table(self.totals_model, self)
        self.totals_table.setAccessibleName(self.tr("Totals"))
        fit_columns(self.totals_table, {0: 16, 1: 20, 2: 10, 3: 8, 4: 8, 5: 8})
        remember_widths(self.totals_table, ctx.profile.paths, "activity_totals")

        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.count)
        bar = QHBoxLayout()
        for widget in (self.previous, self.month_label, self.next, self.this_month):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addLayout(bar)
        layout.addWidget(self.campaigns)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 3)
        layout.addWidget(totals_title)
        layout.addWidget(self.totals_table, 2)

        self.previous.clicked.connect(lambda: self.set_month(shift_month(self.month, -1)))
        self.next.clicked.connect(lambda: self.set_month(shift_month(self.month, 1)))
        self.this_month.clicked.connect(lambda: self.set_month(ctx.profile.today().replace(day=1)))
        self.record_button.clicked.connect(self.record_activity)
        ctx.data_changed.connect(self._data_changed)
        self._show_month()

    # Period ###################################################################################

    def set_month(self, first: date) -> None:
        self.month = first.replace(day=1)
        self._show_month()
        self.reload()

    def _show_month(self) -> None:
        self.month_label.setText(self.tr("Month {month}").format(month=f"{self.month.month:02d}/{self.month.year}"))
        self.next.setEnabled(self.month < self.ctx.profile.today().replace(day=1))

    # Loading ##################################################################################

    def reload(self) -> None:
        self._stale = False
        self._generation += 1
        generation, ctx, first = self._generation, self.ctx, self.month
        self.ctx.lane.submit(
            lambda: load_month(ctx, first),
            lambda data: self._show(generation, data),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, SotayError):
            self.ctx.lane.failed.emit(error)  # unexpected: the main window reports it
            return
        self.error.setText(error_text(error))
        self.error.setVisible(True)

    def _show(self, generation: int, data: MonthData) -> None:
        if generation != self._generation:
            return
        self.error.setVisible(False)
        self._labels = {table: {c.code: code_label(c) for c in items} for table, items in data.codes.items()}
        self.model.set_records(data.rows)
        self.totals_model.set_records(data.totals)
        people = sum(a.participants for a in data.rows)
        self.count.setText(
            self.tr("{n} activity(ies), {people} participant(s)").format(n=len(data.rows), people=people)
        )
        self.campaigns.setText(self._campaign_text(data.campaigns))
        self.loaded.emit()

    def _campaign_text(self, campaigns: list[CampaignDTO]) -> str:
        if not campaigns:
            return self.tr("No campaign this month.")
        parts = []
        for c in campaigns:
            days = (
                fmt_date(c.starts_on)
                if c.starts_on == c.ends_on
                else f"{fmt_date(c.starts_on)} – {fmt_date(c.ends_on)}"
            )
            theme = f" — “{c.theme}”" if c.theme else ""
            parts.append(f"{campaign_name(c)} ({days}){theme}")
        return self.tr("Campaigns this month: {list}").format(list="; ".join(parts))

    def _label(self, table: str, code: str) -> str:
        return self._labels.get(table, {}).get(code, code)

    def _materials(self, activity: ActivityDTO) -> str:
        if activity.materials_count and activity.materials:
            return f"{activity.materials} ({activity.materials_count})"
        return activity.materials or (str(activity.materials_count) if activity.materials_count else "")

    # Recording ################################################################################

    def new_dialog(self) -> ActivityDialog:
        today = self.ctx.profile.today()
        # In a past month the form starts on its last day, so the activity lands in the month shown.
        held_on = today if self.month == today.replace(day=1) else min(today, month_end(self.month))
        return ActivityDialog(self.ctx, self, held_on=held_on)

    def record_activity(self) -> None:
        self.new_dialog().exec()
