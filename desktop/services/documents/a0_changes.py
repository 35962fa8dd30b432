"""Mục III of the A0/CTV sheet, "THEO DÕI CÁC THAY ĐỔI": the household's changes while the book runs.

The form opens with "1. Trẻ mới sinh" (name, date of birth, born at the health station / at home /
elsewhere, "là con thứ … của bà mẹ", the day of newborn screening) and ends with a dated log (ngày tháng
năm | ghi thay đổi | tên; domain.md §3.3). Births go in the first table; every other population event of
the household goes in the log. Screening and check-up results are left out: the A0 asks only for the day.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from desktop.reports.model import Cell, Column, Section, Table
from desktop.services.documents.parts import NONE, day_text, table_section
from desktop.services.dto import EventDTO, PersonDTO

if TYPE_CHECKING:
    from desktop.services.documents.a0_data import SheetData
    from desktop.services.documents.a0_sheet import Period

HEADING = "III. THEO DÕI CÁC THAY ĐỔI"
PLACES = {
    "health_station": "Tại trạm y tế",
    "hospital": "Nơi khác: bệnh viện",
    "home": "Tại nhà",
    "other": "Nơi khác",
}
BIRTH_COLUMNS = (
    Column("Họ và tên", 2.0),
    Column("Ngày sinh", 1.1),
    Column("Nơi đẻ", 1.4),
    Column("Là con thứ", 0.8, numeric=True),
    Column("Của bà mẹ", 1.8),
    Column("Ngày SLSS", 1.1),
)
LOG_COLUMNS = (Column("Ngày tháng năm", 1.1), Column("Ghi thay đổi", 3.6), Column("Tên", 2.0))


def changes_sections(
    sheet: SheetData, people: Sequence[PersonDTO], names: dict[str, dict[str, str]], period: Period, prefix: str
) -> list[Section]:
    events = [e for e in sheet.events if period.start <= e.event_date <= period.until]
    births = [e for e in events if e.kind == "birth"]
    screened = _screening_days(sheet.events, period.until)
    birth_rows = tuple(_birth_row(event, screened, sheet.people) for event in births)
    shown = {e.person_id for e in births}
    log = [e for e in events if e.kind != "birth" and not (e.kind == "newborn_screening" and e.person_id in shown)]
    by_id = {p.id: p for p in people}
    log_rows = tuple((e.event_date, change_text(e, names, by_id), e.person_name or None) for e in log)
    if not birth_rows and not log_rows:
        return [Section(HEADING, (NONE,))]
    return [
        Section(HEADING),
        table_section("1. Trẻ mới sinh", Table(BIRTH_COLUMNS, birth_rows, sheet_name=f"{prefix}Trẻ mới sinh")),
        table_section("2. Các thay đổi khác", Table(LOG_COLUMNS, log_rows, sheet_name=f"{prefix}Thay đổi")),
    ]


def _screening_days(events: Sequence[EventDTO], until: date) -> dict[uuid.UUID | None, date]:
    """The first newborn screening of each child."""
    days: dict[uuid.UUID | None, date] = {}
    for event in events:
        if event.kind == "newborn_screening" and event.event_date <= until and event.person_id not in days:
            days[event.person_id] = event.event_date
    return days


def _birth_row(
    event: EventDTO, screened: dict[uuid.UUID | None, date], people: Sequence[PersonDTO]
) -> tuple[Cell, ...]:
    details = event.details
    mother_hex = details.get("mother_id")
    mother = next((p.full_name for p in people if mother_hex and p.id.hex == mother_hex), None)
    order = details.get("birth_order")
    return (
        event.person_name or None,
        event.event_date,
        PLACES.get(str(details.get("place", "")), None),
        order if isinstance(order, int) else None,
        mother,
        screened.get(event.person_id),
    )


def change_text(event: EventDTO, names: dict[str, dict[str, str]], people: dict[uuid.UUID, PersonDTO]) -> str:
    """What the log's "Ghi thay đổi" column says of an event."""
    details = event.details
    methods = names["fp_methods"]
    kind_name = names["population_event_kinds"].get(event.kind, event.kind)
    if event.kind == "move_in":
        return _with("Chuyển đến", "từ", details.get("from"))
    if event.kind == "move_out":
        return _with("Chuyển đi", "đến", details.get("to"))
    if event.kind in ("fp_start", "fp_stop"):
        method = str(details.get("method", ""))
        return f"{kind_name}: {methods.get(method, method)}"
    if event.kind == "pregnancy":
        if details.get("stage") == "ended":
            return "Kết thúc thai kỳ"
        number = details.get("pregnancy_no")
        return f"Mang thai lần thứ {number}" if isinstance(number, int) else "Mang thai"
    if event.kind == "prenatal_screening":
        week = details.get("week")
        return f"Sàng lọc trước sinh (tuần thai thứ {week})" if isinstance(week, int) else "Sàng lọc trước sinh"
    if event.kind == "info_change":
        return _info_change(event, people.get(event.person_id) if event.person_id else None, names["relationship"])
    return kind_name


def _with(what: str, link: str, place: object) -> str:
    text = str(place or "").strip()
    return f"{what} {link} {text}" if text else what


def _info_change(event: EventDTO, person: PersonDTO | None, relationships: dict[str, str]) -> str:
    details = event.details
    if details.get("from_household"):
        return f"Chuyển từ hộ số {details['from_household']} sang hộ số {details.get('to_household', '')}"
    before = details.get("before")
    if not isinstance(before, dict):
        return "Thay đổi thông tin"
    parts = []
    old_name, old_birth = str(before.get("full_name", "")), str(before.get("birth_date", ""))
    if old_name and (person is None or old_name != person.full_name):
        parts.append(f"họ và tên cũ: {old_name}")
    if old_birth and (person is None or old_birth != person.birth_date.isoformat()):
        parts.append(f"ngày sinh cũ: {_day(old_birth)}")
    old_relationship = str(before.get("relationship", ""))
    if old_relationship and (person is None or old_relationship != person.relationship):
        parts.append(f"quan hệ với chủ hộ trước đây: {relationships.get(old_relationship, old_relationship)}")
    return f"Thay đổi thông tin ({'; '.join(parts)})" if parts else "Thay đổi thông tin"


def _day(iso: str) -> str:
    try:
        return day_text(date.fromisoformat(iso))
    except ValueError:  # written by an older version in another form: shown as it was stored
        return iso
