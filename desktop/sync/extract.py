"""What a copy sends: every pending row of every synced table, parents before children (a read only)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from functools import cache
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from db.base import PENDING_USN, SYNC_COLUMNS
from db.models.profile import ProfileMeta
from db.models.sync import WHOLE_ROW, SyncChange
from db.models.synced import SYNCED_MODELS
from db.stamps import META_CLOCK
from desktop.sync.changeset import Changeset, RowChange
from desktop.sync.codec import TableCodec, raw_encoder

_CHANGES = cast(Table, SyncChange.__table__)
_META = cast(Table, ProfileMeta.__table__)
STAMPS = ("created_at", "updated_at")


def synced_tables() -> tuple[Table, ...]:
    return tuple(cast(Table, model.__table__) for model in SYNCED_MODELS)  # type: ignore[attr-defined]


@cache
def codec(table: Table) -> TableCodec:
    return TableCodec(table)


@cache
def business(table: Table) -> tuple[str, ...]:
    """The columns a changeset's `values` hold: all but the id and the sync columns."""
    return tuple(column.name for column in table.columns if column.name != "id" and column.name not in SYNC_COLUMNS)


def extract(conn: Connection, sender: str, schema: str) -> Changeset:
    made_at = conn.execute(select(_META.c.value).where(_META.c.key == META_CLOCK)).scalar() or ""
    rows: list[RowChange] = []
    for table in synced_tables():
        changed = _changed_fields(conn, table)
        names = [column.name for column in table.columns]
        encoders = [raw_encoder(column) for column in table.columns]
        at_id = names.index("id")
        # The driver's values, not SQLAlchemy's objects: every pending row is read (codec.raw_encoder).
        quoted = ", ".join(f'"{name}"' for name in names)
        query = f"SELECT {quoted} FROM {table.name} WHERE usn = ?"
        for stored in conn.exec_driver_sql(query, (PENDING_USN,)):
            encoded = {
                name: None if v is None else enc(v) for name, enc, v in zip(names, encoders, stored, strict=True)
            }
            rows.append(row_change(table, encoded, changed.get(str(stored[at_id]), {})))
    return Changeset(id=str(uuid.uuid4()), sender=sender, made_at=str(made_at), schema=schema, rows=tuple(rows))


def row_change(table: Table, encoded: dict[str, Any], changed: dict[str, str]) -> RowChange:
    """One row as a changeset carries it, from its values already encoded (codec)."""
    columns = business(table)
    if WHOLE_ROW in changed:  # made here since the last acknowledgement: every field is this device's change
        made = changed.pop(WHOLE_ROW)
        changed = {column: changed.get(column, made) for column in columns}
    return RowChange(
        table=table.name,
        id=encoded["id"],
        values={column: encoded[column] for column in columns},
        hlc=encoded["hlc"],
        field_clocks=encoded["field_clocks"] or {},
        changed_fields=changed,
        usn=encoded["usn"],
        origin=encoded["origin"],
        created_at=encoded["created_at"],
        updated_at=encoded["updated_at"],
    )


def _changed_fields(conn: Connection, table: Table) -> dict[str, dict[str, str]]:
    """This device's changes not yet acknowledged, by the row id as stored."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    query = "SELECT row_id, field, hlc FROM sync_changes WHERE table_name = ?"
    for row_id, name, clock in conn.exec_driver_sql(query, (table.name,)):
        found[str(row_id)][name] = clock
    return found
