"""The yearly family and domestic-violence figures (Thông tư 07/2017) of a register built for it: worked out
by hand, and again by raw SQL written here apart from the service."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from db.sealed import ContentCipher
from desktop.errors import ValidationError
from desktop.services.casework import cases, dv, dv_measures, parties, timeline
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.parties import PartyInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.documents import family_dv
from desktop.services.documents.family_dv import People
from desktop.services.documents.periods import PeriodNotBegunError
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.handle import Profile
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members, people
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

TODAY = date(2026, 3, 10)
YEAR = 2025
M, F = "1", "2"


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(Profile, "today", lambda _self: TODAY)
    return TODAY


def _household(p, village, code: str, *members_of: tuple[str, str, date, str]) -> dict[str, object]:
    household = households.create(p, HouseholdInput(code=code, village_id=village))
    found: dict[str, object] = {"id": household}
    for name, sex, born, relationship in members_of:
        found[name] = members.add_member(p, household, PersonInput(name, sex, born, relationship))
    return found


@pytest.fixture
def year(register, today):
    """Village A holds one household of each shape, with the edge cases of the year's end; village B two
    sisters left together and an older case. Cases, parties, measures and support as in the test below."""
    p, a, b = register.profile, register.village_a, register.village_b
    h = {
        "one": _household(
            p, a, "A01", ("Lê Văn Một", M, date(1960, 1, 1), "head"), ("Hồ Thị Hai", F, date(1962, 2, 2), "spouse")
        ),
        "mother": _household(
            p,
            a,
            "A02",
            ("Trần Thị Ba", F, date(1980, 3, 3), "head"),
            ("Trần Văn Bốn", M, date(2005, 4, 4), "child"),
            ("Trần Thị Năm", F, date(2008, 5, 5), "child"),
        ),
        "two": _household(
            p,
            a,
            "A03",
            ("Phan Văn Sáu", M, date(1985, 6, 6), "head"),
            ("Võ Thị Bảy", F, date(1990, 7, 7), "spouse"),
            ("Phan Văn Tám", M, date(2015, 8, 8), "child"),
        ),
        "three": _household(
            p,
            a,
            "A04",
            ("Đặng Văn Chín", M, date(1950, 9, 9), "head"),
            ("Đặng Văn Mười", M, date(1975, 10, 10), "child"),
            ("Đặng Văn Mười Một", M, date(2012, 11, 11), "grandchild"),
        ),
        "alone": _household(p, a, "A05", ("Ngô Thị Lẻ", F, date(1945, 1, 5), "head")),
        "lodger": _household(
            p, a, "A06", ("Bùi Văn Chủ", M, date(1970, 1, 6), "head"), ("Mai Văn Trọ", M, date(1999, 1, 7), "other")
        ),
        "son": _household(
            p, a, "A07", ("Lý Văn Con", M, date(1972, 1, 8), "head"), ("Lý Thị Mẹ", F, date(1948, 1, 9), "parent")
        ),
        "couple_mother": _household(
            p,
            a,
            "A08",
            ("Tạ Văn Chồng", M, date(1978, 2, 1), "head"),
            ("Tạ Thị Vợ", F, date(1980, 2, 2), "spouse"),
            ("Tạ Thị Bà", F, date(1950, 2, 3), "parent"),
        ),
        "skipped": _household(
            p,
            a,
            "A09",
            ("Hà Thị Ngoại", F, date(1955, 2, 4), "head"),
            ("Hà Văn Cháu", M, date(2014, 2, 5), "grandchild"),
        ),
        "dissolved": _household(p, a, "A10", ("Kiều Văn Đi", M, date(1980, 2, 6), "head")),
        "widowed": _household(
            p, a, "A11", ("Quách Văn Ông", M, date(1940, 2, 7), "head"), ("Quách Thị Bà", F, date(1942, 2, 8), "spouse")
        ),
        "sisters": _household(
            p, b, "B01", ("Vũ Thị Chị", F, date(2000, 3, 1), "child"), ("Vũ Thị Em", F, date(2003, 3, 2), "child")
        ),
    }
    people.record_move_out(p, h["dissolved"]["Kiều Văn Đi"], moved_on=date(2025, 5, 1))
    households.dissolve(p, h["dissolved"]["id"], on=date(2025, 5, 2), reason="Cả hộ chuyển đi")
    # After the year's end; his wife heads the household now, and was his spouse on 31/12.
    people.record_death(
        p, h["widowed"]["Quách Văn Ông"], died_on=date(2026, 2, 1), new_head_id=h["widowed"]["Quách Thị Bà"]
    )
    people.record_move_in(
        p, h["alone"]["id"], PersonInput("Ngô Văn Về", M, date(1944, 3, 3), "spouse"), moved_on=date(2026, 1, 20)
    )
    members.add_member(
        p, h["mother"]["id"], PersonInput("Trần Bé Mới", F, date(2026, 2, 14), "child")
    )  # born the next year
    _cases(p, h)
    return h


def _cases(p, h) -> None:
    husband, wife = h["two"]["Phan Văn Sáu"], h["two"]["Võ Thị Bảy"]
    first = cases.open_case(p, CaseInput("domestic_violence", h["two"]["id"], date(2025, 3, 1), person_id=wife))
    dv.record_acts(p, first, ActsInput(("a", "b"), "married"))
    parties.add_party(p, first, PartyInput("victim", person_id=wife))
    parties.add_party(p, first, PartyInput("perpetrator", person_id=husband))
    parties.add_party(p, first, PartyInput("reporter", anonymous=True))  # not counted
    dv_measures.apply_measure(
        p, first, MeasureInput("no_contact", date(2025, 3, 1), "1/QĐ", date(2025, 3, 1), date(2025, 3, 3), 100)
    )
    dv_measures.apply_measure(p, first, MeasureInput("stop_violence", date(2025, 3, 1), "2/QĐ"))
    dv_measures.apply_measure(p, first, MeasureInput("stop_violence", date(2025, 3, 20), "3/QĐ"))
    dv_measures.refer(p, first, body="commune_police", sent_on=date(2025, 3, 2))
    timeline.record(p, first, ActionInput("mediation", date(2025, 3, 5), result="reconciled"))
    timeline.record(p, first, ActionInput("support", date(2025, 3, 6), "Tư vấn"))
    timeline.record(p, first, ActionInput("note", date(2025, 3, 7), "Gọi điện hỏi thăm"))  # not support
    second = cases.open_case(p, CaseInput("domestic_violence", h["three"]["id"], date(2025, 6, 10)))
    dv.record_acts(p, second, ActsInput(("n",), "other_family"))
    parties.add_party(p, second, PartyInput("victim", person_id=h["three"]["Đặng Văn Mười Một"]))  # 12: under 16
    parties.add_party(p, second, PartyInput("victim", person_id=h["three"]["Đặng Văn Chín"]))  # 75
    parties.add_party(p, second, PartyInput("perpetrator", name="Người Không Rõ"))  # no sex, no year
    parties.add_party(p, second, PartyInput("perpetrator", name="Lê Thị Dì", sex=F, birth_year=1962))  # 63 that year
    parties.add_party(p, second, PartyInput("perpetrator", name="Lê Văn Cậu", sex=M, birth_year=2011))  # 14 that year
    third = cases.open_case(p, CaseInput("domestic_violence", h["two"]["id"], date(2025, 11, 20)))  # no act recorded
    parties.add_party(p, third, PartyInput("victim", person_id=wife))  # the same two people: counted once
    parties.add_party(p, third, PartyInput("perpetrator", person_id=husband))
    cases.open_case(
        p, CaseInput("domestic_violence", h["mother"]["id"], date(2025, 12, 1), person_id=h["mother"]["Trần Thị Ba"])
    )
    older = cases.open_case(p, CaseInput("domestic_violence", h["sisters"]["id"], date(2024, 12, 20)))
    dv_measures.apply_measure(
        p, older, MeasureInput("stop_violence", date(2025, 1, 5), "4/QĐ")
    )  # counted: decided in 2025
    cases.open_case(p, CaseInput("domestic_violence", h["one"]["id"], date(2026, 1, 15)))  # the next year
    cases.open_case(
        p, CaseInput("child_protection", h["three"]["id"], date(2025, 4, 1), person_id=h["three"]["Đặng Văn Mười Một"])
    )


# Household shapes ##########################################################################


@pytest.mark.parametrize(
    ("relationships", "shape"),
    [
        (["head"], family_dv.OTHER),
        (["head", "other", "other"], family_dv.OTHER),
        (["head", "spouse"], family_dv.ONE),
        (["child", "child"], family_dv.ONE),
        (["head", "spouse", "other"], family_dv.ONE),
        (["head", "child", "adopted_child_in_law"], family_dv.SINGLE_PARENT),
        (["spouse", "child"], family_dv.SINGLE_PARENT),
        (["head", "parent"], family_dv.SINGLE_PARENT),
        (["head", "spouse", "parent"], family_dv.TWO),
        (["head", "spouse", "child"], family_dv.TWO),
        (["head", "parent", "parent"], family_dv.TWO),
        (["head", "grandchild"], family_dv.TWO),
        (["parent", "head", "child"], family_dv.THREE_PLUS),
        (["head", "child", "grandchild", "parent"], family_dv.THREE_PLUS),
    ],
)
def test_a_household_s_row_follows_its_generations(relationships, shape):
    assert family_dv.household_shape(relationships) == shape


# The year's figures ########################################################################


def test_the_households_on_the_year_s_last_day_by_shape(year, register):
    figures = family_dv.family_dv_figures(register.profile, YEAR)
    a, b = figures.villages
    assert (figures.first_day, figures.last_day, figures.as_of) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
        date(2025, 12, 31),
    )
    # The widower died after the year's end and the new spouse came after it: both as on 31/12.
    assert a.shapes == {"single_parent": 2, "one_generation": 2, "two_generations": 3, "three_plus": 1, "other": 2}
    assert a.total == 10 and (b.total, b.shapes["one_generation"]) == (1, 1)
    assert figures.total.total == 11 and figures.total.shapes["one_generation"] == 3
    assert figures.total == family_dv.Households(None, "", 11, _raw_shapes(register.profile, date(2025, 12, 31)))


def test_during_the_current_year_the_households_are_counted_on_today(year, register):
    figures = family_dv.family_dv_figures(register.profile, TODAY.year)
    assert figures.as_of == TODAY
    shapes = figures.total.shapes
    # The widow now lives alone (other), the woman alone has her husband back (one generation).
    assert (shapes["other"], shapes["one_generation"]) == (2, 3)
    assert figures.total.shapes == _raw_shapes(register.profile, TODAY)
    assert figures.violence is not None and figures.violence.cases == 1


def test_the_violence_of_the_year(year, register):
    found = family_dv.family_dv_figures(register.profile, YEAR).violence
    assert found is not None
    assert (found.households, found.cases) == (3, 4)
    assert found.types == {"physical": 1, "mental": 1, "sexual": 0, "economic": 1} and found.untyped == 2
    assert found.perpetrators == People(total=4, male=2, female=1, under_16=1, aged_60_plus=1)
    assert found.victims == People(total=4, male=2, female=2, under_16=1, aged_60_plus=1)
    assert found.measures["stop_violence"] == (2, 3) and found.measures["no_contact"] == (1, 1)
    assert sum(found.measures.values(), ()).count(0) == 2 * 9  # the other nine measures: every one listed, zero
    assert found.referrals["commune_police"] == (1, 1) and sum(n for _c, n in found.referrals.values()) == 1
    assert found.support == {"support": (1, 1), "mediation": (1, 1)}  # the note is not support
    assert found.by_village == {register.village_a: (3, 4), register.village_b: (0, 0)}
    raw = _raw_violence(register.profile, date(2025, 1, 1), date(2025, 12, 31))
    assert (found.households, found.cases, dict(found.types)) == raw["cases"]
    assert (found.victims, found.perpetrators) == (raw["victim"], raw["perpetrator"])
    assert {k: v for k, v in found.measures.items() if v != (0, 0)} == raw["measures"]


def test_a_collaborator_without_the_protection_permission_gets_the_families_only(year, register):
    users.add_user(
        register.profile, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông"
    )
    ctv = profile_service.unlock(register.profile.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        figures = family_dv.family_dv_figures(ctv, YEAR)
    finally:
        ctv.close()
    [a] = figures.villages  # only the village she keeps
    assert a.village_id == register.village_a and figures.total.total == 10
    assert figures.violence is None


def test_with_the_permission_a_collaborator_counts_her_own_villages_only(year, register):
    users.add_user(
        register.profile,
        UserInput("Hồ Thị Lam", Role.CTV, protection=True, villages=(register.village_b,)),
        "lam giữ thôn trung",
    )
    ctv = profile_service.unlock(register.profile.paths, "Hồ Thị Lam", "lam giữ thôn trung")
    try:
        figures = family_dv.family_dv_figures(ctv, YEAR)
    finally:
        ctv.close()
    assert figures.total.total == 1 and figures.violence is not None
    assert (figures.violence.cases, figures.violence.measures["stop_violence"]) == (0, (1, 1))


def test_a_year_not_begun_is_refused_and_an_old_one_too(register, today):
    with pytest.raises(PeriodNotBegunError):
        family_dv.family_dv_figures(register.profile, TODAY.year + 1)
    with pytest.raises(ValidationError):
        family_dv.family_dv_figures(register.profile, 1999)


# The independent computation ###############################################################

PRESENT = """
    p.deleted_at IS NULL AND p.birth_date <= :day
    AND (p.status = 'present' OR (p.status = 'dead' AND p.death_date > :day)
         OR (p.status = 'moved_out' AND p.left_on > :day))
    AND NOT EXISTS (SELECT 1 FROM population_events e WHERE e.person_id = p.id AND e.kind = 'move_in'
                    AND e.event_date > :day AND e.deleted_at IS NULL)
"""


def _raw_shapes(profile, day: date) -> dict[str, int]:
    """Each household's generations counted in SQL (grandparents -1 … grandchildren 2), then its row."""
    sql = f"""
        SELECT SUM(p.relationship = 'parent'), SUM(p.relationship IN ('head', 'spouse')),
               SUM(p.relationship IN ('child', 'adopted_child_in_law')), SUM(p.relationship = 'grandchild'),
               SUM(p.relationship = 'head') AND SUM(p.relationship = 'spouse')
        FROM households h JOIN people p ON p.household_id = h.id
        WHERE h.deleted_at IS NULL AND (h.dissolved_on IS NULL OR h.dissolved_on > :day) AND {PRESENT}
        GROUP BY h.id
    """
    counted: Counter[str] = Counter({s: 0 for s in family_dv.SHAPES})
    with profile.engine.connect() as db:
        for up, mid, down, low, couple in db.execute(text(sql), {"day": day.isoformat()}):
            sizes = [up, mid, down, low]
            present = [i for i, n in enumerate(sizes) if n]
            if sum(sizes) < 2:
                counted["other"] += 1
            elif len(present) == 1:
                counted["one_generation"] += 1
            elif len(present) >= 3:
                counted["three_plus"] += 1
            elif present[1] == present[0] + 1 and sizes[present[0]] == 1 and not (present[1] == 1 and couple):
                counted["single_parent"] += 1
            else:
                counted["two_generations"] += 1
    return dict(counted)


def _opened(table: str, alias: str, field: str) -> str:
    """SQL reading a sealed content column in clear through `opened` (see `_raw`): the key is the test's."""
    return f"opened('{table}', {alias}.id, '{field}', {alias}.{field})"


C_KIND, C_PERSON = _opened("support_cases", "c", "kind"), _opened("support_cases", "c", "person_id")
X_ROLE, X_SEX = _opened("case_parties", "x", "role"), _opened("case_parties", "x", "sex")
X_PERSON, X_YEAR = _opened("case_parties", "x", "person_id"), _opened("case_parties", "x", "birth_year")
V_ROLE, M_MEASURE = _opened("case_parties", "v", "role"), _opened("case_measures", "m", "measure")
DV_CASES = f"{C_KIND} = 'domestic_violence' AND c.deleted_at IS NULL AND c.opened_on BETWEEN :first AND :last"
AGE = "CAST((julianday(c.opened_on) - julianday(p.birth_date)) / 365.2425 AS INTEGER)"
PARTIES = f"""
    SELECT COALESCE(p.sex, {X_SEX}), COALESCE({AGE}, CAST(strftime('%Y', c.opened_on) AS INTEGER) - {X_YEAR}),
           COALESCE({X_PERSON}, x.id), c.opened_on
    FROM case_parties x JOIN support_cases c ON c.id = x.case_id LEFT JOIN people p ON p.id = {X_PERSON}
    WHERE {X_ROLE} = :role AND x.deleted_at IS NULL AND {DV_CASES}
    UNION ALL
    SELECT p.sex, {AGE}, p.id, c.opened_on
    FROM support_cases c JOIN people p ON p.id = {C_PERSON}
    WHERE :role = 'victim' AND {DV_CASES} AND NOT EXISTS (
        SELECT 1 FROM case_parties v WHERE v.case_id = c.id AND {V_ROLE} = 'victim' AND v.deleted_at IS NULL)
    ORDER BY 4
"""
MEASURES = f"""
    SELECT {M_MEASURE}, COUNT(DISTINCT m.case_id), COUNT(*)
    FROM case_measures m JOIN support_cases c ON c.id = m.case_id
    WHERE m.deleted_at IS NULL AND {C_KIND} = 'domestic_violence' AND c.deleted_at IS NULL
          AND m.decided_on BETWEEN :first AND :last
    GROUP BY {M_MEASURE}
"""


@contextmanager
def _raw(profile) -> Iterator[Any]:
    """A connection of the profile's engine with `opened(table, id, field, value)`: a sealed value in clear
    (text, a number, lists as JSON, a person as the 32 hex digits people.id holds), opened with the key."""
    cipher = ContentCipher(profile.protection_key)

    def opened(table: str, row_id: str, field: str, stored: bytes) -> object:
        value = cipher.open(table, uuid.UUID(row_id), field, stored)
        if field == "person_id":
            return None if value is None else uuid.UUID(value).hex
        return json.dumps(value) if isinstance(value, list | dict) else value

    with profile.engine.connect() as db:
        db.connection.dbapi_connection.create_function("opened", 4, opened)
        yield db


def _raw_violence(profile, first: date, last: date) -> dict[str, object]:
    span = {"first": first.isoformat(), "last": last.isoformat()}
    acts_sql = f"SELECT c.household_id, {_opened('support_cases', 'c', 'acts')} FROM support_cases c WHERE {DV_CASES}"
    with _raw(profile) as db:
        rows = db.execute(text(acts_sql), span).all()
        act_types = "SELECT code, json_extract(extra, '$.dv_type') FROM code_items WHERE \"table\" = 'dv_acts'"
        types = dict(db.execute(text(act_types)).all())
        kinds: Counter[str] = Counter({"physical": 0, "mental": 0, "sexual": 0, "economic": 0})
        for _household, acts in rows:
            kinds.update({types[a] for a in json.loads(acts)})
        people = {
            role: _raw_people(db.execute(text(PARTIES), {"role": role, **span})) for role in ("victim", "perpetrator")
        }
        measures = db.execute(text(MEASURES), span).all()
    return {
        "cases": (len({h for h, _a in rows}), len(rows), dict(kinds)),
        "victim": people["victim"],
        "perpetrator": people["perpetrator"],
        "measures": {code: (n_cases, n) for code, n_cases, n in measures},
    }


def _raw_people(listed) -> People:
    """Each person once, at the earliest case (the rows come in date order)."""
    once: dict[object, tuple[str, int | None]] = {}
    for sex, age, who, _on in listed:
        once.setdefault(who, (sex, age))
    return People(
        total=len(once),
        male=sum(sex == M for sex, _age in once.values()),
        female=sum(sex == F for sex, _age in once.values()),
        under_16=sum(age is not None and age < 16 for _sex, age in once.values()),
        aged_60_plus=sum(age is not None and age >= 60 for _sex, age in once.values()),
    )
