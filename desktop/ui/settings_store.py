"""The few per-profile UI preferences, kept in `ProfilePaths.settings` (JSON).

Other keys in the file belong to other parts of the app and are preserved when we write.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.fileio import write_atomically
from desktop.paths import ProfilePaths

LANGUAGE_KEY = "language"
IDLE_LOCK_KEY = "idle_lock_minutes"
LAST_USER_KEY = "last_user"
COLUMN_WIDTHS_KEY = "column_widths"
IDLE_LOCK_DEFAULT, IDLE_LOCK_MIN, IDLE_LOCK_MAX = 10, 1, 120
COLUMN_WIDTH_MIN, COLUMN_WIDTH_MAX = 24, 2000  # pixels: wide enough to grab again, never a runaway


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # A missing or damaged settings file must never stop the app from starting.
        return {}
    return data if isinstance(data, dict) else {}


def saved_language(paths: ProfilePaths) -> str | None:
    value = _read(paths.settings).get(LANGUAGE_KEY)
    return value if isinstance(value, str) else None


def save_language(paths: ProfilePaths, language: str) -> None:
    _write(paths, LANGUAGE_KEY, language)


def saved_idle_minutes(paths: ProfilePaths) -> int:
    """Minutes without keyboard or mouse input before the app locks itself (1–120, default 10)."""
    value = _read(paths.settings).get(IDLE_LOCK_KEY)
    if isinstance(value, bool) or not isinstance(value, int):
        return IDLE_LOCK_DEFAULT
    return min(max(value, IDLE_LOCK_MIN), IDLE_LOCK_MAX)


def save_idle_minutes(paths: ProfilePaths, minutes: int) -> None:
    _write(paths, IDLE_LOCK_KEY, min(max(int(minutes), IDLE_LOCK_MIN), IDLE_LOCK_MAX))


def saved_last_user(paths: ProfilePaths) -> str | None:
    """Who logged in last on this device, to preselect at the next login (names are not secret)."""
    value = _read(paths.settings).get(LAST_USER_KEY)
    return value if isinstance(value, str) else None


def save_last_user(paths: ProfilePaths, user: str) -> None:
    _write(paths, LAST_USER_KEY, user)


def saved_column_widths(paths: ProfilePaths, table: str) -> list[int]:
    """The widths the user gave a table's columns, first column first; [] when none were saved.

    Tables are named by what they list ("visits"), never by anything about the people in them. A
    damaged entry gives [] and the table keeps its starting widths."""
    tables = _read(paths.settings).get(COLUMN_WIDTHS_KEY)
    widths = tables.get(table) if isinstance(tables, dict) else None
    if not isinstance(widths, list) or not all(_is_width(w) for w in widths):
        return []
    return list(widths)


def save_column_widths(paths: ProfilePaths, table: str, widths: list[int]) -> None:
    tables = _read(paths.settings).get(COLUMN_WIDTHS_KEY)
    tables = dict(tables) if isinstance(tables, dict) else {}
    tables[table] = [min(max(int(w), COLUMN_WIDTH_MIN), COLUMN_WIDTH_MAX) for w in widths]
    _write(paths, COLUMN_WIDTHS_KEY, tables)


def _is_width(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and COLUMN_WIDTH_MIN <= value <= COLUMN_WIDTH_MAX


def _write(paths: ProfilePaths, key: str, value: Any) -> None:
    data = _read(paths.settings)
    data[key] = value
    paths.home.mkdir(parents=True, exist_ok=True)
    # A crash leaves the old file, never half a file; like every file of the profile, it is the owner's only.
    write_atomically(paths.settings, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), private=True)
