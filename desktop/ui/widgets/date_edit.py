"""A date field that reads what people type (05/12/2026, 5/12/26, 05122026…) and keeps a day picker.

It is a line of text, read by `desktop.typed_dates` as the user types, beside a button that opens a
calendar at the field's date (today for an empty field). Getting focus, by a click or Tab, selects the
whole text so typing replaces it; Delete or Backspace then empties it. A text that names no day keeps
what was typed and says why: under the field itself, or in the form's own message line when the field
sits in a FormPanel (which asks with `reading_problem`). The form's Save stays off until it is fixed.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QIcon, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import FieldProblem
from desktop.typed_dates import FIRST_YEAR, LAST_YEAR, TypedDateError, parse_date
from desktop.ui.formatting import fmt_date
from desktop.ui.translation import problem_text

# A date still being typed: a day, a separator, a month, part of a year, or up to seven digits in a row.
# No reason is shown for these until the user leaves the field or presses Enter.
_STILL_TYPING = re.compile(r"^\s*(\d{0,7}|\d{1,2}[/\-.\s]+(\d{1,2}([/\-.\s]+\d{0,3})?)?)\s*$")
_OPEN_KEYS = (Qt.Key.Key_F4,)


class _DateLine(QLineEdit):
    """The text part: selects everything when focus arrives, so what is typed replaces the date."""

    open_calendar = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            return  # back from a menu or another window: the user's cursor stays where it was
        self.selectAll()
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            # The click that gave focus places the cursor after this; select again once it has.
            QTimer.singleShot(0, self.selectAll)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() in _OPEN_KEYS or alt_down:
            self.open_calendar.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class _CalendarPopup(QFrame):
    """The day picker: a calendar in a popup that closes on Escape or a click elsewhere."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateEdit(QWidget):
    value_changed = Signal()  # the date read, or the reason shown, changed

    def __init__(self, value: date | None = None, *, allow_empty: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._allow_empty = allow_empty
        self._value: date | None = None
        self._problem: TypedDateError | None = None  # why the text names no day
        self._problem_shown = False
        self._own_problem_label = True
        self._forwarding = False
        self.popup: _CalendarPopup | None = None
        self.line = _DateLine()
        self.line.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.line.setMaxLength(20)
        self.calendar_button = QToolButton()
        self.calendar_button.setToolTip(self.tr("Choose the day on a calendar (F4)"))
        self.calendar_button.setAccessibleName(self.calendar_button.toolTip())
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F4 or Alt+↓ open it from the keyboard
        icon = QIcon("icons:chevron-down.svg")
        if icon.isNull():
            self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        else:
            self.calendar_button.setIcon(icon)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("fieldError")
        self.problem_label.setProperty("state", "active")
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)
        self._lay_out()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.line)
        self.setMinimumWidth(150)
        self.setMaximumWidth(220)  # a date never needs more; a wide field looks like a text box
        self.set_value(value)
        self.line.textEdited.connect(lambda _text: self._read(finished=False))
        self.line.editingFinished.connect(lambda: self._read(finished=True))
        self.line.open_calendar.connect(self.open_calendar)
        self.calendar_button.clicked.connect(self.open_calendar)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.calendar_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.problem_label)

    # The public face ###########################################################################

    def setAccessibleName(self, name: str) -> None:
        # Focus lands on the text line, so that is what a screen reader names: the form row's caption.
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def value(self) -> date | None:
        """The day typed or picked; None when the field is empty or its text names no day."""
        return self._value

    def set_value(self, value: date | None) -> None:
        self.line.setText(fmt_date(value))
        self._set_state(value, None, shown=False)

    def is_empty(self) -> bool:
        return not self.line.text().strip()

    def reading_problem(self, field: str, *, final: bool = False) -> FieldProblem | None:
        """Why the text names no day, as a problem of `field`; None when it does or is still being typed.

        `final` (a save is being tried) counts a date still being typed too, and shows its reason.
        """
        if self._problem is not None and final and not self._problem_shown:
            self._set_state(None, self._problem, shown=True)
        return self._problem.problem(field) if self._problem is not None and self._problem_shown else None

    def show_problem_in_form(self) -> None:
        """A FormPanel shows the reason in its own message line under the field, so this one stays hidden."""
        self._own_problem_label = False
        self._show_reason()

    # Reading what was typed ####################################################################

    def _read(self, *, finished: bool) -> None:
        text = self.line.text()
        if not text.strip() and self._allow_empty:
            self._set_state(None, None, shown=False)
            return
        try:
            day = parse_date(text)
        except TypedDateError as refused:
            still_typing = not finished and bool(_STILL_TYPING.match(text))
            self._set_state(None, refused, shown=not still_typing)
            return
        self._set_state(day, None, shown=False)

    def _set_state(self, value: date | None, problem: TypedDateError | None, *, shown: bool) -> None:
        before = (self._value, self._reason_key())
        self._value, self._problem, self._problem_shown = value, problem, shown and problem is not None
        self._show_reason()
        if (self._value, self._reason_key()) != before:
            self.value_changed.emit()

    def _reason_key(self) -> tuple[str, tuple[tuple[str, object], ...]] | None:
        if self._problem is None or not self._problem_shown:
            return None
        return self._problem.message, tuple(sorted(self._problem.params.items()))

    def _show_reason(self) -> None:
        found = self.reading_problem("")
        self.problem_label.setText(problem_text(found) if found else "")
        self.problem_label.setVisible(found is not None and self._own_problem_label)

    # The day picker ############################################################################

    def open_calendar(self) -> None:
        """Open the calendar at the field's date, or at today's for an empty or unreadable field."""
        if not self.isEnabled():
            return
        if self.popup is None:
            self.popup = _CalendarPopup(self)
            self.popup.calendar.clicked.connect(self._picked)
            self.popup.calendar.activated.connect(self._picked)
        shown = self._value or date.today()
        self.popup.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.popup.adjustSize()
        self.popup.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        if self.popup is not None:
            self.popup.close()
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)

    # Keys sent to the field itself ##############################################################

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._forward(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        self._forward(event)

    def _forward(self, event: QKeyEvent) -> None:
        """Keys sent to the field (not its text line) are typed into the line, as its focus proxy would."""
        if self._forwarding:
            event.ignore()  # the line passed it on (Enter, Escape): on to the dialog
            return
        self._forwarding = True
        try:
            copy = QKeyEvent(
                event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count()
            )
            QCoreApplication.sendEvent(self.line, copy)
        finally:
            self._forwarding = False
        event.accept()  # the copy has already gone up to the dialog if the line did not want it

    def showEvent(self, event: QShowEvent) -> None:
        # Outside a form row the caption is a label whose buddy is this field: the text line takes its name.
        if not self.line.accessibleName():
            for label in self.window().findChildren(QLabel):
                if label.buddy() is self and label.text():
                    self.setAccessibleName(label.text().replace("&", ""))
                    break
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange and not self.isEnabled() and self.popup is not None:
            self.popup.close()
        super().changeEvent(event)
