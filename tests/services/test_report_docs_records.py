"""The household card, the case file and the campaign report: what a reader finds in them, in Vietnamese."""

from __future__ import annotations

import csv
import io
import re
import shutil
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from desktop.errors import ValidationError
from desktop.reports import content, pdf, xlsx
from desktop.services import reference
from desktop.services.casework import cases, child, child_forms, child_plan, dv, dv_measures, parties
from desktop.services.casework import timeline as case_actions
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_forms import IntakeInput, ReviewInput
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.parties import PartyInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.communication import activities, campaigns
from desktop.services.communication.activities import ActivityInput
from desktop.services.communication.campaigns import CampaignYearInput
from desktop.services.documents import campaign_report, case_record, household_card
from desktop.services.documents.periods import PeriodNotBegunError
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.users import UserInput
from desktop.services.register import categories, households, members, people, visits
from desktop.services.register.events import default_reporting_month
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.services.register.visits import VisitInput
from tests.reports.conftest import pdftotext

TODAY = date.today()
OPENED = TODAY - timedelta(days=30)
LAST_YEAR = TODAY.year - 1


def _standard(p, year: int) -> str:
    return categories.standard_for("poor", year, categories.poverty_standards(p))


def day(n: int) -> date:
    return OPENED + timedelta(days=n)


def section(doc, words: str):
    [found] = [s for s in doc.sections if words in s.heading]
    return found


def fmt(d: date) -> str:
    return f"{d:%d/%m/%Y}"


@pytest.fixture
def family(register):
    """Household A1 of village A: a couple, their son and a grandfather who died; a poor household last
    year; two visits; a domestic-violence case the card must not mention."""
    p = register.profile
    hid = households.create(p, HouseholdInput(code="A1", village_id=register.village_a, address="Xóm 3"))
    head = members.add_member(
        p, hid, PersonInput("Trần Văn Hùng", "1", date(1980, 3, 4), "head", education="upper_secondary",
                            marital_status="married", insurance_no="GD4421234567890"),
    )  # fmt: skip
    wife = members.add_member(p, hid, PersonInput("Nguyễn Thị Mai", "2", date(1984, 7, 9), "spouse", ethnicity="04"))
    son = members.add_member(p, hid, PersonInput("Trần Văn An", "1", date(2014, 9, 2), "child"))
    grandpa = members.add_member(p, hid, PersonInput("Trần Văn Lộc", "1", date(1940, 1, 1), "parent"))
    people.record_death(p, grandpa, died_on=day(2))
    people.record_care_event(p, wife, kind="fp_start", on=day(1), details={"method": "pill"})
    people.record_care_event(p, wife, kind="fp_stop", on=day(3), details={"method": "pill"})
    households.add_category(
        p, hid, category="poor", year=LAST_YEAR, decision_no="12/QĐ-UBND", poverty_standard=_standard(p, LAST_YEAR)
    )
    visits.record(p, hid, VisitInput(day(5), None, (wife,), ("family_planning",), "Hẹn khám thai"))
    visits.record(p, hid, VisitInput(day(1), None, topics=("elderly_care",)))
    return p, hid, {"head": head, "wife": wife, "son": son, "grandpa": grandpa}


@pytest.fixture
def dv_case(family):
    p, hid, who = family
    cid = cases.open_case(
        p, CaseInput("domestic_violence", hid, OPENED, who["wife"], "Hàng xóm báo tin", "high", consent=True)
    )
    dv.record_acts(p, cid, ActsInput(("a", "dd"), "married", "Bầm tím tay", recurrence_12m=2))
    dv_measures.apply_measure(p, cid, MeasureInput("no_contact", day(1), "1/QĐ", day(1), day(3), 100, "Trưởng thôn"))
    referral = dv_measures.refer(p, cid, body="commune_police", sent_on=day(2))
    dv_measures.update_referral(p, referral, status="received", on=day(3))
    case_actions.record(p, cid, ActionInput("mediation", day(4), "Tổ hòa giải thôn", "reconciled"))
    parties.add_party(p, cid, PartyInput("victim", person_id=who["wife"]))
    parties.add_party(p, cid, PartyInput("perpetrator", person_id=who["head"]))
    parties.add_party(p, cid, PartyInput("reporter", anonymous=True))
    dv.close_case(p, cid, on=day(6), outcome="Gia đình ổn định")
    return p, cid


@pytest.fixture
def child_case(family):
    p, hid, who = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, OPENED, who["son"], risk_level="high"))
    child.set_groups(p, cid, ("i", "dd"))
    intake = IntakeInput("phone", "abused", "08:30", "Tại nhà", "Cháu có vết bầm ở tay", carer="Bà nội")
    child_forms.record_intake(p, cid, intake)
    for step, n in (("initial_assessment", 1), ("detailed_assessment", 2), ("plan_approved", 3)):
        child.advance(p, cid, to=step, on=day(n))
    done = child_plan.add_item(p, cid, PlanItemInput("Đưa cháu đi khám tâm lý", "Trạm Y tế xã", day(8)))
    child_plan.add_item(p, cid, PlanItemInput("Thăm lại gia đình", "CTV thôn", TODAY + timedelta(days=10)))
    child_plan.set_status(p, done, status="done", on=day(7))
    child.advance(p, cid, to="in_progress", on=day(4))
    child.advance(p, cid, to="monitoring", on=day(9))
    case_actions.record(p, cid, ActionInput("monitoring_visit", day(10), "Cháu đi học đều", "better"))
    child_forms.record_review(p, cid, ReviewInput(day(11), "medium", "low", "low", "high", "Ổn định"))
    return p, cid


def _ctv(profile, village):
    users.add_user(profile, UserInput("Trần Thị Hoa", Role.CTV, villages=(village,)), "hoa giữ thôn đông")
    return profile_service.unlock(profile.paths, "Trần Thị Hoa", "hoa giữ thôn đông")


# The household card #########################################################################


def test_the_household_card_holds_the_household_its_members_events_and_visits(family):
    p, hid, who = family
    doc = household_card.household_document(p, hid, issued_on=date(2026, 11, 5))
    assert (doc.kind, doc.title, doc.subject, doc.confidential) == (
        "household",
        "PHIẾU THÔNG TIN",
        "Hộ gia đình số A1",
        False,
    )
    assert doc.subtitle == "(Thôn Đông Hà)" and doc.header.number == "Số: 1/PTT-TYT"
    assert doc.header.issued_on == date(2026, 11, 5) and doc.header.agency_parent == "UBND XÃ CẨM XUYÊN"
    general = section(doc, "THÔNG TIN CHUNG").paragraphs
    assert "Số hộ: A1" in general and "Thôn, tổ dân phố: Thôn Đông Hà" in general and "Địa chỉ: Xóm 3" in general
    assert "Chủ hộ: Trần Văn Hùng" in general and "Số nhân khẩu đang sinh sống: 3" in general
    decree = {s.code: s.decree for s in categories.poverty_standards(p)}[_standard(p, LAST_YEAR)]
    assert decree.startswith("Nghị định ")
    assert f"Diện hộ: Hộ nghèo năm {LAST_YEAR} (chuẩn nghèo theo {decree}; Quyết định số 12/QĐ-UBND)" in general
    members = section(doc, "THÀNH VIÊN").table
    assert [c.title for c in members.columns] == [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Quan hệ với chủ hộ",
        "Dân tộc",
        "Trình độ học vấn",
        "Tình trạng hôn nhân",
        "Số thẻ BHYT",
        "Tình trạng cư trú",
        "Hiện trạng",
    ]
    assert members.rows[0] == (
        1, "Trần Văn Hùng", date(1980, 3, 4), "Nam", "Chủ hộ", "Kinh", "Trung học phổ thông", "Có vợ/chồng",
        "GD4421234567890", "Thường trú có mặt", "Đang sinh sống",
    )  # fmt: skip
    assert members.rows[1][1:5] == ("Nguyễn Thị Mai", date(1984, 7, 9), "Nữ", "Vợ/chồng chủ hộ")
    assert members.rows[1][5:9] == ("Mường", None, None, None)  # what was never entered stays empty
    # The grandfather is still on the card, not as someone living there: residence and vital status apart,
    # the day among the events.
    assert members.rows[-1][1] == "Trần Văn Lộc" and members.rows[-1][9:] == ("", "Đã chết")
    assert section(doc, "THÀNH VIÊN").paragraphs == ("Ngày chết, ngày chuyển đi: xem mục Biến động dân số.",)
    # The wife took the pill, then stopped; the summary says since when.
    assert section(doc, "BIỆN PHÁP TRÁNH THAI").table.rows == (
        ("Nguyễn Thị Mai", "1984", "Đã thôi: Thuốc uống tránh thai", f"{day(3):%m/%Y}"),
    )
    death = section(doc, "BIẾN ĐỘNG").table.rows[1]
    month = default_reporting_month(day(2), TODAY)
    assert death == (day(2), "Chết", "Trần Văn Lộc", f"{month[5:]}/{month[:4]}")
    visited = section(doc, "THĂM HỘ").table.rows
    assert [row[0] for row in visited] == [day(1), day(5)]  # oldest first
    assert visited[1] == (day(5), "Nguyễn Thị Lan", "KHHGĐ / sức khỏe sinh sản. Gặp: Nguyễn Thị Mai. Hẹn khám thai")
    assert [s.heading[:4] for s in doc.sections] == ["I. T", "II. ", "III.", "IV. ", "V. L", ""]
    assert doc.sections[-1].paragraphs == ("Thông tin trên được trích từ sổ tay cộng tác viên ngày 05/11/2026.",)
    assert len(doc.content_sha256) == 64 and doc.document_id.startswith("PH-A1-")


def test_the_card_names_one_head_after_the_head_died(family):
    p, hid, who = family
    people.record_death(p, who["head"], died_on=day(3), new_head_id=who["wife"])
    doc = household_card.household_document(p, hid, issued_on=date(2026, 11, 5))
    assert "Chủ hộ: Nguyễn Thị Mai" in section(doc, "THÔNG TIN CHUNG").paragraphs
    rows = {row[1]: row for row in section(doc, "THÀNH VIÊN").table.rows}
    assert rows["Nguyễn Thị Mai"][4] == "Chủ hộ"
    assert rows["Trần Văn Hùng"][4] == "Chủ hộ cũ" and rows["Trần Văn Hùng"][9:] == ("", "Đã chết")
    assert [row[4] for row in rows.values()].count("Chủ hộ") == 1


def test_the_household_card_says_nothing_of_support_cases(dv_case, family):
    p, hid, _who = family
    doc = household_card.household_document(p, hid)
    text = content.canonical_json(doc).decode()
    for word in ("Bạo lực", "bạo lực", "Hàng xóm báo tin", "trường hợp", "hồ sơ"):
        assert word not in text


def test_empty_parts_of_a_new_household_say_so(register):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="B7", village_id=register.village_b))
    doc = household_card.household_document(p, hid)
    for words in ("THÀNH VIÊN", "BIỆN PHÁP TRÁNH THAI", "BIẾN ĐỘNG", "THĂM HỘ"):
        part = section(doc, words)
        assert part.table is None and part.paragraphs == ("Không có.",)
    assert "Chủ hộ: Chưa xác định" in section(doc, "THÔNG TIN CHUNG").paragraphs


def test_a_household_outside_the_user_s_villages_is_refused(family, register):
    p, hid, _who = family
    ctv = _ctv(p, register.village_b)
    try:
        with pytest.raises(PermissionDeniedError):
            household_card.household_document(ctv, hid)
    finally:
        ctv.close()


# The case file ##############################################################################


def test_the_domestic_violence_case_file_is_confidential_and_complete(dv_case):
    p, cid = dv_case
    doc = case_record.case_document(p, cid)
    assert (doc.kind, doc.title, doc.subject, doc.confidential) == (
        "case",
        "HỒ SƠ",
        "Trường hợp bạo lực gia đình",
        True,
    )
    assert doc.subtitle == f"(Mở ngày {fmt(OPENED)})" and doc.header.number == "Số: 1/HS-TYT"
    general = section(doc, "THÔNG TIN CHUNG").paragraphs
    assert "Người được hỗ trợ: Nguyễn Thị Mai, nữ, sinh ngày 09/07/1984" in general
    assert "Hộ gia đình: hộ số A1, Thôn Đông Hà, chủ hộ Trần Văn Hùng" in general
    assert "Người phụ trách hồ sơ: Nguyễn Thị Lan" in general and f"Ngày mở hồ sơ: {fmt(OPENED)}" in general
    assert f"Tình trạng: Đã đóng hồ sơ ngày {fmt(day(6))}" in general and "Kết quả: Gia đình ổn định" in general
    assert "Mức độ nguy cơ: Cao" in general and "Đồng ý nhận hỗ trợ: Có" in general
    people_rows = section(doc, "NGƯỜI LIÊN QUAN").table.rows
    assert [row[1:3] for row in people_rows] == [
        ("Người bị bạo lực gia đình", "Nguyễn Thị Mai"),
        ("Người có hành vi bạo lực gia đình", "Trần Văn Hùng"),
        ("Người báo tin", "Người báo tin giấu tên"),
    ]
    assert people_rows[0][3:5] == ("Nữ", "1984") and people_rows[2][3:] == (None, None, None, None)
    acts = section(doc, "HÀNH VI")
    assert acts.table.rows == (
        ("a)", "Hành hạ, ngược đãi, đánh đập, đe dọa hoặc hành vi cố ý khác xâm hại đến sức khỏe, tính mạng"),
        ("đ)", "Kỳ thị, phân biệt đối xử về hình thể, giới, giới tính, năng lực của thành viên gia đình"),
    )
    assert "Tổn hại: Bầm tím tay" in acts.paragraphs and "Quan hệ giữa các bên: Vợ chồng" in acts.paragraphs
    assert "Số lần xảy ra trong 12 tháng qua: 2" in acts.paragraphs
    assert section(doc, "LOẠI BẠO LỰC").table.rows == (("Bạo lực thể chất", "a"), ("Bạo lực tinh thần", "đ"))
    [measure] = section(doc, "BIỆN PHÁP").table.rows
    assert measure == ("Cấm tiếp xúc", "1/QĐ", day(1), f"{fmt(day(1))} – {fmt(day(3))}", "100 m", "Trưởng thôn")
    [referral] = section(doc, "CHUYỂN GỬI").table.rows
    assert referral == ("Công an xã", day(2), "Đã tiếp nhận", day(3), None)
    timeline = section(doc, "DIỄN BIẾN").table
    assert [c.title for c in timeline.columns] == ["Ngày", "Việc", "Kết quả", "Ghi chú"]
    assert timeline.rows == (
        (OPENED, "Mở hồ sơ: Bạo lực gia đình", None, "Hàng xóm báo tin"),
        (day(1), "Biện pháp: Cấm tiếp xúc", None, "Quyết định số 1/QĐ"),
        (day(2), "Chuyển gửi đến Công an xã", None, None),
        (day(3), "Công an xã: Đã tiếp nhận", None, None),
        (day(4), "Hòa giải ở cơ sở", "Hòa giải thành", "Tổ hòa giải thôn"),
        (day(6), "Đóng hồ sơ", None, "Gia đình ổn định"),
    )
    assert not any("TRẺ EM" in s.heading for s in doc.sections)
    assert doc.sections[-1].paragraphs[0].startswith("Tài liệu chứa dữ liệu cá nhân nhạy cảm (Luật Bảo vệ dữ liệu")


def test_the_child_case_file_has_groups_steps_intake_plan_and_review(child_case):
    p, cid = child_case
    doc = case_record.case_document(p, cid)
    assert "Trẻ em: Trần Văn An, nam, sinh ngày 02/09/2014" in section(doc, "THÔNG TIN CHUNG").paragraphs
    assert section(doc, "NHÓM TRẺ EM").paragraphs == (
        "đ) Trẻ em nhiễm HIV/AIDS",
        "i) Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực",
    )
    steps = section(doc, "CÁC BƯỚC").table.rows
    assert steps[0] == (1, "Tiếp nhận thông tin", OPENED)
    assert steps[-1] == (6, "Theo dõi, đánh giá", day(9)) and len(steps) == 6
    intake = section(doc, "MẪU 01").paragraphs
    assert "Nguồn tin: Qua điện thoại" in intake and "Trẻ em thuộc đối tượng: Trẻ em bị xâm hại" in intake
    assert f"Tiếp nhận lúc: 08:30 ngày {fmt(OPENED)}" in intake and "Người chăm sóc: Bà nội" in intake
    plan = section(doc, "MẪU 04").table.rows
    assert plan[0] == (1, "Đưa cháu đi khám tâm lý", "Trạm Y tế xã", day(8), "Đã xong", day(7))
    assert plan[1][1] == "Thăm lại gia đình" and plan[1][4:] == ("Dự kiến", None)
    review = section(doc, "MẪU 06").paragraphs
    assert f"Ngày rà soát: {fmt(day(11))}" in review and "Mức độ tổn hại đối với trẻ hiện nay: Trung bình" in review
    assert "Mức độ nguy cơ chung: Trung bình" in review and "Ghi chú: Ổn định" in review
    what = [row[1] for row in section(doc, "DIỄN BIẾN").table.rows]
    assert what[0] == "Mở hồ sơ: Bảo vệ trẻ em" and "Bước: Lập kế hoạch hỗ trợ, can thiệp" in what
    assert "Kế hoạch: Đưa cháu đi khám tâm lý" in what and "Thăm, theo dõi trẻ em" in what
    assert what[-1] == "Rà soát, đánh giá sau can thiệp (Mẫu 06)"
    assert doc.confidential and not any("HÀNH VI" in s.heading for s in doc.sections)


def test_a_new_child_case_says_what_is_not_done_yet(family):
    p, hid, who = family
    cid = cases.open_case(p, CaseInput("child_protection", hid, TODAY, who["son"]))
    doc = case_record.case_document(p, cid)
    assert section(doc, "NGƯỜI LIÊN QUAN").paragraphs == ("Không có.",)
    assert section(doc, "MẪU 01").paragraphs == ("Chưa lập báo cáo tiếp nhận.",)
    assert section(doc, "MẪU 04").paragraphs == ("Không có.",)
    assert section(doc, "MẪU 06").paragraphs == ("Chưa rà soát, đánh giá.",)
    assert "Mức độ nguy cơ: Chưa đánh giá" in section(doc, "THÔNG TIN CHUNG").paragraphs
    assert section(doc, "CÁC BƯỚC").paragraphs[0].startswith("Kế hoạch hỗ trợ, can thiệp phải lập xong chậm nhất ngày")


def test_without_the_protection_permission_the_case_file_is_refused(dv_case, register):
    p, cid = dv_case
    ctv = _ctv(p, register.village_a)  # keeps the household's village, not the case's content
    try:
        with pytest.raises(PermissionDeniedError):
            case_record.case_document(ctv, cid)
        assert household_card.household_document(ctv, cases.detail(p, cid).household_id).kind == "household"
    finally:
        ctv.close()


# The campaign report #######################################################################


@pytest.fixture
def campaign_year(register):
    """Happiness day of last year, moved to 8–21 March: activities tagged with it inside, on the edges, one
    inside tagged with none, and untagged ones outside."""
    p = register.profile
    a, b = register.village_a, register.village_b
    campaigns.set_campaign_year(
        p, CampaignYearInput("happiness_day", LAST_YEAR, "Yêu thương và chia sẻ", _march(8), _march(21))
    )
    held = (
        (_march(7), a, 9, 9, ""),  # the day before: not in the report
        (_march(8), a, 3, 5, "happiness_day"),
        (_march(10), b, 4, 4, ""),  # during the period but tagged with no campaign: not counted
        (_march(15), b, 0, 7, "happiness_day"),
        (_march(21), a, 2, 4, "happiness_day"),
        (_march(22), b, 9, 9, ""),  # the day after
    )
    for on, village, men, women, campaign in held:
        data = ActivityInput(on, village, "talk", "happy_family", men, women, "tờ rơi", men + women, campaign)
        activities.record_activity(p, data)
    return p


def _march(n: int) -> date:
    return date(LAST_YEAR, 3, n)


def test_the_campaign_report_lists_the_activities_of_its_period_with_totals(campaign_year):
    doc = campaign_report.campaign_document(campaign_year, "happiness_day", LAST_YEAR)
    assert (doc.kind, doc.title) == ("campaign", "BÁO CÁO")
    assert doc.subject == f"Kết quả thực hiện Ngày Quốc tế Hạnh phúc năm {LAST_YEAR}"
    assert doc.subtitle == f"(Từ ngày {fmt(_march(8))} đến ngày {fmt(_march(21))})"
    about = section(doc, "CHỦ ĐỀ").paragraphs
    assert f"Chủ đề năm {LAST_YEAR}: “Yêu thương và chia sẻ”." in about
    held = section(doc, "HOẠT ĐỘNG")
    assert [c.title for c in held.table.columns] == [
        "Ngày",
        "Thôn",
        "Hình thức",
        "Chủ đề",
        "Nam",
        "Nữ",
        "Tổng",
        "Tài liệu phát",
    ]
    assert held.table.rows == (
        (_march(8), "Thôn Đông Hà", "Nói chuyện chuyên đề", "Xây dựng gia đình hạnh phúc", 3, 5, 8, 8),
        (_march(15), "Thôn Trung Sơn", "Nói chuyện chuyên đề", "Xây dựng gia đình hạnh phúc", 0, 7, 7, 7),
        (_march(21), "Thôn Đông Hà", "Nói chuyện chuyên đề", "Xây dựng gia đình hạnh phúc", 2, 4, 6, 6),
    )
    assert held.table.total_label == "Tổng cộng"
    assert content.total_row(held.table) == ("Tổng cộng", None, None, None, 5, 16, 21, 21)
    assert "Đã tổ chức 3 buổi truyền thông với 21 lượt người tham dự." in held.paragraphs
    assert "Tài liệu đã phát: tờ rơi" in held.paragraphs
    assert "1 buổi truyền thông trong thời gian này chưa ghi thuộc chiến dịch nào, không được tính." in held.paragraphs
    by_village = section(doc, "THEO THÔN").table
    assert by_village.rows == (("Thôn Đông Hà", 2, 5, 9, 14), ("Thôn Trung Sơn", 1, 0, 7, 7))
    assert content.total_row(by_village) == ("Tổng cộng", 3, 5, 16, 21)


def test_an_activity_for_another_campaign_stays_out(register):
    p = register.profile
    june = date(LAST_YEAR, 6, 10)
    for campaign in ("dv_action_month", "children_month", ""):
        activities.record_activity(
            p, ActivityInput(june, register.village_a, "talk", "dv_prevention", 1, 2, campaign=campaign)
        )
    doc = campaign_report.campaign_document(p, "dv_action_month", LAST_YEAR)
    assert len(section(doc, "HOẠT ĐỘNG").table.rows) == 1  # the children's month's and the untagged one: out
    about = section(doc, "CHỦ ĐỀ").paragraphs
    assert f"Thời gian: từ ngày 01/06/{LAST_YEAR} đến ngày 30/06/{LAST_YEAR}." in about


def test_a_campaign_without_activities_says_so_and_counts_zero_per_village(register):
    doc = campaign_report.campaign_document(register.profile, "population_day", LAST_YEAR)
    assert doc.subtitle == f"(Ngày 26/12/{LAST_YEAR})"
    assert section(doc, "HOẠT ĐỘNG").table is None
    assert "Không có buổi truyền thông nào được ghi nhận." in section(doc, "HOẠT ĐỘNG").paragraphs
    assert section(doc, "THEO THÔN").table.rows == (("Thôn Đông Hà", 0, 0, 0, 0), ("Thôn Trung Sơn", 0, 0, 0, 0))


def test_an_unknown_campaign_is_refused(register):
    with pytest.raises(ValidationError) as refused:
        campaign_report.campaign_document(register.profile, "no_such_day", LAST_YEAR)
    assert refused.value.problems[0].field == "campaign"
    assert refused.value.problems[0].params == {"code": "no_such_day"}


def test_the_campaign_choices_are_the_campaigns_by_their_vietnamese_names(register):
    choices = campaign_report.campaign_choices(register.profile)
    assert choices[0] == ("happiness_day", "Ngày Quốc tế Hạnh phúc")
    assert ("dv_action_month", "Tháng hành động quốc gia về phòng, chống bạo lực gia đình") in choices
    assert len(choices) == 9


def test_an_other_support_case_file_says_what_support_and_has_no_dv_or_child_part(family):
    p, hid, who = family
    cid = cases.open_case(
        p, CaseInput("other_support", hid, OPENED, who["head"], "Cần thăm nom", support_kind="elderly_alone")
    )
    case_actions.record(p, cid, ActionInput("support", day(1), "Tặng gạo"))
    doc = case_record.case_document(p, cid)
    general = section(doc, "THÔNG TIN CHUNG").paragraphs
    assert "Loại trường hợp: Hỗ trợ khác" in general and "Nội dung hỗ trợ: Người cao tuổi sống một mình" in general
    assert [s.heading for s in doc.sections] == [
        "I. THÔNG TIN CHUNG",
        "II. NGƯỜI LIÊN QUAN",
        "III. DIỄN BIẾN HỒ SƠ",
        "",
    ]
    assert section(doc, "DIỄN BIẾN").table.rows[-1] == (day(1), "Hỗ trợ đã thực hiện", None, "Tặng gạo")


def test_a_campaign_that_has_not_begun_is_refused_and_one_under_way_says_how_far_its_figures_go(register, monkeypatch):
    p = register.profile
    monkeypatch.setattr(type(p), "today", lambda _self: date(LAST_YEAR, 6, 15))
    with pytest.raises(PeriodNotBegunError) as refused:  # 26/12 is half a year away
        campaign_report.campaign_document(p, "population_day", LAST_YEAR)
    assert refused.value.exit_code == 2 and dict(refused.value.params)["first"] == f"26/12/{LAST_YEAR}"
    doc = campaign_report.campaign_document(p, "dv_action_month", LAST_YEAR)  # June, under way
    expected = f"(Từ ngày 01/06/{LAST_YEAR} đến ngày 30/06/{LAST_YEAR}; số liệu tính đến ngày 15/06/{LAST_YEAR})"
    assert doc.subtitle == expected


# The case file's workbook ###################################################################


def _sheet_rows(workbook, name: str) -> list[tuple]:
    sheet = workbook[name]
    return [row for row in sheet.iter_rows(min_row=xlsx.FIRST_DATA_ROW, values_only=True) if any(row)]


def _law_text(letter: str) -> str:
    with open(reference.reference_dir() / "dv_acts.csv", encoding="utf-8", newline="") as handle:
        return next(row["name_vi"] for row in csv.DictReader(handle) if row["letter"] == letter)


def test_the_case_workbook_carries_the_acts_in_the_law_s_words_the_types_and_the_parties_as_the_pdf(dv_case, tmp_path):
    p, cid = dv_case
    doc = case_record.case_document(p, cid)
    workbook = load_workbook(io.BytesIO(xlsx.render_xlsx(doc)))
    assert {"Hành vi", "Loại bạo lực", "Người liên quan"} <= set(workbook.sheetnames)
    acts = _sheet_rows(workbook, "Hành vi")
    assert acts == [("a)", _law_text("a")), ("đ)", _law_text("đ"))]
    assert _sheet_rows(workbook, "Loại bạo lực") == [("Bạo lực thể chất", "a"), ("Bạo lực tinh thần", "đ")]
    roles = [row[1] for row in _sheet_rows(workbook, "Người liên quan")]
    assert roles == ["Người bị bạo lực gia đình", "Người có hành vi bạo lực gia đình", "Người báo tin"]
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    path = tmp_path / "case.pdf"
    path.write_bytes(pdf.render_pdf(doc).data)
    printed = pdftotext(path, layout=False).split()
    # A table cell may wrap, and the next column's text come between its lines: its words, in order, in
    # the part of the file under the table's heading.
    for heading, texts in (
        ("HÀNH VI BẠO LỰC GIA ĐÌNH", [a[1] for a in acts]),
        ("LOẠI BẠO LỰC GIA ĐÌNH", ["Bạo lực thể chất", "Bạo lực tinh thần"]),
        ("NGƯỜI LIÊN QUAN", roles),
    ):
        part = _part_under(printed, heading)
        for text in texts:
            assert _in_order(text.split(), part), (heading, text)


def _part_under(words: list[str], heading: str) -> list[str]:
    """The words from the numbered heading ("II. NGƯỜI …") to the next numbered heading."""
    first = heading.split()
    start = next(i for i in range(len(words)) if words[i : i + len(first)] == first)
    end = next((i for i in range(start + 1, len(words)) if re.fullmatch(r"[IVX]+\.", words[i])), len(words))
    return words[start:end]


def _in_order(wanted: list[str], words: list[str], slack: int = 8) -> bool:
    """`wanted` in order from one of its first word's places, with at most `slack` other words between."""
    for start in (i for i, word in enumerate(words) if word == wanted[0]):
        rest = iter(words[start : start + len(wanted) + slack])
        if all(any(word == seen for seen in rest) for word in wanted):
            return True
    return False


def test_the_parties_are_named_in_the_words_of_each_kind_of_case(child_case, family):
    p, cid = child_case
    _, hid, who = family
    parties.add_party(p, cid, PartyInput("victim", person_id=who["son"]))
    parties.add_party(p, cid, PartyInput("perpetrator", name="Lê Văn Tư"))
    child_roles = [row[1] for row in section(case_record.case_document(p, cid), "NGƯỜI LIÊN QUAN").table.rows]
    assert child_roles == ["Trẻ em", "Người có hành vi xâm hại trẻ em"]
    other = cases.open_case(p, CaseInput("other_support", hid, OPENED, who["head"], support_kind="family_conflict"))
    parties.add_party(p, other, PartyInput("victim", person_id=who["head"]))
    parties.add_party(p, other, PartyInput("perpetrator", name="Lê Văn Tư"))
    other_roles = [row[1] for row in section(case_record.case_document(p, other), "NGƯỜI LIÊN QUAN").table.rows]
    assert other_roles == ["Người được hỗ trợ", "Người gây tổn hại"]
    assert not any("bị hại" in role for role in child_roles + other_roles)


def test_a_visit_by_hoa_stays_hers_on_the_card_after_another_laptop_writes_her_name_differently(family):
    """Visits name their collaborator by directory id: when her name arrives written differently from
    another laptop, her visit shows the new spelling, and another laptop's "Hoa" (another person) gets
    none of it."""
    import uuid

    from db.models.directory import DirectoryUser

    p, hid, _who = family
    hoa, other_hoa = uuid.uuid4(), uuid.uuid4()
    with p.sessions.begin() as session:  # the directory rows, as sync brings them from the other laptops
        for user_id in (hoa, other_hoa):
            session.add(DirectoryUser(id=user_id, name="Phan Thị Hoa", role="ctv", villages=[]))
    assert [name for _id, name in visits.collaborators(p)].count("Phan Thị Hoa") == 2
    visits.record(p, hid, VisitInput(day(6), hoa, topics=("elderly_care",)))
    with p.sessions.begin() as session:
        session.get(DirectoryUser, hoa).name = "Phan Thị Hoà"
    visited = section(household_card.household_document(p, hid), "THĂM HỘ").table.rows
    assert [row[:2] for row in visited] == [
        (day(1), "Nguyễn Thị Lan"),
        (day(5), "Nguyễn Thị Lan"),
        (day(6), "Phan Thị Hoà"),
    ]
    [mine] = [v for v in visits.for_household(p, hid) if v.visited_on == day(6)]
    assert mine.collaborator_id == hoa
    with p.sessions.begin() as session:
        session.get(DirectoryUser, hoa).disabled_at = session.get(DirectoryUser, hoa).created_at
    with pytest.raises(ValidationError) as refused:  # she left: a new visit cannot be recorded as hers
        visits.record(p, hid, VisitInput(day(6), hoa, topics=("elderly_care",)))
    assert refused.value.problems[0].field == "collaborator"
