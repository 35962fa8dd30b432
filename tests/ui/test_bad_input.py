"""Bad input is refused in Vietnamese, under the field, with Save disabled and nothing written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QTimer

from desktop.services.register import households
from desktop.ui.dialogs.duplicate import DuplicateDialog
from desktop.ui.dialogs.event import EventDialog
from desktop.ui.dialogs.member import MemberDialog
from tests.ui.helpers import type_text

TODAY = date.today()


def member_dialog(qtbot, ctx, household_id) -> MemberDialog:
    dialog = MemberDialog(ctx, household_id, "012")
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.fields
    type_text(qtbot, fields.full_name, "Đặng Thị Mai")
    fields.sex.set_value("2")
    fields.birth_date.set_value(date(2010, 1, 5))
    fields.relationship.set_value("child")
    assert dialog.save_button.isEnabled()
    return dialog


def members(ctx, household_id) -> list[str]:
    return [m.full_name for m in households.detail(ctx.profile, household_id).members]


def assert_refused(dialog: MemberDialog, ctx, household_id, field: str, message: str) -> None:
    before = members(ctx, household_id)
    assert dialog.panel.error_text(field) == message
    assert dialog.panel._rows[field].error.isVisible()
    assert not dialog.save_button.isEnabled()
    # Pressing Save anyway (e.g. Enter in a field) goes to the service, which refuses too.
    assert not dialog.try_save()
    assert dialog.isVisible()  # still open, input intact
    assert members(ctx, household_id) == before


def test_empty_name(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    dialog.fields.full_name.selectAll()
    qtbot.keyClick(dialog.fields.full_name, "\b")
    assert_refused(dialog, ctx, family, "full_name", "Ô này không được để trống.")


def test_birth_date_in_the_future(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    dialog.fields.birth_date.set_value(None)
    dialog.fields.birth_date.setFocus()
    qtbot.keyClicks(dialog.fields.birth_date, (TODAY + timedelta(days=400)).strftime("%d/%m/%Y"))
    assert_refused(dialog, ctx, family, "birth_date", "Ngày sinh không được sau ngày hôm nay.")


def test_birth_date_left_empty(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    dialog.fields.birth_date.set_value(None)
    assert_refused(dialog, ctx, family, "birth_date", "Hãy nhập ngày sinh.")


def test_head_under_fifteen(qtbot, ctx, register):
    from desktop.services.register.households import HouseholdInput

    empty = households.create(ctx.profile, HouseholdInput(code="020", village_id=register.village_b))
    dialog = member_dialog(qtbot, ctx, empty)
    dialog.fields.birth_date.set_value(date(TODAY.year - 14, 1, 1))
    dialog.fields.relationship.set_value("head")
    assert_refused(dialog, ctx, empty, "relationship", "Chủ hộ phải từ 15 tuổi trở lên.")


def test_control_character_in_a_name(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    dialog.fields.full_name.setText("Đặng Thị\u0007 Mai")
    assert_refused(dialog, ctx, family, "full_name", "Hãy xóa các ký tự điều khiển ẩn trong ô này.")


def test_name_of_101_characters(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    dialog.fields.full_name.clear()
    qtbot.keyClicks(dialog.fields.full_name, "A" * 101)
    assert len(dialog.fields.full_name.text()) == 101
    assert_refused(dialog, ctx, family, "full_name", "Quá dài: tối đa 100 ký tự.")


def test_citizen_id_must_have_twelve_digits(qtbot, ctx, family):
    dialog = member_dialog(qtbot, ctx, family)
    qtbot.keyClicks(dialog.fields.national_id, "04207")
    assert_refused(dialog, ctx, family, "national_id", "Số định danh cá nhân phải gồm đúng 12 chữ số.")


def test_second_head_is_refused_by_the_service_and_the_dialog_stays_open(qtbot, ctx, family):
    # Only the service knows the household already has a head: Save is enabled, the save refused.
    dialog = member_dialog(qtbot, ctx, family)
    dialog.fields.relationship.set_value("head")
    dialog.fields.birth_date.set_value(date(1990, 1, 1))
    assert dialog.save_button.isEnabled()
    assert not dialog.try_save()
    assert dialog.panel.error_text("relationship") == (
        "Đặng Văn Hùng đang là chủ hộ của hộ này. Hãy đổi quan hệ của người đó trước."
    )
    assert dialog.fields.full_name.text() == "Đặng Thị Mai"
    assert len(members(ctx, family)) == 2


def test_death_before_birth(qtbot, ctx, family):
    dialog = EventDialog(ctx, households.detail(ctx.profile, family), kind="death")
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.current_page()
    head = next(m for m in households.detail(ctx.profile, family).members if m.is_head)
    page.member.set_value(head.id)
    page.on.setFocus()
    qtbot.keyClicks(page.on, "01/01/1970")
    assert page.panel.error_text("death_date") == "Ngày mất trước ngày sinh."
    assert not dialog.save_button.isEnabled()
    assert not dialog.try_save()
    assert households.detail(ctx.profile, family).events == ()
    assert all(m.status == "present" for m in households.detail(ctx.profile, family).members)


@pytest.mark.parametrize("choice", ["add_anyway", "cancel"])
def test_possible_duplicate_lets_the_user_decide(qtbot, ctx, register, family, choice):
    from desktop.services.register.households import HouseholdInput

    other = households.create(ctx.profile, HouseholdInput(code="030", village_id=register.village_b))
    dialog = MemberDialog(ctx, other, "030")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.fields.full_name, "Nguyễn Thị Hường")  # same name and year as in household 012
    dialog.fields.sex.set_value("2")
    dialog.fields.birth_date.set_value(date(1982, 1, 1))
    dialog.fields.relationship.set_value("head")
    seen: list[str] = []

    def answer() -> None:
        warning = next(w for w in qtbot_widgets() if isinstance(w, DuplicateDialog) and w.isVisible())
        seen.append(warning.table.item(0, 2).text())  # the household where she is registered
        getattr(warning, choice).click()

    QTimer.singleShot(50, answer)
    saved = dialog.try_save()
    assert seen == ["012"]
    if choice == "add_anyway":
        assert saved and members(ctx, other) == ["Nguyễn Thị Hường"]
    else:
        assert not saved and dialog.isVisible() and members(ctx, other) == []


def qtbot_widgets():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()
