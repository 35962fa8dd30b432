"""The risk and consent assessment in the case window's header: the risk the person runs, as the user
judges it now, and whether they agreed to be helped.

The service is the gate (desktop.services.casework.cases.set_assessment): a refusal appears under the
assessment and nothing is saved.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import SotayError
from desktop.services.casework import cases
from desktop.services.casework.cases import CaseDetail
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import error_label, refusal_text, show_error
from desktop.ui.input_snapshot import HoldsInput
from desktop.ui.widgets.pickers import ValueCombo


class AssessmentBar(QWidget, HoldsInput):
    """The risk the person runs, as the user judges it now, and whether they agreed to be helped."""

    changed = Signal()  # the assessment was saved

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.risk = ValueCombo(blank=self.tr("— not assessed —"))
        self.risk.set_items((code_label(c), c.code) for c in codes.items(cases.RISK_TABLE))
        self.risk.setMinimumWidth(180)
        self.risk.setMinimumContentsLength(14)
        risk_label = QLabel(self.tr("Ris&k level"))
        risk_label.setBuddy(self.risk)
        self.consent = QCheckBox(self.tr("The person agreed to &be helped"))
        self.consent.setToolTip(self.tr("The person concerned, or a child's carer, agreed to be helped."))
        self.save_button = QPushButton(self.tr("Sa&ve assessment"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel()
        self.saved.setObjectName("subtitle")
        self.error = error_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(risk_label)
        row.addWidget(self.risk)
        row.addSpacing(16)
        row.addWidget(self.consent)
        row.addSpacing(16)
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.risk.currentIndexChanged.connect(lambda _i: self._edited())
        self.consent.toggled.connect(lambda _on: self._edited())
        self._set_editable(False)  # until a case is shown

    def show_case(self, detail: CaseDetail) -> None:
        self.detail = detail
        for control in (self.risk, self.consent):
            control.blockSignals(True)
        self.risk.set_value(detail.risk_level or None)
        self.consent.setChecked(detail.consent)
        for control in (self.risk, self.consent):
            control.blockSignals(False)
        show_error(self.error, "")
        self._set_editable(detail.state == cases.OPEN)

    def input_area(self) -> QWidget:
        return self

    def save_unsaved(self) -> bool:
        return self.save()

    def risk_level(self) -> str:
        return self.risk.value() or ""

    def save(self) -> bool:
        try:
            cases.set_assessment(
                self.ctx.profile, self.case_id, risk_level=self.risk_level(), consent=self.consent.isChecked()
            )
        except SotayError as refused:
            show_error(self.error, refusal_text(refused))
            return False
        show_error(self.error, "")
        self.saved.setText(self.tr("Saved."))
        self.changed.emit()
        return True

    def _edited(self) -> None:
        self.saved.setText("")
        show_error(self.error, "")

    def _set_editable(self, editable: bool) -> None:
        for control in (self.risk, self.consent, self.save_button):
            control.setEnabled(editable)
