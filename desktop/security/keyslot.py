"""One key slot: the profile's data key wrapped under a key that Argon2id derives from a secret.

A slot wraps the random 256-bit data key with AES-256-GCM under a key derived by Argon2id from a
user's passphrase (kind "user") or from the recovery code (kind "recovery"). The slot's version, id,
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

FORMAT_VERSION = 1  # of the key file as a whole
# Of one slot, bound into its associated data. A later version may add members to a slot (a second key
# wrapped for users holding a permission, docs/key-file.md); a reader refuses a version it does not know,
# because rewriting the file would drop what it cannot read. Version 1 equals FORMAT_VERSION, which older
# files bound in its place, so their slots still open.
SLOT_VERSION = 1
SLOT_VERSIONS = frozenset({SLOT_VERSION})
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


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def user_key(user: str) -> str:
    """How user names are compared: NFC, trimmed, case-folded ("Lan" and " lan " are one user)."""
    return nfc(user).strip().casefold()


def key_id(data_key: bytes) -> str:
    return hmac.new(data_key, b"sotay keyslots key id v1", hashlib.sha256).hexdigest()[:32]


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


def wrap(
    data_key: bytes, secret: str, *, kind: SlotKind, user: str | None, kdf: KdfParams, slot_id: str = ""
) -> KeySlot:
    slot_id = slot_id or uuid.uuid4().hex
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    wrapping = derive_key(secret, salt, kdf)
    ciphertext = AESGCM(wrapping).encrypt(nonce, data_key, associated_data(SLOT_VERSION, slot_id, kind, user))
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return KeySlot(slot_id, kind, user, kdf, salt, nonce, ciphertext, created, SLOT_VERSION)


def unwrap(slot: KeySlot, secret: str) -> bytes | None:
    """The data key, or None when the secret is wrong."""
    wrapping = derive_key(secret, slot.salt, slot.kdf)
    try:
        aad = associated_data(slot.version, slot.id, slot.kind, slot.user)
        return AESGCM(wrapping).decrypt(slot.nonce, slot.ciphertext, aad)
    except InvalidTag:
        return None
