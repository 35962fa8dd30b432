"""The audit log for the app and the command line: check the chain, list events (architecture.md §5).

The chain's head (the newest event's id and hash) is also kept in the profile's key file, authenticated
with the data key (desktop.security.audit_head), so that removing the newest events from the database, or
rewriting and rehashing the chain, shows in `verify`. `start_keeping_head` runs when a profile is
opened; the `FileHeadKeeper` it returns rides on every session and moves the head after each commit
that appended events. A head that does not match the database is never moved or rewritten: it stays as
found, for `verify` to report.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from db.audit import HEAD_FORGED, HEAD_MISMATCH, ChainReport, head_mismatch, verify_chain
from db.audit_content import PROTECTED, shown_summary
from db.audit_head import Head, PendingHead, hash_of, newest_event
from db.models.profile import AuditEvent
from desktop.errors import NotFoundError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security import audit_head
from desktop.security.audit_head import AuditHead, HeadStatus, StoredHead
from desktop.security.keystore import KeyStoreError
from desktop.services.profile import directory
from desktop.services.profile.handle import Profile

# A report whose reason is one of these lost its newest events, or was rewritten (the kept head, not an event).
HEAD_REASONS = frozenset({HEAD_MISMATCH, HEAD_FORGED})

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 200
# The one field of an event that stands for all of a support case's content: its value says "changed".
PROTECTED_CONTENT = PROTECTED


@dataclass(frozen=True, slots=True)
class AuditEventDTO:
    id: int
    at: datetime
    user: str  # the name as it was when the event was written
    user_id: str  # the writer's directory id; "" for older events, system writes and applied changesets
    device: str
    action: str  # create | update | delete
    table_name: str
    record_id: str
    # field -> [old, new]; long free text appears as {"chars": n}; the content of a support case and its
    # parts as the one field db.audit.PROTECTED, "changed" (older events are folded the same way)
    summary: dict[str, Any]
    hash: str


def verify(profile: Profile) -> ChainReport:
    """Walk the whole chain and check it holds the head kept in the key file. Read-only; reads one
    consistent snapshot of the database. A profile without a key file (or a head) checks the chain only."""
    stored = _stored_head(profile)
    with profile.sessions() as session:
        if stored is not None and stored.status is HeadStatus.FORGED:
            report = verify_chain(session)
            return head_mismatch(report.checked, report.last_id, report.last_hash, None) if report.ok else report
        return verify_chain(session, _head(stored.head) if stored is not None and stored.head else None)


# The head outside the database ##############################################################


class FileHeadKeeper:
    """db.audit.HeadKeeper on the profile's key file. Moves the head only from the head it finds there,
    and only to a head written on top of it; a failure to write is logged and retried at the next commit."""

    def __init__(self, folder: Path, data_key: bytes) -> None:
        self._folder = folder
        self._data_key = data_key

    def anchor(self) -> Head | None:
        try:
            stored = audit_head.read_audit_head(self._folder, self._data_key)
        except KeyStoreError:
            return None
        return _head(stored.head) if stored.head is not None else None

    def committed(self, pending: PendingHead) -> None:
        if not pending.anchored or pending.anchor is None:
            log.warning("audit head not moved: the head in the key file is not in the chain")
            return
        if pending.head.id <= pending.anchor.id:
            log.warning("audit head not moved: the chain is shorter than the head in the key file")
            return
        try:
            audit_head.advance_audit_head(
                self._folder, self._data_key, _audit_head(pending.anchor), _audit_head(pending.head)
            )
        except (OSError, KeyStoreError) as exc:  # the data is committed; the head catches up next time
            log.warning("audit head not written: %s", type(exc).__name__)


def start_keeping_head(profile: Profile) -> FileHeadKeeper | None:
    """At open: give a key file without a head (made before heads were kept) the chain's head, move a
    head the chain has grown past (a crash between a commit and the key file write), leave a head that
    does not match as it is. Returns the keeper for the profile's sessions; None without a key file."""
    if not profile.data_key:
        return None
    folder = profile.paths.home
    try:
        stored = audit_head.read_audit_head(folder, profile.data_key)
        with profile.sessions() as session:
            newest = newest_event(session)
            kept = stored.head
            if stored.status is HeadStatus.MISSING:
                audit_head.advance_audit_head(folder, profile.data_key, None, _audit_head(newest))
            elif kept is not None and newest.id > kept.id and _holds(session, kept):
                audit_head.advance_audit_head(folder, profile.data_key, kept, _audit_head(newest))
    except (OSError, KeyStoreError) as exc:  # opening goes on; `verify` and the next commit try again
        log.warning("audit head not checked at open: %s", type(exc).__name__)
    return FileHeadKeeper(folder, profile.data_key)


def key_file_for_copy(raw: bytes, data_key: bytes, copy: Session) -> bytes:
    """The key file as a backup holds it beside `copy`, a copy of the database made after `raw` was read.

    Its head becomes the copy's newest event, so a restored profile verifies, as long as the head in
    `raw` authenticates and is in the copy; otherwise `raw` goes in as it is, mismatch and all."""
    stored = audit_head.audit_head_in(raw, data_key)
    kept = stored.head
    if stored.status is HeadStatus.MISSING or (kept is not None and _holds(copy, kept)):
        return audit_head.with_audit_head(raw, data_key, _audit_head(newest_event(copy)))
    return raw


def _holds(session: Session, kept: AuditHead) -> bool:
    return hash_of(session, kept.id) == kept.hash


def _stored_head(profile: Profile) -> StoredHead | None:
    if not profile.data_key:
        return None
    try:
        return audit_head.read_audit_head(profile.paths.home, profile.data_key)
    except KeyStoreError:
        return None


def _head(head: AuditHead) -> Head:
    return Head(head.id, head.hash)


def _audit_head(head: Head) -> AuditHead:
    return AuditHead(head.id, head.hash)


def events(
    profile: Profile,
    *,
    record_id: uuid.UUID | str | None = None,
    user: str | None = None,
    user_id: uuid.UUID | str | None = None,
    limit: int = DEFAULT_LIMIT,
    before_id: int | None = None,
) -> list[AuditEventDTO]:
    """Newest first. `before_id` pages back: pass the last id of the previous page.

    `user_id` keeps one person's events: those logged with their id, whatever name they had then, and
    older events (logged without an id) under `user`, or under their name in the directory when `user`
    is None. `user` alone keeps the events logged under that name.
    A collaborator who keeps some villages sees only their own events: the others name records of
    villages that are not theirs."""
    stmt = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(max(0, limit))
    with profile.sessions() as session:
        if not profile.user.whole_commune:
            own = "" if profile.user.id is None else str(profile.user.id)
            stmt = stmt.where(_written_by(own, profile.user.name))
        if record_id is not None:
            stmt = stmt.where(AuditEvent.record_id == _record_key(record_id))
        if user_id is not None:
            writer = _user_key(user_id)
            name = user if user is not None else directory.name_of(session, uuid.UUID(writer))
            stmt = stmt.where(_written_by(writer, name))
        elif user is not None:
            stmt = stmt.where(AuditEvent.user == user)
        if before_id is not None:
            stmt = stmt.where(AuditEvent.id < before_id)
        return [_dto(row) for row in session.scalars(stmt)]


def writer_id(profile: Profile, name: str) -> uuid.UUID | None:
    """The directory id of the user called `name` (compared as at login), None for a writer no user is,
    such as "system" or an applied changeset's "sync:<device>"."""
    with profile.sessions() as session:
        try:
            return directory.id_of(session, name)
        except NotFoundError:
            return None


def _written_by(user_id: str, name: str) -> ColumnElement[bool]:
    # An event with an id is its writer's whatever name it shows; an older one has only its name.
    if not user_id:
        return AuditEvent.user == name
    return or_(AuditEvent.user_id == user_id, and_(AuditEvent.user_id == "", AuditEvent.user == name))


def _user_key(user_id: uuid.UUID | str) -> str:
    """Events carry the writer's id in the dashed form; accept the 32-digit hex form too."""
    try:
        return str(uuid.UUID(str(user_id)))
    except ValueError:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Access", "There is no user with the id {id}."), id=str(user_id)
        ) from None


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
        user_id=row.user_id,
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
