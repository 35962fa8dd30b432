"""A child's support plan: items after the plan step, planned → done or dropped, overdue items as tasks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.errors import ValidationError
from desktop.services.casework import cases, child, child_plan, tasks
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

TODAY = date.today()
INTAKE = TODAY - timedelta(days=20)


@pytest.fixture
def case(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="041", village_id=register.village_a))
    members.add_member(p, hid, PersonInput("Hồ Thị Mẹ", "2", date(1985, 1, 1), "head"))
    kid = members.add_member(p, hid, PersonInput("Hồ Văn Con", "1", date(2015, 1, 1), "child"))
    return p, cases.open_case(p, CaseInput("child_protection", hid, INTAKE, person_id=kid))


def _plan(p, cid) -> None:
    for step in ("initial_assessment", "detailed_assessment", "plan_approved"):
        child.advance(p, cid, to=step, on=INTAKE + timedelta(days=3))


def test_items_belong_to_an_approved_plan(case):
    p, cid = case
    item = PlanItemInput("Đưa cháu đi khám tâm lý", "Trạm Y tế xã", TODAY + timedelta(days=5))
    with pytest.raises(ValidationError):
        child_plan.add_item(p, cid, item)  # the plan step is not reached yet
    _plan(p, cid)
    child_plan.add_item(p, cid, item)
    [listed] = child_plan.items(p, cid)
    assert (listed.action, listed.responsible, listed.status, listed.overdue) == (
        item.action,
        item.responsible,
        "planned",
        False,
    )


def test_an_item_past_its_day_is_a_task_until_done(case):
    p, cid = case
    _plan(p, cid)
    late = child_plan.add_item(p, cid, PlanItemInput("Thăm lại gia đình", "CTV thôn", TODAY - timedelta(days=1)))
    [task] = [t for t in tasks.open_tasks(p) if t.kind == "plan_item_due"]
    assert (task.due, task.overdue, task.case_id, task.text) == (
        TODAY - timedelta(days=1),
        True,
        cid,
        "Thăm lại gia đình",
    )
    child_plan.set_status(p, late, status="done", on=TODAY)
    assert "plan_item_due" not in {t.kind for t in tasks.open_tasks(p)}
    with pytest.raises(ValidationError):
        child_plan.set_status(p, late, status="dropped", on=TODAY)  # finished items do not change


@pytest.mark.parametrize(
    "bad",
    [
        PlanItemInput("", "Trạm Y tế xã", TODAY),
        PlanItemInput("Khám", "", TODAY),
        PlanItemInput("Khám", "Trạm Y tế xã", None),
        PlanItemInput("Khám", "Trạm Y tế xã", INTAKE - timedelta(days=1)),
    ],
)
def test_bad_items_are_refused_and_nothing_saved(case, bad):
    p, cid = case
    _plan(p, cid)
    with pytest.raises(ValidationError):
        child_plan.add_item(p, cid, bad)
    assert child_plan.items(p, cid) == []
