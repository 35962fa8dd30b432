"""Start the desktop app: Qt, font, language, then the profile's door, then the main window.

What opens depends on the profile folder (`profile.profile_state`):

* NEW: the set-up dialog creates the encrypted profile, then its recovery code is shown once;
* PLAIN (made before passphrases existed): the protect dialog encrypts it, then the recovery code;
* LOCKED: the login dialog; a login with the recovery code must choose a new passphrase first.

Logging out from the lock screen closes the main window and shows the login again.

The command line calls `main(paths, ...)`; with no display it calls `headless_screenshot(...)`. In
those non-interactive modes no dialog can be answered: with SOTAY_PASSPHRASE set (the user from
SOTAY_USER, or the only user) the profile is unlocked directly and the main window shown; otherwise a
picture of the dialog a person would see is taken instead. Once unlocked, start-up does no database
work before the window is shown: the first list page and the dashboard arrive through the DB lane.
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # as early as possible: the cold-start benchmark measures from here

import functools  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from PySide6.QtCore import QCoreApplication, QEvent, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from desktop import APP_NAME  # noqa: E402
from desktop.errors import AccessError, SotayError  # noqa: E402
from desktop.i18n import QT_TRANSLATE_NOOP  # noqa: E402
from desktop.logs import log_to_profile  # noqa: E402
from desktop.paths import ProfilePaths  # noqa: E402
from desktop.ui import settings_store, single_start, style, translation  # noqa: E402
from desktop.ui.widgets.fitting import DPI_ROUNDING, first_size  # noqa: E402
from desktop.ui.widgets.picture import save_picture  # noqa: E402

if TYPE_CHECKING:
    from desktop.services.profile.handle import Created, Profile
    from desktop.ui.context import AppContext
    from desktop.ui.lane import DbLane
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
ENV_USER, ENV_PASSPHRASE = "SOTAY_USER", "SOTAY_PASSPHRASE"
LOGGED_OUT = -1  # what the main window's run returns when the user logged out: show the login again


def elapsed_since_start() -> float:
    """Seconds since the process started (SOTAY_T0 from the CLI) or, failing that, since this import."""
    stamp = os.environ.get("SOTAY_T0")
    if stamp:
        try:
            return time.time() - float(stamp)
        except ValueError:
            pass  # a malformed stamp: measure from this module's import instead
    return time.perf_counter() - _T0


def choose_language(paths: ProfilePaths, requested: str) -> str:
    """An explicit non-default language wins; otherwise the one saved in Cài đặt, else Vietnamese."""
    if requested != translation.DEFAULT_LANGUAGE:
        return requested
    return settings_store.saved_language(paths) or requested


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(DPI_ROUNDING)  # only before the application exists
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    return app


def _setup_logging(paths: ProfilePaths) -> None:
    # Qt's own warnings (e.g. the offscreen platform's) belong in the log, not in the user's terminal.
    qInstallMessageHandler(_qt_message)
    if logging.getLogger().handlers:
        return  # the command line (or a test) already decided where logs go
    log_to_profile(paths)  # private, and free of personal data: desktop.logs


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), message)


def _install_excepthook(app: QApplication) -> None:
    """An unexpected error is logged and explained; the app keeps running (PySide would only print it)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    def report(kind: type[BaseException], error: BaseException, tb: object) -> None:
        log.error("Unexpected error", exc_info=(kind, error, tb))  # type: ignore[arg-type]
        if isinstance(error, KeyboardInterrupt):
            app.quit()
            return
        QMessageBox.critical(
            app.activeWindow(),
            APP_NAME,
            QCoreApplication.translate(
                "App", "Something unexpected went wrong. Your saved data is safe; details are in the log file."
            ),
        )

    sys.excepthook = report


def _when_list_loaded(window: MainWindow, action: Callable[[], None], *, dashboard_too: bool = False) -> None:
    """Run `action` once the first page of the household list (and optionally the dashboard) is shown."""
    pages = [window.household_list] + ([window.dashboard] if dashboard_too else [])
    pending = set(range(len(pages)))

    def one_done(number: int) -> None:
        if number in pending:
            pending.discard(number)
            if not pending:
                QTimer.singleShot(0, action)

    for number, page in enumerate(pages):
        page.loaded.connect(functools.partial(one_done, number))


@single_start.one_per_profile  # one process per profile: a second start says so and shows nothing else
def main(
    paths: ProfilePaths,
    *,
    language: str = "vi",
    exit_when_shown: bool = False,
    screenshot: Path | None = None,
) -> int:
    _setup_logging(paths)
    app = _application()
    style.apply(app)
    # Translators go in before any widget exists, so every tr() call sees them.
    translation.install(choose_language(paths, language))

    from desktop.ui.lane import DbLane

    interactive = not exit_when_shown and screenshot is None
    if interactive:
        _install_excepthook(app)
    # Closing the last window would post a quit request that outlives app.exec() and ends every later
    # event loop at once (the login after logging out, or the next test in the same process): the
    # main window asks to quit itself instead, see _run_main_window.
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    lane = DbLane()  # unlocking and creating derive keys (about half a second): off the GUI thread
    try:
        if not interactive:
            return _without_a_person(paths, app, lane, exit_when_shown=exit_when_shown, screenshot=screenshot)
        while True:
            opened = _open_profile(paths, lane)
            if isinstance(opened, int):
                return opened
            result = _run_profile(opened, app, exit_when_shown=False, screenshot=None)
            if result != LOGGED_OUT:
                return result
    finally:
        lane.shutdown()
        app.setQuitOnLastWindowClosed(quit_on_close)


# A person at the screen ##########################################################################


def _open_profile(paths: ProfilePaths, lane: DbLane) -> Profile | int:
    """Set up, protect or log in, as the folder requires; an int is the exit code when nothing opened."""
    from desktop.services.profile.folder import ProfileState, profile_state
    from desktop.services.profile.restoring import finish_interrupted_restore
    from desktop.ui.modal import inform

    try:
        if said := finish_interrupted_restore(paths.home):  # a restore a crash cut short: forward or back
            inform(None, APP_NAME, said)
        state = profile_state(paths)
        if state is ProfileState.NEW:
            return _set_up(paths, lane)
        if state is ProfileState.PLAIN:
            return _protect(paths, lane)
        return _log_in(paths, lane)
    except SotayError as error:  # e.g. a damaged key file: nothing can open, say why
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.modal import message
        from desktop.ui.translation import error_text

        log.error("Cannot open the profile in %s: %s", paths.home, error)
        message(None, QMessageBox.Icon.Critical, APP_NAME, error_text(error))
        return error.exit_code


def _set_up(paths: ProfilePaths, lane: DbLane) -> Profile | int:
    from desktop.ui.dialogs.setup import SetupDialog

    dialog = SetupDialog(paths, lane)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.created is None:
        return 0  # the user closed the set-up; nothing was saved
    _show_recovery_code(dialog.created, dialog.commune_name())
    if dialog.village_error is not None:
        from desktop.ui.modal import warn
        from desktop.ui.translation import error_text

        warn(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "App", "The notebook was created, but the villages could not be added: {reason} Add them in Settings."
            ).format(reason=error_text(dialog.village_error)),
        )
    return dialog.created.profile


def _protect(paths: ProfilePaths, lane: DbLane) -> Profile | int:
    from desktop.ui.dialogs.protect import ProtectDialog

    dialog = ProtectDialog(paths, lane)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.created is None:
        return 0  # still unprotected, untouched
    _show_recovery_code(dialog.created, _commune_name(dialog.created.profile))
    return dialog.created.profile


def _show_recovery_code(created: Created, commune: str) -> None:
    from desktop.ui.dialogs.recovery_code import RecoveryCodeDialog

    user = created.profile.user.name
    settings_store.save_last_user(created.profile.paths, user)
    RecoveryCodeDialog(created.recovery_code, commune=commune, user=user).exec()


def _log_in(paths: ProfilePaths, lane: DbLane) -> Profile | int:
    from desktop.ui.dialogs.login import LoginDialog
    from desktop.ui.dialogs.passphrase import NewPassphraseDialog

    while True:
        login = LoginDialog(paths, lane)
        accepted = login.exec() == QDialog.DialogCode.Accepted
        if login.damaged is None:
            break
        from desktop.ui.dialogs.restore import offer_restore

        if not offer_restore(paths, login.damaged):
            return 2  # damaged and not restored: nothing opens, the files stay as they are
    if not accepted or login.profile is None:
        return 0
    profile = login.profile
    if profile.must_change_passphrase:
        # Opened with the recovery code: a new passphrase first, or nothing opens.
        forced = NewPassphraseDialog(profile, lane)
        if forced.exec() != QDialog.DialogCode.Accepted or profile.must_change_passphrase:
            profile.close()
            return 0
    return profile


def _commune_name(profile: Profile) -> str:
    from desktop.services import reference

    return reference.commune_name(profile)


# Nobody at the screen ###########################################################################


def _without_a_person(
    paths: ProfilePaths, app: QApplication, lane: DbLane, *, exit_when_shown: bool, screenshot: Path | None
) -> int:
    """No dialog can be answered: unlock from the environment, or show what a person would see and stop."""
    from desktop.services.profile.folder import ProfileState, profile_state

    state = profile_state(paths)
    dialog: QDialog
    if state is ProfileState.LOCKED:
        passphrase = os.environ.get(ENV_PASSPHRASE)
        if passphrase:
            from desktop.services.profile import opening as profile_service

            profile = profile_service.unlock(paths, _user_from_environment(paths), passphrase)
            return _run_profile(profile, app, exit_when_shown=exit_when_shown, screenshot=screenshot)
        from desktop.ui.dialogs.login import LoginDialog

        dialog = LoginDialog(paths, lane)
    elif state is ProfileState.PLAIN:
        from desktop.ui.dialogs.protect import ProtectDialog

        dialog = ProtectDialog(paths, lane)
    else:
        from desktop.ui.dialogs.setup import SetupDialog

        dialog = SetupDialog(paths, lane)
    dialog.show()
    app.processEvents()
    if screenshot is not None:
        save_picture(dialog, screenshot)
    if exit_when_shown:
        print(f"shown_after_s={elapsed_since_start():.3f}", flush=True)
    dialog.close()
    dialog.deleteLater()
    return 0


def _user_from_environment(paths: ProfilePaths) -> str:
    from desktop.services.profile.folder import user_names

    named = os.environ.get(ENV_USER, "").strip()
    if named:
        return named
    users = user_names(paths)
    if len(users) == 1:
        return users[0]
    raise AccessError(
        QT_TRANSLATE_NOOP("App", "This profile has several users ({users}); name one in SOTAY_USER."),
        users=", ".join(users),
    )


# The main window ################################################################################


def _run_profile(profile: Profile, app: QApplication, *, exit_when_shown: bool, screenshot: Path | None) -> int:
    from desktop.ui.context import AppContext

    ctx = AppContext(profile)
    try:
        return _run_main_window(ctx, app, exit_when_shown=exit_when_shown, screenshot=screenshot)
    finally:
        ctx.close(backup=not exit_when_shown and screenshot is None)


def _run_main_window(ctx: AppContext, app: QApplication, *, exit_when_shown: bool, screenshot: Path | None) -> int:
    from desktop.ui.models.household_list import FIRST_PAGE, load_page

    # The slowest query of start-up runs while the rest of the UI is imported and built.
    ctx.prefetch(FIRST_PAGE, functools.partial(load_page, ctx.profile))
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    first_size(window)
    window.show()
    window.start()
    if exit_when_shown or screenshot is not None:
        outcome: list[int] = []

        def finish() -> None:
            if screenshot is not None:
                app.processEvents()
                save_picture(window, screenshot)
            if exit_when_shown:
                print(f"shown_after_s={elapsed_since_start():.3f}", flush=True)
            outcome.append(0)
            window.close()
            app.quit()

        _when_list_loaded(window, finish, dashboard_too=screenshot is not None)
        _exec(app)
        window.deleteLater()
        return outcome[0] if outcome else 1
    # Only with a person at the screen: the notice would otherwise count as shown without being read.
    window.check_keyring_notice()
    window.closed.connect(app.quit)  # closing the window, or logging out, ends this run
    result = _exec(app)
    logged_out = window.was_logged_out
    window.close()
    window.deleteLater()
    return LOGGED_OUT if logged_out else result


def _exec(app: QApplication) -> int:
    result = app.exec()
    # A quit request still queued would end the next event loop at once (see main).
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    return result


def headless_screenshot(paths: ProfilePaths, target: Path, *, language: str = "vi") -> Path:
    """Render the main window (or, while locked without SOTAY_PASSPHRASE, the login) to `target` (PNG)."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    target.parent.mkdir(parents=True, exist_ok=True)
    main(paths, language=language, screenshot=target)
    return target
