"""Việc cần làm: put a task off until a day (with a reason), or write a task of one's own."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.errors import FieldProblem
from desktop.services.casework import tasks
from desktop.services.casework.task_sources import TaskDTO
from desktop.services.validation import ADDRESS_MAX, problem, text_problems
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel


class SnoozeDialog(FormDialog):
    def __init__(self, ctx: AppContext, task: TaskDTO, label: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Put off: {task}").format(task=label), parent)
        self.task = task
        today = ctx.profile.today()
        self.panel = FormPanel()
        self.until = DateEdit(today + timedelta(days=7), allow_empty=False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the family is away until next week"))
        self.panel.add("until", self.tr("&Until"), self.until, self.until.value_changed)
        self.panel.add("reason", self.tr("&Reason"), self.reason, self.reason.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.reason.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        found = text_problems("reason", self.reason.text(), required=True, max_len=ADDRESS_MAX)
        until = self.until.value()
        if until is None or until <= self.ctx.profile.today():
            found.append(problem("until", self.tr("Choose a day after today.")))
        return found

    def perform_save(self) -> bool:
        until = self.until.value()
        assert until is not None
        tasks.snooze(self.ctx.profile, self.task.key, until=until, reason=self.reason.text())
        return True


class ManualTaskDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New task"), parent)
        self.panel = FormPanel()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. bring the leaflets to Thôn Đông Hà"))
        self.due = DateEdit(ctx.profile.today(), allow_empty=False)
        self.panel.add("title", self.tr("&What"), self.title, self.title.textChanged)
        self.panel.add("due_on", self.tr("&By"), self.due, self.due.value_changed)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.title.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        found = text_problems("title", self.title.text(), required=True, max_len=ADDRESS_MAX)
        due = self.due.value()
        if due is None or due < self.ctx.profile.today():
            found.append(problem("due_on", self.tr("The day a task is due cannot be in the past.")))
        return found

    def perform_save(self) -> bool:
        due = self.due.value()
        assert due is not None
        tasks.add_manual(self.ctx.profile, title=self.title.text(), due_on=due)
        return True
