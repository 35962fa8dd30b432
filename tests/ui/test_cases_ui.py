"""Support cases through the real dialogs: a domestic-violence case (acts, a no-contact order held to
the law's 3 days, a referral, closing), a child-protection case whose steps cannot be skipped, and a
collaborator without the protection permission who sees that a case exists but not what it is about."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from sqlalchemy import func, select

from db.models.casework import CaseMeasure, CaseReferral, SupportCase
from desktop.services.casework import cases, child, child_plan, parties, tasks
from desktop.services.casework.cases import CaseInput
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members
from desktop.services.register.members import PersonInput
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case import party as case_party
from desktop.ui.dialogs.case.forms import CloseCaseDialog, MeasureDialog, PlanItemDialog, ReferDialog
from desktop.ui.dialogs.case.opening import CaseOpenDialog
from desktop.ui.dialogs.case.party import PartyDialog
from desktop.ui.dialogs.case.window import CaseDialog
from desktop.ui.formatting import fmt_date
from desktop.ui.pages import household_cases, household_detail
from desktop.ui.pages.household_detail import HouseholdDetailPage
from desktop.ui.translation import message_text
from tests.ui.helpers import opened, type_text
from tests.ui.unsaved_helpers import DISCARD, answer

TODAY = date.today()
SCREENS = Path(__file__).resolve().parents[2] / ".perf" / "screens"
CASES_TAB = 4


def save(qtbot, dialog) -> None:
    assert dialog.save_button.isEnabled(), [dialog.panel.error_text(f) for f in dialog.panel._rows]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def shoot(widget: QWidget, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # a wrapped message changes heights twice: let every layout settle
        QApplication.processEvents()
    widget.grab().save(str(SCREENS / f"case-{name}.png"))


class Watch:
    """Runs an action on the next modal dialog of a kind; a failing action closes the dialog."""

    def __init__(self, kind: type, action: Callable[[QDialog], None]) -> None:
        self.kind, self.action = kind, action
        self.seen: list[QDialog] = []
        self.failures: list[BaseException] = []
        self.deadline = time.monotonic() + 10
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, self.kind) and widget.isVisible():
            self.seen.append(widget)
            try:
                self.action(widget)
            except BaseException as failed:  # noqa: BLE001 - re-raised by check(), outside Qt's loop
                self.failures.append(failed)
                widget.reject()
        elif time.monotonic() < self.deadline:
            QTimer.singleShot(20, self._poll)

    def check(self) -> None:
        if self.failures:
            raise self.failures[0]
        assert self.seen, f"no {self.kind.__name__} was shown"


def through_modal(kind: type, action: Callable[[QDialog], None], trigger: Callable[[], None]) -> None:
    """Press `trigger`, which shows a modal `kind`, and run `action` on it."""
    watch = Watch(kind, action)
    trigger()
    watch.check()


def count(profile, model) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisibleTo(button.window())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_domestic_violence_case_from_acts_to_closing(qtbot, ctx, family, wait_lane):
    profile = ctx.profile
    page = HouseholdDetailPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.show_household(family)
    wait_lane()
    wife = next(m for m in page.detail.members if not m.is_head)
    page.members_view.selectRow(1)
    assert page.selected_member() == wife

    def fill_open(dialog: CaseOpenDialog) -> None:
        assert dialog.person.value() == wife.id  # the member selected on the page
        assert dialog.panel.error_text("kind")  # still to choose
        assert not dialog.save_button.isEnabled()
        dialog.kind.set_value("domestic_violence")
        type_text(qtbot, dialog.summary, "Hàng xóm báo tin")
        shoot(dialog, "open-dialog")
        save(qtbot, dialog)

    # "Open case…" opens the form, then the new case's window: it is closed from here to carry on.
    window = Watch(CaseDialog, lambda shown: shown.reject())
    page.tabs.setCurrentIndex(CASES_TAB)
    through_modal(CaseOpenDialog, fill_open, lambda: click(qtbot, page.cases_tab.open_button))
    qtbot.waitUntil(lambda: bool(window.seen), timeout=5000)
    window.check()
    assert window.seen[0].header.heading.text() == "Bạo lực gia đình — Nguyễn Thị Hường"
    wait_lane()
    [item] = cases.for_household(profile, family)
    assert item.kind == "domestic_violence" and item.owner == "Nguyễn Thị Lan"
    assert page.cases_tab.cases.rowCount() == 1
    assert page.tabs.tabText(CASES_TAB).endswith("(1)")
    assert cases.detail(profile, item.id).person_name == "Nguyễn Thị Hường"
    page.tabs.setCurrentIndex(CASES_TAB)
    shoot(page, "tab")

    case = opened(qtbot, CaseDialog(ctx, item.id))
    assert not case.acts_tab.save_button.isEnabled()  # no act ticked yet
    case.acts_tab.acts.set_checked("a")
    case.acts_tab.acts.set_checked("b")
    assert case.acts_tab.types_label.text() == "Bạo lực thể chất, Bạo lực tinh thần"  # derived as they are ticked
    case.acts_tab.relationship.set_value("married")
    type_text(qtbot, case.acts_tab.harm, "Bầm tím tay")
    assert not case.acts_tab.criticism_note.isVisibleTo(case)
    case.acts_tab.sanctioned.setChecked(True)
    assert case.acts_tab.criticism_note.isVisibleTo(case)  # Art. 32.1.b: again after a sanction
    case.acts_tab.sanctioned.setChecked(False)
    assert not case.acts_tab.criticism_note.isVisibleTo(case)
    case.acts_tab.recurrence.setValue(2)
    assert case.acts_tab.criticism_note.isVisibleTo(case)  # Art. 32.1.a: twice in 12 months
    click(qtbot, case.acts_tab.save_button)
    with profile.sessions() as session:
        row = session.get(SupportCase, item.id)
        assert (row.acts, row.relationship_context, row.harm, row.recurrence_12m) == (
            ["a", "b"],
            "married",
            "Bầm tím tay",
            2,
        )
    shoot(case, "dv-dialog")

    def four_then_three_days(dialog: MeasureDialog) -> None:
        assert not dialog.ends_on.isVisibleTo(dialog)  # no period for the first measure in the list
        dialog.measure.set_value("no_contact")
        assert dialog.ends_on.isVisibleTo(dialog) and dialog.distance.value() == 100
        type_text(qtbot, dialog.decision_no, "12/QĐ-UBND")
        dialog.starts_on.set_value(TODAY)
        dialog.ends_on.set_value(TODAY + timedelta(days=3))
        refusal = dialog.panel.error_text("ends_on")
        assert "tối đa 3 ngày" in refusal and "dài 4 ngày" in refusal  # in Vietnamese, beside the field
        assert not dialog.save_button.isEnabled()
        shoot(dialog, "measure-refused")
        assert not dialog.try_save()  # the service refuses too: nothing saved
        assert count(profile, CaseMeasure) == 0
        dialog.ends_on.set_value(TODAY + timedelta(days=2))
        assert dialog.panel.error_text("ends_on") == ""
        type_text(qtbot, dialog.supervisor, "Trưởng thôn")
        save(qtbot, dialog)

    case.tabs.setCurrentIndex(1)
    through_modal(MeasureDialog, four_then_three_days, lambda: click(qtbot, case.measures_tab.apply_button))
    assert case.measures_tab.measures.rowCount() == 1
    assert case.tabs.tabText(1).endswith("(1)")
    [measure] = case.data.dv.measures
    assert (measure.starts_on, measure.ends_on, measure.distance_m) == (TODAY, TODAY + timedelta(days=2), 100)
    [end] = [t for t in tasks.open_tasks(profile) if t.kind == "no_contact_end"]
    assert (end.case_id, end.household_id, end.due) == (item.id, family, TODAY + timedelta(days=2))

    def to_police(dialog: ReferDialog) -> None:
        dialog.receiver.set_value("commune_police")
        save(qtbot, dialog)

    case.tabs.setCurrentIndex(2)
    through_modal(ReferDialog, to_police, lambda: click(qtbot, case.referrals_tab.refer_button))
    [referral] = case.data.dv.referrals
    assert (referral.body, referral.status) == ("commune_police", "sent")
    assert not case.referrals_tab.status_buttons["done"].isEnabled()  # sent → received first
    click(qtbot, case.referrals_tab.status_buttons["received"])
    click(qtbot, case.referrals_tab.status_buttons["done"])
    assert [r.status for r in case.data.dv.referrals] == ["done"]
    assert not any(b.isEnabled() for b in case.referrals_tab.status_buttons.values())
    shoot(case, "dv-referrals")

    def close_with_outcome(dialog: CloseCaseDialog) -> None:
        assert not dialog.save_button.isEnabled()  # the outcome is required
        type_text(qtbot, dialog.outcome, "Gia đình ổn định, đã cam kết")
        save(qtbot, dialog)

    through_modal(CloseCaseDialog, close_with_outcome, lambda: click(qtbot, case.close_case_button))
    closed = cases.detail(profile, item.id)
    assert closed.state == "closed" and closed.outcome == "Gia đình ổn định, đã cam kết"
    assert not case.close_case_button.isEnabled() and not case.measures_tab.apply_button.isEnabled()
    assert not [t for t in tasks.open_tasks(profile) if t.case_id == item.id]  # a closed case has no tasks
    assert count(profile, CaseReferral) == 1


def test_a_no_contact_order_closer_than_100_m_is_refused_beside_the_distance(qtbot, ctx, family):
    cid = cases.open_case(ctx.profile, CaseInput("domestic_violence", family, TODAY))
    case = opened(qtbot, CaseDialog(ctx, cid))
    dialog = opened(qtbot, MeasureDialog(ctx, cid, case.codes))
    dialog.measure.set_value("no_contact")
    dialog.ends_on.set_value(TODAY)
    dialog.distance.setValue(30)
    assert "100 m" in dialog.panel.error_text("distance_m")
    assert not dialog.try_save()
    assert count(ctx.profile, CaseMeasure) == 0


@pytest.fixture
def child_family(ctx, family):
    members.add_member(ctx.profile, family, PersonInput("Đặng Bảo An", "1", date(2015, 6, 1), "child"))
    return family


def test_a_child_protection_case_goes_step_by_step(qtbot, ctx, child_family):
    profile = ctx.profile
    detail = households.detail(profile, child_family)
    head = next(m for m in detail.members if m.is_head)
    boy = next(m for m in detail.members if m.full_name == "Đặng Bảo An")
    dialog = opened(qtbot, CaseOpenDialog(ctx, detail, person_id=head.id))
    dialog.kind.set_value("child_protection")
    refusal = dialog.panel.error_text("person_id")  # the head is an adult
    assert refusal.startswith("Đặng Văn Hùng đã ") and "dưới 16 tuổi" in refusal
    assert not dialog.save_button.isEnabled()
    assert not dialog.try_save()
    assert cases.for_household(profile, child_family) == []
    dialog.person.set_value(boy.id)
    assert dialog.panel.error_text("person_id") == ""
    save(qtbot, dialog)
    cid = dialog.case_id

    case = opened(qtbot, CaseDialog(ctx, cid))
    case.resize(900, 640)
    steps = case.steps_tab
    state = child.state(profile, cid)
    assert state.plan_due is not None
    assert fmt_date(state.plan_due) in steps.plan_label.text()
    assert steps.step_dates["received"].text() == fmt_date(TODAY)
    assert steps.advance_button.text().endswith("Kiểm tra, xác minh; đánh giá nguy cơ ban đầu")  # only the next
    click(qtbot, steps.advance_button)
    click(qtbot, steps.advance_button)
    assert case.data.child.state.stage == "detailed_assessment"
    assert steps.advance_button.text().endswith("Lập kế hoạch hỗ trợ, can thiệp")
    # Jumping past the plan through the same path is refused, with the step to do shown; nothing changes.
    assert not steps.advance_to("in_progress")
    assert steps.error.isVisibleTo(case)
    assert "bước tiếp theo là “Lập kế hoạch hỗ trợ, can thiệp”" in steps.error.text()
    assert child.state(profile, cid).stage == "detailed_assessment"
    assert steps.step_dates["in_progress"].text() == "—"

    case.tabs.setCurrentIndex(1)
    case.groups_tab.groups.set_checked("i")
    click(qtbot, case.groups_tab.save_button)
    assert child.view(profile, cid).groups == ("i",)
    case.tabs.setCurrentIndex(0)
    shoot(case, "child-dialog")

    [plan] = [t for t in tasks.open_tasks(profile) if t.kind == "child_plan_due"]
    assert (plan.case_id, plan.due) == (cid, state.plan_due)
    click(qtbot, steps.advance_button)  # the plan is approved: its task and deadline go
    assert not steps.plan_label.isVisibleTo(case)
    assert not [t for t in tasks.open_tasks(profile) if t.kind == "child_plan_due"]


def test_a_collaborator_without_the_protection_permission_sees_only_that_a_case_exists(
    qtbot, ctx, register, family, monkeypatch
):
    profile = ctx.profile
    cid = cases.open_case(profile, CaseInput("domestic_violence", family, TODAY, summary="Hàng xóm báo"))
    users.add_user(profile, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(profile.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    ctv_ctx = AppContext(ctv)
    try:
        page = HouseholdDetailPage(ctv_ctx)
        qtbot.addWidget(page)
        page.show()
        page.show_household(family)
        shown = page.cases_tab.cases
        qtbot.waitUntil(lambda: shown.rowCount() == 1, timeout=5000)
        texts = [shown.index(0, column).data() for column in range(shown.columnCount())]
        assert texts[1] == household_detail.detail_tables._tr("Confidential content")
        assert texts[2] == "Nguyễn Thị Lan"  # whom to ask
        assert "Bạo lực" not in " ".join(texts)

        told: list[str] = []
        monkeypatch.setattr(household_cases, "inform", lambda _parent, _title, text: told.append(text))
        monkeypatch.setattr("desktop.ui.dialogs.case.window.CaseDialog", pytest.fail)  # must never be built
        page.cases_tab.view.selectRow(0)
        page.cases_tab.show_selected_case()
        qtbot.waitUntil(lambda: bool(told), timeout=5000)
        assert told == [
            message_text(
                "This case is confidential: only users with the protection permission can read it. "
                "It is followed by {owner}.",
                {"owner": "Nguyễn Thị Lan"},
            )
        ]
        assert told[0].startswith("Trường hợp này được bảo mật")
        with pytest.raises(PermissionDeniedError):
            CaseDialog(ctv_ctx, cid)
        qtbot.waitUntil(ctv_ctx.lane.is_idle, timeout=5000)
    finally:
        ctv_ctx.lane.shutdown()
        ctv.close()


def test_the_people_of_a_case_a_member_a_named_outsider_and_an_anonymous_reporter(qtbot, ctx, family):
    profile = ctx.profile
    cid = cases.open_case(profile, CaseInput("domestic_violence", family, TODAY))
    case = opened(qtbot, CaseDialog(ctx, cid))
    case.resize(920, 640)
    people_tab = case.tabs.indexOf(case.people_tab)
    assert case.tabs.tabText(people_tab).endswith("(0)")
    case.tabs.setCurrentIndex(people_tab)
    wife = next(m for m in households.detail(profile, family).members if m.full_name == "Nguyễn Thị Hường")

    def victim_from_household(dialog: PartyDialog) -> None:
        assert not dialog.save_button.isEnabled()  # no role, nobody chosen
        dialog.role.set_value("victim")
        dialog.person.set_value(wife.id)
        assert not dialog.name.isEnabled() and not dialog.birth_year.isEnabled()  # the register knows them
        assert not dialog.panel.editor("contact").isVisibleTo(dialog)  # only a reporter's contact
        type_text(qtbot, dialog.relationship, "vợ")
        save(qtbot, dialog)

    through_modal(PartyDialog, victim_from_household, lambda: click(qtbot, case.people_tab.add_button))

    def outsider_without_then_with_a_name(dialog: PartyDialog) -> None:
        dialog.role.set_value("perpetrator")
        assert dialog.name.isEnabled()
        assert dialog.panel.error_text("name")  # neither a member nor a name
        assert not dialog.save_button.isEnabled()
        assert not dialog.try_save()  # the service refuses too: nothing saved
        assert len(parties.parties(profile, cid)) == 1
        shoot(dialog, "people-dialog-refused")
        dialog.anonymous.setChecked(True)  # only a reporter may stay anonymous
        assert dialog.panel.error_text("anonymous") and not dialog.name.isEnabled()
        dialog.anonymous.setChecked(False)
        type_text(qtbot, dialog.name, "Lê Văn Hùng")
        dialog.sex.set_value("1")
        dialog.birth_year.setValue(1980)
        type_text(qtbot, dialog.relationship, "chồng")
        assert dialog.panel.error_text("name") == ""
        shoot(dialog, "people-dialog")
        save(qtbot, dialog)

    through_modal(PartyDialog, outsider_without_then_with_a_name, lambda: click(qtbot, case.people_tab.add_button))

    def anonymous_reporter(dialog: PartyDialog) -> None:
        dialog.role.set_value("reporter")
        assert dialog.panel.editor("contact").isVisibleTo(dialog)
        type_text(qtbot, dialog.name, "Bà Tư")
        dialog.anonymous.setChecked(True)  # empties and locks the name fields
        assert dialog.name.text() == "" and not dialog.name.isEnabled() and not dialog.person.isEnabled()
        assert dialog.panel.error_text("anonymous") == "" and dialog.panel.error_text("name") == ""
        shoot(dialog, "people-dialog-anonymous")
        save(qtbot, dialog)

    through_modal(PartyDialog, anonymous_reporter, lambda: click(qtbot, case.people_tab.add_button))
    assert case.tabs.tabText(people_tab).endswith("(3)")
    rows = [
        [case.people_tab.people.index(row, column).data() for column in range(case.people_tab.people.columnCount())]
        for row in range(case.people_tab.people.rowCount())
    ]
    assert [r[1] for r in rows] == ["Nguyễn Thị Hường", "Lê Văn Hùng", party_name_of_anonymous()]
    assert rows[1][2:5] == ["Nam", "1980", "chồng"]
    assert rows[0][3] == "1982"  # the register's year for a member
    shoot(case, "people")

    case.people_tab.view.selectRow(1)
    through_modal(
        QMessageBox,
        lambda box: box.button(QMessageBox.StandardButton.Yes).click(),
        lambda: click(qtbot, case.people_tab.remove_button),
    )
    listed = parties.parties(profile, cid)
    assert [(p.role, p.person_id, p.name, p.anonymous) for p in listed] == [
        ("victim", wife.id, "Nguyễn Thị Hường", False),
        ("reporter", None, "", True),
    ]
    assert listed[0].relationship == "vợ"
    assert case.people_tab.people.rowCount() == 2 and case.tabs.tabText(people_tab).endswith("(2)")


def party_name_of_anonymous() -> str:
    return case_party._tr("Anonymous")


def test_a_child_support_plan_item_is_added_after_the_plan_step_and_marked_done(qtbot, ctx, child_family):
    profile = ctx.profile
    boy = next(m for m in households.detail(profile, child_family).members if m.full_name == "Đặng Bảo An")
    cid = cases.open_case(profile, CaseInput("child_protection", child_family, TODAY, person_id=boy.id))
    case = opened(qtbot, CaseDialog(ctx, cid))
    case.tabs.setCurrentWidget(case.plan_tab)

    def refused_before_the_plan(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanItemDialog)
        assert not dialog.save_button.isEnabled()  # validated as one types
        assert "action" in [p.field for p in child_plan.input_problems(dialog.value(), TODAY)]
        type_text(qtbot, dialog.action, "Đưa cháu đi khám sức khỏe")
        type_text(qtbot, dialog.responsible, "Trạm y tế xã")
        dialog.due_on.set_value(TODAY + timedelta(days=7))
        assert dialog.save_button.isEnabled()
        assert not dialog.try_save()  # the plan step is not reached yet
        assert dialog.panel.error_text("action").startswith("Hãy ghi bước lập kế hoạch trước")
        answer(DISCARD)  # typed but refused: closing asks, and nothing is saved
        dialog.reject()

    through_modal(PlanItemDialog, refused_before_the_plan, case.plan_tab.add_button.click)
    assert child_plan.items(profile, cid) == []

    while child.state(profile, cid).next_step != child.PLAN_STEP:
        child.advance(profile, cid, to=child.state(profile, cid).next_step, on=TODAY)
    child.advance(profile, cid, to=child.PLAN_STEP, on=TODAY)
    case.refresh()

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanItemDialog)
        type_text(qtbot, dialog.action, "Đưa cháu đi khám sức khỏe")
        type_text(qtbot, dialog.responsible, "Trạm y tế xã")
        dialog.due_on.set_value(TODAY - timedelta(days=1))  # before the case opened: refused as one types
        assert dialog.panel.error_text("due_on") and not dialog.save_button.isEnabled()
        dialog.due_on.set_value(TODAY + timedelta(days=7))
        save(qtbot, dialog)

    through_modal(PlanItemDialog, add, lambda: click(qtbot, case.plan_tab.add_button))
    [item] = child_plan.items(profile, cid)
    assert (item.action, item.responsible, item.status) == ("Đưa cháu đi khám sức khỏe", "Trạm y tế xã", "planned")
    assert case.plan_tab.items.rowCount() == 1 and case.plan_tab.selected_item() == item
    click(qtbot, case.plan_tab.item_buttons[child_plan.DONE])
    [item] = child_plan.items(profile, cid)
    assert (item.status, item.status_on, item.overdue) == ("done", TODAY, False)
    assert not case.plan_tab.item_buttons[child_plan.DONE].isEnabled()  # a finished item does not change again
    assert not case.plan_tab.item_buttons[child_plan.DROPPED].isEnabled()


def test_a_child_case_is_closed_through_its_review_in_the_case_window(qtbot, ctx, child_family):
    from desktop.ui.dialogs.case.review import ReviewDialog
    from desktop.ui.dialogs.case.timeline import ActionDialog

    profile = ctx.profile
    boy = next(m for m in households.detail(profile, child_family).members if m.full_name == "Đặng Bảo An")
    opened_on = TODAY - timedelta(days=30)
    cid = cases.open_case(profile, CaseInput("child_protection", child_family, opened_on, person_id=boy.id))
    for step in ("initial_assessment", "detailed_assessment", "plan_approved", "in_progress", "monitoring"):
        child.advance(profile, cid, to=step, on=opened_on + timedelta(days=2))
    case = opened(qtbot, CaseDialog(ctx, cid))
    case.resize(920, 720)

    def visit(dialog: ActionDialog) -> None:
        dialog.kind.set_value("monitoring_visit")
        dialog.result_choice.set_value("better")
        type_text(qtbot, dialog.notes, "Cháu đi học đều")
        save(qtbot, dialog)

    case.tabs.setCurrentWidget(case.timeline_tab)
    through_modal(ActionDialog, visit, lambda: click(qtbot, case.timeline_tab.add_button))
    assert case.timeline_tab.entries.rowCount() == len(case.data.timeline) and case.data.timeline[0].what == "action"
    assert case.tabs.tabText(case.tabs.indexOf(case.timeline_tab)).startswith("Diễn biến")

    case.tabs.setCurrentIndex(0)
    # At the monitoring step the last step waits for the review of Mẫu 06.
    assert case.steps_tab.review_button.isVisibleTo(case) and case.steps_tab.review_hint.isVisibleTo(case)
    assert not case.steps_tab.advance_button.isEnabled()
    assert not case.steps_tab.advance_to("closed") and "Mẫu 06" in case.steps_tab.error.text()

    def review(dialog: ReviewDialog) -> None:
        for combo in dialog.combos.values():
            combo.set_value("low")
        dialog.capacity.set_value("high")
        save(qtbot, dialog)

    through_modal(ReviewDialog, review, lambda: click(qtbot, case.steps_tab.review_button))
    assert case.steps_tab.review_summary.isVisibleTo(case) and not case.steps_tab.review_hint.isVisibleTo(case)
    assert cases.detail(profile, cid).risk_level == "low"
    assert case.assessment.risk.value() == "low"  # the header follows the review
    shoot(case, "child-review")
    click(qtbot, case.steps_tab.advance_button)
    assert cases.detail(profile, cid).state == "closed"
    assert not case.timeline_tab.add_button.isEnabled() and not case.intake_tab.save_button.isEnabled()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_alt_letters_of_a_child_case_window_do_not_clash(qtbot, ctx, child_family, language):
    """The header (risk, consent, save) is always on screen: its letters must differ from every tab's."""
    from desktop.ui import translation

    boy = next(m for m in households.detail(ctx.profile, child_family).members if m.full_name == "Đặng Bảo An")
    cid = cases.open_case(ctx.profile, CaseInput("child_protection", child_family, TODAY, person_id=boy.id))
    translation.install(language)
    try:
        case = opened(qtbot, CaseDialog(ctx, cid))
        header = _letters(case.assessment)
        for index in range(case.tabs.count()):
            tab = _letters(case.tabs.widget(index))
            assert len(tab) == len(set(tab)), (language, case.tabs.tabText(index), tab)
            assert not set(tab) & set(header), (language, case.tabs.tabText(index), header)
    finally:
        translation.install("vi")


def _letters(widget: QWidget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t and not t.endswith("&")]


def test_a_case_task_on_the_dashboard_opens_its_case(qtbot, ctx, family, wait_lane):
    from desktop.services.casework import dv_measures
    from desktop.services.casework.dv_measures import MeasureInput
    from desktop.ui.main_window import MainWindow

    profile = ctx.profile
    cid = cases.open_case(profile, CaseInput("domestic_violence", family, TODAY))
    order = MeasureInput("no_contact", TODAY, "2/QĐ", TODAY, TODAY + timedelta(days=1), 100)
    dv_measures.apply_measure(profile, cid, order)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_lane()
    page = window.dashboard
    [row] = [r for r in range(page.due.rowCount()) if page.due.record(r).case_id == cid]
    seen: list[uuid.UUID] = []

    def look(dialog: CaseDialog) -> None:
        seen.append(dialog.case_id)
        dialog.reject()

    watch = Watch(CaseDialog, look)
    page.due_view.activated.emit(page.due.index(row, 0))
    qtbot.waitUntil(lambda: bool(watch.seen) or bool(watch.failures), timeout=5000)
    watch.check()
    assert seen == [cid]
    assert window.household_detail.household_id == family
    assert window.household_detail.tabs.currentIndex() == household_detail.CASES_TAB
