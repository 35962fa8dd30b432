"""Live rows: how the services leave out the deleted rows of the synced tables, said once.

Deleting a synced row only stamps its `deleted_at` (db.base.SyncedMixin), so that the deletion can
travel to the hub. Every read of the services asks for live rows by name: `live(Model)` in a `where`
clause, `live_row` or `live_or_none` for one row by id. On purpose not a global ORM filter: the sync
engine has to read the deleted rows too.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import AliasedClass

from db.base import SyncedMixin
from desktop.errors import NotFoundError

Row = TypeVar("Row", bound=SyncedMixin)


def live(model: type[SyncedMixin] | AliasedClass[Any]) -> ColumnElement[bool]:
    """The SQL condition "this row is not deleted", for a `where` clause."""
    return model.deleted_at.is_(None)


def live_or_none(session: Session, model: type[Row], row_id: uuid.UUID) -> Row | None:
    """The row with this id, or None when there is none or it was deleted."""
    row = session.get(model, row_id)
    return row if row is not None and row.deleted_at is None else None


def live_row(session: Session, model: type[Row], row_id: uuid.UUID, message: str, **params: object) -> Row:
    """The row with this id; NotFoundError(message) when there is none or it was deleted.

    `message` is the entity's own "no longer exists" text, marked for translation by the caller.
    """
    row = live_or_none(session, model, row_id)
    if row is None:
        raise NotFoundError(message, **params)
    return row
