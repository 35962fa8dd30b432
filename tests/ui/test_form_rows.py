"""A problem message appearing or going away under a field does not move the fields below it, so the
user's next click lands where they aimed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.dialogs.household import HouseholdDialog


def top(widget: QWidget) -> int:
    QApplication.processEvents()
    return widget.mapTo(widget.window(), widget.rect().topLeft()).y()


def test_the_rows_below_a_field_stay_put_when_its_problem_comes_and_goes(qtbot, ctx, register):
    dialog = HouseholdDialog(ctx, village_id=register.village_a)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.panel.error_text("code")  # a new household still needs its number
    below = (dialog.village, dialog.address, dialog.phone, dialog.notes)
    with_problem = [top(w) for w in below]
    height = dialog.height()
    dialog.code.setText("015")
    assert dialog.panel.error_text("code") == ""
    assert [top(w) for w in below] == with_problem
    dialog.code.setText("")
    assert dialog.panel.error_text("code")
    assert [top(w) for w in below] == with_problem
    assert dialog.height() == height


def test_the_field_is_described_by_its_problem_for_a_screen_reader(qtbot, ctx, register):
    dialog = HouseholdDialog(ctx, village_id=register.village_a)
    qtbot.addWidget(dialog)
    assert dialog.code.accessibleName() == "Số hộ"  # the caption "Số &hộ" without its Alt marker
    assert dialog.code.accessibleDescription() == dialog.panel.error_text("code") != ""
    dialog.code.setText("015")
    assert dialog.code.accessibleDescription() == ""
