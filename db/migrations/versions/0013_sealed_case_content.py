"""case content stored sealed: the content columns of cases and their parts become BLOBs

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# (table, column, type before, kind of value) for every content column: those a model does not list in
# __audit_shown__ (db/models/casework.py). Kinds: "text" and "int" as stored, "bool" from 0/1, "json" from
# its JSON text, "uuid" from the 32 hex digits of sa.Uuid.
CONTENT: tuple[tuple[str, str, Any, str], ...] = (
    ("support_cases", "kind", sa.String(40), "text"),
    ("support_cases", "person_id", sa.Uuid(), "uuid"),
    ("support_cases", "summary", sa.Text(), "text"),
    ("support_cases", "details", sa.JSON(), "json"),
    ("support_cases", "risk_level", sa.String(10), "text"),
    ("support_cases", "consent", sa.Boolean(), "bool"),
    ("support_cases", "acts", sa.JSON(), "json"),
    ("support_cases", "relationship_context", sa.String(20), "text"),
    ("support_cases", "harm", sa.String(200), "text"),
    ("support_cases", "recurrence_12m", sa.Integer(), "int"),
    ("support_cases", "groups", sa.JSON(), "json"),
    ("support_cases", "stage", sa.String(30), "text"),
    ("case_measures", "measure", sa.String(40), "text"),
    ("case_measures", "decision_no", sa.String(60), "text"),
    ("case_measures", "distance_m", sa.Integer(), "int"),
    ("case_measures", "supervisor", sa.String(100), "text"),
    ("case_measures", "notes", sa.Text(), "text"),
    ("case_referrals", "body", sa.String(40), "text"),
    ("case_referrals", "status", sa.String(12), "text"),
    ("case_referrals", "notes", sa.Text(), "text"),
    ("case_parties", "role", sa.String(20), "text"),
    ("case_parties", "person_id", sa.Uuid(), "uuid"),
    ("case_parties", "name", sa.String(100), "text"),
    ("case_parties", "sex", sa.String(4), "text"),
    ("case_parties", "birth_year", sa.Integer(), "int"),
    ("case_parties", "anonymous", sa.Boolean(), "bool"),
    ("case_parties", "relationship", sa.String(40), "text"),
    ("case_parties", "contact", sa.String(200), "text"),
    ("case_parties", "notes", sa.Text(), "text"),
    ("case_plan_items", "action", sa.String(200), "text"),
    ("case_plan_items", "responsible", sa.String(100), "text"),
    ("case_plan_items", "status", sa.String(12), "text"),
    ("case_plan_items", "notes", sa.Text(), "text"),
    ("case_actions", "kind", sa.String(30), "text"),
    ("case_actions", "result", sa.String(30), "text"),
    ("case_actions", "notes", sa.Text(), "text"),
)
NULLABLE_BEFORE = {
    ("support_cases", "person_id"),
    ("case_measures", "distance_m"),
    ("case_parties", "person_id"),
    ("case_parties", "birth_year"),
}
PERSON_LINKS = ("support_cases", "case_parties")  # their person_id pointed at people.id, indexed
LEGACY = b"\x00"  # db/sealed.py: a value in clear, sealed when a user with the protection key opens the profile


def _tables() -> list[str]:
    return list(dict.fromkeys(table for table, *_ in CONTENT))


def _columns(table: str) -> list[tuple[str, Any, str]]:
    return [(column, before, kind) for name, column, before, kind in CONTENT if name == table]


def _to_legacy(raw: Any, kind: str) -> bytes:
    if raw is None:
        value: Any = None
    elif kind == "json":
        value = json.loads(raw)
    elif kind == "bool":
        value = bool(raw)
    elif kind == "uuid":
        value = str(uuid.UUID(str(raw)))
    else:
        value = raw
    return LEGACY + json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _from_legacy(raw: bytes, kind: str) -> Any:
    if raw[:1] != LEGACY:
        raise RuntimeError("sealed case content cannot be taken back to an older version of the app")
    value = json.loads(raw[1:].decode("utf-8"))
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return int(value)
    if kind == "uuid":
        return uuid.UUID(value).hex
    return value


def _converted(table: str, convert: Any) -> list[tuple[Any, ...]]:
    """Every row's content columns converted, then its id: parameters for `_write`."""
    columns = _columns(table)
    names = [column for column, _, _ in columns]
    rows = op.get_bind().exec_driver_sql(f"SELECT id, {', '.join(names)} FROM {table}").all()
    return [tuple(convert(row[i + 1], kind) for i, (_, _, kind) in enumerate(columns)) + (row[0],) for row in rows]


def _write(table: str, updates: list[tuple[Any, ...]]) -> None:
    if updates:
        sets = ", ".join(f"{column} = ?" for column, _, _ in _columns(table))
        op.get_bind().exec_driver_sql(f"UPDATE {table} SET {sets} WHERE id = ?", updates)


def upgrade() -> None:
    for table in _tables():
        _write(table, _converted(table, _to_legacy))
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            if table in PERSON_LINKS:
                batch_op.drop_index(batch_op.f(f"ix_{table}_person_id"))
                batch_op.drop_constraint(batch_op.f(f"fk_{table}_person_id_people"), type_="foreignkey")
            for column, before, _ in _columns(table):
                batch_op.alter_column(
                    column, existing_type=before, type_=sa.LargeBinary(), nullable=False, server_default=None
                )


def downgrade() -> None:
    for table in _tables():
        # Read first and written back after: the copy Alembic makes CASTs each value to the old column type,
        # which would turn JSON text into 0 and may not hold NULL before the column is nullable again.
        plain = _converted(table, _from_legacy)
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            for column, before, _ in _columns(table):
                nullable = (table, column) in NULLABLE_BEFORE
                batch_op.alter_column(column, existing_type=sa.LargeBinary(), type_=before, nullable=nullable)
            if table in PERSON_LINKS:
                batch_op.create_foreign_key(batch_op.f(f"fk_{table}_person_id_people"), "people", ["person_id"], ["id"])
                batch_op.create_index(batch_op.f(f"ix_{table}_person_id"), ["person_id"], unique=False)
        _write(table, plain)
