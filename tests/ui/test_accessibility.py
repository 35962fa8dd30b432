"""Every window can be used with a screen reader and the keyboard: each input says what it is, each
Alt+letter is used once per window, and the catalogue of windows misses no dialog of the app."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTabBar,
    QWidget,
)

from desktop.ui.dialogs.base import FormDialog
from desktop.ui.modal import ModalDialog
from desktop.ui.widgets.form import INPUTS
from tests.ui.every_window import build_rich_household, catalogue, dialog_classes

MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def rich(ctx, register):
    return build_rich_household(ctx.profile, register)


def test_the_catalogue_has_every_dialog_of_the_app(ctx, rich, tmp_path):
    listed = {entry.kind for entry in catalogue(ctx, rich, tmp_path)}
    missing = dialog_classes() - listed - {FormDialog, ModalDialog}
    assert not missing, f"add these dialogs to tests/ui/every_window.py: {sorted(c.__name__ for c in missing)}"


def _part_of_another_input(widget: QWidget) -> bool:
    """The line edit inside a combo box or date field, a tab bar's scroll arrows, a table's header."""
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_inputs(window: QWidget) -> list[str]:
    """The visible inputs a screen reader could only call by their kind ("edit", "combo box")."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisible() or _part_of_another_input(widget):
            continue
        if spoken_name(widget):
            continue
        found.append(f"{type(widget).__name__} {widget.objectName()!r} near {_nearby_text(widget)!r}")
    return found


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says the widget is: its accessible name, else Qt's fallback (a button's text,
    the text of the label whose buddy it is)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _nearby_text(widget: QWidget) -> str:
    """Something to find the widget by in a failure message: the text of a label next to it."""
    parent = widget.parentWidget()
    while parent is not None:
        texts = [label.text() for label in parent.findChildren(QLabel) if label.text() and label.isVisible()]
        if texts:
            return texts[0][:40]
        parent = parent.parentWidget()
    return ""


def mnemonic_texts(window: QWidget) -> list[str]:
    """The texts of everything visible that an Alt+letter reaches: labels of fields, buttons, tabs, boxes."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    return texts


def repeated_letters(window: QWidget) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for text in mnemonic_texts(window):
        for letter in MNEMONIC.findall(text.replace("&&", "")):
            by_letter.setdefault(letter.lower(), []).append(text)
    return {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}


def test_every_input_of_every_window_has_a_name_and_every_alt_letter_is_used_once(
    qtbot, ctx, rich, tmp_path, wait_lane
):
    problems: list[str] = []
    for entry in catalogue(ctx, rich, tmp_path):
        window = entry.open()
        qtbot.addWidget(window)
        wait_lane()
        assert isinstance(window, entry.kind) and window.isVisible() and window.isWindow(), entry.name
        problems += [f"{entry.name}: no name: {text}" for text in unnamed_inputs(window)]
        problems += [f"{entry.name}: Alt+{k} used by {v}" for k, v in repeated_letters(window).items()]
        window.close()
    assert not problems, "\n".join(problems)
