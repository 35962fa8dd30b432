"""The head's death or move-out asks who heads the household now; the members table shows one head and
residence apart from living status; a poor decision's form asks for the poverty standard."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from desktop.services.register import households, members
from desktop.services.register.members import PersonInput
from desktop.ui.dialogs.category import CategoryDialog
from desktop.ui.dialogs.event import EventDialog
from desktop.ui.dialogs.member import MemberDialog
from desktop.ui.pages import household_detail
from desktop.ui.pages.household_detail import HouseholdDetailPage
from tests.ui.helpers import opened, save, type_text

TODAY = date.today()


def by_name(ctx, family) -> dict:
    return {m.full_name: m for m in households.detail(ctx.profile, family).members}


def test_the_heads_death_asks_for_the_new_head_and_keeps_what_was_typed(qtbot, ctx, family):
    son = members.add_member(ctx.profile, family, PersonInput("Đặng Văn Tú", "1", date(2001, 3, 1), "child"))
    young = TODAY.replace(year=TODAY.year - 9)
    members.add_member(ctx.profile, family, PersonInput("Đặng Thị Na", "2", young, "child"))
    dialog = opened(qtbot, EventDialog(ctx, households.detail(ctx.profile, family), kind="death"))
    page = dialog.current_page()
    assert not page.new_head.isVisible() and not page.head_note.isVisible()
    head = by_name(ctx, family)["Đặng Văn Hùng"]
    page.member.set_value(head.id)
    page.on.set_value(TODAY - timedelta(days=1))
    type_text(qtbot, page.text, "Tai biến")
    assert page.new_head.isVisible() and "Đặng Văn Hùng là chủ hộ" in page.head_note.text()
    # The wife and the grown son may head the household; the girl of nine may not.
    offered = [page.new_head.itemText(i) for i in range(1, page.new_head.count())]
    assert [text.split(" (")[0] for text in offered] == ["Nguyễn Thị Hường", "Đặng Văn Tú"]
    assert "hiện là: Con đẻ" in offered[1]
    assert page.panel.error_text("new_head_id") == "Hãy chọn người làm chủ hộ từ nay."
    assert not dialog.save_button.isEnabled()
    page.new_head.set_value(son)
    # Choosing another member and coming back keeps the typing and the choice.
    page.member.set_value(by_name(ctx, family)["Nguyễn Thị Hường"].id)
    assert not page.new_head.isVisible()
    page.member.set_value(head.id)
    assert page.new_head.value() == son and page.text.text() == "Tai biến"
    assert dialog.has_changes()
    # It fits a 1280×720 screen with the note shown.
    assert dialog.sizeHint().height() <= 720 and dialog.width() <= 1280
    save(qtbot, dialog)
    after = by_name(ctx, family)
    assert after["Đặng Văn Tú"].is_head and after["Đặng Văn Tú"].relationship == "head"
    assert after["Đặng Văn Hùng"].status == "dead" and not after["Đặng Văn Hùng"].is_head


def test_the_last_members_move_out_says_to_record_the_households_end(qtbot, ctx, family, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(household_detail, "inform", lambda _parent, _title, text: told.append(text))
    page = HouseholdDetailPage(ctx)
    qtbot.addWidget(page)
    page.show_household(family)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    wife = by_name(ctx, family)["Nguyễn Thị Hường"]
    # The wife moves out first: nothing to say. Then the head, the last one living here.
    for person, last in ((wife, False), (by_name(ctx, family)["Đặng Văn Hùng"], True)):
        page.detail = households.detail(ctx.profile, family)

        def fill(dialog, person=person, last=last) -> int:
            dialog.kind.set_value("move_out")
            form = dialog.current_page()
            form.member.set_value(person.id)
            form.on.set_value(TODAY)
            assert not form.new_head.isVisible()
            assert ("Trong hộ không còn ai khác" in form.head_note.text()) == last
            assert dialog.try_save()
            return 1

        monkeypatch.setattr(household_detail.EventDialog, "exec", fill)
        page.record_event()
        assert bool(told) == last
    assert "Hộ số 012 không còn ai sinh sống" in told[0] and "Xóa hộ khỏi sổ" in told[0]


def test_the_members_table_shows_one_head_and_residence_apart_from_living_status(qtbot, ctx, family):
    from desktop.services.register import people

    wife = by_name(ctx, family)["Nguyễn Thị Hường"]
    head = by_name(ctx, family)["Đặng Văn Hùng"]
    people.record_death(ctx.profile, head.id, died_on=TODAY, new_head_id=wife.id)
    page = HouseholdDetailPage(ctx)
    qtbot.addWidget(page)
    page.show_household(family)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    model = page.members
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[5:7] == ["Tình trạng cư trú", "Hiện trạng"]
    rows = {model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(7)] for r in range(2)}
    assert rows["Nguyễn Thị Hường"][1] == "Chủ hộ" and rows["Nguyễn Thị Hường"][5:] == ["Thường trú có mặt", "Đang ở"]
    assert rows["Đặng Văn Hùng"][1] == "Chủ hộ cũ"
    assert rows["Đặng Văn Hùng"][5] == "" and rows["Đặng Văn Hùng"][6].startswith("Đã mất ngày ")
    assert page.title.text().endswith("Nguyễn Thị Hường")
    dialog = opened(qtbot, MemberDialog(ctx, family, "012", person=by_name(ctx, family)["Đặng Văn Hùng"]))
    assert dialog.living_status.text().startswith("Hiện trạng: Đã mất ngày ")
    assert dialog.fields.residence_status.isVisible()


def test_a_poor_decision_asks_for_the_standard_in_force_that_year(qtbot, ctx, family):
    dialog = opened(qtbot, CategoryDialog(ctx, households.detail(ctx.profile, family)))
    assert not dialog.standard.isVisible()
    dialog.category.set_value("poor")
    assert dialog.standard.isVisible()
    dialog.year.setValue(2024)
    assert dialog.standard.value() == "nd07_2021"  # the standard follows the year until one is picked
    dialog.year.setValue(2027)
    assert dialog.standard.value() == "nd351_2025"
    dialog.standard.set_value("nd07_2021")
    dialog.standard.activated.emit(dialog.standard.currentIndex())
    assert dialog.panel.error_text("poverty_standard") == (
        "Chuẩn nghèo theo Nghị định 07/2021/NĐ-CP áp dụng cho các năm 2022–2026, không áp dụng cho năm 2027."
    )
    assert not dialog.save_button.isEnabled()
    dialog.year.setValue(2025)
    assert dialog.standard.value() == "nd07_2021"  # picked by the user: kept
    type_text(qtbot, dialog.decision_no, "125/QĐ-UBND")
    save(qtbot, dialog)
    [entry] = households.detail(ctx.profile, family).categories
    assert (entry.category, entry.year, entry.poverty_standard) == ("poor", 2025, "nd07_2021")
    policy = opened(qtbot, CategoryDialog(ctx, households.detail(ctx.profile, family)))
    policy.category.set_value("policy")
    assert not policy.standard.isVisible() and policy.value().poverty_standard == ""
