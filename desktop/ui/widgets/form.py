"""Form rows with the problem message shown right under the field it is about.

A field the user has not touched yet shows its problem in a quiet grey ("this is still needed"); once
edited, or after a save attempt, the same message turns red. Messages are never hidden, so the user
always knows why Save is disabled.

Every row keeps one line for its message even when there is none: a message that appears or goes away
as the user fixes a field must not move the rows below, or the next click lands on the wrong field.
Only a message that wraps onto a second line makes its row taller.

Each field gets its caption (without the "&") as its accessible name, so a screen reader says what the
field is, and the current problem as its accessible description.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import FieldProblem
from desktop.ui.translation import problem_text
from desktop.ui.widgets.date_edit import DateEdit

CAPTION_TOP = 7  # the editors' border + padding
CAPTION_CHARS = 22
# What a user types into or chooses from: each needs a name a screen reader can say.
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QAbstractButton)


def plain_label(text: str) -> str:
    """A caption as a screen reader should say it: without the mnemonic marker ("&&" stays one "&")."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def name_inputs(editor: QWidget, name: str) -> None:
    """Give `editor`, and the inputs inside it that have neither a name nor a text of their own, `name`.

    A row's editor may be a box around several inputs (a check box and a date): the date gets the
    row's name, the check box keeps saying its own text.
    """
    for widget in [editor, *editor.findChildren(QWidget)]:
        if widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue
        if widget is editor or isinstance(widget, INPUTS):
            widget.setAccessibleName(name)


def focus_target(editor: QWidget) -> QWidget:
    """The input Alt+letter should reach: the editor itself, or the first input in a box around several."""
    if editor.focusPolicy() != Qt.FocusPolicy.NoFocus or editor.focusProxy() is not None:
        return editor
    for child in editor.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return child
    return editor


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
        self._grid.setVerticalSpacing(0)  # each row's reserved message line already separates it from the next
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
        caption.setBuddy(focus_target(editor))  # makes "&Name" an Alt+N shortcut to the field
        name_inputs(editor, plain_label(label))
        caption.setWordWrap(True)
        caption.setObjectName("fieldLabel")
        # Level with the editor's text, not centred on editor + message.
        caption.setContentsMargins(0, CAPTION_TOP, 0, 0)
        # One label width for every form, so fields line up from one section or page to the next.
        caption.setMinimumWidth(caption.fontMetrics().averageCharWidth() * CAPTION_CHARS)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # The reserved line is also the gap to the next row, so the form is hardly taller than before.
        error.ensurePolished()  # the style sheet may set the font the line is measured with
        error.setMinimumHeight(error.fontMetrics().lineSpacing())
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
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
            text = problem_text(found) if found else ""
            row.error.setText(text)
            row.editor.setAccessibleDescription(text)
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
