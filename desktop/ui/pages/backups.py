"""Cài đặt → Sao lưu: the automatic backups of this notebook, and a backup to a USB stick on demand.

The app backs up by itself when it closes (once a day, the last seven kept, desktop.services.profile.backup).
A copy that stays on the laptop does not survive the laptop, so this page also writes one to a folder
the user picks, normally a USB stick. Restoring is offered at login when the database is damaged,
and from the command line (`sotay backup restore`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.errors import SotayError
from desktop.services.profile import backup
from desktop.services.profile.backup import BackupInfo
from desktop.ui.context import AppContext
from desktop.ui.modal import inform, warn
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.translation import error_text
from desktop.ui.widgets import files
from desktop.ui.widgets.stale import ReloadsWhenShown
from desktop.ui.widgets.tables import fit_columns, make_table, remember_widths

MEBIBYTE = 1024 * 1024


class BackupsPage(ReloadsWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        folder = ctx.profile.paths.backups
        about = QLabel(
            self.tr(
                "The notebook backs itself up when you close the app, once a day, and keeps the last {keep} "
                "backups in {folder}. A backup on this laptop is lost with the laptop: also back up to a USB "
                "stick now and then, and keep the stick somewhere else. Backups are encrypted: they open only "
                "with a passphrase or the recovery code."
            ).format(keep=backup.AUTO_KEEP, folder=folder)
        )
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.to_usb = QPushButton(self.tr("&Back up to a USB stick or folder…"))
        self.to_usb.setObjectName("primary")
        row = QHBoxLayout()
        row.addWidget(self.to_usb)
        row.addStretch(1)

        self.model: RecordTableModel[BackupInfo] = RecordTableModel(
            [
                Column(self.tr("Made on"), lambda b: b.created_at.astimezone().strftime("%d/%m/%Y %H:%M")),
                Column(self.tr("Kind"), self._kind),
                Column(self.tr("Size"), self._size),
                Column(self.tr("State"), self._state),
                Column(self.tr("File"), lambda b: b.path.name),
            ],
            muted=lambda b: not b.ok,
        )
        self.table = make_table(self.model, self)
        self.table.setAccessibleName(self.tr("Backups"))
        fit_columns(self.table, {0: 17, 1: 12, 2: 10, 3: 14})
        remember_widths(self.table, ctx.profile.paths, "backups")
        self.empty = QLabel(self.tr("No backup yet: the first one is made when you close the app."))
        self.empty.setObjectName("subtitle")
        listed = QGroupBox(self.tr("Backups on this laptop"))
        listed_layout = QVBoxLayout(listed)
        listed_layout.addWidget(self.empty)
        listed_layout.addWidget(self.table, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.setSpacing(12)
        layout.addWidget(about)
        layout.addLayout(row)
        layout.addWidget(listed, 1)
        self.to_usb.clicked.connect(self.back_up_to_folder)

    # Reading ###################################################################################

    def reload(self) -> None:
        self._stale = False
        folder, key = self.ctx.profile.paths.backups, self.ctx.profile.data_key or None
        # Every byte is read (off the GUI thread): a damaged backup must show here, not on the day it is needed.
        self.ctx.lane.submit(lambda: backup.list_backups(folder, data_key=key), self._show, owner=self)

    def _show(self, found: list[BackupInfo]) -> None:
        self.model.set_records(found)
        self.empty.setVisible(not found)
        self.table.setVisible(bool(found))

    def _size(self, info: BackupInfo) -> str:
        return self.tr("{size} MB").format(size=QLocale().toString(info.size / MEBIBYTE, "f", 1))  # 0,7 in Vietnamese

    def _kind(self, info: BackupInfo) -> str:
        return self.tr("automatic") if info.automatic else self.tr("on demand")

    def _state(self, info: BackupInfo) -> str:
        if info.damaged:
            return self.tr("damaged")
        return self.tr("not checked") if info.unchecked else self.tr("intact")

    # Writing ###################################################################################

    def back_up_to_folder(self, folder: Path | None = None) -> None:
        """Ask for a folder (a USB stick), then write one backup there off the GUI thread."""
        if folder is None:
            chosen = files.folder(self, self.tr("Where should the backup go?"), str(Path.home()))
            if not chosen:
                return
            folder = Path(chosen)
        profile, target = self.ctx.profile, folder
        self.to_usb.setEnabled(False)
        self.setCursor(Qt.CursorShape.WaitCursor)
        self.ctx.lane.submit(
            lambda: backup.create_backup(profile, target), self._written, on_error=self._failed, owner=self
        )

    def _written(self, path: Path) -> None:
        self._idle()
        said = self.tr("The backup was written to {path}. Keep the USB stick somewhere safe, away from the laptop.")
        inform(self, APP_NAME, said.format(path=path))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, SotayError):
            warn(self, APP_NAME, error_text(error))
            return
        raise error

    def _idle(self) -> None:
        self.to_usb.setEnabled(True)
        self.unsetCursor()
