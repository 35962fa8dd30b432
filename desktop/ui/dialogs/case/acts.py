"""The Acts tab of a domestic-violence case: the acts of Art. 3.1 with the types of violence they make, the
relationship, the harm, how often it happened, and whether the case may go to community criticism."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop.errors import FieldProblem, SotayError
from desktop.services.casework import dv
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.dv import ActsInput
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import LETTERS, ChoiceChecks, lettered
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo

CTX = "CaseDialog"  # the case window's texts, whichever of its tabs shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class ActsTab(CaseTab):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.panel = FormPanel()
        self.acts = ChoiceChecks()
        self.acts.set_items(lettered(self.codes.items(dv.ACTS), LETTERS))
        self.types_label = QLabel()
        self.types_label.setWordWrap(True)
        self.relationship = CodeCombo(self.codes.items(dv.RELATIONSHIPS))
        self.harm = QLineEdit()
        self.harm.setPlaceholderText(_tr("Injuries, damage (short)"))
        self.recurrence = QSpinBox()
        self.recurrence.setRange(0, dv.RECURRENCE_MAX)
        self.recurrence.setSuffix(_tr(" times"))
        self.sanctioned = QCheckBox(_tr("Already given an administrative sanction for domestic violence"))
        self.criticism_note = QLabel(
            _tr(
                "The case may be brought to community criticism (Art. 32 of the Law on domestic violence): "
                "violence at least twice in 12 months, or again after a sanction."
            )
        )
        self.criticism_note.setWordWrap(True)
        self.criticism_note.setObjectName("hint")
        recurrence_box = QWidget()
        recurrence_row = QVBoxLayout(recurrence_box)
        recurrence_row.setContentsMargins(0, 0, 0, 0)
        recurrence_row.addWidget(self.recurrence, 0, Qt.AlignmentFlag.AlignLeft)
        recurrence_row.addWidget(self.sanctioned)
        recurrence_row.addWidget(self.criticism_note)
        add = self.panel.add
        add("acts", _tr("&Acts (Art. 3.1)"), self.acts, self.acts.changed)
        add("types", _tr("Types of violence"), self.types_label)
        add("relationship_context", _tr("&Relationship"), self.relationship, self.relationship.currentIndexChanged)
        add("harm", _tr("&Harm"), self.harm, self.harm.textChanged)
        add("recurrence_12m", _tr("Times in the last &12 months"), recurrence_box, self.recurrence.valueChanged)
        self.sanctioned.toggled.connect(lambda _on: self._edited())
        self.save_button = QPushButton(_tr("&Save acts"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)
        self.panel.edited.connect(lambda _field: self._edited())

    def show_case(self, detail: CaseDetail, view: dv.DvCaseView) -> None:
        self.detail = detail
        for code in (item.code for item in self.codes.items(dv.ACTS)):
            self.acts.set_checked(code, code in view.acts)
        self.relationship.set_value(view.relationship_context or None)
        self.harm.setText(view.harm)
        self.recurrence.setValue(view.recurrence_12m)
        self.sanctioned.setChecked(view.sanctioned_before)
        editable = self.is_open()
        self.acts.set_editable(editable)
        for widget in (self.relationship, self.harm, self.recurrence, self.sanctioned):
            widget.setEnabled(editable)
        self._show_derived()
        self.validate()

    def input_area(self) -> QWidget:
        return self.panel

    def save_unsaved(self) -> bool:
        return self.save()

    def value(self) -> ActsInput:
        return ActsInput(
            acts=tuple(self.acts.checked_values()),
            relationship_context=self.relationship.code(),
            harm=self.harm.text(),
            recurrence_12m=self.recurrence.value(),
            sanctioned_before=self.sanctioned.isChecked(),
        )

    def _edited(self) -> None:
        self.saved.setText("")
        self._show_derived()
        self.validate()

    def _show_derived(self) -> None:
        wanted = {self.codes.act_types.get(code, "") for code in self.acts.checked_values()}
        names = [self.codes.label(dv.TYPES, t.code) for t in self.codes.items(dv.TYPES) if t.code in wanted]
        self.types_label.setText(", ".join(names) if names else _tr("(tick the acts)"))
        # The same rule as dv.criticism_applies, on what is ticked now (the age is checked on saving).
        repeated = self.recurrence.value() >= dv.CRITICISM_RECURRENCE
        after_sanction = self.sanctioned.isChecked() and bool(self.acts.checked_values())
        self.criticism_note.setVisible(repeated or after_sanction)

    def validate(self) -> list[FieldProblem]:
        problems = dv.acts_problems(self.ctx.profile, self.value())
        self.panel.show_problems(problems)
        self.save_button.setEnabled(self.is_open() and not problems)
        return problems

    def save(self) -> bool:
        self.panel.touch_all()
        if self.validate():
            return False
        try:
            dv.record_acts(self.ctx.profile, self.case_id, self.value())
        except SotayError as refused:
            self.report_refusal(refused, self.panel)
            return False
        self.changed.emit()
        self.saved.setText(_tr("Saved."))
        return True
