"""Column layouts of the four tables on the household page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop.services.casework.cases import CaseListItem
from desktop.services.dto import CategoryDTO, EventDTO, PersonDTO, VisitDTO
from desktop.ui.codes import CodeCache
from desktop.ui.dialogs.event_pages.care import pregnancy_stage, screening_result
from desktop.ui.dialogs.event_pages.screening import condition_result
from desktop.ui.formatting import fmt_date, person_status, place_of_birth
from desktop.ui.models.record_table import Column, RecordTableModel

CTX = "HouseholdTables"
# Names the column widths of the tables are kept under (desktop.ui.widgets.tables.remember_widths): the
# members, categories, events and visits tables, the same for every household.
TABLE_NAMES = ("household_members", "household_categories", "household_events", "household_visits")


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def members_model(codes: CodeCache, today_fn: Callable[[], date]) -> RecordTableModel[PersonDTO]:
    def age(p: PersonDTO) -> str:
        return str(p.age_on(p.death_date or today_fn()))

    def relationship(p: PersonDTO) -> str:
        return relationship_label(p, codes)

    def residence(p: PersonDTO) -> str:
        # Thường trú / tạm trú / tạm vắng is where someone living here is registered; for people who died
        # or left it says nothing any more, and their vital status says why.
        return codes.label("residence_status", p.residence_status) if p.status == "present" else ""

    columns = [
        Column(_tr("Full name"), lambda p: p.full_name),
        Column(_tr("Relationship"), relationship),
        Column(_tr("Sex"), lambda p: codes.label("sex", p.sex), align_center=True),
        Column(_tr("Date of birth"), lambda p: fmt_date(p.birth_date), align_center=True),
        Column(_tr("Age"), age, align_center=True),
        Column(_tr("Residence"), residence),
        Column(_tr("Living status"), member_status),
        Column(_tr("Citizen ID"), lambda p: p.national_id),
    ]
    return RecordTableModel(columns, muted=lambda p: p.status != "present")


def relationship_label(p: PersonDTO, codes: CodeCache) -> str:
    """The relationship to the head; a head who died or left is shown as a former head, so the household
    shows one head only (their stored code stays what the slip reported: domain.md §3.5)."""
    if p.relationship == "head" and not p.is_head and p.status != "present":
        return _tr("Former head")
    return codes.label("relationship", p.relationship)


def member_status(p: PersonDTO) -> str:
    """Living here, moved out or died, with the date: the vital status, apart from the residence status."""
    when = p.death_date or p.left_on
    status = person_status(p.status)
    return _tr("{status} on {date}").format(status=status, date=fmt_date(when)) if when else status


def categories_model() -> RecordTableModel[CategoryDTO]:
    columns = [
        Column(_tr("Category"), lambda c: c.name),
        Column(_tr("Year"), lambda c: str(c.year), align_center=True),
        Column(_tr("Decision no."), lambda c: c.decision_no),
        Column(_tr("Poverty standard"), lambda c: c.poverty_standard_name),
        Column(_tr("Notes"), lambda c: c.notes),
    ]
    return RecordTableModel(columns)


def events_model(codes: CodeCache) -> RecordTableModel[EventDTO]:
    columns = [
        Column(_tr("Date"), lambda e: fmt_date(e.event_date), align_center=True),
        Column(_tr("Event"), lambda e: codes.label("population_event_kinds", e.kind)),
        Column(_tr("Person"), lambda e: e.person_name),
        Column(_tr("Reporting month"), lambda e: _month(e.reporting_month), align_center=True),
        Column(_tr("Details"), lambda e: _event_details(e, codes)),
    ]
    return RecordTableModel(columns)


def _month(value: str) -> str:
    # Stored as YYYY-MM for sorting; people read months as MM/YYYY.
    year, _, month = value.partition("-")
    return f"{month}/{year}" if month else value


def _event_details(e: EventDTO, codes: CodeCache) -> str:
    d = e.details
    parts: list[str] = []
    if d.get("method"):
        parts.append(_tr("method: {method}").format(method=codes.label("fp_methods", str(d["method"]))))
    if d.get("stage"):
        parts.append(pregnancy_stage(str(d["stage"])))
    if d.get("pregnancy_no"):
        parts.append(_tr("pregnancy no. {n}").format(n=d["pregnancy_no"]))
    if d.get("week"):
        parts.append(_tr("week {n}").format(n=d["week"]))
    if d.get("result"):  # a screening recorded with one result for all its conditions, shown as it was
        parts.append(screening_result(str(d["result"])))
    if isinstance(d.get("results"), dict):
        parts += [
            f"{codes.label('screening_conditions', str(code))}: {condition_result(str(result))}"
            for code, result in d["results"].items()
        ]
    if d.get("done_at"):
        parts.append(_tr("at: {place}").format(place=d["done_at"]))
    if d.get("place"):
        parts.append(_tr("born at: {place}").format(place=place_of_birth(str(d["place"]))))
    if d.get("birth_order"):
        parts.append(_tr("child no. {n}").format(n=d["birth_order"]))
    if d.get("from"):
        parts.append(_tr("from: {place}").format(place=d["from"]))
    if d.get("to"):
        parts.append(_tr("to: {place}").format(place=d["to"]))
    if d.get("cause"):
        parts.append(_tr("cause: {cause}").format(cause=d["cause"]))
    if d.get("partner"):
        parts.append(_tr("partner: {name}").format(name=d["partner"]))
    if e.notes:
        parts.append(e.notes)
    return "; ".join(parts)


def visits_model(codes: CodeCache) -> RecordTableModel[VisitDTO]:
    columns = [
        Column(_tr("Date"), lambda v: fmt_date(v.visited_on), align_center=True),
        Column(_tr("Collaborator"), lambda v: v.collaborator),
        Column(_tr("People met"), lambda v: ", ".join(n for n in v.persons_met_names if n)),
        Column(_tr("Topics"), lambda v: ", ".join(codes.label("visit_topics", t) for t in v.topics)),
        Column(_tr("Follow-up"), lambda v: fmt_date(v.follow_up_on), align_center=True),
        Column(_tr("Notes"), lambda v: v.notes.replace("\n", " ")),
    ]
    return RecordTableModel(columns)


def cases_model(kind_label: Callable[[str], str]) -> RecordTableModel[CaseListItem]:
    """The household's support cases; without the right to the content only that a case exists and whose."""

    def kind(c: CaseListItem) -> str:
        return kind_label(c.kind) if c.kind is not None else _tr("Confidential content")

    def state(c: CaseListItem) -> str:
        return _tr("Open") if c.state == "open" else _tr("Closed")

    columns = [
        Column(_tr("Opened on"), lambda c: fmt_date(c.opened_on), align_center=True),
        Column(_tr("Case"), kind),
        Column(_tr("Owner"), lambda c: c.owner),
        Column(_tr("State"), state),
    ]
    return RecordTableModel(columns, muted=lambda c: c.state != "open")
