"""Helpers for driving widgets like a user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user, one key press per character.

    QTest can only synthesise keys for ASCII (it aborts on "ễ"), so other letters arrive as a key
    event carrying just the text, the way an input method (Unikey, Telex) delivers them.
    """
    widget.setFocus()
    for char in text:
        if char.isascii() and (char.isprintable() or char == " "):
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
