"""The small forms of a case: apply a measure (Art. 22), refer to a body, close the case, add a plan item."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from desktop.errors import FieldProblem
from desktop.services.casework import child_plan, dv, dv_measures
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.validation import NOTE_MAX, code_problems, event_date_problems, text_problems
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo

MAX_DISTANCE_M = 100_000
PERIOD_FIELDS = ("starts_on", "ends_on")


class MeasureDialog(FormDialog):
    """A measure with its decision; for a no-contact order its days and distance, held to the law's limits."""

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Apply a measure"), parent)
        self.preferred_width = 640
        self.case_id = case_id
        self.limits = codes.measure_limits
        today = ctx.profile.today()
        self.panel = FormPanel()
        self.measure = CodeCombo(codes.items(dv.MEASURES))
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText(self.tr("e.g. 12/QĐ-UBND"))
        self.decided_on = DateEdit(today, allow_empty=False)
        self.starts_on = DateEdit(today)
        self.ends_on = DateEdit(None)
        self.distance = QSpinBox()
        self.distance.setRange(0, MAX_DISTANCE_M)
        self.distance.setSuffix(" m")
        self.supervisor = QLineEdit()
        self.supervisor.setPlaceholderText(self.tr("Who makes sure it is respected"))
        self.notes = notes_editor()
        add = self.panel.add
        add("measure", self.tr("&Measure"), self.measure, self.measure.currentIndexChanged)
        add("decision_no", self.tr("&Decision no."), self.decision_no, self.decision_no.textChanged)
        add("decided_on", self.tr("Decided &on"), self.decided_on, self.decided_on.value_changed)
        add("starts_on", self.tr("&First day"), self.starts_on, self.starts_on.value_changed)
        add("ends_on", self.tr("&Last day"), self.ends_on, self.ends_on.value_changed)
        add("distance_m", self.tr("Keep a&way at least"), self.distance, self.distance.valueChanged)
        add("supervisor", self.tr("&Supervised by"), self.supervisor, self.supervisor.textChanged)
        add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.measure.currentIndexChanged.connect(lambda _i: self._measure_changed())
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self._measure_changed()
        self.measure.setFocus()

    def revalidate(self) -> list[FieldProblem]:
        problems = super().revalidate()
        self.grow_to_fit()  # a row or a long refusal may have appeared
        return problems

    def _limit(self) -> dv_measures.MeasureLimits:
        return self.limits.get(self.measure.code(), dv_measures.MeasureLimits(None, None))

    def _measure_changed(self) -> None:
        limit = self._limit()
        for name in PERIOD_FIELDS:
            self.panel.set_visible(name, limit.max_days is not None)
        self.panel.set_visible("distance_m", limit.min_distance_m is not None)
        if limit.min_distance_m is not None and self.distance.value() == 0:
            self.distance.setValue(limit.min_distance_m)
        self.revalidate()

    def value(self) -> MeasureInput:
        limit = self._limit()
        period = limit.max_days is not None
        return MeasureInput(
            measure=self.measure.code(),
            decided_on=self.decided_on.value() or self.ctx.profile.today(),
            decision_no=self.decision_no.text(),
            starts_on=self.starts_on.value() if period else None,
            ends_on=self.ends_on.value() if period else None,
            distance_m=self.distance.value() if limit.min_distance_m is not None else None,
            supervisor=self.supervisor.text(),
            notes=self.notes.toPlainText(),
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return dv_measures.measure_problems(self.ctx.profile, self.value())

    def perform_save(self) -> bool:
        dv_measures.apply_measure(self.ctx.profile, self.case_id, self.value())
        return True


class ReferDialog(FormDialog):
    """Send the case to a receiving body; its status starts at "sent"."""

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Refer the case"), parent)
        self.case_id = case_id
        self.body_codes = [item.code for item in codes.items(dv.BODIES)]
        self.panel = FormPanel()
        self.receiver = CodeCombo(codes.items(dv.BODIES))
        self.sent_on = DateEdit(ctx.profile.today(), allow_empty=False)
        self.notes = notes_editor()
        self.panel.add("body", self.tr("&Refer to"), self.receiver, self.receiver.currentIndexChanged)
        self.panel.add("sent_on", self.tr("&Sent on"), self.sent_on, self.sent_on.value_changed)
        self.panel.add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.receiver.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        today = self.ctx.profile.today()
        found = code_problems("body", self.receiver.code(), self.body_codes)
        found += event_date_problems("sent_on", self.sent_on.value(), today)
        found += text_problems("notes", self.notes.toPlainText(), required=False, max_len=NOTE_MAX, multiline=True)
        return found

    def perform_save(self) -> bool:
        sent_on = self.sent_on.value() or self.ctx.profile.today()
        dv_measures.refer(
            self.ctx.profile, self.case_id, body=self.receiver.code(), sent_on=sent_on, notes=self.notes.toPlainText()
        )
        return True


class CloseCaseDialog(FormDialog):
    """Close the case with its outcome; a closed case takes no more actions."""

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, opened_on: date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Close the case"), parent)
        self.case_id = case_id
        self.opened_on = opened_on
        self.panel = FormPanel()
        self.closed_on = DateEdit(ctx.profile.today(), allow_empty=False)
        self.outcome = notes_editor()
        self.outcome.setPlaceholderText(self.tr("How the situation ended, what was agreed"))
        self.panel.add("closed_on", self.tr("&Closed on"), self.closed_on, self.closed_on.value_changed)
        self.panel.add("outcome", self.tr("&Outcome"), self.outcome, self.outcome.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.outcome.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        today = self.ctx.profile.today()
        found = event_date_problems("closed_on", self.closed_on.value(), today, not_before=self.opened_on)
        found += text_problems("outcome", self.outcome.toPlainText(), required=True, max_len=NOTE_MAX, multiline=True)
        return found

    def perform_save(self) -> bool:
        closed_on = self.closed_on.value() or self.ctx.profile.today()
        dv.close_case(self.ctx.profile, self.case_id, on=closed_on, outcome=self.outcome.toPlainText())
        return True


class PlanItemDialog(FormDialog):
    """One item of a child's support plan: what is done, by whom, by when; refused before the plan step."""

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, opened_on: date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a plan item"), parent)
        self.case_id = case_id
        self.opened_on = opened_on
        self.panel = FormPanel()
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("e.g. Enrol the child at the commune school"))
        self.responsible = QLineEdit()
        self.responsible.setPlaceholderText(self.tr("A person or a body"))
        self.due_on = DateEdit(None)
        self.notes = notes_editor()
        add = self.panel.add
        add("action", self.tr("&What"), self.action, self.action.textChanged)
        add("responsible", self.tr("&Who"), self.responsible, self.responsible.textChanged)
        add("due_on", self.tr("&By when"), self.due_on, self.due_on.value_changed)
        add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.action.setFocus()

    def value(self) -> PlanItemInput:
        return PlanItemInput(
            action=self.action.text(),
            responsible=self.responsible.text(),
            due_on=self.due_on.value(),
            notes=self.notes.toPlainText(),
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return child_plan.input_problems(self.value(), self.opened_on)

    def perform_save(self) -> bool:
        child_plan.add_item(self.ctx.profile, self.case_id, self.value())
        return True
