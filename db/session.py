"""Engine and session set-up: SQLite pragmas in one connect hook; sync stamps, sealing and the audit chain in
the flush hooks of `ProfileSession`, the class of a profile's own session factory.

The hooks belong to that class, not to SQLAlchemy's `Session`: a session made anywhere else in the process
(reading a backup's copy, a test's own) writes exactly what it is given. On a profile's sessions, synced rows
are never deleted for real (a soft delete is the tombstone the hub needs) and are written by Core statements
only where the rows are stamped by hand and the caller says so with `SYNCED_CORE_WRITE` (the demo builder,
sealing the content of an older profile).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from db.audit import DEVICE_KEY, IDENTITY_KEY, USER_KEY, record_flush
from db.audit_head import HEAD_KEEPER, HeadKeeper, forget_pending_head, keep_head
from db.base import SyncedMixin
from db.models.synced import SYNCED_MODELS
from db.sealed import CONTENT_CIPHER, ContentCipher, seal_pending
from db.stamps import stamp_flush

__all__ = [
    "DEVICE_KEY",
    "IDENTITY_KEY",
    "SYNCED_CORE_WRITE",
    "USER_KEY",
    "ProfileSession",
    "make_engine",
    "make_sessionmaker",
]

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's lock; read at each connect
# The execution option a Core INSERT, UPDATE or DELETE of a synced table must carry on a profile's session:
# its caller stamps the rows itself and says so (`stmt.execution_options(synced_core_write=True)`).
SYNCED_CORE_WRITE = "synced_core_write"


SYNCED_TABLES = frozenset(str(model.__table__.name) for model in SYNCED_MODELS)  # type: ignore[attr-defined]


class SyncedWriteRefusedError(RuntimeError):
    """A write that would skip the sync stamps or lose a tombstone: a programming error, never the user's."""


class ProfileSession(Session):
    """A session of a profile's own factory (`make_sessionmaker`): the only kind the hooks below act on."""


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
    user_id: str = "",
) -> sessionmaker[Session]:
    """Sessions stamped with this device; `user` (or later `session.info[USER_KEY]`) names the writer and
    `user_id` is that user's directory id, logged with their events;
    `head_keeper` keeps the audit chain's head outside the database after each commit that appended;
    `content` opens and seals case content, for a user holding the protection key (db.sealed)."""
    info: dict[str, object] = {DEVICE_KEY: device_id}
    if content is not None:
        info[CONTENT_CIPHER] = content
    if user:
        info[USER_KEY] = user
        if user_id:
            info[IDENTITY_KEY] = (user, user_id)
    if head_keeper is not None:
        info[HEAD_KEEPER] = head_keeper
    # Typed as a factory of plain sessions: callers need nothing of ProfileSession but its hooks.
    made = sessionmaker(engine, class_=ProfileSession, expire_on_commit=False, info=info)
    factory = cast("sessionmaker[Session]", made)
    return factory


def _refuse_hard_deletes(session: Session, _ctx: Any, _instances: Any) -> None:
    """A synced row is deleted by setting `deleted_at`: the row is the tombstone another copy needs."""
    removed = sorted({type(obj).__name__ for obj in session.deleted if isinstance(obj, SyncedMixin)})
    if removed:
        raise SyncedWriteRefusedError(f"synced rows are soft-deleted (deleted_at), never deleted: {', '.join(removed)}")


def _refuse_unstamped_core_writes(state: ORMExecuteState) -> None:
    """A Core INSERT, UPDATE or DELETE of a synced table bypasses the stamps and the audit chain."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in SYNCED_TABLES and not state.execution_options.get(SYNCED_CORE_WRITE):
        raise SyncedWriteRefusedError(f"a Core write of the synced table {table.name} must stamp its rows")  # type: ignore[union-attr]


# Refusals first; then sealing, so the stamps see the ciphertext columns as changed; the audit chain after the
# stamps are flushed, so it sees the final values (db.audit).
event.listen(ProfileSession, "before_flush", _refuse_hard_deletes)
event.listen(ProfileSession, "before_flush", seal_pending)
event.listen(ProfileSession, "before_flush", stamp_flush)
event.listen(ProfileSession, "do_orm_execute", _refuse_unstamped_core_writes)
event.listen(ProfileSession, "after_flush", record_flush)
event.listen(ProfileSession, "after_commit", keep_head)
event.listen(ProfileSession, "after_rollback", forget_pending_head)
event.listen(ProfileSession, "after_soft_rollback", forget_pending_head)
