"""Recording visits, population events, categories and dissolving, through the real dialogs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services.register import events, households, members
from desktop.typed_dates import parse_month
from desktop.ui.dialogs.category import CategoryDialog
from desktop.ui.dialogs.dissolve import DissolveDialog
from desktop.ui.dialogs.event import EventDialog
from desktop.ui.dialogs.visit import VisitDialog
from tests.ui.helpers import opened, save, type_text

TODAY = date.today()


def test_record_a_visit(qtbot, ctx, family):
    detail = households.detail(ctx.profile, family)
    dialog = opened(qtbot, VisitDialog(ctx, detail))
    assert dialog.visited_on.value() == TODAY
    assert dialog.collaborator.currentText() == "Nguyễn Thị Lan"  # the logged-in user, by default
    assert dialog.collaborator.value() == ctx.profile.user.id
    assert dialog.panel.error_text("topics") == "Hãy đánh dấu ít nhất một nội dung đã trao đổi."
    assert not dialog.save_button.isEnabled()
    wife = next(m for m in detail.members if not m.is_head)
    dialog.persons_met.set_checked(wife.id)
    dialog.topics.set_checked("family_planning")
    dialog.topics.set_checked("immunization")
    type_text(qtbot, dialog.notes, "Chị Hường hẹn đưa cháu đi tiêm chủng.")
    dialog.wants_follow_up.setChecked(True)
    assert dialog.follow_up_on.value() == TODAY + timedelta(days=30)
    save(qtbot, dialog)

    [visit] = households.detail(ctx.profile, family).visits
    assert (visit.collaborator_id, visit.collaborator) == (ctx.profile.user.id, "Nguyễn Thị Lan")
    assert visit.persons_met_names == ("Nguyễn Thị Hường",)
    assert set(visit.topics) == {"family_planning", "immunization"}
    assert visit.follow_up_on == TODAY + timedelta(days=30)
    assert visit.notes == "Chị Hường hẹn đưa cháu đi tiêm chủng."


def test_follow_up_must_come_after_the_visit(qtbot, ctx, family):
    dialog = opened(qtbot, VisitDialog(ctx, households.detail(ctx.profile, family)))
    dialog.topics.set_checked("other")
    dialog.wants_follow_up.setChecked(True)
    dialog.follow_up_on.set_value(TODAY - timedelta(days=1))
    assert dialog.panel.error_text("follow_up_on") == "Ngày hẹn thăm lại phải sau ngày thăm."
    assert not dialog.save_button.isEnabled()


def test_record_a_birth_with_mother_and_reporting_month(qtbot, ctx, family):
    detail = households.detail(ctx.profile, family)
    dialog = opened(qtbot, EventDialog(ctx, detail))
    page = dialog.current_page()
    type_text(qtbot, page.child.full_name, "Đặng Bảo An")
    page.child.sex.set_value("1")
    born = TODAY - timedelta(days=3)
    page.child.birth_date.set_value(born)
    assert page.month.text() == parse_month(events.default_reporting_month(born, TODAY)).label()  # 11/2026
    mother = next(m for m in detail.members if m.sex == "2")
    page.mother.set_value(mother.id)
    page.place.set_value("hospital")
    page.order.setValue(2)
    save(qtbot, dialog)

    after = households.detail(ctx.profile, family)
    [birth] = after.events
    assert (birth.kind, birth.person_name, birth.event_date) == ("birth", "Đặng Bảo An", born)
    assert birth.details["place"] == "hospital" and birth.details["birth_order"] == 2
    assert "Đặng Bảo An" in [m.full_name for m in after.members]


def test_typed_reporting_month_is_checked_and_kept(qtbot, ctx, family):
    dialog = opened(qtbot, EventDialog(ctx, households.detail(ctx.profile, family), kind="move_out"))
    page = dialog.current_page()
    head = households.detail(ctx.profile, family).members[0]
    page.member.set_value(head.id)
    page.on.set_value(TODAY)
    page.month.selectAll()
    qtbot.keyClicks(page.month, "2019-13")
    assert page.panel.error_text("reporting_month").startswith("2019-13: ")  # why it cannot be read
    page.on.set_value(TODAY - timedelta(days=1))  # a typed month is not overwritten by the date
    assert page.month.text() == "2019-13"
    assert not dialog.save_button.isEnabled()


@pytest.mark.parametrize("style", ["{m}/{y}", "{m}-{y}", "{y}-{m:02d}"])
def test_the_reporting_month_is_typed_the_way_people_write_it(qtbot, ctx, family, style):
    dialog = opened(qtbot, EventDialog(ctx, households.detail(ctx.profile, family), kind="move_out"))
    page = dialog.current_page()
    wife = next(m for m in households.detail(ctx.profile, family).members if not m.is_head)
    page.member.set_value(wife.id)
    page.on.set_value(TODAY)
    type_text(qtbot, page.text, "Hà Nội")
    page.month.selectAll()
    qtbot.keyClicks(page.month, style.format(m=TODAY.month, y=TODAY.year))
    assert not page.panel.error_text("reporting_month")
    save(qtbot, dialog)
    [moved] = households.detail(ctx.profile, family).events
    assert moved.reporting_month == f"{TODAY.year:04d}-{TODAY.month:02d}"


def test_move_out_then_dissolve(qtbot, ctx, family):
    detail = households.detail(ctx.profile, family)
    for member in reversed(detail.members):  # the head last, when nobody is left to head the household
        dialog = opened(qtbot, EventDialog(ctx, households.detail(ctx.profile, family), kind="move_out"))
        page = dialog.current_page()
        page.member.set_value(member.id)
        page.on.set_value(TODAY)
        type_text(qtbot, page.text, "Hà Nội")
        save(qtbot, dialog)
    assert all(p.status == "moved_out" for p in households.detail(ctx.profile, family).members)

    dialog = opened(qtbot, DissolveDialog(ctx, households.detail(ctx.profile, family)))
    assert dialog.panel.error_text("reason") == "Ô này không được để trống."
    type_text(qtbot, dialog.reason, "Cả gia đình chuyển ra Hà Nội")
    save(qtbot, dialog)
    assert households.detail(ctx.profile, family).dissolved_on == TODAY


def test_dissolving_with_members_still_living_there_is_refused(qtbot, ctx, family):
    dialog = opened(qtbot, DissolveDialog(ctx, households.detail(ctx.profile, family)))
    type_text(qtbot, dialog.reason, "Chuyển đi")
    assert dialog.panel.error_text("reason").startswith("Vẫn còn đang ở trong hộ: Đặng Văn Hùng")
    assert not dialog.try_save()
    assert households.detail(ctx.profile, family).dissolved_on is None


def test_add_category_and_marriage(qtbot, ctx, family):
    dialog = opened(qtbot, CategoryDialog(ctx, households.detail(ctx.profile, family)))
    dialog.category.set_value("near_poor")
    qtbot.keyClicks(dialog.decision_no, "125/QD-UBND")
    save(qtbot, dialog)
    [category] = households.detail(ctx.profile, family).categories
    assert (category.category, category.year, category.decision_no) == ("near_poor", TODAY.year, "125/QD-UBND")

    members.add_member(
        ctx.profile, family, members.PersonInput("Đặng Văn Tú", "1", date(1999, 1, 1), "child"), allow_duplicate=True
    )
    son = next(m for m in households.detail(ctx.profile, family).members if m.full_name == "Đặng Văn Tú")
    dialog = opened(qtbot, EventDialog(ctx, households.detail(ctx.profile, family), kind="marriage"))
    page = dialog.current_page()
    page.member.set_value(son.id)
    page.on.set_value(TODAY - timedelta(days=2))
    type_text(qtbot, page.text, "Hồ Thị Lý")
    save(qtbot, dialog)
    assert members.get(ctx.profile, son.id).marital_status == "married"
