"""The Intake tab of a child-protection case: the intake report (Mẫu 01 of Decree 56/2017, part A).

The child's name, birth date and sex come from the register and the reporter is one of the case's
people, so the form asks only for what neither holds.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import FieldProblem, SotayError
from desktop.services.casework import cases, child_forms
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.child_forms import IntakeInput
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import show_error, subtitle
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.formatting import fmt_date
from desktop.ui.widgets.form import CAPTION_TOP, FormPanel
from desktop.ui.widgets.pickers import CodeCombo

CTX = "CaseChildForms"
AGE_DIGITS = 3
AGE_WIDTH_CHARS = 12  # room for the "not known" placeholder in Vietnamese too
TIME_WIDTH_CHARS = 9


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    label.setWordWrap(True)
    return label


def _narrow(editor: QLineEdit, chars: int) -> QLineEdit:
    # A short value in a field as wide as a name reads like a field for something longer.
    editor.setMaximumWidth(editor.fontMetrics().averageCharWidth() * chars + 24)
    return editor


def _top(editor: QWidget) -> QWidget:
    """The editor held at the top of its cell, level with its caption, when the row beside it is taller
    (a message under the mother's age must not push the father's age down)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(editor)
    column.addStretch(1)
    _lend_focus(box, editor)
    return box


def _lend_focus(box: QWidget, editor: QWidget) -> None:
    # The caption's Alt+letter focuses its buddy only if the buddy takes focus: the box passes it on.
    box.setFocusPolicy(editor.focusPolicy())
    box.setFocusProxy(editor)


def _age_editor() -> QLineEdit:
    """Digits only; blank means "not known" (a spin box would need a fake 0 and arrows nobody uses)."""
    editor = QLineEdit()
    editor.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{AGE_DIGITS}}}"), editor))
    editor.setPlaceholderText(_tr("not known"))
    return _narrow(editor, AGE_WIDTH_CHARS)


def _age(editor: QLineEdit) -> int | None:
    text = editor.text().strip()
    return int(text) if text.isdigit() else None


class IntakeTab(CaseTab):
    """Mẫu 01, part A: how the report came in, the child's and the family's situation, what was done."""

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.editable = True
        self._build_editors()
        self.report_panel = FormPanel()
        self.child_panel = FormPanel()
        self.family_panel = FormPanel(columns=2)
        self.done_panel = FormPanel()
        self._fill_report_panel()
        self._fill_child_panel()
        self._fill_family_panel()
        self.done_panel.add(
            "actions_taken", self.tr("&Done so far"), self.actions_taken, self.actions_taken.textChanged
        )
        self._lay_out()
        for panel in self.panels():
            panel.edited.connect(lambda _field: self._edited())
        self.revalidate()

    # Building ################################################################################

    def _build_editors(self) -> None:
        self.source = CodeCombo(self.codes.items(child_forms.SOURCES))
        self.target = CodeCombo(self.codes.items(child_forms.TARGETS))
        self.received_time = _narrow(QLineEdit(), TIME_WIDTH_CHARS)
        self.received_time.setMaxLength(5)
        self.received_time.setPlaceholderText(self.tr("hh:mm"))
        self.received_day = QLabel()
        self.received_day.setObjectName("subtitle")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. at home, at school, on the way to school"))
        self.child_name = QLabel()
        self.child_name.setObjectName("childName")
        bold = self.child_name.font()
        bold.setBold(True)
        self.child_name.setFont(bold)
        self.child_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.child_name.setContentsMargins(0, CAPTION_TOP, 0, 0)  # level with its caption
        self.situation = notes_editor()
        self.situation.setPlaceholderText(self.tr("What is happening to the child now"))
        self.consequences = notes_editor()
        self.consequences.setPlaceholderText(self.tr("What may happen to the child without help"))
        self.father_name, self.mother_name = QLineEdit(), QLineEdit()
        self.father_age, self.mother_age = _age_editor(), _age_editor()
        self.father_job, self.mother_job = QLineEdit(), QLineEdit()
        self.carer = QLineEdit()
        self.carer.setPlaceholderText(self.tr("Who looks after the child now"))
        self.family_situation = notes_editor()
        self.family_situation.setPlaceholderText(self.tr("Income, housing, who lives with the child"))
        self.actions_taken = notes_editor()
        self.actions_taken.setPlaceholderText(self.tr("Steps already taken to keep the child safe"))
        self.save_button = QPushButton(self.tr("Save &intake report"))
        self.save_button.setObjectName("primary")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedNote")

    def _fill_report_panel(self) -> None:
        add = self.report_panel.add
        add("source", self.tr("Sou&rce"), self.source, self.source.currentIndexChanged)
        add("target", self.tr("&Target group"), self.target, self.target.currentIndexChanged)
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.received_time)
        row.addWidget(self.received_day, 1)
        _lend_focus(when, self.received_time)
        add("received_time", self.tr("Received &at"), when, self.received_time.textChanged)
        add("place", self.tr("Where it &happened"), self.place, self.place.textChanged)

    def _fill_child_panel(self) -> None:
        add = self.child_panel.add
        add("child", self.tr("Child"), self.child_name)
        add("situation", self.tr("Situation &now"), self.situation, self.situation.textChanged)
        add("consequences", self.tr("&Likely consequences"), self.consequences, self.consequences.textChanged)

    def _fill_family_panel(self) -> None:
        add = self.family_panel.add
        parents = (
            ("father_name", self.tr("&Father's name"), self.father_name, 0),
            ("father_age", self.tr("Father's a&ge"), self.father_age, 0),
            ("father_job", self.tr("Father's &occupation"), self.father_job, 0),
            ("mother_name", self.tr("&Mother's name"), self.mother_name, 1),
            ("mother_age", self.tr("Mother's ag&e"), self.mother_age, 1),
            ("mother_job", self.tr("Mother's occ&upation"), self.mother_job, 1),
        )
        for field, label, editor, column in parents:
            add(field, label, _top(editor), editor.textChanged, column=column)
        add("carer", self.tr("Looked after b&y"), self.carer, self.carer.textChanged, span=True)
        add(
            "family_situation",
            self.tr("Family &situation"),
            self.family_situation,
            self.family_situation.textChanged,
            span=True,
        )

    def _lay_out(self) -> None:
        self.form = QWidget()
        inner = QVBoxLayout(self.form)
        inner.setContentsMargins(4, 4, 12, 8)
        inner.setSpacing(8)
        inner.addWidget(_section(self.tr("How the report came in")))
        inner.addWidget(subtitle(self.tr("Who reported it is recorded on the People tab (they may stay anonymous).")))
        inner.addWidget(self.report_panel)
        inner.addWidget(_section(self.tr("The child")))
        inner.addWidget(subtitle(self.tr("Name, date of birth and sex are those of the register.")))
        inner.addWidget(self.child_panel)
        inner.addWidget(_section(self.tr("Parents and carer")))
        inner.addWidget(self.family_panel)
        inner.addWidget(_section(self.tr("What was done")))
        inner.addWidget(self.done_panel)
        inner.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.form)
        # The form on the tab's own white, not on a grey scroll area.
        self.form.setAutoFillBackground(False)
        self.scroll.viewport().setAutoFillBackground(False)
        # Outside the form, which is disabled (greyed) once the case is closed.
        self.closed_note = subtitle(self.tr("The case is closed: the intake report can no longer be changed."))
        self.closed_note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.saved_label, 1)
        layout.addLayout(bottom)

    # Showing #################################################################################

    def panels(self) -> list[FormPanel]:
        return [self.report_panel, self.child_panel, self.family_panel, self.done_panel]

    def _editors(self) -> list[QWidget]:
        return [
            self.source,
            self.target,
            self.received_time,
            self.place,
            self.situation,
            self.consequences,
            self.father_name,
            self.father_age,
            self.father_job,
            self.mother_name,
            self.mother_age,
            self.mother_job,
            self.carer,
            self.family_situation,
            self.actions_taken,
        ]

    def show_case(self, detail: CaseDetail, saved: IntakeInput | None) -> None:
        """Fill the form with the report as saved (blank before the first save); read-only once closed."""
        self.detail = detail
        self.child_name.setText(detail.person_name or "—")
        self.received_day.setText(
            self.tr("on {date}, the day the case was opened").format(date=fmt_date(detail.opened_on))
        )
        # Filling in is not editing: the messages stay quiet until the user changes something.
        for editor in self._editors():
            editor.blockSignals(True)
        try:
            self.set_value(saved or IntakeInput(source="", target=""))
        finally:
            for editor in self._editors():
                editor.blockSignals(False)
        self.editable = detail.state == cases.OPEN
        self.form.setEnabled(self.editable)
        self.closed_note.setVisible(not self.editable)
        if not self.editable:
            self.saved_label.setText("")
        show_error(self.error, "")
        self.revalidate()

    def input_area(self) -> QWidget:
        return self.form

    def save_unsaved(self) -> bool:
        return self.save()

    def set_value(self, data: IntakeInput) -> None:
        self.source.set_value(data.source or None)
        self.target.set_value(data.target or None)
        self.received_time.setText(data.received_time)
        self.place.setText(data.place)
        self.situation.setPlainText(data.situation)
        self.consequences.setPlainText(data.consequences)
        self.father_name.setText(data.father_name)
        self.father_age.setText("" if data.father_age is None else str(data.father_age))
        self.father_job.setText(data.father_job)
        self.mother_name.setText(data.mother_name)
        self.mother_age.setText("" if data.mother_age is None else str(data.mother_age))
        self.mother_job.setText(data.mother_job)
        self.carer.setText(data.carer)
        self.family_situation.setPlainText(data.family_situation)
        self.actions_taken.setPlainText(data.actions_taken)

    def value(self) -> IntakeInput:
        # Text goes to the service as typed; it normalises spaces itself.
        return IntakeInput(
            source=self.source.code(),
            target=self.target.code(),
            received_time=self.received_time.text().strip(),
            place=self.place.text(),
            situation=self.situation.toPlainText(),
            consequences=self.consequences.toPlainText(),
            father_name=self.father_name.text(),
            father_age=_age(self.father_age),
            father_job=self.father_job.text(),
            mother_name=self.mother_name.text(),
            mother_age=_age(self.mother_age),
            mother_job=self.mother_job.text(),
            family_situation=self.family_situation.toPlainText(),
            carer=self.carer.text(),
            actions_taken=self.actions_taken.toPlainText(),
        )

    def error_text(self, field: str) -> str:
        """The message shown beside `field` ('' if none)."""
        for panel in self.panels():
            if panel.has_field(field):
                return panel.error_text(field)
        raise KeyError(field)

    # Validating and saving ###################################################################

    def _edited(self) -> None:
        self.saved_label.setText("")
        self.revalidate()

    def revalidate(self) -> list[FieldProblem]:
        problems = child_forms.intake_problems(self.ctx.profile, self.value())
        self._show_problems(problems)
        self.save_button.setEnabled(self.editable and not problems)
        return problems

    def _show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        elsewhere = problems
        for panel in self.panels():
            elsewhere = panel.show_problems(elsewhere)
        return elsewhere

    def save(self) -> bool:
        for panel in self.panels():
            panel.touch_all()
        if self.revalidate() or not self.editable:
            return False
        try:
            child_forms.record_intake(self.ctx.profile, self.case_id, self.value())
        except SotayError as refused:
            self.report_refusal(refused, *self.panels())
            return False
        show_error(self.error, "")
        # The case window reads the case again and tells the rest of the app (as for its other tabs).
        self.changed.emit()
        # After `changed`, so that showing the case again does not wipe this note.
        self.saved_label.setText(self.tr("Saved."))
        return True
