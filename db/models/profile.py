"""What stays on this device and is never synced row by row: profile facts, users, the audit chain."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.base import NAME_MAX, Base, UTCDateTime, utcnow


class ProfileMeta(Base):
    """Per-profile facts: device id, commune, collaborator name, reference data version."""

    __tablename__ = "profile_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    """A person who logs in on this device. Local to the device: never synced.

    The passphrase is not here: each user has a keyslot (keyslots.json) wrapping the data key.
    `name_key` is the name as keyslots compare it (NFC, trimmed, case-folded).
    """

    __tablename__ = "users"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_key: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    role: Mapped[str] = mapped_column(String(12))  # ctv | officer | hub
    protection: Mapped[bool] = mapped_column(default=False)
    villages: Mapped[list[str]] = mapped_column(JSON, default=list)  # village ids (hex) a CTV keeps
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AuditEvent(Base):
    """One link of the tamper-evident audit chain (architecture.md §5). Written only by db.audit.

    Not synced row by row: the chain travels to the hub as a whole inside bundles, so it carries no
    sync columns. `id` is the chain order; `hash` covers every other column and `prev_hash`.
    """

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user: Mapped[str] = mapped_column(String(NAME_MAX))
    # The writer's directory id (hex with dashes); "" for events written before ids were logged, for
    # system writes and for applied changesets. Hashed only when not empty, so older events still verify.
    user_id: Mapped[str] = mapped_column(String(36), default="")
    device: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    # Canonical JSON text, hashed exactly as stored: a JSON column could re-serialise differently.
    summary: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    # The audit screen filters by user, newest first.
    __table_args__ = (
        Index("ix_audit_events_user_id", "user", "id"),
        Index("ix_audit_events_writer_id", "user_id", "id"),
    )
