"""The Referrals tab of a domestic-violence case: the bodies the case was sent to, and how far each got."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.casework import dv, dv_measures
from desktop.services.casework.cases import CaseDetail
from desktop.services.casework.dv import ReferralDTO
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.forms import ReferDialog
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.formatting import fmt_date
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

CTX = "CaseDialog"  # the case window's texts, whichever of its tabs shows them
STATUS_ORDER = ("received", "done", "declined")


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class ReferralsTab(CaseTab):
    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, codes, parent)
        self.referrals = RecordTableModel(self._columns())
        self.view = make_table(self.referrals)
        self.view.setAccessibleName(_tr("Referrals"))
        fit_columns(self.view, {0: 30, 1: 11, 2: 14, 3: 11, 4: 24})
        remember_widths(self.view, ctx.profile.paths, "case_referrals")
        self.refer_button = QPushButton(_tr("&Refer…"))
        self.refer_button.clicked.connect(self.refer)
        self.status_on = DateEdit(self.ctx.profile.today(), allow_empty=False)
        self.status_buttons = {
            "received": QPushButton(_tr("Mark r&eceived")),
            "done": QPushButton(_tr("Mark &done")),
            "declined": QPushButton(_tr("Mark dec&lined")),
        }
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.refer_button)
        top.addStretch(1)
        on_label = QLabel(_tr("Selected referral, on"))
        on_label.setBuddy(self.status_on)  # a screen reader names the date by its caption
        top.addWidget(on_label)
        top.addWidget(self.status_on)
        for status in STATUS_ORDER:
            button = self.status_buttons[status]
            button.clicked.connect(lambda _checked=False, s=status: self.move(s))
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_status_buttons())

    def _columns(self) -> list[Column[ReferralDTO]]:
        return [
            Column(_tr("Referred to"), lambda r: self.codes.label(dv.BODIES, r.body)),
            Column(_tr("Sent on"), lambda r: fmt_date(r.sent_on), align_center=True),
            Column(_tr("Status"), lambda r: self.status_name(r.status)),
            Column(_tr("Since"), lambda r: fmt_date(r.status_on), align_center=True),
            Column(_tr("Notes"), lambda r: r.notes.replace("\n", " ")),
        ]

    def status_name(self, status: str) -> str:
        names = {
            "sent": _tr("Sent"),
            "received": _tr("Received"),
            "done": _tr("Done"),
            "declined": _tr("Declined"),
        }
        return names.get(status, status)

    def show_case(self, detail: CaseDetail, referrals: list[ReferralDTO]) -> None:
        self.detail = detail
        self.referrals.set_records(referrals)
        self.refer_button.setEnabled(self.is_open())
        if self.referrals.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self._update_status_buttons()

    def selected_referral(self) -> ReferralDTO | None:
        return self.referrals.record(self.view.currentIndex().row())

    def _update_status_buttons(self) -> None:
        chosen = self.selected_referral()
        allowed = chosen.next_statuses if chosen is not None and self.is_open() else ()
        for status, button in self.status_buttons.items():
            button.setEnabled(status in allowed)
        self.status_on.setEnabled(bool(allowed))

    def refer(self) -> None:
        if ReferDialog(self.ctx, self.case_id, self.codes, parent=self).exec():
            self.changed.emit()

    def move(self, status: str) -> bool:
        """Record that the selected referral reached `status`; the service refuses a status out of order."""
        chosen = self.selected_referral()
        if chosen is None:
            return False
        on = self.status_on.value() or self.ctx.profile.today()
        return self.save_through(lambda: dv_measures.update_referral(self.ctx.profile, chosen.id, status=status, on=on))
