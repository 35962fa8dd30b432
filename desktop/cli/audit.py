"""`sotay audit verify` and `sotay audit list`: the audit chain from the command line (architecture.md §5).

Exit codes as for the rest of `sotay`; `verify` exits 3 when the chain is broken, or does not hold the
newest event recorded in the key file, so a script can tell "someone changed the log" from "the command
could not run" (1 or 2).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop.cli import console, credentials
from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from db.audit import ChainReport
    from desktop.cli.console import Subparsers
    from desktop.services.profile.audit import AuditEventDTO

EXIT_BROKEN = 3
DEFAULT_LIMIT, MAX_LIMIT = 50, 1000
SUMMARY_FIELDS_SHOWN = 4  # a list line stays readable; --json has them all


def register(commands: Subparsers) -> None:
    """Add `audit` with its `verify` and `list` subcommands to the `sotay` parser."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "The audit log: who changed which record, and when."))
    audit = commands.add_parser("audit", help=about, description=about)
    actions = audit.add_subparsers(
        dest="audit_command",
        required=True,
        title=console.text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{verify,list}",
    )
    _verify_parser(actions)
    _list_parser(actions)


def _verify_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Check that no audit event was changed or removed since it was written.")
    )
    verify = actions.add_parser("verify", help=about, description=about)
    verify.set_defaults(run=run_verify)


def _list_parser(actions: Subparsers) -> None:
    about = console.text(QT_TRANSLATE_NOOP("Cli", "List audit events, newest first."))
    listing = actions.add_parser("list", help=about, description=about)
    listing.add_argument(
        "--record",
        metavar="ID",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Only the events of this record (its id).")),
    )
    listing.add_argument(
        "--user",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "NAME")),
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Only the events written by this user.")),
    )
    listing.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Show at most N events, from 1 to 1000 (default: 50).")),
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Print a JSON list instead of lines.")),
    )
    listing.set_defaults(run=run_list)


# Commands ###################################################################################


def run_verify(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import audit

    with credentials.opened(args, paths) as profile:
        report = audit.verify(profile)
    language = _language(args)
    if report.ok:
        console.say(
            console.text(
                QT_TRANSLATE_NOOP("Cli", "The audit chain is intact: {count} event(s) checked."),
                count=console.number(report.checked, language),
            )
        )
        return console.EXIT_OK
    console.error(_broken_text(report, language))
    return EXIT_BROKEN


def _broken_text(report: ChainReport, language: str) -> str:
    from db import audit as chain

    if report.reason in (chain.HEAD_MISMATCH, chain.HEAD_FORGED):
        return _head_text(report)
    return console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "The audit chain is broken at event {id} ({time}, table {table}, record {record}): {reason} "
            "The {count} event(s) before it are intact.",
        ),
        id=report.broken_id,
        time=f"{report.broken_at:%Y-%m-%d %H:%M:%S} UTC" if report.broken_at else "?",
        table=report.broken_table or "?",
        record=report.broken_record or "?",
        reason=_reasons().get(report.reason or "", report.reason or ""),
        count=console.number(report.checked, language),
    )


def _head_text(report: ChainReport) -> str:
    from db import audit as chain

    if report.reason == chain.HEAD_FORGED:
        return console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The newest entries of the audit log are missing or the log was rewritten: the record of its "
                "newest entry in the key file does not match.",
            )
        )
    return console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "The newest entries of the audit log are missing or the log was rewritten: the key file records "
            "event {id} as the newest, and the log does not hold it as it was written.",
        ),
        id=report.broken_id,
    )


def _reasons() -> dict[str, str]:
    from db import audit as chain

    return {
        chain.HASH_MISMATCH: console.text(QT_TRANSLATE_NOOP("Cli", "this event was changed after it was written.")),
        chain.PREV_HASH_MISMATCH: console.text(
            QT_TRANSLATE_NOOP("Cli", "the event before it was changed after it was written.")
        ),
        chain.GAP: console.text(QT_TRANSLATE_NOOP("Cli", "one or more events before it were removed.")),
    }


def run_list(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import audit

    if not 1 <= args.limit <= MAX_LIMIT:
        message = QT_TRANSLATE_NOOP("Cli", "The limit must be between 1 and {max}.")
        raise ValidationError([console.problem("limit", message, max=MAX_LIMIT)])
    with credentials.opened(args, paths) as profile:
        # A user of the directory by id, so their events stay theirs after a rename; any other writer by name.
        writer = audit.writer_id(profile, args.user) if args.user else None
        user = args.user if writer is None else None
        found = audit.events(profile, record_id=args.record, user=user, user_id=writer, limit=args.limit)
    if args.json:
        console.say(json.dumps([_event_json(event) for event in found], ensure_ascii=False))
    else:
        _print_events(found, args.limit)
    return console.EXIT_OK


def _event_json(event: AuditEventDTO) -> dict[str, Any]:
    return {
        "id": event.id,
        "at": event.at.isoformat(),
        "user": event.user,
        "user_id": event.user_id,
        "device": event.device,
        "action": event.action,
        "table": event.table_name,
        "record_id": event.record_id,
        "summary": event.summary,
        "hash": event.hash,
    }


def _print_events(found: Sequence[AuditEventDTO], limit: int) -> None:
    if not found:
        console.say(console.text(QT_TRANSLATE_NOOP("Cli", "No audit events found.")))
        return
    actions = {
        "create": console.text(QT_TRANSLATE_NOOP("Cli", "created")),
        "update": console.text(QT_TRANSLATE_NOOP("Cli", "changed")),
        "delete": console.text(QT_TRANSLATE_NOOP("Cli", "deleted")),
        "sync": console.text(QT_TRANSLATE_NOOP("Cli", "received from another laptop")),
    }
    for event in found:
        head = f"#{event.id}  {event.at:%Y-%m-%d %H:%M:%S}  {event.user}  {actions.get(event.action, event.action)}"
        console.say(f"{head}  {event.table_name} {event.record_id}  {_summary_text(event.summary)}".rstrip())
    if len(found) == limit:
        console.say(
            console.text(QT_TRANSLATE_NOOP("Cli", "Showing the first {count}; use --limit for more."), count=limit)
        )
    else:
        console.say(console.text(QT_TRANSLATE_NOOP("Cli", "{count} result(s)."), count=len(found)))


def _summary_text(summary: dict[str, Any]) -> str:
    parts = [f"{field}: {_value(pair)}" for field, pair in list(summary.items())[:SUMMARY_FIELDS_SHOWN]]
    if len(summary) > SUMMARY_FIELDS_SHOWN:
        parts.append("…")
    return "; ".join(parts)


def _value(pair: object) -> str:
    if isinstance(pair, list) and len(pair) == 2:
        old, new = pair
        return f"{_one(new)}" if old is None else f"{_one(old)} → {_one(new)}"
    return _one(pair)


def _one(value: object) -> str:
    return "∅" if value is None else json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def _language(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", console.DEFAULT_LANGUAGE))
