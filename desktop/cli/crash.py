"""Unexpected errors of the command line: the traceback to a log file, one sentence to the terminal."""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from desktop.cli import console
from desktop.fileio import write_atomically
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths


def unexpected(paths: ProfilePaths | None, args: Sequence[str]) -> int:
    """Keep the traceback for whoever fixes it; tell the user one sentence and where the log is."""
    details = traceback.format_exc()
    log_file = _write_log(paths, args, details)
    if log_file is None:
        console.error(
            console.text(QT_TRANSLATE_NOOP("Cli", "Something unexpected went wrong, and no log file could be written."))
        )
    else:
        console.error(
            console.text(
                QT_TRANSLATE_NOOP("Cli", "Something unexpected went wrong. The details were written to {path}"),
                path=log_file,
            )
        )
    return console.EXIT_UNEXPECTED


def _write_log(paths: ProfilePaths | None, args: Sequence[str], details: str) -> Path | None:
    """The log in the profile's logs folder, else in the temporary folder; None when neither takes it."""
    stamp = datetime.now()
    name = f"sotay-error-{stamp:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    body = f"{stamp.isoformat(timespec='seconds')}\nsotay {console.version()}\nargv: {list(args)!r}\n\n{details}"
    data = body.replace("\n", os.linesep).encode("utf-8")  # lines end the platform's way, for its text editor
    folders = ([paths.logs] if paths is not None else []) + [Path(tempfile.gettempdir()) / "sotay-logs"]
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / name
            write_atomically(target, data)
            return target
        except OSError:
            continue
    return None
