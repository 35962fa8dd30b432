"""A one-off question to the operating system that may be slow (is there a keyring?), asked off the GUI thread.

Unlike the DB lane, nothing ever waits for these threads: they are daemon threads that touch no
database, so a hung system service can neither freeze the window nor delay quitting. The answer is
delivered on the GUI thread, and only while `owner` still exists.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)


class _Relay(QObject):
    deliver = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(payload: tuple[Callable[[], None], QObject]) -> None:
        action, owner = payload
        if shiboken6.isValid(owner):
            action()


_relays: list[_Relay] = []


def _relay() -> _Relay:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    if not _relays or not shiboken6.isValid(_relays[-1]) or _relays[-1].parent() is not app:
        _relays[:] = [_Relay(app)]  # lives as long as the application
    return _relays[-1]


def ask_in_thread(work: Callable[[], T], on_done: Callable[[T], None], *, owner: QObject) -> threading.Thread:
    relay = _relay()  # made here, on the GUI thread

    def run() -> None:
        try:
            result: Any = work()
        except Exception:  # a failed question has no answer; it is only logged
            log.exception("Background question failed")
            return
        try:
            relay.deliver.emit((lambda: on_done(result), owner))
        except RuntimeError:
            pass  # the application is gone meanwhile

    thread = threading.Thread(target=run, name="ask", daemon=True)
    thread.start()
    return thread
