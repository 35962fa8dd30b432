"""`sotay sync status [--json]`: what this copy has not yet had acknowledged, and the conflicts open on it
(desktop.services.changesets)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers


def register(commands: Subparsers) -> None:
    """Add `sync` and its actions to the `sotay` parser's subcommands."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Exchange the notebook's changes with other copies."))
    parser = commands.add_parser("sync", help=about, description=about)
    actions = parser.add_subparsers(dest="sync_command", metavar="{status}", required=True)
    status_about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Show the changes not yet acknowledged by the upper level, and open conflicts.")
    )
    status = actions.add_parser("status", help=status_about, description=status_about)
    status.add_argument(
        "--json",
        action="store_true",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Print one JSON object instead of a table.")),
    )
    status.set_defaults(run=run_status)


def run_status(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services import changesets

    with credentials.opened(args, paths) as profile:
        found = changesets.status(profile)
    if args.json:
        console.say(
            json.dumps(
                {
                    "pending": found.pending,
                    "pending_total": found.pending_total,
                    "open_conflicts": found.open_conflicts,
                },
                ensure_ascii=False,
                sort_keys=True,
            )
        )
        return console.EXIT_OK
    console.say(
        console.text(
            QT_TRANSLATE_NOOP("Cli", "Changes not yet acknowledged by the upper level: {count}"),
            count=console.number(found.pending_total, args.lang),
        )
    )
    for table, count in sorted(found.pending.items()):
        console.say(f"  {table:<28} {console.number(count, args.lang):>8}")
    console.say(
        console.text(
            QT_TRANSLATE_NOOP("Cli", "Open conflicts: {count}"), count=console.number(found.open_conflicts, args.lang)
        )
    )
    return console.EXIT_OK
