"""Every page, window and dialog of the app fits a commune laptop's screen: 1280×720 and 1366×768.

The windows are those of the catalogue (tests/ui/every_window.py), opened on a household with something
in every tab. A window opens on the screen under the mouse pointer (a dialog over its parent's), so the
pointer is put on the screen being tried.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QCursor

from tests.ui.every_window import build_rich_household, catalogue
from tests.ui.screen_fit import misfits, screen_named


@pytest.mark.parametrize("name", ["1280x720", "1366x768"])
def test_every_window_fits_the_screen(ctx, register, qtbot, tmp_path, name):
    QCursor.setPos(screen_named(name).geometry().center())
    rich = build_rich_household(ctx.profile, register)
    found: list[str] = []
    for entry in catalogue(ctx, rich, tmp_path):
        window = entry.open()
        found += [f"{entry.name}: {problem}" for problem in misfits(window, name)]
        window.close()
        window.deleteLater()
        qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)
    assert not found, "\n".join(found)
