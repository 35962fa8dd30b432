"""Combo boxes over reference codes or records, and a checkable list for multiple choice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from desktop.services import reference
from desktop.services.dto import CodeDTO
from desktop.ui.codes import code_label

MAX_VISIBLE_ROWS = 12


class ValueCombo(QComboBox):
    """Shows labels, hands back values; an optional blank first entry means "not chosen"."""

    def __init__(self, parent: QWidget | None = None, *, blank: str | None = None) -> None:
        super().__init__(parent)
        self._blank = blank
        self._values: list[Any] = []
        self.setMinimumWidth(220)
        # Long Vietnamese names (ethnic groups, topics) must not be cut in the popup.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)

    def set_items(self, items: Iterable[tuple[str, Any]], *, keep: bool = True) -> None:
        previous = self.value() if keep else None
        self.blockSignals(True)
        self.clear()
        # Values stay on the Python side: Qt compares wrapped Python objects (UUIDs) by identity.
        self._values = []
        if self._blank is not None:
            self.addItem(self._blank)
            self._values.append(None)
        for label, value in items:
            self.addItem(label)
            self._values.append(value)
        self.blockSignals(False)
        self.set_value(previous)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> None:
        index = self._values.index(value) if value is not None and value in self._values else -1
        if index < 0:
            index = 0 if self._values else -1
        self.setCurrentIndex(index)


class CodeCombo(ValueCombo):
    """Offers the codes in use; a retired code appears only while the record shown holds it."""

    def __init__(self, codes: Sequence[CodeDTO], parent: QWidget | None = None, *, required: bool = True) -> None:
        blank = QCoreApplication.translate("Pickers", "— choose —") if required else ""
        super().__init__(parent, blank=blank)
        self._codes = list(codes)
        self._offer(keep=())

    def _offer(self, keep: Sequence[str]) -> None:
        self.set_items(((code_label(c), c.code) for c in reference.offered(self._codes, keep=keep)), keep=False)

    def set_value(self, value: Any) -> None:
        if value is not None and value not in self._values and any(c.code == value for c in self._codes):
            self._offer(keep=[value])
        super().set_value(value)

    def code(self) -> str:
        return self.value() or ""


class CheckList(QListWidget):
    """Tick several values; Space toggles the current line, so it works without a mouse."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.setUniformItemSizes(True)

    def set_items(self, items: Iterable[tuple[str, Any]], checked: Iterable[Any] = ()) -> None:
        chosen = set(checked)
        self.blockSignals(True)
        self.clear()
        for label, value in items:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        # Tall enough to show every choice (up to a screenful), never stretched beyond that.
        rows = max(2, min(self.count(), MAX_VISIBLE_ROWS))
        row_height = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 8
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 4)

    def checked_values(self) -> list[Any]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, value: Any, checked: bool = True) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == value:
                self.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
