"""Add a household category (poor, near-poor, policy…) for a year, with the decision number."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail
from desktop.services.register import households
from desktop.services.validation import ADDRESS_MAX, code_problems, text_problems, year_problems
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo

DECISION_MAX = 60  # households.add_category's limit


class CategoryDialog(FormDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a category — household {code}").format(code=household.code), parent)
        self.household = household
        today = ctx.profile.today()
        self.panel = FormPanel()
        self.category = CodeCombo(ctx.codes.items("household_categories"))
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year.setMaximumWidth(120)
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText(self.tr("e.g. 125/QĐ-UBND"))
        self.notes = QLineEdit()
        self.panel.add("category", self.tr("&Category"), self.category, self.category.currentIndexChanged)
        self.panel.add("year", self.tr("&Year"), self.year, self.year.valueChanged)
        self.panel.add("decision_no", self.tr("&Decision no."), self.decision_no, self.decision_no.textChanged)
        self.panel.add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.category.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        allowed = [c.code for c in self.ctx.codes.items("household_categories")]
        found = code_problems("category", self.category.code(), allowed)
        found += year_problems("year", self.year.value(), self.ctx.profile.today())
        found += text_problems("decision_no", self.decision_no.text(), required=False, max_len=DECISION_MAX)
        found += text_problems("notes", self.notes.text(), required=False, max_len=ADDRESS_MAX)
        return found

    def perform_save(self) -> bool:
        households.add_category(
            self.ctx.profile,
            self.household.id,
            category=self.category.code(),
            year=self.year.value(),
            decision_no=self.decision_no.text(),
            notes=self.notes.text(),
        )
        return True
