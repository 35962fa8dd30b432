"""Cài đặt → Sao lưu: the automatic backups are listed and a backup goes to a folder the user picks."""

from __future__ import annotations

from desktop.services.profile import backup, restoring
from desktop.services.profile import opening as profile_service
from desktop.ui.pages.backups import BackupsPage
from desktop.ui.pages.settings import SettingsPage
from tests.conftest import PASSPHRASE, USER


def _page(qtbot, ctx) -> BackupsPage:
    settings = SettingsPage(ctx)
    qtbot.addWidget(settings)
    settings.show()
    settings.tabs.setCurrentWidget(settings.backups)
    return settings.backups


def test_the_automatic_backups_are_listed(qtbot, ctx, wait_lane):
    page = _page(qtbot, ctx)
    wait_lane()
    assert page.model.rowCount() == 0 and page.empty.isVisibleTo(page)
    backup.auto_backup(ctx.profile)
    page.reload()
    wait_lane()
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 1)) == "tự động"
    assert page.model.data(page.model.index(0, 3)) == "nguyên vẹn"


def test_a_backup_whose_hmac_fails_is_shown_damaged(qtbot, ctx, wait_lane):
    made = backup.auto_backup(ctx.profile)
    assert made is not None
    raw = bytearray(made.read_bytes())
    raw[-1] ^= 0x01  # the HMAC itself: the checksum still holds, only the key can tell
    made.write_bytes(bytes(raw))
    page = _page(qtbot, ctx)
    wait_lane()
    assert page.model.data(page.model.index(0, 3)) == "bị hỏng"


def test_a_backup_to_a_usb_stick_restores_elsewhere(qtbot, ctx, wait_lane, tmp_path, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr("desktop.ui.pages.backups.inform", lambda _parent, _title, text: said.append(text))
    page = _page(qtbot, ctx)
    usb = tmp_path / "usb"
    usb.mkdir()
    page.back_up_to_folder(usb)
    wait_lane()
    [written] = list(usb.glob("*.sotaybak"))
    assert str(written) in said[0]
    other = profile_service.ProfilePaths(tmp_path / "other")
    restored = restoring.restore_backup(written, other, passphrase=PASSPHRASE)
    assert restored.user == USER


def test_a_missing_folder_is_explained_and_nothing_written(qtbot, ctx, wait_lane, tmp_path, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr("desktop.ui.pages.backups.warn", lambda _parent, _title, text: warned.append(text))
    page = _page(qtbot, ctx)
    page.back_up_to_folder(tmp_path / "unplugged")
    wait_lane()
    assert warned and "USB" in warned[0]
    assert page.to_usb.isEnabled()
