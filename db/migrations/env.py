from __future__ import annotations

from collections import Counter
from typing import Any

from alembic import context

from db.base import Base
from db.migrate import UNMANAGED_PREFIXES
from db.models import (  # noqa: F401  (each registers its tables on Base.metadata)
    casework,
    communication,
    directory,
    profile,
    reference,
    register,
    sync,
    synced,
)


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    if type_ == "table" and name is not None:
        return not name.startswith(UNMANAGED_PREFIXES)
    return True


def _broken_references(connection: Any) -> Counter[tuple[str, str]]:
    """How many rows of each table point at nothing in each parent (rebuilt tables renumber their rows)."""
    return Counter((row[0], row[2]) for row in connection.exec_driver_sql("PRAGMA foreign_key_check"))


def run_migrations() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        # A migration that rebuilds a table others point at (0013) must drop and recreate it; SQLite checks
        # foreign keys at the drop, so they are off while migrating (they cannot be switched inside a
        # transaction) and checked as a whole before the commit: a reference broken by the migrations rolls
        # them all back.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with connection.begin():
                broken_before = _broken_references(connection)
                context.configure(
                    connection=connection,
                    target_metadata=Base.metadata,
                    render_as_batch=True,  # SQLite cannot ALTER most things; Alembic moves and copies
                    include_name=include_name,
                    compare_type=True,
                )
                context.run_migrations()
                if _broken_references(connection) - broken_before:
                    raise RuntimeError("a migration left rows pointing at nothing; nothing was changed")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


run_migrations()
