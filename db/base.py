"""One declarative base, a naming convention Alembic can rely on, the sync columns and the text sizes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, MetaData, String, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Sizes of the text columns, shared by the models (desktop.services.validation checks input against the same).
NAME_MAX = 100
ADDRESS_MAX = 200
NOTE_MAX = 2000

# A row changed on this device and not yet accepted by the hub (Anki's scheme).
PENDING_USN = -1
# The width of a hybrid logical clock's text (db.hlc).
CLOCK_MAX = 64
# The columns the sync engine keeps: a change to them alone is not a change of the record.
SYNC_COLUMNS = frozenset({"created_at", "updated_at", "usn", "origin", "hlc", "field_clocks"})


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without an offset and gives it back as an aware datetime.

    SQLite has no time zone type; keeping every stamp in UTC makes them comparable across devices.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedMixin:
    """Columns every synced table carries (architecture.md §5). Stamped in one flush hook, see db.session."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    usn: Mapped[int] = mapped_column(Integer, default=PENDING_USN, index=True)
    origin: Mapped[str] = mapped_column(String(36), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # The clock of the row's newest change, and of each field's: {column: [clock, clock it replaced]}, where
    # "" stands for every column the row has not changed since it was made (db.stamps, architecture.md §5).
    hlc: Mapped[str] = mapped_column(String(CLOCK_MAX), default="")
    field_clocks: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
