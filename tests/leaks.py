"""Looking for personal data on disk: every file of a profile folder but its encrypted database, and every
file of the system's temporary folder written since a test began."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.paths import ProfilePaths

_CLOCK_SLACK = 0.1  # seconds: file times come from a coarser clock than time.time()
_MOST = 64 * 1024 * 1024  # larger files in the temporary folder are not ours (a test writes kilobytes)


def forms(text: str) -> list[bytes]:
    """The ways `text` could be written to a file: NFC and NFD, in UTF-8 and UTF-16, and as JSON escapes."""
    found: list[bytes] = []
    for form in ("NFC", "NFD"):
        normal = unicodedata.normalize(form, text)
        escaped = json.dumps(normal)[1:-1].encode("ascii")
        for encoded in (normal.encode("utf-8"), normal.encode("utf-16-le"), escaped):
            if encoded not in found:
                found.append(encoded)
    return found


def files_written(home: Path, since: float) -> Iterator[Path]:
    """The profile folder's files except profile.db*, then the temporary folder's files newer than `since`."""
    home = home.resolve()
    yield from (path for path in _walk(home) if not _database(path, home))
    for path in _walk(Path(tempfile.gettempdir()).resolve()):
        if path.is_relative_to(home):
            continue
        try:
            stat = path.lstat()
        except OSError:
            continue
        if max(stat.st_mtime, stat.st_ctime) >= since - _CLOCK_SLACK and stat.st_size <= _MOST:
            yield path


def places_holding(texts: list[str], home: Path, since: float) -> list[str]:
    """'file: text' for every file of `files_written` holding one of `texts` in any of its `forms`."""
    wanted = [(text, encoded) for text in texts for encoded in forms(text)]
    hits = []
    for path in files_written(home, since):
        try:
            data = path.read_bytes()
        except OSError:
            continue  # another user's file, or one gone meanwhile
        hits.extend(f"{path}: {text}" for text, encoded in wanted if encoded in data)
    return hits


@contextmanager
def app_logging(paths: ProfilePaths) -> Iterator[None]:
    """The app's own logging set-up (desktop.ui.app) on `paths`, as a window started by a user has it.

    pytest's capture handlers are set aside meanwhile: the app logs to its file only when nothing else
    has claimed the root logger.
    """
    from PySide6.QtCore import qInstallMessageHandler

    from desktop.ui import app

    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    root.handlers = []
    try:
        app._setup_logging(paths)
        yield
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers, root.level = kept, level
        qInstallMessageHandler(None)


def _walk(root: Path) -> Iterator[Path]:
    for folder, _dirs, names in os.walk(root, onerror=lambda _error: None):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _database(path: Path, home: Path) -> bool:
    return path.parent == home and path.name.startswith("profile.db")
