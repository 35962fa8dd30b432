"""The household card a collaborator prints: "PHIẾU THÔNG TIN HỘ GIA ĐÌNH".

Read through `households.detail`, so a household outside the user's villages is refused with the
service's own error. The card never mentions support cases: that a household has one is case content,
which only the case's owner and users with the protection permission may learn (the case file is
desktop.services.documents.case_record). Written in Vietnamese, like every report (desktop.services.documents.parts).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date

from desktop.reports.content import with_digest
from desktop.reports.model import Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services import reference
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
from desktop.services.register.members import DEAD, MOVED_OUT

RECIPIENTS = ("- Trạm Y tế xã;", "- Lưu.")
TABLES = ("sex", "relationship", "residence_status")


def household_document(profile: Profile, household_id: uuid.UUID, *, issued_on: date | None = None) -> ReportDocument:
    """The household, its members, its population events and the visits it had."""
    detail = households.detail(profile, household_id)
    issued = issued_on or profile.today()
    with profile.sessions() as session:
        names = {table: reference.code_names(session, table) for table in TABLES}
    doc = ReportDocument(
        document_id=new_document_id("PH", detail.code),
        kind="household",
        header=document_header(profile, kind="household", subject=household_id.hex, issued_on=issued),
        title="PHIẾU THÔNG TIN",
        subject=f"Hộ gia đình số {detail.code}",
        subtitle=f"({detail.village})",
        sections=(
            *numbered((_general(detail), _members(detail.members, names), _population_events(detail), _visits(detail))),
            # Unnumbered, so the signature that follows never stands alone on the last page.
            Section("", (f"Thông tin trên được trích từ sổ tay cộng tác viên ngày {day_text(issued)}.",)),
        ),
        signature=SignatureBlock("NGƯỜI LẬP PHIẾU", profile.user.name),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def _general(detail: HouseholdDetail) -> Section:
    present = sum(1 for person in detail.members if person.status not in (DEAD, MOVED_OUT))
    lines = [
        f"Số hộ: {detail.code}",
        f"Thôn, tổ dân phố: {detail.village}",
        *given("Địa chỉ", detail.address),
        f"Chủ hộ: {detail.head_name or 'Chưa xác định'}",
        *given("Điện thoại", detail.phone),
        f"Số nhân khẩu đang sinh sống: {present}",
        f"Diện hộ: {_categories(detail) or NONE}",
    ]
    if detail.dissolved_on is not None:
        lines.append(f"Hộ đã giải thể ngày {day_text(detail.dissolved_on)}: {detail.dissolved_reason}")
    lines += given("Ghi chú", detail.notes)
    return Section("THÔNG TIN CHUNG", tuple(lines))


def _categories(detail: HouseholdDetail) -> str:
    parts = []
    for category in detail.categories:
        decision = f" (Quyết định số {category.decision_no})" if category.decision_no else ""
        parts.append(f"{category.name} năm {category.year}{decision}")
    return "; ".join(parts)


def _members(members: Sequence[PersonDTO], names: dict[str, dict[str, str]]) -> Section:
    columns = (
        Column("STT", 0.5),
        Column("Họ và tên", 2.4),
        Column("Ngày sinh", 1.2),
        Column("Giới tính", 0.9),
        Column("Quan hệ với chủ hộ", 1.6),
        Column("Tình trạng cư trú", 1.6),
    )
    rows = tuple(
        (
            number,
            person.full_name,
            person.birth_date,
            names["sex"].get(person.sex, person.sex),
            names["relationship"].get(person.relationship, person.relationship),
            _residence(person, names["residence_status"]),
        )
        for number, person in enumerate(members, start=1)
    )
    return table_section("THÀNH VIÊN HỘ GIA ĐÌNH", Table(columns, rows, sheet_name="Thành viên"))


def _residence(person: PersonDTO, statuses: dict[str, str]) -> str:
    # The register keeps people who died or left: the card must not show them as living there.
    if person.status == DEAD:
        return f"Đã chết ({day_text(person.death_date)})" if person.death_date else "Đã chết"
    if person.status == MOVED_OUT:
        return f"Đã chuyển đi ({day_text(person.left_on)})" if person.left_on else "Đã chuyển đi"
    return statuses.get(person.residence_status, person.residence_status)


def _population_events(detail: HouseholdDetail) -> Section:
    columns = (Column("Ngày", 1.1), Column("Loại biến động", 2.2), Column("Người", 2.2), Column("Tháng báo cáo", 1.1))
    # Oldest first, as the household's story reads on paper (the app lists the latest first).
    rows = tuple(
        (event.event_date, event.kind_name, event.person_name, _month(event.reporting_month))
        for event in sorted(detail.events, key=lambda e: e.event_date)
    )
    return table_section("BIẾN ĐỘNG DÂN SỐ", Table(columns, rows, sheet_name="Biến động"))


def _visits(detail: HouseholdDetail) -> Section:
    columns = (Column("Ngày thăm", 1.1), Column("Người thăm", 1.7), Column("Nội dung", 4.2))
    rows = tuple(
        (visit.visited_on, visit.collaborator, _visit_content(visit.topic_names, visit.persons_met_names, visit.notes))
        for visit in sorted(detail.visits, key=lambda v: v.visited_on)
    )
    return table_section("LỊCH SỬ THĂM HỘ GIA ĐÌNH", Table(columns, rows, sheet_name="Thăm hộ"))


def _visit_content(topics: Iterable[str], met: Iterable[str], notes: str) -> str:
    parts = [", ".join(topics)]
    people = ", ".join(name for name in met if name)
    if people:
        parts.append(f"Gặp: {people}")
    if notes.strip():
        parts.append(one_line(notes))
    return ". ".join(part for part in parts if part)


def _month(month: str) -> str:
    """The reporting month as the slip writes it: "2025-05" is "05/2025"."""
    year, _, number = month.partition("-")
    return f"{number}/{year}" if number else month
