"""The pages of a PDF as pictures, one under the other, fitted to the width, with "Page x of y".

PDFium (pypdfium2) draws each page into a QImage on a background thread: a report of a few pages
takes a noticeable moment on an old laptop, and the window must not freeze meanwhile. PDFium is not
thread-safe, so every use of it goes through one lock. The pictures are kept at print resolution,
so the same images can be sent to a printer (see `images()`).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from desktop.ui.background import ask_in_thread

log = logging.getLogger(__name__)
RENDER_DPI = 150  # sharp on screen when zoomed to the width, and good enough on paper
PAGE_GAP = 14  # pixels between two pages, and around them
SHADOW = 3
BACKGROUND = "#e4e9ef"
MIN_PAGE_WIDTH = 240
_PDFIUM = threading.Lock()


def render_pages(data: bytes, dpi: int = RENDER_DPI) -> list[QImage]:
    """Every page of the PDF `data` as an RGB image at `dpi`. Safe to call from any thread."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    images: list[QImage] = []
    with _PDFIUM:
        document = pdfium.PdfDocument(data)
        try:
            for index in range(len(document)):
                page = document[index]
                try:
                    bitmap = page.render(
                        scale=dpi / 72,
                        force_bitmap_format=pdfium_c.FPDFBitmap_BGR,
                        rev_byteorder=True,  # RGB, as QImage's Format_RGB888 reads it
                        fill_color=(255, 255, 255, 255),
                    )
                    try:
                        image = QImage(
                            bytes(bitmap.buffer),
                            bitmap.width,
                            bitmap.height,
                            bitmap.stride,
                            QImage.Format.Format_RGB888,
                        )
                        images.append(image.copy())  # the copy owns its pixels; the buffer goes with the bitmap
                    finally:
                        bitmap.close()
                finally:
                    page.close()
        finally:
            document.close()
    return images


class _Pages(QWidget):
    """The page images stacked vertically, each scaled to the available width (at most its own)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self._scaled: dict[int, QPixmap] = {}
        self._scaled_width = 0
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_images(self, images: list[QImage]) -> None:
        self._images = images
        self._scaled.clear()
        self._scaled_width = 0
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def page_width(self) -> int:
        widest = max((image.width() for image in self._images), default=0)
        return max(MIN_PAGE_WIDTH, min(self.width() - 2 * PAGE_GAP, widest))

    def page_rects(self) -> list[QRect]:
        width = self.page_width()
        rects, top = [], PAGE_GAP
        for image in self._images:
            height = round(image.height() * width / max(1, image.width()))
            left = max(PAGE_GAP, (self.width() - width) // 2)
            rects.append(QRect(left, top, width, height))
            top += height + PAGE_GAP
        return rects

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._images:
            return 0
        page = max(MIN_PAGE_WIDTH, min(width - 2 * PAGE_GAP, max(i.width() for i in self._images)))
        return PAGE_GAP + sum(round(i.height() * page / max(1, i.width())) + PAGE_GAP for i in self._images)

    def sizeHint(self) -> QSize:
        return QSize(MIN_PAGE_WIDTH + 2 * PAGE_GAP, self.heightForWidth(self.width()))

    def fit_height(self) -> None:
        height = self.heightForWidth(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def paintEvent(self, event: QPaintEvent) -> None:
        width = self.page_width()
        if width != self._scaled_width:
            self._scaled.clear()
            self._scaled_width = width
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(BACKGROUND))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        exposed = event.rect()
        for index, rect in enumerate(self.page_rects()):
            if not rect.adjusted(0, 0, SHADOW, SHADOW).intersects(exposed):
                continue
            painter.fillRect(rect.translated(SHADOW, SHADOW), QColor("#c3ccd6"))
            painter.drawPixmap(rect.topLeft(), self._pixmap(index, rect.size()))
            painter.setPen(QColor("#9aa5b1"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()

    def _pixmap(self, index: int, size: QSize) -> QPixmap:
        pixmap = self._scaled.get(index)
        if pixmap is None or pixmap.size() != size:
            scaled = self._images[index].scaled(
                size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            pixmap = QPixmap.fromImage(scaled)
            self._scaled[index] = pixmap
        return pixmap


class PdfPreview(QWidget):
    """Shows a PDF's pages; `set_pdf(data)` draws them in the background, then emits `rendered`."""

    rendered = Signal(int)  # the number of pages now shown
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, dpi: int = RENDER_DPI) -> None:
        super().__init__(parent)
        self.dpi = dpi
        self._generation = 0
        self._images: list[QImage] = []
        self.pages = _Pages()
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("pdfPreview")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.viewport().setStyleSheet(f"background: {BACKGROUND};")
        self.message = QLabel()
        self.message.setObjectName("subtitle")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label = QLabel()
        self.page_label.setObjectName("countLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bar)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _value: self._update_page_label())
        self.scroll_area.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self._update_page_label())
        self._relabel = QTimer(self, singleShot=True, interval=0, timeout=self._update_page_label)
        self.clear()

    # What is shown ############################################################################

    def page_count(self) -> int:
        return len(self._images)

    def images(self) -> list[QImage]:
        """The pages at `dpi`, e.g. for printing; empty while nothing is shown."""
        return list(self._images)

    def current_page(self) -> int:
        """The page at the top third of the view, from 1; 0 when there is none."""
        if not self._images:
            return 0
        line = self.scroll_area.verticalScrollBar().value() + self.scroll_area.viewport().height() // 3
        for number, rect in enumerate(self.pages.page_rects(), start=1):
            if line < rect.bottom() + PAGE_GAP:
                return number
        return len(self._images)

    def clear(self, message: str = "") -> None:
        self._generation += 1
        self._show_images([])
        self.show_message(message)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setObjectName("formError" if error else "subtitle")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    # Drawing ##################################################################################

    def set_pdf(self, data: bytes) -> None:
        """Draw `data`'s pages in the background; the pages shown so far stay until the new ones are ready."""
        self._generation += 1
        generation, dpi = self._generation, self.dpi

        def work() -> tuple[bool, Any]:
            try:
                return True, render_pages(data, dpi)
            except Exception as error:  # a PDF PDFium cannot draw is shown as such
                log.exception("The preview could not be drawn")
                return False, error

        def done(outcome: tuple[bool, Any]) -> None:
            if generation != self._generation:
                return  # a newer PDF was asked for meanwhile
            ok, value = outcome
            if not ok:
                self._show_images([])
                text = self.tr("The preview could not be drawn: {error}").format(error=value)
                self.show_message(text, error=True)
                self.failed.emit(text)
                return
            self.show_message("")
            self._show_images(value)
            self.rendered.emit(len(value))

        ask_in_thread(work, done, owner=self)

    def _show_images(self, images: list[QImage]) -> None:
        self._images = images
        self.pages.set_images(images)
        self.pages.fit_height()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.page_label.setVisible(bool(images))
        self._update_page_label()
        self._relabel.start()  # again once the scroll area has laid the new pages out

    def _update_page_label(self) -> None:
        self.page_label.setText(
            self.tr("Page {page} of {pages}").format(page=self.current_page(), pages=len(self._images))
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relabel.start()
