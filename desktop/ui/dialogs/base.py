"""What every record form shares: a heading, Save/Cancel, live validation and service errors.

Subclasses build their fields, say which panel is current, compute the live problems with the same
rule functions the services use, and perform the save through a service. The service stays the real
gate: if it still refuses, its messages appear and the dialog stays open with the input intact.

A save that takes a noticeable time (deriving a key from a passphrase) runs off the GUI thread:
`perform_save` returns `save_in_background(work, then)`; the form is disabled, with a wait cursor,
until the work reports back. The dialogs shown before a profile is open have no AppContext: they
pass the lane to use instead.

Closing a form with changes (Escape, the title bar's ×, Cancel) asks first: save, don't save, or go
back. "Changes" are measured against what the form showed when it was first shown (`InputSnapshot`).
Hidden by the idle lock, a form is neither asked nor closed; closed while hidden (a log-out from the
lock screen), it closes unsaved without a question, as the lock screen says.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from desktop.errors import FieldProblem, SotayError, ValidationError
from desktop.ui.context import AppContext
from desktop.ui.input_snapshot import InputSnapshot
from desktop.ui.lane import DbLane
from desktop.ui.modal import Choice, ModalDialog, ask_unsaved
from desktop.ui.translation import error_text, problem_text
from desktop.ui.widgets.fitting import ScrollBody, grow_to_fit
from desktop.ui.widgets.form import FormPanel

log = logging.getLogger(__name__)

# What `perform_save` returns when the save goes on in the background (see `save_in_background`).
PENDING: Any = object()


CTX = "FormDialog"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class FormDialog(ModalDialog):
    # The values when first shown; a class default, as Qt may deliver events before __init__ has run.
    _opened_with: InputSnapshot | None = None

    def __init__(
        self, ctx: AppContext | None, heading: str, parent: QWidget | None = None, *, lane: DbLane | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx: Any = ctx  # None only in the dialogs shown before a profile is open
        self._lane = lane if lane is not None else (ctx.lane if ctx is not None else None)
        self.busy = False  # a background save is running
        self._sized = False
        self.setWindowTitle(heading)
        self.setModal(True)
        self.preferred_width = 560
        self._layout = QVBoxLayout(self)
        # Never smaller than the fields need (a fixed minimum would let Qt squeeze and clip them).
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._layout.setContentsMargins(22, 18, 22, 16)
        self._layout.setSpacing(12)
        title = QLabel(heading)
        title.setObjectName("dialogHeading")
        title.setWordWrap(True)
        self._layout.addWidget(title)
        # The fields scroll when the screen is short; the heading, the errors and Save/Cancel stay in view.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        fields_layout.addLayout(self.body)
        fields_layout.addStretch(1)
        self._layout.addWidget(ScrollBody(fields), 1)
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self._layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        # Enter presses Save, except in a notes field where it starts a new line: Ctrl+S saves from anywhere.
        save_keys = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_keys.activated.connect(lambda: self.save_button.isEnabled() and self.try_save())

    # To implement ############################################################################

    def current_panel(self) -> FormPanel:
        raise NotImplementedError

    def panels(self) -> list[FormPanel]:
        """The panels whose fields are shown now; a form laid out in two independent columns has two."""
        return [self.current_panel()]

    def live_problems(self) -> list[FieldProblem]:
        raise NotImplementedError

    def perform_save(self) -> bool:
        """Call the service; return False if the user backed out (e.g. at a duplicate warning)."""
        raise NotImplementedError

    # Shared behaviour ########################################################################

    def grow_to_fit(self) -> None:
        """Rows and long refusals appear as the user types: grow so none is squeezed."""
        if self.isVisible():
            grow_to_fit(self)

    def watch(self, panel: FormPanel) -> None:
        panel.edited.connect(lambda _field: self.revalidate())

    def revalidate(self) -> list[FieldProblem]:
        problems = self._reading_problems() + self.live_problems()
        self._show(problems, from_service=False)
        self.save_button.setEnabled(not problems)
        return problems

    def _reading_problems(self, *, final: bool = False) -> list[FieldProblem]:
        return [problem for panel in self.panels() for problem in panel.reading_problems(final=final)]

    def _show(self, problems: list[FieldProblem], *, from_service: bool) -> None:
        elsewhere = problems
        for panel in self.panels():
            elsewhere = panel.show_problems(elsewhere)
        # Problems about no field on the form: only worth a banner once the user has acted.
        text = "\n".join(problem_text(p) for p in elsewhere) if from_service else ""
        self._set_general(text)

    def _set_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))

    def try_save(self) -> bool:
        if self.busy:
            return False
        for panel in self.panels():
            panel.touch_all()
        if self._reading_problems(final=True):  # a typed date names no day: keep it and say why
            self.revalidate()
            return False
        try:
            saved = self.perform_save()
        except Exception as refused:  # noqa: BLE001 - shown to the user by _refused
            self._refused(refused)
            return False
        if saved is PENDING or not saved:
            return False  # a background save finishes later, in _saved
        self._saved()
        return True

    def _refused(self, refused: BaseException) -> None:
        """Show why the save did not happen; the input stays as it was."""
        if isinstance(refused, ValidationError):
            self._show(refused.problems, from_service=True)
        elif isinstance(refused, SotayError):
            self._set_general(error_text(refused))
        else:  # the user must see something, and keep the input
            log.error("Saving failed", exc_info=refused)
            self._set_general(_tr("Could not save because of an unexpected error. Nothing was changed."))

    def _saved(self) -> None:
        if self.ctx is not None:
            self.ctx.notify_changed()
        self.accept()

    def save_in_background(self, work: Callable[[], Any], then: Callable[[Any], object] | None = None) -> Any:
        """Run `work` off the GUI thread; then `then(result)` here (False: stay open); returns PENDING."""
        if self._lane is None:
            raise ValueError("this dialog has no lane for background work")
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            try:
                if then is not None and then(result) is False:
                    return
            except Exception as refused:  # noqa: BLE001 - shown to the user
                self._refused(refused)
                return
            self._saved()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._refused(error)

        self._lane.submit(work, done, on_error=failed, owner=self)
        return PENDING

    def _set_busy(self, busy: bool) -> None:
        """While a background save runs the form is read-only, with a wait cursor; focus comes back after."""
        if busy:
            self._focus_before = self.focusWidget()
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()
        self.busy = busy
        for panel in self.panels():
            panel.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        if not busy:
            self.revalidate()
            focus = getattr(self, "_focus_before", None)
            if focus is not None and shiboken6.isValid(focus) and focus.isEnabled():
                focus.setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._opened_with is None:
            self._opened_with = InputSnapshot(self)  # once: shown again after the lock, the typing is a change
        return super().event(event)

    def has_changes(self) -> bool:
        """Whether a value on screen differs from what the form showed when it was first shown."""
        return self._opened_with is not None and self._opened_with.differs()

    def reject(self) -> None:
        if self.busy:  # closing while a save runs would leave its outcome unknown
            return
        # Hidden (by the lock), the form is being closed by a log-out: unsaved, without a question.
        if self.isVisible() and self.has_changes():
            typing_in = self.focusWidget()
            choice = ask_unsaved(self)
            if choice is Choice.SAVE:
                self.try_save()  # refused: the form stays open with the reasons beside the fields
                return
            if choice is Choice.BACK:  # everything stays as typed, and the cursor goes back where it was
                self.activateWindow()
                if typing_in is not None and shiboken6.isValid(typing_in):
                    typing_in.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        # Sized once: shown again after the idle lock, it keeps the size the user gave it.
        if not event.spontaneous() and not self._sized:
            self._sized = True
            hint = self.sizeHint()
            self.resize(max(self.preferred_width, hint.width()), hint.height())
        super().showEvent(event)  # ModalDialog's: no larger than the screen, and inside it

