"""Tổng quan: the register in numbers and the households due a follow-up visit this week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.services import dashboard, stats
from desktop.services.dashboard import FollowUpDue
from desktop.ui.context import AppContext
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.widgets.tables import fit_columns, make_table


@dataclass(frozen=True, slots=True)
class Overview:
    counts: dict[str, int]
    visits_this_month: int
    events_this_month: int
    due: list[FollowUpDue]
    today: date


def load_overview(ctx: AppContext) -> Overview:
    """Runs on the DB lane."""
    profile = ctx.profile
    month = dashboard.month_counts(profile)
    return Overview(
        counts=stats.counts(profile),
        visits_this_month=month.visits,
        events_this_month=month.events,
        due=dashboard.follow_ups_due(profile),
        today=profile.today(),
    )


class StatCard(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.number = QLabel("–")
        self.number.setObjectName("statNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("statCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(f"{value:,}".replace(",", "."))  # Vietnamese thousands: 5.000


class NoticeBar(QFrame):
    """A calm, dismissable note above the page (not a dialog: nothing waits for it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Got it"))
        self.close_button.setObjectName("flat")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.show()


class DashboardPage(QWidget):
    open_household = Signal(object)  # uuid.UUID
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        title = QLabel(self.tr("Overview"))
        title.setObjectName("pageTitle")
        self.notice = NoticeBar()
        self.cards = {
            "households_active": StatCard(self.tr("households in the register")),
            "people_present": StatCard(self.tr("people living in them")),
            "visits_month": StatCard(self.tr("visits this month")),
            "events_month": StatCard(self.tr("population events on this month's slip")),
            "villages": StatCard(self.tr("villages")),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for column, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, column)
        self.due_title = QLabel()
        self.due_title.setObjectName("sectionTitle")
        self.due_hint = QLabel(self.tr("Press Enter or double-click to open the household."))
        self.due_hint.setObjectName("subtitle")
        self.due = RecordTableModel(
            [
                Column(self.tr("Follow-up on"), lambda d: fmt_date(d.follow_up_on), align_center=True),
                Column(self.tr("Household no."), lambda d: d.household_code),
                Column(self.tr("Head of household"), lambda d: d.head_name),
                Column(self.tr("Village"), lambda d: d.village),
                Column(self.tr("Last visit"), lambda d: fmt_date(d.visited_on), align_center=True),
            ],
            muted=None,
        )
        self.due_view = make_table(self.due, self)
        fit_columns(self.due_view, {0: 12, 1: 12, 2: 26, 3: 18})
        self.empty = QLabel(self.tr("No household is due a follow-up visit in the next 7 days."))
        self.empty.setObjectName("subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.due_title)
        layout.addWidget(self.due_hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.due_view, 1)
        self.due_view.activated.connect(self._activated)
        ctx.data_changed.connect(self.reload)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.ctx.lane.submit(lambda: load_overview(self.ctx), lambda result: self._show(generation, result), owner=self)

    def _show(self, generation: int, overview: Overview) -> None:
        if generation != self._generation:
            return
        counts = overview.counts
        self.cards["households_active"].set_value(counts.get("households_active", 0))
        self.cards["people_present"].set_value(counts.get("people_present", 0))
        self.cards["visits_month"].set_value(overview.visits_this_month)
        self.cards["events_month"].set_value(overview.events_this_month)
        self.cards["villages"].set_value(counts.get("villages", 0))
        overdue = sum(1 for d in overview.due if d.follow_up_on < overview.today)
        self.due_title.setText(
            self.tr("Follow-up visits due by {date}: {n} (overdue: {late})").format(
                date=fmt_date(overview.today + timedelta(days=dashboard.DUE_WITHIN_DAYS)),
                n=len(overview.due),
                late=overdue,
            )
        )
        self.due.set_records(overview.due)
        self.empty.setVisible(not overview.due)
        self.due_view.setVisible(bool(overview.due))
        self.due_hint.setVisible(bool(overview.due))
        self.loaded.emit()

    def _activated(self, index: QModelIndex) -> None:
        item = self.due.record(index.row())
        if item is not None:
            self.open_household.emit(item.household_id)
