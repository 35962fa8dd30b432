"""Dissolve a household whose members have all left or died; it stays in the register as history."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail
from desktop.services.register import households
from desktop.services.validation import ADDRESS_MAX, event_date_problems, problem, text_problems
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel


class DissolveDialog(FormDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Dissolve household {code}").format(code=household.code), parent)
        self.household = household
        self.present = [p for p in household.members if p.status == "present"]
        explain = QLabel(
            self.tr(
                "The household stays in the register as history, but no one can be added to it any more. "
                "Every member must first be recorded as moved out or deceased."
            )
        )
        explain.setWordWrap(True)
        self.body.addWidget(explain)
        self.panel = FormPanel()
        self.on = DateEdit(ctx.profile.today(), allow_empty=False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the whole family moved to Hà Nội"))
        self.panel.add("dissolved_on", self.tr("&Date"), self.on, self.on.value_changed)
        self.panel.add("reason", self.tr("&Reason"), self.reason, self.reason.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.reason.setFocus()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        found = event_date_problems("dissolved_on", self.on.value(), self.ctx.profile.today())
        found += text_problems("reason", self.reason.text(), required=True, max_len=ADDRESS_MAX)
        if self.present:
            names = ", ".join(p.full_name for p in self.present)
            found.append(problem("reason", self.tr("Still living here: {names}."), names=names))
        return found

    def perform_save(self) -> bool:
        on = self.on.value()
        assert on is not None
        households.dissolve(self.ctx.profile, self.household.id, on=on, reason=self.reason.text())
        return True
