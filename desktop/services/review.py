"""Review items ("Cần xem lại"): rules the services check when a person types, found broken after a merge.

Two laptops that each obeyed a rule can break it together: each gives a new household the number 015, each
adds the same newborn. A merge cannot know which record is right, so `scan` (run in the transaction of every
applied changeset, desktop/services/changesets.py) writes what it finds as review items, and the user
settles them: renumbers a household, or says the two records are different people (dismiss). Items are
synced rows whose id is derived from the problem, so copies that find the same problem make one item.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.register import Household, HouseholdCategory, Person
from db.models.review import (
    DISMISSED,
    DONE,
    DUPLICATE_CATEGORY,
    DUPLICATE_CODE,
    DUPLICATE_PERSON,
    OPEN,
    TWO_HEADS,
    ReviewItem,
    review_item_id,
    sorted_ids,
)
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import HEAD, PRESENT
from desktop.services.rows import live
from desktop.services.validation import problem

CTX = "Review"
_TABLES = {
    DUPLICATE_CODE: "households",
    TWO_HEADS: "people",
    DUPLICATE_CATEGORY: "household_categories",
    DUPLICATE_PERSON: "people",
}
DESCRIPTIONS = {
    DUPLICATE_CODE: QT_TRANSLATE_NOOP(
        CTX, "{n} households have the number {code}. Give all but one of them a new number."
    ),
    TWO_HEADS: QT_TRANSLATE_NOOP(
        CTX, "Household {code} has {n} present heads. Keep one head and give the others their relationship."
    ),
    DUPLICATE_CATEGORY: QT_TRANSLATE_NOOP(
        CTX, "Household {code} has the category {category} {n} times for {year}. Remove the extra entries."
    ),
    DUPLICATE_PERSON: QT_TRANSLATE_NOOP(
        CTX,
        "{name} may be recorded {n} times. If they are different people, dismiss this item; "
        "if not, delete the extra record.",
    ),
}


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    id: uuid.UUID
    label: str  # the household's number, or the person's name


@dataclass(frozen=True, slots=True)
class ReviewItemDTO:
    id: uuid.UUID
    kind: str
    table: str
    description: str  # English source text for the "Review" context, with named placeholders
    params: dict[str, object] = field(default_factory=dict)
    records: tuple[ReviewRecord, ...] = ()
    state: str = OPEN


# Finding problems ######################################################################


def _groups(rows: Iterable[tuple[uuid.UUID, Hashable]]) -> list[frozenset[uuid.UUID]]:
    """The ids sharing a key, for every key held by two or more rows."""
    found: dict[Hashable, set[uuid.UUID]] = defaultdict(set)
    for row_id, key in rows:
        found[key].add(row_id)
    return [frozenset(ids) for ids in found.values() if len(ids) > 1]


def _duplicate_codes(session: Session) -> list[frozenset[uuid.UUID]]:
    rows = session.execute(
        select(Household.id, Household.commune_code, Household.code).where(
            live(Household), Household.dissolved_on.is_(None)
        )
    )
    return _groups((row_id, (commune, code)) for row_id, commune, code in rows)


def _two_heads(session: Session) -> list[frozenset[uuid.UUID]]:
    # A present head, as members.head_problems counts one.
    rows = session.execute(
        select(Person.id, Person.household_id).where(
            live(Person), Person.status == PRESENT, Person.relationship == HEAD
        )
    )
    return _groups((row_id, household_id) for row_id, household_id in rows)


def _duplicate_categories(session: Session) -> list[frozenset[uuid.UUID]]:
    rows = session.execute(
        select(HouseholdCategory.id, HouseholdCategory.household_id, HouseholdCategory.category, HouseholdCategory.year)
        .where(live(HouseholdCategory))
    )  # fmt: skip
    return _groups((row_id, (household_id, category, year)) for row_id, household_id, category, year in rows)


def _duplicate_people(session: Session) -> list[frozenset[uuid.UUID]]:
    """Same folded name and birth year, or the same personal id or insurance number (non-empty)."""
    keys: list[tuple[uuid.UUID, Hashable]] = []
    rows = session.execute(
        select(Person.id, Person.name_folded, Person.birth_year, Person.national_id, Person.insurance_no).where(
            live(Person)
        )
    )
    for row_id, name, year, national_id, insurance_no in rows:
        keys.append((row_id, ("name", name, year)))
        if national_id.strip():
            keys.append((row_id, ("national_id", national_id.strip())))
        if insurance_no.strip():
            keys.append((row_id, ("insurance_no", insurance_no.strip())))
    return _groups(keys)


_FINDERS = {
    DUPLICATE_CODE: _duplicate_codes,
    TWO_HEADS: _two_heads,
    DUPLICATE_CATEGORY: _duplicate_categories,
    DUPLICATE_PERSON: _duplicate_people,
}


def problems(session: Session) -> dict[uuid.UUID, tuple[str, frozenset[uuid.UUID]]]:
    """Every problem the register holds now, by the id of its review item: (kind, the records involved)."""
    found: dict[uuid.UUID, tuple[str, frozenset[uuid.UUID]]] = {}
    for kind, finder in _FINDERS.items():
        for ids in finder(session):
            found.setdefault(review_item_id(kind, ids), (kind, ids))
    return found


def scan(session: Session) -> int:
    """Write the problems as review items: new ones open, gone ones done, a done one that came back open
    again; a dismissed item stays dismissed. Returns how many items it made. The caller's session must be in
    the local mode: the items are this device's changes."""
    found = problems(session)
    items = {item.id: item for item in session.scalars(select(ReviewItem).where(live(ReviewItem)))}
    made = 0
    for item_id, (kind, ids) in found.items():
        item = items.get(item_id)
        if item is None:
            if session.get(ReviewItem, item_id) is not None:
                continue  # deleted on purpose somewhere: not made again
            session.add(
                ReviewItem(id=item_id, kind=kind, record_ids=sorted_ids(ids), table_name=_TABLES[kind], state=OPEN)
            )
            made += 1
        elif item.state == DONE:
            item.state = OPEN
    for item_id, item in items.items():
        if item.state == OPEN and item_id not in found:
            item.state = DONE
    session.flush()
    return made


# What the user sees and does ################################################################


def count_open(profile: Profile) -> int:
    return len(list_open(profile))


def list_open(profile: Profile) -> list[ReviewItemDTO]:
    """Open items whose records all lie in households the user may see, oldest first."""
    with profile.sessions() as session:
        visible = set(session.scalars(select(Household.id).where(access.household_filter(profile.user))))
        items = session.scalars(
            select(ReviewItem)
            .where(ReviewItem.state == OPEN, live(ReviewItem))
            .order_by(ReviewItem.created_at, ReviewItem.id)
        ).all()
        found = [_dto(session, item, visible) for item in items]
    return [dto for dto in found if dto is not None]


def _dto(session: Session, item: ReviewItem, visible: set[uuid.UUID]) -> ReviewItemDTO | None:
    ids = [uuid.UUID(text) for text in item.record_ids]
    if item.table_name == "households":
        rows = [session.get(Household, row_id) for row_id in ids]
        found = [(row.id, row.id, row.code) for row in rows if row is not None]
    elif item.table_name == "people":
        people = [session.get(Person, row_id) for row_id in ids]
        found = [(p.id, p.household_id, p.full_name) for p in people if p is not None]
    else:
        entries = [session.get(HouseholdCategory, row_id) for row_id in ids]
        found = [(c.id, c.household_id, _code(session, c.household_id)) for c in entries if c is not None]
    if len(found) != len(ids) or any(household_id not in visible for _, household_id, _ in found):
        return None
    records = tuple(ReviewRecord(row_id, label) for row_id, _, label in found)
    return ReviewItemDTO(
        id=item.id,
        kind=item.kind,
        table=item.table_name,
        description=DESCRIPTIONS.get(item.kind, ""),
        params=_params(session, item.kind, ids, records),
        records=records,
        state=item.state,
    )


def _code(session: Session, household_id: uuid.UUID) -> str:
    household = session.get(Household, household_id)
    return household.code if household is not None else ""


def _params(session: Session, kind: str, ids: list[uuid.UUID], records: tuple[ReviewRecord, ...]) -> dict[str, object]:
    params: dict[str, object] = {"n": len(records), "code": records[0].label, "name": records[0].label}
    if kind == TWO_HEADS:
        head = session.get(Person, ids[0])
        params["code"] = _code(session, head.household_id) if head is not None else ""
    elif kind == DUPLICATE_CATEGORY:
        entry = session.get(HouseholdCategory, ids[0])
        if entry is not None:
            names = reference.code_names(session, "household_categories")
            params.update(category=names.get(entry.category, entry.category), year=entry.year)
    return params


def dismiss(profile: Profile, item_id: uuid.UUID) -> None:
    """The user says the records are different (two people of one name and year): the item is dismissed on
    every copy, and the same records are not raised again."""
    with profile.sessions.begin() as session:
        item = _open_item(session, item_id)
        item.state = DISMISSED


def _open_item(session: Session, item_id: uuid.UUID) -> ReviewItem:
    item = session.get(ReviewItem, item_id)
    if item is None or item.deleted_at is not None:
        raise NotFoundError(QT_TRANSLATE_NOOP(CTX, "This review item no longer exists."))
    if item.state != OPEN:
        message = QT_TRANSLATE_NOOP(CTX, "This review item is already settled; the list shows the open ones.")
        raise ValidationError([problem("state", message)])
    return item


def renumber(profile: Profile, household_id: uuid.UUID, new_code: str) -> None:
    """Give one of the households sharing a number a new one, checked as any edit of the number is
    (households.update: a free, well-formed number; the user may change the household). The item closes."""
    with profile.sessions() as session:
        household = session.get(Household, household_id)
        current = (
            None
            if household is None
            else HouseholdInput(
                code=new_code,
                village_id=household.village_id,
                address=household.address,
                phone=household.phone,
                notes=household.notes,
            )
        )
    if current is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Households", "This household no longer exists."))
    households.update(profile, household_id, current)
    with profile.sessions.begin() as session:
        scan(session)
