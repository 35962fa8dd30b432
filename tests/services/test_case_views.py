"""The read functions behind the case window: a DV case's acts, measures and referrals, a child case's
groups and steps, the closing outcome, and the live checks of opening a case; all behind the
confidentiality check."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services.casework import cases, child, dv, dv_measures
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

DAY = date.today() - timedelta(days=10)


@pytest.fixture
def family(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="007", village_id=register.village_a))
    mother = members.add_member(p, hid, PersonInput("Trần Thị Mai", "2", date(1990, 3, 1), "head"))
    son = members.add_member(p, hid, PersonInput("Trần Văn Nam", "1", date(2016, 5, 1), "child"))
    return p, hid, mother, son


def test_the_dv_view_has_acts_measures_and_referrals_latest_first(family):
    p, hid, mother, _son = family
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=mother))
    empty = dv.view(p, cid)
    assert (empty.acts, empty.measures, empty.referrals, empty.summary.types) == ((), (), (), ())
    dv.record_acts(p, cid, ActsInput(("b", "a"), "married", harm="Bầm tím", recurrence_12m=3))
    dv_measures.apply_measure(p, cid, MeasureInput("stop_violence", DAY, "1/QĐ"))
    order = MeasureInput(
        "no_contact", DAY + timedelta(days=1), "2/QĐ", DAY + timedelta(days=1), DAY + timedelta(days=3), 150
    )
    dv_measures.apply_measure(p, cid, order)
    rid = dv_measures.refer(p, cid, body="commune_police", sent_on=DAY)
    view = dv.view(p, cid)
    assert view.acts == ("a", "b") and view.harm == "Bầm tím" and view.relationship_context == "married"
    assert view.summary.types == ("physical", "mental") and view.summary.criticism_eligible
    assert [m.measure for m in view.measures] == ["no_contact", "stop_violence"]
    assert (view.measures[0].ends_on, view.measures[0].distance_m) == (DAY + timedelta(days=3), 150)
    [referral] = view.referrals
    assert (referral.id, referral.status, referral.next_statuses) == (rid, "sent", ("received", "declined"))


def test_code_facts_for_the_forms(register):
    with register.profile.sessions() as session:
        assert dv.act_types(session)["i"] == "sexual"
        limits = dv_measures.measure_limits(session)
        assert limits["no_contact"] == dv_measures.MeasureLimits(3, 100)
        assert limits["shelter"] == dv_measures.MeasureLimits(None, None)
    four = MeasureInput("no_contact", DAY, starts_on=DAY, ends_on=DAY + timedelta(days=3), distance_m=100)
    [problem] = dv_measures.measure_problems(register.profile, four)
    assert problem.field == "ends_on"
    assert [f.field for f in dv.acts_problems(register.profile, ActsInput((), "married"))] == ["acts"]


def test_closing_outcome_and_child_view(family):
    p, hid, mother, son = family
    cid = cases.open_case(p, CaseInput("other_support", hid, DAY, person_id=mother, support_kind="elderly_alone"))
    dv.close_case(p, cid, on=DAY + timedelta(days=1), outcome="Đã ổn")
    closed = cases.detail(p, cid)
    assert (closed.state, closed.closed_on, closed.outcome) == ("closed", DAY + timedelta(days=1), "Đã ổn")
    kid = cases.open_case(p, CaseInput("child_protection", hid, DAY, person_id=son))
    child.set_groups(p, kid, ("l",))
    view = child.view(p, kid)
    assert view.groups == ("l",) and view.state.stage == "received" and view.state.plan_due is not None


def test_input_problems_match_what_open_case_refuses(family):
    p, hid, mother, son = family
    adult = cases.input_problems(p, CaseInput("child_protection", hid, DAY, person_id=mother))
    assert [f.field for f in adult] == ["person_id"]
    assert cases.input_problems(p, CaseInput("child_protection", hid, DAY, person_id=son)) == []
    assert [f.field for f in cases.input_problems(p, CaseInput("", hid, DAY))] == ["kind"]


def test_the_views_are_refused_without_the_right_to_the_content(family, register):
    p, hid, mother, _son = family
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=mother))
    users.add_user(p, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(p.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        with pytest.raises(PermissionDeniedError):
            dv.view(ctv, cid)
        with pytest.raises(PermissionDeniedError):
            child.view(ctv, cid)
    finally:
        ctv.close()
