"""What every record form shares: a heading, Save/Cancel, live validation and service errors.

Subclasses build their fields, say which panel is current, compute the live problems with the same
rule functions the services use, and perform the save through a service. The service stays the real
gate: if it still refuses, its messages appear and the dialog stays open with the input intact.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from desktop.errors import FieldProblem, SotayError, ValidationError
from desktop.ui.context import AppContext
from desktop.ui.translation import error_text, problem_text
from desktop.ui.widgets.form import FormPanel

log = logging.getLogger(__name__)


CTX = "FormDialog"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class FormDialog(QDialog):
    def __init__(self, ctx: AppContext, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self._layout.addLayout(self.body)
        self._layout.addStretch(1)
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

    # To implement ############################################################################

    def current_panel(self) -> FormPanel:
        raise NotImplementedError

    def live_problems(self) -> list[FieldProblem]:
        raise NotImplementedError

    def perform_save(self) -> bool:
        """Call the service; return False if the user backed out (e.g. at a duplicate warning)."""
        raise NotImplementedError

    # Shared behaviour ########################################################################

    def watch(self, panel: FormPanel) -> None:
        panel.edited.connect(lambda _field: self.revalidate())

    def revalidate(self) -> list[FieldProblem]:
        problems = self.live_problems()
        self._show(problems, from_service=False)
        self.save_button.setEnabled(not problems)
        return problems

    def _show(self, problems: list[FieldProblem], *, from_service: bool) -> None:
        elsewhere = self.current_panel().show_problems(problems)
        # Problems about no field on the form: only worth a banner once the user has acted.
        text = "\n".join(problem_text(p) for p in elsewhere) if from_service else ""
        self._set_general(text)

    def _set_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))

    def try_save(self) -> bool:
        self.current_panel().touch_all()
        try:
            saved = self.perform_save()
        except ValidationError as refused:
            self._show(refused.problems, from_service=True)
            return False
        except SotayError as refused:
            self._set_general(error_text(refused))
            return False
        except Exception:  # noqa: BLE001 - the user must see something, and keep the input
            log.exception("Saving failed")
            self._set_general(_tr("Could not save because of an unexpected error. Nothing was changed."))
            return False
        if not saved:
            return False
        self.ctx.notify_changed()
        self.accept()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            hint = self.sizeHint()
            self.resize(max(self.preferred_width, hint.width()), hint.height())
        super().showEvent(event)
