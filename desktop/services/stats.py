"""Counts per record type, for `sotay stats --json` and the dashboard."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from db.base import PENDING_USN, SyncedMixin
from db.models import SYNCED_MODELS, Household, HouseholdCategory, Person, PopulationEvent, Village, Visit
from desktop.services.profile import Profile


def _count(session: Session, model: type[SyncedMixin], *where: ColumnElement[bool]) -> int:
    stmt = select(func.count()).select_from(model).where(model.deleted_at.is_(None), *where)
    return int(session.scalar(stmt) or 0)


def counts(profile: Profile) -> dict[str, int]:
    with profile.sessions() as session:
        return {
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
        }
