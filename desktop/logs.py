"""Logs that hold no personal data, kept private in the profile's own folder.

What fails in this app fails while handling people's records, so an exception's message may quote
them: SQLAlchemy's quotes the bound values of the failing statement (case notes, names), a service's
error may name a person. A log therefore keeps, of every exception, only what a maintainer needs and
nothing the user typed: its type, where it happened (file, line, function and the line of code, read
from the program's source) and a fixed safe part — for a database error the driver's error name
(SQLITE_BUSY) and the SQL statement with its string literals masked (the engines never render the
values: `hide_parameters`); for an OS error its errno name. Never the message, never local values.

The app's log is `logs/sotay.log` in the profile folder, the folder 0700 and the file 0600. When it
cannot be written, the log goes to the terminal only, said once; there is no shared fallback folder.
"""

from __future__ import annotations

import errno
import logging
import os
import platform
import re
import sys
import traceback
from pathlib import Path
from typing import Any

from desktop import __version__, i18n
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

LOG_NAME = "sotay.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_SQL_LIMIT = 600  # characters of a statement kept: enough to know which one it was
_STRING_LITERAL = re.compile(r"'(?:[^']|'')*'")
_CONTEXT = "Cli"  # said on the terminal, as the command line's own messages are
_BLOCKED = QT_TRANSLATE_NOOP("Cli", "The log folder {folder} cannot be written; messages go to the terminal only.")
_CAUSE = "The above exception was the direct cause of the following exception:"
_DURING = "During handling of the above exception, another exception occurred:"


# What of an exception may be kept ###############################################################


def describe(error: BaseException) -> str:
    """The type of `error` and its safe part, e.g. ``sqlalchemy.exc.OperationalError (SQLITE_BUSY) [SQL: …]``."""
    parts = [_qualified(type(error))]
    if type(error).__module__.startswith("sqlalchemy"):
        original = getattr(error, "orig", None)  # the driver's exception, wrapped
        if isinstance(original, BaseException):
            name = getattr(original, "sqlite_errorname", None)
            parts.append(f"({_qualified(type(original))}{f' {name}' if isinstance(name, str) else ''})")
        statement = getattr(error, "statement", None)
        if isinstance(statement, str):
            parts.append(f"[SQL: {masked_sql(statement)}]")
    elif isinstance(error, OSError) and error.errno:
        parts.append(f"({errno.errorcode.get(error.errno, str(error.errno))})")
    return " ".join(parts)


def masked_sql(statement: str) -> str:
    """The statement on one line, its string literals replaced by '?', cut to a readable length."""
    flat = " ".join(_STRING_LITERAL.sub("'?'", statement).split())
    return flat if len(flat) <= _SQL_LIMIT else flat[:_SQL_LIMIT] + " …"


def redacted_traceback(error: BaseException) -> str:
    """Python's traceback of `error` and of the exceptions that led to it, each ending in `describe`."""
    chain: list[tuple[BaseException, str]] = []  # (exception, how it leads on to the one before it)
    seen: set[int] = set()
    current: BaseException | None = error
    leads_on = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, leads_on))
        if current.__cause__ is not None:
            current, leads_on = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, leads_on = current.__context__, _DURING
        else:
            current = None
    blocks: list[str] = []
    for exception, link in reversed(chain):  # the first cause first, as Python prints them
        blocks.append(_one_traceback(exception))
        if link:
            blocks.append(f"\n{link}\n\n")
    return "".join(blocks).rstrip("\n")


def _one_traceback(error: BaseException) -> str:
    frames = "".join(
        traceback.StackSummary.extract(traceback.walk_tb(error.__traceback__), capture_locals=False).format()
    )
    head = "Traceback (most recent call last):\n" if frames else ""
    return f"{head}{frames}{describe(error)}\n"


def _qualified(kind: type) -> str:
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


class RedactingFormatter(logging.Formatter):
    """Formats tracebacks with `redacted_traceback`, and an exception given as a message argument with `describe`."""

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(record.__dict__)  # other handlers keep the record as it was
        safe.exc_text = None  # a plain formatter may have cached the full text on the record
        safe.msg = _safe_argument(safe.msg)  # log.error(error) logs the exception's message otherwise
        if isinstance(safe.args, tuple):
            safe.args = tuple(_safe_argument(value) for value in safe.args)
        elif isinstance(safe.args, dict):
            safe.args = {key: _safe_argument(value) for key, value in safe.args.items()}
        return super().format(safe)

    def formatException(self, ei: Any) -> str:
        error = ei[1] if isinstance(ei, tuple) else None
        return redacted_traceback(error) if isinstance(error, BaseException) else ""


def _safe_argument(value: object) -> object:
    return describe(value) if isinstance(value, BaseException) else value


# Where the log goes ##############################################################################


class PrivateFileHandler(logging.FileHandler):
    """A log file readable by its owner only, whatever the umask; a link in its place is refused."""

    def _open(self) -> Any:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(self.baseFilename, flags, 0o600)
        try:
            _make_private(descriptor, 0o600)
            return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(descriptor)
            raise


def private_folder(folder: Path) -> Path:
    """`folder` as a folder of its owner only (0700), made if missing; OSError when it cannot be one."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.is_symlink() or not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
    if os.name == "posix":
        os.chmod(folder, 0o700)  # one made by an earlier version, or by ProfilePaths.ensure
    return folder


def log_to_profile(paths: ProfilePaths, *, level: int = logging.INFO) -> Path | None:
    """Send the root logger to the profile's `logs/sotay.log`; the path, or None when only stderr has it."""
    target: Path | None = paths.logs / LOG_NAME
    handler: logging.Handler
    try:
        private_folder(paths.logs)
        handler = PrivateFileHandler(str(target), encoding="utf-8")
    except OSError:
        target, handler = None, logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)  # the terminal gets what went wrong, not every step
        sys.stderr.write(i18n.tr(_CONTEXT, _BLOCKED, {"folder": paths.logs}) + "\n")  # once: at set-up
    handler.setFormatter(RedactingFormatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger(__name__).info(
        "sotay %s started (Python %s, %s)", __version__, platform.python_version(), sys.platform
    )
    return target


def _make_private(descriptor: int, mode: int) -> None:
    if os.name == "posix":
        os.fchmod(descriptor, mode)  # an existing file made by an earlier version was 0644
