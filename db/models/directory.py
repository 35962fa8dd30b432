"""The user directory: who the people named by synced rows are, synced so every copy can tell.

A case, a task or a visit names its person by id, never by name: a rename, or two laptops each with a
"Hoa", must not move anything from one person to another once copies are merged. The local `users`
table (db/models/profile.py) stays for logging in; each of its rows has a directory row of the same id,
kept in step by desktop/services/profile/users.py. Passphrases and key slots never come here.
A name that no user of this device carries (an older copy's owner) has a disabled row of its own.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import NAME_MAX, Base, SyncedMixin, UTCDateTime


class DirectoryUser(SyncedMixin, Base):
    __tablename__ = "directory_users"
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    role: Mapped[str] = mapped_column(String(12))  # ctv | officer | hub
    protection: Mapped[bool] = mapped_column(default=False)
    villages: Mapped[list[str]] = mapped_column(JSON, default=list)  # village ids (hex) a CTV keeps
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
