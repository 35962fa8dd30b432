"""The review after the plan (Mẫu 06) of a child-protection case: four scores, written at the monitoring
step, whose worst becomes the case's risk level (shown as the scores are chosen, with the service's rule);
and its one line under the steps of the case window."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.errors import FieldProblem
from desktop.services.casework import child_forms
from desktop.services.casework.cases import RISK_TABLE
from desktop.services.casework.child_forms import ReviewDTO, ReviewInput
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import subtitle
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.formatting import fmt_date
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo

CTX = "CaseChildForms"
SCORES = ("harm", "access", "obstacles", "capacity")
REVIEW_WIDTH = 760
QUESTION_CHARS = 46  # the four questions of Mẫu 06 wrap onto two lines, not four
SCORE_WIDTH_CHARS = 28  # three short levels: a full-width choice would look like a text box


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def _caption_of(panel: FormPanel, editor: QWidget) -> QLabel | None:
    return next((label for label in panel.findChildren(QLabel) if label.buddy() is editor), None)


def review_text(review: ReviewDTO, codes: CaseCodes) -> str:
    """One line for the case window, under the steps."""

    def level(code: str) -> str:
        return codes.label(RISK_TABLE, code).lower()  # inside a sentence

    return _tr(
        "Review of {date}: harm {harm}, access {access}, obstacles {obstacles}, "
        "child's capacity {capacity} → overall risk {overall}"
    ).format(
        date=fmt_date(review.reviewed_on),
        harm=level(review.harm),
        access=level(review.access),
        obstacles=level(review.obstacles),
        capacity=level(review.capacity),
        overall=level(review.overall),
    )


class ReviewSummary(QLabel):
    """The review's line in the case window; hidden until a review is written."""

    def __init__(self, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = codes
        self.setWordWrap(True)
        self.setObjectName("reviewSummary")
        self.setVisible(False)

    def show_review(self, review: ReviewDTO | None) -> None:
        self.setText(review_text(review, self.codes) if review is not None else "")
        self.setVisible(review is not None)


class ReviewDialog(FormDialog):
    """Mẫu 06: four scores after the plan was carried out; their worst becomes the case's risk level."""

    def __init__(
        self,
        ctx: AppContext,
        case_id: uuid.UUID,
        not_before: date,
        codes: CaseCodes,
        saved: ReviewDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Review after the plan (Mẫu 06)"), parent)
        self.preferred_width = REVIEW_WIDTH
        self.case_id = case_id
        self.not_before = not_before
        self.codes = codes
        self.result_review: ReviewDTO | None = None
        levels = codes.items(RISK_TABLE)
        self.panel = FormPanel()
        self.reviewed_on = DateEdit(ctx.profile.today(), allow_empty=False)
        self.harm, self.access = CodeCombo(levels), CodeCombo(levels)
        self.obstacles, self.capacity = CodeCombo(levels), CodeCombo(levels)
        self.notes = notes_editor()
        self.combos = dict(zip(SCORES, (self.harm, self.access, self.obstacles, self.capacity), strict=True))
        questions = {
            "harm": self.tr("How severe is the &harm to the child now?"),
            "access": self.tr("How easily can the person who caused the harm &reach the child?"),
            "obstacles": self.tr("How much stands in the way in the child's care &environment?"),
            "capacity": self.tr("How well can the child &protect themself and recover?"),
        }
        add = self.panel.add
        add("reviewed_on", self.tr("Reviewed &on"), self.reviewed_on, self.reviewed_on.value_changed)
        for field, combo in self.combos.items():
            combo.setMaximumWidth(combo.fontMetrics().averageCharWidth() * SCORE_WIDTH_CHARS + 40)
            add(field, questions[field], combo, combo.currentIndexChanged)
            caption = _caption_of(self.panel, combo)
            if caption is not None:
                caption.setMinimumWidth(caption.fontMetrics().averageCharWidth() * QUESTION_CHARS)
        add("notes", self.tr("&Notes"), self.notes, self.notes.textChanged)
        self.overall = QLabel()
        self.overall.setObjectName("overallRisk")
        bold = self.overall.font()
        bold.setBold(True)
        self.overall.setFont(bold)
        self.overall_hint = subtitle(
            self.tr(
                "The worst of the four scores, a child who can protect themself well counting as a low risk. "
                "It becomes the case's risk level."
            )
        )
        self.body.addWidget(self.panel)
        self.body.addWidget(self.overall)
        self.body.addWidget(self.overall_hint)
        if saved is not None:
            self._fill(saved)
        self.watch(self.panel)
        self.revalidate()
        self.harm.setFocus()

    def _fill(self, saved: ReviewDTO) -> None:
        self.reviewed_on.set_value(saved.reviewed_on)
        for field, combo in self.combos.items():
            combo.set_value(getattr(saved, field) or None)
        self.notes.setPlainText(saved.notes)

    def value(self) -> ReviewInput:
        return ReviewInput(
            reviewed_on=self.reviewed_on.value() or self.ctx.profile.today(),
            harm=self.harm.code(),
            access=self.access.code(),
            obstacles=self.obstacles.code(),
            capacity=self.capacity.code(),
            notes=self.notes.toPlainText(),
        )

    def overall_code(self) -> str:
        """The overall risk of the scores chosen so far; '' until all four are chosen."""
        scores = [combo.code() for combo in self.combos.values()]
        return child_forms.overall_risk(*scores) if all(scores) else ""

    def _show_overall(self) -> None:
        code = self.overall_code()
        level = self.codes.label(RISK_TABLE, code) if code else "—"
        self.overall.setText(self.tr("Overall risk: {level}").format(level=level))

    def revalidate(self) -> list[FieldProblem]:
        self._show_overall()
        return super().revalidate()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return child_forms.review_problems(self.ctx.profile, self.value(), not_before=self.not_before)

    def perform_save(self) -> bool:
        self.result_review = child_forms.record_review(self.ctx.profile, self.case_id, self.value())
        return True
