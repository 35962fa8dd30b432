"""The stamps, the sealing and the audit chain belong to a profile's own sessions, and keep synced rows whole.

A session made elsewhere in the process writes what it is given; a profile's session refuses a Core write of a
synced table that does not say it stamps its rows, and never deletes a synced row for real.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models.profile import AuditEvent
from db.models.register import Household
from db.session import SYNCED_CORE_WRITE, ProfileSession, SyncedWriteRefusedError


def _household(register, code: str = "H01", **values) -> Household:
    return Household(code=code, commune_code="18673", village_id=register.village_a, address="Xóm Một", **values)


def _events(profile) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def test_a_profiles_sessions_stamp_and_audit_and_other_sessions_do_not(register):
    profile = register.profile
    with profile.sessions.begin() as session:
        assert isinstance(session, ProfileSession)
        ours = _household(register)
        session.add(ours)
    assert (ours.usn, ours.origin) == (-1, profile.device_id)
    before = _events(profile)
    kept = {"usn": 7, "origin": "another-device", "updated_at": utcnow()}
    with Session(profile.engine, expire_on_commit=False) as session, session.begin():  # e.g. a copy being read
        theirs = _household(register, "H02", created_at=utcnow(), **kept)
        session.add(theirs)
    with profile.sessions() as session:
        row = session.get(Household, theirs.id)
        assert (row.usn, row.origin) == (7, "another-device")
    assert _events(profile) == before  # written by no hook of the profile: no audit event either


def test_a_core_write_of_a_synced_table_must_say_it_stamps_its_rows(register):
    profile = register.profile
    with profile.sessions.begin() as session:
        row = _household(register)
        session.add(row)
    before = _events(profile)
    with pytest.raises(SyncedWriteRefusedError), profile.sessions.begin() as session:
        session.execute(update(Household).where(Household.id == row.id).values(address="Xóm Hai"))
    with pytest.raises(SyncedWriteRefusedError), profile.sessions.begin() as session:
        session.execute(insert(Household), [{"id": uuid.uuid4(), "code": "H09", "commune_code": "18673",
                                             "village_id": register.village_a, "address": "x"}])  # fmt: skip
    with profile.sessions() as session:
        assert session.get(Household, row.id).address == "Xóm Một"
    assert _events(profile) == before
    stamped = update(Household).where(Household.id == row.id).values(address="Xóm Hai", usn=-1, updated_at=utcnow())
    with profile.sessions.begin() as session:  # a caller that stamps says so (the demo builder does)
        session.execute(stamped.execution_options(**{SYNCED_CORE_WRITE: True}))
    with profile.sessions() as session:
        assert session.get(Household, row.id).address == "Xóm Hai"


def test_reading_and_writing_tables_that_are_not_synced_is_not_refused(register):
    from db.models.profile import ProfileMeta

    profile = register.profile
    with profile.sessions.begin() as session:
        session.add(ProfileMeta(key="probe", value=str(date.today())))
    with profile.sessions.begin() as session:
        session.delete(session.get(ProfileMeta, "probe"))  # not a synced row: deleted for real
        session.execute(update(ProfileMeta).where(ProfileMeta.key == "none").values(value=""))
