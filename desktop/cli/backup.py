"""`sotay backup create|list|restore`: encrypted backups of the profile (desktop.services.profile.backup).

* ``create [--to FOLDER]`` writes a backup of the unlocked profile (default: the profile's backups
  folder) while the app may be running, and prints the file's path, alone on its line, for scripts;
* ``list [--from FOLDER] [--json]`` shows the backups in a folder, newest first, each checked against
  its checksum. With the profile's passphrase (SOTAY_PASSPHRASE or --passphrase-file; never asked for)
  it also checks the HMAC of the backups made with the profile's key, which finds a backup changed on
  purpose; without it those are "not checked". It prompts for nothing;
* ``restore FILE [--yes] [--other-profile]`` opens the backup with a user's passphrase (SOTAY_PASSPHRASE
  or --passphrase-file) or the recovery code (SOTAY_RECOVERY_CODE or --recovery-code-file, then a new
  passphrase is required: SOTAY_NEW_PASSPHRASE or --new-passphrase-file). A profile in the folder with
  newer changes is replaced only with --yes; another profile than the backup's (another profile id,
  or one the passphrase does not open) only with --yes --other-profile. What is replaced is moved to
  ``replaced-<time>/``, not deleted. A restore holds the profile's lock: while the app has the profile
  open it is refused. A restore ends by saying to sync with the upper level before sending new work.

Exit codes as for the rest of `sotay`: a wrong passphrase or folder, or a profile open in the app, 2;
a damaged or changed backup, a newer profile without --yes, another profile without --other-profile, 3.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli import console, credentials
from desktop.errors import AccessError, SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers
    from desktop.services.profile.backup import BackupInfo
    from desktop.services.profile.restoring import RestoreResult


class ReplaceRefusedError(SotayError):
    """Restoring would replace a profile with newer changes (or one we cannot compare): needs --yes."""

    exit_code = 3


def register(commands: Subparsers) -> None:
    """Add `backup` with its `create`, `list` and `restore` subcommands to the `sotay` parser."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Encrypted backups of the profile: make, list, restore."))
    parser = commands.add_parser("backup", help=about, description=about)
    actions = parser.add_subparsers(
        dest="backup_command",
        required=True,
        title=console.text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{create,list,restore}",
    )
    _create_parser(actions)
    _list_parser(actions)
    _restore_parser(actions)


def _create_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Write an encrypted backup of the profile, e.g. to a USB stick, and print its path.")
    )
    create = actions.add_parser("create", help=about, description=about)
    create.add_argument(
        "--to",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FOLDER")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Write the backup into this existing folder (default: the profile's backups).")
        ),
    )
    create.set_defaults(run=run_create)


def _list_parser(actions: Subparsers) -> None:
    about = console.text(QT_TRANSLATE_NOOP("Cli", "List backups, newest first, and check each for damage."))
    listing = actions.add_parser("list", help=about, description=about)
    listing.add_argument(
        "--from",
        dest="source",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FOLDER")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "List the backups in this folder (default: the profile's backups).")
        ),
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Print a JSON list instead of lines.")),
    )
    listing.set_defaults(run=run_list)


def _restore_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli", "Restore the profile from a backup, opened with a passphrase or the recovery code of the backup."
        )
    )
    restore = actions.add_parser("restore", help=about, description=about)
    restore.add_argument(
        "file",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The backup file (.sotaybak).")),
    )
    restore.add_argument(
        "--yes",
        action="store_true",
        help=console.text(
            QT_TRANSLATE_NOOP(
                "Cli", "Replace a profile with newer changes too (it is moved to a replaced-… folder, not deleted)."
            )
        ),
    )
    restore.add_argument(
        "--other-profile",
        action="store_true",
        help=console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "With --yes: replace the notebook in the folder even when the backup is of another notebook "
                "(another commune, collaborator or profile id).",
            )
        ),
    )
    credentials.add_recovery_options(restore)
    restore.set_defaults(run=run_restore)


# Commands ###################################################################################


def run_create(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import backup

    _finish_interrupted_restore(paths)

    with credentials.opened(args, paths) as profile:
        if args.to:
            folder = Path(args.to).expanduser().resolve()
            if folder.exists() and not folder.is_dir():  # a file given as --to: not "is the USB stick in?"
                raise AccessError(QT_TRANSLATE_NOOP("Cli", "{home} is not a folder."), home=folder)
        else:
            folder = paths.backups
            folder.mkdir(exist_ok=True)
        try:
            written = backup.create_backup(profile, folder)
        except backup.BackupDiskFullError as full:
            raise console.disk_full_error(full.folder) from full
    console.say(str(written))
    return console.EXIT_OK


def run_list(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import backup

    _finish_interrupted_restore(paths)

    if args.source:
        folder = Path(args.source).expanduser().resolve()
        if not folder.is_dir():
            raise AccessError(QT_TRANSLATE_NOOP("Cli", "{home} is not a folder."), home=folder)
    else:
        if paths.home.exists() and not paths.home.is_dir():
            raise AccessError(QT_TRANSLATE_NOOP("Cli", "{home} is not a folder."), home=paths.home)
        folder = paths.backups
    found = backup.list_backups(folder, data_key=_data_key_if_given(args, paths))
    if args.json:
        console.say(json.dumps([_backup_json(info) for info in found], ensure_ascii=False))
        return console.EXIT_OK
    if not found:
        console.say(console.text(QT_TRANSLATE_NOOP("Cli", "No backups in {folder}."), folder=folder))
        return console.EXIT_OK
    language = str(getattr(args, "lang", console.DEFAULT_LANGUAGE))
    for info in found:
        console.say(_backup_line(info, language))
    return console.EXIT_OK


def _finish_interrupted_restore(paths: ProfilePaths) -> None:
    """A restore a crash interrupted is finished (forward or back) before anything reads the folder; said on
    stderr, so a script reading stdout (the path of a new backup) is not confused."""
    from desktop.services.profile import restoring

    if paths.home.is_dir():
        said = restoring.finish_interrupted_restore(paths.home)
        if said is not None:
            console.error(said)


def _data_key_if_given(args: argparse.Namespace, paths: ProfilePaths) -> bytes | None:
    """The profile's data key when a passphrase was given and opens it; None when there is nothing to
    open or its database is damaged (listing backups is what one does then). A wrong passphrase is said."""
    from sqlalchemy.exc import DatabaseError

    from desktop.services.profile import opening as profile_service

    secret = credentials.passphrase_if_given(args)
    if secret is None or not paths.keyslots.is_file():
        return None
    try:
        profile = profile_service.unlock(paths, credentials.chosen_user(args, paths), secret)
    except (profile_service.DamagedProfileError, DatabaseError):
        return None
    try:
        return profile.data_key
    finally:
        profile.close()


def _backup_json(info: BackupInfo) -> dict[str, Any]:
    return {
        "path": str(info.path),
        "profile_id": info.profile_id or None,
        "created_at": info.created_at.isoformat(),
        "size": info.size,
        "commune_code": info.commune_code,
        "collaborator": info.collaborator,
        "automatic": info.automatic,
        "newest_change": info.newest_change.isoformat() if info.newest_change else None,
        "ok": info.ok,
        "damaged": info.damaged,
        # Whether the HMAC was checked: only then is an undamaged backup known to be unchanged.
        "sealed_checked": info.sealed is not None,
    }


def _backup_line(info: BackupInfo, language: str) -> str:
    from desktop.services.profile.backup_format import short_id

    kind = (
        console.text(QT_TRANSLATE_NOOP("Cli", "automatic"))
        if info.automatic
        else console.text(QT_TRANSLATE_NOOP("Cli", "on demand"))
    )
    if info.damaged:
        state = console.text(QT_TRANSLATE_NOOP("Cli", "DAMAGED"))
    elif info.unchecked:
        state = console.text(QT_TRANSLATE_NOOP("Cli", "not checked"))
    else:
        state = console.text(QT_TRANSLATE_NOOP("Cli", "ok"))
    size = f"{console.decimal(info.size / 1_000_000, language)} MB"
    when = f"{info.created_at.astimezone():%Y-%m-%d %H:%M}"
    profile = short_id(info.profile_id)
    return f"{when}  {info.commune_code:<6} {profile:<8} {kind:<10} {size:>9}  {state:<13} {info.path}"


def run_restore(args: argparse.Namespace, paths: ProfilePaths) -> int:
    # A writing command (desktop.cli.locking): the profile is held, and a refused restore into a folder
    # the lock created leaves no empty folder behind.
    credentials.usable_home(paths, create=True)
    _finish_interrupted_restore(paths)
    _say_restored(_restore(args, paths))
    return console.EXIT_OK


def _restore(args: argparse.Namespace, paths: ProfilePaths) -> RestoreResult:
    from desktop.services.profile import restoring

    file = Path(args.file).expanduser().resolve()
    user = getattr(args, "login_user", None) or os.environ.get(credentials.ENV_USER) or None
    code = credentials.secret(args.recovery_code_file, credentials.ENV_RECOVERY)
    try:
        if code is not None:
            return _restore_with_recovery(args, paths, file, user, code)
        secret = credentials.passphrase(args)
        return restoring.restore_backup(
            file, paths, user=user, passphrase=secret, replace_newer=args.yes, replace_other=_other(args)
        )
    except restoring.NewerProfileError as refused:
        raise ReplaceRefusedError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "{reason}\nTo replace it anyway, add --yes: it will be moved to a replaced-… folder in {home}, "
                "not deleted.",
            ),
            reason=console.service_text(refused.message, refused.params),
            home=paths.home,
        ) from None
    except restoring.OtherProfileError as refused:
        raise ReplaceRefusedError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "{reason}\nTo replace that notebook with the other one anyway, add --yes --other-profile: "
                "it will be moved to a replaced-… folder in {home}, not deleted.",
            ),
            reason=console.service_text(refused.message, refused.params),
            home=paths.home,
        ) from None


def _other(args: argparse.Namespace) -> bool:
    """Replacing another profile takes both confirmations: --yes alone never does it."""
    return bool(args.yes and args.other_profile)


def _restore_with_recovery(
    args: argparse.Namespace, paths: ProfilePaths, file: Path, user: str | None, code: str
) -> RestoreResult:
    """Restore with the recovery code, then set the new passphrase at once (as `passphrase reset` does)."""
    from desktop.security.keyslot import passphrase_problems
    from desktop.services.profile import recovery, restoring
    from desktop.services.validation import raise_if

    chosen = credentials.new_passphrase(args, "new_passphrase_file", credentials.ENV_NEW_PASSPHRASE)
    raise_if(passphrase_problems(chosen, "new_passphrase"))  # before restoring, so a bad choice changes nothing
    result = restoring.restore_backup(
        file, paths, user=user, recovery_code=code, replace_newer=args.yes, replace_other=_other(args)
    )
    profile = recovery.unlock_with_recovery(paths, result.user, code)
    try:
        new_code = recovery.reset_passphrase(profile, chosen)
    finally:
        profile.close()
    credentials.say_new_recovery_code(new_code)
    return result


def _say_restored(result: RestoreResult) -> None:
    from desktop.services.profile.restore_sync import SYNC_NEEDED_NOTICE

    console.say(
        console.text(
            QT_TRANSLATE_NOOP("Cli", "The backup made on {created} was restored into {home}."),
            created=f"{result.created_at.astimezone():%Y-%m-%d %H:%M}",
            home=result.home,
        )
    )
    console.say(console.service_text(SYNC_NEEDED_NOTICE, {}))
    if result.replaced is not None:
        console.say(
            console.text(
                QT_TRANSLATE_NOOP("Cli", "The profile that was there before was moved to {folder}."),
                folder=result.replaced,
            )
        )
    if result.must_change_passphrase:
        console.say(
            console.text(
                QT_TRANSLATE_NOOP("Cli", "{user} now logs in with the new passphrase; the old one no longer works."),
                user=result.user,
            )
        )
