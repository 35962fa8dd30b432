"""Table views set up the same way everywhere: whole rows, one at a time, Enter or double-click opens.

Text too long for its column ends in "…" and the model gives the whole of it as the cell's tooltip;
the user can drag a column wider, and `remember_widths` keeps what they chose for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.paths import ProfilePaths
from desktop.ui.settings_store import save_column_widths, saved_column_widths

SAVE_DELAY_MS = 400  # a drag resizes a column many times a second; the file is written once it stops


def configure_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)  # a cut text shows "…", never a clipped letter
    view.setTabKeyNavigation(False)  # Tab leaves the table, as users expect in a form
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setMinimumSectionSize(view.fontMetrics().averageCharWidth() * 4)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def make_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    configure_table(view)
    return view


def fit_columns(view: QTableView, widths: dict[int, int]) -> None:
    """Set starting widths in average characters, so columns suit the font the user sees."""
    char = view.fontMetrics().averageCharWidth()
    header = view.horizontalHeader()
    bold = header.font()
    bold.setBold(True)  # the stylesheet draws headers in bold
    metrics = QFontMetrics(bold)
    model = view.model()
    for column, chars in widths.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""
        view.setColumnWidth(column, max(chars * char + 24, metrics.horizontalAdvance(title) + 28))


def remember_widths(view: QTableView, paths: ProfilePaths, name: str) -> None:
    """Give the columns the widths the user chose last time, and keep the ones they choose now.

    `name` says which table this is ("visits"); call it after `fit_columns`, whose widths stay for any
    column with nothing saved. The last column stretches to the table's edge, so its width is neither
    saved nor restored. Saved widths for columns a newer version no longer has are ignored."""
    header = view.horizontalHeader()
    last = header.count() - 1
    for column, width in enumerate(saved_column_widths(paths, name)[: max(last, 0)]):
        view.setColumnWidth(column, width)
    # Hiding a column reports a width of 0, so the widths are kept here rather than read back at saving.
    widths = [header.sectionSize(column) for column in range(max(last, 0))]
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(SAVE_DELAY_MS)
    timer.timeout.connect(lambda: save_column_widths(paths, name, widths))

    def resized(column: int, old: int, new: int) -> None:
        # The stretching last column follows the window, and 0 is a column being hidden or shown again:
        # neither is the user choosing a width.
        if column < len(widths) and old > 0 and new > 0 and widths[column] != new:
            widths[column] = new
            timer.start()

    header.sectionResized.connect(resized)


def select_first_row(view: QTableView) -> None:
    model = view.model()
    if model is not None and model.rowCount() and not view.selectionModel().hasSelection():
        view.selectRow(0)
