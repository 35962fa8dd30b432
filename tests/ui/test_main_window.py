"""The main window: sections, keyboard shortcuts, the dashboard and start-up modes.

First run, login and the lock are in test_protection.py."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.paths import ProfilePaths
from desktop.services.register import categories, households, visits
from desktop.services.register.visits import VisitInput
from desktop.ui import app as ui_app
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.main_window import ACTIVITIES, DASHBOARD, HOUSEHOLDS, REPORTS, REVIEW, SETTINGS, VISITS
from desktop.ui.settings_store import saved_language
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_main_window, type_text

TODAY = date.today()


def test_sections_and_status_bar(qtbot, ctx, family, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Tổng quan",
        "Hộ gia đình",
        "Thăm hộ",
        "Truyền thông",
        QCoreApplication.translate("MainWindow", "Reports"),  # "Báo cáo" once the catalogue has it
        "Cài đặt",
        "Cần xem lại",
    ]
    # The fixture's first user set the profile up, so she is the commune officer, not a collaborator.
    assert window.status.text() == "Xã Cẩm Xuyên · Nguyễn Thị Lan — Cán bộ xã (toàn xã)"
    assert window.windowTitle() == "Sổ tay CTV — Xã Cẩm Xuyên"
    sections = ((2, HOUSEHOLDS), (3, VISITS), (4, ACTIVITIES), (5, REPORTS), (6, SETTINGS), (7, REVIEW), (1, DASHBOARD))
    for number, section in sections:
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.AltModifier)
        assert window.stack.currentIndex() == section


def test_keyboard_search_open_and_back(qtbot, ctx, family, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == HOUSEHOLDS
    assert window.household_list.search.hasFocus()
    qtbot.keyClicks(window.household_list.search, "dang van")
    qtbot.keyClick(window.household_list.search, Qt.Key.Key_Return)  # search now, focus the list
    wait_lane()
    assert window.household_list.table.hasFocus()
    qtbot.keyClick(window.household_list.table, Qt.Key.Key_Return)  # Enter opens the selected household
    wait_lane()
    assert window.households.currentWidget() is window.household_detail
    assert window.household_detail.title.text() == "Hộ số 012 — Đặng Văn Hùng"
    assert window.household_detail.tabs.tabText(0) == "Thành viên (2)"
    qtbot.keyClick(window.household_detail.members_view, Qt.Key.Key_Escape)
    assert window.households.currentWidget() is window.household_list


def test_search_typed_in_full_width_letters_finds_the_household(qtbot, ctx, family, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.household_list.search.setText("ｄａｎｇ ｖａｎ")  # as an East Asian input method left on types it
    qtbot.keyClick(window.household_list.search, Qt.Key.Key_Return)
    wait_lane()
    qtbot.keyClick(window.household_list.table, Qt.Key.Key_Return)
    wait_lane()
    assert window.household_detail.title.text() == "Hộ số 012 — Đặng Văn Hùng"


def test_ctrl_n_opens_the_new_household_form_and_then_the_household(qtbot, ctx, register, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HouseholdDialog)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "&Lưu"
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
        qtbot.keyClicks(dialog.code, "101")
        dialog.village.set_value(register.village_a)
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # Enter saves: Save is the default button

    QTimer.singleShot(0, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_lane()
    assert window.households.currentWidget() is window.household_detail
    assert window.household_detail.detail.code == "101"
    assert households.find_by_code(ctx.profile, "101") is not None


def test_dashboard_counts_and_follow_ups_due(qtbot, ctx, family, wait_lane):
    visits.record(
        ctx.profile,
        family,
        VisitInput(TODAY - timedelta(days=20), None, topics=("family_planning",), follow_up_on=TODAY - timedelta(2)),
    )
    window = open_main_window(qtbot, ctx, wait_lane)
    cards = window.dashboard.cards
    assert cards["households_active"].number.text() == "1"
    assert cards["people_present"].number.text() == "2"
    assert cards["villages"].number.text() == "2"
    assert window.dashboard.due.rowCount() == 1
    task = window.dashboard.due.record(0)
    assert (task.kind, task.household_code, task.overdue) == ("follow_up", "012", True)
    assert "quá hạn: 1" in window.dashboard.due_title.text()
    window.dashboard.due_view.selectRow(0)
    qtbot.keyClick(window.dashboard.due_view, Qt.Key.Key_Return)
    wait_lane()
    assert window.household_detail.household_id == family


def test_tasks_on_the_dashboard_are_done_put_off_and_written(qtbot, ctx, family, wait_lane, monkeypatch):
    from desktop.services.casework import tasks
    from desktop.ui.dialogs.task import ManualTaskDialog, SnoozeDialog

    window = open_main_window(qtbot, ctx, wait_lane)
    page = window.dashboard
    assert page.due.rowCount() == 0 and page.empty.isVisibleTo(page)
    dialog = ManualTaskDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no title yet
    type_text(qtbot, dialog.title, "Mang tờ rơi đến Thôn Đông Hà")
    dialog.save_button.click()
    wait_lane()
    assert page.due.rowCount() == 1 and page.due.record(0).text == "Mang tờ rơi đến Thôn Đông Hà"
    page.due_view.selectRow(0)
    snooze = SnoozeDialog(ctx, page.selected_task(), "x")
    qtbot.addWidget(snooze)
    assert not snooze.save_button.isEnabled()  # a reason is needed
    type_text(qtbot, snooze.reason, "Chờ in xong tờ rơi")
    snooze.save_button.click()
    wait_lane()
    assert page.due.rowCount() == 0
    later = tasks.open_tasks(ctx.profile, today=TODAY + timedelta(days=7))
    assert [t.text for t in later] == ["Mang tờ rơi đến Thôn Đông Hà"]
    key = tasks.add_manual(ctx.profile, title="Gọi điện cho trưởng thôn", due_on=TODAY)
    ctx.notify_changed()
    wait_lane()
    page.due_view.selectRow(0)
    assert page.selected_task().key == key
    page.done_button.click()
    wait_lane()
    assert page.due.rowCount() == 0


def test_visits_page_shows_the_period(qtbot, ctx, family, wait_lane):
    visits.record(ctx.profile, family, VisitInput(TODAY, None, (), ("immunization",)))
    window = open_main_window(qtbot, ctx, wait_lane)
    page = window.visits
    assert page.model.rowCount() == 0  # loaded when first opened, not at start-up
    window.show_section(VISITS)
    wait_lane()
    assert page.model.rowCount() == 1
    assert page.count.text() == "1 lượt thăm"
    page.start.set_value(TODAY + timedelta(days=1))
    page.end.set_value(TODAY)
    page.reload()
    wait_lane()
    assert page.error.text() == "Ngày kết thúc trước ngày bắt đầu."


def test_settings_add_village_and_save_language(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    page = window.settings
    assert page.villages.count() == 2

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        type_text(qtbot, dialog.name, "Thôn Bắc Sơn")
        dialog.save_button.click()

    QTimer.singleShot(0, fill)
    page.add_village.click()
    assert page.villages.count() == 3
    assert window.household_list.village.count() == 4  # "all villages" + three
    page.language.set_value("en")
    assert saved_language(ctx.profile.paths) == "en"
    assert page.language_note.text() == "The new language is used from the next time you open the app."


def test_screenshot_and_exit_when_shown(qtbot, register, tmp_path, capsys, monkeypatch):
    register.profile.close()
    monkeypatch.setenv("SOTAY_T0", "0")  # the CLI's stamp; 0 makes the printed number "seconds since 1970"
    # Nobody can type a passphrase here: it comes from the environment, the user is the only one.
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("SOTAY_USER", raising=False)
    target = tmp_path / "window.png"
    assert ui_app.main(register.profile.paths, screenshot=target, exit_when_shown=True) == 0
    picture = QImage(str(target))
    assert picture.width() >= 1000 and target.stat().st_size > 10_000  # the main window, not the login
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("shown_after_s=")]
    assert float(line.split("=")[1]) > 1e9
    ui_app.translation.install("vi")  # main() installed the profile's language; restore the suite's


def test_headless_screenshot_of_a_profile_not_yet_set_up(qtbot, tmp_path):
    target = ui_app.headless_screenshot(ProfilePaths(tmp_path / "fresh"), tmp_path / "setup.png")
    assert target == tmp_path / "setup.png"
    assert Path(target).stat().st_size > 5_000


def test_the_priority_visit_interval_is_set_in_settings_and_the_dashboard_follows(qtbot, ctx, family, wait_lane):
    standard = categories.standard_for("poor", TODAY.year, categories.poverty_standards(ctx.profile))
    households.add_category(ctx.profile, family, category="poor", year=TODAY.year, poverty_standard=standard)
    visits.record(ctx.profile, family, VisitInput(TODAY - timedelta(days=40), None, (), ("immunization",)))
    window = open_main_window(qtbot, ctx, wait_lane)
    assert window.dashboard.due.rowCount() == 0  # visited 40 days ago: within the usual 90 days
    page = window.settings
    assert page.priority_days.value() == 90
    page.priority_days.setValue(30)
    page.priority_days.editingFinished.emit()
    wait_lane()
    assert window.dashboard.due.rowCount() == 1
    task = window.dashboard.due.record(0)
    assert window.dashboard.task_label(task) == "Thăm hộ ưu tiên (Đặng Văn Hùng): đã 30 ngày chưa đến thăm"
    assert page.priority_days.minimum() == 7  # the box keeps the number within what the service takes


def test_the_status_bar_names_a_collaborators_role(qtbot, ctx, register, wait_lane, monkeypatch):
    from desktop.services.profile.access import CurrentUser, Role

    window = open_main_window(qtbot, ctx, wait_lane)
    ctv = CurrentUser(name="Trần Văn Bình", role=Role.CTV, villages=frozenset({register.village_a}))
    monkeypatch.setattr(ctx.profile, "user", ctv)
    window.update_titles()
    assert window.status.text() == "Xã Cẩm Xuyên · Trần Văn Bình — Cộng tác viên (các thôn mình phụ trách)"
