"""A damaged notebook at login: offer the newest good backup (or one the user picks) instead of a crash.

The login found the database unreadable (`DamagedProfileError`) with a passphrase or recovery code
that is right. The same secret opens the backup, which was made under the key file of its day: when
the passphrase changed since, the user is asked for the one valid then. A backup of another notebook
(another profile id: a file picked from a USB stick) is restored only after a second question that
names both. Restoring moves the damaged files aside (never deletes them); the user then logs in again.
The app holds the profile's lock while it runs, and restores through it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop import APP_NAME
from desktop.errors import SotayError
from desktop.paths import ProfilePaths
from desktop.security.keystore import WrongPassphraseError
from desktop.services.profile import backup, restoring
from desktop.services.profile.backup import BackupInfo
from desktop.services.profile.backup_format import EXTENSION
from desktop.ui.dialogs.login import Attempt
from desktop.ui.modal import inform, run_modal, warn
from desktop.ui.translation import error_text
from desktop.ui.widgets import files

log = logging.getLogger(__name__)


CTX = "RestoreOffer"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX.
    return QCoreApplication.translate(CTX, text)


def offer_restore(paths: ProfilePaths, attempt: Attempt, parent: QWidget | None = None) -> bool:
    """Ask, then restore. True when a backup was restored (the caller shows the login again)."""
    newest = _busy(lambda: backup.newest_good_backup(paths))
    chosen = _choose(paths, newest, parent)
    if chosen is None:
        return False
    secret, other = attempt, False
    while True:
        try:
            _busy(lambda secret=secret, other=other: _restore(chosen, paths, secret, replace_other=other))
        except WrongPassphraseError:
            again = _older_passphrase(secret.user, parent)
            if again is None:
                return False
            secret = Attempt(secret.user, passphrase=again)
            continue
        except restoring.OtherProfileError as error:
            if other or not _replace_other_notebook(error, parent):
                return False
            other = True
            continue
        except SotayError as error:
            warn(parent, APP_NAME, error_text(error))
            return False
        inform(
            parent,
            APP_NAME,
            _tr(
                "The backup was restored. The damaged files were kept in a folder named “replaced-…” "
                "inside the notebook folder. Log in again."
            ),
        )
        return True


def _choose(paths: ProfilePaths, newest: BackupInfo | None, parent: QWidget | None) -> Path | None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(APP_NAME)
    box.setText(_tr("The notebook's database is damaged and cannot be read safely."))
    restore_newest = None
    if newest is not None:
        when = newest.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
        box.setInformativeText(
            _tr(
                "The newest good backup was made on {when}. Changes made after it are lost; "
                "if you have a newer backup on a USB stick, choose that file instead."
            ).format(when=when)
        )
        restore_newest = box.addButton(
            _tr("&Restore the backup of {when}").format(when=when), QMessageBox.ButtonRole.AcceptRole
        )
    else:
        box.setInformativeText(
            _tr("There is no backup in the notebook folder. If you have one on a USB stick, choose that file.")
        )
    pick = box.addButton(_tr("&Choose a backup file…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
    if restore_newest is not None:
        box.setDefaultButton(restore_newest)
    run_modal(box)
    clicked = box.clickedButton()
    if newest is not None and clicked is restore_newest:
        return newest.path
    if clicked is pick:
        name = files.open_file_name(
            parent,
            _tr("Choose a backup of the notebook"),
            str(paths.backups if paths.backups.is_dir() else Path.home()),
            _tr("Notebook backups (*{extension})").format(extension=EXTENSION),
        )
        return Path(name) if name else None
    return None


def _restore(file: Path, paths: ProfilePaths, attempt: Attempt, *, replace_other: bool) -> None:
    restoring.restore_backup(
        file,
        paths,
        user=attempt.user,
        passphrase=attempt.passphrase,
        recovery_code=attempt.recovery_code,
        replace_newer=True,  # the profile in place cannot be read: nothing newer can be lost by replacing it
        replace_other=replace_other,
    )


def _replace_other_notebook(refused: restoring.OtherProfileError, parent: QWidget | None) -> bool:
    """The second question: this backup is of another notebook; put it in place of this one anyway?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(
        _tr(
            "This backup is of another notebook: commune {backup_commune}, {backup_collaborator}, id {backup_id}. "
            "The notebook here is commune {current_commune}, {current_collaborator}, id {current_id}."
        ).format(**refused.params)
    )
    box.setInformativeText(
        _tr(
            "Replace this notebook with the other one? This notebook's files are kept in a folder named "
            "“replaced-…” inside the notebook folder."
        )
    )
    replace = box.addButton(_tr("Re&place with the other notebook"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_tr("&Keep this notebook"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    run_modal(box)
    return box.clickedButton() is replace


def _older_passphrase(user: str, parent: QWidget | None) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        APP_NAME,
        _tr("This backup was made when {user} had another passphrase. Type the passphrase of that time:").format(
            user=user
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def _busy(work: Any) -> Any:
    """Checksums and copies of a large file take a few seconds: show it, but keep it simple and modal."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QApplication.restoreOverrideCursor()
