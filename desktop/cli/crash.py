"""Unexpected errors of the command line: the traceback to a log file, one sentence to the terminal.

The log names the command ("report monthly"), never its arguments: they are names searched for,
files of the user's. Its traceback is desktop.logs' redacted one (types and places, no messages). It is
written in the profile's own logs folder, private; when that cannot be written there is no log at all,
never one in a shared temporary folder, and the sentence says so.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

from desktop import logs
from desktop.cli import console
from desktop.fileio import write_atomically
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths


def unexpected(paths: ProfilePaths | None, command: str) -> int:
    """Keep the traceback for whoever fixes it; tell the user one sentence and where the log is."""
    error = sys.exc_info()[1] or RuntimeError()
    log_file = _write_log(paths, command, logs.redacted_traceback(error))
    if log_file is not None:
        console.error(
            console.text(
                QT_TRANSLATE_NOOP("Cli", "Something unexpected went wrong. The details were written to {path}"),
                path=log_file,
            )
        )
    elif paths is None:
        console.error(
            console.text(QT_TRANSLATE_NOOP("Cli", "Something unexpected went wrong, and no log file could be written."))
        )
    else:
        console.error(
            console.text(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Something unexpected went wrong ({error}), and no log file could be written: "
                    "{folder} must be a folder you can write to.",
                ),
                error=type(error).__name__,
                folder=paths.logs,
            )
        )
    return console.EXIT_UNEXPECTED


def command_name(parsed: argparse.Namespace | int | None) -> str:
    """The words that name the command run ("report monthly"); "sotay" before they are known."""
    if not isinstance(parsed, argparse.Namespace):
        return "sotay"
    command = getattr(parsed, "command", None)
    if not isinstance(command, str):
        return "gui"  # `sotay` alone opens the window
    action = getattr(parsed, f"{command.replace('-', '_')}_command", None)  # each group's own dest
    return f"{command} {action}" if isinstance(action, str) else command


def _write_log(paths: ProfilePaths | None, command: str, details: str) -> Path | None:
    """The log in the profile's logs folder (0600); None when there is no profile folder or it refuses."""
    if paths is None:
        return None
    stamp = datetime.now()
    name = f"sotay-error-{stamp:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    body = (
        f"{stamp.isoformat(timespec='seconds')}\nsotay {console.version()} "
        f"(Python {platform.python_version()}, {sys.platform})\ncommand: {command}\n\n{details}\n"
    )
    data = body.replace("\n", os.linesep).encode("utf-8")  # lines end the platform's way, for its text editor
    try:
        target = logs.private_folder(paths.logs) / name
        write_atomically(target, data, private=True)
    except OSError:
        return None
    return target
