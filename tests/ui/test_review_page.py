"""Cần xem lại: a value two laptops disagreed about, shown side by side and settled with one click; the rules
their merged changes broke (Cần kiểm tra), renumbered or dismissed; the count on Tổng quan."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from db.models.synced import SYNCED_MODELS
from desktop.services import changesets, conflicts, review
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.ui.context import AppContext
from desktop.ui.dialogs.renumber import RenumberDialog
from desktop.ui.pages.review import ReviewPage, table_words
from desktop.ui.translation import message_text
from tests.sync.copies import copy_of, reopen
from tests.ui.helpers import open_main_window


@pytest.fixture
def laptop_b(register, tmp_path, qtbot):
    """Laptop B after A's changeset arrived: household 012's address was changed on both, B's edit later."""
    a = register.profile
    hid = households.create(a, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    home = a.paths.home
    b = copy_of(a, tmp_path / "b")
    a = reopen(home)
    households.update(a, hid, HouseholdInput(code="012", village_id=register.village_a, address="Xóm Bến Đò"))
    households.update(b, hid, HouseholdInput(code="012", village_id=register.village_a, address="Xóm Chợ"))
    changesets.apply(b, changesets.extract(a))
    a.close()
    ctx = AppContext(b)
    yield ctx, hid
    qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
    ctx.lane.shutdown()
    b.close()


def _address(profile, hid) -> str:
    return households.detail(profile, hid).address


def test_both_values_side_by_side_and_keeping_the_other_writes_it(qtbot, laptop_b):
    ctx, hid = laptop_b
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    [card] = page.cards
    assert card.heading.text() == "Hộ gia đình số 012 — Địa chỉ"
    assert card.reason.text() == "Cùng một thông tin đã được sửa trên hai máy trước khi hai máy trao đổi thay đổi."
    assert (card.kept_value.text(), card.other_value.text()) == ("Xóm Chợ", "Xóm Bến Đò")
    texts = [label.text() for label in card.findChildren(type(card.heading))]
    assert any(text.startswith("Trên máy này, ") for text in texts)
    assert any(text.startswith("Trên máy khác, ") for text in texts)
    assert card.other_button.text() == "Giữ giá trị này"

    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(card.other_button, Qt.MouseButton.LeftButton)
    assert _address(ctx.profile, hid) == "Xóm Bến Đò"
    assert page.cards == [] and page.empty.isVisibleTo(page)
    assert conflicts.list_open(ctx.profile) == []


def test_a_conflict_settled_meanwhile_is_said_in_plain_words(qtbot, laptop_b, monkeypatch):
    ctx, hid = laptop_b
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    [card] = page.cards
    conflicts.resolve(ctx.profile, card.conflict.id, conflicts.KEEP_KEPT)  # as if settled a moment ago
    said = []
    monkeypatch.setattr("desktop.ui.pages.review.warn", lambda _parent, _title, text: said.append(text))
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(card.kept_button, Qt.MouseButton.LeftButton)
    assert said == [message_text("This conflict was already settled, here or on another laptop.")]
    assert said[0] != "This conflict was already settled, here or on another laptop."  # in Vietnamese
    assert page.cards == [] and _address(ctx.profile, hid) == "Xóm Chợ"


def test_the_overview_counts_them_and_leads_to_the_page(qtbot, laptop_b):
    ctx, _hid = laptop_b
    window = open_main_window(qtbot, ctx, lambda: qtbot.waitUntil(ctx.lane.is_idle, timeout=5000))
    bar = window.dashboard.review_bar
    assert bar.isVisible() and "1 " in bar.text.text() and "Cần xem lại" in bar.text.text()
    with qtbot.waitSignal(window.review.loaded):
        qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    assert window.nav.currentItem().text() == "Cần xem lại"
    assert len(window.review.cards) == 1


def test_every_synced_table_has_a_name_in_plain_words():
    for model in SYNCED_MODELS:
        table = model.__table__.name
        assert conflicts.table_label(table) != conflicts.OTHER_RECORD, table
        assert table_words(table) != conflicts.table_label(table), table  # in Vietnamese
    assert (table_words("households"), table_words("people")) == ("Hộ gia đình", "Nhân khẩu")
    assert table_words("support_cases") == "Trường hợp hỗ trợ"


@pytest.fixture
def two_problems(register, tmp_path, qtbot):
    """Laptop B after A's changeset arrived: both gave a new household the number 015, and both added the
    same newborn to household 012."""
    a = register.profile
    hid = households.create(a, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    home = a.paths.home
    b = copy_of(a, tmp_path / "b")
    a = reopen(home)
    on_a = households.create(a, HouseholdInput(code="015", village_id=register.village_a, address="Xóm 1"))
    on_b = households.create(b, HouseholdInput(code="015", village_id=register.village_a, address="Xóm 2"))
    for profile in (a, b):
        baby = PersonInput(full_name="Đặng Thị Mai", sex="2", birth_date=date(2024, 3, 9), relationship="child")
        members.add_member(profile, hid, baby)
    assert changesets.apply(b, changesets.extract(a)).review_items == 2
    a.close()
    ctx = AppContext(b)
    yield ctx, hid, on_a, on_b
    qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
    ctx.lane.shutdown()
    b.close()


def _page(qtbot, ctx):
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    return page


def test_a_number_given_twice_shows_both_households_and_renumbering_one_settles_it(qtbot, two_problems):
    ctx, _hid, on_a, on_b = two_problems
    page = _page(qtbot, ctx)
    assert page.cards == [] and page.checks_title.isVisibleTo(page) and not page.conflicts_title.isVisibleTo(page)
    assert page.checks_title.text() == "Cần kiểm tra" and page.count.text().endswith("2")
    [number] = [c for c in page.checks if c.renumber_buttons]
    assert number.heading.text() == "Một số hộ dùng cho hai hộ"
    assert number.description.text() == message_text(number.item.description, {"n": 2, "code": "015"})
    assert "015" in number.description.text() and "{" not in number.description.text()
    assert [b.text() for b in number.record_buttons] == ["Hộ số 015", "Hộ số 015"]
    opened = []
    page.open_household.connect(opened.append)
    for button in number.record_buttons:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sorted(opened) == sorted([on_a, on_b])

    typed = []

    def renumber() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RenumberDialog)
        qtbot.keyClicks(dialog.code, "012")  # taken: refused in the dialog, what was typed stays
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        typed.append((dialog.isVisible(), dialog.code.text(), dialog.panel.error_text("code")))
        dialog.code.setText("016")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    record = number.renumber_buttons[1]
    QTimer.singleShot(0, renumber)
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
    [(still_open, text, error)] = typed
    taken = message_text("Household number {code} is already used in this commune.", {"code": "012"})
    assert (still_open, text, error) == (True, "012", taken) and "012" in taken and "Household" not in taken
    assert [c.item.kind for c in page.checks] == ["duplicate_person"]  # the number item is gone
    renumbered = number.item.records[1].id
    assert households.find_all_by_code(ctx.profile, "016") == [renumbered]
    assert households.find_all_by_code(ctx.profile, "015") == [({on_a, on_b} - {renumbered}).pop()]


def test_a_likely_duplicate_person_is_dismissed_and_the_page_says_nothing_is_left(qtbot, two_problems):
    ctx, hid, _on_a, _on_b = two_problems
    page = _page(qtbot, ctx)
    [person] = [c for c in page.checks if c.item.kind == "duplicate_person"]
    assert person.renumber_buttons == [] and person.dismiss_button.text() == "Không phải trùng"
    assert [b.text() for b in person.record_buttons] == ["Đặng Thị Mai", "Đặng Thị Mai"]
    opened = []
    page.open_household.connect(opened.append)
    qtbot.mouseClick(person.record_buttons[0], Qt.MouseButton.LeftButton)
    assert opened == [hid]  # a person's button opens the household they live in
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(person.dismiss_button, Qt.MouseButton.LeftButton)
    assert [c.item.kind for c in page.checks] == ["duplicate_code"]
    [left] = review.list_open(ctx.profile)
    review.dismiss(ctx.profile, left.id)
    with qtbot.waitSignal(page.loaded):
        ctx.notify_changed()
    assert page.checks == [] and page.cards == []
    assert page.empty.isVisibleTo(page) and not page.scroll.isVisibleTo(page)


def test_the_overview_counts_review_items_with_the_conflicts(qtbot, two_problems):
    ctx, _hid, _on_a, _on_b = two_problems
    window = open_main_window(qtbot, ctx, lambda: qtbot.waitUntil(ctx.lane.is_idle, timeout=5000))
    bar = window.dashboard.review_bar
    said = bar.text.text()
    assert bar.isVisible() and said.startswith("Có 2 mục trên trang Cần xem lại") and "kiểm tra" in said
    with qtbot.waitSignal(window.review.loaded):
        qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    assert len(window.review.checks) == 2
    number = next(c for c in window.review.checks if c.renumber_buttons)
    qtbot.mouseClick(number.record_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
    assert window.households.currentWidget() is window.household_detail
    assert window.household_detail.detail.code == "015"


def test_the_bar_names_both_kinds_when_both_wait():
    from desktop.ui.pages.dashboard import ReviewBar

    bar = ReviewBar()
    bar.show_count(1, 2)
    assert bar.text.text().startswith("Có 3 mục") and "1 giá trị" in bar.text.text() and "2 vấn đề" in bar.text.text()
    bar.show_count(0, 0)
    assert bar.isHidden()
