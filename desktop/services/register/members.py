"""A household's members as the person form edits them: the form's checks, likely duplicates, adding
or correcting a member and reading one back (domain.md §3.3, §3.4)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models.register import Household, Person, Village
from desktop.errors import FieldProblem, SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.dto import DuplicateCandidate, PersonDTO
from desktop.services.profile import access
from desktop.services.profile.access import CurrentUser
from desktop.services.profile.handle import Profile
from desktop.services.register.events import add_event, reporting_month_problems
from desktop.services.rows import live, live_row
from desktop.services.validation import (
    NOTE_MAX,
    birth_date_problems,
    code_problems,
    head_age_problems,
    name_problems,
    pattern_problems,
    problem,
    raise_if,
    text_problems,
)
from desktop.textnorm import clean, fold

CTX = "People"
HEAD = "head"
PRESENT, MOVED_OUT, DEAD = "present", "moved_out", "dead"


@dataclass(frozen=True, slots=True)
class PersonInput:
    full_name: str
    sex: str
    birth_date: date | None
    relationship: str
    ethnicity: str = "01"
    education: str = ""
    marital_status: str = ""
    residence_status: str = "permanent_present"
    insurance_no: str = ""
    national_id: str = ""
    notes: str = ""


class DuplicatePersonWarning(SotayError):
    """Someone with the same name and birth year is already registered; the user decides."""

    exit_code = 3

    def __init__(self, candidates: list[DuplicateCandidate]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(CTX, "{name} born in {year} may already be registered. Check before adding again."),
            name=candidates[0].full_name,
            year=candidates[0].birth_date.year,
        )
        self.candidates = candidates


def person_dto(p: Person, head_id: uuid.UUID | None) -> PersonDTO:
    return PersonDTO(
        id=p.id,
        household_id=p.household_id,
        full_name=p.full_name,
        sex=p.sex,
        birth_date=p.birth_date,
        relationship=p.relationship,
        ethnicity=p.ethnicity,
        education=p.education,
        marital_status=p.marital_status,
        residence_status=p.residence_status,
        insurance_no=p.insurance_no,
        national_id=p.national_id,
        status=p.status,
        death_date=p.death_date,
        left_on=p.left_on,
        notes=p.notes,
        is_head=p.id == head_id,
    )


def input_problems(profile: Profile, data: PersonInput) -> list[FieldProblem]:
    """Everything wrong with the form, so a dialog can show it as the user types."""
    with profile.sessions() as session:
        return _input_problems(session, data, profile.today())


def _input_problems(session: Session, data: PersonInput, today: date) -> list[FieldProblem]:
    found = name_problems("full_name", data.full_name)
    found += code_problems("sex", data.sex, reference.code_names(session, "sex"))
    found += birth_date_problems(data.birth_date, today)
    found += code_problems("relationship", data.relationship, reference.code_names(session, "relationship"))
    if data.relationship == HEAD:
        found += head_age_problems(data.birth_date, today)
    found += code_problems("ethnicity", data.ethnicity, reference.code_names(session, "ethnic_groups"))
    for field, table in (
        ("education", "education"),
        ("marital_status", "marital_status"),
        ("residence_status", "residence_status"),
    ):
        found += code_problems(field, getattr(data, field), reference.code_names(session, table), required=False)
    found += pattern_problems("insurance_no", data.insurance_no, max_len=15, kind="insurance")
    found += pattern_problems("national_id", data.national_id, max_len=12, kind="digits")
    if clean(data.national_id) and len(clean(data.national_id)) != 12:
        found.append(problem("national_id", QT_TRANSLATE_NOOP(CTX, "A citizen ID number has 12 digits.")))
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    return found


def find_duplicates(
    profile: Profile, full_name: str, birth_date: date | None, *, exclude: uuid.UUID | None = None
) -> list[DuplicateCandidate]:
    if birth_date is None or not fold(full_name):
        return []
    with profile.sessions() as session:
        return _duplicates(session, profile.commune_code, full_name, birth_date, exclude, profile.user)


def _duplicates(
    session: Session,
    commune: str,
    full_name: str,
    birth_date: date,
    exclude: uuid.UUID | None,
    user: CurrentUser,
) -> list[DuplicateCandidate]:
    """Likely duplicates among the households the user may see (others' names are not theirs to read)."""
    stmt = (
        select(Person.id, Person.full_name, Person.birth_date, Household.code, Village.name)
        .join(Household, Household.id == Person.household_id)
        .join(Village, Village.id == Household.village_id)
        .where(
            Person.name_folded == fold(full_name),
            Person.birth_year == birth_date.year,
            live(Person),
            Household.commune_code == commune,
            access.household_filter(user),
        )
    )
    if exclude is not None:
        stmt = stmt.where(Person.id != exclude)
    return [DuplicateCandidate(*row) for row in session.execute(stmt)]


def writable_household(session: Session, household_id: uuid.UUID, user: CurrentUser) -> Household:
    """A household the user may change, still open for members."""
    household = live_row(session, Household, household_id, QT_TRANSLATE_NOOP(CTX, "This household no longer exists."))
    access.require_write(user, household.village_id)
    if household.dissolved_on is not None:
        raise SotayError(QT_TRANSLATE_NOOP(CTX, "This household was dissolved; add people to another one."))
    return household


def require_person(session: Session, person_id: uuid.UUID, user: CurrentUser, *, write: bool = True) -> Person:
    """A person of the register in a household the user may read (or change)."""
    message = QT_TRANSLATE_NOOP(CTX, "This person is no longer in the register.")
    person = live_row(session, Person, person_id, message)
    access.require_household(session, user, person.household_id, write=write)
    return person


def head_problems(
    session: Session, household: Household, person_id: uuid.UUID | None, relationship: str
) -> list[FieldProblem]:
    """A household has one present head: making someone else head waits until the present one is changed."""
    if relationship != HEAD:
        return []
    stmt = select(Person.full_name).where(
        Person.household_id == household.id,
        Person.status == PRESENT,
        Person.relationship == HEAD,
        live(Person),
    )
    if person_id is not None:
        stmt = stmt.where(Person.id != person_id)
    head = session.scalars(stmt.limit(1)).first()
    if head is None:
        return []
    return [
        problem(
            "relationship",
            QT_TRANSLATE_NOOP(CTX, "{name} is already the head of this household. Change that first."),
            name=head,
        )
    ]


def _former_member_problems(person: Person, relationship: str) -> list[FieldProblem]:
    """Someone who died or moved out cannot become the head; a former head keeps the code they had."""
    if person.status == PRESENT or relationship != HEAD or person.relationship == HEAD:
        return []
    return [
        problem(
            "relationship",
            QT_TRANSLATE_NOOP(CTX, "{name} no longer lives in this household and cannot be its head."),
            name=person.full_name,
        )
    ]


def _apply(person: Person, data: PersonInput) -> None:
    assert data.birth_date is not None  # checked by input_problems
    person.full_name = clean(data.full_name)
    person.name_folded = fold(data.full_name)
    person.sex = data.sex
    person.birth_date = data.birth_date
    person.birth_year = data.birth_date.year
    person.relationship = data.relationship
    person.ethnicity = data.ethnicity
    person.education = data.education
    person.marital_status = data.marital_status
    person.residence_status = data.residence_status
    person.insurance_no = clean(data.insurance_no).upper()
    person.national_id = clean(data.national_id)
    person.notes = data.notes.strip()


def insert_member(
    session: Session, profile: Profile, household: Household, data: PersonInput, allow_duplicate: bool
) -> Person:
    """A new member of `household` from the form; a likely duplicate is refused unless `allow_duplicate`."""
    found = _input_problems(session, data, profile.today())
    found += head_problems(session, household, None, data.relationship)
    raise_if(found)
    assert data.birth_date is not None
    if not allow_duplicate:
        candidates = _duplicates(session, household.commune_code, data.full_name, data.birth_date, None, profile.user)
        if candidates:
            raise DuplicatePersonWarning(candidates)
    order = session.scalar(select(func.count()).where(Person.household_id == household.id)) or 0
    person = Person(household_id=household.id, sort_order=order)
    _apply(person, data)
    session.add(person)
    session.flush()
    if data.relationship == HEAD:
        household.head_person_id = person.id
    return person


def add_member(
    profile: Profile, household_id: uuid.UUID, data: PersonInput, *, allow_duplicate: bool = False
) -> uuid.UUID:
    """Register someone already living in the household (no population event)."""
    with profile.sessions.begin() as session:
        household = writable_household(session, household_id, profile.user)
        return insert_member(session, profile, household, data, allow_duplicate).id


def update_member(
    profile: Profile,
    person_id: uuid.UUID,
    data: PersonInput,
    *,
    as_change_event: bool = False,
    reporting_month: str | None = None,
) -> None:
    """Correct or change a person's details; a real change can be reported as an event."""
    with profile.sessions.begin() as session:
        person = require_person(session, person_id, profile.user)
        household = writable_household(session, person.household_id, profile.user)
        found = _input_problems(session, data, profile.today())
        if person.status == PRESENT:
            found += head_problems(session, household, person_id, data.relationship)
        found += _former_member_problems(person, data.relationship)
        if person.death_date and data.birth_date and person.death_date < data.birth_date:
            found.append(
                problem("birth_date", QT_TRANSLATE_NOOP(CTX, "The date of birth is after the recorded date of death."))
            )
        if as_change_event and reporting_month:
            found += reporting_month_problems(reporting_month, profile.today(), profile.today())
        raise_if(found)
        before = {"full_name": person.full_name, "birth_date": person.birth_date.isoformat()}
        _apply(person, data)
        # Correcting a former member's record never changes who heads the household.
        if person.status == PRESENT and data.relationship == HEAD:
            household.head_person_id = person.id
        elif person.status == PRESENT and household.head_person_id == person.id:
            household.head_person_id = None
        if as_change_event:
            add_event(
                session,
                kind="info_change",
                household_id=household.id,
                person_id=person.id,
                event_date=profile.today(),
                today=profile.today(),
                reporting_month=reporting_month,
                details={"before": before},
            )


def get(profile: Profile, person_id: uuid.UUID) -> PersonDTO:
    with profile.sessions() as session:
        person = require_person(session, person_id, profile.user, write=False)
        household = session.get(Household, person.household_id)
        return person_dto(person, household.head_person_id if household else None)


def to_input(person: PersonDTO) -> PersonInput:
    """The edit form starts from what is stored."""
    return PersonInput(
        full_name=person.full_name,
        sex=person.sex,
        birth_date=person.birth_date,
        relationship=person.relationship,
        ethnicity=person.ethnicity,
        education=person.education,
        marital_status=person.marital_status,
        residence_status=person.residence_status,
        insurance_no=person.insurance_no,
        national_id=person.national_id,
        notes=person.notes,
    )
