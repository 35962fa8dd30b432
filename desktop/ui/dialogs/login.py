"""Logging in to an encrypted notebook: a user and their passphrase, or the recovery code.

Unlocking derives a key with Argon2id (about half a second), so it runs on a background lane with a
wait cursor; the window keeps painting. A wrong passphrase shows the service's message and nothing
opens; after too many, the wait is shown and counted down. "Forgot your passphrase?" switches to the
recovery code (checked as it is typed). A recovery login comes back with
`profile.must_change_passphrase` set: the caller then asks for a new passphrase.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.errors import SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths
from desktop.security.recovery import recovery_code_problems
from desktop.services.profile import folder
from desktop.services.profile.folder import DamagedProfileError, LoginThrottledError
from desktop.ui.lane import DbLane
from desktop.ui.modal import ModalDialog
from desktop.ui.settings_store import save_last_user, saved_last_user
from desktop.ui.translation import error_text
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.passphrase import ThrottleCountdown, caption, passphrase_field

if TYPE_CHECKING:
    from desktop.services.profile.handle import Profile

UNEXPECTED = QT_TRANSLATE_NOOP(
    "LoginDialog", "The notebook could not be opened because of an unexpected error. Details are in the log file."
)
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Attempt:
    """What opened the key file at a login that then found the database damaged (see dialogs.restore)."""

    user: str
    passphrase: str | None = None
    recovery_code: str | None = None


def _service() -> Any:
    from desktop.services.profile import opening as profile

    return profile


def _recovery_service() -> Any:
    from desktop.services.profile import recovery

    return recovery


def _preload() -> None:
    """Import the database layer on the lane while the user types: the window came up without it."""
    import desktop.services.profile.opening
    import desktop.services.register.households
    import desktop.services.register.search  # noqa: F401


class LoginDialog(ModalDialog):
    def __init__(self, paths: ProfilePaths, lane: DbLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.lane = lane
        lane.submit(_preload, lambda _result: None, owner=self)
        self.profile: Profile | None = None
        # Set when the secret was right but the database is damaged: the caller offers a backup.
        self.damaged: Attempt | None = None
        self._attempt: Attempt | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Log in — {app}").format(app=APP_NAME))
        self.setModal(True)
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        outer.setContentsMargins(26, 22, 26, 18)
        outer.setSpacing(12)
        self.heading = QLabel(APP_NAME)
        self.heading.setObjectName("loginTitle")
        outer.addWidget(self.heading)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._login_page())
        self.pages.addWidget(self._recovery_page())
        outer.addWidget(self.pages)
        self.user.currentIndexChanged.connect(self._user_changed)
        self._fill_users()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.recovery_page, activated=self.show_login).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.setMinimumWidth(520)

    # Building ################################################################################

    def _login_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        intro = caption(self.tr("This notebook is protected. Choose your name and type your passphrase."))
        intro.setObjectName("subtitle")
        layout.addWidget(intro)
        self.panel = FormPanel()
        self.user = QComboBox()
        self.user.setMinimumWidth(260)
        self.passphrase = passphrase_field()
        self.panel.add("user", self.tr("&User"), self.user)
        self.panel.add("passphrase", self.tr("&Passphrase"), self.passphrase)
        layout.addWidget(self.panel)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.forgot = QPushButton(self.tr("&Forgot your passphrase?"))
        self.forgot.setObjectName("flat")
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot.setAutoDefault(False)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setAutoDefault(False)
        self.login_button = QPushButton(self.tr("&Log in"))
        self.login_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.forgot)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.login_button)
        layout.addLayout(row)
        self.countdown = ThrottleCountdown(self.message, self.login_button, self)
        self.passphrase.textEdited.connect(self._typing)
        self.login_button.clicked.connect(self.log_in)
        self.quit_button.clicked.connect(self.reject)
        self.forgot.clicked.connect(self.show_recovery)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        self.recovery_page = page
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.recovery_intro = caption("")
        self.recovery_intro.setObjectName("subtitle")
        layout.addWidget(self.recovery_intro)
        self.recovery_panel = FormPanel()
        self.recovery_code = QLineEdit()
        self.recovery_code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_code.setMinimumWidth(300)
        self.recovery_panel.add(
            "recovery_code", self.tr("Recovery &code"), self.recovery_code, self.recovery_code.textChanged
        )
        layout.addWidget(self.recovery_panel)
        self.recovery_message = QLabel()
        self.recovery_message.setObjectName("formError")
        self.recovery_message.setWordWrap(True)
        self.recovery_message.setVisible(False)
        layout.addWidget(self.recovery_message)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAutoDefault(False)
        self.recover_button = QPushButton(self.tr("&Continue"))
        self.recover_button.setDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.recover_button)
        layout.addLayout(row)
        self.recovery_countdown = ThrottleCountdown(self.recovery_message, self.recover_button, self)
        self.recovery_panel.edited.connect(lambda _field: self._check_code())
        self.recover_button.clicked.connect(self.recover)
        self.back_button.clicked.connect(self.show_login)
        return page

    def _fill_users(self) -> None:
        names = folder.user_names(self.paths)
        self.user.addItems(names)
        last = saved_last_user(self.paths)
        if last in names:
            self.user.setCurrentText(last)
        # One user (or the one who logged in last): straight to the passphrase.
        if len(names) == 1 or last in names:
            self.passphrase.setFocus()
        else:
            self.user.setFocus()

    # Logging in ##############################################################################

    def chosen_user(self) -> str:
        return self.user.currentText()

    def _typing(self) -> None:
        if not self.countdown.active:
            self.message.setVisible(False)

    def _user_changed(self) -> None:
        self.countdown.stop()
        self.message.setVisible(False)

    def log_in(self) -> None:
        if self.busy or self.countdown.active:
            return
        if not self.passphrase.text():
            self._say(self.tr("Type your passphrase."))
            self.passphrase.setFocus()
            return
        paths, user, passphrase = self.paths, self.chosen_user(), self.passphrase.text()
        self._attempt = Attempt(user, passphrase=passphrase)
        self._run(lambda: _service().unlock(paths, user, passphrase, check_pages=True), self._login_failed)

    def _login_failed(self, error: BaseException) -> None:
        if isinstance(error, LoginThrottledError):
            self.countdown.start(error)
        else:
            self._say(error_text(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    # The recovery code #######################################################################

    def show_recovery(self) -> None:
        self.recovery_intro.setText(
            self.tr(
                "Type the recovery code you wrote down or printed when the notebook was protected. "
                "You will then choose a new passphrase for {user}."
            ).format(user=self.chosen_user())
        )
        self.heading.setText(self.tr("Forgot your passphrase?"))
        self.pages.setCurrentIndex(1)
        self.recover_button.setDefault(True)
        self.login_button.setDefault(False)
        self._check_code()
        self.recovery_code.setFocus()

    def show_login(self) -> None:
        if self.busy:
            return
        self.heading.setText(APP_NAME)
        self.pages.setCurrentIndex(0)
        self.recover_button.setDefault(False)
        self.login_button.setDefault(True)
        self.passphrase.setFocus()

    def _check_code(self) -> bool:
        problems = recovery_code_problems(self.recovery_code.text())
        self.recovery_panel.show_problems(problems)
        if not self.recovery_countdown.active:
            self.recover_button.setEnabled(not problems)
            if self.recovery_message.isVisible() and self.recovery_code.text():
                self.recovery_message.setVisible(False)
        return not problems

    def recover(self) -> None:
        if self.busy or self.recovery_countdown.active:
            return
        self.recovery_panel.touch_all()
        if not self._check_code():
            return
        paths, user, code = self.paths, self.chosen_user(), self.recovery_code.text()
        self._attempt = Attempt(user, recovery_code=code)
        self._run(
            lambda: _recovery_service().unlock_with_recovery(paths, user, code, check_pages=True),
            self._recovery_failed,
        )

    def _recovery_failed(self, error: BaseException) -> None:
        if isinstance(error, LoginThrottledError):
            self.recovery_countdown.start(error)
        else:
            self.recovery_message.setText(error_text(error))
            self.recovery_message.setVisible(True)
        self.recovery_code.setFocus()

    # Both ####################################################################################

    def _run(self, work: Any, failed: Any) -> None:
        """Unlock on the lane with a wait cursor; the form is read-only meanwhile."""
        self._set_busy(True)

        def done(profile: Profile) -> None:
            self._set_busy(False)
            self.profile = profile
            save_last_user(self.paths, profile.user.name)
            self.accept()

        def refused(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, DamagedProfileError):
                self.damaged = self._attempt
                self.reject()
                return
            if isinstance(error, SotayError):
                failed(error)
                return
            log.error("Unlocking failed", exc_info=error)
            failed(SotayError(UNEXPECTED))

        self.lane.submit(work, done, on_error=refused, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()
        self.pages.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def done(self, result: int) -> None:
        self.countdown.stop()
        self.recovery_countdown.stop()
        super().done(result)
