"""Việc cần làm: tasks computed from cases, visits and priority households, plus manual ones; done,
snoozed, hidden from users who may not see them."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from desktop.errors import ValidationError
from desktop.services.casework import cases, dv_measures, task_sources, tasks
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from desktop.services.register import categories, households, members, people, visits
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput

TODAY = date.today()


@pytest.fixture
def home(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="021", village_id=register.village_a))
    wife = members.add_member(p, hid, PersonInput("Võ Thị Lài", "2", date(1992, 2, 2), "head"))
    son = members.add_member(p, hid, PersonInput("Võ Văn Tí", "1", date(2015, 5, 5), "child"))
    return p, hid, wife, son


def _standard(p) -> str:
    """The poverty standard of this year's poor and near-poor decisions."""
    return categories.standard_for("poor", TODAY.year, categories.poverty_standards(p))


def _kinds(found: list[task_sources.TaskDTO]) -> list[str]:
    return [task.kind for task in found]


def test_the_end_of_a_no_contact_order_is_a_task_until_done(home):
    p, hid, wife, _son = home
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, TODAY - timedelta(days=1), person_id=wife))
    ends = TODAY + timedelta(days=1)
    dv_measures.apply_measure(
        p, cid, MeasureInput("no_contact", TODAY - timedelta(days=1), "3/QĐ", TODAY - timedelta(days=1), ends, 100)
    )
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "no_contact_end"]
    assert (task.due, task.case_id, task.household_code, task.overdue) == (ends, cid, "021", False)
    assert tasks.open_tasks(p, today=ends + timedelta(days=1))[0].overdue  # overdue first
    tasks.complete(p, task.key)
    assert "no_contact_end" not in _kinds(tasks.open_tasks(p))


def test_a_child_plan_deadline_is_a_task_until_the_plan_is_approved(home):
    from desktop.services.casework import child

    p, hid, _wife, son = home
    intake = TODAY - timedelta(days=20)
    cid = cases.open_case(p, CaseInput("child_protection", hid, intake, person_id=son))
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "child_plan_due"]
    assert task.due == child.add_working_days(intake, 5) and task.overdue
    for step in ("initial_assessment", "detailed_assessment", "plan_approved"):
        child.advance(p, cid, to=step, on=intake + timedelta(days=2))
    assert "child_plan_due" not in _kinds(tasks.open_tasks(p))


def test_follow_ups_and_priority_households(home):
    p, hid, _wife, _son = home
    assert "priority_visit" not in _kinds(tasks.open_tasks(p))
    households.add_category(p, hid, category="poor", year=TODAY.year, poverty_standard=_standard(p))
    [never] = [t for t in tasks.open_tasks(p) if t.kind == "priority_visit"]
    assert never.due == TODAY and never.household_id == hid  # never visited: due now
    visits.record(
        p,
        hid,
        VisitInput(visited_on=TODAY, topics=("family_planning",), follow_up_on=TODAY + timedelta(days=3)),
    )
    found = tasks.open_tasks(p)
    assert "priority_visit" not in _kinds(found)  # just visited
    [follow] = [t for t in found if t.kind == "follow_up"]
    assert follow.due == TODAY + timedelta(days=3)


@pytest.mark.parametrize("category", ["policy", "ethnic_minority", "hardship"])
def test_policy_ethnic_minority_and_hardship_households_are_priority_as_plan_03_asks(home, category):
    p, hid, _wife, _son = home
    households.add_category(p, hid, category=category, year=TODAY.year)
    assert [t.household_id for t in tasks.open_tasks(p) if t.kind == "priority_visit"] == [hid]


def test_an_average_income_household_is_not_a_priority(home):
    p, hid, _wife, _son = home
    households.add_category(p, hid, category="average_income", year=TODAY.year)
    assert "priority_visit" not in _kinds(tasks.open_tasks(p))


def test_a_snoozed_task_comes_back_on_its_day_and_needs_a_reason(home):
    p, _hid, _wife, _son = home
    key = tasks.add_manual(p, title="Mang thuốc cho cụ Lành", due_on=TODAY)
    with pytest.raises(ValidationError):
        tasks.snooze(p, key, until=TODAY + timedelta(days=2), reason="  ")
    with pytest.raises(ValidationError):
        tasks.snooze(p, key, until=TODAY, reason="Cụ đi vắng")
    with pytest.raises(ValidationError):
        tasks.snooze(p, key, until=TODAY + timedelta(days=200), reason="Cụ đi vắng")
    tasks.snooze(p, key, until=TODAY + timedelta(days=2), reason="Cụ đi vắng")
    assert key not in {t.key for t in tasks.open_tasks(p)}
    assert key in {t.key for t in tasks.open_tasks(p, today=TODAY + timedelta(days=2))}


def test_manual_tasks_are_checked(home):
    p, hid, _wife, _son = home
    for bad in ({"title": " ", "due_on": TODAY}, {"title": "Gọi điện", "due_on": TODAY - timedelta(days=1)}):
        with pytest.raises(ValidationError):
            tasks.add_manual(p, **bad)
    key = tasks.add_manual(p, title="Gọi  điện   cho hộ 021", due_on=TODAY + timedelta(days=1), household_id=hid)
    [task] = [t for t in tasks.open_tasks(p) if t.key == key]
    assert (task.text, task.household_code) == ("Gọi điện cho hộ 021", "021")
    tasks.complete(p, key)
    with pytest.raises(ValidationError):
        tasks.complete(p, key)  # already done
    with pytest.raises(ValidationError):
        tasks.complete(p, f"manual:{uuid.uuid4()}")


def test_a_ctv_sees_neither_other_villages_nor_case_tasks_without_the_permission(home, register):
    p, hid, wife, _son = home
    households.add_category(p, hid, category="poor", year=TODAY.year, poverty_standard=_standard(p))
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, TODAY, person_id=wife))
    dv_measures.apply_measure(p, cid, MeasureInput("no_contact", TODAY, "", TODAY, TODAY + timedelta(days=2), 100))
    users.add_user(p, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_b,)), "hoa giữ thôn trung")
    users.add_user(p, UserInput("Lê Thị Mơ", Role.CTV, villages=(register.village_a,)), "mơ giữ thôn đông")
    other = profile_service.unlock(p.paths, "Trần Thị Hoa", "hoa giữ thôn trung")
    same = profile_service.unlock(p.paths, "Lê Thị Mơ", "mơ giữ thôn đông")
    try:
        assert tasks.open_tasks(other) == []
        assert _kinds(tasks.open_tasks(same)) == ["priority_visit"]  # the household, not the case's order
        assert sorted(_kinds(tasks.open_tasks(p))) == ["no_contact_end", "priority_visit"]
    finally:
        other.close()
        same.close()


def test_counts_put_overdue_first(home):
    p, _hid, _wife, _son = home
    tasks.add_manual(p, title="Việc hôm nay", due_on=TODAY)
    tasks.add_manual(p, title="Việc ngày mai", due_on=TODAY + timedelta(days=1))
    later = TODAY + timedelta(days=1)
    found = tasks.open_tasks(p, today=later)
    assert [t.text for t in found] == ["Việc hôm nay", "Việc ngày mai"]
    assert tasks.counts(found, later) == tasks.TaskCounts(total=2, overdue=1, due_today=1)


def test_a_pregnancy_makes_the_household_a_priority_until_it_ends(home):
    p, hid, wife, _son = home
    people.record_care_event(p, wife, kind="pregnancy", on=TODAY - timedelta(days=30), details={"stage": "detected"})
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "priority_visit"]
    assert task.household_id == hid
    people.record_care_event(p, wife, kind="pregnancy", on=TODAY, details={"stage": "ended"})
    assert "priority_visit" not in _kinds(tasks.open_tasks(p))


def test_a_newborn_without_screening_is_a_task_until_screened(home):
    p, hid, wife, _son = home
    born = TODAY - timedelta(days=10)
    baby = people.record_birth(p, hid, PersonInput("Võ Văn Nhỏ", "1", born, "child"), mother_id=wife)
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "newborn_screening_due"]
    assert (task.due, task.text, task.overdue) == (born + timedelta(days=7), "Võ Văn Nhỏ", True)
    people.record_care_event(
        p,
        baby,
        kind="newborn_screening",
        on=born + timedelta(days=2),
        details={"results": {"congenital_hearing_loss": "normal"}},
    )
    assert "newborn_screening_due" not in _kinds(tasks.open_tasks(p))


def test_a_pregnancy_without_prenatal_screening_is_a_task_until_screened(home):
    p, _hid, wife, _son = home
    found = TODAY - timedelta(days=40)
    people.record_care_event(p, wife, kind="pregnancy", on=found, details={"stage": "detected"})
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "prenatal_screening_due"]
    assert (task.due, task.text, task.overdue) == (found + timedelta(days=28), "Võ Thị Lài", True)
    # A screening before this pregnancy was found does not count for it.
    people.record_care_event(
        p,
        wife,
        kind="prenatal_screening",
        on=found - timedelta(days=1),
        details={"week": 12, "results": {"down_syndrome": "normal"}},
    )
    assert "prenatal_screening_due" in _kinds(tasks.open_tasks(p))
    people.record_care_event(
        p,
        wife,
        kind="prenatal_screening",
        on=TODAY - timedelta(days=2),
        details={"week": 12, "results": {"down_syndrome": "normal"}},
    )
    assert "prenatal_screening_due" not in _kinds(tasks.open_tasks(p))


def test_a_case_entry_with_a_follow_up_day_is_a_task_until_a_later_entry(home):
    from desktop.services.casework import timeline
    from desktop.services.casework.timeline import ActionInput

    p, hid, wife, _son = home
    cid = cases.open_case(
        p, CaseInput("other_support", hid, TODAY - timedelta(days=20), person_id=wife, support_kind="elderly_alone")
    )
    timeline.record(
        p, cid, ActionInput("support", TODAY - timedelta(days=10), "Gạo", follow_up_on=TODAY - timedelta(days=1))
    )
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "case_follow_up"]
    assert (task.case_id, task.due, task.overdue) == (cid, TODAY - timedelta(days=1), True)
    timeline.record(p, cid, ActionInput("note", TODAY, "Đã gặp lại, ổn"))
    assert "case_follow_up" not in _kinds(tasks.open_tasks(p))
    # A follow-up more than a week ahead is not listed yet.
    timeline.record(p, cid, ActionInput("note", TODAY, "Hẹn tháng sau", follow_up_on=TODAY + timedelta(days=30)))
    assert "case_follow_up" not in _kinds(tasks.open_tasks(p))
    assert "case_follow_up" in _kinds(tasks.open_tasks(p, today=TODAY + timedelta(days=25)))


def test_the_priority_visit_interval_is_the_notebook_s_own(home):
    p, hid, _wife, _son = home
    households.add_category(p, hid, category="near_poor", year=TODAY.year, poverty_standard=_standard(p))
    visits.record(p, hid, VisitInput(visited_on=TODAY - timedelta(days=20), topics=("family_planning",)))
    assert tasks.priority_visit_days(p) == 90 and "priority_visit" not in _kinds(tasks.open_tasks(p))
    tasks.set_priority_visit_days(p, 14)
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "priority_visit"]
    assert task.due == TODAY - timedelta(days=6) and task.overdue
    for bad in (6, 366, 0):
        with pytest.raises(ValidationError):
            tasks.set_priority_visit_days(p, bad)
    assert tasks.priority_visit_days(p) == 14
