"""Text as a report's PDF prints it: cleaned, formatted the Vietnamese way, in the styles of Decree 30/2020."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.reports import content, fonts
from desktop.reports.model import Cell

CELL_FONT_SIZE = 11

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def text(value: str) -> str:
    """NFC, without control characters: decomposed accents would be drawn as loose marks, since ReportLab
    does not position combining characters."""
    return content.nfc(_CONTROL.sub("", value.replace("\r\n", "\n").replace("\t", " ")))


def markup(value: str) -> str:
    """Text for a Paragraph, whose input is XML-like markup."""
    return escape(text(value)).replace("\n", "<br/>")


def upper(value: str) -> str:
    return content.nfc(text(value).upper())


def place_and_date(place: str, day: date) -> str:
    """The place-and-date line, "Hà Tĩnh, ngày 05 tháng 11 năm 2026".

    Decree 30/2020 writes days below 10 and months below 3 with a leading zero (ngày 05, tháng 01,
    tháng 02), and the other months without (tháng 3).
    """
    day_text = f"{day.day:02d}" if day.day < 10 else str(day.day)
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{text(place)}, ngày {day_text} tháng {month_text} năm {day.year}"


def format_number(value: int | float) -> str:
    """Vietnamese style: "." between thousands, "," before decimals (at most two), 1234.5 -> "1.234,5"."""
    if isinstance(value, float) and not value.is_integer():
        formatted = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        formatted = f"{int(value):,}"
    return formatted.translate(str.maketrans(",.", ".,"))


def format_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if isinstance(value, int | float):
        return format_number(value)
    return text(str(value))


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles of a report, by the part of the page they set."""

    agency_parent: ParagraphStyle
    agency: ParagraphStyle
    number: ParagraphStyle
    nation: ParagraphStyle
    motto: ParagraphStyle
    place_date: ParagraphStyle
    title: ParagraphStyle
    subject: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    emphasis: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_number: ParagraphStyle
    cell_head: ParagraphStyle
    cell_total: ParagraphStyle
    cell_total_number: ParagraphStyle
    capacity: ParagraphStyle
    signer: ParagraphStyle
    recipients_heading: ParagraphStyle
    recipient: ParagraphStyle
    caption: ParagraphStyle

    @classmethod
    def make(cls) -> Styles:
        def style(name: str, size: float, *, bold: bool = False, italic: bool = False, **kw: Any) -> ParagraphStyle:
            font = {
                (False, False): fonts.REGULAR,
                (True, False): fonts.BOLD,
                (False, True): fonts.ITALIC,
                (True, True): fonts.BOLD_ITALIC,
            }[(bold, italic)]
            kw.setdefault("leading", round(size * 1.2, 1))
            return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

        centred = {"alignment": TA_CENTER}
        return cls(
            agency_parent=style("agency_parent", 12, **centred),
            agency=style("agency", 12, bold=True, **centred),
            number=style("number", 13, **centred),
            nation=style("nation", 12, bold=True, **centred),
            motto=style("motto", 13, bold=True, **centred),
            place_date=style("place_date", 13, italic=True, **centred),
            title=style("title", 14, bold=True, spaceBefore=18, **centred),
            subject=style("subject", 14, bold=True, spaceBefore=1, **centred),
            subtitle=style("subtitle", 13, italic=True, spaceBefore=2, **centred),
            heading=style("heading", 13, bold=True, leading=17, spaceBefore=10, spaceAfter=4, keepWithNext=1),
            emphasis=style("emphasis", 20, bold=True, leading=26, spaceBefore=10, spaceAfter=12, **centred),
            body=style("body", 13, leading=17, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6),
            cell=style("cell", CELL_FONT_SIZE, leading=13, alignment=TA_LEFT),
            cell_number=style("cell_number", CELL_FONT_SIZE, leading=13, alignment=TA_RIGHT),
            cell_head=style("cell_head", CELL_FONT_SIZE, bold=True, leading=13, **centred),
            cell_total=style("cell_total", CELL_FONT_SIZE, bold=True, leading=13, alignment=TA_LEFT),
            cell_total_number=style("cell_total_number", CELL_FONT_SIZE, bold=True, leading=13, alignment=TA_RIGHT),
            capacity=style("capacity", 13, bold=True, **centred),
            signer=style("signer", 14, bold=True, **centred),
            recipients_heading=style("recipients_heading", 12, bold=True, italic=True),
            recipient=style("recipient", 11, leading=13),
            caption=style("caption", 8, leading=10),
        )
