"""Warn that a person may already be registered: show who, and let the user decide (architecture.md §10)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.register.members import DuplicatePersonWarning
from desktop.ui.formatting import fmt_date
from desktop.ui.modal import ModalDialog
from desktop.ui.translation import error_text

T = TypeVar("T")


class DuplicateDialog(ModalDialog):
    def __init__(self, warning: DuplicatePersonWarning, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        message = QLabel(error_text(warning))
        message.setWordWrap(True)
        message.setObjectName("dialogHeading")
        layout.addWidget(message)
        layout.addWidget(QLabel(self.tr("Already in the register:")))
        self.table = QTableWidget(len(warning.candidates), 4)
        self.table.setAccessibleName(self.tr("People already registered"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Full name"), self.tr("Date of birth"), self.tr("Household no."), self.tr("Village")]
        )
        for row, candidate in enumerate(warning.candidates):
            values = (candidate.full_name, fmt_date(candidate.birth_date), candidate.household_code, candidate.village)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        hint = QLabel(self.tr("If this is a different person with the same name and year of birth, add anyway."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.add_anyway = buttons.addButton(self.tr("&Add anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setDefault(True)  # the safe choice is the default: Enter does not duplicate
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def save_checking_duplicates(parent: QWidget, call: Callable[[bool], T]) -> T | None:
    """Run `call(allow_duplicate)`; on a duplicate warning ask the user. None means "not saved"."""
    try:
        return call(False)
    except DuplicatePersonWarning as warning:
        dialog = DuplicateDialog(warning, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return call(True)
