"""The tamper-evident audit chain (architecture.md §5): every write appends a hash-linked AuditEvent.

Each event's hash is SHA-256 over a canonical JSON of its own fields and the previous event's hash,
so changing, inserting or removing a row anywhere but at the very end breaks the chain at that row.
Events are written in the same transaction as the change they describe: a rolled-back change leaves
no event, and a committed change always has one.

The ORM hook (`record_flush`, registered in db.session) sees every ORM insert, update and delete.
Core statements (`session.execute(insert(...))`) bypass the ORM; whoever issues them calls
`append_event` once to say what happened.

Removing the newest events leaves a shorter chain that still links up: db.audit_head keeps the head
outside the database, and `verify_chain` checks the chain holds it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Column, Connection, Table, Text, bindparam, insert, inspect, select
from sqlalchemy.orm import ColumnProperty, Mapper, Session

from db.audit_content import CHANGED, PROTECTED, shown_columns
from db.audit_hash import canonical_json as canonical_json  # db.audit.canonical_json to its callers
from db.audit_hash import event_hash as event_hash
from db.audit_head import GENESIS_HASH, HEAD_KEEPER, Head, HeadKeeper, head_mismatch, note_pending
from db.audit_head import HEAD_FORGED as HEAD_FORGED  # re-exported with the other reasons below
from db.audit_head import HEAD_MISMATCH as HEAD_MISMATCH
from db.audit_head import ChainReport as ChainReport  # callers know it as db.audit.ChainReport
from db.base import SYNC_COLUMNS, SyncedMixin, utcnow
from db.models.profile import AuditEvent, ProfileMeta
from db.stamps import DEVICE_KEY, LOCAL, MODE_KEY

# Keys of `Session.info` naming who writes (DEVICE_KEY: db.stamps); db.session re-exports them and fills them in.
USER_KEY = "user"
# The logged-in user as (name, directory id): the id is logged only while USER_KEY still names that user,
# so an applied changeset's event ("sync:<device>") or a write done for someone else carries no id.
IDENTITY_KEY = "identity"
SYSTEM_USER = "system"
# Same key as desktop.services.profile.handle.META_COLLABORATOR (db must not import desktop).
META_COLLABORATOR = "collaborator"

CREATE, UPDATE, DELETE = "create", "update", "delete"
SYNC = "sync"  # a changeset from another copy applied: one event for all its rows (desktop.sync.apply)
ACTIONS = frozenset({CREATE, UPDATE, DELETE, SYNC})

HASH_MISMATCH = "hash_mismatch"
PREV_HASH_MISMATCH = "prev_hash_mismatch"
GAP = "gap"

VALUE_MAX = 80
# Stamped on every write or derived from another column: they would only add noise to a summary.
_BOOKKEEPING = SYNC_COLUMNS | {"id"}
_DERIVED_SUFFIX = "_folded"
# How a column is summarised: its value; its length (long free text); not at all (protected content:
# db.audit_content, one "changed" for the whole row).
PLAIN, FREE_TEXT, CONTENT = "plain", "free_text", "content"

_TABLE = cast(Table, AuditEvent.__table__)
_COLUMNS = (
    _TABLE.c.id,
    _TABLE.c.at,
    _TABLE.c.user,
    _TABLE.c.user_id,
    _TABLE.c.device,
    _TABLE.c.action,
    _TABLE.c.table_name,
    _TABLE.c.record_id,
    _TABLE.c.summary,
    _TABLE.c.prev_hash,
    _TABLE.c.hash,
)

# One statement for the chain's head and the default writer, built once: the hook runs on every
# write, and a round trip or building a statement costs more than the index look-ups themselves.
_NEWEST = _TABLE.c.id.desc()
_ANCHOR_ID = "anchor_id"
_HEAD = select(
    select(_TABLE.c.id).order_by(_NEWEST).limit(1).scalar_subquery(),
    select(_TABLE.c.hash).order_by(_NEWEST).limit(1).scalar_subquery(),
    select(ProfileMeta.value).where(ProfileMeta.key == META_COLLABORATOR).scalar_subquery(),
    # The hash of the event the kept head names: in the same round trip, as the hook is hot.
    select(_TABLE.c.hash).where(_TABLE.c.id == bindparam(_ANCHOR_ID)).scalar_subquery(),
)
_INSERT = insert(_TABLE)

Summary = dict[str, list[Any]]  # field -> [old, new], each a short JSON value


# Writing ####################################################################################


def record_flush(session: Session, _flush_context: Any = None) -> None:
    """after_flush hook: one event per synced row this flush inserted, changed or deleted.

    after_flush, because the rows have their ids by then while `new`/`dirty`/`deleted` and the
    attribute history still describe what the flush did. The events go in through Core on the
    flush's own connection: adding ORM objects during a flush is not allowed.
    """
    if session.info.get(MODE_KEY, LOCAL) != LOCAL:  # applied rows are one event per changeset (db.stamps)
        return
    changes = list(_changes(session))
    if changes:
        _append(session, changes)


def append_event(
    session: Session, *, action: str, table: str, record_id: str | uuid.UUID, summary: Mapping[str, object]
) -> int:
    """Append one event by hand, for writes the ORM hook cannot see (Core bulk inserts). Returns its id.

    `summary` maps a field to a value, or to [old, new]; values are shortened like the hook's.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    short = {
        field: [_short(v) for v in value] if isinstance(value, list) else [None, _short(value)]
        for field, value in summary.items()
    }
    return _append(session, [(action, table, _record_text(record_id), short)])


def _append(session: Session, changes: list[tuple[str, str, str, Summary]]) -> int:
    conn = session.connection()
    # Read inside the writing transaction: after a flush (or a bulk insert) it holds SQLite's write
    # lock, so no other session can append between this read and our insert. Should one still race
    # (append_event as a transaction's first statement), the explicit id collides on the primary
    # key and the transaction fails: the chain never forks.
    keeper: HeadKeeper | None = session.info.get(HEAD_KEEPER)
    anchor = keeper.anchor() if keeper is not None else None
    last_id, prev, collaborator, anchor_hash = _head(conn, anchor)
    user = str(session.info.get(USER_KEY) or collaborator or SYSTEM_USER)
    user_id = _user_id(session, user)
    at, device = utcnow(), str(session.info.get(DEVICE_KEY, ""))
    rows: list[dict[str, object]] = []
    for action, table, record_id, summary in changes:
        last_id += 1
        text = canonical_json(summary)
        digest = event_hash(
            id=last_id,
            at=at,
            user=user,
            user_id=user_id,
            device=device,
            action=action,
            table_name=table,
            record_id=record_id,
            summary=text,
            prev_hash=prev,
        )
        rows.append(
            {
                "id": last_id,
                "at": at,
                "user": user,
                "user_id": user_id,
                "device": device,
                "action": action,
                "table_name": table,
                "record_id": record_id,
                "summary": text,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    conn.execute(_INSERT, rows)
    if keeper is not None:
        anchored = anchor is not None and anchor_hash == anchor.hash
        note_pending(session, Head(last_id, prev), anchor, anchored)
    return last_id


def _user_id(session: Session, user: str) -> str:
    identity = session.info.get(IDENTITY_KEY)
    if isinstance(identity, tuple) and len(identity) == 2 and identity[0] == user:
        return str(identity[1])
    return ""


def _head(conn: Connection, anchor: Head | None) -> tuple[int, str, str | None, str | None]:
    """The last event's id and hash, the profile's collaborator (the default writer) and the hash of
    the event `anchor` names (GENESIS_HASH for the empty chain's head 0, None when there is none)."""
    last_id, last_hash, collaborator, anchor_hash = conn.execute(
        _HEAD, {_ANCHOR_ID: -1 if anchor is None else anchor.id}
    ).one()
    if anchor is not None and anchor.id == 0:
        anchor_hash = GENESIS_HASH
    if last_id is None:
        return 0, GENESIS_HASH, collaborator, anchor_hash
    return int(last_id), str(last_hash), collaborator, anchor_hash


# What changed ###############################################################################


def _changes(session: Session) -> Iterator[tuple[str, str, str, Summary]]:
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            yield CREATE, _table_name(obj), _record_text(obj.id), _created(obj)
    for obj in session.dirty:
        if isinstance(obj, SyncedMixin):
            changed = _changed(obj)
            if changed:  # only sync stamps (e.g. the hub's usn) moved: bookkeeping, not an edit
                yield _update_action(changed), _table_name(obj), _record_text(obj.id), changed
    for obj in session.deleted:
        if isinstance(obj, SyncedMixin):
            yield DELETE, _table_name(obj), _record_text(obj.id), _removed(obj)


def _update_action(changed: Summary) -> str:
    # A soft delete is a delete for whoever reads the log, though the row stays for the hub.
    old, new = changed.get("deleted_at", [None, None])
    return DELETE if old is None and new is not None else UPDATE


def _created(obj: SyncedMixin) -> Summary:
    values = inspect(obj).dict
    found: Summary = {
        key: [None, _short(values[key], mode == FREE_TEXT)]
        for key, mode in _fields(type(obj))
        if mode != CONTENT and _present(values.get(key))
    }
    if shown_columns(type(obj)) is not None:  # always, so that which fields were filled in tells nothing either
        found[PROTECTED] = [None, CHANGED]
    return found


def _removed(obj: SyncedMixin) -> Summary:
    values = inspect(obj).dict
    found: Summary = {
        key: [_short(values[key], mode == FREE_TEXT), None]
        for key, mode in _fields(type(obj))
        if mode != CONTENT and _present(values.get(key))
    }
    if shown_columns(type(obj)) is not None:
        found[PROTECTED] = [CHANGED, None]
    return found


def _changed(obj: SyncedMixin) -> Summary:
    state = inspect(obj)
    found: Summary = {}
    content_changed = False
    for key, mode in _fields(type(obj)):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new:
            continue
        if mode == CONTENT:
            content_changed = True
        else:
            found[key] = [_short(old, mode == FREE_TEXT), _short(new, mode == FREE_TEXT)]
    if content_changed:
        found[PROTECTED] = [CHANGED, CHANGED]
    return found


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, PLAIN | FREE_TEXT | CONTENT) for the columns worth summarising, in table order."""
    if cls not in _FIELDS:  # mapper inspection is slow; the hook runs on every flush
        fields = []
        mapper: Mapper[Any] = inspect(cls)
        prop: ColumnProperty[Any]
        shown = shown_columns(cls)
        for prop in mapper.column_attrs:
            if prop.key in _BOOKKEEPING or prop.key.endswith(_DERIVED_SUFFIX):
                continue
            column = cast(Column[Any], prop.columns[0])
            if shown is not None and prop.key not in shown:
                fields.append((prop.key, CONTENT))
            else:
                fields.append((prop.key, FREE_TEXT if isinstance(column.type, Text) else PLAIN))
        _FIELDS[cls] = tuple(fields)
    return _FIELDS[cls]


def _present(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _short(value: object, free_text: bool = False) -> Any:
    """A JSON value of at most VALUE_MAX characters.

    Long free text (notes of visits and households) is never copied into the log, which travels to the
    hub: only its length is kept, enough to see that it changed. (Protected content keeps not even that.)
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if free_text:
        return {"chars": len(value if isinstance(value, str) else canonical_json(_jsonable(value)))}
    if isinstance(value, datetime | date):
        text = value.isoformat()
    elif isinstance(value, uuid.UUID):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        text = canonical_json(value) if isinstance(value, list | dict) else str(value)
    return text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "…"


def _jsonable(value: object) -> object:
    return value if isinstance(value, list | dict) else str(value)


def _table_name(obj: SyncedMixin) -> str:
    return str(inspect(obj).mapper.local_table.name)  # type: ignore[attr-defined]


def _record_text(record_id: object) -> str:
    return "" if record_id is None else str(record_id)


# Checking ###################################################################################


def verify_chain(session: Session, kept: Head | None = None) -> ChainReport:
    """Walk the whole chain in order; stop at the first event whose number, link or hash is wrong.

    `kept` is the head kept outside the database: a chain that links up but does not hold that event
    with that hash lost its newest events, or was rewritten and rehashed (HEAD_MISMATCH)."""
    expected_id, prev, checked = 1, GENESIS_HASH, 0
    kept_hash = GENESIS_HASH if kept is not None and kept.id == 0 else None
    for row in session.execute(select(*_COLUMNS).order_by(_TABLE.c.id)):
        reason = _fault(row, expected_id, prev)
        if reason is not None:
            return ChainReport(
                ok=False,
                checked=checked,
                last_id=expected_id - 1 or None,
                last_hash=prev,
                broken_id=int(row.id),
                reason=reason,
                broken_at=row.at,
                broken_table=row.table_name,
                broken_record=row.record_id,
            )
        expected_id, prev, checked = int(row.id) + 1, row.hash, checked + 1
        if kept is not None and row.id == kept.id:
            kept_hash = row.hash
    last_id = expected_id - 1 or None
    if kept is not None and kept_hash != kept.hash:
        return head_mismatch(checked, last_id, prev, kept)
    return ChainReport(ok=True, checked=checked, last_id=last_id, last_hash=prev)


def _fault(row: Any, expected_id: int, prev: str) -> str | None:
    if row.id != expected_id:
        return GAP  # a row was removed (or one with a made-up number added)
    if row.prev_hash != prev:
        return PREV_HASH_MISMATCH  # this row was fine, but the one before it was rewritten
    fields = {name: getattr(row, name) for name in _TABLE.c.keys() if name != "hash"}
    if event_hash(**fields) != row.hash:
        return HASH_MISMATCH  # this row itself was changed
    return None
