"""`sotay gui` (and `sotay` alone): the app window, or a picture of it where there is no display.

The only module of the command line that reaches the UI, and only once the command runs: Qt would
slow every other command's start.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers

SCREENSHOT_NAME = "main-window.png"


def register(commands: Subparsers) -> None:
    """Add `gui` to the `sotay` parser's subcommands."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Open the app window (what `sotay` alone does)."))
    gui = commands.add_parser("gui", help=about, description=about)
    gui.add_argument(
        "--exit-when-shown",
        action="store_true",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Close as soon as the main window is shown (to time the start).")),
    )
    gui.add_argument(
        "--screenshot",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Save a picture (PNG) of the main window to this file, then close.")
        ),
    )
    gui.set_defaults(run=run_gui)


def make_default(parser: argparse.ArgumentParser) -> None:
    """`sotay` without a command opens the window, as `sotay gui` does."""
    parser.set_defaults(run=run_gui, exit_when_shown=False, screenshot=None)


def run_gui(args: argparse.Namespace, paths: ProfilePaths) -> int:
    credentials.usable_home(paths, create=True)  # the app's first-run set-up creates the profile
    screenshot = Path(args.screenshot).expanduser().resolve() if args.screenshot else None
    from desktop.ui import app as window

    if _no_display():
        paths.ensure()
        written = window.headless_screenshot(paths, screenshot or paths.home / SCREENSHOT_NAME, language=args.lang)
        console.say(
            console.text(
                QT_TRANSLATE_NOOP(
                    "Cli", "There is no display here, so a picture of the app window was saved instead: {path}"
                ),
                path=written,
            )
        )
        return console.EXIT_OK
    return int(window.main(paths, language=args.lang, exit_when_shown=args.exit_when_shown, screenshot=screenshot))


def _no_display() -> bool:
    # Qt aborts the whole process (no Python exception) when it cannot reach a display.
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
