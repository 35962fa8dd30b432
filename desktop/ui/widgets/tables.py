"""Table views set up the same way everywhere: whole rows, one at a time, Enter or double-click opens."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def configure_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as users expect in a form
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
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


def select_first_row(view: QTableView) -> None:
    model = view.model()
    if model is not None and model.rowCount() and not view.selectionModel().hasSelection():
        view.selectRow(0)
