"""The app's other windows (an open form, a question, the case window) while the main window is locked.

They are hidden with the field each had the focus in, then shown again exactly as they were, a
dialog before the dialogs it opened; or, when the user logs out instead, closed without saving.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.ui.modal import finished_while_hidden

_TRANSIENT = (Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen)


class HiddenWindows:
    def __init__(self) -> None:
        self._windows: list[QWidget] = []
        self._focus: list[tuple[QWidget, QWidget | None]] = []

    def hide(self, keep: QWidget) -> None:
        """Hide every visible window of the app but `keep` (the main window), remembering each one's focus."""
        self._windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not keep and w.isWindow() and w.isVisible() and w.windowType() not in _TRANSIENT
        ]
        self._focus = [(w, w.focusWidget()) for w in self._windows]
        for window in self._windows:
            window.hide()  # modal forms run in desktop.ui.modal's loop, which survives this

    def show_again(self) -> None:
        """Back as before, but for a dialog that ended meanwhile (a background save completed)."""
        shown = [(w, f) for w, f in self._focus if shiboken6.isValid(w) and not finished_while_hidden(w)]
        self._windows, self._focus = [], []
        for window, inner in sorted(shown, key=lambda pair: _depth(pair[0])):  # a dialog before its own dialogs
            window.show()
            if inner is not None and shiboken6.isValid(inner) and inner.isVisible():
                inner.setFocus(Qt.FocusReason.OtherFocusReason)
        if shown:
            top = max((w for w, _f in shown), key=_depth)
            top.activateWindow()

    def close(self) -> None:
        """Close every hidden form unsaved, the last opened first."""
        for window in reversed([w for w in self._windows if shiboken6.isValid(w)]):
            if isinstance(window, QDialog):
                window.reject()
            else:
                window.close()
        self._windows, self._focus = [], []


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth
