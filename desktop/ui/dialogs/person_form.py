"""The person fields (PersonInput), shared by "add/edit member", "birth" and "move in"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desktop.errors import FieldProblem
from desktop.services.register import members
from desktop.services.register.members import PersonInput
from desktop.ui.context import AppContext
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo

CTX = "PersonFields"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def notes_editor() -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setTabChangesFocus(True)  # Tab moves on, as in every other field
    editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 16)
    return editor


class PersonFields:
    """Adds the person editors to a panel and turns them into a PersonInput."""

    def __init__(self, panel: FormPanel, ctx: AppContext, *, relationship: str = "") -> None:
        codes = ctx.codes
        self.ctx = ctx
        self.full_name = QLineEdit()
        self.sex = CodeCombo(codes.items("sex"))
        self.birth_date = DateEdit()
        self.relationship = CodeCombo(codes.items("relationship"))
        self.ethnicity = CodeCombo(codes.items("ethnic_groups"))
        self.education = CodeCombo(codes.items("education"), required=False)
        self.marital_status = CodeCombo(codes.items("marital_status"), required=False)
        self.residence_status = CodeCombo(codes.items("residence_status"), required=False)
        self.insurance_no = QLineEdit()
        self.national_id = QLineEdit()
        self.notes = notes_editor()
        self.insurance_no.setPlaceholderText(_tr("e.g. HT4424212345678"))
        self.national_id.setPlaceholderText(_tr("12 digits"))

        panel.add("full_name", _tr("Full &name"), self.full_name, self.full_name.textChanged)
        panel.add("sex", _tr("&Sex"), self.sex, self.sex.currentIndexChanged)
        panel.add("birth_date", _tr("Date of &birth"), self.birth_date, self.birth_date.value_changed)
        panel.add(
            "relationship", _tr("&Relationship to head"), self.relationship, self.relationship.currentIndexChanged
        )
        panel.add("ethnicity", _tr("&Ethnic group"), self.ethnicity, self.ethnicity.currentIndexChanged)
        panel.add("education", _tr("E&ducation"), self.education, self.education.currentIndexChanged, column=1)
        right = (
            ("marital_status", _tr("&Marital status"), self.marital_status, self.marital_status.currentIndexChanged),
            (
                "residence_status",
                _tr("Residence s&tatus"),
                self.residence_status,
                self.residence_status.currentIndexChanged,
            ),
            ("insurance_no", _tr("Health &insurance no."), self.insurance_no, self.insurance_no.textChanged),
            ("national_id", _tr("Citizen &ID no."), self.national_id, self.national_id.textChanged),
        )
        for field, label, editor, signal in right:
            panel.add(field, label, editor, signal, column=1)
        panel.add("notes", _tr("N&otes"), self.notes, self.notes.textChanged, span=True)
        self.set_value(PersonInput(full_name="", sex="", birth_date=None, relationship=relationship))

    def value(self) -> PersonInput:
        # Text goes to the service exactly as typed (NFD included); the service normalises to NFC.
        return PersonInput(
            full_name=self.full_name.text(),
            sex=self.sex.code(),
            birth_date=self.birth_date.value(),
            relationship=self.relationship.code(),
            ethnicity=self.ethnicity.code(),
            education=self.education.code(),
            marital_status=self.marital_status.code(),
            residence_status=self.residence_status.code(),
            insurance_no=self.insurance_no.text(),
            national_id=self.national_id.text(),
            notes=self.notes.toPlainText(),
        )

    def set_value(self, data: PersonInput) -> None:
        self.full_name.setText(data.full_name)
        self.sex.set_value(data.sex or None)
        self.birth_date.set_value(data.birth_date)
        self.relationship.set_value(data.relationship or None)
        self.ethnicity.set_value(data.ethnicity or None)
        self.education.set_value(data.education or None)
        self.marital_status.set_value(data.marital_status or None)
        self.residence_status.set_value(data.residence_status or None)
        self.insurance_no.setText(data.insurance_no)
        self.national_id.setText(data.national_id)
        self.notes.setPlainText(data.notes)

    def problems(self) -> list[FieldProblem]:
        return members.input_problems(self.ctx.profile, self.value())
