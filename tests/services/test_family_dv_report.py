"""The yearly family and domestic-violence report as printed: its title, rows and headings in the PDF, the
same numbers in the XLSX, and what a user without the protection permission gets."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from desktop.reports.xlsx import FIRST_DATA_ROW
from desktop.services.documents import export as report_export
from desktop.services.documents import family_dv_report
from desktop.services.documents.choices import FAMILY_DV, document, family_dv_choice
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from tests.security import pdf_helpers as helpers
from tests.services.test_family_dv import TODAY, YEAR, today, year  # noqa: F401  (the register of the year)

HEADINGS = (
    "BÁO CÁO Thông tin về gia đình và phòng, chống bạo lực gia đình năm 2025",
    "(Từ ngày 01/01/2025 đến ngày 31/12/2025)",
    "Số liệu của các thôn, tổ dân phố do người báo cáo phụ trách: Thôn Đông Hà, Thôn Trung Sơn.",
    "II. THÔNG TIN VỀ GIA ĐÌNH",
    "1 Tổng số hộ gia đình Hộ 11",
    "1.1 Hộ chỉ có cha hoặc mẹ sống với con Hộ 2",
    "1.2 Hộ 1 thế hệ Hộ 3",
    "1.3 Hộ 2 thế hệ Hộ 3",
    "1.4 Hộ 3 thế hệ trở lên Hộ 1",
    "1.5 Hộ khác Hộ 2",
    "III. SỐ HỘ GIA ĐÌNH THEO THÔN, TỔ DÂN PHỐ",
    "IV. BẠO LỰC GIA ĐÌNH",
    "1 Số hộ gia đình có bạo lực gia đình Hộ 3",
    "2 Tổng số vụ bạo lực gia đình Vụ 4",
    "3.1 Bạo lực thể chất Vụ 1",
    "3.4 Bạo lực kinh tế Vụ 1",
    "3.5 Chưa ghi nhận hành vi bạo lực Vụ 2",
    "V. NGƯỜI CÓ HÀNH VI BẠO LỰC GIA ĐÌNH VÀ NGƯỜI BỊ BẠO LỰC GIA ĐÌNH",
    "Người có hành vi bạo lực gia đình 4 2 1 1 1",
    "Người bị bạo lực gia đình 4 2 2 1 1",
    "Có 1 lượt người chưa ghi giới tính: chỉ được tính ở cột Tổng số.",
    "VI. BIỆN PHÁP ĐÃ ÁP DỤNG",
    "1 Buộc chấm dứt hành vi bạo lực gia đình 2 3",
    "11 Biện pháp ngăn chặn và bảo vệ người bị hại theo tố tụng hình sự 0 0",
    "VII. HỖ TRỢ NGƯỜI BỊ BẠO LỰC GIA ĐÌNH",
    "Chuyển gửi đến Công an xã 1 1",
    "Hỗ trợ đã thực hiện 1 1",
    "Hòa giải ở cơ sở 1 1",
)

# pdftotext reads a heading cell as one line, or as its wrapped lines one after the other.
COLUMN_TITLES = (
    "TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Đối tượng", "Tổng số", "Nam", "Nữ", "Dưới 16 tuổi",
    "Từ đủ 60 tuổi trở lên", "Biện pháp", "Số vụ", "Số lượt", "Nội dung",
)  # fmt: skip


def test_the_document_is_the_one_the_reports_page_chooses(year, register):  # noqa: F811
    choice = family_dv_choice(YEAR, "Gia đình 2025")
    assert (choice.kind, choice.subject, choice.file_stem, choice.year) == (
        FAMILY_DV,
        "2025",
        "bao-cao-gia-dinh-2025",
        YEAR,
    )
    doc = document(register.profile, choice)
    assert doc.kind == "family-dv" and doc.document_id.startswith("GD-2025-")
    assert doc.header.number == "Số: 1/BC-TYT" and doc.header.issued_on == TODAY
    assert [s.heading for s in doc.sections][-1] == ""  # the closing line


@pytest.mark.skipif(bool(helpers.tools_missing()), reason="poppler-utils missing")
def test_the_pdf_reads_the_rows_and_the_xlsx_holds_the_same_numbers(year, register, tmp_path):  # noqa: F811
    doc = family_dv_report.family_dv_document(register.profile, YEAR, issued_on=date(2026, 1, 10))
    pdf = report_export.export_pdf(register.profile, doc, tmp_path / "gd.pdf", signed=False).path
    book = report_export.export_xlsx(register.profile, doc, tmp_path / "gd.xlsx").path
    lines = [" ".join(line.split()) for line in helpers.pdftotext(pdf).splitlines()]
    flowing = " ".join(lines)
    cells = {*lines, *(f"{one} {two}" for one, two in zip(lines, lines[1:], strict=False))}
    layout = [" ".join(line.split()) for line in helpers.pdftotext(pdf, "-layout").splitlines()]
    for heading in HEADINGS[:3]:
        assert heading in flowing
    for line in HEADINGS[3:]:
        assert line in layout or line in flowing, line
    for title in COLUMN_TITLES:
        assert title in cells, title
    checked = 0
    for sheet in load_workbook(book).worksheets[1:]:
        for row in sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True):
            numbers = [v for v in row if isinstance(v, int)]
            words = [str(v) for v in row if isinstance(v, str)]
            if not numbers:
                continue
            printed = " ".join([*words, *(str(n) for n in numbers)])
            assert printed in layout, f"{sheet.title}: {printed}"
            checked += 1
    assert checked == 6 + 3 + 7 + 2 + 11 + 8  # every numbered row of every table, the village totals included


def test_without_the_protection_permission_the_report_says_why_it_has_no_violence_figures(year, register):  # noqa: F811
    users.add_user(
        register.profile, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông"
    )
    ctv = profile_service.unlock(register.profile.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        doc = family_dv_report.family_dv_document(ctv, YEAR)
    finally:
        ctv.close()
    headings = [s.heading for s in doc.sections]
    assert headings[:4] == [
        "I. PHẠM VI SỐ LIỆU",
        "II. THÔNG TIN VỀ GIA ĐÌNH",
        "III. SỐ HỘ GIA ĐÌNH THEO THÔN, TỔ DÂN PHỐ",
        "IV. BẠO LỰC GIA ĐÌNH",
    ]
    violence = doc.sections[3]
    assert violence.table is None and violence.paragraphs == (family_dv_report.NO_CONTENT,)
    villages = doc.sections[2].table
    assert villages is not None and [c.title for c in villages.columns][-1] == "Hộ khác"  # no violence columns
    assert villages.rows == (("Thôn Đông Hà", 10, 2, 2, 3, 1, 2),)
    assert doc.sections[1].table is not None and doc.sections[1].table.rows[0] == ("1", "Tổng số hộ gia đình", "Hộ", 10)
    assert doc.signature is not None and doc.signature.name == "Trần Thị Hoa"


def test_the_report_of_the_current_year_says_the_day_its_figures_stop_at(year, register):  # noqa: F811
    doc = family_dv_report.family_dv_document(register.profile, TODAY.year)
    assert doc.subtitle == "(Từ ngày 01/01/2026 đến ngày 31/12/2026; số liệu tính đến ngày 10/03/2026)"
    assert "Hộ gia đình và nhân khẩu tính tại ngày 10/03/2026" in doc.sections[0].paragraphs[1]
