"""Start the desktop app: Qt, font, language, profile, first-run set-up, main window.

The command line calls `main(paths, ...)`; with no display it calls `headless_screenshot(...)`.
Start-up does no database work before the window is shown: the first list page and the dashboard
figures arrive through the DB lane right after.
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

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from desktop.paths import ProfilePaths  # noqa: E402
from desktop.ui import settings_store, style, translation  # noqa: E402

if TYPE_CHECKING:
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
APP_NAME = "Sổ tay CTV"


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
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    return app


def _setup_logging(paths: ProfilePaths) -> None:
    # Qt's own warnings (e.g. the offscreen platform's) belong in the log, not in the user's terminal.
    qInstallMessageHandler(_qt_message)
    if logging.getLogger().handlers:
        return  # the command line (or a test) already decided where logs go
    paths.ensure()
    logging.basicConfig(
        filename=paths.logs / "sotay.log",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


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

    from desktop.services import profile as profile_service
    from desktop.ui.context import AppContext

    ctx = AppContext(profile_service.open_profile(paths))
    if not exit_when_shown and screenshot is None:
        _install_excepthook(app)
    try:
        if not profile_service.is_set_up(ctx.profile):
            result = _first_run(ctx, app, exit_when_shown=exit_when_shown, screenshot=screenshot)
            if result is not None:
                return result
        return _run_main_window(ctx, app, exit_when_shown=exit_when_shown, screenshot=screenshot)
    finally:
        ctx.close()


def _first_run(ctx: AppContext, app: QApplication, *, exit_when_shown: bool, screenshot: Path | None) -> int | None:
    """Show the set-up dialog; None means "set up, go on to the main window"."""
    from desktop.ui.dialogs.setup import SetupDialog

    dialog = SetupDialog(ctx)
    if exit_when_shown or screenshot is not None:
        # Nobody can answer a dialog in these modes: show what a new user would see, then stop.
        dialog.show()
        app.processEvents()
        if screenshot is not None:
            dialog.grab().save(str(screenshot))
        if exit_when_shown:
            print(f"shown_after_s={elapsed_since_start():.3f}", flush=True)
        dialog.close()
        return 0
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0  # the user closed the set-up; nothing was saved
    return None


def _run_main_window(ctx: AppContext, app: QApplication, *, exit_when_shown: bool, screenshot: Path | None) -> int:
    from desktop.ui.models.household_list import FIRST_PAGE, load_page

    # The slowest query of start-up runs while the rest of the UI is imported and built.
    ctx.prefetch(FIRST_PAGE, functools.partial(load_page, ctx.profile))
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    screen = app.primaryScreen().availableGeometry() if app.primaryScreen() else None
    window.resize(min(1280, screen.width()) if screen else 1280, min(800, screen.height()) if screen else 800)
    window.show()
    window.start()
    if exit_when_shown or screenshot is not None:
        outcome: list[int] = []

        def finish() -> None:
            if screenshot is not None:
                app.processEvents()
                window.grab().save(str(screenshot))
            if exit_when_shown:
                print(f"shown_after_s={elapsed_since_start():.3f}", flush=True)
            outcome.append(0)
            window.close()
            app.quit()

        _when_list_loaded(window, finish, dashboard_too=screenshot is not None)
        app.exec()
        return outcome[0] if outcome else 1
    return app.exec()


def headless_screenshot(paths: ProfilePaths, target: Path, *, language: str = "vi") -> Path:
    """Render the main window to `target` (PNG) without a display."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    target.parent.mkdir(parents=True, exist_ok=True)
    main(paths, language=language, screenshot=target)
    return target
