"""The search index beside the register (migrations 0001 and 0002).

`search_entries` holds one row of folded text per person and per household, filled by triggers on
those tables. Two FTS5 indexes read it: `search_words` (whole words, with prefix indexes so a word
being typed matches) and `search_fts` (trigrams, for a fragment inside a word).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

ENTRIES = "search_entries"
WORDS = "search_words"
TRIGRAMS = "search_fts"
FEED_TRIGGER = "search_entries_ai"
INDEXES = (WORDS, TRIGRAMS)
INDEXED_TABLES = ("people", "households")  # their triggers fill search_entries


@contextmanager
def deferred(session: Session) -> Iterator[None]:
    """Index a bulk load once at the end instead of row by row (several times faster).

    Only the trigger feeding the FTS indexes is set aside and put back exactly as it was; the
    register triggers still fill search_entries. It all happens inside the caller's transaction,
    so a failure rolls the dropped trigger back too.
    """
    found = session.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"), {"name": FEED_TRIGGER}
    ).scalar()
    if found is None:
        yield
        return
    driver = session.connection().connection.driver_connection
    if driver is not None and not driver.in_transaction:
        # Python's sqlite3 (3.11) opens a transaction only before DML; DDL alone would autocommit.
        session.execute(text("BEGIN"))
    session.execute(text(f"DROP TRIGGER {FEED_TRIGGER}"))
    yield
    rebuild(session)
    session.execute(text(found))


def rebuild(session: Session) -> None:
    for index in INDEXES:
        session.execute(text(f"INSERT INTO {index}({index}) VALUES ('rebuild')"))
