"""`sotay user …` for a commune officer (a collaborator is refused with exit 2 and one sentence), and
`sotay passphrase reset`: an officer's own, audited, and printing the code that replaces the used one."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.paths import ProfilePaths
from desktop.security.keystore import KeyStore
from desktop.services import reference
from desktop.services.profile import users
from desktop.services.profile.access import Role
from tests.cli_helpers import clean_process_state  # noqa: F401 - autouse: no profile variables of this machine
from tests.conftest import COMMUNE, PASSPHRASE, USER, make_profile

COLLABORATOR, COLLABORATOR_PASSPHRASE = "Trần Văn Minh", "mật khẩu của Minh"
CODE = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}\b")


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    profile = make_profile(tmp_path / "home")
    with profile.sessions.begin() as session:
        reference.add_village(session, COMMUNE, "Thôn Đông Hà")
        reference.add_village(session, COMMUNE, "Thôn Trung Sơn")
    villages = tuple(v.id for v in reference.commune_villages(profile))
    users.add_user(profile, users.UserInput(COLLABORATOR, Role.CTV, villages=villages[:1]), COLLABORATOR_PASSPHRASE)
    profile.close()
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SOTAY_USER", USER)
    return profile.paths.home


def sotay(capsys, home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, home: Path) -> dict[str, dict]:
    code, out, err = sotay(capsys, home, "user", "list", "--json")
    assert (code, err) == (0, ""), err
    return {user["name"]: user for user in json.loads(out)}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_officer_adds_lists_and_sets_the_permission_of_users(home, capsys, monkeypatch):
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "mật khẩu của Hoa")
    code, out, err = sotay(
        capsys, home, "user", "add", "Lê Thị Hoa", "--role", "ctv", "--villages", "trung son,Thôn Đông Hà"
    )
    assert (code, err) == (0, "") and "Lê Thị Hoa" in out
    found = listed(capsys, home)
    assert set(found) == {USER, COLLABORATOR, "Lê Thị Hoa"}
    hoa = found["Lê Thị Hoa"]
    assert (hoa["role"], hoa["protection"], hoa["current"]) == ("ctv", False, False)
    assert sorted(v["name"] for v in hoa["villages"]) == ["Thôn Trung Sơn", "Thôn Đông Hà"]
    assert found[USER]["current"] and found[USER]["role"] == "officer"
    # The new user logs in with the passphrase given in the environment.
    code, _out, err = sotay(capsys, home, "--user", "Lê Thị Hoa", "stats", "--json", "--passphrase-file", "/dev/null")
    assert code == 2  # an empty passphrase file does not open it
    monkeypatch.setenv("SOTAY_PASSPHRASE", "mật khẩu của Hoa")
    assert sotay(capsys, home, "--user", "Lê Thị Hoa", "stats", "--json")[0] == 0
    monkeypatch.setenv("SOTAY_PASSPHRASE", PASSPHRASE)

    # Granting wraps the key of the cases under Hoa's own passphrase: without it, or with a wrong one, nothing.
    code, out, err = sotay(capsys, home, "user", "set-protection", "lê thị hoa", "on")
    assert (code, out) == (3, "") and "Lê Thị Hoa types their own passphrase" in err
    monkeypatch.setenv("SOTAY_THEIR_PASSPHRASE", "không phải của Hoa")
    assert sotay(capsys, home, "user", "set-protection", "lê thị hoa", "on")[0] == 2
    assert listed(capsys, home)["Lê Thị Hoa"]["protection"] is False
    monkeypatch.setenv("SOTAY_THEIR_PASSPHRASE", "mật khẩu của Hoa")
    assert sotay(capsys, home, "user", "set-protection", "lê thị hoa", "on")[0] == 0
    assert listed(capsys, home)["Lê Thị Hoa"]["protection"] is True
    assert KeyStore.load(home).carries_protection("Lê Thị Hoa")
    assert sotay(capsys, home, "user", "set-protection", "Lê Thị Hoa", "off")[0] == 0
    assert listed(capsys, home)["Lê Thị Hoa"]["protection"] is False
    assert not KeyStore.load(home).carries_protection("Lê Thị Hoa")

    code, _out, err = sotay(capsys, home, "user", "add", "Phan Văn Tú", "--role", "officer", "--protection")
    assert (code, err) == (0, "")
    tu = listed(capsys, home)["Phan Văn Tú"]
    assert (tu["role"], tu["protection"], tu["villages"]) == ("officer", True, [])


def test_bad_input_is_refused_with_one_sentence_and_nothing_written(home, capsys, monkeypatch):
    before = _digest(home / "keyslots.json")
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "mật khẩu đủ dài")
    for args, words in (
        (("user", "add", "Lê Thị Hoa", "--role", "ctv"), "village"),
        (("user", "add", "Lê Thị Hoa", "--role", "ctv", "--villages", "Thôn Không Có"), "Thôn Không Có"),
        (("user", "add", "Lê Thị Hoa", "--role", "hub", "--villages", "Đông Hà"), "--villages"),
        (("user", "add", COLLABORATOR.upper(), "--role", "hub"), "already exists"),
        (("user", "set-protection", "Không Ai", "on"), "Không Ai"),
    ):
        code, out, err = sotay(capsys, home, *args)
        assert code in (2, 3) and out == "" and words in err and "Traceback" not in err, (args, err)
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "ngắn")
    code, _out, err = sotay(capsys, home, "user", "add", "Lê Thị Hoa", "--role", "hub")
    assert code == 3 and "8" in err
    assert _digest(home / "keyslots.json") == before


def test_a_collaborator_is_refused_every_user_command(home, capsys, monkeypatch):
    monkeypatch.setenv("SOTAY_USER", COLLABORATOR)
    monkeypatch.setenv("SOTAY_PASSPHRASE", COLLABORATOR_PASSPHRASE)
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "mật khẩu đủ dài")
    before = _digest(home / "keyslots.json")
    for args in (
        ("user", "add", "Lê Thị Hoa", "--role", "officer", "--protection"),
        ("user", "list", "--json"),
        ("user", "set-protection", COLLABORATOR, "on"),
        ("user", "set-protection", USER, "off"),
        ("user", "set-passphrase", USER),
    ):
        code, out, err = sotay(capsys, home, *args)
        assert (code, out) == (2, ""), args
        assert err.strip() == "Only a commune officer can manage the users."
    assert _digest(home / "keyslots.json") == before


def test_an_officer_sets_a_forgotten_passphrase(home, capsys, monkeypatch):
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "Minh đặt lại 2026")
    code, out, err = sotay(capsys, home, "user", "set-passphrase", COLLABORATOR)
    assert (code, err) == (0, "") and COLLABORATOR in out
    monkeypatch.setenv("SOTAY_USER", COLLABORATOR)
    assert sotay(capsys, home, "stats")[0] == 2  # the officer's passphrase is not Minh's
    monkeypatch.setenv("SOTAY_PASSPHRASE", COLLABORATOR_PASSPHRASE)
    assert sotay(capsys, home, "stats")[0] == 2  # nor is the forgotten one
    monkeypatch.setenv("SOTAY_PASSPHRASE", "Minh đặt lại 2026")
    assert sotay(capsys, home, "stats", "--json")[0] == 0


def test_passphrase_reset_is_audited_prints_a_new_code_and_spends_the_old(home, capsys, monkeypatch, tmp_path):
    created_code = _recovery_code_of(home, tmp_path)
    monkeypatch.setenv("SOTAY_RECOVERY_CODE", created_code)
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "mật khẩu mới của Lan")
    code, out, err = sotay(capsys, home, "passphrase", "reset")
    assert (code, err) == (0, ""), err
    printed = CODE.findall(out)
    assert len(printed) == 1 and printed[0] != created_code and "no longer works" in out
    assert (home / "keyslots.json").stat().st_mode & 0o777 == 0o600

    monkeypatch.setenv("SOTAY_PASSPHRASE", "mật khẩu mới của Lan")
    code, out, err = sotay(capsys, home, "audit", "list", "--json", "--limit", "1")
    assert code == 0, err
    event = json.loads(out)[0]
    assert (event["action"], event["table"], event["user"]) == ("update", "users", USER)
    assert created_code not in out and printed[0] not in out and "recovery_code" in out
    assert sotay(capsys, home, "audit", "verify")[0] == 0

    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "lại một mật khẩu khác")
    code, _out, err = sotay(capsys, home, "passphrase", "reset")  # the used code again
    assert code == 2 and "does not belong" in err
    monkeypatch.setenv("SOTAY_RECOVERY_CODE", printed[0])
    assert sotay(capsys, home, "passphrase", "reset")[0] == 0  # the printed one works, once


def test_passphrase_reset_refuses_a_collaborator(home, capsys, monkeypatch, tmp_path):
    created_code = _recovery_code_of(home, tmp_path)
    before = _digest(home / "keyslots.json")
    monkeypatch.setenv("SOTAY_USER", COLLABORATOR)
    monkeypatch.setenv("SOTAY_RECOVERY_CODE", created_code)
    monkeypatch.setenv("SOTAY_NEW_PASSPHRASE", "chiếm tài khoản của Minh")
    code, out, err = sotay(capsys, home, "passphrase", "reset")
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "only for a commune officer" in err and COLLABORATOR in err
    assert _digest(home / "keyslots.json") == before


def _recovery_code_of(home: Path, tmp_path: Path) -> str:
    """The fixture's profile was made by `make_profile`, which drops the code: give it a known one."""
    from desktop.security.keystore import KeyStore
    from desktop.security.recovery import format_recovery_code, generate_recovery_code
    from desktop.services.profile import opening

    code = generate_recovery_code()
    profile = opening.unlock(ProfilePaths(home), USER, PASSPHRASE)
    KeyStore.load(home).replace_recovery(profile.data_key, code)
    profile.close()
    return format_recovery_code(code)


def test_an_officer_holding_the_permission_makes_a_new_recovery_code_and_a_collaborator_cannot(
    home, capsys, monkeypatch
):
    code, out, err = sotay(capsys, home, "passphrase", "new-recovery-code")
    assert (code, err) == (0, "")
    [printed] = CODE.findall(out)
    keys = KeyStore.load(home).unlock_recovery_keys(printed)  # opens the cases too
    assert keys.protection_key is not None
    assert keys.protection_key == KeyStore.load(home).unlock_keys(USER, PASSPHRASE).protection_key

    before = _digest(home / "keyslots.json")
    monkeypatch.setenv("SOTAY_USER", COLLABORATOR)
    monkeypatch.setenv("SOTAY_PASSPHRASE", COLLABORATOR_PASSPHRASE)
    code, out, err = sotay(capsys, home, "passphrase", "new-recovery-code")
    assert (code, out) == (2, "") and err.strip() == "Only a commune officer can manage the users."
    assert _digest(home / "keyslots.json") == before
