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
from desktop.services.documents import a0_data
from desktop.services.documents.a0_fp import Use, latest_start, method_on
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
TABLES = ("sex", "relationship", "residence_status", "ethnic_groups", "education", "marital_status", "fp_methods")


def household_document(profile: Profile, household_id: uuid.UUID, *, issued_on: date | None = None) -> ReportDocument:
    """The household, its members, its population events and the visits it had."""
    detail = households.detail(profile, household_id)
    issued = issued_on or profile.today()
    with profile.sessions() as session:
        names = {table: reference.code_names(session, table) for table in TABLES}
        spells = a0_data.fp_of_people(session, (person.id for person in detail.members))
    doc = ReportDocument(
        document_id=new_document_id("PH", detail.code),
        kind="household",
        header=document_header(profile, kind="household", subject=household_id.hex, issued_on=issued),
        title="PHIẾU THÔNG TIN",
        subject=f"Hộ gia đình số {detail.code}",
        subtitle=f"({detail.village})",
        sections=(
            *numbered(
                (
                    _general(detail),
                    _members(detail.members, names),
                    _contraception(detail.members, spells, names["fp_methods"], profile.today()),
                    _population_events(detail),
                    _visits(detail),
                )
            ),
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
        lines.append(f"Hộ đã xóa khỏi sổ ngày {day_text(detail.dissolved_on)}: {detail.dissolved_reason}")
    lines += given("Ghi chú", detail.notes)
    return Section("THÔNG TIN CHUNG", tuple(lines))


def _categories(detail: HouseholdDetail) -> str:
    parts = []
    for category in detail.categories:
        standard = category.poverty_standard_decree or category.poverty_standard_name
        basis = [f"chuẩn nghèo theo {standard}"] if standard else []
        basis += [f"Quyết định số {category.decision_no}"] if category.decision_no else []
        said = f" ({'; '.join(basis)})" if basis else ""
        parts.append(f"{category.name} năm {category.year}{said}")
    return "; ".join(parts)


def _members(members: Sequence[PersonDTO], names: dict[str, dict[str, str]]) -> Section:
    # The columns of the A0/CTV's Mục I (domain.md §3.3), so the card and the Sổ A0 say the same of a person.
    columns = (
        Column("STT", 0.45),
        Column("Họ và tên", 2.1),
        Column("Ngày sinh", 1.1),
        Column("Giới tính", 0.6),
        Column("Quan hệ với chủ hộ", 1.2),
        Column("Dân tộc", 0.7),
        Column("Trình độ học vấn", 1.2),
        Column("Tình trạng hôn nhân", 1.1),
        Column("Số thẻ BHYT", 1.4),
        Column("Tình trạng cư trú", 1.2),
        Column("Hiện trạng", 1.0),
    )
    rows = tuple(
        (
            number,
            person.full_name,
            person.birth_date,
            names["sex"].get(person.sex, person.sex),
            _relationship(person, names["relationship"]),
            _name(names["ethnic_groups"], person.ethnicity),
            _name(names["education"], person.education),
            _name(names["marital_status"], person.marital_status),
            person.insurance_no or None,
            _residence(person, names["residence_status"]),
            _vital(person),
        )
        for number, person in enumerate(members, start=1)
    )
    gone = [p for p in members if p.status in (DEAD, MOVED_OUT)]
    note = ("Ngày chết, ngày chuyển đi: xem mục Biến động dân số.",) if gone else ()
    return table_section("THÀNH VIÊN HỘ GIA ĐÌNH", Table(columns, rows, sheet_name="Thành viên"), note)


def _name(names: dict[str, str], code: str) -> str | None:
    return names.get(code, code) or None


def _contraception(
    members: Sequence[PersonDTO], spells: dict[uuid.UUID, tuple[Use, ...]], methods: dict[str, str], on: date
) -> Section:
    """Each woman with recorded contraceptive use: the method in use on the card's day and since when, or
    when she stopped (the month-by-month grid is the A0/CTV's Mục II)."""
    columns = (
        Column("Họ và tên", 2.2),
        Column("Năm sinh", 0.8),
        Column("Biện pháp tránh thai", 2.6),
        Column("Từ tháng", 1.0),
    )
    rows = []
    for person in members:
        last = latest_start(spells.get(person.id, ()), on)
        if last is None:
            continue
        method = methods.get(last.method, last.method)
        if method_on((last,), on):
            rows.append(
                (person.full_name, str(person.birth_date.year), f"Đang sử dụng: {method}", f"{last.start:%m/%Y}")
            )
        elif last.stop is not None:
            rows.append((person.full_name, str(person.birth_date.year), f"Đã thôi: {method}", f"{last.stop:%m/%Y}"))
    return table_section("SỬ DỤNG BIỆN PHÁP TRÁNH THAI", Table(columns, tuple(rows), sheet_name="BPTT"))


def _relationship(person: PersonDTO, relationships: dict[str, str]) -> str:
    # A head who died or left keeps the code the slip reported; the card names one head only.
    if person.relationship == "head" and not person.is_head and person.status in (DEAD, MOVED_OUT):
        return "Chủ hộ cũ"
    return relationships.get(person.relationship, person.relationship)


def _residence(person: PersonDTO, statuses: dict[str, str]) -> str:
    """Thường trú, tạm trú, tạm vắng: only for someone who still lives here (their vital status says the rest)."""
    if person.status in (DEAD, MOVED_OUT):
        return ""
    return statuses.get(person.residence_status, person.residence_status)


def _vital(person: PersonDTO) -> str:
    # The register keeps people who died or left: the card must not show them as living there. The day is
    # in the population events: a date here would be the widest word of an eleven-column table and make it
    # break numbers apart.
    if person.status == DEAD:
        return "Đã chết"
    if person.status == MOVED_OUT:
        return "Đã chuyển đi"
    return "Đang sinh sống"


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
