"""What happens to the people of the register: births, moves, deaths, marriages, transfers between
households and care events, each a line of the monthly P0 slip (domain.md §3.4)."""

from __future__ import annotations

import uuid
from datetime import date

from db.models.register import Household
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.profile.handle import Profile
from desktop.services.register import events as events_service
from desktop.services.register import heads
from desktop.services.register.events import add_event, reporting_month_problems
from desktop.services.register.members import (
    DEAD,
    HEAD,
    MOVED_OUT,
    PRESENT,
    PersonInput,
    head_problems,
    insert_member,
    require_person,
    writable_household,
)
from desktop.services.validation import (
    ADDRESS_MAX,
    NOTE_MAX,
    age_on,
    code_problems,
    death_date_problems,
    event_date_problems,
    head_age_problems,
    name_problems,
    problem,
    raise_if,
    text_problems,
)
from desktop.textnorm import clean

CTX = "People"


def record_birth(
    profile: Profile,
    household_id: uuid.UUID,
    data: PersonInput,
    *,
    mother_id: uuid.UUID | None = None,
    place: str = "health_station",
    birth_order: int | None = None,
    reporting_month: str | None = None,
    allow_duplicate: bool = False,
) -> uuid.UUID:
    """A child born into the household: a new member and a birth line on the P0 slip."""
    with profile.sessions.begin() as session:
        household = writable_household(session, household_id, profile.user)
        found: list[FieldProblem] = []
        if place not in PLACES_OF_BIRTH:
            found.append(problem("place", QT_TRANSLATE_NOOP(CTX, "Choose where the child was born.")))
        if birth_order is not None and not 1 <= birth_order <= 20:
            found.append(problem("birth_order", QT_TRANSLATE_NOOP(CTX, "The birth order must be between 1 and 20.")))
        mother = None
        if mother_id is not None:
            mother = require_person(session, mother_id, profile.user)
            if mother.household_id != household_id or mother.sex != "2":
                found.append(
                    problem("mother_id", QT_TRANSLATE_NOOP(CTX, "Choose the mother among the women of this household."))
                )
            elif data.birth_date and data.birth_date < mother.birth_date:
                found.append(
                    problem("birth_date", QT_TRANSLATE_NOOP(CTX, "The child cannot be born before the mother."))
                )
        if data.birth_date and reporting_month:
            found += reporting_month_problems(reporting_month, data.birth_date, profile.today())
        raise_if(found)
        child = insert_member(session, profile, household, data, allow_duplicate)
        assert data.birth_date is not None
        add_event(
            session,
            kind="birth",
            household_id=household_id,
            person_id=child.id,
            event_date=data.birth_date,
            today=profile.today(),
            reporting_month=reporting_month,
            details={"place": place, "birth_order": birth_order, "mother_id": mother.id.hex if mother else None},
        )
        return child.id


PLACES_OF_BIRTH = ("health_station", "hospital", "home", "other")


def record_move_in(
    profile: Profile,
    household_id: uuid.UUID,
    data: PersonInput,
    *,
    moved_on: date,
    came_from: str = "",
    reporting_month: str | None = None,
    allow_duplicate: bool = False,
) -> uuid.UUID:
    with profile.sessions.begin() as session:
        household = writable_household(session, household_id, profile.user)
        found = event_date_problems("moved_on", moved_on, profile.today(), not_before=data.birth_date)
        found += text_problems("came_from", came_from, required=False, max_len=ADDRESS_MAX)
        if reporting_month:
            found += reporting_month_problems(reporting_month, moved_on, profile.today())
        raise_if(found)
        person = insert_member(session, profile, household, data, allow_duplicate)
        add_event(
            session,
            kind="move_in",
            household_id=household_id,
            person_id=person.id,
            event_date=moved_on,
            today=profile.today(),
            reporting_month=reporting_month,
            details={"from": clean(came_from)},
        )
        return person.id


def _leave(
    profile: Profile,
    person_id: uuid.UUID,
    *,
    kind: str,
    on: date,
    status: str,
    details: dict[str, object],
    reporting_month: str | None,
    new_head_id: uuid.UUID | None,
) -> None:
    with profile.sessions.begin() as session:
        person = require_person(session, person_id, profile.user)
        household = session.get(Household, person.household_id)
        assert household is not None
        if person.status != PRESENT:
            raise_if(
                [
                    problem(
                        "status",
                        QT_TRANSLATE_NOOP(CTX, "{name} is no longer living in this household."),
                        name=person.full_name,
                    )
                ]
            )
        if status == DEAD:
            found = death_date_problems(on, person.birth_date, profile.today())
        else:
            found = event_date_problems("left_on", on, profile.today(), not_before=person.birth_date)
        if reporting_month:
            found += reporting_month_problems(reporting_month, on, profile.today())
        found += heads.succession_problems(session, household, person, new_head_id, on)
        raise_if(found)
        heads.hand_over(
            session, household, person, new_head_id, on=on, today=profile.today(), reporting_month=reporting_month
        )
        person.status = status
        if status == DEAD:
            person.death_date = on
        else:
            person.left_on = on
        add_event(
            session,
            kind=kind,
            household_id=household.id,
            person_id=person.id,
            event_date=on,
            today=profile.today(),
            reporting_month=reporting_month,
            details=details,
        )


def record_death(
    profile: Profile,
    person_id: uuid.UUID,
    *,
    died_on: date,
    cause: str = "",
    reporting_month: str | None = None,
    new_head_id: uuid.UUID | None = None,
) -> None:
    """A member died. If they headed the household, `new_head_id` names who heads it now (heads.py)."""
    raise_if(text_problems("cause", cause, required=False, max_len=ADDRESS_MAX))
    _leave(
        profile,
        person_id,
        kind="death",
        on=died_on,
        status=DEAD,
        details={"cause": clean(cause)},
        reporting_month=reporting_month,
        new_head_id=new_head_id,
    )


def record_move_out(
    profile: Profile,
    person_id: uuid.UUID,
    *,
    moved_on: date,
    destination: str = "",
    reporting_month: str | None = None,
    new_head_id: uuid.UUID | None = None,
) -> None:
    """A member moved away. If they headed the household, `new_head_id` names who heads it now (heads.py)."""
    raise_if(text_problems("destination", destination, required=False, max_len=ADDRESS_MAX))
    _leave(
        profile,
        person_id,
        kind="move_out",
        on=moved_on,
        status=MOVED_OUT,
        details={"to": clean(destination)},
        reporting_month=reporting_month,
        new_head_id=new_head_id,
    )


def record_marital_change(
    profile: Profile,
    person_id: uuid.UUID,
    *,
    kind: str,
    on: date,
    partner_name: str = "",
    reporting_month: str | None = None,
) -> None:
    """Marriage or divorce: updates the person's marital status and reports the event."""
    if kind not in ("marriage", "divorce"):
        raise ValueError(kind)
    with profile.sessions.begin() as session:
        person = require_person(session, person_id, profile.user)
        found = event_date_problems("on", on, profile.today(), not_before=person.birth_date)
        if partner_name.strip():
            found += name_problems("partner_name", partner_name)
        if reporting_month:
            found += reporting_month_problems(reporting_month, on, profile.today())
        if (
            kind == "marriage"
            and on
            and person.birth_date
            and age_on(person.birth_date, on) < MARRIAGE_MIN_AGE[person.sex]
        ):
            found.append(
                problem(
                    "on",
                    QT_TRANSLATE_NOOP(CTX, "Below the legal age of marriage ({age}) on that date."),
                    age=MARRIAGE_MIN_AGE[person.sex],
                )
            )
        raise_if(found)
        person.marital_status = "married" if kind == "marriage" else "divorced"
        add_event(
            session,
            kind=kind,
            household_id=person.household_id,
            person_id=person.id,
            event_date=on,
            today=profile.today(),
            reporting_month=reporting_month,
            details={"partner": clean(partner_name)},
        )


# Law on Marriage and Family 2014, Art. 8: men from 20, women from 18.
MARRIAGE_MIN_AGE = {"1": 20, "2": 18}


def transfer_member(
    profile: Profile,
    person_id: uuid.UUID,
    target_household_id: uuid.UUID,
    *,
    relationship: str,
    on: date,
    reporting_month: str | None = None,
    new_head_id: uuid.UUID | None = None,
) -> None:
    """Move someone to another household of the register (e.g. a son setting up his own home).

    The person stays in the commune, so this is an information change on the P0 slip, not a move. If they
    headed their household, `new_head_id` names who heads it now (heads.py).
    """
    with profile.sessions.begin() as session:
        person = require_person(session, person_id, profile.user)
        source = session.get(Household, person.household_id)
        target = writable_household(session, target_household_id, profile.user)
        assert source is not None
        found = code_problems("relationship", relationship, reference.code_names(session, "relationship"))
        found += event_date_problems("on", on, profile.today(), not_before=person.birth_date)
        if person.status != PRESENT:
            found.append(
                problem(
                    "status",
                    QT_TRANSLATE_NOOP(CTX, "{name} is no longer living in this household."),
                    name=person.full_name,
                )
            )
        if target.id == source.id:
            found.append(problem("household", QT_TRANSLATE_NOOP(CTX, "Choose a different household.")))
        if relationship == HEAD:
            found += head_age_problems(person.birth_date, on)
            found += head_problems(session, target, person_id, relationship)
        if reporting_month:
            found += reporting_month_problems(reporting_month, on, profile.today())
        if person.status == PRESENT:
            found += heads.succession_problems(session, source, person, new_head_id, on)
        raise_if(found)
        heads.hand_over(
            session, source, person, new_head_id, on=on, today=profile.today(), reporting_month=reporting_month
        )
        person.household_id = target.id
        person.relationship = relationship
        if relationship == HEAD:
            target.head_person_id = person.id
        add_event(
            session,
            kind="info_change",
            household_id=target.id,
            person_id=person.id,
            event_date=on,
            today=profile.today(),
            reporting_month=reporting_month,
            details={"from_household": source.code, "to_household": target.code},
        )


def record_care_event(
    profile: Profile,
    person_id: uuid.UUID,
    *,
    kind: str,
    on: date,
    details: dict[str, object],
    reporting_month: str | None = None,
    notes: str = "",
) -> uuid.UUID:
    """A family-planning or health event about a member (contraception start/stop, pregnancy, prenatal or
    newborn screening, elderly check-up): a line on the P0 slip; the person's record is not changed.

    `details` holds the kind's fields, events.CARE_FIELDS; nothing is saved if anything is wrong.
    """
    if kind not in events_service.CARE_KINDS:
        raise ValueError(kind)
    with profile.sessions.begin() as session:
        person = require_person(session, person_id, profile.user)
        today = profile.today()
        clean_details = {k: clean(v) if isinstance(v, str) else v for k, v in details.items()}
        found = events_service.care_date_problems(
            on, person.birth_date, today, gone_on=person.death_date or person.left_on
        )
        found += events_service.subject_problems(kind, person.sex, person.birth_date, on)
        conditions = (
            [c.code for c in events_service.screening_conditions(session, kind)]
            if kind in events_service.SCREENING_OF
            else []
        )
        found += events_service.care_details_problems(
            kind, clean_details, reference.code_names(session, "fp_methods"), conditions=conditions
        )
        found += text_problems("notes", notes, required=False, max_len=NOTE_MAX, multiline=True)
        if reporting_month and on is not None:
            found += reporting_month_problems(reporting_month, on, today)
        raise_if(found)
        event = add_event(
            session,
            kind=kind,
            household_id=person.household_id,
            person_id=person.id,
            event_date=on,
            today=today,
            reporting_month=reporting_month,
            details=clean_details,
            notes=notes,
        )
        session.flush()
        return event.id
