"""The household page's Support cases tab: the household's cases, and each case's window over the page.

Whoever may not read a case's content sees only that it exists and whom to ask (its owner); showing
it then says so instead of opening the window.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services import reference
from desktop.services.casework import cases
from desktop.services.casework.cases import CaseListItem
from desktop.services.dto import CodeDTO
from desktop.services.profile.handle import Profile
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.modal import inform
from desktop.ui.pages import detail_tables
from desktop.ui.translation import error_text
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

if TYPE_CHECKING:
    from desktop.ui.dialogs.case.data import CaseData

CTX = "HouseholdDetailPage"  # the household page's texts, whichever of its parts shows them


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class HouseholdCasesTab(QWidget):
    """The list of cases; "Open case…" is the page's (it needs the member selected there)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_kinds: dict[str, CodeDTO] = {}
        self.cases = detail_tables.cases_model(self._kind_label)
        self.view = make_table(self.cases)
        self.view.setAccessibleName(self.tr("Support cases"))
        fit_columns(self.view, {0: 11, 1: 26, 2: 22, 3: 10})
        remember_widths(self.view, ctx.profile.paths, "household_cases")
        self.open_button = QPushButton(_tr("Open a &new case…"))
        self.open_button.setToolTip(
            _tr("Open a new support case for the member selected in Members")
            if ctx.profile.user.protection
            else _tr("Opening a case needs the protection permission; ask a commune officer who holds it.")
        )
        self.show_button = QPushButton(_tr("&Show case"))
        self.note = QLabel(
            _tr(
                "Support cases are confidential: only users with the protection permission "
                "see what they are about and can open one."
            )
        )
        self.note.setWordWrap(True)
        self.note.setObjectName("subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.show_button.clicked.connect(self.show_selected_case)
        self.view.activated.connect(lambda _index: self.show_selected_case())

    def show_cases(self, items: list[CaseListItem], kinds: list[CodeDTO]) -> None:
        self.case_kinds = {kind.code: kind for kind in kinds}
        self.cases.set_records(items)
        if self.cases.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self.show_button.setEnabled(bool(items))

    def show_failed(self, error: BaseException) -> None:
        self.cases.set_records([])
        self.note.setText(error_text(error))

    def _kind_label(self, code: str) -> str:
        kind = self.case_kinds.get(code)
        return code_label(kind) if kind is not None else code

    def selected_case(self) -> CaseListItem | None:
        return self.cases.record(self.view.currentIndex().row())

    def show_selected_case(self) -> None:
        item = self.selected_case()
        if item is None:
            inform(self, _tr("Support case"), _tr("Select a case in the list first."))
            return
        self.show_case(item.id)

    def show_case(self, case_id: uuid.UUID) -> None:
        """Read the case on the lane, then show it; without the right to its content, say so and show nothing."""
        # The case window's code is read when a case is first shown, not at start-up.
        from desktop.ui.dialogs.case.data import load_case

        profile = self.ctx.profile
        self.ctx.lane.submit(
            lambda: load_case(profile, case_id),
            lambda data: self._case_loaded(case_id, data),
            on_error=lambda error: inform(self, _tr("Support case"), error_text(error)),
            owner=self,
        )

    def _case_loaded(self, case_id: uuid.UUID, data: CaseData) -> None:
        from desktop.ui.dialogs.case.window import CaseDialog

        CaseDialog(self.ctx, case_id, data=data, parent=self).exec()


def household_cases(profile: Profile, household_id: uuid.UUID) -> tuple[list[CaseListItem], list[CodeDTO]]:
    """The household's cases and the names of the kinds of case (read on the lane)."""
    found = cases.for_household(profile, household_id)
    return found, reference.code_tables(profile, cases.KIND_TABLE)[cases.KIND_TABLE]
