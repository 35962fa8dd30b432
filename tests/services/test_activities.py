"""Communication activities and campaign days: validation, access, campaigns and totals."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models.communication import CampaignYear, CommunicationActivity, campaign_year_id
from desktop.errors import NotFoundError, ValidationError
from desktop.services.communication import activities, campaigns
from desktop.services.communication.activities import ActivityInput
from desktop.services.communication.campaigns import CampaignYearInput
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.handle import Profile
from desktop.services.profile.users import UserInput

FAMILY_DAY = date(2025, 6, 28)
CTV, CTV_PASS = "Trần Thị Hoa", "hoa giữ thôn đông"
HUB, HUB_PASS = "Cán bộ tuyến trên", "chỉ đọc thôi nhé"


def talk(register, **changes) -> ActivityInput:
    base = ActivityInput(
        held_on=FAMILY_DAY,
        village_id=register.village_a,
        form="talk",
        topic="happy_family",
        male=12,
        female=30,
        materials="Tờ rơi gia đình hạnh phúc",
        materials_count=40,
        campaign="family_day",
        notes="Tại nhà văn hóa thôn.",
    )
    return dataclasses.replace(base, **changes)


def stored(profile: Profile) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(CommunicationActivity)) or 0


def fields(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {p.field for p in error.value.problems}


def test_a_valid_activity_is_saved_and_listed_with_its_campaign(register):
    profile = register.profile
    activity_id = activities.record_activity(profile, talk(register))
    [row] = activities.list_activities(profile, date(2025, 6, 1), date(2025, 6, 30))
    assert row.id == activity_id
    assert (row.village, row.form, row.topic) == ("Thôn Đông Hà", "talk", "happy_family")
    assert (row.male, row.female, row.participants) == (12, 30, 42)
    assert (row.materials, row.materials_count) == ("Tờ rơi gia đình hạnh phúc", 40)
    assert (row.campaign, row.campaign_year) == ("family_day", 2025)
    assert row.notes == "Tại nhà văn hóa thôn."
    # the campaign year now exists as a row with the id every device gives it
    with profile.sessions() as session:
        year = session.get(CampaignYear, campaign_year_id("family_day", 2025))
        assert year is not None and (year.campaign, year.year) == ("family_day", 2025)
    # outside the period: nothing
    assert activities.list_activities(profile, date(2025, 7, 1), date(2025, 7, 31)) == []


def test_an_activity_without_campaign_is_saved(register):
    profile = register.profile
    activities.record_activity(profile, talk(register, campaign="", held_on=date(2025, 8, 5), male=0, female=3))
    [row] = activities.list_activities(profile, date(2025, 8, 1), date(2025, 8, 31))
    assert (row.campaign, row.campaign_year, row.participants) == ("", None, 3)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"held_on": None}, "held_on"),
        ({"held_on": date.today() + timedelta(days=1), "campaign": ""}, "held_on"),
        ({"village_id": None}, "village_id"),
        ({"form": ""}, "form"),
        ({"form": "karaoke"}, "form"),
        ({"topic": "weather"}, "topic"),
        ({"male": -1}, "participants"),
        ({"female": -5, "male": 10}, "participants"),
        ({"male": 0, "female": 0}, "participants"),
        ({"male": 6000}, "participants"),
        ({"materials_count": -1}, "materials_count"),
        ({"materials": "x" * 201}, "materials"),
        ({"notes": "bad\x07bell"}, "notes"),
        ({"campaign": "no_such_campaign"}, "campaign"),
        ({"campaign": "population_day"}, "campaign"),  # 26/12 is not running on 28/6
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(register, changes, field):
    with pytest.raises(ValidationError) as refused:
        activities.record_activity(register.profile, talk(register, **changes))
    assert field in fields(refused)
    assert stored(register.profile) == 0
    with register.profile.sessions() as session:
        assert session.scalar(select(func.count()).select_from(CampaignYear)) == 0


@pytest.mark.parametrize("form", ["loudspeaker", "leaflets"])
def test_a_broadcast_or_a_handout_needs_no_participant_count(register, form):
    activities.record_activity(register.profile, talk(register, form=form, male=0, female=0))
    assert stored(register.profile) == 1
    with pytest.raises(ValidationError) as refused:  # but never a negative count
        activities.record_activity(register.profile, talk(register, form=form, male=-1, female=0))
    assert "participants" in fields(refused)


def test_every_problem_is_reported_at_once(register):
    with pytest.raises(ValidationError) as refused:
        activities.record_activity(
            register.profile, talk(register, form="", topic="", male=0, female=0, campaign="population_day")
        )
    assert fields(refused) == {"form", "topic", "participants", "campaign"}


def test_an_unknown_village_is_not_found(register):
    import uuid

    with pytest.raises(NotFoundError):
        activities.record_activity(register.profile, talk(register, village_id=uuid.uuid4()))
    assert stored(register.profile) == 0


# Campaigns ####################################################################################


def codes(campaigns) -> list[str]:
    return [c.code for c in campaigns]


def test_campaigns_running_on_a_day(register):
    profile = register.profile
    assert codes(campaigns.campaigns_on(profile, date(2025, 3, 20))) == ["happiness_day"]
    assert codes(campaigns.campaigns_on(profile, date(2025, 3, 21))) == []
    assert codes(campaigns.campaigns_on(profile, FAMILY_DAY)) == ["dv_action_month", "children_month", "family_day"]
    assert codes(campaigns.campaigns_on(profile, date(2025, 11, 25))) == [
        "gender_equality_month",
        "end_violence_women_day",
    ]
    assert codes(campaigns.campaigns_on(profile, date(2025, 12, 15))) == ["gender_equality_month", "population_month"]
    assert codes(campaigns.campaigns_on(profile, date(2025, 12, 16))) == ["population_month"]
    assert codes(campaigns.campaigns_on(profile, date(2025, 12, 26))) == ["population_month", "population_day"]


def test_shipped_themes_and_their_own_dates(register):
    profile = register.profile
    [dv, _children, family] = campaigns.campaigns_on(profile, date(2020, 6, 28))
    assert family.theme == "Giữ gìn và phát huy truyền thống văn hóa ứng xử tốt đẹp trong gia đình"
    assert dv.theme.startswith("Phòng, chống bạo lực gia đình là trách nhiệm")
    # 2014: the first Happiness Day in Vietnam ran from 8 to 21 March
    [happiness] = campaigns.campaigns_on(profile, date(2014, 3, 10))
    assert (happiness.theme, happiness.starts_on, happiness.ends_on) == (
        "Yêu thương và chia sẻ",
        date(2014, 3, 8),
        date(2014, 3, 21),
    )
    # a year nobody has set a theme for yet
    assert campaigns.campaigns_on(profile, FAMILY_DAY)[2].theme == ""


def test_the_officer_sets_next_years_theme_and_an_activity_links_to_it(register):
    profile = register.profile
    theme = "Gia đình hạnh phúc, xã hội văn minh"
    campaigns.set_campaign_year(profile, CampaignYearInput("family_day", 2025, theme))
    family = campaigns.campaigns_on(profile, FAMILY_DAY)[2]
    assert (family.code, family.theme) == ("family_day", theme)
    activities.record_activity(profile, talk(register))
    [row] = activities.list_activities(profile, FAMILY_DAY, FAMILY_DAY)
    assert row.campaign_theme == theme
    # moved dates: the campaign runs on its new days only
    campaigns.set_campaign_year(
        profile, CampaignYearInput("happiness_day", 2025, "Yêu thương", date(2025, 3, 10), date(2025, 3, 25))
    )
    assert codes(campaigns.campaigns_on(profile, date(2025, 3, 24))) == ["happiness_day"]
    with pytest.raises(ValidationError) as refused:
        campaigns.set_campaign_year(profile, CampaignYearInput("happiness_day", 2025, "x", date(2025, 3, 10)))
    assert fields(refused) == {"ends_on"}
    with pytest.raises(ValidationError):
        campaigns.set_campaign_year(profile, CampaignYearInput("unknown", 2025, "x"))


# Access #######################################################################################


@pytest.fixture
def login(register) -> Iterator:
    officer = register.profile
    users.add_user(officer, UserInput(CTV, Role.CTV, villages=(register.village_a,)), CTV_PASS)
    users.add_user(officer, UserInput(HUB, Role.HUB), HUB_PASS)
    opened: list[Profile] = []

    def as_user(name: str, passphrase: str) -> Profile:
        profile = profile_service.unlock(officer.paths, name, passphrase)
        opened.append(profile)
        return profile

    yield as_user
    for profile in opened:
        profile.close()


def test_a_ctv_records_and_sees_only_their_villages(register, login):
    officer = register.profile
    activities.record_activity(officer, talk(register, village_id=register.village_b, female=7))
    ctv = login(CTV, CTV_PASS)
    with pytest.raises(PermissionDeniedError):
        activities.record_activity(ctv, talk(register, village_id=register.village_b))
    assert stored(officer) == 1
    activities.record_activity(ctv, talk(register))
    assert [a.village_id for a in activities.list_activities(ctv, FAMILY_DAY, FAMILY_DAY)] == [register.village_a]
    assert len(activities.list_activities(officer, FAMILY_DAY, FAMILY_DAY)) == 2
    assert [v.id for v in activities.writable_villages(ctv)] == [register.village_a]
    assert len(activities.writable_villages(officer)) == 2
    with pytest.raises(PermissionDeniedError):
        campaigns.set_campaign_year(ctv, CampaignYearInput("family_day", 2025, "x"))


def test_the_hub_reads_but_does_not_record(register, login):
    activities.record_activity(register.profile, talk(register))
    hub = login(HUB, HUB_PASS)
    assert len(activities.list_activities(hub, FAMILY_DAY, FAMILY_DAY)) == 1
    with pytest.raises(PermissionDeniedError):
        activities.record_activity(hub, talk(register))
    assert activities.writable_villages(hub) == []


# Totals #######################################################################################


def test_totals_per_village_and_form(register):
    profile = register.profile
    a, b = register.village_a, register.village_b
    for changes in (
        {"village_id": a, "form": "talk", "male": 12, "female": 30},
        {"village_id": a, "form": "talk", "male": 5, "female": 8, "held_on": date(2025, 6, 3), "campaign": ""},
        {
            "village_id": a,
            "form": "loudspeaker",
            "male": 1,
            "female": 0,
            "held_on": date(2025, 6, 10),
            "campaign": "dv_action_month",
        },
        {
            "village_id": b,
            "form": "talk",
            "male": 0,
            "female": 20,
            "held_on": date(2025, 6, 15),
            "campaign": "dv_action_month",
        },
        # outside June: not counted
        {"village_id": b, "form": "talk", "male": 9, "female": 9, "held_on": date(2025, 7, 1), "campaign": ""},
    ):
        activities.record_activity(profile, talk(register, **changes))
    result = activities.activity_totals(profile, date(2025, 6, 1), date(2025, 6, 30))
    lines = [(t.village, t.form, t.activities, t.male, t.female, t.participants) for t in result]
    assert lines == [
        ("Thôn Đông Hà", "loudspeaker", 1, 1, 0, 1),
        ("Thôn Đông Hà", "talk", 2, 17, 38, 55),
        ("Thôn Trung Sơn", "talk", 1, 0, 20, 20),
    ]
    with pytest.raises(ValidationError):
        activities.activity_totals(profile, date(2025, 6, 30), date(2025, 6, 1))
