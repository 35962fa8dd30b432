"""The monthly figures about people: population at the month's end, births, priority households visited,
visits by topic and children by group of Art. 10, against counts worked out by hand and by raw SQL."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from db.models.casework import SupportCase
from desktop.services.casework import cases, child
from desktop.services.casework.cases import CaseInput
from desktop.services.documents import monthly
from desktop.services.documents.monthly_people import years_before
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from desktop.services.register import categories, households, members, people, visits
from desktop.services.register.events import month_of, previous_month
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput

TODAY = date.today()
MONTH = previous_month(TODAY)
FIRST = date.fromisoformat(f"{MONTH}-01")
LAST = FIRST.replace(day=calendar.monthrange(FIRST.year, FIRST.month)[1])
BEFORE = FIRST - timedelta(days=3)


def day(n: int) -> date:
    return FIRST + timedelta(days=n - 1)


@pytest.fixture
def town(register):
    """Village A: A1 (a girl of exactly 15, a woman of 36, one of exactly 50, a man; a boy born on day 2,
    first child) and A2 (a boy of exactly 16, a man of exactly 60, a woman who died on day 5, a man who
    moved out after the month; a boy born 4th and a girl without a birth order). Village B: B1 (a man; a
    girl born 3rd; a man who moved in after the month; a baby born after the month), B2 (its only member
    moved out on day 4)."""
    p = register.profile
    a1 = households.create(p, HouseholdInput(code="A1", village_id=register.village_a))
    a2 = households.create(p, HouseholdInput(code="A2", village_id=register.village_a))
    b1 = households.create(p, HouseholdInput(code="B1", village_id=register.village_b))
    b2 = households.create(p, HouseholdInput(code="B2", village_id=register.village_b))
    add = members.add_member
    mai = add(p, a1, PersonInput("Lê Thị Mai", "2", years_before(LAST, 15), "child"))
    add(p, a1, PersonInput("Phạm Thị Hà", "2", date(LAST.year - 36, 1, 1), "head"))
    add(p, a1, PersonInput("Võ Thị Năm", "2", years_before(LAST, 50), "other"))
    add(p, a1, PersonInput("Lê Văn Hùng", "1", date(LAST.year - 38, 3, 3), "spouse"))
    add(p, a2, PersonInput("Hồ Văn Mười Sáu", "1", years_before(LAST, 16), "child"))
    add(p, a2, PersonInput("Hồ Văn Sáu Mươi", "1", years_before(LAST, 60), "head"))
    grandma = add(p, a2, PersonInput("Nguyễn Thị Bà", "2", date(1940, 2, 2), "other"))
    uncle = add(p, a2, PersonInput("Hồ Văn Chú", "1", date(1980, 5, 5), "other"))
    add(p, b1, PersonInput("Đặng Văn Bình", "1", date(1970, 7, 7), "head"))
    leaver = add(p, b2, PersonInput("Cao Văn Đi", "1", date(1990, 9, 9), "head"))
    people.record_death(p, grandma, died_on=day(5), reporting_month=MONTH)
    people.record_move_out(p, uncle, moved_on=TODAY, reporting_month=month_of(TODAY))
    people.record_move_out(p, leaver, moved_on=day(4), reporting_month=MONTH)

    def born(household, name: str, sex: str, on: date, order: int | None, reporting: str = MONTH):
        data = PersonInput(name, sex, on, "child")
        return people.record_birth(p, household, data, birth_order=order, reporting_month=reporting)

    born(a1, "Lê Văn Một", "1", day(2), 1)
    boy = born(a2, "Hồ Văn Tư", "1", day(8), 4)
    born(a2, "Hồ Thị Chưa Ghi", "2", day(9), None)
    girl = born(b1, "Đặng Thị Ba", "2", day(3), 3)
    born(b1, "Đặng Văn Sau", "1", TODAY, 1, reporting=month_of(TODAY))  # the next month's slip
    people.record_move_in(
        p, b1, PersonInput("Đặng Văn Đến", "1", date(1995, 1, 1), "other"), moved_on=TODAY,
        reporting_month=month_of(TODAY),
    )  # fmt: skip
    # Priority: A1 poor this year (visited in the month), A2 near-poor (visited only the month before);
    # B1 average income this year (not a priority category) and poor only last year.
    year = FIRST.year
    standards = categories.poverty_standards(p)

    def decided(household, category, year):  # a poor or near-poor decision names its poverty standard
        standard = categories.standard_for(category, year, standards)
        households.add_category(p, household, category=category, year=year, poverty_standard=standard)

    decided(a1, "poor", year)
    decided(a2, "near_poor", year)
    decided(b1, "average_income", year)
    decided(b1, "poor", year - 1)
    for household, on, topics in (
        (a1, day(6), ("family_planning", "child_nutrition")),
        (a1, day(20), ("family_planning",)),
        (b1, day(7), ("elderly_care",)),
        (a2, BEFORE, ("elderly_care",)),
    ):
        visits.record(p, household, VisitInput(visited_on=on, topics=topics))
    # Children: Mai (groups a, i); the boy born 4th with two open cases (i, then d) is one child;
    # the girl born 3rd had a case closed in the month.
    for person, household, opened, groups in ((mai, a1, day(2), ("a", "i")), (boy, a2, day(10), ("i",)),
                                              (boy, a2, day(11), ("d",)), (girl, b1, day(4), ("c",))):  # fmt: skip
        case = cases.open_case(p, CaseInput("child_protection", household, opened, person_id=person))
        child.set_groups(p, case, groups)
        if person == girl:
            with p.sessions.begin() as session:  # the closing steps are not what is tested here
                row = session.get(SupportCase, case)
                row.state, row.closed_on = "closed", day(15)
    return p


def test_the_population_at_the_month_s_end_by_village_and_in_all(town, register):
    figures = monthly.monthly_figures(town, MONTH)
    a, b = figures.villages
    assert a.population == {"households": 2, "people": 10, "women_15_49": 2, "children": 4, "elderly": 1}
    assert b.population == {"households": 1, "people": 2, "women_15_49": 0, "children": 1, "elderly": 0}
    assert figures.total.population["people"] == 12 and figures.as_of == LAST


def test_the_number_of_people_agrees_with_a_raw_count(town):
    with town.engine.connect() as conn:
        raw = conn.execute(
            text(
                "SELECT count(*), count(DISTINCT p.household_id) FROM people p"
                " JOIN households h ON h.id = p.household_id"
                " WHERE p.deleted_at IS NULL AND h.deleted_at IS NULL AND p.birth_date <= :last"
                " AND (h.dissolved_on IS NULL OR h.dissolved_on > :last)"
                " AND (p.status = 'present' OR (p.status = 'dead' AND p.death_date > :last)"
                "      OR (p.status = 'moved_out' AND p.left_on > :last))"
                " AND p.id NOT IN (SELECT person_id FROM population_events"
                "      WHERE kind = 'move_in' AND event_date > :last AND deleted_at IS NULL)"
            ),
            {"last": LAST.isoformat()},
        ).one()
    total = monthly.monthly_figures(town, MONTH).total.population
    assert (total["people"], total["households"]) == tuple(raw) == (12, 3)


def test_births_by_sex_and_birth_order(town):
    births = monthly.monthly_figures(town, MONTH).total.births
    assert births["all"] == 4 and (births["1"], births["2"]) == (2, 2)
    assert births["third_plus"] == 2 and (births["third_plus:1"], births["third_plus:2"]) == (1, 1)
    assert births["order_unknown"] == 1
    with town.engine.connect() as conn:
        on_slip = conn.execute(
            text("SELECT count(*) FROM population_events WHERE kind = 'birth' AND reporting_month = :m"),
            {"m": MONTH},
        ).scalar()
    assert births["all"] == on_slip


def test_priority_households_and_those_visited_in_the_month(town, register):
    figures = monthly.monthly_figures(town, MONTH)
    a, b = figures.villages
    assert a.priority == {"households": 2, "visited": 1}
    assert b.priority == {}  # average income is no priority, and last year's poor status is not this year's


def test_visits_by_topic_count_a_visit_under_each_of_its_topics(town):
    topics = monthly.monthly_figures(town, MONTH).total.visit_topics
    assert topics == {"family_planning": 2, "child_nutrition": 1, "elderly_care": 1}
    assert sum(topics.values()) > monthly.monthly_figures(town, MONTH).total.visits  # hence never added up


def test_children_by_group_of_article_10_with_open_cases_at_the_month_s_end(town):
    groups = monthly.monthly_figures(town, MONTH).total.child_groups
    assert groups == {"all": 2, "a": 1, "i": 2, "d": 1}  # the girl's case closed on day 15


def test_without_the_protection_permission_there_are_no_children_by_group(town, register):
    users.add_user(town, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(town.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        figures = monthly.monthly_figures(ctv, MONTH)
    finally:
        ctv.close()
    [a] = figures.villages
    assert a.child_groups == {} and figures.total.child_groups == {}
    assert a.population["people"] == 10 and a.births["all"] == 3  # the rest is not case content


def test_during_the_month_the_population_is_that_of_today(town):
    figures = monthly.monthly_figures(town, month_of(TODAY))
    assert figures.as_of == TODAY
    # Today the man moved in and the baby born today live here; the uncle moved out today.
    assert figures.total.population["people"] == 12 + 2 - 1
