"""The Groups tab of a child-protection case: the groups of Art. 10 of the Law on children the child is in."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.casework import child
from desktop.services.casework.cases import CaseDetail
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import LETTERS, ChoiceChecks, lettered
from desktop.ui.dialogs.case.tab import CaseTab

CTX = "CaseDialog"  # the case window's texts, whichever of its tabs shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class GroupsTab(CaseTab):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.groups = ChoiceChecks()
        self.groups.set_items(lettered(self.codes.items(child.GROUPS), LETTERS))
        self.save_button = QPushButton(_tr("Save &groups"))
        self.save_button.clicked.connect(self.save)
        self.groups.changed.connect(lambda: self.saved.setText(""))
        self.saved = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_tr("The child belongs to these groups of Art. 10 of the Law on children:")))
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)

    def show_case(self, detail: CaseDetail, groups: tuple[str, ...]) -> None:
        self.detail = detail
        for code in (item.code for item in self.codes.items(child.GROUPS)):
            self.groups.set_checked(code, code in groups)
        self.groups.set_editable(self.is_open())
        self.save_button.setEnabled(self.is_open())

    def input_area(self) -> QWidget:
        return self.groups

    def save_unsaved(self) -> bool:
        return self.save()

    def save(self) -> bool:
        chosen = tuple(self.groups.checked_values())
        if not self.save_through(lambda: child.set_groups(self.ctx.profile, self.case_id, chosen)):
            return False
        self.saved.setText(_tr("Saved."))
        return True
