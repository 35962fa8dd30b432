"""Create a household or edit its number, village, address, phone and notes."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.errors import FieldProblem
from desktop.services import reference
from desktop.services.dto import HouseholdDetail
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import ValueCombo


class HouseholdDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        *,
        household: HouseholdDetail | None = None,
        village_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        heading = (
            self.tr("Edit household {code}").format(code=household.code) if household else self.tr("New household")
        )
        super().__init__(ctx, heading, parent)
        self.household_id: uuid.UUID | None = household.id if household else None
        self.panel = FormPanel()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. 012 or 012.1"))
        self.village = ValueCombo(blank=self.tr("— choose a village —"))
        villages = reference.commune_villages(ctx.profile)
        self.village.set_items(((v.name, v.id) for v in villages), keep=False)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("e.g. Xóm 3, next to the cultural house"))
        self.phone = QLineEdit()
        self.notes = notes_editor()
        self.panel.add("code", self.tr("Household &no."), self.code, self.code.textChanged)
        self.panel.add("village_id", self.tr("&Village"), self.village, self.village.currentIndexChanged)
        self.panel.add("address", self.tr("&Address"), self.address, self.address.textChanged)
        self.panel.add("phone", self.tr("&Phone"), self.phone, self.phone.textChanged)
        self.panel.add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.body.addWidget(self.panel)
        if household is not None:
            self.code.setText(household.code)
            self.village.set_value(household.village_id)
            self.address.setText(household.address)
            self.phone.setText(household.phone)
            self.notes.setPlainText(household.notes)
        elif village_id is not None or len(villages) == 1:
            self.village.set_value(village_id or villages[0].id)
        self.watch(self.panel)
        self.revalidate()
        self.code.setFocus()

    def value(self) -> HouseholdInput:
        return HouseholdInput(
            code=self.code.text(),
            village_id=self.village.value(),
            address=self.address.text(),
            phone=self.phone.text(),
            notes=self.notes.toPlainText(),
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return households.input_problems(self.ctx.profile, self.value(), household_id=self.household_id)

    def perform_save(self) -> bool:
        if self.household_id is None:
            self.household_id = households.create(self.ctx.profile, self.value())
        else:
            households.update(self.ctx.profile, self.household_id, self.value())
        return True
