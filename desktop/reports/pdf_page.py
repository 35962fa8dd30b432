"""The page of every report: A4 with the margins of Decree 30/2020, and what each page carries: from page 2
its number, top centre in Arabic numerals (Decree 30/2020, Appendix I: none on page 1), the document id in
the footer, and on a document of sensitive personal data (a case record) a
one-line notice above the footer: personal data under Law 91/2025/QH15, not a state-secret mark ("MẬT"
is a secrecy level of the Law on Protection of State Secrets, and Decree 30/2020 puts no mark there)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.reports import fonts

SENSITIVE_NOTICE = "Dữ liệu cá nhân nhạy cảm (Luật Bảo vệ dữ liệu cá nhân 2025): chỉ người có trách nhiệm được xử lý."

PAGE_WIDTH, PAGE_HEIGHT = A4
# Decree 30/2020 margins: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FOOTER_BASELINE = 11 * mm
PAGE_NUMBER_SIZE = 13  # Decree 30: 13-14 pt, upright
PAGE_NUMBER_BASELINE = PAGE_HEIGHT - 12 * mm  # in the top margin, clear of the text that starts at 20 mm


@dataclass(slots=True)
class Furniture:
    """What every page carries, and the page count, known once the last page is laid out."""

    document_id: str
    confidential: bool
    pages: int = 0


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws each page's number and footer as the page ends, and counts the pages."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._page = 0

    def showPage(self) -> None:
        self._page += 1
        _draw_furniture(self, self._furniture, self._page)
        super().showPage()

    def save(self) -> None:
        self._furniture.pages = self._page
        super().save()


def _draw_furniture(canvas: Canvas, furniture: Furniture, page: int) -> None:
    canvas.saveState()
    if page > 1:
        canvas.setFont(fonts.REGULAR, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_NUMBER_BASELINE, str(page))
    canvas.setFont(fonts.REGULAR, 7.5)
    canvas.drawString(MARGIN_LEFT, FOOTER_BASELINE, furniture.document_id)
    if furniture.confidential:
        _draw_confidential(canvas)
    canvas.restoreState()


def _draw_confidential(canvas: Canvas) -> None:
    canvas.setFont(fonts.ITALIC, 8)
    canvas.drawString(MARGIN_LEFT, FOOTER_BASELINE + 11, SENSITIVE_NOTICE)
