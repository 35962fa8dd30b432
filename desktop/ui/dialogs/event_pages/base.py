"""What every page of the event dialog shares: its form, the people it can be about, and the reporting month.

Every page carries its own reporting-month field, shown as people write it (11/2026) and read with the
same parser as every month field (desktop/typed_dates.py: 11/2026, 11-2026 or 2026-11), prefilled with the
month whose P0 slip the event belongs on and following the event date until the user types a month of
their own.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail, PersonDTO
from desktop.services.register import events
from desktop.typed_dates import TypedDateError, parse_month
from desktop.ui.context import AppContext
from desktop.ui.widgets.form import FormPanel

EXTRA_FIELD_WIDTH = 460  # event-specific fields under the two-column person form

CTX = "EventPages"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class EventPage(QWidget):
    """A form for one event kind. Subclasses add their fields between `__init__` and `_finish`."""

    kind = ""

    def __init__(self, ctx: AppContext, household: HouseholdDetail) -> None:
        super().__init__()
        self.ctx = ctx
        self.household = household
        self.panel = FormPanel(columns=2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        self.month = QLineEdit()
        self.month.setPlaceholderText(_tr("mm/yyyy"))
        self.month.setMaximumWidth(140)
        self._month_typed = False

    def _finish(self, date_signal: object) -> None:
        self.panel.add("reporting_month", _tr("&Reporting month"), self.month, self.month.textEdited, span=True)
        self.month.textEdited.connect(self._month_edited)
        date_signal.connect(self._follow_date)  # type: ignore[attr-defined]
        self._follow_date()

    def _month_edited(self, _text: str) -> None:
        self._month_typed = True

    def _follow_date(self) -> None:
        day = self.event_date()
        if day is not None and not self._month_typed:
            month = parse_month(events.default_reporting_month(day, self.ctx.profile.today()))
            self.month.setText(month.label())
            self.panel.edited.emit("reporting_month")

    def reporting_month(self) -> str:
        """The typed month as the services name it (2026-11); as typed when it cannot be read."""
        typed = self.month.text().strip()
        try:
            return parse_month(typed).iso()
        except TypedDateError:
            return typed

    def _month_problems(self) -> list[FieldProblem]:
        day = self.event_date()
        if day is None:
            return []
        try:
            parse_month(self.month.text().strip())
        except TypedDateError as unreadable:
            return [unreadable.problem("reporting_month")]
        return events.reporting_month_problems(self.reporting_month(), day, self.ctx.profile.today())

    def present_members(self) -> list[PersonDTO]:
        return [p for p in self.household.members if p.status == "present"]

    def event_date(self) -> date | None:
        raise NotImplementedError

    def problems(self) -> list[FieldProblem]:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError
