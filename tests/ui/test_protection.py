"""Protecting the notebook, driven through the real dialogs: set-up, recovery code, login, throttling,
recovery with a forced new passphrase, the idle lock, users in Settings, changing my passphrase."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop.paths import ProfilePaths, state_dir
from desktop.security.keystore import KeyStore, WrongPassphraseError, WrongRecoveryCodeError
from desktop.security.secrets import FALLBACK_NOTICE
from desktop.security.throttle import Throttle
from desktop.services import reference
from desktop.services.profile import audit, recovery, users
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import Role
from desktop.services.profile.recovery_sheet import write_recovery_sheet
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from desktop.ui import app as ui_app
from desktop.ui.context import AppContext
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.dialogs.login import LoginDialog
from desktop.ui.dialogs.passphrase import ChangePassphraseDialog, NewPassphraseDialog
from desktop.ui.dialogs.protect import ProtectDialog
from desktop.ui.dialogs.recovery_code import RecoveryCodeDialog
from desktop.ui.dialogs.setup import SetupDialog
from desktop.ui.dialogs.user import UserDialog
from desktop.ui.lane import DbLane
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_store import saved_idle_minutes
from desktop.ui.translation import message_text
from tests.conftest import COMMUNE, PASSPHRASE, USER
from tests.ui.helpers import open_main_window, type_text
from tests.ui.unsaved_helpers import DISCARD, answer

WRONG = "Sai tên người dùng hoặc mật khẩu."
SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture
def lane(qtbot) -> Iterator[DbLane]:
    """The start-up lane app.main() uses before a profile is open."""
    worker = DbLane()
    yield worker
    qtbot.waitUntil(worker.is_idle, timeout=10_000)
    worker.shutdown()


def when_modal(kind: type, action: Callable[[QDialog], None], *, timeout_s: float = 10.0) -> None:
    """Run `action(dialog)` as soon as a modal dialog of `kind` is showing (it is exec'd right after)."""
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            action(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def wait_done(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


# First run ########################################################################################


def test_first_run_creates_an_encrypted_profile_whose_recovery_code_opens_it(qtbot, tmp_path, lane):
    paths = ProfilePaths(tmp_path / "new")
    dialog = SetupDialog(paths, lane)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.commune_filter, "cam xuyen")
    assert dialog.commune_code() == COMMUNE  # the only match is chosen
    type_text(qtbot, dialog.collaborator, "Phan Thị Hằng")
    assert dialog.user.text() == "Phan Thị Hằng"  # the login name follows the name until typed over
    for village in ("Thôn Trung Hòa", "Thôn Đông Hà"):
        type_text(qtbot, dialog.village_name, village)
        qtbot.keyClick(dialog.village_name, Qt.Key.Key_Return)  # Enter adds the village, it does not save
    type_text(qtbot, dialog.village_name, "thon trung hoa")
    assert dialog.panel.error_text("villages") == "Thôn này đã có trong danh sách."
    dialog.village_name.clear()
    type_text(qtbot, dialog.passphrase, "ngắn")
    assert dialog.account.error_text("passphrase") == "Mật khẩu phải có ít nhất 8 ký tự."
    dialog.passphrase.clear()
    type_text(qtbot, dialog.passphrase, "hoa sen nở giữa hè")
    type_text(qtbot, dialog.passphrase_again, "hoa sen nở giữa he")
    assert dialog.account.error_text("passphrase_again")  # not the same twice
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.passphrase_again, Qt.Key.Key_Backspace)
    type_text(qtbot, dialog.passphrase_again, "è")
    assert dialog.account.error_text("passphrase_again") == ""
    assert dialog.save_button.isEnabled()

    dialog.try_save()
    assert dialog.busy and not dialog.panel.isEnabled()  # keys are derived off the GUI thread
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    created = dialog.created
    assert created is not None and dialog.village_error is None
    assert paths.database.read_bytes()[:16] != SQLITE_HEADER
    assert profile_service.profile_state(paths) is profile_service.ProfileState.LOCKED
    assert created.profile.user.name == "Phan Thị Hằng" and created.profile.user.role is Role.OFFICER
    with created.profile.sessions() as session:
        assert [v.name for v in reference.villages(session, COMMUNE)] == ["Thôn Trung Hòa", "Thôn Đông Hà"]
    assert dialog.commune_name() == "Xã Cẩm Xuyên"

    # The code is shown once; the user goes on only after saying it was written down.
    shown = RecoveryCodeDialog(created.recovery_code, commune=dialog.commune_name(), user="Phan Thị Hằng")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.code_label.text() == created.recovery_code
    assert not shown.continue_button.isEnabled()
    shown.reject()  # Escape or the close button cannot skip it
    assert shown.isVisible()
    pdf = tmp_path / "code.pdf"
    assert shown.save_pdf(pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-" and str(pdf) in shown.saved_note.text()
    shown.confirm.click()
    assert shown.continue_button.isEnabled()
    shown.continue_button.click()
    assert shown.result() == QDialog.DialogCode.Accepted
    created.profile.close()

    # Forgotten passphrase: the code from the dialog opens the profile and asks for a new passphrase.
    login = LoginDialog(paths, lane)
    qtbot.addWidget(login)
    login.show()
    login.forgot.click()
    assert login.pages.currentIndex() == 1
    type_text(qtbot, login.recovery_code, created.recovery_code[:-1] + "?")
    assert "?" in login.recovery_panel.error_text("recovery_code")
    assert not login.recover_button.isEnabled()
    login.recovery_code.clear()
    type_text(qtbot, login.recovery_code, created.recovery_code.lower().replace("-", " "))
    assert login.recovery_panel.error_text("recovery_code") == ""
    qtbot.keyClick(login.recovery_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert login.profile is not None and login.profile.must_change_passphrase
    login.profile.close()


def test_a_profile_from_before_protection_is_protected(qtbot, tmp_path, lane):
    paths = ProfilePaths(tmp_path / "old")
    plain = profile_service.open_plain(paths)
    profile_service.set_up(plain, commune_code=COMMUNE, collaborator="Lê Thị Mai")
    plain.close()
    assert profile_service.profile_state(paths) is profile_service.ProfileState.PLAIN
    dialog = ProtectDialog(paths, lane)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.user.text() == "Lê Thị Mai"
    assert dialog.focusWidget() is dialog.passphrase
    type_text(qtbot, dialog.passphrase, "một câu dài để nhớ")
    type_text(qtbot, dialog.passphrase_again, "một câu dài để nhớ")
    dialog.try_save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert dialog.created is not None and dialog.created.recovery_code
    dialog.created.profile.close()
    assert paths.database.read_bytes()[:16] != SQLITE_HEADER
    assert profile_service.user_names(paths) == ["Lê Thị Mai"]


# Logging in #######################################################################################


@pytest.fixture
def locked(profile) -> ProfilePaths:
    """The test profile, closed: it has to be unlocked again."""
    profile.close()
    return profile.paths


def test_the_only_user_is_chosen_and_the_focus_waits_in_the_passphrase(qtbot, locked, lane):
    dialog = LoginDialog(locked, lane)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_user() == USER
    assert dialog.focusWidget() is dialog.passphrase
    assert dialog.login_button.isDefault()


def test_a_wrong_passphrase_says_so_and_opens_nothing(qtbot, locked, lane):
    dialog = LoginDialog(locked, lane)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.passphrase, "không phải mật khẩu")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter logs in
    assert dialog.busy
    wait_done(qtbot, dialog)
    assert dialog.message.isVisible() and dialog.message.text() == WRONG
    assert dialog.profile is None and dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.passphrase.clear()
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    assert not dialog.message.isVisible()  # typing again clears the message
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert dialog.profile is not None and dialog.profile.user.name == USER
    dialog.profile.close()


def test_too_many_wrong_passphrases_show_the_wait_and_count_it_down(qtbot, locked, lane):
    throttle = Throttle(state_dir() / "login" / KeyStore.load(locked.home).key_id)
    for _ in range(9):  # after nine failures the next attempt waits 16 seconds
        throttle.record_failure(USER, time.time())
    dialog = LoginDialog(locked, lane)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.passphrase, PASSPHRASE)  # even the right passphrase must wait
    dialog.login_button.click()
    wait_done(qtbot, dialog)
    assert dialog.profile is None
    assert not dialog.login_button.isEnabled()
    wait = dialog.countdown.remaining
    assert 10 <= wait <= 16 and str(wait) in dialog.message.text()
    dialog.countdown.tick()
    assert str(wait - 1) in dialog.message.text() and not dialog.login_button.isEnabled()
    for _ in range(wait):
        dialog.countdown.tick()
    assert dialog.login_button.isEnabled()


def test_recovery_forces_a_new_passphrase_and_the_old_one_stops_working(qtbot, tmp_path, lane):
    paths = ProfilePaths(tmp_path / "home")
    created = profile_service.create_profile(
        paths, commune_code=COMMUNE, collaborator=USER, user=USER, passphrase=PASSPHRASE
    )
    created.profile.close()
    steps: list[str] = []

    def recover(login: LoginDialog) -> None:
        login.forgot.click()
        type_text(qtbot, login.recovery_code, created.recovery_code)
        login.recover_button.click()
        steps.append("recovery code")
        when_modal(NewPassphraseDialog, close_without_choosing)

    def close_without_choosing(forced: NewPassphraseDialog) -> None:
        assert forced.profile.must_change_passphrase
        forced.reject()  # cannot be skipped: closing it means the notebook is not opened
        steps.append("closed")

    when_modal(LoginDialog, recover)
    assert ui_app._log_in(paths, lane) == 0
    assert steps == ["recovery code", "closed"]
    profile_service.unlock(paths, USER, PASSPHRASE).close()  # nothing changed: the old one still works

    def recover_again(login: LoginDialog) -> None:
        login.forgot.click()
        type_text(qtbot, login.recovery_code, created.recovery_code)
        login.recover_button.click()
        when_modal(NewPassphraseDialog, choose)

    shown: list[str] = []

    def choose(forced: NewPassphraseDialog) -> None:
        type_text(qtbot, forced.passphrase, "mật khẩu mới tinh")
        type_text(qtbot, forced.passphrase_again, "mật khẩu mới tinh")
        when_modal(RecoveryCodeDialog, new_code_written_down)
        forced.try_save()

    def new_code_written_down(dialog: RecoveryCodeDialog) -> None:
        shown.append(dialog.code_label.text())
        dialog.reject()  # the only showing of the new code cannot be closed before it is written down
        assert dialog.isVisible()
        dialog.confirm.click()
        dialog.continue_button.click()

    when_modal(LoginDialog, recover_again)
    opened = ui_app._log_in(paths, lane)
    assert isinstance(opened, profile_service.Profile)
    assert not opened.must_change_passphrase
    newest = audit.events(opened, limit=1)[0]
    assert newest.summary["passphrase_reset"] == [None, "recovery_code"]
    opened.close()
    with pytest.raises(WrongPassphraseError):
        profile_service.unlock(paths, USER, PASSPHRASE)
    profile_service.unlock(paths, USER, "mật khẩu mới tinh").close()
    assert len(shown) == 1 and shown[0] != created.recovery_code
    with pytest.raises(WrongRecoveryCodeError):  # the used code is spent; the one shown works
        recovery.unlock_with_recovery(paths, USER, created.recovery_code)
    recovery.unlock_with_recovery(paths, USER, shown[0]).close()


def test_the_login_refuses_the_recovery_code_for_a_collaborator(qtbot, tmp_path, lane):
    paths = ProfilePaths(tmp_path / "home")
    created = profile_service.create_profile(
        paths, commune_code=COMMUNE, collaborator=USER, user=USER, passphrase=PASSPHRASE
    )
    with created.profile.sessions.begin() as session:
        village = reference.add_village(session, COMMUNE, "Thôn Đông Hà")
    users.add_user(
        created.profile, users.UserInput("Trần Văn Minh", Role.CTV, villages=(village,)), "mật khẩu của Minh"
    )
    created.profile.close()
    before = paths.keyslots.read_bytes()
    login = LoginDialog(paths, lane)
    qtbot.addWidget(login)
    login.show()
    login.user.setCurrentText("Trần Văn Minh")
    login.forgot.click()
    type_text(qtbot, login.recovery_code, created.recovery_code)
    login.recover_button.click()
    qtbot.waitUntil(lambda: login.recovery_message.isVisible(), timeout=10_000)
    assert "Trần Văn Minh" in login.recovery_message.text() and login.profile is None
    assert paths.keyslots.read_bytes() == before


def test_a_locked_profile_without_a_passphrase_is_pictured_at_its_login(qtbot, locked, tmp_path, monkeypatch):
    monkeypatch.delenv("SOTAY_PASSPHRASE", raising=False)
    target = tmp_path / "login.png"
    assert ui_app.main(locked, screenshot=target) == 0
    assert target.stat().st_size > 5_000
    ui_app.translation.install("vi")


# The idle lock ####################################################################################


def test_idle_lock_hides_a_half_filled_form_and_unlocking_brings_it_back(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    assert window.idle.is_running() and window.idle.minutes == saved_idle_minutes(ctx.profile.paths) == 10
    seen: dict[str, object] = {}

    def fill_then_go_away(dialog: HouseholdDialog) -> None:
        try:
            type_text(qtbot, dialog.code, "077")
            type_text(qtbot, dialog.address, "Xóm 5, gần chợ")
            dialog.address.setCursorPosition(4)
            window.idle.trigger_timeout()  # ten minutes without input
            seen["locked"] = window.locked
            seen["dialog hidden"] = not dialog.isVisible()
            seen["content hidden"] = not window.content.isVisible() and window.lock_screen.isVisible()
            seen["status hidden"] = not window.statusBar().isVisible()
            seen["lock focus"] = window.lock_screen.passphrase.hasFocus()
            type_text(qtbot, window.lock_screen.passphrase, "sai rồi")
            qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: window.lock_screen.message.isVisible(), timeout=10_000)
            seen["wrong"] = window.lock_screen.message.text()
            seen["still locked"] = window.locked and not dialog.isVisible()
            window.lock_screen.passphrase.clear()
            type_text(qtbot, window.lock_screen.passphrase, PASSPHRASE)
            window.lock_screen.unlock_button.click()
            qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
            seen["back"] = dialog.isVisible() and window.content.isVisible()
            seen["typed"] = (dialog.code.text(), dialog.address.text(), dialog.address.cursorPosition())
            seen["focus"] = dialog.focusWidget() is dialog.address
            seen["modal again"] = QApplication.activeModalWidget() is dialog
            seen["timer again"] = window.idle.is_running()
        finally:
            answer(DISCARD)  # the form has changes: closing it asks first
            dialog.reject()

    when_modal(HouseholdDialog, fill_then_go_away)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == {
        "locked": True,
        "dialog hidden": True,
        "content hidden": True,
        "status hidden": True,
        "lock focus": True,
        "wrong": WRONG,
        "still locked": True,
        "back": True,
        "typed": ("077", "Xóm 5, gần chợ", 4),
        "focus": True,
        "modal again": True,
        "timer again": True,
    }


def test_ctrl_l_locks_even_from_a_dialog_and_log_out_closes_everything(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    seen: dict[str, object] = {}

    def lock_from_the_form(dialog: HouseholdDialog) -> None:
        type_text(qtbot, dialog.code, "078")
        qtbot.keyClick(dialog.code, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["locked"] = window.locked and not dialog.isVisible()
        seen["code"] = dialog.code.text()  # Ctrl+L is not typed into the field
        window.lock_screen.log_out_button.click()
        seen["rejected"] = dialog.result() == QDialog.DialogCode.Rejected

    when_modal(HouseholdDialog, lock_from_the_form)
    with qtbot.waitSignal(window.logged_out, timeout=10_000):
        window.new_household()
    assert seen == {"locked": True, "code": "078", "rejected": True}
    assert window.was_logged_out and not window.isVisible()
    assert households.find_by_code(ctx.profile, "078") is None


def test_idle_minutes_come_from_settings(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    window.settings.idle_minutes.setValue(3)
    assert saved_idle_minutes(ctx.profile.paths) == 3
    assert window.idle.minutes == 3
    window.settings.idle_minutes.setValue(500)
    assert window.settings.idle_minutes.value() == 120


def test_the_user_and_the_keyring_notice_are_shown(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    assert window.side.user_name.text() == USER
    assert window.side.user_role.text()
    window.check_keyring_notice()  # the test keyring is the "fail" backend: secrets live in the profile
    qtbot.waitUntil(lambda: window.dashboard.notice.isVisible(), timeout=10_000)
    assert window.dashboard.notice.text.text() == message_text(FALLBACK_NOTICE)
    window.dashboard.notice.close_button.click()
    assert not window.dashboard.notice.isVisible()
    window.check_keyring_notice()  # only the first time
    qtbot.wait(300)
    assert not window.dashboard.notice.isVisible()


# Users ############################################################################################


def test_an_officer_adds_a_collaborator_who_then_logs_in_to_their_villages(qtbot, ctx, register, wait_lane, lane):
    for code, village in (("001", register.village_a), ("002", register.village_b)):
        households.create(ctx.profile, HouseholdInput(code=code, village_id=village))
    window = open_main_window(qtbot, ctx, wait_lane)
    page = window.settings.users
    window.settings.show_users()
    assert page.users_box.isVisibleTo(window.settings) and page.model.rowCount() == 1

    def fill(dialog: UserDialog) -> None:
        type_text(qtbot, dialog.name, "Trần Văn Bình")
        dialog.role.set_value(Role.CTV)
        assert dialog.panel.error_text("villages")  # a collaborator needs villages
        dialog.villages.set_checked(register.village_a)
        type_text(qtbot, dialog.passphrase, "bình ở thôn đông")
        type_text(qtbot, dialog.passphrase_again, "bình ở thôn đông")
        assert dialog.save_button.isEnabled()
        dialog.try_save()

    when_modal(UserDialog, fill)
    page.add_button.click()
    wait_lane()
    added = next(u for u in users.list_users(ctx.profile) if u.name == "Trần Văn Bình")
    assert (added.role, added.villages, added.protection) == (Role.CTV, (register.village_a,), False)
    assert page.model.rowCount() == 2

    login = LoginDialog(ctx.profile.paths, lane)
    qtbot.addWidget(login)
    login.user.setCurrentText("Trần Văn Bình")
    type_text(qtbot, login.passphrase, "bình ở thôn đông")
    login.login_button.click()
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    ctv = login.profile
    assert ctv is not None and ctv.user.role is Role.CTV and ctv.user.villages == {register.village_a}
    ctv_ctx = AppContext(ctv)
    try:
        ctv_window = MainWindow(ctv_ctx)
        qtbot.addWidget(ctv_window)
        ctv_window.show()
        ctv_window.start()
        qtbot.waitUntil(ctv_ctx.lane.is_idle, timeout=10_000)
        assert ctv_window.side.user_name.text() == "Trần Văn Bình"
        assert not ctv_window.settings.users.users_box.isVisibleTo(ctv_window.settings)
        shown = ctv_window.household_list.model
        assert {shown.household_id(r) for r in range(shown.rowCount())} == {households.find_by_code(ctx.profile, "001")}
    finally:
        ctv_window.close()
        qtbot.waitUntil(ctv_ctx.lane.is_idle, timeout=10_000)
        ctv_ctx.close()


def test_an_officer_changes_and_removes_a_user(qtbot, ctx, register, wait_lane, monkeypatch):
    from desktop.services.profile.users import UserInput

    bob = users.add_user(ctx.profile, UserInput("Võ Văn Tài", Role.HUB), "tài xem thôi nhé")
    window = open_main_window(qtbot, ctx, wait_lane)
    page = window.settings.users
    row = next(r for r in range(page.model.rowCount()) if page.model.record(r).id == bob)
    page.table.selectRow(row)

    def change(dialog: UserDialog) -> None:
        assert dialog.name.isReadOnly()
        dialog.role.set_value(Role.CTV)
        dialog.villages.set_checked(register.village_b)
        dialog.protection.setChecked(True)
        # Granting the permission locks the cases' key with the user's own passphrase: they type it here.
        assert dialog.panel.error_text("their_passphrase") and not dialog.save_button.isEnabled()
        type_text(qtbot, dialog.their_passphrase, "tài xem thôi nhé")
        dialog.save_button.click()

    when_modal(UserDialog, change)
    page.edit_button.click()
    qtbot.waitUntil(lambda: next(u for u in users.list_users(ctx.profile) if u.id == bob).protection, timeout=10_000)
    changed = next(u for u in users.list_users(ctx.profile) if u.id == bob)
    assert (changed.role, changed.villages, changed.protection) == (Role.CTV, (register.village_b,), True)

    row = next(r for r in range(page.model.rowCount()) if page.model.record(r).id == bob)
    page.table.selectRow(row)
    monkeypatch.setattr("desktop.ui.pages.users.confirm", lambda *_args: True)
    page.remove_button.click()
    assert [u.name for u in users.list_users(ctx.profile)] == [USER]
    # The officer cannot remove themself.
    page.table.selectRow(0)
    assert not page.remove_button.isEnabled()


def test_change_my_passphrase(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    dialog = ChangePassphraseDialog(ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.old, "không đúng đâu")
    type_text(qtbot, dialog.passphrase, "mùa lúa chín vàng")
    type_text(qtbot, dialog.passphrase_again, "mùa lúa chín vàng")
    dialog.try_save()
    wait_done(qtbot, dialog)
    assert dialog.panel.error_text("old_passphrase")  # the wrong current passphrase, said under its field
    assert dialog.isVisible()
    dialog.old.clear()
    type_text(qtbot, dialog.old, PASSPHRASE)
    dialog.try_save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    paths = ctx.profile.paths
    with pytest.raises(WrongPassphraseError):
        profile_service.unlock(paths, USER, PASSPHRASE)
    profile_service.unlock(paths, USER, "mùa lúa chín vàng").close()


def test_the_recovery_sheet_is_one_a4_page(tmp_path):
    pdf = write_recovery_sheet(
        tmp_path / "sheet.pdf", commune="Xã Cẩm Xuyên", user="Nguyễn Thị Lan", code="7K3M-Q9XD", made_on=date.today()
    )
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-"
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841(\.\d+)?\s*\]", data)  # A4, in points
    # In the reports' layout, with the bundled serif font embedded, and the code readable as printed.
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "LiberationSerif" in fonts and all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "7K3M - Q9XD" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Nguyễn Thị Lan" in text


# A whole session through app.main #################################################################


def test_a_whole_session_set_up_lock_log_out_and_log_in_again(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.excepthook", sys.excepthook)  # main() installs its own for a person at the screen
    paths = ProfilePaths(tmp_path / "session")
    steps: list[str] = []

    def main_window() -> MainWindow | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        return found[0] if found else None

    def when_window(action: Callable[[MainWindow], None]) -> None:
        deadline = time.monotonic() + 20

        def poll() -> None:
            window = main_window()
            if window is not None and window.ctx.lane.is_idle():
                action(window)
            elif time.monotonic() < deadline:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)

    def set_up(dialog: SetupDialog) -> None:
        qtbot.keyClicks(dialog.commune_filter, "cam xuyen")
        type_text(qtbot, dialog.collaborator, "Phan Thị Hằng")
        type_text(qtbot, dialog.village_name, "Thôn Trung Hòa")
        for field in (dialog.passphrase, dialog.passphrase_again):
            type_text(qtbot, field, "hoa sen nở giữa hè")
        dialog.save_button.click()
        steps.append("set up")
        when_modal(RecoveryCodeDialog, written_down, timeout_s=20)

    def written_down(dialog: RecoveryCodeDialog) -> None:
        steps.append("recovery code")
        dialog.confirm.click()
        dialog.continue_button.click()
        when_window(lock_and_log_out)

    def lock_and_log_out(window: MainWindow) -> None:
        steps.append(f"window of {window.side.user_name.text()}")
        qtbot.keyClick(window.household_list, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert window.locked
        steps.append("locked")
        when_modal(LoginDialog, log_in_again)
        window.lock_screen.log_out_button.click()

    def log_in_again(dialog: LoginDialog) -> None:
        steps.append(f"login of {dialog.chosen_user()}")
        type_text(qtbot, dialog.passphrase, "hoa sen nở giữa hè")
        dialog.login_button.click()
        when_window(close)

    def close(window: MainWindow) -> None:
        steps.append("closed")
        window.close()

    when_modal(SetupDialog, set_up)
    assert ui_app.main(paths) == 0
    ui_app.translation.install("vi")
    assert steps == [
        "set up",
        "recovery code",
        "window of Phan Thị Hằng",
        "locked",
        "login of Phan Thị Hằng",
        "closed",
    ]
    assert QApplication.instance().quitOnLastWindowClosed()  # as it was before main()
    # Logging out made the day's automatic backup; closing the same day did not make another.
    assert len(list(paths.backups.glob("*-auto.sotaybak"))) == 1


def test_a_damaged_database_at_login_is_replaced_by_the_newest_good_backup(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.profile import backup
    from tests.conftest import make_profile

    monkeypatch.setattr("sys.excepthook", sys.excepthook)
    profile = make_profile(tmp_path / "damaged")
    paths = profile.paths
    with profile.sessions.begin() as session:
        village = reference.add_village(session, COMMUNE, "Thôn Đông Hà")
    for number in range(300):
        households.create(profile, HouseholdInput(code=f"{number:03d}", village_id=village, address="Xóm " * 20))
    backup.auto_backup(profile)
    with profile.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    profile.close()
    data = bytearray(paths.database.read_bytes())
    data[len(data) // 2] ^= 0x01  # a page deep in the file: the schema still reads
    paths.database.write_bytes(bytes(data))
    seen: list[str] = []

    def log_in(dialog: LoginDialog) -> None:
        type_text(qtbot, dialog.passphrase, PASSPHRASE)
        dialog.login_button.click()
        when_modal(QMessageBox, offered)

    def offered(box: QMessageBox) -> None:
        seen.append(box.text())
        restore = next(b for b in box.buttons() if "Restore" in b.text() or "Khôi phục" in b.text())
        restore.click()
        when_modal(QMessageBox, restored, timeout_s=20)

    def restored(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()
        when_modal(LoginDialog, log_in_after)

    def log_in_after(dialog: LoginDialog) -> None:
        type_text(qtbot, dialog.passphrase, PASSPHRASE)
        dialog.login_button.click()
        deadline = time.monotonic() + 20

        def close_window() -> None:
            found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            if found and found[0].ctx.lane.is_idle():
                seen.append("window")
                found[0].close()
            elif time.monotonic() < deadline:
                QTimer.singleShot(20, close_window)

        QTimer.singleShot(0, close_window)

    when_modal(LoginDialog, log_in)
    assert ui_app.main(paths) == 0
    ui_app.translation.install("vi")
    assert len(seen) == 3 and seen[-1] == "window", seen
    assert list(paths.home.glob("replaced-*/profile.db"))  # the damaged file was kept aside
    opened = profile_service.unlock(paths, USER, PASSPHRASE, check_pages=True)
    try:
        assert len(households.list_ids(opened)) == 300
    finally:
        opened.close()


def test_while_locked_shortcuts_do_nothing_and_a_form_finished_meanwhile_stays_closed(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    window.lock()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert QApplication.activeModalWidget() is None and window.stack.currentIndex() == 0
    window.unlock()
    seen: list[HouseholdDialog] = []

    def lock_then_finish(dialog: HouseholdDialog) -> None:
        seen.append(dialog)
        window.lock()
        dialog.reject()  # as when a save running in the background completes while locked

    when_modal(HouseholdDialog, lock_then_finish)
    window.new_household()
    assert window.locked
    window.unlock()
    assert seen and not seen[0].isVisible()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # shortcuts are back
    assert window.stack.currentIndex() == 1
