"""The P0/CTV slip of a month with an event of every kind: what the PDF and the XLSX show, against the
database read with hand-written SQL, not through the services."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from desktop.reports.model import ReportDocument
from desktop.services.documents import choices, p0_slip, periods
from desktop.services.documents import export as report_export
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from desktop.services.register import events, households, members, people
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from tests.security import pdf_helpers as helpers

pytestmark = pytest.mark.skipif(bool(helpers.tools_missing()), reason="poppler-utils missing")

HEADINGS = (
    "1. Trẻ sinh ra",
    "2. Sàng lọc sơ sinh",
    "3. Người chết",
    "4. Người chuyển đến",
    "5. Người chuyển đi",
    "6. Thay đổi thông tin",
    "7. Sử dụng BPTT mới",
    "8. Thôi sử dụng BPTT",
    "9. Mang thai / sự kiện thai sản",
    "10. Sàng lọc trước sinh",
    "11. Người cao tuổi khám sức khỏe định kỳ",
    "12. Kết hôn, ly hôn",
)
COLUMNS = {
    1: ["Hộ số", "Họ và tên trẻ", "Ngày sinh", "Giới tính", "Dân tộc", "Họ và tên mẹ, ngày sinh",
        "Mã số BHYT của mẹ", "Nơi đẻ", "Con thứ"],
    2: ["Hộ số", "Họ và tên trẻ", "Ngày sinh", "Ngày sàng lọc", "Suy giáp", "G6PD", "Thượng thận", "Khiếm thính",
        "Tim bẩm sinh", "Nơi thực hiện"],
    3: ["Hộ số", "Họ và tên", "Mã số BHYT", "Quan hệ với chủ hộ", "Giới tính", "Ngày sinh", "Ngày chết"],
    4: ["Hộ số", "Họ và tên", "Mã số BHYT", "Giới tính", "Ngày sinh", "Quan hệ với chủ hộ, dân tộc, học vấn, hôn nhân",
        "Ngày đến", "Nơi đi"],
    5: ["Hộ số", "Họ và tên", "Mã số BHYT", "Quan hệ với chủ hộ", "Giới tính", "Ngày sinh", "Ngày đi", "Nơi đến"],
    6: ["Hộ số", "Họ và tên", "Mã số BHYT", "Giới tính", "Ngày sinh", "Ngày thay đổi", "Thông tin cũ", "Thông tin mới"],
    7: ["Hộ số", "Họ và tên vợ", "Mã số BHYT", "Ngày sinh", "Ngày bắt đầu", "BPTT"],
    8: ["Hộ số", "Họ và tên vợ", "Mã số BHYT", "Ngày sinh", "Ngày thôi", "BPTT thôi"],
    9: ["Hộ số", "Họ và tên", "Mã số BHYT", "Ngày sinh", "Ngày", "Sự kiện", "Lần mang thai"],
    10: ["Hộ số", "Họ và tên", "Ngày sinh", "Tuần thai", "Ngày sàng lọc", "Down", "Edwards", "Patau", "Thal.",
         "Nơi thực hiện"],
    11: ["Hộ số", "Mã số BHYT", "Họ và tên", "Năm sinh", "Ngày khám", "Nơi khám"],
    12: ["Hộ số", "Họ và tên", "Giới tính", "Ngày sinh", "Sự kiện", "Ngày", "Vợ/chồng"],
}  # fmt: skip
PLACES = {"health_station": "Trạm y tế", "hospital": "Bệnh viện", "home": "Tại nhà", "other": "Nơi khác"}
RESULT = {"normal": "BT", "at_risk": "NCC"}


@dataclass(frozen=True)
class Month:
    profile: object
    month: str
    first: date


def _first_of_last_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


@pytest.fixture
def slip_month(register) -> Month:
    """Last month: an event of every kind in two households, a couple of the register, an old-style
    screening, and events of other months that must stay off the slip."""
    p = register.profile
    first = _first_of_last_month(p.today())
    month = f"{first:%Y-%m}"
    on = first + timedelta(days=9)
    a = households.create(p, HouseholdInput(code="021", village_id=register.village_a, address="Xóm Bến Đò"))
    b = households.create(p, HouseholdInput(code="034", village_id=register.village_b))

    def add(household, name, sex, born, relationship, insurance="", **more):
        return members.add_member(p, household, PersonInput(name, sex, born, relationship, insurance_no=insurance,
                                                           **more))  # fmt: skip

    husband = add(a, "Trần Văn Quang", "1", date(1990, 3, 4), "head", "GD4424212345678")
    wife = add(a, "Phan Thị Mai", "2", date(1995, 7, 21), "spouse", "GD4424298765432")
    grandma = add(a, "Nguyễn Thị Tám", "2", date(1948, 1, 2), "parent", "HT3424211112222")
    son = add(a, "Trần Văn Hùng", "1", date(1999, 5, 6), "child", education="")
    groom = add(b, "Lê Văn Toàn", "1", date(1998, 2, 3), "head")
    bride = add(a, "Trần Thị Hoa", "2", date(2000, 8, 9), "child")
    old_man = add(b, "Lê Văn Cả", "1", date(1950, 6, 7), "parent", "HT3424233334444")
    m = {"reporting_month": month}
    baby = people.record_birth(p, a, PersonInput("Trần Bảo Ngọc", "2", on - timedelta(days=3), "grandchild"),
                               mother_id=wife, place="hospital", birth_order=2, **m)  # fmt: skip
    people.record_care_event(p, baby, kind="newborn_screening", on=on, details={
        "results": {"congenital_hypothyroidism": "normal", "g6pd_deficiency": "at_risk"}, "done_at": "Bệnh viện huyện"},
        **m)  # fmt: skip
    old_style = {"result": "normal", "done_at": "Trạm Y tế"}  # saved before results were kept per condition
    with p.sessions.begin() as session:
        events.add_event(
            session,
            kind="newborn_screening",
            household_id=a,
            person_id=baby,
            event_date=on,
            today=p.today(),
            reporting_month=month,
            details=old_style,
        )
    people.record_move_in(p, b, PersonInput("Đinh Thị Lan", "2", date(1997, 4, 5), "other", ethnicity="04",
                          education="upper_secondary", marital_status="single", insurance_no="DN4424255556666"),
                          moved_on=on, came_from="Xã Kỳ Anh, Hà Tĩnh", **m)  # fmt: skip
    people.record_move_out(p, son, moved_on=on + timedelta(days=1), destination="Thành phố Vinh", **m)
    renamed = PersonInput("Trần Văn Quảng", "1", date(1990, 3, 4), "head", insurance_no="GD4424212345678")
    members.update_member(p, husband, renamed, as_change_event=True, reporting_month=f"{p.today():%Y-%m}")
    people.record_care_event(p, wife, kind="fp_start", on=on, details={"method": "iud"}, **m)
    people.record_care_event(p, wife, kind="fp_stop", on=on + timedelta(days=2), details={"method": "pill"}, **m)
    people.record_care_event(p, wife, kind="pregnancy", on=on, details={"stage": "detected", "pregnancy_no": 3},
                             **m)  # fmt: skip
    people.record_care_event(p, wife, kind="prenatal_screening", on=on, details={
        "week": 12, "results": {"down_syndrome": "normal", "thalassemia": "at_risk"}, "done_at": "Bệnh viện tỉnh"},
        **m)  # fmt: skip
    people.record_care_event(p, old_man, kind="elderly_checkup", on=on, details={"done_at": "Trạm Y tế xã"}, **m)
    people.record_marital_change(p, groom, kind="marriage", on=on, partner_name="Trần Thị Hoa", **m)
    people.record_marital_change(p, bride, kind="marriage", on=on, partner_name="Lê Văn Toàn", **m)
    people.transfer_member(p, bride, b, relationship="spouse", on=on + timedelta(days=3), **m)
    people.record_death(p, grandma, died_on=on + timedelta(days=4), **m)
    # Off this slip: an October-style event of the month before, and one of this month put on this month's slip.
    before = first - timedelta(days=5)
    people.record_care_event(p, old_man, kind="elderly_checkup", on=before, details={},
                             reporting_month=f"{before:%Y-%m}")  # fmt: skip
    return Month(p, month, first)


def _sql_rows(profile, sql: str, **params) -> list[tuple]:
    with profile.sessions() as session:
        return [tuple(row) for row in session.execute(text(sql), params)]


BASE = """
    FROM population_events e JOIN households h ON h.id = e.household_id LEFT JOIN people p ON p.id = e.person_id
    WHERE e.reporting_month = :month AND e.deleted_at IS NULL AND e.kind = :kind
"""
ORDER = " ORDER BY e.event_date, h.code, p.full_name, e.created_at, e.id"


def _name(profile, table: str) -> dict[str, str]:
    return dict(_sql_rows(profile, 'SELECT code, name_vi FROM code_items WHERE "table" = :t', t=table))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _expected(profile, month: str) -> dict[int, list[tuple]]:
    sex, rel, eth = _name(profile, "sex"), _name(profile, "relationship"), _name(profile, "ethnic_groups")
    edu, mar, fp = _name(profile, "education"), _name(profile, "marital_status"), _name(profile, "fp_methods")
    q = lambda kind, cols: _sql_rows(profile, f"SELECT {cols} {BASE} {ORDER}", month=month, kind=kind)  # noqa: E731
    found: dict[int, list[tuple]] = {}
    found[1] = [
        (code, name, _day(on), sex[s], eth[et], f"{mn}\n{_day(mb):%d/%m/%Y}", mi, PLACES[place], order)
        for code, name, on, s, et, mn, mb, mi, place, order in _sql_rows(profile, f"""
            SELECT h.code, p.full_name, e.event_date, p.sex, p.ethnicity, m.full_name, m.birth_date, m.insurance_no,
                   json_extract(e.details, '$.place'), json_extract(e.details, '$.birth_order')
            FROM population_events e JOIN households h ON h.id = e.household_id JOIN people p ON p.id = e.person_id
                 LEFT JOIN people m ON m.id = json_extract(e.details, '$.mother_id')
            WHERE e.reporting_month = :month AND e.deleted_at IS NULL AND e.kind = 'birth' {ORDER}""", month=month)
    ]  # fmt: skip
    screened = q("newborn_screening", "h.code, p.full_name, p.birth_date, e.event_date, e.details")
    newborn = ["congenital_hypothyroidism", "g6pd_deficiency", "congenital_adrenal_hyperplasia",
               "congenital_hearing_loss", "congenital_heart_disease"]  # fmt: skip
    found[2] = [_screening_row(row[:4], (), json.loads(row[4]), newborn) for row in screened]
    found[3] = [
        (c, n, i, rel[r], sex[s], _day(b), _day(on))
        for c, n, i, r, s, b, on in q(
            "death", "h.code, p.full_name, p.insurance_no, p.relationship, p.sex, p.birth_date, e.event_date"
        )
    ]
    found[4] = [
        (c, n, i, sex[s], _day(b), f"{rel[r]}\n{eth[et]}\n{edu[ed]}\n{mar[ma]}", _day(on), came)
        for c, n, i, s, b, r, et, ed, ma, on, came in q(
            "move_in",
            """h.code, p.full_name, p.insurance_no, p.sex,
            p.birth_date, p.relationship, p.ethnicity, p.education, p.marital_status, e.event_date,
            json_extract(e.details, '$.from')""",
        )
    ]
    found[5] = [(c, n, i, rel[r], sex[s], _day(b), _day(on), to) for c, n, i, r, s, b, on, to in q(
        "move_out", "h.code, p.full_name, p.insurance_no, p.relationship, p.sex, p.birth_date, e.event_date, "
        "json_extract(e.details, '$.to')")]  # fmt: skip
    found[6] = [
        _change_row(row, rel)
        for row in q(
            "info_change",
            """h.code, p.full_name, p.insurance_no, p.sex,
        p.birth_date, e.event_date, e.details, p.relationship""",
        )
    ]
    for number, kind in ((7, "fp_start"), (8, "fp_stop")):
        found[number] = [
            (c, n, i, _day(b), _day(on), fp[meth])
            for c, n, i, b, on, meth in q(
                kind,
                "h.code, p.full_name, p.insurance_no, p.birth_date, e.event_date, json_extract(e.details, '$.method')",
            )
        ]
    stages = {"detected": "Phát hiện mang thai", "ended": "Kết thúc thai kỳ"}
    found[9] = [(c, n, i, _day(b), _day(on), stages[st], no) for c, n, i, b, on, st, no in q(
        "pregnancy", "h.code, p.full_name, p.insurance_no, p.birth_date, e.event_date, "
        "json_extract(e.details, '$.stage'), json_extract(e.details, '$.pregnancy_no')")]  # fmt: skip
    prenatal = ["down_syndrome", "edwards_syndrome", "patau_syndrome", "thalassemia"]
    found[10] = [
        _screening_row((c, n, b), (week,), json.loads(details), prenatal, on=on)
        for c, n, b, week, on, details in q(
            "prenatal_screening",
            """h.code, p.full_name, p.birth_date,
            json_extract(e.details, '$.week'), e.event_date, e.details""",
        )
    ]
    found[11] = [(c, i, n, b[:4], _day(on), place or "") for c, i, n, b, on, place in q(
        "elderly_checkup", "h.code, p.insurance_no, p.full_name, p.birth_date, e.event_date, "
        "json_extract(e.details, '$.done_at')")]  # fmt: skip
    found[12] = _couples(profile, month, sex)
    return found


def _screening_row(who: tuple, extra: tuple, details: dict, conditions: list[str], *, on=None) -> tuple:
    code, name, born = who[0], who[1], _day(who[2])
    when = _day(on) if on is not None else _day(who[3])
    results = details.get("results", {})
    if "result" in details:  # the old single result: no per-condition cells, the result beside the place
        cells = [""] * len(conditions)
        overall = {"normal": "bình thường", "at_risk": "nguy cơ cao", "pending": "chưa có kết quả"}[details["result"]]
        place = f"{details['done_at']}; kết quả chung: {overall}"
    else:
        cells = [RESULT.get(results.get(c), "–") for c in conditions]
        place = details.get("done_at", "")
    return (code, name, born, *extra, when, *cells, place)


def _change_row(row: tuple, rel: dict[str, str]) -> tuple:
    code, name, insurance, sex_code, born, on, details, relationship = row
    before = json.loads(details)
    if "to_household" in before:
        old, new = f"Hộ số {before['from_household']}", f"Hộ số {before['to_household']}"
    else:
        was = {"full_name": before["before"]["full_name"], "birth_date": _day(before["before"]["birth_date"])}
        now = {"full_name": name, "birth_date": _day(born)}
        labels = {"full_name": "Họ và tên", "birth_date": "Ngày sinh"}
        shown = lambda v: f"{v:%d/%m/%Y}" if isinstance(v, date) else v  # noqa: E731
        changed = [k for k in was if was[k] != now[k]]
        old = "\n".join(f"{labels[k]}: {shown(was[k])}" for k in changed)
        new = "\n".join(f"{labels[k]}: {shown(now[k])}" for k in changed)
    sexes = {"1": "Nam", "2": "Nữ"}
    return (code, name, insurance, sexes[sex_code], _day(born), _day(on), old, new)


def _couples(profile, month: str, sex: dict[str, str]) -> list[tuple]:
    """One line per couple: a second spouse naming the first, same kind and day, is the same wedding."""
    rows = _sql_rows(profile, """
        SELECT e.id, e.kind, h.code, p.full_name, p.sex, p.birth_date, e.event_date,
               json_extract(e.details, '$.partner')
        FROM population_events e JOIN households h ON h.id = e.household_id JOIN people p ON p.id = e.person_id
        WHERE e.reporting_month = :month AND e.deleted_at IS NULL AND e.kind IN ('marriage', 'divorce')
        ORDER BY e.created_at, e.id""", month=month)  # fmt: skip
    kept, seen = [], {}
    for _id, kind, code, name, s, born, on, partner in rows:
        if (kind, on, partner, name) in seen:
            first = seen.pop((kind, on, partner, name))
            if kept[first][0] != code:  # the other spouse's household, when it is another one
                kept[first] = (*kept[first][:6], f"{kept[first][6]} (hộ số {code})")
            continue
        seen[(kind, on, name, partner)] = len(kept)
        kept.append((code, name, sex[s], _day(born), {"marriage": "Kết hôn", "divorce": "Ly hôn"}[kind], _day(on),
                     partner))  # fmt: skip
    return sorted(kept, key=lambda r: (r[5], r[0], r[1]))


def _tables(doc: ReportDocument) -> dict[int, tuple]:
    found = {}
    for section in doc.sections:
        number = section.heading.split(".")[0]
        if number.isdigit():
            found[int(number)] = section.table.rows if section.table else ()
    return found


@pytest.fixture
def exported(slip_month, tmp_path) -> tuple[ReportDocument, Path, Path]:
    p = slip_month.profile
    doc = p0_slip.p0_document(p, slip_month.month)
    pdf = report_export.export_pdf(p, doc, tmp_path / "p0.pdf", signed=False, subject=slip_month.month).path
    book = report_export.export_xlsx(p, doc, tmp_path / "p0.xlsx", subject=slip_month.month).path
    return doc, pdf, book


def test_every_section_s_rows_are_the_month_s_events_as_the_database_holds_them(slip_month, exported):
    doc, _pdf, _book = exported
    expected = _expected(slip_month.profile, slip_month.month)
    found = _tables(doc)
    assert sorted(found) == list(range(1, 13))
    for number in range(1, 13):
        assert [tuple(row) for row in found[number]] == expected[number], number
    # Every section had something this month, and the couple is one line naming the other household.
    assert all(found[n] for n in range(1, 13))
    [(_code, groom, *_rest, partner)] = found[12]
    assert groom == "Lê Văn Toàn" and partner == "Trần Thị Hoa (hộ số 021)"


def test_an_event_of_another_reporting_month_is_not_on_the_slip(slip_month, exported):
    doc, _pdf, _book = exported
    [checkup] = _tables(doc)[11]
    assert checkup[2] == "Lê Văn Cả" and checkup[4] == slip_month.first + timedelta(days=9)
    # The change to the head's name went on this month's slip, not last month's.
    assert all(row[1] != "Trần Văn Quảng" for row in _tables(doc)[6])
    this_month = p0_slip.p0_document(slip_month.profile, slip_month.profile.today().strftime("%Y-%m"))
    [change] = _tables(this_month)[6]
    assert change[6:] == ("Họ và tên: Trần Văn Quang", "Họ và tên: Trần Văn Quảng")
    assert all(not rows for number, rows in _tables(this_month).items() if number != 6)


def test_the_pdf_prints_the_title_every_section_and_every_column_heading(slip_month, exported):
    doc, pdf, _book = exported
    printed = " ".join(helpers.pdftotext(pdf, "-raw").split())
    first = slip_month.first
    assert "PHIẾU THU TIN VỀ DÂN SỐ" in printed and f"Tháng {first.month} năm {first.year}" in printed
    assert "Họ và tên cộng tác viên: Nguyễn Thị Lan" in printed and "Địa bàn: Thôn Đông Hà, Thôn Trung Sơn" in printed
    assert "Số: 1/P0-TYT" in printed  # the first slip numbered in the year of issue
    for heading in HEADINGS:
        assert heading in printed
    for number, titles in COLUMNS.items():
        section = next(s for s in doc.sections if s.heading.startswith(f"{number}. "))
        assert section.table is not None and [c.title for c in section.table.columns] == titles
        for title in titles:
            assert title in printed, title
    assert "Kết quả: BT = bình thường; NCC = nguy cơ cao; – = không sàng lọc." in printed
    assert "Thal. = Bệnh tan máu bẩm sinh (Thalassemia)." in printed
    assert "kết quả chung: bình thường" in printed  # the old-style screening, as it was recorded


def test_the_xlsx_has_the_pdf_s_rows(exported):
    doc, pdf, book = exported
    workbook = load_workbook(book)
    printed = " ".join(helpers.pdftotext(pdf, "-raw").split())
    for number, rows in _tables(doc).items():
        sheet = workbook[f"Mục {number}"]
        header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Hộ số")
        assert [c.value for c in sheet[header]] == COLUMNS[number]
        book_rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=header + 1) if row[0].value]
        assert len(book_rows) == len(rows)
        for in_book, in_doc in zip(book_rows, rows, strict=True):
            as_cells = [v.date() if hasattr(v, "date") and v is not None else v for v in in_book]
            assert as_cells == [None if v == "" else v for v in in_doc]
            # The same row in the PDF: its household number, name and first date, in that order.
            name = next(v for v in in_doc[1:3] if isinstance(v, str) and " " in v)
            day = next(v for v in in_doc if isinstance(v, date))
            assert f"{in_doc[0]}" in printed and name in printed and f"{day:%d/%m/%Y}" in printed


def test_a_month_not_begun_yet_is_refused(profile):
    coming = profile.today().replace(day=28) + timedelta(days=5)
    with pytest.raises(periods.PeriodNotBegunError):
        p0_slip.p0_document(profile, f"{coming:%Y-%m}")


def test_the_file_name_names_the_month_only():
    choice = choices.p0_choice("2026-11", "Phiếu thu tin P0 tháng 11/2026")
    assert (choice.kind, choice.month, choice.file_stem) == (choices.P0, "2026-11", "phieu-thu-tin-p0-2026-11")


def test_a_collaborator_s_slip_holds_the_villages_they_keep_only(slip_month, register):
    officer = slip_month.profile
    users.add_user(officer, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_b,)), "hoa giữ thôn trung")
    ctv = profile_service.unlock(officer.paths, "Trần Thị Hoa", "hoa giữ thôn trung")
    try:
        doc = p0_slip.p0_document(ctv, slip_month.month)
    finally:
        ctv.close()
    assert doc.sections[0].paragraphs == ("Họ và tên cộng tác viên: Trần Thị Hoa", "Địa bàn: Thôn Trung Sơn")
    households_on_slip = {row[0] for rows in _tables(doc).values() for row in rows}
    assert households_on_slip == {"034"}  # household 021 is in the other village
    # The groom's line stays; the bride's household is not hers to see, but the couple is one line all the same.
    [(_code, groom, *_rest, partner)] = _tables(doc)[12]
    assert (groom, partner) == ("Lê Văn Toàn", "Trần Thị Hoa")
