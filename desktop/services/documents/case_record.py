"""A support case's file: "HỒ SƠ TRƯỜNG HỢP", marked confidential ("MẬT" on every page).

Read through the case services, each of which checks the right to the content: without it (neither the
case's owner nor a user with the protection permission) `cases.detail` refuses with PermissionDeniedError
before anything is read. Written in Vietnamese, like every report (desktop.services.documents.reports); the
wording of the timeline is the case window's (desktop/ui/dialogs/case_timeline.py), in Vietnamese.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from desktop.reports.content import with_digest
from desktop.reports.model import Cell, Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services import reference
from desktop.services.casework import cases, child, child_forms, child_plan, dv, parties
from desktop.services.casework import timeline as case_actions
from desktop.services.casework.cases import CHILD_PROTECTION, CLOSED, CaseDetail
from desktop.services.casework.codes import CASE_TABLES
from desktop.services.casework.parties import PartyDTO
from desktop.services.casework.timeline import TimelineEntry
from desktop.services.documents.parts import (
    NONE,
    day_text,
    document_header,
    given,
    new_document_id,
    numbered,
    one_line,
    table_section,
)
from desktop.services.dto import HouseholdDetail, PersonDTO
from desktop.services.profile.handle import Profile
from desktop.services.register import households

RECIPIENTS = ("- Ủy ban nhân dân xã;", "- Lưu hồ sơ.")
TABLES = ("sex", *CASE_TABLES)
LETTERED = (dv.ACTS, child.GROUPS)  # the law numbers these by letter: a), b), … đ), …
ROLE_NAMES = {
    "victim": "Người bị bạo lực / bị hại",
    "perpetrator": "Người có hành vi bạo lực / gây hại",
    "carer": "Người chăm sóc",
    "reporter": "Người báo tin",
}
ANONYMOUS_REPORTER = "Người báo tin giấu tên"
CLOSING = "Tài liệu MẬT: chỉ người có trách nhiệm được đọc; không sao chụp, không cung cấp cho người khác."
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
class _CaseRecord:
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

    def name(self, table: str, code: str) -> str:
        return self.names.get(table, {}).get(code, code)


def case_document(profile: Profile, case_id: uuid.UUID, *, issued_on: date | None = None) -> ReportDocument:
    """The case's file, confidential: refused (PermissionDeniedError) without the right to its content."""
    record = _read_case(profile, case_id)
    detail = record.detail
    doc = ReportDocument(
        document_id=new_document_id("HS", f"{detail.opened_on:%Y}"),
        kind="case",
        header=document_header(
            profile, number=f"Số: {detail.id.hex[:6].upper()}/HS-CTV", issued_on=issued_on or profile.today()
        ),
        title="HỒ SƠ TRƯỜNG HỢP",
        subtitle=f"({detail.kind_name} – mở ngày {day_text(detail.opened_on)})",
        sections=(
            *numbered((_case_general(record), _case_people(record), *_kind_sections(record), _timeline(record))),
            Section("", (CLOSING,)),  # unnumbered: it goes onto the last page with the signature
        ),
        signature=SignatureBlock("NGƯỜI LẬP", profile.user.name),
        recipients=RECIPIENTS,
        confidential=True,
    )
    return with_digest(doc)


def _read_case(profile: Profile, case_id: uuid.UUID) -> _CaseRecord:
    detail = cases.detail(profile, case_id)  # first: it refuses before anything else is read
    with profile.sessions() as session:
        names = {table: reference.code_names(session, table) for table in TABLES}
        letters = {
            table: {item.code: str(item.extra.get("letter") or item.code) for item in reference.items(session, table)}
            for table in LETTERED
        }
    record = _CaseRecord(
        detail=detail,
        household=households.detail(profile, detail.household_id),
        names=names,
        letters=letters,
        people=parties.parties(profile, case_id),
        timeline=case_actions.timeline(profile, case_id),
    )
    if detail.kind == dv.KIND:
        return replace(record, dv_view=dv.view(profile, case_id))
    if detail.kind == CHILD_PROTECTION:
        return replace(
            record,
            child_view=child.view(profile, case_id),
            intake=child_forms.intake(profile, case_id),
            plan=child_plan.items(profile, case_id),
            review=child_forms.review(profile, case_id),
        )
    return record


def _case_general(record: _CaseRecord) -> Section:
    detail, household = record.detail, record.household
    person = next((p for p in household.members if p.id == detail.person_id), None)
    who = "Trẻ em" if detail.kind == CHILD_PROTECTION else "Người được hỗ trợ"
    lines = [
        f"Loại trường hợp: {detail.kind_name}",
        *given("Nội dung hỗ trợ", record.name(cases.SUPPORT_KINDS, detail.support_kind) if detail.support_kind else ""),
        f"{who}: {_person_text(record, person) if person else detail.person_name or 'Cả hộ gia đình'}",
        f"Hộ gia đình: hộ số {household.code}, {household.village}, chủ hộ {household.head_name or 'chưa xác định'}",
        f"Người phụ trách hồ sơ: {detail.owner}",
        f"Ngày mở hồ sơ: {day_text(detail.opened_on)}",
        f"Tình trạng: {_state(detail)}",
        *given("Kết quả", detail.outcome),
        f"Mức độ nguy cơ: {record.name(cases.RISK_TABLE, detail.risk_level) if detail.risk_level else 'Chưa đánh giá'}",
        f"Đồng ý nhận hỗ trợ: {'Có' if detail.consent else 'Chưa'}",
        *given("Tóm tắt", detail.summary),
    ]
    return Section("THÔNG TIN CHUNG", tuple(lines))


def _person_text(record: _CaseRecord, person: PersonDTO) -> str:
    return f"{person.full_name}, {record.name('sex', person.sex).lower()}, sinh ngày {day_text(person.birth_date)}"


def _state(detail: CaseDetail) -> str:
    if detail.state == CLOSED:
        return f"Đã đóng hồ sơ ngày {day_text(detail.closed_on)}" if detail.closed_on else "Đã đóng hồ sơ"
    return "Đang theo dõi"


def _case_people(record: _CaseRecord) -> Section:
    columns = (
        Column("STT", 0.5),
        Column("Vai trò", 1.9),
        Column("Họ và tên", 2.0),
        Column("Giới tính", 0.9),
        Column("Năm sinh", 0.9),
        Column("Quan hệ", 1.2),
        Column("Liên hệ", 1.5),
    )
    rows = tuple(
        (number, ROLE_NAMES.get(party.role, party.role), *_party_cells(record, party))
        for number, party in enumerate(record.people, start=1)
    )
    return table_section("NGƯỜI LIÊN QUAN", Table(columns, rows, sheet_name="Người liên quan"))


def _party_cells(record: _CaseRecord, party: PartyDTO) -> tuple[Cell, ...]:
    if party.anonymous:
        return ANONYMOUS_REPORTER, None, None, None, None
    sex = record.name("sex", party.sex) if party.sex else None
    # A year as text: a number cell would be printed with a thousands dot ("1.990").
    born = str(party.birth_year) if party.birth_year else None
    return party.name, sex, born, party.relationship or None, party.contact or None


def _kind_sections(record: _CaseRecord) -> tuple[Section, ...]:
    if record.dv_view is not None:
        view = record.dv_view
        return _dv_acts(record, view), _dv_measures(record, view), _dv_referrals(record, view)
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


def _dv_acts(record: _CaseRecord, view: dv.DvCaseView) -> Section:
    heading = "HÀNH VI BẠO LỰC GIA ĐÌNH (ĐIỀU 3 LUẬT PHÒNG, CHỐNG BẠO LỰC GIA ĐÌNH)"
    if not view.acts:
        return Section(heading, ("Chưa ghi nhận hành vi.",))
    acts = [f"{record.letters[dv.ACTS].get(act, act)}) {record.name(dv.ACTS, act)}" for act in view.acts]
    types = ", ".join(record.name(dv.TYPES, code) for code in view.summary.types)
    lines = [
        *acts,
        f"Loại bạo lực: {types or NONE}",
        *given("Quan hệ giữa các bên", record.name(dv.RELATIONSHIPS, view.relationship_context)),
        *given("Tổn hại", view.harm),
        f"Số lần xảy ra trong 12 tháng qua: {view.recurrence_12m}",
        f"Đã bị xử phạt vi phạm hành chính về bạo lực gia đình: {'Có' if view.sanctioned_before else 'Không'}",
    ]
    return Section(heading, tuple(lines))


def _dv_measures(record: _CaseRecord, view: dv.DvCaseView) -> Section:
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


def _dv_referrals(record: _CaseRecord, view: dv.DvCaseView) -> Section:
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


def _child_groups(record: _CaseRecord, view: child.ChildCaseView) -> Section:
    heading = "NHÓM TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT (ĐIỀU 10 LUẬT TRẺ EM)"
    groups = [
        f"{record.letters[child.GROUPS].get(code, code)}) {record.name(child.GROUPS, code)}" for code in view.groups
    ]
    return Section(heading, tuple(groups) or ("Chưa xác định nhóm.",))


def _child_steps(record: _CaseRecord, view: child.ChildCaseView) -> Section:
    columns = (Column("Bước", 0.6), Column("Nội dung", 4.0), Column("Ngày thực hiện", 1.3))
    order = list(record.names.get(child.STEPS, {}))
    reached = sorted(view.state.reached.items(), key=lambda item: (item[1], _position(order, item[0])))
    rows = tuple((_position(order, code) + 1, record.name(child.STEPS, code), day) for code, day in reached)
    heading = "CÁC BƯỚC ĐÃ THỰC HIỆN (NGHỊ ĐỊNH 56/2017/NĐ-CP)"
    section = table_section(heading, Table(columns, rows, sheet_name="Các bước"))
    if view.state.plan_due is not None and record.detail.state != CLOSED:
        due = f"Kế hoạch hỗ trợ, can thiệp phải lập xong trước ngày {day_text(view.state.plan_due)}."
        return replace(section, paragraphs=(*section.paragraphs, due))
    return section


def _position(order: list[str], code: str) -> int:
    return order.index(code) if code in order else len(order)


def _child_intake(record: _CaseRecord) -> Section:
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


def _child_plan(record: _CaseRecord) -> Section:
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


def _child_review(record: _CaseRecord) -> Section:
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


# The timeline ###############################################################################


def _timeline(record: _CaseRecord) -> Section:
    columns = (Column("Ngày", 1.0), Column("Việc", 3.2), Column("Kết quả", 1.5), Column("Ghi chú", 2.1))
    # Oldest first: on paper the file is read from its opening on (the case window shows the latest first).
    rows = tuple(
        (entry.on, _what(record, entry), _result(record, entry) or None, _notes(entry) or None)
        for entry in reversed(record.timeline)
    )
    return table_section("DIỄN BIẾN HỒ SƠ", Table(columns, rows, sheet_name="Diễn biến"))


def _what(record: _CaseRecord, entry: TimelineEntry) -> str:
    name = record.name(entry.table, entry.code) if entry.table else entry.code
    texts = {
        "opened": f"Mở hồ sơ: {name}",
        "step": f"Bước: {name}",
        "measure": f"Biện pháp: {name}",
        "referral": f"Chuyển gửi đến {name}",
        "referral_status": f"{name}: {STATUS_NAMES.get(entry.result, entry.result)}",
        "plan_item": f"Kế hoạch: {one_line(entry.notes)}",
        "action": name,
        "review": "Rà soát, đánh giá sau can thiệp (Mẫu 06)",
        "closed": "Đóng hồ sơ",
    }
    return texts.get(entry.what, entry.what)


def _result(record: _CaseRecord, entry: TimelineEntry) -> str:
    if entry.what == "action" and entry.result:
        return record.name(case_actions.RESULTS, entry.result)
    if entry.what == "plan_item":
        return STATUS_NAMES.get(entry.result, entry.result)
    return ""  # a referral's status is already in its "Việc"


def _notes(entry: TimelineEntry) -> str:
    if entry.what == "plan_item":
        return ""  # the item's text is its "Việc"
    if entry.what == "measure" and entry.notes:
        return f"Quyết định số {entry.notes}"
    return one_line(entry.notes)
