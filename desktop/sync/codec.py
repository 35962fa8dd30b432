"""Column values as JSON and back, by the column's type: what a changeset line carries.

Sealed case content is bytes and travels as base64: the engine never opens it (architecture.md §6).
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Integer, LargeBinary, String, Table, Text, Uuid

from db.base import UTCDateTime

Encode = Callable[[Any], Any]
Decode = Callable[[Any], Any]


class CodecError(ValueError):
    """A value of a changeset line that its column cannot hold."""


def _uuid_out(value: uuid.UUID) -> str:
    return str(value)


def _uuid_in(value: Any) -> uuid.UUID:
    return uuid.UUID(_text(value))


def _stamp_out(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _stamp_in(value: Any) -> datetime:
    text = _text(value)
    if len(text) != len("2026-12-07T09:30:00.000000Z") or not text.endswith("Z"):
        raise CodecError("expected a time in UTC")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


def _date_out(value: date) -> str:
    return value.isoformat()


def _date_in(value: Any) -> date:
    return date.fromisoformat(_text(value))


def _bytes_out(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _bytes_in(value: Any) -> bytes:
    return base64.b64decode(_text(value), validate=True)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise CodecError("expected text")
    return value


def _int_in(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CodecError("expected a whole number")
    return value


def _bool_in(value: Any) -> bool:
    if not isinstance(value, bool):
        raise CodecError("expected true or false")
    return value


def _same(value: Any) -> Any:
    return value


def _codec(column: Column[Any]) -> tuple[Encode, Decode]:
    kind = column.type
    if isinstance(kind, Uuid):
        return _uuid_out, _uuid_in
    if isinstance(kind, UTCDateTime):
        return _stamp_out, _stamp_in
    if isinstance(kind, Date):
        return _date_out, _date_in
    if isinstance(kind, LargeBinary):
        return _bytes_out, _bytes_in
    if isinstance(kind, Boolean):
        return _same, _bool_in
    if isinstance(kind, Integer):
        return _same, _int_in
    if isinstance(kind, String | Text):
        return _same, _text
    if isinstance(kind, JSON):
        return _same, _same
    raise TypeError(f"no changeset codec for {column.table.name}.{column.name}")


class TableCodec:
    """Encodes and decodes the rows of one table; None stays null for every type."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = tuple(column.name for column in table.columns)
        self._codecs = {column.name: _codec(column) for column in table.columns}

    def encode(self, row: dict[str, Any]) -> dict[str, Any]:
        return {name: None if value is None else self._codecs[name][0](value) for name, value in row.items()}

    def decode(self, values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(self._codecs)
        if unknown:
            raise CodecError(f"{self.table.name} has no column {sorted(unknown)[0]}")
        return {name: None if value is None else self._codecs[name][1](value) for name, value in values.items()}


# Reading stored values straight from the driver: what SQLAlchemy's types keep in SQLite, turned into a
# changeset's JSON without making Python objects first (extract reads every pending row: 100,000 at a time).
_STORED_STAMP = len("2026-12-07 09:30:00.000000")


def _raw_uuid(stored: Any) -> Any:
    text = str(stored)
    if len(text) == 32:  # sa.Uuid keeps 32 hex digits
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return str(uuid.UUID(text))


def _raw_stamp(stored: Any) -> Any:
    text = str(stored)
    if len(text) == _STORED_STAMP and text[10] == " ":
        return text[:10] + "T" + text[11:] + "Z"
    return _stamp_out(datetime.fromisoformat(text).replace(tzinfo=UTC))  # written without microseconds


def _raw_json(stored: Any) -> Any:
    return json.loads(stored) if isinstance(stored, str | bytes) else stored


def _raw_bool(stored: Any) -> Any:
    return bool(stored)


def _raw_date(stored: Any) -> Any:
    return str(stored)[:10]


def _raw_bytes(stored: Any) -> Any:
    return base64.b64encode(bytes(stored)).decode("ascii")


def raw_encoder(column: Column[Any]) -> Encode:
    kind = column.type
    if isinstance(kind, Uuid):
        return _raw_uuid
    if isinstance(kind, UTCDateTime):
        return _raw_stamp
    if isinstance(kind, Date):
        return _raw_date
    if isinstance(kind, LargeBinary):
        return _raw_bytes
    if isinstance(kind, Boolean):
        return _raw_bool
    if isinstance(kind, JSON):
        return _raw_json
    return _same
