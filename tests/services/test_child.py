"""A child-protection case: only children, the groups of Art. 10, the steps of Decree 56/2017 in order,
and the plan due within 5 working days of intake."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.errors import ValidationError
from desktop.services.casework import cases, child, child_forms
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_forms import ReviewInput
from desktop.services.profile.access import PermissionDeniedError
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

INTAKE = date(2026, 9, 4)  # a Friday


@pytest.fixture
def family(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="012", village_id=register.village_a))
    mother = members.add_member(p, hid, PersonInput("Lê Thị Hoa", "2", date(1988, 1, 1), "head"))
    son = members.add_member(p, hid, PersonInput("Lê Văn An", "1", date(2014, 6, 1), "child"))
    return p, hid, mother, son


@pytest.mark.parametrize(
    ("born", "accepted"),
    [
        (date(2010, 9, 5), True),  # 15 on the intake day, 16 tomorrow
        (date(2010, 9, 4), False),  # 16 on the intake day itself
        (date(2009, 1, 1), False),  # 17: a young person, no longer a child (Luật Trẻ em 2016, Art. 1)
    ],
)
def test_a_child_is_a_person_under_16_on_the_day_the_case_opens(family, born, accepted):
    p, hid, _mother, _son = family
    teen = members.add_member(p, hid, PersonInput("Lê Thị Mai", "2", born, "child"))
    data = CaseInput("child_protection", hid, INTAKE, person_id=teen)
    if accepted:
        cases.open_case(p, data)
        assert len(cases.list_cases(p)) == 1
        return
    with pytest.raises(ValidationError) as refused:
        cases.open_case(p, data)
    assert dict(refused.value.problems[0].params)["adult"] == 16
    assert cases.list_cases(p) == []


def test_a_child_case_is_only_for_a_child(family):
    p, hid, mother, _son = family
    with pytest.raises(ValidationError) as refused:
        cases.open_case(p, CaseInput("child_protection", hid, INTAKE, person_id=mother))
    assert dict(refused.value.problems[0].params)["age"] == 38
    with pytest.raises(ValidationError):
        cases.open_case(p, CaseInput("child_protection", hid, INTAKE))  # no child named
    assert cases.list_cases(p) == []


def test_the_steps_go_in_order_and_the_plan_cannot_be_skipped(family):
    p, hid, _mother, son = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, INTAKE, person_id=son))
    first = child.state(p, cid)
    assert (first.stage, first.next_step) == ("received", "initial_assessment")
    assert first.plan_due == date(2026, 9, 11)  # 5 working days after a Friday: the next Friday
    child.advance(p, cid, to="initial_assessment", on=INTAKE)
    child.advance(p, cid, to="detailed_assessment", on=INTAKE + timedelta(days=3))
    with pytest.raises(ValidationError) as skipped:
        child.advance(p, cid, to="in_progress", on=INTAKE + timedelta(days=4))
    assert "Lập kế hoạch" in str(dict(skipped.value.problems[0].params)["next"])
    assert child.state(p, cid).stage == "detailed_assessment"
    planned = child.advance(p, cid, to="plan_approved", on=INTAKE + timedelta(days=5))
    assert planned.plan_due is None and planned.reached["plan_approved"] == INTAKE + timedelta(days=5)
    for step, offset in (("in_progress", 6), ("monitoring", 20)):
        child.advance(p, cid, to=step, on=INTAKE + timedelta(days=offset))
    with pytest.raises(ValidationError):  # not without the review of Mẫu 06
        child.advance(p, cid, to="closed", on=INTAKE + timedelta(days=40))
    child_forms.record_review(p, cid, ReviewInput(INTAKE + timedelta(days=39), "low", "low", "low", "high"))
    child.advance(p, cid, to="closed", on=INTAKE + timedelta(days=40))
    assert cases.detail(p, cid).state == "closed"
    with pytest.raises(PermissionDeniedError):
        child.advance(p, cid, to="monitoring", on=INTAKE + timedelta(days=41))


def test_a_step_cannot_be_dated_before_the_one_before_it(family):
    p, hid, _mother, son = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, INTAKE, person_id=son))
    with pytest.raises(ValidationError):
        child.advance(p, cid, to="initial_assessment", on=INTAKE - timedelta(days=1))
    assert child.state(p, cid).stage == "received"


def test_groups_of_article_10(family):
    p, hid, _mother, son = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, INTAKE, person_id=son))
    child.set_groups(p, cid, ("l", "i"))
    for bad in ((), ("z",)):
        with pytest.raises(ValidationError):
            child.set_groups(p, cid, bad)
    with p.sessions() as session:
        from db.models.casework import SupportCase

        assert session.get(SupportCase, cid).groups == ["i", "l"]  # in the law's order


def test_working_days_skip_the_weekend():
    assert child.add_working_days(date(2026, 11, 30), 5) == date(2026, 12, 7)  # Monday → next Monday
    assert child.add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)  # Saturday → Monday
