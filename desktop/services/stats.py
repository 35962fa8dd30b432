"""Counts per record type, for `sotay stats --json` and the dashboard."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import Household, HouseholdCategory, Person, PopulationEvent, Village, Visit
from desktop.services.profile import Profile


def counts(profile: Profile) -> dict[str, int]:
    with profile.sessions() as session:

        def count(model: type, *where: object) -> int:
            return int(
                session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None), *where)) or 0
            )  # type: ignore[attr-defined]

        return {
            "villages": count(Village),
            "households": count(Household),
            "households_active": count(Household, Household.dissolved_on.is_(None)),
            "household_categories": count(HouseholdCategory),
            "people": count(Person),
            "people_present": count(Person, Person.status == "present"),
            "population_events": count(PopulationEvent),
            "visits": count(Visit),
            "pending_sync": sum(
                int(session.scalar(select(func.count()).select_from(m).where(m.usn == -1)) or 0)
                for m in (Village, Household, HouseholdCategory, Person, PopulationEvent, Visit)
            ),
        }
