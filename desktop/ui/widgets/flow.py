"""A row of buttons that wraps onto a second line when the window is narrow (1024 px wide, see fitting.py).

A QHBoxLayout of seven actions would set the page's minimum width; this layout's minimum is its widest
button, and it tells Qt how tall it gets at a given width, so the rows below move down instead of the
buttons being cut off. Items listed after a stretch (`add_stretch`) are kept at the right-hand end of the
last line, as in a QHBoxLayout (a dangerous action apart from the everyday ones).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowRow(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_from: int | None = None  # index of the first item kept at the right
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # The item list Qt manages ##################################################################

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def add_stretch(self) -> None:
        """The items added after this go to the right-hand end."""
        self._right_from = len(self._items)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        if self._right_from is not None and index < self._right_from:
            self._right_from -= 1
        return self._items.pop(index)

    # Geometry ##################################################################################

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        """Items in order, a new line whenever the next would not fit."""
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if lines[-1] and used + self._gap + need > width:
                lines.append([])
                used = 0
            used += need if not lines[-1] else self._gap + need
            lines[-1].append(item)
        return lines

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        right_items = set(map(id, self._items[self._right_from :])) if self._right_from is not None else set()
        y = area.y()
        for line in self._lines(area.width()):
            height = max((item.sizeHint().height() for item in line), default=0)
            if place:
                self._place_line(line, area, y, height, right_items)
            y += height + self._gap
        return y - self._gap - rect.y() + margins.bottom()

    def _place_line(self, line: list[QLayoutItem], area: QRect, y: int, height: int, right: set[int]) -> None:
        left_x = area.x()
        right_edge = area.x() + area.width()
        at_right = [item for item in line if id(item) in right]
        right_x = right_edge - sum(i.sizeHint().width() for i in at_right) - self._gap * max(0, len(at_right) - 1)
        for item in line:
            width = min(item.sizeHint().width(), area.width())
            if id(item) in right:
                item.setGeometry(QRect(QPoint(right_x, y), QSize(width, height)))
                right_x += width + self._gap
            else:
                item.setGeometry(QRect(QPoint(left_x, y), QSize(width, height)))
                left_x += width + self._gap

