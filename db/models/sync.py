"""The sync engine's own tables: the fields changed on this device, and the conflicts merges kept.

`sync_changes` is local: it lists what this device changed since the upper level last acknowledged it, with
the clock of each change (db.stamps writes it). `sync_conflicts` is synced: a value a merge set aside is
known on every copy, and the choice a user makes about it travels like any other edit.
"""

from __future__ import annotations

import uuid

from sqlalchemy import String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CLOCK_MAX, Base, SyncedMixin

# The field name a row's creation is listed under in sync_changes: every column at once.
WHOLE_ROW = ""
# Why a merge kept a value aside.
CONCURRENT = "concurrent"  # the same field changed on two copies before they agreed
AHEAD = "ahead"  # a change stamped more than a day ahead of the receiver: a wrong date, never a silent winner
DELETED = "deleted"  # a record deleted on one copy and edited on another
OPEN, KEPT, RESTORED = "open", "kept", "restored"  # states of a conflict


class SyncChange(Base):
    """A field this device changed since its last acknowledgement, with the clock of the change."""

    __tablename__ = "sync_changes"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(CLOCK_MAX))


class SyncConflict(SyncedMixin, Base):
    """A value a merge set aside, beside the one it kept. Its id is derived from what collided, so copies
    that meet the same collision make one record."""

    __tablename__ = "sync_conflicts"
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    field: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(12))
    kept_value: Mapped[str] = mapped_column(Text)  # the value's JSON as a changeset carries it
    kept_clock: Mapped[str] = mapped_column(String(CLOCK_MAX))
    other_value: Mapped[str] = mapped_column(Text)
    other_clock: Mapped[str] = mapped_column(String(CLOCK_MAX))
    state: Mapped[str] = mapped_column(String(10), default=OPEN)
