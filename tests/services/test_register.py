from __future__ import annotations

import functools
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.errors import NotFoundError, SotayError, ValidationError
from desktop.services import stats
from desktop.services.register import categories, households, members, people
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import DuplicatePersonWarning, PersonInput


def adult(name: str, *, sex: str = "1", born: date = date(1980, 5, 1), rel: str = "other") -> PersonInput:
    return PersonInput(full_name=name, sex=sex, birth_date=born, relationship=rel)


@pytest.fixture
def family(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    head = members.add_member(p, hid, adult("Đặng Văn Hùng", rel="head"))
    wife = members.add_member(p, hid, adult("Nguyễn Thị Hường", sex="2", born=date(1984, 2, 3), rel="spouse"))
    return register, hid, head, wife


def test_household_with_members_shows_head_members_and_counts(family):
    register, hid, head, wife = family
    detail = households.detail(register.profile, hid)
    assert detail.head_name == "Đặng Văn Hùng"
    assert [m.full_name for m in detail.members] == ["Đặng Văn Hùng", "Nguyễn Thị Hường"]
    [row] = households.rows(register.profile, [hid])
    assert (row.code, row.members, row.village) == ("012", 2, "Thôn Đông Hà")


def test_household_number_must_be_unique_in_the_commune(family):
    register, *_ = family
    with pytest.raises(ValidationError) as refused:
        households.create(register.profile, HouseholdInput(code="012", village_id=register.village_b))
    assert refused.value.problems[0].field == "code"


def test_moving_a_household_to_another_village(family):
    register, hid, *_ = family
    households.update(register.profile, hid, HouseholdInput(code="012", village_id=register.village_b, address="Xóm 1"))
    assert households.detail(register.profile, hid).village == "Thôn Trung Sơn"


def test_dissolving_is_refused_while_people_live_there_then_allowed(family):
    register, hid, head, wife = family
    p = register.profile
    with pytest.raises(ValidationError):
        households.dissolve(p, hid, on=p.today(), reason="Cả hộ chuyển đi")
    for person in (wife, head):  # the head last: nobody is left to head the household
        people.record_move_out(p, person, moved_on=p.today(), destination="TP. Hà Tĩnh")
    households.dissolve(p, hid, on=p.today(), reason="Cả hộ chuyển đi")
    assert households.detail(p, hid).dissolved_on == p.today()
    with pytest.raises(SotayError):
        members.add_member(p, hid, adult("Lê Văn Nam"))


def standard_of(profile, category: str, year: int) -> str:
    return categories.standard_for(category, year, categories.poverty_standards(profile))


def test_categories_need_a_known_code_and_a_sane_year(family):
    register, hid, *_ = family
    p = register.profile
    year = p.today().year
    households.add_category(
        p, hid, category="poor", year=year, decision_no="125/QĐ-UBND", poverty_standard=standard_of(p, "poor", year)
    )
    with pytest.raises(ValidationError):  # the same category twice in a year
        households.add_category(p, hid, category="poor", year=year, poverty_standard=standard_of(p, "poor", year))
    with pytest.raises(ValidationError):
        households.add_category(p, hid, category="rich", year=year)
    with pytest.raises(ValidationError):
        households.add_category(p, hid, category="near_poor", year=1990, poverty_standard="qd59_2015")
    [row] = households.rows(p, [hid])
    assert row.categories == ("Hộ nghèo",)


def refused_on(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return {problem.field: problem.message for problem in refused.value.problems}


def test_a_poor_or_near_poor_decision_names_the_standard_whose_period_holds_its_year(family):
    register, hid, *_ = family
    p = register.profile
    add = functools.partial(households.add_category, p, hid)
    assert refused_on(lambda: add(category="poor", year=2024)) == {
        "poverty_standard": "Choose the poverty standard the decision was made under."
    }
    assert "poverty_standard" in refused_on(lambda: add(category="near_poor", year=2024, poverty_standard="nd351_2025"))
    assert "poverty_standard" in refused_on(lambda: add(category="poor", year=2024, poverty_standard="made_up"))
    # Decree 351/2025 keeps the 2022-2025 standard for 2026; its own criteria start in 2027.
    assert "poverty_standard" in refused_on(lambda: add(category="poor", year=2026, poverty_standard="nd351_2025"))
    add(category="poor", year=2026, poverty_standard="nd07_2021", decision_no="12/QĐ-UBND")
    add(category="near_poor", year=2024, poverty_standard="nd07_2021")
    # Other categories are not decided under a poverty standard.
    assert refused_on(lambda: add(category="policy", year=2024, poverty_standard="nd07_2021")) == {
        "poverty_standard": "Only a poor or near-poor decision names a poverty standard."
    }
    add(category="policy", year=2024)
    shown = {(c.category, c.year): c for c in households.detail(p, hid).categories}
    assert shown["poor", 2026].poverty_standard == "nd07_2021"
    assert shown["poor", 2026].poverty_standard_name.startswith("Chuẩn nghèo đa chiều giai đoạn 2022–2025")
    assert shown["policy", 2024].poverty_standard == shown["policy", 2024].poverty_standard_name == ""


def test_the_standard_of_a_year_is_the_one_in_force_that_year(profile):
    standards = categories.poverty_standards(profile)
    assert [categories.standard_for("poor", y, standards) for y in (2015, 2021, 2022, 2026, 2027, 2030)] == [
        "",
        "qd59_2015",
        "nd07_2021",
        "nd07_2021",
        "nd351_2025",
        "nd351_2025",
    ]
    assert categories.standard_for("policy", 2024, standards) == ""


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"full_name": ""}, "full_name"),
        ({"full_name": "   "}, "full_name"),
        ({"full_name": "Lê\x07Văn"}, "full_name"),
        ({"full_name": "Lê Văn\u200b Nam"}, "full_name"),
        ({"full_name": "L" * 101}, "full_name"),
        ({"full_name": "Lê Văn 2"}, "full_name"),
        ({"birth_date": date.today() + timedelta(days=1)}, "birth_date"),
        ({"birth_date": None}, "birth_date"),
        ({"birth_date": date(1850, 1, 1)}, "birth_date"),
        ({"relationship": "head", "birth_date": date.today().replace(year=date.today().year - 14)}, "relationship"),
        ({"sex": "3"}, "sex"),
        ({"relationship": "cousin"}, "relationship"),
        ({"national_id": "12345"}, "national_id"),
        ({"notes": "x" * 2001}, "notes"),
    ],
)
def test_bad_member_input_is_refused_and_nothing_is_saved(register, change, field):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="020", village_id=register.village_a))
    before = stats.counts(p)
    data = {"full_name": "Lê Văn Nam", "sex": "1", "birth_date": date(1990, 1, 1), "relationship": "other", **change}
    with pytest.raises(ValidationError) as refused:
        members.add_member(p, hid, PersonInput(**data))
    assert field in [problem.field for problem in refused.value.problems]
    assert stats.counts(p) == before


def test_a_second_head_is_refused(family):
    register, hid, *_ = family
    with pytest.raises(ValidationError) as refused:
        members.add_member(register.profile, hid, adult("Lê Văn Nam", rel="head"))
    assert refused.value.params == {"name": "Đặng Văn Hùng"}


def test_likely_duplicate_warns_and_can_be_confirmed(family):
    register, hid, *_ = family
    p = register.profile
    other = households.create(p, HouseholdInput(code="013", village_id=register.village_b))
    twin = adult("dang van hung", born=date(1980, 9, 9))
    with pytest.raises(DuplicatePersonWarning) as warned:
        members.add_member(p, other, twin)
    assert [(c.full_name, c.household_code) for c in warned.value.candidates] == [("Đặng Văn Hùng", "012")]
    members.add_member(p, other, twin, allow_duplicate=True)
    assert stats.counts(p)["people"] == 3


def test_decomposed_input_is_stored_nfc(register):
    p = register.profile
    hid = households.create(
        p, HouseholdInput(code="030", village_id=register.village_a, address=unicodedata.normalize("NFD", "Xóm Đồng"))
    )
    pid = members.add_member(p, hid, adult(unicodedata.normalize("NFD", "Phạm Thị Ngọc Ánh"), sex="2"))
    person = members.get(p, pid)
    assert person.full_name == "Phạm Thị Ngọc Ánh"
    assert unicodedata.is_normalized("NFC", person.full_name)
    assert households.detail(p, hid).address == "Xóm Đồng"


def test_birth_adds_a_child_and_a_birth_event_for_this_month(family):
    register, hid, head, wife = family
    p = register.profile
    born = p.today()
    child = people.record_birth(
        p, hid, PersonInput("Đặng Minh An", "1", born, "child"), mother_id=wife, place="health_station", birth_order=2
    )
    detail = households.detail(p, hid)
    [event] = detail.events
    assert (event.kind, event.person_id, event.reporting_month) == ("birth", child, f"{born:%Y-%m}")
    assert event.details["birth_order"] == 2


def test_birth_refuses_a_father_as_mother(family):
    register, hid, head, wife = family
    with pytest.raises(ValidationError):
        people.record_birth(
            register.profile, hid, PersonInput("Đặng Minh An", "1", date.today(), "child"), mother_id=head
        )


def test_death_before_birth_is_refused_and_person_stays_present(family):
    register, hid, head, wife = family
    p = register.profile
    with pytest.raises(ValidationError) as refused:
        people.record_death(p, wife, died_on=date(1983, 1, 1))
    assert refused.value.problems[0].field == "death_date"
    assert members.get(p, wife).status == "present"
    assert households.detail(p, hid).events == ()


def test_death_of_the_head_names_the_new_head_and_keeps_one_head(family):
    register, hid, head, wife = family
    p = register.profile
    died = p.today() - timedelta(days=2)
    assert refused_on(lambda: people.record_death(p, head, died_on=died)) == {
        "new_head_id": "Choose who heads the household now."
    }
    assert members.get(p, head).status == "present"  # nothing was saved
    people.record_death(p, head, died_on=died, cause="Bệnh", new_head_id=wife)
    detail = households.detail(p, hid)
    assert detail.head_person_id == wife and detail.head_name == "Nguyễn Thị Hường"
    by_id = {m.id: m for m in detail.members}
    assert (by_id[wife].relationship, by_id[wife].is_head) == ("head", True)
    # The old head's row keeps the code the death line reports, but no longer heads the household.
    assert (by_id[head].status, by_id[head].relationship, by_id[head].is_head) == ("dead", "head", False)
    assert sum(m.is_head for m in detail.members) == 1
    changes = {e.kind: e for e in detail.events}
    assert set(changes) == {"death", "info_change"}
    assert changes["info_change"].person_id == wife
    assert changes["info_change"].details == {"before": {"relationship": "spouse"}}
    assert changes["info_change"].reporting_month == changes["death"].reporting_month
    with pytest.raises(ValidationError):
        people.record_death(p, head, died_on=p.today())


def test_moving_out_the_head_needs_a_new_head_who_stays_and_is_old_enough(family):
    register, hid, head, wife = family
    p = register.profile
    child = members.add_member(
        p, hid, adult("Đặng Minh An", born=p.today().replace(year=p.today().year - 10), rel="child")
    )
    move = functools.partial(people.record_move_out, p, head, moved_on=p.today(), destination="Hà Nội")
    assert refused_on(lambda: move(new_head_id=head)) == {
        "new_head_id": "Choose the new head among the members who still live here."
    }
    assert refused_on(lambda: move(new_head_id=child)) == {
        "new_head_id": "A head of household must be at least {age} years old."
    }
    # Choosing a head is for the head's own leaving only.
    assert "new_head_id" in refused_on(lambda: people.record_move_out(p, wife, moved_on=p.today(), new_head_id=child))
    move(new_head_id=wife)
    detail = households.detail(p, hid)
    assert detail.head_name == "Nguyễn Thị Hường"
    assert [m.full_name for m in detail.members if m.status == "present" and m.relationship == "head"] == [
        "Nguyễn Thị Hường"
    ]


def test_the_last_member_leaves_without_a_new_head_and_the_household_can_then_end(family):
    register, hid, head, wife = family
    p = register.profile
    people.record_move_out(p, wife, moved_on=p.today())
    assert "new_head_id" in refused_on(lambda: people.record_death(p, head, died_on=p.today(), new_head_id=wife))
    people.record_death(p, head, died_on=p.today())
    detail = households.detail(p, hid)
    assert detail.head_person_id is None and all(m.status != "present" for m in detail.members)
    households.dissolve(p, hid, on=p.today(), reason="Không còn ai trong hộ")


def test_children_too_young_to_head_the_household_do_not_stop_the_death_being_recorded(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="040", village_id=register.village_a))
    mother = members.add_member(p, hid, adult("Lê Thị Thu", sex="2", rel="head"))
    young = p.today().replace(year=p.today().year - 8)
    child = members.add_member(p, hid, adult("Lê Văn Bình", born=young, rel="child"))
    people.record_death(p, mother, died_on=p.today())
    detail = households.detail(p, hid)
    assert detail.head_person_id is None
    assert [m.id for m in detail.members if m.status == "present"] == [child]


def test_a_former_head_cannot_come_back_as_a_second_head(family):
    register, hid, head, wife = family
    p = register.profile
    people.record_death(p, head, died_on=p.today(), new_head_id=wife)
    # Correcting the deceased's record keeps their code and does not make them head again.
    old = members.get(p, head)
    members.update_member(p, head, members.to_input(old))
    assert households.detail(p, hid).head_person_id == wife
    son = members.add_member(p, hid, adult("Đặng Văn Tú", born=date(2000, 1, 1), rel="child"))
    refused = refused_on(
        lambda: members.update_member(p, son, replace(members.to_input(members.get(p, son)), relationship="head"))
    )
    assert refused == {"relationship": "{name} is already the head of this household. Change that first."}


def test_marriage_below_legal_age_is_refused(family):
    register, hid, *_ = family
    p = register.profile
    young = members.add_member(p, hid, adult("Đặng Thị Mai", sex="2", born=p.today().replace(year=p.today().year - 17)))
    with pytest.raises(ValidationError):
        people.record_marital_change(p, young, kind="marriage", on=p.today())
    wife = households.detail(p, hid).members[1].id
    people.record_marital_change(p, wife, kind="divorce", on=p.today())
    assert members.get(p, wife).marital_status == "divorced"


def test_asking_for_a_household_that_does_not_exist_is_not_found(family):
    register, hid, head, wife = family
    with pytest.raises(NotFoundError):
        households.detail(register.profile, head)


def test_transfer_member_to_a_new_household_makes_them_its_head(family):
    register, hid, head, wife = family
    p = register.profile
    son = members.add_member(p, hid, adult("Đặng Văn Tú", born=date(2000, 1, 1), rel="child"))
    new_home = households.create(p, HouseholdInput(code="012.1", village_id=register.village_a))
    people.transfer_member(p, son, new_home, relationship="head", on=p.today())
    moved = households.detail(p, new_home)
    assert moved.head_name == "Đặng Văn Tú"
    assert [e.details["from_household"] for e in moved.events] == ["012"]
    assert [m.full_name for m in households.detail(p, hid).members] == ["Đặng Văn Hùng", "Nguyễn Thị Hường"]
    with pytest.raises(ValidationError):
        people.transfer_member(p, head, new_home, relationship="head", on=p.today())


def test_reference_data_has_the_69_communes_and_the_legacy_units(profile):
    from desktop.services import reference

    with profile.sessions() as session:
        communes = reference.communes(session)
        legacy = reference.codes(session, "legacy_admin_units")
    assert len(communes) == 69
    assert sum(c.unit_type == "phuong" for c in communes) == 9
    assert {c.code: c.name for c in communes}["18673"] == "Xã Cẩm Xuyên"
    districts = [u for u in legacy if len(u.code) == 3]
    assert len(districts) == 12 and len(legacy) == 12 + 210
    # The same number meant another commune before 7/2025: the two lists must not be mixed.
    assert {u.code: u.name_vi for u in legacy}["18073"] == "Phường Nam Hà"
    assert {c.code: c.name for c in communes}["18073"] == "Phường Thành Sen"
