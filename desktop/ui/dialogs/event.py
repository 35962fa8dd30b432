"""Record a population event for a household: choose the kind, fill in that kind's page."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail
from desktop.services.register import events
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.event_pages.base import EventPage
from desktop.ui.dialogs.event_pages.care import CarePage
from desktop.ui.dialogs.event_pages.register import BirthPage, MemberEventPage, MoveInPage
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import ValueCombo

KINDS = ("birth", "move_in", "move_out", "death", "marriage", "divorce", *events.CARE_KINDS)


class EventDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, household: HouseholdDetail, *, kind: str = "birth", parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx, self.tr("Record a population event — household {code}").format(code=household.code), parent
        )
        self.preferred_width = 880
        self.household = household
        self.kind = ValueCombo()
        self.kind.set_items((ctx.codes.label("population_event_kinds", k), k) for k in KINDS)
        self.kind.setMaximumWidth(320)
        top = FormPanel()
        top.add("kind", self.tr("&Kind of event"), self.kind)
        self.body.addWidget(top)
        self.pages = QStackedWidget()
        self._pages: dict[str, EventPage] = {}
        self.body.addWidget(self.pages)
        self.kind.currentIndexChanged.connect(self._show_kind)
        self.kind.set_value(kind)
        self._show_kind()
        self.kind.setFocus()

    def _page(self, kind: str) -> EventPage:
        # Pages are built when first chosen: most events are births or moves, so most are never needed.
        if kind not in self._pages:
            if kind == "birth":
                page: EventPage = BirthPage(self.ctx, self.household)
            elif kind == "move_in":
                page = MoveInPage(self.ctx, self.household)
            elif kind in events.CARE_KINDS:
                page = CarePage(self.ctx, self.household, kind)
            else:
                page = MemberEventPage(self.ctx, self.household, kind)
            self._pages[kind] = page
            self.pages.addWidget(page)
            self.watch(page.panel)
        return self._pages[kind]

    def _show_kind(self) -> None:
        current = self._page(self.kind.value())
        # Only the shown page counts for the dialog's size, so "death" is not as tall as "birth".
        for page in self._pages.values():
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(current)
        self.pages.adjustSize()
        self.adjustSize()
        self.revalidate()

    def current_page(self) -> EventPage:
        return self._page(self.kind.value())

    def current_panel(self) -> FormPanel:
        return self.current_page().panel

    def live_problems(self) -> list[FieldProblem]:
        return self.current_page().problems()

    def revalidate(self) -> list[FieldProblem]:
        problems = super().revalidate()
        self.grow_to_fit()  # the new-head row or its note may have appeared
        return problems

    def leaves_nobody(self) -> bool:
        """Whether the event shown leaves nobody living in the household (then its end is to be recorded)."""
        page = self.current_page()
        return isinstance(page, MemberEventPage) and page.leaves_nobody()

    def perform_save(self) -> bool:
        return self.current_page().save()
