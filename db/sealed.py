"""Case content sealed field by field: AES-256-GCM under the protection key, bound to table, row and field.

The content columns of support cases and their parts (every column a model does not list in
`__audit_shown__`, db/audit_content.py) hold ciphertext, not values: the database alone, opened with any
user's data key, tells that a case exists, for which household, whose it is, its state and its dates, and
nothing of what it says. Only a session given a `ContentCipher` (a user whose key slot wraps the
protection key, docs/key-file.md) reads or writes them.

A model declares each content field twice: the stored column (`sealed_kind = mapped_column("kind",
LargeBinary)`) and a `SealedField` of the same name (`kind = SealedField(TEXT, "")`), which the rest of the
code reads and sets like any attribute. Reading opens the ciphertext on first use (lazily, so listing cases
costs nothing); setting keeps the value in the instance and marks the column changed, and `seal_pending`
(a flush hook, db.session) encrypts it before the row is written.

A stored value is one version byte and then:
* 1 (SEALED): a 12-byte nonce and the AES-GCM ciphertext with its tag. The plaintext is the value as
  compact JSON, padded with spaces to a multiple of 32 bytes so that a code's length ("high" and "low",
  the kinds of case) does not show. The associated data is the JSON array
  `["sotay-case-content", 1, TABLE, ROW_ID, FIELD]`, so a value copied to another row or field fails.
* 0 (LEGACY): the value as JSON in clear, as migration 0013 left the content of profiles made before
  sealing, until a user holding the protection key opens the profile and seals it (services.casework.sealing).
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import inspect
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.attributes import flag_modified

CONTENT_CIPHER = "content_cipher"  # the key of Session.info holding the ContentCipher, when the user has one
SEALED, LEGACY = 1, 0
NONCE_BYTES = 12
PAD_TO = 32
OPENED_KEPT = 20_000  # values a cipher keeps opened (a few MB at most); then it starts again
_PLAIN = "_sealed_plain"  # instance.__dict__ keys: values read or set, and the fields set since the last seal
_DIRTY = "_sealed_dirty"
_CIPHER = "_sealed_cipher"


class ContentLockedError(PermissionError):
    """Case content was read or written by a session without the protection key.

    The services check the permission first and say so in words; reaching this means a check was missed."""


class DamagedContentError(ValueError):
    """A sealed value does not open with the protection key: changed, moved to another row, or another key."""


@dataclass(frozen=True, slots=True)
class Codec:
    """How a field's value becomes JSON and back."""

    encode: Callable[[Any], Any]
    decode: Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(str(value))


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


PLAIN_JSON = Codec(_same, _same)  # text, numbers, booleans, lists and objects of them
UUID = Codec(_str_or_none, _uuid_or_none)


class ContentCipher:
    """Seals and opens content values with a key derived from the protection key (never the key itself).

    What it opened is kept, keyed by the stored bytes (a new nonce makes every write's bytes new), so a
    case read again by the next view costs a dictionary look-up: the content stays in the memory of the
    logged-in user's process only, as the views built from it do, and goes with the cipher at logout."""

    __slots__ = ("_aead", "_opened")

    def __init__(self, protection_key: bytes) -> None:
        if len(protection_key) != 32:
            raise ValueError("the protection key has 32 bytes")
        derived = HKDF(hashes.SHA256(), 32, None, b"sotay case content v1").derive(protection_key)
        self._aead = AESGCM(derived)
        self._opened: dict[tuple[str, uuid.UUID, str, bytes], str] = {}

    def seal(self, table: str, row_id: uuid.UUID, field: str, value: Any) -> bytes:
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        padded = plain + b" " * (-len(plain) % PAD_TO)
        nonce = secrets.token_bytes(NONCE_BYTES)
        return bytes([SEALED]) + nonce + self._aead.encrypt(nonce, padded, _aad(table, row_id, field))

    def open(self, table: str, row_id: uuid.UUID, field: str, stored: bytes) -> Any:
        known = (table, row_id, field, stored)
        text = self._opened.get(known)
        if text is None:
            text = self._decrypted(table, row_id, field, stored)
            if len(self._opened) >= OPENED_KEPT:
                self._opened.clear()
            self._opened[known] = text
        return json.loads(text)  # a new object each time: a caller may change a list it was given

    def _decrypted(self, table: str, row_id: uuid.UUID, field: str, stored: bytes) -> str:
        version = stored[0] if stored else -1
        if version == LEGACY:
            return stored[1:].decode("utf-8")
        if version != SEALED or len(stored) < 1 + NONCE_BYTES + 16:
            raise DamagedContentError(f"{table}.{field}")
        nonce, body = stored[1 : 1 + NONCE_BYTES], stored[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, _aad(table, row_id, field)).decode("utf-8")
        except InvalidTag:
            raise DamagedContentError(f"{table}.{field}") from None


def _aad(table: str, row_id: uuid.UUID, field: str) -> bytes:
    # The bytes json.dumps(["sotay-case-content", 1, table, row_id.hex, field]) gives for these ASCII
    # identifiers, written out: it runs once per value read, and json.dumps was a third of the cost.
    return f'["sotay-case-content", {SEALED}, "{table}", "{row_id.hex}", "{field}"]'.encode("ascii")


def legacy(value: Any) -> bytes:
    """A value as migration 0013 stores content it cannot seal yet (no protection key at hand)."""
    return bytes([LEGACY]) + json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def open_legacy(stored: bytes) -> Any:
    return json.loads(stored[1:].decode("utf-8"))


def is_legacy(stored: bytes | None) -> bool:
    return stored is not None and stored[:1] == bytes([LEGACY])


class SealedField:
    """A content field of a model, stored sealed in the mapped column `sealed_<name>`."""

    def __init__(self, codec: Codec, default: Callable[[], Any]) -> None:
        self.codec = codec
        self.default = default
        self.name = ""
        self.column = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name, self.column = name, f"sealed_{name}"
        owner.__sealed_fields__ = {**getattr(owner, "__sealed_fields__", {}), name: self}  # type: ignore[attr-defined]

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        plain: dict[str, Any] = obj.__dict__.setdefault(_PLAIN, {})
        if self.name not in plain:
            plain[self.name] = self._opened(obj)
        return plain[self.name]

    def __set__(self, obj: Any, value: Any) -> None:
        persistent = inspect(obj).persistent
        if persistent and self.__get__(obj) == value:
            return  # a form saved unchanged: no new ciphertext, no "content changed" in the audit log
        obj.__dict__.setdefault(_PLAIN, {})[self.name] = value
        obj.__dict__.setdefault(_DIRTY, set()).add(self.name)
        if persistent:
            flag_modified(obj, self.column)  # so the flush visits the row and seal_pending seals it

    def _opened(self, obj: Any) -> Any:
        stored = obj.__dict__.get(self.column)
        if stored is None:  # a new row whose field was never set
            return self.default()
        if is_legacy(stored):  # opens without the key
            return self.codec.decode(open_legacy(stored))
        cipher = obj.__dict__.get(_CIPHER) or _cipher(object_session(obj))
        return self.codec.decode(cipher.open(_table(obj), obj.id, self.name, stored))

    def sealed(self, obj: Any, cipher: ContentCipher) -> bytes:
        return cipher.seal(_table(obj), obj.id, self.name, self.codec.encode(self.__get__(obj)))


def sealed_fields(cls: type) -> dict[str, SealedField]:
    fields: dict[str, SealedField] = getattr(cls, "__sealed_fields__", {})
    return fields


def _table(obj: Any) -> str:
    return str(obj.__tablename__)


def _cipher(session: Session | None) -> ContentCipher:
    cipher = None if session is None else session.info.get(CONTENT_CIPHER)
    if not isinstance(cipher, ContentCipher):
        raise ContentLockedError("case content needs the protection key")
    return cipher


def seal_pending(session: Session, _ctx: Any = None, _instances: Any = None) -> None:
    """Before a flush: seal every content field set since the last flush (all of them for a new row)."""
    for obj in _with_sealed_fields(session.new):
        if obj.id is None:
            obj.id = uuid.uuid4()  # the row id is part of every value's associated data
        _seal(obj, sealed_fields(type(obj)).values(), _cipher(session))
    for obj in _with_sealed_fields(session.dirty):
        dirty: set[str] = obj.__dict__.get(_DIRTY, set())
        if dirty:
            fields = sealed_fields(type(obj))
            _seal(obj, [fields[name] for name in sorted(dirty)], _cipher(session))


def _with_sealed_fields(objects: Iterable[Any]) -> Iterable[Any]:
    return [obj for obj in objects if sealed_fields(type(obj))]


def _seal(obj: Any, fields: Iterable[SealedField], cipher: ContentCipher) -> None:
    for field in fields:
        setattr(obj, field.column, field.sealed(obj, cipher))
    obj.__dict__.pop(_DIRTY, None)


def forget_opened(obj: Any, context: Any, *_args: Any) -> None:
    """After a load or refresh the stored values may be new: open them again when next read, with the
    cipher of the session that loaded the row (found here once, not at every field read)."""
    obj.__dict__.pop(_PLAIN, None)
    obj.__dict__.pop(_DIRTY, None)
    session = getattr(context, "session", None)
    cipher = None if session is None else session.info.get(CONTENT_CIPHER)
    if isinstance(cipher, ContentCipher):
        obj.__dict__[_CIPHER] = cipher
