from __future__ import annotations

import dataclasses
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.reports.model import Column, Header, ReportDocument, Section, SignatureBlock, Table

TITLE = "BÁO CÁO"
SUBJECT = "Kết quả hoạt động tháng 10 năm 2026"
VILLAGES = ("Thôn Đông Hà", "Xóm Trường Lưu", "Thôn Trung Sơn")
# Every tone mark, and one name long enough to wrap in its column.
NAMES = (
    "Nguyễn Thị Hường",
    "Đặng Văn Hùng",
    "Lê Thị Ngọc Ánh",
    "Phạm Quốc Bảo",
    "Trần Thị Mỹ Duyên",
    "Hồ Sỹ Đức",
    "Tôn Nữ Thị Phương Thảo Hoàng Khánh Linh",
)
ROWS = 120
COLUMNS = (
    Column("STT", 0.5),
    Column("Họ và tên", 2.3),
    Column("Thôn, xóm", 2.0),
    Column("Ngày sinh", 1.1),
    Column("Số lần thăm", 0.8, numeric=True),
    Column("Số người được tư vấn", 1.0, numeric=True),
    Column("Kinh phí (đồng)", 1.2, numeric=True),
    Column("Ghi chú", 1.3),
)
HEADER_TITLES = tuple(c.title for c in COLUMNS)
NOTE = "Hộ nghèo & cận nghèo <ưu tiên>"


def visit_rows() -> tuple[tuple[object, ...], ...]:
    rows = []
    for i in range(ROWS):
        note = NOTE if i % 17 == 3 else None
        rows.append(
            (
                i + 1,
                NAMES[i % len(NAMES)],
                VILLAGES[i % len(VILLAGES)],
                date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                1 + i % 4,
                (i * 7) % 13,
                150_000 * (1 + i % 9) + 1_250,
                note,
            )
        )
    return tuple(rows)


def sample_document(**changes: object) -> ReportDocument:
    doc = ReportDocument(
        document_id="BC-2026-10-3f6c2a1e-8b4d-4c7e-9a51-2d0e6f7b8c90",
        kind="monthly",
        header=Header(
            agency_parent="UBND XÃ CẨM XUYÊN",
            agency="CỘNG TÁC VIÊN DÂN SỐ THÔN ĐÔNG HÀ",
            number="Số: 12/BC-CTV",
            place="Hà Tĩnh",
            issued_on=date(2026, 11, 5),
        ),
        title=TITLE,
        subject=SUBJECT,
        subtitle="(Từ ngày 01/10/2026 đến ngày 31/10/2026)",
        sections=(
            Section(
                heading="I. TÌNH HÌNH CHUNG",
                paragraphs=(
                    "Trong tháng 10 năm 2026, cộng tác viên đã phối hợp với Trạm Y tế xã thăm hộ gia đình, "
                    "tư vấn về chăm sóc sức khỏe sinh sản, kế hoạch hóa gia đình và tiêm chủng mở rộng cho trẻ "
                    "em dưới 5 tuổi ở Thôn Đông Hà và Xóm Trường Lưu.",
                    "Người dân hưởng ứng tích cực; một số hộ ở xa chưa được thăm đủ số lần theo kế hoạch.",
                ),
            ),
            Section(
                heading="II. KẾT QUẢ THĂM HỘ GIA ĐÌNH",
                paragraphs=("Chi tiết theo bảng dưới đây:",),
                table=Table(columns=COLUMNS, rows=visit_rows(), total_label="Tổng cộng", sheet_name="Thăm hộ"),
            ),
            Section(
                heading="III. TỔNG HỢP THEO THÔN",
                table=Table(
                    columns=(
                        Column("Thôn, xóm", 2),
                        Column("Số hộ", 1, numeric=True),
                        Column("Tỷ lệ (%)", 1, numeric=True),
                    ),
                    rows=(("Thôn Đông Hà", 1_204, 87.5), ("Xóm Trường Lưu", 96, 62.25), ("Thôn Trung Sơn", 310, None)),
                    total_label="Cộng",
                ),
            ),
            Section(
                heading="IV. ĐỀ XUẤT, KIẾN NGHỊ",
                paragraphs=(
                    "Đề nghị Trạm Y tế xã bổ sung tài liệu truyền thông cho Đặng Văn Hùng và Lê Thị Ngọc Ánh.",
                ),
            ),
        ),
        signature=SignatureBlock(capacity="Cộng tác viên", name="Nguyễn Thị Hường"),
        recipients=("- Trạm Y tế xã Cẩm Xuyên;", "- UBND xã Cẩm Xuyên;", "- Lưu: CTV."),
    )
    return dataclasses.replace(doc, **changes)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def decomposed(value: Any) -> Any:
    """The same document with every string in NFD, as text pasted from some macOS or web sources is."""
    if isinstance(value, str):
        return nfd(value)
    if isinstance(value, tuple):
        return tuple(decomposed(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: decomposed(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pdftotext(path: Path, *, first: int | None = None, last: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    out = subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True)
    return nfc(out.stdout)


@pytest.fixture(scope="session")
def poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdftotext, pdffonts) is not installed")
