"""Campaign reports count activities by their campaign tag: one campaign per activity, untagged ones offered
for tagging, never counted by their date alone (June has three campaigns at once)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from db.models.communication import CampaignYear, CommunicationActivity
from desktop.errors import NotFoundError, ValidationError
from desktop.services.communication import activities, tagging
from desktop.services.communication.activities import ActivityInput
from desktop.services.documents import campaign_report
from desktop.services.profile import audit, users
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.users import UserInput

YEAR = date.today().year - 1
JUNE = date(YEAR, 6, 10)  # dv_action_month and children_month both run all June (campaigns.csv)
NOVEMBER = date(YEAR, 11, 20)  # inside gender_equality_month (15/11–15/12)


def record(p, village, on: date, topic: str = "dv_prevention", campaign: str = "", men: int = 1, women: int = 2):
    return activities.record_activity(p, ActivityInput(on, village, "talk", topic, men, women, campaign=campaign))


def reported(p, campaign: str, year: int = YEAR) -> list[tuple]:
    """The rows of the campaign report's activity table (none when it has no table)."""
    doc = campaign_report.campaign_document(p, campaign, year)
    [held] = [s for s in doc.sections if "HOẠT ĐỘNG" in s.heading]
    return list(held.table.rows) if held.table is not None else []


def paragraphs(p, campaign: str) -> tuple[str, ...]:
    doc = campaign_report.campaign_document(p, campaign, YEAR)
    [held] = [s for s in doc.sections if "HOẠT ĐỘNG" in s.heading]
    return held.paragraphs


def campaign_of(p, activity_id) -> str:
    with p.sessions() as session:
        row = session.execute(
            select(CampaignYear.campaign)
            .join(CommunicationActivity, CommunicationActivity.campaign_id == CampaignYear.id)
            .where(CommunicationActivity.id == activity_id)
        ).scalar_one_or_none()
        return row or ""


def test_an_activity_tagged_for_one_june_campaign_is_only_in_that_campaign_s_report(register):
    p = register.profile
    record(p, register.village_a, JUNE, campaign="dv_action_month", men=4, women=5)
    assert [row[4:7] for row in reported(p, "dv_action_month")] == [(4, 5, 9)]
    assert reported(p, "children_month") == []  # the same days, another campaign: not counted there


def test_an_untagged_activity_is_in_no_report_until_tagged_and_then_in_one(register):
    p = register.profile
    talk = record(p, register.village_a, JUNE)
    for campaign in ("dv_action_month", "children_month"):
        assert reported(p, campaign) == []
        said = paragraphs(p, campaign)
        assert "1 buổi truyền thông trong thời gian này chưa ghi thuộc chiến dịch nào, không được tính." in said
    assert [a.id for a in tagging.untagged_during(p, "children_month", YEAR)] == [talk]

    assert tagging.tag_activities(p, [talk], "children_month") == 1
    assert len(reported(p, "children_month")) == 1 and reported(p, "dv_action_month") == []
    assert tagging.untagged_during(p, "dv_action_month", YEAR) == []
    assert not any("chưa ghi thuộc chiến dịch" in line for line in paragraphs(p, "dv_action_month"))
    # Tagging it again for the same campaign changes nothing; for the other June campaign is refused.
    assert tagging.tag_activities(p, [talk], "children_month") == 0
    with pytest.raises(ValidationError) as refused:
        tagging.tag_activities(p, [talk], "dv_action_month")
    [problem] = refused.value.problems
    assert (problem.field, problem.params) == ("campaign", {"day": f"10/06/{YEAR}"})
    assert campaign_of(p, talk) == "children_month"


def test_a_screening_talk_tagged_for_nothing_is_not_in_the_gender_equality_report(register):
    p = register.profile
    record(p, register.village_a, NOVEMBER, topic="prenatal_newborn_screening", men=3, women=9)
    assert reported(p, "gender_equality_month") == []
    said = paragraphs(p, "gender_equality_month")
    assert "Không có buổi truyền thông nào được ghi nhận." in said
    assert "1 buổi truyền thông trong thời gian này chưa ghi thuộc chiến dịch nào, không được tính." in said


def test_untagged_during_lists_only_the_campaign_s_days_and_untagged_ones(register):
    p = register.profile
    inside = record(p, register.village_b, date(YEAR, 11, 15))  # the first day
    record(p, register.village_a, date(YEAR, 11, 14))  # the day before
    record(p, register.village_a, date(YEAR, 11, 25), campaign="end_violence_women_day")  # tagged already
    last = record(p, register.village_a, date(YEAR, 12, 15))  # the last day
    assert [a.id for a in tagging.untagged_during(p, "gender_equality_month", YEAR)] == [inside, last]


def test_tagging_writes_the_audit_trail(register):
    p = register.profile
    talk = record(p, register.village_a, NOVEMBER)
    tagging.tag_activities(p, [talk], "gender_equality_month")
    [latest, *_] = audit.events(p, record_id=talk)
    assert (latest.action, latest.table_name, latest.user) == ("update", "communication_activities", p.user.name)
    assert "campaign_id" in latest.summary


def test_tagging_is_all_or_nothing_and_refuses_a_day_the_campaign_does_not_run(register):
    p = register.profile
    june = record(p, register.village_a, JUNE)
    july = record(p, register.village_a, date(YEAR, 7, 2))
    with pytest.raises(ValidationError) as refused:
        tagging.tag_activities(p, [june, july], "dv_action_month")
    assert refused.value.problems[0].params == {"day": f"02/07/{YEAR}"}
    assert campaign_of(p, june) == "" and campaign_of(p, july) == ""  # the June one was not saved either


def test_an_unknown_campaign_or_a_missing_activity_is_refused(register):
    p = register.profile
    june = record(p, register.village_a, JUNE)
    with pytest.raises(ValidationError) as refused:
        tagging.tag_activities(p, [june], "no_such_day")
    assert refused.value.problems[0].params == {"code": "no_such_day"}
    with pytest.raises(ValidationError):
        tagging.untagged_during(p, "no_such_day", YEAR)
    with pytest.raises(NotFoundError):
        tagging.tag_activities(p, [june, uuid.uuid4()], "dv_action_month")
    assert campaign_of(p, june) == ""


def test_a_collaborator_tags_only_in_the_villages_they_keep(register):
    p = register.profile
    theirs = record(p, register.village_a, JUNE)
    other = record(p, register.village_b, JUNE)
    users.add_user(p, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(p.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        # What the collaborator is offered is what they see: their own village's activity only.
        assert [a.id for a in tagging.untagged_during(ctv, "dv_action_month", YEAR)] == [theirs]
        with pytest.raises(PermissionDeniedError) as refused:
            tagging.tag_activities(ctv, [theirs, other], "dv_action_month")
        assert refused.value.params == {"day": f"10/06/{YEAR}"}
        assert campaign_of(p, theirs) == ""
        assert tagging.tag_activities(ctv, [theirs], "dv_action_month") == 1
    finally:
        ctv.close()
    assert campaign_of(p, theirs) == "dv_action_month" and campaign_of(p, other) == ""


def test_a_hub_operator_cannot_tag(register):
    p = register.profile
    june = record(p, register.village_a, JUNE)
    users.add_user(p, UserInput("Cán bộ tuyến trên", Role.HUB), "chỉ đọc thôi nhé")
    hub = profile_service.unlock(p.paths, "Cán bộ tuyến trên", "chỉ đọc thôi nhé")
    try:
        assert len(tagging.untagged_during(hub, "dv_action_month", YEAR)) == 1
        with pytest.raises(PermissionDeniedError):
            tagging.tag_activities(hub, [june], "dv_action_month")
    finally:
        hub.close()
    assert campaign_of(p, june) == ""
