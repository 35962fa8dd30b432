from __future__ import annotations

from typing import Any

from alembic import context

from db.base import Base
from db.migrate import UNMANAGED_PREFIXES
from db.models import (  # noqa: F401  (each registers its tables on Base.metadata)
    casework,
    communication,
    profile,
    reference,
    register,
    synced,
)


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    if type_ == "table" and name is not None:
        return not name.startswith(UNMANAGED_PREFIXES)
    return True


def run_migrations() -> None:
    engine = context.config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; Alembic moves and copies
            include_name=include_name,
            compare_type=True,
        )
        context.run_migrations()


run_migrations()
