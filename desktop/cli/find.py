"""`sotay find TEXT [--limit N] [--json]`: people and households by name, household number or address."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers
    from desktop.services.dto import SearchHit

DEFAULT_LIMIT, MAX_LIMIT = 50, 1000


def register(commands: Subparsers) -> None:
    """Add `find` to the `sotay` parser's subcommands."""
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli", "Find people and households by name, household number or address, with or without diacritics."
        )
    )
    find = commands.add_parser("find", help=about, description=about)
    find.add_argument(
        "text",
        nargs="+",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "TEXT")),
        help=console.text(QT_TRANSLATE_NOOP("Cli", "What to look for, e.g. nguyen thi huong.")),
    )
    find.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Show at most N results, from 1 to 1000 (default: 50).")),
    )
    find.add_argument(
        "--json",
        action="store_true",
        help=console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                'Print one JSON object instead of lines: "results" (the people and households shown), '
                '"total" (how many match) and "more" (true when --limit left some out).',
            )
        ),
    )
    find.set_defaults(run=run_find)


def run_find(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.register import search
    from desktop.textnorm import clean

    query = clean(" ".join(args.text))
    if not query:
        raise ValidationError([console.problem("text", QT_TRANSLATE_NOOP("Cli", "Type something to look for."))])
    if not 1 <= args.limit <= MAX_LIMIT:
        message = QT_TRANSLATE_NOOP("Cli", "The limit must be between 1 and {max}.")
        raise ValidationError([console.problem("limit", message, max=MAX_LIMIT)])
    with credentials.opened(args, paths) as profile:
        hits = search.search(profile, query, limit=args.limit)
        # Counting every match costs one more query; it is needed only when the limit was reached.
        total = max(search.count(profile, query), len(hits)) if len(hits) >= args.limit else len(hits)
    if args.json:
        found = {"results": [_hit_json(hit) for hit in hits], "total": total, "more": total > len(hits)}
        console.say(json.dumps(found, ensure_ascii=False))
    else:
        _print_hits(hits, query, total)
    return console.EXIT_OK


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


def _print_hits(hits: Sequence[SearchHit], query: str, total: int) -> None:
    if not hits:
        console.say(console.text(QT_TRANSLATE_NOOP("Cli", "Nothing found for “{query}”."), query=query))
        return
    kinds = {
        "person": console.text(QT_TRANSLATE_NOOP("Cli", "Person")),
        "household": console.text(QT_TRANSLATE_NOOP("Cli", "Household")),
    }
    statuses = {
        "moved_out": console.text(QT_TRANSLATE_NOOP("Cli", "moved out")),
        "dead": console.text(QT_TRANSLATE_NOOP("Cli", "dead")),
        "dissolved": console.text(QT_TRANSLATE_NOOP("Cli", "dissolved")),
    }
    rows = [(kinds.get(h.kind, h.kind), h.household_code, h.label, h.detail, statuses.get(h.status, "")) for h in hits]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for kind, code, label, detail, status in rows:
        line = f"{kind:<{widths[0]}}  {code:<{widths[1]}}  {label:<{widths[2]}}  {detail}"
        console.say(f"{line}  ({status})" if status else line)
    if total > len(hits):
        left = total - len(hits)
        console.say(console.text(QT_TRANSLATE_NOOP("Cli", "… and {count} more; use --limit to see them."), count=left))
    else:
        console.say(console.text(QT_TRANSLATE_NOOP("Cli", "{count} result(s)."), count=len(hits)))
