"""Add a member who already lives in the household, or correct a member's details."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import PersonDTO
from desktop.services.register import members
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.duplicate import save_checking_duplicates
from desktop.ui.dialogs.person_form import PersonFields
from desktop.ui.pages.detail_tables import member_status
from desktop.ui.widgets.form import FormPanel


class MemberDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        household_id: uuid.UUID,
        household_code: str,
        *,
        person: PersonDTO | None = None,
        default_relationship: str = "",
        parent: QWidget | None = None,
    ) -> None:
        heading = (
            self.tr("Edit member — household {code}") if person else self.tr("Add member — household {code}")
        ).format(code=household_code)
        super().__init__(ctx, heading, parent)
        self.preferred_width = 860
        self.household_id = household_id
        self.person = person
        self.person_id: uuid.UUID | None = person.id if person else None
        self.panel = FormPanel(columns=2)
        self.fields = PersonFields(self.panel, ctx, relationship=default_relationship)
        if person is None:
            self.fields.ethnicity.set_value("01")  # Kinh: by far the most common in Hà Tĩnh
            self.fields.residence_status.set_value("permanent_present")
        else:
            self.fields.set_value(members.to_input(person))
        self.body.addWidget(self.panel)
        # The residence status above is where someone is registered; whether they still live here, left or
        # died is recorded by events, and shown apart.
        self.living_status = QLabel()
        self.living_status.setObjectName("subtitle")
        self.living_status.setWordWrap(True)
        if person is not None:
            self.living_status.setText(self.tr("Living status: {status}").format(status=member_status(person)))
        self.living_status.setVisible(person is not None)
        self.body.addWidget(self.living_status)
        self.as_change = QCheckBox(
            self.tr("This is a real change (not a typing correction): report it on the monthly slip")
        )
        self.as_change.setVisible(person is not None)
        self.body.addWidget(self.as_change)
        self.watch(self.panel)
        self.revalidate()
        self.fields.full_name.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return self.fields.problems()

    def perform_save(self) -> bool:
        data = self.fields.value()
        profile = self.ctx.profile
        if self.person_id is not None:
            members.update_member(profile, self.person_id, data, as_change_event=self.as_change.isChecked())
            return True
        saved = save_checking_duplicates(
            self, lambda allow: members.add_member(profile, self.household_id, data, allow_duplicate=allow)
        )
        if saved is None:
            return False
        self.person_id = saved
        return True
