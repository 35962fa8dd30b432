"""What a case records beyond its kind's own parts: risk and consent, the timeline of actions (notes,
mediation, monitoring visits), the child's intake report (Mẫu 01) and closing review (Mẫu 06), and the
administrative-sanction condition of Art. 32."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models.casework import CaseAction
from desktop.errors import ValidationError
from desktop.services.casework import cases, child, child_forms, dv, dv_measures
from desktop.services.casework import timeline as case_actions
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_forms import IntakeInput, ReviewInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.profile.access import PermissionDeniedError
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

DAY = date.today() - timedelta(days=30)


@pytest.fixture
def family(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="021", village_id=register.village_a))
    wife = members.add_member(p, hid, PersonInput("Nguyễn Thị Lan", "2", date(1990, 2, 1), "head"))
    son = members.add_member(p, hid, PersonInput("Nguyễn Văn Bình", "1", date(2015, 5, 1), "child"))
    return p, hid, wife, son


def _actions(profile) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(CaseAction)) or 0


def test_risk_and_consent_are_set_when_opening_and_changed_later(family):
    p, hid, wife, _son = family
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=wife, risk_level="high", consent=True))
    detail = cases.detail(p, cid)
    assert (detail.risk_level, detail.consent) == ("high", True)
    cases.set_assessment(p, cid, risk_level="medium", consent=False)
    assert (cases.detail(p, cid).risk_level, cases.detail(p, cid).consent) == ("medium", False)
    with pytest.raises(ValidationError):
        cases.set_assessment(p, cid, risk_level="extreme", consent=True)
    assert cases.detail(p, cid).risk_level == "medium"
    with pytest.raises(ValidationError):
        cases.open_case(p, CaseInput("other_support", hid, DAY, risk_level="severe", support_kind="elderly_alone"))


def test_mediation_is_a_domestic_violence_entry_with_its_result(family):
    p, hid, wife, son = family
    dv_case = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=wife))
    child_case = cases.open_case(p, CaseInput("child_protection", hid, DAY, person_id=son))
    with p.sessions() as session:
        assert [k.code for k in case_actions.kinds_for(session, "domestic_violence")] == [
            "note",
            "support",
            "mediation",
        ]
        assert [k.code for k in case_actions.kinds_for(session, "child_protection")] == [
            "note",
            "support",
            "monitoring_visit",
        ]
    with pytest.raises(ValidationError) as no_result:
        case_actions.record(p, dv_case, ActionInput("mediation", DAY + timedelta(days=2)))
    assert no_result.value.problems[0].field == "result"
    with pytest.raises(ValidationError):  # mediation is not a step of a child case
        case_actions.record(p, child_case, ActionInput("mediation", DAY, result="reconciled"))
    with pytest.raises(ValidationError):  # a monitoring result does not end a mediation
        case_actions.record(p, dv_case, ActionInput("mediation", DAY, result="better"))
    assert _actions(p) == 0
    case_actions.record(p, dv_case, ActionInput("mediation", DAY + timedelta(days=2), "Tổ hòa giải thôn", "reconciled"))
    [entry] = case_actions.actions(p, dv_case)
    assert (entry.kind, entry.result, entry.notes) == ("mediation", "reconciled", "Tổ hòa giải thôn")


def test_bad_entries_are_refused_and_nothing_is_saved(family):
    p, hid, wife, _son = family
    cid = cases.open_case(p, CaseInput("other_support", hid, DAY, person_id=wife, support_kind="elderly_alone"))
    bad = [
        ActionInput("note", DAY),  # a note with nothing written
        ActionInput("note", DAY - timedelta(days=1), "trước khi mở"),  # before the case was opened
        ActionInput("note", date.today() + timedelta(days=1), "ngày mai"),  # in the future
        ActionInput("support", DAY, "Gạo", follow_up_on=DAY),  # follow-up on the same day
        ActionInput("visit", DAY, "không có loại này"),
        ActionInput("note", DAY, "x", result="reconciled"),  # a note has no result
    ]
    for data in bad:
        with pytest.raises(ValidationError):
            case_actions.record(p, cid, data)
    assert _actions(p) == 0


def test_the_timeline_puts_every_dated_record_of_the_case_latest_first(family):
    p, hid, wife, _son = family
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=wife, summary="Hàng xóm báo"))
    dv.record_acts(p, cid, ActsInput(("a",), "married", recurrence_12m=1))
    dv_measures.apply_measure(
        p,
        cid,
        MeasureInput(
            "no_contact", DAY + timedelta(days=1), "05/QĐ", DAY + timedelta(days=1), DAY + timedelta(days=3), 150
        ),
    )
    ref = dv_measures.refer(p, cid, body="commune_police", sent_on=DAY + timedelta(days=2))
    dv_measures.update_referral(p, ref, status="received", on=DAY + timedelta(days=4))
    case_actions.record(p, cid, ActionInput("mediation", DAY + timedelta(days=5), result="not_reconciled"))
    dv.close_case(p, cid, on=DAY + timedelta(days=6), outcome="Đã ổn định")
    lines = [(e.on - DAY).days for e in case_actions.timeline(p, cid)]
    whats = [e.what for e in case_actions.timeline(p, cid)]
    assert whats == ["closed", "action", "referral_status", "referral", "measure", "opened"]
    assert lines == [6, 5, 4, 2, 1, 0]
    timeline = case_actions.timeline(p, cid)
    assert timeline[-1].notes == "Hàng xóm báo" and timeline[-2].notes == "05/QĐ"
    assert timeline[2].result == "received" and timeline[0].notes == "Đã ổn định"
    with pytest.raises(PermissionDeniedError):  # the case is closed: the timeline is finished
        case_actions.record(p, cid, ActionInput("note", DAY + timedelta(days=7), "thêm"))


def test_the_intake_report_of_a_child_case(family):
    p, hid, _wife, son = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, DAY, person_id=son))
    assert child_forms.intake(p, cid) is None
    good = IntakeInput(
        "phone",
        "at_risk",
        received_time="08:30",
        place="Thôn Trung",
        situation="Em  bị  đánh, có vết bầm",
        father_name="Nguyễn  Văn  Hùng",
        father_age=40,
        carer="Bà nội",
    )
    for bad in (
        IntakeInput("letter", "at_risk"),
        IntakeInput("phone", ""),
        IntakeInput("phone", "at_risk", received_time="25:00"),
        IntakeInput("phone", "at_risk", mother_age=5),
    ):
        with pytest.raises(ValidationError):
            child_forms.record_intake(p, cid, bad)
    assert child_forms.intake(p, cid) is None
    child_forms.record_intake(p, cid, good)
    saved = child_forms.intake(p, cid)
    assert saved is not None and saved.father_name == "Nguyễn Văn Hùng" and saved.received_time == "08:30"
    assert saved.situation == "Em  bị  đánh, có vết bầm"  # long text is the user's own words


def test_the_closing_review_scores_and_closes_a_child_case(family):
    p, hid, _wife, son = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, DAY, person_id=son))
    review = ReviewInput(DAY + timedelta(days=20), "medium", "low", "low", "high")
    with pytest.raises(ValidationError):  # not before the monitoring step
        child_forms.record_review(p, cid, review)
    for offset, step in enumerate(("initial_assessment", "detailed_assessment", "plan_approved", "in_progress")):
        child.advance(p, cid, to=step, on=DAY + timedelta(days=offset))
    child.advance(p, cid, to="monitoring", on=DAY + timedelta(days=10))
    with pytest.raises(ValidationError):
        child_forms.record_review(p, cid, ReviewInput(DAY + timedelta(days=20), "very", "low", "low", "high"))
    with pytest.raises(ValidationError):  # before the monitoring step was reached
        child_forms.record_review(p, cid, ReviewInput(DAY + timedelta(days=9), "low", "low", "low", "high"))
    assert child_forms.review(p, cid) is None
    # A child who can hardly protect themself is at high risk, whatever else is low.
    weak = child_forms.record_review(p, cid, ReviewInput(DAY + timedelta(days=20), "low", "low", "low", "low"))
    assert weak.overall == "high" and cases.detail(p, cid).risk_level == "high"
    scored = child_forms.record_review(p, cid, review)
    assert scored.overall == "medium" and cases.detail(p, cid).risk_level == "medium"
    child.advance(p, cid, to="closed", on=DAY + timedelta(days=21))
    assert cases.detail(p, cid).state == "closed"
    assert [e.what for e in case_actions.timeline(p, cid)][:2] == ["closed", "review"]


def test_a_monitoring_visit_with_a_follow_up_day(family):
    p, hid, _wife, son = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, DAY, person_id=son))
    case_actions.record(
        p,
        cid,
        ActionInput("monitoring_visit", DAY + timedelta(days=3), "Em đi học đều", "better", DAY + timedelta(days=33)),
    )
    [visit] = case_actions.actions(p, cid)
    assert visit.follow_up_on == DAY + timedelta(days=33) and visit.result == "better"


def test_community_criticism_after_an_administrative_sanction(family):
    p, hid, wife, _son = family
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=wife))
    # Art. 32.1.a: once in 12 months by someone never sanctioned is not enough.
    assert not dv.record_acts(p, cid, ActsInput(("a",), "married", recurrence_12m=1)).criticism_eligible
    # Art. 32.1.b: violence again after a sanction is.
    again = dv.record_acts(p, cid, ActsInput(("a",), "married", recurrence_12m=1, sanctioned_before=True))
    assert again.criticism_eligible and dv.view(p, cid).sanctioned_before


def test_an_other_support_case_says_what_it_is_about(family):
    p, hid, wife, _son = family
    for bad in ("", "flood"):
        with pytest.raises(ValidationError) as refused:
            cases.open_case(p, CaseInput("other_support", hid, DAY, person_id=wife, support_kind=bad))
        assert refused.value.problems[0].field == "support_kind"
    assert cases.list_cases(p) == []
    cid = cases.open_case(p, CaseInput("other_support", hid, DAY, person_id=wife, support_kind="disability"))
    assert cases.detail(p, cid).support_kind == "disability"
    # Other kinds have their own parts; a stray support kind is not kept for them.
    dv_case = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=wife, support_kind="poverty"))
    assert cases.detail(p, dv_case).support_kind == ""
