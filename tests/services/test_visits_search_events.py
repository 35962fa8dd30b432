from __future__ import annotations

import unicodedata
import uuid
from datetime import date, timedelta

import pytest

from desktop.errors import ValidationError
from desktop.services import stats
from desktop.services.register import events, households, members, search, visits
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput


@pytest.fixture
def village(register):
    p = register.profile
    made = {}
    for code, head, born, address in [
        ("001", "Nguyễn Thị Hường", date(1975, 3, 4), "Xóm Bến Đò"),
        ("002", "Đặng Văn Lộc", date(1968, 7, 9), "Xóm Đồng Cừa"),
        ("003", "Lê Thị Hà", date(1990, 1, 20), "Xóm Bến Đò"),
        ("004", "Nguyễn Văn Thịnh", date(1959, 11, 2), "Xóm Trại"),
    ]:
        hid = households.create(p, HouseholdInput(code=code, village_id=register.village_a, address=address))
        made[code] = (hid, members.add_member(p, hid, PersonInput(head, "2" if " Thị " in head else "1", born, "head")))
    return register, made


def labels(profile, query):
    return sorted(hit.label for hit in search.search(profile, query))


def test_search_ignores_diacritics_and_case(village):
    register, _ = village
    p = register.profile
    # As the user types "nguyen thi…", "Thịnh" still fits; the exact phrase comes first.
    assert [h.label for h in search.search(p, "nguyen thi")] == ["Nguyễn Thị Hường", "Nguyễn Văn Thịnh"]
    assert labels(p, "nguyen thi huong") == ["Nguyễn Thị Hường"]
    assert labels(p, "NGUYỄN") == ["Nguyễn Thị Hường", "Nguyễn Văn Thịnh"]
    assert labels(p, "dang") == ["Đặng Văn Lộc"]
    assert labels(p, "huong") == ["Nguyễn Thị Hường"]


def test_search_words_in_any_order_and_short_words(village):
    register, _ = village
    p = register.profile
    assert labels(p, "huong nguyen") == ["Nguyễn Thị Hường"]
    assert labels(p, "le ha") == ["Lê Thị Hà"]
    assert labels(p, "ha") == ["Lê Thị Hà"]


def test_search_decomposed_query_matches(village):
    register, _ = village
    assert labels(register.profile, unicodedata.normalize("NFD", "Đặng Văn")) == ["Đặng Văn Lộc"]


def test_search_by_household_number_and_address(village):
    register, made = village
    p = register.profile
    hits = search.search(p, "003")
    assert [(h.kind, h.household_code) for h in hits] == [("household", "003")]
    assert set(households.list_ids(p, "ben do")) == {made["001"][0], made["003"][0]}


def test_search_follows_renames_and_hostile_text(village):
    register, made = village
    p = register.profile
    hid, pid = made["002"]
    members.update_member(p, pid, PersonInput("Đặng Văn Phúc", "1", date(1968, 7, 9), "head"))
    assert labels(p, "loc") == []
    assert labels(p, "phuc") == ["Đặng Văn Phúc"]
    for hostile in ['"', "%", "_", "' OR 1=1 --", "NEAR(", "*", ""]:
        assert isinstance(search.search(p, hostile), list)
    assert households.list_ids(p, "%") == []


def test_record_visit_and_list_by_household_and_period(village):
    register, made = village
    p = register.profile
    hid, pid = made["001"]
    today = p.today()
    visits.record(
        p,
        hid,
        VisitInput(
            visited_on=today - timedelta(days=40),
            persons_met=(pid,),
            topics=("family_planning", "elderly_care"),
        ),
    )
    visits.record(
        p,
        hid,
        VisitInput(
            visited_on=today,
            topics=("child_protection",),
            notes="Hẹn quay lại\nmang tờ rơi",
            follow_up_on=today + timedelta(days=14),
        ),
    )
    [latest, older] = visits.for_household(p, hid)
    assert latest.follow_up_on == today + timedelta(days=14)
    assert older.persons_met_names == ("Nguyễn Thị Hường",)
    assert older.topic_names == ("KHHGĐ / sức khỏe sinh sản", "Chăm sóc người cao tuổi")
    assert [v.visited_on for v in visits.for_period(p, today - timedelta(days=7), today)] == [today]
    with pytest.raises(ValidationError):
        visits.for_period(p, today, today - timedelta(days=1))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"visited_on": date.today() + timedelta(days=1)}, "visited_on"),
        ({"visited_on": None}, "visited_on"),
        ({"topics": ()}, "topics"),
        ({"topics": ("gossip",)}, "topics"),
        ({"collaborator_id": uuid.uuid4()}, "collaborator"),  # nobody in the directory
        ({"follow_up_on": date.today() - timedelta(days=3)}, "follow_up_on"),
        ({"notes": "bad\x1b[31m"}, "notes"),
    ],
)
def test_bad_visit_is_refused_and_nothing_saved(village, change, field):
    register, made = village
    p = register.profile
    hid, _ = made["001"]
    before = stats.counts(p)
    data = {"visited_on": date.today(), "topics": ("family_planning",), **change}
    with pytest.raises(ValidationError) as refused:
        visits.record(p, hid, VisitInput(**data))
    assert field in [problem.field for problem in refused.value.problems]
    assert stats.counts(p) == before


def test_visit_cannot_tick_someone_from_another_household(village):
    register, made = village
    with pytest.raises(ValidationError):
        visits.record(
            register.profile,
            made["001"][0],
            VisitInput(visited_on=date.today(), persons_met=(made["002"][1],), topics=("other",)),
        )


@pytest.mark.parametrize(
    ("event_date", "today", "expected"),
    [
        (date(2026, 10, 30), date(2026, 10, 31), "2026-10"),
        (date(2026, 10, 30), date(2026, 11, 2), "2026-10"),  # before the briefing: last month still open
        (date(2026, 10, 30), date(2026, 11, 4), "2026-11"),  # after it: goes on this month's slip
        (date(2025, 12, 31), date(2026, 1, 3), "2025-12"),
        (date(2026, 3, 1), date(2026, 11, 20), "2026-11"),
    ],
)
def test_default_reporting_month_follows_the_briefing_days(event_date, today, expected):
    assert events.default_reporting_month(event_date, today) == expected


def test_reporting_month_must_be_well_formed_and_not_before_the_event():
    today = date(2026, 11, 20)
    assert events.reporting_month_problems("2026-13", date(2026, 11, 1), today)
    assert events.reporting_month_problems("2026-10", date(2026, 11, 1), today)
    assert events.reporting_month_problems("2026-12", date(2026, 11, 1), today)
    assert not events.reporting_month_problems("2026-11", date(2026, 11, 1), today)


def test_sync_columns_are_stamped_on_every_write(village):
    register, made = village
    p = register.profile
    hid, pid = made["004"]
    counts = stats.counts(p)
    first_user = 1  # the profile's first user in the synced user directory
    assert counts["pending_sync"] == counts["villages"] + counts["households"] + counts["people"] + first_user
    from db.models.register import Person

    with p.sessions() as session:
        person = session.get(Person, pid)
        assert (person.usn, person.origin) == (-1, p.device_id)
        assert person.updated_at.tzinfo is not None


def test_a_broad_query_lists_at_most_the_cap_and_says_so(village):
    register, made = village
    p = register.profile
    narrow = households.list_households(p, "nguyen", cap=5)
    assert (sorted(narrow.ids), narrow.complete) == (sorted([made["001"][0], made["004"][0]]), True)
    broad = households.list_households(p, "xom", cap=2)
    assert (len(broad.ids), broad.complete) == (2, False)
    everyone = households.list_households(p, "")
    assert (len(everyone.ids), everyone.complete) == (4, True)


def test_a_fragment_inside_a_word_is_found_when_no_word_starts_with_it(village):
    register, _ = village
    assert labels(register.profile, "uong") == ["Nguyễn Thị Hường"]
    assert labels(register.profile, "inh") == ["Nguyễn Văn Thịnh"]
