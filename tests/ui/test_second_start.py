"""One process per profile in the app: a second start on an open notebook, and restoring another notebook."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services.profile import backup
from desktop.services.profile import opening as profile_service
from desktop.services.profile.process_lock import LOCK_FILE
from desktop.ui import app as ui_app
from desktop.ui.dialogs import restore as restore_dialog
from desktop.ui.dialogs.login import Attempt, LoginDialog
from tests.conftest import PASSPHRASE, USER, make_profile
from tests.profile_holder import held


def test_a_second_start_on_an_open_notebook_says_so_and_shows_no_login(qtbot, tmp_path, monkeypatch):
    paths = make_profile(tmp_path / "home").paths
    said: list[str] = []
    logins: list[LoginDialog] = []

    class CountedLogin(LoginDialog):
        def exec(self) -> int:
            logins.append(self)
            return 0  # closed at once: the start ends without opening the notebook

    monkeypatch.setattr("desktop.ui.modal.inform", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr("desktop.ui.dialogs.login.LoginDialog", CountedLogin)
    monkeypatch.setattr("sys.excepthook", sys.excepthook)
    with held(paths.home, PASSPHRASE):
        assert ui_app.main(paths) == 2
        ui_app.translation.install("vi")
        assert said == ["Sổ tay đang mở ở cửa sổ khác."]
        assert logins == [] and [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    # Once the other window is gone, the app starts as always: with the login.
    assert ui_app.main(paths) == 0
    ui_app.translation.install("vi")
    assert len(logins) == 1 and said == ["Sổ tay đang mở ở cửa sổ khác."]


def test_restoring_another_notebooks_backup_asks_a_second_question_naming_both(qtbot, tmp_path, monkeypatch):
    current, other = make_profile(tmp_path / "current"), make_profile(tmp_path / "other")
    made = backup.create_backup(other, tmp_path)
    ids = current.profile_id, other.profile_id
    current.close()
    other.close()
    asked: list[str] = []
    answers: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        wanted = answers.pop(0)
        next(b for b in box.buttons() if wanted in b.text().replace("&", "")).click()
        return 0

    monkeypatch.setattr(restore_dialog, "_choose", lambda _paths, _newest, _parent: made)
    monkeypatch.setattr(restore_dialog, "run_modal", answer)
    monkeypatch.setattr(restore_dialog, "inform", lambda *_args: None)

    def files() -> dict[str, bytes]:
        home = current.paths.home
        return {p.name: p.read_bytes() for p in home.iterdir() if p.is_file() and p.name != LOCK_FILE}

    before = files()
    answers.append("Giữ sổ tay này")
    assert restore_dialog.offer_restore(current.paths, Attempt(USER, passphrase=PASSPHRASE)) is False
    assert files() == before and not list(current.paths.home.glob("replaced-*"))
    [question] = asked
    assert ids[0][:8] in question and ids[1][:8] in question

    answers.append("Thay bằng sổ tay kia")
    assert restore_dialog.offer_restore(current.paths, Attempt(USER, passphrase=PASSPHRASE)) is True
    restored = profile_service.unlock(current.paths, USER, PASSPHRASE)
    try:
        assert restored.profile_id == ids[1]
    finally:
        restored.close()
