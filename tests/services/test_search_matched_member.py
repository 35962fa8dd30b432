"""The household list names the member a search found a household by, when it was not the head."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.dto import MemberMatch
from desktop.services.register import households, members, search
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput


@pytest.fixture
def two_families(register):
    p = register.profile
    first = households.create(p, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    members.add_member(p, first, PersonInput("Đặng Văn Hùng", "1", date(1978, 4, 2), "head"))
    members.add_member(p, first, PersonInput("Nguyễn Thị Hường", "2", date(1982, 9, 10), "spouse"))
    members.add_member(p, first, PersonInput("Đặng Thị Hường", "2", date(2005, 1, 5), "child"))
    second = households.create(p, HouseholdInput(code="013", village_id=register.village_a, address="Xóm Hường"))
    members.add_member(p, second, PersonInput("Lê Văn Tám", "1", date(1960, 2, 2), "head"))
    members.add_member(p, second, PersonInput("Lê Thị Hường", "2", date(1988, 3, 3), "child"))
    return p, first, second


def listed(p, query):
    found = households.list_households(p, query)
    return {row.code: row.matched for row in households.rows(p, list(found.ids), query)}


def test_a_household_found_by_the_wife_names_her_and_how_she_is_related(two_families):
    p, _first, _second = two_families
    assert listed(p, "nguyen thi huong") == {"012": MemberMatch("Nguyễn Thị Hường", "Vợ/chồng chủ hộ")}
    # Typed without the diacritics, in pieces, or as a fragment inside a word: the same member.
    assert listed(p, "NGUYEN huo")["012"] == MemberMatch("Nguyễn Thị Hường", "Vợ/chồng chủ hộ")
    assert listed(p, "uyen")["012"] == MemberMatch("Nguyễn Thị Hường", "Vợ/chồng chủ hộ")


def test_found_by_the_head_number_or_address_names_nobody(two_families):
    p, _first, _second = two_families
    assert listed(p, "dang van hung") == {"012": None}  # the head: the list already shows him
    assert listed(p, "012") == {"012": None}
    # "huong" is in the address of 013, so it is listed for that and not for its daughter.
    found = listed(p, "huong")
    assert found["013"] is None
    # In 012 two members match; the first in household order (the wife) is named.
    assert found["012"] == MemberMatch("Nguyễn Thị Hường", "Vợ/chồng chủ hộ")


def test_without_a_query_the_rows_name_nobody(two_families):
    p, first, second = two_families
    assert [row.matched for row in households.rows(p, [first, second])] == [None, None]


def test_only_the_given_households_are_read(two_families):
    p, first, second = two_families
    with p.sessions() as session:
        found = search.member_matches(session, "thi huong", [second], {"child": "Con"})
    assert found == {second: MemberMatch("Lê Thị Hường", "Con")} and first not in found
