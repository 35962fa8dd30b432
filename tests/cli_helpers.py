"""What the command-line tests share: a process without this machine's profile variables and with the demo
passphrase, `sotay` run in-process, and a demo profile to run it on.

`main()` stamps SOTAY_T0 and installs a translator for the whole process; the fixture undoes both, so a
test that ran `--lang vi` leaves no Vietnamese behind for the next one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from desktop import i18n
from desktop.cli.main import main
from desktop.demo.build import DEMO_PASSPHRASE

PROFILE_VARIABLES = (
    "SOTAY_HOME",
    "SOTAY_USER",
    "SOTAY_TOKEN_PIN",
    "SOTAY_RECOVERY_CODE",
    "SOTAY_NEW_PASSPHRASE",
)


@pytest.fixture(autouse=True)
def clean_process_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Autouse in every module that imports it."""
    monkeypatch.setenv("SOTAY_T0", "0")
    monkeypatch.delenv("SOTAY_T0")
    for name in PROFILE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SOTAY_PASSPHRASE", DEMO_PASSPHRASE)
    yield
    i18n.set_translator(lambda _context, text: text)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`sotay ARGS…` in this process: its exit code, what it printed and what it said on stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def demo_home(folder: Path, capsys: pytest.CaptureFixture[str], demo_args: Sequence[str]) -> Path:
    """A demo profile made by `sotay demo` in `folder`."""
    code, _out, err = run(capsys, "--home", str(folder), "--lang", "vi", *demo_args)
    assert (code, err) == (0, ""), err
    return folder
