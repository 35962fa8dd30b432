"""Figures for the "Tổng quan" screen that no other service answers: visits due for a follow-up,
and this month's visit and population-event counts (counted in SQL: the screen needs no rows)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from db.models.register import Household, Person, PopulationEvent, Village, Visit
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.register.events import month_of
from desktop.services.rows import live

DUE_WITHIN_DAYS = 7


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    household_id: uuid.UUID
    household_code: str
    head_name: str
    village: str
    visited_on: date
    follow_up_on: date


@dataclass(frozen=True, slots=True)
class MonthCounts:
    month: str  # YYYY-MM
    visits: int  # visits made from the 1st of the month to today
    events: int  # population events reported on this month's slip


def follow_ups_due(profile: Profile, *, within_days: int = DUE_WITHIN_DAYS) -> list[FollowUpDue]:
    """Households whose latest visit asked to come back by today + `within_days`, most urgent first.

    Only the latest visit counts: visiting the household again settles an earlier follow-up date.
    Dissolved and deleted households are left out.
    """
    limit = profile.today() + timedelta(days=within_days)
    later = aliased(Visit)
    # Few visits carry a due follow-up date; checking each for a later visit uses the household index.
    visited_again = exists().where(
        later.household_id == Visit.household_id,
        live(later),
        or_(
            later.visited_on > Visit.visited_on,
            and_(later.visited_on == Visit.visited_on, later.created_at > Visit.created_at),
        ),
    )
    stmt = (
        select(Household.id, Household.code, Person.full_name, Village.name, Visit.visited_on, Visit.follow_up_on)
        .join(Household, Household.id == Visit.household_id)
        .join(Village, Village.id == Household.village_id)
        .outerjoin(Person, Person.id == Household.head_person_id)
        .where(
            live(Visit),
            Visit.follow_up_on.is_not(None),
            Visit.follow_up_on <= limit,
            ~visited_again,
            live(Household),
            Household.dissolved_on.is_(None),
            Household.commune_code == profile.commune_code,
            access.household_filter(profile.user),
        )
        .order_by(Visit.follow_up_on, Village.sort_order, Household.code)
    )
    with profile.sessions() as session:
        return [
            FollowUpDue(hid, code, head or "", village, visited, follow_up)
            for hid, code, head, village, visited, follow_up in session.execute(stmt)
            if follow_up is not None  # the query asks for it; this tells the type checker
        ]


def month_counts(profile: Profile) -> MonthCounts:
    today = profile.today()
    month = month_of(today)
    with profile.sessions() as session:
        visits = session.scalar(
            select(func.count())
            .select_from(Visit)
            .join(Household, Household.id == Visit.household_id)
            .where(
                live(Visit),
                Visit.visited_on >= today.replace(day=1),
                Visit.visited_on <= today,
                access.household_filter(profile.user),
            )
        )
        events = session.scalar(
            select(func.count())
            .select_from(PopulationEvent)
            .join(Household, Household.id == PopulationEvent.household_id)
            .where(
                live(PopulationEvent),
                PopulationEvent.reporting_month == month,
                access.household_filter(profile.user),
            )
        )
    return MonthCounts(month, int(visits or 0), int(events or 0))
