"""Dates typed the way people type them: over a date already there, with the day picker, and refused with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop.services.register import households
from desktop.ui.dialogs.member import MemberDialog
from desktop.ui.pages.reports import ReportsPage
from desktop.ui.widgets.date_edit import DateEdit
from tests.ui.helpers import type_text


def member_dialog(qtbot, ctx, household_id) -> MemberDialog:
    dialog = MemberDialog(ctx, household_id, "012")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # a click gives focus only in the active window
    type_text(qtbot, dialog.fields.full_name, "Đặng Thị Mai")
    dialog.fields.sex.set_value("2")
    dialog.fields.birth_date.set_value(date(2010, 1, 5))
    dialog.fields.relationship.set_value("child")
    assert dialog.save_button.isEnabled()
    return dialog


def click_into(qtbot, field: DateEdit) -> None:
    """Click in the middle of the date's text, as a user does, and let the click finish."""
    qtbot.mouseClick(field.line, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field.line.hasFocus() and field.line.selectedText() == field.line.text())


def born(ctx, household_id, name: str) -> date:
    return next(m.birth_date for m in households.detail(ctx.profile, household_id).members if m.full_name == name)


@pytest.mark.parametrize("typed", ["05/12/2026", "5/12/26", "05122026", "5.12.2026", "5-12-2026"])
def test_a_date_typed_over_the_one_shown_replaces_it(qtbot, ctx, family, typed):
    dialog = member_dialog(qtbot, ctx, family)
    field = dialog.fields.birth_date
    assert field.line.text() == "05/01/2010"
    click_into(qtbot, field)
    qtbot.keyClicks(field.line, typed)
    assert field.line.text() == typed
    assert field.value() == date(2026, 12, 5)
    assert dialog.panel.error_text("birth_date") == ""


def test_tab_into_the_field_selects_the_date_so_typing_replaces_it(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    field = dialog.fields.birth_date
    before = dialog.fields.full_name
    while before.nextInFocusChain().focusProxy() is not field.line and before.nextInFocusChain() is not field.line:
        before = before.nextInFocusChain()
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert field.line.hasFocus() and field.line.selectedText() == "05/01/2010"
    qtbot.keyClicks(field.line, "5/3/56")
    assert field.value() == date(1956, 3, 5)  # a two-digit year more than ten years ahead is the 1900s


def test_an_impossible_date_is_kept_says_why_and_blocks_save_until_fixed(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    field = dialog.fields.birth_date
    click_into(qtbot, field)
    qtbot.keyClicks(field.line, "31/02/2026")
    assert dialog.panel.error_text("birth_date") == "31/02/2026: tháng 2 năm 2026 chỉ có 28 ngày."
    assert dialog.panel._rows["birth_date"].error.isVisible()
    assert not field.problem_label.isVisible()  # said once, in the form's line under the field
    assert not dialog.save_button.isEnabled()
    assert not dialog.try_save()
    assert field.line.text() == "31/02/2026" and dialog.isVisible()
    assert "Đặng Thị Mai" not in [m.full_name for m in households.detail(ctx.profile, family).members]

    qtbot.mouseClick(dialog.fields.full_name, Qt.MouseButton.LeftButton)  # away, and back to fix it
    click_into(qtbot, field)
    qtbot.keyClicks(field.line, "5/3/56")
    assert dialog.panel.error_text("birth_date") == ""
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert born(ctx, family, "Đặng Thị Mai") == date(1956, 3, 5)


def test_a_date_left_half_typed_is_refused_when_saving(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    field = dialog.fields.birth_date
    click_into(qtbot, field)
    qtbot.keyClicks(field.line, "05/12/2")
    assert "05/12/2" not in dialog.panel.error_text("birth_date")  # no reason while still typing
    assert not dialog.try_save()  # Enter in the field, or a click on Save
    assert dialog.panel.error_text("birth_date") == (
        "05/12/2: hãy viết năm bằng bốn chữ số (hoặc hai), ví dụ 05/12/2026."
    )
    assert not dialog.save_button.isEnabled() and field.line.text() == "05/12/2"


def test_the_calendar_opens_at_the_field_s_date_and_picks_a_day(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    field = dialog.fields.birth_date
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.popup is not None and field.popup.isVisible()
    calendar = field.popup.calendar
    assert calendar.selectedDate() == QDate(2010, 1, 5)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not field.popup.isVisible()
    assert field.value() == date(2010, 1, 6) and field.line.text() == "06/01/2010"
    assert dialog.save_button.isEnabled()


HOLDERS: list[QWidget] = []  # the lone fields' windows live until the end of the test session


def lone_field(qtbot, value: date | None, *, allow_empty: bool = True) -> DateEdit:
    """A date field alone in a window: outside a form, as on the visits page or a case tab."""
    holder = QWidget()
    HOLDERS.append(holder)
    qtbot.addWidget(holder)
    field = DateEdit(value, allow_empty=allow_empty)
    layout = QVBoxLayout(holder)
    layout.addWidget(QLineEdit())  # where the focus starts, so a click brings it to the date
    layout.addWidget(field)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    return field


def test_an_empty_field_s_calendar_opens_today_and_f4_opens_it(qtbot):
    field = lone_field(qtbot, None)
    field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_F4)
    assert field.popup is not None and field.popup.isVisible()
    assert field.popup.calendar.selectedDate() == QDate.currentDate()
    qtbot.keyClick(field.popup, Qt.Key.Key_Escape)
    assert not field.popup.isVisible() and field.value() is None


def test_delete_on_the_selected_date_empties_a_field_that_may_be_empty(qtbot):
    field = lone_field(qtbot, date(2026, 12, 7))
    changes: list[date | None] = []
    field.value_changed.connect(lambda: changes.append(field.value()))
    click_into(qtbot, field)
    qtbot.keyClick(field.line, Qt.Key.Key_Delete)
    assert field.is_empty() and field.value() is None and changes == [None]
    assert not field.problem_label.isVisible()


def test_a_field_that_must_have_a_date_says_so_when_emptied(qtbot):
    field = lone_field(qtbot, date(2026, 12, 7), allow_empty=False)
    click_into(qtbot, field)
    qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
    assert field.value() is None
    assert not field.problem_label.isVisible()  # emptied to type another date: nothing to say yet
    field.window().focusNextChild()  # Tab on to the next field
    assert field.problem_label.isVisible() and field.problem_label.text() == "Hãy nhập ngày, ví dụ 05/12/2026."


def test_outside_a_form_the_field_shows_its_own_reason(qtbot):
    field = lone_field(qtbot, date(2026, 12, 7), allow_empty=False)
    click_into(qtbot, field)
    qtbot.keyClicks(field.line, "0/12/2026")
    assert field.value() is None
    assert field.problem_label.isVisible()
    assert field.problem_label.text() == "0/12/2026: không có ngày 0; ngày bắt đầu từ 1."
    assert 150 <= field.width() <= 220


# The Reports page's month ########################################################################


@pytest.mark.parametrize("typed", ["11/2026", "11-2026", "2026-11"])
def test_the_reports_page_takes_a_month_typed_three_ways(qtbot, ctx, wait_lane, typed):
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wait_lane()
    line = page.month_picker.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, typed)
    choice = page.current_choice()
    assert choice is not None and choice.month == "2026-11"
    assert choice.title == "Báo cáo tháng 11/2026"
    assert page.preview_button.isEnabled() and not page.month_problem.isVisible()


def test_the_reports_page_says_why_a_typed_month_cannot_be_read(qtbot, ctx, wait_lane):
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wait_lane()
    line = page.month_picker.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "26-1")
    assert page.current_choice() is None and not page.preview_button.isEnabled()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert page.month_problem.isVisible()
    assert page.month_problem.text() == "26-1: hãy viết năm bằng bốn chữ số, ví dụ 11/2026 hoặc 2026-11."
    page.month_picker.setCurrentIndex(0)  # a month from the list again
    assert page.current_choice() is not None and not page.month_problem.isVisible()
