"""The Steps tab of a child-protection case: the seven steps of Decree 56/2017 one after the other, the
support plan's deadline, and the review after the plan (Mẫu 06) that the last step needs."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.casework import cases, child, child_forms
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.child_forms import ReviewDTO
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import show_error
from desktop.ui.dialogs.case.review import ReviewDialog, ReviewSummary
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.formatting import fmt_date
from desktop.ui.widgets.date_edit import DateEdit

CTX = "CaseDialog"  # the case window's texts, whichever of its tabs shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class StepsTab(CaseTab):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.view: child.ChildCaseView | None = None
        self.review: ReviewDTO | None = None
        layout = QVBoxLayout(self)
        self.plan_label = QLabel()
        self.plan_label.setObjectName("planDue")
        self.plan_label.setWordWrap(True)
        layout.addWidget(self.plan_label)
        layout.addLayout(self._steps_grid())
        advance_row = QHBoxLayout()
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("primary")
        self.advance_button.clicked.connect(self.advance_next)
        self.advance_on = DateEdit(self.ctx.profile.today(), allow_empty=False)
        advance_row.addWidget(self.advance_button)
        self.advance_on_label = QLabel(_tr("on"))
        self.advance_on_label.setBuddy(self.advance_on)
        advance_row.addWidget(self.advance_on_label)
        advance_row.addWidget(self.advance_on)
        advance_row.addStretch(1)
        layout.addLayout(advance_row)
        layout.addWidget(self.error)
        self.review_summary = ReviewSummary(self.codes)
        self.review_button = QPushButton(_tr("Review after the plan (Mẫu 06)…"))
        self.review_button.clicked.connect(self.write_review)
        self.review_hint = QLabel(_tr("The case is closed once the review after the plan is written."))
        self.review_hint.setObjectName("hint")
        self.review_hint.setWordWrap(True)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignLeft)
        review_row.addWidget(self.review_hint, 1)
        layout.addLayout(review_row)
        layout.addWidget(self.review_summary)
        layout.addStretch(1)

    def _steps_grid(self) -> QGridLayout:
        """The steps by number, each with the day it was reached."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.step_dates: dict[str, QLabel] = {}
        self.step_names: dict[str, QLabel] = {}
        for row_no, step in enumerate(self.codes.items(child.STEPS)):
            name = QLabel(f"{row_no + 1}. {self.codes.label(child.STEPS, step.code)}")
            name.setWordWrap(True)
            when = QLabel()
            when.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row_no, 1)
            grid.addWidget(when, row_no, 2)
            self.step_names[step.code] = name
            self.step_dates[step.code] = when
        return grid

    def show_case(self, detail: CaseDetail, view: child.ChildCaseView, review: ReviewDTO | None) -> None:
        self.detail, self.view, self.review = detail, view, review
        state = view.state
        for code, label in self.step_dates.items():
            reached = state.reached.get(code)
            label.setText(fmt_date(reached) if reached else "—")
            current = code == state.stage
            font = self.step_names[code].font()
            font.setBold(current)
            self.step_names[code].setFont(font)
            self.step_names[code].setEnabled(reached is not None or code == state.next_step)
        if state.next_step is not None:
            name = self.codes.label(child.STEPS, state.next_step)
            self.advance_button.setText(_tr("Advance to: {step}").format(step=name))
        self.advance_button.setVisible(state.next_step is not None and self.is_open())
        at_review = state.stage == child_forms.REVIEW_STEP and self.is_open()
        self.review_button.setVisible(at_review)
        self.review_hint.setVisible(at_review and review is None)
        self.review_summary.show_review(review)
        # The last step closes the case: not before the review is written.
        self.advance_button.setEnabled(state.next_step != cases.CLOSED or review is not None)
        self.advance_on.setVisible(state.next_step is not None and self.is_open())
        self.advance_on_label.setVisible(self.advance_on.isVisibleTo(self.window()))
        self._show_plan_due(state.plan_due)

    def _show_plan_due(self, due: date | None) -> None:
        if due is not None:
            today = self.ctx.profile.today()
            template = (
                _tr("The support plan was due on {date}: it is late.")
                if due < today
                else _tr("The support plan must be drawn up by {date}.")
            )
            self.plan_label.setText(template.format(date=fmt_date(due)))
        else:
            self.plan_label.setText("")
        self.plan_label.setVisible(due is not None)

    def next_step(self) -> str | None:
        return self.view.state.next_step if self.view is not None else None

    def advance_next(self) -> bool:
        step = self.next_step()
        return step is not None and self.advance_to(step)

    def advance_to(self, step: str) -> bool:
        """Record that the case reached `step`; the service refuses any step but the next one."""
        on = self.advance_on.value() or self.ctx.profile.today()
        return self.save_through(lambda: child.advance(self.ctx.profile, self.case_id, to=step, on=on))

    def write_review(self) -> bool:
        """The review of Mẫu 06, written at the monitoring step; closing the case needs it."""
        if self.view is None or self.detail is None:
            return False
        reached = self.view.state.reached
        not_before = reached.get(child_forms.REVIEW_STEP, self.detail.opened_on)
        dialog = ReviewDialog(self.ctx, self.case_id, not_before, self.codes, saved=self.review, parent=self)
        if not dialog.exec():
            return False
        show_error(self.error, "")
        self.changed.emit()
        return True
