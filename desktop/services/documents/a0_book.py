"""A village's Sổ A0 (Sổ ghi chép ban đầu về dân số): the cover, the area list (bảng kê địa bàn) and one
A0/CTV sheet per household in household-number order, each beginning a page (domain.md §3.3).

The app has no hamlets or lanes below the village, so the area list has one line: the village, its
number of households and the first and last household numbers. A household that moved away or was
dissolved keeps its sheet, marked, as the struck page stays in the paper book.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from db.models.reference import AdminUnit
from db.models.register import Household, Village
from desktop.errors import NotFoundError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.reports.content import with_digest
from desktop.reports.model import Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services.documents.a0_data import SheetData, code_names, read_sheets
from desktop.services.documents.a0_sheet import KIND, RECIPIENTS, Period, period_of, sheet_sections
from desktop.services.documents.parts import NONE, document_header, new_document_id
from desktop.services.dto import VillageDTO
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.rows import live, live_row
from desktop.textnorm import clean, fold

PROVINCE_CODE = "42"
AREA_COLUMNS = (
    Column("TT", 0.5),
    Column("Thôn, tổ dân phố", 2.5),
    Column("Số hộ", 0.8, numeric=True),
    Column("Từ hộ số", 1.0),
    Column("Đến hộ số", 1.0),
)


def find_village(profile: Profile, text: str) -> VillageDTO | None:
    """The village of the commune named `text` (its id, or its name with or without accents and "Thôn"),
    among the villages the user keeps; None when there is none or more than one."""
    wanted = clean(text)
    with profile.sessions() as session:
        rows = session.scalars(select(Village).where(Village.commune_code == profile.commune_code, live(Village)))
        villages = [v for v in rows if profile.user.sees_village(v.id)]
    by_id = [v for v in villages if v.id.hex == wanted.replace("-", "").lower()]
    found = by_id or [v for v in villages if _same_name(v.name, wanted)]
    if len(found) != 1:
        return None
    village = found[0]
    return VillageDTO(village.id, village.commune_code, village.name, village.active)


def _same_name(name: str, wanted: str) -> bool:
    folded, key = fold(name), fold(wanted)
    return key in (folded, folded.removeprefix("thon "), folded.removeprefix("to dan pho "))


def a0_book_document(
    profile: Profile, village_id: uuid.UUID, *, issued_on: date | None = None, first_year: int | None = None
) -> ReportDocument:
    """The Sổ A0 of a village the user keeps: cover, area list, every household's sheet."""
    issued = issued_on or profile.today()
    period = period_of(issued, first_year)
    with profile.sessions() as session:
        gone = QT_TRANSLATE_NOOP("A0", "This village no longer exists.")
        village = live_row(session, Village, village_id, gone)
        if village.commune_code != profile.commune_code:
            raise NotFoundError(gone)
        access.require_read(profile.user, village.id)
        households = select(Household.id).where(
            Household.village_id == village_id, Household.commune_code == profile.commune_code, live(Household)
        )
        sheets = read_sheets(session, households)
        names = code_names(session)
        province = session.get(AdminUnit, PROVINCE_CODE)
        commune = session.get(AdminUnit, profile.commune_code)
        units = (province.name if province else "", commune.name if commune else profile.commune_code)
    sections = [_cover(units, village.name, profile.collaborator or profile.user.name, sheets, period)]
    sections.append(_area_list(village.name, sheets))
    for sheet in sheets:
        sections.extend(sheet_sections(sheet, names, period, new_page=True, prefix=f"Hộ {sheet.code} "))
    doc = ReportDocument(
        document_id=new_document_id("SA0", f"{period.years[0]}-{period.years[-1]}"),
        kind=KIND,
        header=document_header(profile, kind=KIND, subject=f"village {village.id.hex}", issued_on=issued),
        title="SỔ GHI CHÉP BAN ĐẦU VỀ DÂN SỐ (SỔ A0)",
        subject=village.name,
        subtitle=f"(Năm {period.label})",
        sections=tuple(sections),
        signature=SignatureBlock("NGƯỜI LẬP SỔ", profile.user.name),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def _cover(units: tuple[str, str], village: str, collaborator: str, sheets: list[SheetData], period: Period) -> Section:
    province, commune = units
    first, last = (sheets[0].code, sheets[-1].code) if sheets else ("", "")
    lines = [
        f"Tỉnh: {province.removeprefix('Tỉnh ')}",
        f"Xã (phường): {commune}",
        f"Thôn, tổ dân phố: {village}",
        f"Họ và tên cộng tác viên: {collaborator}",
        f"Từ hộ số: {first} đến hộ số: {last}" if sheets else "Thôn chưa có hộ nào trong sổ tay.",
        f"Số liệu đến ngày {period.until:%d/%m/%Y}.",
    ]
    return Section("", tuple(lines), emphasis=village.upper())


def _area_list(village: str, sheets: list[SheetData]) -> Section:
    living = [sheet for sheet in sheets if sheet.dissolved_on is None]
    rows = ((1, village, len(living), sheets[0].code, sheets[-1].code),) if sheets else ()
    notes = []
    if len(living) != len(sheets):
        notes.append(
            f"Số hộ không kể {len(sheets) - len(living)} hộ đã chuyển đi hoặc được xóa khỏi sổ "
            "(phiếu vẫn giữ trong sổ)."
        )
    if not rows:
        return Section("BẢNG KÊ ĐỊA BÀN", (NONE,), page_break_before=True)
    table = Table(AREA_COLUMNS, rows, sheet_name="Bảng kê địa bàn")
    return Section("BẢNG KÊ ĐỊA BÀN", tuple(notes), table, page_break_before=True)
