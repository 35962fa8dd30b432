"""Answering the "changes not saved" question the way a user would: by clicking one of its buttons."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from desktop.ui.input_snapshot import input_widgets
from tests.ui.helpers import type_text

SAVE, DISCARD, BACK = "Lưu", "Không lưu", "Quay lại sửa"


@dataclass
class Asked:
    """What the question said, each time it was asked."""

    texts: list[str] = field(default_factory=list)
    buttons: list[list[str]] = field(default_factory=list)
    default: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.texts)


def answer(label: str, *, times: int = 1, timeout_s: float = 3.0) -> Asked:
    """Click `label` on the next `times` questions shown within the timeout; returns what was asked."""
    asked = Asked()
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            names = [b.text().replace("&", "") for b in box.buttons()]
            asked.texts.append(box.text() + "\n" + box.informativeText())
            asked.buttons.append(names)
            default = box.defaultButton()
            asked.default.append(default.text().replace("&", "") if default is not None else "")
            matching = [b for b in box.buttons() if b.text().replace("&", "") == label]
            # A label not found must not leave the test waiting forever: back out, and the test's checks fail.
            (matching[0] if matching else box.escapeButton()).click()
            if asked.count >= times:
                return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return asked


def first_text_field(dialog: QWidget) -> QLineEdit | QPlainTextEdit:
    """The first field a user can type into (not a date's or a number's own line)."""
    for widget in input_widgets(dialog):
        if isinstance(widget, (QLineEdit, QPlainTextEdit)) and widget.isVisibleTo(dialog) and widget.isEnabled():
            if not widget.isReadOnly():
                return widget
    raise AssertionError("the form has no text field")


def field_text(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def type_into_first_field(qtbot, dialog: QWidget, text: str = "Ghi thêm") -> QLineEdit | QPlainTextEdit:
    widget = first_text_field(dialog)
    type_text(qtbot, widget, text)
    return widget
