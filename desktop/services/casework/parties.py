"""The people of a support case: victims, people who caused harm, carers, and the reporter.

A party is either a person of the register (`person_id`) or someone named by hand. Nobody may be
recorded without either, except a reporter who asked to stay anonymous (Law 13/2022 and Decree
56/2017 both let a reporter keep their name to themselves). All of it is case content: reading and
writing go through `cases.require_case`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models.casework import CaseParty
from db.models.register import Person
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.casework.cases import require_case
from desktop.services.profile.handle import Profile
from desktop.services.rows import live, live_or_none, live_row
from desktop.services.validation import (
    ADDRESS_MAX,
    NOTE_MAX,
    OLDEST_BIRTH,
    code_problems,
    name_problems,
    problem,
    raise_if,
    text_problems,
)

CTX = "Parties"
ROLES = ("victim", "perpetrator", "carer", "reporter")
REPORTER = "reporter"


@dataclass(frozen=True, slots=True)
class PartyInput:
    role: str
    person_id: uuid.UUID | None = None
    name: str = ""
    sex: str = ""
    birth_year: int | None = None
    anonymous: bool = False
    relationship: str = ""
    contact: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PartyDTO:
    id: uuid.UUID
    role: str
    person_id: uuid.UUID | None
    name: str  # the register's name for a linked person; "" for an anonymous reporter
    sex: str
    birth_year: int | None
    anonymous: bool
    relationship: str
    contact: str


def add_party(profile: Profile, case_id: uuid.UUID, data: PartyInput) -> uuid.UUID:
    with profile.sessions.begin() as session:
        require_case(session, profile.user, case_id, write=True)
        raise_if(_party_problems(session, data, profile.today().year))
        row = CaseParty(
            case_id=case_id,
            role=data.role,
            person_id=data.person_id,
            name=" ".join(data.name.split()),
            sex=data.sex,
            birth_year=data.birth_year,
            anonymous=data.anonymous,
            relationship=data.relationship.strip(),
            contact=data.contact.strip(),
            notes=data.notes.strip(),
        )
        session.add(row)
        session.flush()
        return row.id


def remove_party(profile: Profile, party_id: uuid.UUID) -> None:
    with profile.sessions.begin() as session:
        message = QT_TRANSLATE_NOOP(CTX, "This person is no longer listed in the case.")
        row = live_row(session, CaseParty, party_id, message)
        require_case(session, profile.user, row.case_id, write=True)
        row.deleted_at = utcnow()


def parties(profile: Profile, case_id: uuid.UUID) -> list[PartyDTO]:
    with profile.sessions() as session:
        require_case(session, profile.user, case_id, write=False)
        rows = session.scalars(select(CaseParty).where(CaseParty.case_id == case_id, live(CaseParty))).all()
        return [_dto(session, row) for row in sorted(rows, key=lambda r: (ROLES.index(r.role), r.created_at))]


def party_problems(profile: Profile, data: PartyInput) -> list[FieldProblem]:
    """What `add_party` would refuse, as the dialog shows it while the user types."""
    with profile.sessions() as session:
        return _party_problems(session, data, profile.today().year)


def _party_problems(session: Session, data: PartyInput, this_year: int) -> list[FieldProblem]:
    found = code_problems("role", data.role, ROLES)
    found += _who_problems(session, data)
    if data.sex:
        found += code_problems("sex", data.sex, [c.code for c in reference.codes(session, "sex")])
    if data.birth_year is not None and not OLDEST_BIRTH.year <= data.birth_year <= this_year:
        found.append(
            problem(
                "birth_year",
                QT_TRANSLATE_NOOP(CTX, "The year of birth must be between {low} and {high}."),
                low=OLDEST_BIRTH.year,
                high=this_year,
            )
        )
    found += text_problems("relationship", data.relationship, required=False, max_len=40)
    found += text_problems("contact", data.contact, required=False, max_len=ADDRESS_MAX)
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    return found


def _who_problems(session: Session, data: PartyInput) -> list[FieldProblem]:
    """A person of the register, or a name; nobody at all only for a reporter who stays anonymous."""
    if data.anonymous:
        if data.role != REPORTER:
            return [problem("anonymous", QT_TRANSLATE_NOOP(CTX, "Only the person who reported it can stay anonymous."))]
        if data.person_id is not None or data.name.strip() or data.contact.strip():
            return [
                problem("name", QT_TRANSLATE_NOOP(CTX, "An anonymous reporter has no name, no link and no contact."))
            ]
        return []
    if data.person_id is not None:
        if live_or_none(session, Person, data.person_id) is None:
            return [problem("person_id", QT_TRANSLATE_NOOP(CTX, "This person is not in the register."))]
        return []
    if not data.name.strip():
        return [
            problem(
                "name",
                QT_TRANSLATE_NOOP(
                    CTX, "Choose a person of the register, or write the name of someone from outside it."
                ),
            )
        ]
    return name_problems("name", data.name)


def _dto(session: Session, row: CaseParty) -> PartyDTO:
    person = session.get(Person, row.person_id) if row.person_id else None
    return PartyDTO(
        id=row.id,
        role=row.role,
        person_id=row.person_id,
        name=person.full_name if person else row.name,
        sex=person.sex if person else row.sex,
        birth_year=person.birth_year if person else row.birth_year,
        anonymous=row.anonymous,
        relationship=row.relationship,
        contact=row.contact,
    )
