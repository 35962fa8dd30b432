"""One key slot: the profile's data key wrapped under a key that Argon2id derives from a secret.

A slot wraps the random 256-bit data key with AES-256-GCM under a key derived by Argon2id from a
user's passphrase (kind "user") or from the recovery code (kind "recovery"). A slot of version 2 may also
wrap the **protection key**, which seals the content of support cases (db/sealed.py), under the same
derived key with a nonce and associated data of its own: only the slots of users holding the protection
permission, and the recovery slot, carry it. The slot's version, id,
kind and user name are the GCM associated data, so slots cannot be swapped between users unnoticed. The
KDF parameters travel with each slot so they can be raised later. The key file that holds the slots is
desktop.security.keystore; docs/key-file.md describes both well enough to unwrap a slot without this code.

Passphrases and user names are NFC-normalised before use, so text typed in decomposed Unicode (as some
Vietnamese input methods produce) still unlocks. Nothing here ever makes a data key but `new_data_key`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP

FORMAT_VERSION = 2  # of the key file as a whole: 2 added `protection_key_id`
FORMAT_VERSIONS = frozenset({1, FORMAT_VERSION})
# Of one slot, bound into its associated data. Version 2 added the `protection_key` member; a reader
# refuses a version it does not know, because rewriting the file would drop what it cannot read. Version 1
# equals the format version older files bound in its place, so their slots still open. New slots are 2.
SLOT_VERSION = 2
SLOT_VERSIONS = frozenset({1, SLOT_VERSION})
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_PASSPHRASE = 8

SlotKind = Literal["user", "recovery"]


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost. memory_kib is in KiB, as argon2 expects."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def as_json(self) -> dict[str, object]:
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }


@dataclass(frozen=True, slots=True)
class KeySlot:
    id: str
    kind: SlotKind
    user: str | None
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    created_at: str
    version: int = SLOT_VERSION
    protection: WrappedKey | None = None  # the protection key, in slots of users holding the permission


@dataclass(frozen=True, slots=True)
class WrappedKey:
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True, slots=True)
class SlotKeys:
    """What a slot opened: always the data key; the protection key only from a slot that carries it."""

    data_key: bytes
    protection_key: bytes | None


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def user_key(user: str) -> str:
    """How user names are compared: NFC, trimmed, case-folded ("Lan" and " lan " are one user)."""
    return nfc(user).strip().casefold()


def key_id(data_key: bytes) -> str:
    return hmac.new(data_key, b"sotay keyslots key id v1", hashlib.sha256).hexdigest()[:32]


def protection_key_id(protection_key: bytes) -> str:
    return hmac.new(protection_key, b"sotay protection key id v1", hashlib.sha256).hexdigest()[:32]


def passphrase_problems(passphrase: str, field: str = "passphrase") -> list[FieldProblem]:
    text = nfc(passphrase)
    problems: list[FieldProblem] = []
    if not text.strip():
        problems.append(
            FieldProblem(field, QT_TRANSLATE_NOOP("Security", "The passphrase cannot be empty or only spaces."))
        )
    elif len(text) < MIN_PASSPHRASE:
        problems.append(
            FieldProblem(
                field,
                QT_TRANSLATE_NOOP("Security", "The passphrase must have at least {minimum} characters."),
                {"minimum": MIN_PASSPHRASE},
            )
        )
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        problems.append(
            FieldProblem(field, QT_TRANSLATE_NOOP("Security", "The passphrase cannot contain control characters."))
        )
    return problems


def derive_key(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=nfc(secret).encode("utf-8"),
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def associated_data(version: int, slot_id: str, kind: SlotKind, user: str | None) -> bytes:
    """The exact bytes docs/key-file.md spells out: JSON with ", " between items, non-ASCII kept, UTF-8."""
    return json.dumps(["sotay-keyslot", version, slot_id, kind, user], ensure_ascii=False).encode("utf-8")


def protection_associated_data(version: int, slot_id: str, kind: SlotKind, user: str | None) -> bytes:
    return json.dumps(["sotay-keyslot-protection", version, slot_id, kind, user], ensure_ascii=False).encode("utf-8")


def wrap(
    data_key: bytes,
    secret: str,
    *,
    kind: SlotKind,
    user: str | None,
    kdf: KdfParams,
    slot_id: str = "",
    protection_key: bytes | None = None,
) -> KeySlot:
    """A new slot (new salt and nonces) for `secret`; with `protection_key`, one that carries it too."""
    slot_id = slot_id or uuid.uuid4().hex
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    wrapping = derive_key(secret, salt, kdf)
    ciphertext = AESGCM(wrapping).encrypt(nonce, data_key, associated_data(SLOT_VERSION, slot_id, kind, user))
    protection = None
    if protection_key is not None:
        second = secrets.token_bytes(NONCE_BYTES)
        aad = protection_associated_data(SLOT_VERSION, slot_id, kind, user)
        protection = WrappedKey(second, AESGCM(wrapping).encrypt(second, protection_key, aad))
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return KeySlot(slot_id, kind, user, kdf, salt, nonce, ciphertext, created, SLOT_VERSION, protection)


def unwrap(slot: KeySlot, secret: str) -> bytes | None:
    """The data key, or None when the secret is wrong."""
    keys = unwrap_keys(slot, secret)
    return None if keys is None else keys.data_key


def unwrap_keys(slot: KeySlot, secret: str) -> SlotKeys | None:
    """The data key and, from a slot that carries it, the protection key; None when the secret is wrong.

    A protection member that does not open (changed in the file) is treated as absent: the user reads what
    any user may, and an officer can grant the permission again."""
    wrapping = derive_key(secret, slot.salt, slot.kdf)
    aead = AESGCM(wrapping)
    try:
        data_key = aead.decrypt(
            slot.nonce, slot.ciphertext, associated_data(slot.version, slot.id, slot.kind, slot.user)
        )
    except InvalidTag:
        return None
    protection_key = None
    if slot.protection is not None:
        aad = protection_associated_data(slot.version, slot.id, slot.kind, slot.user)
        try:
            protection_key = aead.decrypt(slot.protection.nonce, slot.protection.ciphertext, aad)
        except InvalidTag:
            protection_key = None
    return SlotKeys(data_key, protection_key)
