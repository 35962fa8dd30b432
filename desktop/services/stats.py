"""Counts per record type, for `sotay stats --json` and the dashboard.

A user is given only what they may see (architecture.md §6): a collaborator the records of the villages
they keep; support cases as a total and by state (every user sees that a household has a case and its
state), and by kind only with the protection permission, since the kind of a case is its content.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import ColumnElement, Select, func, select, true
from sqlalchemy.orm import Session

from db.base import PENDING_USN, SyncedMixin
from db.models.casework import SupportCase
from db.models.communication import CommunicationActivity
from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Village, Visit
from db.models.synced import SYNCED_MODELS
from desktop.services.profile import access
from desktop.services.profile.access import CurrentUser
from desktop.services.profile.handle import Profile
from desktop.services.rows import live

CASE_KINDS = ("domestic_violence", "child_protection", "other_support")


def _count(session: Session, stmt: Select[int], model: type[SyncedMixin], *where: ColumnElement[bool]) -> int:
    return int(session.scalar(stmt.where(live(model), *where)) or 0)


def _total(model: type[SyncedMixin]) -> Select[int]:
    return select(func.count()).select_from(model)


def _in_households(model: type[SyncedMixin], user: CurrentUser) -> Select[int]:
    """Rows of `model` (a household, or a row with a household_id) in the households `user` may see."""
    stmt = _total(model)
    if user.whole_commune:
        return stmt
    if model is not Household:
        stmt = stmt.join(Household, Household.id == model.household_id)  # type: ignore[attr-defined]
    return stmt.where(access.household_filter(user))


def _in_villages(model: type[SyncedMixin], user: CurrentUser) -> ColumnElement[bool]:
    if user.whole_commune:
        return true()
    column = model.id if model is Village else model.village_id  # type: ignore[attr-defined]
    return column.in_(sorted(user.villages))


def _cases_by_kind(session: Session, user: CurrentUser) -> dict[str, int]:
    """The kind is content: whole rows are read and counted here, SQL narrowing only to live, visible cases."""
    stmt = select(SupportCase).where(live(SupportCase))
    if not user.whole_commune:
        stmt = stmt.join(Household, Household.id == SupportCase.household_id).where(access.household_filter(user))
    kinds = Counter(case.kind for case in session.scalars(stmt))
    return {f"cases_{kind}": kinds[kind] for kind in CASE_KINDS}


def counts(profile: Profile, *, with_tasks: bool = True) -> dict[str, int]:
    """Counts of what the logged-in user may see. Cases are counted by state, and by kind only with the
    protection permission (numbers only, no content); open tasks are those the user sees
    (`with_tasks=False` skips computing them). `pending_sync` is the device's: every change not yet sent."""
    user = profile.user
    with profile.sessions() as session:
        cases = _in_households(SupportCase, user)
        found = {
            "villages": _count(session, _total(Village), Village, _in_villages(Village, user)),
            "households": _count(session, _in_households(Household, user), Household),
            "households_active": _count(
                session, _in_households(Household, user), Household, Household.dissolved_on.is_(None)
            ),
            "household_categories": _count(session, _in_households(HouseholdCategory, user), HouseholdCategory),
            "people": _count(session, _in_households(Person, user), Person),
            "people_present": _count(session, _in_households(Person, user), Person, Person.status == "present"),
            "population_events": _count(session, _in_households(PopulationEvent, user), PopulationEvent),
            "visits": _count(session, _in_households(Visit, user), Visit),
            "pending_sync": sum(
                int(session.scalar(select(func.count()).select_from(m).where(m.usn == PENDING_USN)) or 0)
                for m in SYNCED_MODELS
            ),
            "cases": _count(session, cases, SupportCase),
            "cases_open": _count(session, cases, SupportCase, SupportCase.state == "open"),
            "cases_closed": _count(session, cases, SupportCase, SupportCase.state == "closed"),
        }
        if user.protection:
            found.update(_cases_by_kind(session, user))
        found["activities"] = _count(
            session, _total(CommunicationActivity), CommunicationActivity, _in_villages(CommunicationActivity, user)
        )
    if with_tasks:
        from desktop.services.casework import tasks

        found["tasks_open"] = len(tasks.open_tasks(profile))
    return found
