"""Demo profile: a commune register with realistic families, events and visits (the scale of architecture.md §9).

Everything comes from one `random.Random(seed)` and the given `today`, so a seed always builds the
same register. Rows go in through bulk core inserts in one transaction, normalised the way the
services normalise them; the search triggers (migration 0001) index them on the way in.
"""

from __future__ import annotations

import functools
import random
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from db import audit, search_index
from db.models.directory import DirectoryUser
from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Village, Visit, village_id
from db.session import SYNCED_CORE_WRITE
from db.stamps import core_stamps, note_new
from desktop.demo import casework as demo_cases
from desktop.demo import names as demo_names
from desktop.demo.care import add_care
from desktop.demo.families import DemoRegister
from desktop.demo.year import DemoYear
from desktop.errors import FieldProblem, NotFoundError, SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.profile import directory
from desktop.services.profile.access import Role
from desktop.services.profile.handle import Created, Profile
from desktop.services.profile.opening import create_profile, is_set_up, set_up
from desktop.services.register import categories
from desktop.services.register.events import default_reporting_month
from desktop.services.validation import problem, raise_if
from desktop.textnorm import clean, fold

DEMO_COMMUNE = "18673"  # Xã Cẩm Xuyên
DEMO_PASSPHRASE = "sotay-demo"  # written in README and printed by `make run`: demo data only
MIN_HOUSEHOLDS, MAX_HOUSEHOLDS = 1, 200_000
HOUSEHOLDS_PER_VILLAGE = 250
BUILD_CACHE_KIB = -65536  # negative: KiB, so 64 MB while building
RECORDING_DELAY_DAYS = 6  # days between an event and the collaborator writing it down


@dataclass(frozen=True, slots=True)
class DemoSummary:
    commune_code: str
    collaborator: str
    villages: int
    households: int
    households_dissolved: int
    people: int
    people_present: int
    categories: int
    events: int
    births: int
    deaths: int
    visits: int
    follow_ups_due: int  # visits whose follow-up date is today or later
    cases: int = 0  # support cases opened through the services (desktop.demo.casework)


class DemoRefusedError(SotayError):
    """Demo data goes only into a profile without households, so nothing real is ever mixed in."""

    exit_code = 3


def household_count_problems(households: int) -> list[FieldProblem]:
    if MIN_HOUSEHOLDS <= households <= MAX_HOUSEHOLDS:
        return []
    return [
        problem(
            "households",
            QT_TRANSLATE_NOOP("Demo", "The number of households must be between {min} and {max}."),
            min=MIN_HOUSEHOLDS,
            max=MAX_HOUSEHOLDS,
        )
    ]


def collaborator_name(seed: int) -> str:
    """The demo collaborator of a seed: the first name `build_demo` draws."""
    return _draw_collaborator(random.Random(seed))


def _draw_collaborator(rng: random.Random) -> str:
    return demo_names.full_name(rng, demo_names.surname(rng), "2", 1988)


def create_demo_profile(
    paths: ProfilePaths, *, seed: int, passphrase: str = DEMO_PASSPHRASE, user: str | None = None
) -> Created:
    """A new encrypted profile for the demo commune; its first user is the demo collaborator."""
    collaborator = collaborator_name(seed)
    return create_profile(
        paths, commune_code=DEMO_COMMUNE, collaborator=collaborator, user=user or collaborator, passphrase=passphrase
    )


def build_demo(profile: Profile, *, households: int, seed: int, today: date | None = None) -> DemoSummary:
    """Fill an empty profile with `households` demo households of a Hà Tĩnh commune."""
    raise_if(household_count_problems(households))
    day = today or profile.today()
    rng = random.Random(seed)
    # Drawn even when the profile is already set up, so the names that follow do not depend on it.
    collaborator = _draw_collaborator(rng)
    _refuse_unless_empty(profile)
    if not is_set_up(profile):
        set_up(profile, commune_code=DEMO_COMMUNE, collaborator=collaborator)
    register = DemoRegister(rng, day)
    with profile.sessions.begin() as session:
        villages = _villages(session, profile, households)
        register.add_households(households, villages)
        DemoYear(register).run()
        add_care(register)
        _insert(session, profile, register)
        # Bulk inserts bypass the ORM's audit hook: one event says what was generated.
        audit.append_event(
            session,
            action="create",
            table="*",
            record_id="",
            summary={"demo": f"{households} households, seed {seed}, {day.isoformat()}"},
        )
    # Cases go through the services (their rules, their audit events); they cannot be dated after today, and
    # belong to a logged-in user (a plain profile opened for an upgrade or a benchmark has none).
    with_cases = day <= profile.today() and profile.user.id is not None
    opened = demo_cases.add_casework(profile, random.Random(seed + 1), day) if with_cases else 0
    return replace(_summary(profile, register, len(villages)), cases=opened)


def _refuse_unless_empty(profile: Profile) -> None:
    with profile.sessions() as session:
        existing = session.scalar(select(func.count()).select_from(Household)) or 0
    if existing:
        raise DemoRefusedError(
            QT_TRANSLATE_NOOP(
                "Demo", "This profile already has {count} households; demo data only goes into an empty profile."
            ),
            count=existing,
        )


# Core writes of synced tables say they stamp their rows themselves (`_stamp`): db.session refuses others.
STAMPED: dict[str, Any] = {SYNCED_CORE_WRITE: True}


def _stamp(session: Session, profile: Profile) -> dict[str, Any]:
    """The sync columns the flush hook would have set: pending for the hub, written by this device, one clock
    for the batch (db.stamps); each batch's rows are listed with `note_new`."""
    return core_stamps(session, profile.device_id)


def _villages(session: Session, profile: Profile, households: int) -> list[tuple[uuid.UUID, str]]:
    """The commune's villages: those already there, plus illustrative ones of about 250 households each."""
    existing = reference.villages(session, profile.commune_code)
    wanted = max(1, min(200, round(households / HOUSEHOLDS_PER_VILLAGE)))
    # Ids as reference.add_village gives them; one already held (a village removed or set inactive, or a
    # name that folds like another) is left out rather than written twice.
    taken = set(session.scalars(select(Village.id).where(Village.commune_code == profile.commune_code)))
    fresh: dict[uuid.UUID, str] = {}
    for name in demo_names.village_names(wanted + len(existing)):
        row_id = village_id(profile.commune_code, fold(name))
        if row_id not in taken:
            fresh.setdefault(row_id, name)
    stamp = _stamp(session, profile)
    rows = [
        {
            "id": row_id,
            "commune_code": profile.commune_code,
            "name": clean(name),
            "name_folded": fold(name),
            "sort_order": len(existing) + index,
            "active": True,
            **stamp,
        }
        for index, (row_id, name) in enumerate(list(fresh.items())[: max(0, wanted - len(existing))])
    ]
    if rows:
        session.execute(insert(_table(Village)).execution_options(**STAMPED), rows)
        note_new(session, "villages", [row["id"] for row in rows], stamp["hlc"])
    return [(v.id, v.name) for v in existing] + [(r["id"], r["name"]) for r in rows]


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _insert(session: Session, profile: Profile, register: DemoRegister) -> None:
    stamp = _stamp(session, profile)
    batches: list[tuple[type[Any], Iterable[dict[str, Any]]]] = [
        (Household, _household_rows(profile, register, stamp)),
        (Person, _person_rows(register, stamp)),
        (HouseholdCategory, _category_rows(register, categories.standards_of(session), stamp)),
        (PopulationEvent, _event_rows(register, stamp)),
        (Visit, _visit_rows(register, _visitor(session, profile), stamp)),
    ]
    with _big_page_cache(session), search_index.deferred(session):
        for model, rows in batches:
            listed = list(rows)
            if listed:
                session.execute(insert(_table(model)).execution_options(**STAMPED), listed)
                note_new(session, _table(model).name, [row["id"] for row in listed], stamp["hlc"])
    _name_heads(session, register)


@contextmanager
def _big_page_cache(session: Session) -> Iterator[None]:
    """Random UUID keys touch pages all over five indexes; SQLite's 2 MB default cache thrashes."""
    previous = session.execute(text("PRAGMA cache_size")).scalar()
    session.execute(text(f"PRAGMA cache_size = {BUILD_CACHE_KIB}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size = {int(previous or -2000)}"))


def _name_heads(session: Session, register: DemoRegister) -> None:
    """Point each household at its head once the people exist.

    Deferring the foreign keys instead would make SQLite scan the unindexed households.head_person_id
    for every person inserted, which turns 80,000 people into minutes.
    """
    table = _table(Household)
    heads = [{"b_id": h.id, "b_head": h.head.id} for h in register.households if h.head is not None]
    if heads:
        stmt = update(table).where(table.c.id == bindparam("b_id")).values(head_person_id=bindparam("b_head"))
        stmt = stmt.execution_options(**STAMPED)  # the rows were stamped when inserted, a moment ago
        session.execute(stmt, heads)


def _household_rows(profile: Profile, register: DemoRegister, stamp: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for h in register.households:
        yield {
            "id": h.id,
            "code": h.code,
            "commune_code": profile.commune_code,
            "village_id": h.village_id,
            "address": _clean(h.address),
            "address_folded": _fold(h.address),
            "head_person_id": None,  # set by _name_heads
            "phone": h.phone,
            "notes": "",
            "dissolved_on": h.dissolved_on,
            "dissolved_reason": h.dissolved_reason,
            "legacy_district": "",
            "legacy_commune_code": "",
            **stamp,
        }


def _person_rows(register: DemoRegister, stamp: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for h in register.households:
        for p in h.members:
            yield {
                "id": p.id,
                "household_id": h.id,
                "full_name": _clean(p.full_name),
                "name_folded": _fold(p.full_name),
                "sex": p.sex,
                "birth_date": p.birth_date,
                "birth_year": p.birth_date.year,
                "relationship": p.relationship,
                "ethnicity": p.ethnicity,
                "education": p.education,
                "marital_status": p.marital_status,
                "residence_status": p.residence_status,
                "insurance_no": p.insurance_no,
                "national_id": p.national_id,
                "status": p.status,
                "death_date": p.death_date,
                "left_on": p.left_on,
                "sort_order": p.sort_order,
                "notes": "",
                **stamp,
            }


def _category_rows(
    register: DemoRegister, standards: list[categories.PovertyStandard], stamp: dict[str, Any]
) -> Iterable[dict[str, Any]]:
    for h in register.households:
        for c in h.categories:
            yield {
                "id": c.id,
                "household_id": h.id,
                "category": c.category,
                "year": c.year,
                "decision_no": c.decision_no,
                "notes": c.notes,
                # A poor or near-poor decision was made under the standard in force that year.
                "poverty_standard": categories.standard_for(c.category, c.year, standards),
                **stamp,
            }


def _recorded_on(event_id: uuid.UUID, event_date: date, today: date) -> date:
    """A collaborator writes an event down within a few days, so it lands on that month's slip."""
    return min(event_date + timedelta(days=event_id.int % RECORDING_DELAY_DAYS), today)


def _event_rows(register: DemoRegister, stamp: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for e in register.events:
        yield {
            "id": e.id,
            "kind": e.kind,
            "household_id": e.household.id,
            "person_id": e.person.id,
            "event_date": e.event_date,
            "reporting_month": default_reporting_month(e.event_date, _recorded_on(e.id, e.event_date, register.today)),
            "details": e.details,
            "notes": "",
            **stamp,
        }


def _visitor(session: Session, profile: Profile) -> uuid.UUID:
    """The demo user's directory id: every demo visit is theirs. A profile nobody is logged in to (a plain one
    opened for an upgrade or a benchmark) gets its collaborator in the directory, as a collaborator."""
    if profile.user.id is not None:
        return profile.user.id
    try:
        return directory.id_of(session, profile.collaborator)
    except NotFoundError:
        row = DirectoryUser(name=profile.collaborator, role=Role.CTV.value, protection=False, villages=[])
        session.add(row)
        session.flush()
        return row.id


def _visit_rows(register: DemoRegister, visitor: uuid.UUID, stamp: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for v in register.visits:
        yield {
            "id": v.id,
            "household_id": v.household.id,
            "visited_on": v.visited_on,
            "collaborator_id": visitor,
            "persons_met": [p.id.hex for p in v.persons_met],
            "topics": list(v.topics),
            "notes": v.notes,
            "follow_up_on": v.follow_up_on,
            **stamp,
        }


# Demo names repeat a lot ("Nguyễn Thị Lan"): normalising each once saves seconds at 80,000 people.
_clean = functools.lru_cache(maxsize=65536)(clean)
_fold = functools.lru_cache(maxsize=65536)(fold)


def _summary(profile: Profile, register: DemoRegister, villages: int) -> DemoSummary:
    people = [p for h in register.households for p in h.members]
    return DemoSummary(
        commune_code=profile.commune_code,
        collaborator=profile.collaborator,
        villages=villages,
        households=len(register.households),
        households_dissolved=sum(1 for h in register.households if h.dissolved_on),
        people=len(people),
        people_present=sum(1 for p in people if p.present),
        categories=sum(len(h.categories) for h in register.households),
        events=len(register.events),
        births=sum(1 for e in register.events if e.kind == "birth"),
        deaths=sum(1 for e in register.events if e.kind == "death"),
        visits=len(register.visits),
        follow_ups_due=sum(1 for v in register.visits if v.follow_up_on and v.follow_up_on >= register.today),
    )
