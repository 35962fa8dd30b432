"""Printing pictures of whole A4 pages, such as those of a PDF preview, one page a sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def _print_support() -> bool:
    """PySide6-Essentials ships QtPrintSupport, but a trimmed install may not: then there is no Print."""
    try:
        from PySide6 import QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


PRINTING = _print_support()


def ask_printer(parent: QWidget, pages: int, doc_name: str) -> QPrinter | None:
    """The printer (and page range) chosen in the print dialog for `pages` A4 pages; None when cancelled."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the pictures are whole pages, margins included
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    try:
        # exec(), not run_modal: on Windows the print dialog is native and shows only through exec().
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
    finally:
        dialog.deleteLater()
    return printer


def print_images(images: list[QImage], printer: object) -> bool:
    """Paint the pages (the printer's page range, if any) on `printer`; False if it cannot start."""
    first, last = printer.fromPage(), printer.toPage()  # type: ignore[attr-defined]
    if first > 0:
        images = images[first - 1 : last or len(images)]
    painter = QPainter()
    if not images or not painter.begin(printer):  # type: ignore[arg-type]
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for number, image in enumerate(images):
            if number:
                printer.newPage()  # type: ignore[attr-defined]
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            left = area.x() + (area.width() - size.width()) // 2
            top = area.y() + (area.height() - size.height()) // 2
            painter.drawImage(QRect(left, top, size.width(), size.height()), image)
    finally:
        painter.end()
    return True
