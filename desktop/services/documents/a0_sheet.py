"""The household sheet of the Sổ A0, "PHIẾU HỘ DÂN CƯ" (mẫu A0/CTV, TT 01/2022/TT-BYT Phụ lục I; domain.md §3.3).

One household: the header (Hộ số, Địa chỉ hộ), Mục I (one line per person, in the A0 order), Mục II (the
contraception grid of each married woman of reproductive age, or of any woman with recorded use) and
Mục III (the household's changes). The sections are built here for one sheet and reused, one sheet after
another, by the village's book (desktop.services.documents.a0_book).

The years shown are those of the five-year book that holds the report's day (2021–2025, 2026–2030, …:
the Sổ A0 is renewed every five years). What happened before the book began belongs to the previous
book: people gone before it are not listed, and changes before it are not repeated. On paper the line of
a person who moved out (or died) is struck through; a table of the PDF cannot strike a line, so the
residence column says "(đã chuyển đi)" or "(đã chết)" instead, and the day is in Mục III.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from db.models.register import Household
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.reports.content import with_digest
from desktop.reports.model import Cell, Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services.documents import a0_changes
from desktop.services.documents.a0_data import SheetData, code_names, read_sheets
from desktop.services.documents.a0_fp import MONTHS, Use, latest_start, legend, month_grid, symbol
from desktop.services.documents.parts import NONE, day_text, document_header, new_document_id, table_section
from desktop.services.dto import PersonDTO
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.register.events import FEMALE, REPRODUCTIVE_AGES
from desktop.services.register.members import DEAD, MOVED_OUT
from desktop.services.rows import live_row

KIND = "a0"
BOOK_FIRST_YEAR = 2021  # the book opened for 2021-2025 (domain.md §3.1); the next ones follow every 5 years
BOOK_YEARS = 5
MARRIED = "married"
RECIPIENTS = ("- Viên chức dân số xã;", "- Lưu.")
STRUCK_MOVED, STRUCK_DEAD = "(đã chuyển đi)", "(đã chết)"
STRUCK_NOTE = (
    f"Dòng ghi {STRUCK_MOVED} hoặc {STRUCK_DEAD} ở cột Tình trạng cư trú là dòng bị gạch trên sổ giấy; "
    "ngày chuyển đi, ngày chết ghi ở Mục III."
)


@dataclass(frozen=True, slots=True)
class Period:
    """The years of the book the sheet is written in, and the day it is written up to."""

    years: tuple[int, ...]
    until: date

    @property
    def start(self) -> date:
        return date(self.years[0], 1, 1)

    @property
    def label(self) -> str:
        return f"{self.years[0]}–{self.years[-1]}"


def period_of(day: date, first_year: int | None = None) -> Period:
    """The five-year book that holds `day`, or the one beginning in `first_year`."""
    first = first_year or BOOK_FIRST_YEAR + (day.year - BOOK_FIRST_YEAR) // BOOK_YEARS * BOOK_YEARS
    return Period(tuple(range(first, first + BOOK_YEARS)), day)


def a0_document(
    profile: Profile, household_id: uuid.UUID, *, issued_on: date | None = None, first_year: int | None = None
) -> ReportDocument:
    """The A0/CTV sheet of one household the user may see."""
    issued = issued_on or profile.today()
    period = period_of(issued, first_year)
    with profile.sessions() as session:
        household = live_row(
            session, Household, household_id, QT_TRANSLATE_NOOP("Households", "This household no longer exists.")
        )
        access.require_read(profile.user, household.village_id)
        [sheet] = read_sheets(session, select(Household.id).where(Household.id == household_id))
        names = code_names(session)
    doc = ReportDocument(
        document_id=new_document_id("A0", sheet.code),
        kind=KIND,
        header=document_header(profile, kind=KIND, subject=household_id.hex, issued_on=issued),
        title="PHIẾU HỘ DÂN CƯ",
        subject=f"Hộ số {sheet.code}",
        subtitle=f"(Mẫu A0/CTV – Sổ A0 năm {period.label})",
        sections=sheet_sections(sheet, names, period),
        signature=SignatureBlock("NGƯỜI LẬP PHIẾU", profile.user.name),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def sheet_sections(
    sheet: SheetData, names: dict[str, dict[str, str]], period: Period, *, new_page: bool = False, prefix: str = ""
) -> tuple[Section, ...]:
    """The sheet's header and its Mục I, II, III. In a book each sheet begins a page and its XLSX sheets are
    named after the household (`prefix`), so that two households' tables never share a name."""
    people = listed(sheet.people, period)
    return (
        _header(sheet, new_page=new_page),
        _basic(people, names, prefix),
        *_contraception(people, sheet.fp, names["fp_methods"], period, prefix),
        *a0_changes.changes_sections(sheet, people, names, period, prefix),
    )


def listed(people: Sequence[PersonDTO], period: Period) -> list[PersonDTO]:
    """Mục I's people: everyone still there when the book began; who left before it is in the old book."""
    return [p for p in people if (gone_on(p) or period.start) >= period.start]


def gone_on(person: PersonDTO) -> date | None:
    if person.status == DEAD:
        return person.death_date or person.left_on
    if person.status == MOVED_OUT:
        return person.left_on or person.death_date
    return None


def _header(sheet: SheetData, *, new_page: bool) -> Section:
    place = ", ".join(part for part in (sheet.address.strip(), sheet.village) if part)
    lines = [f"Hộ số: {sheet.code}", f"Địa chỉ hộ: {place}"]
    if sheet.dissolved_on is not None:
        reason = f": {sheet.dissolved_reason}" if sheet.dissolved_reason.strip() else ""
        lines.append(
            f"Hộ đã chuyển đi hoặc được xóa khỏi sổ ngày {day_text(sheet.dissolved_on)}{reason} "
            "(trên sổ giấy, trang phiếu của hộ được gạch chéo)."
        )
    heading = f"PHIẾU HỘ DÂN CƯ – HỘ SỐ {sheet.code}" if new_page else ""
    return Section(heading, tuple(lines), page_break_before=new_page)


# Mục I ##################################################################################################

BASIC_COLUMNS = (
    Column("Số TT", 0.4),
    Column("Mã đối tượng (Số thẻ BHYT)", 1.4),
    Column("Họ và tên", 2.4),
    Column("Quan hệ với chủ hộ", 1.3),
    Column("Giới tính", 0.55),
    Column("Ngày sinh", 1.1),
    Column("Dân tộc", 0.65),
    Column("Trình độ học vấn", 1.4),
    Column("Tình trạng hôn nhân", 1.15),
    Column("Tình trạng cư trú", 1.2),
)


def _basic(people: Sequence[PersonDTO], names: dict[str, dict[str, str]], prefix: str) -> Section:
    rows = tuple(basic_row(number, person, names) for number, person in enumerate(people, start=1))
    table = Table(BASIC_COLUMNS, rows, sheet_name=f"{prefix}Mục I")
    struck = any(p.status in (DEAD, MOVED_OUT) for p in people)
    note = (STRUCK_NOTE,) if struck else ()
    return table_section("I. THÔNG TIN CƠ BẢN", table, note)


def basic_row(number: int, person: PersonDTO, names: dict[str, dict[str, str]]) -> tuple[Cell, ...]:
    def name(table: str, code: str) -> str | None:
        return names[table].get(code, code) or None

    return (
        number,
        person.insurance_no or None,
        person.full_name,
        name("relationship", person.relationship),
        name("sex", person.sex),
        person.birth_date,
        name("ethnic_groups", person.ethnicity),
        name("education", person.education),
        name("marital_status", person.marital_status),
        residence(person, names["residence_status"]),
    )


def residence(person: PersonDTO, statuses: dict[str, str]) -> str | None:
    """The residence column; for someone who left, the mark that stands for the struck line. The day goes in
    Mục III, as the form has it (and a date here would be the widest word of the table)."""
    if person.status == MOVED_OUT:
        return STRUCK_MOVED
    if person.status == DEAD:
        return STRUCK_DEAD
    return statuses.get(person.residence_status, person.residence_status) or None


# Mục II #################################################################################################


def followed_women(
    people: Sequence[PersonDTO], fp: dict[uuid.UUID, tuple[Use, ...]], period: Period
) -> list[PersonDTO]:
    """The women Mục II follows: married and of reproductive age (15-49) in some year of the book, or with
    any recorded use of contraception while the book runs."""
    low, high = REPRODUCTIVE_AGES
    found = []
    for person in people:
        if person.sex != FEMALE:
            continue
        in_ages = period.years[0] - high <= person.birth_date.year <= period.years[-1] - low
        grid = month_grid(fp.get(person.id, ()), period.years, until=period.until, gone_on=gone_on(person))
        used = any(any(row) for row in grid.values())
        if used or (person.marital_status == MARRIED and in_ages and person.status not in (DEAD, MOVED_OUT)):
            found.append(person)
    return found


def _contraception(
    people: Sequence[PersonDTO],
    fp: dict[uuid.UUID, tuple[Use, ...]],
    methods: dict[str, str],
    period: Period,
    prefix: str,
) -> list[Section]:
    heading = "II. THEO DÕI SỬ DỤNG BPTT"
    women = followed_women(people, fp, period)
    if not women:
        return [Section(heading, (NONE,))]
    rule = (
        "Mỗi ô ghi biện pháp tránh thai (BPTT) đang sử dụng vào ngày cuối của tháng; ô trống là không sử dụng "
        f"hoặc chưa đến tháng đó (số liệu đến ngày {day_text(period.until)}). T1 … T12: tháng 1 … tháng 12."
    )
    sections = [Section(heading, (rule, legend(methods)))]
    for number, woman in enumerate(women, start=1):
        spells = fp.get(woman.id, ())
        grid = month_grid(spells, period.years, until=period.until, gone_on=gone_on(woman))
        columns = (Column("Năm", 1.2), *(Column(f"T{month}", 1.0) for month in MONTHS))
        rows = tuple((str(year), *(symbol(m, methods) if m else None for m in grid[year])) for year in period.years)
        table = Table(columns, rows, sheet_name=f"{prefix}BPTT {number}")
        sections.append(Section(woman_heading(number, woman, spells, methods, period), (), table))
    return sections


def woman_heading(number: int, woman: PersonDTO, spells: Sequence[Use], methods: dict[str, str], period: Period) -> str:
    began = latest_start(spells, period.until)
    start = f"{began.start:%m/%Y} ({methods.get(began.method, began.method)})" if began else "chưa có thông tin"
    return (
        f"{number}. Họ và tên: {woman.full_name}; Năm sinh: {woman.birth_date.year}; "
        f"Tháng năm bắt đầu sử dụng BPTT: {start}"
    )
