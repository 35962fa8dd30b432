"""Creating a household and its members through the real dialogs, typing as a user would."""

from __future__ import annotations

import unicodedata
from datetime import date

from PySide6.QtCore import Qt

from desktop.services.register import households, search
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.dialogs.member import MemberDialog
from tests.ui.helpers import type_text


def fill_member(qtbot, dialog: MemberDialog, *, name: str, sex: str, born: str, relationship: str) -> None:
    fields = dialog.fields
    type_text(qtbot, fields.full_name, name)
    fields.sex.set_value(sex)
    fields.birth_date.setFocus()
    qtbot.keyClicks(fields.birth_date, born)
    fields.relationship.set_value(relationship)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def new_household(qtbot, ctx, village_id, code: str = "012"):
    dialog = HouseholdDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, code)
    dialog.village.set_value(village_id)
    type_text(qtbot, dialog.address, "Xóm 3, cạnh nhà văn hóa")
    qtbot.keyClicks(dialog.phone, "0912 345 678")
    fields = ("code", "village_id", "address", "phone")
    assert dialog.save_button.isEnabled(), [dialog.panel.error_text(f) for f in fields]
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    return dialog.household_id


def add_member(qtbot, ctx, household_id, **person) -> MemberDialog:
    dialog = MemberDialog(ctx, household_id, "012")
    qtbot.addWidget(dialog)
    fill_member(qtbot, dialog, **person)
    return dialog


def test_create_household_with_head_spouse_and_child(qtbot, ctx, register):
    household_id = new_household(qtbot, ctx, register.village_b)
    for person in (
        dict(name="Trần Văn Bình", sex="1", born="15/03/1980", relationship="head"),
        dict(name="Lê Thị Hoa", sex="2", born="02/11/1983", relationship="spouse"),
        dict(name="Trần Minh Khôi", sex="1", born="20/06/2015", relationship="child"),
    ):
        dialog = add_member(qtbot, ctx, household_id, **person)
        assert dialog.save_button.isEnabled(), dialog.panel.error_text("full_name")
        save(qtbot, dialog)
        assert dialog.result() == dialog.DialogCode.Accepted

    stored = households.detail(ctx.profile, household_id)
    assert (stored.code, stored.village, stored.phone) == ("012", "Thôn Trung Sơn", "0912 345 678")
    assert stored.head_name == "Trần Văn Bình"
    assert [(m.full_name, m.relationship, m.birth_date) for m in stored.members] == [
        ("Trần Văn Bình", "head", date(1980, 3, 15)),
        ("Lê Thị Hoa", "spouse", date(1983, 11, 2)),
        ("Trần Minh Khôi", "child", date(2015, 6, 20)),
    ]


def test_household_number_already_used_is_refused_as_you_type(qtbot, ctx, register, family):
    dialog = HouseholdDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.village.set_value(register.village_b)
    qtbot.keyClicks(dialog.code, "012")
    assert dialog.panel.error_text("code") == "Số hộ 012 đã được dùng trong xã này."
    assert not dialog.save_button.isEnabled()
    assert not dialog.try_save()  # even if Save were pressed, the service refuses
    assert len(households.list_ids(ctx.profile)) == 1


def test_name_typed_in_decomposed_unicode_is_stored_composed_and_found(qtbot, ctx, family):
    decomposed = unicodedata.normalize("NFD", "Phạm Thị Thủy")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    dialog = MemberDialog(ctx, family, "012")
    qtbot.addWidget(dialog)
    dialog.fields.full_name.setText(decomposed)  # as pasted from a document in NFD
    dialog.fields.sex.set_value("2")
    dialog.fields.birth_date.set_value(date(2001, 5, 4))
    dialog.fields.relationship.set_value("child")
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted

    stored = [m.full_name for m in households.detail(ctx.profile, family).members]
    assert "Phạm Thị Thủy" in stored
    assert all(unicodedata.is_normalized("NFC", name) for name in stored)
    hits = search.search(ctx.profile, "pham thi thuy")
    assert [h.label for h in hits if h.kind == "person"] == ["Phạm Thị Thủy"]
    assert households.list_ids(ctx.profile, decomposed) == [family]


def test_editing_a_member_keeps_what_was_stored(qtbot, ctx, family):
    head = households.detail(ctx.profile, family).members[0]
    dialog = MemberDialog(ctx, family, "012", person=head)
    qtbot.addWidget(dialog)
    assert dialog.fields.full_name.text() == "Đặng Văn Hùng"
    assert dialog.fields.birth_date.value() == date(1978, 4, 2)
    dialog.fields.national_id.setText("042078001234")
    save(qtbot, dialog)
    assert households.detail(ctx.profile, family).members[0].national_id == "042078001234"
