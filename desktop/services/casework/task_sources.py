"""The tasks of the task list, as computed from the data, and the tasks the user wrote.

Computed tasks (each with a stable key, so it can be done or snoozed without being stored itself):

* ``no_contact_end``  a no-contact order of an open case ends (its last day);
* ``child_plan_due``  the support plan of a child-protection case is due (5 working days after intake);
* ``follow_up``       a visit asked to come back by a date and the household was not visited since;
* ``priority_visit``  a priority household (a category marked priority in household_categories, a
  birth in the last year, or a pregnancy recorded in the last nine months and not yet ended) was not
  visited for `priority_visit_days` days (90 unless the user set another number, from 7 to 365);
* ``plan_item_due``   an item of a child's support plan is still planned on or after its day;
* ``newborn_screening_due``  a child born in the last two months has no newborn screening recorded;
* ``prenatal_screening_due``  a pregnancy not yet ended has no prenatal screening recorded since it was
  found (due four weeks after);
* ``case_follow_up``  an entry of a case's timeline set a follow-up day and nothing was written after it;
* ``manual``          a task the user wrote.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models.casework import CaseAction, CaseMeasure, CasePlanItem, ManualTask, SupportCase
from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Visit
from desktop.services import dashboard, reference
from desktop.services.casework import child
from desktop.services.casework.cases import CHILD_PROTECTION, OPEN
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.rows import live

NEWBORN_DAYS = 365
PREGNANCY_DAYS = 280
# Newborn screening is done in the first days of life; the docs set no deadline for recording it, so
# the task is due a week after the birth and stays for two months.
SCREENING_DUE_DAYS, SCREENING_WINDOW_DAYS = 7, 60
# The first prenatal screening is done at 11-13 weeks; a pregnancy is usually found some weeks before,
# so the collaborator is reminded four weeks after recording it.
PRENATAL_DUE_DAYS = 28
FOLLOW_UP_HORIZON_DAYS = 7  # follow-ups due within a week are listed, as on the dashboard
NO_CONTACT = "no_contact"


@dataclass(frozen=True, slots=True)
class TaskDTO:
    key: str
    kind: str  # one of the kinds listed in the module docstring, or "manual"
    due: date
    overdue: bool
    household_id: uuid.UUID | None
    household_code: str
    case_id: uuid.UUID | None
    text: str  # the manual task's title, or the head of household's name for the computed ones


def every_task(session: Session, profile: Profile, day: date, *, priority_days: int) -> Iterator[TaskDTO]:
    """Every computed task and every manual one, before visibility and what the user already handled.

    The tasks read from case content only for a user holding the protection permission: nobody else has
    the key to it, and would not be shown a case's task anyway."""
    if profile.user.protection:
        yield from _no_contact_ends(session, day)
        yield from _child_plans(session, day)
        yield from _plan_items(session, day)
    yield from _follow_ups(profile, day)
    yield from _priority_visits(session, profile, day, priority_days)
    yield from _newborn_screenings(session, day)
    yield from _prenatal_screenings(session, day)
    yield from _case_follow_ups(session, day)
    yield from _manual(session, profile, day)


def _no_contact_ends(session: Session, day: date) -> Iterator[TaskDTO]:
    rows = session.execute(
        select(CaseMeasure, SupportCase.id, Household.id, Household.code)
        .join(SupportCase, SupportCase.id == CaseMeasure.case_id)
        .join(Household, Household.id == SupportCase.household_id)
        .where(CaseMeasure.ends_on.is_not(None), live(CaseMeasure), SupportCase.state == OPEN, live(SupportCase))
    )
    for measure, case_id, household_id, code in rows:
        ends_on = measure.ends_on
        # The measure is content, so it is read on the row rather than asked of SQL.
        if measure.measure != NO_CONTACT or ends_on is None:
            continue
        yield TaskDTO(
            f"no_contact_end:{measure.id}", "no_contact_end", ends_on, ends_on < day, household_id, code, case_id, ""
        )


def _child_plans(session: Session, day: date) -> Iterator[TaskDTO]:
    cases = session.execute(
        select(SupportCase, Household.code)
        .join(Household, Household.id == SupportCase.household_id)
        .where(SupportCase.state == OPEN, live(SupportCase))
    )
    for case, code in cases:
        if case.kind != CHILD_PROTECTION:  # content: read on the row
            continue
        due = child.state_of(session, case).plan_due
        if due is not None:
            yield TaskDTO(
                f"child_plan_due:{case.id}", "child_plan_due", due, due < day, case.household_id, code, case.id, ""
            )


def _plan_items(session: Session, day: date) -> Iterator[TaskDTO]:
    rows = session.execute(
        select(CasePlanItem, SupportCase.id, Household.id, Household.code)
        .join(SupportCase, SupportCase.id == CasePlanItem.case_id)
        .join(Household, Household.id == SupportCase.household_id)
        .where(live(CasePlanItem), SupportCase.state == OPEN, live(SupportCase))
    )
    for item, case_id, household_id, code in rows:
        if item.status != "planned":  # content: read on the row
            continue
        key = f"plan_item_due:{item.id}"
        yield TaskDTO(key, "plan_item_due", item.due_on, item.due_on < day, household_id, code, case_id, item.action)


def _follow_ups(profile: Profile, day: date) -> Iterator[TaskDTO]:
    for due in dashboard.follow_ups_due(profile, within_days=FOLLOW_UP_HORIZON_DAYS):
        key = f"follow_up:{due.household_id}:{due.follow_up_on.isoformat()}"
        yield TaskDTO(
            key,
            "follow_up",
            due.follow_up_on,
            due.follow_up_on < day,
            due.household_id,
            due.household_code,
            None,
            due.head_name,
        )


def _priority_visits(session: Session, profile: Profile, day: date, every: int) -> Iterator[TaskDTO]:
    last_visit = (
        select(Visit.household_id, func.max(Visit.visited_on).label("last"))
        .where(live(Visit))
        .group_by(Visit.household_id)
        .subquery()
    )
    rows = session.execute(
        select(Household.id, Household.code, Person.full_name, last_visit.c.last)
        .outerjoin(last_visit, last_visit.c.household_id == Household.id)
        .outerjoin(Person, Person.id == Household.head_person_id)
        .where(
            Household.id.in_(_priority_households(session, day)),
            live(Household),
            Household.dissolved_on.is_(None),
            access.household_filter(profile.user),
        )
    )
    for household_id, code, head, last in rows:
        due = (last + timedelta(days=every)) if last is not None else day
        if due <= day:
            key = f"priority_visit:{household_id}:{(last or day).isoformat()}"
            yield TaskDTO(key, "priority_visit", due, due < day, household_id, code, None, head or "")


def _priority_households(session: Session, day: date) -> list[uuid.UUID]:
    priority = [
        item.code
        for item in reference.items(session, "household_categories")
        if str(item.extra.get("priority", "0")) == "1"
    ]
    by_category = select(HouseholdCategory.household_id).where(
        HouseholdCategory.category.in_(priority),
        HouseholdCategory.year >= day.year - 1,
        live(HouseholdCategory),
    )
    with_newborn = select(PopulationEvent.household_id).where(
        PopulationEvent.kind == "birth",
        PopulationEvent.event_date >= day - timedelta(days=NEWBORN_DAYS),
        live(PopulationEvent),
    )
    return list(set(session.scalars(by_category)) | set(session.scalars(with_newborn)) | _pregnant(session, day))


def _pregnant(session: Session, day: date) -> set[uuid.UUID]:
    """Households with a pregnancy recorded in the last nine months whose latest record did not end it."""
    return {household_id for household_id, _found in _pregnancies(session, day).values()}


def _pregnancies(session: Session, day: date) -> dict[uuid.UUID | None, tuple[uuid.UUID, date]]:
    """Each woman whose latest pregnancy record of the last nine months did not end it: her household
    and the day the pregnancy was recorded."""
    rows = session.execute(
        select(
            PopulationEvent.household_id, PopulationEvent.person_id, PopulationEvent.event_date, PopulationEvent.details
        )
        .where(
            PopulationEvent.kind == "pregnancy",
            PopulationEvent.event_date >= day - timedelta(days=PREGNANCY_DAYS),
            live(PopulationEvent),
        )
        .order_by(PopulationEvent.event_date, PopulationEvent.created_at)
    )
    latest: dict[uuid.UUID | None, tuple[uuid.UUID, date, str]] = {}
    for household_id, person_id, on, details in rows:
        latest[person_id] = (household_id, on, str((details or {}).get("stage", "")))
    return {person: (household, on) for person, (household, on, stage) in latest.items() if stage != "ended"}


def _newborn_screenings(session: Session, day: date) -> Iterator[TaskDTO]:
    screened = select(PopulationEvent.person_id).where(
        PopulationEvent.kind == "newborn_screening", live(PopulationEvent)
    )
    rows = session.execute(
        select(PopulationEvent.person_id, PopulationEvent.event_date, Household.id, Household.code, Person.full_name)
        .join(Household, Household.id == PopulationEvent.household_id)
        .join(Person, Person.id == PopulationEvent.person_id)
        .where(
            PopulationEvent.kind == "birth",
            PopulationEvent.event_date >= day - timedelta(days=SCREENING_WINDOW_DAYS),
            live(PopulationEvent),
            PopulationEvent.person_id.not_in(screened),
            Person.status == "present",
        )
    )
    for person_id, born, household_id, code, name in rows:
        due = born + timedelta(days=SCREENING_DUE_DAYS)
        key = f"newborn_screening_due:{person_id}"
        yield TaskDTO(key, "newborn_screening_due", due, due < day, household_id, code, None, name)


def _prenatal_screenings(session: Session, day: date) -> Iterator[TaskDTO]:
    pregnant = {person: found for person, found in _pregnancies(session, day).items() if person is not None}
    if not pregnant:
        return
    screened: dict[uuid.UUID | None, date] = {}
    for person_id, on in session.execute(
        select(PopulationEvent.person_id, func.max(PopulationEvent.event_date))
        .where(
            PopulationEvent.kind == "prenatal_screening",
            PopulationEvent.person_id.in_(list(pregnant)),
            live(PopulationEvent),
        )
        .group_by(PopulationEvent.person_id)
    ):
        screened[person_id] = on
    for person_id, (household_id, found) in pregnant.items():
        if person_id in screened and screened[person_id] >= found:
            continue
        person = session.get(Person, person_id)
        household = session.get(Household, household_id)
        if person is None or household is None or person.status != "present":
            continue
        due = found + timedelta(days=PRENATAL_DUE_DAYS)
        key = f"prenatal_screening_due:{person_id}:{found.isoformat()}"
        name = person.full_name
        yield TaskDTO(key, "prenatal_screening_due", due, due < day, household_id, household.code, None, name)


def _case_follow_ups(session: Session, day: date) -> Iterator[TaskDTO]:
    """The follow-up day of a case's latest timeline entry, when it is within the horizon."""
    rows = session.execute(
        select(CaseAction, SupportCase.household_id, Household.code)
        .join(SupportCase, SupportCase.id == CaseAction.case_id)
        .join(Household, Household.id == SupportCase.household_id)
        .where(live(CaseAction), SupportCase.state == OPEN, live(SupportCase))
        .order_by(CaseAction.done_on, CaseAction.created_at)
    )
    latest: dict[uuid.UUID, tuple[CaseAction, uuid.UUID, str]] = {}
    for action, household_id, code in rows:
        latest[action.case_id] = (action, household_id, code)  # a later entry replaces the follow-up
    for action, household_id, code in latest.values():
        due = action.follow_up_on
        if due is not None and due <= day + timedelta(days=FOLLOW_UP_HORIZON_DAYS):
            key = f"case_follow_up:{action.id}"
            yield TaskDTO(key, "case_follow_up", due, due < day, household_id, code, action.case_id, "")


def _manual(session: Session, profile: Profile, day: date) -> Iterator[TaskDTO]:
    rows = session.execute(
        select(ManualTask, Household.code)
        .outerjoin(Household, Household.id == ManualTask.household_id)
        .where(live(ManualTask))
    )
    for task, code in rows:
        yield TaskDTO(
            f"manual:{task.id}",
            "manual",
            task.due_on,
            task.due_on < day,
            task.household_id,
            code or "",
            None,
            task.title,
        )
