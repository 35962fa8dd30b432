"""One app per profile: the app holds the profile's lock from start to exit.

A second start on a profile that is already open (in another window, or by a command that writes)
says so in one message box and shows nothing else: no login, no set-up. The lock is the OS's
(desktop.services.profile.process_lock), so a crashed app leaves none behind; the app restores a
damaged profile through the lock it holds (desktop.ui.dialogs.restore).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME
from desktop.errors import SotayError
from desktop.paths import ProfilePaths
from desktop.ui.widgets.fitting import DPI_ROUNDING

ALREADY_OPEN = 2  # the exit code of a start that found the notebook open elsewhere


class AppMain(Protocol):
    def __call__(
        self, paths: ProfilePaths, *, language: str = ..., exit_when_shown: bool = ..., screenshot: Path | None = ...
    ) -> int: ...


def one_per_profile(main: AppMain) -> AppMain:
    """Wrap the app's `main`: hold the profile while it runs, or say that it is open elsewhere."""

    @functools.wraps(main)
    def held(
        paths: ProfilePaths, *, language: str = "vi", exit_when_shown: bool = False, screenshot: Path | None = None
    ) -> int:
        from desktop.services.profile import process_lock

        try:
            hold = process_lock.acquire(paths.home)
        except SotayError as error:
            if exit_when_shown or screenshot is not None:
                raise  # nobody to read a window: the command line says it in one sentence
            _say(paths, language, error)
            return ALREADY_OPEN
        try:
            return main(paths, language=language, exit_when_shown=exit_when_shown, screenshot=screenshot)
        finally:
            hold.release()

    return held


def _say(paths: ProfilePaths, language: str, error: SotayError) -> None:
    from desktop.services.profile.process_lock import ProfileInUseError
    from desktop.ui import settings_store, style, translation
    from desktop.ui.modal import inform

    application = QApplication.instance()
    if application is None:  # as desktop.ui.app makes it (that module imports this one, not the reverse)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(DPI_ROUNDING)
        application = QApplication(sys.argv[:1])
    assert isinstance(application, QApplication)
    style.apply(application)
    if language == translation.DEFAULT_LANGUAGE:  # the language saved in Cài đặt, as app.choose_language
        language = settings_store.saved_language(paths) or language
    translation.install(language)
    if isinstance(error, ProfileInUseError):
        text = QCoreApplication.translate("App", "This notebook is already open in another window.")
    else:
        text = translation.error_text(error)
    inform(None, APP_NAME, text)
