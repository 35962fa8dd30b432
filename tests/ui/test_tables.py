"""Tables the user can read: cut text ends in "…" with the whole of it in a tooltip, columns can be
dragged wider and keep their width at the next start, and a search names the member it matched."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from desktop.ui.models.household_list import HouseholdListModel
from desktop.ui.pages.dashboard import DashboardPage
from desktop.ui.pages.households import HouseholdListPage
from desktop.ui.pages.visits import VisitsPage
from desktop.ui.settings_store import save_column_widths, saved_column_widths

TOOLTIP = Qt.ItemDataRole.ToolTipRole


def search_for(qtbot, page: HouseholdListPage, text: str, wait_lane) -> None:
    with qtbot.waitSignal(page.loaded, timeout=3000):
        page.search.setText(text)
    wait_lane()


def test_a_household_found_by_the_wife_says_so(qtbot, ctx, family, wait_lane):
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    wait_lane()
    column = HouseholdListModel.COL_MATCH
    assert page.table.isColumnHidden(column)  # nothing searched: nothing to explain
    search_for(qtbot, page, "huong", wait_lane)
    model = page.model
    assert not page.table.isColumnHidden(column)
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Khớp với"
    assert model.data(model.index(0, model.COL_HEAD)) == "Đặng Văn Hùng"
    assert model.data(model.index(0, column)) == "Nguyễn Thị Hường (Vợ/chồng chủ hộ)"
    search_for(qtbot, page, "dang van hung", wait_lane)
    assert model.data(model.index(0, column)) == ""  # found by the head, who is shown anyway
    with qtbot.waitSignal(page.loaded, timeout=3000):
        page.search.clear()
    assert page.table.isColumnHidden(column)
    qtbot.wait(500)  # longer than a drag's wait before saving
    assert saved_column_widths(ctx.profile.paths, "households") == []  # showing a column is not a choice


def test_every_cell_of_the_household_list_has_its_whole_text_as_tooltip(qtbot, ctx, family, wait_lane):
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    wait_lane()
    model = page.model
    for column in range(model.columnCount()):
        index = model.index(0, column)
        assert model.data(index, TOOLTIP) == model.data(index), column
    assert page.table.textElideMode() == Qt.TextElideMode.ElideRight and not page.table.wordWrap()


def test_a_long_task_is_cut_with_an_ellipsis_and_readable_in_full(qtbot, ctx, family, wait_lane):
    from desktop.services.casework import tasks

    text = "Mang tờ rơi phòng chống bạo lực gia đình đến từng hộ ở Thôn Đông Hà và nhắc lịch họp tổ dân phố"
    tasks.add_manual(ctx.profile, title=text, due_on=ctx.profile.today())
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(700, 500)
    page.show()
    page.reload()
    wait_lane()
    view, model = page.due_view, page.due
    task_column = model.columnCount() - 1
    assert model.headerData(task_column, Qt.Orientation.Horizontal) == "Việc"
    assert view.horizontalHeader().stretchLastSection()  # the task text takes what is left of the width
    index = model.index(0, task_column)
    assert model.data(index) == text and model.data(index, TOOLTIP) == text
    assert view.fontMetrics().horizontalAdvance(text) > view.columnWidth(task_column)  # really cut…
    assert view.textElideMode() == Qt.TextElideMode.ElideRight  # …with "…" at the end


def test_column_widths_are_kept_for_the_next_start(qtbot, ctx, wait_lane):
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Interactive
    wider = page.table.columnWidth(2) + 120
    header.resizeSection(2, wider)  # as when the user drags the column's edge
    qtbot.waitUntil(lambda: len(saved_column_widths(ctx.profile.paths, "visits")) == header.count() - 1)
    assert saved_column_widths(ctx.profile.paths, "visits")[2] == wider
    again = VisitsPage(ctx)
    qtbot.addWidget(again)
    assert again.table.columnWidth(2) == wider
    settings = json.loads(ctx.profile.paths.settings.read_text(encoding="utf-8"))
    assert set(settings["column_widths"]) == {"visits"}  # named by the table, nothing about people
    assert ctx.profile.paths.settings.stat().st_mode & 0o777 == 0o600  # the owner's only


def test_widths_saved_for_more_columns_or_damaged_are_harmless(qtbot, ctx, wait_lane):
    paths = ctx.profile.paths
    save_column_widths(paths, "visits", [150] * 20)  # a version that had more columns
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    columns = page.table.horizontalHeader().count()
    assert [page.table.columnWidth(c) for c in range(columns - 1)] == [150] * (columns - 1)
    settings = json.loads(paths.settings.read_text(encoding="utf-8"))
    settings["column_widths"]["visits"] = ["wide", None, -4]
    settings["language"] = "vi"
    paths.settings.write_text(json.dumps(settings), encoding="utf-8")
    assert saved_column_widths(paths, "visits") == []
    fresh = VisitsPage(ctx)  # starts with its own widths
    qtbot.addWidget(fresh)
    assert fresh.table.columnWidth(0) != 150
    save_column_widths(paths, "visits", [100])
    assert json.loads(paths.settings.read_text(encoding="utf-8"))["language"] == "vi"  # other keys kept


def test_the_case_window_keeps_its_column_widths(qtbot, ctx, register):
    from desktop.ui.dialogs.case.window import CaseDialog
    from tests.ui.every_window import build_rich_household

    rich = build_rich_household(ctx.profile, register)
    window = CaseDialog(ctx, rich.dv_case)
    qtbot.addWidget(window)
    header = window.measures_tab.view.horizontalHeader()
    wider = header.sectionSize(0) + 90
    header.resizeSection(0, wider)
    qtbot.waitUntil(lambda: len(saved_column_widths(ctx.profile.paths, "case_measures")) == header.count() - 1)
    again = CaseDialog(ctx, rich.dv_case)
    qtbot.addWidget(again)
    assert again.measures_tab.view.columnWidth(0) == wider
