"""`sotay demo`: fill an empty profile with made-up but realistic households, events and visits.

A new profile is protected by the demo passphrase (or the one given) and its recovery code is printed
before the data is built; an existing profile is opened as for any other command.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.cli.dates import date_argument
from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers
    from desktop.services.profile.handle import Profile

DEFAULT_HOUSEHOLDS, DEFAULT_SEED = 600, 1


def register(commands: Subparsers) -> None:
    """Add `demo` to the `sotay` parser's subcommands."""
    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Fill an empty profile with made-up but realistic households, events and visits.")
    )
    demo = commands.add_parser("demo", help=about, description=about)
    demo.add_argument(
        "--households",
        type=int,
        default=DEFAULT_HOUSEHOLDS,
        metavar="N",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Number of households, from 1 to 200000 (default: 600).")),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The same seed always gives the same data (default: 1).")),
    )
    demo.add_argument(
        "--today",
        type=date_argument,
        metavar="DD/MM/YYYY",
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Last day of the demo year, e.g. 30/06/2025 or 2025-06-30 (default: today).")
        ),
    )
    demo.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.demo import build as demo

    problems = demo.household_count_problems(args.households)
    if problems:
        raise ValidationError(problems)
    started = time.perf_counter()
    with _opened_for_demo(args, paths) as profile:
        summary = demo.build_demo(profile, households=args.households, seed=args.seed, today=args.today)
    console.say(
        console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Demo profile created in {home}: {households} households in {villages} villages, {people} people, "
                "{events} population events and {visits} visits ({seconds} s).",
            ),
            home=paths.home,
            households=console.number(summary.households, args.lang),
            villages=console.number(summary.villages, args.lang),
            people=console.number(summary.people, args.lang),
            events=console.number(summary.events, args.lang),
            visits=console.number(summary.visits, args.lang),
            seconds=console.decimal(time.perf_counter() - started, args.lang),
        )
    )
    return console.EXIT_OK


@contextmanager
def _opened_for_demo(args: argparse.Namespace, paths: ProfilePaths) -> Iterator[Profile]:
    """An existing profile as for any command; a new one protected by the demo passphrase (or the one given)."""
    from desktop.demo import build as demo
    from desktop.services.profile.opening import ProfileState, profile_state

    credentials.usable_home(paths, create=True)
    if profile_state(paths) is not ProfileState.NEW:
        with credentials.opened(args, paths) as profile:
            yield profile
        return
    given = credentials.passphrase_if_given(args)
    with credentials.damage_explained(paths):
        created = demo.create_demo_profile(
            paths, seed=args.seed, passphrase=given or demo.DEMO_PASSPHRASE, user=getattr(args, "login_user", None)
        )
    # Said before the data is built: should building fail, the profile and its secrets still exist.
    if not given:
        said = QT_TRANSLATE_NOOP("Cli", "Passphrase of the demo profile: {passphrase}")
        console.say(console.text(said, passphrase=demo.DEMO_PASSPHRASE))
    credentials.say_recovery_code(created.recovery_code, created.profile.user.name)
    try:
        yield created.profile
    finally:
        created.profile.close()
