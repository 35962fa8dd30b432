"""One household: header, members, categories, population events and visits, with the actions."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import SotayError
from desktop.services.casework.cases import CaseListItem
from desktop.services.dto import CategoryDTO, CodeDTO, HouseholdDetail, PersonDTO
from desktop.services.register import households
from desktop.ui.context import AppContext
from desktop.ui.dialogs.category import CategoryDialog
from desktop.ui.dialogs.dissolve import DissolveDialog
from desktop.ui.dialogs.event import EventDialog
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.dialogs.member import MemberDialog
from desktop.ui.dialogs.visit import VisitDialog
from desktop.ui.formatting import fmt_date
from desktop.ui.modal import confirm, inform, warn
from desktop.ui.pages import detail_tables
from desktop.ui.pages.household_cases import HouseholdCasesTab, household_cases
from desktop.ui.translation import error_text
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

CASES_TAB = 4  # members, categories, events, visits, cases


class HouseholdDetailPage(QWidget):
    back = Signal()
    loaded = Signal()
    # For the change log: the household's id, how to name it, and its members' names by id.
    show_history = Signal(object, str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: uuid.UUID | None = None
        self.detail: HouseholdDetail | None = None
        self._generation = 0

        self.back_button = QPushButton(self.tr("← &Back to the list"))
        self.back_button.setObjectName("flat")
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setObjectName("subtitle")
        self.dissolved = QLabel()
        self.dissolved.setObjectName("dissolvedBadge")
        self.dissolved.setWordWrap(True)

        self.edit_button = QPushButton(self.tr("&Edit household"))
        self.add_member_button = QPushButton(self.tr("&Add member"))
        self.edit_member_button = QPushButton(self.tr("Edit &member"))
        self.event_button = QPushButton(self.tr("Record &event"))
        self.visit_button = QPushButton(self.tr("Record &visit"))
        self.visit_button.setObjectName("primary")
        self.history_button = QPushButton(self.tr("Change &history"))
        self.history_button.setToolTip(self.tr("Every change made to this household's record"))
        self.dissolve_button = QPushButton(self.tr("Dissol&ve household"))
        self.dissolve_button.setObjectName("danger")

        self.members = detail_tables.members_model(ctx.codes, ctx.profile.today)
        self.categories = detail_tables.categories_model()
        self.events = detail_tables.events_model(ctx.codes)
        self.visits = detail_tables.visits_model(ctx.codes)
        self.members_view = make_table(self.members)
        self.members_view.setAccessibleName(self.tr("Members"))
        fit_columns(self.members_view, {0: 24, 1: 18, 2: 6, 3: 11, 4: 5, 5: 16, 6: 20})
        self.categories_view = make_table(self.categories)
        self.categories_view.setAccessibleName(self.tr("Categories"))
        fit_columns(self.categories_view, {0: 30, 1: 6, 2: 18, 3: 30})
        self.events_view = make_table(self.events)
        self.events_view.setAccessibleName(self.tr("Population events"))
        fit_columns(self.events_view, {0: 11, 1: 14, 2: 24, 3: 12})
        self.visits_view = make_table(self.visits)
        self.visits_view.setAccessibleName(self.tr("Visits"))
        fit_columns(self.visits_view, {0: 11, 1: 18, 2: 26, 3: 34, 4: 11})
        views = (self.members_view, self.categories_view, self.events_view, self.visits_view)
        for view, name in zip(views, detail_tables.TABLE_NAMES, strict=True):
            remember_widths(view, ctx.profile.paths, name)
        self.cases_tab = HouseholdCasesTab(ctx)
        self.add_category_button = QPushButton(self.tr("Add &category"))
        self.remove_category_button = QPushButton(self.tr("&Remove category"))

        self.tabs = QTabWidget()
        self.tabs.addTab(self.members_view, "")
        self.tabs.addTab(self._categories_tab(), "")
        self.tabs.addTab(self.events_view, "")
        self.tabs.addTab(self.visits_view, "")
        self.tabs.addTab(self.cases_tab, "")
        self._build_layout()
        self._connect()

    def _categories_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.add_category_button)
        row.addWidget(self.remove_category_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.categories_view, 1)
        return tab

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addWidget(self.dissolved)
        actions = FlowRow()  # wraps onto a second line on a narrow screen
        for button in (
            self.visit_button,
            self.event_button,
            self.add_member_button,
            self.edit_member_button,
            self.edit_button,
            self.history_button,
        ):
            actions.add(button)
        actions.add_stretch()
        actions.add(self.dissolve_button)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        # Tab follows what the eye sees: back, the actions left to right, then the tabs and tables.
        chain = (
            self.back_button,
            self.visit_button,
            self.event_button,
            self.add_member_button,
            self.edit_member_button,
            self.edit_button,
            self.history_button,
            self.dissolve_button,
            self.tabs,
        )
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.back.emit)
        self.edit_button.clicked.connect(self.edit_household)
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.members_view.activated.connect(lambda _index: self.edit_member())
        self.event_button.clicked.connect(self.record_event)
        self.visit_button.clicked.connect(self.record_visit)
        self.dissolve_button.clicked.connect(self.dissolve)
        self.history_button.clicked.connect(self.open_history)
        self.add_category_button.clicked.connect(self.add_category)
        self.remove_category_button.clicked.connect(self.remove_category)
        self.cases_tab.open_button.clicked.connect(self.open_case)
        self.ctx.data_changed.connect(self.reload)

    # Loading #################################################################################

    def show_household(self, household_id: uuid.UUID) -> None:
        if household_id != self.household_id:
            self.detail = None
            self.household_id = household_id
            self.tabs.setCurrentIndex(0)
        self.reload()

    def reload(self) -> None:
        if self.household_id is None:
            return
        self._generation += 1
        generation, household_id, profile = self._generation, self.household_id, self.ctx.profile
        self.ctx.lane.submit(
            lambda: households.detail(profile, household_id),
            lambda detail: self._show(generation, detail),
            on_error=self._failed,
            owner=self,
        )
        self.ctx.lane.submit(
            lambda: household_cases(profile, household_id),
            lambda found: self._show_cases(generation, *found),
            on_error=self._cases_failed,
            owner=self,
        )

    def _show_cases(self, generation: int, items: list[CaseListItem], kinds: list[CodeDTO]) -> None:
        if generation != self._generation:
            return
        self.cases_tab.show_cases(items, kinds)
        self.tabs.setTabText(CASES_TAB, self.tr("Support cases ({n})").format(n=len(items)))

    def _cases_failed(self, error: BaseException) -> None:
        self.cases_tab.show_failed(error)
        self.tabs.setTabText(CASES_TAB, self.tr("Support cases"))

    def _failed(self, error: BaseException) -> None:
        warn(self, self.tr("Household"), error_text(error))
        self.back.emit()

    def _show(self, generation: int, detail: HouseholdDetail) -> None:
        if generation != self._generation:
            return
        self.detail = detail
        head = detail.head_name or self.tr("(no head recorded)")
        self.title.setText(self.tr("Household {code} — {head}").format(code=detail.code, head=head))
        parts = [detail.village, detail.address, detail.commune_name]
        info = " · ".join(p for p in parts if p)
        if detail.phone:
            info += "   ☎ " + detail.phone
        self.info.setText(info)
        self.dissolved.setVisible(detail.dissolved_on is not None)
        if detail.dissolved_on is not None:
            self.dissolved.setText(
                self.tr("Dissolved on {date}: {reason}").format(
                    date=fmt_date(detail.dissolved_on), reason=detail.dissolved_reason
                )
            )
        self.members.set_records(detail.members)
        self.categories.set_records(detail.categories)
        self.events.set_records(detail.events)
        self.visits.set_records(detail.visits)
        present = sum(1 for p in detail.members if p.status == "present")
        self.tabs.setTabText(0, self.tr("Members ({n})").format(n=present))
        self.tabs.setTabText(1, self.tr("Categories ({n})").format(n=len(detail.categories)))
        self.tabs.setTabText(2, self.tr("Population events ({n})").format(n=len(detail.events)))
        self.tabs.setTabText(3, self.tr("Visits ({n})").format(n=len(detail.visits)))
        self._update_buttons()
        if self.members.rowCount() and not self.members_view.currentIndex().isValid():
            self.members_view.selectRow(0)
        self.loaded.emit()

    def _update_buttons(self) -> None:
        active = self.detail is not None and self.detail.dissolved_on is None
        for button in (
            self.edit_button,
            self.add_member_button,
            self.edit_member_button,
            self.event_button,
            self.dissolve_button,
            self.add_category_button,
            self.remove_category_button,
        ):
            button.setEnabled(active)
        # A case's content is sealed for the protection permission's holders: nobody else can write one.
        self.cases_tab.open_button.setEnabled(active and self.ctx.profile.user.protection)
        self.visit_button.setEnabled(self.detail is not None)

    # Actions #################################################################################

    def selected_member(self) -> PersonDTO | None:
        return self.members.record(self.members_view.currentIndex().row())

    def edit_household(self) -> None:
        if self.detail:
            HouseholdDialog(self.ctx, household=self.detail, parent=self).exec()

    def add_member(self) -> None:
        if not self.detail:
            return
        has_head = any(p.is_head for p in self.detail.members if p.status == "present")
        MemberDialog(
            self.ctx,
            self.detail.id,
            self.detail.code,
            default_relationship="" if has_head else "head",
            parent=self,
        ).exec()

    def edit_member(self) -> None:
        person = self.selected_member()
        if not self.detail or self.detail.dissolved_on is not None:
            return
        if person is None:
            inform(self, self.tr("Edit member"), self.tr("Select a member in the list first."))
            return
        MemberDialog(self.ctx, self.detail.id, self.detail.code, person=person, parent=self).exec()

    def record_event(self) -> None:
        if not self.detail:
            return
        dialog = EventDialog(self.ctx, self.detail, parent=self)
        if dialog.exec() and dialog.leaves_nobody():
            inform(
                self,
                self.tr("Nobody lives here any more"),
                self.tr(
                    "Nobody lives in household {code} any more. If the household has ended, record its end with "
                    "“Dissolve household”; if someone still lives there, add them as a member."
                ).format(code=self.detail.code),
            )

    def record_visit(self) -> None:
        if self.detail:
            VisitDialog(self.ctx, self.detail, parent=self).exec()

    def open_history(self) -> None:
        if self.detail:
            names = {str(p.id): p.full_name for p in self.detail.members}
            names[str(self.detail.id)] = self.detail.code
            label = self.tr("household {code}").format(code=self.detail.code)
            self.show_history.emit(self.detail.id, label, names)

    def dissolve(self) -> None:
        if self.detail:
            DissolveDialog(self.ctx, self.detail, parent=self).exec()

    def add_category(self) -> None:
        if self.detail:
            CategoryDialog(self.ctx, self.detail, parent=self).exec()

    def remove_category(self) -> None:
        category: CategoryDTO | None = self.categories.record(self.categories_view.currentIndex().row())
        if category is None:
            inform(self, self.tr("Remove category"), self.tr("Select a category in the list first."))
            return
        if not confirm(
            self,
            self.tr("Remove category"),
            self.tr("Remove “{name}” ({year}) from this household?").format(name=category.name, year=category.year),
        ):
            return
        try:
            households.remove_category(self.ctx.profile, category.id)
        except SotayError as error:
            warn(self, self.tr("Remove category"), error_text(error))
            return
        self.ctx.notify_changed()

    def open_case(self) -> None:
        """Open a support case for the member selected in Members (or the household), then show it."""
        if not self.detail:
            return
        person = self.selected_member()
        person_id = person.id if person is not None and person.status == "present" else None
        from desktop.ui.dialogs.case.opening import CaseOpenDialog  # read when first needed, not at start-up

        dialog = CaseOpenDialog(self.ctx, self.detail, person_id=person_id, parent=self)
        if dialog.exec() and dialog.case_id is not None:
            self.show_case(dialog.case_id)

    def show_case(self, case_id: uuid.UUID) -> None:
        """The case's window over the page, on the cases tab."""
        self.tabs.setCurrentIndex(CASES_TAB)
        self.cases_tab.show_case(case_id)

    def current_table(self) -> QTableView:
        views = (self.members_view, self.categories_view, self.events_view, self.visits_view, self.cases_tab.view)
        return views[self.tabs.currentIndex()]
