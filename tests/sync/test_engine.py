"""Two copies of one profile meeting through changesets: what each keeps, and what it tells the user."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from db import hlc
from db.audit import SYNC, verify_chain
from db.base import utcnow
from db.models.casework import TaskState, task_state_id
from db.models.profile import AuditEvent
from db.models.register import Household, Person
from db.models.sync import AHEAD, CONCURRENT, DELETED, KEPT, SyncChange, SyncConflict
from db.session import SyncedWriteRefusedError
from desktop.errors import ValidationError
from desktop.services import changesets, conflicts
from desktop.services.casework import cases, dv, tasks
from desktop.services.casework.cases import CaseInput
from desktop.services.register import households, members, search
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.sync import apply as sync_apply
from desktop.sync.changeset import from_jsonl
from tests.sync.copies import copy_of, reopen


@pytest.fixture
def pair(register, tmp_path):
    """Laptop A with one household headed by a person, and laptop B: a copy of A, already in step."""
    a = register.profile
    hid = households.create(a, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    head = members.add_member(
        a, hid, PersonInput(full_name="Đặng Văn Hùng", sex="1", birth_date=date(1980, 5, 1), relationship="head")
    )
    home = a.paths.home
    b = copy_of(a, tmp_path / "b")
    a = reopen(home)
    yield a, b, hid, head
    a.close()
    b.close()


def _row(profile, model, row_id):
    with profile.sessions() as session:
        return session.get(model, row_id)


def _exchange(sender, receiver):
    """The sender's changeset, through its JSON Lines form, applied at the receiver."""
    return changesets.apply(receiver, from_jsonl(changesets.extract(sender).to_jsonl()))


def _audit_count(profile) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def test_a_local_edit_clocks_the_fields_it_changed_and_lists_them_until_acknowledged(pair):
    a, _b, hid, _head = pair
    before = _row(a, Household, hid)
    households.update(a, hid, HouseholdInput(code="012", village_id=before.village_id, address="Xóm 4"))
    after = _row(a, Household, hid)
    assert after.hlc > before.hlc and after.usn == -1 and after.origin == a.device_id
    clock, replaced = after.field_clocks["address"]
    made = before.field_clocks[""][0]
    assert clock == after.hlc and replaced == made < before.hlc  # it replaced the address the household was made with
    assert after.field_clocks["address_folded"][0] == clock
    assert "code" not in after.field_clocks  # unchanged fields keep the clock of the row's creation
    with a.sessions() as session:
        fields = set(session.scalars(select(SyncChange.field).where(SyncChange.row_id == hid)))
    assert {"", "address", "address_folded"} <= fields


def test_the_clock_never_goes_backwards_when_the_laptop_date_is_set_back(pair, monkeypatch):
    a, _b, hid, _head = pair
    first = _row(a, Household, hid).hlc
    monkeypatch.setattr(hlc, "wall_ms", lambda: hlc.parse(first).ms - 86_400_000 * 365)  # a year back
    village = _row(a, Household, hid).village_id
    households.update(a, hid, HouseholdInput(code="012", village_id=village, address="Xóm 5"))
    households.update(a, hid, HouseholdInput(code="012", village_id=village, address="Xóm 6"))
    second = _row(a, Household, hid).field_clocks["address"]
    assert second[0] > second[1] > first


def test_an_applied_row_keeps_its_stamps_and_clocks_and_twice_writes_nothing(pair):
    a, b, hid, _head = pair
    village = _row(a, Household, hid).village_id
    new = households.create(a, HouseholdInput(code="013", village_id=village, address="Xóm 1"))
    sent = _row(a, Household, new)
    events = _audit_count(b)
    report = _exchange(a, b)
    got = _row(b, Household, new)
    assert report.applied >= 1 and report.conflicted == 0
    assert (got.usn, got.origin, got.hlc, got.field_clocks, got.updated_at) == (
        sent.usn, sent.origin, sent.hlc, sent.field_clocks, sent.updated_at
    )  # fmt: skip
    assert _audit_count(b) == events + 1
    again = _exchange(a, b)
    assert (again.applied, again.conflicts_recorded) == (0, 0) and again.unchanged == report.applied + report.unchanged
    assert _audit_count(b) == events + 1  # nothing written the second time, not even an event
    with b.sessions() as session:
        assert not session.scalars(select(SyncChange).where(SyncChange.row_id == new)).all()  # not B's own change


def test_one_audit_event_per_changeset_names_it_and_the_sender_and_the_chain_verifies(pair):
    a, b, hid, _head = pair
    village = _row(a, Household, hid).village_id
    households.create(a, HouseholdInput(code="014", village_id=village, address="Xóm 2"))
    changeset = changesets.extract(a)
    changesets.apply(b, changeset)
    with b.sessions() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        assert verify_chain(session).ok
    summary = json.loads(event.summary)
    assert event.action == SYNC and event.user == f"sync:{a.device_id}" and event.record_id == changeset.id
    assert b.user.id is not None and event.user_id == ""  # the other copy's change: not the logged-in user's
    assert summary["sha256"] == [None, changeset.sha256()] and summary["sender"] == [None, a.device_id]


def test_edits_of_different_fields_on_two_copies_both_survive(pair):
    a, b, hid, _head = pair
    village = _row(a, Household, hid).village_id
    households.update(a, hid, HouseholdInput(code="012", village_id=village, address="Xóm 9"))
    households.update(b, hid, HouseholdInput(code="012", village_id=village, address="Xóm 3", phone="0912345678"))
    _exchange(a, b)
    _exchange(b, a)
    for copy in (a, b):
        row = _row(copy, Household, hid)
        assert (row.address, row.phone) == ("Xóm 9", "0912345678")
    assert changesets.status(a).open_conflicts == 0


def test_the_same_field_changed_on_both_keeps_the_later_and_records_the_other(pair):
    a, b, hid, _head = pair
    village = _row(a, Household, hid).village_id
    households.update(a, hid, HouseholdInput(code="012", village_id=village, address="Xóm A"))
    households.update(b, hid, HouseholdInput(code="012", village_id=village, address="Xóm B"))  # later clock
    _exchange(a, b)
    _exchange(b, a)
    _exchange(a, b)  # the conflict record travels too
    for copy in (a, b):
        assert _row(copy, Household, hid).address == "Xóm B"
        with copy.sessions() as session:
            [conflict] = session.scalars(select(SyncConflict)).all()
        assert (conflict.reason, conflict.field, conflict.row_id) == (CONCURRENT, "address", hid)
        assert json.loads(conflict.kept_value)["address"] == "Xóm B"
        assert json.loads(conflict.other_value) == {"address": "Xóm A", "address_folded": "xom a"}
        assert changesets.status(copy).open_conflicts == 1


def test_a_delete_on_one_copy_and_an_edit_on_the_other_is_a_conflict_not_a_loss(pair):
    a, b, hid, head = pair
    with a.sessions.begin() as session:  # a soft delete, as a service writes it
        session.get(Person, head).deleted_at = utcnow()
    edited = PersonInput(
        full_name="Đặng Văn Hùng", sex="1", birth_date=date(1980, 5, 1), relationship="head", notes="Đã gặp"
    )
    members.update_member(b, head, edited)  # later than the delete, made without knowing of it
    _exchange(a, b)
    _exchange(b, a)
    _exchange(a, b)
    for copy in (a, b):
        row = _row(copy, Person, head)
        assert row.deleted_at is not None and row.notes == "Đã gặp"  # the edit is kept on the deleted row
        with copy.sessions() as session:
            [conflict] = session.scalars(select(SyncConflict)).all()
        assert (conflict.reason, conflict.row_id, conflict.table_name) == (DELETED, head, "people")


def test_a_household_and_its_head_arrive_together_whatever_the_order(pair, tmp_path):
    a, b, hid, _head = pair
    village = _row(a, Household, hid).village_id
    new = households.create(a, HouseholdInput(code="015", village_id=village))
    head = members.add_member(
        a, new, PersonInput(full_name="Lê Thị Mai", sex="2", birth_date=date(1990, 1, 1), relationship="head")
    )
    changeset = changesets.extract(a)
    reversed_rows = type(changeset)(
        changeset.id, changeset.sender, changeset.made_at, changeset.schema, changeset.rows[::-1]
    )
    changesets.apply(b, reversed_rows)
    assert _row(b, Household, new).head_person_id == head


def test_core_writes_and_hard_deletes_of_synced_rows_are_refused(pair):
    a, _b, hid, _head = pair
    with pytest.raises(SyncedWriteRefusedError), a.sessions.begin() as session:
        session.execute(update(Household).where(Household.id == hid).values(address="x"))
    with pytest.raises(SyncedWriteRefusedError), a.sessions.begin() as session:
        session.delete(session.get(Household, hid))


def test_status_counts_pending_rows_by_table(pair):
    a, _b, _hid, _head = pair
    status = changesets.status(a)
    assert status.pending["households"] >= 1 and status.pending["people"] >= 1 and status.pending_total > 2


def test_keeping_the_value_set_aside_writes_it_everywhere_and_closes_the_conflict(pair):
    a, b, hid, _head = pair
    village = _row(a, Household, hid).village_id
    households.update(a, hid, HouseholdInput(code="012", village_id=village, address="Xóm A"))
    households.update(b, hid, HouseholdInput(code="012", village_id=village, address="Xóm B"))
    _exchange(a, b)
    [conflict] = conflicts.list_open(b)
    assert (conflict.kept.values["address"], conflict.other.values["address"]) == ("Xóm B", "Xóm A")
    assert conflict.kept.here and not conflict.other.here and conflict.other.device == a.device_id
    conflicts.resolve(b, conflict.id, conflicts.KEEP_OTHER)
    for _ in range(2):
        _exchange(b, a)
        _exchange(a, b)
    for copy in (a, b):
        assert _row(copy, Household, hid).address == "Xóm A"
        assert conflicts.list_open(copy) == []
        with copy.sessions() as session:
            assert [c.state for c in session.scalars(select(SyncConflict))] == [KEPT]
    with pytest.raises(ValidationError):
        conflicts.resolve(a, conflict.id, conflicts.KEEP_KEPT)  # settled on the other laptop already


def test_restoring_a_record_deleted_on_one_copy_and_edited_on_the_other_is_one_step(pair):
    a, b, _hid, head = pair
    with a.sessions.begin() as session:
        session.get(Person, head).deleted_at = utcnow()
    edited = PersonInput(
        full_name="Đặng Văn Hùng", sex="1", birth_date=date(1980, 5, 1), relationship="head", notes="Ốm"
    )
    members.update_member(b, head, edited)
    _exchange(a, b)
    [conflict] = conflicts.list_open(b)
    assert conflict.reason == DELETED
    conflicts.resolve(b, conflict.id, conflicts.KEEP_OTHER)
    _exchange(b, a)
    for copy in (a, b):
        row = _row(copy, Person, head)
        assert row.deleted_at is None and row.notes == "Ốm"


def test_the_same_task_handled_on_two_copies_is_one_row(pair):
    a, b, _hid, _head = pair
    key = tasks.add_manual(a, title="Mang thuốc cho cụ Lành", due_on=a.today() + timedelta(days=2))
    _exchange(a, b)
    tasks.complete(a, key)
    tasks.snooze(b, key, until=b.today() + timedelta(days=5), reason="Cụ đi viện")
    _exchange(a, b)
    _exchange(b, a)
    for copy in (a, b):
        with copy.sessions() as session:
            states = session.scalars(select(TaskState).where(TaskState.task_key == key)).all()
        assert len(states) == 1 and states[0].id == task_state_id(key)
    assert business_of(a, TaskState, task_state_id(key)) == business_of(b, TaskState, task_state_id(key))
    assert key not in {task.key for task in tasks.open_tasks(a)}


def business_of(profile, model, row_id):
    row = _row(profile, model, row_id)
    return (row.done_on, row.snoozed_until, row.reason, row.deleted_at)


def test_an_acknowledged_row_stops_being_pending_unless_edited_since(pair):
    a, _b, hid, head = pair
    changeset = changesets.extract(a)
    village = _row(a, Household, hid).village_id
    households.update(a, hid, HouseholdInput(code="012", village_id=village, address="Xóm mới"))  # after the extract
    events = _audit_count(a)
    done = changesets.acknowledge(a, changeset, usn=7)
    assert done == len(changeset.rows) - 1
    assert _row(a, Person, head).usn == 7 and _row(a, Household, hid).usn == -1
    assert changesets.status(a).pending == {"households": 1}
    with a.sessions() as session:
        left = {(c.row_id, c.field) for c in session.scalars(select(SyncChange))}
    assert left == {(hid, "address"), (hid, "address_folded")}  # the edit after the extract is still to send
    assert _audit_count(a) == events
    [row] = changesets.extract(a).rows
    assert row.id == str(hid) and set(row.changed_fields) == {"address", "address_folded"}


@pytest.mark.parametrize("bulk", [False, True])
def test_people_a_changeset_brings_are_found_by_search(pair, monkeypatch, bulk):
    a, b, hid, _head = pair
    if bulk:  # indexed once at the end, as a first sync of a whole register is
        monkeypatch.setattr(sync_apply, "BULK_INDEX_ROWS", 1)
    members.add_member(
        a, hid, PersonInput(full_name="Phan Thị Quỳnh", sex="2", birth_date=date(1999, 9, 9), relationship="other")
    )
    _exchange(a, b)
    found = [hit.label for hit in search.search(b, "quynh") if hit.kind == "person"]
    assert found == ["Phan Thị Quỳnh"]
    assert any(hit.kind == "person" for hit in search.search(b, "hung"))  # what was there before is still found


def test_a_case_travels_sealed_and_opens_on_the_other_copy_closed_on_both(pair):
    a, b, hid, head = pair
    case = cases.open_case(
        a,
        CaseInput("domestic_violence", hid, a.today() - timedelta(days=3), person_id=head, summary="Hàng xóm báo tin"),
    )
    changeset = changesets.extract(a)
    line = next(row for row in changeset.rows if row.table == "support_cases")
    assert "Hàng xóm" not in json.dumps(line.values, ensure_ascii=False)  # the content travels sealed
    changesets.apply(b, changeset)
    assert cases.detail(b, case).summary == "Hàng xóm báo tin"
    dv.close_case(a, case, on=a.today(), outcome="Gia đình ổn định")
    dv.close_case(b, case, on=b.today(), outcome="Đã hòa giải")
    for _ in range(2):
        _exchange(a, b)
        _exchange(b, a)
    one, two = cases.detail(a, case), cases.detail(b, case)
    assert (one.state, one.closed_on, one.outcome) == (two.state, two.closed_on, two.outcome)
    assert one.state == "closed" and one.outcome == "Đã hòa giải"  # the later close wins
    [conflict] = conflicts.list_open(a)  # the earlier outcome is kept, readable by the permission's holders
    assert "Gia đình ổn định" in json.dumps(conflict.other.values, ensure_ascii=False)


def test_a_change_from_a_laptop_dated_days_ahead_never_wins_silently(pair, monkeypatch):
    a, b, hid, _head = pair
    village = _row(a, Household, hid).village_id
    households.update(b, hid, HouseholdInput(code="012", village_id=village, address="Xóm thật"))
    real = hlc.wall_ms
    monkeypatch.setattr(hlc, "wall_ms", lambda: real() + 3 * 86_400_000)  # A's date is three days ahead
    households.update(a, hid, HouseholdInput(code="012", village_id=village, address="Xóm sai ngày"))
    monkeypatch.setattr(hlc, "wall_ms", real)
    _exchange(a, b)
    assert _row(b, Household, hid).address == "Xóm thật"
    [conflict] = conflicts.list_open(b)
    assert conflict.reason == AHEAD and conflict.other.values["address"] == "Xóm sai ngày"
    households.update(b, hid, HouseholdInput(code="012", village_id=village, address="Xóm thật", phone="0900000000"))
    assert hlc.parse(_row(b, Household, hid).hlc).ms < real() + 60_000  # B's clock did not jump ahead


def test_a_row_using_a_code_this_copy_lacks_is_applied_and_listed(pair):
    a, b, hid, _head = pair
    newer = PersonInput(full_name="Hồ Thị Lan", sex="2", birth_date=date(2001, 2, 3), relationship="other")
    pid = members.add_member(a, hid, newer)
    changeset = changesets.extract(a)
    # As if A's code tables were newer: an ethnic group B has never heard of.
    rows = tuple(
        replace(row, values={**row.values, "ethnicity": "99"}) if row.id == str(pid) else row for row in changeset.rows
    )
    report = changesets.apply(b, replace(changeset, rows=rows))
    assert _row(b, Person, pid).ethnicity == "99"
    assert report.unknown_codes == [("ethnic_groups", "99")]
