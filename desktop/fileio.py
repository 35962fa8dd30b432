"""Files that must never be left half-written: keys, key slots, throttling state, later bundles."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, data: bytes, *, private: bool = False, exclusive: bool = False) -> None:
    """Temp file in the same folder, fsync, rename: a crash leaves the old file or the new, never half.

    `private` makes the file readable by its owner only, before any byte is written. `exclusive`
    refuses (FileExistsError) to replace an existing file; no hard-link trick, since profiles may
    live on FAT/exFAT USB sticks, which have none.
    """
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if private:
            os.chmod(temp_name, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if exclusive and path.exists():
            raise FileExistsError(path)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


@contextmanager
def atomic_stream(path: Path, *, private: bool = False) -> Iterator[BinaryIO]:
    """`write_atomically` for files too big to hold in memory (backups): write to the stream given.

    The file appears at `path` only when the block ends without an exception; an existing file is replaced.
    """
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if private:
            os.chmod(temp_name, 0o600)
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def write_json_atomically(path: Path, document: object, *, exclusive: bool = False) -> None:
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    write_atomically(path, data, exclusive=exclusive)


def fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder and needs no such step.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
