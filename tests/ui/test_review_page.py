"""Cần xem lại: a value two laptops disagreed about, shown side by side and settled with one click; the count
on Tổng quan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.models.synced import SYNCED_MODELS
from desktop.services import changesets, conflicts
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from desktop.ui.context import AppContext
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
