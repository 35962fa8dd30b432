"""The few per-profile UI preferences, kept in `ProfilePaths.settings` (JSON).

Other keys in the file belong to other parts of the app and are preserved when we write.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from desktop.paths import ProfilePaths

LANGUAGE_KEY = "language"


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
    data = _read(paths.settings)
    data[LANGUAGE_KEY] = language
    paths.home.mkdir(parents=True, exist_ok=True)
    tmp = paths.settings.with_suffix(f".json.tmp.{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, paths.settings)  # atomic: a crash leaves the old file, never half a file
