"""Tổng quan: the register in numbers and the task list (Việc cần làm), overdue first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.errors import SotayError
from desktop.services import changesets, dashboard, review, stats
from desktop.services.casework import tasks
from desktop.services.casework.task_sources import TaskDTO
from desktop.services.casework.tasks import TaskCounts
from desktop.services.profile import restore_sync
from desktop.ui.context import AppContext
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.translation import message_text
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths


@dataclass(frozen=True, slots=True)
class Overview:
    counts: dict[str, int]
    visits_this_month: int
    events_this_month: int
    tasks: list[TaskDTO]
    task_counts: TaskCounts
    today: date
    priority_days: int  # a priority household unvisited this long is a task
    sync_needed: bool  # a backup was restored and the upper level has not synced since
    open_conflicts: int  # values a merge set aside, waiting on Cần xem lại
    open_review_items: int  # rules a merge found broken, waiting on Cần xem lại


def load_overview(ctx: AppContext) -> Overview:
    """Runs on the DB lane."""
    profile = ctx.profile
    month = dashboard.month_counts(profile)
    today = profile.today()
    found = tasks.open_tasks(profile, today=today)
    return Overview(
        counts=stats.counts(profile, with_tasks=False),  # the task list itself comes below
        visits_this_month=month.visits,
        events_this_month=month.events,
        tasks=found,
        task_counts=tasks.counts(found, today),
        today=today,
        priority_days=tasks.priority_visit_days(profile),
        sync_needed=restore_sync.sync_needed_after_restore(profile),
        open_conflicts=changesets.status(profile).open_conflicts,
        open_review_items=review.count_open(profile),
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


class _Bar(QFrame):
    """A line of text above the page with one button at its end: a note, not a dialog (nothing waits)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton()  # its words are the subclass's (its translation context)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()


class NoticeBar(_Bar):
    """A calm, dismissable note above the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.close_button = self.button
        self.close_button.setText(self.tr("Got it"))
        self.close_button.setObjectName("flat")
        self.close_button.clicked.connect(self.hide)

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.show()


class ReviewBar(_Bar):
    """Shown only while some merged change waits for the user's choice, with the way to the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_button = self.button
        self.open_button.setText(self.tr("Review them…"))

    def show_count(self, conflicts: int, items: int = 0) -> None:
        """Values set aside wait for a choice; review items for a check: one sentence names what there is."""
        if conflicts and items:
            text = self.tr(
                "{n} item(s) to review on Needs review: {conflicts} value(s) from other laptops set aside, "
                "{items} problem(s) to check after merging their changes."
            )
        elif items:
            text = self.tr(
                "{n} item(s) to review on Needs review: problem(s) to check after merging the changes of other laptops."
            )
        else:
            text = self.tr(
                "{n} item(s) to review on Needs review: value(s) from other laptops set aside, waiting for your choice."
            )
        self.text.setText(text.format(n=conflicts + items, conflicts=conflicts, items=items))
        self.setVisible(conflicts + items > 0)


class DashboardPage(QWidget):
    open_household = Signal(object)  # uuid.UUID
    open_review = Signal()
    open_case = Signal(object, object)  # household id, case id: a case's task opens the case itself
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        title = QLabel(self.tr("Overview"))
        title.setObjectName("pageTitle")
        self.notice = NoticeBar()
        # Its own bar: the keyring notice may be showing too. Once dismissed, it returns at the next start.
        self.sync_notice = NoticeBar()
        self._sync_notice_dismissed = False
        self.sync_notice.close_button.clicked.connect(self._dismiss_sync_notice)
        self.review_bar = ReviewBar()
        self.review_bar.open_button.clicked.connect(self.open_review)
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
        self._today = date.today()
        self.due = RecordTableModel(
            [
                Column(self.tr("Due"), lambda t: fmt_date(t.due), align_center=True),
                Column(self.tr("State"), self._task_state),
                Column(self.tr("Household no."), lambda t: t.household_code),
                # Last, so it stretches to the table's edge: the task's text is the long one.
                Column(self.tr("Task"), self.task_label),
            ],
            muted=None,
        )
        self.due_view = make_table(self.due, self)
        self.due_view.setAccessibleName(self.tr("Tasks"))
        fit_columns(self.due_view, {0: 12, 1: 10, 2: 12})
        remember_widths(self.due_view, ctx.profile.paths, "overview_tasks")
        self.empty = QLabel(self.tr("Nothing to do today: no task is due."))
        self.empty.setObjectName("subtitle")
        self.done_button = QPushButton(self.tr("&Done"))
        self.snooze_button = QPushButton(self.tr("&Put off…"))
        self.new_task_button = QPushButton(self.tr("&New task…"))
        task_buttons = QHBoxLayout()
        for button in (self.done_button, self.snooze_button, self.new_task_button):
            task_buttons.addWidget(button)
        task_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addWidget(self.sync_notice)
        layout.addWidget(self.review_bar)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.due_title)
        layout.addLayout(task_buttons)
        layout.addWidget(self.due_hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.due_view, 1)
        self.due_view.activated.connect(self._activated)
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button.clicked.connect(self.put_off)
        self.new_task_button.clicked.connect(self.new_task)
        self.due_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
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
        self.review_bar.show_count(overview.open_conflicts, overview.open_review_items)
        shown = overview.task_counts
        self._today = overview.today
        self._priority_days = overview.priority_days
        self.due_title.setText(
            self.tr("To do: {n} (overdue: {late}, due today: {today})").format(
                n=shown.total, late=shown.overdue, today=shown.due_today
            )
        )
        self.due.set_records(overview.tasks)
        self.empty.setVisible(not overview.tasks)
        self.due_view.setVisible(bool(overview.tasks))
        self.due_hint.setVisible(bool(overview.tasks))
        self._update_buttons()
        self._show_sync_notice(overview.sync_needed)
        self.loaded.emit()

    def _show_sync_notice(self, needed: bool) -> None:
        if needed and not self._sync_notice_dismissed:
            self.sync_notice.show_text(message_text(restore_sync.SYNC_NEEDED_NOTICE))
        else:
            self.sync_notice.hide()

    def _dismiss_sync_notice(self) -> None:
        self._sync_notice_dismissed = True

    # The task list ###########################################################################

    def task_label(self, task: TaskDTO) -> str:
        labels = {
            "no_contact_end": self.tr("A no-contact order ends"),
            "child_plan_due": self.tr("Child protection: the support plan is due"),
            "follow_up": self.tr("Follow-up visit to {head}"),
            "priority_visit": self.tr("Visit a priority household ({head}): not visited for {days} days"),
            "newborn_screening_due": self.tr("Newborn screening not recorded for {head}"),
            "plan_item_due": self.tr("Child's support plan: {head}"),
            "prenatal_screening_due": self.tr("Prenatal screening not recorded for {head}"),
            "case_follow_up": self.tr("Follow up a support case"),
        }
        if task.kind == "manual":
            return task.text
        days = getattr(self, "_priority_days", tasks.PRIORITY_VISIT_DAYS)
        return labels.get(task.kind, task.kind).format(head=task.text or task.household_code, days=days)

    def _task_state(self, task: TaskDTO) -> str:
        if task.overdue:
            return self.tr("Overdue")
        return self.tr("Today") if task.due == self._today else ""

    def selected_task(self) -> TaskDTO | None:
        index = self.due_view.currentIndex()
        return self.due.record(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        chosen = self.selected_task() is not None and self.due_view.isVisible()
        self.done_button.setEnabled(chosen)
        self.snooze_button.setEnabled(chosen)

    def mark_done(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        profile = self.ctx.profile
        self.ctx.lane.submit(
            lambda: tasks.complete(profile, task.key),
            lambda _result: self.ctx.notify_changed(),
            on_error=self._refused,
            owner=self,
        )

    def put_off(self) -> None:
        from desktop.ui.dialogs.task import SnoozeDialog

        task = self.selected_task()
        if task is not None:
            SnoozeDialog(self.ctx, task, self.task_label(task), parent=self).exec()

    def new_task(self) -> None:
        from desktop.ui.dialogs.task import ManualTaskDialog

        ManualTaskDialog(self.ctx, parent=self).exec()

    def _refused(self, error: BaseException) -> None:
        from desktop.ui.modal import warn
        from desktop.ui.translation import error_text

        if not isinstance(error, SotayError):
            raise error
        warn(self, self.tr("Overview"), error_text(error))
        self.reload()

    def _activated(self, index: QModelIndex) -> None:
        item = self.due.record(index.row())
        if item is None:
            return
        if item.case_id is not None:
            self.open_case.emit(item.household_id, item.case_id)
        elif item.household_id is not None:
            self.open_household.emit(item.household_id)
