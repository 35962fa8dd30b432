"""The workbook as the upper level opens it: real numbers and dates, the headers as written, and totals
that agree with the rows and with the printed report."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from desktop.reports import content, pdf, xlsx
from desktop.reports.model import Column, ReportDocument, Section, Table
from tests.reports.conftest import HEADER_TITLES, ROWS, SUBJECT, TITLE, decomposed, pdftotext, sample_document

VISITS = "Thăm hộ"
TOTAL_ROW = xlsx.FIRST_DATA_ROW + ROWS


def open_workbook(doc: ReportDocument) -> Workbook:
    return load_workbook(io.BytesIO(xlsx.render_xlsx(doc)))


@pytest.fixture(scope="module")
def workbook() -> Workbook:
    return open_workbook(sample_document())


def row_values(sheet: object, row: int) -> list[object]:
    return [c.value for c in sheet[row]]  # type: ignore[index]


def test_one_sheet_per_table_after_the_information_sheet(workbook: Workbook) -> None:
    # Sections without a table get no sheet; a table without sheet_name is named after its heading.
    assert workbook.sheetnames == ["Thông tin", VISITS, "III. TỔNG HỢP THEO THÔN"]


def test_information_sheet(workbook: Workbook) -> None:
    doc = sample_document()
    info = {row[0]: row[1] for row in workbook["Thông tin"].iter_rows(values_only=True)}
    assert info["Mã văn bản"] == doc.document_id
    assert info["Loại văn bản"] == "Báo cáo tháng"
    assert info["Tiêu đề"] == TITLE and info["Trích yếu"] == SUBJECT
    assert info["Cơ quan chủ quản"] == "UBND XÃ CẨM XUYÊN"
    assert info["Cơ quan ban hành"] == "CỘNG TÁC VIÊN DÂN SỐ THÔN ĐÔNG HÀ"
    assert info["Số, ký hiệu"] == "Số: 12/BC-CTV"
    assert info["Ngày ban hành"] == datetime(2026, 11, 5)
    assert info["Người ký"] == "Nguyễn Thị Hường"
    assert info["Mã băm nội dung (SHA-256)"] == content.digest(doc)


def test_title_subtitle_and_header_row(workbook: Workbook) -> None:
    sheet = workbook[VISITS]
    assert sheet["A1"].value == f"{TITLE} – {SUBJECT}"
    assert sheet["A2"].value == "(Từ ngày 01/10/2026 đến ngày 31/10/2026)"
    header = row_values(sheet, xlsx.HEADER_ROW)
    assert tuple(header) == HEADER_TITLES
    assert all(c.font.bold and c.alignment.wrap_text for c in sheet[xlsx.HEADER_ROW])
    assert sheet.freeze_panes == f"A{xlsx.FIRST_DATA_ROW}"


def test_numbers_are_numbers_and_dates_are_dates(workbook: Workbook) -> None:
    sheet = workbook[VISITS]
    first = row_values(sheet, xlsx.FIRST_DATA_ROW)
    assert first[:7] == [1, "Nguyễn Thị Hường", "Thôn Đông Hà", datetime(1960, 1, 1), 1, 0, 151_250]
    assert first[7] is None
    for row in sheet.iter_rows(min_row=xlsx.FIRST_DATA_ROW, max_row=TOTAL_ROW - 1):
        assert all(type(cell.value) is int for cell in row[4:7])
        assert isinstance(row[3].value, datetime) and row[3].number_format == "DD/MM/YYYY"
    assert sheet.cell(row=TOTAL_ROW + 1, column=1).value is None


def test_total_row_sums_the_rows_and_matches_the_pdf(workbook: Workbook, tmp_path: Path, poppler: None) -> None:
    sheet = workbook[VISITS]
    total = row_values(sheet, TOTAL_ROW)
    assert total[0] == "Tổng cộng"
    assert all(c.font.bold for c in sheet[TOTAL_ROW])
    data = list(sheet.iter_rows(min_row=xlsx.FIRST_DATA_ROW, max_row=TOTAL_ROW - 1, values_only=True))
    sums = [sum(row[i] for row in data) for i in (4, 5, 6)]  # type: ignore[misc]
    assert total[4:7] == sums

    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.render_pdf(sample_document()).data)
    printed = re.search(r"Tổng cộng\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", pdftotext(path))
    assert printed is not None
    assert [int(t.replace(".", "")) for t in printed.groups()] == sums


def test_float_totals_and_empty_cells(workbook: Workbook) -> None:
    sheet = workbook["III. TỔNG HỢP THEO THÔN"]
    rows = list(sheet.iter_rows(min_row=xlsx.FIRST_DATA_ROW, values_only=True))
    assert rows == [
        ("Thôn Đông Hà", 1204, 87.5),
        ("Xóm Trường Lưu", 96, 62.25),
        ("Thôn Trung Sơn", 310, None),
        ("Cộng", 1610, 149.75),
    ]


def test_columns_are_wide_enough_for_their_text(workbook: Workbook) -> None:
    sheet = workbook[VISITS]
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGH"}
    assert widths["B"] >= len("Tôn Nữ Thị Phương Thảo Hoàng Khánh Linh")
    assert widths["C"] >= len("Xóm Trường Lưu")
    assert widths["D"] >= len("01/01/1960")
    assert widths["A"] < widths["C"]


def test_decomposed_input_is_stored_composed() -> None:
    sheet = open_workbook(decomposed(sample_document()))[VISITS]
    assert sheet["A1"].value == f"{TITLE} – {SUBJECT}"
    assert tuple(row_values(sheet, xlsx.HEADER_ROW)) == HEADER_TITLES
    assert sheet.cell(row=xlsx.FIRST_DATA_ROW, column=2).value == "Nguyễn Thị Hường"


def test_text_that_looks_like_a_formula_stays_text() -> None:
    table = Table(columns=(Column("Ghi chú"), Column("Số", numeric=True)), rows=(("=1+1", 2), ("@cmd\x01", 3)))
    sheet = open_workbook(sample_document(sections=(Section("Ghi chú", table=table),))).worksheets[1]
    first = sheet.cell(row=xlsx.FIRST_DATA_ROW, column=1)
    assert first.value == "=1+1" and first.data_type == "s"
    assert sheet.cell(row=xlsx.FIRST_DATA_ROW + 1, column=1).value == "@cmd"


def test_rows_shorter_or_longer_than_the_header() -> None:
    table = Table(columns=(Column("A"), Column("B", numeric=True)), rows=(("x",), ("y", 2, "thừa")), total_label="Cộng")
    sheet = open_workbook(sample_document(sections=(Section("Lệch", table=table),))).worksheets[1]
    rows = list(sheet.iter_rows(min_row=xlsx.FIRST_DATA_ROW, values_only=True))
    assert rows == [("x", None), ("y", 2), ("Cộng", 2)]


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("Thăm hộ", [], "Thăm hộ"),
        ("Bảng: [1]/2?*\\", [], "Bảng 12"),
        ("'Trích dẫn'", [], "Trích dẫn"),
        ("", [], "Bảng"),
        ("???", [], "Bảng"),
        ("Kết quả thăm hộ gia đình tháng 10 năm 2026", [], "Kết quả thăm hộ gia đình tháng"),
        ("THÔNG TIN", ["Thông tin"], "THÔNG TIN (2)"),
        ("Thăm hộ", ["Thông tin", "Thăm hộ", "Thăm hộ (2)"], "Thăm hộ (3)"),
        ("Kết quả thăm hộ gia đình tháng 10", ["Kết quả thăm hộ gia đình tháng"], "Kết quả thăm hộ gia đình th (2)"),
        ("History", [], "History (2)"),
    ],
)
def test_sheet_title(name: str, taken: list[str], expected: str) -> None:
    title = xlsx.sheet_title(name, taken)
    assert title == expected
    assert len(title) <= 31


def test_same_headings_make_distinct_sheets() -> None:
    table = Table(columns=(Column("Ngày"),), rows=((date(2026, 10, 1),),))
    sections = tuple(Section("Kết quả", table=table) for _ in range(3))
    assert open_workbook(sample_document(sections=sections)).sheetnames == [
        "Thông tin",
        "Kết quả",
        "Kết quả (2)",
        "Kết quả (3)",
    ]


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        ("monthly", "Báo cáo tháng"),
        ("case", "Hồ sơ trường hợp"),
        ("p0", "Phiếu thu tin về dân số (P0/CTV)"),
        ("family-dv", "Thông tin về gia đình và phòng, chống bạo lực gia đình"),
        ("something-new", TITLE),  # a kind without a Vietnamese name is named by the title, never its code
    ],
)
def test_the_kind_of_document_is_said_in_vietnamese(kind: str, shown: str) -> None:
    info = open_workbook(dataclasses.replace(sample_document(), kind=kind))["Thông tin"]
    values = {row[0]: row[1] for row in info.iter_rows(values_only=True)}
    assert values["Loại văn bản"] == shown
    assert kind not in {str(v) for row in info.iter_rows(values_only=True) for v in row}


def test_a_confidential_workbook_says_so_on_every_sheet_but_leaves_the_information_labels_alone() -> None:
    workbook = open_workbook(sample_document(confidential=True))
    info = workbook["Thông tin"]
    assert info["A1"].value == "Mã văn bản"
    assert {row[0]: row[1] for row in info.iter_rows(values_only=True)}["Dữ liệu cá nhân nhạy cảm"] == "Có"
    for sheet in workbook.worksheets:
        assert sheet.oddHeader.right.text == xlsx.SENSITIVE
    assert workbook[VISITS]["A1"].value == f"{TITLE} – {SUBJECT} (dữ liệu cá nhân nhạy cảm)"
