"""What a report says, independent of how it is drawn: the PDF and XLSX renderers both take this.

The services fill it from their DTOs; text is kept as given and normalised to NFC when drawn. A
table's cells are `str`, `int`, `float`, `date` or None (an empty cell), so the XLSX keeps numbers as
numbers and dates as dates; the PDF formats them (dates as dd/mm/yyyy, numbers with "." thousands).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Cell = str | int | float | date | None


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float = 1.0  # relative to the other columns of the table
    numeric: bool = False  # right-aligned, summed in a total row


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total_label: str = ""  # when set, a last row with this label and the sums of the numeric columns
    sheet_name: str = ""  # the XLSX sheet of this table (at most 31 characters); "" = the section heading


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None
    emphasis: str = ""  # one line set large and bold under the heading (a recovery code)
    page_break_before: bool = False  # layout, not content: the section begins a new page (a book's sheets)


@dataclass(frozen=True, slots=True)
class NumberKey:
    """Which document a number belongs to: the same (kind, year, subject) always prints the same number.

    Not content: the number it stands for is (Header.number); the export takes the number for the key.
    """

    kind: str  # the document's kind, e.g. "monthly"; kinds with the same type code share a series
    year: int  # the year of issue: numbers start again at 1 every year
    subject: str  # what the document is about within its kind, e.g. "2026-10", a household's id


@dataclass(frozen=True, slots=True)
class Header:
    """The top of an administrative document (Decree 30/2020/NĐ-CP, Appendix I)."""

    agency_parent: str  # e.g. "UBND XÃ CẨM XUYÊN" (the body above the issuing one), upper case
    agency: str  # e.g. "TRẠM Y TẾ XÃ CẨM XUYÊN", upper case, bold
    number: str  # e.g. "Số: 12/BC-TYT"; "" prints no number line (a document that is not administrative)
    place: str  # e.g. "Hà Tĩnh"
    issued_on: date
    numbering: NumberKey | None = None  # set by numbered documents; the export takes `number` for it


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    capacity: str  # e.g. "NGƯỜI BÁO CÁO" or "CỘNG TÁC VIÊN"
    name: str


@dataclass(frozen=True, slots=True)
class ReportDocument:
    document_id: str  # stable id printed in the QR code and the footer, e.g. "BC-2026-10-<uuid>"
    kind: str  # monthly | household | case | campaign | recovery
    header: Header
    title: str  # the type of document (Decree 30's "tên loại"), e.g. "BÁO CÁO", "PHIẾU THÔNG TIN HỘ GIA ĐÌNH"
    subtitle: str = ""  # a line under the type and subject, e.g. the period
    sections: tuple[Section, ...] = ()
    signature: SignatureBlock | None = None
    recipients: tuple[str, ...] = ()  # "Nơi nhận:" lines, bottom left
    confidential: bool = False  # sensitive personal data (case records): a notice on every page
    content_sha256: str = ""  # set by `content.digest`; printed in the QR code on the last page
    extra: dict[str, str] = field(default_factory=dict)  # renderer hints, never content
    # Decree 30's "trích yếu nội dung": what the document is about, on its own bold line under the type, in
    # sentence case, e.g. "Kết quả hoạt động tháng 10 năm 2026"; a short rule goes under it. "" = none.
    subject: str = ""
