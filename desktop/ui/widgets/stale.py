"""Pages whose data is loaded only while on screen (the visits of a month, the change log)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent


class ReloadsWhenShown:
    """Mix into a QWidget page with a `reload()` that clears `_stale`.

    A change made elsewhere reloads the page now if the user is looking at it, otherwise marks it
    stale so the next showing reloads it: no query runs for a page nobody sees.
    """

    _stale = True  # nothing loaded yet: the first load waits until the page is shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.reload()  # type: ignore[attr-defined]  # the page's

    def _data_changed(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]  # QWidget's
            self.reload()  # type: ignore[attr-defined]
        else:
            self._stale = True
