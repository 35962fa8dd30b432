"""What every command says and how: the language, the exit codes, translated texts, printing, numbers.

Messages are English source texts marked for translation in the "Cli" context and printed in
Vietnamese from resources/i18n/sotay_vi.ts; errors from the services are looked up by their source
text alone. Exit codes: 0 done; 2 wrong command line, or a folder that cannot be used; 3 input
refused (it comes with the errors); 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import errno
import io
import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import i18n
from desktop.errors import AccessError, FieldProblem, SotayError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import resource

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]  # not subscriptable at run time

CONTEXT = "Cli"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130  # 3 comes with the errors


# Language ###################################################################################


def requested_language(args: Sequence[str]) -> str:
    """--lang is needed before the parser exists, since the help texts are translated when built."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return DEFAULT_LANGUAGE


class _Catalogue:
    # Errors from the services carry their source text but not the context it was marked in, so
    # they are looked up by source alone; the command line's own texts use their "Cli" context.
    by_source: dict[str, str] = {}


def install_language(language: str) -> str:
    """Route desktop.i18n through the catalogue; an unreadable catalogue leaves the English sources."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE  # the parser reports the bad value; its message is still translated
    catalogue: dict[tuple[str, str], str] = {}
    if language != "en":
        try:
            catalogue = i18n.load_ts_catalogue(str(catalogue_path(language)))
        except (OSError, ET.ParseError):
            pass  # a broken install still answers, in English
    i18n.use_catalogue(catalogue)
    _Catalogue.by_source = {}
    for (_context, source), translated in catalogue.items():
        _Catalogue.by_source.setdefault(source, translated)
    return language


def catalogue_path(language: str) -> Path:
    """The same catalogue the app reads (desktop.ui.translation), found without importing Qt."""
    return resource("i18n", f"sotay_{language}.ts")


# Texts ######################################################################################


def text(source: str, **params: object) -> str:
    """One of our "Cli" texts, translated, with its named placeholders filled."""
    return i18n.fill(i18n.tr(CONTEXT, source), source, params)


def service_text(source: str, params: Mapping[str, object]) -> str:
    """A text of the services (an error's or a problem's), translated, with its placeholders filled."""
    return i18n.fill(_Catalogue.by_source.get(source, source), source, params)


def error_text(error: SotayError) -> str:
    if isinstance(error, ValidationError) and error.problems:
        return "\n".join(service_text(p.message, p.params) for p in error.problems)
    return service_text(error.message, error.params)


def problem(field: str, message: str, **params: object) -> FieldProblem:
    return FieldProblem(field, message, params)


# Output #####################################################################################


def say(line: str) -> None:
    try:
        print(line, flush=True)
    except BrokenPipeError:
        silence(sys.stdout)  # the work goes on, and its exit code stays what it is


def error(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except BrokenPipeError:
        silence(sys.stderr)


def silence(stream: object) -> None:
    """The reader of this stream went away (`sotay find … | head -1`): whatever is left to say goes nowhere.

    The stream's own descriptor is pointed at the null device, so neither a later line nor the flush
    at exit meets the closed pipe again."""
    try:
        target = stream.fileno()  # type: ignore[attr-defined]
        nowhere = os.open(os.devnull, os.O_WRONLY)
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing to point elsewhere
    try:
        os.dup2(nowhere, target)
    finally:
        os.close(nowhere)


def utf8_streams() -> None:
    # A Windows pipe or an old locale would turn Vietnamese (and JSON with it) into an encoding error.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and encoding != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")


def number(value: int, language: str) -> str:
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if language == "vi" else grouped  # 20.000 in Vietnamese


def decimal(value: float, language: str) -> str:
    written = f"{value:.1f}"
    return written.replace(".", ",") if language == "vi" else written


def version() -> str:
    # Not importlib.metadata: scanning the installed distributions costs ~50 ms on every start.
    from desktop import __version__

    return __version__


# A full disk #################################################################################

DISK_FULL = QT_TRANSLATE_NOOP(
    "Cli", "The disk is full: make room in {folder} (delete or move files you no longer need), then try again."
)
_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))  # a user's quota used up is full too
SQLITE_FULL = 13  # "database or disk is full"


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error and what lies under it: the database engine wraps the driver's error, services wrap either."""
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # SQLAlchemy's wrapper keeps the driver's error here
        pending.extend(e for e in (current.__cause__, current.__context__, orig) if isinstance(e, BaseException))


def disk_full(error: BaseException) -> bool:
    """Did a full disk cause this error, as an OS error or as SQLite's "database or disk is full"?"""
    return database_full(error) or any(isinstance(c, OSError) and c.errno in _FULL for c in causes(error))


def database_full(error: BaseException) -> bool:
    return any(getattr(cause, "sqlite_errorcode", None) == SQLITE_FULL for cause in causes(error))


def full_folder(error: BaseException, fallback: Path) -> Path:
    """The folder whose disk is full: the one the failed write named, else `fallback` (the profile's)."""
    for cause in causes(error):
        if isinstance(cause, OSError) and cause.filename:
            named = Path(os.fsdecode(cause.filename))
            return named if named.is_dir() else named.parent
    return fallback


def disk_full_error(folder: Path) -> AccessError:
    return AccessError(DISK_FULL, folder=folder)
