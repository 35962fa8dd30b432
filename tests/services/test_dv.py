"""A domestic-violence case through the services: acts and their types, measures within the law's
limits, referrals that only move forward, closing; bad input refused with nothing saved."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models.casework import CaseMeasure, CaseReferral, SupportCase
from db.models.profile import AuditEvent
from desktop.errors import ValidationError
from desktop.services.casework import cases, dv, dv_measures
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
def case(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="007", village_id=register.village_a))
    wife = members.add_member(p, hid, PersonInput("Trần Thị Mai", "2", date(1990, 3, 1), "head"))
    return p, cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=wife, summary="Hàng xóm báo"))


def _count(profile, model) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_the_acts_give_the_types_of_violence_and_repetition_the_criticism(case):
    p, cid = case
    summary = dv.record_acts(p, cid, ActsInput(("n", "a", "b"), "married", harm="Bầm tím tay", recurrence_12m=2))
    assert summary.types == ("physical", "mental", "economic")
    assert summary.criticism_eligible
    with p.sessions() as session:
        row = session.get(SupportCase, cid)
        assert row.acts == ["a", "b", "n"]  # in the law's order
    once = dv.record_acts(p, cid, ActsInput(("i",), "married", recurrence_12m=1))
    assert once.types == ("sexual",) and not once.criticism_eligible


def test_a_no_contact_order_of_four_days_is_refused_and_of_three_accepted(case):
    p, cid = case
    four = MeasureInput("no_contact", DAY, "12/QĐ-UBND", DAY, DAY + timedelta(days=3), 100, "Trưởng thôn")
    with pytest.raises(ValidationError) as refused:
        dv_measures.apply_measure(p, cid, four)
    [found] = refused.value.problems
    assert found.field == "ends_on" and dict(found.params) == {"max": 3, "days": 4}
    assert _count(p, CaseMeasure) == 0
    three = MeasureInput("no_contact", DAY, "12/QĐ-UBND", DAY, DAY + timedelta(days=2), 100, "Trưởng thôn")
    mid = dv_measures.apply_measure(p, cid, three)
    with p.sessions() as session:
        assert session.get(CaseMeasure, mid).ends_on == DAY + timedelta(days=2)


@pytest.mark.parametrize(
    ("measure", "field"),
    [
        (MeasureInput("no_contact", DAY, starts_on=DAY, ends_on=DAY, distance_m=30), "distance_m"),  # the old 30 m
        (MeasureInput("no_contact", DAY, starts_on=DAY + timedelta(days=2), ends_on=DAY, distance_m=100), "ends_on"),
        (MeasureInput("no_contact", DAY, distance_m=100), "ends_on"),
        (MeasureInput("no_contact", DAY, starts_on=DAY - timedelta(days=1), ends_on=DAY, distance_m=100), "starts_on"),
        (MeasureInput("curfew", DAY), "measure"),
        (MeasureInput("stop_violence", date.today() + timedelta(days=5)), "decided_on"),
    ],
)
def test_bad_measures_are_refused_and_nothing_saved(case, measure, field):
    p, cid = case
    with pytest.raises(ValidationError) as refused:
        dv_measures.apply_measure(p, cid, measure)
    assert field in {found.field for found in refused.value.problems}
    assert _count(p, CaseMeasure) == 0


def test_a_referral_moves_forward_only(case):
    p, cid = case
    rid = dv_measures.refer(p, cid, body="commune_police", sent_on=DAY)
    with pytest.raises(ValidationError):
        dv_measures.update_referral(p, rid, status="done", on=DAY)  # not received yet
    dv_measures.update_referral(p, rid, status="received", on=DAY + timedelta(days=1))
    with pytest.raises(ValidationError):
        dv_measures.update_referral(p, rid, status="received", on=DAY + timedelta(days=2))
    with pytest.raises(ValidationError):
        dv_measures.update_referral(p, rid, status="done", on=DAY)  # before the last change
    dv_measures.update_referral(p, rid, status="done", on=DAY + timedelta(days=2))
    with pytest.raises(ValidationError):
        dv_measures.update_referral(p, rid, status="declined", on=DAY + timedelta(days=3))
    with p.sessions() as session:
        assert session.get(CaseReferral, rid).status == "done"


def test_a_referral_to_an_unknown_body_is_refused(case):
    p, cid = case
    with pytest.raises(ValidationError):
        dv_measures.refer(p, cid, body="the_neighbours", sent_on=DAY)
    assert _count(p, CaseReferral) == 0


def test_bad_acts_are_refused(case):
    p, cid = case
    for bad in (
        ActsInput((), "married"),
        ActsInput(("z",), "married"),
        ActsInput(("a",), "strangers"),
        ActsInput(("a",), "married", recurrence_12m=-1),
    ):
        with pytest.raises(ValidationError):
            dv.record_acts(p, cid, bad)
    with p.sessions() as session:
        assert session.get(SupportCase, cid).acts == []


def test_a_closed_case_takes_no_more_actions(case):
    p, cid = case
    with pytest.raises(ValidationError):
        dv.close_case(p, cid, on=DAY - timedelta(days=1), outcome="Ổn định")  # before it was opened
    dv.close_case(p, cid, on=DAY + timedelta(days=5), outcome="Gia đình ổn định, đã cam kết")
    assert cases.detail(p, cid).state == "closed"
    with pytest.raises(PermissionDeniedError):
        dv_measures.refer(p, cid, body="commune_police", sent_on=DAY + timedelta(days=6))


def test_without_the_protection_permission_a_ctv_cannot_act_on_the_case(case, register):
    p, cid = case
    users.add_user(p, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(p.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        with pytest.raises(PermissionDeniedError):
            dv.record_acts(ctv, cid, ActsInput(("a",), "married"))
        with pytest.raises(PermissionDeniedError):
            dv_measures.refer(ctv, cid, body="commune_police", sent_on=DAY)
    finally:
        ctv.close()


def test_the_audit_log_does_not_say_which_measure_or_body(case):
    p, cid = case
    dv_measures.apply_measure(p, cid, MeasureInput("summon_police", DAY, "5/QĐ"))
    dv_measures.refer(p, cid, body="womens_union", sent_on=DAY, notes="Chị Mai đồng ý")
    with p.sessions() as session:
        summaries = [
            json.loads(text)
            for text in session.scalars(
                select(AuditEvent.summary).where(AuditEvent.table_name.in_(["case_measures", "case_referrals"]))
            )
        ]
    text = json.dumps(summaries, ensure_ascii=False)
    assert "summon_police" not in text and "womens_union" not in text and "Chị Mai" not in text


def test_community_criticism_is_only_for_a_perpetrator_of_18_or_more(case):
    from desktop.services.casework import parties
    from desktop.services.casework.parties import PartyInput

    p, cid = case
    young = parties.add_party(p, cid, PartyInput("perpetrator", name="Trần Văn Út", birth_year=date.today().year - 16))
    assert not dv.record_acts(p, cid, ActsInput(("a",), "other_family", recurrence_12m=3)).criticism_eligible
    parties.remove_party(p, young)
    parties.add_party(p, cid, PartyInput("perpetrator", name="Trần Văn Cả", birth_year=1980))
    assert dv.record_acts(p, cid, ActsInput(("a",), "other_family", recurrence_12m=3)).criticism_eligible
