"""Modal dialogs and message boxes that survive the idle lock.

`QDialog.exec()` leaves its event loop as soon as the dialog is hidden, so a form hidden by the lock
would come back as "cancelled" and lose what was typed. `run_modal` shows the dialog application-modal
and waits in its own loop, which only ends when the dialog is finished (accepted, rejected, closed)
or destroyed: the lock can hide and show it again with everything in place.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.ui.widgets.fitting import fit_on_screen

RUNNING = "sotayModalRunning"  # property: True while run_modal waits for the dialog, False after


def run_modal(dialog: QDialog) -> int:
    """Like `dialog.exec()`, but hiding the dialog does not end it. Returns the dialog's result."""
    dialog.setResult(0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    loop = QEventLoop()
    dialog.finished.connect(loop.quit)
    dialog.destroyed.connect(loop.quit)
    dialog.setProperty(RUNNING, True)
    dialog.show()
    if dialog.isVisible():  # a dialog can finish while being shown (e.g. accepted from showEvent)
        loop.exec()
    if shiboken6.isValid(dialog):
        dialog.setProperty(RUNNING, False)
        return dialog.result()
    return 0


def finished_while_hidden(window: QWidget) -> bool:
    """A dialog that ended while the lock hid it (a background save completed): not to be shown again."""
    return isinstance(window, QDialog) and window.property(RUNNING) is False


class ModalDialog(QDialog):
    """A dialog whose `exec()` survives being hidden by the idle lock (see `run_modal`).

    Shown the first time, it is made to fit the screen its parent is on and placed wholly inside it
    (widgets/fitting.py); shown again after the lock, it keeps its place and size.
    """

    _placed = False

    def exec(self) -> int:  # type: ignore[override]
        return run_modal(self)

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous() and not self._placed:
            self._placed = True
            fit_on_screen(self, self.parentWidget())
        super().showEvent(event)


def message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """A message box like QMessageBox's static functions; returns the button pressed."""
    box = QMessageBox(icon, title, text, buttons, parent)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    run_modal(box)
    clicked = box.clickedButton()
    answer = box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.NoButton
    box.deleteLater()
    return answer


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Icon.Warning, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No; No is the default, so Enter does not confirm by accident."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = message(parent, QMessageBox.Icon.Question, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
