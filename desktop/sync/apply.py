"""Applying a changeset: every row merged field by field (desktop.sync.merge), in one transaction.

The caller's session is in the *apply* mode (db.stamps): rows keep the stamps and clocks they arrive with,
and the audit chain gets one event for the whole changeset. Parents and children may arrive in any order
and refer to each other (a household's head is one of its people): foreign keys are checked when the
transaction commits. Writes are upserts by id; a row already as the changeset has it is not written, so
applying a changeset twice writes nothing the second time.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from db import hlc, search_index
from db.audit import SYNC, USER_KEY, append_event
from db.models.profile import ProfileMeta
from db.models.sync import OPEN, SyncConflict
from db.session import SYNCED_CORE_WRITE
from db.stamps import APPLY, DEVICE_KEY, META_CLOCK, core_stamps, keep_clock, mode, note_new
from desktop.sync.changeset import Changeset, ChangesetError, RowChange
from desktop.sync.codec import CodecError
from desktop.sync.extract import business, codec, synced_tables
from desktop.sync.groups import units
from desktop.sync.merge import Collision, Side, merge_row

ACTOR_PREFIX = "sync:"
_CONFLICTS = cast(Table, SyncConflict.__table__)
_META = cast(Table, ProfileMeta.__table__)
_CHUNK = 500  # ids per look-up: below SQLite's limit of bound parameters
_WRITE_CHUNK = 5000  # rows merged and written at a time
BULK_INDEX_ROWS = 2000  # people and households in one changeset from which search is indexed once
_WRITE = {SYNCED_CORE_WRITE: True}


@dataclass
class ApplyReport:
    changeset: str
    applied: int = 0  # rows written: new here, or changed by the merge
    unchanged: int = 0  # rows this copy already had as they are
    conflicted: int = 0  # rows where a merge set a value aside
    conflicts_recorded: int = 0  # conflict records new on this copy
    by_table: dict[str, int] = field(default_factory=dict)  # rows written per table
    review_items: int = 0  # review items the merge made necessary, new on this copy (desktop.services.review)
    # (code table, code) pairs the rows use that this copy does not know: applied all the same, and listed
    # (desktop.services.changesets) so the user can ask the upper level for the newer code tables
    unknown_codes: list[tuple[str, str]] = field(default_factory=list)


def apply(session: Session, changeset: Changeset, now_ms: int | None = None) -> ApplyReport:
    if mode(session) != APPLY:
        raise RuntimeError("a changeset is applied by a session in the apply mode")
    now = hlc.wall_ms() if now_ms is None else now_ms
    grouped = _by_table(changeset.rows)
    _defer_foreign_keys(session)
    report = ApplyReport(changeset.id)
    collisions: list[tuple[str, str, Collision]] = []
    with _indexing(session, grouped):
        for table in synced_tables():
            if table.name in grouped:
                _apply_table(session, table, grouped[table.name], now, report, collisions)
    report.conflicts_recorded = _record(session, collisions)
    _observe(session, changeset.rows, now)
    if report.applied or report.conflicts_recorded:
        _audit(session, changeset, report)
    return report


def _defer_foreign_keys(session: Session) -> None:
    """Foreign keys checked at the commit, so rows may come in any order and refer to each other.

    The driver opens a transaction only before its first write, and SQLite resets this pragma at the end of
    every transaction: a savepoint opens the transaction first (the commit ends both)."""
    conn = session.connection()
    conn.exec_driver_sql("SAVEPOINT apply_changeset")
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")


def _indexing(session: Session, grouped: dict[str, list[RowChange]]) -> AbstractContextManager[None]:
    """A changeset that brings much of the register (a new laptop's first sync) is indexed for search once at
    the end, not row by row; a small one keeps the triggers, since rebuilding costs the whole index."""
    incoming = sum(len(grouped.get(name, ())) for name in search_index.INDEXED_TABLES)
    if incoming < BULK_INDEX_ROWS:
        return nullcontext()
    existing = session.connection().execute(select(func.count()).select_from(text(search_index.ENTRIES))).scalar_one()
    return search_index.deferred(session) if incoming * 2 > existing else nullcontext()


def _by_table(rows: Iterable[RowChange]) -> dict[str, list[RowChange]]:
    known = {table.name: table for table in synced_tables()}
    grouped: dict[str, list[RowChange]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for row in rows:
        table = known.get(row.table)
        if table is None:
            raise ChangesetError("a row of a table this version does not sync")
        if set(row.values) != set(business(table)):
            raise ChangesetError("a row whose columns differ from this version's")
        if (row.table, row.id) in seen:
            raise ChangesetError("a row twice in one changeset")
        seen.add((row.table, row.id))
        grouped[row.table].append(row)
    return grouped


def _apply_table(
    session: Session,
    table: Table,
    rows: list[RowChange],
    now: int,
    report: ApplyReport,
    collisions: list[tuple[str, str, Collision]],
) -> None:
    try:
        ids = {row.id: uuid.UUID(row.id) for row in rows}
    except ValueError as exc:
        raise ChangesetError("a row id is not a UUID") from exc
    clocks_here = _clocks(session, table, list(ids.values()))
    todo = [row for row in rows if clocks_here.get(ids[row.id].hex) != json.dumps(row.field_clocks)]
    report.unchanged += len(rows) - len(todo)
    for start in range(0, len(todo), _WRITE_CHUNK):  # a bounded part at a time: memory stays flat
        _apply_rows(session, table, todo[start : start + _WRITE_CHUNK], ids, now, report, collisions)


def _apply_rows(
    session: Session,
    table: Table,
    rows: list[RowChange],
    ids: dict[str, uuid.UUID],
    now: int,
    report: ApplyReport,
    collisions: list[tuple[str, str, Collision]],
) -> None:
    cod, merge_units = codec(table), units(table.name, business(table))
    collide = table.name != _CONFLICTS.name  # a choice about a conflict simply takes the newest
    here = _local(session, table, [ids[row.id] for row in rows])
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in rows:
        local = here.get(row.id)
        mine = local.side if local is not None else None
        merged = merge_row(merge_units, mine, Side(row.values, row.field_clocks), now, collide=collide)
        if merged.collisions:  # also when this copy's values all stay: the other copy's are set aside
            report.conflicted += 1
            collisions.extend((table.name, row.id, collision) for collision in merged.collisions)
        if not merged.changed:
            report.unchanged += 1
            continue
        stamps = _incoming_stamps(row) if local is None or merged.all_incoming else _mixed_stamps(local, row)
        try:
            record = cod.decode({"id": row.id, **merged.values, **stamps["encoded"]})
        except (CodecError, ValueError) as exc:
            raise ChangesetError("a value its column cannot hold") from exc
        record.update(stamps["plain"], field_clocks=row.field_clocks if merged.all_incoming else merged.clocks)
        (inserts if local is None else updates).append(record)
    _write(session, table, inserts, updates)
    report.applied += len(inserts) + len(updates)
    if inserts or updates:
        report.by_table[table.name] = report.by_table.get(table.name, 0) + len(inserts) + len(updates)


def _clocks(session: Session, table: Table, ids: list[uuid.UUID]) -> dict[str, str]:
    """The field clocks this copy holds for the rows, as stored (JSON text) by the id's hex: a row whose clocks
    are the incoming ones already has every change the incoming version carries, and is not merged again (a
    changeset applied twice). Text that differs only in its key order is merged again: slower, never wrong."""
    found: dict[str, str] = {}
    conn = session.connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = [row_id.hex for row_id in ids[start : start + _CHUNK]]
        marks = ", ".join("?" * len(chunk))
        query = f"SELECT id, field_clocks FROM {table.name} WHERE id IN ({marks})"  # names from the models only
        found.update(conn.exec_driver_sql(query, tuple(chunk)).all())
    return found


@dataclass(frozen=True)
class _Here:
    """This copy's version of a row: its values and clocks for the merge, its stamps if it stays its own."""

    side: Side
    stamps: dict[str, Any]


def _local(session: Session, table: Table, ids: list[uuid.UUID]) -> dict[str, _Here]:
    """This copy's version of the rows a changeset brings, keyed by the id's text."""
    cod, columns = codec(table), business(table)
    found: dict[str, _Here] = {}
    for start in range(0, len(ids), _CHUNK):
        query = select(table).where(table.c.id.in_(ids[start : start + _CHUNK]))
        for row in session.connection().execute(query).mappings():
            encoded = cod.encode(dict(row))
            side = Side({name: encoded[name] for name in columns}, row["field_clocks"] or {})
            found[encoded["id"]] = _Here(
                side, {key: encoded[key] for key in ("usn", "origin", "hlc", "created_at", "updated_at")}
            )
    return found


def _incoming_stamps(row: RowChange) -> dict[str, dict[str, Any]]:
    return {
        "encoded": {"created_at": row.created_at, "updated_at": row.updated_at},
        "plain": {"usn": row.usn, "origin": row.origin, "hlc": row.hlc},
    }


def _mixed_stamps(local: _Here, row: RowChange) -> dict[str, dict[str, Any]]:
    """Some of the row stays as this copy had it: it stays this copy's, pending if it was."""
    mine = local.stamps
    return {
        "encoded": {"created_at": mine["created_at"], "updated_at": max(mine["updated_at"], row.updated_at)},
        "plain": {"usn": mine["usn"], "origin": mine["origin"], "hlc": max(mine["hlc"], row.hlc)},
    }


def _write(session: Session, table: Table, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]) -> None:
    if inserts:
        session.execute(insert(table).execution_options(**_WRITE), inserts)
    if updates:
        names = [column.name for column in table.columns if column.name != "id"]
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({name: bindparam(f"b_{name}") for name in names})
            .execution_options(**_WRITE)
        )
        session.execute(statement, [{f"b_{key}": value for key, value in row.items()} for row in updates])


def _record(session: Session, collisions: list[tuple[str, str, Collision]]) -> int:
    """Conflict records this copy lacks; the same collision met on several copies is one record."""
    wanted: dict[uuid.UUID, tuple[str, str, Collision]] = {}
    for table, row_id, collision in collisions:
        wanted.setdefault(collision.conflict_id(table, row_id), (table, row_id, collision))
    if not wanted:
        return 0
    known = set(
        session.connection().execute(select(_CONFLICTS.c.id).where(_CONFLICTS.c.id.in_(list(wanted)))).scalars()
    )
    new = {key: value for key, value in wanted.items() if key not in known}
    if not new:
        return 0
    stamps = core_stamps(session, str(session.info.get(DEVICE_KEY, "")))  # this copy's own new rows
    rows = [_conflict_row(key, table, row_id, collision) | stamps for key, (table, row_id, collision) in new.items()]
    session.execute(insert(_CONFLICTS).execution_options(**_WRITE), rows)
    note_new(session, _CONFLICTS.name, list(new), stamps["hlc"])
    return len(new)


def _conflict_row(key: uuid.UUID, table: str, row_id: str, collision: Collision) -> dict[str, Any]:
    return {
        "id": key,
        "table_name": table,
        "row_id": uuid.UUID(row_id),
        "field": collision.field,
        "reason": collision.reason,
        "kept_value": _json(collision.kept_value),
        "kept_clock": collision.kept_clock,
        "other_value": _json(collision.other_value),
        "other_clock": collision.other_clock,
        "state": OPEN,
    }


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _observe(session: Session, rows: Iterable[RowChange], now: int) -> None:
    """The clock moves past every clock received, but not to one from a laptop with a wrong date; it is
    written only when it moves, so a changeset applied twice writes nothing."""
    limit = hlc.ahead_limit(now)
    newest = max((row.hlc for row in rows if row.hlc[: hlc.MS_WIDTH] <= limit), default="")
    last = session.connection().execute(select(_META.c.value).where(_META.c.key == META_CLOCK)).scalar() or ""
    if newest > last:
        keep_clock(session, newest)


def _audit(session: Session, changeset: Changeset, report: ApplyReport) -> None:
    summary: dict[str, object] = {
        "changeset": changeset.id,
        "sender": changeset.sender,
        "sha256": changeset.sha256(),
        "applied": report.applied,
        "unchanged": report.unchanged,
        "conflicted": report.conflicted,
    }
    summary.update({f"rows.{table}": count for table, count in sorted(report.by_table.items())})
    actor = session.info.get(USER_KEY)
    session.info[USER_KEY] = ACTOR_PREFIX + changeset.sender
    try:
        append_event(session, action=SYNC, table="changesets", record_id=changeset.id, summary=summary)
    finally:
        if actor is None:
            session.info.pop(USER_KEY, None)
        else:
            session.info[USER_KEY] = actor
