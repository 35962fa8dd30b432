"""The Support plan tab of a child-protection case: what is to be done, by whom and by when, and how it went."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.casework import child_plan
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.child_plan import PlanItemDTO
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.forms import PlanItemDialog
from desktop.ui.dialogs.case.parts import show_error
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

CTX = "CaseDialog"  # the case window's texts, whichever of its tabs shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class PlanTab(CaseTab):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.items = RecordTableModel(self._columns(), muted=lambda i: i.status != child_plan.PLANNED)
        self.view = make_table(self.items)
        self.view.setAccessibleName(_tr("Plan"))
        fit_columns(self.view, {0: 36, 1: 22, 2: 11, 3: 16, 4: 11})
        remember_widths(self.view, ctx.profile.paths, "case_plan")
        self.add_button = QPushButton(_tr("&Add item…"))
        self.add_button.clicked.connect(self.add_item)
        self.item_on = DateEdit(self.ctx.profile.today(), allow_empty=False)
        self.item_buttons = {
            child_plan.DONE: QPushButton(_tr("Mark d&one")),
            child_plan.DROPPED: QPushButton(_tr("D&rop")),
        }
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addStretch(1)
        on_label = QLabel(_tr("Selected item, on"))
        on_label.setBuddy(self.item_on)  # a screen reader names the date by its caption
        top.addWidget(on_label)
        top.addWidget(self.item_on)
        for status, button in self.item_buttons.items():
            button.clicked.connect(lambda _checked=False, s=status: self.set_item_status(s))
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())

    def _columns(self) -> list[Column[PlanItemDTO]]:
        return [
            Column(_tr("What"), lambda i: i.action),
            Column(_tr("Who"), lambda i: i.responsible),
            Column(_tr("By"), lambda i: fmt_date(i.due_on), align_center=True),
            Column(_tr("Status"), self.status_text),
            Column(_tr("Since"), lambda i: fmt_date(i.status_on), align_center=True),
        ]

    def status_text(self, item: PlanItemDTO) -> str:
        if item.overdue:
            return _tr("⚠ Overdue")
        names = {
            child_plan.PLANNED: _tr("Planned"),
            child_plan.DONE: _tr("Done"),
            child_plan.DROPPED: _tr("Dropped"),
        }
        return names.get(item.status, item.status)

    def show_case(self, detail: CaseDetail, items: list[PlanItemDTO]) -> None:
        """The items; the one selected stays selected."""
        self.detail = detail
        chosen = self.selected_item()
        self.items.set_records(items)
        rows = [row for row, item in enumerate(items) if chosen is not None and item.id == chosen.id]
        if rows:
            self.view.selectRow(rows[0])
        elif self.items.rowCount():
            self.view.selectRow(0)
        self._update_buttons()

    def selected_item(self) -> PlanItemDTO | None:
        return self.items.record(self.view.currentIndex().row())

    def _update_buttons(self) -> None:
        chosen = self.selected_item()
        movable = chosen is not None and chosen.status == child_plan.PLANNED and self.is_open()
        for button in self.item_buttons.values():
            button.setEnabled(movable)
        self.item_on.setEnabled(movable)
        self.add_button.setEnabled(self.is_open())

    def add_item(self) -> None:
        if self.detail is None:
            return
        if PlanItemDialog(self.ctx, self.case_id, self.detail.opened_on, parent=self).exec():
            show_error(self.error, "")
            self.changed.emit()

    def set_item_status(self, status: str) -> bool:
        chosen = self.selected_item()
        if chosen is None:
            return False
        on = self.item_on.value() or self.ctx.profile.today()
        return self.save_through(lambda: child_plan.set_status(self.ctx.profile, chosen.id, status=status, on=on))
