"""What every report of a profile shares: the header (issuing body, number, place and date), the closing
line, "label: value" lines.

Reports are official documents for the commune and the upper level, so they are written in
Vietnamese whatever language the app shows; the code names come from the reference tables' `name_vi`.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from datetime import date

from desktop.reports.model import Header, NumberKey, Section, Table
from desktop.services import reference
from desktop.services.documents import numbering
from desktop.services.profile import issuing_body
from desktop.services.profile.handle import Profile

RECIPIENTS = ("- Trạm Y tế xã;", "- Ủy ban nhân dân xã;", "- Lưu.")
TOTAL = "Tổng cộng"
UNIT_PREFIXES = ("Xã ", "Phường ", "Thị trấn ")
NONE = "Không có."
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def new_document_id(prefix: str, period: str) -> str:
    """Unique per export, readable on paper: the kind, the period and a random part."""
    return f"{prefix}-{period}-{uuid.uuid4().hex[:10].upper()}"


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


def lower_first(text: str) -> str:
    """A code table's name inside a sentence: "Bạo lực gia đình" -> "bạo lực gia đình"."""
    return text[:1].lower() + text[1:]


def one_line(text: str) -> str:
    return " ".join(text.split())


# Parts of the header ######################################################################


def document_header(profile: Profile, *, kind: str, subject: str, issued_on: date) -> Header:
    """The top of a report of this profile: the issuing body set in Cài đặt, the document's number and the
    place-and-date line.

    The number is the one the document has or would get (`numbering.peek`): the export takes it for good
    (`numbering.assign`). `kind` picks the number's series (numbering.TYPE_CODES), `subject` says which
    document of that kind it is ("2026-10", a household's id); numbers start again each year of issue."""
    body = issuing_body.issuing_body(profile)
    key = NumberKey(kind, issued_on.year, subject)
    return Header(
        agency_parent=body.parent,
        agency=body.unit,
        number=numbering.header_number(profile, key),
        place=place_name(reference.commune_name(profile) or profile.commune_code),
        issued_on=issued_on,
        numbering=key,
    )


def place_name(commune: str) -> str:
    """The commune's name without "Xã" / "Phường", as the place-and-date line of a document writes it."""
    for prefix in UNIT_PREFIXES:
        if commune.startswith(prefix):
            return commune[len(prefix) :]
    return commune
