"""A `ReportDocument` as a PDF in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4 portrait, the
two-column header, the title, the sections, the signature block, page numbers and a QR code that
ties the printed page to the document's content digest.

The empty box above the signer's name is measured while the page is laid out and returned with the
bytes (`RenderedPdf.signature_box`), so the signing module can draw its visible stamp exactly there.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.reports import content, fonts
from desktop.reports.model import Cell, Column, Header, ReportDocument, Section, SignatureBlock
from desktop.reports.model import Table as TableModel

CREATOR = "Sổ tay CTV"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_HEADING = "Nơi nhận:"
CONFIDENTIAL_MARK = "MẬT"

PAGE_WIDTH, PAGE_HEIGHT = A4
# Decree 30/2020 margins: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

HEADER_LEFT_WIDTH = 68 * mm  # the agency names wrap here; the national title (88 mm at 12 pt) needs the rest
SIGNATURE_COLUMN_WIDTH = 85 * mm
SIGNATURE_BOX_WIDTH = 70 * mm
SIGNATURE_BOX_HEIGHT = 28 * mm
SIGNATURE_BOX_GAP = 1.5 * mm  # so a stamp's frame does not touch the capacity above or the name below
SIGNATURE_SPACE = 25 * mm  # room for a hand signature when no box is reserved
QR_SIDE = 24 * mm
CLOSING_SPACE = 4 * mm  # between the last line of text and the signature block
QR_GAP = 8 * mm  # at least this much between the signature block and the QR code
FOOTER_BASELINE = 11 * mm
CELL_FONT_SIZE = 11
CELL_PADDING = 3

PageBox = tuple[int, float, float, float, float]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    data: bytes
    # (page index from 0, x1, y1, x2, y2) in PDF points, origin at the bottom left of the page; None when
    # the document has no signature block or no box was reserved.
    signature_box: PageBox | None
    pages: int


def render_pdf(doc: ReportDocument, *, reserve_signature_box: bool = True) -> RenderedPdf:
    fonts.register()
    styles = _Styles.make()
    closing = _Closing(doc, styles, reserve_signature_box=reserve_signature_box)
    story: list[Flowable] = [*_header(doc.header, styles), *_title(doc, styles)]
    for section in doc.sections:
        story.extend(_section(section, styles))
    story = _end_with(story, closing)

    furniture = _Furniture(document_id=text(doc.document_id), confidential=doc.confidential)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        title=text(doc.title),
        author=text(doc.signature.name) if doc.signature else "",
        subject=text(doc.document_id),
        creator=CREATOR,
        lang="vi-VN",
        initialFontName=fonts.REGULAR,  # else every page names Helvetica, a font that is not embedded
    )
    template.build(story, canvasmaker=partial(_NumberedCanvas, furniture=furniture))
    return RenderedPdf(data=buffer.getvalue(), signature_box=closing.signature_box, pages=furniture.pages)


# --- text ---------------------------------------------------------------------------------------


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


# --- styles -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Styles:
    agency_parent: ParagraphStyle
    agency: ParagraphStyle
    number: ParagraphStyle
    nation: ParagraphStyle
    motto: ParagraphStyle
    place_date: ParagraphStyle
    title: ParagraphStyle
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
    def make(cls) -> _Styles:
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


def _header(header: Header, styles: _Styles) -> list[Flowable]:
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


def _title(doc: ReportDocument, styles: _Styles) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(markup(upper(doc.title)), styles.title)]
    if doc.subtitle:
        parts.append(Paragraph(markup(doc.subtitle), styles.subtitle))
    parts.append(Spacer(1, 8))
    return parts


def _section(section: Section, styles: _Styles) -> list[Flowable]:
    parts: list[Flowable] = []
    if section.heading:
        parts.append(Paragraph(markup(section.heading), styles.heading))
    if section.emphasis:
        parts.append(Paragraph(markup(section.emphasis), styles.emphasis))
    parts.extend(Paragraph(markup(p), styles.body) for p in section.paragraphs)
    if section.table is not None and section.table.columns:
        parts.append(data_table(section.table, styles))
        parts.append(Spacer(1, 8))
    return parts


# --- tables -------------------------------------------------------------------------------------


def column_widths(model: TableModel, total: float = TEXT_WIDTH) -> list[float]:
    """The `Column.width` ratios over the text width, except that a column too narrow for its longest
    unbreakable word (a date, a number, "STT") takes that width from the others, when they can spare it."""
    weights = [c.width if c.width > 0 else 1.0 for c in model.columns]
    needs = [min(need, total / 2) for need in _min_widths(model)]
    if sum(needs) > total:
        return _share(weights, total)  # cannot keep every word whole; ReportLab then breaks the long ones
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        room = total - sum(fixed.values())
        if not free:
            return [n + extra for n, extra in zip(needs, _share(weights, room), strict=True)]
        shared = dict(zip(free, _share([weights[i] for i in free], room), strict=True))
        short = {i: needs[i] for i, width in shared.items() if width < needs[i]}
        if not short:
            return [fixed.get(i, shared.get(i, 0.0)) for i in range(len(weights))]
        fixed.update(short)


def _share(weights: Sequence[float], total: float) -> list[float]:
    whole = sum(weights)
    return [total * w / whole for w in weights]


def _min_widths(model: TableModel) -> list[float]:
    """Per column, the widest word of its header and cells, plus the cell padding."""
    rows = [_fit(row, len(model.columns)) for row in model.rows]
    totals = content.total_row(model) if model.total_label else None
    widths = []
    for index, column in enumerate(model.columns):
        widest = _widest_word(column.title, fonts.BOLD)
        for row in rows:
            widest = max(widest, _widest_word(format_cell(row[index]), fonts.REGULAR))
        if totals is not None and column.numeric:
            widest = max(widest, _widest_word(format_cell(totals[index]), fonts.BOLD))
        widths.append(widest + 2 * CELL_PADDING + 1)
    return widths


def _widest_word(value: str, font: str) -> float:
    return max((stringWidth(word, font, CELL_FONT_SIZE) for word in text(value).split()), default=0.0)


def _fit(row: Sequence[Cell], width: int) -> list[Cell]:
    """A row as wide as the header: short rows are padded with empty cells, extra cells dropped."""
    return [*row[:width], *([None] * (width - len(row)))]


def data_table(model: TableModel, styles: _Styles) -> Table:
    columns = model.columns
    width = len(columns)
    head = [Paragraph(markup(c.title), styles.cell_head) for c in columns]
    body = [_row(_fit(row, width), columns, styles.cell, styles.cell_number) for row in model.rows]
    data: list[list[Any]] = [head, *body]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # the cell default is Helvetica, never embedded
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if model.total_label:
        data.append(_row(list(content.total_row(model)), columns, styles.cell_total, styles.cell_total_number))
        commands.extend(_total_span(columns, len(data) - 1))
    table = Table(data, colWidths=column_widths(model), repeatRows=1, splitByRow=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def _row(cells: Sequence[Cell], columns: Sequence[Column], plain: ParagraphStyle, number: ParagraphStyle) -> list[Any]:
    # Paragraph cells wrap long names onto more lines instead of running into the next column.
    return [
        Paragraph(markup(format_cell(cell)), number if column.numeric else plain)
        for cell, column in zip(cells, columns, strict=True)
    ]


def _total_span(columns: Sequence[Column], row: int) -> list[tuple[Any, ...]]:
    """The total label spreads over the text columns that follow it, up to the first number column."""
    start = next((i for i, c in enumerate(columns) if not c.numeric), None)
    if start is None:
        return []
    end = start
    while end + 1 < len(columns) and not columns[end + 1].numeric:
        end += 1
    return [("SPAN", (start, row), (end, row))] if end > start else []


# --- signature, recipients, QR ------------------------------------------------------------------


def _end_with(story: list[Flowable], closing: Flowable) -> list[Flowable]:
    """The signature never stands alone on a page: the last paragraph, and its heading, go along with it.
    A table is not pulled along, since a long one would then start on a new page."""
    tail: list[Flowable] = []
    while story and isinstance(story[-1], Paragraph) and len(tail) < 2:
        if tail and story[-1].style.name != "heading":
            break
        tail.insert(0, story.pop())
    return [*story, KeepTogether([*tail, closing])] if tail else [*story, closing]


class _Closing(Flowable):  # type: ignore[misc]
    """The end of the document: recipients on the left, the signature on the right, and under them the
    QR code, drawn at the bottom left of the frame so it never meets the text above it.

    One flowable that never splits, so the signature, its box and the QR code share the last page.
    """

    def __init__(self, doc: ReportDocument, styles: _Styles, *, reserve_signature_box: bool) -> None:
        super().__init__()
        self.signature_box: PageBox | None = None
        self._left = _recipients(doc.recipients, styles)
        self._capacity, self._signer = _signature(doc.signature, styles)
        self._reserve = reserve_signature_box and doc.signature is not None
        self._space = SIGNATURE_BOX_HEIGHT + 2 * SIGNATURE_BOX_GAP if self._reserve else SIGNATURE_SPACE
        self._caption = Paragraph(markup(_caption(doc)), styles.caption)
        self._payload = content.qr_payload(doc)
        self._height = 0.0
        self._bottom = 0.0  # the frame's bottom edge, relative to this flowable
        self._box: tuple[float, float, float, float] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        left = _stack_height(self._left, self._left_width(avail_width))
        right = _stack_height(self._right_parts(), SIGNATURE_COLUMN_WIDTH) + (self._space if self._signer else 0)
        self.width = avail_width
        self._height = CLOSING_SPACE + max(left, right) + QR_GAP + QR_SIDE
        return avail_width, self._height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803 (Frame passes _sW=)
        # The frame hands over page coordinates here: what the signing module needs, and what puts the QR
        # code on the frame's bottom edge however much room the block leaves under itself.
        self._bottom = MARGIN_BOTTOM - y
        super().drawOn(canvas, x, y, _sW)
        if self._box is not None:
            x1, y1, x2, y2 = self._box
            self.signature_box = (canvas.getPageNumber() - 1, x + x1, y + y1, x + x2, y + y2)

    def draw(self) -> None:
        top = self._height - CLOSING_SPACE
        _draw_stack(self.canv, self._left, 0, top, self._left_width(self.width))
        self._draw_signature(top)
        self._draw_qr(min(self._bottom, 0.0))

    @staticmethod
    def _left_width(avail_width: float) -> float:
        return avail_width - SIGNATURE_COLUMN_WIDTH - 5 * mm

    def _right_parts(self) -> list[Paragraph]:
        return [p for p in (self._capacity, self._signer) if p is not None]

    def _draw_signature(self, top: float) -> None:
        if self._capacity is None or self._signer is None:
            return
        column_x = self.width - SIGNATURE_COLUMN_WIDTH
        below_capacity = _draw_stack(self.canv, [self._capacity], column_x, top, SIGNATURE_COLUMN_WIDTH)
        box_bottom = below_capacity - self._space
        _draw_stack(self.canv, [self._signer], column_x, box_bottom, SIGNATURE_COLUMN_WIDTH)
        if self._reserve:
            box_x = column_x + (SIGNATURE_COLUMN_WIDTH - SIGNATURE_BOX_WIDTH) / 2
            self._box = (
                box_x,
                box_bottom + SIGNATURE_BOX_GAP,
                box_x + SIGNATURE_BOX_WIDTH,
                below_capacity - SIGNATURE_BOX_GAP,
            )

    def _draw_qr(self, bottom: float) -> None:
        widget = QrCodeWidget(self._payload, barWidth=QR_SIDE, barHeight=QR_SIDE, barLevel="M", barBorder=0)
        drawing = Drawing(QR_SIDE, QR_SIDE, initialFontName=fonts.REGULAR)  # not Helvetica, never embedded
        drawing.add(widget)
        renderPDF.draw(drawing, self.canv, 0, bottom)
        caption_width = self.width - QR_SIDE - 4 * mm
        _, caption_height = self._caption.wrap(caption_width, QR_SIDE)
        self._caption.drawOn(self.canv, QR_SIDE + 4 * mm, bottom + (QR_SIDE - caption_height) / 2)


def _recipients(lines: Sequence[str], styles: _Styles) -> list[Paragraph]:
    if not lines:
        return []
    heading = Paragraph(markup(RECIPIENTS_HEADING), styles.recipients_heading)
    return [heading, *(Paragraph(markup(line), styles.recipient) for line in lines)]


def _signature(signature: SignatureBlock | None, styles: _Styles) -> tuple[Paragraph | None, Paragraph | None]:
    if signature is None:
        return None, None
    capacity = Paragraph(markup(upper(signature.capacity)), styles.capacity)
    return capacity, Paragraph(markup(signature.name), styles.signer)


def _caption(doc: ReportDocument) -> str:
    sha = content.content_sha256(doc)
    return f"Mã kiểm tra: {doc.document_id} · SHA-256 {sha[:16]}…"


def _stack_height(parts: Sequence[Paragraph], width: float) -> float:
    return sum(p.wrap(width, PAGE_HEIGHT)[1] for p in parts)


def _draw_stack(canvas: Canvas, parts: Sequence[Paragraph], x: float, top: float, width: float) -> float:
    """Draws paragraphs one under the other from `top` down; returns where the last one ends."""
    for part in parts:
        _, height = part.wrap(width, PAGE_HEIGHT)
        top -= height
        part.drawOn(canvas, x, top)
    return top


# --- page furniture -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Furniture:
    document_id: str
    confidential: bool
    pages: int = 0


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end, so each footer can say "Trang x/y" with the real page count."""

    def __init__(self, *args: Any, furniture: _Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        self._furniture.pages = total
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            _draw_furniture(self, self._furniture, number, total)
            super().showPage()
        super().save()


def _draw_furniture(canvas: Canvas, furniture: _Furniture, page: int, total: int) -> None:
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 10)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, FOOTER_BASELINE, f"Trang {page}/{total}")
    canvas.setFont(fonts.REGULAR, 7.5)
    canvas.drawString(MARGIN_LEFT, FOOTER_BASELINE, furniture.document_id)
    if furniture.confidential:
        _draw_confidential(canvas)
    canvas.restoreState()


def _draw_confidential(canvas: Canvas) -> None:
    size = 13
    padding = 2 * mm
    width = stringWidth(CONFIDENTIAL_MARK, fonts.BOLD, size) + 2 * padding
    height = size + 2 * padding
    right = PAGE_WIDTH - MARGIN_RIGHT
    top = PAGE_HEIGHT - 7 * mm  # inside the top margin, above the national title on page 1
    canvas.setLineWidth(1)
    canvas.rect(right - width, top - height, width, height, stroke=1, fill=0)
    canvas.setFont(fonts.BOLD, size)
    canvas.drawCentredString(right - width / 2, top - height + padding + 0.22 * size, CONFIDENTIAL_MARK)
