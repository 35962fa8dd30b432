"""A dd/MM/yyyy date field that can start empty and accepts dates typed the way people write them.

QDateEdit has no "no date" state, and it misreads typed separators ("15/03/1990" ends up in the year
section). This subclass uses the minimum date as a blank marker, seeds a real date when the user starts
typing, and treats "/", "." and "-" as "next part" unless the previous digit already moved there.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QStyle, QStyleOptionComboBox, QWidget

from desktop.ui.formatting import QT_DATE_FORMAT

EMPTY = QDate(1899, 12, 31)  # one day before validation.OLDEST_BIRTH; shown as blanks
LATEST = QDate(2100, 12, 31)
BLANK_TEXT = "__/__/____"
SEPARATORS = {"/", ".", "-"}


class DateEdit(QDateEdit):
    value_changed = Signal()

    def __init__(self, value: date | None = None, *, allow_empty: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._allow_empty = allow_empty
        self._advanced_by_digit = False
        self.setDisplayFormat(QT_DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setDateRange(EMPTY, LATEST)
        self.setSpecialValueText(BLANK_TEXT)
        self.setMinimumWidth(150)
        self.setMaximumWidth(220)  # a date never needs more; a wide field looks like a text box
        self.set_value(value)
        self.dateChanged.connect(lambda _d: self.value_changed.emit())

    def value(self) -> date | None:
        current = self.date()
        return None if current == EMPTY else date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(EMPTY if value is None else QDate(value.year, value.month, value.day))

    def is_empty(self) -> bool:
        return self.date() == EMPTY

    def _seed(self) -> None:
        # 1 January of this year: every day number up to 31 can be typed into it.
        self.setDate(QDate(QDate.currentDate().year(), 1, 1))
        self.setSelectedSection(QDateTimeEdit.Section.DaySection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if self.is_empty() and text.isdigit():
            self._seed()
        if text in SEPARATORS:
            index = self.currentSectionIndex()
            if not self._advanced_by_digit and index < self.sectionCount() - 1:
                self.setCurrentSectionIndex(index + 1)
                self.setSelectedSection(self.currentSection())
            self._advanced_by_digit = False
            event.accept()
            return
        if self._allow_empty and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._all_selected():
            self.set_value(None)
            event.accept()
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced_by_digit = text.isdigit() and self.currentSectionIndex() != before

    def _all_selected(self) -> bool:
        line = self.lineEdit()
        return line.hasSelectedText() and line.selectedText() == line.text()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # The calendar opens at the field's date; for a blank field that would be December 1899.
        if self.is_empty() and self._arrow_rect().contains(event.position().toPoint()):
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)

    def _arrow_rect(self) -> QRect:
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.rect = self.rect()
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
