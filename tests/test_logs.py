"""No personal data in a log: the engines never quote the values of a failing statement, a log keeps an
exception's type and place but not its message, the command line's log names the command but not its
arguments, log files are the owner's only, and a log folder that cannot be written sends nothing to a
shared temporary folder."""

from __future__ import annotations

import logging
import os
import stat
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import Date, bindparam, text
from sqlalchemy.exc import IntegrityError, OperationalError

from db.cipher import KEY_BYTES, make_encrypted_engine
from db.session import make_engine
from desktop import logs
from desktop.cli import app, console, report
from desktop.paths import ProfilePaths
from desktop.services.register import search
from tests.cli_helpers import clean_process_state, run  # noqa: F401 - the autouse fixture
from tests.conftest import PASSPHRASE, make_profile
from tests.leaks import app_logging, places_holding

NAME = "Dương Thị Lý"
REASON = f"no household for {NAME}"  # an exception's message quoting a person, as many do
FOLDED = ("duong thi ly", "Duong Thi Ly")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def failing_query(name: str) -> BaseException:
    """The error a statement with `name` bound to it raises on the profile's kind of engine."""
    engine = make_engine(":memory:")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1 FROM nowhere WHERE full_name = :name"), {"name": name})
    except OperationalError as error:
        return error
    finally:
        engine.dispose()
    raise AssertionError("the statement did not fail")


# The engine and the formatter ##################################################################


@pytest.mark.parametrize("kind", ["plain", "encrypted"])
def test_a_failing_statement_does_not_quote_its_values(kind, tmp_path):
    # Only the encrypted one in a file: a plain file holding the name would be found by the scans below.
    path = tmp_path / "profile.db"
    engine = make_engine(":memory:") if kind == "plain" else make_encrypted_engine(path, os.urandom(KEY_BYTES))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (body TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO notes VALUES (:body)"), {"body": NAME})
    with pytest.raises(IntegrityError) as raised, engine.begin() as conn:
        conn.execute(text("INSERT INTO notes VALUES (:body)"), {"body": NAME})
    engine.dispose()
    assert NAME not in str(raised.value) and "UNIQUE constraint failed" in str(raised.value)


def test_a_logged_exception_keeps_its_type_and_place_but_not_its_message():
    try:
        try:
            raise ValueError(REASON)
        except ValueError as first:
            raise failing_query(NAME) from first
    except OperationalError as error:
        caught = error
    written = logs.redacted_traceback(caught)
    assert NAME not in written and "no household" not in written and "no such table" not in written
    assert written.index("ValueError") < written.index("direct cause") < written.index("OperationalError")
    assert "test_logs.py" in written and "in test_a_logged_exception_keeps_its_type" in written
    assert "[SQL: SELECT 1 FROM nowhere WHERE full_name = ?]" in written and "SQLITE_ERROR" in written
    try:
        try:
            raise KeyError(NAME)
        except KeyError:
            raise ValueError(REASON)  # noqa: B904 - the implicit chain is what is shown
    except ValueError as error:
        during = logs.redacted_traceback(error)
    assert "KeyError\n\nDuring handling of the above exception, another exception occurred:" in during
    assert during.endswith("\nValueError") and NAME not in during


def test_a_string_literal_in_a_statement_is_masked():
    assert logs.masked_sql(f"SELECT *\n  FROM people WHERE full_name = '{NAME}' OR note = 'it''s'") == (
        "SELECT * FROM people WHERE full_name = '?' OR note = '?'"
    )


def test_every_handler_of_the_app_writes_redacted_records(tmp_path):
    formatter = logs.RedactingFormatter(logs.FORMAT)
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "Opening %s failed: %s", ("the profile", None), None)
    record.args = ("the profile", ValueError(NAME))
    try:
        raise KeyError(NAME)
    except KeyError as error:
        record.exc_info = (KeyError, error, error.__traceback__)
    logging.Formatter().format(record)  # a plain handler first caches the full traceback on the record
    written = formatter.format(record)
    assert NAME not in written
    assert "Opening the profile failed: ValueError" in written and written.rstrip().endswith("KeyError")
    record.msg, record.args, record.exc_info = KeyError(NAME), (), None
    assert formatter.format(record).endswith(": KeyError")  # log.error(error): the type, not the message


# The app's log file ################################################################################


def test_the_app_log_is_the_owners_only(tmp_path):
    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True, mode=0o755)
    (home / "logs" / "sotay.log").write_text("from an older version\n")
    (home / "logs" / "sotay.log").chmod(0o644)
    with app_logging(ProfilePaths(home)):
        logging.getLogger("desktop.test").error("Saving failed", exc_info=ValueError(NAME))
    log = home / "logs" / "sotay.log"
    assert mode(log) == 0o600 and mode(home / "logs") == 0o700
    written = log.read_text(encoding="utf-8")
    assert "Saving failed" in written and "ValueError" in written and NAME not in written


def test_a_new_app_log_is_made_private(tmp_path):
    home = tmp_path / "fresh"
    with app_logging(ProfilePaths(home)):
        logging.getLogger("desktop.test").info("started")
    assert mode(home / "logs" / "sotay.log") == 0o600 and mode(home / "logs") == 0o700


def test_a_blocked_log_folder_sends_the_app_log_to_the_terminal_only(tmp_path, capsys, monkeypatch):
    started = time.time()
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("a file where the log folder should be")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    console.install_language("vi")  # as `sotay` has it when it opens the window
    with app_logging(ProfilePaths(home)):
        for _ in range(2):
            logging.getLogger("desktop.test").error("Saving failed", exc_info=ValueError(NAME))
    monkeypatch.undo()
    err = capsys.readouterr().err
    notice = f"Không ghi được vào thư mục nhật ký {home / 'logs'}; thông báo chỉ hiện ở cửa sổ dòng lệnh."
    assert err.splitlines()[0] == notice and err.count(notice) == 1  # said once, then the log itself
    assert err.count("Saving failed") == 2 and "ValueError" in err and NAME not in err
    assert (home / "logs").read_text() == "a file where the log folder should be"
    assert not (tmp_path / "tmp").exists() and places_holding([NAME], home, started) == []


# The command line ###################################################################################


def test_a_failing_find_leaves_the_name_searched_for_in_no_log(tmp_path, capsys, monkeypatch):
    started = time.time()
    home = tmp_path / "home"
    make_profile(home).close()
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)

    def broken(profile, query, *, limit):  # a bug: the query bound where a date belongs
        wrong = text("SELECT 1 FROM people WHERE birth_date = :day").bindparams(bindparam("day", type_=Date))
        with profile.sessions() as session:
            session.execute(wrong, {"day": query})

    monkeypatch.setattr(search, "search", broken)
    code, out, err = run(capsys, "--home", str(home), "find", NAME)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and NAME not in err
    [log] = (home / "logs").iterdir()
    assert str(log) in err and mode(log) == 0o600 and mode(home / "logs") == 0o700
    written = log.read_text(encoding="utf-8")
    assert "command: find\n" in written and "sotay 0.1.0" in written
    assert "sqlalchemy.exc.StatementError" in written and "desktop/cli/find.py" in written
    assert places_holding([NAME, *FOLDED], home, started) == []


def test_a_crash_log_names_the_command_and_its_action_but_not_their_text(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()

    def crash(_args, _paths):
        raise RuntimeError(REASON)

    monkeypatch.setattr(report, "run_monthly", crash)
    code, _out, err = run(
        capsys, "--home", str(home), "report", "monthly", "--month", "06/2025", "--difficulties", f"Nhà {NAME} bị ngập"
    )
    assert code == 1 and NAME not in err
    [log] = (home / "logs").iterdir()
    written = log.read_text(encoding="utf-8")
    assert "command: report monthly\n" in written and "RuntimeError" in written
    assert NAME not in written and "ngập" not in written and "no household" not in written


def test_a_blocked_log_folder_writes_no_log_anywhere_else(tmp_path, capsys, monkeypatch):
    started = time.time()
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("a file where the log folder should be")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))

    def crash(_args, _paths):
        raise RuntimeError(f"while showing {NAME}")

    monkeypatch.setattr(app, "run_gui", crash)
    code, out, err = run(capsys, "--home", str(home))
    monkeypatch.undo()
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and str(home / "logs") in err and "RuntimeError" in err
    assert NAME not in err
    assert not (tmp_path / "tmp").exists() and places_holding([NAME], home, started) == []
