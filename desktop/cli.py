"""The `sotay` command: the app window by default, subcommands for scripts and administrators.

Exit codes: 0 done; 2 wrong command line, or a folder that cannot be used; 3 input refused; 1 anything
unexpected (the traceback goes to a log file, the terminal gets one sentence). Messages are English
source texts marked for translation and printed in Vietnamese from resources/i18n/sotay_vi.ts.
Services and Qt are imported inside the commands, so `sotay --help` and `sotay stats` stay quick.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import cli_audit, cli_backup, cli_device, cli_profile, cli_report, i18n
from desktop.errors import AccessError, FieldProblem, SotayError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths, resolve_home, resource

if TYPE_CHECKING:
    from desktop.services.dto import SearchHit
    from desktop.services.profile.handle import Profile

CONTEXT = "Cli"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130  # 3 comes with the errors
DEFAULT_HOUSEHOLDS, DEFAULT_SEED = 600, 1
DEFAULT_LIMIT, MAX_LIMIT = 50, 1000
SCREENSHOT_NAME = "main-window.png"
STATS_SUBTOTALS = frozenset(
    {
        "households_active",
        "people_present",
        "cases_open",
        "cases_closed",
        "cases_domestic_violence",
        "cases_child_protection",
        "cases_other_support",
    }
)  # indented under their total

Command = Callable[[argparse.Namespace, ProfilePaths], int]


def main(argv: Sequence[str] | None = None) -> int:
    # The cold-start benchmark measures from here; the window prints its time relative to this stamp.
    os.environ.setdefault("SOTAY_T0", str(time.time()))
    args = list(sys.argv[1:] if argv is None else argv)
    paths: ProfilePaths | None = None
    try:
        _utf8_streams()
        language = _install_language(_requested_language(args))
        parsed = _parse(args)
        if isinstance(parsed, int):
            return parsed
        parsed.lang = language
        paths = resolve_home(parsed.home)
        command: Command = parsed.run
        return int(command(parsed, paths))
    except SotayError as error:
        _error(_error_text(error))
        return error.exit_code
    except KeyboardInterrupt:
        _error(_text(QT_TRANSLATE_NOOP("Cli", "Stopped.")))
        return EXIT_INTERRUPTED
    except Exception:
        return _unexpected(paths, args)


# Language ###################################################################################


def _requested_language(args: Sequence[str]) -> str:
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


def _install_language(language: str) -> str:
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


def _text(source: str, **params: object) -> str:
    """One of our "Cli" texts, translated, with its named placeholders filled."""
    return i18n.fill(i18n.tr(CONTEXT, source), source, params)


def _service_text(source: str, params: Mapping[str, object]) -> str:
    return i18n.fill(_Catalogue.by_source.get(source, source), source, params)


def _error_text(error: SotayError) -> str:
    if isinstance(error, ValidationError) and error.problems:
        return "\n".join(_service_text(p.message, p.params) for p in error.problems)
    return _service_text(error.message, error.params)


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
    translated = i18n.tr(CONTEXT, text)
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
            return done.code if isinstance(done.code, int) else EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sotay",
        description=_text(
            QT_TRANSLATE_NOOP("Cli", "Sổ tay CTV: the household register and home visits of a commune collaborator.")
        ),
        epilog=_text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Exit codes: 0 done, 1 unexpected error (see the log), 2 wrong command or folder, 3 input refused.",
            )
        ),
    )
    parser.add_argument(
        "--home",
        metavar=_text(QT_TRANSLATE_NOOP("Cli", "FOLDER")),
        help=_text(QT_TRANSLATE_NOOP("Cli", "Keep the whole profile in this folder (or set SOTAY_HOME).")),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help=_text(QT_TRANSLATE_NOOP("Cli", "Language of the messages (default: vi).")),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"sotay {_version()}",
        help=_text(QT_TRANSLATE_NOOP("Cli", "Show the version and exit.")),
    )
    parser.set_defaults(run=_gui, exit_when_shown=False, screenshot=None)
    commands = parser.add_subparsers(
        dest="command",
        title=_text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{gui,demo,stats,find,audit,device,protect,passphrase,backup}",
    )
    _gui_parser(commands)
    _demo_parser(commands)
    _stats_parser(commands)
    _find_parser(commands)
    cli_audit.register(commands)
    cli_device.register(commands)
    cli_profile.register(commands)
    cli_backup.register(commands)
    cli_report.register(commands)
    cli_profile.add_credential_options(parser, top=True)
    cli_profile.add_to_every_command(parser)
    return parser


def _gui_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = _text(QT_TRANSLATE_NOOP("Cli", "Open the app window (what `sotay` alone does)."))
    gui = commands.add_parser("gui", help=about, description=about)
    gui.add_argument(
        "--exit-when-shown",
        action="store_true",
        help=_text(QT_TRANSLATE_NOOP("Cli", "Close as soon as the main window is shown (to time the start).")),
    )
    gui.add_argument(
        "--screenshot",
        metavar=_text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=_text(QT_TRANSLATE_NOOP("Cli", "Save a picture (PNG) of the main window to this file, then close.")),
    )
    gui.set_defaults(run=_gui)


def _demo_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = _text(
        QT_TRANSLATE_NOOP("Cli", "Fill an empty profile with made-up but realistic households, events and visits.")
    )
    demo = commands.add_parser("demo", help=about, description=about)
    demo.add_argument(
        "--households",
        type=int,
        default=DEFAULT_HOUSEHOLDS,
        metavar="N",
        help=_text(QT_TRANSLATE_NOOP("Cli", "Number of households, from 1 to 200000 (default: 600).")),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=_text(QT_TRANSLATE_NOOP("Cli", "The same seed always gives the same data (default: 1).")),
    )
    demo.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=_text(QT_TRANSLATE_NOOP("Cli", "Last day of the demo year (default: today).")),
    )
    demo.set_defaults(run=_demo)


def _stats_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = _text(QT_TRANSLATE_NOOP("Cli", "Count the records of the profile."))
    stats = commands.add_parser("stats", help=about, description=about)
    stats.add_argument(
        "--json", action="store_true", help=_text(QT_TRANSLATE_NOOP("Cli", "Print one JSON object instead of a table."))
    )
    stats.set_defaults(run=_stats)


def _find_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = _text(
        QT_TRANSLATE_NOOP(
            "Cli", "Find people and households by name, household number or address, with or without diacritics."
        )
    )
    find = commands.add_parser("find", help=about, description=about)
    find.add_argument(
        "text",
        nargs="+",
        metavar=_text(QT_TRANSLATE_NOOP("Cli", "TEXT")),
        help=_text(QT_TRANSLATE_NOOP("Cli", "What to look for, e.g. nguyen thi huong.")),
    )
    find.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=_text(QT_TRANSLATE_NOOP("Cli", "Show at most N results, from 1 to 1000 (default: 50).")),
    )
    find.add_argument(
        "--json", action="store_true", help=_text(QT_TRANSLATE_NOOP("Cli", "Print a JSON list instead of lines."))
    )
    find.set_defaults(run=_find)


# Commands ###################################################################################


def _gui(args: argparse.Namespace, paths: ProfilePaths) -> int:
    _usable_home(paths, create=True)  # the app's first-run set-up creates the profile
    screenshot = Path(args.screenshot).expanduser().resolve() if args.screenshot else None
    if _no_display():
        from desktop.ui.app import headless_screenshot

        paths.ensure()
        written = headless_screenshot(paths, screenshot or paths.home / SCREENSHOT_NAME, language=args.lang)
        _say(
            _text(
                QT_TRANSLATE_NOOP(
                    "Cli", "There is no display here, so a picture of the app window was saved instead: {path}"
                ),
                path=written,
            )
        )
        return EXIT_OK
    from desktop.ui.app import main as app_main

    return int(app_main(paths, language=args.lang, exit_when_shown=args.exit_when_shown, screenshot=screenshot))


def _no_display() -> bool:
    # Qt aborts the whole process (no Python exception) when it cannot reach a display.
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _demo(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.demo import build as demo

    problems = demo.household_count_problems(args.households)
    if problems:
        raise ValidationError(problems)
    today = _parse_day(args.today) if args.today else None
    started = time.perf_counter()
    with _opened_for_demo(args, paths) as profile:
        summary = demo.build_demo(profile, households=args.households, seed=args.seed, today=today)
    _say(
        _text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Demo profile created in {home}: {households} households in {villages} villages, {people} people, "
                "{events} population events and {visits} visits ({seconds} s).",
            ),
            home=paths.home,
            households=_number(summary.households, args.lang),
            villages=_number(summary.villages, args.lang),
            people=_number(summary.people, args.lang),
            events=_number(summary.events, args.lang),
            visits=_number(summary.visits, args.lang),
            seconds=_decimal(time.perf_counter() - started, args.lang),
        )
    )
    return EXIT_OK


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            [_problem("today", QT_TRANSLATE_NOOP("Cli", "Write the date as YYYY-MM-DD, e.g. 2025-06-30."), value=text)]
        ) from None


def _stats(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services import stats

    with _opened(args, paths) as profile:
        counts = stats.counts(profile)
    if args.json:
        _say(json.dumps(counts, ensure_ascii=False))
        return EXIT_OK
    labels = _stats_labels()
    rows = [
        (("  " if key in STATS_SUBTOTALS else "") + labels.get(key, key), _number(value, args.lang))
        for key, value in counts.items()
    ]
    _say(_text(QT_TRANSLATE_NOOP("Cli", "Profile in {home}"), home=paths.home))
    label_width = max(len(label) for label, _value in rows)
    value_width = max(len(value) for _label, value in rows)
    for label, value in rows:
        _say(f"  {label:<{label_width}}  {value:>{value_width}}")
    return EXIT_OK


def _stats_labels() -> dict[str, str]:
    return {
        "villages": _text(QT_TRANSLATE_NOOP("Cli", "Villages")),
        "households": _text(QT_TRANSLATE_NOOP("Cli", "Households")),
        "households_active": _text(QT_TRANSLATE_NOOP("Cli", "of which not dissolved")),
        "household_categories": _text(QT_TRANSLATE_NOOP("Cli", "Household categories (all years)")),
        "people": _text(QT_TRANSLATE_NOOP("Cli", "People")),
        "people_present": _text(QT_TRANSLATE_NOOP("Cli", "of which living here")),
        "population_events": _text(QT_TRANSLATE_NOOP("Cli", "Population events")),
        "visits": _text(QT_TRANSLATE_NOOP("Cli", "Home visits")),
        "pending_sync": _text(QT_TRANSLATE_NOOP("Cli", "Changes not yet sent to the upper level")),
        "cases": _text(QT_TRANSLATE_NOOP("Cli", "Support cases")),
        "cases_open": _text(QT_TRANSLATE_NOOP("Cli", "of which open")),
        "cases_closed": _text(QT_TRANSLATE_NOOP("Cli", "of which closed")),
        "cases_domestic_violence": _text(QT_TRANSLATE_NOOP("Cli", "of which domestic violence")),
        "cases_child_protection": _text(QT_TRANSLATE_NOOP("Cli", "of which child protection")),
        "cases_other_support": _text(QT_TRANSLATE_NOOP("Cli", "of which other support")),
        "tasks_open": _text(QT_TRANSLATE_NOOP("Cli", "Tasks to do")),
        "activities": _text(QT_TRANSLATE_NOOP("Cli", "Communication activities")),
    }


def _find(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.register import search
    from desktop.textnorm import clean

    query = clean(" ".join(args.text))
    if not query:
        raise ValidationError([_problem("text", QT_TRANSLATE_NOOP("Cli", "Type something to look for."))])
    if not 1 <= args.limit <= MAX_LIMIT:
        message = QT_TRANSLATE_NOOP("Cli", "The limit must be between 1 and {max}.")
        raise ValidationError([_problem("limit", message, max=MAX_LIMIT)])
    with _opened(args, paths) as profile:
        hits = search.search(profile, query, limit=args.limit)
    if args.json:
        _say(json.dumps([_hit_json(hit) for hit in hits], ensure_ascii=False))
    else:
        _print_hits(hits, query, args.limit)
    return EXIT_OK


def _hit_json(hit: SearchHit) -> dict[str, str]:
    return {
        "kind": hit.kind,
        "id": str(hit.id),
        "household_id": str(hit.household_id),
        "household_code": hit.household_code,
        "label": hit.label,
        "detail": hit.detail,
        "status": hit.status,
    }


def _print_hits(hits: Sequence[SearchHit], query: str, limit: int) -> None:
    if not hits:
        _say(_text(QT_TRANSLATE_NOOP("Cli", "Nothing found for “{query}”."), query=query))
        return
    kinds = {
        "person": _text(QT_TRANSLATE_NOOP("Cli", "Person")),
        "household": _text(QT_TRANSLATE_NOOP("Cli", "Household")),
    }
    statuses = {
        "moved_out": _text(QT_TRANSLATE_NOOP("Cli", "moved out")),
        "dead": _text(QT_TRANSLATE_NOOP("Cli", "dead")),
        "dissolved": _text(QT_TRANSLATE_NOOP("Cli", "dissolved")),
    }
    rows = [(kinds.get(h.kind, h.kind), h.household_code, h.label, h.detail, statuses.get(h.status, "")) for h in hits]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for kind, code, label, detail, status in rows:
        line = f"{kind:<{widths[0]}}  {code:<{widths[1]}}  {label:<{widths[2]}}  {detail}"
        _say(f"{line}  ({status})" if status else line)
    if len(hits) == limit:
        _say(_text(QT_TRANSLATE_NOOP("Cli", "Showing the first {count}; use --limit for more."), count=len(hits)))
    else:
        _say(_text(QT_TRANSLATE_NOOP("Cli", "{count} result(s)."), count=len(hits)))


# Profiles and folders #######################################################################


def _usable_home(paths: ProfilePaths, *, create: bool) -> None:
    """Refuse, with exit code 2, a --home that is a file, cannot be written, or holds no profile."""
    home = paths.home
    if home.exists() and not home.is_dir():
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "{home} is not a folder."), home=home)
    if not create and not paths.database.is_file():
        raise AccessError(
            QT_TRANSLATE_NOOP(
                "Cli", "No profile found in {home}; run `sotay --home {home} demo` or open the app to create one."
            ),
            home=home,
        )
    if home.exists() and not os.access(home, os.W_OK | os.X_OK):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "Cannot write to the folder {home}."), home=home)
    if create and not home.exists():
        try:
            home.mkdir(parents=True)
        except OSError:
            raise AccessError(QT_TRANSLATE_NOOP("Cli", "Cannot create the folder {home}."), home=home) from None


@contextmanager
def _opened(args: argparse.Namespace, paths: ProfilePaths) -> Iterator[Profile]:
    """The profile unlocked with the command's credentials (desktop.cli_profile)."""
    with _damage_explained(paths), cli_profile.opened(args, paths) as profile:
        yield profile


@contextmanager
def _opened_for_demo(args: argparse.Namespace, paths: ProfilePaths) -> Iterator[Profile]:
    """An existing profile as for any command; a new one protected by the demo passphrase (or the one given)."""
    from desktop.demo import build as demo
    from desktop.services.profile.opening import ProfileState, profile_state

    _usable_home(paths, create=True)
    if profile_state(paths) is not ProfileState.NEW:
        with _opened(args, paths) as profile:
            yield profile
        return
    given = cli_profile.passphrase_if_given(args)
    with _damage_explained(paths):
        created = demo.create_demo_profile(
            paths, seed=args.seed, passphrase=given or demo.DEMO_PASSPHRASE, user=getattr(args, "login_user", None)
        )
    # Said before the data is built: should building fail, the profile and its secrets still exist.
    if not given:
        said = QT_TRANSLATE_NOOP("Cli", "Passphrase of the demo profile: {passphrase}")
        _say(_text(said, passphrase=demo.DEMO_PASSPHRASE))
    cli_profile.say_recovery_code(created.recovery_code, created.profile.user.name)
    try:
        yield created.profile
    finally:
        created.profile.close()


@contextmanager
def _damage_explained(paths: ProfilePaths) -> Iterator[None]:
    from sqlalchemy.exc import DatabaseError

    try:
        yield
    except DatabaseError:
        raise AccessError(
            QT_TRANSLATE_NOOP(
                "Cli", "{path} cannot be opened as a Sổ tay profile: it is damaged, in use, or another kind of file."
            ),
            path=paths.database,
        ) from None


# Output #####################################################################################


def _say(text: str) -> None:
    print(text, flush=True)


def _error(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _utf8_streams() -> None:
    # A Windows pipe or an old locale would turn Vietnamese (and JSON with it) into an encoding error.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and encoding != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")


def _number(value: int, language: str) -> str:
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if language == "vi" else grouped  # 20.000 in Vietnamese


def _decimal(value: float, language: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "vi" else text


def _problem(field: str, message: str, **params: object) -> FieldProblem:
    return FieldProblem(field, message, params)


def _version() -> str:
    # Not importlib.metadata: scanning the installed distributions costs ~50 ms on every start.
    from desktop import __version__

    return __version__


# Unexpected errors ##########################################################################


def _unexpected(paths: ProfilePaths | None, args: Sequence[str]) -> int:
    """Keep the traceback for whoever fixes it; tell the user one sentence and where the log is."""
    details = traceback.format_exc()
    log_file = _write_log(paths, args, details)
    if log_file is None:
        _error(_text(QT_TRANSLATE_NOOP("Cli", "Something unexpected went wrong, and no log file could be written.")))
    else:
        _error(
            _text(
                QT_TRANSLATE_NOOP("Cli", "Something unexpected went wrong. The details were written to {path}"),
                path=log_file,
            )
        )
    return EXIT_UNEXPECTED


def _write_log(paths: ProfilePaths | None, args: Sequence[str], details: str) -> Path | None:
    stamp = datetime.now()
    name = f"sotay-error-{stamp:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    body = f"{stamp.isoformat(timespec='seconds')}\nsotay {_version()}\nargv: {list(args)!r}\n\n{details}"
    folders = ([paths.logs] if paths is not None else []) + [Path(tempfile.gettempdir()) / "sotay-logs"]
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / name
            target.write_text(body, encoding="utf-8")
            return target
        except OSError:
            continue
    return None
