"""The page of every report: A4 with the margins of Decree 30/2020, and what each page carries: the
document id and "Trang x/y" in the footer, and the "MẬT" mark on a confidential document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.reports import fonts

CONFIDENTIAL_MARK = "MẬT"

PAGE_WIDTH, PAGE_HEIGHT = A4
# Decree 30/2020 margins: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FOOTER_BASELINE = 11 * mm


@dataclass(slots=True)
class Furniture:
    """What every page carries, and the page count, known once the last page is laid out."""

    document_id: str
    confidential: bool
    pages: int = 0


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end, so each footer can say "Trang x/y" with the real page count."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
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


def _draw_furniture(canvas: Canvas, furniture: Furniture, page: int, total: int) -> None:
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
