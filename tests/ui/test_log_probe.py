"""A save that the database refuses leaves no case note on disk: another process holds the write lock
while a domestic-violence case is opened, the dialog says it could not save, and neither the profile's
log nor any file of the temporary folder holds what was typed (only the encrypted database does)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

import db.session
from desktop.services.casework import cases
from desktop.services.profile import opening as profile_service
from desktop.services.register import households
from desktop.ui.dialogs.case.opening import CaseOpenDialog
from desktop.ui.translation import message_text
from tests.conftest import PASSPHRASE, USER
from tests.leaks import app_logging, places_holding

NAME = "Dương Thị Lý"
NOTE = f"Chồng đánh vợ bằng gậy tre ở bếp, nạn nhân {NAME} XQZ-7319"


def test_a_save_refused_under_a_held_lock_leaves_no_note_on_disk(qtbot, ctx, family, monkeypatch):
    started = time.time()
    profile = ctx.profile
    monkeypatch.setattr(db.session, "BUSY_TIMEOUT_MS", 50)  # production waits 5 s for the lock
    profile.engine.dispose()  # connections made from here on wait 50 ms
    with app_logging(profile.paths):
        other = profile_service.unlock(profile.paths, USER, PASSPHRASE)  # as a second process would
        try:
            with other.engine.connect() as holder:
                holder.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, held past the busy timeout
                dialog = CaseOpenDialog(ctx, households.detail(profile, family))
                qtbot.addWidget(dialog)
                dialog.show()
                dialog.kind.set_value("domestic_violence")
                dialog.summary.setPlainText(NOTE)
                qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
                assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
                assert dialog.general_error.text() == message_text(
                    "Could not save because of an unexpected error. Nothing was changed."
                )
                assert dialog.summary.toPlainText() == NOTE  # the input is kept for another try
                holder.rollback()
        finally:
            other.close()
    assert cases.for_household(profile, family) == []
    assert places_holding([NOTE, NAME, "gậy tre", "XQZ-7319"], profile.paths.home, started) == []
    log = (profile.paths.logs / "sotay.log").read_text(encoding="utf-8")
    # What whoever fixes it needs is there: what failed, the driver's reason, where, the version.
    assert "Saving failed" in log and "sqlalchemy.exc.OperationalError" in log and "SQLITE_BUSY" in log
    assert "INSERT INTO" in log and "desktop/services/casework/cases.py" in log and "sotay 0.1.0 started" in log
