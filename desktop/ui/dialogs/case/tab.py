"""What every tab of the case window shares: the case it shows, the two signals the window listens to, and
whether it holds input not saved yet (so that closing the window can ask first)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.errors import SotayError, ValidationError
from desktop.services.casework import cases
from desktop.services.casework.cases import CaseDetail
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case.data import CaseCodes
from desktop.ui.dialogs.case.parts import error_label, refusal_text, show_error
from desktop.ui.input_snapshot import HoldsInput
from desktop.ui.translation import problem_text
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel


class CaseTab(QWidget, HoldsInput):
    """One tab of the case window: it saves through the services and tells the window how that went.

    `changed`: something was saved; the window reads the case again, shows it on every tab and tells the
    rest of the app. `refused`: a service said no; the window shows why in the tab's one error label
    (`error`, laid out by the tab under the controls it is about). Clearing that label is the tab's own
    business (most clear it when a later action goes through). The window calls `show_case` with the
    tab's part of the case.

    A tab whose input is saved by its own button (the acts, the groups, the intake report) names that
    input's widget in `input_area`; the window calls `mark_clean` once it has shown the case, and asks
    `unsaved()` before it closes. `save_unsaved` saves that input as the tab's button would.
    """

    changed = Signal()
    refused = Signal(str)

    def __init__(self, ctx: AppContext, case_id: uuid.UUID, codes: CaseCodes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.codes = codes
        self.detail: CaseDetail | None = None  # until the window shows the case
        self.error = error_label()

    def is_open(self) -> bool:
        """A closed case takes no more actions."""
        return self.detail is not None and self.detail.state == cases.OPEN

    def report_refusal(self, refused: SotayError, *panels: FormPanel) -> None:
        """A refused input's problems beside their fields on `panels`; whatever is left through `refused`."""
        if not isinstance(refused, ValidationError):
            self.refused.emit(refusal_text(refused))
            return
        elsewhere = refused.problems
        for panel in panels:
            elsewhere = panel.show_problems(elsewhere)
        self.refused.emit("\n".join(problem_text(p) for p in elsewhere))

    def save_through(self, action: Callable[[], object]) -> bool:
        """Run one service call: on success clear the error and say `changed`; on refusal say why.

        A date typed beside the buttons that names no day stops the call: its reason is said instead.
        """
        for edit in self.findChildren(DateEdit):
            unreadable = edit.reading_problem("", final=True) if edit.isVisibleTo(self) else None
            if unreadable is not None:
                self.refused.emit(problem_text(unreadable))
                return False
        try:
            action()
        except SotayError as refused:
            self.report_refusal(refused)
            return False
        show_error(self.error, "")
        self.changed.emit()
        return True
