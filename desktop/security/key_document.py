"""The key file's document (keyslots.json, docs/key-file.md): its slots from JSON and back.

Reading refuses what it does not know (a version, a kind, sizes, KDF costs out of bounds) rather than skip
it: the app rewrites the whole file when a slot changes, and would silently drop what it could not read.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.errors import SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security.keyslot import (
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    KEY_BYTES,
    NONCE_BYTES,
    SLOT_VERSION,
    SLOT_VERSIONS,
    KdfParams,
    KeySlot,
    WrappedKey,
    user_key,
)

FILENAME = "keyslots.json"
FORMAT = "sotay-keyslots"
PROTECTION_KEY_ID = "protection_key_id"

# Loading refuses parameters outside these bounds: a forged file must not make unlocking take hours.
_KDF_LIMITS = {"time_cost": (1, 32), "memory_kib": (8, 1024 * 1024), "parallelism": (1, 16)}


class KeyStoreError(SotayError):
    """keyslots.json is missing, damaged or not ours: the profile cannot be opened as it is."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class KeyDocument:
    key_id: str
    slots: tuple[KeySlot, ...]
    protection_key_id: str | None  # set once a protection key exists, in any slot


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def document(kid: str, slots: tuple[KeySlot, ...], protection_kid: str | None) -> dict[str, object]:
    doc: dict[str, object] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "key_id": kid,
        "slots": [_slot_json(s) for s in slots],
    }
    if protection_kid is not None:
        doc[PROTECTION_KEY_ID] = protection_kid
    return doc


def _slot_json(s: KeySlot) -> dict[str, object]:
    slot: dict[str, object] = {
        "id": s.id,
        "kind": s.kind,
        "user": s.user,
        "kdf": s.kdf.as_json(),
        "salt": _b64(s.salt),
        "nonce": _b64(s.nonce),
        "ciphertext": _b64(s.ciphertext),
        "created_at": s.created_at,
        "version": s.version,
    }
    if s.protection is not None:
        slot["protection_key"] = {"nonce": _b64(s.protection.nonce), "ciphertext": _b64(s.protection.ciphertext)}
    return slot


def read_key_file(path: Path) -> bytes:
    """The bytes of a key file; KeyStoreError, in words, when it is missing or cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise KeyStoreError(QT_TRANSLATE_NOOP("Security", "This profile has no key file (keyslots.json).")) from None
    except OSError as exc:
        raise KeyStoreError(
            QT_TRANSLATE_NOOP("Security", "The key file of this profile cannot be read: {reason}"), reason=str(exc)
        ) from exc


def damaged(detail: str) -> KeyStoreError:
    return KeyStoreError(
        QT_TRANSLATE_NOOP("Security", "The key file of this profile is damaged or not from Sổ tay CTV ({detail})."),
        detail=detail,
    )


def parse_document(raw: bytes) -> KeyDocument:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise damaged("not JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise damaged("unknown format")
    if doc.get("format_version") not in FORMAT_VERSIONS:
        raise KeyStoreError(
            QT_TRANSLATE_NOOP(
                "Security", "The key file has version {version}; this version of the app cannot read it."
            ),
            version=doc.get("format_version"),
        )
    kid = doc.get("key_id")
    slots_doc = doc.get("slots")
    if not isinstance(kid, str) or not isinstance(slots_doc, list) or not slots_doc:
        raise damaged("no key slots")
    slots = tuple(_parse_slot(item, index) for index, item in enumerate(slots_doc))
    if len({s.id for s in slots}) != len(slots):
        raise damaged("duplicate slot ids")
    users = [user_key(s.user) for s in slots if s.user is not None]
    if len(set(users)) != len(users):
        raise damaged("duplicate users")
    protection_kid = doc.get(PROTECTION_KEY_ID)
    if protection_kid is not None and not isinstance(protection_kid, str):
        raise damaged("protection key id")
    if protection_kid is None and any(s.protection is not None for s in slots):
        raise damaged("protection key without its id")
    return KeyDocument(kid, slots, protection_kid)


def _parse_slot(item: Any, index: int) -> KeySlot:
    where = f"slot {index + 1}"
    if not isinstance(item, dict):
        raise damaged(where)
    kind, user = item.get("kind"), item.get("user")
    if kind not in ("user", "recovery") or (kind == "user") != isinstance(user, str):
        raise damaged(f"{where}: kind")
    slot_id, created = item.get("id"), item.get("created_at")
    if not isinstance(slot_id, str) or not slot_id or not isinstance(created, str):
        raise damaged(f"{where}: id")
    version = item.get("version", 1)  # files written before slots carried it hold version 1
    if not isinstance(version, int) or isinstance(version, bool):
        raise damaged(f"{where}: version")
    if version not in SLOT_VERSIONS:
        raise KeyStoreError(
            QT_TRANSLATE_NOOP(
                "Security", "The key file has version {version}; this version of the app cannot read it."
            ),
            version=version,
        )
    kdf = _parse_kdf(item.get("kdf"), where)
    salt, nonce, ciphertext = (_unb64(item.get(name), f"{where}: {name}") for name in ("salt", "nonce", "ciphertext"))
    if len(nonce) != NONCE_BYTES or len(salt) < 8 or len(ciphertext) != KEY_BYTES + 16:
        raise damaged(f"{where}: sizes")
    protection = _parse_protection(item.get("protection_key"), version, where)
    return KeySlot(slot_id, kind, user, kdf, salt, nonce, ciphertext, created, version, protection)


def _parse_protection(member: Any, version: int, where: str) -> WrappedKey | None:
    if member is None:
        return None
    if version < SLOT_VERSION or not isinstance(member, Mapping):
        raise damaged(f"{where}: protection key")
    nonce = _unb64(member.get("nonce"), f"{where}: protection key")
    ciphertext = _unb64(member.get("ciphertext"), f"{where}: protection key")
    if len(nonce) != NONCE_BYTES or len(ciphertext) != KEY_BYTES + 16:
        raise damaged(f"{where}: protection key sizes")
    return WrappedKey(nonce, ciphertext)


def _parse_kdf(doc: Any, where: str) -> KdfParams:
    if not isinstance(doc, Mapping) or doc.get("name") != "argon2id":
        raise damaged(f"{where}: kdf")
    values: dict[str, int] = {}
    for name, (low, high) in _KDF_LIMITS.items():
        value = doc.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise damaged(f"{where}: kdf {name}")
        values[name] = value
    if values["memory_kib"] < 8 * values["parallelism"]:
        raise damaged(f"{where}: kdf memory")
    return KdfParams(**values)


def _unb64(value: Any, where: str) -> bytes:
    if not isinstance(value, str):
        raise damaged(where)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise damaged(where) from None
