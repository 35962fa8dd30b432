"""Population events: the lines of the monthly P0 slip, each with the month it is reported in."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import Person, PopulationEvent
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.dto import EventDTO
from desktop.services.validation import problem

# The P0 slip is handed in at the commune briefing on days 1-3; until then last month is still open.
BRIEFING_LAST_DAY = 3
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def previous_month(day: date) -> str:
    return month_of(date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1))


def default_reporting_month(event_date: date, today: date) -> str:
    """The month whose slip this event goes on: its own if still open, else the current one."""
    own = month_of(event_date)
    if own == month_of(today):
        return own
    if own == previous_month(today) and today.day <= BRIEFING_LAST_DAY:
        return own
    return month_of(today)


def reporting_month_problems(month: str, event_date: date, today: date) -> list[FieldProblem]:
    if not _MONTH.match(month):
        return [problem("reporting_month", QT_TRANSLATE_NOOP("Events", "Write the reporting month as YYYY-MM."))]
    if month < month_of(event_date) or month > month_of(today):
        return [
            problem(
                "reporting_month",
                QT_TRANSLATE_NOOP("Events", "The reporting month must be between the event's month and this month."),
            )
        ]
    return []


def add_event(
    session: Session,
    *,
    kind: str,
    household_id: uuid.UUID,
    person_id: uuid.UUID | None,
    event_date: date,
    today: date,
    reporting_month: str | None = None,
    details: dict[str, Any] | None = None,
    notes: str = "",
) -> PopulationEvent:
    event = PopulationEvent(
        kind=kind,
        household_id=household_id,
        person_id=person_id,
        event_date=event_date,
        reporting_month=reporting_month or default_reporting_month(event_date, today),
        details=details or {},
        notes=notes.strip(),
    )
    session.add(event)
    return event


def event_dtos(
    session: Session, stmt: Select[PopulationEvent], names: dict[uuid.UUID, str] | None = None
) -> list[EventDTO]:
    events = session.scalars(stmt).all()
    kinds = reference.code_names(session, "population_event_kinds")
    names = dict(names or {})
    missing = {e.person_id for e in events if e.person_id and e.person_id not in names}
    if missing:
        names.update(session.execute(select(Person.id, Person.full_name).where(Person.id.in_(missing))).all())
    return [
        EventDTO(
            id=e.id,
            kind=e.kind,
            kind_name=kinds.get(e.kind, e.kind),
            household_id=e.household_id,
            person_id=e.person_id,
            person_name=names.get(e.person_id, "") if e.person_id else "",
            event_date=e.event_date,
            reporting_month=e.reporting_month,
            notes=e.notes,
            details=dict(e.details or {}),
        )
        for e in events
    ]


def for_month(session: Session, month: str) -> list[EventDTO]:
    return event_dtos(
        session,
        select(PopulationEvent)
        .where(PopulationEvent.reporting_month == month, PopulationEvent.deleted_at.is_(None))
        .order_by(PopulationEvent.kind, PopulationEvent.event_date),
    )
