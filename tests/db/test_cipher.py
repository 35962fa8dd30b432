from __future__ import annotations

import os
import sqlite3
import time

import pytest
from sqlalchemy import event, inspect, text

from db.cipher import (
    NotEncryptedError,
    WrongKeyError,
    cipher_version,
    encrypt_plain_database,
    integrity_problems,
    is_plain_sqlite,
    make_encrypted_engine,
)
from db.migrate import current_revision, head_revision, upgrade_to_head
from db.session import make_engine

KEY = bytes(range(32))


@pytest.fixture
def migrated(tmp_path):
    engine = make_encrypted_engine(tmp_path / "profile.db", KEY)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


def _add_entries(conn, texts):
    # search_entries.id is the rowid both FTS5 indexes use; its insert trigger feeds them.
    for i, value in enumerate(texts, start=1):
        conn.execute(
            text(
                "INSERT INTO search_entries (id, kind, ref_id, household_id, text)"
                " VALUES (:id, 'person', :ref, :hh, :t)"
            ),
            {"id": i, "ref": f"{i:032x}", "hh": "0" * 32, "t": value},
        )


def _search(conn, table, query):
    return (
        conn.execute(text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid"), {"q": query})
        .scalars()
        .all()
    )


def test_file_is_encrypted_and_plain_sqlite_cannot_read_it(migrated, tmp_path):
    path = tmp_path / "profile.db"
    migrated.dispose()
    head = path.read_bytes()[:16]
    assert not head.startswith(b"SQLite format 3")
    assert not is_plain_sqlite(path)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_key_is_the_first_statement_and_the_usual_pragmas_apply(tmp_path):
    statements: list[str] = []
    engine = make_encrypted_engine(tmp_path / "p.db", KEY)
    engine.dispose()

    @event.listens_for(engine.pool, "connect", insert=True)
    def trace(dbapi_conn, _record):
        dbapi_conn.set_trace_callback(statements.append)

    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert statements[0].lower().replace(" ", "").startswith("pragmakey=")
    engine.dispose()


def test_wrong_key_raises_at_open(migrated, tmp_path):
    migrated.dispose()
    before = (tmp_path / "profile.db").read_bytes()
    with pytest.raises(WrongKeyError):
        make_encrypted_engine(tmp_path / "profile.db", bytes(32))
    assert (tmp_path / "profile.db").read_bytes() == before


def test_the_raw_key_skips_pbkdf2(migrated, tmp_path):
    # A passphrase key would run PBKDF2-HMAC-SHA512 (256,000 rounds, about 0.2 s here) on every open.
    migrated.dispose()
    started = time.perf_counter()
    for _ in range(5):
        make_encrypted_engine(tmp_path / "profile.db", KEY).dispose()
    assert (time.perf_counter() - started) / 5 < 0.1


def test_integrity_problems_finds_a_changed_byte(migrated, tmp_path):
    with migrated.begin() as conn:
        _add_entries(conn, ["nguyen thi lan"])
    assert integrity_problems(migrated) == []
    migrated.dispose()  # the last connection closing checkpoints the WAL into the file
    path = tmp_path / "profile.db"
    assert not os.path.exists(str(path) + "-wal")
    data = bytearray(path.read_bytes())
    data[4096 * 2 + 100] ^= 0x01  # inside the third page
    path.write_bytes(bytes(data))
    damaged = make_encrypted_engine(path, KEY)  # page 1 is intact: it still opens
    assert integrity_problems(damaged) != []
    damaged.dispose()


def test_a_plain_database_is_named_as_such(tmp_path):
    plain = make_engine(tmp_path / "plain.db")
    upgrade_to_head(plain)
    plain.dispose()
    with pytest.raises(NotEncryptedError):
        make_encrypted_engine(tmp_path / "plain.db", KEY)


def test_key_must_be_32_bytes(tmp_path):
    with pytest.raises(ValueError):
        make_encrypted_engine(tmp_path / "p.db", b"short")


def test_sqlcipher_has_fts5_trigram_and_unicode61_prefix_indexes(tmp_path):
    engine = make_encrypted_engine(tmp_path / "p.db", KEY)
    cipher, sqlite = cipher_version(engine)
    print(f"SQLCipher {cipher}, SQLite {sqlite}")
    assert cipher.startswith("4.")
    assert tuple(int(part) for part in sqlite.split(".")[:2]) >= (3, 34)  # trigram arrived in 3.34
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE tri USING fts5(t, tokenize='trigram')")
        conn.exec_driver_sql("CREATE VIRTUAL TABLE words USING fts5(t, tokenize='unicode61', prefix='1 2 3')")
        for table in ("tri", "words"):
            conn.exec_driver_sql(f"INSERT INTO {table}(rowid, t) VALUES (1, 'nguyen thi lan'), (2, 'le van ha')")
        assert _search(conn, "tri", '"uye"') == [1]
        assert _search(conn, "words", "le*") == [2]
        assert _search(conn, "words", "ng* AND l*") == [1]
    engine.dispose()


def test_real_migrations_run_on_the_encrypted_database_and_search_works(migrated):
    assert current_revision(migrated) == head_revision(migrated)
    tables = set(inspect(migrated).get_table_names())
    assert {"households", "people", "search_entries", "search_fts", "search_words"} <= tables
    with migrated.begin() as conn:
        _add_entries(conn, ["nguyen thi lan", "le van ha"])
    with migrated.connect() as conn:
        assert _search(conn, "search_fts", '"thi"') == [1]
        assert _search(conn, "search_words", "ha*") == [2]


def test_reopening_with_the_same_key_reads_the_data(migrated, tmp_path):
    with migrated.begin() as conn:
        _add_entries(conn, ["tran thi mai"])
    migrated.dispose()
    again = make_encrypted_engine(tmp_path / "profile.db", KEY)
    with again.connect() as conn:
        assert _search(conn, "search_words", "mai*") == [1]
    again.dispose()


def test_encrypt_plain_database_keeps_rows_and_search(tmp_path):
    plain_path, encrypted_path = tmp_path / "old.db", tmp_path / "new.db"
    plain = make_engine(plain_path)
    upgrade_to_head(plain)
    with plain.begin() as conn:
        _add_entries(conn, ["nguyen thi lan", "le van ha", "pham minh tu"])
        conn.exec_driver_sql("PRAGMA user_version = 7")
    plain.dispose()
    original = plain_path.read_bytes()

    encrypt_plain_database(plain_path, encrypted_path, KEY)

    assert plain_path.read_bytes() == original  # the old file is only read
    assert not is_plain_sqlite(encrypted_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db", "old.db"]
    engine = make_encrypted_engine(encrypted_path, KEY)
    with engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM search_entries").scalar() == 3
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 7
        assert _search(conn, "search_fts", '"inh"') == [3]
        assert _search(conn, "search_words", "la*") == [1]
        # The triggers came across too: new rows are indexed.
        conn.exec_driver_sql("DELETE FROM search_entries WHERE id = 2")
        assert _search(conn, "search_words", "ha*") == []
        for index in ("search_fts", "search_words"):  # raises if an index disagrees with its content table
            conn.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()
    with pytest.raises(WrongKeyError):
        make_encrypted_engine(encrypted_path, bytes(32))


def test_encrypt_plain_database_refuses_to_overwrite_or_to_encrypt_twice(tmp_path):
    plain = make_engine(tmp_path / "old.db")
    upgrade_to_head(plain)
    plain.dispose()
    (tmp_path / "new.db").write_bytes(b"something")
    with pytest.raises(FileExistsError):
        encrypt_plain_database(tmp_path / "old.db", tmp_path / "new.db", KEY)
    encrypted = make_encrypted_engine(tmp_path / "enc.db", KEY)
    encrypted.dispose()
    with pytest.raises(NotEncryptedError):
        encrypt_plain_database(tmp_path / "enc.db", tmp_path / "other.db", KEY)
    assert not (tmp_path / "other.db").exists()


def test_no_temporary_files_are_left_after_a_failed_conversion(tmp_path, monkeypatch):
    import db.cipher as cipher

    plain = make_engine(tmp_path / "old.db")
    upgrade_to_head(plain)
    plain.dispose()

    def broken(*_args):
        raise cipher.CipherError("boom")

    monkeypatch.setattr(cipher, "_verify_copy", broken)
    with pytest.raises(cipher.CipherError):
        encrypt_plain_database(tmp_path / "old.db", tmp_path / "new.db", KEY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]
    assert os.path.exists(tmp_path / "old.db")


def test_an_old_plain_profile_protected_serves_the_same_search_results(tmp_path):
    """The upgrade path end to end: a plain demo profile, protected with a passphrase, answers alike."""
    from desktop.demo.build import build_demo
    from desktop.paths import ProfilePaths
    from desktop.services.profile import opening as profile_service
    from desktop.services.register import search

    paths = ProfilePaths(tmp_path / "home")
    plain = profile_service.open_plain(paths)  # what a profile made before encryption looks like
    build_demo(plain, households=30, seed=1)
    queries = ["nguyen", "thi", "le", "ng", "Xóm"]
    expected = {q: search.search(plain, q) for q in queries}
    assert any(expected.values())
    plain.close()
    assert profile_service.profile_state(paths) is profile_service.ProfileState.PLAIN

    created = profile_service.protect_plain(paths, user="Lan", passphrase="mật khẩu của Lan")
    created.profile.close()
    assert not paths.database.read_bytes().startswith(b"SQLite format 3")
    assert sorted(p.name for p in paths.home.glob("profile.db*")) == ["profile.db"]

    unlocked = profile_service.unlock(paths, "Lan", "mật khẩu của Lan")
    try:
        assert {q: search.search(unlocked, q) for q in queries} == expected
        assert unlocked.user.manages_users and unlocked.user.protection
    finally:
        unlocked.close()
