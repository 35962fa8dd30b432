"""The household list: all matching ids up front, display rows fetched in batches as the view scrolls.

A commune has ~5,000 households; loading ids is cheap, building rows (head name, member count,
categories) is not, so rows are fetched only for what the user can see (architecture.md, convention 7).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.services.dto import HouseholdRow
from desktop.services.profile.handle import Profile

_Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root of a flat table; never modified
RowFetcher = Callable[[list[uuid.UUID]], list[HouseholdRow]]
Page = tuple[Sequence[uuid.UUID], list[HouseholdRow], bool]  # ids, first rows, whether all matches are listed

BATCH_SIZE = 100
FIRST_PAGE = "household_list.first_page"  # prefetch key: the unfiltered list at start-up
DISSOLVED_COLOR = QColor("#8a8f98")


def load_page(profile: Profile, query: str = "", village_id: uuid.UUID | None = None) -> Page:
    """The matching ids and the rows of the first batch; runs on the DB lane."""
    from desktop.services.register import households

    found = households.list_households(profile, query, village_id=village_id)
    return found.ids, households.rows(profile, found.ids[:BATCH_SIZE], query), found.complete


class HouseholdListModel(QAbstractTableModel):
    COL_CODE, COL_HEAD, COL_MATCH, COL_VILLAGE, COL_ADDRESS, COL_MEMBERS, COL_CATEGORIES = range(7)
    COLUMNS = 7
    IdRole = Qt.ItemDataRole.UserRole + 1
    DissolvedRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, fetch_rows: RowFetcher, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: Sequence[uuid.UUID] = ()
        self._rows: dict[uuid.UUID, HouseholdRow] = {}
        self._loaded = 0
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_result(self, ids: Sequence[uuid.UUID], first_rows: Sequence[HouseholdRow] = ()) -> None:
        """Replace the list; `first_rows` (fetched off the GUI thread) cover the first ids."""
        self.beginResetModel()
        self._ids = ids  # kept as given: the service's IdList makes UUIDs only for rows read
        self._rows = {row.id: row for row in first_rows}
        self._loaded = min(len(first_rows), len(self._ids))
        self.endResetModel()

    def total(self) -> int:
        return len(self._ids)

    def household_id(self, row: int) -> uuid.UUID | None:
        return self._ids[row] if 0 <= row < self._loaded else None

    def row_of(self, household_id: uuid.UUID) -> int:
        try:
            row = self._ids.index(household_id)
        except ValueError:
            return -1
        while row >= self._loaded and self.canFetchMore():
            self.fetchMore()
        return row

    # Qt model interface ######################################################################

    def rowCount(self, parent: _Index = ROOT) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: _Index = ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def canFetchMore(self, parent: _Index = ROOT) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: _Index = ROOT) -> None:
        if parent.isValid():
            return
        start, end = self._loaded, min(self._loaded + BATCH_SIZE, len(self._ids))
        if start >= end:
            return
        # A batch of rows takes a few milliseconds, so the view's request is answered right away.
        self._rows.update((row.id, row) for row in self._fetch_rows(self._ids[start:end]))
        self.beginInsertRows(QModelIndex(), start, end - 1)  # last row is inclusive
        self._loaded = end
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded or not 0 <= index.column() < self.COLUMNS:
            return None
        row = self._rows.get(self._ids[index.row()])
        if role == self.IdRole:
            return self._ids[index.row()]
        if row is None:
            return None  # deleted between listing and fetching; the next refresh drops it
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == self.DissolvedRole:
            return row.dissolved
        if role == Qt.ItemDataRole.ForegroundRole and row.dissolved:
            return DISSOLVED_COLOR
        if role == Qt.ItemDataRole.FontRole and row.dissolved:
            return self._italic
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_MEMBERS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        return None

    def _tooltip(self, row: HouseholdRow, column: int) -> str:
        # The whole text, for a cell cut short with "…" (users can also drag the column wider).
        text = self._display(row, column)
        return "\n".join(x for x in (text, self.tr("Dissolved household") if row.dissolved else "") if x)

    def _display(self, row: HouseholdRow, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_HEAD:
            return row.head_name or self.tr("(no head recorded)")
        if column == self.COL_MATCH:
            if row.matched is None:
                return ""
            return self.tr("{name} ({relationship})").format(
                name=row.matched.name, relationship=row.matched.relationship
            )
        if column == self.COL_VILLAGE:
            return row.village
        if column == self.COL_ADDRESS:
            return row.address
        if column == self.COL_MEMBERS:
            return str(row.members)
        return ", ".join(row.categories)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("Household no."),
            self.tr("Head of household"),
            self.tr("Matched member"),
            self.tr("Village"),
            self.tr("Address"),
            self.tr("Members"),
            self.tr("Categories"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
