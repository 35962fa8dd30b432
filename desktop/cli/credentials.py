"""Opening a profile from the command line: its folder, the user, the passphrase, the recovery code.

Every command that reads the profile needs a user and a passphrase:

* the user: ``--user NAME``, else ``SOTAY_USER``, else the profile's only user;
* the passphrase: ``--passphrase-file FILE`` (its first line), else ``SOTAY_PASSPHRASE``, else a
  hidden prompt when a person is at the terminal; a script without either is told what to set.

A forgotten passphrase is replaced with ``sotay passphrase reset``, which takes the recovery code
(``SOTAY_RECOVERY_CODE`` or ``--recovery-code-file``) and the new passphrase (``SOTAY_NEW_PASSPHRASE``
or ``--new-passphrase-file``), for a commune officer only, and prints the code that replaces the used one.
Nothing else accepts the recovery code: it always demands a new passphrase.
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

from desktop.cli import console
from desktop.errors import AccessError, FieldProblem, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.services.profile.handle import Profile

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
            metavar=console.text(QT_TRANSLATE_NOOP("Cli", "NAME")),
            help=console.text(QT_TRANSLATE_NOOP("Cli", "Log in as this user (or set SOTAY_USER).")),
        )
    parser.add_argument(
        "--passphrase-file",
        default=default,
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Read the passphrase from the first line of this file (or set SOTAY_PASSPHRASE).")
        ),
    )


def add_to_every_command(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                add_credential_options(sub, top=False)
                add_to_every_command(sub)


def add_recovery_options(parser: argparse.ArgumentParser) -> None:
    """Where a forgotten passphrase's replacement comes from: `passphrase reset` and `backup restore`."""
    parser.add_argument(
        "--recovery-code-file",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Read the recovery code from this file (or SOTAY_RECOVERY_CODE).")),
    )
    parser.add_argument(
        "--new-passphrase-file",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Read the new passphrase from this file (or SOTAY_NEW_PASSPHRASE).")
        ),
    )


# --- opening --------------------------------------------------------------------------------------


@contextmanager
def opened(args: argparse.Namespace, paths: ProfilePaths) -> Iterator[Profile]:
    """The profile unlocked with the command line's credentials; refused (exit 2) without them."""
    with damage_explained(paths), _unlocked(args, paths) as profile:
        yield profile


@contextmanager
def _unlocked(args: argparse.Namespace, paths: ProfilePaths) -> Iterator[Profile]:
    from desktop.services.profile import opening as profile_service
    from desktop.services.profile.restoring import finish_interrupted_restore

    if paths.home.is_dir() and (said := finish_interrupted_restore(paths.home)):
        console.error(said)  # a restore a crash cut short was finished, forward or back: said once
    usable_home(paths, create=False)
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
        profile = profile_service.unlock(paths, user, passphrase(args), check_pages=True)
    except profile_service.DamagedProfileError:
        raise _damaged(paths) from None
    try:
        if profile.must_change_passphrase:  # pragma: no cover - unlock() never sets it
            raise AccessError(QT_TRANSLATE_NOOP("Cli", "Choose a new passphrase first."))
        yield profile
    finally:
        profile.close()


def usable_home(paths: ProfilePaths, *, create: bool) -> None:
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
def damage_explained(paths: ProfilePaths) -> Iterator[None]:
    """A database file that is not a profile's, refused with exit code 2 instead of a traceback."""
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


# --- user and secrets -----------------------------------------------------------------------------


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
    return secret(getattr(args, "passphrase_file", None), ENV_PASSPHRASE)


def passphrase(args: argparse.Namespace) -> str:
    found = secret(getattr(args, "passphrase_file", None), ENV_PASSPHRASE)
    if found is not None:
        return found
    if sys.stdin.isatty():
        return getpass.getpass(console.text(QT_TRANSLATE_NOOP("Cli", "Passphrase: ")))
    raise AccessError(
        QT_TRANSLATE_NOOP(
            "Cli", "This profile is locked. Give the passphrase in SOTAY_PASSPHRASE or with --passphrase-file FILE."
        )
    )


def new_passphrase(args: argparse.Namespace, file_option: str, env: str) -> str:
    """A passphrase being chosen: from a file or the environment, or typed twice at a terminal."""
    found = secret(getattr(args, file_option, None), env)
    if found is not None:
        return found
    if sys.stdin.isatty():
        first = getpass.getpass(console.text(QT_TRANSLATE_NOOP("Cli", "New passphrase: ")))
        again = getpass.getpass(console.text(QT_TRANSLATE_NOOP("Cli", "The same passphrase again: ")))
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


def secret(file: str | None, env: str) -> str | None:
    """The first line of `file` when one is named, else the environment variable `env` unless empty."""
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


def say_recovery_code(code: str, user: str) -> None:
    console.say(
        console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The profile is protected. {user} logs in with the chosen passphrase.\n"
                "Recovery code (write it down and keep it locked away; it is shown only this once):\n\n    {code}\n",
            ),
            user=user,
            code=code,
        )
    )


def say_new_recovery_code(code: str) -> None:
    """After the recovery code was used: the one that replaces it, printed once as at set-up."""
    console.say(
        console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The recovery code you used no longer works. The new recovery code "
                "(write it down and keep it locked away; it is shown only this once):\n\n    {code}\n",
            ),
            code=code,
        )
    )
