"""What every command says and how: the language, the exit codes, translated texts, printing, numbers.

Messages are English source texts marked for translation in the "Cli" context and printed in
Vietnamese from resources/i18n/sotay_vi.ts; errors from the services are looked up by their source
text alone. Exit codes: 0 done; 2 wrong command line, or a folder that cannot be used; 3 input
refused (it comes with the errors); 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import io
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import i18n
from desktop.errors import FieldProblem, SotayError, ValidationError
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
    print(line, flush=True)


def error(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


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
