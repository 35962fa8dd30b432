"""The audit chain at the database level: the flush hook, hand-written events, and tamper detection."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select, text

from db import audit
from db.base import utcnow
from db.models.profile import AuditEvent
from db.models.register import Household, Person, Village
from db.session import DEVICE_KEY, USER_KEY, SyncedWriteRefusedError


def chain(profile) -> list[AuditEvent]:
    with profile.sessions() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def new_household(session, register, code: str = "001", notes: str = "") -> Household:
    household = Household(code=code, commune_code=register.profile.commune_code, village_id=register.village_a)
    household.notes = notes
    session.add(household)
    session.flush()
    return household


def test_the_session_keys_are_the_hooks_keys():
    assert (DEVICE_KEY, USER_KEY) == (audit.DEVICE_KEY, audit.USER_KEY)


def test_first_event_links_to_64_zeros_and_each_next_to_the_one_before(register):
    first, *events = chain(register.profile)  # the first user's directory row, the fixture's two villages
    assert (first.id, first.table_name, first.prev_hash) == (1, "directory_users", "0" * 64)
    assert [e.id for e in events] == [2, 3]
    assert events[0].prev_hash == first.hash
    assert events[1].prev_hash == events[0].hash
    assert {e.action for e in events} == {"create"} and {e.table_name for e in events} == {"villages"}
    assert all(e.device == register.profile.device_id for e in events)
    assert all(e.user == "Nguyễn Thị Lan" for e in events)  # the collaborator, as no user was named
    report = audit.verify_chain(register.profile.sessions())
    assert (report.ok, report.checked, report.last_id, report.last_hash) == (True, 3, 3, events[1].hash)


def test_a_new_profiles_chain_holds_its_first_users_directory_row_and_verifies(profile):
    report = audit.verify_chain(profile.sessions())
    assert (report.ok, report.checked, report.last_id) == (True, 1, 1)


def test_a_named_user_is_recorded_and_a_profile_without_collaborator_writes_as_system(register):
    p = register.profile
    with p.sessions.begin() as session:
        session.info[USER_KEY] = "Trần Văn Bình"
        new_household(session, register)
    with p.sessions.begin() as session:
        assert session.info[USER_KEY] == "Nguyễn Thị Lan"  # the logged-in user, by default
        session.info.pop(USER_KEY)  # a session without a user (set-up work) writes as the collaborator
        new_household(session, register, "002")
    with p.sessions.begin() as session:
        session.info.pop(USER_KEY)
        session.execute(text("DELETE FROM profile_meta WHERE key = 'collaborator'"))
        new_household(session, register, "003")
    assert [e.user for e in chain(p)[-3:]] == ["Trần Văn Bình", "Nguyễn Thị Lan", "system"]


def test_the_logged_in_users_id_is_logged_hashed_and_a_changed_id_breaks_the_chain(register):
    """An event carries its writer's directory id and still verifies; an event written for someone else,
    or before ids were logged (the chain's first events here are the fixture's), carries none."""
    p = register.profile
    assert p.user.id is not None
    with p.sessions.begin() as session:
        new_household(session, register)
    with p.sessions.begin() as session:
        session.info[USER_KEY] = "Trần Văn Bình"  # not the logged-in user: their id must not be logged
        new_household(session, register, "002")
    mine, other = chain(p)[-2:]
    assert (mine.user, mine.user_id) == ("Nguyễn Thị Lan", str(p.user.id))
    assert (other.user, other.user_id) == ("Trần Văn Bình", "")
    assert audit.verify_chain(p.sessions()).ok
    for forged in ("", "00000000-0000-0000-0000-000000000001"):
        report = tamper(p, f"UPDATE audit_events SET user_id = '{forged}' WHERE id = {mine.id}")
        assert (report.ok, report.broken_id, report.reason) == (False, mine.id, audit.HASH_MISMATCH)
    report = tamper(p, f"UPDATE audit_events SET user_id = '{mine.user_id}' WHERE id = {mine.id}")
    assert report.ok  # put back: the chain holds again


def test_update_records_only_the_changed_fields_with_old_and_new_values(register):
    p = register.profile
    with p.sessions.begin() as session:
        hid = new_household(session, register).id
    with p.sessions.begin() as session:
        household = session.get(Household, hid)
        household.address = "Xóm 3"
        household.address_folded = "xom 3"  # derived: not in the summary
        household.phone = household.phone  # unchanged: not in the summary
    last = chain(p)[-1]
    assert (last.action, last.table_name, last.record_id) == ("update", "households", str(hid))
    assert json.loads(last.summary) == {"address": ["", "Xóm 3"]}


def test_only_sync_bookkeeping_changing_is_not_an_edit(register):
    p = register.profile
    before = len(chain(p))
    with p.sessions.begin() as session:
        village = session.get(Village, register.village_a)
        village.usn = 42  # what accepting a row from the hub looks like
    assert len(chain(p)) == before


def test_a_soft_delete_is_a_delete_and_a_hard_one_is_refused(register):
    p = register.profile
    with p.sessions.begin() as session:
        hid = new_household(session, register).id
        person = Person(
            household_id=hid, full_name="Lê Văn Nam", name_folded="le van nam", sex="1",
            birth_date=date(1990, 1, 1), birth_year=1990, relationship="other",
        )  # fmt: skip
        session.add(person)
    with p.sessions.begin() as session:
        session.get(Household, hid).deleted_at = utcnow()
    [soft] = chain(p)[-1:]
    assert (soft.action, soft.table_name, list(json.loads(soft.summary))) == ("delete", "households", ["deleted_at"])
    before = len(chain(p))
    with pytest.raises(SyncedWriteRefusedError), p.sessions.begin() as session:  # the row is the tombstone
        session.delete(session.get(Person, person.id))
    with p.sessions() as session:
        assert session.get(Person, person.id) is not None
    assert len(chain(p)) == before


def test_long_free_text_is_never_copied_and_other_values_are_cut_short(register):
    p = register.profile
    secret = "Chồng đánh vợ nhiều lần, " * 40
    with p.sessions.begin() as session:
        household = new_household(session, register, notes=secret)
        household.address = "Đường " + "x" * 150
    created, updated = chain(p)[-2:]
    assert "Chồng" not in created.summary + updated.summary
    assert json.loads(created.summary)["notes"] == [None, {"chars": len(secret)}]
    address = json.loads(updated.summary)["address"][1]
    assert len(address) == audit.VALUE_MAX and address.endswith("…")


def test_nothing_is_recorded_for_a_rolled_back_transaction(register):
    p = register.profile
    before = [e.hash for e in chain(p)]
    with pytest.raises(RuntimeError), p.sessions.begin() as session:
        new_household(session, register)  # flushed: the hook has run and written its event
        assert session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) == len(before) + 1
        raise RuntimeError("the service refuses after the flush")
    assert [e.hash for e in chain(p)] == before
    assert audit.verify_chain(p.sessions()).ok


def test_two_sessions_writing_one_after_the_other_extend_one_chain(register):
    p = register.profile
    with p.sessions.begin() as first, p.sessions.begin() as second:
        second.scalars(select(Household)).all()  # the second session is open and has read before
        new_household(first, register, "010")
        first.commit()  # the first commits while the second is still open...
        new_household(second, register, "011")  # ...then the second reads the new head inside its write
    events = chain(p)
    assert [e.id for e in events] == list(range(1, len(events) + 1))
    assert events[-1].prev_hash == events[-2].hash
    assert audit.verify_chain(p.sessions()).ok


def test_append_event_for_core_bulk_writes(register):
    p = register.profile
    with p.sessions.begin() as session:
        event_id = audit.append_event(
            session, action="create", table="households", record_id="", summary={"demo": "600 hộ, 2.431 người"}
        )
    last = chain(p)[-1]
    assert (last.id, last.action, last.record_id) == (event_id, "create", "")
    assert json.loads(last.summary) == {"demo": [None, "600 hộ, 2.431 người"]}
    assert audit.verify_chain(p.sessions()).ok
    with pytest.raises(ValueError), p.sessions.begin() as session:
        audit.append_event(session, action="erase", table="x", record_id="", summary={})


# Tampering ##################################################################################


@pytest.fixture
def five(register):
    p = register.profile
    with p.sessions.begin() as session:
        for code in ("001", "002"):  # after the first user's directory row and the two villages
            new_household(session, register, code)
    assert len(chain(p)) == 5
    return p


def tamper(profile, sql: str) -> audit.ChainReport:
    with profile.engine.begin() as conn:  # outside the app: no hooks, just SQL
        conn.execute(text(sql))
    return audit.verify_chain(profile.sessions())


def test_a_changed_summary_is_a_hash_mismatch_at_that_event(five):
    report = tamper(five, "UPDATE audit_events SET summary = '{}' WHERE id = 4")
    assert (report.ok, report.broken_id, report.reason, report.checked) == (False, 4, audit.HASH_MISMATCH, 3)
    assert (report.broken_table, report.broken_at is not None) == ("households", True)


def test_a_changed_user_is_a_hash_mismatch(five):
    report = tamper(five, "UPDATE audit_events SET user = 'Ai đó' WHERE id = 4")
    assert (report.broken_id, report.reason) == (4, audit.HASH_MISMATCH)


def test_a_rewritten_event_with_a_recomputed_hash_breaks_the_next_link(five):
    with five.sessions() as session:
        row = session.get(AuditEvent, 3)
        fields = {c: getattr(row, c) for c in AuditEvent.__table__.c.keys() if c != "hash"}
    fields["user"] = "Ai đó"
    forged = audit.event_hash(**fields)
    report = tamper(five, f"UPDATE audit_events SET user = 'Ai đó', hash = '{forged}' WHERE id = 3")
    assert (report.broken_id, report.reason) == (4, audit.PREV_HASH_MISMATCH)


def test_a_removed_middle_event_is_a_gap(five):
    report = tamper(five, "DELETE FROM audit_events WHERE id = 3")
    assert (report.ok, report.broken_id, report.reason, report.checked) == (False, 4, audit.GAP, 2)


def test_a_removed_first_event_is_a_gap(five):
    report = tamper(five, "DELETE FROM audit_events WHERE id = 1")
    assert (report.broken_id, report.reason) == (2, audit.GAP)
