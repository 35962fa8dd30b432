"""The People tab of a case: victims, who caused harm, carers and reporters, members of the household or not."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.services.casework import parties
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.parties import PartyDTO
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import show_error
from desktop.ui.dialogs.case.party import PartyDialog, party_name, role_name
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.modal import confirm
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

CTX = "CaseDialog"  # the case window's texts, whichever of its tabs shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class PeopleTab(CaseTab):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.people = RecordTableModel(self._columns())
        self.view = make_table(self.people)
        self.view.setAccessibleName(_tr("People in the case"))
        fit_columns(self.view, {0: 34, 1: 24, 2: 8, 3: 8, 4: 14, 5: 22})  # role labels are long in Vietnamese
        remember_widths(self.view, ctx.profile.paths, "case_people")
        self.add_button = QPushButton(_tr("Add &person…"))
        self.add_button.clicked.connect(self.add_party)
        self.remove_button = QPushButton(_tr("Re&move"))
        self.remove_button.clicked.connect(self.remove_party)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())

    def _columns(self) -> list[Column[PartyDTO]]:
        def sex(p: PartyDTO) -> str:
            return self.sex_names.get(p.sex, p.sex) if p.sex else ""

        return [
            Column(_tr("Role"), lambda p: role_name(p.role, self.kind)),
            Column(_tr("Name"), party_name),
            Column(_tr("Sex"), sex, align_center=True),
            Column(_tr("Born"), lambda p: str(p.birth_year) if p.birth_year else "", align_center=True),
            Column(_tr("Relationship"), lambda p: p.relationship),
            Column(_tr("Contact"), lambda p: p.contact),
        ]

    @property
    def kind(self) -> str:
        return self.detail.kind if self.detail is not None else ""

    @property
    def sex_names(self) -> dict[str, str]:
        return {c.code: code_label(c) for c in self.ctx.codes.items("sex")}

    def show_case(self, detail: CaseDetail, people: list[PartyDTO]) -> None:
        self.detail = detail
        self.people.set_records(people)
        if self.people.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self._update_buttons()

    def selected_party(self) -> PartyDTO | None:
        return self.people.record(self.view.currentIndex().row())

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.is_open())
        self.remove_button.setEnabled(self.is_open() and self.selected_party() is not None)

    def add_party(self) -> None:
        if self.detail is None:
            return
        if PartyDialog(self.ctx, self.case_id, self.detail.household_id, parent=self).exec():
            show_error(self.error, "")
            self.changed.emit()

    def remove_party(self) -> bool:
        chosen = self.selected_party()
        if chosen is None:
            return False
        question = _tr("Remove {name} ({role}) from the people of this case?").format(
            name=party_name(chosen), role=role_name(chosen.role, self.kind)
        )
        if not confirm(self, _tr("Remove person"), question):
            return False
        return self.save_through(lambda: parties.remove_party(self.ctx.profile, chosen.id))
