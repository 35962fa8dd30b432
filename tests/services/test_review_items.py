"""Two laptops that each keep a rule can break it together: after the merge the problem is a review item
on both copies, the same item, and what the user does about it travels."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.models.review import (
    DISMISSED,
    DONE,
    DUPLICATE_CATEGORY,
    DUPLICATE_CODE,
    DUPLICATE_PERSON,
    OPEN,
    TWO_HEADS,
    ReviewItem,
)
from desktop.cli.report import household_by_code
from desktop.errors import ValidationError
from desktop.services import changesets, review
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.sync.changeset import from_jsonl
from tests.sync.copies import copy_of, reopen


@pytest.fixture
def pair(register, tmp_path):
    """Laptop A with one household headed by a person, and laptop B: a copy of A, already in step."""
    a = register.profile
    hid = households.create(a, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    members.add_member(
        a, hid, PersonInput(full_name="Đặng Văn Hùng", sex="1", birth_date=date(1980, 5, 1), relationship="head")
    )
    home = a.paths.home
    b = copy_of(a, tmp_path / "b")
    a = reopen(home)
    yield a, b, hid, register.village_a
    a.close()
    b.close()


def _exchange(sender, receiver):
    return changesets.apply(receiver, from_jsonl(changesets.extract(sender).to_jsonl()))


def _both_ways(a, b):
    first = _exchange(a, b)
    _exchange(b, a)
    return first


def _items(profile):
    with profile.sessions() as session:
        return {item.id: (item.kind, item.state) for item in session.scalars(select(ReviewItem))}


def _newborn(profile, hid, **extra):
    data = PersonInput(full_name="Đặng Thị Mai", sex="2", birth_date=date(2024, 3, 9), relationship="child", **extra)
    return members.add_member(profile, hid, data)


def test_one_number_given_on_both_copies_is_one_open_item_on_each_and_renumbering_closes_it(pair):
    a, b, _hid, village = pair
    on_a = households.create(a, HouseholdInput(code="015", village_id=village, address="Xóm 1"))
    on_b = households.create(b, HouseholdInput(code="015", village_id=village, address="Xóm 2"))
    report = _both_ways(a, b)
    assert report.review_items == 1
    assert _items(a) == _items(b) and list(_items(a).values()) == [(DUPLICATE_CODE, OPEN)]
    [item] = review.list_open(b)
    assert item.kind == DUPLICATE_CODE and {r.id for r in item.records} == {on_a, on_b}
    assert [r.label for r in item.records] == ["015", "015"] and item.params["code"] == "015"
    assert review.count_open(a) == 1
    assert sorted(households.find_all_by_code(b, "015")) == sorted([on_a, on_b])
    with pytest.raises(ValidationError) as refused:
        household_by_code(b, "015")
    assert refused.value.params == {"code": "015"} and "Needs review" in refused.value.message

    with pytest.raises(ValidationError):  # renumbering checks as any edit does: 012 is taken
        review.renumber(a, on_b, "012")
    review.renumber(a, on_b, "016")
    assert review.count_open(a) == 0 and review.list_open(a) == []
    _exchange(a, b)
    assert list(_items(b).values()) == [(DUPLICATE_CODE, DONE)] and review.count_open(b) == 0
    assert household_by_code(b, "015") == on_a and households.find_all_by_code(b, "016") == [on_b]


def test_the_same_person_added_on_both_copies_is_an_item_and_dismissing_it_travels(pair):
    a, b, hid, _village = pair
    mai_a, mai_b = _newborn(a, hid), _newborn(b, hid)
    _both_ways(a, b)
    [item] = review.list_open(a)
    assert item.kind == DUPLICATE_PERSON and {r.id for r in item.records} == {mai_a, mai_b}
    assert item.params["name"] == "Đặng Thị Mai" and item.params["n"] == 2
    assert [i.id for i in review.list_open(b)] == [item.id]
    review.dismiss(b, item.id)
    assert review.count_open(b) == 0
    with pytest.raises(ValidationError):
        review.dismiss(b, item.id)  # already settled
    _exchange(b, a)
    assert _items(a)[item.id] == (DUPLICATE_PERSON, DISMISSED) and review.count_open(a) == 0
    with a.sessions.begin() as session:
        assert review.scan(session) == 0  # the problem is still there, and stays dismissed
    assert _items(a)[item.id][1] == DISMISSED


def test_the_same_personal_id_under_two_names_is_a_likely_duplicate(pair):
    a, b, hid, _village = pair
    members.add_member(
        a, hid, PersonInput("Lê Văn An", "1", date(1990, 1, 2), "child", national_id="042090000123")
    )  # fmt: skip
    members.add_member(
        b, hid, PersonInput("Lê Văn Ân", "1", date(1991, 1, 2), "child", national_id="042090000123")
    )  # fmt: skip
    _both_ways(a, b)
    assert [i.kind for i in review.list_open(a)] == [DUPLICATE_PERSON]


def test_two_heads_and_a_category_twice_for_a_year_become_items(pair, register):
    a, b, hid, village = pair
    headless = households.create(a, HouseholdInput(code="020", village_id=village))
    _exchange(a, b)
    members.add_member(a, headless, PersonInput("Phan Văn Bình", "1", date(1970, 2, 2), "head"))
    members.add_member(b, headless, PersonInput("Phan Thị Cúc", "2", date(1972, 3, 3), "head"))
    year = a.today().year
    households.add_category(a, hid, category="policy", year=year)
    households.add_category(b, hid, category="policy", year=year)
    _both_ways(a, b)
    kinds = {i.kind: i for i in review.list_open(a)}
    assert set(kinds) == {TWO_HEADS, DUPLICATE_CATEGORY}
    assert kinds[TWO_HEADS].params["code"] == "020" and kinds[TWO_HEADS].params["n"] == 2
    assert kinds[DUPLICATE_CATEGORY].params["year"] == year and kinds[DUPLICATE_CATEGORY].params["code"] == "012"
    assert _items(a) == _items(b)


def test_scanning_again_or_applying_the_same_changeset_again_makes_nothing_new(pair):
    a, b, _hid, village = pair
    households.create(a, HouseholdInput(code="015", village_id=village))
    households.create(b, HouseholdInput(code="015", village_id=village))
    changeset = changesets.extract(a)
    assert changesets.apply(b, changeset).review_items == 1
    before = _items(b)
    again = changesets.apply(b, changeset)
    assert (again.applied, again.review_items) == (0, 0)
    with b.sessions.begin() as session:
        assert review.scan(session) == 0
    assert _items(b) == before


def test_without_a_merge_nothing_is_raised(pair):
    a, b, _hid, village = pair
    households.create(a, HouseholdInput(code="030", village_id=village))
    assert _exchange(a, b).review_items == 0 and review.list_open(b) == []
