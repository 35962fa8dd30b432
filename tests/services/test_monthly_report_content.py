"""What the monthly report prints of the month's people: population at its end, births, priority households,
visits by topic, children by group, the user's remarks; and no total that adds up unlike things."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from desktop.reports.pdf import render_pdf
from desktop.services.documents import monthly_report, remarks
from desktop.services.documents.remarks import Remarks
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from tests.services.test_monthly_people import LAST, MONTH, town  # noqa: F401  (the fixture, counted by hand)

# Tables whose lines are different things, or overlap: a "Tổng cộng" under them would add up unlike things.
# (Section VII, measures and referrals, is checked with the month that has some: test_report_docs.)
UNLIKE = ("II.", "III.", "IV.", "VI.")


def section(doc, start: str):
    [found] = [s for s in doc.sections if s.heading.startswith(start)]
    return found


def rows(doc, start: str) -> dict[str, tuple]:
    return {row[0]: tuple(row[1:]) for row in section(doc, start).table.rows}


def test_the_new_figures_stand_in_their_sections(town):  # noqa: F811
    doc = monthly_report.monthly_document(town, MONTH)
    assert rows(doc, "I.")["Thôn Đông Hà"][:4] == (2, 10, 3, 1)  # households, people, births, deaths
    assert rows(doc, "II.") == {
        "Số hộ gia đình": (3,),
        "Số người đang sinh sống": (12,),
        "Trong đó: phụ nữ từ 15 đến 49 tuổi": (2,),
        "Trong đó: trẻ em dưới 16 tuổi": (5,),
        "Trong đó: người từ 60 tuổi trở lên": (1,),
    }
    assert f"Tính đến ngày {LAST:%d/%m/%Y}" in section(doc, "II.").paragraphs[0]
    [births] = [s for s in doc.sections if s.table is not None and s.table.sheet_name == "Trẻ sinh ra"]
    assert births.table.rows == (("Số trẻ sinh ra", 4, 2, 2), ("Trong đó: con thứ 3 trở lên", 2, 1, 1))
    assert "Có 1 trẻ chưa ghi là con thứ mấy của người mẹ." in births.paragraphs
    visits = section(doc, "IV.")
    assert any(line.endswith(": 2 hộ; trong tháng đã thăm 1 hộ.") for line in visits.paragraphs)
    assert rows(doc, "IV.") == {
        "KHHGĐ / sức khỏe sinh sản": (2,),
        "Chăm sóc người cao tuổi": (1,),
        "Dinh dưỡng trẻ em": (1,),
    }
    assert any("một lượt thăm có thể nhiều nội dung" in line for line in visits.paragraphs)
    assert rows(doc, "VI.") == {
        "a) Trẻ em mồ côi cả cha và mẹ": (1,),
        "d) Trẻ em khuyết tật": (1,),
        "i) Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực": (2,),
    }
    opening = section(doc, "VI.").paragraphs[0]
    assert "đang theo dõi đến ngày" in opening and ": 2 em" in opening


def test_no_total_adds_up_unlike_things(town):  # noqa: F811
    doc = monthly_report.monthly_document(town, MONTH)
    for start in UNLIKE:
        assert section(doc, start).table.total_label == "", start
    assert all(not s.table.total_label for s in doc.sections if s.heading == "" and s.table is not None)
    # Totals of one kind stay: people and visits by village, cases, sessions.
    assert {section(doc, start).table.total_label for start in ("I.", "V.", "VIII.")} == {"Tổng cộng"}


def test_remarks_are_printed_and_none_reads_không_có(town):  # noqa: F811
    doc = monthly_report.monthly_document(town, MONTH)
    assert section(doc, "IX.").paragraphs == ("Không có.",) and section(doc, "X.").paragraphs == ("Không có.",)
    remarks.save_monthly_remarks(town, MONTH, Remarks("Hộ đi làm ăn xa.\nThiếu tờ rơi.", "Cấp thêm tờ rơi."))
    doc = monthly_report.monthly_document(town, MONTH)
    assert section(doc, "IX. KHÓ KHĂN").paragraphs == ("Hộ đi làm ăn xa.", "Thiếu tờ rơi.")
    assert section(doc, "X. ĐỀ XUẤT").paragraphs == ("Cấp thêm tờ rơi.",)
    shown = monthly_report.monthly_document(town, MONTH, remarks=Remarks("", "Chưa lưu."))  # a preview
    assert section(shown, "IX.").paragraphs == ("Không có.",) and section(shown, "X.").paragraphs == ("Chưa lưu.",)


def test_without_the_protection_permission_the_children_section_says_why_it_is_empty(town, register):  # noqa: F811
    users.add_user(town, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(town.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        doc = monthly_report.monthly_document(ctv, MONTH)
    finally:
        ctv.close()
    children = section(doc, "VI.")
    assert children.table is None and "không có quyền xem nội dung hồ sơ" in children.paragraphs[0]
    assert rows(doc, "II.")["Số người đang sinh sống"] == (10,)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_the_pdf_shows_the_new_headings_and_figures(town, tmp_path):  # noqa: F811
    remarks.save_monthly_remarks(town, MONTH, Remarks("Thiếu tờ rơi sàng lọc.", ""))
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(render_pdf(monthly_report.monthly_document(town, MONTH, issued_on=date.today())).data)
    said = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(said.split())
    for heading in (
        "II. DÂN SỐ CUỐI THÁNG",
        "IV. THĂM HỘ GIA ĐÌNH",
        "VI. TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT",
        "IX. KHÓ KHĂN, VƯỚNG MẮC",
        "X. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert heading in flat
    assert "Số người đang sinh sống 12" in flat and "Trong đó: phụ nữ từ 15 đến 49 tuổi 2" in flat
    assert "Trong đó: con thứ 3 trở lên 2 1 1" in flat
    assert "Thiếu tờ rơi sàng lọc." in flat and "Không có." in flat
    # The only totals are those of the village, case and communication tables.
    assert flat.count("Tổng cộng") == 3
