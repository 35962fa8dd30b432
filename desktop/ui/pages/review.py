"""Cần xem lại: the values a merge of two laptops' changes set aside, side by side, and the user's choice;
below them, the rules the merge found broken (Cần kiểm tra).

Each open conflict (desktop.services.conflicts, docs/changeset.md) is a card: which record and which
detail, why the laptops disagree, and both values with who made them and when. Keeping one side closes
the conflict on every copy; keeping the value set aside writes it to the record as the user's own edit.

Each open review item (desktop.services.review) is a card too: the problem in words, its records as
buttons that open their household, "Đổi số hộ…" when one number is given to several households, and
"Không phải trùng" to dismiss it on every copy.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import SotayError
from desktop.services import conflicts, review
from desktop.services.conflicts import ConflictDTO, Side
from desktop.ui.context import AppContext
from desktop.ui.dialogs.renumber import RenumberDialog
from desktop.ui.modal import warn
from desktop.ui.pages.audit_labels import field_label, state_word
from desktop.ui.pages.review_checks import CheckCard, CheckItem, check_item
from desktop.ui.translation import error_text
from desktop.ui.widgets.stale import ReloadsWhenShown

TIME_FORMAT = "%d/%m/%Y %H:%M"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class ReviewItem:
    conflict: ConflictDTO
    record: str  # the household's number, the person's name…; "" when unknown


def load_review(ctx: AppContext) -> list[ReviewItem]:
    """Runs on the DB lane."""
    profile = ctx.profile
    return [
        ReviewItem(found, conflicts.record_label(profile, found.table, found.row_id))
        for found in conflicts.list_open(profile)
    ]


@dataclass(frozen=True, slots=True)
class PageData:
    conflicts: list[ReviewItem]
    checks: list[CheckItem]


def load_page(ctx: AppContext) -> PageData:
    """Runs on the DB lane."""
    return PageData(load_review(ctx), [check_item(ctx, item) for item in review.list_open(ctx.profile)])


def local_time(at: datetime | None) -> str:
    if at is None:
        return ""
    moment = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return moment.astimezone().strftime(TIME_FORMAT)


def table_words(table: str) -> str:
    """What a synced table's records are called, in the service's context: "Person" is a Nhân khẩu here."""
    return QCoreApplication.translate(conflicts.CTX, conflicts.table_label(table))


class ConflictCard(QFrame):
    """One conflict: the record, the reason, both sides with a button each."""

    keep = Signal(object, str)  # conflict id, conflicts.KEEP_KEPT or KEEP_OTHER

    def __init__(self, item: ReviewItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.conflict = found = item.conflict
        deleted = found.reason == conflicts.DELETED
        self.heading = QLabel(self._heading(item))
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.reason = QLabel(self.reason_text(found.reason))
        self.reason.setObjectName("subtitle")
        self.reason.setWordWrap(True)
        self.kept_value = self._value_label(self._value(found, found.kept, kept=True))
        self.other_value = self._value_label(self._value(found, found.other, kept=False))
        self.kept_button = QPushButton(self.tr("Keep this value") if not deleted else self.tr("Leave it deleted"))
        self.other_button = QPushButton(self.tr("Keep this value") if not deleted else self.tr("Restore"))
        self.kept_button.clicked.connect(lambda: self.keep.emit(found.id, conflicts.KEEP_KEPT))
        self.other_button.clicked.connect(lambda: self.keep.emit(found.id, conflicts.KEEP_OTHER))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        sides = (
            (self.tr("In the record now"), found.kept, self.kept_value, self.kept_button),
            (self.tr("Set aside"), found.other, self.other_value, self.other_button),
        )
        for column, (caption, side, value, button) in enumerate(sides):
            title = QLabel(caption)
            title.setStyleSheet("font-weight: bold;")
            who = QLabel(self._who_and_when(side))
            who.setObjectName("subtitle")
            who.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            grid.addWidget(title, 0, column)
            grid.addWidget(value, 1, column)
            grid.addWidget(who, 2, column)
            grid.addLayout(row, 3, column)
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addLayout(grid)

    def _heading(self, item: ReviewItem) -> str:
        found = item.conflict
        kind = table_words(found.table)
        if item.record and found.table == "households":
            record = self.tr("{kind} no. {number}").format(kind=kind, number=item.record)
        elif item.record:
            record = self.tr("{kind}: {name}").format(kind=kind, name=item.record)
        else:
            record = kind
        if found.reason == conflicts.DELETED:
            return record  # the whole record, not one detail
        return self.tr("{record} — {field}").format(record=record, field=field_label(found.field, found.table))

    def reason_text(self, reason: str) -> str:
        reasons = {
            conflicts.CONCURRENT: self.tr(
                "The same detail was changed on two laptops before they exchanged their changes."
            ),
            conflicts.AHEAD: self.tr(
                "A change came from a laptop whose date was wrong (more than a day ahead), so it was set aside."
            ),
            conflicts.DELETED: self.tr("The record was deleted on one laptop and changed on another."),
        }
        return reasons.get(reason) or self.tr("The two laptops disagree about this detail.")

    def _value(self, found: ConflictDTO, side: Side, *, kept: bool) -> str:
        if found.reason == conflicts.DELETED:
            return self.tr("Deleted") if kept else self.tr("Still there, with the later changes")
        if found.field in side.values:
            text = side.values[found.field]
        else:
            text = "; ".join(value for value in side.values.values() if value)
        if not text:
            return self.tr("(empty)")
        word = state_word(found.table, found.field, text)
        if word is not None:
            return word
        day = _ISO_DATE.match(text)
        return f"{day[3]}/{day[2]}/{day[1]}" if day else text

    def _value_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setStyleSheet("font-size: 12pt; color: #102a43;")
        return label

    def _who_and_when(self, side: Side) -> str:
        if side.here:
            who = self.tr("this laptop")
        elif side.device:
            who = self.tr("another laptop")
        else:
            return ""  # the edit of a deleted record carries no clock of its own
        when = local_time(side.at)
        if not when:
            return self.tr("On {who}").format(who=who)
        return self.tr("On {who}, {when}").format(who=who, when=when)


class ReviewPage(ReloadsWhenShown, QWidget):
    loaded = Signal()
    open_household = Signal(object)  # uuid.UUID

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self.cards: list[ConflictCard] = []
        self.checks: list[CheckCard] = []
        title = QLabel(self.tr("Needs review"))
        title.setObjectName("pageTitle")
        about = QLabel(
            self.tr(
                "When two laptops changed the same thing before exchanging their changes, one value was kept "
                "and the other set aside. Check each one below and keep the right value: your choice reaches "
                "the other laptops with the next exchange."
            )
        )
        about.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self.empty = QLabel(self.tr("Nothing to review: every change from the other laptops fitted in."))
        self.conflicts_title = QLabel(self.tr("Values set aside"))
        self.conflicts_title.setObjectName("sectionTitle")
        self.checks_title = QLabel(self.tr("To check"))
        self.checks_title.setObjectName("sectionTitle")
        self.checks_about = QLabel(
            self.tr(
                "Each laptop kept the rules, but together their changes break one: the same number for two "
                "households, two heads, one person recorded twice. Open the records and settle it."
            )
        )
        self.checks_about.setWordWrap(True)
        self.checks_about.setObjectName("subtitle")
        self.empty.setObjectName("subtitle")
        self.empty.setWordWrap(True)
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(12)
        self.list_layout.addWidget(self.conflicts_title)
        self.list_layout.addWidget(self.checks_title)  # conflict cards go between the two titles
        self.list_layout.addWidget(self.checks_about)
        self.list_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.list)
        self.scroll.setAccessibleName(self.tr("Conflicts to review"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addWidget(self.count)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        ctx.data_changed.connect(self._data_changed)

    def reload(self) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.ctx.lane.submit(lambda: load_page(self.ctx), lambda found: self._show(generation, found), owner=self)

    def _show(self, generation: int, data: PageData) -> None:
        if generation != self._generation:
            return
        for old in (*self.cards, *self.checks):
            old.setParent(None)
            old.deleteLater()
        self.cards = []
        self.checks = []
        for item in data.conflicts:
            card = ConflictCard(item, self.list)
            card.keep.connect(self.keep)
            self.list_layout.insertWidget(self.list_layout.indexOf(self.checks_title), card)
            self.cards.append(card)
        for check in data.checks:
            check_card = CheckCard(check, self.list)
            check_card.open_household.connect(self.open_household)
            check_card.renumber.connect(self.renumber)
            check_card.dismiss.connect(self.dismiss)
            self.list_layout.insertWidget(self.list_layout.count() - 1, check_card)
            self.checks.append(check_card)
        total = len(self.cards) + len(self.checks)
        self.conflicts_title.setVisible(bool(self.cards))
        self.checks_title.setVisible(bool(self.checks))
        self.checks_about.setVisible(bool(self.checks))
        self.count.setText(self.tr("To review: {n}").format(n=total))
        self.count.setVisible(bool(total))
        self.empty.setVisible(not total)
        self.scroll.setVisible(bool(total))
        self.loaded.emit()

    def _busy(self) -> None:
        for card in (*self.cards, *self.checks):  # one choice at a time: a second click must not race the first
            card.setEnabled(False)

    def renumber(self, household_id: uuid.UUID, code: str) -> None:
        # Once saved, the dialog tells every page (data_changed): this one reloads without the item.
        RenumberDialog(self.ctx, household_id, code, self).exec()

    def dismiss(self, item_id: uuid.UUID) -> None:
        profile = self.ctx.profile
        self._busy()
        self.ctx.lane.submit(
            lambda: review.dismiss(profile, item_id),
            lambda _done: self.ctx.notify_changed(),
            on_error=self._refused,
            owner=self,
        )

    def keep(self, conflict_id: uuid.UUID, side: str) -> None:
        profile = self.ctx.profile
        self._busy()
        self.ctx.lane.submit(
            lambda: conflicts.resolve(profile, conflict_id, side),
            lambda _done: self.ctx.notify_changed(),
            on_error=self._refused,
            owner=self,
        )

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, SotayError):
            raise error
        warn(self, self.tr("Needs review"), error_text(error))
        self.reload()
