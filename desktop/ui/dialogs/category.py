"""Add a household category (poor, near-poor, policy…) for a year, with the decision number; a poor or
near-poor decision names the poverty standard it was made under (domain.md §7.1)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail
from desktop.services.register import categories, households
from desktop.services.register.categories import Entry
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo, ValueCombo


class CategoryDialog(FormDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a category — household {code}").format(code=household.code), parent)
        self.preferred_width = 640
        self.household = household
        today = ctx.profile.today()
        self.standards = categories.poverty_standards(ctx.profile)
        self.panel = FormPanel()
        self.category = CodeCombo(ctx.codes.items("household_categories"))
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year.setMaximumWidth(120)
        self.standard = ValueCombo(blank=self.tr("— choose the standard —"))
        self.standard.set_items(
            (self.tr("{name} — {decree}").format(name=s.name, decree=s.decree), s.code) for s in self.standards
        )
        self._standard_chosen = False  # until the user picks one, the standard follows the year
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText(self.tr("e.g. 125/QĐ-UBND"))
        self.notes = QLineEdit()
        self.panel.add("category", self.tr("&Category"), self.category, self.category.currentIndexChanged)
        self.panel.add("year", self.tr("&Year"), self.year, self.year.valueChanged)
        self.panel.add(
            "poverty_standard", self.tr("Poverty &standard"), self.standard, self.standard.currentIndexChanged
        )
        self.panel.add("decision_no", self.tr("&Decision no."), self.decision_no, self.decision_no.textChanged)
        self.panel.add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.body.addWidget(self.panel)
        self.standard.activated.connect(self._standard_picked)
        self.category.currentIndexChanged.connect(self._follow)
        self.year.valueChanged.connect(self._follow)
        self._follow()
        self.watch(self.panel)
        self.revalidate()
        self.category.setFocus()

    def _standard_picked(self, _index: int) -> None:
        self._standard_chosen = True

    def needs_standard(self) -> bool:
        return categories.needs_standard(self.category.code(), self.standards)

    def _follow(self, *_args: object) -> None:
        """Only a poor or near-poor decision has a standard; until one is picked, the one in force that year."""
        shown = self.needs_standard()
        self.panel.set_visible("poverty_standard", shown)
        if shown and not self._standard_chosen:
            in_force = categories.standard_for(self.category.code(), self.year.value(), self.standards)
            self.standard.set_value(in_force or None)

    def value(self) -> Entry:
        return Entry(
            category=self.category.code(),
            year=self.year.value(),
            poverty_standard=(self.standard.value() or "") if self.needs_standard() else "",
            decision_no=self.decision_no.text(),
            notes=self.notes.text(),
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        allowed = [c.code for c in self.ctx.codes.items("household_categories")]
        return categories.form_problems(
            self.value(), categories=allowed, standards=self.standards, today=self.ctx.profile.today()
        )

    def perform_save(self) -> bool:
        entry = self.value()
        households.add_category(
            self.ctx.profile,
            self.household.id,
            category=entry.category,
            year=entry.year,
            decision_no=entry.decision_no,
            notes=entry.notes,
            poverty_standard=entry.poverty_standard,
        )
        return True
