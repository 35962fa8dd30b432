"""The sync stamps of a profile's writes, by mode (architecture.md §5).

- *local* (the default): a user's edit. The row becomes pending (`usn` −1), names this device as its last
  writer, gets a new clock, and each changed column gets that clock in `field_clocks` with the clock of the
  value it replaced; `sync_changes` lists the change until the upper level acknowledges it.
- *apply*: rows taken from another copy. The sync engine writes their stamps itself, exactly as received;
  the flush hooks stamp nothing and the audit chain gets one event per changeset, not one per row.
- *acknowledge*: the upper level has a row; only its `usn` changes, and no audit event is written.

A change of the sync columns alone is no change of the record: it neither stamps nor enters the audit chain.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy import Column, Table, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm import attributes as orm_attributes
from sqlalchemy.sql import ColumnElement

from db import hlc
from db.base import PENDING_USN, SYNC_COLUMNS, SyncedMixin, utcnow
from db.models.profile import ProfileMeta
from db.models.sync import WHOLE_ROW, SyncChange

MODE_KEY = "sync_mode"
LOCAL, APPLY, ACKNOWLEDGE = "local", "apply", "acknowledge"
MODES = frozenset({LOCAL, APPLY, ACKNOWLEDGE})
DEVICE_KEY = "device_id"  # the same key db.audit reads
META_CLOCK = "hlc"  # profile_meta: the newest clock this profile gave or received

_META = cast(Table, ProfileMeta.__table__)
_CHANGES = cast(Table, SyncChange.__table__)
_UPSERT_CHANGE = sqlite_insert(_CHANGES)
_UPSERT_CHANGE = _UPSERT_CHANGE.on_conflict_do_update(
    index_elements=[_CHANGES.c.table_name, _CHANGES.c.row_id, _CHANGES.c.field],
    set_={"hlc": _UPSERT_CHANGE.excluded.hlc},
)


def mode(session: Session) -> str:
    return str(session.info.get(MODE_KEY, LOCAL))


def business_columns(cls: type) -> dict[str, str]:
    """{attribute: column name} of a synced model's columns the user's data lives in (not the sync ones).

    The names differ for sealed case content: the attribute `sealed_kind` holds the column `kind`."""
    if cls not in _BUSINESS:
        mapper = cast(Mapper[Any], cls.__mapper__)  # type: ignore[attr-defined]
        found: dict[str, str] = {}
        for prop in mapper.column_attrs:
            name = cast(Column[Any], prop.columns[0]).name
            if name not in SYNC_COLUMNS and name != "id":
                found[prop.key] = name
        _BUSINESS[cls] = found
    return _BUSINESS[cls]


_BUSINESS: dict[type, dict[str, str]] = {}


def changed_columns(obj: SyncedMixin) -> list[str]:
    """The column names of `obj` whose value this flush changes (the sync columns do not count)."""
    state = orm_attributes.instance_state(obj)
    changed = []
    for key, column in business_columns(type(obj)).items():
        history = state.attrs[key].history
        if history.added and (not history.deleted or history.added[0] != history.deleted[0]):
            changed.append(column)
    return changed


def stamp_flush(session: Session, _ctx: Any = None, _instances: Any = None) -> None:
    """before_flush hook: a local edit's stamps and clocks (nothing in the other modes)."""
    if mode(session) != LOCAL:
        return
    new = [obj for obj in session.new if isinstance(obj, SyncedMixin)]
    dirty = [
        (obj, columns) for obj in session.dirty if isinstance(obj, SyncedMixin) and (columns := changed_columns(obj))
    ]
    if not new and not dirty:
        return
    device = str(session.info.get(DEVICE_KEY, ""))
    clock = next_clock(session, device)
    now = utcnow()
    changes: list[dict[str, Any]] = []
    for obj in new:
        obj.id = obj.id or uuid.uuid4()  # the column default comes too late: sync_changes names the row now
        obj.usn, obj.origin, obj.hlc = PENDING_USN, device, clock
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.field_clocks = {WHOLE_ROW: [clock, ""]}
        changes.append(_change(obj, WHOLE_ROW, clock))
    for obj, columns in dirty:
        obj.usn, obj.origin, obj.hlc, obj.updated_at = PENDING_USN, device, clock, now
        clocks = dict(obj.field_clocks or {})
        for column in columns:
            clocks[column] = [clock, field_clock(clocks, column)]
            changes.append(_change(obj, column, clock))
        obj.field_clocks = clocks
    session.connection().execute(_UPSERT_CHANGE, changes)


def field_clock(clocks: dict[str, list[str]], column: str) -> str:
    """The clock of a column's value: its own change, or the row's creation."""
    entry = clocks.get(column) or clocks.get(WHOLE_ROW)
    return entry[0] if entry else ""


def _change(obj: SyncedMixin, field: str, clock: str) -> dict[str, Any]:
    return {"table_name": str(type(obj).__tablename__), "row_id": obj.id, "field": field, "hlc": clock}  # type: ignore[attr-defined]


def next_clock(session: Session, device: str) -> str:
    """A new clock for this device, after every clock the profile gave or received; kept in the same
    transaction as the change it stamps."""
    conn = session.connection()
    last = conn.execute(select(_META.c.value).where(_META.c.key == META_CLOCK)).scalar() or ""
    clock = hlc.tick(str(last), device, hlc.wall_ms())
    keep_clock(session, clock)
    return clock


def keep_clock(session: Session, clock: str) -> None:
    upsert = sqlite_insert(_META).values(key=META_CLOCK, value=clock)
    session.connection().execute(
        upsert.on_conflict_do_update(index_elements=[_META.c.key], set_={"value": _newer(upsert.excluded.value)})
    )


def _newer(received: ColumnElement[Any]) -> ColumnElement[Any]:
    """SQL for the newer of the stored clock and `received`: clocks sort as text."""
    return func.max(_META.c.value, received)


def core_stamps(session: Session, device: str) -> dict[str, Any]:
    """The sync columns for rows a Core INSERT makes as one local change (the demo builder): what the flush
    hook gives a new row. List the rows with `note_new` in the same transaction."""
    clock, now = next_clock(session, device), utcnow()
    return {
        "created_at": now,
        "updated_at": now,
        "usn": PENDING_USN,
        "origin": device,
        "deleted_at": None,
        "hlc": clock,
        "field_clocks": {WHOLE_ROW: [clock, ""]},
    }


def note_new(session: Session, table: str, ids: list[uuid.UUID], clock: str) -> None:
    """Rows made here by a Core INSERT, pending for the upper level as a whole."""
    if ids:
        rows = [{"table_name": table, "row_id": row_id, "field": WHOLE_ROW, "hlc": clock} for row_id in ids]
        session.connection().execute(_UPSERT_CHANGE, rows)
