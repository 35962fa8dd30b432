"""What the A0/CTV sheets are made of, read in a few queries whether for one household or a whole village.

A village's Sổ A0 can hold hundreds of households: the people, events and code names are read with one
query each, keyed by a subquery of the households, never one round of queries per household.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from db.models.register import Household, Person, PopulationEvent, Village
from desktop.services import reference
from desktop.services.documents.a0_fp import START, STOP, FpEvent, Use, uses
from desktop.services.dto import EventDTO, PersonDTO
from desktop.services.register.events import FP_KINDS, event_dtos
from desktop.services.register.members import person_dto
from desktop.services.rows import live

# The code tables the sheet writes names from.
TABLES = (
    "sex",
    "relationship",
    "ethnic_groups",
    "education",
    "marital_status",
    "residence_status",
    "fp_methods",
    "population_event_kinds",
)


@dataclass(frozen=True, slots=True)
class SheetData:
    """One household as its A0/CTV sheet needs it."""

    id: uuid.UUID
    code: str
    village: str
    address: str
    dissolved_on: date | None
    dissolved_reason: str
    people: tuple[PersonDTO, ...]  # in the A0 order; people who left keep their place, as struck lines do
    events: tuple[EventDTO, ...]  # the household's own population events, oldest first
    fp: dict[uuid.UUID, tuple[Use, ...]]  # each member's spells of contraceptive use


def read_sheets(session: Session, households: Select[Any]) -> list[SheetData]:
    """The households whose ids `households` selects, in household-number order."""
    rows = session.execute(
        select(Household, Village.name)
        .join(Village, Village.id == Household.village_id)
        .where(Household.id.in_(households), live(Household))
    ).all()
    people = session.scalars(select(Person).where(Person.household_id.in_(households), live(Person))).all()
    # The A0 lists people by their relationship to the head in the order of the relationship table (head,
    # spouse, children, adopted children and children-in-law, parents, grandchildren, others), older first.
    rank = {item.code: item.sort_order for item in reference.codes(session, "relationship")}
    people = sorted(people, key=lambda p: (rank.get(p.relationship, len(rank)), p.birth_date, p.full_name))
    by_household: dict[uuid.UUID, list[PersonDTO]] = defaultdict(list)
    heads = {household.id: household.head_person_id for household, _ in rows}
    for person in people:
        by_household[person.household_id].append(person_dto(person, heads.get(person.household_id)))
    members = select(Person.id).where(Person.household_id.in_(households), live(Person))
    events = event_dtos(
        session,
        select(PopulationEvent)
        .where(
            live(PopulationEvent),
            or_(
                PopulationEvent.household_id.in_(households),
                # A woman who came from another household of the register keeps her contraceptive history.
                and_(PopulationEvent.kind.in_(FP_KINDS), PopulationEvent.person_id.in_(members)),
            ),
        )
        .order_by(PopulationEvent.event_date),
        {person.id: person.full_name for person in people},
    )
    own: dict[uuid.UUID, list[EventDTO]] = defaultdict(list)
    for event in events:
        own[event.household_id].append(event)
    spells = fp_spells(events)
    sheets = [
        SheetData(
            id=household.id,
            code=household.code,
            village=village,
            address=household.address,
            dissolved_on=household.dissolved_on,
            dissolved_reason=household.dissolved_reason,
            people=tuple(by_household[household.id]),
            events=tuple(own[household.id]),
            fp={p.id: spells[p.id] for p in by_household[household.id] if p.id in spells},
        )
        for household, village in rows
    ]
    return sorted(sheets, key=lambda sheet: number_key(sheet.code))


def fp_spells(events: Iterable[EventDTO]) -> dict[uuid.UUID, tuple[Use, ...]]:
    """Each person's spells of contraceptive use, from their fp_start and fp_stop events."""
    found: dict[uuid.UUID, list[FpEvent]] = defaultdict(list)
    for event in events:
        if event.kind in (START, STOP) and event.person_id is not None:
            found[event.person_id].append(FpEvent(event.event_date, event.kind, str(event.details.get("method", ""))))
    return {person: tuple(uses(items)) for person, items in found.items()}


def fp_of_people(session: Session, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[Use, ...]]:
    """The spells of use of these people, wherever their events were recorded (a caller's transaction)."""
    ids = list(person_ids)
    if not ids:
        return {}
    stmt = select(PopulationEvent).where(
        live(PopulationEvent), PopulationEvent.kind.in_(FP_KINDS), PopulationEvent.person_id.in_(ids)
    )
    return fp_spells(event_dtos(session, stmt, {}))


def code_names(session: Session) -> dict[str, dict[str, str]]:
    return {table: reference.code_names(session, table) for table in TABLES}


_PARTS = re.compile(r"(\d+)")


def number_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Household numbers in the order of the book: "2" before "10", "100" before "100.1" before "100.2"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _PARTS.split(code) if part)
