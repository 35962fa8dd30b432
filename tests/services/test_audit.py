"""Real service calls leave the right audit events; the service lists them and checks the chain."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from db import audit as chain
from db.models.directory import DirectoryUser
from db.session import USER_KEY
from desktop.errors import ValidationError
from desktop.services.profile import audit
from desktop.services.register import households, members, visits
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput


def adult(name: str, *, rel: str = "other", born: date = date(1980, 5, 1), notes: str = "") -> PersonInput:
    return PersonInput(full_name=name, sex="1", birth_date=born, relationship=rel, notes=notes)


@pytest.fixture
def household(register):
    p = register.profile
    return p, households.create(p, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))


def test_household_create_is_one_create_event_with_its_fields(household):
    p, hid = household
    [event] = audit.events(p, record_id=hid)
    assert (event.action, event.table_name, event.record_id) == ("create", "households", str(hid))
    assert event.summary["code"] == [None, "012"] and event.summary["address"] == [None, "Xóm 3"]
    assert "address_folded" not in event.summary and "usn" not in event.summary
    assert event.user == "Nguyễn Thị Lan" and event.device == p.device_id


def test_adding_the_head_creates_the_person_and_updates_the_household(household):
    p, hid = household
    pid = members.add_member(p, hid, adult("Đặng Văn Hùng", rel="head"))
    [created] = audit.events(p, record_id=pid)
    assert (created.action, created.table_name) == ("create", "people")
    assert created.summary["full_name"] == [None, "Đặng Văn Hùng"]
    assert created.summary["birth_date"] == [None, "1980-05-01"]
    newest = audit.events(p, record_id=hid)[0]
    assert (newest.action, newest.summary) == ("update", {"head_person_id": [None, str(pid)]})
    assert newest.id == created.id + 1  # same transaction, next link


def test_update_member_records_old_and_new_values_only(household):
    p, hid = household
    pid = members.add_member(p, hid, adult("Đặng Văn Hùng"))
    members.update_member(p, pid, adult("Đặng Văn Hưng", born=date(1981, 5, 1), notes="Bị bạo lực gia đình"))
    latest = audit.events(p, record_id=pid)[0]
    assert latest.action == "update"
    assert latest.summary == {
        "full_name": ["Đặng Văn Hùng", "Đặng Văn Hưng"],
        "birth_date": ["1980-05-01", "1981-05-01"],
        "birth_year": [1980, 1981],
        "notes": [{"chars": 0}, {"chars": len("Bị bạo lực gia đình")}],  # never the text itself
    }


def test_a_visit_is_recorded_without_its_notes(household):
    p, hid = household
    vid = visits.record(
        p,
        hid,
        VisitInput(
            visited_on=p.today(),
            topics=("child_protection",),
            notes="Nghi trẻ bị bạo hành; hẹn quay lại",
            follow_up_on=p.today() + timedelta(days=14),
        ),
    )
    [event] = audit.events(p, record_id=vid)
    assert (event.action, event.table_name) == ("create", "visits")
    assert event.summary["topics"] == [None, '["child_protection"]']
    assert event.summary["notes"] == [None, {"chars": len("Nghi trẻ bị bạo hành; hẹn quay lại")}]
    assert "bạo hành" not in repr(event.summary)


def test_a_refused_call_records_nothing(household):
    p, hid = household
    before = audit.events(p)
    with pytest.raises(ValidationError):
        members.add_member(p, hid, adult(""))
    with pytest.raises(ValidationError):
        households.create(p, HouseholdInput(code="012", village_id=None))
    assert audit.events(p) == before
    assert audit.verify(p).ok


def test_events_filter_by_user_page_back_and_come_newest_first(household):
    p, hid = household
    p.sessions.configure(info={**p.sessions.kw["info"], USER_KEY: "Trần Văn Bình"})
    members.add_member(p, hid, adult("Lê Văn Nam"))
    by_binh = audit.events(p, user="Trần Văn Bình")
    assert [(e.table_name, e.user) for e in by_binh] == [("people", "Trần Văn Bình")]
    everything = audit.events(p)
    assert [e.id for e in everything] == sorted((e.id for e in everything), reverse=True)
    page = audit.events(p, limit=2, before_id=everything[0].id)
    assert [e.id for e in page] == [e.id for e in everything[1:3]]
    assert audit.events(p, record_id=hid.hex)[0].record_id == str(hid)  # the hex form finds it too


def test_verify_names_an_event_changed_outside_the_app(household):
    p, hid = household
    members.add_member(p, hid, adult("Lê Văn Nam"))
    report = audit.verify(p)
    assert report.ok and report.checked == 5  # the first user's directory row, 2 villages, the household, the person
    with p.engine.begin() as conn:
        conn.execute(text('UPDATE audit_events SET summary = \'{"code":[null,"013"]}\' WHERE id = 4'))
    report = audit.verify(p)
    assert (report.ok, report.broken_id, report.reason) == (False, 4, chain.HASH_MISMATCH)
    assert (report.broken_table, report.broken_record) == ("households", str(hid))
    [listed] = audit.events(p, record_id=hid)
    assert listed.summary == {"code": [None, "013"]}  # listing still works; verify is what tells


def test_a_users_events_are_found_by_id_after_their_name_is_written_differently(household):
    """Her events carry her directory id: after another laptop writes her name differently (the directory
    row changes by sync), the filter by her id still finds all of them, and none written for someone else."""
    p, hid = household
    members.add_member(p, hid, adult("Lê Văn Nam"))
    mine = audit.events(p, user_id=p.user.id)
    assert {"households", "people"} <= {e.table_name for e in mine}
    assert {e.user_id for e in mine} == {str(p.user.id)}
    with p.sessions.begin() as session:
        session.get(DirectoryUser, p.user.id).name = "Nguyễn thị Lan"
    p.sessions.configure(info={**p.sessions.kw["info"], USER_KEY: "Trần Văn Bình"})
    members.add_member(p, hid, adult("Lê Thị Na"))
    after = audit.events(p, user_id=p.user.id.hex)  # the hex form of the id finds them too
    assert [e.id for e in after[1:]] == [e.id for e in mine] and after[0].table_name == "directory_users"
    assert [e.user for e in audit.events(p, user="Trần Văn Bình")] == ["Trần Văn Bình"]
    assert audit.writer_id(p, " nguyễn thị lan ") == p.user.id and audit.writer_id(p, "system") is None
