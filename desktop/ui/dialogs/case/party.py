"""Add a person to a case: a member of the household, someone named from outside the register, or a
reporter who stays anonymous. The rules are the service's (`parties.party_problems`), checked as you type."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QWidget

from desktop.errors import FieldProblem
from desktop.services.casework import cases, dv, parties
from desktop.services.casework.cases import CHILD_PROTECTION
from desktop.services.casework.parties import REPORTER, PartyInput
from desktop.services.register import households
from desktop.services.validation import OLDEST_BIRTH
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import ValueCombo

CTX = "CaseParties"
NO_YEAR = OLDEST_BIRTH.year - 1  # the spin box's "not known" value


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def role_name(role: str, kind: str) -> str:
    """A role in the words of the case's kind: Law 13/2022 for domestic violence, the Law on Children for
    child protection (as the case file prints them, desktop.services.documents.case_record)."""
    by_kind = {
        dv.KIND: {
            "victim": _tr("Person subjected to domestic violence"),
            "perpetrator": _tr("Person who committed domestic violence"),
        },
        CHILD_PROTECTION: {"victim": _tr("Child"), "perpetrator": _tr("Person who abused the child")},
    }
    names = {
        "victim": _tr("Person supported"),
        "perpetrator": _tr("Person who caused harm"),
        "carer": _tr("Carer"),
        "reporter": _tr("Reporter"),
    }
    return by_kind.get(kind, {}).get(role) or names.get(role, role)


def party_name(party: parties.PartyDTO) -> str:
    return _tr("Anonymous") if party.anonymous else party.name


class PartyDialog(FormDialog):
    """One person of the case, with their role; nothing is saved while a problem is shown."""

    def __init__(
        self, ctx: AppContext, case_id: uuid.UUID, household_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _tr("Add a person to the case"), parent)
        self.preferred_width = 620
        self.case_id = case_id
        self.party_id: uuid.UUID | None = None  # set once saved
        self.this_year = ctx.profile.today().year
        household = households.detail(ctx.profile, household_id)
        self.panel = FormPanel()
        self.role = ValueCombo(blank=QCoreApplication.translate("Pickers", "— choose —"))
        kind = cases.detail(ctx.profile, case_id).kind
        self.role.set_items(((role_name(r, kind), r) for r in parties.ROLES), keep=False)
        self.person = ValueCombo(blank=_tr("— someone outside the register —"))
        self.person.set_items(
            (_tr("{name} (born {year})").format(name=p.full_name, year=p.birth_date.year), p.id)
            for p in household.members
            if p.status == "present"
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(_tr("Full name of someone outside the register"))
        self.sex = ValueCombo(blank=_tr("not known"))
        self.sex.set_items(((code_label(c), c.code) for c in ctx.codes.items("sex")), keep=False)
        self.birth_year = QSpinBox()
        self.birth_year.setRange(NO_YEAR, self.this_year)
        self.birth_year.setSpecialValueText(_tr("not known"))
        self.birth_year.setValue(NO_YEAR)
        self.anonymous = QCheckBox(_tr("Anonymous (reporter only)"))
        self.relationship = QLineEdit()
        self.relationship.setPlaceholderText(_tr("e.g. husband, neighbour, teacher"))
        self.relationship.setMaxLength(40)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(_tr("Phone or address, to reach the reporter"))
        add = self.panel.add
        add("role", _tr("&Role"), self.role, self.role.currentIndexChanged)
        add("person_id", _tr("A &member of this household"), self.person, self.person.currentIndexChanged)
        add("name", _tr("Or the &name"), self.name, self.name.textChanged)
        add("sex", _tr("&Sex"), self.sex, self.sex.currentIndexChanged)
        add("birth_year", _tr("&Year of birth"), self.birth_year, self.birth_year.valueChanged)
        add("anonymous", "", self.anonymous, self.anonymous.toggled)
        add("relationship", _tr("Re&lationship"), self.relationship, self.relationship.textChanged)
        add("contact", _tr("&Contact"), self.contact, self.contact.textChanged)
        for signal in (self.role.currentIndexChanged, self.person.currentIndexChanged, self.anonymous.toggled):
            signal.connect(lambda *_a: self._arrange())
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self._arrange()
        self.role.setFocus()

    def _arrange(self) -> None:
        """Outsider fields only without a member chosen; nothing naming an anonymous reporter."""
        anonymous = self.anonymous.isChecked()
        if anonymous:
            for editor in (self.name, self.contact):
                editor.clear()
            self.person.set_value(None)
            self.sex.set_value(None)
            self.birth_year.setValue(NO_YEAR)
        outsider = self.person.value() is None and not anonymous
        self.person.setEnabled(not anonymous)
        for editor in (self.name, self.sex, self.birth_year):
            editor.setEnabled(outsider)
        self.contact.setEnabled(not anonymous)
        self.panel.set_visible("contact", self.role.value() == REPORTER)
        self.revalidate()

    def value(self) -> PartyInput:
        anonymous = self.anonymous.isChecked()
        outsider = self.person.value() is None and not anonymous
        year = self.birth_year.value()
        return PartyInput(
            role=self.role.value() or "",
            person_id=None if anonymous else self.person.value(),
            name=self.name.text() if outsider else "",
            sex=(self.sex.value() or "") if outsider else "",
            birth_year=year if outsider and year != NO_YEAR else None,
            anonymous=anonymous,
            relationship=self.relationship.text(),
            contact=self.contact.text() if self.role.value() == REPORTER and not anonymous else "",
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return parties.party_problems(self.ctx.profile, self.value())

    def perform_save(self) -> bool:
        self.party_id = parties.add_party(self.ctx.profile, self.case_id, self.value())
        return True
