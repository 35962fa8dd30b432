"""Monthly figures about people, by village: who lives here at the month's end, the month's births, the
households visited, and the children of open child-protection cases.

* **Population at the month's end** (as of its last day, or today while the month runs): a person is
  counted when born by then, not dead nor moved out by then (`death_date`, `left_on`; a status without its
  date counts as gone), not moved in after it (a `move_in` event dated later), in a household not
  dissolved by then. A household is counted when someone lives in it. Ages are full years on that day:
  women 15–49, children under 16 (Luật Trẻ em 2016, Art. 1), people 60 and over (Luật Người cao tuổi
  2009, Art. 2).
* **Births** on the month's slip (their reporting month, as every event), by the child's sex and by the
  birth order the slip asks for ("là con thứ … của bà mẹ", `details["birth_order"]`): third and later
  apart, and those without an order written.
* **Priority households** (a category marked `priority` in household_categories, recorded for the
  month's year) at the month's end, and how many of them were visited in the month.
* **Visits by topic**: a visit with two topics counts under each, so the topics are never added up.
* **Children by group of Art. 10** (Luật Trẻ em 2016): children with a child-protection case open at the
  month's end, once per group they belong to and once under `ALL_CHILDREN`. Case content: counted only
  for users with the protection permission (the caller decides).

Every figure is a `Counter` per village id in the caller's `per`, like the rest of `monthly`.
"""

from __future__ import annotations

import calendar
import uuid
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from db.models.casework import SupportCase
from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Visit
from desktop.services import reference
from desktop.services.documents import case_rows
from desktop.services.rows import live

PerVillage = dict[uuid.UUID, dict[str, Counter[str]]]

# Keys of the "population" figures.
HOUSEHOLDS, PEOPLE, WOMEN_15_49, CHILDREN, ELDERLY = "households", "people", "women_15_49", "children", "elderly"
CHILD_AGE, ELDERLY_AGE, WOMEN_AGES = 16, 60, (15, 49)
# Keys of the "births" figures; the sexes are the codes of sex.csv.
MALE, FEMALE = "1", "2"
ALL_BIRTHS, THIRD_PLUS, ORDER_UNKNOWN = "all", "third_plus", "order_unknown"
THIRD_CHILD = 3
# Keys of the "priority" figures.
PRIORITY_HOUSEHOLDS, PRIORITY_VISITED = "households", "visited"
NO_TOPIC = ""  # visits written without a topic
ALL_CHILDREN = "all"  # children of open child-protection cases, each once
CHILD_PROTECTION = "child_protection"


def count_people(
    per: PerVillage, session: Session, month: str, period: tuple[date, date], as_of: date, *, content: bool
) -> None:
    """Add every figure of this module to `per`: the month's births and visits over `period`, the people,
    households and open cases as of `as_of`; the children by group only with `content`."""
    first, last = period
    _population(per, session, as_of)
    _births(per, session, month)
    _priority(per, session, (first, last), as_of)
    _visit_topics(per, session, first, last)
    if content:
        _children(per, session, as_of)


def years_before(day: date, years: int) -> date:
    """The day `years` years before `day` (28 February for a 29th in a year without one)."""
    year = day.year - years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def present_on(day: date) -> ColumnElement[bool]:
    """People living in the register on `day`: born, not yet dead or gone, not yet moved in later."""
    moved_in_later = exists().where(
        PopulationEvent.person_id == Person.id,
        PopulationEvent.kind == "move_in",
        PopulationEvent.event_date > day,
        live(PopulationEvent),
    )
    return and_(
        live(Person),
        Person.birth_date <= day,
        or_(
            Person.status == "present",
            and_(Person.status == "dead", Person.death_date > day),
            and_(Person.status == "moved_out", Person.left_on > day),
        ),
        ~moved_in_later,
    )


def standing_on(day: date) -> ColumnElement[bool]:
    """Households of the register on `day`: not deleted, not dissolved by then."""
    return and_(live(Household), or_(Household.dissolved_on.is_(None), Household.dissolved_on > day))


def _population(per: PerVillage, session: Session, last: date) -> None:
    # "Age ≥ n on the last day" is "born on or before the day n years earlier": plain date comparisons.
    def aged(at_least: int) -> ColumnElement[bool]:
        return Person.birth_date <= years_before(last, at_least)

    def younger(than: int) -> ColumnElement[bool]:
        return Person.birth_date > years_before(last, than)

    def number(condition: ColumnElement[bool]) -> Any:
        return func.sum(case((condition, 1), else_=0))

    stmt = (
        select(
            Household.village_id,
            func.count(func.distinct(Person.household_id)),
            func.count(),
            number(and_(Person.sex == FEMALE, aged(WOMEN_AGES[0]), younger(WOMEN_AGES[1] + 1))),
            number(younger(CHILD_AGE)),
            number(aged(ELDERLY_AGE)),
        )
        .join(Household, Household.id == Person.household_id)
        .where(present_on(last), standing_on(last))
        .group_by(Household.village_id)
    )
    for village_id, *counts in session.execute(stmt):
        figures = per[village_id]["population"]
        for key, value in zip((HOUSEHOLDS, PEOPLE, WOMEN_15_49, CHILDREN, ELDERLY), counts, strict=True):
            figures[key] += int(value or 0)


def _births(per: PerVillage, session: Session, month: str) -> None:
    rows = session.execute(
        select(Household.village_id, Person.sex, PopulationEvent.details)
        .join(Household, Household.id == PopulationEvent.household_id)
        .outerjoin(Person, Person.id == PopulationEvent.person_id)
        .where(PopulationEvent.kind == "birth", PopulationEvent.reporting_month == month, live(PopulationEvent))
    )
    for village_id, sex, details in rows:
        figures = per[village_id]["births"]
        figures[ALL_BIRTHS] += 1
        figures[sex or ""] += 1
        order = birth_order(details)
        if order is None:
            figures[ORDER_UNKNOWN] += 1
        elif order >= THIRD_CHILD:
            figures[THIRD_PLUS] += 1
            figures[f"{THIRD_PLUS}:{sex or ''}"] += 1


def birth_order(details: dict[str, Any] | None) -> int | None:
    """The birth order written on the birth event, or None when the slip left it blank."""
    value = (details or {}).get("birth_order")
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def priority_categories(session: Session) -> list[str]:
    """The household categories marked priority in household_categories.csv, in its order."""
    return [i.code for i in reference.items(session, "household_categories") if str(i.extra.get("priority")) == "1"]


def _priority(per: PerVillage, session: Session, period: tuple[date, date], as_of: date) -> None:
    first, last = period
    priority = select(HouseholdCategory.household_id).where(
        HouseholdCategory.category.in_(priority_categories(session)),
        HouseholdCategory.year == first.year,
        live(HouseholdCategory),
    )
    visited = select(Visit.household_id).where(Visit.visited_on.between(first, last), live(Visit))
    stmt = (
        select(
            Household.village_id,
            func.count(),
            func.sum(case((Household.id.in_(visited), 1), else_=0)),
        )
        .where(Household.id.in_(priority), standing_on(as_of))
        .group_by(Household.village_id)
    )
    for village_id, households, reached in session.execute(stmt):
        per[village_id]["priority"][PRIORITY_HOUSEHOLDS] += households
        per[village_id]["priority"][PRIORITY_VISITED] += int(reached or 0)


def _visit_topics(per: PerVillage, session: Session, first: date, last: date) -> None:
    rows = session.execute(
        select(Household.village_id, Visit.topics)
        .join(Household, Household.id == Visit.household_id)
        .where(Visit.visited_on.between(first, last), live(Visit))
    )
    for village_id, topics in rows:
        # A visit about two things counts under each; the same code twice in one visit counts once.
        per[village_id]["visit_topics"].update(set(topics or ()) or {NO_TOPIC})


def _children(per: PerVillage, session: Session, last: date) -> None:
    # The kind, the child and the groups are content: the cases open at the month's end are loaded whole
    # and read here.
    rows = case_rows.cases_with_village(
        session, SupportCase.opened_on <= last, or_(SupportCase.closed_on.is_(None), SupportCase.closed_on > last)
    )
    # A child with two open cases is one child: counted by person (by case when no person is named).
    seen: dict[uuid.UUID, dict[str, set[uuid.UUID]]] = defaultdict(lambda: defaultdict(set))
    for opened, village_id in rows:
        if opened.kind != CHILD_PROTECTION:
            continue
        child = opened.person_id or opened.id
        for key in (ALL_CHILDREN, *(opened.groups or ())):
            seen[village_id][key].add(child)
    for village_id, by_group in seen.items():
        per[village_id]["child_groups"].update({key: len(children) for key, children in by_group.items()})
