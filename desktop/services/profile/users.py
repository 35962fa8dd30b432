"""The users of a shared device: list, add, change, remove. Only a commune officer manages them.

A user is a row in the encrypted database (role, villages, protection permission) plus a keyslot
holding the data key under their passphrase, and the protection key when they hold the permission
(protection.py). Both change together: the key file is written inside the database transaction, so a
failure of either leaves neither. Granting the permission wraps the protection key under the user's own
passphrase, so they type it at the officer's side; only an officer holding the permission can grant it.
A user who forgot their passphrase gets a new one from an officer (`set_passphrase`); the recovery code
is an officer's own (recovery.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import append_event
from db.base import utcnow
from db.models.profile import User
from db.models.register import Village
from desktop.errors import FieldProblem, NotFoundError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security import keyslot
from desktop.security.keystore import KeyStore
from desktop.services.profile import directory
from desktop.services.profile import protection as protection_key
from desktop.services.profile.access import Role, require_manager
from desktop.services.profile.handle import Profile
from desktop.services.profile.recovery import BY_OFFICER, RESET_FIELD, USERS_TABLE
from desktop.services.validation import name_problems, raise_if


@dataclass(frozen=True, slots=True)
class UserDTO:
    id: uuid.UUID
    name: str
    role: Role
    protection: bool
    villages: tuple[uuid.UUID, ...]
    is_current: bool


@dataclass(frozen=True, slots=True)
class UserInput:
    name: str
    role: Role
    protection: bool = False
    villages: tuple[uuid.UUID, ...] = ()


def list_users(profile: Profile) -> list[UserDTO]:
    with profile.sessions() as session:
        rows = session.scalars(select(User).where(User.disabled_at.is_(None)).order_by(User.created_at))
        return [_dto(profile, row) for row in rows]


def add_user(profile: Profile, data: UserInput, passphrase: str) -> uuid.UUID:
    require_manager(profile.user)
    raise_if(name_problems("name", data.name) + keyslot.passphrase_problems(passphrase))
    name = keyslot.nfc(data.name).strip()
    key = protection_key.require_key(profile) if data.protection else None
    with profile.sessions.begin() as session:
        _check_villages(session, data)
        if session.scalar(select(User.id).where(User.name_key == keyslot.user_key(name))) is not None:
            raise _name_taken()
        row = User(name=name, name_key=keyslot.user_key(name), **_fields(data))
        session.add(row)
        session.flush()
        directory.mirror(session, row)
        _audit(session, "create", row)
        profile.keystore = _store(profile).add_user(profile.data_key, name, passphrase, key)
        return row.id


def find_user(profile: Profile, name: str) -> UserDTO:
    """The user called `name`, compared as at login (NFC, trimmed, case-folded)."""
    wanted = keyslot.user_key(name)
    found = next((user for user in list_users(profile) if keyslot.user_key(user.name) == wanted), None)
    if found is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Access", "There is no user called {name}."), name=name)
    return found


def set_protection(profile: Profile, user_id: uuid.UUID, protection: bool, their_passphrase: str = "") -> None:
    """Grant (with the user's own passphrase) or take away the protection permission; role and villages
    stay as they are."""
    require_manager(profile.user)
    current = next((user for user in list_users(profile) if user.id == user_id), None)
    if current is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Access", "This user does not exist any more."))
    update_user(profile, user_id, UserInput(current.name, current.role, protection, current.villages), their_passphrase)


def set_passphrase(profile: Profile, user_id: uuid.UUID, passphrase: str) -> None:
    """A commune officer sets a new passphrase for a user who forgot theirs (the recovery code is for
    officers only, recovery.py). Their slot is rewrapped; their old passphrase stops working."""
    require_manager(profile.user)
    raise_if(keyslot.passphrase_problems(passphrase, "new_passphrase"))
    with profile.sessions.begin() as session:
        row = _require(session, user_id)
        append_event(
            session,
            action="update",
            table=USERS_TABLE,
            record_id=row.id,
            summary={"name": row.name, RESET_FIELD: BY_OFFICER},
        )
        # The new slot carries the protection key only if this officer can give it; else the permission
        # lapses, in the database too, until an officer who holds it grants it again.
        key = profile.protection_key if row.protection and profile.user.protection else None
        if row.protection and key is None:
            row.protection = False
            directory.mirror(session, row)
            _audit(session, "update", row)
        profile.keystore = _store(profile).set_passphrase(profile.data_key, row.name, passphrase, key)


def update_user(profile: Profile, user_id: uuid.UUID, data: UserInput, their_passphrase: str = "") -> None:
    """Change a user's role, villages and permission (the name stays: it names their keyslot).

    Granting the permission needs `their_passphrase`, the user's own, to wrap the protection key for them."""
    require_manager(profile.user)
    with profile.sessions.begin() as session:
        row = _require(session, user_id)
        _check_villages(session, data)
        if row.name_key == keyslot.user_key(profile.user.name) and data.role != Role.OFFICER:
            raise _keep_yourself()
        granted, revoked = data.protection and not row.protection, row.protection and not data.protection
        if granted:
            key = protection_key.require_key(profile)
            raise_if(_their_passphrase_problems(row.name, their_passphrase))
        for field, value in _fields(data).items():
            setattr(row, field, value)
        directory.mirror(session, row)
        _audit(session, "update", row)
        if granted:
            profile.keystore = _store(profile).grant_protection(profile.data_key, key, row.name, their_passphrase)
        elif revoked:
            profile.keystore = _store(profile).revoke_protection(row.name)


def remove_user(profile: Profile, user_id: uuid.UUID) -> None:
    require_manager(profile.user)
    with profile.sessions.begin() as session:
        row = _require(session, user_id)
        if row.name_key == keyslot.user_key(profile.user.name):
            raise _keep_yourself()
        row.disabled_at = utcnow()
        directory.mirror(session, row)
        _audit(session, "delete", row)
        profile.keystore = _store(profile).remove_user(profile.data_key, row.name)


def _fields(data: UserInput) -> dict[str, object]:
    villages = [v.hex for v in data.villages] if data.role == Role.CTV else []
    return {"role": data.role.value, "protection": data.protection, "villages": villages}


def _their_passphrase_problems(name: str, passphrase: str) -> list[FieldProblem]:
    if passphrase:
        return []
    return [
        FieldProblem(
            "their_passphrase",
            QT_TRANSLATE_NOOP(
                "Users",
                "{name} types their own passphrase here: the key that opens support cases is locked with it.",
            ),
            {"name": name},
        )
    ]


def _check_villages(session: Session, data: UserInput) -> None:
    if data.role != Role.CTV:
        return
    if not data.villages:
        raise ValidationError(
            [FieldProblem("villages", QT_TRANSLATE_NOOP("Access", "Choose at least one village for a collaborator."))]
        )
    known = set(session.scalars(select(Village.id).where(Village.id.in_(data.villages))))
    if known != set(data.villages):
        raise ValidationError(
            [FieldProblem("villages", QT_TRANSLATE_NOOP("Access", "A chosen village does not exist."))]
        )


def _require(session: Session, user_id: uuid.UUID) -> User:
    row = session.get(User, user_id)
    if row is None or row.disabled_at is not None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Access", "This user does not exist any more."))
    return row


def _store(profile: Profile) -> KeyStore:
    if profile.keystore is None:
        raise ValueError("profile was not unlocked through its keyslots")
    return profile.keystore


def _audit(session: Session, action: str, row: User) -> None:
    # Users are not synced rows, so the ORM hook does not see them; the change still belongs in the chain.
    append_event(
        session,
        action=action,
        table="users",
        record_id=row.id,
        summary={"name": row.name, "role": row.role, "protection": row.protection, "villages": len(row.villages)},
    )


def _dto(profile: Profile, row: User) -> UserDTO:
    return UserDTO(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        protection=row.protection,
        villages=tuple(uuid.UUID(v) for v in row.villages),
        is_current=row.name_key == keyslot.user_key(profile.user.name),
    )


def _name_taken() -> ValidationError:
    return ValidationError(
        [FieldProblem("name", QT_TRANSLATE_NOOP("Security", "A user with this name already exists."))]
    )


def _keep_yourself() -> ValidationError:
    return ValidationError(
        [
            FieldProblem(
                "role",
                QT_TRANSLATE_NOOP("Access", "You cannot remove yourself or take away your own officer role."),
            )
        ]
    )
