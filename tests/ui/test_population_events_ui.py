"""Family-planning and health events through the real "Record event" dialog and the household page."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from desktop.services.register import events, households, members, people
from desktop.services.register.members import PersonInput
from desktop.typed_dates import parse_month
from desktop.ui.dialogs.event import KINDS, EventDialog
from desktop.ui.pages.household_detail import HouseholdDetailPage
from tests.ui.helpers import opened, type_text

TODAY = date.today()


def test_record_a_contraception_start_and_see_it_in_the_household(qtbot, ctx, wait_lane, family):
    page = HouseholdDetailPage(ctx)
    qtbot.addWidget(page)
    page.show_household(family)
    wait_lane()
    assert page.detail is not None and page.events.rowCount() == 0

    dialog = opened(qtbot, EventDialog(ctx, page.detail))
    dialog.kind.set_value("fp_start")
    form = dialog.current_page()
    assert form.kind == "fp_start"
    wife = next(m for m in page.detail.members if m.sex == "2")
    husband = next(m for m in page.detail.members if m.sex == "1")
    # The only woman of reproductive age is chosen already; the husband can be chosen but is explained.
    assert form.member.value() == wife.id
    form.member.set_value(husband.id)
    form.on.set_value(TODAY)
    assert form.panel.error_text("person")
    assert not dialog.save_button.isEnabled()
    form.member.set_value(wife.id)
    assert not form.panel.error_text("person")
    assert form.panel.error_text("method")  # a method is required
    form.on.set_value(TODAY + timedelta(days=1))
    assert form.panel.error_text("event_date")
    started = TODAY - timedelta(days=2)
    form.on.set_value(started)
    assert form.month.text() == parse_month(events.default_reporting_month(started, TODAY)).label()
    form.method.set_value("iud")
    type_text(qtbot, form.notes, "Đặt vòng tại Trạm Y tế xã")
    assert dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted

    page.reload()
    wait_lane()
    assert page.events.rowCount() == 1
    row = [page.events.data(page.events.index(0, column)) for column in range(page.events.columnCount())]
    assert row[1] == "Bắt đầu sử dụng BPTT"  # the kind's name from population_event_kinds.csv
    assert row[2] == "Nguyễn Thị Hường"
    assert "Dụng cụ tử cung" in row[4] and "Đặt vòng tại Trạm Y tế xã" in row[4]
    [event] = households.detail(ctx.profile, family).events
    assert (event.kind, event.event_date, event.details) == ("fp_start", started, {"method": "iud"})


def test_stopping_prefills_the_method_she_started(qtbot, ctx, family):
    detail = households.detail(ctx.profile, family)
    wife = next(m for m in detail.members if m.sex == "2")
    people.record_care_event(
        ctx.profile, wife.id, kind="fp_start", on=TODAY - timedelta(days=90), details={"method": "implant"}
    )
    dialog = opened(qtbot, EventDialog(ctx, households.detail(ctx.profile, family), kind="fp_stop"))
    form = dialog.current_page()
    assert form.member.value() == wife.id and form.method.value() == "implant"
    form.on.set_value(TODAY)
    assert dialog.try_save()
    kinds = sorted(e.kind for e in households.detail(ctx.profile, family).events)
    assert kinds == ["fp_start", "fp_stop"]


def test_every_new_kind_has_a_page_and_a_name(qtbot, ctx, family):
    members.add_member(ctx.profile, family, PersonInput("Đặng Thị Na", "2", TODAY - timedelta(days=10), "grandchild"))
    members.add_member(ctx.profile, family, PersonInput("Đặng Văn Cả", "1", date(1950, 1, 1), "parent"))
    detail = households.detail(ctx.profile, family)
    by_name = {m.full_name: m.id for m in detail.members}
    dialog = opened(qtbot, EventDialog(ctx, detail))
    for kind in events.CARE_KINDS:
        assert kind in KINDS
        assert ctx.codes.label("population_event_kinds", kind) != kind
    cases = {
        "pregnancy": ("Nguyễn Thị Hường", lambda f: f.number.setValue(2)),
        "prenatal_screening": (
            "Nguyễn Thị Hường",
            lambda f: (f.week.setValue(12), f.results.set_result("down_syndrome", "normal")),
        ),
        "newborn_screening": (
            "Đặng Thị Na",
            lambda f: (f.done_at.setText("Bệnh viện huyện"), f.results.set_result("g6pd_deficiency", "normal")),
        ),
        "elderly_checkup": ("Đặng Văn Cả", lambda f: None),
    }
    for kind, (name, fill) in cases.items():
        dialog.kind.set_value(kind)
        form = dialog.current_page()
        assert form.member.value() == by_name[name]  # the only one it can be about is chosen
        form.on.set_value(TODAY)
        fill(form)
        assert not dialog.live_problems(), kind
        assert dialog.perform_save()
    recorded = sorted(e.kind for e in households.detail(ctx.profile, family).events)
    assert recorded == sorted(cases)


def test_a_newborn_screening_is_recorded_condition_by_condition(qtbot, ctx, wait_lane, family):
    baby = members.add_member(ctx.profile, family, PersonInput("Đặng Thị Na", "2", TODAY - timedelta(days=12), "child"))
    page = HouseholdDetailPage(ctx)
    qtbot.addWidget(page)
    page.show_household(family)
    wait_lane()
    assert page.detail is not None
    dialog = opened(qtbot, EventDialog(ctx, page.detail, kind="newborn_screening"))
    form = dialog.current_page()
    assert form.member.value() == baby
    # One choice per condition of screening_conditions.csv, named in Vietnamese, none screened yet.
    labels = [form.results.combos[code].accessibleName() for code in form.results.combos]
    assert labels == [
        "Suy giáp trạng bẩm sinh",
        "Thiếu men G6PD",
        "Tăng sản thượng thận bẩm sinh",
        "Khiếm thính bẩm sinh",
        "Bệnh tim bẩm sinh",
    ]
    hearing = form.results.combos["congenital_hearing_loss"]
    assert [hearing.itemText(i) for i in range(hearing.count())] == ["Không sàng lọc", "Bình thường", "Nguy cơ cao"]
    form.on.set_value(TODAY - timedelta(days=10))
    form.panel.touch_all()
    dialog.revalidate()
    assert form.panel.error_text("results") == "Hãy cho biết kết quả của ít nhất một bệnh đã được sàng lọc."
    assert not dialog.save_button.isEnabled()

    form.results.set_result("g6pd_deficiency", "at_risk")
    hearing.setCurrentIndex(1)
    type_text(qtbot, form.done_at, "Bệnh viện huyện")
    # Looking at another kind of event and coming back keeps what was chosen and typed.
    dialog.kind.set_value("elderly_checkup")
    dialog.kind.set_value("newborn_screening")
    assert dialog.current_page() is form and form.results.results() == {
        "g6pd_deficiency": "at_risk",
        "congenital_hearing_loss": "normal",
    }
    assert form.panel.error_text("results") == "" and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted

    [event] = [e for e in households.detail(ctx.profile, family).events if e.kind == "newborn_screening"]
    assert event.details == {
        "results": {"g6pd_deficiency": "at_risk", "congenital_hearing_loss": "normal"},
        "done_at": "Bệnh viện huyện",
    }
    page.reload()
    wait_lane()
    shown = [page.events.data(page.events.index(row, 4)) for row in range(page.events.rowCount())]
    assert any("Thiếu men G6PD: Nguy cơ cao" in text and "Khiếm thính bẩm sinh: Bình thường" in text for text in shown)
