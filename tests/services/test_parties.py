"""The people of a support case: someone of the register or a name; only a reporter may be anonymous."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models.casework import CaseParty
from desktop.errors import ValidationError
from desktop.services.casework import cases, parties
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.parties import PartyInput
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

DAY = date.today() - timedelta(days=2)


@pytest.fixture
def case(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="031", village_id=register.village_a))
    wife = members.add_member(p, hid, PersonInput("Đặng Thị Hạnh", "2", date(1991, 4, 4), "head"))
    cid = cases.open_case(p, CaseInput("domestic_violence", hid, DAY, person_id=wife))
    return p, cid, wife


def _count(profile) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(CaseParty)) or 0


def test_a_victim_of_the_register_a_named_outsider_and_an_anonymous_reporter(case):
    p, cid, wife = case
    parties.add_party(p, cid, PartyInput("victim", person_id=wife))
    parties.add_party(
        p, cid, PartyInput("perpetrator", name="Lê  Văn   Hùng", sex="1", birth_year=1985, relationship="chồng")
    )
    parties.add_party(p, cid, PartyInput("reporter", anonymous=True))
    listed = parties.parties(p, cid)
    assert [(x.role, x.name) for x in listed] == [
        ("victim", "Đặng Thị Hạnh"),
        ("perpetrator", "Lê Văn Hùng"),
        ("reporter", ""),
    ]
    assert listed[0].birth_year == 1991 and listed[2].anonymous


@pytest.mark.parametrize(
    ("party", "field"),
    [
        (PartyInput("victim"), "name"),  # not of the register and no name
        (PartyInput("victim", name="   "), "name"),
        (PartyInput("victim", anonymous=True), "anonymous"),  # only a reporter may stay anonymous
        (PartyInput("reporter", anonymous=True, name="Bà Tư"), "name"),
        (PartyInput("neighbour", name="Bà Tư"), "role"),
        (PartyInput("perpetrator", name="Lê Văn Hùng", birth_year=1850), "birth_year"),
        (PartyInput("perpetrator", name="Lê Văn Hùng", sex="9"), "sex"),
        (PartyInput("perpetrator", name="12345"), "name"),
    ],
)
def test_bad_parties_are_refused_and_nothing_saved(case, party, field):
    p, cid, _wife = case
    with pytest.raises(ValidationError) as refused:
        parties.add_party(p, cid, party)
    assert field in {found.field for found in refused.value.problems}
    assert _count(p) == 0


def test_a_removed_party_leaves_the_list(case):
    p, cid, wife = case
    pid = parties.add_party(p, cid, PartyInput("victim", person_id=wife))
    parties.remove_party(p, pid)
    assert parties.parties(p, cid) == []


def test_the_parties_are_case_content(case, register):
    p, cid, wife = case
    parties.add_party(p, cid, PartyInput("victim", person_id=wife))
    users.add_user(p, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(p.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        with pytest.raises(PermissionDeniedError):
            parties.parties(ctv, cid)
        with pytest.raises(PermissionDeniedError):
            parties.add_party(ctv, cid, PartyInput("carer", name="Đặng Văn Bố"))
    finally:
        ctv.close()
