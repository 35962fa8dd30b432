"""Roles and the protection permission, enforced by the services themselves (architecture.md §6).

Each user logs in for real (`profile.unlock`) on the same profile folder; nothing here bypasses the
services to check a permission.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select

from db.models.casework import ManualTask, SupportCase
from db.models.directory import DirectoryUser
from db.models.profile import AuditEvent
from db.models.register import Household, Person, Visit
from desktop.errors import NotFoundError, ValidationError
from desktop.security.keystore import WrongPassphraseError
from desktop.services import dashboard
from desktop.services.casework import cases, tasks
from desktop.services.casework.cases import CaseInput
from desktop.services.profile import audit, directory, users
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.handle import Profile
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members, people, search, visits
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput

DAY = date(2025, 3, 10)
CTV, CTV_PASS = "Trần Thị Hoa", "hoa giữ thôn đông"
GUARD, GUARD_PASS = "Lê Thị Mai", "mai bảo vệ trẻ em"
HUB, HUB_PASS = "Cán bộ tuyến trên", "chỉ đọc thôi nhé"
SECRET_SUMMARY = "Chồng đánh vợ nhiều lần, hàng xóm báo"


@dataclass
class Commune:
    officer: Profile
    east: uuid.UUID  # a household in the CTV's village
    west: uuid.UUID  # a household in another village
    east_person: uuid.UUID
    west_person: uuid.UUID
    case: uuid.UUID  # opened by the officer in the east household


@pytest.fixture
def commune(register) -> Commune:
    officer = register.profile
    east = households.create(officer, HouseholdInput(code="E01", village_id=register.village_a, address="Xóm Đông"))
    west = households.create(officer, HouseholdInput(code="W01", village_id=register.village_b, address="Xóm Tây"))
    east_person = members.add_member(officer, east, PersonInput("Phan Văn Đông", "1", date(1980, 5, 1), "head"))
    west_person = members.add_member(officer, west, PersonInput("Hồ Thị Tây", "2", date(1985, 6, 1), "head"))
    visits.record(officer, west, VisitInput(visited_on=DAY, topics=("family_planning",)))
    case = cases.open_case(
        officer, CaseInput("domestic_violence", east, DAY, person_id=east_person, summary=SECRET_SUMMARY)
    )
    users.add_user(officer, UserInput(CTV, Role.CTV, villages=(register.village_a,)), CTV_PASS)
    users.add_user(officer, UserInput(GUARD, Role.CTV, protection=True, villages=(register.village_a,)), GUARD_PASS)
    users.add_user(officer, UserInput(HUB, Role.HUB), HUB_PASS)
    return Commune(officer, east, west, east_person, west_person, case)


@pytest.fixture
def login(commune) -> Iterator:
    opened: list[Profile] = []

    def as_user(name: str, passphrase: str) -> Profile:
        profile = profile_service.unlock(commune.officer.paths, name, passphrase)
        opened.append(profile)
        return profile

    yield as_user
    for profile in opened:
        profile.close()


# A collaborator keeps their own villages #####################################################


def test_a_ctv_lists_and_finds_only_households_of_their_villages(commune, login):
    ctv = login(CTV, CTV_PASS)
    assert list(households.list_ids(ctv)) == [commune.east]
    assert list(households.list_ids(ctv, "xom")) == [commune.east]
    assert {hit.household_id for hit in search.search(ctv, "tây")} == set()
    assert {hit.household_id for hit in search.search(ctv, "đông")} == {commune.east}
    assert households.find_by_code(ctv, "W01") is None
    assert [row.id for row in households.rows(ctv, [commune.east, commune.west])] == [commune.east]
    # the officer sees both
    assert set(households.list_ids(commune.officer)) == {commune.east, commune.west}


def test_a_ctv_cannot_read_another_villages_household_person_or_visits(commune, login):
    ctv = login(CTV, CTV_PASS)
    for read in (
        lambda: households.detail(ctv, commune.west),
        lambda: members.get(ctv, commune.west_person),
        lambda: visits.for_household(ctv, commune.west),
        lambda: cases.for_household(ctv, commune.west),
    ):
        with pytest.raises(PermissionDeniedError) as denied:
            read()
        assert denied.value.exit_code == 2
        assert "village" in denied.value.message
    assert households.detail(ctv, commune.east).code == "E01"
    assert visits.for_period(ctv, date(2025, 1, 1), date(2025, 12, 31)) == []
    assert len(visits.for_period(commune.officer, date(2025, 1, 1), date(2025, 12, 31))) == 1


def test_a_ctv_cannot_change_another_village_and_nothing_is_saved(commune, login, register):
    ctv = login(CTV, CTV_PASS)
    before = _counts(commune.officer)
    attempts = (
        lambda: households.create(ctv, HouseholdInput(code="W02", village_id=register.village_b)),
        lambda: households.update(ctv, commune.west, HouseholdInput(code="W01", village_id=register.village_b)),
        lambda: households.update(ctv, commune.east, HouseholdInput(code="E01", village_id=register.village_b)),
        lambda: members.add_member(ctv, commune.west, PersonInput("Hồ Văn Mới", "1", date(2000, 1, 1), "child")),
        lambda: people.record_death(ctv, commune.west_person, died_on=DAY),
        lambda: people.transfer_member(ctv, commune.east_person, commune.west, relationship="other", on=DAY),
        lambda: visits.record(ctv, commune.west, VisitInput(visited_on=DAY, topics=("other",))),
        lambda: cases.open_case(ctv, CaseInput("other_support", commune.west, DAY, support_kind="elderly_alone")),
        lambda: households.add_category(ctv, commune.west, category="poor", year=2025, poverty_standard="nd07_2021"),
    )
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError):
            attempt()
    assert _counts(commune.officer) == before
    # their own village works
    members.add_member(ctv, commune.east, PersonInput("Phan Thị Con", "2", date(2010, 1, 1), "child"))


def test_a_duplicate_warning_never_names_people_of_other_villages(commune, login):
    ctv = login(CTV, CTV_PASS)
    assert members.find_duplicates(ctv, "Hồ Thị Tây", date(1985, 6, 1)) == []
    assert len(members.find_duplicates(commune.officer, "Hồ Thị Tây", date(1985, 6, 1))) == 1


def test_the_dashboard_counts_only_the_ctvs_villages(commune, login):
    ctv = login(CTV, CTV_PASS)
    assert dashboard.month_counts(ctv).events <= dashboard.month_counts(commune.officer).events
    assert all(due.household_id == commune.east for due in dashboard.follow_ups_due(ctv, within_days=3650))


def test_a_ctv_sees_only_their_own_audit_events(commune, login):
    ctv = login(CTV, CTV_PASS)
    assert audit.events(ctv) == []
    members.add_member(ctv, commune.east, PersonInput("Phan Văn Út", "1", date(2012, 2, 2), "child"))
    assert {event.user for event in audit.events(ctv)} == {CTV}
    assert len({event.user for event in audit.events(commune.officer, limit=500)}) == 2


# Case content needs the protection permission ##############################################


def test_without_protection_a_ctv_sees_that_a_case_exists_never_its_content(commune, login):
    ctv = login(CTV, CTV_PASS)
    [item] = cases.for_household(ctv, commune.east)
    assert (item.id, item.owner, item.state, item.kind) == (commune.case, "Nguyễn Thị Lan", "open", None)
    assert [c.kind for c in cases.list_cases(ctv)] == [None]
    with pytest.raises(PermissionDeniedError) as denied:
        cases.detail(ctv, commune.case)
    assert denied.value.params == {"owner": "Nguyễn Thị Lan"}
    assert SECRET_SUMMARY not in repr(denied.value)


def test_with_protection_the_content_is_readable(commune, login):
    guard = login(GUARD, GUARD_PASS)
    detail = cases.detail(guard, commune.case)
    assert (detail.kind, detail.summary, detail.person_name) == ("domestic_violence", SECRET_SUMMARY, "Phan Văn Đông")
    assert cases.for_household(guard, commune.east)[0].kind == "domestic_violence"


def test_without_the_permission_a_ctv_cannot_open_a_case_and_loses_their_own_when_it_is_taken(commune, login):
    """The content is sealed for the permission's holders: nobody else can write it, and a case's owner
    whose permission is taken away no longer reads it either."""
    ctv = login(CTV, CTV_PASS)
    with pytest.raises(PermissionDeniedError):
        cases.open_case(ctv, CaseInput("other_support", commune.east, DAY, summary="x", support_kind="elderly_alone"))
    guard = login(GUARD, GUARD_PASS)
    mine = cases.open_case(
        guard,
        CaseInput("other_support", commune.east, DAY, summary="Cụ ông sống một mình", support_kind="elderly_alone"),
    )
    assert cases.detail(guard, mine).summary == "Cụ ông sống một mình"
    users.set_protection(commune.officer, users.find_user(commune.officer, GUARD).id, False)
    guard = login(GUARD, GUARD_PASS)
    with pytest.raises(PermissionDeniedError):
        cases.detail(guard, mine)
    assert {item.id: item.kind for item in cases.for_household(guard, commune.east)} == {mine: None, commune.case: None}


def test_the_audit_log_keeps_only_that_case_content_was_written(commune):
    with commune.officer.sessions() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.table_name == "support_cases")).one()
    summary = json.loads(event.summary)
    assert summary["protected"] == [None, "changed"]
    assert {"summary", "kind"}.isdisjoint(summary)
    assert "domestic" not in event.summary and str(commune.east_person) not in event.summary
    assert "chars" not in event.summary


def test_bad_case_input_is_refused_and_nothing_saved(commune, register):
    officer = commune.officer
    for bad in (
        CaseInput("witchcraft", commune.east, DAY),
        CaseInput("other_support", commune.east, date(2999, 1, 1), support_kind="elderly_alone"),
        CaseInput("other_support", commune.east, DAY, person_id=commune.west_person, support_kind="elderly_alone"),
    ):
        with pytest.raises(ValidationError):
            cases.open_case(officer, bad)
    assert len(cases.list_cases(officer)) == 1


# Hub operators read; users are managed by officers ###########################################


def test_a_hub_operator_reads_everything_and_changes_nothing(commune, login, register):
    hub = login(HUB, HUB_PASS)
    assert set(households.list_ids(hub)) == {commune.east, commune.west}
    assert households.detail(hub, commune.west).code == "W01"
    with pytest.raises(PermissionDeniedError) as denied:
        households.create(hub, HouseholdInput(code="H01", village_id=register.village_a))
    assert "hub operator" in denied.value.message
    with pytest.raises(PermissionDeniedError):
        cases.detail(hub, commune.case)  # reading case content still needs the permission


def test_only_an_officer_manages_users(commune, login, register):
    ctv = login(CTV, CTV_PASS)
    with pytest.raises(PermissionDeniedError):
        users.add_user(ctv, UserInput("Kẻ Lạ", Role.OFFICER), "một mật khẩu dài")
    listed = {u.name: u for u in users.list_users(commune.officer)}
    assert listed[CTV].role is Role.CTV and listed[CTV].villages == (register.village_a,)
    assert listed[GUARD].protection and not listed[CTV].protection
    assert listed["Nguyễn Thị Lan"].is_current


def test_a_removed_user_can_no_longer_log_in_and_an_officer_cannot_remove_themselves(commune, login):
    listed = {u.name: u for u in users.list_users(commune.officer)}
    users.remove_user(commune.officer, listed[CTV].id)
    with pytest.raises(WrongPassphraseError):
        login(CTV, CTV_PASS)
    with pytest.raises(ValidationError):
        users.remove_user(commune.officer, listed["Nguyễn Thị Lan"].id)
    assert CTV not in profile_service.user_names(commune.officer.paths)


def test_a_changed_role_applies_at_the_next_login(commune, login, register):
    listed = {u.name: u for u in users.list_users(commune.officer)}
    users.update_user(commune.officer, listed[CTV].id, UserInput(CTV, Role.CTV, villages=(register.village_b,)))
    ctv = login(CTV, CTV_PASS)
    assert list(households.list_ids(ctv)) == [commune.west]


def test_bad_user_input_is_refused(commune, register):
    officer = commune.officer
    for data, passphrase in (
        (UserInput("Người Mới", Role.CTV), "đủ dài rồi đó"),  # a CTV without villages
        (UserInput("Người Mới", Role.CTV, villages=(uuid.uuid4(),)), "đủ dài rồi đó"),
        (UserInput(CTV.upper(), Role.OFFICER), "đủ dài rồi đó"),  # the same name, other case
        (UserInput("Người Mới", Role.OFFICER), "ngắn"),
        (UserInput("   ", Role.OFFICER), "đủ dài rồi đó"),
    ):
        with pytest.raises(ValidationError):
            users.add_user(officer, data, passphrase)
    assert len(users.list_users(officer)) == 4
    assert len(profile_service.user_names(officer.paths)) == 4


def _counts(profile: Profile) -> tuple[int, ...]:
    with profile.sessions() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Household, Person, Visit, SupportCase, AuditEvent)
        )


# People by id: the user directory #############################################################


def _directory_row(profile: Profile, user_id: uuid.UUID) -> DirectoryUser:
    with profile.sessions() as session:
        row = session.get(DirectoryUser, user_id)
        assert row is not None
        session.expunge(row)
        return row


def test_the_directory_follows_a_users_role_villages_permission_and_removal(commune, register):
    officer = commune.officer
    hoa = users.find_user(officer, CTV)
    row = _directory_row(officer, hoa.id)
    assert (row.name, row.role, row.protection, row.villages, row.disabled_at) == (
        CTV,
        "ctv",
        False,
        [register.village_a.hex],
        None,
    )
    users.update_user(officer, hoa.id, UserInput(CTV, Role.CTV, villages=(register.village_a, register.village_b)))
    assert set(_directory_row(officer, hoa.id).villages) == {register.village_a.hex, register.village_b.hex}
    users.update_user(officer, hoa.id, UserInput(CTV, Role.OFFICER))
    assert _directory_row(officer, hoa.id).role == "officer"
    users.remove_user(officer, hoa.id)
    assert _directory_row(officer, hoa.id).disabled_at is not None
    # The officer who set the profile up has their row too: the cases they open name them by it.
    assert _directory_row(officer, officer.user.id).name == officer.user.name
    with officer.sessions() as session:
        assert directory.id_of(session, " trần thị HOA ") == hoa.id  # as the command line takes a name
        with pytest.raises(NotFoundError):
            directory.id_of(session, "Không Có Ai")


def test_a_case_of_another_hoa_stays_theirs_and_is_not_opened_by_the_hoa_of_this_device(commune, login):
    """A copy merged from another laptop brings its own "Trần Thị Hoa", who owns a case here."""
    officer = commune.officer
    other = uuid.uuid4()
    with officer.sessions.begin() as session:
        session.add(DirectoryUser(id=other, name=CTV, role="ctv", protection=True, villages=[]))
        session.get(SupportCase, commune.case).owner_id = other
    ctv = login(CTV, CTV_PASS)
    assert ctv.user.id != other
    [item] = cases.for_household(ctv, commune.east)
    assert (item.owner, item.owner_id, item.kind) == (CTV, other, None)
    with pytest.raises(PermissionDeniedError):
        cases.detail(ctv, commune.case)


def test_a_case_and_a_task_are_owned_by_the_users_id(commune, login):
    guard = login(GUARD, GUARD_PASS)
    mine = cases.open_case(guard, CaseInput("other_support", commune.east, DAY, support_kind="elderly_alone"))
    key = tasks.add_manual(guard, title="Mang thuốc cho cụ", due_on=guard.today(), household_id=commune.east)
    with guard.sessions() as session:
        assert session.get(SupportCase, mine).owner_id == guard.user.id
        assert session.get(ManualTask, uuid.UUID(key.removeprefix("manual:"))).owner_id == guard.user.id
    assert cases.detail(guard, mine).owner == GUARD
