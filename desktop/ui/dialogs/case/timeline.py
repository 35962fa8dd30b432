"""The Timeline tab of a case: the entries users write (notes, support, mediation, monitoring visits) among
what the case's own records say happened, latest first, and the form to write an entry.

The service is the gate (desktop.services.casework.timeline): a refusal appears beside the field it is
about and nothing is saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import FieldProblem
from desktop.services.casework import cases, child_plan
from desktop.services.casework import timeline as case_actions
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.timeline import ActionInput, TimelineEntry
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo
from desktop.ui.widgets.tables import fit_columns, make_table

# What and Result columns never grow beyond these many average characters; the notes take the rest.
WIDEST_CHARS = {1: 52, 2: 34}
CELL_SPARE_PX = 16  # air between a fitted column's text and the next column


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ActionDialog(FormDialog):
    """Write what was done in the case; a mediation or a monitoring visit also says how it ended."""

    def __init__(
        self,
        ctx: AppContext,
        case_id: uuid.UUID,
        case_kind: str,
        opened_on: date,
        codes: CaseCodes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Write an entry"), parent)
        self.preferred_width = 620
        self.case_id = case_id
        self.case_kind = case_kind
        self.opened_on = opened_on
        self.codes = codes
        # Read once: the results only change with the app's reference files.
        kinds, self.results_by_kind = case_actions.entry_choices(ctx.profile, case_kind)
        self.panel = FormPanel()
        self.kind = CodeCombo(kinds)
        self.done_on = DateEdit(ctx.profile.today(), allow_empty=False)
        self.result_choice = CodeCombo([])
        self.notes = notes_editor()
        self.notes.setPlaceholderText(self.tr("What was done, who took part, what was agreed"))
        self.follow_up_on = DateEdit(None)
        follow_up_hint = QLabel(self.tr("The case shows among the tasks from that day until a later entry is written."))
        follow_up_hint.setObjectName("subtitle")
        follow_up_hint.setWordWrap(True)
        # The hint beside the date, so a refusal comes right under the date it is about.
        follow_up_box = QWidget()
        follow_up_row = QHBoxLayout(follow_up_box)
        follow_up_row.setContentsMargins(0, 0, 0, 0)
        follow_up_row.setSpacing(12)
        self.follow_up_on.setMinimumWidth(self.done_on.maximumWidth())  # as wide as the date above
        follow_up_row.addWidget(self.follow_up_on, 0, Qt.AlignmentFlag.AlignTop)
        follow_up_row.addWidget(follow_up_hint, 1)
        # The caption's Alt+letter focuses its buddy only if the buddy takes focus: the box passes it on.
        follow_up_box.setFocusPolicy(self.follow_up_on.focusPolicy())
        follow_up_box.setFocusProxy(self.follow_up_on)
        add = self.panel.add
        add("kind", self.tr("&Kind of entry"), self.kind, self.kind.currentIndexChanged)
        add("done_on", self.tr("&Done on"), self.done_on, self.done_on.value_changed)
        add("result", self.tr("&Result"), self.result_choice, self.result_choice.currentIndexChanged)
        add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        add("follow_up_on", self.tr("&Follow up on"), follow_up_box, self.follow_up_on.value_changed)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self._kind_changed()
        self.kind.setFocus()

    def results_shown(self) -> bool:
        return bool(self.results_by_kind.get(self.kind.code()))

    def _kind_changed(self) -> None:
        results = self.results_by_kind.get(self.kind.code(), [])
        self.result_choice.set_items(((code_label(r), r.code) for r in results), keep=True)
        self.panel.set_visible("result", bool(results))
        self.result_choice.setEnabled(bool(results))
        self.revalidate()

    def revalidate(self) -> list[FieldProblem]:
        problems = super().revalidate()
        self.grow_to_fit()  # a row or a long refusal may have appeared
        return problems

    def value(self) -> ActionInput:
        return ActionInput(
            kind=self.kind.code(),
            done_on=self.done_on.value() or self.ctx.profile.today(),
            notes=self.notes.toPlainText(),
            result=self.result_choice.code() if self.results_shown() else "",
            follow_up_on=self.follow_up_on.value(),
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return case_actions.input_problems(
            self.ctx.profile, self.value(), case_kind=self.case_kind, opened_on=self.opened_on
        )

    def perform_save(self) -> bool:
        case_actions.record(self.ctx.profile, self.case_id, self.value())
        return True


class TimelineTab(CaseTab):
    """Everything dated in the case, latest first, and the button to write a new entry."""

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.add_button = QPushButton(self.tr("&Write an entry…"))
        self.add_button.setObjectName("primary")
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(False)  # until a case is shown
        self.add_button.clicked.connect(self.add_entry)
        self.entries = RecordTableModel(self._columns())
        self.view = make_table(self.entries)
        self.view.setAccessibleName(self.tr("Timeline"))
        fit_columns(self.view, {0: 11, 1: 30, 2: 16})  # the notes take the rest
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def _columns(self) -> list[Column[TimelineEntry]]:
        return [
            Column(self.tr("Date"), lambda e: fmt_date(e.on), align_center=True),
            Column(self.tr("What"), self.what_text),
            Column(self.tr("Result"), self.result_text),
            Column(self.tr("Notes"), self.notes_text),
        ]

    def show_case(self, detail: CaseDetail, entries: list[TimelineEntry]) -> None:
        self.detail = detail
        self.entries.set_records(entries)
        self._fit_columns()
        self.add_button.setEnabled(detail.state == cases.OPEN)

    def _fit_columns(self) -> None:
        """Step and result names run long in Vietnamese: as wide as they need, within reason (tooltips show all)."""
        char = self.view.fontMetrics().averageCharWidth()
        for column, widest in WIDEST_CHARS.items():
            self.view.resizeColumnToContents(column)
            fitted = self.view.columnWidth(column) + CELL_SPARE_PX
            self.view.setColumnWidth(column, min(fitted, widest * char + CELL_SPARE_PX))

    def add_entry(self) -> bool:
        """Open the entry form; True if an entry was saved."""
        detail = self.detail
        if detail is None or detail.state != cases.OPEN:
            return False
        dialog = ActionDialog(self.ctx, self.case_id, detail.kind, detail.opened_on, self.codes, parent=self)
        if not dialog.exec():
            return False
        self.changed.emit()
        return True

    # Texts of a line ##########################################################################

    def what_text(self, entry: TimelineEntry) -> str:
        texts: dict[str, Callable[[TimelineEntry], str]] = {
            "opened": lambda e: self.tr("Case opened: {kind}").format(kind=self._name(e)),
            "step": lambda e: self.tr("Step: {step}").format(step=self._name(e)),
            "measure": lambda e: self.tr("Measure: {measure}").format(measure=self._name(e)),
            "referral": lambda e: self.tr("Referred to {body}").format(body=self._name(e)),
            "referral_status": lambda e: self.tr("{body}: {status}").format(
                body=self._name(e), status=self.status_name(e.result)
            ),
            "plan_item": lambda e: self.tr("Plan: {item}").format(item=_one_line(e.notes)),
            "action": self._name,
            "review": lambda _e: self.tr("Review after the plan (Mẫu 06)"),
            "closed": lambda _e: self.tr("Case closed"),
        }
        text = texts.get(entry.what)
        return text(entry) if text is not None else entry.what

    def result_text(self, entry: TimelineEntry) -> str:
        if entry.what == "action" and entry.result:
            return self.codes.label(case_actions.RESULTS, entry.result)
        if entry.what == "plan_item":
            return self.status_name(entry.result)
        return ""  # a referral's status is already in its "What"

    def notes_text(self, entry: TimelineEntry) -> str:
        if entry.what == "plan_item":
            return ""  # the item's text is its "What"
        if entry.what == "measure" and entry.notes:
            return self.tr("Decision no. {number}").format(number=entry.notes)
        return _one_line(entry.notes)

    def status_name(self, status: str) -> str:
        """A referral's status after "sent" (a referral line says it was sent), or a plan item's."""
        names = {
            "received": self.tr("Received"),
            "declined": self.tr("Declined"),
            # "done" is both a referral's and a plan item's last status.
            child_plan.DONE: self.tr("Done"),
            child_plan.DROPPED: self.tr("Dropped"),
        }
        return names.get(status, status)

    def _name(self, entry: TimelineEntry) -> str:
        return self.codes.label(entry.table, entry.code) if entry.table else entry.code
