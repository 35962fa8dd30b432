"""The Measures tab of a domestic-violence case: the measures of Art. 22 applied, each with its decision."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.services.casework import dv
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.dv import MeasureDTO
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.forms import MeasureDialog
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

CTX = "CaseDialog"  # the case window's texts, whichever of its tabs shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class MeasuresTab(CaseTab):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.measures = RecordTableModel(self._columns())
        self.view = make_table(self.measures)
        self.view.setAccessibleName(_tr("Measures"))
        fit_columns(self.view, {0: 28, 1: 14, 2: 11, 3: 24, 4: 9, 5: 18})
        remember_widths(self.view, ctx.profile.paths, "case_measures")
        self.apply_button = QPushButton(_tr("&Apply measure…"))
        self.apply_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.apply_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def _columns(self) -> list[Column[MeasureDTO]]:
        def period(m: MeasureDTO) -> str:
            if m.starts_on is None and m.ends_on is None:
                return ""
            return _tr("{start} – {end}").format(start=fmt_date(m.starts_on), end=fmt_date(m.ends_on))

        return [
            Column(_tr("Measure"), lambda m: self.codes.label(dv.MEASURES, m.measure)),
            Column(_tr("Decision no."), lambda m: m.decision_no),
            Column(_tr("Decided on"), lambda m: fmt_date(m.decided_on), align_center=True),
            Column(_tr("Period"), period, align_center=True),
            Column(_tr("Distance"), lambda m: f"{m.distance_m} m" if m.distance_m else "", align_center=True),
            Column(_tr("Supervised by"), lambda m: m.supervisor),
        ]

    def show_case(self, detail: CaseDetail, measures: list[MeasureDTO]) -> None:
        self.detail = detail
        self.measures.set_records(measures)
        self.apply_button.setEnabled(self.is_open())

    def apply(self) -> None:
        if MeasureDialog(self.ctx, self.case_id, self.codes, parent=self).exec():
            self.changed.emit()
