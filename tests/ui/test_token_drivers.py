"""The sign dialog suggests only token drivers installed on this computer, never the tests' SoftHSM."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.security.pdf import tokens
from desktop.ui.dialogs.report_sign import ReportSignDialog


@pytest.fixture
def no_known_driver(monkeypatch, tmp_path) -> Path:
    """Every known driver path points into an empty folder: nothing is installed."""
    missing = tmp_path / "drivers"
    monkeypatch.setattr(tokens, "LINUX_MODULES", (str(missing / "libcastle.so.1.0.0"),))
    monkeypatch.setattr(tokens, "WINDOWS_MODULES", (str(missing / "viettel-ca_v6.dll"),))
    return missing


def test_with_no_driver_installed_the_field_is_empty(qtbot, no_known_driver):
    dialog = ReportSignDialog()
    qtbot.addWidget(dialog)
    assert dialog.module.count() == 0 and dialog.module_path() == ""
    assert not dialog.find_button.isEnabled()


def test_an_installed_driver_of_a_known_path_is_suggested(qtbot, no_known_driver):
    no_known_driver.mkdir()
    driver = no_known_driver / ("viettel-ca_v6.dll" if tokens.sys.platform == "win32" else "libcastle.so.1.0.0")
    driver.write_bytes(b"\x7fELF")
    dialog = ReportSignDialog()
    qtbot.addWidget(dialog)
    assert [dialog.module.itemText(i) for i in range(dialog.module.count())] == [str(driver)]
    assert dialog.module_path() == str(driver)


def test_softhsm_is_never_a_known_driver():
    for platform in ("linux", "win32"):
        assert not [path for path in tokens.candidate_modules(platform) if "softhsm" in path.lower()]


def test_the_known_drivers_of_the_vietnamese_cas_are_looked_for_on_windows():
    names = {Path(path.replace("\\", "/")).name.lower() for path in tokens.candidate_modules("win32")}
    for driver in ("viettel-ca_v6.dll", "vnptca_p11_v8.dll", "bkavca.dll", "eps2003csp11.dll"):
        assert driver in names
