"""Modal dialogs and message boxes that survive the idle lock.

`QDialog.exec()` leaves its event loop as soon as the dialog is hidden, so a form hidden by the lock
would come back as "cancelled" and lose what was typed. `run_modal` shows the dialog application-modal
and waits in its own loop, which only ends when the dialog is finished (accepted, rejected, closed)
or destroyed: the lock can hide and show it again with everything in place.

`ask_unsaved` is the one question asked before a form or the case window throws typed work away.
"""

from __future__ import annotations

from enum import Enum

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.ui.widgets.fitting import fit_on_screen

RUNNING = "sotayModalRunning"  # property: True while run_modal waits for the dialog, False after

CTX = "UnsavedQuestion"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class Choice(Enum):
    """The answer to `ask_unsaved`."""

    SAVE = "save"
    DISCARD = "discard"
    BACK = "back"


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


def ask_unsaved(parent: QWidget | None, what: str = "") -> Choice:
    """Save, Don't save or Go back and edit, before closing with changes; `what` names what is unsaved.

    Going back is the default and Escape's answer: a key pressed by habit never throws work away.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Changes not saved"))
    box.setText(_tr("What you typed is not saved yet."))
    detail = _tr("Not saved: {what}.").format(what=what) + "\n" if what else ""
    box.setInformativeText(detail + _tr("Save it now, close without saving, or go back and go on editing."))
    save = box.addButton(_tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("&Don't save"), QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(_tr("&Go back and edit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    run_modal(box)
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is save:
        return Choice.SAVE
    if clicked is discard:
        return Choice.DISCARD
    return Choice.BACK  # Escape, the title bar's ×, or the box closed by a log-out
