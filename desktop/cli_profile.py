"""Unlocking a profile from the command line, and the commands about passphrases and users.

Every command that reads the profile needs a user and a passphrase:

* the user: ``--user NAME``, else ``SOTAY_USER``, else the profile's only user;
* the passphrase: ``--passphrase-file FILE`` (its first line), else ``SOTAY_PASSPHRASE``, else a
  hidden prompt when a person is at the terminal; a script without either is told what to set.

A forgotten passphrase is replaced with ``sotay passphrase reset``, which takes the recovery code
(``SOTAY_RECOVERY_CODE`` or ``--recovery-code-file``) and the new passphrase (``SOTAY_NEW_PASSPHRASE``
or ``--new-passphrase-file``). Nothing else accepts the recovery code: it always demands a new passphrase.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import cli
from desktop.errors import AccessError, FieldProblem, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.services.profile.handle import Profile

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

ENV_USER, ENV_PASSPHRASE = "SOTAY_USER", "SOTAY_PASSPHRASE"
ENV_RECOVERY, ENV_NEW_PASSPHRASE = "SOTAY_RECOVERY_CODE", "SOTAY_NEW_PASSPHRASE"
SECRET_FILE_MAX = 4096


def add_credential_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--user and --passphrase-file, on the top parser and (without defaults) on every subcommand."""
    default = None if top else argparse.SUPPRESS
    taken = parser._option_string_actions  # `audit list --user` filters by user: log in with the top-level one
    if "--user" not in taken:
        parser.add_argument(
            "--user",
            dest="login_user",
            default=default,
            metavar=cli._text(QT_TRANSLATE_NOOP("Cli", "NAME")),
            help=cli._text(QT_TRANSLATE_NOOP("Cli", "Log in as this user (or set SOTAY_USER).")),
        )
    parser.add_argument(
        "--passphrase-file",
        default=default,
        metavar=cli._text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=cli._text(
            QT_TRANSLATE_NOOP("Cli", "Read the passphrase from the first line of this file (or set SOTAY_PASSPHRASE).")
        ),
    )


def add_to_every_command(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                add_credential_options(sub, top=False)
                add_to_every_command(sub)


# --- opening --------------------------------------------------------------------------------------


@contextmanager
def opened(args: argparse.Namespace, paths: ProfilePaths) -> Iterator[Profile]:
    """The profile unlocked with the command line's credentials; refused (exit 2) without them."""
    from desktop.services.profile import opening as profile_service

    cli._usable_home(paths, create=False)
    state = profile_service.profile_state(paths)
    if state is profile_service.ProfileState.PLAIN:
        raise AccessError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The profile in {home} is not protected by a passphrase yet. "
                "Run `sotay --home {home} protect` to choose one.",
            ),
            home=paths.home,
        )
    user = chosen_user(args, paths)
    try:
        profile = profile_service.unlock(paths, user, passphrase(args))
    except profile_service.DamagedProfileError:
        raise _damaged(paths) from None
    try:
        if profile.must_change_passphrase:  # pragma: no cover - unlock() never sets it
            raise AccessError(QT_TRANSLATE_NOOP("Cli", "Choose a new passphrase first."))
        yield profile
    finally:
        profile.close()


def _damaged(paths: ProfilePaths) -> AccessError:
    """Name the newest good backup and the command that restores it, instead of a bare error."""
    from desktop.services.profile.backup import newest_good_backup

    newest = newest_good_backup(paths)
    if newest is None:
        return AccessError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The profile database {path} is damaged and there is no backup of it in {folder}. "
                "Restore a backup from a USB stick with `sotay --home {home} backup restore FILE`.",
            ),
            path=paths.database,
            folder=paths.backups,
            home=paths.home,
        )
    return AccessError(
        QT_TRANSLATE_NOOP(
            "Cli",
            "The profile database {path} is damaged. The newest good backup was made on {date}; "
            "restore it with `sotay --home {home} backup restore {backup} --yes`.",
        ),
        path=paths.database,
        date=newest.created_at.astimezone().strftime("%d/%m/%Y %H:%M"),
        home=paths.home,
        backup=newest.path,
    )


def chosen_user(args: argparse.Namespace, paths: ProfilePaths) -> str:
    from desktop.services.profile.opening import user_names

    named = getattr(args, "login_user", None) or os.environ.get(ENV_USER, "")
    if named:
        return str(named)
    users = user_names(paths)
    if len(users) == 1:
        return users[0]
    raise AccessError(
        QT_TRANSLATE_NOOP("Cli", "This profile has several users ({users}); name one with --user or SOTAY_USER."),
        users=", ".join(users),
    )


def passphrase_if_given(args: argparse.Namespace) -> str | None:
    return _secret(getattr(args, "passphrase_file", None), ENV_PASSPHRASE)


def passphrase(args: argparse.Namespace) -> str:
    found = _secret(getattr(args, "passphrase_file", None), ENV_PASSPHRASE)
    if found is not None:
        return found
    if sys.stdin.isatty():
        return getpass.getpass(cli._text(QT_TRANSLATE_NOOP("Cli", "Passphrase: ")))
    raise AccessError(
        QT_TRANSLATE_NOOP(
            "Cli", "This profile is locked. Give the passphrase in SOTAY_PASSPHRASE or with --passphrase-file FILE."
        )
    )


def new_passphrase(args: argparse.Namespace, file_option: str, env: str) -> str:
    """A passphrase being chosen: from a file or the environment, or typed twice at a terminal."""
    found = _secret(getattr(args, file_option, None), env)
    if found is not None:
        return found
    if sys.stdin.isatty():
        first = getpass.getpass(cli._text(QT_TRANSLATE_NOOP("Cli", "New passphrase: ")))
        again = getpass.getpass(cli._text(QT_TRANSLATE_NOOP("Cli", "The same passphrase again: ")))
        if first != again:
            raise ValidationError(
                [FieldProblem("passphrase", QT_TRANSLATE_NOOP("Cli", "The two passphrases are not the same."))]
            )
        return first
    raise AccessError(
        QT_TRANSLATE_NOOP("Cli", "Give the new passphrase in {env} or with --{option} FILE."),
        env=env,
        option=file_option.replace("_", "-"),
    )


def _secret(file: str | None, env: str) -> str | None:
    if file:
        return _first_line(Path(file).expanduser())
    value = os.environ.get(env)
    return value if value else None


def _first_line(path: Path) -> str:
    try:
        with path.open("r", encoding="utf-8") as handle:
            text = handle.read(SECRET_FILE_MAX)
    except (OSError, UnicodeDecodeError):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "Cannot read the file {path}."), path=path) from None
    return text.splitlines()[0] if text.splitlines() else ""


# --- commands -------------------------------------------------------------------------------------


def register(commands: Subparsers) -> None:
    about = cli._text(QT_TRANSLATE_NOOP("Cli", "Protect a profile made before passphrases existed."))
    protect = commands.add_parser("protect", help=about, description=about)
    protect.add_argument(
        "--new-passphrase-file",
        metavar=cli._text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=cli._text(QT_TRANSLATE_NOOP("Cli", "Read the new passphrase from this file (or SOTAY_NEW_PASSPHRASE).")),
    )
    protect.set_defaults(run=run_protect)

    about = cli._text(QT_TRANSLATE_NOOP("Cli", "Passphrases: set a new one with the recovery code."))
    phrase = commands.add_parser("passphrase", help=about, description=about)
    actions = phrase.add_subparsers(
        dest="passphrase_command",
        required=True,
        title=cli._text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{reset}",
    )
    about = cli._text(
        QT_TRANSLATE_NOOP("Cli", "Forgotten passphrase: unlock with the recovery code and choose a new passphrase.")
    )
    reset = actions.add_parser("reset", help=about, description=about)
    add_recovery_options(reset)
    reset.set_defaults(run=run_reset)


def add_recovery_options(parser: argparse.ArgumentParser) -> None:
    """Where a forgotten passphrase's replacement comes from: `passphrase reset` and `backup restore`."""
    parser.add_argument(
        "--recovery-code-file",
        metavar=cli._text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=cli._text(QT_TRANSLATE_NOOP("Cli", "Read the recovery code from this file (or SOTAY_RECOVERY_CODE).")),
    )
    parser.add_argument(
        "--new-passphrase-file",
        metavar=cli._text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=cli._text(QT_TRANSLATE_NOOP("Cli", "Read the new passphrase from this file (or SOTAY_NEW_PASSPHRASE).")),
    )


def run_protect(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import opening as profile_service

    cli._usable_home(paths, create=False)
    if profile_service.profile_state(paths) is not profile_service.ProfileState.PLAIN:
        raise AccessError(QT_TRANSLATE_NOOP("Security", "{home} holds no unprotected profile."), home=paths.home)
    user = getattr(args, "login_user", None) or os.environ.get(ENV_USER) or _collaborator_of_plain(paths)
    chosen = new_passphrase(args, "new_passphrase_file", ENV_NEW_PASSPHRASE)
    created = profile_service.protect_plain(paths, user=user, passphrase=chosen)
    created.profile.close()
    say_recovery_code(created.recovery_code, user)
    return cli.EXIT_OK


def _collaborator_of_plain(paths: ProfilePaths) -> str:
    from desktop.services.profile.opening import plain_collaborator

    name = plain_collaborator(paths)
    if name:
        return name
    raise AccessError(QT_TRANSLATE_NOOP("Cli", "Name the first user with --user or SOTAY_USER."))


def run_reset(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import opening as profile_service

    cli._usable_home(paths, create=False)
    user = chosen_user(args, paths)
    code = _secret(args.recovery_code_file, ENV_RECOVERY)
    if code is None and sys.stdin.isatty():
        code = input(cli._text(QT_TRANSLATE_NOOP("Cli", "Recovery code: ")))
    if code is None:
        raise AccessError(
            QT_TRANSLATE_NOOP("Cli", "Give the recovery code in SOTAY_RECOVERY_CODE or with --recovery-code-file FILE.")
        )
    chosen = new_passphrase(args, "new_passphrase_file", ENV_NEW_PASSPHRASE)
    from desktop.security.keyslot import passphrase_problems
    from desktop.services.validation import raise_if

    raise_if(passphrase_problems(chosen, "new_passphrase"))  # before unlocking, so a bad choice costs nothing
    profile = profile_service.unlock_with_recovery(paths, user, code)
    try:
        profile_service.set_new_passphrase(profile, chosen)
    finally:
        profile.close()
    cli._say(
        cli._text(
            QT_TRANSLATE_NOOP("Cli", "{user} now logs in with the new passphrase; the old one no longer works."),
            user=profile.user.name,
        )
    )
    return cli.EXIT_OK


def say_recovery_code(code: str, user: str) -> None:
    cli._say(
        cli._text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The profile is protected. {user} logs in with the chosen passphrase.\n"
                "Recovery code (write it down and keep it locked away; it is shown only this once):\n\n    {code}\n",
            ),
            user=user,
            code=code,
        )
    )
