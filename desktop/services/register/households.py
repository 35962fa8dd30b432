"""Households: create, edit, move, dissolve, categories, the list and the detail view."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models.reference import AdminUnit
from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Village, Visit
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.dto import CategoryDTO, HouseholdDetail, HouseholdRow, IdList, MemberMatch
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.register import categories, search
from desktop.services.register.members import person_dto
from desktop.services.register.visits import visit_dtos
from desktop.services.rows import live, live_or_none, live_row
from desktop.services.validation import (
    ADDRESS_MAX,
    NOTE_MAX,
    event_date_problems,
    household_code_problems,
    pattern_problems,
    problem,
    raise_if,
    text_problems,
)
from desktop.textnorm import clean, fold

CTX = "Households"


@dataclass(frozen=True, slots=True)
class HouseholdInput:
    code: str
    village_id: uuid.UUID | None
    address: str = ""
    phone: str = ""
    notes: str = ""


def input_problems(
    profile: Profile, data: HouseholdInput, *, household_id: uuid.UUID | None = None
) -> list[FieldProblem]:
    """What the form shows as the user types (`household_id`: the household being edited, if any);
    saving checks the same again in its own transaction."""
    with profile.sessions() as session:
        return _input_problems(session, profile, data, household_id=household_id)


def _input_problems(
    session: Session, profile: Profile, data: HouseholdInput, *, household_id: uuid.UUID | None = None
) -> list[FieldProblem]:
    found = household_code_problems(data.code)
    found += text_problems("address", data.address, required=False, max_len=ADDRESS_MAX)
    found += pattern_problems("phone", data.phone, max_len=20, kind="phone")
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    village = live_or_none(session, Village, data.village_id) if data.village_id else None
    if village is None or village.commune_code != profile.commune_code:
        found.append(problem("village_id", QT_TRANSLATE_NOOP(CTX, "Choose the village of this household.")))
    if not found and _code_taken(session, profile.commune_code, clean(data.code), household_id):
        found.append(
            problem(
                "code",
                QT_TRANSLATE_NOOP(CTX, "Household number {code} is already used in this commune."),
                code=clean(data.code),
            )
        )
    return found


def _code_taken(session: Session, commune: str, code: str, exclude: uuid.UUID | None) -> bool:
    stmt = select(func.count()).where(
        Household.commune_code == commune,
        Household.code == code,
        live(Household),
        Household.dissolved_on.is_(None),
    )
    if exclude is not None:
        stmt = stmt.where(Household.id != exclude)
    return bool(session.scalar(stmt))


def create(profile: Profile, data: HouseholdInput) -> uuid.UUID:
    _require_village_access(profile, data)
    with profile.sessions.begin() as session:
        raise_if(_input_problems(session, profile, data))
        household = Household(
            code=clean(data.code),
            commune_code=profile.commune_code,
            village_id=data.village_id,
            address=clean(data.address),
            address_folded=fold(data.address),
            phone=clean(data.phone),
            notes=data.notes.strip(),
        )
        session.add(household)
        session.flush()
        return household.id


def update(profile: Profile, household_id: uuid.UUID, data: HouseholdInput) -> None:
    """Edit number, village, address, phone or notes. Changing the village is a move."""
    _require_village_access(profile, data)  # moving into a village is writing there
    with profile.sessions.begin() as session:
        household = _require(session, household_id, profile)
        raise_if(_input_problems(session, profile, data, household_id=household_id))
        household.code = clean(data.code)
        household.village_id = data.village_id  # type: ignore[assignment]
        household.address = clean(data.address)
        household.address_folded = fold(data.address)
        household.phone = clean(data.phone)
        household.notes = data.notes.strip()


def dissolve(profile: Profile, household_id: uuid.UUID, *, on: date, reason: str) -> None:
    """Close a household whose members all left or died; it stays in the register as history."""
    with profile.sessions.begin() as session:
        household = _require(session, household_id, profile)
        found = event_date_problems("dissolved_on", on, profile.today())
        found += text_problems("reason", reason, required=True, max_len=ADDRESS_MAX)
        present = session.scalar(
            select(func.count()).where(Person.household_id == household_id, Person.status == "present", live(Person))
        )
        if present:
            found.append(
                problem(
                    "reason",
                    QT_TRANSLATE_NOOP(CTX, "{n} member(s) still live here; record them as moved out or dead first."),
                    n=present,
                )
            )
        raise_if(found)
        household.dissolved_on = on
        household.dissolved_reason = clean(reason)


def add_category(
    profile: Profile,
    household_id: uuid.UUID,
    *,
    category: str,
    year: int,
    decision_no: str = "",
    notes: str = "",
    poverty_standard: str = "",
) -> uuid.UUID:
    """A category decided for a year; a poor or near-poor one names the poverty standard it was decided
    under, whose period must contain the year (categories.entry_problems)."""
    with profile.sessions.begin() as session:
        _require(session, household_id, profile)
        entry = categories.Entry(category, year, poverty_standard, decision_no, notes)
        raise_if(categories.stored_entry_problems(session, household_id, entry, profile.today()))
        row = HouseholdCategory(
            household_id=household_id,
            category=category,
            year=year,
            decision_no=clean(decision_no),
            notes=clean(notes),
            poverty_standard=poverty_standard,
        )
        session.add(row)
        session.flush()
        return row.id


def remove_category(profile: Profile, category_id: uuid.UUID) -> None:
    with profile.sessions.begin() as session:
        message = QT_TRANSLATE_NOOP(CTX, "This category entry no longer exists.")
        row = live_row(session, HouseholdCategory, category_id, message)
        _require(session, row.household_id, profile)
        row.deleted_at = utcnow()


def _require_village_access(profile: Profile, data: HouseholdInput) -> None:
    if data.village_id is not None:  # a missing village is an input problem, reported with the others
        access.require_write(profile.user, data.village_id)


def _require(session: Session, household_id: uuid.UUID, profile: Profile, *, write: bool = True) -> Household:
    """The household, if it exists and the logged-in user may read (or change) it."""
    household = live_row(session, Household, household_id, QT_TRANSLATE_NOOP(CTX, "This household no longer exists."))
    (access.require_write if write else access.require_read)(profile.user, household.village_id)
    return household


# Reading ###################################################################################


# A broad query ("ng") can match most of the register; nobody scrolls 10,000 rows, and reading them
# all would cost far more than a keystroke may take. The list shows this many and asks for more letters.
LIST_CAP = 500


@dataclass(frozen=True, slots=True)
class HouseholdList:
    ids: IdList
    complete: bool  # False when the query matched more households than the list shows


_ALL_SQL = """
SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id
WHERE h.deleted_at IS NULL AND h.commune_code = :commune {extra}
ORDER BY v.sort_order, v.name, h.code
"""


def list_households(
    profile: Profile,
    query: str = "",
    *,
    village_id: uuid.UUID | None = None,
    include_dissolved: bool = True,
    cap: int | None = None,
) -> HouseholdList:
    """Households to show, in register order (village, then number); the list model fetches rows lazily."""
    with profile.sessions() as session:
        if search.words_of(query):
            found, complete = search.matching_households(
                session,
                profile.commune_code,
                query,
                cap=cap or LIST_CAP,
                village_id=village_id,
                include_dissolved=include_dissolved,
                user=profile.user,
            )
            return HouseholdList(IdList(found), complete)
        extra, scope = access.village_sql(profile.user, "h")
        params = {"commune": profile.commune_code, **scope}
        if village_id is not None:
            extra, params["village"] = " AND h.village_id = :village", village_id.hex
        if not include_dissolved:
            extra += " AND h.dissolved_on IS NULL"
        everyone = session.execute(text(_ALL_SQL.format(extra=extra)), params).scalars().all()
        return HouseholdList(IdList(list(everyone)), True)


def list_ids(
    profile: Profile, query: str = "", *, village_id: uuid.UUID | None = None, include_dissolved: bool = True
) -> IdList:
    return list_households(profile, query, village_id=village_id, include_dissolved=include_dissolved).ids


def rows(profile: Profile, ids: list[uuid.UUID], query: str = "") -> list[HouseholdRow]:
    """Display rows for the given ids, in the same order; with the search `query` that listed them, each
    row found by a member other than the head names that member."""
    if not ids:
        return []
    with profile.sessions() as session:
        head = Person.__table__.alias("head")
        stmt = (
            select(
                Household.id, Household.code, Household.address, Household.dissolved_on, Village.name, head.c.full_name
            )
            .join(Village, Village.id == Household.village_id)
            .outerjoin(head, head.c.id == Household.head_person_id)
            .where(Household.id.in_(ids), access.household_filter(profile.user))
        )
        base = {r[0]: r for r in session.execute(stmt)}
        counts = dict(
            session.execute(
                select(Person.household_id, func.count())
                .where(Person.household_id.in_(ids), Person.status == "present", live(Person))
                .group_by(Person.household_id)
            ).all()
        )
        cats: dict[uuid.UUID, list[str]] = defaultdict(list)
        names = reference.code_names(session, "household_categories")
        year = profile.today().year
        for hid, category in session.execute(
            select(HouseholdCategory.household_id, HouseholdCategory.category)
            .where(
                HouseholdCategory.household_id.in_(ids),
                live(HouseholdCategory),
                HouseholdCategory.year >= year - 1,
            )
            .order_by(HouseholdCategory.category)
        ):
            label = names.get(category, category)
            if label not in cats[hid]:
                cats[hid].append(label)
        matched = _matched_members(session, query, ids)
    return [
        HouseholdRow(
            id=i,
            code=base[i][1],
            head_name=base[i][5] or "",
            village=base[i][4],
            address=base[i][2],
            members=counts.get(i, 0),
            categories=tuple(cats.get(i, ())),
            dissolved=base[i][3] is not None,
            matched=matched.get(i),
        )
        for i in ids
        if i in base
    ]


def _matched_members(session: Session, query: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, MemberMatch]:
    if not search.words_of(query):
        return {}
    return search.member_matches(session, query, ids, reference.code_names(session, "relationship"))


def detail(profile: Profile, household_id: uuid.UUID) -> HouseholdDetail:
    with profile.sessions() as session:
        household = _require(session, household_id, profile, write=False)
        village = session.get(Village, household.village_id)
        commune = session.get(AdminUnit, household.commune_code)
        people = session.scalars(
            select(Person)
            .where(Person.household_id == household_id, live(Person))
            .order_by(Person.status != "present", Person.sort_order, Person.birth_date)
        ).all()
        names = {p.id: p.full_name for p in people}
        members = tuple(person_dto(p, household.head_person_id) for p in people)
        category_names = reference.code_names(session, "household_categories")
        standards = {s.code: s for s in categories.standards_of(session)}
        entries = tuple(
            CategoryDTO(
                c.id,
                c.category,
                category_names.get(c.category, c.category),
                c.year,
                c.decision_no,
                c.notes,
                c.poverty_standard,
                standards[c.poverty_standard].name if c.poverty_standard in standards else c.poverty_standard,
                standards[c.poverty_standard].decree if c.poverty_standard in standards else "",
            )
            for c in session.scalars(
                select(HouseholdCategory)
                .where(HouseholdCategory.household_id == household_id, live(HouseholdCategory))
                .order_by(HouseholdCategory.year.desc(), HouseholdCategory.category)
            )
        )
        from desktop.services.register.events import event_dtos

        events = event_dtos(
            session,
            select(PopulationEvent)
            .where(PopulationEvent.household_id == household_id, live(PopulationEvent))
            .order_by(PopulationEvent.event_date.desc()),
            names,
        )
        visits = visit_dtos(
            session,
            select(Visit).where(Visit.household_id == household_id, live(Visit)).order_by(Visit.visited_on.desc()),
        )
        return HouseholdDetail(
            id=household.id,
            code=household.code,
            commune_code=household.commune_code,
            commune_name=commune.name if commune else "",
            village_id=household.village_id,
            village=village.name if village else "",
            address=household.address,
            phone=household.phone,
            notes=household.notes,
            head_person_id=household.head_person_id,
            dissolved_on=household.dissolved_on,
            dissolved_reason=household.dissolved_reason,
            members=members,
            categories=entries,
            events=tuple(events),
            visits=tuple(visits),
        )


def find_by_code(profile: Profile, code: str) -> uuid.UUID | None:
    """The household with this number the user may see, one that still exists before a dissolved one."""
    found = _with_code(profile, code)
    return found[0][0] if found else None


def find_all_by_code(profile: Profile, code: str) -> list[uuid.UUID]:
    """The user's households (not dissolved) with this number: several only when merged copies each gave it."""
    return [household_id for household_id, dissolved in _with_code(profile, code) if not dissolved]


def _with_code(profile: Profile, code: str) -> list[tuple[uuid.UUID, bool]]:
    dissolved, mine = Household.dissolved_on.is_not(None), access.household_filter(profile.user)
    with profile.sessions() as session:
        found = session.execute(
            select(Household.id, dissolved)
            .where(Household.commune_code == profile.commune_code, Household.code == clean(code), live(Household), mine)
            .order_by(dissolved, Household.created_at, Household.id)
        ).all()
    return [(household_id, bool(gone)) for household_id, gone in found]
