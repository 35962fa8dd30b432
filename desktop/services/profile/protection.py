"""The protection key: who holds it, how it is given and taken away, and sealing what was left in clear.

Case content is sealed under one random key per profile (db/sealed.py). The key is wrapped in the key
slots of the users holding the protection permission and in the recovery slot (docs/key-file.md), so a
user without the permission cannot read it even with the database and their own passphrase. Granting
wraps it for another user, which needs that user's passphrase; taking it away drops it from their slot.

A profile made before sealing existed has no protection key: the first user holding the permission to
log in makes one (their passphrase is at hand to wrap it), and the content migration 0013 left in clear is
sealed then, once.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, or_, select, update

from db.models import casework
from db.sealed import LEGACY, ContentCipher, sealed_fields
from db.session import SYNCED_CORE_WRITE
from desktop.errors import FieldProblem, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security import keyslot
from desktop.security.keyslot import SlotKeys
from desktop.security.keystore import KeyStore
from desktop.services.profile.handle import Profile

log = logging.getLogger(__name__)

SEALED_MODELS: tuple[type[Any], ...] = (
    casework.SupportCase,
    casework.CaseMeasure,
    casework.CaseReferral,
    casework.CaseParty,
    casework.CasePlanItem,
    casework.CaseAction,
)


def first_key_if_due(
    store: KeyStore, keys: SlotKeys, user: str, *, permitted: bool, passphrase: str
) -> tuple[KeyStore, SlotKeys]:
    """For a profile without a protection key, make one when a permitted user logs in with a passphrase."""
    if not permitted or keys.protection_key is not None or store.protection_key_id is not None or not passphrase:
        return store, keys
    protection_key = keyslot.new_data_key()
    store = store.with_protection_key(protection_key).grant_protection(keys.data_key, protection_key, user, passphrase)
    log.info("A protection key was made for this profile's case content")
    return store, SlotKeys(keys.data_key, protection_key)


def require_key(profile: Profile) -> bytes:
    """The logged-in user's protection key, to give it to another user; refused in words without it."""
    if profile.protection_key is None or not profile.user.protection:
        raise ValidationError(
            [
                FieldProblem(
                    "protection",
                    QT_TRANSLATE_NOOP(
                        "Users",
                        "Only a user who holds the protection permission can grant it. Ask an officer who holds "
                        "it, or use the recovery code.",
                    ),
                )
            ]
        )
    return profile.protection_key


def seal_legacy_content(profile: Profile) -> int:
    """Seal the content migration 0013 left in clear; the number of rows sealed (0 once done).

    Written with Core: sealing changes how a value is stored, not the value, so it is not an edit to
    stamp for the hub or to log as one."""
    if profile.protection_key is None:
        return 0
    cipher, sealed = ContentCipher(profile.protection_key), 0
    with profile.sessions.begin() as session:
        for model in SEALED_MODELS:
            table = cast(Table, model.__table__)
            fields = sealed_fields(model)
            columns = [table.c[name] for name in fields]
            legacy = [func.substr(column, 1, 1) == bytes([LEGACY]) for column in columns]
            rows = session.execute(select(table.c.id, *columns).where(or_(*legacy))).all()
            if not rows:
                continue
            changes = [_sealed_row(cipher, table.name, fields, row) for row in rows]
            stmt = update(table).where(table.c.id == bindparam("b_id")).values({n: bindparam(f"b_{n}") for n in fields})
            stmt = stmt.execution_options(**{SYNCED_CORE_WRITE: True})  # storage only: nothing to stamp
            session.execute(stmt, changes)
            sealed += len(changes)
    if sealed:
        log.info("Sealed the case content of %d rows", sealed)
    return sealed


def _sealed_row(cipher: ContentCipher, table: str, fields: dict[str, Any], row: Any) -> dict[str, Any]:
    row_id, values = row[0], row[1:]
    change: dict[str, Any] = {"b_id": row_id}
    for name, stored in zip(fields, values, strict=True):
        # A legacy value opens without the key (its JSON is the value as stored), a sealed one with it.
        change[f"b_{name}"] = cipher.seal(table, row_id, name, cipher.open(table, row_id, name, stored))
    return change
