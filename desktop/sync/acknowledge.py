"""Acknowledging a changeset: the upper level has its rows, so they are no longer pending here.

A row is acknowledged only if it is still as the changeset carried it (same clock): a row edited since stays
pending, and so do the changes listed after the carried clock. Written in the *acknowledge* mode (db.stamps):
only `usn` changes, and the audit chain is not written to.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import cast

from sqlalchemy import Table, and_, bindparam, delete, update
from sqlalchemy.orm import Session

from db.base import PENDING_USN
from db.models.sync import SyncChange
from db.session import SYNCED_CORE_WRITE
from db.stamps import ACKNOWLEDGE, mode
from desktop.sync.changeset import Changeset, ChangesetError
from desktop.sync.extract import synced_tables

_CHANGES = cast(Table, SyncChange.__table__)


def acknowledge(session: Session, changeset: Changeset, usn: int) -> int:
    """Give the rows `changeset` carried the upper level's `usn`; returns how many were still as carried."""
    if mode(session) != ACKNOWLEDGE:
        raise RuntimeError("a changeset is acknowledged by a session in the acknowledge mode")
    if usn < 0:
        raise ValueError("the upper level's usn is not negative")
    tables = {table.name: table for table in synced_tables()}
    carried: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in changeset.rows:
        if row.table not in tables:
            raise ChangesetError("a row of a table this version does not sync")
        carried[row.table].append({"b_id": uuid.UUID(row.id), "b_hlc": row.hlc})
    done = 0
    for name, rows in carried.items():
        done += _acknowledge_table(session, tables[name], rows, usn)
    return done


def _acknowledge_table(session: Session, table: Table, rows: list[dict[str, object]], usn: int) -> int:
    still = (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.hlc == bindparam("b_hlc"), table.c.usn == PENDING_USN)
        .values(usn=usn)
        .execution_options(**{SYNCED_CORE_WRITE: True})
    )
    done = session.execute(still, rows).rowcount  # type: ignore[attr-defined]
    forget = delete(_CHANGES).where(
        and_(
            _CHANGES.c.table_name == table.name,
            _CHANGES.c.row_id == bindparam("b_id"),
            _CHANGES.c.hlc <= bindparam("b_hlc"),
        )
    )
    session.connection().execute(forget, rows)
    return int(done or 0)
