"""The communication activities page and the dialog that records one."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.services.communication import activities
from desktop.services.communication.activities import ActivityInput
from desktop.ui.dialogs.activity import ActivityDialog
from desktop.ui.pages.activities import ActivitiesPage, month_end, shift_month
from tests.ui.helpers import opened, type_text

SCREENS = Path(__file__).resolve().parents[2] / ".perf" / "screens"  # git-ignored, for a person to look at


def _shoot(widget, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SCREENS / name))

TODAY = date.today()


def test_record_an_activity_through_the_dialog(qtbot, ctx, register):
    # 28/6 of last year: Family Day, in the June action month against domestic violence
    family_day = date(TODAY.year - 1, 6, 28)
    dialog = opened(qtbot, ActivityDialog(ctx, held_on=family_day))
    assert dialog.held_on.value() == family_day
    assert not dialog.save_button.isEnabled()
    assert dialog.panel.error_text("form") == "Hãy chọn một mục trong danh sách."
    assert dialog.panel.error_text("participants") != ""
    # the campaigns running that day are offered, none chosen
    assert dialog.campaign.value() is None
    assert [dialog.campaign.itemText(i) for i in range(1, dialog.campaign.count())] == [
        "Tháng hành động quốc gia về phòng, chống bạo lực gia đình",
        "Tháng hành động vì trẻ em",
        "Ngày Gia đình Việt Nam",
    ]

    dialog.village.set_value(register.village_a)
    dialog.form.set_value("talk")
    dialog.topic.set_value("happy_family")
    dialog.campaign.set_value("family_day")
    # no theme set for that year yet (the string is translated later: test its content only)
    assert str(family_day.year) in dialog.campaign_theme.text()
    dialog.male.setValue(12)
    dialog.female.setValue(30)
    assert dialog.total.text().endswith("42")
    type_text(qtbot, dialog.materials, "Tờ rơi gia đình")
    dialog.materials_count.setValue(40)
    type_text(qtbot, dialog.notes, "Nhà văn hóa thôn.")
    assert dialog.panel.error_text("participants") == ""
    assert dialog.save_button.isEnabled()
    qtbot.wait(50)
    _shoot(dialog, "activities_dialog.png")

    # a day outside every campaign: the choice goes away and the list is empty
    dialog.held_on.set_value(date(TODAY.year - 1, 8, 5))
    assert dialog.campaign.value() is None and not dialog.campaign.isEnabled()
    dialog.held_on.set_value(family_day)
    dialog.campaign.set_value("family_day")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    [saved] = activities.list_activities(ctx.profile, family_day, family_day)
    assert (saved.form, saved.topic, saved.campaign, saved.male, saved.female) == (
        "talk",
        "happy_family",
        "family_day",
        12,
        30,
    )
    assert (saved.materials, saved.materials_count, saved.notes) == ("Tờ rơi gia đình", 40, "Nhà văn hóa thôn.")


def test_a_future_date_is_refused_as_you_type(qtbot, ctx, register):
    dialog = opened(qtbot, ActivityDialog(ctx))
    dialog.village.set_value(register.village_a)
    dialog.form.set_value("loudspeaker")
    dialog.topic.set_value("immunization")
    dialog.female.setValue(1)
    assert dialog.save_button.isEnabled()
    dialog.held_on.set_value(TODAY + timedelta(days=2))
    assert dialog.panel.error_text("held_on") == "Ngày này không được sau ngày hôm nay."
    assert not dialog.save_button.isEnabled()


def test_the_page_lists_a_month_with_totals(qtbot, ctx, register, wait_lane):
    first = shift_month(TODAY.replace(day=1), -1)
    for village, form, male, female in (
        (register.village_a, "talk", 10, 20),
        (register.village_a, "talk", 3, 4),
        (register.village_b, "loudspeaker", 0, 50),
    ):
        activities.record_activity(
            ctx.profile, ActivityInput(first, village, form, "family_planning", male=male, female=female)
        )
    # another month: not on the page
    activities.record_activity(
        ctx.profile, ActivityInput(first - timedelta(days=1), register.village_a, "talk", "other", female=5)
    )
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    wait_lane()
    assert page.model.rowCount() == 0  # this month
    assert not page.next.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.previous, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 3
    assert page.month_label.text().endswith(f"{first.month:02d}/{first.year}")
    totals = [
        (t.village, t.form, t.activities, t.male, t.female, t.participants)
        for t in (page.totals_model.record(i) for i in range(page.totals_model.rowCount()))
        if t is not None
    ]
    assert totals == [
        ("Thôn Đông Hà", "talk", 2, 13, 24, 37),
        ("Thôn Trung Sơn", "loudspeaker", 1, 0, 50, 50),
    ]
    assert "87" in page.count.text()
    assert page.model.index(0, 2).data() in {"Nói chuyện chuyên đề", "Loa truyền thanh"}
    qtbot.wait(50)  # let the layouts take the new texts in before the screenshot
    _shoot(page, "activities_page.png")
    # the dialog opened from the page starts in the month shown
    dialog = page.new_dialog()
    qtbot.addWidget(dialog)
    assert dialog.held_on.value() == month_end(first)
