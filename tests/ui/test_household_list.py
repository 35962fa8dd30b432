"""The household list: lazy fetching, diacritic-insensitive search as you type, stale results dropped."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtTest import QAbstractItemModelTester

from desktop.services.register import households, members, people
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.ui.models.household_list import BATCH_SIZE, HouseholdListModel
from desktop.ui.pages.households import HouseholdListPage

HEADS = ["Nguyễn Thị Hoa", "Đặng Văn Nam", "Trần Văn Long", "Lê Thị Mai", "Nguyễn Văn Tâm", "Hồ Thị Lý"]


@pytest.fixture
def register_of(ctx, register):
    def make(count: int) -> list:
        ids = []
        for i in range(count):
            village = register.village_a if i % 2 else register.village_b
            hid = households.create(ctx.profile, HouseholdInput(code=f"{i + 1:03d}", village_id=village))
            name = HEADS[i % len(HEADS)]
            members.add_member(
                ctx.profile,
                hid,
                PersonInput(name, "2" if "Thị" in name else "1", date(1970, 1, 1 + i % 28), "head"),
                allow_duplicate=True,
            )
            ids.append(hid)
        return ids

    return make


def test_model_passes_the_qt_model_tester_and_fetches_lazily(qtbot, ctx, register_of):
    register_of(BATCH_SIZE + 30)
    model = HouseholdListModel(lambda ids: households.rows(ctx.profile, ids))
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    # The tester would otherwise call fetchMore() itself after every change; here the test does.
    tester.setUseFetchMore(False)
    ids = households.list_ids(ctx.profile)
    model.set_result(ids, households.rows(ctx.profile, ids[:BATCH_SIZE]))
    assert model.total() == BATCH_SIZE + 30
    assert model.rowCount() == BATCH_SIZE < model.total()
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total()
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(0, HouseholdListModel.COL_CODE)) == households.rows(ctx.profile, ids[:1])[0].code
    model.set_result([], [])
    assert model.rowCount() == 0
    del tester


def test_first_page_only_until_the_view_scrolls(qtbot, ctx, register_of, wait_lane):
    register_of(BATCH_SIZE + 30)
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 400)
    page.show()
    page.reload()
    wait_lane()
    assert page.count.text() == f"{BATCH_SIZE + 30} hộ"
    assert page.model.rowCount() <= BATCH_SIZE  # the rest is fetched when the user scrolls down
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == BATCH_SIZE + 30)


def heads_shown(page: HouseholdListPage) -> set[str]:
    model = page.model
    return {model.data(model.index(row, model.COL_HEAD)) for row in range(model.rowCount())}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nguyen thi", {"Nguyễn Thị Hoa"}),
        ("dang", {"Đặng Văn Nam"}),
        ("NGUYEN", {"Nguyễn Thị Hoa", "Nguyễn Văn Tâm"}),
        ("ho thi ly", {"Hồ Thị Lý"}),
    ],
)
def test_search_as_you_type_ignores_accents_and_case(qtbot, ctx, register_of, wait_lane, typed, expected):
    register_of(len(HEADS))
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    wait_lane()
    qtbot.keyClicks(page.search, typed)
    with qtbot.waitSignal(page.loaded, timeout=3000):
        pass  # the debounce timer fires once typing pauses
    wait_lane()
    assert heads_shown(page) == expected
    assert page.count.text() == f"Tìm thấy {len(expected)} hộ"


def test_a_stale_search_result_never_replaces_a_newer_one(qtbot, ctx, register_of, wait_lane):
    register_of(len(HEADS))
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.search.setText("dang")
    page.reload()  # first request
    page.search.setText("nguyen thi")
    page.reload()  # newer request: only its answer may be shown
    wait_lane()
    assert heads_shown(page) == {"Nguyễn Thị Hoa"}
    # An answer that arrives late for an old generation is dropped.
    old = households.list_ids(ctx.profile, "dang")
    page._show(page._generation - 1, old, households.rows(ctx.profile, old), True)
    assert heads_shown(page) == {"Nguyễn Thị Hoa"}


def test_village_filter_and_dissolved_rows_are_greyed(qtbot, ctx, register, register_of, wait_lane):
    ids = register_of(4)
    for person in reversed(households.detail(ctx.profile, ids[0]).members):  # the head last
        people.record_move_out(ctx.profile, person.id, moved_on=date.today())
    households.dissolve(ctx.profile, ids[0], on=date.today(), reason="Chuyển đi")
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.village.set_value(register.village_b)
    wait_lane()
    model = page.model
    assert {model.data(model.index(r, model.COL_VILLAGE)) for r in range(model.rowCount())} == {"Thôn Trung Sơn"}
    dissolved_row = next(r for r in range(model.rowCount()) if model.household_id(r) == ids[0])
    assert model.data(model.index(dissolved_row, 0), model.DissolvedRole) is True
    assert model.data(model.index(dissolved_row, 0), 9) is not None  # Qt.ForegroundRole: greyed


def test_a_broad_search_shows_the_first_matches_and_asks_for_more_letters(
    qtbot, ctx, register_of, wait_lane, monkeypatch
):
    register_of(len(HEADS))
    monkeypatch.setattr(households, "LIST_CAP", 2)
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.search.setText("thi")
    page.reload()
    wait_lane()
    assert page.model.total() == 2
    assert page.count.text() == "2 hộ khớp đầu tiên; gõ thêm để thu hẹp"
