"""A `ReportDocument` as a PDF in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4 portrait, the
two-column header, the title, the sections, the signature block, page numbers and a QR code that
ties the printed page to the document's content digest.

The empty box above the signer's name is measured while the page is laid out and returned with the
bytes (`RenderedPdf.signature_box`), so the signing module can draw its visible stamp exactly there.

This module assembles the story; its parts are in pdf_text (text and styles), pdf_tables, pdf_closing
(recipients, signature, QR code) and pdf_page (margins, footer, the personal-data notice).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.reports import content, fonts
from desktop.reports.model import Header, ReportDocument, Section
from desktop.reports.pdf_closing import Closing, KeepWithNext, PageBox, end_with
from desktop.reports.pdf_page import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    TEXT_WIDTH,
    Furniture,
    NumberedCanvas,
)
from desktop.reports.pdf_tables import data_table
from desktop.reports.pdf_text import Styles, markup, place_and_date, text, upper

CREATOR = "Sổ tay CTV"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

SUBJECT_RULE_SHARE = 0.4  # Decree 30: the rule under the subject is 1/3 to 1/2 of its line
HEADER_LEFT_WIDTH = 68 * mm  # the agency names wrap here; the national title (88 mm at 12 pt) needs the rest


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    data: bytes
    # (page index from 0, x1, y1, x2, y2) in PDF points, origin at the bottom left of the page; None when
    # the document has no signature block or no box was reserved.
    signature_box: PageBox | None
    pages: int


def render_pdf(doc: ReportDocument, *, reserve_signature_box: bool = True) -> RenderedPdf:
    font = fonts.register()
    styles = Styles.make()
    closing = Closing(doc, styles, reserve_signature_box=reserve_signature_box)
    story: list[Flowable] = [*_header(doc.header, styles), *_title(doc, styles)]
    for section in doc.sections:
        story.extend(_section(section, styles))
    story = end_with(story, closing)

    furniture = Furniture(document_id=text(doc.document_id), confidential=doc.confidential)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        title=text(content.full_title(doc)),
        author=text(doc.signature.name) if doc.signature else "",
        subject=text(doc.document_id),
        creator=CREATOR,
        keywords=font.note,
        lang="vi-VN",
        initialFontName=fonts.REGULAR,  # else every page names Helvetica, a font that is not embedded
    )
    template.keepTogetherClass = KeepWithNext
    template.build(story, canvasmaker=partial(NumberedCanvas, furniture=furniture))
    return RenderedPdf(data=buffer.getvalue(), signature_box=closing.signature_box, pages=furniture.pages)


# --- header, title, sections --------------------------------------------------------------------


class _CentredRule(Flowable):  # type: ignore[misc]
    """A short horizontal line centred in the width it is given (under the agency and the motto)."""

    def __init__(self, length: float, *, gap: float = 2.5) -> None:
        super().__init__()
        self.length = length
        self.gap = gap
        self.avail_width = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail_width = avail_width
        return avail_width, self.gap * 2

    def draw(self) -> None:
        start = (self.avail_width - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(start, self.gap, start + self.length, self.gap)


def _header(header: Header, styles: Styles) -> list[Flowable]:
    left = [
        Paragraph(markup(upper(header.agency_parent)), styles.agency_parent),
        Paragraph(markup(upper(header.agency)), styles.agency),
        _CentredRule(25 * mm),
    ]
    right = [
        Paragraph(markup(NATION), styles.nation),
        Paragraph(markup(MOTTO), styles.motto),
        _CentredRule(stringWidth(MOTTO, fonts.BOLD, styles.motto.fontSize)),
    ]
    date_line = place_and_date(header.place, header.issued_on)
    rows = [
        [left, right],
        [Paragraph(markup(header.number), styles.number), Paragraph(markup(date_line), styles.place_date)],
    ]
    table = Table(rows, colWidths=[HEADER_LEFT_WIDTH, TEXT_WIDTH - HEADER_LEFT_WIDTH], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # the cell default is Helvetica, never embedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 4),
            ]
        )
    )
    return [table]


def _title(doc: ReportDocument, styles: Styles) -> list[Flowable]:
    """Decree 30's "tên loại và trích yếu": the type in bold capitals, the subject under it in bold, then a
    short rule of 1/3 to 1/2 of the subject line, centred."""
    parts: list[Flowable] = [Paragraph(markup(upper(doc.title)), styles.title)]
    if doc.subject:
        parts.append(Paragraph(markup(doc.subject), styles.subject))
        line = min(stringWidth(text(doc.subject), fonts.BOLD, styles.subject.fontSize), TEXT_WIDTH)
        parts.append(_CentredRule(line * SUBJECT_RULE_SHARE, gap=3))
    if doc.subtitle:
        parts.append(Paragraph(markup(doc.subtitle), styles.subtitle))
    parts.append(Spacer(1, 8))
    return parts


def _section(section: Section, styles: Styles) -> list[Flowable]:
    parts: list[Flowable] = [PageBreak()] if section.page_break_before else []
    if section.heading:
        parts.append(Paragraph(markup(section.heading), styles.heading))
    if section.emphasis:
        parts.append(Paragraph(markup(section.emphasis), styles.emphasis))
    parts.extend(Paragraph(markup(p), styles.body) for p in section.paragraphs)
    if section.table is not None and section.table.columns:
        parts.append(data_table(section.table, styles))
        parts.append(Spacer(1, 8))
    return parts
