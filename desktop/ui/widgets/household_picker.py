"""A line to find a household by its number or a member's name, offering matches as the user types."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QStringListModel, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.services.documents.choices import search_households
from desktop.ui.context import AppContext

SEARCH_DELAY_MS = 250


class HouseholdPicker(QLineEdit):
    """Type a household number or a name; matching households are offered as you type."""

    changed = Signal()  # a household was chosen, or the choice was cleared by typing

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id: uuid.UUID | None = None
        self._code = ""
        self._found: dict[str, tuple[uuid.UUID, str]] = {}
        self._generation = 0
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        # The lane already matched (without tone marks too); the completer must not filter again.
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(10)
        self.setCompleter(self.completer_)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.search)
        self.completer_.activated.connect(self.pick)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(lambda: self.pick(self.text()))

    def value(self) -> uuid.UUID | None:
        return self._id

    def code(self) -> str:
        return self._code

    def offered(self) -> list[str]:
        return self._model.stringList()

    def search(self) -> None:
        query = self.text().strip()
        self._generation += 1
        if not query:
            self._model.setStringList([])
            return
        generation, profile = self._generation, self._ctx.profile
        self._ctx.lane.submit(
            lambda: search_households(profile, query),
            lambda found: self._show(generation, query, found),
            owner=self,
        )

    def pick(self, label: str) -> None:
        if label in self._found:
            household, code = self._found[label]
            if self.text() != label:
                self.setText(label)
            self._choose(household, code)

    def _edited(self, _text: str) -> None:
        self._choose(None, "")
        self._timer.start()

    def _show(self, generation: int, query: str, found: list[tuple[str, uuid.UUID, str]]) -> None:
        if generation != self._generation:
            return
        self._found = {label: (household, code) for label, household, code in found}
        self._model.setStringList([label for label, _id, _code in found])
        exact = [(household, code) for _label, household, code in found if code.casefold() == query.casefold()]
        if len(exact) == 1:
            self._choose(*exact[0])  # a household number typed in full is a choice already
        if found and self.hasFocus():
            self.completer_.complete()

    def _choose(self, household: uuid.UUID | None, code: str) -> None:
        if household == self._id:
            return
        self._id, self._code = household, code
        self.changed.emit()
