"""A picture of a window as a PNG file, written like every other file of the app: whole or not at all."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import QWidget

from desktop.fileio import write_atomically

log = logging.getLogger(__name__)


def save_picture(widget: QWidget, path: Path) -> None:
    """Owner-only, since a window may show people's names; a folder that cannot take it is only logged,
    as a picture is never worth stopping the app for."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    try:
        write_atomically(path, bytes(buffer.data().data()), private=True)
    except OSError:
        log.warning("The picture of the window could not be written", exc_info=True)
