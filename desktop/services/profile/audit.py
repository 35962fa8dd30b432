"""The audit log for the app and the command line: check the chain, list events (architecture.md §5)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from db.audit import ChainReport, verify_chain
from db.audit_content import PROTECTED, shown_summary
from db.models.profile import AuditEvent
from desktop.services.profile.handle import Profile

DEFAULT_LIMIT = 200
# The one field of an event that stands for all of a support case's content: its value says "changed".
PROTECTED_CONTENT = PROTECTED


@dataclass(frozen=True, slots=True)
class AuditEventDTO:
    id: int
    at: datetime
    user: str
    device: str
    action: str  # create | update | delete
    table_name: str
    record_id: str
    # field -> [old, new]; long free text appears as {"chars": n}; the content of a support case and its
    # parts as the one field db.audit.PROTECTED, "changed" (older events are folded the same way)
    summary: dict[str, Any]
    hash: str


def verify(profile: Profile) -> ChainReport:
    """Walk the whole chain. Read-only; reads one consistent snapshot of the database."""
    with profile.sessions() as session:
        return verify_chain(session)


def events(
    profile: Profile,
    *,
    record_id: uuid.UUID | str | None = None,
    user: str | None = None,
    limit: int = DEFAULT_LIMIT,
    before_id: int | None = None,
) -> list[AuditEventDTO]:
    """Newest first. `before_id` pages back: pass the last id of the previous page.

    A collaborator who keeps some villages sees only their own events: the others name records of
    villages that are not theirs."""
    stmt = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(max(0, limit))
    if not profile.user.whole_commune:
        stmt = stmt.where(AuditEvent.user == profile.user.name)
    if record_id is not None:
        stmt = stmt.where(AuditEvent.record_id == _record_key(record_id))
    if user is not None:
        stmt = stmt.where(AuditEvent.user == user)
    if before_id is not None:
        stmt = stmt.where(AuditEvent.id < before_id)
    with profile.sessions() as session:
        return [_dto(row) for row in session.scalars(stmt)]


def _record_key(record_id: uuid.UUID | str) -> str:
    """Records are logged by their UUID in the dashed form; accept the 32-digit hex form too."""
    try:
        return str(uuid.UUID(str(record_id)))
    except ValueError:
        return str(record_id).strip()


def _dto(row: AuditEvent) -> AuditEventDTO:
    return AuditEventDTO(
        id=row.id,
        at=row.at,
        user=row.user,
        device=row.device,
        action=row.action,
        table_name=row.table_name,
        record_id=row.record_id,
        summary=_summary(row.table_name, row.summary),
        hash=row.hash,
    )


def _summary(table: str, text: str) -> dict[str, Any]:
    # A row edited outside the app may hold anything; listing it must still work (verify names it).
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return shown_summary(table, value) if isinstance(value, dict) else {}
