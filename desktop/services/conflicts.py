"""Conflicts a merge kept (docs/changeset.md): both values side by side, and the user's choice.

Keeping the value a merge set aside writes it to the record as the user's own edit, so it travels to the
other copies and wins there as any later edit does; the conflict record's state travels too. Restoring a
record deleted on one copy and edited on another clears its deletion.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from db import hlc
from db.models.register import Household, Person
from db.models.sync import AHEAD, CONCURRENT, DELETED, KEPT, OPEN, RESTORED, SyncConflict
from db.models.synced import SYNCED_MODELS
from db.sealed import ContentCipher, sealed_fields
from db.stamps import business_columns
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.profile.handle import Profile
from desktop.services.validation import problem
from desktop.sync.codec import TableCodec

CTX = "Conflicts"
# The reasons are re-exported: the UI may not import db (pyproject.toml's contracts).
__all__ = [
    "AHEAD",
    "CONCURRENT",
    "DELETED",
    "KEEP_KEPT",
    "KEEP_OTHER",
    "PROTECTED_TEXT",
    "ConflictDTO",
    "Side",
    "list_open",
    "record_label",
    "resolve",
    "table_label",
]
KEEP_KEPT, KEEP_OTHER = "kept", "other"
PROTECTED_TEXT = "•••"  # sealed content, for a user without the protection permission
_MODELS = {str(cast(Table, model.__table__).name): model for model in SYNCED_MODELS}  # type: ignore[attr-defined]


# What each synced table's records are called, in SYNCED_MODELS order (tests check that none is missing).
TABLE_LABELS: dict[str, str] = {
    "villages": QT_TRANSLATE_NOOP(CTX, "Village"),
    "directory_users": QT_TRANSLATE_NOOP(CTX, "User"),
    "households": QT_TRANSLATE_NOOP(CTX, "Household"),
    "household_categories": QT_TRANSLATE_NOOP(CTX, "Household category"),
    "people": QT_TRANSLATE_NOOP(CTX, "Person"),
    "population_events": QT_TRANSLATE_NOOP(CTX, "Population event"),
    "visits": QT_TRANSLATE_NOOP(CTX, "Visit"),
    "support_cases": QT_TRANSLATE_NOOP(CTX, "Support case"),
    "case_measures": QT_TRANSLATE_NOOP(CTX, "Measure of a support case"),
    "case_referrals": QT_TRANSLATE_NOOP(CTX, "Referral of a support case"),
    "manual_tasks": QT_TRANSLATE_NOOP(CTX, "Own task"),
    "task_states": QT_TRANSLATE_NOOP(CTX, "Task done or put off"),
    "case_parties": QT_TRANSLATE_NOOP(CTX, "Person in a support case"),
    "case_plan_items": QT_TRANSLATE_NOOP(CTX, "Step of a support plan"),
    "case_actions": QT_TRANSLATE_NOOP(CTX, "Entry of a support case's timeline"),
    "campaign_years": QT_TRANSLATE_NOOP(CTX, "Campaign year"),
    "communication_activities": QT_TRANSLATE_NOOP(CTX, "Communication activity"),
    "sync_conflicts": QT_TRANSLATE_NOOP(CTX, "Choice about a conflict"),
    "review_items": QT_TRANSLATE_NOOP(CTX, "Item to check after a merge"),
}
OTHER_RECORD = QT_TRANSLATE_NOOP(CTX, "Other record")  # a table a newer version added


@dataclass(frozen=True, slots=True)
class Side:
    values: dict[str, str]  # column -> the value as the user reads it
    at: datetime | None  # when the change was made, by the writer's clock
    device: str  # the device that made it
    here: bool  # made on this device


@dataclass(frozen=True, slots=True)
class ConflictDTO:
    id: uuid.UUID
    table: str
    row_id: uuid.UUID
    field: str
    reason: str
    kept: Side
    other: Side
    state: str


def list_open(profile: Profile) -> list[ConflictDTO]:
    """Open conflicts, the newest first."""
    with profile.sessions() as session:
        rows = session.scalars(
            select(SyncConflict)
            .where(SyncConflict.state == OPEN, SyncConflict.deleted_at.is_(None))
            .order_by(SyncConflict.kept_clock.desc())
        ).all()
        cipher = ContentCipher(profile.protection_key) if profile.protection_key else None
        return [_dto(row, profile.device_id, cipher) for row in rows]


def resolve(profile: Profile, conflict_id: uuid.UUID, keep: str) -> None:
    """Keep one side: KEEP_KEPT leaves the record as it is; KEEP_OTHER writes the value set aside (or, for a
    deleted record, restores it). Either way the conflict is closed on every copy."""
    if keep not in (KEEP_KEPT, KEEP_OTHER):
        raise ValueError(keep)
    with profile.sessions.begin() as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.deleted_at is not None:
            raise NotFoundError(QT_TRANSLATE_NOOP(CTX, "This conflict no longer exists."))
        if conflict.state != OPEN:
            raise ValidationError(
                [
                    problem(
                        "state", QT_TRANSLATE_NOOP(CTX, "This conflict was already settled, here or on another laptop.")
                    )
                ]
            )
        if keep == KEEP_OTHER:
            _write_back(session, conflict)
        conflict.state = RESTORED if keep == KEEP_OTHER and conflict.reason == DELETED else KEPT


def table_label(table: str) -> str:
    """What a synced table's records are called (a translation marker)."""
    return TABLE_LABELS.get(table, OTHER_RECORD)


def record_label(profile: Profile, table: str, row_id: uuid.UUID) -> str:
    """Which record: a household's number, a person's or a village's name; for a record of a household
    (a visit, a case…) that household's number; "" when none is known here."""
    model = _MODELS.get(table)
    if model is None:
        return ""
    with profile.sessions() as session:
        record = session.get(model, row_id)
        if record is None:
            return ""
        if isinstance(record, Household):
            return record.code
        if isinstance(record, Person):
            return record.full_name
        name = getattr(record, "name", None)
        if isinstance(name, str) and "name" not in sealed_fields(model):
            return name
        household_id = getattr(record, "household_id", None)
        household = session.get(Household, household_id) if isinstance(household_id, uuid.UUID) else None
        return household.code if household is not None else ""


def _write_back(session: Session, conflict: SyncConflict) -> None:
    model = _MODELS.get(conflict.table_name)
    record = session.get(model, conflict.row_id) if model is not None else None
    if model is None or record is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(CTX, "The record of this conflict is not on this laptop."))
    table = cast(Table, model.__table__)  # type: ignore[attr-defined]
    values = TableCodec(table).decode(json.loads(conflict.other_value))
    attribute = {column: key for key, column in business_columns(model).items()}
    for column, value in values.items():
        setattr(record, attribute[column], value)  # a sealed column takes its stored bytes as they are


def _dto(row: SyncConflict, device: str, cipher: ContentCipher | None) -> ConflictDTO:
    def side(text: str, clock: str) -> Side:
        values = {column: _shown(row, column, value, cipher) for column, value in json.loads(text).items()}
        writer = _writer(clock)
        return Side(values, _when(clock), writer, writer == device)

    return ConflictDTO(
        id=row.id,
        table=row.table_name,
        row_id=row.row_id,
        field=row.field,
        reason=row.reason,
        kept=side(row.kept_value, row.kept_clock),
        other=side(row.other_value, row.other_clock),
        state=row.state,
    )


def _shown(row: SyncConflict, column: str, value: Any, cipher: ContentCipher | None) -> str:
    model = _MODELS.get(row.table_name)
    if value is None:
        return ""
    if model is not None and column in sealed_fields(model):
        if cipher is None:
            return PROTECTED_TEXT
        stored = TableCodec(cast(Table, model.__table__)).decode({column: value})[column]  # type: ignore[attr-defined]
        value = cipher.open(row.table_name, row.row_id, column, stored)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _writer(clock: str) -> str:
    try:
        return hlc.parse(clock).node
    except hlc.ClockError:
        return ""


def _when(clock: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(hlc.parse(clock).ms / 1000, UTC)
    except (hlc.ClockError, OverflowError, ValueError):
        return None
