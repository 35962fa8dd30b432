from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Visit
from desktop.demo.build import DEMO_COMMUNE, DemoRefusedError, DemoSummary, build_demo, create_demo_profile
from desktop.errors import ValidationError
from desktop.paths import ProfilePaths
from desktop.services import reference, stats
from desktop.services.profile import opening as profile_service
from desktop.services.profile.handle import Profile
from desktop.services.register import members, search, visits
from desktop.services.validation import HEAD_MIN_AGE, age_on
from desktop.textnorm import fold

TODAY = date(2025, 6, 30)
HOUSEHOLDS = 250


def _built(home: Path, *, seed: int, households: int = HOUSEHOLDS) -> tuple[Profile, DemoSummary]:
    opened = create_demo_profile(ProfilePaths(home), seed=seed).profile
    return opened, build_demo(opened, households=households, seed=seed, today=TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Profile, DemoSummary]:
    opened, summary = _built(tmp_path_factory.mktemp("demo"), seed=11)
    yield opened, summary
    opened.close()


@pytest.fixture(scope="module")
def demo_profile(demo) -> Profile:
    return demo[0]


def _names(profile: Profile) -> list[tuple[str, str, date]]:
    with profile.sessions() as session:
        rows = session.execute(
            select(Household.code, Person.full_name, Person.birth_date)
            .join(Household, Household.id == Person.household_id)
            .order_by(Household.code, Person.sort_order)
        )
        return [tuple(r) for r in rows]


def _all(profile: Profile, model: type) -> list:
    with profile.sessions() as session:
        return list(session.scalars(select(model)))


def test_the_same_seed_builds_the_same_register(tmp_path, demo):
    again, summary = _built(tmp_path / "again", seed=11)
    try:
        assert summary == demo[1]
        assert stats.counts(again) == stats.counts(demo[0])
        assert _names(again) == _names(demo[0])
    finally:
        again.close()


def test_another_seed_builds_another_register(tmp_path, demo):
    other, summary = _built(tmp_path / "other", seed=12)
    try:
        assert summary.households == demo[1].households
        assert _names(other) != _names(demo[0])
    finally:
        other.close()


def test_an_empty_profile_is_set_up_for_a_ha_tinh_commune(demo):
    profile, summary = demo
    assert profile_service.is_set_up(profile)
    assert profile.commune_code == summary.commune_code == DEMO_COMMUNE
    assert fold(profile.collaborator) != profile.collaborator  # a Vietnamese name, with diacritics
    with profile.sessions() as session:
        villages = reference.villages(session, DEMO_COMMUNE)
    assert len(villages) == summary.villages >= 1
    assert all(v.name.startswith(("Thôn ", "Tổ dân phố ")) for v in villages)


def test_the_register_has_the_shape_of_a_commune(demo):
    _profile, summary = demo
    assert summary.households == HOUSEHOLDS
    assert 3.3 <= summary.people / summary.households <= 4.6
    assert summary.events > 0 and summary.births > 0 and summary.visits > summary.households
    assert summary.follow_ups_due > 0  # something to do in the coming weeks


def test_every_person_passes_the_service_rules(demo_profile, monkeypatch):
    # The code tables do not change during the check; looking them up once per table keeps it fast.
    monkeypatch.setattr(reference, "code_names", functools.lru_cache(reference.code_names))
    for person in _all(demo_profile, Person):
        data = members.to_input(members.person_dto(person, None))
        assert members.input_problems(demo_profile, data) == [], person.full_name


def test_names_are_stored_like_the_services_store_them(demo_profile):
    for person in _all(demo_profile, Person):
        assert person.full_name == unicodedata.normalize("NFC", person.full_name)
        assert person.name_folded == fold(person.full_name)
        assert person.birth_year == person.birth_date.year
        assert 3 <= len(person.full_name.split()) <= 4
    surnames = Counter(p.full_name.split()[0] for p in _all(demo_profile, Person))
    assert surnames.most_common(1)[0][0] == "Nguyễn"


def test_every_household_has_one_present_head_of_age_or_is_dissolved(demo_profile):
    members: dict = defaultdict(list)
    for person in _all(demo_profile, Person):
        members[person.household_id].append(person)
    for household in _all(demo_profile, Household):
        present = [p for p in members[household.id] if p.status == "present"]
        if household.dissolved_on is not None:
            assert present == [] and household.dissolved_reason
            continue
        heads = [p for p in present if p.relationship == "head"]
        assert len(heads) == 1, household.code
        assert household.head_person_id == heads[0].id
        assert age_on(heads[0].birth_date, TODAY) >= HEAD_MIN_AGE


def test_people_who_left_or_died_say_so(demo_profile):
    for person in _all(demo_profile, Person):
        assert (person.status == "dead") == (person.death_date is not None)
        assert (person.status == "moved_out") == (person.left_on is not None)
        if person.death_date:
            assert person.birth_date <= person.death_date <= TODAY


def test_events_reference_people_of_their_household(demo_profile):
    by_id = {p.id: p for p in _all(demo_profile, Person)}
    by_hex = {p.id.hex: p for p in by_id.values()}
    events = _all(demo_profile, PopulationEvent)
    assert {"birth", "death", "move_in", "move_out", "marriage"} <= {e.kind for e in events}
    for event in events:
        person = by_id[event.person_id]
        assert person.household_id == event.household_id
        assert TODAY - timedelta(days=365) < event.event_date <= TODAY
        assert event.reporting_month >= f"{event.event_date:%Y-%m}"
        if event.kind == "birth":
            assert event.event_date == person.birth_date
            if event.details["mother_id"]:
                mother = by_hex[event.details["mother_id"]]
                assert mother.household_id == event.household_id and mother.sex == "2"
        if event.kind == "death":
            assert person.status == "dead" and person.death_date == event.event_date
        if event.kind == "move_out":
            assert person.status == "moved_out" and person.left_on == event.event_date


def test_visits_meet_members_about_known_topics(demo_profile):
    members = {p.id.hex: p for p in _all(demo_profile, Person)}
    with demo_profile.sessions() as session:
        topics = set(reference.code_names(session, "visit_topics"))
    for visit in _all(demo_profile, Visit):
        assert visit.topics and set(visit.topics) <= topics
        # The demo user's by directory id, shown under their name
        assert visit.visited_on <= TODAY and visit.collaborator_id == demo_profile.user.id
        for met in visit.persons_met:
            assert members[met].household_id == visit.household_id
            assert members[met].birth_date <= visit.visited_on
        if visit.follow_up_on is not None:
            assert visit.follow_up_on > visit.visited_on


def test_categories_are_known_codes_with_decisions_for_poverty(demo_profile):
    with demo_profile.sessions() as session:
        known = set(reference.code_names(session, "household_categories"))
    per_year: dict = defaultdict(set)
    for row in _all(demo_profile, HouseholdCategory):
        assert row.category in known and row.year in (TODAY.year - 1, TODAY.year)
        assert (row.household_id, row.category, row.year) not in per_year
        per_year[(row.household_id, row.category, row.year)] = row
        if row.category in ("poor", "near_poor"):
            assert re.fullmatch(r"\d+/QĐ-UBND", row.decision_no)
    for household_id, _category, year in list(per_year):
        assert not {(household_id, "poor", year), (household_id, "near_poor", year)} <= set(per_year)


def test_rows_are_pending_for_the_hub_and_written_by_this_device(demo_profile):
    for model in (Household, Person, Visit):
        for row in _all(demo_profile, model)[:50]:
            assert row.usn == -1 and row.origin == demo_profile.device_id
            assert row.created_at.tzinfo is not None


def test_searching_dang_finds_only_names_that_fold_to_dang(demo_profile):
    hits = search.search(demo_profile, "dang", limit=500)
    assert any(h.label.startswith("Đặng ") for h in hits)
    for hit in hits:
        text = hit.label if hit.kind == "person" else f"{hit.household_code} {hit.detail}"
        assert "dang" in fold(text), hit


def test_a_profile_with_households_is_refused(demo_profile):
    with pytest.raises(DemoRefusedError) as refused:
        build_demo(demo_profile, households=5, seed=1, today=TODAY)
    assert refused.value.exit_code == 3
    assert refused.value.params["count"] == HOUSEHOLDS


@pytest.mark.parametrize("households", [0, -3, 200_001])
def test_impossible_household_counts_are_refused(tmp_path, households):
    opened = create_demo_profile(ProfilePaths(tmp_path), seed=1).profile
    try:
        with pytest.raises(ValidationError):
            build_demo(opened, households=households, seed=1, today=TODAY)
        assert stats.counts(opened)["households"] == 0
    finally:
        opened.close()


def test_a_set_up_profile_keeps_its_collaborator_and_villages(register):
    summary = build_demo(register.profile, households=30, seed=3, today=TODAY)
    assert summary.collaborator == "Nguyễn Thị Lan"
    with register.profile.sessions() as session:
        villages = reference.villages(session, register.profile.commune_code)
    assert len({fold(v.name) for v in villages}) == len(villages)
    assert {register.village_a, register.village_b} <= {v.id for v in villages}
    assert {v.collaborator_id for v in _all(register.profile, Visit)} == {register.profile.user.id}
    with register.profile.sessions() as session:
        household = session.scalars(select(Visit.household_id).limit(1)).one()
    assert {v.collaborator for v in visits.for_household(register.profile, household)} == {"Nguyễn Thị Lan"}


def test_a_failed_build_leaves_no_rows_and_the_search_index_whole(tmp_path, monkeypatch):
    from sqlalchemy import text

    from db import search_index
    from desktop.demo import build as demo

    def broken_visits(*_args: object) -> Iterator[dict]:
        raise RuntimeError("power cut")  # while the search index feed is set aside
        yield {}

    monkeypatch.setattr(demo, "_visit_rows", broken_visits)
    opened = create_demo_profile(ProfilePaths(tmp_path), seed=1).profile
    try:
        with pytest.raises(RuntimeError):
            build_demo(opened, households=20, seed=1, today=TODAY)
        assert stats.counts(opened)["households"] == stats.counts(opened)["people"] == 0
        with opened.sessions() as session:
            triggers = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
        assert search_index.FEED_TRIGGER in triggers
        monkeypatch.undo()
        assert build_demo(opened, households=20, seed=1, today=TODAY).households == 20
        someone = _all(opened, Person)[0]
        assert someone.id in {hit.id for hit in search.search(opened, someone.full_name)}
        with opened.sessions() as session:
            for index in search_index.INDEXES:  # both indexes agree with their content after the bulk load
                session.execute(text(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"))
    finally:
        opened.close()


def test_the_demo_has_support_cases_and_tasks_made_through_the_services(demo):
    from desktop.services.casework import cases, tasks

    profile, summary = demo
    counted = stats.counts(profile)
    assert summary.cases == counted["cases"] >= 3
    kinds = {item.kind for item in cases.list_cases(profile)}
    assert kinds >= {"domestic_violence", "child_protection"}
    found = tasks.open_tasks(profile, today=TODAY)
    assert sum(task.kind == "manual" for task in found) == 1  # of two written, one was handled
    assert counted["tasks_open"] == len(tasks.open_tasks(profile))
    # Each case tells its story: a mediation in domestic-violence cases, an intake report for each child.
    from desktop.services.casework import child_forms, timeline

    listed = cases.list_cases(profile)
    entries = {entry.kind for item in listed for entry in timeline.actions(profile, item.id)}
    assert {"mediation", "support"} <= entries
    children = [item for item in listed if item.kind == "child_protection"]
    assert all(child_forms.intake(profile, item.id) is not None for item in children)
    assert all(cases.detail(profile, item.id).risk_level for item in listed if item.kind != "other_support")
