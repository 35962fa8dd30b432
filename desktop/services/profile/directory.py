"""The user directory (db/models/directory.py): who the ids on cases, tasks and visits are.

Kept in step with the local users in the same transaction as their change (users.py, opening.py); read
here to show a name for an id, and to turn a name typed at the command line into an id.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.directory import DirectoryUser
from db.models.profile import User
from desktop.errors import NotFoundError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security.keyslot import user_key


def mirror(session: Session, user: User) -> DirectoryUser:
    """The directory row of `user` made to say what the local row says (created the first time)."""
    row = session.get(DirectoryUser, user.id)
    if row is None:
        row = DirectoryUser(id=user.id)
        session.add(row)
    if (row.name, row.role, row.protection, row.villages, row.disabled_at) != (
        user.name,
        user.role,
        user.protection,
        list(user.villages),
        user.disabled_at,
    ):
        row.name, row.role, row.protection = user.name, user.role, user.protection
        row.villages, row.disabled_at = list(user.villages), user.disabled_at
    return row


def names(session: Session, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """The names of the directory rows of `ids`; an id the directory does not know is left out."""
    wanted = {found for found in ids if found is not None}
    if not wanted:
        return {}
    rows = session.execute(select(DirectoryUser.id, DirectoryUser.name).where(DirectoryUser.id.in_(wanted)))
    return {row_id: name for row_id, name in rows}


def name_of(session: Session, user_id: uuid.UUID | None) -> str:
    return names(session, [user_id]).get(user_id, "") if user_id is not None else ""


def id_of(session: Session, name: str) -> uuid.UUID:
    """The id of the person called `name`, compared as at login (NFC, trimmed, case-folded).

    A user of this device wins over a directory row of the same name learnt from elsewhere; among the
    others, one still active wins over a disabled one."""
    key = user_key(name)
    local = session.scalar(select(User.id).where(User.name_key == key))
    if local is not None:
        return local
    rows = session.scalars(select(DirectoryUser).where(DirectoryUser.deleted_at.is_(None))).all()
    found = sorted((row for row in rows if user_key(row.name) == key), key=lambda row: row.disabled_at is not None)
    if not found:
        raise NotFoundError(QT_TRANSLATE_NOOP("Access", "There is no user called {name}."), name=name)
    return found[0].id
