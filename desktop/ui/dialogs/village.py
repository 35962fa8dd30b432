"""Add a village (thôn) to the commune, or rename one."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import VillageDTO
from desktop.services.register import villages
from desktop.services.validation import name_problems
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.form import FormPanel


class VillageDialog(FormDialog):
    def __init__(self, ctx: AppContext, *, village: VillageDTO | None = None, parent: QWidget | None = None) -> None:
        heading = self.tr("Rename village {name}").format(name=village.name) if village else self.tr("Add a village")
        super().__init__(ctx, heading, parent)
        self.village = village
        self.panel = FormPanel()
        self.name = QLineEdit(village.name if village else "")
        self.name.setPlaceholderText(self.tr("e.g. Thôn Trung Hòa"))
        self.panel.add("name", self.tr("&Name"), self.name, self.name.textChanged)
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.name.setFocus()
        self.name.selectAll()

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return name_problems("name", self.name.text())

    def perform_save(self) -> bool:
        profile = self.ctx.profile
        if self.village is None:
            villages.add(profile, self.name.text())
        else:
            villages.rename(profile, self.village.id, self.name.text())
        return True
