"""What "fits the screen" means for a window, as a commune laptop's user would check it.

The window lies wholly inside the screen's free area, it can be made that small (its minimum size), and
every button a person may need is on the screen: either itself, or — when it sits in a scrolled part of
the window — the visible part of that scroll area is on the screen, so scrolling brings it into view.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget


def screen_named(name: str) -> QScreen:
    for screen in QGuiApplication.screens():
        if screen.name() == name:
            return screen
    raise LookupError(f"no screen {name} (tests/screens.json)")


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def _scrolled_by(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def misfits(window: QWidget, screen_name: str) -> list[str]:
    """What does not fit: empty when the window and all its buttons can be used on the screen named so.

    The screen is looked up by name each time: Qt may replace its QScreen objects while the app runs.
    """
    QApplication.processEvents()
    area = screen_named(screen_name).availableGeometry()
    found: list[str] = []
    if not area.contains(window.frameGeometry()):
        found.append(f"window {window.frameGeometry().getRect()} outside the screen {area.getRect()}")
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > area.width() or minimum.height() > area.height():
        found.append(f"window's minimum size {minimum.toTuple()} larger than the screen {area.size().toTuple()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        holder = _scrolled_by(button, window)
        where = global_rect(holder.viewport()) if holder is not None else global_rect(button)
        if not area.contains(where):
            label = button.text() or button.toolTip() or button.objectName() or type(button).__name__
            found.append(f"button {label!r} at {where.getRect()} outside the screen {area.getRect()}")
    return found
