"""The main window on a commune laptop's screen: 1280×720 (1920×1080 at 150%), 1366×768, and 1024×600.

The screens are those of tests/screens.json. Cài đặt is opened first, because a tall page used to set the
window's minimum height for the rest of the session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.main_window import DASHBOARD, HOUSEHOLDS, SETTINGS, MainWindow
from desktop.ui.widgets.fitting import first_size
from tests.ui.screen_fit import misfits, screen_named

SCREENS = ("1280x720", "1366x768", "1024x600")


def _window_on(ctx, qtbot, name: str) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    first_size(window, screen_named(name))  # as the app opens it: maximised on a laptop's screen
    window.show()
    window.start()
    qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
    return window


@pytest.mark.parametrize("name", SCREENS)
def test_every_section_fits_after_settings_was_opened(ctx, qtbot, family, name):
    window = _window_on(ctx, qtbot, name)
    window.show_section(SETTINGS)
    for tab in range(window.settings.tabs.count()):
        window.settings.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert misfits(window, name) == [], f"Cài đặt, tab {tab}"
    for section in range(window.nav.count()):
        window.show_section(section)
        qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
        assert misfits(window, name) == [], f"section {section}"
    # Back on the overview, the window can still be made as small as the screen: no page leaked its size.
    window.show_section(DASHBOARD)
    minimum, area = window.minimumSizeHint(), screen_named(name).availableGeometry()
    assert minimum.width() <= area.width() and minimum.height() <= area.height()


@pytest.mark.parametrize("name", SCREENS)
def test_a_household_fits(ctx, qtbot, family, name):
    window = _window_on(ctx, qtbot, name)
    window.open_household(family)
    qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
    for tab in range(window.household_detail.tabs.count()):
        window.household_detail.tabs.setCurrentIndex(tab)
        assert misfits(window, name) == [], f"household tab {tab}"
    window.show_section(HOUSEHOLDS)


def test_a_dialog_opens_inside_the_screen_of_its_window(ctx, qtbot):
    window = _window_on(ctx, qtbot, "1366x768")
    dialog = HouseholdDialog(ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert screen_named("1366x768").availableGeometry().contains(dialog.frameGeometry())
    assert misfits(dialog, "1366x768") == []


HIGH_DPI_CHECK = textwrap.dedent(
    """
    from desktop.ui import app as ui_app
    from desktop.ui.widgets.fitting import first_size
    from PySide6.QtWidgets import QMainWindow, QPushButton
    application = ui_app._application()
    screen = application.primaryScreen()
    window = QMainWindow()
    window.setCentralWidget(QPushButton("x"))
    first_size(window)
    window.show()
    application.processEvents()
    geometry = screen.availableGeometry()
    print(application.highDpiScaleFactorRoundingPolicy().name, geometry.width(), geometry.height(),
          geometry.contains(window.frameGeometry()))
    """
)


@pytest.mark.parametrize(("dpi", "logical"), [(120, "1536 864"), (144, "1280 720")])
def test_windows_display_scaling_is_kept_as_it_is(tmp_path: Path, dpi: int, logical: str):
    """A 1920×1080 screen at 125% (120 dpi) or 150% (144 dpi), as Windows reports it.

    Rounded, 125% would be drawn at 100% (1920×1080, text too small) and 150% at 200% (960×540).
    """
    config = tmp_path / "screen.json"
    screen = {"name": "full-hd", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": dpi, "logicalBaseDpi": 96}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run(
        [sys.executable, "-c", HIGH_DPI_CHECK], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["PassThrough", *logical.split(), "True"]
