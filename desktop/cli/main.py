"""The `sotay` entry point: read the command line, run the command, turn errors into exit codes.

Exit codes: 0 done; 2 wrong command line, a folder that cannot be used or a full disk; 3 input refused; 1
anything unexpected (the traceback goes to a log file, the terminal gets one sentence). Output cut short by
its reader (`sotay find … | head -1`) is no error: exit 0, nothing on stderr. Messages are English source
texts marked for translation and printed in Vietnamese from resources/i18n/sotay_vi.ts.
Services and Qt are imported inside the commands, so `sotay --help` and `sotay stats` stay quick.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from desktop import i18n
from desktop.cli import (
    app,
    audit,
    backup,
    console,
    crash,
    credentials,
    demo,
    device,
    find,
    profile,
    report,
    stats,
    sync,
)
from desktop.cli import user as user_commands
from desktop.errors import AccessError, SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths, resolve_home

Command = Callable[[argparse.Namespace, ProfilePaths], int]


def main(argv: Sequence[str] | None = None) -> int:
    # The cold-start benchmark measures from here; the window prints its time relative to this stamp.
    os.environ.setdefault("SOTAY_T0", str(time.time()))
    args = list(sys.argv[1:] if argv is None else argv)
    code = _run(args)
    _flush_streams()
    return code


def _run(args: list[str]) -> int:
    paths: ProfilePaths | None = None
    parsed: argparse.Namespace | int | None = None  # its command's name goes in a crash log, never `args`
    try:
        console.utf8_streams()
        language = console.install_language(console.requested_language(args))
        _refuse_undecodable(args)
        parsed = _parse(args)
        if isinstance(parsed, int):
            return parsed
        parsed.lang = language
        paths = resolve_home(parsed.home)
        command: Command = parsed.run
        from desktop.cli.locking import held_while_running

        with held_while_running(command, paths):  # one process per profile: a command that writes holds it
            return int(command(parsed, paths))
    except BrokenPipeError:
        # The reader of our output went away (`| head -1`) with what it wanted: nothing went wrong here.
        console.silence(sys.stdout)
        return console.EXIT_OK
    except KeyboardInterrupt:
        console.error(console.text(QT_TRANSLATE_NOOP("Cli", "Stopped.")))
        return console.EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last resort: logged for whoever fixes it, told in one sentence
        explained = _explained(error, paths)
        if explained is None:
            return crash.unexpected(paths, crash.command_name(parsed))
        console.error(console.error_text(explained))
        return explained.exit_code


def _flush_streams() -> None:
    # argparse swallows a closed pipe while printing --help; the flush at exit would then complain.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            console.silence(stream)


# Errors told in one sentence ################################################################

NOT_TEXT = QT_TRANSLATE_NOOP(
    "Cli",
    "Argument {number} on the command line, {argument}, holds bytes that are not UTF-8 text: type it again, "
    "or rename the file or folder it names.",
)
FILE_IN_THE_WAY = QT_TRANSLATE_NOOP(
    "Cli", "{path} is a file where Sổ tay needs a folder: move or rename that file, then try again."
)
FOLDER_IN_THE_WAY = QT_TRANSLATE_NOOP("Cli", "{path} is a folder; give the name of a file.")
_UNDECODABLE = re.compile("[\ud800-\udfff]")  # bytes the locale could not decode, kept as lone surrogates


def _refuse_undecodable(args: Sequence[str]) -> None:
    """Refuse before parsing: argparse would echo the argument back, and printing it would fail."""
    for number, arg in enumerate(args, start=1):
        if _UNDECODABLE.search(arg):
            raise AccessError(NOT_TEXT, number=number, argument=_shown(arg))


def _shown(arg: str) -> str:
    try:
        raw = arg.encode("utf-8", "surrogateescape")  # the bytes as typed, on POSIX
    except UnicodeEncodeError:
        return arg.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone UTF-16 half, on Windows
    return raw.decode("utf-8", "backslashreplace")  # "t\xeat": the bad bytes written out, the rest as typed


def _explained(error: Exception, paths: ProfilePaths | None) -> SotayError | None:
    """The sentence for an error we can explain: a full disk, a file where a folder should be, our own errors."""
    home = paths.home if paths is not None else Path.cwd()
    if isinstance(error, SotayError):
        # Its own sentence, unless the database found the disk full underneath (it lives in the profile).
        return console.disk_full_error(home) if console.database_full(error) else error
    if console.disk_full(error):
        return console.disk_full_error(console.full_folder(error, home))
    blocking = _file_in_the_way(error, paths)
    if blocking is not None:
        return AccessError(FILE_IN_THE_WAY, path=blocking)
    if isinstance(error, IsADirectoryError) and error.filename:
        return AccessError(FOLDER_IN_THE_WAY, path=Path(os.fsdecode(error.filename)))
    return None


def _file_in_the_way(error: Exception, paths: ProfilePaths | None) -> Path | None:
    """The file standing where a folder must be (a `logs` file in the profile, a file given as a folder)."""
    if not isinstance(error, OSError) or error.errno not in (errno.EEXIST, errno.ENOTDIR) or not error.filename:
        return None
    named = Path(os.fsdecode(error.filename))
    own_folders = {paths.home, paths.logs, paths.backups} if paths is not None else set()
    for candidate in (named, *named.parents):
        if candidate.is_dir():
            return None
        if candidate.exists():
            # "Exists" is also what creating an existing file says: only the profile's own folders count.
            return candidate if error.errno == errno.ENOTDIR or candidate in own_folders else None
    return None


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
    )
    app.register(commands)
    demo.register(commands)
    stats.register(commands)
    sync.register(commands)
    find.register(commands)
    audit.register(commands)
    device.register(commands)
    profile.register(commands)
    backup.register(commands)
    report.register(commands)
    user_commands.register(commands)
    credentials.add_credential_options(parser, top=True)
    credentials.add_to_every_command(parser)
    _name_every_command(parser)
    return parser


def _name_every_command(parser: argparse.ArgumentParser) -> None:
    """Usage lines list the commands that exist, read from the parser, so a command added is never left out."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.metavar = "{" + ",".join(action.choices) + "}"
            for sub in action.choices.values():
                _name_every_command(sub)
