"""Counts per record type, for `sotay stats --json` and the dashboard."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from db.base import PENDING_USN, SyncedMixin
from db.models.casework import SupportCase
from db.models.communication import CommunicationActivity
from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Village, Visit
from db.models.synced import SYNCED_MODELS
from desktop.services.profile.handle import Profile
from desktop.services.rows import live

CASE_KINDS = ("domestic_violence", "child_protection", "other_support")


def _count(session: Session, model: type[SyncedMixin], *where: ColumnElement[bool]) -> int:
    stmt = select(func.count()).select_from(model).where(live(model), *where)
    return int(session.scalar(stmt) or 0)


def counts(profile: Profile, *, with_tasks: bool = True) -> dict[str, int]:
    """Counts of the whole profile. Cases are counted by kind and state (numbers only, no content);
    open tasks are those the logged-in user sees (`with_tasks=False` skips computing them)."""
    with profile.sessions() as session:
        found = {
            "villages": _count(session, Village),
            "households": _count(session, Household),
            "households_active": _count(session, Household, Household.dissolved_on.is_(None)),
            "household_categories": _count(session, HouseholdCategory),
            "people": _count(session, Person),
            "people_present": _count(session, Person, Person.status == "present"),
            "population_events": _count(session, PopulationEvent),
            "visits": _count(session, Visit),
            "pending_sync": sum(
                int(session.scalar(select(func.count()).select_from(m).where(m.usn == PENDING_USN)) or 0)
                for m in SYNCED_MODELS
            ),
            "cases": _count(session, SupportCase),
            "cases_open": _count(session, SupportCase, SupportCase.state == "open"),
            "cases_closed": _count(session, SupportCase, SupportCase.state == "closed"),
            **{f"cases_{kind}": _count(session, SupportCase, SupportCase.kind == kind) for kind in CASE_KINDS},
            "activities": _count(session, CommunicationActivity),
        }
    if with_tasks:
        from desktop.services.casework import tasks

        found["tasks_open"] = len(tasks.open_tasks(profile))
    return found
