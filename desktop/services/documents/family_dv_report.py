"""The yearly report on families and domestic violence (Thông tư 07/2017/TT-BVHTTDL, domain.md §4.1): the
figures of `family_dv` in the rows of the commune's report, every row printed, zeros included, so that the
upper level can add communes up row by row."""

from __future__ import annotations

from datetime import date

from desktop.reports.content import with_digest
from desktop.reports.model import Cell, Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services import reference
from desktop.services.casework import dv
from desktop.services.documents import family_dv, periods
from desktop.services.documents.family_dv import FamilyDvFigures, Households, People, Violence
from desktop.services.documents.parts import TOTAL, closing, document_header, new_document_id, numbered
from desktop.services.profile.handle import Profile

SUBJECT = "Thông tin về gia đình và phòng, chống bạo lực gia đình năm {year}"
SHAPE_ROWS = (
    ("1.1", family_dv.SINGLE_PARENT, "Hộ chỉ có cha hoặc mẹ sống với con"),
    ("1.2", family_dv.ONE, "Hộ 1 thế hệ"),
    ("1.3", family_dv.TWO, "Hộ 2 thế hệ"),
    ("1.4", family_dv.THREE_PLUS, "Hộ 3 thế hệ trở lên"),
    ("1.5", family_dv.OTHER, "Hộ khác"),
)
SHAPE_COLUMNS = ("Cha hoặc mẹ sống với con", "1 thế hệ", "2 thế hệ", "3 thế hệ trở lên", "Hộ khác")
INDICATOR = (
    Column("TT", 0.5),
    Column("Chỉ tiêu", 4.0),
    Column("Đơn vị tính", 0.9),
    Column("Số lượng", 0.9, numeric=True),
)
# TT 07 is the commune's report: the collaborator's figures go to the commune People's Committee.
RECIPIENTS = ("- Ủy ban nhân dân xã;", "- Lưu.")
NO_CONTENT = (
    "Người lập báo cáo không có quyền xem nội dung hồ sơ trường hợp cần hỗ trợ, nên báo cáo không có số liệu "
    "về bạo lực gia đình; phần này do người được giao quyền xem hồ sơ lập."
)


def family_dv_document(profile: Profile, year: int, *, issued_on: date | None = None) -> ReportDocument:
    """The report of `year` over the villages the user keeps; a year not begun yet is refused."""
    figures = family_dv.family_dv_figures(profile, year)
    with profile.sessions() as session:
        names = {t: reference.code_names(session, t) for t in (dv.TYPES, dv.MEASURES, dv.BODIES, "case_action_kinds")}
    parts = [_scope(figures), _families(figures.total), _by_village(figures)]
    violence = figures.violence
    if violence is None:
        parts.append(Section("BẠO LỰC GIA ĐÌNH", (NO_CONTENT,)))
    else:
        parts += [
            _violence(violence, names),
            _people(violence),
            _measures(violence, names[dv.MEASURES]),
            _support(violence, names),
        ]
    doc = ReportDocument(
        document_id=new_document_id("GD", str(year)),
        kind="family-dv",
        header=document_header(profile, kind="family-dv", subject=str(year), issued_on=issued_on or profile.today()),
        title="BÁO CÁO",
        subject=SUBJECT.format(year=year),
        subtitle=periods.with_figures_as_of(
            f"Từ ngày {figures.first_day:%d/%m/%Y} đến ngày {figures.last_day:%d/%m/%Y}",
            figures.last_day,
            profile.today(),
        ),
        sections=numbered(parts) + (closing(f"thông tin về gia đình và phòng, chống bạo lực gia đình năm {year}"),),
        signature=SignatureBlock("NGƯỜI BÁO CÁO", profile.user.name),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def _scope(figures: FamilyDvFigures) -> Section:
    villages = ", ".join(row.village for row in figures.villages) or "không có thôn nào"
    return Section(
        "PHẠM VI SỐ LIỆU",
        (
            f"Số liệu của các thôn, tổ dân phố do người báo cáo phụ trách: {villages}.",
            f"Hộ gia đình và nhân khẩu tính tại ngày {figures.as_of:%d/%m/%Y}, theo quan hệ với chủ hộ ghi trong sổ; "
            "không tính hộ đã xóa khỏi sổ, người đã chết hoặc đã chuyển đi.",
        ),
    )


def _families(total: Households) -> Section:
    rows: list[tuple[Cell, ...]] = [("1", "Tổng số hộ gia đình", "Hộ", total.total)]
    rows += [(number, label, "Hộ", total.shapes[shape]) for number, shape, label in SHAPE_ROWS]
    return Section("THÔNG TIN VỀ GIA ĐÌNH", table=Table(INDICATOR, tuple(rows), sheet_name="Gia đình"))


def _by_village(figures: FamilyDvFigures) -> Section:
    columns = [Column("Thôn, tổ dân phố", 2.0), Column("Tổng số hộ", 0.9, numeric=True)]
    columns += [Column(title, 1.0, numeric=True) for title in SHAPE_COLUMNS]
    violence = figures.violence
    if violence is not None:
        columns += [
            Column("Hộ có bạo lực gia đình", 1.0, numeric=True),
            Column("Số vụ bạo lực gia đình", 1.0, numeric=True),
        ]
    rows = []
    for row in figures.villages:
        cells: list[Cell] = [row.village, row.total, *(row.shapes[shape] for _n, shape, _label in SHAPE_ROWS)]
        if violence is not None and row.village_id is not None:
            cells += list(violence.by_village.get(row.village_id, (0, 0)))
        rows.append(tuple(cells))
    table = Table(tuple(columns), tuple(rows), TOTAL, "Theo thôn")
    return Section("SỐ HỘ GIA ĐÌNH THEO THÔN, TỔ DÂN PHỐ", table=table)


def _violence(violence: Violence, names: dict[str, dict[str, str]]) -> Section:
    rows: list[tuple[Cell, ...]] = [
        ("1", "Số hộ gia đình có bạo lực gia đình", "Hộ", violence.households),
        ("2", "Tổng số vụ bạo lực gia đình", "Vụ", violence.cases),
        ("3", "Hình thức bạo lực gia đình", "", None),
    ]
    types = list(names[dv.TYPES].items())
    rows += [(f"3.{n}", name, "Vụ", violence.types.get(code, 0)) for n, (code, name) in enumerate(types, 1)]
    rows.append((f"3.{len(types) + 1}", "Chưa ghi nhận hành vi bạo lực", "Vụ", violence.untyped))
    paragraphs = (
        "Vụ bạo lực gia đình được tính theo ngày mở hồ sơ trong năm. Một vụ có thể có nhiều hình thức bạo lực, "
        "nên các dòng hình thức không cộng thành tổng số vụ.",
    )
    return Section("BẠO LỰC GIA ĐÌNH", paragraphs, Table(INDICATOR, tuple(rows), sheet_name="Bạo lực gia đình"))


def _people(violence: Violence) -> Section:
    columns = (
        Column("Đối tượng", 2.9),
        Column("Tổng số", 0.8, numeric=True),
        Column("Nam", 0.6, numeric=True),
        Column("Nữ", 0.6, numeric=True),
        Column("Dưới 16 tuổi", 1.1, numeric=True),
        Column("Từ đủ 60 tuổi trở lên", 1.6, numeric=True),
    )
    rows = (
        ("Người có hành vi bạo lực gia đình", *_counts(violence.perpetrators)),
        ("Người bị bạo lực gia đình", *_counts(violence.victims)),
    )
    paragraphs = [
        "Mỗi người được tính một lần trong năm; tuổi tính tại ngày mở hồ sơ vụ việc (người chỉ ghi năm sinh "
        "được tính theo năm sinh)."
    ]
    unknown = sum(_unknown(people) for people in (violence.perpetrators, violence.victims))
    if unknown:
        paragraphs.append(f"Có {unknown} lượt người chưa ghi giới tính: chỉ được tính ở cột Tổng số.")
    table = Table(columns, rows, sheet_name="Người liên quan")
    return Section("NGƯỜI CÓ HÀNH VI BẠO LỰC GIA ĐÌNH VÀ NGƯỜI BỊ BẠO LỰC GIA ĐÌNH", tuple(paragraphs), table)


def _counts(people: People) -> tuple[int, int, int, int, int]:
    return people.total, people.male, people.female, people.under_16, people.aged_60_plus


def _unknown(people: People) -> int:
    return people.total - people.male - people.female


def _measures(violence: Violence, measures: dict[str, str]) -> Section:
    columns = (Column("TT", 0.5), Column("Biện pháp", 4.0), Column("Số vụ", 0.8, numeric=True),
               Column("Số lượt", 0.8, numeric=True))  # fmt: skip
    rows = tuple((str(n), name, *violence.measures[code]) for n, (code, name) in enumerate(measures.items(), 1))
    paragraph = (
        "Các biện pháp của Điều 22 Luật Phòng, chống bạo lực gia đình năm 2022 được quyết định trong năm, "
        "theo ngày quyết định; số lượt là số quyết định."
    )
    return Section("BIỆN PHÁP ĐÃ ÁP DỤNG", (paragraph,), Table(columns, rows, sheet_name="Biện pháp"))


def _support(violence: Violence, names: dict[str, dict[str, str]]) -> Section:
    columns = (Column("Nội dung", 4.5), Column("Số vụ", 0.8, numeric=True), Column("Số lượt", 0.8, numeric=True))
    rows: list[tuple[Cell, ...]] = [
        (f"Chuyển gửi đến {name}", *violence.referrals[code]) for code, name in names[dv.BODIES].items()
    ]
    kinds = names["case_action_kinds"]
    rows += [(kinds.get(code, code), *counts) for code, counts in violence.support.items()]
    paragraph = "Các lượt chuyển gửi, hỗ trợ và hòa giải ghi trong năm ở các vụ bạo lực gia đình."
    return Section("HỖ TRỢ NGƯỜI BỊ BẠO LỰC GIA ĐÌNH", (paragraph,), Table(columns, tuple(rows), sheet_name="Hỗ trợ"))
