"""The audit chain's head kept outside the database (architecture.md §5).

Removing the newest events leaves a shorter chain that still links up, so the newest event's id and hash
are kept elsewhere too (the profile's key file) by a `HeadKeeper` the session carries in
`Session.info[HEAD_KEEPER]`. Each flush that appends checks, in the statement that reads the chain's end
(db.audit), that the kept head is still in the chain; each commit that appended hands the new head to
the keeper (`keep_head`, an after_commit hook registered in db.session); a rollback forgets it.
`verify_chain` (db.audit) reports a chain that does not hold the kept head as HEAD_MISMATCH.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from db.models.profile import AuditEvent

GENESIS_HASH = "0" * 64  # the previous hash of the first event
# Key of `Session.info` holding the HeadKeeper of the profile (absent: the head is kept nowhere).
HEAD_KEEPER = "audit_head_keeper"
_PENDING = "audit_head_pending"  # what this transaction appended, until commit or rollback
# The chain links up, but the head kept outside the database is not in it: the newest events were
# removed, or the log was rewritten and rehashed.
HEAD_MISMATCH = "head_mismatch"
HEAD_FORGED = "head_forged"  # the kept head itself does not authenticate: changed outside the app

_TABLE = cast(Table, AuditEvent.__table__)


@dataclass(frozen=True, slots=True)
class Head:
    """The newest event of a chain: its id (0 for an empty chain) and its hash."""

    id: int
    hash: str


EMPTY_HEAD = Head(0, GENESIS_HASH)


class HeadKeeper(Protocol):
    """Keeps a copy of the chain's head outside the database (implemented above the db layer)."""

    def anchor(self) -> Head | None:
        """The head kept now, or None when none can be trusted (absent, forged, unreadable)."""

    def committed(self, pending: PendingHead) -> None:
        """A transaction that appended events committed; `pending` says which and whether it was
        written on top of the kept head. Must not raise: the database commit already happened."""


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What `verify_chain` found. On a break, the first broken event and why (one of the reasons above)."""

    ok: bool
    checked: int
    last_id: int | None = None
    last_hash: str = GENESIS_HASH  # the head: a copy kept elsewhere (the hub) also catches a cut-off tail
    broken_id: int | None = None
    reason: str | None = None
    broken_at: datetime | None = None
    broken_table: str = ""
    broken_record: str = ""


@dataclass(frozen=True, slots=True)
class PendingHead:
    head: Head  # the newest event the transaction appended
    anchor: Head | None  # the kept head when the transaction first appended
    anchored: bool  # every flush found `anchor` in the chain, with its hash: the kept head is an ancestor


def note_pending(session: Session, head: Head, anchor: Head | None, anchored: bool) -> None:
    earlier: PendingHead | None = session.info.get(_PENDING)
    if earlier is not None:  # a later flush of the same transaction: the first one's anchor counts
        anchor, anchored = earlier.anchor, earlier.anchored and anchored
    session.info[_PENDING] = PendingHead(head, anchor, anchored)


def keep_head(session: Session) -> None:
    """after_commit hook: hand the new head of a transaction that appended to the session's keeper."""
    pending: PendingHead | None = session.info.pop(_PENDING, None)
    keeper: HeadKeeper | None = session.info.get(HEAD_KEEPER)
    if pending is not None and keeper is not None:
        keeper.committed(pending)


def forget_pending_head(session: Session, *_args: Any) -> None:
    """after_rollback / after_soft_rollback hook: the events it appended are gone."""
    session.info.pop(_PENDING, None)


def newest_event(session: Session) -> Head:
    """The chain's last event as stored (EMPTY_HEAD for an empty chain)."""
    row = session.execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)).first()
    return EMPTY_HEAD if row is None else Head(int(row.id), str(row.hash))


def hash_of(session: Session, event_id: int) -> str | None:
    """The stored hash of one event; GENESIS_HASH for 0, the empty chain's head; None when absent."""
    if event_id == 0:
        return GENESIS_HASH
    found = session.scalar(select(_TABLE.c.hash).where(_TABLE.c.id == event_id))
    return None if found is None else str(found)


def head_mismatch(checked: int, last_id: int | None, last_hash: str, kept: Head | None) -> ChainReport:
    """The report for a chain that does not hold the head kept outside the database: `broken_id` is the
    event the kept head names. `kept` None: the kept head does not authenticate (HEAD_FORGED), and
    `broken_id` is the chain's last event, the newest whose standing cannot be confirmed."""
    return ChainReport(
        ok=False,
        checked=checked,
        last_id=last_id,
        last_hash=last_hash,
        broken_id=(last_id or 0) if kept is None else kept.id,
        reason=HEAD_FORGED if kept is None else HEAD_MISMATCH,
    )
