"""The collaborator's monthly report: the month's figures by village, population events, visits, cases,
measures and referrals, and communication, in the layout of an official report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desktop.reports.content import with_digest
from desktop.reports.model import Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services import reference
from desktop.services.documents import monthly, periods
from desktop.services.documents.monthly import ANY_KIND, Figures, MonthlyFigures
from desktop.services.documents.parts import RECIPIENTS, TOTAL, closing, document_header, new_document_id
from desktop.services.profile.handle import Profile

SUPPORT_KINDS = ("domestic_violence", "child_protection", "other_support")


def monthly_document(profile: Profile, month: str, *, issued_on: date | None = None) -> ReportDocument:
    """The collaborator's monthly report for `month` ("YYYY-MM"), over the villages the user keeps."""
    today = profile.today()
    periods.require_begun(monthly.month_bounds(month)[0], today)
    figures = monthly.monthly_figures(profile, month)
    names = _code_names(profile)
    first, last = figures.first_day, figures.last_day
    doc = ReportDocument(
        document_id=new_document_id("BC", month),
        kind="monthly",
        header=document_header(profile, kind="monthly", subject=month, issued_on=issued_on or today),
        title="BÁO CÁO",
        subject=f"Kết quả hoạt động tháng {first.month} năm {first.year}",
        subtitle=periods.with_figures_as_of(f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}", last, today),
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
