"""The profile a restore would replace, as far as it can be read: which profile, its newest change and clock.

Read under the profile's lock (desktop.services.profile.restoring) before anything is replaced. A folder
whose database cannot be read holds nothing that can be lost, so it reads as "unknown" rather than failing.
"""

from __future__ import annotations

import hmac
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DatabaseError

from db import cipher
from desktop.paths import ProfilePaths
from desktop.security.keystore import KeyStore, KeyStoreError, WrongPassphraseError, WrongRecoveryCodeError
from desktop.services.profile.backup_format import UNKNOWN, Layout, ProfileFacts, newest_change
from desktop.services.profile.handle import META_COLLABORATOR, META_COMMUNE, META_DEVICE, META_PROFILE
from desktop.services.profile.opening import is_damage
from desktop.services.profile.restore_sync import newest_clock


@dataclass(frozen=True, slots=True)
class Current:
    """The profile in the folder, as far as it can be read."""

    facts: ProfileFacts
    newest: datetime | None  # None: no changes, or its pages do not read (nothing there can be lost)
    same_key: bool  # its key file holds the backup's data key: the same profile, whatever else reads
    # Its newest sync clock ("" for none, or when its pages do not read): a restore never sets it back.
    clock: str = ""


def current_profile(
    paths: ProfilePaths,
    layout: Layout,
    data_key: bytes,
    user: str,
    passphrase: str | None,
    recovery_code: str | None,
) -> Current | None:
    """The profile in the folder; None when there is none, or nothing can open it (no usable key file)."""
    if not paths.database.is_file():
        return None  # an empty folder, or a key file without its database: nothing there can be lost
    if cipher.is_plain_sqlite(paths.database):
        return _read_if_readable(lambda: _plain_engine(paths.database), same_key=False)
    try:
        keys = KeyStore.load(paths.home)
    except KeyStoreError:
        return None  # its key file is missing or damaged: nothing can open the database
    if hmac.compare_digest(keys.key_id, layout.key_id):
        return _read_if_readable(lambda: cipher.make_encrypted_engine(paths.database, data_key), same_key=True)
    try:
        if recovery_code is not None:
            key = keys.unlock_with_recovery(recovery_code)
        else:
            key = keys.unlock_with_passphrase(user, passphrase or "")
    except (WrongPassphraseError, WrongRecoveryCodeError):
        # Another data key, closed to these credentials: another profile, which cannot be read.
        return Current(UNKNOWN, None, same_key=False)
    return _read_if_readable(lambda: cipher.make_encrypted_engine(paths.database, key), same_key=False)


def _read_if_readable(make: Callable[[], Engine], *, same_key: bool) -> Current:
    """Which profile a database is, its newest change and clock; unknown and None when its pages do not read."""
    unreadable = Current(UNKNOWN, None, same_key=same_key)
    try:
        engine = make()
    except cipher.WrongKeyError:  # the key is the right one (its key id matched): the file is damaged
        return unreadable
    except DatabaseError as exc:
        if is_damage(exc):
            return unreadable
        raise
    try:
        facts = _facts(engine)
        clock = _clock(engine) if facts is not UNKNOWN else ""
        return Current(facts, newest_change(engine), same_key=same_key, clock=clock)
    except DatabaseError as exc:
        if is_damage(exc):
            return unreadable
        raise
    finally:
        engine.dispose()


def _clock(engine: Engine) -> str:
    with engine.connect() as conn:
        return newest_clock(conn)


def _facts(engine: Engine) -> ProfileFacts:
    keys = (META_PROFILE, META_DEVICE, META_COMMUNE, META_COLLABORATOR)
    with engine.connect() as conn:
        tables = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
        if "profile_meta" not in tables:
            return UNKNOWN
        rows = conn.execute(
            text("SELECT key, value FROM profile_meta WHERE key IN (:a, :b, :c, :d)"),
            dict(zip("abcd", keys, strict=True)),
        )
        meta = {str(key): str(value) for key, value in rows}
    # A profile this version has not opened yet has no profile id: its device id is the one it will get.
    return ProfileFacts(
        meta.get(META_PROFILE) or meta.get(META_DEVICE, ""),
        meta.get(META_COMMUNE, ""),
        meta.get(META_COLLABORATOR, ""),
    )


def _plain_engine(path: Path) -> Engine:
    # Read-only, so looking at a plain profile cannot change it (no WAL switch, no journal).
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True), hide_parameters=True
    )
