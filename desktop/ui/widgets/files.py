"""Choosing a file to open, a file name to save under, or a folder, in the user's language.

On Windows the system's own dialog is used: it speaks the system language and shows the user's usual
places. Elsewhere Qt's own dialog is used, because the desktop's dialog would speak English: PySide6
ships no Vietnamese translation of Qt, so the dialog's texts are in our catalogue
(`desktop/ui/qt_strings.py`) and translated with everything else.
"""

from __future__ import annotations

import sys
from enum import Enum

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

NATIVE = sys.platform == "win32"


class Purpose(Enum):
    OPEN = "open"
    SAVE = "save"
    FOLDER = "folder"


def file_dialog(parent: QWidget | None, caption: str, start: str, filters: str, purpose: Purpose) -> QFileDialog:
    """The dialog the functions below run; built apart so that a test can look at it."""
    dialog = QFileDialog(parent, caption, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not NATIVE)
    if purpose is Purpose.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)  # asks before replacing a file
    elif purpose is Purpose.OPEN:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog


def open_file_name(parent: QWidget | None, caption: str, start: str, filters: str) -> str:
    """The path of an existing file the user chose, or "" when they cancelled."""
    return _run(file_dialog(parent, caption, start, filters, Purpose.OPEN))


def save_file_name(parent: QWidget | None, caption: str, start: str, filters: str) -> str:
    """The path to save under (the user agreed to replace an existing file), or "" when they cancelled."""
    return _run(file_dialog(parent, caption, start, filters, Purpose.SAVE))


def folder(parent: QWidget | None, caption: str, start: str) -> str:
    """The folder the user chose, or "" when they cancelled."""
    return _run(file_dialog(parent, caption, start, "", Purpose.FOLDER))


def _run(dialog: QFileDialog) -> str:
    try:
        chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()
    return chosen[0] if chosen else ""
