"""What every page and dialog needs: the open profile, the DB lane, code tables, change news."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.services.profile.handle import Profile
from desktop.ui.codes import CodeCache
from desktop.ui.lane import DbLane


class AppContext(QObject):
    # Emitted after any successful save, so every screen can refresh what it shows.
    data_changed = Signal()

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.lane = DbLane(self)
        self.codes = CodeCache(profile)
        self._prefetched: dict[str, Future[Any]] = {}

    def prefetch(self, key: str, work: Callable[[], Any]) -> None:
        """Start work now (e.g. at start-up, while the window is still being built) for later `take`."""
        self._prefetched[key] = self.lane.run(work)

    def take_prefetched(self, key: str) -> Future[Any] | None:
        return self._prefetched.pop(key, None)

    def notify_changed(self) -> None:
        self.data_changed.emit()

    def close(self, *, backup: bool = False) -> None:
        """Stop the lane, then (on a real exit or log-out) make the day's automatic backup, then close."""
        self.lane.shutdown()
        if backup:
            _automatic_backup(self.profile)
        self.profile.close()


def _automatic_backup(profile: Profile) -> None:
    """At most one a day, the last seven kept (desktop.services.profile.backup). A failure must not stop the
    app from closing: it is logged, and tomorrow's exit tries again."""
    import logging

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.services.profile import backup

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        made = backup.auto_backup(profile)
    except Exception:
        logging.getLogger(__name__).exception("The automatic backup failed")
    else:
        if made is not None:
            logging.getLogger(__name__).info("Automatic backup written to %s", made)
    finally:
        QApplication.restoreOverrideCursor()
