"""The parts of a support case's file that depend on its kind, and the record the whole file is written from.

Domestic violence: the acts (in the law's words), the types they make, the measures and the referrals.
Child protection: the groups, the steps of Decree 56/2017, the intake report, the support plan and the
review. In Vietnamese, like the whole file (desktop.services.documents.case_record). The acts, the types
and the people are tables, so that the workbook carries them as well as the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from desktop.reports.model import Column, Section, Table
from desktop.services.casework import cases, child, child_forms, child_plan, dv
from desktop.services.casework.cases import CLOSED, CaseDetail
from desktop.services.casework.parties import PartyDTO
from desktop.services.casework.timeline import TimelineEntry
from desktop.services.documents.parts import day_text, given, one_line, table_section
from desktop.services.dto import HouseholdDetail

# A referral's status and a plan item's, in the case window's words.
STATUS_NAMES = {
    "sent": "Đã gửi",
    "received": "Đã tiếp nhận",
    "declined": "Từ chối",
    "done": "Đã xong",
    child_plan.PLANNED: "Dự kiến",
    child_plan.DROPPED: "Đã bỏ",
}
REVIEW_QUESTIONS = (
    ("harm", "Mức độ tổn hại đối với trẻ hiện nay"),
    ("access", "Người gây hại có dễ tiếp cận trẻ không"),
    ("obstacles", "Trở ngại trong môi trường chăm sóc trẻ"),
    ("capacity", "Khả năng tự bảo vệ và phục hồi của trẻ"),
)


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """Everything the case file shows, read through the services (each checks the right to the content)."""

    detail: CaseDetail
    household: HouseholdDetail
    names: dict[str, dict[str, str]]
    letters: dict[str, dict[str, str]]  # the law's letter of each act and group ("dd" is written "đ")
    people: list[PartyDTO]
    timeline: list[TimelineEntry]
    dv_view: dv.DvCaseView | None = None
    child_view: child.ChildCaseView | None = None
    intake: child_forms.IntakeInput | None = None
    plan: list[child_plan.PlanItemDTO] = field(default_factory=list)
    review: child_forms.ReviewDTO | None = None
    act_types: dict[str, str] = field(default_factory=dict)  # act code -> the dv_types code it is counted under

    def name(self, table: str, code: str) -> str:
        return self.names.get(table, {}).get(code, code)


def kind_sections(record: CaseRecord) -> tuple[Section, ...]:
    """The sections only this kind of case has, in the order the file prints them (none for other support)."""
    if record.dv_view is not None:
        view = record.dv_view
        return _dv_acts(record, view), _dv_types(record, view), _dv_measures(record, view), _dv_referrals(record, view)
    if record.child_view is not None:
        return (
            _child_groups(record, record.child_view),
            _child_steps(record, record.child_view),
            _child_intake(record),
            _child_plan(record),
            _child_review(record),
        )
    return ()


# Domestic violence ##########################################################################


def _dv_acts(record: CaseRecord, view: dv.DvCaseView) -> Section:
    """The acts in the words of the law, one row per point, with what else is known of the violence above."""
    heading = "HÀNH VI BẠO LỰC GIA ĐÌNH (KHOẢN 1 ĐIỀU 3 LUẬT PHÒNG, CHỐNG BẠO LỰC GIA ĐÌNH)"
    facts = (
        *given("Quan hệ giữa các bên", record.name(dv.RELATIONSHIPS, view.relationship_context)),
        *given("Tổn hại", view.harm),
        f"Số lần xảy ra trong 12 tháng qua: {view.recurrence_12m}",
        f"Đã bị xử phạt vi phạm hành chính về bạo lực gia đình: {'Có' if view.sanctioned_before else 'Không'}",
    )
    if not view.acts:
        return Section(heading, ("Chưa ghi nhận hành vi.", *facts))
    columns = (Column("Điểm", 0.6), Column("Hành vi bạo lực gia đình", 6.0))
    rows = tuple((f"{_letter(record, act)})", record.name(dv.ACTS, act)) for act in _in_law_order(record, view.acts))
    return Section(heading, facts, Table(columns, rows, sheet_name="Hành vi"))


def _dv_types(record: CaseRecord, view: dv.DvCaseView) -> Section:
    """The types of violence the acts make (Art. 2.1), each with the points that make it."""
    columns = (Column("Loại bạo lực", 2.0), Column("Theo hành vi tại điểm", 3.0))
    acts = _in_law_order(record, view.acts)
    rows = tuple(
        (record.name(dv.TYPES, kind), ", ".join(_letter(record, a) for a in acts if record.act_types.get(a) == kind))
        for kind in view.summary.types
    )
    return table_section("LOẠI BẠO LỰC GIA ĐÌNH", Table(columns, rows, sheet_name="Loại bạo lực"))


def _letter(record: CaseRecord, act: str) -> str:
    return record.letters[dv.ACTS].get(act, act)


def _in_law_order(record: CaseRecord, acts: tuple[str, ...]) -> list[str]:
    order = list(record.names.get(dv.ACTS, {}))  # the table's rows, in the law's order
    return sorted(acts, key=lambda act: order.index(act) if act in order else len(order))


def _dv_measures(record: CaseRecord, view: dv.DvCaseView) -> Section:
    columns = (
        Column("Biện pháp", 2.6),
        Column("Số quyết định", 1.3),
        Column("Ngày quyết định", 1.1),
        Column("Thời hạn", 1.6),
        Column("Khoảng cách", 0.9),
        Column("Người giám sát", 1.3),
    )
    rows = tuple(
        (
            record.name(dv.MEASURES, m.measure),
            m.decision_no or None,
            m.decided_on,
            f"{day_text(m.starts_on)} – {day_text(m.ends_on)}" if m.starts_on and m.ends_on else None,
            f"{m.distance_m} m" if m.distance_m else None,
            m.supervisor or None,
        )
        for m in sorted(view.measures, key=lambda m: m.decided_on)
    )
    return table_section("BIỆN PHÁP ĐÃ ÁP DỤNG (ĐIỀU 22)", Table(columns, rows, sheet_name="Biện pháp"))


def _dv_referrals(record: CaseRecord, view: dv.DvCaseView) -> Section:
    columns = (
        Column("Nơi nhận", 2.4),
        Column("Ngày gửi", 1.1),
        Column("Tình trạng", 1.3),
        Column("Từ ngày", 1.1),
        Column("Ghi chú", 2.2),
    )
    rows = tuple(
        (
            record.name(dv.BODIES, r.body),
            r.sent_on,
            STATUS_NAMES.get(r.status, r.status),
            r.status_on,
            one_line(r.notes) or None,
        )
        for r in sorted(view.referrals, key=lambda r: r.sent_on)
    )
    return table_section("CHUYỂN GỬI", Table(columns, rows, sheet_name="Chuyển gửi"))


# Child protection ###########################################################################


def _child_groups(record: CaseRecord, view: child.ChildCaseView) -> Section:
    heading = "NHÓM TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT (ĐIỀU 10 LUẬT TRẺ EM)"
    groups = [
        f"{record.letters[child.GROUPS].get(code, code)}) {record.name(child.GROUPS, code)}" for code in view.groups
    ]
    return Section(heading, tuple(groups) or ("Chưa xác định nhóm.",))


def _child_steps(record: CaseRecord, view: child.ChildCaseView) -> Section:
    columns = (Column("Bước", 0.6), Column("Nội dung", 4.0), Column("Ngày thực hiện", 1.3))
    order = list(record.names.get(child.STEPS, {}))
    reached = sorted(view.state.reached.items(), key=lambda item: (item[1], _position(order, item[0])))
    rows = tuple((_position(order, code) + 1, record.name(child.STEPS, code), day) for code, day in reached)
    heading = "CÁC BƯỚC ĐÃ THỰC HIỆN (NGHỊ ĐỊNH 56/2017/NĐ-CP)"
    section = table_section(heading, Table(columns, rows, sheet_name="Các bước"))
    if view.state.plan_due is not None and record.detail.state != CLOSED:
        due = f"Kế hoạch hỗ trợ, can thiệp phải lập xong chậm nhất ngày {day_text(view.state.plan_due)}."
        return replace(section, paragraphs=(*section.paragraphs, due))
    return section


def _position(order: list[str], code: str) -> int:
    return order.index(code) if code in order else len(order)


def _child_intake(record: CaseRecord) -> Section:
    heading = "BÁO CÁO TIẾP NHẬN THÔNG TIN (MẪU 01)"
    intake = record.intake
    if intake is None:
        return Section(heading, ("Chưa lập báo cáo tiếp nhận.",))
    received = f"{intake.received_time} ngày " if intake.received_time else "ngày "
    lines = [
        *given("Nguồn tin", record.name(child_forms.SOURCES, intake.source)),
        *given("Trẻ em thuộc đối tượng", record.name(child_forms.TARGETS, intake.target)),
        f"Tiếp nhận lúc: {received}{day_text(record.detail.opened_on)}",
        *given("Nơi xảy ra", intake.place),
        *given("Tình trạng hiện nay", intake.situation),
        *given("Hậu quả nếu không can thiệp", intake.consequences),
        *given("Bố", _parent(intake.father_name, intake.father_age, intake.father_job)),
        *given("Mẹ", _parent(intake.mother_name, intake.mother_age, intake.mother_job)),
        *given("Người chăm sóc", intake.carer),
        *given("Hoàn cảnh gia đình", intake.family_situation),
        *given("Việc đã làm", intake.actions_taken),
    ]
    return Section(heading, tuple(lines))


def _parent(name: str, age: int | None, job: str) -> str:
    parts = [name, f"{age} tuổi" if age else "", f"nghề nghiệp: {job}" if job else ""]
    return ", ".join(part for part in parts if part)


def _child_plan(record: CaseRecord) -> Section:
    columns = (
        Column("STT", 0.5),
        Column("Việc cần làm", 2.6),
        Column("Người, cơ quan thực hiện", 1.7),
        Column("Thời hạn", 1.1),
        Column("Tình trạng", 1.2),
        Column("Ngày cập nhật", 1.1),
    )
    rows = tuple(
        (number, item.action, item.responsible, item.due_on, _plan_status(item), item.status_on)
        for number, item in enumerate(record.plan, start=1)
    )
    return table_section("KẾ HOẠCH HỖ TRỢ, CAN THIỆP (MẪU 04)", Table(columns, rows, sheet_name="Kế hoạch"))


def _plan_status(item: child_plan.PlanItemDTO) -> str:
    return "Quá hạn" if item.overdue else STATUS_NAMES.get(item.status, item.status)


def _child_review(record: CaseRecord) -> Section:
    heading = "RÀ SOÁT, ĐÁNH GIÁ SAU CAN THIỆP (MẪU 06)"
    review = record.review
    if review is None:
        return Section(heading, ("Chưa rà soát, đánh giá.",))
    scores = [f"{label}: {record.name(cases.RISK_TABLE, getattr(review, key))}" for key, label in REVIEW_QUESTIONS]
    lines = [
        f"Ngày rà soát: {day_text(review.reviewed_on)}",
        *scores,
        f"Mức độ nguy cơ chung: {record.name(cases.RISK_TABLE, review.overall)}",
        *given("Ghi chú", review.notes),
    ]
    return Section(heading, tuple(lines))
