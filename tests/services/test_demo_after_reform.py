"""The demo register of a year that spans the reform of 01/7/2025: places named as they were on the day,
counselling for one person or a couple, one head shown per household, poverty decisions with their
standard."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.models.register import Household, HouseholdCategory, PopulationEvent
from desktop.demo import places
from desktop.demo.build import build_demo, create_demo_profile
from desktop.paths import ProfilePaths
from desktop.services.communication import activities
from desktop.services.profile.handle import Profile
from desktop.services.register import categories, households

TODAY = date(2025, 12, 31)  # the demo year runs from 01/01/2025: half before the reform, half after
HOUSEHOLDS = 500


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Profile:
    opened = create_demo_profile(ProfilePaths(tmp_path_factory.mktemp("reform")), seed=7).profile
    build_demo(opened, households=HOUSEHOLDS, seed=7, today=TODAY)
    yield opened
    opened.close()


def _all(profile: Profile, model: type) -> list:
    with profile.sessions() as session:
        return list(session.scalars(select(model)))


def _place(event: PopulationEvent) -> str:
    return str(event.details.get("from") or event.details.get("to") or "")


def test_after_the_reform_no_place_names_a_province_or_district_that_no_longer_exists(demo):
    moves = [e for e in _all(demo, PopulationEvent) if e.kind in ("move_in", "move_out") and _place(e)]
    after = [e for e in moves if e.event_date >= places.REFORM_DAY]
    before = [e for e in moves if e.event_date < places.REFORM_DAY]
    assert len(after) >= 3 and len(before) >= 3  # both sides of the reform are in the demo year
    for event in after:
        place = _place(event)
        assert not any(province in place for province in places.FORMER_PROVINCES), place
        assert "huyện" not in place and "Thị trấn" not in place, place  # no districts, no townships
    # Before the reform the old units are what people wrote.
    assert {_place(e) for e in before} <= {p[0] for p in places.MOVE_IN_PLACES + places.MOVE_OUT_PLACES}


def test_former_provinces_are_named_in_the_places_of_before_the_reform_only():
    olds = {b for b, _a, _w in places.MOVE_IN_PLACES + places.MOVE_OUT_PLACES}
    news = {a for _b, a, _w in places.MOVE_IN_PLACES + places.MOVE_OUT_PLACES}
    assert {"Tỉnh Quảng Bình", "Tỉnh Bình Dương"} <= olds
    assert "Tỉnh Quảng Trị" in news and not any(p in n for n in news for p in places.FORMER_PROVINCES)


def test_counselling_is_for_one_person_or_a_couple_and_a_home_visit_meets_a_family(demo):
    held = activities.list_activities(demo, TODAY - timedelta(days=120), TODAY)
    sizes = defaultdict(list)
    for activity in held:
        sizes[activity.form].append(activity.participants)
    assert sizes["individual_counselling"] and sizes["talk"]
    assert all(1 <= n <= 2 for n in sizes["individual_counselling"])
    assert all(1 <= n <= 5 for n in sizes["home_visit"])
    assert max(sizes["talk"]) > 10


def test_every_household_shows_one_head(demo):
    for household in _all(demo, Household):
        detail = households.detail(demo, household.id)
        shown_as_head = [m for m in detail.members if m.is_head or (m.relationship == "head" and m.status == "present")]
        if household.dissolved_on is None:
            assert len(shown_as_head) == 1 and shown_as_head[0].status == "present", household.code
        else:
            assert shown_as_head == [], household.code


def test_poor_and_near_poor_entries_name_the_standard_of_their_year(demo):
    standards = categories.poverty_standards(demo)
    rows = _all(demo, HouseholdCategory)
    poor = [r for r in rows if r.category in ("poor", "near_poor")]
    assert poor
    for row in rows:
        expected = categories.standard_for(row.category, row.year, standards)
        assert row.poverty_standard == expected
        assert bool(row.poverty_standard) == (row.category in ("poor", "near_poor"))
