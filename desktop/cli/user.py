"""`sotay user …`: the users of a profile from the command line, for a commune officer only.

* ``user add NAME --role ctv|officer|hub [--protection] [--villages ID,…]``: a new user; the new user's
  passphrase comes from ``--new-passphrase-file`` or ``SOTAY_NEW_PASSPHRASE`` (else typed twice at a
  terminal), never from an argument, which other users of the computer could read;
* ``user list [--json]``: the users, their role, permission and villages;
* ``user set-protection NAME on|off``: grant or take away the protection permission; granting wraps the
  key that opens support cases under the user's own passphrase, so it comes from ``--their-passphrase-file``
  or ``SOTAY_THEIR_PASSPHRASE`` (else the user types it at the terminal);
* ``user set-passphrase NAME``: a new passphrase for a user who forgot theirs (the recovery code is a
  commune officer's own, desktop.services.profile.recovery).

They share desktop.services.profile.users with the Users page of the app. Anyone but an officer is refused
with exit 2 and one sentence, before anything is read or written.
"""

from __future__ import annotations

import argparse
import json
import uuid
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths
from desktop.textnorm import fold

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers
    from desktop.services.dto import VillageDTO
    from desktop.services.profile.handle import Profile
    from desktop.services.profile.users import UserDTO

ROLES = ("ctv", "officer", "hub")
ENV_THEIR_PASSPHRASE = "SOTAY_THEIR_PASSPHRASE"
SWITCH = {"on": True, "off": False}


def register(commands: Subparsers) -> None:
    """Add `user` with its `add`, `list`, `set-protection` and `set-passphrase` subcommands."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "The users of this profile (for a commune officer)."))
    user = commands.add_parser("user", help=about, description=about)
    actions = user.add_subparsers(
        dest="user_command",
        required=True,
        title=console.text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{add,list,set-protection,set-passphrase}",
    )
    name_help = console.text(QT_TRANSLATE_NOOP("Cli", "The user's name, as they type it at login."))
    name_metavar = console.text(QT_TRANSLATE_NOOP("Cli", "NAME"))
    _add_parser(actions, name_metavar, name_help)

    about = console.text(QT_TRANSLATE_NOOP("Cli", "List the users: role, protection permission, villages."))
    listing = actions.add_parser("list", help=about, description=about)
    listing.add_argument(
        "--json", action="store_true", help=console.text(QT_TRANSLATE_NOOP("Cli", "Print JSON instead of lines."))
    )
    listing.set_defaults(run=run_list)

    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Grant (on) or take away (off) the permission to see the content of support cases.")
    )
    protection = actions.add_parser("set-protection", help=about, description=about)
    protection.add_argument("name", metavar=name_metavar, help=name_help)
    protection.add_argument("state", choices=tuple(SWITCH))
    protection.add_argument(
        "--their-passphrase-file",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(
            QT_TRANSLATE_NOOP(
                "Cli", "For on: read the user's own passphrase from this file (or SOTAY_THEIR_PASSPHRASE)."
            )
        ),
    )
    protection.set_defaults(run=run_set_protection)

    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Set a new passphrase for a user who forgot theirs; the old one stops working.")
    )
    phrase = actions.add_parser("set-passphrase", help=about, description=about)
    phrase.add_argument("name", metavar=name_metavar, help=name_help)
    _new_passphrase_option(phrase)
    phrase.set_defaults(run=run_set_passphrase)


def _add_parser(actions: Subparsers, name_metavar: str, name_help: str) -> None:
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Add a user with their own passphrase."))
    add = actions.add_parser("add", help=about, description=about)
    add.add_argument("name", metavar=name_metavar, help=name_help)
    add.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "ctv: own villages; officer: whole commune, manages users; hub: read only.")
        ),
    )
    add.add_argument(
        "--protection",
        action="store_true",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "May see the content of support cases.")),
    )
    add.add_argument(
        "--villages",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "ID,…")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "The villages a collaborator keeps: their ids or names, separated by commas.")
        ),
    )
    _new_passphrase_option(add)
    add.set_defaults(run=run_add)


def _new_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Read the user's passphrase from this file (or SOTAY_NEW_PASSPHRASE).")
        ),
    )


# Commands ###################################################################################


def run_add(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import users
    from desktop.services.profile.access import Role, require_manager

    role = Role(args.role)
    if role is not Role.CTV and args.villages:
        message = QT_TRANSLATE_NOOP("Cli", "Only a collaborator (--role ctv) keeps villages; leave out --villages.")
        raise ValidationError([console.problem("villages", message)])
    with credentials.opened(args, paths) as profile:
        require_manager(profile.user)
        villages = _villages(profile, args.villages or "")
        chosen = credentials.new_passphrase(args, "new_passphrase_file", credentials.ENV_NEW_PASSPHRASE)
        users.add_user(profile, users.UserInput(args.name, role, args.protection, villages), chosen)
        added = users.find_user(profile, args.name)
    console.say(console.text(QT_TRANSLATE_NOOP("Cli", "{user} can now log in with their passphrase."), user=added.name))
    return console.EXIT_OK


def run_list(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services import reference
    from desktop.services.profile import users
    from desktop.services.profile.access import require_manager

    with credentials.opened(args, paths) as profile:
        require_manager(profile.user)
        found = users.list_users(profile)
        names = {v.id: v.name for v in reference.commune_villages(profile, include_inactive=True)}
    if args.json:
        console.say(json.dumps([_user_json(user, names) for user in found], ensure_ascii=False))
        return console.EXIT_OK
    for user in found:
        console.say(_user_line(user, names))
    return console.EXIT_OK


def run_set_protection(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import users
    from desktop.services.profile.access import require_manager

    with credentials.opened(args, paths) as profile:
        require_manager(profile.user)
        user = users.find_user(profile, args.name)
        theirs = _their_passphrase(args, user.name) if SWITCH[args.state] and not user.protection else ""
        users.set_protection(profile, user.id, SWITCH[args.state], theirs)
    message = (
        QT_TRANSLATE_NOOP("Cli", "{user} may now see the content of support cases.")
        if SWITCH[args.state]
        else QT_TRANSLATE_NOOP("Cli", "{user} may no longer see the content of support cases.")
    )
    console.say(console.text(message, user=user.name))
    return console.EXIT_OK


def run_set_passphrase(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import users
    from desktop.services.profile.access import require_manager

    with credentials.opened(args, paths) as profile:
        require_manager(profile.user)
        user = users.find_user(profile, args.name)
        chosen = credentials.new_passphrase(args, "new_passphrase_file", credentials.ENV_NEW_PASSPHRASE)
        users.set_passphrase(profile, user.id, chosen)
    console.say(
        console.text(
            QT_TRANSLATE_NOOP("Cli", "{user} now logs in with the new passphrase; the old one no longer works."),
            user=user.name,
        )
    )
    return console.EXIT_OK


# Helpers ####################################################################################


def _their_passphrase(args: argparse.Namespace, name: str) -> str:
    """The passphrase of the user being granted the permission, typed by them (never an argument)."""
    import getpass
    import sys

    found = credentials.secret(args.their_passphrase_file, ENV_THEIR_PASSPHRASE)
    if found is not None:
        return found
    if sys.stdin.isatty():
        prompt = QT_TRANSLATE_NOOP("Cli", "{user}, type your own passphrase: ")
        return getpass.getpass(console.text(prompt, user=name))
    return ""  # the service says what is missing


def _villages(profile: Profile, text: str) -> tuple[uuid.UUID, ...]:
    """The villages named in `text`, by id or by name (with or without accents and "Thôn")."""
    from desktop.services import reference

    known = reference.commune_villages(profile, include_inactive=True)
    chosen: list[uuid.UUID] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        found = _village(known, item)
        if found is None:
            message = QT_TRANSLATE_NOOP("Cli", "No single village of the commune is called {village}.")
            raise ValidationError([console.problem("villages", message, village=item)])
        if found.id not in chosen:
            chosen.append(found.id)
    return tuple(chosen)


def _village(known: list[VillageDTO], item: str) -> VillageDTO | None:
    by_id = [v for v in known if v.id.hex == item.replace("-", "").lower()]
    key = fold(item)
    found = by_id or [v for v in known if key in (fold(v.name), fold(v.name).removeprefix("thon "))]
    return found[0] if len(found) == 1 else None


def _user_json(user: UserDTO, names: dict[uuid.UUID, str]) -> dict[str, object]:
    return {
        "id": str(user.id),
        "name": user.name,
        "role": user.role.value,
        "protection": user.protection,
        "villages": [{"id": str(v), "name": names.get(v, "")} for v in user.villages],
        "current": user.is_current,
    }


def _user_line(user: UserDTO, names: dict[uuid.UUID, str]) -> str:
    from desktop.services.profile.access import ROLE_LABELS

    role = console.service_text(ROLE_LABELS[user.role], {})
    protection = console.text(QT_TRANSLATE_NOOP("Cli", "sees case content")) if user.protection else ""
    villages = ", ".join(names.get(v, str(v)) for v in user.villages)
    return "  ".join(part for part in (user.name, role, protection, villages) if part)
