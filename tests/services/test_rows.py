"""Live rows: a row stamped deleted is left out of queries and reads as missing."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from db.base import utcnow
from db.models.register import Household
from desktop.errors import NotFoundError
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from desktop.services.rows import live, live_or_none, live_row


def test_a_deleted_row_is_left_out_and_reads_as_missing(register):
    p = register.profile
    kept = households.create(p, HouseholdInput(code="001", village_id=register.village_a))
    gone = households.create(p, HouseholdInput(code="002", village_id=register.village_a))
    with p.sessions.begin() as session:
        row = session.get(Household, gone)
        assert row is not None
        row.deleted_at = utcnow()
    with p.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Household).where(live(Household))) == 1
        assert live_or_none(session, Household, kept) is not None
        assert live_or_none(session, Household, gone) is None
        assert live_or_none(session, Household, uuid.uuid4()) is None
        assert live_row(session, Household, kept, "Gone.").id == kept
        with pytest.raises(NotFoundError) as missing:
            live_row(session, Household, gone, "Household {code} is gone.", code="002")
    assert (missing.value.message, missing.value.params) == ("Household {code} is gone.", {"code": "002"})
