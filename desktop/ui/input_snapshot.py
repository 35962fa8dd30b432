"""What a form's input widgets hold, taken at one moment, to tell later whether the user changed anything.

A form "has changes" when a value on screen differs from what it showed when it opened: typing and then
restoring the original text is no change. The snapshot reads the input widgets themselves (text, the
current choice, ticks, numbers, dates), so it works for every form without each form listing its fields.
Only the widgets the user can see count: a page of the form not shown (another kind of event) is not
what Save would save.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from desktop.ui.widgets.date_edit import DateEdit

# The widgets whose value is the user's input. A date, a number or a choice holds a line edit of its own:
# the outer widget is read, never the parts inside it.
INPUT_TYPES = (
    DateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QCheckBox,
    QRadioButton,
    QAbstractSpinBox,
    QListWidget,
)


def input_widgets(root: QWidget) -> list[QWidget]:
    """The input widgets inside `root`, in creation order; not those of another window (a popup, a question)."""
    found: list[QWidget] = []
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isWindow():
            continue
        if isinstance(child, INPUT_TYPES):
            found.append(child)
        else:
            found.extend(input_widgets(child))
    return found


def read(widget: QWidget) -> Any:
    """The value the user sees in `widget`, comparable with ==."""
    if isinstance(widget, DateEdit):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        chosen = ("index", widget.currentIndex()) if data is None else ("data", data)
        return (chosen, widget.currentText()) if widget.isEditable() else chosen
    if isinstance(widget, (QCheckBox, QRadioButton)):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QListWidget):
        items = [widget.item(i) for i in range(widget.count())]
        return (tuple((i.text(), i.checkState()) for i in items), tuple(i.text() for i in widget.selectedItems()))
    raise TypeError(type(widget).__name__)


def write(widget: QWidget, value: Any) -> None:
    """Put back a value `read` returned (the same widget, or one with the same choices)."""
    if read(widget) == value:
        return  # no signals, no cursor moved, for what is already there
    if isinstance(widget, DateEdit):
        widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        _choose(widget, value)
    elif isinstance(widget, (QCheckBox, QRadioButton)):
        widget.setChecked(value)
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(value)
    elif isinstance(widget, QListWidget):
        checks, _selected = value
        for row, (_text, state) in enumerate(checks[: widget.count()]):
            widget.item(row).setCheckState(state)


def _choose(combo: QComboBox, value: Any) -> None:
    (how, chosen), text = value if combo.isEditable() else (value, None)
    combo.setCurrentIndex(chosen if how == "index" else combo.findData(chosen))
    if text is not None:
        combo.setEditText(text)


class InputSnapshot:
    """The values of `root`'s input widgets at one moment."""

    def __init__(self, root: QWidget) -> None:
        self.root = root
        self.values: dict[QWidget, Any] = {w: read(w) for w in input_widgets(root)}

    def differs(self) -> bool:
        """True when a widget the user can see now holds another value than it did (or is new since)."""
        for widget in input_widgets(self.root):
            if not widget.isVisibleTo(self.root):
                continue
            if widget not in self.values or read(widget) != self.values[widget]:
                return True
        return False

    def restore(self) -> None:
        """Every widget back to its value in this snapshot (those still there)."""
        for widget, value in self.values.items():
            if shiboken6.isValid(widget):
                write(widget, value)


class HoldsInput:
    """A part of a window whose input is saved by its own button (a tab of the case window, its assessment).

    The part names its input's widget in `input_area`; the window calls `mark_clean` once it has shown
    what is saved, asks `unsaved()` before it closes, and `save_unsaved()` saves as the part's button would.
    """

    _clean: InputSnapshot | None = None

    def input_area(self) -> QWidget | None:
        """The widget holding the input saved by the part's own button; None if it has none."""
        return None

    def mark_clean(self) -> None:
        """What is shown now is what is saved."""
        area = self.input_area()
        self._clean = InputSnapshot(area) if area is not None else None

    def unsaved(self) -> bool:
        return self._clean is not None and self._clean.differs()

    def typed(self) -> InputSnapshot | None:
        """The input as it is now, to put back (`restore`) after what is saved is shown again."""
        area = self.input_area()
        return InputSnapshot(area) if area is not None else None

    def save_unsaved(self) -> bool:
        """Save the unsaved input; False, with the reason shown beside it, if it was refused."""
        return True
