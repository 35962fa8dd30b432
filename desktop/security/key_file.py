"""Writing a profile's key file (keyslots.json) in place: atomically, readable by its owner only, one
read-modify-write at a time in this process.

Two writers share the file: slot changes (desktop.security.keystore) and the audit chain's head
(desktop.security.audit_head). Each rewrites the whole file, so each keeps what the other owns as it is
on disk at that moment, never a copy read earlier.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from pathlib import Path

from desktop.fileio import write_atomically

AUDIT_HEAD = "audit_head"  # the optional top-level member holding the audit chain's head

# Held around every read-modify-write of a key file: a head written after a commit must not be lost
# to a slot change written from a stale copy, nor the other way round.
LOCK = threading.RLock()


def write(path: Path, document: Mapping[str, object]) -> None:
    write_atomically(path, encoded(document), private=True)


def encoded(document: Mapping[str, object]) -> bytes:
    # As desktop.fileio.write_json_atomically writes the file when it is made.
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def write_keeping_head(path: Path, document: Mapping[str, object]) -> None:
    """Write a key file whose slots changed with the head found on disk, even one that does not
    authenticate: a head is never silently repaired."""
    with LOCK:
        head = _stored_member(path, AUDIT_HEAD)
        write(path, document if head is None else {**document, AUDIT_HEAD: head})


def _stored_member(path: Path, name: str) -> object | None:
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return doc.get(name) if isinstance(doc, dict) else None
