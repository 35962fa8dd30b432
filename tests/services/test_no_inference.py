"""Nothing about a support case can be inferred without the right to read it (architecture.md §6).

The audit log says only that a case's content changed: no code, no value, no length, not even which field
(a "stage" is a child's case, "acts" are violence). `sotay stats` gives a collaborator their villages only,
and counts by kind of case only to users with the protection permission.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import Date, Uuid, inspect, select

from db import audit as db_audit
from db import audit_content
from db.models.profile import AuditEvent
from db.models.synced import SYNCED_MODELS
from desktop.cli.main import main
from desktop.services import stats
from desktop.services.casework import cases, child, child_plan, dv, dv_measures, parties, timeline
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.parties import PartyInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.profile import audit, users
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

DAY = date(2025, 3, 10)
CASE_TABLES = {"support_cases", "case_measures", "case_referrals", "case_parties", "case_plan_items", "case_actions"}
CODES = (
    "domestic_violence",
    "child_protection",
    "other_support",
    "elderly_alone",
    "high",
    "medium",
    "low",
    "initial_assessment",
    "plan_approved",
    "married",
    "victim",
    "no_contact",
    "commune_police",
    "mediation",
    "reconciled",
)
WORDS = ("Chồng đánh vợ", "Bầm tím", "Trần Văn Hung", "0912", "Cháu đi học", "Trưởng thôn", "1/QĐ")
CTV, CTV_PASS = "Trần Thị Hoa", "hoa giữ thôn đông"
GUARD, GUARD_PASS = "Lê Thị Mai", "mai bảo vệ trẻ em"


def _case_events(profile) -> list[AuditEvent]:
    with profile.sessions() as session:
        stmt = select(AuditEvent).where(AuditEvent.table_name.in_(CASE_TABLES)).order_by(AuditEvent.id)
        return list(session.scalars(stmt))


def _family(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="021", village_id=register.village_a))
    wife = members.add_member(p, hid, PersonInput("Nguyễn Thị Na", "2", date(1990, 2, 1), "head"))
    son = members.add_member(p, hid, PersonInput("Nguyễn Văn Bình", "1", date(2015, 5, 1), "child"))
    return p, hid, wife, son


def _case_of_kind(p, hid, wife, son, kind: str) -> uuid.UUID:
    """A case of `kind` with its risk, consent and content, then everything a user changes in one."""
    person = son if kind == cases.CHILD_PROTECTION else wife
    support = "elderly_alone" if kind == cases.OTHER_SUPPORT else ""
    cid = cases.open_case(
        p,
        CaseInput(kind, hid, DAY, person_id=person, summary="Chồng đánh vợ", risk_level="high", support_kind=support),
    )
    cases.set_assessment(p, cid, risk_level="low", consent=True)
    parties.add_party(p, cid, PartyInput("reporter", name="Trần Văn Hung", contact="0912 345 678"))
    timeline.record(p, cid, ActionInput("note", DAY + timedelta(days=1), "Cháu đi học đều"))
    if kind == dv.KIND:
        dv.record_acts(p, cid, ActsInput(("a", "b"), "married", harm="Bầm tím", recurrence_12m=3))
        dv_measures.apply_measure(
            p, cid, MeasureInput("no_contact", DAY, "1/QĐ", DAY, DAY + timedelta(days=2), 100, "Trưởng thôn")
        )
        referral = dv_measures.refer(p, cid, body="commune_police", sent_on=DAY)
        dv_measures.update_referral(p, referral, status="received", on=DAY + timedelta(days=1))
        timeline.record(p, cid, ActionInput("mediation", DAY + timedelta(days=2), result="reconciled"))
    if kind == cases.CHILD_PROTECTION:
        child.set_groups(p, cid, ("a",))
        for offset, step in enumerate(("initial_assessment", "detailed_assessment", "plan_approved"), 1):
            child.advance(p, cid, to=step, on=DAY + timedelta(days=offset))
        child_plan.add_item(p, cid, PlanItemInput("Đưa cháu đi khám", "Trưởng thôn", DAY + timedelta(days=5)))
    return cid


@pytest.mark.parametrize("kind", [dv.KIND, cases.CHILD_PROTECTION, cases.OTHER_SUPPORT])
def test_the_audit_log_holds_no_code_value_or_length_of_case_content(register, kind):
    p, hid, wife, son = _family(register)
    cid = _case_of_kind(p, hid, wife, son, kind)
    events = _case_events(p)
    assert {e.table_name for e in events} >= {"support_cases", "case_parties", "case_actions"}
    for event in events:
        summary = json.loads(event.summary)
        shown = audit_content.PROTECTED_TABLES[event.table_name]
        assert set(summary) <= shown | {"protected"}, (event.table_name, summary)
        assert "chars" not in event.summary
        assert not [code for code in CODES if code in event.summary], event.summary
        assert not [word for word in WORDS if word in event.summary], event.summary
        assert str(wife) not in event.summary and str(son) not in event.summary  # the person helped
        assert summary.get("protected", ["changed", "changed"]) in (
            [None, "changed"],
            ["changed", "changed"],
            ["changed", None],
        )
    [opened] = [e for e in events if e.record_id == str(cid) and e.action == "create"]
    assert json.loads(opened.summary) == {
        "household_id": [None, str(hid)],
        "owner_id": [None, str(p.user.id)],
        "opened_on": [None, DAY.isoformat()],
        "state": [None, "open"],
        "protected": [None, "changed"],
    }  # the same for every kind: which fields were filled in tells nothing either
    assessed = next(e for e in events if e.record_id == str(cid) and e.action == "update")
    assert json.loads(assessed.summary) == {"protected": ["changed", "changed"]}  # the risk level and consent


def test_the_log_names_only_ids_dates_owner_and_state_of_case_rows():
    """A new column of a case table is content unless someone lists it, and what is listed says nothing."""
    protected = [model for model in SYNCED_MODELS if model.__tablename__ in CASE_TABLES]
    assert {model.__tablename__ for model in protected} == set(audit_content.PROTECTED_TABLES) == CASE_TABLES
    for model in protected:
        columns = {attr.key: attr.columns[0] for attr in inspect(model).column_attrs}
        for name in model.__audit_shown__:
            column = columns[name]
            assert isinstance(column.type, Date | Uuid) or name == "state", (model.__tablename__, name)
            assert not (isinstance(column.type, Uuid) and name == "person_id")  # who is helped is content


def test_events_written_before_the_rule_are_shown_without_their_lengths(register):
    p, hid, wife, _son = _family(register)
    with p.sessions.begin() as session:
        db_audit.append_event(
            session,
            action="update",
            table="support_cases",
            record_id=uuid.uuid4(),
            summary={"risk_level": [{"chars": 4}, {"chars": 6}], "stage": ["", "intake"], "state": ["open", "closed"]},
        )
    [event] = audit.events(p, limit=1)
    assert event.summary == {"state": ["open", "closed"], "protected": ["changed", "changed"]}


# Stats: what the role and the permission allow ###############################################


@dataclass
class Commune:
    officer: object
    register: object


@pytest.fixture
def commune(register) -> Commune:
    """Village A: two households, a DV case and a child case; village B: one household and an old-age case."""
    officer = register.profile
    a1 = households.create(officer, HouseholdInput(code="A1", village_id=register.village_a))
    a2 = households.create(officer, HouseholdInput(code="A2", village_id=register.village_a))
    b1 = households.create(officer, HouseholdInput(code="B1", village_id=register.village_b))
    wife = members.add_member(officer, a1, PersonInput("Phan Thị Đông", "2", date(1980, 5, 1), "head"))
    members.add_member(officer, a2, PersonInput("Phan Văn Lớn", "1", date(1985, 5, 1), "head"))
    kid = members.add_member(officer, a2, PersonInput("Phan Văn Nhỏ", "1", date(2016, 5, 1), "child"))
    elder = members.add_member(officer, b1, PersonInput("Hồ Văn Tây", "1", date(1940, 6, 1), "head"))
    cases.open_case(officer, CaseInput(dv.KIND, a1, DAY, person_id=wife))
    cases.open_case(officer, CaseInput(cases.CHILD_PROTECTION, a2, DAY, person_id=kid))
    cases.open_case(officer, CaseInput(cases.OTHER_SUPPORT, b1, DAY, person_id=elder, support_kind="elderly_alone"))
    users.add_user(officer, UserInput(CTV, Role.CTV, villages=(register.village_a,)), CTV_PASS)
    users.add_user(officer, UserInput(GUARD, Role.CTV, protection=True, villages=(register.village_a,)), GUARD_PASS)
    return Commune(officer, register)


def _counts_as(commune: Commune, name: str, passphrase: str) -> dict[str, int]:
    profile = profile_service.unlock(commune.officer.paths, name, passphrase)
    try:
        return stats.counts(profile, with_tasks=False)
    finally:
        profile.close()


KIND_KEYS = {"cases_domestic_violence", "cases_child_protection", "cases_other_support"}


def test_a_collaborator_without_the_permission_counts_their_village_and_no_kinds(commune):
    counts = _counts_as(commune, CTV, CTV_PASS)
    assert KIND_KEYS.isdisjoint(counts)
    assert (counts["cases"], counts["cases_open"], counts["cases_closed"]) == (2, 2, 0)  # not village B's case
    assert (counts["villages"], counts["households"], counts["people"]) == (1, 2, 3)


def test_with_the_permission_a_collaborator_counts_kinds_of_their_village_only(commune):
    counts = _counts_as(commune, GUARD, GUARD_PASS)
    assert {key: counts[key] for key in KIND_KEYS} == {
        "cases_domestic_violence": 1,
        "cases_child_protection": 1,
        "cases_other_support": 0,
    }
    assert (counts["cases"], counts["households"]) == (2, 2)


def test_an_officer_with_the_permission_counts_the_whole_commune_by_kind(commune):
    counts = stats.counts(commune.officer, with_tasks=False)
    assert {key: counts[key] for key in KIND_KEYS} == {
        "cases_domestic_violence": 1,
        "cases_child_protection": 1,
        "cases_other_support": 1,
    }
    assert (counts["villages"], counts["households"], counts["people"], counts["cases"]) == (2, 3, 4, 3)


def test_stats_json_of_a_collaborator_has_no_other_village_and_no_kinds(commune, capsys, monkeypatch):
    monkeypatch.setenv("SOTAY_PASSPHRASE", CTV_PASS)
    code = main(["--home", str(commune.officer.paths.home), "--user", CTV, "stats", "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    counts = json.loads(out)
    assert KIND_KEYS.isdisjoint(counts)
    assert (counts["cases"], counts["households"], counts["villages"]) == (2, 2, 1)
    code = main(["--home", str(commune.officer.paths.home), "--lang", "en", "--user", CTV, "stats"])
    out, _err = capsys.readouterr()
    assert code == 0 and "domestic violence" not in out
    assert "protection permission" in out  # the table says why the kinds are missing
