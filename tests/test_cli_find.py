"""`sotay find --limit N`: the limit is checked, and both outputs say when it left matches out."""

from __future__ import annotations

import json

import pytest

from desktop import i18n
from desktop.cli.main import main
from desktop.demo.build import DEMO_PASSPHRASE

DEMO_ARGS = ["demo", "--households", "60", "--seed", "3", "--today", "2025-06-30"]


@pytest.fixture(autouse=True)
def _clean_process_state(monkeypatch):
    monkeypatch.setenv("SOTAY_T0", "0")
    monkeypatch.delenv("SOTAY_T0")
    monkeypatch.delenv("SOTAY_HOME", raising=False)
    monkeypatch.setenv("SOTAY_PASSPHRASE", DEMO_PASSPHRASE)
    yield
    i18n.set_translator(lambda _context, text: text)


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("find") / "home"
    assert main(["--home", str(folder), *DEMO_ARGS]) == 0
    i18n.set_translator(lambda _context, text: text)
    return folder


def find(capsys, home, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def found_json(capsys, home, *args: str) -> dict:
    code, out, err = find(capsys, home, "find", *args, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_json_says_how_many_match_and_whether_the_limit_left_some_out(capsys, home):
    everything = found_json(capsys, home, "thi", "--limit", "1000")
    total = everything["total"]
    assert total == len(everything["results"]) > 5 and everything["more"] is False
    cut = found_json(capsys, home, "thi", "--limit", "5")
    assert len(cut["results"]) == 5 and cut["total"] == total and cut["more"] is True
    assert [h["id"] for h in cut["results"]] == [h["id"] for h in everything["results"][:5]]


def test_the_default_limit_is_still_50(capsys, home):
    broad = found_json(capsys, home, "n")
    assert broad["total"] > 50 and len(broad["results"]) == 50 and broad["more"] is True


def test_lines_end_with_how_many_more_there_are(capsys, home):
    total = found_json(capsys, home, "thi", "--limit", "1000")["total"]
    code, out, _err = find(capsys, home, "find", "thi", "--limit", "3")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 4
    assert lines[-1] == f"… và {total - 3} kết quả nữa; dùng --limit để xem thêm."
    code, out, _err = find(capsys, home, "--lang", "en", "find", "thi", "--limit", "1000")
    assert out.strip().splitlines()[-1] == f"{total} result(s)."


@pytest.mark.parametrize("limit", ["0", "1001", "-5"])
def test_a_limit_out_of_range_is_refused_in_plain_words(capsys, home, limit):
    code, out, err = find(capsys, home, "--lang", "en", "find", "thi", "--limit", limit)
    assert code == 3 and out == ""
    assert "The limit must be between 1 and 1000." in err
