"""The rows of case content the reports count, read whole and counted in Python.

A case's content (its kind, a measure, a receiving body, a party's role…) is stored so that SQL cannot read
it: a report narrows the rows in SQL by readable columns only (dates, case ids, live rows, the village
through the case's household) and reads the content on the loaded rows.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.models.casework import SupportCase
from db.models.register import Household
from desktop.services.rows import live


def dated(
    session: Session,
    model: Any,
    day: InstrumentedAttribute[date],
    between: tuple[date, date],
    *where: ColumnElement[bool],
) -> list[tuple[Any, SupportCase, uuid.UUID]]:
    """(row, its case, the case's village) for the live rows of `model` (a measure, referral, timeline
    entry) dated in `between`; `where` narrows further, on readable columns only."""
    first, last = between
    rows = session.execute(
        select(model, SupportCase, Household.village_id)
        .select_from(model)
        .join(SupportCase, SupportCase.id == model.case_id)
        .join(Household, Household.id == SupportCase.household_id)
        .where(day.between(first, last), live(model), *where)
    )
    return [(row, case, village_id) for row, case, village_id in rows]


def cases_with_village(session: Session, *where: ColumnElement[bool]) -> list[tuple[SupportCase, uuid.UUID]]:
    """(case, its village) for the live cases that `where` (readable columns only) lets through."""
    rows = session.execute(
        select(SupportCase, Household.village_id)
        .select_from(SupportCase)
        .join(Household, Household.id == SupportCase.household_id)
        .where(live(SupportCase), *where)
    )
    return [(case, village_id) for case, village_id in rows]
