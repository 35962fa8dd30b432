"""Form rows with the problem message shown right under the field it is about.

A field the user has not touched yet shows its problem in a quiet grey ("this is still needed"); once
edited, or after a save attempt, the same message turns red. Messages are never hidden, so the user
always knows why Save is disabled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.errors import FieldProblem
from desktop.ui.translation import problem_text
from desktop.ui.widgets.date_edit import DateEdit

CAPTION_TOP = 7  # the editors' border + padding
CAPTION_CHARS = 22


@dataclass(slots=True)
class _Row:
    label: QLabel
    holder: QWidget
    editor: QWidget
    error: QLabel


class FormPanel(QWidget):
    edited = Signal(str)  # field name

    def __init__(self, parent: QWidget | None = None, *, columns: int = 1) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        outer.addLayout(self._grid)
        outer.addStretch(1)  # spare height goes below the form, not between its rows
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(4)
        self._columns = columns
        self._next_row = [0] * columns
        self._rows: dict[str, _Row] = {}
        self._touched: set[str] = set()
        for column in range(columns):
            self._grid.setColumnStretch(column * 2 + 1, 1)

    def add(
        self,
        field: str,
        label: str,
        editor: QWidget,
        signal: SignalInstance | None = None,
        *,
        column: int = 0,
        span: bool = False,
    ) -> QWidget:
        """Add a labelled editor; `signal` marks the field as touched and triggers validation."""
        caption = QLabel(label)
        caption.setBuddy(editor)  # makes "&Name" an Alt+N shortcut to the field
        caption.setWordWrap(True)
        caption.setObjectName("fieldLabel")
        # Level with the editor's text, not centred on editor + message.
        caption.setContentsMargins(0, CAPTION_TOP, 0, 0)
        # One label width for every form, so fields line up from one section or page to the next.
        caption.setMinimumWidth(caption.fontMetrics().averageCharWidth() * CAPTION_CHARS)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 6)
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(error)
        if span:
            row = max(self._next_row)
            self._grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(holder, row, 1, 1, self._columns * 2 - 1)
            self._next_row = [row + 1] * self._columns
        else:
            row = self._next_row[column]
            self._grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(holder, row, column * 2 + 1)
            self._next_row[column] = row + 1
        self._rows[field] = _Row(caption, holder, editor, error)
        for date_edit in _date_edits(editor):
            date_edit.show_problem_in_form()
        if signal is not None:
            signal.connect(lambda *_args: self._on_edited(field))
        return editor

    def _on_edited(self, field: str) -> None:
        self._touched.add(field)
        self.edited.emit(field)

    def touch_all(self) -> None:
        self._touched.update(self._rows)

    def has_field(self, field: str) -> bool:
        return field in self._rows

    def editor(self, field: str) -> QWidget:
        return self._rows[field].editor

    def set_visible(self, field: str, visible: bool) -> None:
        row = self._rows[field]
        row.label.setVisible(visible)
        row.holder.setVisible(visible)

    def show_problems(self, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        """Put each problem under its field; returns those that belong to no field here."""
        first: dict[str, FieldProblem] = {}
        elsewhere: list[FieldProblem] = []
        for item in [*self.reading_problems(), *problems]:  # a date's own reason before the rules'
            if item.field in self._rows:
                first.setdefault(item.field, item)
            else:
                elsewhere.append(item)
        for field, row in self._rows.items():
            found = first.get(field)
            row.error.setVisible(found is not None)
            row.error.setText(problem_text(found) if found else "")
            state = "active" if field in self._touched else "pending"
            if row.error.property("state") != state:
                row.error.setProperty("state", state)
                row.error.style().unpolish(row.error)
                row.error.style().polish(row.error)
        return elsewhere

    def reading_problems(self, *, final: bool = False) -> list[FieldProblem]:
        """The shown fields whose typed text cannot be read (an impossible date): nothing may be saved over them.

        `final` (a save is being tried) counts a date still being typed too.
        """
        found: list[FieldProblem] = []
        for field, row in self._rows.items():
            if not row.holder.isVisibleTo(self):
                continue
            problems = (edit.reading_problem(field, final=final) for edit in _date_edits(row.editor))
            found.extend(problem for problem in problems if problem is not None)
        return found

    def error_text(self, field: str) -> str:
        """The message currently shown under `field` ('' if none); used by tests and screen readers."""
        return self._rows[field].error.text()


def _date_edits(editor: QWidget) -> list[DateEdit]:
    """The date fields of a row: the editor itself, or those in the box it is (a date with its hint)."""
    return [editor] if isinstance(editor, DateEdit) else editor.findChildren(DateEdit)
