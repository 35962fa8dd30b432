"""Child-protection cases (Law on Children 2016 Art. 10; Decree 56/2017): groups and the seven steps.

A case moves through the steps of Decree 56/2017 (child_case_steps) one at a time, in order: none can
be skipped, least of all the support plan, which is due within 5 working days of intake. The date each
step was reached is kept in the case's details, so the timeline and the plan's deadline can be shown.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from db.models.casework import SupportCase
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.casework.cases import CHILD_PROTECTION, CLOSED, FIRST_CHILD_STEP, require_case
from desktop.services.profile.handle import Profile
from desktop.services.validation import event_date_problems, problem, raise_if

CTX = "ChildProtection"
GROUPS, STEPS = "child_groups", "child_case_steps"
PLAN_STEP = "plan_approved"
PLAN_WORKING_DAYS = 5  # Decree 56/2017: the plan is drafted within 5 working days of intake
SATURDAY = 5


@dataclass(frozen=True, slots=True)
class ChildCaseState:
    stage: str
    reached: dict[str, date]  # step code -> the day it was reached
    next_step: str | None
    plan_due: date | None  # while the plan is not yet approved


@dataclass(frozen=True, slots=True)
class ChildCaseView:
    """What the case window shows of a child-protection case, beside `cases.CaseDetail`."""

    groups: tuple[str, ...]  # child_groups codes, in the law's order
    state: ChildCaseState


def view(profile: Profile, case_id: uuid.UUID) -> ChildCaseView:
    with profile.sessions() as session:
        case = require_case(session, profile.user, case_id, write=False)
        return ChildCaseView(tuple(case.groups), state_of(session, case))


def set_groups(profile: Profile, case_id: uuid.UUID, groups: tuple[str, ...]) -> None:
    """The groups of Art. 10 the child belongs to (at least one)."""
    with profile.sessions.begin() as session:
        case = require_child(session, profile, case_id)
        known = [item.code for item in reference.items(session, GROUPS)]
        if not groups:
            raise_if([problem("groups", QT_TRANSLATE_NOOP(CTX, "Tick at least one group of Art. 10."))])
        if not set(groups) <= set(known):
            raise_if([problem("groups", QT_TRANSLATE_NOOP(CTX, "Unknown group; choose from the list of the law."))])
        case.groups = [code for code in known if code in groups]


def advance(profile: Profile, case_id: uuid.UUID, *, to: str, on: date) -> ChildCaseState:
    """Record that the case reached step `to` on `on`: only the step after the current one is allowed."""
    with profile.sessions.begin() as session:
        case = require_child(session, profile, case_id)
        state = state_of(session, case)
        if to != state.next_step:
            raise_if([_skip_problem(session, state)])
        if to == CLOSED and not case.details.get("review"):
            raise_if([problem("to", QT_TRANSLATE_NOOP(CTX, "Write the closing review (Mẫu 06) first."))])
        last = max(state.reached.values())
        raise_if(event_date_problems("on", on, profile.today(), not_before=last))
        steps = {**case.details.get("steps", {}), to: on.isoformat()}
        case.details = {**case.details, "steps": steps}
        case.stage = to
        if to == CLOSED:  # the last step (review after intervention) closes the case itself
            case.state, case.closed_on = CLOSED, on
        return state_of(session, case)


def state(profile: Profile, case_id: uuid.UUID) -> ChildCaseState:
    with profile.sessions() as session:
        return state_of(session, require_case(session, profile.user, case_id, write=False))


def state_of(session: Session, case: SupportCase) -> ChildCaseState:
    order = [item.code for item in reference.items(session, STEPS)]
    reached = {code: date.fromisoformat(day) for code, day in case.details.get("steps", {}).items()}
    current = case.stage or FIRST_CHILD_STEP
    position = order.index(current)
    next_step = order[position + 1] if position + 1 < len(order) else None
    intake = reached.get(FIRST_CHILD_STEP, case.opened_on)
    plan_due = None if PLAN_STEP in reached else add_working_days(intake, PLAN_WORKING_DAYS)
    return ChildCaseState(current, reached, next_step, plan_due)


def add_working_days(start: date, days: int) -> date:
    """`days` working days (Monday to Friday) after `start`. Public holidays are not known to the app."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            days -= 1
    return day


def _skip_problem(session: Session, state: ChildCaseState) -> FieldProblem:
    names = {item.code: item.name_vi for item in reference.items(session, STEPS)}
    if state.next_step is None:
        return problem("to", QT_TRANSLATE_NOOP(CTX, "This case has gone through every step."))
    return problem(
        "to",
        QT_TRANSLATE_NOOP(CTX, "Steps cannot be skipped: the next step is “{next}”."),
        next=names.get(state.next_step, state.next_step),
    )


def require_child(session: Session, profile: Profile, case_id: uuid.UUID) -> SupportCase:
    case = require_case(session, profile.user, case_id, write=True)
    if case.kind != CHILD_PROTECTION:
        raise_if([problem("kind", QT_TRANSLATE_NOOP(CTX, "This is not a child-protection case."))])
    return case

