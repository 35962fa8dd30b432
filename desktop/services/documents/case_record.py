"""A support case's file: "HỒ SƠ TRƯỜNG HỢP", marked as sensitive personal data on every page.

Read through the case services, each of which checks the right to the content: without it (neither the
case's owner nor a user with the protection permission) `cases.detail` refuses with PermissionDeniedError
before anything is read. Written in Vietnamese, like every report (desktop.services.documents.parts); the
wording of the timeline is the case window's, in Vietnamese.
The sections that only one kind of case has are written in case_record_kinds.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
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
from desktop.services.documents.case_record_kinds import STATUS_NAMES, CaseRecord, kind_sections
from desktop.services.documents.parts import (
    day_text,
    document_header,
    given,
    lower_first,
    new_document_id,
    numbered,
    one_line,
    table_section,
)
from desktop.services.dto import PersonDTO
from desktop.services.profile.handle import Profile
from desktop.services.register import households

RECIPIENTS = ("- Ủy ban nhân dân xã;", "- Lưu hồ sơ.")
TABLES = ("sex", *CASE_TABLES)
LETTERED = (dv.ACTS, child.GROUPS)  # the law numbers these by letter: a), b), … đ), …
# A party's role in the words of the law of its kind of case: Law 13/2022/QH15 for domestic violence,
# the Law on Children 2016 (xâm hại trẻ em, Art. 4) for child protection; plain words for other support.
ROLE_NAMES = {
    "victim": "Người được hỗ trợ",
    "perpetrator": "Người gây tổn hại",
    "carer": "Người chăm sóc",
    "reporter": "Người báo tin",
}
KIND_ROLE_NAMES = {
    dv.KIND: {"victim": "Người bị bạo lực gia đình", "perpetrator": "Người có hành vi bạo lực gia đình"},
    CHILD_PROTECTION: {"victim": "Trẻ em", "perpetrator": "Người có hành vi xâm hại trẻ em"},
}
ANONYMOUS_REPORTER = "Người báo tin giấu tên"
CLOSING = (
    "Tài liệu chứa dữ liệu cá nhân nhạy cảm (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15): chỉ người có trách "
    "nhiệm được đọc và xử lý; không sao chụp, không cung cấp cho người khác."
)


def case_document(profile: Profile, case_id: uuid.UUID, *, issued_on: date | None = None) -> ReportDocument:
    """The case's file, confidential: refused (PermissionDeniedError) without the right to its content."""
    record = _read_case(profile, case_id)
    detail = record.detail
    doc = ReportDocument(
        document_id=new_document_id("HS", f"{detail.opened_on:%Y}"),
        kind="case",
        header=document_header(profile, kind="case", subject=detail.id.hex, issued_on=issued_on or profile.today()),
        title="HỒ SƠ",
        subject=f"Trường hợp {lower_first(detail.kind_name)}",
        subtitle=f"(Mở ngày {day_text(detail.opened_on)})",
        sections=(
            *numbered((_case_general(record), _case_people(record), *kind_sections(record), _timeline(record))),
            Section("", (CLOSING,)),  # unnumbered: it goes onto the last page with the signature
        ),
        signature=SignatureBlock("NGƯỜI LẬP", profile.user.name),
        recipients=RECIPIENTS,
        confidential=True,
    )
    return with_digest(doc)


def _read_case(profile: Profile, case_id: uuid.UUID) -> CaseRecord:
    detail = cases.detail(profile, case_id)  # first: it refuses before anything else is read
    with profile.sessions() as session:
        names = {table: reference.code_names(session, table) for table in TABLES}
        letters = {
            table: {item.code: str(item.extra.get("letter") or item.code) for item in reference.items(session, table)}
            for table in LETTERED
        }
        act_types = {item.code: str(item.extra.get("dv_type", "")) for item in reference.items(session, dv.ACTS)}
    record = CaseRecord(
        detail=detail,
        household=households.detail(profile, detail.household_id),
        names=names,
        letters=letters,
        people=parties.parties(profile, case_id),
        timeline=case_actions.timeline(profile, case_id),
        act_types=act_types,
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


def _case_general(record: CaseRecord) -> Section:
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


def _person_text(record: CaseRecord, person: PersonDTO) -> str:
    return f"{person.full_name}, {record.name('sex', person.sex).lower()}, sinh ngày {day_text(person.birth_date)}"


def _state(detail: CaseDetail) -> str:
    if detail.state == CLOSED:
        return f"Đã đóng hồ sơ ngày {day_text(detail.closed_on)}" if detail.closed_on else "Đã đóng hồ sơ"
    return "Đang theo dõi"


def _case_people(record: CaseRecord) -> Section:
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
        (number, role_name(record.detail.kind, party.role), *_party_cells(record, party))
        for number, party in enumerate(record.people, start=1)
    )
    return table_section("NGƯỜI LIÊN QUAN", Table(columns, rows, sheet_name="Người liên quan"))


def role_name(kind: str, role: str) -> str:
    """A party's role as the file prints it, in the words of the case's kind."""
    return KIND_ROLE_NAMES.get(kind, {}).get(role) or ROLE_NAMES.get(role, role)


def _party_cells(record: CaseRecord, party: PartyDTO) -> tuple[Cell, ...]:
    if party.anonymous:
        return ANONYMOUS_REPORTER, None, None, None, None
    sex = record.name("sex", party.sex) if party.sex else None
    # A year as text: a number cell would be printed with a thousands dot ("1.990").
    born = str(party.birth_year) if party.birth_year else None
    return party.name, sex, born, party.relationship or None, party.contact or None


# The timeline ###############################################################################


def _timeline(record: CaseRecord) -> Section:
    columns = (Column("Ngày", 1.0), Column("Việc", 3.2), Column("Kết quả", 1.5), Column("Ghi chú", 2.1))
    # Oldest first: on paper the file is read from its opening on (the case window shows the latest first).
    rows = tuple(
        (entry.on, _what(record, entry), _result(record, entry) or None, _notes(entry) or None)
        for entry in reversed(record.timeline)
    )
    return table_section("DIỄN BIẾN HỒ SƠ", Table(columns, rows, sheet_name="Diễn biến"))


def _what(record: CaseRecord, entry: TimelineEntry) -> str:
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


def _result(record: CaseRecord, entry: TimelineEntry) -> str:
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
