"""The `sotay` entry point: read the command line, run the command, turn errors into exit codes.

Exit codes: 0 done; 2 wrong command line, or a folder that cannot be used; 3 input refused; 1 anything
unexpected (the traceback goes to a log file, the terminal gets one sentence). Messages are English
source texts marked for translation and printed in Vietnamese from resources/i18n/sotay_vi.ts.
Services and Qt are imported inside the commands, so `sotay --help` and `sotay stats` stay quick.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from desktop import i18n
from desktop.cli import app, audit, backup, console, crash, credentials, demo, device, find, profile, report, stats
from desktop.errors import SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths, resolve_home

Command = Callable[[argparse.Namespace, ProfilePaths], int]


def main(argv: Sequence[str] | None = None) -> int:
    # The cold-start benchmark measures from here; the window prints its time relative to this stamp.
    os.environ.setdefault("SOTAY_T0", str(time.time()))
    args = list(sys.argv[1:] if argv is None else argv)
    paths: ProfilePaths | None = None
    try:
        console.utf8_streams()
        language = console.install_language(console.requested_language(args))
        parsed = _parse(args)
        if isinstance(parsed, int):
            return parsed
        parsed.lang = language
        paths = resolve_home(parsed.home)
        command: Command = parsed.run
        from desktop.cli.locking import held_while_running

        with held_while_running(command, paths):  # one process per profile: a command that writes holds it
            return int(command(parsed, paths))
    except SotayError as error:
        console.error(console.error_text(error))
        return error.exit_code
    except KeyboardInterrupt:
        console.error(console.text(QT_TRANSLATE_NOOP("Cli", "Stopped.")))
        return console.EXIT_INTERRUPTED
    except Exception:  # noqa: BLE001 - the last resort: logged for whoever fixes it, told in one sentence
        return crash.unexpected(paths, args)


# argparse's own texts ("usage:", "error:", "invalid choice"...), marked so the catalogue carries
# them; argparse looks them up through its module-level `_` at the moment it needs them.
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("Cli", "usage: "),
    QT_TRANSLATE_NOOP("Cli", "positional arguments"),
    QT_TRANSLATE_NOOP("Cli", "options"),
    QT_TRANSLATE_NOOP("Cli", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Cli", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Cli", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Cli", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Cli", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Cli", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Cli", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Cli", "expected one argument"),
    QT_TRANSLATE_NOOP("Cli", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Cli", "ambiguous option: %(option)s could match %(matches)s"),
)


def _argparse_text(text: str) -> str:
    if text not in ARGPARSE_TEXTS:
        return text
    translated = i18n.tr(console.CONTEXT, text)
    # argparse fills these with %-formatting: a translation must keep exactly the same placeholders.
    return translated if _placeholders(translated) == _placeholders(text) else text


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sdr]|%[sdr]", text))


@contextmanager
def _argparse_in_language() -> Iterator[None]:
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


# Command line ###############################################################################


def _parse(args: list[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code argparse chose (0 after --help, 2 after a usage error)."""
    with _argparse_in_language():
        parser = _parser()
        try:
            return parser.parse_args(args)
        except SystemExit as done:
            return done.code if isinstance(done.code, int) else console.EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sotay",
        description=console.text(
            QT_TRANSLATE_NOOP("Cli", "Sổ tay CTV: the household register and home visits of a commune collaborator.")
        ),
        epilog=console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Exit codes: 0 done, 1 unexpected error (see the log), 2 wrong command or folder, 3 input refused.",
            )
        ),
    )
    parser.add_argument(
        "--home",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FOLDER")),
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Keep the whole profile in this folder (or set SOTAY_HOME).")),
    )
    parser.add_argument(
        "--lang",
        choices=console.LANGUAGES,
        default=console.DEFAULT_LANGUAGE,
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Language of the messages (default: vi).")),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"sotay {console.version()}",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Show the version and exit.")),
    )
    app.make_default(parser)
    commands = parser.add_subparsers(
        dest="command",
        title=console.text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{gui,demo,stats,find,audit,device,protect,passphrase,backup}",
    )
    app.register(commands)
    demo.register(commands)
    stats.register(commands)
    find.register(commands)
    audit.register(commands)
    device.register(commands)
    profile.register(commands)
    backup.register(commands)
    report.register(commands)
    credentials.add_credential_options(parser, top=True)
    credentials.add_to_every_command(parser)
    return parser
