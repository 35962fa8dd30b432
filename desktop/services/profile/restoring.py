"""Restoring a profile from a backup, opened with a user's passphrase or the recovery code.

Restoring unlocks the data key from the backup's own key file, checks the HMAC over the whole file,
and only then writes anything: the members are written beside the profile, the files of the profile
they replace are moved aside (never deleted), and the new ones moved in. Two things are kept unless
the caller says to replace them, each with its own confirmation: a profile with changes the backup
does not have, and another profile than the backup's (another profile id, or one these credentials
cannot open). The comparison and the replacement happen under the profile's lock
(desktop.services.profile.process_lock), so no other process can be writing into the files moved aside.
The restored profile is marked as needing a sync, and its newest clock is kept from going back
(desktop.services.profile.restore_sync).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db.migrate import known_revisions
from desktop.errors import AccessError, SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths
from desktop.security.keyslot import user_key
from desktop.security.keystore import KeyStore, KeyStoreError, WrongPassphraseError
from desktop.security.sealed import NewerFormatError, UnreadableError
from desktop.services.profile import process_lock, restore_sync
from desktop.services.profile.backup_format import DATABASE, KEYSLOTS, Layout, ProfileFacts, read_layout, short_id
from desktop.services.profile.restore_current import Current, current_profile
from desktop.services.profile.restore_journal import (
    JOURNAL_FILE,
    PROFILE_FILES,
    Journal,
    finish_interrupted_restore,
    free_name,
    present_files,
    roll_back,
    run,
)

__all__ = [  # the journal's names are re-exported: restoring is where callers look for them
    "JOURNAL_FILE",
    "PROFILE_FILES",
    "BackupDamagedError",
    "BackupVersionError",
    "NewerProfileError",
    "OtherProfileError",
    "RestoreResult",
    "backup_users",
    "finish_interrupted_restore",
    "restore_backup",
]


# --- errors and results ---------------------------------------------------------------------------


class BackupDamagedError(SotayError):
    exit_code = 3

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The backup {file} is damaged or was changed after it was made, or it is not a backup of "
                "Sổ tay CTV. Nothing was restored.",
            ),
            file=path,
        )


class BackupVersionError(SotayError):
    exit_code = 3

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The backup {file} was made by a newer version of Sổ tay CTV. Update the app to restore it; "
                "nothing was restored.",
            ),
            file=path,
        )


class NewerProfileError(SotayError):
    """The profile in the folder has changes the backup does not have: replacing it needs a confirmation."""

    exit_code = 3

    def __init__(self, home: Path, current: datetime, backup: datetime | None) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The profile in {home} was changed on {current}, after this backup was made ({backup}). "
                "Nothing was restored.",
            ),
            home=home,
            current=_local_text(current),
            backup=_local_text(backup),
        )
        self.home = home


class OtherProfileError(SotayError):
    """The backup is of another profile than the one in the folder (or of one that cannot be told):
    replacing it needs its own confirmation, which names both."""

    exit_code = 3

    def __init__(self, file: Path, home: Path, backup: ProfileFacts, current: ProfileFacts) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The backup {file} is of another notebook (commune {backup_commune}, {backup_collaborator}, "
                "id {backup_id}) than the one in {home} (commune {current_commune}, {current_collaborator}, "
                "id {current_id}). Nothing was restored.",
            ),
            file=file,
            home=home,
            backup_commune=backup.commune_code or "?",
            backup_collaborator=backup.collaborator or "?",
            backup_id=short_id(backup.profile_id),
            current_commune=current.commune_code or "?",
            current_collaborator=current.collaborator or "?",
            current_id=short_id(current.profile_id),
        )
        self.home = home
        self.backup = backup
        self.current = current


@dataclass(frozen=True, slots=True)
class RestoreResult:
    home: Path
    user: str  # the user whose passphrase (or whose recovery) opened the backup, as the backup names them
    created_at: datetime
    # Opened with the recovery code: `recovery.unlock_with_recovery` again, then `recovery.reset_passphrase`.
    must_change_passphrase: bool
    replaced: Path | None  # where the profile that was in the folder was moved; None for an empty folder


# --- restoring ------------------------------------------------------------------------------------


def restore_backup(
    file: Path,
    paths: ProfilePaths,
    *,
    user: str | None = None,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    replace_newer: bool = False,
    replace_other: bool = False,
) -> RestoreResult:
    """Put the profile in the backup into `paths.home`, opened by a user's passphrase or the recovery code.

    Refused before anything is written when: the file is damaged or changed (any byte), the secret does
    not open it (the same errors as logging in), another process holds the profile (`ProfileInUseError`;
    this process may hold it: the app restores through its own lock), the folder holds another profile
    (`OtherProfileError`) and `replace_other` is not set, or the same profile with newer changes
    (`NewerProfileError`) and `replace_newer` is not set. A profile already in the folder is moved to
    ``replaced-<time>/`` inside it.
    """
    if (passphrase is None) == (recovery_code is None):
        raise ValueError("give either a passphrase or a recovery code")
    file = Path(file)
    layout = _checked_layout(file)
    store = _backup_store(file, layout, paths.home)
    name = _backup_user(store, user)
    # Not throttled like a login: whoever holds the file can try passphrases offline anyway;
    # the Argon2id cost of each slot is what protects a backup.
    if recovery_code is not None:
        data_key = store.unlock_with_recovery(recovery_code)
    else:
        data_key = store.unlock_with_passphrase(name, passphrase or "")
    if store.key_id != layout.key_id or not layout.sealed.authentic(data_key):
        raise BackupDamagedError(file)
    created = not paths.home.exists()
    hold = process_lock.acquire(paths.home)
    try:
        finish_interrupted_restore(paths.home)  # what is in the folder is then one profile, whole
        current = current_profile(paths, layout, data_key, name, passphrase, recovery_code)
        if current is not None:
            _refuse_to_replace(file, paths, layout, current, replace_newer=replace_newer, replace_other=replace_other)
        replaced = _install(file, layout, paths, data_key, "" if current is None else current.clock)
    finally:
        hold.release(remove_folder_if_empty=created)
    return RestoreResult(
        home=paths.home,
        user=name,
        created_at=layout.created_at,
        must_change_passphrase=recovery_code is not None,
        replaced=replaced,
    )


def backup_users(file: Path) -> list[str]:
    """The users who can open a backup with their passphrase (readable without a key, like the login list)."""
    file = Path(file)
    layout = _checked_layout(file, checksum=False)
    return _backup_store(file, layout, file.parent).users()


def _checked_layout(file: Path, *, checksum: bool = True) -> Layout:
    try:
        layout = read_layout(file)
        if checksum and not layout.sealed.checksum_ok():
            raise UnreadableError("checksum")
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise AccessError(QT_TRANSLATE_NOOP("Backup", "Cannot read the file {file}."), file=file) from None
    except NewerFormatError:
        raise BackupVersionError(file) from None
    except (UnreadableError, OSError):
        raise BackupDamagedError(file) from None
    if layout.schema_revision is not None and layout.schema_revision not in known_revisions():
        raise BackupVersionError(file)
    return layout


def _backup_store(file: Path, layout: Layout, folder: Path) -> KeyStore:
    try:
        # Checked before unlocking, so a damaged key file is reported as damage, not as a wrong passphrase.
        raw = layout.sealed.read_member(KEYSLOTS)
        return KeyStore.parse(folder, raw)
    except (UnreadableError, KeyStoreError):
        raise BackupDamagedError(file) from None


def _backup_user(store: KeyStore, user: str | None) -> str:
    users = store.users()
    if user:
        found = next((name for name in users if user_key(name) == user_key(user)), None)
        if found is None:
            raise WrongPassphraseError()  # as at login: no hint whether the name or the passphrase was wrong
        return found
    if len(users) == 1:
        return users[0]
    raise AccessError(
        QT_TRANSLATE_NOOP("Backup", "This backup has several users ({users}); say which one you are."),
        users=", ".join(users),
    )


def _refuse_to_replace(
    file: Path, paths: ProfilePaths, layout: Layout, current: Current, *, replace_newer: bool, replace_other: bool
) -> None:
    if not (current.same_key or current.facts.same_profile(layout.facts)):
        if not replace_other:
            raise OtherProfileError(file, paths.home, layout.facts, current.facts)
        return  # another profile: its changes were never in this backup, so there is no "newer" to ask about
    newest = current.newest
    if replace_newer or newest is None:
        return
    if layout.newest_change is None or newest > layout.newest_change:
        raise NewerProfileError(paths.home, newest, layout.newest_change)


def _install(file: Path, layout: Layout, paths: ProfilePaths, data_key: bytes, clock_before: str) -> Path | None:
    """Write the members beside the profile, mark the database restored, move the old files aside, then
    move the new ones in.

    The mark (desktop.services.profile.restore_sync) is written into the new database before the
    journal: the profile in place is either the old one or the marked one, never an unmarked restore.

    Journalled (see `finish_interrupted_restore`): once every member is written, a journal names the
    staging folder and the ``replaced-*`` folder, so a crash at any later point is finished on the next
    start, forward or back, instead of leaving a folder without its key file.
    """
    paths.home.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=paths.home))
    try:
        for member in layout.sealed.members:
            layout.sealed.extract(member.name, staging / member.name)
        restore_sync.mark_restored(staging / DATABASE, data_key, clock_before, datetime.now(UTC))
    except UnreadableError:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupDamagedError(file) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # no journal yet: the profile was not touched
        raise
    # Named now, made once the journal names it: a crash before that leaves no empty replaced-* folder.
    aside = free_name(paths.home, f"replaced-{datetime.now():%Y%m%d-%H%M%S}") if present_files(paths) else None
    journal = Journal(staging.name, None if aside is None else aside.name, [m.name for m in layout.sealed.members])
    try:
        run(journal, paths.home)
    except Exception:
        # A failure the process survived (not a crash): put back what was there, not a half-moved folder.
        roll_back(journal, paths.home)
        raise
    paths.ensure()
    return aside


def _local_text(moment: datetime | None) -> str:
    return "?" if moment is None else f"{moment.astimezone():%Y-%m-%d %H:%M}"
