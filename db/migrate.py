"""Alembic from code: no alembic.ini needed, so a frozen app can migrate on start-up.

Importing Alembic costs about a quarter of a second, so start-up first compares the database's
revision with the newest one read straight from the revision files, and loads Alembic only when
there is something to upgrade.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSIONS = MIGRATIONS / "versions"

# Tables that live beside the models and are managed by hand-written migrations (search index).
UNMANAGED_PREFIXES = ("search_",)

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade_to_head(engine: Engine) -> None:
    if current_revision(engine) == newest_revision():
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:  # no alembic_version table yet: an empty database
        return None


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def known_revisions() -> set[str]:
    """Every revision this version of the app can migrate from (a backup from a newer app has another)."""
    found = (_REVISION.search(path.read_text(encoding="utf-8")) for path in VERSIONS.glob("*.py"))
    return {match.group(1) for match in found if match is not None}


def newest_revision() -> str | None:
    """The head of a linear chain, read from the revision files without importing Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None:
            continue
        revisions.add(revision.group(1))
        if down is not None and down.group(2):
            parents.add(down.group(2))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
