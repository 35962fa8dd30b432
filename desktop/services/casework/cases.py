"""Support cases: opening one for a household (or one of its people) and reading it back.

Case content (its kind, the person concerned, the summary and details) is readable only by the case
owner and by users with the protection permission (architecture.md §6). Everyone else who may see the
household learns that a case exists, who owns it and its state: enough to know whom to ask, nothing
about what happened. Nothing in this module hands content to a caller without that check.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.casework import SupportCase
from db.models.register import Household, Person
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.profile import access, directory
from desktop.services.profile.access import CurrentUser, PermissionDeniedError
from desktop.services.profile.handle import Profile
from desktop.services.rows import live, live_or_none, live_row
from desktop.services.validation import (
    NOTE_MAX,
    age_on,
    code_problems,
    event_date_problems,
    problem,
    raise_if,
    text_problems,
)

CTX = "Cases"
KIND_TABLE = "support_case_kinds"
RISK_TABLE = "risk_levels"  # high | medium | low; "" = not assessed yet
OTHER_SUPPORT = "other_support"
SUPPORT_KINDS = "other_support_kinds"  # what an other-support case is about (elderly alone, disability…)
OPEN, CLOSED = "open", "closed"
CHILD_PROTECTION = "child_protection"
FIRST_CHILD_STEP = "received"
CHILD_AGE = 16  # a child is a person under 16: Law on Children 2016 (102/2016/QH13), Art. 1
ART32_AGE = 18  # community criticism is for perpetrators of full 18 years: Law 13/2022/QH15, Art. 32


@dataclass(frozen=True, slots=True)
class CaseInput:
    kind: str
    household_id: uuid.UUID
    opened_on: date
    person_id: uuid.UUID | None = None
    summary: str = ""
    risk_level: str = ""
    consent: bool = False  # the person concerned (or a child's carer) agreed to be helped
    support_kind: str = ""  # for an other-support case: a code of other_support_kinds


@dataclass(frozen=True, slots=True)
class CaseListItem:
    """What any user who sees the household may know. `kind` is None without the right to the content."""

    id: uuid.UUID
    household_id: uuid.UUID
    owner: str  # the owner's name, from the user directory, for the screen
    opened_on: date
    state: str
    kind: str | None
    owner_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class CaseDetail:
    id: uuid.UUID
    household_id: uuid.UUID
    owner: str
    opened_on: date
    state: str
    kind: str
    kind_name: str
    person_id: uuid.UUID | None
    person_name: str
    summary: str
    closed_on: date | None = None
    owner_id: uuid.UUID | None = None
    outcome: str = ""  # written when the case was closed
    risk_level: str = ""
    consent: bool = False
    support_kind: str = ""  # an other-support case's code of other_support_kinds


def open_case(profile: Profile, data: CaseInput) -> uuid.UUID:
    """Open a case owned by the logged-in user, who must be able to change the household."""
    require_protection(profile.user)
    with profile.sessions.begin() as session:
        household = _household(session, data.household_id)
        access.require_write(profile.user, household.village_id)
        raise_if(_input_problems(session, data, profile.today()))
        row = SupportCase(
            kind=data.kind,
            household_id=household.id,
            person_id=data.person_id,
            owner_id=_owner_id(profile.user),
            opened_on=data.opened_on,
            state=OPEN,
            summary=data.summary.strip(),
            risk_level=data.risk_level,
            consent=data.consent,
            # A child case starts at intake (Decree 56/2017 step 1), dated the day it was opened.
            stage=FIRST_CHILD_STEP if data.kind == CHILD_PROTECTION else "",
            details=_first_details(data),
        )
        session.add(row)
        session.flush()
        return row.id


def input_problems(profile: Profile, data: CaseInput) -> list[FieldProblem]:
    """What is wrong with `data` (the same rules `open_case` applies), for validation as the user types."""
    with profile.sessions() as session:
        return _input_problems(session, data, profile.today())


def _input_problems(session: Session, data: CaseInput, today: date) -> list[FieldProblem]:
    found = code_problems("kind", data.kind, reference.code_names(session, KIND_TABLE))
    found += event_date_problems("opened_on", data.opened_on, today)
    found += text_problems("summary", data.summary, required=False, max_len=NOTE_MAX, multiline=True)
    found += risk_problems(session, data.risk_level)
    if data.kind == OTHER_SUPPORT:
        found += code_problems("support_kind", data.support_kind, reference.code_names(session, SUPPORT_KINDS))
    if data.person_id is not None and not _member(session, data.person_id, data.household_id):
        found.append(problem("person_id", QT_TRANSLATE_NOOP(CTX, "This person is not a member of the household.")))
    elif data.kind == CHILD_PROTECTION:
        found += _child_problems(session, data)
    return found


def for_household(profile: Profile, household_id: uuid.UUID) -> list[CaseListItem]:
    with profile.sessions() as session:
        household = _household(session, household_id)
        access.require_read(profile.user, household.village_id)
        rows = session.scalars(
            select(SupportCase)
            .where(SupportCase.household_id == household_id, live(SupportCase))
            .order_by(SupportCase.opened_on.desc())
        ).all()
        return _items(session, profile.user, rows)


def list_cases(profile: Profile) -> list[CaseListItem]:
    """Every case of the households the user may see, newest first."""
    stmt = (
        select(SupportCase)
        .join(Household, Household.id == SupportCase.household_id)
        .where(live(SupportCase), access.household_filter(profile.user))
        .order_by(SupportCase.opened_on.desc())
    )
    with profile.sessions() as session:
        return _items(session, profile.user, session.scalars(stmt).all())


def detail(profile: Profile, case_id: uuid.UUID) -> CaseDetail:
    """The case's content, for users with the protection permission only."""
    with profile.sessions() as session:
        row = require_case(session, profile.user, case_id, write=False)
        person = session.get(Person, row.person_id) if row.person_id else None
        return CaseDetail(
            id=row.id,
            household_id=row.household_id,
            owner=directory.name_of(session, row.owner_id),
            owner_id=row.owner_id,
            opened_on=row.opened_on,
            state=row.state,
            kind=row.kind,
            kind_name=reference.code_names(session, KIND_TABLE).get(row.kind, row.kind),
            person_id=row.person_id,
            person_name=person.full_name if person else "",
            summary=row.summary,
            closed_on=row.closed_on,
            outcome=str(row.details.get("outcome", "")),
            risk_level=row.risk_level,
            consent=row.consent,
            support_kind=str(row.details.get("support_kind", "")),
        )


def set_assessment(profile: Profile, case_id: uuid.UUID, *, risk_level: str, consent: bool) -> None:
    """The risk the person runs as the user judges it now, and whether they agreed to be helped."""
    with profile.sessions.begin() as session:
        row = require_case(session, profile.user, case_id, write=True)
        raise_if(risk_problems(session, risk_level))
        row.risk_level, row.consent = risk_level, consent


def risk_problems(session: Session, risk_level: str) -> list[FieldProblem]:
    # Empty means not assessed yet.
    return code_problems("risk_level", risk_level, reference.code_names(session, RISK_TABLE), required=False)


def require_protection(user: CurrentUser) -> None:
    """A case's content is sealed for the permission's holders: nobody else can write it either."""
    if not user.protection:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP(
                CTX,
                "Opening a support case needs the protection permission: what a case says is locked for "
                "everyone else. Ask a commune officer who holds it to open the case or to grant you the permission.",
            )
        )


def require_case(session: Session, user: CurrentUser, case_id: uuid.UUID, *, write: bool) -> SupportCase:
    """The case, if it exists and `user` may read (or change) its content; refused otherwise."""
    row = live_row(session, SupportCase, case_id, QT_TRANSLATE_NOOP(CTX, "This case no longer exists."))
    household = _household(session, row.household_id)
    (access.require_write if write else access.require_read)(user, household.village_id)
    if not user.sees_case_content(row.owner_id):
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP(
                CTX,
                "This case is confidential: only users with the protection permission can read it. "
                "It is followed by {owner}.",
            ),
            owner=directory.name_of(session, row.owner_id),
        )
    if write and row.state == CLOSED:
        raise PermissionDeniedError(QT_TRANSLATE_NOOP(CTX, "This case is closed; open a new case to act again."))
    return row


def _first_details(data: CaseInput) -> dict[str, object]:
    if data.kind == CHILD_PROTECTION:
        return {"steps": {FIRST_CHILD_STEP: data.opened_on.isoformat()}}
    if data.kind == OTHER_SUPPORT:
        return {"support_kind": data.support_kind}
    return {}


def _items(session: Session, user: CurrentUser, rows: Sequence[SupportCase]) -> list[CaseListItem]:
    owners = directory.names(session, (row.owner_id for row in rows))
    return [_item(row, user, owners.get(row.owner_id, "")) for row in rows]


def _item(row: SupportCase, user: CurrentUser, owner: str) -> CaseListItem:
    content = user.sees_case_content(row.owner_id)
    kind = row.kind if content else None
    return CaseListItem(row.id, row.household_id, owner, row.opened_on, row.state, kind, row.owner_id)


def _owner_id(user: CurrentUser) -> uuid.UUID:
    """Who a new case or task belongs to: a logged-in user; set-up work owns nothing."""
    if user.id is None:
        raise PermissionDeniedError(QT_TRANSLATE_NOOP(CTX, "Log in as a user to open a case."))
    return user.id


def _household(session: Session, household_id: uuid.UUID) -> Household:
    return live_row(session, Household, household_id, QT_TRANSLATE_NOOP(CTX, "This household no longer exists."))


def _child_problems(session: Session, data: CaseInput) -> list[FieldProblem]:
    """A child-protection case is about a child of the register: someone under 16 on the day it opens."""
    if data.person_id is None:
        return [problem("person_id", QT_TRANSLATE_NOOP(CTX, "Choose the child this case is about."))]
    child = session.get(Person, data.person_id)
    if child is not None and age_on(child.birth_date, data.opened_on) >= CHILD_AGE:
        return [
            problem(
                "person_id",
                QT_TRANSLATE_NOOP(
                    CTX, "{name} is {age} years old: a child-protection case is for children under {adult}."
                ),
                name=child.full_name,
                age=age_on(child.birth_date, data.opened_on),
                adult=CHILD_AGE,
            )
        ]
    return []


def _member(session: Session, person_id: uuid.UUID, household_id: uuid.UUID) -> bool:
    person = live_or_none(session, Person, person_id)
    return person is not None and person.household_id == household_id
