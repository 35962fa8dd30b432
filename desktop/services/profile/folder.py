"""What a profile folder holds, read without opening its database: for the login window.

Kept apart from desktop.services.profile.opening so the first window can appear before SQLAlchemy and the
database layer are imported (about half a second); the login loads those while the user types.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from contextlib import closing
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from desktop.errors import SotayError
from desktop.fileio import fsync_folder
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

log = logging.getLogger(__name__)

META_COLLABORATOR = "collaborator"
# A set-up is built in a folder of this name inside the profile folder and moved out of it when complete.
SETUP_PREFIX = ".setup-"
# Where the database of a set-up cut short (before set-ups were built aside) is put, never deleted.
UNFINISHED_PREFIX = "unfinished-setup-"
DEVICE_KEY_FILE = "device-key.pem"  # desktop.security.device.KEY_FILE, without importing the security layer
# The first bytes of every plain SQLite file (an encrypted one starts with random salt instead);
# the same constant as db.cipher.SQLITE_HEADER, repeated so this module does not import the db layer.
SQLITE_HEADER = b"SQLite format 3\x00"


class ProfileState(StrEnum):
    NEW = "new"  # nothing yet: the first run creates the profile and its first user
    PLAIN = "plain"  # an unencrypted database from before protection: `profile.protect_plain` converts it
    LOCKED = "locked"  # encrypted: unlock with a user's passphrase or the recovery code


class LoginThrottledError(SotayError):
    exit_code = 2

    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Security", "Too many wrong attempts. Wait {seconds} seconds, then try again."),
            seconds=seconds,
        )
        self.seconds = seconds


class DamagedProfileError(SotayError):
    """The database cannot be read: offer the newest good backup (desktop.services.profile.backup)."""

    exit_code = 2

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Security",
                "The profile database {path} is damaged and cannot be read. Restore the newest backup.",
            ),
            path=path,
        )


def profile_state(paths: ProfilePaths) -> ProfileState:
    if paths.keyslots.exists():
        return ProfileState.LOCKED
    if _is_plain_sqlite(paths.database):
        return ProfileState.PLAIN
    if unfinished_setup(paths):
        return ProfileState.NEW  # set-up is offered again; `set_aside_unfinished_setup` keeps the file
    return ProfileState.LOCKED if paths.database.exists() else ProfileState.NEW


def unfinished_setup(paths: ProfilePaths) -> bool:
    """An encrypted database with neither key file nor device key: a first set-up stopped before its key file.

    Nothing can open such a database (its data key was never written down), and it holds no user yet.
    A profile that lost only its key file still has its device key, and is left for its backup to restore."""
    return (
        paths.database.exists()
        and not paths.keyslots.exists()
        and not (paths.home / DEVICE_KEY_FILE).exists()
        and not _is_plain_sqlite(paths.database)
    )


def set_aside_unfinished_setup(paths: ProfilePaths) -> Path | None:
    """Move what an unfinished set-up left into a folder of its own, so set-up can start afresh: the
    database in the profile folder, and the folders a set-up cut short was building in (`.setup-*`, with
    the key file that goes with that database). Moved, never deleted; nothing in them was the user's work."""
    leftovers = sorted(p for p in paths.home.glob(f"{SETUP_PREFIX}*") if p.is_dir())
    if not unfinished_setup(paths) and not leftovers:
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    aside = paths.home / f"{UNFINISHED_PREFIX}{stamp}"
    aside.mkdir(mode=0o700)
    for building in leftovers:
        os.replace(building, aside / building.name)
    for suffix in ("-wal", "-shm", "-journal", ""):  # the database last, so a stop midway leaves it found again
        stray = Path(f"{paths.database}{suffix}")
        if stray.exists():
            os.replace(stray, aside / stray.name)
    log.info("The database of an unfinished set-up was moved aside into %s.", aside.name)
    return aside


def user_names(paths: ProfilePaths) -> list[str]:
    """The users who can log in, as the login dialog lists them (readable before unlocking)."""
    from desktop.security.keystore import KeyStore

    return KeyStore.load(paths.home).users()


def plain_collaborator(paths: ProfilePaths) -> str:
    """The collaborator named in an unprotected profile ("" if none): the first user `protect_plain` suggests.

    Read-only, without migrating or otherwise touching the file, since the user has not agreed yet.
    """
    if profile_state(paths) is not ProfileState.PLAIN:
        return ""
    try:
        with closing(sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT value FROM profile_meta WHERE key = ?", (META_COLLABORATOR,)).fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row and row[0] else ""


def _is_plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False


def move_into_place(built: ProfilePaths, paths: ProfilePaths) -> None:
    """The database first and the key file after it: the key file's arrival is what makes it a profile.

    The device key and certificate follow; a start after a stop before them makes a new identity (or the
    certificate again from the key), as for profiles made before identities existed."""
    from desktop.security import device

    for name in (f"{paths.database.name}-wal", paths.database.name):
        if (built.home / name).exists():
            os.replace(built.home / name, paths.home / name)
    fsync_folder(paths.home)  # so that even a power cut cannot leave the key file without its database
    os.replace(built.keyslots, paths.keyslots)
    for path in (device.key_path(built.home), device.cert_path(built.home)):
        os.replace(path, paths.home / path.name)
    fsync_folder(paths.home)


def emptied(database: Path) -> bool:
    try:
        return database.stat().st_size == 0
    except FileNotFoundError:
        return True


def damaged_pages(engine: Engine) -> bool:
    """SQLCipher's check of every page's HMAC: any changed byte shows (quick_check would add 1 s per 100 MB)."""
    try:
        with engine.connect() as conn:
            return bool(conn.exec_driver_sql("PRAGMA cipher_integrity_check").first())
    except DatabaseError as exc:
        if is_damage(exc):
            return True
        raise


def is_damage(exc: DatabaseError) -> bool:
    """SQLite's words for a file whose pages do not read back (not a locked or missing file)."""
    text = str(exc.orig).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt", "hmac"))
