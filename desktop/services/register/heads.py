"""Who heads a household when its head dies or moves out (domain.md §3.5).

A household has one present head. Recording the death or the move-out of the head names the member who
heads it now: that member's relationship becomes "head", the household points at them, and the change
goes on the monthly slip as an information change. The old head's row keeps the relationship it had
(what the death or move-out line of the slip reports); lists show it as a former head. When nobody who
stays is old enough to head the household (or nobody stays), no head is named and the household page
says what to do.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.register import Household, Person
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.register.events import add_event
from desktop.services.register.members import HEAD, PRESENT
from desktop.services.rows import live
from desktop.services.validation import HEAD_MIN_AGE, age_on, head_age_problems, problem

CTX = "People"
FIELD = "new_head_id"


def is_head(household: Household, person: Person) -> bool:
    return household.head_person_id == person.id or (person.status == PRESENT and person.relationship == HEAD)


def may_head(birth: date, on: date) -> bool:
    """Old enough on `on` to head a household (validation.HEAD_MIN_AGE)."""
    return age_on(birth, on) >= HEAD_MIN_AGE


def successor_problems(
    *, leaving_is_head: bool, staying: Mapping[uuid.UUID, date], new_head_id: uuid.UUID | None, on: date | None
) -> list[FieldProblem]:
    """Whether the new head is chosen as it must be. `staying`: birth dates of the members who still live
    in the household after this event, by id. A head is required when one of them is old enough on `on`."""
    if not leaving_is_head:
        if new_head_id is None:
            return []
        return [problem(FIELD, QT_TRANSLATE_NOOP(CTX, "Only when the head leaves is a new head chosen."))]
    eligible = {pid for pid, born in staying.items() if on is None or may_head(born, on)}
    if not eligible:
        if new_head_id is None:
            return []
        return [problem(FIELD, QT_TRANSLATE_NOOP(CTX, "Nobody who stays in this household can head it."))]
    if new_head_id is None:
        return [problem(FIELD, QT_TRANSLATE_NOOP(CTX, "Choose who heads the household now."))]
    if new_head_id not in staying:
        return [problem(FIELD, QT_TRANSLATE_NOOP(CTX, "Choose the new head among the members who still live here."))]
    if on is None:
        return []
    return [replace(found, field=FIELD) for found in head_age_problems(staying[new_head_id], on)]


def staying_members(session: Session, household: Household, leaving: Person) -> dict[uuid.UUID, Person]:
    """The present members of the household other than `leaving`."""
    rows = session.scalars(
        select(Person).where(
            Person.household_id == household.id, Person.status == PRESENT, Person.id != leaving.id, live(Person)
        )
    )
    return {p.id: p for p in rows}


def succession_problems(
    session: Session, household: Household, leaving: Person, new_head_id: uuid.UUID | None, on: date | None
) -> list[FieldProblem]:
    staying = staying_members(session, household, leaving)
    return successor_problems(
        leaving_is_head=is_head(household, leaving),
        staying={pid: p.birth_date for pid, p in staying.items()},
        new_head_id=new_head_id,
        on=on,
    )


def hand_over(
    session: Session,
    household: Household,
    leaving: Person,
    new_head_id: uuid.UUID | None,
    *,
    on: date,
    today: date,
    reporting_month: str | None,
) -> None:
    """After `succession_problems` found nothing: the household's head is the new one (or nobody)."""
    if not is_head(household, leaving):
        return
    household.head_person_id = None
    if new_head_id is None:
        return
    new_head = session.get(Person, new_head_id)
    assert new_head is not None  # checked by succession_problems
    before = new_head.relationship
    new_head.relationship = HEAD
    household.head_person_id = new_head.id
    add_event(
        session,
        kind="info_change",
        household_id=household.id,
        person_id=new_head.id,
        event_date=on,
        today=today,
        reporting_month=reporting_month,
        details={"before": {"relationship": before}},
    )
