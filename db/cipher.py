"""The encrypted profile database: SQLCipher through SQLAlchemy's ``sqlite+pysqlcipher`` dialect.

The database is keyed by the raw 256-bit data key from the keyslots (``PRAGMA key = "x'<hex>'"``),
so opening costs no PBKDF2: the slow, salted derivation already happened in Argon2id. The dialect
issues the key pragma first on every new DBAPI connection, before any other statement; then the
same pragmas as the plain engine (`db.session._sqlite_pragmas`: foreign keys, WAL, …) run.

What this gives (each is a test in tests/db/test_cipher.py):

* the file does not begin with ``b"SQLite format 3"`` and Python's plain ``sqlite3`` cannot read it;
* a wrong key raises `WrongKeyError` from `make_encrypted_engine` itself, not at the first query;
  a plain (unencrypted) database raises `NotEncryptedError` so callers can offer to convert it;
* FTS5 with ``tokenize='trigram'`` and ``tokenize='unicode61' prefix='1 2 3'`` work: the sqlcipher3
  wheels (≥ 0.6.4) bundle SQLCipher 4.x with a current SQLite (3.53.4 with 0.6.4), FTS5 enabled, and
  do not use the system libsqlcipher (Debian 12's is SQLCipher 3.4.1 on SQLite 3.15, far too old
  for trigram);
* Alembic migrations (`db.migrate.upgrade_to_head`) run unchanged on it;
* `integrity_problems` authenticates every page (for detecting a damaged database at start-up);
* `encrypt_plain_database` converts an old plain profile database with ``sqlcipher_export``;
* `copy_encrypted_database` makes an online copy (SQLite's backup API) for backups, encrypted with the same key.

There is no rekey: changing a passphrase rewraps a keyslot, the data key never changes.
SQLAlchemy's pysqlcipher dialect uses a SingletonThreadPool (one connection per thread).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError

from db.session import _sqlite_pragmas, create_private

KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"


class CipherError(Exception):
    """Base for problems opening an encrypted database."""


class WrongKeyError(CipherError):
    """The key does not open this file: a wrong key, or a file that is not an encrypted database."""


class NotEncryptedError(CipherError):
    """The file is a plain SQLite database: convert it with `encrypt_plain_database`."""


def _key_literal(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return f"x'{key.hex()}'"


def is_plain_sqlite(path: Path | str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False


def make_encrypted_engine(path: Path | str, key: bytes) -> Engine:
    """An engine on the encrypted database at `path` (created if missing), checked to open with `key`."""
    path = Path(path)
    if is_plain_sqlite(path):
        raise NotEncryptedError(f"{path} is a plain SQLite database")
    create_private(path)
    # The dialect turns the URL password into `pragma key="x'…'"`, its first statement on each connection.
    url = URL.create("sqlite+pysqlcipher", password=_key_literal(key), database=str(path))
    engine = create_engine(url, hide_parameters=True)  # error messages would quote the values: people's data
    event.listen(engine, "connect", _quiet_cipher_log)
    event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DatabaseError as exc:
        engine.dispose()
        if "file is not a database" in str(exc.orig):
            raise WrongKeyError(f"the key does not open {path}") from None
        raise
    return engine


def _quiet_cipher_log(dbapi_conn: Any, _record: Any) -> None:
    """SQLCipher writes "hmac check failed" to stderr on a wrong key; we raise WrongKeyError instead.

    Runs after the dialect's key pragma (listeners added after create_engine come after it), and
    touches no page of the database.
    """
    dbapi_conn.execute("PRAGMA cipher_log_level = NONE")


def cipher_version(engine: Engine) -> tuple[str, str]:
    """(SQLCipher version, SQLite version) of the library behind `engine`."""
    with engine.connect() as conn:
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        sqlite = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
    return str(cipher), str(sqlite)


def integrity_problems(engine: Engine) -> list[str]:
    """Empty when every page authenticates (SQLCipher's HMAC check) and SQLite's quick_check passes.

    For start-up: a damaged database is reported here, so the user can be offered a backup.
    """
    with engine.connect() as conn:
        problems = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
        if not problems:
            problems = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA quick_check") if row[0] != "ok"]
    return problems


def encrypt_plain_database(plain_path: Path | str, encrypted_path: Path | str, key: bytes) -> None:
    """Copy a plain SQLite database into a new encrypted one (schema, rows, FTS indexes, user_version).

    The plain file's content is not changed (closing it may checkpoint its WAL). The copy is written
    beside `encrypted_path` under a temporary name, checked (opens with the key, integrity_check ok,
    same row counts), then moved into place; on any failure nothing is left at `encrypted_path`.
    Refuses to overwrite an existing file. The caller removes the plain file afterwards (securely
    erasing it is not possible on SSDs; old plain backups stay plain). About 5 s for 100 MB here.
    """
    from sqlcipher3 import dbapi2 as sqlcipher

    plain_path, encrypted_path = Path(plain_path), Path(encrypted_path)
    if not is_plain_sqlite(plain_path):
        raise NotEncryptedError(f"{plain_path} is not a plain SQLite database")
    if encrypted_path.exists():
        raise FileExistsError(encrypted_path)
    temp = encrypted_path.with_name(encrypted_path.name + ".encrypting")
    _remove_database_files(temp)
    source = sqlcipher.connect(str(plain_path))
    try:
        counts = _row_counts(source)
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(temp), _key_literal(key)))
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.commit()
        source.execute("DETACH DATABASE encrypted")
    except BaseException:
        source.close()
        _remove_database_files(temp)
        raise
    source.close()
    try:
        _verify_copy(temp, key, counts)
        os.replace(temp, encrypted_path)
    except BaseException:
        _remove_database_files(temp)
        raise


def copy_encrypted_database(source: Path | str, target: Path | str, key: bytes) -> None:
    """Copy the encrypted database at `source` into a new file `target`, encrypted with the same key.

    SQLite's online backup API on a connection of its own: it copies one consistent snapshot, and in
    WAL mode it neither waits for nor blocks the app's connections, even one in the middle of a write
    transaction (whose rows are simply not in the copy). The target is keyed before the first page is
    written, so SQLCipher encrypts every page on its way to the disk and no plain page is ever written.
    The copy is then checked: every page authenticates and quick_check passes, else `CipherError` and
    nothing is left at `target`. Refuses to overwrite an existing file.
    """
    from sqlcipher3 import dbapi2 as sqlcipher

    source, target = Path(source), Path(target)
    if target.exists():
        raise FileExistsError(target)
    try:
        reader = _keyed_connection(source, key)
        try:
            writer = _keyed_connection(target, key)
            try:
                reader.backup(writer)  # all pages in one step: one snapshot, never restarted by a writer
            finally:
                writer.close()
        finally:
            reader.close()
        _check_copy(target, key)
    except sqlcipher.Error as exc:  # a damaged source, a full disk: the caller explains, not SQLite
        _remove_database_files(target)
        raise CipherError(f"cannot copy {source}: {exc}") from exc
    except BaseException:
        _remove_database_files(target)
        raise


def _keyed_connection(path: Path, key: bytes) -> Any:
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path))
    conn.execute(f'PRAGMA key = "{_key_literal(key)}"')  # first, before any page is read or written
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _check_copy(path: Path, key: bytes) -> None:
    conn = _keyed_connection(path, key)
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        if not problems:
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
        # Opening a WAL database makes -wal and -shm files; leave the copy as one self-contained file.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    if problems:
        raise CipherError(f"the copy {path} does not read back: {'; '.join(problems[:3])}")


def _row_counts(conn: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _verify_copy(path: Path, key: bytes, counts: dict[str, int]) -> None:
    engine = make_encrypted_engine(path, key)
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            if conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok" or _row_counts(raw) != counts:
                raise CipherError(f"the encrypted copy {path} differs from the original")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
