"""Monthly figures for a fixture month, against numbers worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.errors import ValidationError
from desktop.services.casework import cases, dv, dv_measures, timeline
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.communication import activities
from desktop.services.communication.activities import ActivityInput
from desktop.services.documents import monthly
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members, people, visits
from desktop.services.register.events import month_of, previous_month
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput

TODAY = date.today()
MONTH = previous_month(TODAY)
FIRST = date.fromisoformat(f"{MONTH}-01")
BEFORE = FIRST - timedelta(days=3)  # the month before the fixture month


def day(n: int) -> date:
    return FIRST + timedelta(days=n - 1)


@pytest.fixture
def month(register):
    """Village A: two households, three visits, a DV case (measure, referral, mediation, note, closed) and an
    open child case.
    Village B: one household with a death on the month's slip and an older case still open."""
    p = register.profile
    a1 = households.create(p, HouseholdInput(code="A1", village_id=register.village_a))
    a2 = households.create(p, HouseholdInput(code="A2", village_id=register.village_a))
    b1 = households.create(p, HouseholdInput(code="B1", village_id=register.village_b))
    wife = members.add_member(p, a1, PersonInput("Trần Thị Na", "2", date(1990, 1, 1), "head"))
    kid = members.add_member(p, a2, PersonInput("Lê Văn Bé", "1", date(2016, 1, 1), "child"))
    grandpa = members.add_member(p, b1, PersonInput("Hồ Văn Cả", "1", date(1940, 1, 1), "head"))
    people.record_move_in(
        p, a1, PersonInput("Trần Văn Tới", "1", date(1988, 5, 5), "spouse"), moved_on=day(5), reporting_month=MONTH
    )
    people.record_death(p, grandpa, died_on=day(12), reporting_month=MONTH)
    for household, on in ((a1, day(6)), (a1, day(20)), (a2, day(10)), (b1, BEFORE)):
        visits.record(p, household, VisitInput(visited_on=on, topics=("family_planning",)))
    case = cases.open_case(p, CaseInput("domestic_violence", a1, day(7), person_id=wife))
    dv_measures.apply_measure(p, case, MeasureInput("no_contact", day(7), "1/QĐ", day(7), day(9), 100))
    dv_measures.refer(p, case, body="commune_police", sent_on=day(8))
    timeline.record(p, case, ActionInput("mediation", day(10), result="reconciled"))
    timeline.record(p, case, ActionInput("note", day(11), "Gọi điện hỏi thăm"))
    dv.close_case(p, case, on=day(25), outcome="Ổn định")
    cases.open_case(p, CaseInput("child_protection", a2, day(3), person_id=kid))
    elderly = cases.open_case(
        p, CaseInput("other_support", b1, BEFORE, person_id=grandpa, support_kind="elderly_alone")
    )
    timeline.record(p, elderly, ActionInput("support", BEFORE, "Tặng gạo"))  # the month before: not counted
    for village, on, men, women in ((register.village_a, day(15), 3, 5), (register.village_a, day(16), 0, 7)):
        activities.record_activity(p, ActivityInput(on, village, "talk", "family_planning", male=men, female=women))
    activities.record_activity(p, ActivityInput(BEFORE, register.village_b, "talk", "elderly_care", male=1, female=1))
    return p


def test_the_figures_of_each_village_and_the_total(month, register):
    figures = monthly.monthly_figures(month, MONTH)
    a, b = figures.villages
    assert (a.village_id, b.village_id) == (register.village_a, register.village_b)
    assert a.events == {"move_in": 1} and b.events == {"death": 1}
    assert (a.visits, a.households_reached, b.visits, b.households_reached) == (3, 2, 0, 0)
    assert a.cases_opened == {"domestic_violence": 1, "child_protection": 1} and b.cases_opened == {}
    assert a.cases_active == {"child_protection": 1} and b.cases_active == {"other_support": 1}
    assert a.cases_closed == {"domestic_violence": 1} and b.cases_closed == {}
    assert a.measures == {"no_contact": 1} and a.referrals == {"commune_police": 1}
    assert a.case_entries == {"mediation": 1, "note": 1} and b.case_entries == {}
    assert (a.activities, a.participants_male, a.participants_female) == (2, 3, 12)
    assert (b.activities, b.participants_male, b.participants_female) == (0, 0, 0)  # held the month before
    total = figures.total
    assert total.events == {"move_in": 1, "death": 1}
    assert (total.visits, total.households_reached) == (3, 2)
    assert total.cases_active == {"child_protection": 1, "other_support": 1}
    assert (figures.first_day, figures.last_day.month) == (FIRST, FIRST.month)
    assert figures.content is True


def test_a_month_without_anything_is_all_zero(month):
    empty = monthly.monthly_figures(month, month_of(BEFORE - timedelta(days=400)))
    assert empty.total.visits == 0 and empty.total.events == {} and empty.total.cases_active == {}


def test_without_the_protection_permission_cases_are_counted_not_described(month, register):
    users.add_user(month, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(month.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        figures = monthly.monthly_figures(ctv, MONTH)
    finally:
        ctv.close()
    [a] = figures.villages  # only the village the CTV keeps
    assert a.cases_opened == {"*": 2} and a.cases_active == {"*": 1} and a.cases_closed == {"*": 1}
    assert a.measures == {} and a.referrals == {} and a.case_entries == {}
    assert figures.content is False  # the empty measures were not counted: the report must not say "none"
    assert a.events == {"move_in": 1} and a.visits == 3


@pytest.mark.parametrize("bad", ["2026-13", "10/2026", "", "2026-1x"])
def test_a_month_written_wrongly_is_refused(month, bad):
    with pytest.raises(ValidationError):
        monthly.monthly_figures(month, bad)


def test_a_wedding_counts_once_though_both_spouses_have_an_event(register):
    """Kết hôn counts couples: the bride's and the groom's events are one wedding (issue: 6 for 3 weddings)."""
    p = register.profile
    a = households.create(p, HouseholdInput(code="A1", village_id=register.village_a))
    b = households.create(p, HouseholdInput(code="B1", village_id=register.village_b))
    groom = members.add_member(p, a, PersonInput("Nguyễn Văn Hải", "1", date(1998, 2, 2), "head"))
    bride = members.add_member(p, b, PersonInput("Phạm Thị Thu", "2", date(2000, 3, 3), "head"))
    other = members.add_member(p, a, PersonInput("Nguyễn Văn Long", "1", date(1999, 4, 4), "child"))

    def wed(person, partner: str) -> None:
        people.record_marital_change(p, person, kind="marriage", on=day(9), partner_name=partner, reporting_month=MONTH)

    wed(groom, "Phạm Thị Thu")
    wed(bride, "nguyen van hai")  # names are compared folded: case and accents as typed do not matter
    wed(other, "Lê Thị Hoa")  # a second wedding the same day, to someone from outside the commune
    figures = monthly.monthly_figures(p, MONTH)
    assert figures.total.events["marriage"] == 2
    by_village = {row.village_id: row.events.get("marriage", 0) for row in figures.villages}
    assert by_village == {register.village_a: 2, register.village_b: 0}  # where the first spouse was recorded


def test_divorces_without_the_partner_named_cannot_be_paired_and_each_counts(register):
    p = register.profile
    a = households.create(p, HouseholdInput(code="A1", village_id=register.village_a))
    husband = members.add_member(p, a, PersonInput("Đỗ Văn Tâm", "1", date(1980, 1, 1), "head"))
    wife = members.add_member(p, a, PersonInput("Vũ Thị Mơ", "2", date(1982, 1, 1), "spouse"))
    for person in (husband, wife):
        people.record_marital_change(p, person, kind="divorce", on=day(4), reporting_month=MONTH)
    assert monthly.monthly_figures(p, MONTH).total.events["divorce"] == 2
