"""Household visits: who was met, what was discussed, when to come back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models.directory import DirectoryUser
from db.models.register import Household, Person, Visit
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.dto import VisitDTO
from desktop.services.profile import access, directory
from desktop.services.profile.handle import Profile
from desktop.services.rows import live, live_row
from desktop.services.validation import (
    NOTE_MAX,
    event_date_problems,
    problem,
    raise_if,
    text_problems,
)
from desktop.textnorm import fold

CTX = "Visits"
FOLLOW_UP_MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class VisitInput:
    visited_on: date | None
    # Who made the visit, a directory id (desktop.services.profile.directory); None: the logged-in user.
    collaborator_id: uuid.UUID | None = None
    persons_met: tuple[uuid.UUID, ...] = ()
    topics: tuple[str, ...] = ()
    notes: str = ""
    follow_up_on: date | None = None


def input_problems(profile: Profile, household_id: uuid.UUID, data: VisitInput) -> list[FieldProblem]:
    """What is wrong with a visit to `household_id`, as the form shows it while the user types."""
    with profile.sessions() as session:
        return _input_problems(session, household_id, data, profile)


def collaborators(profile: Profile) -> list[tuple[uuid.UUID, str]]:
    """Who a visit can be recorded for, by name: the active people of the user directory, the logged-in
    user among them (the form's default)."""
    with profile.sessions() as session:
        rows = session.execute(
            select(DirectoryUser.id, DirectoryUser.name).where(live(DirectoryUser), DirectoryUser.disabled_at.is_(None))
        ).all()
    return sorted(((row_id, name) for row_id, name in rows), key=lambda row: fold(row[1]))


def _visitor(profile: Profile, data: VisitInput) -> uuid.UUID | None:
    return data.collaborator_id if data.collaborator_id is not None else profile.user.id


def _input_problems(
    session: Session, household_id: uuid.UUID, data: VisitInput, profile: Profile
) -> list[FieldProblem]:
    found = event_date_problems("visited_on", data.visited_on, profile.today())
    visitor = _visitor(profile, data)
    row = None if visitor is None else session.get(DirectoryUser, visitor)
    if row is None or row.deleted_at is not None:
        found.append(problem("collaborator", QT_TRANSLATE_NOOP(CTX, "Choose who made the visit from the list.")))
    elif row.disabled_at is not None:
        message = QT_TRANSLATE_NOOP(CTX, "{name} no longer has an account; choose who made the visit from the list.")
        found.append(problem("collaborator", message, name=row.name))
    known = reference.code_names(session, "visit_topics")
    if not data.topics:
        found.append(problem("topics", QT_TRANSLATE_NOOP(CTX, "Tick at least one topic discussed.")))
    elif any(t not in known for t in data.topics):
        found.append(problem("topics", QT_TRANSLATE_NOOP(CTX, "Unknown topic; choose from the list.")))
    members = set(session.scalars(select(Person.id).where(Person.household_id == household_id)))
    if any(p not in members for p in data.persons_met):
        found.append(problem("persons_met", QT_TRANSLATE_NOOP(CTX, "Only members of this household can be ticked.")))
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    if data.follow_up_on is not None and data.visited_on is not None:
        if data.follow_up_on <= data.visited_on:
            found.append(problem("follow_up_on", QT_TRANSLATE_NOOP(CTX, "The follow-up date must be after the visit.")))
        elif (data.follow_up_on - data.visited_on).days > FOLLOW_UP_MAX_DAYS:
            found.append(
                problem("follow_up_on", QT_TRANSLATE_NOOP(CTX, "The follow-up date is more than a year away."))
            )
    return found


def record(profile: Profile, household_id: uuid.UUID, data: VisitInput) -> uuid.UUID:
    with profile.sessions.begin() as session:
        message = QT_TRANSLATE_NOOP(CTX, "This household no longer exists.")
        household = live_row(session, Household, household_id, message)
        access.require_write(profile.user, household.village_id)
        raise_if(_input_problems(session, household_id, data, profile))
        visitor = _visitor(profile, data)
        assert data.visited_on is not None and visitor is not None
        visit = Visit(
            household_id=household_id,
            visited_on=data.visited_on,
            collaborator_id=visitor,
            persons_met=[p.hex for p in data.persons_met],
            topics=list(dict.fromkeys(data.topics)),
            notes=data.notes.strip(),
            follow_up_on=data.follow_up_on,
        )
        session.add(visit)
        session.flush()
        return visit.id


def visit_dtos(session: Session, stmt: Select[Visit]) -> list[VisitDTO]:
    visits = session.scalars(stmt).all()
    topics = reference.code_names(session, "visit_topics")
    person_ids = {uuid.UUID(h) for v in visits for h in v.persons_met}
    names = (
        dict(session.execute(select(Person.id, Person.full_name).where(Person.id.in_(person_ids))).all())
        if person_ids
        else {}
    )
    codes = (
        dict(
            session.execute(
                select(Household.id, Household.code).where(Household.id.in_({v.household_id for v in visits}))
            ).all()
        )
        if visits
        else {}
    )
    visitors = directory.names(session, {v.collaborator_id for v in visits})
    result = []
    for v in visits:
        met = tuple(uuid.UUID(h) for h in v.persons_met)
        result.append(
            VisitDTO(
                id=v.id,
                household_id=v.household_id,
                household_code=codes.get(v.household_id, ""),
                visited_on=v.visited_on,
                collaborator_id=v.collaborator_id,
                collaborator=visitors.get(v.collaborator_id, ""),
                persons_met=met,
                persons_met_names=tuple(names.get(p, "") for p in met),
                topics=tuple(v.topics),
                topic_names=tuple(topics.get(t, t) for t in v.topics),
                notes=v.notes,
                follow_up_on=v.follow_up_on,
            )
        )
    return result


def for_household(profile: Profile, household_id: uuid.UUID) -> list[VisitDTO]:
    with profile.sessions() as session:
        access.require_household(session, profile.user, household_id, write=False)
        return visit_dtos(
            session,
            select(Visit).where(Visit.household_id == household_id, live(Visit)).order_by(Visit.visited_on.desc()),
        )


def for_period(profile: Profile, start: date, end: date) -> list[VisitDTO]:
    """Visits from `start` to `end` inclusive, newest first, for the visits screen and reports."""
    if end < start:
        raise_if([problem("end", QT_TRANSLATE_NOOP(CTX, "The end date is before the start date."))])
    with profile.sessions() as session:
        return visit_dtos(
            session,
            select(Visit)
            .join(Household, Household.id == Visit.household_id)
            .where(
                Visit.visited_on >= start,
                Visit.visited_on <= end,
                live(Visit),
                access.household_filter(profile.user),
            )
            .order_by(Visit.visited_on.desc()),
        )
