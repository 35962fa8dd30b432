"""Cần kiểm tra, the second part of the Cần xem lại page: a review item (desktop.services.review) as a card,
its records as buttons that open their household, "Đổi số hộ…" when one number is given to several
households, and "Không phải trùng" to dismiss it on every copy."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.register import households, members
from desktop.services.review import DUPLICATE_CODE, ReviewItemDTO, ReviewRecord
from desktop.ui.context import AppContext
from desktop.ui.pages.audit_labels import state_word
from desktop.ui.translation import message_text


@dataclass(frozen=True, slots=True)
class CheckItem:
    """An open review item, with the household each of its records belongs to (None: not found)."""

    item: ReviewItemDTO
    households: tuple[uuid.UUID | None, ...]
    places: tuple[str, ...]  # where each household is: what tells two households of one number apart


def _household_of(ctx: AppContext, item: ReviewItemDTO, record: ReviewRecord) -> uuid.UUID | None:
    if item.table == "households":
        return record.id
    if item.table == "people":
        return members.get(ctx.profile, record.id).household_id
    # A category entry is labelled with its household's number: the household when the number is one's.
    found = households.find_all_by_code(ctx.profile, record.label)
    return found[0] if len(found) == 1 else None


def _place(ctx: AppContext, household_id: uuid.UUID | None) -> str:
    if household_id is None:
        return ""
    found = households.detail(ctx.profile, household_id)
    return ", ".join(part for part in (found.address, found.village) if part)


def check_item(ctx: AppContext, item: ReviewItemDTO) -> CheckItem:
    """Runs on the DB lane."""
    ids = tuple(_household_of(ctx, item, record) for record in item.records)
    return CheckItem(item, ids, tuple(_place(ctx, household_id) for household_id in ids))


class CheckCard(QFrame):
    """One review item: the problem in words, its records, and what the user can do about it."""

    open_household = Signal(object)  # uuid.UUID
    renumber = Signal(object, str)  # household id, its number now
    dismiss = Signal(object)  # review item id

    def __init__(self, check: CheckItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.item = item = check.item
        self.heading = QLabel(state_word("review_items", "kind", item.kind) or self.tr("A problem to check"))
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.description = QLabel(message_text(item.description, item.params))
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        records = QVBoxLayout()
        records.setSpacing(6)
        self.record_buttons: list[QPushButton] = []
        self.renumber_buttons: list[QPushButton] = []
        for record, household_id, place in zip(item.records, check.households, check.places, strict=True):
            row = QHBoxLayout()
            row.setSpacing(8)
            button = QPushButton(self._record_text(record))
            button.setToolTip(self.tr("Open the household"))
            button.setEnabled(household_id is not None)
            button.clicked.connect(lambda _=False, hid=household_id: self.open_household.emit(hid))
            row.addWidget(button)
            self.record_buttons.append(button)
            if item.kind == DUPLICATE_CODE:  # beside each household: the user picks which one is renumbered
                renumber = QPushButton(self.tr("Change household number…"))
                renumber.clicked.connect(lambda _=False, r=record: self.renumber.emit(r.id, r.label))
                row.addWidget(renumber)
                self.renumber_buttons.append(renumber)
            where = QLabel(place)
            where.setObjectName("subtitle")
            where.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(where, 1)
            records.addLayout(row)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.dismiss_button = QPushButton(self.tr("Not a duplicate"))
        self.dismiss_button.setToolTip(self.tr("The records are different: this item is closed on every laptop."))
        self.dismiss_button.clicked.connect(lambda: self.dismiss.emit(item.id))
        actions.addWidget(self.dismiss_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.description)
        layout.addLayout(records)
        layout.addLayout(actions)

    def _record_text(self, record: ReviewRecord) -> str:
        if self.item.table == "people":
            return record.label
        return self.tr("Household no. {number}").format(number=record.label)
