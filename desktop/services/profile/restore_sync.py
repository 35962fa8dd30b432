"""What a backup says about sync, and what a restore leaves for the next sync to know.

A restore puts the profile back to an older state: rows the upper level already has may be pending
again, the profile's clocks go back, and the changes made after the backup are gone from this laptop
(another copy may still have them). The merge takes all that in its stride (ids and clocks make it
idempotent), but two things must not be left to chance. The profile's newest clock never goes back, so
an edit made after the restore sorts after everything the laptop ever sent. And the collaborator is
told to sync with the upper level before sending new work, until the sync transport says it has
(`clear_sync_needed`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, func, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db import cipher
from db.base import PENDING_USN
from db.models.profile import ProfileMeta
from db.stamps import META_CLOCK
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.profile.handle import Profile
from desktop.sync.extract import synced_tables

_META = cast(Table, ProfileMeta.__table__)
META_SYNC_AFTER_RESTORE = "sync_after_restore"  # profile_meta: when a backup was restored (UTC, ISO 8601)
MANIFEST_KEY = "sync"  # the backup manifest's object holding a `SyncState`
SYNC_NEEDED_NOTICE = QT_TRANSLATE_NOOP(
    "Backup", "A backup was restored. Sync with the upper level before sending new work."
)


@dataclass(frozen=True, slots=True)
class SyncState:
    """A profile's sync state at one moment: what a backup records about the copy it holds."""

    clock: str  # the newest clock the profile gave or received ("" when it has none)
    pending: int  # rows changed here that the upper level has not acknowledged (usn = -1)
    highest_usn: int | None  # the highest usn over the synced tables; None when they hold no row

    def manifest(self) -> dict[str, object]:
        return {"clock": self.clock, "pending": self.pending, "highest_usn": self.highest_usn}

    @classmethod
    def from_manifest(cls, doc: Mapping[str, Any]) -> SyncState | None:
        """The state a manifest records; None for a backup made before backups recorded it.

        `TypeError` or `KeyError` when the object is there but malformed (a damaged manifest)."""
        found = doc.get(MANIFEST_KEY)
        if found is None:
            return None
        clock, pending, highest = found["clock"], found["pending"], found["highest_usn"]
        if not isinstance(clock, str) or not _count(pending) or not (highest is None or _count(highest, -1)):
            raise TypeError("sync state")
        return cls(clock, pending, highest)


def _count(value: object, least: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def sync_state(engine: Engine) -> SyncState:
    """The sync state of the database behind `engine` (a backup's copy): read only."""
    with engine.connect() as conn:
        present = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
        pending, highest = 0, None
        for table in synced_tables():
            if table.name not in present:
                continue
            count, top = conn.execute(
                select(func.count().filter(table.c.usn == PENDING_USN), func.max(table.c.usn))
            ).one()
            pending += count or 0
            if top is not None:
                highest = top if highest is None else max(highest, top)
        clock = newest_clock(conn) if _META.name in present else ""
    return SyncState(clock, pending, highest)


def newest_clock(conn: Connection) -> str:
    return str(conn.execute(select(_META.c.value).where(_META.c.key == META_CLOCK)).scalar() or "")


def mark_restored(database: Path, data_key: bytes, clock_before: str, now: datetime) -> None:
    """Mark a restored database (not yet in place): a sync is needed, and its newest clock is at least
    `clock_before`, the newest clock of the profile it replaces.

    Clocks are text that sorts in time order (db.hlc), so the later of the two is the greater.
    """
    engine = cipher.make_encrypted_engine(database, data_key)
    try:
        with engine.begin() as conn:
            restored = newest_clock(conn)
            if clock_before > restored:
                _put(conn, META_CLOCK, clock_before)
            _put(conn, META_SYNC_AFTER_RESTORE, now.astimezone(UTC).isoformat())
    finally:
        engine.dispose()  # the last connection closes: the write-ahead log is folded into the file


def _put(conn: Connection, key: str, value: str) -> None:
    upsert = sqlite_insert(_META).values(key=key, value=value)
    conn.execute(upsert.on_conflict_do_update(index_elements=[_META.c.key], set_={"value": value}))


def sync_needed_after_restore(profile: Profile) -> bool:
    """True from a restore until the upper level and this laptop have exchanged changes."""
    with profile.sessions() as session:
        found = session.scalar(select(_META.c.value).where(_META.c.key == META_SYNC_AFTER_RESTORE))
    return found is not None


def clear_sync_needed(profile: Profile) -> None:
    """For the sync transport, after a successful exchange with the upper level."""
    with profile.sessions.begin() as session:
        session.execute(delete(_META).where(_META.c.key == META_SYNC_AFTER_RESTORE))
