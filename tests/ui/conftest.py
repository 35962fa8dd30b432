"""UI tests: headless Qt, Vietnamese catalogue, a fresh profile (commune 18673, two villages) per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported anywhere

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.ui import style, translation
from desktop.ui.context import AppContext


@pytest.fixture(scope="session", autouse=True)
def vietnamese_ui(qapp) -> Iterator[None]:
    """The app's look and language for every UI test; English again afterwards for other suites."""
    style.apply(qapp)
    translation.install("vi")
    yield
    translation.install("en")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """A form a test left open with changes is closed unsaved, as a log-out closes it: without the question.

    pytest-qt closes the test's widgets after this; a visible form with changes would ask whether to save
    and wait for an answer nobody gives. Hidden first, it closes without asking (desktop.ui.dialogs.base).
    """
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and getattr(widget, "has_changes", bool)():
            widget.hide()
    yield


@pytest.fixture
def ctx(register, qtbot) -> Iterator[AppContext]:
    context = AppContext(register.profile)
    yield context
    qtbot.waitUntil(context.lane.is_idle, timeout=5000)
    context.lane.shutdown()


@pytest.fixture
def wait_lane(qtbot, ctx) -> Callable[[], None]:
    """Wait until every DB-lane result has been delivered to the GUI thread."""

    def wait() -> None:
        qtbot.waitUntil(ctx.lane.is_idle, timeout=5000)

    return wait


@pytest.fixture
def family(ctx, register):
    """Household 012 in the first village: a head (Đặng Văn Hùng) and his wife (Nguyễn Thị Hường)."""
    profile = ctx.profile
    hid = households.create(profile, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    members.add_member(profile, hid, PersonInput("Đặng Văn Hùng", "1", date(1978, 4, 2), "head"))
    members.add_member(profile, hid, PersonInput("Nguyễn Thị Hường", "2", date(1982, 9, 10), "spouse"))
    return hid
