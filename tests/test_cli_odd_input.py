"""The command line facing odd input and an odd machine: output cut short by its reader, bytes that are not
text, a folder where a file goes (and the reverse), a full disk, full-width letters. Each ends in one
sentence and a plain exit code, never "something unexpected"."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import i18n
from desktop.cli.main import _parser, main
from tests.cli_helpers import clean_process_state, run  # noqa: F401 - clean_process_state is autouse

REPO = Path(__file__).resolve().parent.parent
DEMO_ARGS = ["demo", "--households", "40", "--seed", "5", "--today", "2025-06-30"]
UNEXPECTED = "unexpected"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("odd") / "home"
    os.environ["SOTAY_PASSPHRASE"] = "sotay-demo"
    try:
        assert main(["--home", str(folder), *DEMO_ARGS]) == 0
    finally:
        i18n.set_translator(lambda _context, text: text)
    return folder


def sotay(*args: str | bytes) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOTAY_HOME", "SOTAY_T0")}
    env["PYTHONPATH"] = str(REPO)
    command: list[str | bytes] = [sys.executable, "-m", "desktop", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


# Output read by `head` ######################################################################


@pytest.mark.parametrize(
    "args",
    [("find", "nguyen"), ("find", "nguyen", "--json"), ("--help",), ("report", "--help")],
    ids=["find", "find-json", "help", "report-help"],
)
def test_output_cut_short_by_its_reader_ends_quietly(home, args):
    # `sotay find nguyen | head -1` where head has already gone: the pipe's reading end is closed.
    process = sotay("--home", str(home), *args)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 0, err
    assert err == ""


# Bytes that are not text ####################################################################


@pytest.mark.skipif(os.name != "posix", reason="arguments are bytes on POSIX only")
def test_an_argument_that_is_not_utf8_is_refused_naming_it(home):
    process = sotay("--home", str(home), "find", b"ng\xffuyen")
    _out, err = process.communicate(timeout=120)
    said = err.decode("utf-8")
    assert process.returncode == 2, said
    assert said.count("\n") == 1 and "ng\\xffuyen" in said and "4" in said and UNEXPECTED not in said


def test_bytes_that_are_not_text_in_a_folder_name_are_refused_before_anything_is_made(capsys, tmp_path):
    undecodable = os.fsdecode(str(tmp_path).encode() + b"/h\xe9")  # as Python hands such bytes over
    code, _out, err = run(capsys, "--home", undecodable, "--lang", "vi", *DEMO_ARGS)
    assert code == 2 and "h\\xe9" in err and "Tham số thứ 2" in err
    assert list(tmp_path.iterdir()) == []


# Folders and files in the wrong place #######################################################


def test_a_report_written_to_a_folder_is_refused_and_nothing_is_written(capsys, home, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    code, _out, err = run(
        capsys, "--home", str(home), "--lang", "en", "report", "monthly", "--month", "06/2025", "--out", str(out)
    )
    assert code == 2 and UNEXPECTED not in err
    assert err.strip() == f"{out} is a folder; give a file name in it, e.g. {out / 'bao-cao.pdf'}."
    # A good PDF name with a folder as --xlsx: the PDF is not written either.
    pdf = out / "thang-6.pdf"
    code, _out, err = run(
        capsys, "--home", str(home), "report", "monthly", "--month", "06/2025", "--out", str(pdf), "--xlsx", str(out)
    )
    assert code == 2 and str(out) in err
    assert list(out.iterdir()) == []


def test_a_file_as_the_backup_folder_is_called_a_file_not_a_missing_stick(capsys, home, tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("x")
    code, _out, err = run(capsys, "--home", str(home), "--lang", "en", "backup", "create", "--to", str(file))
    assert (code, err.strip()) == (2, f"{file} is not a folder.")


def test_a_file_where_the_logs_folder_goes_is_named_in_one_sentence(capsys, home):
    logs = home / "logs"
    kept = home / "logs-kept"
    logs.rename(kept)
    logs.write_text("not a folder")
    try:
        code, _out, err = run(capsys, "--home", str(home), "--lang", "vi", "find", "nguyen")
    finally:
        logs.unlink()
        kept.rename(logs)
    assert code == 2
    assert (
        err.strip()
        == f"{logs} là một tệp, nhưng Sổ tay cần một thư mục ở chỗ đó: hãy chuyển hoặc đổi tên tệp ấy rồi thử lại."
    )


# A full disk ################################################################################


def test_a_full_disk_during_demo_is_told_as_a_full_disk(capsys, tmp_path, monkeypatch):
    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)  # every file the profile writes is synced before it counts
    folder = tmp_path / "home"
    code, _out, err = run(capsys, "--home", str(folder), "--lang", "vi", *DEMO_ARGS)
    assert code == 2, err
    assert err.strip() == (
        f"Ổ đĩa đã đầy: hãy dọn bớt chỗ ở {folder} (xóa hoặc chuyển đi những tệp không còn cần) rồi thử lại."
    )


def test_a_database_that_fills_the_disk_is_told_as_a_full_disk(capsys, tmp_path, monkeypatch):
    import db.cipher

    pragmas = db.cipher._sqlite_pragmas

    def small_disk(connection, record) -> None:
        # SQLite's own "database or disk is full", as on a disk with room for the set-up and little more.
        pragmas(connection, record)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + 40}")

    monkeypatch.setattr(db.cipher, "_sqlite_pragmas", small_disk)
    folder = tmp_path / "home"
    code, _out, err = run(capsys, "--home", str(folder), "--lang", "en", *DEMO_ARGS)
    assert code == 2, err
    assert err.strip().startswith(f"The disk is full: make room in {folder} ")


def test_a_full_disk_under_a_report_names_the_report_folder(capsys, home, tmp_path, monkeypatch):
    from desktop.services.documents import export

    def no_space(path: Path, data: bytes, **_options: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export, "write_atomically", no_space)
    stick = tmp_path / "usb"
    stick.mkdir()
    code, _out, err = run(
        capsys,
        "--home",
        str(home),
        "--lang",
        "en",
        "report",
        "p0",
        "--month",
        "06/2025",
        "--out",
        str(stick / "p0.pdf"),
        "--unsigned",
    )
    assert code == 2 and err.strip().startswith(f"The disk is full: make room in {stick} ")


# The usage line #############################################################################


def test_the_usage_line_names_every_command(capsys):
    code, out, _err = run(capsys, "--help")
    usage = out.split("\n\n")[0]
    assert code == 0 and "report" in usage
    parser = _parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assert all(name in usage for name in commands.choices)
    code, out, _err = run(capsys, "report", "--help")
    reports = next(a for a in commands.choices["report"]._actions if a.dest == "report_command")
    assert code == 0 and all(name in out.split("\n\n")[0] for name in reports.choices)


# Full-width letters #########################################################################


def test_full_width_letters_find_what_plain_letters_find(capsys, home):
    code, plain, _err = run(capsys, "--home", str(home), "find", "nguyen", "--json")
    assert code == 0 and '"Nguyễn' in plain
    code, wide, err = run(capsys, "--home", str(home), "find", "ｎｇｕｙｅｎ", "--json")
    assert (code, err) == (0, "")
    assert wide == plain
