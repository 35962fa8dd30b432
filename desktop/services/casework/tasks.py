"""Việc cần làm: the collaborator's task list, computed from the data, plus tasks written by hand.

The kinds of tasks, and how each is computed, are in task_sources. Only what the user may see is
listed (their villages; case tasks only with the right to the case's content). Overdue tasks come
first, then by due date. A task done, or snoozed until a later day, leaves the list; a snoozed one
comes back on that day.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models.casework import ManualTask, SupportCase, TaskState, task_state_id
from db.models.profile import ProfileMeta
from db.models.register import Household
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.casework import task_sources
from desktop.services.casework.task_sources import TaskDTO
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import ADDRESS_MAX, problem, raise_if, text_problems

CTX = "Tasks"
PRIORITY_VISIT_DAYS = 90  # a priority household should be seen at least once a quarter
PRIORITY_DAYS_KEY = "priority_visit_days"  # this notebook's own number, in profile_meta
PRIORITY_DAYS_MIN, PRIORITY_DAYS_MAX = 7, 365
SNOOZE_MAX_DAYS = 90


@dataclass(frozen=True, slots=True)
class TaskCounts:
    total: int
    overdue: int
    due_today: int


def open_tasks(profile: Profile, *, today: date | None = None) -> list[TaskDTO]:
    """Every task the user should see today, overdue first."""
    day = today or profile.today()
    with profile.sessions() as session:
        handled = _handled(session, day)
        found = _visible(session, profile, [task for task in _all(session, profile, day) if task.key not in handled])
    return sorted(found, key=lambda task: (not task.overdue, task.due, task.household_code, task.key))


def counts(tasks: list[TaskDTO], today: date) -> TaskCounts:
    return TaskCounts(len(tasks), sum(task.overdue for task in tasks), sum(task.due == today for task in tasks))


def _all(session: Session, profile: Profile, day: date) -> Iterator[TaskDTO]:
    return task_sources.every_task(session, profile, day, priority_days=_priority_days(session))


def priority_visit_days(profile: Profile) -> int:
    """After how many days without a visit a priority household is a task."""
    with profile.sessions() as session:
        return _priority_days(session)


def set_priority_visit_days(profile: Profile, days: int) -> None:
    if not PRIORITY_DAYS_MIN <= days <= PRIORITY_DAYS_MAX:
        raise_if(
            [
                problem(
                    "days",
                    QT_TRANSLATE_NOOP(CTX, "Choose a number of days from {min} to {max}."),
                    min=PRIORITY_DAYS_MIN,
                    max=PRIORITY_DAYS_MAX,
                )
            ]
        )
    with profile.sessions.begin() as session:
        session.merge(ProfileMeta(key=PRIORITY_DAYS_KEY, value=str(days)))


def _priority_days(session: Session) -> int:
    row = session.get(ProfileMeta, PRIORITY_DAYS_KEY)
    saved = row.value if row is not None else ""
    return (
        int(saved) if saved.isdigit() and PRIORITY_DAYS_MIN <= int(saved) <= PRIORITY_DAYS_MAX else PRIORITY_VISIT_DAYS
    )


# Who sees what, and what was already handled ##################################################


def _visible(session: Session, profile: Profile, found: list[TaskDTO]) -> list[TaskDTO]:
    """The tasks of households in the user's villages, and of cases whose content the user may read.

    Villages and owners are read in two queries, not one per task: per-task reads were most of the time."""
    household_ids = {task.household_id for task in found if task.household_id is not None}
    case_ids = {task.case_id for task in found if task.case_id is not None}
    in_households = select(Household.id, Household.village_id).where(Household.id.in_(household_ids))
    villages = {household_id: village_id for household_id, village_id in session.execute(in_households)}
    in_cases = select(SupportCase.id, SupportCase.owner_id).where(SupportCase.id.in_(case_ids))
    owners = {case_id: owner for case_id, owner in session.execute(in_cases)}
    user = profile.user

    def shown(task: TaskDTO) -> bool:
        if task.household_id is not None:
            village = villages.get(task.household_id)
            if village is None or not user.sees_village(village):
                return False
        if task.case_id is not None:
            return task.case_id in owners and user.sees_case_content(owners[task.case_id])
        return True

    return [task for task in found if shown(task)]


def _handled(session: Session, day: date) -> set[str]:
    rows = session.scalars(select(TaskState).where(live(TaskState)))
    return {
        row.task_key
        for row in rows
        if row.done_on is not None or (row.snoozed_until is not None and row.snoozed_until > day)
    }


# Acting on tasks #############################################################################


def complete(profile: Profile, key: str) -> None:
    """Mark a task done. A manual task is removed; a computed one stays handled under its key."""
    with profile.sessions.begin() as session:
        _require_open(session, profile, key)
        _state(session, key).done_on = profile.today()
        if key.startswith("manual:"):
            row = session.get(ManualTask, uuid.UUID(key.removeprefix("manual:")))
            if row is not None:
                row.deleted_at = utcnow()


def snooze(profile: Profile, key: str, *, until: date, reason: str) -> None:
    """Hide a task until `until` (at most 90 days ahead), saying why."""
    today = profile.today()
    found = text_problems("reason", reason, required=True, max_len=ADDRESS_MAX)
    if until <= today:
        found.append(problem("until", QT_TRANSLATE_NOOP(CTX, "Choose a day after today.")))
    elif until > today + timedelta(days=SNOOZE_MAX_DAYS):
        found.append(
            problem(
                "until", QT_TRANSLATE_NOOP(CTX, "A task can be put off by at most {days} days."), days=SNOOZE_MAX_DAYS
            )
        )
    raise_if(found)
    with profile.sessions.begin() as session:
        _require_open(session, profile, key)
        state = _state(session, key)
        state.snoozed_until, state.reason = until, " ".join(reason.split())


def add_manual(
    profile: Profile, *, title: str, due_on: date, household_id: uuid.UUID | None = None, notes: str = ""
) -> str:
    found = text_problems("title", title, required=True, max_len=ADDRESS_MAX)
    if due_on < profile.today():
        found.append(problem("due_on", QT_TRANSLATE_NOOP(CTX, "The day a task is due cannot be in the past.")))
    raise_if(found)
    with profile.sessions.begin() as session:
        if household_id is not None:
            access.require_household(session, profile.user, household_id, write=True)
        row = ManualTask(
            title=" ".join(title.split()),
            due_on=due_on,
            household_id=household_id,
            owner_id=_owner_id(profile),
            notes=notes,
        )
        session.add(row)
        session.flush()
        return f"manual:{row.id}"


def _owner_id(profile: Profile) -> uuid.UUID:
    """Whose a hand-written task is: a logged-in user's; set-up work owns nothing."""
    if profile.user.id is None:
        raise access.PermissionDeniedError(QT_TRANSLATE_NOOP(CTX, "Log in as a user to write a task."))
    return profile.user.id


def _require_open(session: Session, profile: Profile, key: str) -> None:
    listed = {task.key for task in _visible(session, profile, list(_all(session, profile, profile.today())))}
    if key not in listed:
        raise_if([problem("task", QT_TRANSLATE_NOOP(CTX, "This task is no longer on the list."))])


def _state(session: Session, key: str) -> TaskState:
    """The task's state row, under the id every device gives it; a soft-deleted one comes back blank."""
    row = session.get(TaskState, task_state_id(key))
    if row is None:
        row = TaskState(id=task_state_id(key), task_key=key)
        session.add(row)
    elif row.deleted_at is not None:
        # What was decided before the delete no longer holds: the caller sets what is decided now.
        row.deleted_at, row.done_on, row.snoozed_until, row.reason = None, None, None, ""
    return row
