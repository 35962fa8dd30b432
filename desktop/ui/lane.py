"""One background lane for database work; results come back on the GUI thread (architecture.md, convention 8).

All reads that could take noticeable time (list ids, household detail, dashboard figures) run here,
one at a time, so SQLite never sees two UI queries racing. Callbacks never run on the worker: the
done-callback only emits a signal, and Qt queues it to the thread that owns the lane (the GUI).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)


class DbLane(QObject):
    _finished = Signal(object)
    failed = Signal(object)  # an unexpected exception with no handler of its own

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        # Always queued, even when the future is already done at submit time: callers get a result later.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._pending = 0
        self._closed = False

    def submit(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> Future[T]:
        """Run `work` on the lane; call `on_done(result)` on the GUI thread unless `owner` is gone."""
        if self._closed:
            return _cancelled()  # the profile is closing: late requests are dropped, not failed
        self._pending += 1
        future = self._executor.submit(work)
        future.add_done_callback(lambda f: self._finished.emit((f, on_done, on_error, owner)))
        return future

    def run(self, work: Callable[[], T]) -> Future[T]:
        """Queue `work` with nothing delivered back; for prefetching what a page will ask for next."""
        if self._closed:
            return _cancelled()
        return self._executor.submit(work)

    def _deliver(self, payload: tuple[Future[Any], Callable[[Any], None], Any, QObject | None]) -> None:
        future, on_done, on_error, owner = payload
        self._pending -= 1
        if self._closed or future.cancelled() or (owner is not None and not shiboken6.isValid(owner)):
            return  # the page or dialog that asked was closed meanwhile
        error = future.exception()
        if error is None:
            on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            log.error("Background task failed", exc_info=error)
            self.failed.emit(error)

    def is_idle(self) -> bool:
        return self._pending == 0

    def shutdown(self) -> None:
        """Finish the running task, drop the queued ones; results not yet delivered are never delivered."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)


def _cancelled() -> Future[Any]:
    future: Future[Any] = Future()
    future.cancel()
    return future
