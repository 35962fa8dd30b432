"""The audit chain's head in the key file: the newest event's id and hash, authenticated with the data key.

Each audit event's hash covers the one before it, so removing the newest events leaves a chain that still
links up. The key file's optional ``audit_head`` member, kept outside the database, is what shows it:
``{"id": N, "hash": "…", "tag": "…"}``, the tag an HMAC-SHA256 under a key derived from the data key by
HKDF with a label of its own (docs/key-file.md, "The audit chain's head"). When to move it is decided
above (desktop.services.profile.audit); this module reads, checks and writes it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.security import key_document, key_file
from desktop.security.keyslot import key_id

MEMBER = key_file.AUDIT_HEAD
_HEAD_INFO = b"sotay audit head v1"  # HKDF info: the head's MAC key is used for nothing else
_HEAD_LABEL = "audit-head"
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The newest audit event: its id (0 for an empty chain) and its hash."""

    id: int
    hash: str


class HeadStatus(StrEnum):
    MISSING = "missing"  # a key file written before heads were kept (or by an older app)
    AUTHENTIC = "authentic"
    FORGED = "forged"  # present, but malformed or its tag does not match: changed outside the app


@dataclass(frozen=True, slots=True)
class StoredHead:
    status: HeadStatus
    head: AuditHead | None = None  # only when AUTHENTIC


def head_tag(data_key: bytes, head: AuditHead) -> str:
    """HMAC-SHA256, keyed by HKDF-SHA256(data key, info "sotay audit head v1"), over
    ``["audit-head", ID, "HASH"]`` (docs/key-file.md): never keyed with the data key itself."""
    mac_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HEAD_INFO).derive(data_key)
    message = json.dumps([_HEAD_LABEL, head.id, head.hash], ensure_ascii=False).encode("utf-8")
    return hmac.new(mac_key, message, hashlib.sha256).hexdigest()


def read_audit_head(folder: Path, data_key: bytes) -> StoredHead:
    """The head the key file in `folder` records, checked against `data_key`. KeyStoreError when the
    file itself cannot be read or is another profile's."""
    doc = _key_file(Path(folder) / key_document.FILENAME, data_key)
    return _head_of(doc.get(MEMBER), data_key)


def audit_head_in(raw: bytes, data_key: bytes) -> StoredHead:
    """The head recorded in the bytes of a key file (one read before a backup's database copy)."""
    return _head_of(_key_document(raw, data_key).get(MEMBER), data_key)


def advance_audit_head(folder: Path, data_key: bytes, expected: AuditHead | None, new: AuditHead) -> bool:
    """Record `new` as the head, if the file still holds `expected` (authentic) or, for None, no head.

    Compare-and-set under this process's lock, so a head that no longer matches (changed outside the
    app, or by another writer) is left as found for `audit verify` to report. False when nothing was
    written. KeyStoreError when the file cannot be read or is another profile's; OSError from writing.
    """
    path = Path(folder) / key_document.FILENAME
    with key_file.LOCK:
        doc = _key_file(path, data_key)
        stored = _head_of(doc.get(MEMBER), data_key)
        if expected is None:
            if stored.status is not HeadStatus.MISSING:
                return False
        elif stored.head != expected:
            return False
        doc[MEMBER] = head_document(data_key, new)
        key_file.write(path, doc)
    return True


def with_audit_head(raw: bytes, data_key: bytes, head: AuditHead) -> bytes:
    """The bytes of a key file with its head set to `head`: for a backup, whose database copy may be
    older than the profile's key file. Raises KeyStoreError like loading."""
    doc = _key_document(raw, data_key)
    doc[MEMBER] = head_document(data_key, head)
    return key_file.encoded(doc)


def head_document(data_key: bytes, head: AuditHead) -> dict[str, object]:
    if head.id < 0 or len(head.hash) != 64 or not set(head.hash) <= _HEX:
        raise ValueError("not an audit chain head")
    return {"id": head.id, "hash": head.hash, "tag": head_tag(data_key, head)}


def _head_of(value: object, data_key: bytes) -> StoredHead:
    if value is None:
        return StoredHead(HeadStatus.MISSING)
    if not isinstance(value, dict):
        return StoredHead(HeadStatus.FORGED)
    number, digest, tag = value.get("id"), value.get("hash"), value.get("tag")
    if not isinstance(number, int) or isinstance(number, bool) or not isinstance(digest, str):
        return StoredHead(HeadStatus.FORGED)
    head = AuditHead(number, digest)
    if not isinstance(tag, str) or not hmac.compare_digest(tag, head_tag(data_key, head)):
        return StoredHead(HeadStatus.FORGED)
    return StoredHead(HeadStatus.AUTHENTIC, head)


def _key_file(path: Path, data_key: bytes) -> dict[str, Any]:
    return _key_document(key_document.read_key_file(path), data_key)


def _key_document(raw: bytes, data_key: bytes) -> dict[str, Any]:
    kid = key_document.parse_document(raw).key_id  # a damaged file is refused, as at loading, never rewritten
    if not hmac.compare_digest(kid, key_id(data_key)):
        raise key_document.damaged("another profile's key")
    return cast(dict[str, Any], json.loads(raw.decode("utf-8")))  # parse_document checked it is an object
