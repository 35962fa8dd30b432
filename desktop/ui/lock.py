"""The idle lock: after some minutes without keyboard or mouse input, or on Ctrl+L, the app locks.

`IdleWatch` sees every input event of the application (an event filter on QApplication) and restarts
a single-shot timer on each; its `idle` signal fires when the timer runs out. Ctrl+L anywhere, even
in a dialog, emits `lock_requested`. `trigger_timeout()` fires `idle` at once (for tests).

`LockScreen` is what the main window shows instead of its content while locked: the logged-in user's
passphrase (checked by `profile.verify_passphrase`, throttled like a login), and "Log out".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.errors import SotayError
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import ROLE_LABELS
from desktop.services.profile.opening import LoginThrottledError
from desktop.ui.context import AppContext
from desktop.ui.translation import error_text, message_text
from desktop.ui.widgets.passphrase import ThrottleCountdown, caption, passphrase_field

log = logging.getLogger(__name__)

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    idle = Signal()
    lock_requested = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._paused = False
        self._installed = False
        self.set_minutes(minutes)

    @property
    def minutes(self) -> int:
        return self._timer.interval() // 60_000

    def set_minutes(self, minutes: int) -> None:
        self._timer.setInterval(max(1, minutes) * 60_000)
        if self._installed and not self._paused:
            self._timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._paused = False
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def pause(self) -> None:
        """While locked: input does not count, and the timer does not run."""
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        self._paused = False
        self._timer.start()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def trigger_timeout(self) -> None:
        """As if the minutes had passed without input (the idle timer is injectable this way)."""
        self._timer.stop()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT_EVENTS:
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and _is_lock_key(event):
            self.lock_requested.emit()
            return True
        if not self._paused:
            self._timer.start()
        return False


def _is_lock_key(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_L and modifiers == Qt.KeyboardModifier.ControlModifier


class LockScreen(QWidget):
    """Covers the main window while locked. Shows nothing of the register."""

    unlocked = Signal()
    log_out = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        user = ctx.profile.user
        card = QFrame()
        card.setObjectName("lockCard")
        card.setMaximumWidth(520)
        title = QLabel(self.tr("{app} is locked").format(app=APP_NAME))
        title.setObjectName("loginTitle")
        who = QLabel(
            self.tr("Logged in: {name} — {role}").format(name=user.name, role=message_text(ROLE_LABELS[user.role]))
        )
        who.setObjectName("subtitle")
        who.setWordWrap(True)
        explain = caption(
            self.tr(
                "The notebook was locked so that nobody can read it while you are away. "
                "Type your passphrase to go on where you left off."
            )
        )
        self.passphrase = passphrase_field()
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.log_out_button = QPushButton(self.tr("Log &out"))
        self.log_out_button.setAutoDefault(False)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 22)
        inner.setSpacing(12)
        for widget in (title, who, explain, self.passphrase, self.message):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.countdown = ThrottleCountdown(self.message, self.unlock_button, self)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.passphrase.textEdited.connect(self._typing)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.log_out_button.clicked.connect(self.log_out)

    def start(self) -> None:
        """Shown afresh: an empty field with the focus in it."""
        self.passphrase.clear()
        if not self.countdown.active:
            self.message.setVisible(False)
        self.passphrase.setFocus()

    def _typing(self) -> None:
        if not self.countdown.active:
            self.message.setVisible(False)

    def try_unlock(self) -> None:
        if self.busy or self.countdown.active:
            return
        if not self.passphrase.text():
            self._say(self.tr("Type your passphrase."))
            return
        profile, passphrase = self.ctx.profile, self.passphrase.text()
        self._set_busy(True)
        self.ctx.lane.submit(
            lambda: profile_service.verify_passphrase(profile, passphrase),
            self._verified,
            on_error=self._refused,
            owner=self,
        )

    def _verified(self, _result: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.message.setVisible(False)
        self.unlocked.emit()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, LoginThrottledError):
            self.countdown.start(error)
        elif isinstance(error, SotayError):
            self._say(error_text(error))
        else:
            log.error("Checking the passphrase failed", exc_info=error)
            self._say(error_text(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and not self.countdown.active)
