"""Making and listing encrypted backups of a profile: on demand to any folder, automatically on exit.

A backup is one file holding the database, its key file and the device identity (the format is in
desktop.services.profile.backup_format; restoring is desktop.services.profile.restoring). The database
is copied online while the app runs, beside the profile, and sealed with an HMAC keyed by the data key.
Listing reads the manifest, and when asked the plain SHA-256 of every byte; given the profile's data
key it also checks the HMAC of the backups made with that key (others are "not checked": their key is
not at hand). Only the HMAC finds a change made on purpose, or damage to the HMAC itself.
"""

from __future__ import annotations

import errno
import hmac
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db import cipher
from db.migrate import current_revision
from desktop.errors import AccessError
from desktop.fileio import atomic_stream
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths
from desktop.security.keyslot import key_id
from desktop.security.sealed import NewerFormatError, Source, UnreadableError, contents, write_sealed
from desktop.services.profile.backup_format import (
    BACKUP,
    DATABASE,
    EXTENSION,
    KEYSLOTS,
    OPTIONAL_MEMBERS,
    Kind,
    manifest_facts,
    newest_change,
    read_layout,
)
from desktop.services.profile.handle import Profile
from desktop.services.profile.opening import DamagedProfileError
from desktop.services.profile.restore_journal import JOURNAL_FILE
from desktop.services.profile.restore_sync import SyncState, sync_state

AUTO_EVERY = timedelta(hours=24)
AUTO_KEEP = 7
AUTO_SUFFIX = "-auto"
STALE_WORK = timedelta(days=1)  # a work folder left by a crash; newer ones may belong to a running backup


class BackupFolderError(AccessError):
    """The folder for a backup is missing or cannot be written (a USB stick that was removed)."""


class BackupDiskFullError(BackupFolderError):
    """The disk filled up while the backup was made; `folder` is the one to make room in. Nothing is left."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The disk is full: make room in {folder} (delete or move files you no longer need), then back up "
                "again. No backup was made.",
            ),
            folder=folder,
        )
        self.folder = folder


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int
    created_at: datetime  # UTC; the file's own time when its manifest cannot be read
    profile_id: str  # "" when the manifest cannot be read or names no profile
    commune_code: str
    collaborator: str
    automatic: bool
    newest_change: datetime | None
    # The header reads and, when `checked`, the SHA-256 matches and the HMAC does not fail.
    ok: bool
    checked: bool
    # The HMAC holds (True) or fails (False); None when it was not checked (no key, or another key).
    sealed: bool | None = None

    @property
    def damaged(self) -> bool:
        return not self.ok

    @property
    def unchecked(self) -> bool:
        """Readable with a good checksum, but its HMAC could not be checked: not known to be intact."""
        return self.ok and self.sealed is None


# --- making backups -------------------------------------------------------------------------------


def create_backup(profile: Profile, folder: Path, *, now: datetime | None = None) -> Path:
    """An encrypted backup of the open profile in `folder` (which must exist), made while the app runs."""
    return _write_backup(profile, Path(folder), Kind.MANUAL, now or datetime.now(UTC))


def auto_backup(profile: Profile, *, now: datetime | None = None) -> Path | None:
    """The app's automatic backup (on exit): one a day at most, the newest AUTO_KEEP kept.

    None when the newest automatic backup is less than AUTO_EVERY old. One dated in the future (a clock
    that was wrong) does not count, or a wrong clock could stop backups for good.
    """
    moment = now or datetime.now(UTC)
    folder = profile.paths.backups
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise _folder_error(folder) from None
    autos = [b for b in list_backups(folder, verify=False) if b.automatic]
    if any(timedelta(0) <= moment - b.created_at < AUTO_EVERY for b in autos):
        return None
    made = _write_backup(profile, folder, Kind.AUTO, moment)
    _prune(folder)
    return made


def _prune(folder: Path) -> None:
    autos = [b for b in list_backups(folder, verify=False) if b.automatic]  # newest first
    for old in autos[AUTO_KEEP:]:
        old.path.unlink(missing_ok=True)


def _write_backup(profile: Profile, folder: Path, kind: Kind, now: datetime) -> Path:
    if not profile.data_key:
        raise ValueError("the profile was not unlocked through its key file")
    _require_writable(folder)
    _remove_stale_work(profile.paths.home)
    # The copy is made beside the profile (same disk, no second copy on a slow stick) and removed after.
    work = Path(tempfile.mkdtemp(prefix=".backup-", dir=profile.paths.home))
    try:
        copy = work / DATABASE
        # Read before the copy, so the audit head it keeps is in the copy (the head follows commits).
        keyslots = profile.paths.keyslots.read_bytes()
        try:
            cipher.copy_encrypted_database(profile.paths.database, copy, profile.data_key)
        except cipher.CipherError as exc:
            # The copy is made beside the profile: a full disk there is not a damaged database.
            if _disk_full(exc):
                raise BackupDiskFullError(profile.paths.home) from exc
            raise DamagedProfileError(profile.paths.database) from None
        except OSError as exc:
            if _disk_full(exc):
                raise BackupDiskFullError(profile.paths.home) from exc
            raise
        # Read before hashing: opening the copy must not change it after.
        try:
            newest, revision, sync, keyslots = _facts_of_copy(copy, profile.data_key, keyslots)
        except Exception as exc:
            if _disk_full(exc):
                raise BackupDiskFullError(profile.paths.home) from exc
            raise
        facts = manifest_facts(profile, kind, now, newest, revision, sync)
        sealed = contents(BACKUP, facts, _member_sources(profile.paths, copy, keyslots))
        target = _free_name(folder, _file_stem(profile.commune_code, kind, now))
        try:
            with atomic_stream(target, private=True) as out:  # a partial file is removed on any error
                write_sealed(out, sealed, profile.data_key)
        except OSError as exc:
            if _disk_full(exc):
                raise BackupDiskFullError(folder) from exc
            raise _folder_error(folder) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))  # a user's quota used up is full too
_SQLITE_FULL, _SQLITE_FULL_TEXT = 13, "database or disk is full"


def _disk_full(error: BaseException) -> bool:
    """A full disk, as an OS error or SQLite's own, anywhere under `error`."""
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _FULL:
            return True
        if getattr(current, "sqlite_errorcode", None) == _SQLITE_FULL:
            return True
        # SQLite's online backup raises its "full" without the error code, only with its message.
        if type(current).__name__ == "OperationalError" and str(current) == _SQLITE_FULL_TEXT:
            return True
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False


def _member_sources(paths: ProfilePaths, database_copy: Path, keyslots: bytes) -> list[tuple[str, Source]]:
    # The small files are read now, so a change while the backup is written cannot tear them.
    sources: list[tuple[str, Source]] = [(DATABASE, database_copy), (KEYSLOTS, keyslots)]
    for name in OPTIONAL_MEMBERS:
        path = paths.home / name
        if path.is_file():
            sources.append((name, path.read_bytes()))
    return sources


def _file_stem(commune_code: str, kind: Kind, now: datetime) -> str:
    # Local time in the name: it is what the collaborator reads on the stick; the manifest keeps UTC.
    commune = "".join(ch for ch in commune_code if ch.isalnum()) or "profile"
    return f"sotay-{commune}-{now.astimezone():%Y%m%d-%H%M%S}{AUTO_SUFFIX if kind is Kind.AUTO else ''}"


def _free_name(folder: Path, stem: str) -> Path:
    target, number = folder / f"{stem}{EXTENSION}", 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}{EXTENSION}"
    return target


def _require_writable(folder: Path) -> None:
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise _folder_error(folder)


def _folder_error(folder: Path) -> BackupFolderError:
    if not folder.is_dir():
        return BackupFolderError(
            QT_TRANSLATE_NOOP("Backup", "The folder {folder} does not exist. Is the USB stick plugged in?"),
            folder=folder,
        )
    return BackupFolderError(
        QT_TRANSLATE_NOOP("Backup", "Cannot write a backup to {folder}: it is read-only or full. No backup was made."),
        folder=folder,
    )


def _remove_stale_work(home: Path) -> None:
    """Work folders a crash left behind (encrypted, but as big as the database)."""
    cutoff = time.time() - STALE_WORK.total_seconds()
    # The new files of an interrupted restore stay until it is finished (restoring.JOURNAL_FILE names them).
    restoring = [] if (home / JOURNAL_FILE).exists() else list(home.glob(".restore-*"))
    for folder in [*home.glob(".backup-*"), *restoring]:
        try:
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def _facts_of_copy(
    copy: Path, data_key: bytes, keyslots: bytes
) -> tuple[datetime | None, str | None, SyncState, bytes]:
    """The newest change, schema revision, sync state and key file (its audit head: the copy's), from the
    copy: they describe exactly that snapshot.

    Not from the profile's own engine: its pool hands this thread the app's connection, and returning
    it would roll back a transaction the app has open.
    """
    from sqlalchemy.orm import Session

    from desktop.services.profile import audit

    engine = cipher.make_encrypted_engine(copy, data_key)
    try:
        with Session(engine) as session:
            keyslots = audit.key_file_for_copy(keyslots, data_key, session)
        return newest_change(engine), current_revision(engine), sync_state(engine), keyslots
    finally:
        engine.dispose()


# --- listing --------------------------------------------------------------------------------------


def list_backups(folder: Path, *, verify: bool = True, data_key: bytes | None = None) -> list[BackupInfo]:
    """The backups in a folder, newest first. `verify` checks each one's SHA-256 (reads every byte) and,
    for those made with `data_key`, the HMAC in the same pass."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    keyed = None if data_key is None else (key_id(data_key), data_key)
    found = [_info(path, verify, keyed) for path in folder.glob(f"*{EXTENSION}") if path.is_file()]
    return sorted(found, key=lambda info: (info.created_at, info.path.name), reverse=True)


def newest_good_backup(paths: ProfilePaths) -> BackupInfo | None:
    """For a profile whose database is damaged: the newest of its backups whose checksum holds.

    Only the checksum is checked here (no key yet); restoring checks the HMAC before writing anything.
    """
    for info in list_backups(paths.backups, verify=False):
        if info.ok:
            checked = _info(info.path, verify=True)
            if checked.ok:
                return checked
    return None


def _info(path: Path, verify: bool, keyed: tuple[str, bytes] | None = None) -> BackupInfo:
    sealed: bool | None = None
    try:
        size = path.stat().st_size
        layout = read_layout(path)
        ok = True
        if verify:
            # Another key (another profile, or a key this one no longer has) cannot check the HMAC.
            secret = keyed[1] if keyed is not None and hmac.compare_digest(keyed[0], layout.key_id) else None
            ok, sealed = layout.sealed.seal_holds(secret)
            ok = ok and sealed is not False
    except (OSError, UnreadableError, NewerFormatError):
        return _unreadable_info(path, verify)
    return BackupInfo(
        path=path,
        size=size,
        created_at=layout.created_at,
        profile_id=layout.profile_id,
        commune_code=layout.commune_code,
        collaborator=layout.collaborator,
        automatic=layout.kind is Kind.AUTO,
        newest_change=layout.newest_change,
        ok=ok,
        checked=verify,
        sealed=sealed,
    )


def _unreadable_info(path: Path, verify: bool) -> BackupInfo:
    try:
        stat = path.stat()
        size, moment = stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC)
    except OSError:
        size, moment = 0, datetime.fromtimestamp(0, UTC)
    return BackupInfo(
        path=path,
        size=size,
        created_at=moment,
        profile_id="",
        commune_code="",
        collaborator="",
        automatic=path.stem.endswith(AUTO_SUFFIX),
        newest_change=None,
        ok=False,
        checked=verify,
    )
