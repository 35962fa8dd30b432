"""The audit chain's hash (db.audit): SHA-256 over a canonical JSON of an event's fields and the previous hash."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime


def canonical_json(value: object) -> str:
    """One text per value: sorted keys, no spaces, UTF-8 as is. Hashes and stored summaries use it."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def event_hash(
    *,
    id: int,  # the column's name
    at: datetime,
    user: str,
    device: str,
    action: str,
    table_name: str,
    record_id: str,
    summary: str,
    prev_hash: str,
    user_id: str = "",
) -> str:
    fields: dict[str, object] = {
        "id": id,
        "at": _stamp(at),
        "user": user,
        "device": device,
        "action": action,
        "table": table_name,
        "record": record_id,
        "summary": summary,
        "prev_hash": prev_hash,
    }
    if user_id:  # events written before ids were logged hash without the field, and still verify
        fields["user_id"] = user_id
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def _stamp(at: datetime) -> str:
    # Microseconds always written, so the text is the same before storing and after reading back.
    return at.isoformat(timespec="microseconds")
