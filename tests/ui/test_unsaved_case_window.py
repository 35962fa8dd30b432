"""The case window asks before it throws away input saved by its own buttons (the risk level, the acts, the
intake report), names what is unsaved, and saves it all on "Lưu"; the idle lock never asks and keeps typing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.services.casework import cases, child, child_forms, dv
from desktop.services.casework.cases import CaseInput
from desktop.services.register import households, members
from desktop.services.register.members import PersonInput
from desktop.ui.dialogs.case.window import CaseDialog
from desktop.ui.dialogs.household import HouseholdDialog
from tests.conftest import PASSPHRASE
from tests.ui.helpers import open_main_window, type_text
from tests.ui.unsaved_helpers import BACK, DISCARD, SAVE, answer

TODAY = date.today()
OPENED = TODAY - timedelta(days=10)


@pytest.fixture
def dv_case(ctx, family):
    wife = next(m for m in households.detail(ctx.profile, family).members if not m.is_head)
    return cases.open_case(ctx.profile, CaseInput("domestic_violence", family, OPENED, person_id=wife.id))


@pytest.fixture
def child_case(ctx, family):
    born = TODAY.replace(year=TODAY.year - 10, day=1)
    son = members.add_member(ctx.profile, family, PersonInput("Đặng Văn An", "1", born, "child"))
    return cases.open_case(ctx.profile, CaseInput("child_protection", family, OPENED, person_id=son))


def opened(qtbot, ctx, case_id) -> CaseDialog:
    window = CaseDialog(ctx, case_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def risk(ctx, case_id) -> str:
    return cases.detail(ctx.profile, case_id).risk_level


def test_an_untouched_case_window_closes_without_a_question(qtbot, ctx, dv_case):
    window = opened(qtbot, ctx, dv_case)
    asked = answer(BACK, timeout_s=0.5)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert asked.count == 0 and not window.isVisible()


def test_a_changed_risk_level_is_asked_about_and_saved(qtbot, ctx, dv_case):
    window = opened(qtbot, ctx, dv_case)
    window.assessment.risk.set_value("high")
    asked = answer(SAVE)
    window.buttons.rejected.emit()  # "Đóng"
    assert asked.count == 1 and "Chưa lưu: Mức độ nguy cơ và sự đồng ý." in asked.texts[0]
    assert not window.isVisible()
    assert risk(ctx, dv_case) == "high"


def test_going_back_keeps_the_risk_and_dont_save_drops_it(qtbot, ctx, dv_case):
    window = opened(qtbot, ctx, dv_case)
    window.assessment.risk.set_value("high")
    answer(BACK)
    window.close()  # the title bar's ×
    assert window.isVisible() and window.assessment.risk_level() == "high"
    asked = answer(DISCARD)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert asked.count == 1 and not window.isVisible()
    assert risk(ctx, dv_case) == ""


def test_choosing_the_saved_value_again_is_no_change(qtbot, ctx, dv_case):
    window = opened(qtbot, ctx, dv_case)
    window.assessment.risk.set_value("high")
    window.assessment.risk.set_value(None)
    asked = answer(BACK, timeout_s=0.5)
    window.close()
    assert asked.count == 0 and not window.isVisible()


def test_unsaved_acts_and_risk_are_named_and_all_saved(qtbot, ctx, dv_case):
    window = opened(qtbot, ctx, dv_case)
    window.assessment.risk.set_value("medium")
    acts = window.acts_tab
    acts.acts.set_checked("a")
    acts.relationship.set_value("married")
    type_text(qtbot, acts.harm, "Bầm tím tay")
    asked = answer(SAVE)
    window.close()
    assert asked.count == 1
    assert "Mức độ nguy cơ và sự đồng ý, Hành vi" in asked.texts[0]
    assert not window.isVisible()
    saved = dv.view(ctx.profile, dv_case)
    assert risk(ctx, dv_case) == "medium"
    assert "a" in saved.acts and saved.harm == "Bầm tím tay"


def test_a_save_elsewhere_does_not_wipe_typing_in_another_part(qtbot, ctx, dv_case):
    window = opened(qtbot, ctx, dv_case)
    type_text(qtbot, window.acts_tab.harm, "Trầy xước")
    window.assessment.risk.set_value("low")
    assert window.assessment.save()  # the case is read and shown again everywhere
    assert window.acts_tab.harm.text() == "Trầy xước" and window.acts_tab.unsaved()
    assert not window.assessment.unsaved()


def test_a_refused_part_keeps_the_window_open_on_its_tab(qtbot, ctx, child_case):
    window = opened(qtbot, ctx, child_case)
    intake = window.intake_tab
    type_text(qtbot, intake.received_time, "25:00")  # refused beside the field
    window.tabs.setCurrentWidget(window.timeline_tab)
    asked = answer(SAVE)
    window.close()
    assert asked.count == 1 and "Tiếp nhận" in asked.texts[0]
    assert window.isVisible() and window.tabs.currentWidget() is intake
    assert intake.received_time.text() == "25:00" and intake.error_text("received_time")
    assert child_forms.intake(ctx.profile, child_case) is None
    answer(DISCARD)
    window.close()
    assert not window.isVisible()


def test_unsaved_groups_are_saved_on_closing(qtbot, ctx, child_case):
    window = opened(qtbot, ctx, child_case)
    window.groups_tab.groups.set_checked("a")
    asked = answer(SAVE)
    window.close()
    assert asked.count == 1 and not window.isVisible()
    assert child.view(ctx.profile, child_case).groups == ("a",)


# The idle lock ###################################################################################



def test_the_lock_hides_a_changed_form_without_asking_and_keeps_the_typing(qtbot, ctx, wait_lane):
    window = open_main_window(qtbot, ctx, wait_lane)
    dialog = HouseholdDialog(ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.address, "Xóm 7")
    asked = answer(DISCARD, timeout_s=1.0)
    window.idle.trigger_timeout()
    assert window.locked and not dialog.isVisible()
    type_text(qtbot, window.lock_screen.passphrase, PASSPHRASE)
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert dialog.isVisible() and dialog.address.text() == "Xóm 7"
    assert asked.count == 0
    again = answer(BACK)
    dialog.close()  # still a change after the lock: asked now
    assert again.count == 1 and dialog.isVisible()
    answer(DISCARD)
    dialog.close()


def test_a_log_out_closes_a_changed_case_window_without_asking(qtbot, ctx, wait_lane, dv_case):
    window = open_main_window(qtbot, ctx, wait_lane)
    case = CaseDialog(ctx, dv_case, parent=window)
    qtbot.addWidget(case)
    case.show()
    case.assessment.risk.set_value("high")
    asked = answer(SAVE, timeout_s=1.0)
    window.lock()
    with qtbot.waitSignal(window.logged_out, timeout=10_000):
        window.lock_screen.log_out_button.click()
    assert asked.count == 0 and case.result() == QDialog.DialogCode.Rejected
    assert risk(ctx, dv_case) == ""
    assert QApplication.activeModalWidget() is None
