"""What a profile folder holds, read without opening its database: for the login window.

Kept apart from desktop.services.profile.opening so the first window can appear before SQLAlchemy and the
database layer are imported (about half a second); the login loads those while the user types.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from enum import StrEnum
from pathlib import Path

from desktop.errors import SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

META_COLLABORATOR = "collaborator"
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
    return ProfileState.LOCKED if paths.database.exists() else ProfileState.NEW


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
