"""The support plan of a child-protection case (Decree 56/2017, Mẫu 04): who does what, by when.

Items can be added once the case has reached the plan step (the plan is drawn up there, not before),
and each moves from planned to done or dropped, never back. An item still planned after its day is
a task on the collaborator's list (desktop.services.casework.tasks).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from db.models.casework import CasePlanItem
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.casework import child
from desktop.services.casework.cases import require_case
from desktop.services.profile.handle import Profile
from desktop.services.rows import live, live_row
from desktop.services.validation import ADDRESS_MAX, NOTE_MAX, problem, raise_if, text_problems

CTX = "ChildPlan"
PLANNED, DONE, DROPPED = "planned", "done", "dropped"


@dataclass(frozen=True, slots=True)
class PlanItemInput:
    action: str
    responsible: str
    due_on: date | None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PlanItemDTO:
    id: uuid.UUID
    action: str
    responsible: str
    due_on: date
    status: str
    status_on: date | None
    overdue: bool


def input_problems(data: PlanItemInput, opened_on: date) -> list[FieldProblem]:
    found = text_problems("action", data.action, required=True, max_len=ADDRESS_MAX)
    found += text_problems("responsible", data.responsible, required=True, max_len=100)
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    if data.due_on is None:
        found.append(problem("due_on", QT_TRANSLATE_NOOP(CTX, "Enter the day it must be done by.")))
    elif data.due_on < opened_on:
        found.append(problem("due_on", QT_TRANSLATE_NOOP(CTX, "The day is before the case was opened.")))
    return found


def add_item(profile: Profile, case_id: uuid.UUID, data: PlanItemInput) -> uuid.UUID:
    with profile.sessions.begin() as session:
        case = child.require_child(session, profile, case_id)
        if child.PLAN_STEP not in child.state_of(session, case).reached:
            raise_if(
                [
                    problem(
                        "action",
                        QT_TRANSLATE_NOOP(CTX, "Record the plan step first: plan items belong to an approved plan."),
                    )
                ]
            )
        raise_if(input_problems(data, case.opened_on))
        assert data.due_on is not None
        row = CasePlanItem(
            case_id=case_id,
            action=" ".join(data.action.split()),
            responsible=" ".join(data.responsible.split()),
            due_on=data.due_on,
            notes=data.notes.strip(),
        )
        session.add(row)
        session.flush()
        return row.id


def set_status(profile: Profile, item_id: uuid.UUID, *, status: str, on: date) -> None:
    """planned → done or dropped; a finished item does not change again."""
    with profile.sessions.begin() as session:
        row = live_row(session, CasePlanItem, item_id, QT_TRANSLATE_NOOP(CTX, "This plan item no longer exists."))
        require_case(session, profile.user, row.case_id, write=True)
        found: list[FieldProblem] = []
        if row.status != PLANNED or status not in (DONE, DROPPED):
            found.append(problem("status", QT_TRANSLATE_NOOP(CTX, "A plan item goes from planned to done or dropped.")))
        if on > profile.today():
            found.append(problem("on", QT_TRANSLATE_NOOP(CTX, "This date cannot be in the future.")))
        raise_if(found)
        row.status, row.status_on = status, on


def items(profile: Profile, case_id: uuid.UUID) -> list[PlanItemDTO]:
    today = profile.today()
    with profile.sessions() as session:
        require_case(session, profile.user, case_id, write=False)
        rows = session.scalars(
            select(CasePlanItem)
            .where(CasePlanItem.case_id == case_id, live(CasePlanItem))
            .order_by(CasePlanItem.due_on, CasePlanItem.created_at)
        )
        return [
            PlanItemDTO(
                r.id, r.action, r.responsible, r.due_on, r.status, r.status_on, r.status == PLANNED and r.due_on < today
            )
            for r in rows
        ]
