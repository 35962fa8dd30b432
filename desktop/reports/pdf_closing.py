"""The end of a report: the recipients, the signature with the box kept for a stamp, and the QR code
that ties the printed page to the document's content digest."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, FrameBreak, KeepTogether, Paragraph, Spacer, Table

from desktop.reports import content, fonts
from desktop.reports.model import ReportDocument, SignatureBlock
from desktop.reports.pdf_page import MARGIN_BOTTOM, PAGE_HEIGHT
from desktop.reports.pdf_text import Styles, markup, upper

RECIPIENTS_HEADING = "Nơi nhận:"
SIGNATURE_COLUMN_WIDTH = 85 * mm
SIGNATURE_BOX_WIDTH = 70 * mm
SIGNATURE_BOX_HEIGHT = 28 * mm
SIGNATURE_BOX_GAP = 1.5 * mm  # so a stamp's frame does not touch the capacity above or the name below
SIGNATURE_SPACE = 25 * mm  # room for a hand signature when no box is reserved
QR_SIDE = 24 * mm
CLOSING_SPACE = 4 * mm  # between the last line of text and the signature block
QR_GAP = 8 * mm  # at least this much between the signature block and the QR code

PageBox = tuple[int, float, float, float, float]


def end_with(story: list[Flowable], closing: Flowable) -> list[Flowable]:
    """The signature never stands alone on a page: the last paragraph, and its heading, go along with it;
    after a table, at least the table's last row does (`TableThenClosing`). The QR code is part of the
    closing, so it is always on the signature's page."""
    story = list(story)
    while story and isinstance(story[-1], Spacer):
        story.pop()  # the closing keeps its own space above it
    if story and isinstance(story[-1], Table):
        return [*story[:-1], TableThenClosing(story[-1], closing)]
    tail: list[Flowable] = []
    while story and isinstance(story[-1], Paragraph) and len(tail) < 2:
        if tail and story[-1].style.name != "heading":
            break
        tail.insert(0, story.pop())
    return [*story, KeepTogether([*tail, closing])] if tail else [*story, closing]


class TableThenClosing(Flowable):  # type: ignore[misc]
    """A document's last table and its closing. Where both do not fit on the page, the table is split so
    that at least its last row (with the repeated column titles) goes on to the closing's page: the
    signature then never stands on a page with nothing but the QR code, and never starts a page."""

    def __init__(self, table: Table, closing: Flowable) -> None:
        super().__init__()
        self._table = table
        self._closing = closing
        self._table_size = (0.0, 0.0)
        self.closing_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._table_size = self._table.wrap(avail_width, avail_height)
        self.closing_height = self._closing.wrap(avail_width, avail_height)[1]
        self.width = avail_width
        self.height = self._table_size[1] + self.closing_height
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        # Split above the last two rows at least (a data row with the total row), and nowhere the page
        # cannot hold.
        heights = self._table._rowHeights
        reserve = sum(heights[-2:]) if len(heights) > 3 else heights[-1]
        parts = self._table.split(avail_width, min(avail_height, self._table_size[1] - reserve))
        if len(parts) < 2:
            return []  # not even one row fits here: all of it goes to the next page
        first, rest = parts[0], parts[1]
        # The rest opens the next page even where this one has room left: here it would be split again.
        return [first, FrameBreak(), TableThenClosing(rest, self._closing)]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803 (Frame passes _sW=)
        # Each part is drawn with page coordinates: the closing measures the signature box and the page's
        # bottom from them.
        self._table.drawOn(canvas, x, y + self.closing_height, _sW=self.width - self._table_size[0])
        self._closing.drawOn(canvas, x, y)


class KeepWithNext(KeepTogether):  # type: ignore[misc]
    """What a heading is kept with (the template's keepTogetherClass): the table after it, not the closing that
    may follow that table. Else a heading over a last table would carry the whole closing's height and jump
    to the next page, leaving this one half empty."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        last = self._content[-1]
        if isinstance(last, TableThenClosing):
            self._H -= last.closing_height
        return size


class Closing(Flowable):  # type: ignore[misc]
    """The end of the document: recipients on the left, the signature on the right, and under them the
    QR code, drawn at the bottom left of the frame so it never meets the text above it.

    One flowable that never splits, so the signature, its box and the QR code share the last page.
    """

    def __init__(self, doc: ReportDocument, styles: Styles, *, reserve_signature_box: bool) -> None:
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


def _recipients(lines: Sequence[str], styles: Styles) -> list[Paragraph]:
    if not lines:
        return []
    heading = Paragraph(markup(RECIPIENTS_HEADING), styles.recipients_heading)
    return [heading, *(Paragraph(markup(line), styles.recipient) for line in lines)]


def _signature(signature: SignatureBlock | None, styles: Styles) -> tuple[Paragraph | None, Paragraph | None]:
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
