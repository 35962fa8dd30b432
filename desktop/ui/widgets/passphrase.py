"""Passphrase fields, the "type it twice" check, and the countdown after too many wrong attempts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop.errors import FieldProblem
from desktop.security.keyslot import passphrase_problems
from desktop.services.profile.folder import LoginThrottledError
from desktop.services.validation import problem
from desktop.ui.translation import message_text
from desktop.ui.widgets.fitting import grow_to_fit

CTX = "Passphrase"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def passphrase_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMaxLength(1024)
    field.setMinimumWidth(280)
    return field


def show_toggle(*fields: QLineEdit) -> QCheckBox:
    """"Show what I type": passphrases typed with Vietnamese diacritics are easy to get wrong blind."""
    toggle = QCheckBox(_tr("&Show what I type"))

    def apply(checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        for field in fields:
            field.setEchoMode(mode)

    toggle.toggled.connect(apply)
    return toggle


def new_passphrase_problems(
    first: str, again: str, *, field: str = "passphrase", again_field: str = "passphrase_again"
) -> list[FieldProblem]:
    """The service's own rule for a new passphrase, then whether it was typed the same twice."""
    found = passphrase_problems(first, field)
    if not again:
        found.append(problem(again_field, _tr("Type the same passphrase again, to be sure of it.")))
    elif again != first:
        found.append(problem(again_field, _tr("The two passphrases are not the same.")))
    return found


class ThrottleCountdown(QObject):
    """After too many wrong passphrases: the wait is shown and `button` stays disabled until it is over.

    `tick()` counts down one second; a QTimer calls it every second, tests may call it directly.
    """

    def __init__(self, label: QLabel, button: QPushButton, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = label
        # The label is the form's message line (a wrong passphrase, the wait): the form keeps its size.
        keep_room_for(label)
        self._button = button
        self._error: LoginThrottledError | None = None
        self.remaining = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)

    @property
    def active(self) -> bool:
        return self.remaining > 0

    def start(self, error: LoginThrottledError) -> None:
        self._error = error
        self.remaining = max(1, error.seconds)
        self._button.setEnabled(False)
        self._show()
        self._timer.start()

    def tick(self) -> None:
        if self.remaining <= 0:
            return
        self.remaining -= 1
        if self.remaining > 0:
            self._show()
            return
        self._timer.stop()
        self._button.setEnabled(True)
        self._label.setText(_tr("You can try again now."))

    def stop(self) -> None:
        self._timer.stop()
        self.remaining = 0
        self._button.setEnabled(True)

    def _show(self) -> None:
        assert self._error is not None
        self._label.setText(message_text(self._error.message, {"seconds": self.remaining}))
        self._label.setVisible(True)
        _grow_window_of(self._label)


def caption(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped paragraph of explanation, selectable so it can be read out or copied."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _RoomForMessage(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            _grow_window_of(watched)
        return False


def keep_room_for(label: QLabel) -> None:
    """When `label` (a message under a form) appears, its window grows to make room for it.

    A dialog's minimum height counts a wrapped paragraph as one line, so without this the new line
    is taken from the fields above it: the passphrase field was cut in half after a wrong try."""
    label.installEventFilter(_RoomForMessage(label))


def _grow_window_of(widget: QWidget) -> None:
    """Once its window is on screen, the window grows to make room for `widget` (never narrower or shorter)."""
    if widget.window().isVisible():
        grow_to_fit(widget.window())
