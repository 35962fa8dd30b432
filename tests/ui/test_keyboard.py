"""Forms filled and saved with the keyboard alone: Tab moves through the fields in the order they are
shown, arrows and Space choose, Enter saves from a one-line field, Ctrl+S from anywhere (Enter in a
notes field starts a new line), Escape cancels."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.services.register import households
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.dialogs.visit import VisitDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_and_active(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press goes where the keyboard focus is, as it would for the user."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_keys(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_a_household_is_filled_and_saved_with_the_keyboard_alone(qtbot, ctx, register):
    dialog = shown_and_active(qtbot, HouseholdDialog(ctx))
    assert dialog.code.hasFocus()
    type_keys(qtbot, "015")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.village.hasFocus()
    press(qtbot, Qt.Key.Key_Down)  # from "choose a village" to the first village
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.address.hasFocus()
    type_keys(qtbot, "Xom 4")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.phone.hasFocus()
    type_keys(qtbot, "0912000111")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = households.detail(ctx.profile, dialog.household_id)
    expected = ("015", register.village_a, "Xom 4", "0912000111")
    assert (saved.code, saved.village_id, saved.address, saved.phone) == expected


def test_escape_asks_and_the_question_is_answered_with_the_keyboard(qtbot, ctx, register):
    """Escape on a form with typing asks first; Escape again goes back, Alt+K (Không lưu) closes unsaved."""
    dialog = shown_and_active(qtbot, HouseholdDialog(ctx, village_id=register.village_a))
    type_keys(qtbot, "016")
    asked: list[str] = []

    def answer_with(key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not shown yet
            QTimer.singleShot(20, lambda: answer_with(key, modifier))
            return
        if not box.isActiveWindow():  # Alt+letter works in the active window, as on the user's screen
            box.activateWindow()
            QTimer.singleShot(20, lambda: answer_with(key, modifier))
            return
        asked.append(box.text())
        qtbot.keyClick(box, key, modifier)

    QTimer.singleShot(0, lambda: answer_with(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))
    press(qtbot, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible()  # went back: the typing is still there
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
    QTimer.singleShot(0, lambda: answer_with(Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier))
    press(qtbot, Qt.Key.Key_Escape)
    assert len(asked) == 2
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.household_id is None


def test_a_visit_is_recorded_with_the_keyboard_alone(qtbot, ctx, family):
    detail = households.detail(ctx.profile, family)
    dialog = shown_and_active(qtbot, VisitDialog(ctx, detail))
    assert dialog.topics.hasFocus()  # the dialog starts where the work is
    press(qtbot, Qt.Key.Key_Space)  # ticks the first topic
    press(qtbot, Qt.Key.Key_Backtab)
    assert dialog.persons_met.hasFocus()
    press(qtbot, Qt.Key.Key_Space)  # the head of household was met
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.notes.hasFocus()
    type_keys(qtbot, "Da nhac tiem chung")
    press(qtbot, Qt.Key.Key_Return)  # a new line in the notes, not a save
    assert dialog.isVisible()
    type_keys(qtbot, "Hen tuan sau")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.wants_follow_up.hasFocus()
    press(qtbot, Qt.Key.Key_Space)  # come back: the date is filled in a month ahead
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [visit] = households.detail(ctx.profile, family).visits
    head = next(p.id for p in detail.members if p.is_head)
    assert visit.persons_met == (head,) and len(visit.topics) == 1
    assert visit.notes == "Da nhac tiem chung\nHen tuan sau"
    assert visit.follow_up_on == visit.visited_on + timedelta(days=30)
