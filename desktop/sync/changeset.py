"""A changeset: the rows one copy has that others may not, as JSON Lines with a versioned header.

The format is written down in docs/changeset.md; a reader refuses a format or version it does not know
rather than guess.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, BinaryIO

FORMAT = "sotay-changeset"
VERSION = 1
MAX_LINE = 4 * 1024 * 1024  # one row, sealed content included, is far smaller: a longer line is not ours


class ChangesetError(ValueError):
    """A changeset that cannot be read: damaged, cut short, or of a format this version does not know."""


@dataclass(frozen=True)
class RowChange:
    """One row as its sender holds it: every column's value (deleted_at included), its stamps, the clock of
    each field, and the fields the sender itself changed since its last acknowledgement."""

    table: str
    id: str
    values: dict[str, Any]
    hlc: str
    field_clocks: dict[str, list[str]]
    changed_fields: dict[str, str]
    usn: int
    origin: str
    created_at: str
    updated_at: str

    def line(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "id": self.id,
            "hlc": self.hlc,
            "usn": self.usn,
            "origin": self.origin,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "field_clocks": self.field_clocks,
            "changed_fields": self.changed_fields,
            "values": self.values,
        }


@dataclass(frozen=True)
class Changeset:
    id: str
    sender: str  # the device id of the copy that made it
    made_at: str  # its clock when it was made
    schema: str  # the migration revision of the sender's database
    rows: tuple[RowChange, ...] = field(default=())

    def header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "id": self.id,
            "sender": self.sender,
            "made_at": self.made_at,
            "schema": self.schema,
            "rows": len(self.rows),
        }

    def to_jsonl(self) -> bytes:
        return b"".join(self._lines())

    def _lines(self) -> Iterator[bytes]:
        yield _dump(self.header()) + b"\n"
        for row in self.rows:
            yield _dump(row.line()) + b"\n"

    @cached_property
    def _digest(self) -> str:
        """Of the bytes received for a changeset read (read_jsonl), else of its JSON Lines, made line by line
        rather than held whole (100,000 rows are some 180 MB)."""
        digest = hashlib.sha256()
        for line in self._lines():
            digest.update(line)
        return digest.hexdigest()

    def sha256(self) -> str:
        return self._digest

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.rows:
            found[row.table] = found.get(row.table, 0) + 1
        return found


def _dump(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def from_jsonl(data: bytes) -> Changeset:
    return read_jsonl(io.BytesIO(data))


def read_jsonl(stream: BinaryIO) -> Changeset:
    """A changeset read line by line from `stream` (a file, or bytes in memory), its SHA-256 taken of the
    bytes as they were received: the audit event of its application names what arrived."""
    digest = hashlib.sha256()
    first = _next_line(stream, digest)
    if first is None:
        raise ChangesetError("empty changeset")
    header = _load(first)
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise ChangesetError("not a changeset of this version")
    expected = header.get("rows")
    if isinstance(expected, bool) or not isinstance(expected, int) or expected < 0:
        raise ChangesetError("changeset cut short")
    shared: dict[str, str] = {}  # one object for each clock or name repeated across rows: much less memory
    rows = []
    while (line := _next_line(stream, digest)) is not None:
        rows.append(_row(_load(line), shared))
        if len(rows) > expected:
            break
    if len(rows) != expected:
        raise ChangesetError("changeset cut short")
    changeset = Changeset(
        id=_str(header, "id"),
        sender=_str(header, "sender"),
        made_at=_str(header, "made_at"),
        schema=_str(header, "schema"),
        rows=tuple(rows),
    )
    changeset.__dict__["_digest"] = digest.hexdigest()  # frozen: set as cached_property does
    return changeset


def _next_line(stream: BinaryIO, digest: Any) -> bytes | None:
    line = stream.readline(MAX_LINE + 2)
    if not line:
        return None
    digest.update(line)
    if len(line) > MAX_LINE:
        raise ChangesetError("line too long")
    return line[:-1] if line.endswith(b"\n") else line


def _load(line: bytes) -> dict[str, Any]:
    if len(line) > MAX_LINE:
        raise ChangesetError("line too long")
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChangesetError("not JSON") from exc
    if not isinstance(value, dict):
        raise ChangesetError("a line is not an object")
    return value


def _row(line: dict[str, Any], shared: dict[str, str]) -> RowChange:
    clocks, changed, values = line.get("field_clocks"), line.get("changed_fields"), line.get("values")
    if not isinstance(clocks, dict) or not isinstance(changed, dict) or not isinstance(values, dict):
        raise ChangesetError("a row lacks its values or clocks")
    if not all(isinstance(v, list) and len(v) == 2 and all(isinstance(c, str) for c in v) for v in clocks.values()):
        raise ChangesetError("a field clock is not [clock, clock]")
    usn = line.get("usn")
    if isinstance(usn, bool) or not isinstance(usn, int):
        raise ChangesetError("a row's usn is not a number")

    def one(text: str) -> str:
        return shared.setdefault(text, text)

    return RowChange(
        table=one(_str(line, "table")),
        id=_str(line, "id"),
        values={one(k): v for k, v in values.items()},
        hlc=one(_str(line, "hlc")),
        field_clocks={one(k): [one(c) for c in v] for k, v in clocks.items()},
        changed_fields={one(str(k)): one(str(v)) for k, v in changed.items()},
        usn=usn,
        origin=one(_str(line, "origin")),
        created_at=one(_str(line, "created_at")),
        updated_at=one(_str(line, "updated_at")),
    )


def _str(line: dict[str, Any], key: str) -> str:
    value = line.get(key)
    if not isinstance(value, str):
        raise ChangesetError(f"{key} is missing")
    return value
