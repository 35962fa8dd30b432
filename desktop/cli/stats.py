"""`sotay stats [--json]`: the number of records of each kind the user may see (desktop.services.stats)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers

SUBTOTALS = frozenset(
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


def register(commands: Subparsers) -> None:
    """Add `stats` to the `sotay` parser's subcommands."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Count the records of the profile."))
    stats = commands.add_parser("stats", help=about, description=about)
    stats.add_argument(
        "--json",
        action="store_true",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Print one JSON object instead of a table.")),
    )
    stats.set_defaults(run=run_stats)


def run_stats(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services import stats

    with credentials.opened(args, paths) as profile:
        counts = stats.counts(profile)
    if args.json:
        console.say(json.dumps(counts, ensure_ascii=False))
        return console.EXIT_OK
    labels = _labels()
    rows = [
        (("  " if key in SUBTOTALS else "") + labels.get(key, key), console.number(value, args.lang))
        for key, value in counts.items()
    ]
    console.say(console.text(QT_TRANSLATE_NOOP("Cli", "Profile in {home}"), home=paths.home))
    label_width = max(len(label) for label, _value in rows)
    value_width = max(len(value) for _label, value in rows)
    for label, value in rows:
        console.say(f"  {label:<{label_width}}  {value:>{value_width}}")
    if "cases_domestic_violence" not in counts:  # stats.counts leaves the kinds out without the permission
        console.say(
            console.text(
                QT_TRANSLATE_NOOP(
                    "Cli", "Cases by kind are shown only to users with the protection permission (case content)."
                )
            )
        )
    return console.EXIT_OK


def _labels() -> dict[str, str]:
    return {
        "villages": console.text(QT_TRANSLATE_NOOP("Cli", "Villages")),
        "households": console.text(QT_TRANSLATE_NOOP("Cli", "Households")),
        "households_active": console.text(QT_TRANSLATE_NOOP("Cli", "of which not dissolved")),
        "household_categories": console.text(QT_TRANSLATE_NOOP("Cli", "Household categories (all years)")),
        "people": console.text(QT_TRANSLATE_NOOP("Cli", "People")),
        "people_present": console.text(QT_TRANSLATE_NOOP("Cli", "of which living here")),
        "population_events": console.text(QT_TRANSLATE_NOOP("Cli", "Population events")),
        "visits": console.text(QT_TRANSLATE_NOOP("Cli", "Home visits")),
        "pending_sync": console.text(QT_TRANSLATE_NOOP("Cli", "Changes not yet sent to the upper level")),
        "cases": console.text(QT_TRANSLATE_NOOP("Cli", "Support cases")),
        "cases_open": console.text(QT_TRANSLATE_NOOP("Cli", "of which open")),
        "cases_closed": console.text(QT_TRANSLATE_NOOP("Cli", "of which closed")),
        "cases_domestic_violence": console.text(QT_TRANSLATE_NOOP("Cli", "of which domestic violence")),
        "cases_child_protection": console.text(QT_TRANSLATE_NOOP("Cli", "of which child protection")),
        "cases_other_support": console.text(QT_TRANSLATE_NOOP("Cli", "of which other support")),
        "tasks_open": console.text(QT_TRANSLATE_NOOP("Cli", "Tasks to do")),
        "activities": console.text(QT_TRANSLATE_NOOP("Cli", "Communication activities")),
    }
