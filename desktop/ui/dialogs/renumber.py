"""Give a household a new number, when a merge left two households with one (a review item, Cần xem lại).

The number is checked as it is typed (the same rule as the household form); the service then checks it as
any edit of the number is checked (free in the commune, the user may change the household). A refusal is
shown under the field and what was typed stays.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.errors import FieldProblem
from desktop.services import review
from desktop.services.validation import household_code_problems
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.form import FormPanel


class RenumberDialog(FormDialog):
    def __init__(self, ctx: AppContext, household_id: uuid.UUID, code: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New number for household {code}").format(code=code), parent)
        self.household_id = household_id
        explain = QLabel(
            self.tr(
                "Another household has the number {code} too. Give this one a number no other household "
                "in the commune has; the change reaches the other laptops with the next exchange."
            ).format(code=code)
        )
        explain.setWordWrap(True)
        self.body.addWidget(explain)
        self.panel = FormPanel()
        self.code = QLineEdit()
        self.panel.add("code", self.tr("New &number"), self.code, self.code.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.code.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return household_code_problems(self.code.text().strip())

    def perform_save(self) -> bool:
        review.renumber(self.ctx.profile, self.household_id, self.code.text().strip())
        return True
