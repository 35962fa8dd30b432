"""Case content never reaches SQL: the monthly report, the yearly family and domestic-violence report, the
task list, the counts and a case's own views select, filter, group, order and join on readable columns
only (ids, dates, owner, state, household), and read the content of whole rows in Python. Once content
columns hold ciphertext, a query naming one would compare or count ciphertext and be silently wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Select, event, select
from sqlalchemy.dialects import sqlite

from db.models.casework import CaseAction, CaseMeasure, CaseParty, CasePlanItem, CaseReferral, SupportCase
from desktop.services import stats
from desktop.services.casework import cases, child, child_plan, dv, dv_measures, parties, tasks, timeline
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.parties import PartyInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.documents import family_dv, monthly
from desktop.services.profile.handle import Profile
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

CASE_MODELS = (SupportCase, CaseMeasure, CaseReferral, CaseParty, CasePlanItem, CaseAction)
ALWAYS_READABLE = frozenset({"id", "created_at", "updated_at", "usn", "origin", "deleted_at"})
TODAY = date(2026, 3, 10)


def _content(model: type) -> list[str]:
    readable = model.__audit_shown__ | ALWAYS_READABLE
    return [column.name for column in model.__table__.columns if column.name not in readable]


CONTENT = {model.__tablename__: _content(model) for model in CASE_MODELS}
EVERY_COLUMN = {
    model.__tablename__: {f"{model.__tablename__}.{column.name}" for column in model.__table__.columns}
    for model in CASE_MODELS
}


def content_named(statement: str) -> list[str]:
    """The `table.column` pairs of case content a statement names, but for a select list that loads every
    column of the table (the ORM's whole rows: their content is read in Python).

    Aliases the ORM makes (`support_cases_1.kind`) count as their table; labels (`… AS id_1`) are ignored."""
    plain = re.sub(r"\b(" + "|".join(CONTENT) + r")_\d+\.", r"\1.", statement)
    head, sep, rest = plain.partition("\nFROM ")
    listed = [re.sub(r"\s+AS\s+\w+$", "", item.strip()) for item in head.removeprefix("SELECT ").split(",")]
    for whole in EVERY_COLUMN.values():
        if whole <= set(listed):
            listed = [item for item in listed if item not in whole]
    left = ", ".join(listed) + sep + rest
    return [
        f"{table}.{column}"
        for table, columns in CONTENT.items()
        for column in columns
        if re.search(rf"\b{table}\.{column}\b", left)
    ]


def _sql(stmt: Select[Any]) -> str:
    return str(stmt.compile(dialect=sqlite.dialect()))


def test_the_check_tells_a_whole_row_from_a_content_filter():
    assert content_named(_sql(select(SupportCase).where(SupportCase.state == "open"))) == []
    filtered = select(SupportCase).where(SupportCase.sealed_kind == b"domestic_violence")
    assert content_named(_sql(filtered)) == ["support_cases.kind"]
    some = select(CaseParty.case_id, CaseParty.sealed_role)
    assert content_named(_sql(some)) == ["case_parties.role"]
    both = select(CaseMeasure, SupportCase).join(SupportCase, SupportCase.id == CaseMeasure.case_id)
    assert "AS id_1" in _sql(both) and content_named(_sql(both)) == []
    assert content_named(_sql(select(CaseMeasure, SupportCase.sealed_kind))) == ["support_cases.kind"]


@pytest.fixture
def casework(register, monkeypatch) -> tuple[Profile, dict[str, object]]:
    """A domestic-violence case and a child-protection case of March 2025 in village A, with everything
    a case can hold, and a child case in village B."""
    monkeypatch.setattr(Profile, "today", lambda _self: TODAY)
    p = register.profile
    home = households.create(p, HouseholdInput(code="A01", village_id=register.village_a))
    wife = members.add_member(p, home, PersonInput("Võ Thị Bảy", "2", date(1990, 7, 7), "head"))
    husband = members.add_member(p, home, PersonInput("Phan Văn Sáu", "1", date(1985, 6, 6), "spouse"))
    kid = members.add_member(p, home, PersonInput("Phan Văn Tám", "1", date(2015, 8, 8), "child"))
    violence = cases.open_case(p, CaseInput("domestic_violence", home, date(2025, 3, 1), person_id=wife))
    dv.record_acts(p, violence, ActsInput(("a", "b"), "married", recurrence_12m=3))
    parties.add_party(p, violence, PartyInput("victim", person_id=wife))
    parties.add_party(p, violence, PartyInput("perpetrator", person_id=husband))
    parties.add_party(p, violence, PartyInput("perpetrator", name="Lê Văn Cậu", sex="1", birth_year=1970))
    dv_measures.apply_measure(
        p, violence, MeasureInput("no_contact", date(2025, 3, 1), "1/QĐ", date(2025, 3, 1), date(2025, 3, 3), 100)
    )
    dv_measures.refer(p, violence, body="commune_police", sent_on=date(2025, 3, 2))
    timeline.record(p, violence, ActionInput("mediation", date(2025, 3, 5), result="reconciled"))
    timeline.record(p, violence, ActionInput("support", date(2025, 3, 6), "Tư vấn", follow_up_on=date(2025, 4, 1)))
    protection = cases.open_case(p, CaseInput("child_protection", home, date(2025, 3, 2), person_id=kid))
    child.set_groups(p, protection, ("a",))
    for step in ("initial_assessment", "detailed_assessment", "plan_approved"):
        child.advance(p, protection, to=step, on=date(2025, 3, 4))
    child_plan.add_item(p, protection, PlanItemInput("Đưa cháu đi khám", "Trạm Y tế xã", date(2025, 3, 20)))
    timeline.record(p, protection, ActionInput("monitoring_visit", date(2025, 3, 25), result="better"))
    other = households.create(p, HouseholdInput(code="B01", village_id=register.village_b))
    girl = members.add_member(p, other, PersonInput("Lê Thị Chín", "2", date(2016, 9, 9), "child"))
    cases.open_case(p, CaseInput("child_protection", other, date(2025, 3, 9), person_id=girl))
    return p, {"violence": violence, "protection": protection}


@pytest.fixture
def statements(casework) -> Iterator[list[str]]:
    p, _cases = casework
    seen: list[str] = []

    def keep(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        seen.append(statement)

    event.listen(p.engine, "before_cursor_execute", keep)
    yield seen
    event.remove(p.engine, "before_cursor_execute", keep)


def _offending(seen: list[str]) -> list[str]:
    """Each statement that names content, with the columns it names, for the failure's message."""
    return [f"{named}: {statement}" for statement in seen if (named := content_named(statement))]


def test_the_monthly_report_counts_cases_in_python(casework, statements):
    p, _ids = casework
    figures = monthly.monthly_figures(p, "2025-03")
    assert figures.total.measures == {"no_contact": 1} and figures.total.child_groups["a"] == 1
    assert any("support_cases" in s for s in statements)
    assert _offending(statements) == []


def test_the_family_dv_report_counts_in_python(casework, statements):
    p, _ids = casework
    figures = family_dv.family_dv_figures(p, 2025)
    assert figures.violence is not None and figures.violence.perpetrators.total == 2
    assert _offending(statements) == []


def test_the_task_list_and_the_counts_filter_in_python(casework, statements):
    p, _ids = casework
    kinds = {task.kind for task in tasks.open_tasks(p)}
    assert {"no_contact_end", "plan_item_due", "case_follow_up"} <= kinds
    assert stats.counts(p)["cases_child_protection"] == 2
    assert _offending(statements) == []


def test_a_case_s_own_views_filter_in_python(casework, statements):
    p, ids = casework
    assert dv.view(p, ids["violence"]).summary is not None  # asks whether a perpetrator may be an adult
    parties.parties(p, ids["violence"])
    timeline.timeline(p, ids["violence"])
    timeline.timeline(p, ids["protection"])
    child_plan.items(p, ids["protection"])
    assert _offending(statements) == []
