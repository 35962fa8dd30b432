"""The collaborator's monthly report: the month's figures by village, the population at the month's end,
population events and births, visits, cases and children in special circumstances, measures and referrals,
communication, and the user's difficulties and proposals, in the layout of an official report.

No table adds up unlike things: a "Tổng cộng" row only under columns of one kind (visits, people, cases,
sessions); where one thing can fall under two lines (a visit about two topics, a child in two groups, a
girl of 15 who is a child and a woman of 15–49) the report says the lines are not to be added.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desktop.reports.content import with_digest
from desktop.reports.model import Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services import reference
from desktop.services.documents import monthly, monthly_people, periods
from desktop.services.documents.monthly import ANY_KIND, Figures, MonthlyFigures
from desktop.services.documents.monthly_people import (
    ALL_BIRTHS,
    ALL_CHILDREN,
    CHILDREN,
    ELDERLY,
    FEMALE,
    HOUSEHOLDS,
    MALE,
    NO_TOPIC,
    ORDER_UNKNOWN,
    PEOPLE,
    PRIORITY_HOUSEHOLDS,
    PRIORITY_VISITED,
    THIRD_PLUS,
    WOMEN_15_49,
)
from desktop.services.documents.parts import (
    NONE,
    RECIPIENTS,
    TOTAL,
    closing,
    document_header,
    new_document_id,
    numbered,
)
from desktop.services.documents.remarks import Remarks, monthly_remarks
from desktop.services.profile.handle import Profile

SUPPORT_KINDS = ("domestic_violence", "child_protection", "other_support")


def monthly_document(
    profile: Profile, month: str, *, issued_on: date | None = None, remarks: Remarks | None = None
) -> ReportDocument:
    """The collaborator's monthly report for `month` ("YYYY-MM"), over the villages the user keeps.

    `remarks` are the difficulties and proposals to print; None prints those saved for the month
    (`remarks.save_monthly_remarks`), "Không có." when there are none."""
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
        sections=_numbered(
            _by_village(figures),
            _population_at_end(figures),
            _population(figures.total, names),
            _visits(figures.total, names, first.year),
            _cases(figures, names),
            _children(figures, names),
            _actions(figures, names),
            _communication(figures),
            *_remarks(remarks if remarks is not None else monthly_remarks(profile, month)),
        )
        + (closing(f"kết quả hoạt động tháng {first.month} năm {first.year}"),),
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
        "visit_topics",
        "household_categories",
    )
    with profile.sessions() as session:
        names = {table: reference.code_names(session, table) for table in tables}
        # The groups as the law lists them: "a) Trẻ em mồ côi cả cha và mẹ".
        names["child_groups"] = {
            item.code: f"{item.extra.get('letter', item.code)}) {item.name_vi}"
            for item in reference.items(session, "child_groups")
        }
        names["priority_categories"] = {
            code: names["household_categories"][code] for code in monthly_people.priority_categories(session)
        }
        return names


Part = tuple[Section, ...]  # a numbered section, and the unnumbered ones that follow it


def _numbered(*parts: Part) -> tuple[Section, ...]:
    """Roman numbers on the first section of each part, in order."""
    heads = numbered(part[0] for part in parts)
    return tuple(section for head, part in zip(heads, parts, strict=True) for section in (head, *part[1:]))


def _count_column(title: str = "Số lượng") -> tuple[Column, Column]:
    return Column("Nội dung", 4.0), Column(title, 1.0, numeric=True)


def _by_village(figures: MonthlyFigures) -> Part:
    # Births and deaths stand in columns of their own: a sum of events of every kind counts nothing.
    columns = (
        Column("Thôn, tổ dân phố", 2.2),
        Column("Số hộ", 0.8, numeric=True),
        Column("Số người", 0.9, numeric=True),
        Column("Sinh", 0.7, numeric=True),
        Column("Chết", 0.7, numeric=True),
        Column("Lượt thăm hộ", 0.9, numeric=True),
        Column("Hộ được thăm", 0.9, numeric=True),
        Column("Trường hợp mới", 1.0, numeric=True),
        Column("Buổi truyền thông", 1.0, numeric=True),
        Column("Người tham dự", 1.0, numeric=True),
    )
    rows = tuple(
        (
            row.village,
            row.population.get(HOUSEHOLDS, 0),
            row.population.get(PEOPLE, 0),
            row.events.get("birth", 0),
            row.events.get("death", 0),
            row.visits,
            row.households_reached,
            sum(row.cases_opened.values()),
            row.activities,
            row.participants_male + row.participants_female,
        )
        for row in figures.villages
    )
    note = f"Số hộ, số người: đang sinh sống tại thôn, tính đến ngày {figures.as_of:%d/%m/%Y}."
    return (Section("TỔNG HỢP THEO THÔN, TỔ DÂN PHỐ", (note,), Table(columns, rows, TOTAL, "Theo thôn")),)


def _population_at_end(figures: MonthlyFigures) -> Part:
    population = figures.total.population
    rows = (
        ("Số hộ gia đình", population.get(HOUSEHOLDS, 0)),
        ("Số người đang sinh sống", population.get(PEOPLE, 0)),
        ("Trong đó: phụ nữ từ 15 đến 49 tuổi", population.get(WOMEN_15_49, 0)),
        ("Trong đó: trẻ em dưới 16 tuổi", population.get(CHILDREN, 0)),
        ("Trong đó: người từ 60 tuổi trở lên", population.get(ELDERLY, 0)),
    )
    lines = (
        f"Tính đến ngày {figures.as_of:%d/%m/%Y}, theo sổ hộ gia đình: không tính người đã chết, đã chuyển đi, "
        "hộ đã xóa khỏi sổ; tuổi tròn tính đến ngày đó.",
        "Các dòng “trong đó” không cộng với nhau (một em gái 15 tuổi thuộc cả hai nhóm).",
    )
    return (Section("DÂN SỐ CUỐI THÁNG", lines, Table(_count_column(), rows, sheet_name="Dân số cuối tháng")),)


def _population(total: Figures, names: dict[str, dict[str, str]]) -> Part:
    kinds = names["population_event_kinds"]
    # Every line of the slip, zeros included: a missing line reads as forgotten, a zero as counted.
    rows = tuple((name, total.events.get(code, 0)) for code, name in kinds.items())
    lines = (
        "Các biến động được ghi theo tháng báo cáo của phiếu thu tin (P0); kết hôn, ly hôn tính theo cặp.",
        "Mỗi dòng là một loại biến động riêng, không cộng với nhau.",
    )
    events = Section("BIẾN ĐỘNG DÂN SỐ", lines, Table(_count_column(), rows, sheet_name="Biến động dân số"))
    return events, _births(total.births)


def _births(births: dict[str, int]) -> Section:
    columns = (
        Column("Trẻ sinh ra trong tháng", 3.0),
        Column("Tổng số", 1.0, numeric=True),
        Column("Nam", 1.0, numeric=True),
        Column("Nữ", 1.0, numeric=True),
    )
    rows: list[tuple[str, int, int, int]] = [
        ("Số trẻ sinh ra", births.get(ALL_BIRTHS, 0), births.get(MALE, 0), births.get(FEMALE, 0)),
        (
            "Trong đó: con thứ 3 trở lên",
            births.get(THIRD_PLUS, 0),
            births.get(f"{THIRD_PLUS}:{MALE}", 0),
            births.get(f"{THIRD_PLUS}:{FEMALE}", 0),
        ),
    ]
    lines = ["Trẻ sinh ra theo giới tính và con thứ mấy của người mẹ:"]
    if births.get(ORDER_UNKNOWN):
        lines.append(f"Có {births[ORDER_UNKNOWN]} trẻ chưa ghi là con thứ mấy của người mẹ.")
    return Section("", tuple(lines), Table(columns, tuple(rows), sheet_name="Trẻ sinh ra"))


def _visits(total: Figures, names: dict[str, dict[str, str]], year: int) -> Part:
    made = f"Trong tháng đã thực hiện {total.visits} lượt thăm hộ gia đình, đến {total.households_reached} hộ."
    categories = ", ".join(name.lower() for name in names["priority_categories"].values())
    priority = (
        f"Hộ thuộc diện ưu tiên năm {year} ({categories}): {total.priority.get(PRIORITY_HOUSEHOLDS, 0)} hộ; "
        f"trong tháng đã thăm {total.priority.get(PRIORITY_VISITED, 0)} hộ."
    )
    heading = "THĂM HỘ GIA ĐÌNH"
    topics = names["visit_topics"]
    rows = [(name, total.visit_topics[code]) for code, name in topics.items() if total.visit_topics.get(code)]
    if total.visit_topics.get(NO_TOPIC):
        rows.append(("Không ghi nội dung", total.visit_topics[NO_TOPIC]))
    if not rows:
        return (Section(heading, (made, priority)),)
    note = "Số lượt thăm theo nội dung (một lượt thăm có thể nhiều nội dung, nên các dòng không cộng với nhau):"
    table = Table(_count_column("Số lượt thăm"), tuple(rows), sheet_name="Nội dung thăm hộ")
    return (Section(heading, (made, priority, note), table),)


def _cases(figures: MonthlyFigures, names: dict[str, dict[str, str]]) -> Part:
    columns = (
        Column("Loại trường hợp", 2.6),
        Column("Mở mới", 1.0, numeric=True),
        Column("Đang theo dõi cuối tháng", 1.4, numeric=True),
        Column("Đã đóng", 1.0, numeric=True),
    )
    kinds = names["support_case_kinds"]
    total = figures.total
    if not figures.content:
        # Without the protection permission the figures carry no kinds: one line for all cases.
        rows: tuple[tuple[str, int, int, int], ...] = (("Tất cả các trường hợp", *_case_counts(total, ANY_KIND)),)
        note: tuple[str, ...] = (NO_CONTENT,)
    else:
        rows = tuple((kinds.get(kind, kind), *_case_counts(total, kind)) for kind in SUPPORT_KINDS)
        note = ()
    return (Section("TRƯỜNG HỢP CẦN HỖ TRỢ", note, Table(columns, rows, TOTAL, "Trường hợp")),)


NO_CONTENT = "Người lập báo cáo không có quyền xem nội dung hồ sơ: chỉ ghi tổng số trường hợp."
# Measures, referrals and entries are case content: without the permission they were not counted, and a
# "none this month" would be a zero nobody counted.
NO_CONTENT_ACTIONS = (
    "Người lập báo cáo không có quyền xem nội dung hồ sơ, nên mục này không ghi số biện pháp, "
    "chuyển gửi hay ghi chép theo dõi; phần này do người được giao quyền xem hồ sơ lập."
)


def _case_counts(total: Figures, kind: str) -> tuple[int, int, int]:
    return total.cases_opened.get(kind, 0), total.cases_active.get(kind, 0), total.cases_closed.get(kind, 0)


def _children(figures: MonthlyFigures, names: dict[str, dict[str, str]]) -> Part:
    heading = "TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT"
    if not figures.content:
        # The groups, and even how many cases are about children, are the content of the cases.
        return (Section(heading, ("Người lập báo cáo không có quyền xem nội dung hồ sơ: không ghi mục này.",)),)
    groups = figures.total.child_groups
    counted = groups.get(ALL_CHILDREN, 0)
    opening = (
        f"Trẻ em có hồ sơ bảo vệ trẻ em đang theo dõi đến ngày {figures.as_of:%d/%m/%Y}: {counted} em, "
        "theo nhóm trẻ em có hoàn cảnh đặc biệt (Điều 10 Luật Trẻ em 2016)."
    )
    rows = tuple((name, groups[code]) for code, name in names["child_groups"].items() if groups.get(code))
    if not rows:
        return (Section(heading, (opening,)),)
    note = "Một trẻ em có thể thuộc nhiều nhóm, nên các dòng không cộng với nhau."
    table = Table((Column("Nhóm", 4.4), Column("Số trẻ em", 1.0, numeric=True)), rows, sheet_name="Trẻ em theo nhóm")
    return (Section(heading, (opening, note), table),)


def _actions(figures: MonthlyFigures, names: dict[str, dict[str, str]]) -> Part:
    heading = "BIỆN PHÁP, CHUYỂN GỬI, HÒA GIẢI VÀ THEO DÕI"
    if not figures.content:
        return (Section(heading, (NO_CONTENT_ACTIONS,)),)
    total = figures.total
    rows = [
        *_named("Biện pháp: ", total.measures, names["dv_measures"]),
        *_named("Chuyển gửi đến ", total.referrals, names["referral_bodies"]),
        *_named("", total.case_entries, names["case_action_kinds"]),
    ]
    if not rows:
        return (Section(heading, ("Trong tháng không có biện pháp, chuyển gửi hay ghi chép theo dõi nào.",)),)
    table = Table(_count_column("Số lượt"), tuple(rows), sheet_name="Biện pháp, chuyển gửi")
    return (Section(heading, ("Mỗi dòng là một việc khác nhau, không cộng với nhau.",), table),)


def _named(prefix: str, counts: dict[str, int], names: dict[str, str]) -> Iterable[tuple[str, int]]:
    # In the table's order, so the same line stands at the same place from month to month.
    for code, name in names.items():
        if counts.get(code):
            yield f"{prefix}{name}", counts[code]


def _communication(figures: MonthlyFigures) -> Part:
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
    return (Section("TRUYỀN THÔNG", table=Table(columns, rows, TOTAL, "Truyền thông")),)


def _remarks(remarks: Remarks) -> tuple[Part, Part]:
    return (
        (Section("KHÓ KHĂN, VƯỚNG MẮC", _lines(remarks.difficulties)),),
        (Section("ĐỀ XUẤT, KIẾN NGHỊ", _lines(remarks.proposals)),),
    )


def _lines(text: str) -> tuple[str, ...]:
    """One paragraph per line the user wrote; "Không có." for nothing (a blank part reads as forgotten)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip()) or (NONE,)
