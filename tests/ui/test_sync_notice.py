"""The overview says, after a backup was restored, to sync with the upper level before sending new work."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.paths import ProfilePaths
from desktop.services.profile import backup, restoring
from desktop.services.profile import opening as profile_service
from desktop.services.profile.restore_sync import clear_sync_needed
from desktop.ui.context import AppContext
from desktop.ui.pages.dashboard import DashboardPage
from tests.conftest import PASSPHRASE, USER

SENTENCE = "Bản sao lưu đã được khôi phục. Hãy đồng bộ với cấp trên trước khi gửi công việc mới."


def shown_page(qtbot, ctx: AppContext) -> DashboardPage:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    return page


def test_the_overview_says_to_sync_after_a_restore_until_a_sync_clears_it(qtbot, profile, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backup.create_backup(profile, stick)
    paths = ProfilePaths(tmp_path / "restored")
    restoring.restore_backup(made, paths, passphrase=PASSPHRASE)
    restored = profile_service.unlock(paths, USER, PASSPHRASE)
    ctx = AppContext(restored)
    try:
        page = shown_page(qtbot, ctx)
        assert page.sync_notice.isVisible() and page.sync_notice.text.text() == SENTENCE
        qtbot.mouseClick(page.sync_notice.close_button, Qt.MouseButton.LeftButton)
        assert not page.sync_notice.isVisible()
        with qtbot.waitSignal(page.loaded, timeout=5000):
            page.reload()
        assert not page.sync_notice.isVisible()  # dismissed: not again until the next start

        clear_sync_needed(restored)
        page = shown_page(qtbot, ctx)
        assert not page.sync_notice.isVisible()
    finally:
        qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
        ctx.lane.shutdown()
        restored.close()


def test_the_overview_says_nothing_of_sync_when_no_backup_was_restored(qtbot, ctx):
    page = shown_page(qtbot, ctx)
    assert not page.sync_notice.isVisible()
