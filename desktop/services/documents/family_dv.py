"""The yearly figures on families and domestic violence of Thông tư 07/2017/TT-BVHTTDL, for the commune
report (domain.md §4.1), over the villages the user keeps.

* **Families**, on the year's last day (or today, for the current year): the households living then, by
  how many generations live in them, from each member's relationship to the head (`household_shape`).
* **Domestic violence** in the year: the cases opened in it (a case has no separate day of the violence:
  the day it was opened stands for it), the households they are about, their forms, the people who
  committed violence and the people subjected to it by sex and by the two age bands of TT 07; and the
  measures, referrals and support recorded during the year, in any domestic-violence case.

The violence part is case content (architecture.md §6): without the protection permission it is None and
the report says why, rather than give figures that leave out what the user may not read.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from db.models.casework import CaseAction, CaseMeasure, CaseParty, CaseReferral, SupportCase
from db.models.register import Household, Person, PopulationEvent
from desktop.services import reference
from desktop.services.casework import dv, timeline
from desktop.services.documents import case_rows, periods
from desktop.services.documents.monthly import kept_villages
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import age_on, raise_if, year_problems

SINGLE_PARENT, ONE, TWO, THREE_PLUS, OTHER = "single_parent", "one_generation", "two_generations", "three_plus", "other"
SHAPES = (SINGLE_PARENT, ONE, TWO, THREE_PLUS, OTHER)  # the order of TT 07's rows
# The generation of each relationship to the head (relationship.csv), the head's being 0. "other"
# (siblings, nephews, lodgers alike) has none: the register cannot place it.
GENERATION = {"head": 0, "spouse": 0, "child": 1, "adopted_child_in_law": 1, "parent": -1, "grandchild": 2}
CHILD_AGE, OLD_AGE = 16, 60  # the bands of TT 07: under 16, and 60 and over
MALE, FEMALE = "1", "2"
NOTE_KIND = "note"  # a timeline note records what happened; it is not support given


@dataclass(frozen=True, slots=True)
class Households:
    """The households of one village, or of all of them (village_id None), by shape (`SHAPES`)."""

    village_id: uuid.UUID | None
    village: str
    total: int = 0
    shapes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class People:
    """People counted once each: by sex and in the two age bands; unknown sex or age only in `total`."""

    total: int = 0
    male: int = 0
    female: int = 0
    under_16: int = 0
    aged_60_plus: int = 0


@dataclass(frozen=True, slots=True)
class Violence:
    households: int
    cases: int
    types: dict[str, int]  # dv_types code → cases with an act of that type; a case may have several
    untyped: int  # cases with no act recorded yet
    perpetrators: People
    victims: People
    measures: dict[str, tuple[int, int]]  # dv_measures code → (cases, decisions) decided in the year
    referrals: dict[str, tuple[int, int]]  # referral_bodies code → (cases, referrals) sent in the year
    support: dict[str, tuple[int, int]]  # case_action_kinds code → (cases, entries) in the year
    by_village: dict[uuid.UUID, tuple[int, int]]  # village → (households, cases)


@dataclass(frozen=True, slots=True)
class FamilyDvFigures:
    year: int
    first_day: date
    last_day: date
    as_of: date  # the day the households are counted on: the year's last day, or today during the year
    villages: tuple[Households, ...]
    total: Households
    violence: Violence | None  # None: the user may not read case content


def year_bounds(year: int, today: date) -> tuple[date, date]:
    """The year's first and last day; a year that has not begun, or one out of range, is refused."""
    if today.year < year <= date.max.year:
        periods.require_begun(date(year, 1, 1), today)
    raise_if(year_problems("year", year, today))
    return date(year, 1, 1), date(year, 12, 31)


def family_dv_figures(profile: Profile, year: int) -> FamilyDvFigures:
    today = profile.today()
    first, last = year_bounds(year, today)
    as_of = min(last, today)
    with profile.sessions() as session:
        villages = kept_villages(session, profile)
        shapes = _shapes(session, profile, as_of)
        violence = _violence(session, profile, first, as_of) if profile.user.protection else None
    rows = tuple(_households(village_id, name, shapes.get(village_id, {})) for village_id, name in villages)
    total = Households(None, "", sum(r.total for r in rows), _added(r.shapes for r in rows))
    return FamilyDvFigures(year, first, last, as_of, rows, total, violence)


# Families ##################################################################################


def household_shape(relationships: Iterable[str]) -> str:
    """A household's row in TT 07, from its members' relationships to the head (domain.md §4.1).

    One generation: two or more people of one generation (a couple, or siblings left together).
    Only a father or mother with their children: two adjacent generations, the older one a single
    person, and no couple (head and spouse) in the younger one. Two, three or more generations: the
    number of generations living there (grandparents with grandchildren are two). Other: someone alone,
    or people none of whom, or only one of whom, the register relates to the head.
    """
    named = list(relationships)
    levels = Counter(GENERATION[r] for r in named if r in GENERATION)
    if sum(levels.values()) < 2:
        return OTHER
    if len(levels) == 1:
        return ONE
    if len(levels) >= 3:
        return THREE_PLUS
    older, younger = sorted(levels)
    couple_below = younger == 0 and {"head", "spouse"} <= set(named)
    if younger - older == 1 and levels[older] == 1 and not couple_below:
        return SINGLE_PARENT
    return TWO


def present_on(day: date) -> Any:
    """People living in their household on `day`, as far as the register tells: born by then, not dead
    or gone by then, and not arrived after it."""
    arrived_later = exists().where(
        PopulationEvent.person_id == Person.id,
        PopulationEvent.kind == "move_in",
        PopulationEvent.event_date > day,
        live(PopulationEvent),
    )
    return (
        live(Person)
        & (Person.birth_date <= day)
        & or_(
            Person.status == "present",
            (Person.status == "dead") & (Person.death_date > day),
            (Person.status == "moved_out") & (Person.left_on > day),
        )
        & ~arrived_later
    )


def _shapes(session: Session, profile: Profile, day: date) -> dict[uuid.UUID, dict[str, int]]:
    rows = session.execute(
        select(Household.village_id, Household.id, Person.id, Person.relationship)
        .join(Person, Person.household_id == Household.id)
        .where(
            Household.commune_code == profile.commune_code,
            live(Household),
            or_(Household.dissolved_on.is_(None), Household.dissolved_on > day),
            present_on(day),
        )
    )
    then = _relationships_changed_after(session, day)
    members: dict[tuple[uuid.UUID, uuid.UUID], list[str]] = defaultdict(list)
    for village_id, household_id, person_id, relationship in rows:
        members[(village_id, household_id)].append(then.get(person_id, relationship))
    counted: dict[uuid.UUID, dict[str, int]] = defaultdict(Counter)
    for (village_id, _household), relationships in members.items():
        counted[village_id][household_shape(relationships)] += 1
    return counted


def _relationships_changed_after(session: Session, day: date) -> dict[uuid.UUID, str]:
    """Each person's relationship to the head on `day`, for those whose relationship changed since: the
    "before" of their first later change (a new head named after a death records the old relationship)."""
    rows = session.execute(
        select(PopulationEvent.person_id, PopulationEvent.details)
        .where(PopulationEvent.kind == "info_change", PopulationEvent.event_date > day, live(PopulationEvent))
        .order_by(PopulationEvent.event_date.desc(), PopulationEvent.created_at.desc())
    )
    found: dict[uuid.UUID, str] = {}
    for person_id, details in rows:  # the latest first, so the earliest change is written last
        before = (details or {}).get("before", {}).get("relationship")
        if person_id is not None and before:
            found[person_id] = str(before)
    return found


def _households(village_id: uuid.UUID, name: str, shapes: dict[str, int]) -> Households:
    every = {shape: shapes.get(shape, 0) for shape in SHAPES}
    return Households(village_id, name, sum(every.values()), every)


def _added(many: Iterable[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter({shape: 0 for shape in SHAPES})
    for one in many:
        total.update(one)
    return dict(total)


# Domestic violence #########################################################################


@dataclass(frozen=True, slots=True)
class _Case:
    id: uuid.UUID
    household_id: uuid.UUID
    village_id: uuid.UUID
    opened_on: date
    person_id: uuid.UUID | None
    acts: tuple[str, ...]


def _violence(session: Session, profile: Profile, first: date, last: date) -> Violence:
    seen = [village_id for village_id, _name in kept_villages(session, profile)]
    cases = _cases(session, seen, first, last)
    of_act = dv.act_types(session)
    types: Counter[str] = Counter({code: 0 for code in reference.code_names(session, dv.TYPES)})
    for case in cases:
        types.update({of_act[act] for act in case.acts if of_act.get(act)})
    by_village: dict[uuid.UUID, tuple[int, int]] = {}
    for village_id in seen:
        mine = [c for c in cases if c.village_id == village_id]
        by_village[village_id] = (len({c.household_id for c in mine}), len(mine))
    victims, perpetrators = _parties(session, cases)
    support_kinds = [c.code for c in timeline.kinds_for(session, dv.KIND) if c.code != NOTE_KIND]

    def counted(model: Any, key: str, day: Any, codes: Iterable[str]) -> dict[str, tuple[int, int]]:
        return _counted(_dated(session, model, key, day, seen, (first, last)), codes)

    return Violence(
        households=len({c.household_id for c in cases}),
        cases=len(cases),
        types=dict(types),
        untyped=sum(1 for c in cases if not any(of_act.get(a) for a in c.acts)),
        perpetrators=perpetrators,
        victims=victims,
        measures=counted(CaseMeasure, "measure", CaseMeasure.decided_on, reference.code_names(session, dv.MEASURES)),
        referrals=counted(CaseReferral, "body", CaseReferral.sent_on, reference.code_names(session, dv.BODIES)),
        support=counted(CaseAction, "kind", CaseAction.done_on, support_kinds),
        by_village=by_village,
    )


def _cases(session: Session, villages: list[uuid.UUID], first: date, last: date) -> list[_Case]:
    """The domestic-violence cases opened in the year: the kind is content, read on the loaded cases."""
    rows = case_rows.cases_with_village(
        session, SupportCase.opened_on.between(first, last), Household.village_id.in_(villages), live(Household)
    )
    return [
        _Case(case.id, case.household_id, village_id, case.opened_on, case.person_id, tuple(case.acts or ()))
        for case, village_id in rows
        if case.kind == dv.KIND
    ]


def _dated(
    session: Session, model: Any, key: str, day: Any, villages: list[uuid.UUID], between: tuple[date, date]
) -> list[tuple[str, uuid.UUID]]:
    """(code, case id) of the rows of `model` (measures, referrals, timeline entries) dated in the year, in
    the domestic-violence cases of the villages, whatever year the case was opened. `key` names the code's
    attribute: codes and the case's kind are content, read on the loaded rows."""
    rows = case_rows.dated(session, model, day, between, live(SupportCase), Household.village_id.in_(villages))
    return [(getattr(row, key), row.case_id) for row, case, _village in rows if case.kind == dv.KIND]


def _counted(rows: list[tuple[str, uuid.UUID]], codes: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(cases, rows) per code: every code of the table, zeros included."""
    cases: dict[str, set[uuid.UUID]] = defaultdict(set)
    made: Counter[str] = Counter()
    for code, case_id in rows:
        cases[code].add(case_id)
        made[code] += 1
    return {code: (len(cases[code]), made[code]) for code in codes}


def _parties(session: Session, cases: list[_Case]) -> tuple[People, People]:
    """(victims, perpetrators), each person once: a person of the register by their id, at their first
    case of the year; someone named by hand once per case. A case with no victim recorded counts the
    person it was opened for, the person it helps."""
    by_id = {case.id: case for case in cases}
    found: dict[str, dict[object, tuple[date, str, int | None]]] = {"victim": {}, "perpetrator": {}}
    with_victim: set[uuid.UUID] = set()
    for party, person in _victims_and_perpetrators(session, list(by_id)):
        opened = by_id[party.case_id].opened_on
        birth = person.birth_date if person else None
        # Someone named by hand has a year of birth only: their age is the one they reach that year.
        age = age_on(birth, opened) if birth else (opened.year - party.birth_year if party.birth_year else None)
        _keep(found[party.role], party.person_id or party.id, opened, (person.sex if person else "") or party.sex, age)
        if party.role == "victim":
            with_victim.add(party.case_id)
    for case in cases:
        if case.id not in with_victim and case.person_id is not None:
            person = session.get(Person, case.person_id)
            if person is not None:
                _keep(found["victim"], person.id, case.opened_on, person.sex, age_on(person.birth_date, case.opened_on))
    return _people(found["victim"].values()), _people(found["perpetrator"].values())


def _victims_and_perpetrators(session: Session, case_ids: list[uuid.UUID]) -> list[tuple[CaseParty, Person | None]]:
    """The live victims and perpetrators of the cases, each with their person of the register if linked.
    The role and the link are content: the parties are loaded by case and read here."""
    parties = [
        party
        for party in session.scalars(select(CaseParty).where(CaseParty.case_id.in_(case_ids), live(CaseParty)))
        if party.role in ("victim", "perpetrator")
    ]
    linked = {party.person_id for party in parties if party.person_id is not None}
    people = {person.id: person for person in session.scalars(select(Person).where(Person.id.in_(linked)))}
    return [(party, people.get(party.person_id) if party.person_id else None) for party in parties]


def _keep(found: dict[object, tuple[date, str, int | None]], key: object, on: date, sex: str, age: int | None) -> None:
    if key not in found or on < found[key][0]:
        found[key] = (on, sex, age)


def _people(found: Iterable[tuple[date, str, int | None]]) -> People:
    listed = list(found)
    return People(
        total=len(listed),
        male=sum(1 for _on, sex, _age in listed if sex == MALE),
        female=sum(1 for _on, sex, _age in listed if sex == FEMALE),
        under_16=sum(1 for _on, _sex, age in listed if age is not None and age < CHILD_AGE),
        aged_60_plus=sum(1 for _on, _sex, age in listed if age is not None and age >= OLD_AGE),
    )
