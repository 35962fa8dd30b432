"""What the case window's tabs share: the error label under a tab's controls, a refusal in words, a grey
line that explains, and a list of long choices to tick."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from desktop.errors import SotayError, ValidationError
from desktop.services.dto import CodeDTO
from desktop.ui.codes import code_label
from desktop.ui.translation import error_text, problem_text

# Tall enough for about eight choices; the rest scroll.
CHOICES_HEIGHT_LINES = 12


def error_label() -> QLabel:
    """A refusal under a tab's controls, hidden while there is none."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def refusal_text(refused: SotayError) -> str:
    """Why a service said no, in the user's language: every problem of a refused input, one a line."""
    if isinstance(refused, ValidationError):
        return "\n".join(problem_text(p) for p in refused.problems)
    return error_text(refused)


def subtitle(text: str = "") -> QLabel:
    """A grey line that explains what is around it; it wraps."""
    label = QLabel(text)
    label.setObjectName("subtitle")
    label.setWordWrap(True)
    return label


class _ToggleLabel(QLabel):
    """The long text beside a check box; clicking it ticks the box, as a check box's own text would."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
        super().mouseReleaseEvent(event)


class ChoiceChecks(QScrollArea):
    """Check boxes for choices whose names run over a line (the acts of Art. 3.1): the text wraps."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(8, 6, 8, 6)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 1)
        self.setWidget(self._inner)
        self._boxes: list[tuple[QCheckBox, Any]] = []
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * CHOICES_HEIGHT_LINES)

    def set_items(self, items: Iterable[tuple[str, str, Any]], checked: Iterable[Any] = ()) -> None:
        """Items are (mark, text, value): the mark ("a)") on the box, the text wrapping beside it."""
        chosen = set(checked)
        for box, _value in self._boxes:
            box.deleteLater()
        while self._grid.count():
            taken = self._grid.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        self._boxes = []
        for row, (mark, text, value) in enumerate(items):
            box = QCheckBox(mark)
            box.setChecked(value in chosen)
            box.setAccessibleDescription(text)
            box.toggled.connect(lambda _on: self.changed.emit())
            label = _ToggleLabel(text, box)
            self._grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(label, row, 1)
            self._boxes.append((box, value))
        self._grid.setRowStretch(len(self._boxes), 1)

    def checked_values(self) -> list[Any]:
        return [value for box, value in self._boxes if box.isChecked()]

    def set_checked(self, value: Any, checked: bool = True) -> None:
        for box, item_value in self._boxes:
            if item_value == value:
                box.setChecked(checked)

    def set_editable(self, editable: bool) -> None:
        for box, _value in self._boxes:
            box.setEnabled(editable)


def lettered(items: Iterable[CodeDTO], letters: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(“a)”, name, code) for the lettered lists of the law (acts, groups); the code is the letter's ASCII form."""
    marks = letters or {}
    return [(marks.get(item.code, item.code) + ")", code_label(item), item.code) for item in items]


LETTERS = {"dd": "đ"}  # the codes are ASCII; the law writes đ
