"""Engine and session set-up: SQLite pragmas in one connect hook, sync stamps in one flush hook."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db.audit import DEVICE_KEY, USER_KEY, record_flush
from db.audit_head import HEAD_KEEPER, HeadKeeper, forget_pending_head, keep_head
from db.base import PENDING_USN, SyncedMixin, utcnow
from db.sealed import CONTENT_CIPHER, ContentCipher, seal_pending

__all__ = ["DEVICE_KEY", "USER_KEY", "make_engine", "make_sessionmaker"]

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's lock; read at each connect


def make_engine(path: Path | str) -> Engine:
    if str(path) != ":memory:":
        create_private(Path(path))
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    engine = create_engine(url, hide_parameters=True)  # error messages would quote the values: people's data
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_private(path: Path) -> None:
    """Make a missing database file empty and readable by its owner only, before SQLite writes a byte.

    SQLite would create it with the process umask (0644 as a rule: any user of a shared PC could copy
    it); its -wal and -shm files take the database file's mode, so they follow."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")  # off by default in SQLite
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL keeps this crash-safe; FULL costs every commit
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cur.close()


def make_sessionmaker(
    engine: Engine,
    device_id: str = "",
    user: str | None = None,
    head_keeper: HeadKeeper | None = None,
    content: ContentCipher | None = None,
) -> sessionmaker[Session]:
    """Sessions stamped with this device; `user` (or later `session.info[USER_KEY]`) names the writer;
    `head_keeper` keeps the audit chain's head outside the database after each commit that appended;
    `content` opens and seals case content, for a user holding the protection key (db.sealed)."""
    info: dict[str, object] = {DEVICE_KEY: device_id}
    if content is not None:
        info[CONTENT_CIPHER] = content
    if user:
        info[USER_KEY] = user
    if head_keeper is not None:
        info[HEAD_KEEPER] = head_keeper
    factory = sessionmaker(engine, expire_on_commit=False, info=info)
    return factory


# Sealed first, so the stamps below see the ciphertext columns as changed.
event.listen(Session, "before_flush", seal_pending)


@event.listens_for(Session, "before_flush")
def _stamp_sync_columns(session: Session, _ctx: Any, _instances: Any) -> None:
    """Every write marks its row pending for the hub and names this device as the last writer."""
    device = session.info.get(DEVICE_KEY, "")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            obj.usn = PENDING_USN
            obj.origin = device
            obj.created_at = obj.created_at or now
            obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, SyncedMixin) and session.is_modified(obj, include_collections=False):
            obj.usn = PENDING_USN
            obj.origin = device
            obj.updated_at = now


# After the stamps above are flushed, so the audit chain sees the final values (db.audit).
event.listen(Session, "after_flush", record_flush)
event.listen(Session, "after_commit", keep_head)
event.listen(Session, "after_rollback", forget_pending_head)
event.listen(Session, "after_soft_rollback", forget_pending_head)
