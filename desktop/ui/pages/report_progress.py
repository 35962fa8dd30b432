"""The Reports page's running export: one at a time, and a signed PDF behind a progress dialog whose
Cancel throws the export away until its file is in place, never after (see `CancellableExport`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.services.documents.export import CancellableExport

CTX = "ReportsPage"  # the page's own words before they moved here, with their translations


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class ExportProgress:
    """The export the page waits for, if any, and the progress dialog of a signed PDF."""

    def __init__(self, parent: QWidget, title: str, on_cancelled: Callable[[], None]) -> None:
        self._parent = parent
        self._title = title
        self._on_cancelled = on_cancelled
        self.job: CancellableExport | None = None
        self.dialog: QProgressDialog | None = None

    def start(self, target: Path, *, cancellable: bool) -> CancellableExport:
        """The export to `target` now running; a cancellable one shows the progress dialog."""
        job = self.job = CancellableExport(target)
        if cancellable:
            self._show(job)
        return job

    def cancel(self, job: CancellableExport | None = None) -> None:
        """Cancel the running export: its result is thrown away when it finishes; nothing is written."""
        job = job or self.job
        if job is None or job is not self.job:
            return
        if not job.cancel():
            return  # already written: the message that says so is on its way
        self.end(job)
        self._on_cancelled()

    def end(self, job: CancellableExport) -> bool:
        """The export finished or failed: True if the page was still waiting for it (its dialog closes)."""
        if job is not self.job:
            return False
        self._close()
        self.job = None
        return True

    def _show(self, job: CancellableExport) -> None:
        progress = QProgressDialog(_tr("Signing and saving the report…"), _tr("Cancel"), 0, 0, self._parent)
        progress.setWindowTitle(self._title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(380)
        progress.canceled.connect(lambda: self.cancel(job))
        self.dialog = progress
        progress.show()

    def _close(self) -> None:
        progress, self.dialog = self.dialog, None
        if progress is not None:
            progress.canceled.disconnect()
            progress.hide()
            progress.deleteLater()
