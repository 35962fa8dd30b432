"""After a wrong passphrase the message appears under the form and the passphrase field keeps its size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from desktop.paths import ProfilePaths
from desktop.ui.dialogs.login import LoginDialog
from desktop.ui.lane import DbLane
from tests.ui.helpers import type_text


@pytest.fixture
def lane(qtbot) -> Iterator[DbLane]:
    worker = DbLane()
    yield worker
    qtbot.waitUntil(worker.is_idle, timeout=10_000)
    worker.shutdown()


@pytest.fixture
def locked(profile) -> ProfilePaths:
    profile.close()
    return profile.paths


def shown_height(dialog: LoginDialog) -> int:
    """How much of the field the user sees: its parents clip whatever the layout did not give them."""
    return dialog.passphrase.visibleRegion().boundingRect().height()


def test_after_a_wrong_passphrase_the_field_keeps_its_height(qtbot, locked, lane):
    dialog = LoginDialog(locked, lane)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = shown_height(dialog)
    assert before >= dialog.passphrase.minimumSizeHint().height() - 2
    type_text(qtbot, dialog.passphrase, "không phải mật khẩu")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    qtbot.waitUntil(dialog.message.isVisible, timeout=2_000)
    assert dialog.message.text() == "Sai tên người dùng hoặc mật khẩu."
    assert shown_height(dialog) == before
    # The message sits below the field, not over it.
    field_bottom = dialog.passphrase.mapTo(dialog, dialog.passphrase.rect().bottomLeft()).y()
    assert dialog.message.mapTo(dialog, dialog.message.rect().topLeft()).y() > field_bottom
