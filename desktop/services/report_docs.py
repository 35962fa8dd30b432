"""What the reports say: the service data put into `reports.model.ReportDocument`, ready to render.

Reports are official documents for the commune and the upper level, so they are written in
Vietnamese whatever language the app shows; the code names come from the reference tables' `name_vi`.
The monthly and campaign reports are built here; the household card and the case file, which build on
this module's helpers, in desktop.services.report_records and report_case (reached through here).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy.orm import Session

from db.models import AdminUnit
from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.reports.content import with_digest
from desktop.reports.model import Column, Header, ReportDocument, Section, SignatureBlock, Table
from desktop.services import activities, monthly, reference
from desktop.services.activities import ActivityDTO, CampaignDTO
from desktop.services.monthly import ANY_KIND, Figures, MonthlyFigures
from desktop.services.profile import Profile
from desktop.services.validation import problem, raise_if, year_problems

AGENCY = "CỘNG TÁC VIÊN CƠ SỞ"
RECIPIENTS = ("- Trạm Y tế xã;", "- Ủy ban nhân dân xã;", "- Lưu.")
TOTAL = "Tổng cộng"
UNIT_PREFIXES = ("Xã ", "Phường ", "Thị trấn ")
SUPPORT_KINDS = ("domestic_violence", "child_protection", "other_support")
NONE = "Không có."
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
CTX = "Reports"


def monthly_document(profile: Profile, month: str, *, issued_on: date | None = None) -> ReportDocument:
    """The collaborator's monthly report for `month` ("YYYY-MM"), over the villages the user keeps."""
    figures = monthly.monthly_figures(profile, month)
    names = _code_names(profile)
    first, last = figures.first_day, figures.last_day
    doc = ReportDocument(
        document_id=new_document_id("BC", month),
        kind="monthly",
        header=document_header(profile, number=f"Số: {first.month:02d}/BC-CTV", issued_on=issued_on or profile.today()),
        title=f"BÁO CÁO KẾT QUẢ HOẠT ĐỘNG THÁNG {first.month} NĂM {first.year}",
        subtitle=f"(Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y})",
        sections=(
            _by_village(figures),
            _population(figures.total, names),
            _visits(figures.total),
            _cases(figures.total, names),
            _actions(figures.total, names),
            _communication(figures),
            closing(f"kết quả hoạt động tháng {first.month} năm {first.year}"),
        ),
        signature=SignatureBlock("NGƯỜI BÁO CÁO", profile.user.name),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def household_document(profile: Profile, household_id: uuid.UUID, *, issued_on: date | None = None) -> ReportDocument:
    """The household card (desktop.services.report_records); refused outside the user's villages."""
    from desktop.services import report_records  # it builds on this module's helpers

    return report_records.household_document(profile, household_id, issued_on=issued_on)


def case_document(profile: Profile, case_id: uuid.UUID, *, issued_on: date | None = None) -> ReportDocument:
    """The case file, confidential (desktop.services.report_case); refused (PermissionDeniedError) to users
    who may not read the case's content."""
    from desktop.services import report_case  # it builds on this module's helpers

    return report_case.case_document(profile, case_id, issued_on=issued_on)


def campaign_choices(profile: Profile) -> list[tuple[str, str]]:
    """(code, Vietnamese name) of every campaign, in the order of campaigns.csv: for the report's picker."""
    with profile.sessions() as session:
        return [(item.code, item.name_vi) for item in reference.codes(session, activities.CAMPAIGNS)]


def campaign_document(profile: Profile, campaign: str, year: int, *, issued_on: date | None = None) -> ReportDocument:
    """What was done for `campaign` in `year`: the communication activities held during its period that
    year (in the villages the user keeps), one by one and by village."""
    found = _campaign(profile, campaign, year)
    held = _held_during(profile, found)
    with profile.sessions() as session:
        names = {table: reference.code_names(session, table) for table in (activities.FORMS, activities.TOPICS)}
        villages = _villages_with(session, profile, held)
    doc = ReportDocument(
        document_id=new_document_id("CD", str(year)),
        kind="campaign",
        header=document_header(profile, number="Số: ……/BC-CTV", issued_on=issued_on or profile.today()),
        title=f"BÁO CÁO KẾT QUẢ {found.name_vi.upper()} NĂM {year}",
        subtitle=f"({_period(found).capitalize()})",
        sections=numbered(
            (_campaign_about(found), _campaign_activities(held, names), _campaign_villages(held, villages))
        )
        + (closing(f"kết quả {found.name_vi.lower()} năm {year}"),),
        signature=SignatureBlock("NGƯỜI BÁO CÁO", profile.user.name),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def new_document_id(prefix: str, period: str) -> str:
    """Unique per export, readable on paper: the kind, the period and a random part."""
    return f"{prefix}-{period}-{uuid.uuid4().hex[:10].upper()}"


# Shared by the reports #####################################################################


def closing(what: str) -> Section:
    """The customary last line of a report; it also keeps the signature from standing alone on a page."""
    return Section("", (f"Trên đây là báo cáo {what}./.",))


def numbered(sections: Iterable[Section]) -> tuple[Section, ...]:
    """Headings "I. …", "II. …" in order: which parts a document has depends on what it is about."""
    return tuple(dataclasses.replace(s, heading=f"{ROMAN[i]}. {s.heading}") for i, s in enumerate(sections))


def table_section(heading: str, table: Table, paragraphs: Sequence[str] = ()) -> Section:
    """The table under its heading; "Không có." instead of an empty table, which reads as a form left blank."""
    if table.rows:
        return Section(heading, tuple(paragraphs), table)
    return Section(heading, (*paragraphs, NONE))


def given(label: str, value: str) -> list[str]:
    """A "label: value" line, or none for an empty value (a blank field on paper reads as forgotten)."""
    return [f"{label}: {one_line(value)}"] if value.strip() else []


def day_text(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def one_line(text: str) -> str:
    return " ".join(text.split())


# Parts of the header ######################################################################


def document_header(profile: Profile, *, number: str, issued_on: date) -> Header:
    """The commune's agency block and the place-and-date line every report of this profile carries."""
    commune = _commune_name(profile)
    return Header(
        agency_parent=f"UBND {commune.upper()}",
        agency=AGENCY,
        number=number,
        place=_short_name(commune),
        issued_on=issued_on,
    )


def _commune_name(profile: Profile) -> str:
    with profile.sessions() as session:
        unit = session.get(AdminUnit, profile.commune_code)
        return unit.name if unit is not None else profile.commune_code


def _short_name(commune: str) -> str:
    for prefix in UNIT_PREFIXES:
        if commune.startswith(prefix):
            return commune[len(prefix) :]
    return commune


def _code_names(profile: Profile) -> dict[str, dict[str, str]]:
    tables = (
        "population_event_kinds",
        "support_case_kinds",
        "dv_measures",
        "referral_bodies",
        "case_action_kinds",
    )
    with profile.sessions() as session:
        return {table: reference.code_names(session, table) for table in tables}


# Sections #################################################################################


def _by_village(figures: MonthlyFigures) -> Section:
    columns = (
        Column("Thôn, tổ dân phố", 2.4),
        Column("Biến động dân số", 1.2, numeric=True),
        Column("Lượt thăm hộ", 1.0, numeric=True),
        Column("Hộ được thăm", 1.0, numeric=True),
        Column("Trường hợp mới", 1.1, numeric=True),
        Column("Buổi truyền thông", 1.2, numeric=True),
        Column("Người tham dự", 1.1, numeric=True),
    )
    rows = tuple(
        (
            row.village,
            sum(row.events.values()),
            row.visits,
            row.households_reached,
            sum(row.cases_opened.values()),
            row.activities,
            row.participants_male + row.participants_female,
        )
        for row in figures.villages
    )
    return Section("I. TỔNG HỢP THEO THÔN, TỔ DÂN PHỐ", table=Table(columns, rows, TOTAL, "Theo thôn"))


def _population(total: Figures, names: dict[str, dict[str, str]]) -> Section:
    kinds = names["population_event_kinds"]
    columns = (Column("Nội dung", 4.0), Column("Số lượng", 1.0, numeric=True))
    # Every line of the slip, zeros included: a missing line reads as forgotten, a zero as counted.
    rows = tuple((name, total.events.get(code, 0)) for code, name in kinds.items())
    paragraph = "Các biến động được ghi theo tháng báo cáo của phiếu thu tin (P0)."
    return Section("II. BIẾN ĐỘNG DÂN SỐ", (paragraph,), Table(columns, rows, TOTAL, "Biến động dân số"))


def _visits(total: Figures) -> Section:
    text = f"Trong tháng đã thực hiện {total.visits} lượt thăm hộ gia đình, đến {total.households_reached} hộ."
    return Section("III. THĂM HỘ GIA ĐÌNH", (text,))


def _cases(total: Figures, names: dict[str, dict[str, str]]) -> Section:
    columns = (
        Column("Loại trường hợp", 2.6),
        Column("Mở mới", 1.0, numeric=True),
        Column("Đang theo dõi cuối tháng", 1.4, numeric=True),
        Column("Đã đóng", 1.0, numeric=True),
    )
    kinds = names["support_case_kinds"]
    counted = _kinds_of(total)
    if counted == [ANY_KIND]:
        # Without the protection permission the figures carry no kinds: one line for all cases.
        rows: tuple[tuple[str, int, int, int], ...] = (("Tất cả các trường hợp", *_case_counts(total, ANY_KIND)),)
        note: tuple[str, ...] = ("Người lập báo cáo không có quyền xem nội dung hồ sơ: chỉ ghi tổng số trường hợp.",)
    else:
        rows = tuple((kinds.get(kind, kind), *_case_counts(total, kind)) for kind in SUPPORT_KINDS)
        note = ()
    return Section("IV. TRƯỜNG HỢP CẦN HỖ TRỢ", note, Table(columns, rows, TOTAL, "Trường hợp"))


def _kinds_of(total: Figures) -> list[str]:
    found = {*total.cases_opened, *total.cases_active, *total.cases_closed}
    return sorted(found)


def _case_counts(total: Figures, kind: str) -> tuple[int, int, int]:
    return total.cases_opened.get(kind, 0), total.cases_active.get(kind, 0), total.cases_closed.get(kind, 0)


def _actions(total: Figures, names: dict[str, dict[str, str]]) -> Section:
    heading = "V. BIỆN PHÁP, CHUYỂN GỬI, HÒA GIẢI VÀ THEO DÕI"
    rows = [
        *_named("Biện pháp: ", total.measures, names["dv_measures"]),
        *_named("Chuyển gửi đến ", total.referrals, names["referral_bodies"]),
        *_named("", total.case_entries, names["case_action_kinds"]),
    ]
    if not rows:
        return Section(heading, ("Trong tháng không có biện pháp, chuyển gửi hay ghi chép theo dõi nào.",))
    columns = (Column("Nội dung", 4.0), Column("Số lượt", 1.0, numeric=True))
    return Section(heading, table=Table(columns, tuple(rows), TOTAL, "Biện pháp, chuyển gửi"))


def _named(prefix: str, counts: dict[str, int], names: dict[str, str]) -> Iterable[tuple[str, int]]:
    # In the table's order, so the same line stands at the same place from month to month.
    for code, name in names.items():
        if counts.get(code):
            yield f"{prefix}{name}", counts[code]


def _communication(figures: MonthlyFigures) -> Section:
    columns = (
        Column("Thôn, tổ dân phố", 2.4),
        Column("Số buổi", 1.0, numeric=True),
        Column("Nam", 1.0, numeric=True),
        Column("Nữ", 1.0, numeric=True),
        Column("Tổng số người", 1.2, numeric=True),
    )
    rows = tuple(
        (
            row.village,
            row.activities,
            row.participants_male,
            row.participants_female,
            row.participants_male + row.participants_female,
        )
        for row in figures.villages
    )
    return Section("VI. TRUYỀN THÔNG", table=Table(columns, rows, TOTAL, "Truyền thông"))


# The campaign report ######################################################################


def _campaign(profile: Profile, campaign: str, year: int) -> CampaignDTO:
    raise_if(year_problems("year", year, profile.today()))
    with profile.sessions() as session:
        found = next((c for c in activities.campaigns_of_year(session, year) if c.code == campaign), None)
    if found is None:
        message = QT_TRANSLATE_NOOP(CTX, "Unknown campaign {code}; choose one from the list.")
        raise ValidationError([problem("campaign", message, code=campaign)])
    return found


def _held_during(profile: Profile, campaign: CampaignDTO) -> list[ActivityDTO]:
    listed = activities.list_activities(profile, campaign.starts_on, campaign.ends_on)
    # June has three campaigns: an activity recorded for another one belongs to that one's report.
    answering = [a for a in listed if a.campaign in ("", campaign.code)]
    return sorted(answering, key=lambda a: a.held_on)  # stable: the villages keep their order within a day


def _villages_with(session: Session, profile: Profile, held: Sequence[ActivityDTO]) -> list[tuple[uuid.UUID, str]]:
    """The villages the user keeps, zeros included (a missing line reads as forgotten, a zero as counted)."""
    used = {a.village_id for a in held}
    return [
        (v.id, v.name)
        for v in reference.villages(session, profile.commune_code, include_inactive=True)
        if profile.user.sees_village(v.id) and (v.active or v.id in used)
    ]


def _period(campaign: CampaignDTO) -> str:
    if campaign.starts_on == campaign.ends_on:
        return f"ngày {day_text(campaign.starts_on)}"
    return f"từ ngày {day_text(campaign.starts_on)} đến ngày {day_text(campaign.ends_on)}"


def _campaign_about(campaign: CampaignDTO) -> Section:
    theme = f"“{campaign.theme}”" if campaign.theme else "chưa được cấp trên thông báo"
    lines = (f"Thời gian: {_period(campaign)}.", f"Chủ đề năm {campaign.year}: {theme}.")
    return Section("THỜI GIAN VÀ CHỦ ĐỀ", lines)


def _campaign_activities(held: Sequence[ActivityDTO], names: dict[str, dict[str, str]]) -> Section:
    columns = (
        Column("Ngày", 1.1),
        Column("Thôn", 1.5),
        Column("Hình thức", 1.4),
        Column("Chủ đề", 1.8),
        Column("Nam", 0.6, numeric=True),
        Column("Nữ", 0.6, numeric=True),
        Column("Tổng", 0.7, numeric=True),
        Column("Tài liệu phát", 0.9, numeric=True),
    )
    forms, topics = names[activities.FORMS], names[activities.TOPICS]
    rows = tuple(
        (
            a.held_on,
            a.village,
            forms.get(a.form, a.form),
            topics.get(a.topic, a.topic),
            a.male,
            a.female,
            a.participants,
            a.materials_count,
        )
        for a in held
    )
    heading = "CÁC HOẠT ĐỘNG TRUYỀN THÔNG"
    scope = "Gồm các buổi truyền thông tổ chức trong thời gian trên, trừ các buổi đã ghi hưởng ứng chiến dịch khác."
    if not held:
        return Section(heading, (scope, "Không có buổi truyền thông nào được ghi nhận."))
    people = sum(a.participants for a in held)
    summary = f"Đã tổ chức {len(held)} buổi truyền thông với {people} lượt người tham dự."
    materials = list(dict.fromkeys(a.materials for a in held if a.materials))
    lines = (summary, scope, *given("Tài liệu đã phát", ", ".join(materials)))
    return table_section(heading, Table(columns, rows, TOTAL, "Hoạt động"), lines)


def _campaign_villages(held: Sequence[ActivityDTO], villages: Sequence[tuple[uuid.UUID, str]]) -> Section:
    columns = (
        Column("Thôn, tổ dân phố", 2.4),
        Column("Số buổi", 1.0, numeric=True),
        Column("Nam", 1.0, numeric=True),
        Column("Nữ", 1.0, numeric=True),
        Column("Tổng số người", 1.2, numeric=True),
    )
    rows = []
    for village_id, name in villages:
        here = [a for a in held if a.village_id == village_id]
        male, female = sum(a.male for a in here), sum(a.female for a in here)
        rows.append((name, len(here), male, female, male + female))
    return table_section("TỔNG HỢP THEO THÔN, TỔ DÂN PHỐ", Table(columns, tuple(rows), TOTAL, "Theo thôn"))
