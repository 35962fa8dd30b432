"""The monthly report's content: the figures of the month in the sections of the document, in Vietnamese."""

from __future__ import annotations

from datetime import date

from desktop.services.documents import monthly, monthly_report
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from tests.services.test_monthly import MONTH, month  # noqa: F401  (the fixture month, worked out by hand)


def _table(doc, heading_start: str):
    [section] = [s for s in doc.sections if s.heading.startswith(heading_start)]
    return section


def test_the_monthly_report_holds_the_month_s_figures(month):  # noqa: F811
    doc = monthly_report.monthly_document(month, MONTH, issued_on=date(2026, 11, 5))
    figures = monthly.monthly_figures(month, MONTH)
    assert doc.kind == "monthly" and doc.document_id.startswith(f"BC-{MONTH}-")
    assert doc.header.agency_parent == "UBND XÃ CẨM XUYÊN" and doc.header.place == "Cẩm Xuyên"
    assert doc.header.agency == "TRẠM Y TẾ XÃ CẨM XUYÊN" and doc.header.number == "Số: 1/BC-TYT"
    assert (doc.title, doc.subject) == ("BÁO CÁO", f"Kết quả hoạt động tháng {int(MONTH[5:])} năm {MONTH[:4]}")
    assert [s.heading for s in doc.sections] == [
        "I. TỔNG HỢP THEO THÔN, TỔ DÂN PHỐ",
        "II. DÂN SỐ CUỐI THÁNG",
        "III. BIẾN ĐỘNG DÂN SỐ",
        "",  # the births, under III
        "IV. THĂM HỘ GIA ĐÌNH",
        "V. TRƯỜNG HỢP CẦN HỖ TRỢ",
        "VI. TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT",
        "VII. BIỆN PHÁP, CHUYỂN GỬI, HÒA GIẢI VÀ THEO DÕI",
        "VIII. TRUYỀN THÔNG",
        "IX. KHÓ KHĂN, VƯỚNG MẮC",
        "X. ĐỀ XUẤT, KIẾN NGHỊ",
        "",  # the closing line
    ]
    villages = _table(doc, "I.").table
    assert [row[0] for row in villages.rows] == [v.village for v in figures.villages]
    # village A: 2 households and 3 people (one moved in) at the month's end, no birth, no death, 3 visits
    assert villages.rows[0][1:7] == (2, 3, 0, 0, 3, 2)
    assert villages.rows[1][1:7] == (0, 0, 0, 1, 0, 0)  # village B: its one member died, nobody lives there
    population = dict(_table(doc, "III.").table.rows)
    assert population["Chuyển đến"] == 1 and population["Chết"] == 1 and population["Sinh"] == 0
    cases = {row[0]: row[1:] for row in _table(doc, "V.").table.rows}
    assert cases["Bạo lực gia đình"] == (1, 0, 1) and cases["Hỗ trợ khác"] == (0, 1, 0)
    assert _table(doc, "VII.").table.total_label == ""  # measures, referrals, mediations: not one kind
    assert _table(doc, "III.").table.total_label == ""  # births, deaths, moves… neither
    actions = dict(_table(doc, "VII.").table.rows)
    assert actions == {
        "Biện pháp: Cấm tiếp xúc": 1,
        "Chuyển gửi đến Công an xã": 1,
        "Ghi chép diễn biến": 1,
        "Hòa giải ở cơ sở": 1,
    }
    communication = _table(doc, "VIII.").table.rows
    assert communication[0][1:] == (2, 3, 12, 15)
    assert len(doc.content_sha256) == 64


def test_without_the_protection_permission_the_report_counts_cases_only(month, register):  # noqa: F811
    users.add_user(month, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(month.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        doc = monthly_report.monthly_document(ctv, MONTH)
    finally:
        ctv.close()
    cases = _table(doc, "V.")
    assert [row[0] for row in cases.table.rows] == ["Tất cả các trường hợp"]
    assert cases.table.rows[0][1:] == (2, 1, 1)
    children = _table(doc, "VI.")
    assert children.table is None and "không có quyền xem nội dung hồ sơ" in children.paragraphs[0]
    # The month had a measure, a referral and two entries: not a false "none this month", but why not.
    actions = _table(doc, "VII.")
    assert actions.table is None and "không có quyền xem" in actions.paragraphs[0]
    assert not any("Trong tháng không có" in line for section in doc.sections for line in section.paragraphs)
    assert doc.signature is not None and doc.signature.name == "Trần Thị Hoa"


def test_without_the_permission_a_month_without_cases_prints_no_zero_by_kind(month, register):  # noqa: F811
    """No case at all in the month: the kinds, the children and the measures were still not counted."""
    users.add_user(month, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(month.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        doc = monthly_report.monthly_document(ctv, "2020-01")
    finally:
        ctv.close()
    cases = _table(doc, "V.")
    assert [row[0] for row in cases.table.rows] == ["Tất cả các trường hợp"]
    assert "không có quyền xem" in cases.paragraphs[0]
    for heading in ("VI.", "VII."):
        assert _table(doc, heading).table is None and "không có quyền xem" in _table(doc, heading).paragraphs[0]
