"""The page of every report: A4 with the margins of Decree 30/2020, and what each page carries: the
document id and "Trang x/y" in the footer, and on a document of sensitive personal data (a case record) a
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
    canvas.setFont(fonts.ITALIC, 8)
    canvas.drawString(MARGIN_LEFT, FOOTER_BASELINE + 11, SENSITIVE_NOTICE)
