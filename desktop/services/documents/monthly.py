"""Monthly figures: everything a collaborator's monthly report needs, by village.

For a month "YYYY-MM":

* population events on that month's slip (their reporting month), by kind; marriages and divorces by couple;
* home visits made in the month, and the households they reached;
* support cases opened in the month, active at its end and closed in it, by kind;
* measures decided and referrals sent in the month, by measure and by receiving body;
* entries written in cases' timelines in the month (mediations, monitoring visits, support…), by kind;
* communication activities held in the month and their participants by sex (when activities exist);
* the population at the month's end, the month's births by sex and birth order, priority households and
  how many were visited, visits by topic, and children of open child-protection cases by group of Art. 10
  (`monthly_people`).

Only the villages the user keeps are counted. Case kinds, measures, referrals, entries and children's groups
are case content: without the right to it (architecture.md §6) a user gets the number of cases only, under
the kind "*", and no children by group; `MonthlyFigures.content` is then False, and the report says the
user may not see them rather than print zeros that were never counted. Case content is counted on the
loaded rows, never in SQL (`case_rows`).
"""

from __future__ import annotations

import calendar
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from db.models.casework import CaseAction, CaseMeasure, CaseReferral, SupportCase
from db.models.register import Household, Person, PopulationEvent, Village, Visit
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.documents import case_rows, monthly_people
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import problem, raise_if
from desktop.textnorm import fold

CTX = "Monthly"
Counted = Select[Any, Any, Any]  # rows of (village id, key, count)
ANY_KIND = "*"
COUPLE_EVENTS = ("marriage", "divorce")  # counted once per couple


@dataclass(frozen=True, slots=True)
class Figures:
    """The counts of one village, or of the whole commune (village_id None)."""

    village_id: uuid.UUID | None
    village: str
    events: dict[str, int] = field(default_factory=dict)
    visits: int = 0
    households_reached: int = 0
    cases_opened: dict[str, int] = field(default_factory=dict)
    cases_active: dict[str, int] = field(default_factory=dict)
    cases_closed: dict[str, int] = field(default_factory=dict)
    measures: dict[str, int] = field(default_factory=dict)
    referrals: dict[str, int] = field(default_factory=dict)
    case_entries: dict[str, int] = field(default_factory=dict)  # by case_action_kinds code
    activities: int = 0
    participants_male: int = 0
    participants_female: int = 0
    # The keys of these are constants of `monthly_people`.
    population: dict[str, int] = field(default_factory=dict)  # at the month's end
    births: dict[str, int] = field(default_factory=dict)  # by sex code and birth order
    priority: dict[str, int] = field(default_factory=dict)  # priority households, and those visited
    visit_topics: dict[str, int] = field(default_factory=dict)  # visits by topic code; never to be added up
    child_groups: dict[str, int] = field(default_factory=dict)  # children by Art. 10 group; with the permission


@dataclass(frozen=True, slots=True)
class MonthlyFigures:
    month: str
    first_day: date
    last_day: date
    villages: tuple[Figures, ...]
    total: Figures
    as_of: date  # the day of the population and the open cases: the last day, or today during the month
    # Whether case content was counted (the protection permission): without it the cases carry no kind,
    # and measures, referrals, entries and children's groups are empty because they were not counted.
    content: bool = True


def month_bounds(month: str) -> tuple[date, date]:
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
    except ValueError:
        raise_if([problem("month", QT_TRANSLATE_NOOP(CTX, "Write the month as YYYY-MM, e.g. 2026-10."))])
        raise  # unreachable: raise_if raised
    return first, first.replace(day=calendar.monthrange(year, number)[1])


def monthly_figures(profile: Profile, month: str) -> MonthlyFigures:
    first, last = month_bounds(month)
    content = profile.user.protection
    with profile.sessions() as session:
        villages = kept_villages(session, profile)
        per: dict[uuid.UUID, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        _count(per, session, "events", _events(month))
        _count_couples(per, session, month)
        visits = _visits(session, first, last)
        _count_cases(per, session, "cases_opened", content, SupportCase.opened_on.between(first, last))
        active = (SupportCase.opened_on <= last) & or_(SupportCase.closed_on.is_(None), SupportCase.closed_on > last)
        _count_cases(per, session, "cases_active", content, active)
        _count_cases(per, session, "cases_closed", content, SupportCase.closed_on.between(first, last))
        if content:
            _count_content(per, session, (first, last))
        as_of = min(last, profile.today())  # the month's end, or today during the month
        monthly_people.count_people(per, session, month, (first, last), as_of, content=content)
        activities = _activities(profile, first, last)
    rows = tuple(_figures(village_id, name, per[village_id], visits, activities) for village_id, name in villages)
    return MonthlyFigures(month, first, last, rows, _sum(rows), as_of, content)


def kept_villages(session: Session, profile: Profile) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the commune's villages the user keeps, in the register's order: the rows of a report."""
    rows = session.execute(
        select(Village.id, Village.name)
        .where(Village.commune_code == profile.commune_code, live(Village))
        .order_by(Village.sort_order, Village.name)
    )
    return [(village_id, name) for village_id, name in rows if profile.user.sees_village(village_id)]


def _count(per: dict[uuid.UUID, dict[str, Counter[str]]], session: Session, measure: str, stmt: Counted) -> None:
    for village_id, key, number in session.execute(stmt):
        per[village_id][measure][key] += number


def _events(month: str) -> Counted:
    """Every event once, but marriages and divorces: those are counted by couple (`_couples`)."""
    return (
        select(Household.village_id, PopulationEvent.kind, func.count())
        .join(Household, Household.id == PopulationEvent.household_id)
        .where(
            PopulationEvent.reporting_month == month,
            PopulationEvent.kind.not_in(COUPLE_EVENTS),
            live(PopulationEvent),
        )
        .group_by(Household.village_id, PopulationEvent.kind)
    )


def _count_couples(per: dict[uuid.UUID, dict[str, Counter[str]]], session: Session, month: str) -> None:
    """One marriage or divorce per couple, in the village of the spouse recorded first.

    Each spouse of the register gets an event (their marital status changes), so a wedding between two
    people of the commune is two events. The second is the same couple when it has the same kind and date
    and each names the other as partner; without a partner's name two events cannot be told apart from
    two weddings, and both count.
    """
    rows = session.execute(
        select(Household.village_id, PopulationEvent.kind, PopulationEvent.event_date, Person.full_name)
        .add_columns(PopulationEvent.details)
        .join(Household, Household.id == PopulationEvent.household_id)
        .join(Person, Person.id == PopulationEvent.person_id)
        .where(
            PopulationEvent.reporting_month == month,
            PopulationEvent.kind.in_(COUPLE_EVENTS),
            live(PopulationEvent),
        )
        .order_by(PopulationEvent.created_at, PopulationEvent.id)
    )
    waiting: Counter[tuple[str, date, str, str]] = Counter()  # counted, the other spouse not seen yet
    for village_id, kind, on, name, details in rows:
        partner = fold((details or {}).get("partner", ""))
        other_side = (kind, on, partner, fold(name))
        if partner and waiting[other_side]:
            waiting[other_side] -= 1
            continue
        waiting[(kind, on, fold(name), partner)] += 1
        per[village_id]["events"][kind] += 1


def _visits(session: Session, first: date, last: date) -> dict[uuid.UUID, tuple[int, int]]:
    """(visits, households reached) per village."""
    stmt = (
        select(Household.village_id, func.count(), func.count(func.distinct(Visit.household_id)))
        .join(Household, Household.id == Visit.household_id)
        .where(Visit.visited_on.between(first, last), live(Visit))
        .group_by(Household.village_id)
    )
    return {village_id: (made, reached) for village_id, made, reached in session.execute(stmt)}


def _count_cases(
    per: dict[uuid.UUID, dict[str, Counter[str]]],
    session: Session,
    measure: str,
    content: bool,
    when: ColumnElement[bool],
) -> None:
    """Cases by kind, or all under `ANY_KIND` without the right to content. The kind is content, so it is
    read on the loaded cases, never grouped by in SQL."""
    if not content:
        _count(per, session, measure, _all_cases(when))
        return
    for case, village_id in case_rows.cases_with_village(session, when):
        per[village_id][measure][case.kind] += 1


def _all_cases(when: ColumnElement[bool]) -> Counted:
    return (
        select(Household.village_id, func.min(ANY_KIND), func.count())
        .select_from(SupportCase)
        .join(Household, Household.id == SupportCase.household_id)
        .where(when, live(SupportCase))
        .group_by(Household.village_id)
    )


def _count_content(per: dict[uuid.UUID, dict[str, Counter[str]]], session: Session, month: tuple[date, date]) -> None:
    """Measures decided, referrals sent and timeline entries written in the month, by their code."""
    for measure, _case, village_id in case_rows.dated(session, CaseMeasure, CaseMeasure.decided_on, month):
        per[village_id]["measures"][measure.measure] += 1
    for referral, _case, village_id in case_rows.dated(session, CaseReferral, CaseReferral.sent_on, month):
        per[village_id]["referrals"][referral.body] += 1
    for action, _case, village_id in case_rows.dated(session, CaseAction, CaseAction.done_on, month):
        per[village_id]["case_entries"][action.kind] += 1


def _activities(profile: Profile, first: date, last: date) -> dict[uuid.UUID, tuple[int, int, int]]:
    """(activities, men, women) per village, from the communication activities."""
    from desktop.services.communication import activities

    found: dict[uuid.UUID, tuple[int, int, int]] = {}
    for row in activities.activity_totals(profile, first, last):
        count, men, women = found.get(row.village_id, (0, 0, 0))
        found[row.village_id] = (count + row.activities, men + row.male, women + row.female)
    return found


def _figures(
    village_id: uuid.UUID,
    name: str,
    counted: dict[str, Counter[str]],
    visits: dict[uuid.UUID, tuple[int, int]],
    activities: dict[uuid.UUID, tuple[int, int, int]],
) -> Figures:
    held, men, women = activities.get(village_id, (0, 0, 0))
    made, reached = visits.get(village_id, (0, 0))
    return Figures(
        village_id=village_id,
        village=name,
        events=dict(counted["events"]),
        visits=made,
        households_reached=reached,
        cases_opened=dict(counted["cases_opened"]),
        cases_active=dict(counted["cases_active"]),
        cases_closed=dict(counted["cases_closed"]),
        measures=dict(counted["measures"]),
        referrals=dict(counted["referrals"]),
        case_entries=dict(counted["case_entries"]),
        activities=held,
        participants_male=men,
        participants_female=women,
        population=dict(counted["population"]),
        births=dict(counted["births"]),
        priority=dict(counted["priority"]),
        visit_topics=dict(counted["visit_topics"]),
        child_groups=dict(counted["child_groups"]),
    )


def _sum(rows: tuple[Figures, ...]) -> Figures:
    def merged(name: str) -> dict[str, int]:
        total: Counter[str] = Counter()
        for row in rows:
            total.update(getattr(row, name))
        return dict(total)

    return Figures(
        village_id=None,
        village="",
        events=merged("events"),
        visits=sum(row.visits for row in rows),
        households_reached=sum(row.households_reached for row in rows),
        cases_opened=merged("cases_opened"),
        cases_active=merged("cases_active"),
        cases_closed=merged("cases_closed"),
        measures=merged("measures"),
        referrals=merged("referrals"),
        case_entries=merged("case_entries"),
        activities=sum(row.activities for row in rows),
        participants_male=sum(row.participants_male for row in rows),
        participants_female=sum(row.participants_female for row in rows),
        population=merged("population"),
        births=merged("births"),
        priority=merged("priority"),
        visit_topics=merged("visit_topics"),
        child_groups=merged("child_groups"),
    )
