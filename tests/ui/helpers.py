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


def opened(qtbot, dialog):
    """A dialog shown without its modal loop, as the tests drive it."""
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog) -> None:
    """Press a form's Save as a user would, and check that the form accepted."""
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


def open_main_window(qtbot, ctx, wait_lane):
    """The main window shown, started and with its first data loaded, as after logging in."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    wait_lane()
    return window
