"""The monthly P0/CTV slip, "PHIẾU THU TIN VỀ DÂN SỐ": the month's population events, section by section.

An event is on the slip of its reporting month (events.reporting_month), for the villages the user
keeps. Sections follow `p0_section` of population_event_kinds.csv (domain.md §3.4): 1 births … 11 older
people's check-ups, and 12 marriages and divorces, which the known layout has no section for. Every
section is printed, "Không có." when the month had none, so a missing section never reads as forgotten.
The tables are p0_layouts.py. The slip carries personal data (names, dates of birth, insurance numbers)
but no case content: its file name (choices.p0_choice) names the month only.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.register import Household, Person, PopulationEvent
from desktop.reports.content import with_digest
from desktop.reports.model import ReportDocument, Section, SignatureBlock, Table
from desktop.services import reference
from desktop.services.documents import monthly, periods
from desktop.services.documents.p0_layouts import Line, Lookups, Who, table
from desktop.services.documents.parts import day_text, document_header, new_document_id, table_section
from desktop.services.profile.handle import Profile
from desktop.services.register import events
from desktop.services.rows import live

TITLE = "PHIẾU THU TIN VỀ DÂN SỐ"
RECIPIENTS = ("- Viên chức dân số xã;", "- Lưu.")
TABLES = ("sex", "relationship", "ethnic_groups", "education", "marital_status", "fp_methods")


@dataclass(frozen=True, slots=True)
class _Read:
    lines: list[Line]
    lookups: Lookups
    sections: list[tuple[int, str, list[str]]]  # (number, title, its kinds), in order
    villages: list[str]


def p0_document(profile: Profile, month: str, *, issued_on: date | None = None) -> ReportDocument:
    """The P0/CTV slip of `month` ("YYYY-MM"), over the villages the user keeps.

    A month that has not begun is refused (periods.PeriodNotBegunError); during the month the subtitle
    says the day its lines stop at."""
    first, last = monthly.month_bounds(month)
    today = profile.today()
    periods.require_begun(first, today)
    read = _read(profile, month)
    issued = issued_on or today
    collaborator = profile.user.name or profile.collaborator
    doc = ReportDocument(
        document_id=new_document_id("P0", month),
        kind="p0",
        header=document_header(profile, kind="p0", subject=month, issued_on=issued),
        title=TITLE,
        subject=f"Tháng {first.month} năm {first.year}",
        subtitle=periods.with_figures_as_of(f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}", last, today),
        sections=(
            Section(
                "",
                (
                    f"Họ và tên cộng tác viên: {collaborator}",
                    f"Địa bàn: {', '.join(read.villages) or 'không có thôn, tổ dân phố nào'}",
                ),
            ),
            *_sections(read),
            # Unnumbered, so the signature that follows never stands alone on the last page.
            Section("", (f"Thông tin trên được trích từ sổ tay cộng tác viên ngày {day_text(issued)}.",)),
        ),
        signature=SignatureBlock("CỘNG TÁC VIÊN", collaborator),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def _sections(read: _Read) -> list[Section]:
    by_kind: dict[str, list[Line]] = defaultdict(list)
    for line in read.lines:
        by_kind[line.kind].append(line)
    found = []
    for number, title, kinds in read.sections:
        columns, rows, legend = table(kinds[0], [line for kind in kinds for line in by_kind[kind]], read.lookups)
        found.append(
            table_section(
                f"{number}. {title}",
                Table(columns, rows, sheet_name=f"Mục {number}"),
                (legend,) if rows and legend else (),
            )
        )
    return found


# Reading ##################################################################################


def _read(profile: Profile, month: str) -> _Read:
    with profile.sessions() as session:
        seen = [
            v
            for v in reference.villages(session, profile.commune_code, include_inactive=True)
            if profile.user.sees_village(v.id)
        ]
        lines = _lines(session, month, {v.id for v in seen})
        mothers = {str(line.details["mother_id"]) for line in lines if line.details.get("mother_id")}
        lookups = Lookups(
            mothers=_people(session, mothers),
            names={name: reference.code_names(session, name) for name in TABLES},
            conditions={kind: _condition_headings(session, kind) for kind in events.SCREENING_OF},
        )
        return _Read(lines, lookups, _section_kinds(session), [v.name for v in seen])


def _lines(session: Session, month: str, villages: set[uuid.UUID]) -> list[Line]:
    stmt = (
        select(PopulationEvent, Household.code, Household.village_id, Person)
        .join(Household, Household.id == PopulationEvent.household_id)
        .outerjoin(Person, Person.id == PopulationEvent.person_id)
        .where(PopulationEvent.reporting_month == month, live(PopulationEvent))
        .order_by(PopulationEvent.created_at, PopulationEvent.id)
    )
    return [
        Line(e.id, e.kind, code, e.event_date, dict(e.details or {}), _who(person) if person else None, e.created_at)
        for e, code, village_id, person in session.execute(stmt)
        if village_id in villages
    ]


def _people(session: Session, hex_ids: Iterable[str]) -> dict[str, Who]:
    ids = []
    for text in hex_ids:
        try:
            ids.append(uuid.UUID(text))
        except ValueError:
            continue  # a detail that names no one of the register: the mother's cells stay empty
    if not ids:
        return {}
    return {p.id.hex: _who(p) for p in session.scalars(select(Person).where(Person.id.in_(ids)))}


def _who(person: Person) -> Who:
    return Who(
        person.full_name,
        person.sex,
        person.birth_date,
        person.insurance_no,
        person.relationship,
        person.ethnicity,
        person.education,
        person.marital_status,
    )


def _section_kinds(session: Session) -> list[tuple[int, str, list[str]]]:
    """The sections of population_event_kinds.csv in number order, each with the kinds it lists."""
    titles: dict[int, str] = {}
    kinds: dict[int, list[str]] = defaultdict(list)
    for item in reference.items(session, "population_event_kinds"):
        extra = item.extra or {}
        if extra.get("p0_section"):
            number = int(extra["p0_section"])
            titles.setdefault(number, str(extra.get("p0_section_title") or item.name_vi))
            kinds[number].append(item.code)
    return [(number, titles[number], kinds[number]) for number in sorted(titles)]


def _condition_headings(session: Session, kind: str) -> list[tuple[str, str, str]]:
    """(code, column heading, name) of the conditions a screening names; the heading is the short name."""
    shown = {c.code for c in events.screening_conditions(session, kind)}
    return [
        (item.code, str((item.extra or {}).get("short_vi") or item.name_vi), item.name_vi)
        for item in reference.items(session, events.CONDITIONS_TABLE)
        if item.code in shown
    ]
