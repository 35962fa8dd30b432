"""The A0/CTV sheet and the village's Sổ A0: Mục I against the database itself, the contraception grid against
the fp events, the changes, the PDF a reader gets, the XLSX rows, and who may have them."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from desktop.errors import NotFoundError
from desktop.reports.pdf import render_pdf
from desktop.reports.xlsx import render_xlsx
from desktop.services.documents import a0_book, a0_sheet, choices
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.users import UserInput
from desktop.services.register import events, households, members, people
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput

ISSUED = date(2026, 11, 5)  # the 2026-2030 book
LAST_DAY_OF_OLD_BOOK = date(2025, 12, 31)
HEADINGS = [
    "Số TT",
    "Mã đối tượng (Số thẻ BHYT)",
    "Họ và tên",
    "Quan hệ với chủ hộ",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Trình độ học vấn",
    "Tình trạng hôn nhân",
    "Tình trạng cư trú",
]


@pytest.fixture
def family(register):
    """Household 012: a member of every relationship, a death, a move out before and one during the book, a
    move in, a birth at home screened five days later, and a wife who took the pill from 03/2025, stopped
    on 14/02/2026 and had an IUD fitted on 02/05/2026."""
    p = register.profile
    hid = households.create(p, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 2"))

    def add(name, sex, born, relationship, **kw):
        return members.add_member(p, hid, PersonInput(name, sex, born, relationship, **kw))

    # Added out of the A0 order on purpose: the sheet lists them in it.
    grandpa = add("Lê Văn Tư", "1", date(1950, 1, 1), "parent", marital_status="widowed")
    head = add("Lê Văn Nam", "1", date(1982, 4, 10), "head", education="upper_secondary", marital_status="married",
               insurance_no="GD4421234567890")  # fmt: skip
    wife = add("Phan Thị Hoa", "2", date(1986, 2, 20), "spouse", ethnicity="04", education="lower_secondary",
               marital_status="married", insurance_no="GD4420000000001")  # fmt: skip
    add("Lê Thị Hồng", "2", date(2008, 5, 5), "child", marital_status="single")
    in_law = add("Vũ Thị Ngọc", "2", date(2000, 3, 3), "adopted_child_in_law", marital_status="married",
                 residence_status="temporary_resident")  # fmt: skip
    cousin = add("Trần Văn Bình", "1", date(1995, 6, 6), "other", marital_status="single")
    early = add("Lê Văn Sớm", "1", date(1990, 9, 9), "other")
    people.record_move_out(p, early, moved_on=date(2025, 5, 1))  # before the 2026 book
    people.record_death(p, grandpa, died_on=date(2026, 3, 15))
    people.record_move_out(p, cousin, moved_on=date(2026, 6, 1), destination="Hà Nội")
    people.record_move_in(p, hid, PersonInput("Đỗ Thị Lan", "2", date(1990, 1, 1), "other"), moved_on=date(2026, 4, 10),
                          came_from="Nghệ An")  # fmt: skip
    baby = people.record_birth(p, hid, PersonInput("Lê Minh Khang", "1", date(2026, 8, 20), "grandchild"),
                               mother_id=in_law, place="home", birth_order=1)  # fmt: skip
    people.record_care_event(p, baby, kind="newborn_screening", on=date(2026, 8, 25),
                             details={"results": {"congenital_hypothyroidism": "normal"}})  # fmt: skip
    for kind, on, method in (
        ("fp_start", date(2025, 3, 10), "pill"),
        ("fp_stop", date(2026, 2, 14), "pill"),
        ("fp_start", date(2026, 5, 2), "iud"),
    ):
        people.record_care_event(p, wife, kind=kind, on=on, details={"method": method})
    return p, hid, {"head": head, "wife": wife, "in_law": in_law, "baby": baby}


def section(doc, start: str):
    [found] = [s for s in doc.sections if s.heading.startswith(start)]
    return found


def _expected_basic_rows(profile, hid, book_start: date) -> list[tuple]:
    """Mục I read straight from the tables with SQL: the A0 order is the relationship table's order, older
    first; whoever left before the book began is in the old book; a line struck on paper is marked."""
    sql = text(
        """
        SELECT p.insurance_no, p.full_name, rel.name_vi, sex.name_vi, p.birth_date, eth.name_vi, edu.name_vi,
               mar.name_vi, res.name_vi, p.status, p.death_date, p.left_on
        FROM people p
        JOIN code_items rel ON rel."table" = 'relationship' AND rel.code = p.relationship
        JOIN code_items sex ON sex."table" = 'sex' AND sex.code = p.sex
        LEFT JOIN code_items eth ON eth."table" = 'ethnic_groups' AND eth.code = p.ethnicity
        LEFT JOIN code_items edu ON edu."table" = 'education' AND edu.code = p.education
        LEFT JOIN code_items mar ON mar."table" = 'marital_status' AND mar.code = p.marital_status
        LEFT JOIN code_items res ON res."table" = 'residence_status' AND res.code = p.residence_status
        WHERE p.household_id = :household AND p.deleted_at IS NULL
          AND COALESCE(p.death_date, p.left_on, '9999-12-31') >= :start
        ORDER BY rel.sort_order, p.birth_date, p.full_name
        """
    )
    with profile.sessions() as session:
        found = session.execute(sql, {"household": hid.hex, "start": book_start.isoformat()}).all()
    rows = []
    for number, row in enumerate(found, start=1):
        insurance, name, rel, sex, born, eth, edu, mar, res, status, died, left = row
        if status == "dead":
            res = "(đã chết)"
        elif status == "moved_out":
            res = "(đã chuyển đi)"
        rows.append((number, insurance or None, name, rel, sex, date.fromisoformat(born), eth, edu, mar, res))
    return rows


def test_section_i_lists_everyone_of_the_book_as_the_database_holds_them(family):
    p, hid, _who = family
    doc = a0_sheet.a0_document(p, hid, issued_on=ISSUED)
    basic = section(doc, "I. THÔNG TIN CƠ BẢN").table
    assert [c.title for c in basic.columns] == HEADINGS
    assert list(basic.rows) == _expected_basic_rows(p, hid, date(2026, 1, 1))
    names = [row[2] for row in basic.rows]
    assert names == ["Lê Văn Nam", "Phan Thị Hoa", "Lê Thị Hồng", "Vũ Thị Ngọc", "Lê Văn Tư", "Lê Minh Khang",
                     "Đỗ Thị Lan", "Trần Văn Bình"]  # fmt: skip
    assert basic.rows[1][1:] == ("GD4420000000001", "Phan Thị Hoa", "Vợ/chồng chủ hộ", "Nữ", date(1986, 2, 20),
                                 "Mường", "Trung học cơ sở", "Có vợ/chồng", "Thường trú có mặt")  # fmt: skip
    assert basic.rows[4][-1] == "(đã chết)" and basic.rows[-1][-1] == "(đã chuyển đi)"
    assert "ngày chuyển đi, ngày chết ghi ở Mục III" in section(doc, "I.").paragraphs[0]
    # The 2021-2025 book still has the man who moved out in 2025, marked.
    old = a0_sheet.a0_document(p, hid, issued_on=LAST_DAY_OF_OLD_BOOK)
    old_rows = section(old, "I.").table.rows
    assert list(old_rows) == _expected_basic_rows(p, hid, date(2021, 1, 1))
    assert ("Lê Văn Sớm", "(đã chuyển đi)") in [(r[2], r[-1]) for r in old_rows]


def test_the_contraception_grid_follows_the_fp_events_month_by_month(family):
    p, hid, _who = family
    doc = a0_sheet.a0_document(p, hid, issued_on=ISSUED)
    women = [s for s in doc.sections if s.table is not None and s.table.columns[0].title == "Năm"]
    hoa, ngoc = women
    assert hoa.heading == (
        "1. Họ và tên: Phan Thị Hoa; Năm sinh: 1986; Tháng năm bắt đầu sử dụng BPTT: 05/2026 (Dụng cụ tử cung)"
    )
    assert [c.title for c in hoa.table.columns] == ["Năm", *(f"T{m}" for m in range(1, 13))]
    # January: the pill begun in 2025; stopped on 14 February, so February to April are empty; the IUD from
    # May; December is after the day of the sheet.
    assert hoa.table.rows[0] == ("2026", "Uống", None, None, None, *["DCTC"] * 7, None)
    assert [row[0] for row in hoa.table.rows] == ["2026", "2027", "2028", "2029", "2030"]
    assert all(cell is None for row in hoa.table.rows[1:] for cell in row[1:])
    # A married woman of 26 without any recorded use is followed too, with an empty grid.
    assert ngoc.heading.startswith("2. Họ và tên: Vũ Thị Ngọc; Năm sinh: 2000;") and "chưa có thông tin" in ngoc.heading
    assert all(cell is None for row in ngoc.table.rows for cell in row[1:])
    legend = section(doc, "II.").paragraphs[1]
    assert "DCTC – Dụng cụ tử cung" in legend and "Uống – Thuốc uống tránh thai" in legend
    # In the old book the pill runs from March 2025, the month it began, to December.
    old = a0_sheet.a0_document(p, hid, issued_on=LAST_DAY_OF_OLD_BOOK)
    old_hoa = next(s for s in old.sections if s.heading.startswith("1. Họ và tên: Phan Thị Hoa"))
    assert old_hoa.table.rows[-1] == ("2025", None, None, *["Uống"] * 10)
    assert "Tháng năm bắt đầu sử dụng BPTT: 03/2025 (Thuốc uống tránh thai)" in old_hoa.heading


def test_section_iii_holds_the_births_and_the_dated_changes_of_the_book(family):
    p, hid, _who = family
    doc = a0_sheet.a0_document(p, hid, issued_on=ISSUED)
    [birth] = section(doc, "1. Trẻ mới sinh").table.rows
    assert birth == ("Lê Minh Khang", date(2026, 8, 20), "Tại nhà", 1, "Vũ Thị Ngọc", date(2026, 8, 25))
    log = section(doc, "2. Các thay đổi khác").table.rows
    assert log == (
        (date(2026, 2, 14), "Thôi sử dụng BPTT: Thuốc uống tránh thai", "Phan Thị Hoa"),
        (date(2026, 3, 15), "Chết", "Lê Văn Tư"),
        (date(2026, 4, 10), "Chuyển đến từ Nghệ An", "Đỗ Thị Lan"),
        (date(2026, 5, 2), "Bắt đầu sử dụng BPTT: Dụng cụ tử cung", "Phan Thị Hoa"),
        (date(2026, 6, 1), "Chuyển đi đến Hà Nội", "Trần Văn Bình"),
    )  # the 2025 events belong to the old book; the baby's screening is in the births table


def test_a_change_of_name_says_the_old_name(family):
    p, hid, who = family
    members.update_member(
        p, who["head"], PersonInput("Lê Văn Nam Anh", "1", date(1982, 4, 10), "head", marital_status="married"),
        as_change_event=True,
    )  # fmt: skip
    log = section(a0_sheet.a0_document(p, hid), "2. Các thay đổi khác").table.rows
    assert log[-1][1:] == ("Thay đổi thông tin (họ và tên cũ: Lê Văn Nam)", "Lê Văn Nam Anh")


def test_a_new_head_after_a_death_says_the_old_relationship(family):
    p, hid, who = family
    people.record_death(p, who["head"], died_on=date(2026, 9, 1), new_head_id=who["wife"])
    wife = PersonInput("Phan Thị Hoa", "2", date(1986, 2, 20), "head", ethnicity="04", marital_status="widowed")
    members.update_member(p, who["wife"], wife)
    with p.sessions.begin() as session:  # as the demo's year records it
        before = {"before": {"relationship": "spouse"}}
        events.add_event(session, kind="info_change", household_id=hid, person_id=who["wife"],
                         event_date=date(2026, 9, 2), today=p.today(), details=before)  # fmt: skip
    log = section(a0_sheet.a0_document(p, hid, issued_on=ISSUED), "2. Các thay đổi khác").table.rows
    assert log[-1][1:] == ("Thay đổi thông tin (quan hệ với chủ hộ trước đây: Vợ/chồng chủ hộ)", "Phan Thị Hoa")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_the_pdf_reads_as_the_form_and_the_xlsx_has_the_same_rows(family, tmp_path):
    p, hid, _who = family
    doc = a0_sheet.a0_document(p, hid, issued_on=ISSUED)
    pdf = tmp_path / "a0.pdf"
    pdf.write_bytes(render_pdf(doc).data)
    # -raw: in the order drawn, so a heading wrapped inside its cell reads as one line once the breaks go.
    said = " ".join(
        subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    for words in ("PHIẾU HỘ DÂN CƯ", "Hộ số: 012", "I. THÔNG TIN CƠ BẢN", "II. THEO DÕI SỬ DỤNG BPTT",
                  "III. THEO DÕI CÁC THAY ĐỔI", *HEADINGS):  # fmt: skip
        assert words in said, words
    # Every number and date whole: the columns leave room for the widest word of each.
    for words in ("GD4421234567890", "GD4420000000001", "20/02/1986", "Có vợ/chồng", "(đã chuyển đi)"):
        assert words in said, words
    book = load_workbook(BytesIO(render_xlsx(doc)))

    def sheet_rows(name: str) -> list[tuple]:
        found = list(book[name].iter_rows(min_row=5, values_only=True))
        return [tuple(v.date() if isinstance(v, datetime) else v for v in row) for row in found]

    assert sheet_rows("Mục I") == list(section(doc, "I.").table.rows)
    grid = next(s for s in doc.sections if s.table is not None and s.table.sheet_name == "BPTT 1")
    assert sheet_rows("BPTT 1") == list(grid.table.rows)
    assert sheet_rows("Thay đổi") == list(section(doc, "2. Các thay đổi khác").table.rows)


def test_the_village_book_has_its_cover_area_list_and_a_sheet_per_household_in_number_order(family, register):
    p, hid, _who = family
    for code in ("100", "9", "100.1"):
        households.create(p, HouseholdInput(code=code, village_id=register.village_a))
    households.create(p, HouseholdInput(code="5", village_id=register.village_b))  # another village
    doc = a0_book.a0_book_document(p, register.village_a, issued_on=ISSUED)
    cover = doc.sections[0]
    assert cover.emphasis == "THÔN ĐÔNG HÀ"
    assert "Từ hộ số: 9 đến hộ số: 100.1" in cover.paragraphs and "Tỉnh: Hà Tĩnh" in cover.paragraphs
    area = doc.sections[1]
    assert area.heading == "BẢNG KÊ ĐỊA BÀN" and area.page_break_before
    assert area.table.rows == ((1, "Thôn Đông Hà", 4, "9", "100.1"),)
    sheets = [s for s in doc.sections if s.heading.startswith("PHIẾU HỘ DÂN CƯ – HỘ SỐ")]
    assert [s.heading.rsplit(" ", 1)[-1] for s in sheets] == ["9", "012", "100", "100.1"]
    assert all(s.page_break_before for s in sheets)
    # The household's sheet in the book is the sheet on its own, its XLSX sheets named after the household.
    one = a0_sheet.a0_document(p, hid, issued_on=ISSUED)
    in_book = [s.table.rows for s in doc.sections if s.table is not None and s.table.sheet_name.startswith("Hộ 012 ")]
    alone = [s.table.rows for s in one.sections if s.table is not None]
    assert in_book == alone


def test_the_village_is_found_by_name_without_accents_or_by_id(register):
    p = register.profile
    assert a0_book.find_village(p, "dong ha").id == register.village_a
    assert a0_book.find_village(p, "Thôn Trung Sơn").id == register.village_b
    assert a0_book.find_village(p, register.village_b.hex).id == register.village_b
    assert a0_book.find_village(p, "Thôn Bắc") is None


def test_a_household_or_village_the_user_does_not_keep_is_refused(family, register):
    p, hid, _who = family
    users.add_user(p, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_b,)), "hoa giữ thôn trung")
    ctv = profile_service.unlock(p.paths, "Trần Thị Hoa", "hoa giữ thôn trung")
    try:
        with pytest.raises(PermissionDeniedError):
            a0_sheet.a0_document(ctv, hid)
        with pytest.raises(PermissionDeniedError):
            a0_book.a0_book_document(ctv, register.village_a)
        assert a0_book.find_village(ctv, "Đông Hà") is None
        assert a0_book.a0_book_document(ctv, register.village_b).sections[1].paragraphs == ("Không có.",)
    finally:
        ctv.close()
    with pytest.raises(NotFoundError):
        a0_book.a0_book_document(p, hid)  # not a village


def test_the_choices_name_files_without_people_and_build_the_document(family, register):
    p, hid, _who = family
    one = choices.a0_choice("A0", household_id=hid, code="012")
    village = choices.a0_choice("Sổ A0", village_id=register.village_a, village="Thôn Đông Hà")
    assert (one.file_stem, village.file_stem) == ("phieu-a0-ho-012", "so-a0-thon-dong-ha")
    assert (one.subject, village.subject) == ("012", "Thôn Đông Hà")
    assert choices.document(p, one).title == "PHIẾU HỘ DÂN CƯ"
    assert choices.document(p, village).title == "SỔ GHI CHÉP BAN ĐẦU VỀ DÂN SỐ (SỔ A0)"
    with pytest.raises(ValueError):
        choices.a0_choice("A0")
