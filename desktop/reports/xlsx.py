"""The tables of a `ReportDocument` as an XLSX workbook, for the upper level to add up and re-use.

Numbers stay numbers and dates stay dates (shown dd/mm/yyyy), so the sheets can be summed and sorted;
total rows hold computed values rather than formulas, so a reader that does not calculate (openpyxl,
many import tools) sees the same totals as the PDF.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.reports import content
from desktop.reports.model import Cell, ReportDocument, Section
from desktop.reports.model import Table as TableModel

CREATOR = "Sổ tay CTV"
INFO_SHEET = "Thông tin"
SHEET_NAME_LIMIT = 31
TITLE_ROW, SUBTITLE_ROW, HEADING_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_DATA_ROW = HEADER_ROW + 1
DATE_FORMAT = "DD/MM/YYYY"
INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.00"
MIN_WIDTH, MAX_WIDTH = 6, 60
HEADER_WRAP_AT = 20  # a longer header wraps onto more lines rather than widening its column

SENSITIVE = "Dữ liệu cá nhân nhạy cảm"  # Law 91/2025/QH15; never "MẬT", a state-secret level
# What the document is, in the words of the forms: the workbook is read in Vietnamese only, so a kind's
# code ("monthly", "case") is never shown; a kind not listed here is named by the document's title.
KIND_NAMES = {
    "monthly": "Báo cáo tháng",
    "household": "Phiếu hộ gia đình",
    "case": "Hồ sơ trường hợp",
    "campaign": "Báo cáo chiến dịch",
    "recovery": "Phiếu mã khôi phục",
    "p0": "Phiếu thu tin về dân số (P0/CTV)",
    "a0": "Phiếu hộ dân cư (A0/CTV)",
    "family-dv": "Thông tin về gia đình và phòng, chống bạo lực gia đình",
}
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)


def render_xlsx(doc: ReportDocument) -> bytes:
    workbook = Workbook()
    info = workbook.active
    assert info is not None  # a new workbook always has one sheet
    _write_info(info, doc)
    taken = [info.title]
    for number, section in enumerate(_tabled(doc.sections), start=1):
        assert section.table is not None
        title = sheet_title(section.table.sheet_name or section.heading or f"Bảng {number}", taken)
        taken.append(title)
        _write_table(workbook.create_sheet(title), doc, section.heading, section.table)
    if doc.confidential:
        for sheet in workbook.worksheets:
            _mark_confidential(sheet, title_row=sheet is not info)  # the information sheet has its own line
    workbook.properties.title = content.nfc(content.full_title(doc))
    workbook.properties.subject = content.nfc(doc.document_id)
    workbook.properties.creator = CREATOR
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _mark_confidential(sheet: Worksheet, *, title_row: bool) -> None:
    """As on the PDF: sensitive personal data, said on every printed page (the page header) and in the title."""
    sheet.oddHeader.right.text = SENSITIVE
    sheet.oddHeader.right.font = "Times New Roman,Italic"
    sheet.evenHeader.right.text = SENSITIVE
    if not title_row:
        return
    title = sheet.cell(row=TITLE_ROW, column=1)
    title.value = f"{title.value} ({SENSITIVE.lower()})" if title.value else SENSITIVE


def sheet_title(name: str, taken: Iterable[str]) -> str:
    """A sheet name Excel accepts: no `[]:*?/\\`, no apostrophe at either end, at most 31 characters, and
    unlike every name in `taken` (Excel compares them without regard to case)."""
    base = _FORBIDDEN_IN_SHEET_NAME.sub("", _clean(name)).strip().strip("'").strip() or "Bảng"
    used = {t.casefold() for t in taken}
    candidate = base[:SHEET_NAME_LIMIT].rstrip()
    counter = 2
    while candidate.casefold() in used or candidate.casefold() == "history":  # "History" is reserved by Excel
        suffix = f" ({counter})"
        candidate = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
        counter += 1
    return candidate


def _tabled(sections: Sequence[Section]) -> list[Section]:
    return [s for s in sections if s.table is not None and s.table.columns]


def _clean(text: str) -> str:
    # openpyxl refuses control characters, which the XML of a sheet cannot carry.
    return content.nfc(ILLEGAL_CHARACTERS_RE.sub("", text))


# --- the information sheet ----------------------------------------------------------------------


def _info_rows(doc: ReportDocument) -> list[tuple[str, Cell]]:
    header = doc.header
    signature = doc.signature
    return [
        ("Mã văn bản", doc.document_id),
        ("Loại văn bản", kind_name(doc)),
        ("Tiêu đề", doc.title),
        ("Trích yếu", doc.subject),
        ("Thời gian, phạm vi", doc.subtitle),
        ("Cơ quan chủ quản", header.agency_parent),
        ("Cơ quan ban hành", header.agency),
        ("Số, ký hiệu", header.number),
        ("Địa danh", header.place),
        ("Ngày ban hành", header.issued_on),
        ("Chức danh người ký", signature.capacity if signature else ""),
        ("Người ký", signature.name if signature else ""),
        ("Dữ liệu cá nhân nhạy cảm", "Có" if doc.confidential else "Không"),
        ("Mã băm nội dung (SHA-256)", content.content_sha256(doc)),
    ]


def kind_name(doc: ReportDocument) -> str:
    """The kind of document in Vietnamese; the document's own title for a kind without a name."""
    return KIND_NAMES.get(doc.kind) or doc.title


def _write_info(sheet: Worksheet, doc: ReportDocument) -> None:
    sheet.title = INFO_SHEET
    for row, (label, value) in enumerate(_info_rows(doc), start=1):
        sheet.cell(row=row, column=1, value=label).font = _BOLD
        _put(sheet, row, 2, value)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 70


# --- table sheets -------------------------------------------------------------------------------


def _write_table(sheet: Worksheet, doc: ReportDocument, heading: str, table: TableModel) -> None:
    width = len(table.columns)
    sheet.cell(row=TITLE_ROW, column=1, value=_clean(content.full_title(doc))).font = Font(bold=True, size=14)
    if doc.subtitle:
        sheet.cell(row=SUBTITLE_ROW, column=1, value=_clean(doc.subtitle)).font = Font(italic=True)
    if heading:
        sheet.cell(row=HEADING_ROW, column=1, value=_clean(heading)).font = _BOLD
    for index, column in enumerate(table.columns, start=1):
        cell = _put(sheet, HEADER_ROW, index, column.title)
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    rows = [_fit(row, width) for row in table.rows]
    for offset, row in enumerate(rows):
        for index, value in enumerate(row, start=1):
            _put(sheet, FIRST_DATA_ROW + offset, index, value)
    last_data_row = FIRST_DATA_ROW + len(rows) - 1
    if rows:
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(width)}{last_data_row}"
    if table.total_label:
        for index, value in enumerate(content.total_row(table), start=1):
            _put(sheet, last_data_row + 1, index, value).font = _BOLD
    _size_columns(sheet, table, rows)
    sheet.freeze_panes = sheet.cell(row=FIRST_DATA_ROW, column=1)


def _fit(row: Sequence[Cell], width: int) -> list[Cell]:
    return [*row[:width], *([None] * (width - len(row)))]


def _put(sheet: Worksheet, row: int, column: int, value: Cell) -> Any:
    cell = sheet.cell(row=row, column=column)
    if value is None:
        return cell
    if isinstance(value, str):
        cell.value = _clean(value)
        # Text beginning with "=" is a name or a note, not a formula to run when the sheet is opened.
        cell.data_type = "s"
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif content.is_number(value):
        cell.value = value
        cell.number_format = FLOAT_FORMAT if isinstance(value, float) and not value.is_integer() else INT_FORMAT
    else:
        cell.value = _clean(str(value))
    return cell


def _size_columns(sheet: Worksheet, table: TableModel, rows: Sequence[Sequence[Cell]]) -> None:
    header_lines = 1
    for index, column in enumerate(table.columns):
        title = _clean(column.title)
        longest_word = max((len(word) for word in title.split()), default=0)
        longest_cell = max((len(_shown(row[index])) for row in rows), default=0)
        width = min(max(longest_cell, longest_word, min(len(title), HEADER_WRAP_AT)) + 2, MAX_WIDTH)
        width = max(width, MIN_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
        header_lines = max(header_lines, math.ceil(len(title) / max(width - 2, 1)))
    # Excel does not grow a row for wrapped text written by a program; give the header its lines.
    sheet.row_dimensions[HEADER_ROW].height = 15 * header_lines


def _shown(value: Cell) -> str:
    """About what Excel shows in the cell, to size its column."""
    if value is None:
        return ""
    if isinstance(value, date):
        return "00/00/0000"
    if content.is_number(value):
        return f"{value:,.2f}" if isinstance(value, float) and not value.is_integer() else f"{int(value):,}"
    longest_line = max(str(value).splitlines() or [""], key=len)
    return longest_line
