"""Open a support case for a household or one of its members: kind, person, opening date, summary, and
the first assessment (risk level, consent), which may wait until the situation is known."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.errors import FieldProblem
from desktop.services import reference
from desktop.services.casework import cases
from desktop.services.casework.cases import CaseInput
from desktop.services.dto import HouseholdDetail
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo, ValueCombo


class CaseOpenDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        household: HouseholdDetail,
        *,
        person_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        heading = self.tr("Open a support case — household {code}").format(code=household.code)
        super().__init__(ctx, heading, parent)
        self.preferred_width = 640
        self.household = household
        self.case_id: uuid.UUID | None = None  # set once saved
        today = ctx.profile.today()
        tables = reference.code_tables(ctx.profile, cases.KIND_TABLE, cases.RISK_TABLE, cases.SUPPORT_KINDS)
        kinds, risks = tables[cases.KIND_TABLE], tables[cases.RISK_TABLE]
        support_kinds = tables[cases.SUPPORT_KINDS]
        self.panel = FormPanel()
        self.kind = CodeCombo(kinds)
        self.support_kind = CodeCombo(support_kinds)
        self.person = ValueCombo(blank=self.tr("— the household as a whole —"))
        self.person.set_items(
            (self.tr("{name} (born {year})").format(name=p.full_name, year=p.birth_date.year), p.id)
            for p in household.members
            if p.status == "present"
        )
        self.person.set_value(person_id)
        self.opened_on = DateEdit(today, allow_empty=False)
        self.summary = notes_editor()
        self.summary.setPlaceholderText(self.tr("Who reported it, what is known so far (kept confidential)"))
        self.risk = ValueCombo(blank=self.tr("— not assessed —"))
        self.risk.set_items((code_label(c), c.code) for c in risks)
        self.consent = QCheckBox(self.tr("The person &agreed to be helped"))
        self.consent.setToolTip(self.tr("The person concerned, or a child's carer, agreed to be helped."))
        self.panel.add("kind", self.tr("&Kind of case"), self.kind, self.kind.currentIndexChanged)
        self.panel.add(
            "support_kind", self.tr("What it is &about"), self.support_kind, self.support_kind.currentIndexChanged
        )
        self.panel.add("person_id", self.tr("&Person concerned"), self.person, self.person.currentIndexChanged)
        self.panel.add("opened_on", self.tr("&Opened on"), self.opened_on, self.opened_on.value_changed)
        self.panel.add("summary", self.tr("Short &summary"), self.summary, self.summary.textChanged)
        self.panel.add("risk_level", self.tr("&Risk level"), self.risk, self.risk.currentIndexChanged)
        self.panel.add("consent", self.tr("Consent"), self.consent, self.consent.toggled)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.revalidate()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        # Only an other-support case says what it is about; the other kinds have their own tabs for it.
        self.panel.set_visible("support_kind", self.kind.code() == cases.OTHER_SUPPORT)

    def kind_names(self) -> list[str]:
        return [self.kind.itemText(i) for i in range(self.kind.count())]

    def value(self) -> CaseInput:
        return CaseInput(
            kind=self.kind.code(),
            household_id=self.household.id,
            opened_on=self.opened_on.value() or self.ctx.profile.today(),
            person_id=self.person.value(),
            summary=self.summary.toPlainText(),
            risk_level=self.risk.value() or "",
            consent=self.consent.isChecked(),
            support_kind=self.support_kind.code() if self.kind.code() == cases.OTHER_SUPPORT else "",
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return cases.input_problems(self.ctx.profile, self.value())

    def perform_save(self) -> bool:
        self.case_id = cases.open_case(self.ctx.profile, self.value())
        return True
