"""One support case: what happened and what was done, for users with the protection permission.

Every case: its risk level and consent, its people and its timeline (entries the user writes beside
what the records say happened). Domestic violence (Law 13/2022): the acts of Art. 3.1 with the types
they make, the measures of Art. 22, the referrals and closing. Child protection (Decree 56/2017): the
groups of Art. 10, the intake report (Mẫu 01), the seven steps one after the other, the support plan's
deadline and its items, and the review (Mẫu 06) the last step needs. The services are the gate: a
refusal is shown beside the control it is about and nothing is saved.

The window composes the header and one widget per tab (desktop.ui.dialogs.case.tab); after any save it
reads the case again and shows it everywhere, and it names the tabs with their counts. Input typed but not
saved yet (the risk level, the acts, the intake report…) survives a save elsewhere in the window, and
closing the window with such input asks first: save it all, don't save, or go back.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.services.casework import cases, dv
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.acts import ActsTab
from desktop.ui.dialogs.case.assessment import AssessmentBar
from desktop.ui.dialogs.case.data import CaseData, load_case
from desktop.ui.dialogs.case.forms import CloseCaseDialog
from desktop.ui.dialogs.case.groups import GroupsTab
from desktop.ui.dialogs.case.header import CaseHeader
from desktop.ui.dialogs.case.intake import IntakeTab
from desktop.ui.dialogs.case.measures import MeasuresTab
from desktop.ui.dialogs.case.parts import show_error
from desktop.ui.dialogs.case.people import PeopleTab
from desktop.ui.dialogs.case.plan import PlanTab
from desktop.ui.dialogs.case.referrals import ReferralsTab
from desktop.ui.dialogs.case.steps import StepsTab
from desktop.ui.dialogs.case.tab import CaseTab
from desktop.ui.dialogs.case.timeline import TimelineTab
from desktop.ui.input_snapshot import HoldsInput
from desktop.ui.modal import Choice, ModalDialog, ask_unsaved
from desktop.ui.widgets.fitting import ScrollingTabs

ROW_SPACING = 10  # between the window's rows, and between the header's lines
TabT = TypeVar("TabT", bound=CaseTab)


class CaseDialog(ModalDialog):
    def __init__(
        self,
        ctx: AppContext,
        case_id: uuid.UUID,
        *,
        data: CaseData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        # Refused here (PermissionDeniedError) for a user without the right to the content.
        self.data = data or load_case(ctx.profile, case_id)
        self.codes = self.data.codes
        self.setModal(True)
        self.resize(920, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(ROW_SPACING)
        self.header = CaseHeader(ROW_SPACING)
        layout.addWidget(self.header)
        self.assessment = AssessmentBar(ctx, case_id, self.codes)
        self.assessment.changed.connect(self._changed)
        layout.addWidget(self.assessment)
        self.tabs = ScrollingTabs()  # a tab scrolls on a short screen; the buttons below stay in view
        layout.addWidget(self.tabs, 1)
        self.close_case_button = QPushButton(self.tr("&End the case…"))
        self.close_case_button.setObjectName("danger")
        self.close_case_button.clicked.connect(self.close_case)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close &window"))
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_case_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        kind = self.data.detail.kind
        if kind == dv.KIND:
            self._add_dv_tabs()
        elif kind == cases.CHILD_PROTECTION:
            self._add_child_tabs()
        # Every kind of case has its people and its timeline.
        self.people_tab = self._add(PeopleTab(ctx, case_id, self.codes), "")
        self.timeline_tab = self._add(TimelineTab(ctx, case_id, self.codes), "")
        # Enter must not press whichever action had the focus last (Close case…, a status change).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        # A child case closes with its last step, not with an outcome.
        self.close_case_button.setVisible(kind != cases.CHILD_PROTECTION)
        self._show()

    def _add_dv_tabs(self) -> None:
        ctx, case_id, codes = self.ctx, self.case_id, self.codes
        self.acts_tab = self._add(ActsTab(ctx, case_id, codes), self.tr("Acts"))
        self.measures_tab = self._add(MeasuresTab(ctx, case_id, codes), "")
        self.referrals_tab = self._add(ReferralsTab(ctx, case_id, codes), "")

    def _add_child_tabs(self) -> None:
        ctx, case_id, codes = self.ctx, self.case_id, self.codes
        self.steps_tab = self._add(StepsTab(ctx, case_id, codes), self.tr("Steps (Decree 56/2017)"))
        self.tabs.setTabToolTip(self.tabs.indexOf(self.steps_tab), self.tr("The seven steps of Decree 56/2017/NĐ-CP"))
        self.groups_tab = self._add(GroupsTab(ctx, case_id, codes), self.tr("Groups (Art. 10)"))
        self.intake_tab = self._add(IntakeTab(ctx, case_id, codes), self.tr("Intake (Mẫu 01)"))
        self.plan_tab = self._add(PlanTab(ctx, case_id, codes), "")

    def _add(self, tab: TabT, title: str) -> TabT:
        tab.changed.connect(self._changed)
        tab.refused.connect(lambda text, label=tab.error: show_error(label, text))
        self.tabs.addTab(tab, title)
        return tab

    def close_case(self) -> None:
        if CloseCaseDialog(self.ctx, self.case_id, self.data.detail.opened_on, parent=self).exec():
            self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.ctx.notify_changed()

    def refresh(self) -> None:
        # Showing the case again fills every input from what is saved: put back what is typed elsewhere.
        typed = [(part, part.typed()) for part in self._input_parts() if part.unsaved()]
        self.data = load_case(self.ctx.profile, self.case_id, self.codes)
        self._show()
        for _part, snapshot in typed:
            if snapshot is not None:
                snapshot.restore()

    def _show(self) -> None:
        data, detail = self.data, self.data.detail
        self.header.show_case(detail, self.codes)
        self.setWindowTitle(self.header.heading.text())
        self.close_case_button.setEnabled(detail.state == cases.OPEN)
        if data.dv is not None:
            self.acts_tab.show_case(detail, data.dv)
            self.measures_tab.show_case(detail, data.dv.measures)
            self.referrals_tab.show_case(detail, data.dv.referrals)
        if data.child is not None:
            self.groups_tab.show_case(detail, data.child.groups)
            self.steps_tab.show_case(detail, data.child, data.review)
            self.intake_tab.show_case(detail, data.intake)
            self.plan_tab.show_case(detail, data.plan)
        self.people_tab.show_case(detail, data.people)
        self.assessment.show_case(detail)
        self.timeline_tab.show_case(detail, data.timeline)
        self._show_titles()
        for part in self._input_parts():
            part.mark_clean()

    def _show_titles(self) -> None:
        """The tabs whose title counts what they list."""
        data = self.data
        if data.dv is not None:
            self._title(self.measures_tab, self.tr("Measures ({n})").format(n=len(data.dv.measures)))
            self._title(self.referrals_tab, self.tr("Referrals ({n})").format(n=len(data.dv.referrals)))
        if data.child is not None:
            late = sum(1 for item in data.plan if item.overdue)
            plan = (
                self.tr("Support plan ({n}, {late} overdue)").format(n=len(data.plan), late=late)
                if late
                else self.tr("Support plan ({n})").format(n=len(data.plan))
            )
            self._title(self.plan_tab, plan)
        self._title(self.people_tab, self.tr("People ({n})").format(n=len(data.people)))
        self._title(self.timeline_tab, self.tr("Timeline ({n})").format(n=len(data.timeline)))

    def _title(self, tab: QWidget, text: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(tab), text)

    # Closing with input not saved #############################################################

    def _input_parts(self) -> list[HoldsInput]:
        tabs = [self.tabs.widget(i) for i in range(self.tabs.count())]
        return [self.assessment, *(tab for tab in tabs if isinstance(tab, CaseTab))]

    def _part_name(self, part: HoldsInput) -> str:
        if part is self.assessment:
            return self.tr("Risk level and consent")
        return self.tabs.tabText(self.tabs.indexOf(part)).replace("&", "")  # type: ignore[arg-type]

    def has_changes(self) -> bool:
        """Whether some input of the window is not saved yet (closing would ask)."""
        return any(part.unsaved() for part in self._input_parts())

    def reject(self) -> None:
        unsaved = [part for part in self._input_parts() if part.unsaved()]
        # Hidden (by the lock), the window is being closed by a log-out: unsaved, without a question.
        if self.isVisible() and unsaved:
            choice = ask_unsaved(self, ", ".join(self._part_name(part) for part in unsaved))
            if choice is Choice.BACK or (choice is Choice.SAVE and not self._save_all(unsaved)):
                return
        super().reject()

    def _save_all(self, parts: list[HoldsInput]) -> bool:
        """Save each part; at the first refusal show its tab (the reason is on it) and stay open."""
        for part in parts:
            if not part.save_unsaved():
                if isinstance(part, CaseTab):
                    self.tabs.setCurrentWidget(part)
                return False
        return True
