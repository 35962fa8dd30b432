"""A case's timeline and assessment through the real widgets: risk and consent when opening a case and
later, entries offered by the case's kind (mediation for domestic violence, monitoring visits for a
child), a mediation that needs its result, a follow-up day refused beside its field, and the timeline
listing what was saved, latest first; a closed case takes no more entries."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from sqlalchemy import func, select

from db.models.casework import CaseAction
from desktop.services.casework import cases, child, child_plan, dv, dv_measures
from desktop.services.casework import timeline as case_actions
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.register import households, members
from desktop.services.register.members import PersonInput
from desktop.ui.dialogs.case.assessment import AssessmentBar
from desktop.ui.dialogs.case.data import CaseCodes, load_codes
from desktop.ui.dialogs.case.opening import CaseOpenDialog
from desktop.ui.dialogs.case.timeline import ActionDialog, TimelineTab
from desktop.ui.formatting import fmt_date
from desktop.ui.translation import message_text
from tests.ui.helpers import type_text

TODAY = date.today()
OPENED = TODAY - timedelta(days=10)
SCREENS = Path(__file__).resolve().parents[2] / ".perf" / "screens"


def opened(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


def save(qtbot, dialog) -> None:
    assert dialog.save_button.isEnabled(), [dialog.panel.error_text(f) for f in dialog.panel._rows]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def shoot(widget: QWidget, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # a wrapped message changes heights twice: let every layout settle
        QApplication.processEvents()
    widget.grab().save(str(SCREENS / f"case-timeline-{name}.png"))


def tab_text(source: str) -> str:
    return QCoreApplication.translate("TimelineTab", source)


def combo_values(combo) -> list:
    return [combo._values[i] for i in range(combo.count())]


def entries_saved(profile) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(CaseAction)) or 0


def rows(tab: TimelineTab) -> list[list[str]]:
    model = tab.entries
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.fixture
def codes(ctx) -> CaseCodes:
    return load_codes(ctx.profile)


@pytest.fixture
def wife(ctx, family):
    return next(m for m in households.detail(ctx.profile, family).members if m.full_name == "Nguyễn Thị Hường")


@pytest.fixture
def dv_case(ctx, family, wife):
    return cases.open_case(ctx.profile, CaseInput("domestic_violence", family, OPENED, person_id=wife.id))


def show(qtbot, ctx, codes, case_id) -> TimelineTab:
    tab = opened(qtbot, TimelineTab(ctx, case_id, codes))
    tab.resize(900, 420)
    refresh(ctx, tab, case_id)
    return tab


def refresh(ctx, tab: TimelineTab, case_id) -> None:
    tab.show_case(cases.detail(ctx.profile, case_id), case_actions.timeline(ctx.profile, case_id))


# Risk and consent ############################################################################


def test_a_case_opened_with_a_high_risk_and_consent_keeps_them(qtbot, ctx, family, wife):
    dialog = opened(qtbot, CaseOpenDialog(ctx, households.detail(ctx.profile, family), person_id=wife.id))
    assert dialog.risk.value() is None and not dialog.consent.isChecked()  # not assessed, not asked yet
    assert combo_values(dialog.risk) == [None, "high", "medium", "low"]
    assert dialog.risk.itemText(1) == "Cao"
    dialog.kind.set_value("domestic_violence")
    dialog.risk.set_value("high")
    qtbot.mouseClick(dialog.consent, Qt.MouseButton.LeftButton)
    assert dialog.consent.isChecked()
    shoot(dialog, "open-dialog")
    save(qtbot, dialog)
    detail = cases.detail(ctx.profile, dialog.case_id)
    assert (detail.risk_level, detail.consent) == ("high", True)


def test_a_case_may_be_opened_before_the_risk_is_known(qtbot, ctx, family):
    dialog = opened(qtbot, CaseOpenDialog(ctx, households.detail(ctx.profile, family)))
    dialog.kind.set_value("domestic_violence")
    assert not dialog.support_kind.isVisibleTo(dialog)  # only other support says what it is about
    dialog.kind.set_value("other_support")
    assert dialog.support_kind.isVisibleTo(dialog)
    assert dialog.support_kind.code() == "" and not dialog.save_button.isEnabled()  # say what it is about
    dialog.support_kind.set_value("family_conflict")
    save(qtbot, dialog)
    detail = cases.detail(ctx.profile, dialog.case_id)
    assert (detail.risk_level, detail.consent, detail.support_kind) == ("", False, "family_conflict")


def test_the_assessment_bar_changes_the_risk_and_consent(qtbot, ctx, codes, family):
    profile = ctx.profile
    cid = cases.open_case(
        profile, CaseInput("other_support", family, OPENED, risk_level="low", support_kind="elderly_alone")
    )
    bar = opened(qtbot, AssessmentBar(ctx, cid, codes))
    bar.resize(900, bar.sizeHint().height())
    bar.show_case(cases.detail(profile, cid))
    assert bar.risk.value() == "low" and bar.risk.currentText() == "Thấp"
    assert not bar.consent.isChecked()
    assert bar.save_button.isEnabled()
    bar.risk.set_value("medium")
    bar.consent.setChecked(True)
    with qtbot.waitSignal(bar.changed, timeout=1000):
        qtbot.mouseClick(bar.save_button, Qt.MouseButton.LeftButton)
    detail = cases.detail(profile, cid)
    assert (detail.risk_level, detail.consent) == ("medium", True)
    assert bar.saved.text()  # "Saved." beside the button
    shoot(bar, "assessment")
    bar.risk.set_value(None)  # back to "not assessed"
    assert bar.saved.text() == ""  # changed again, not saved yet
    assert bar.save()
    assert cases.detail(profile, cid).risk_level == ""


def test_the_assessment_of_a_case_closed_meanwhile_is_refused_and_a_closed_case_is_read_only(
    qtbot, ctx, codes, dv_case
):
    profile = ctx.profile
    bar = opened(qtbot, AssessmentBar(ctx, dv_case, codes))
    bar.show_case(cases.detail(profile, dv_case))
    dv.close_case(profile, dv_case, on=TODAY, outcome="Đã ổn định")  # from another window
    bar.risk.set_value("high")
    with qtbot.assertNotEmitted(bar.changed):
        assert not bar.save()
    assert bar.error.isVisibleTo(bar) and bar.error.text().startswith("Trường hợp này đã đóng")
    bar.resize(900, bar.sizeHint().height())
    shoot(bar, "assessment-refused")
    assert cases.detail(profile, dv_case).risk_level == ""
    bar.show_case(cases.detail(profile, dv_case))
    assert not bar.error.isVisibleTo(bar)
    assert not any(w.isEnabled() for w in (bar.risk, bar.consent, bar.save_button))


# Entries #####################################################################################


def test_a_domestic_violence_case_offers_mediation_which_needs_its_result(qtbot, ctx, codes, dv_case):
    dialog = opened(qtbot, ActionDialog(ctx, dv_case, "domestic_violence", OPENED, codes))
    kinds = combo_values(dialog.kind)
    assert "mediation" in kinds and "monitoring_visit" not in kinds
    assert dialog.done_on.value() == TODAY
    assert not dialog.result_choice.isVisibleTo(dialog)  # nothing chosen yet: no result to give
    dialog.kind.set_value("mediation")
    assert dialog.result_choice.isVisibleTo(dialog) and dialog.result_choice.isEnabled()
    assert combo_values(dialog.result_choice) == [None, "reconciled", "not_reconciled"]
    assert dialog.panel.error_text("result")  # still to choose
    assert not dialog.save_button.isEnabled()
    assert not dialog.try_save()
    assert entries_saved(ctx.profile) == 0
    dialog.result_choice.set_value("reconciled")
    assert dialog.panel.error_text("result") == ""
    assert dialog.save_button.isEnabled()  # notes are optional for a mediation
    dialog.kind.set_value("note")  # a note has no result
    assert not dialog.result_choice.isVisibleTo(dialog) and dialog.value().result == ""
    dialog.kind.set_value("mediation")
    assert dialog.result_choice.code() == ""  # chosen again, for this entry


def test_a_child_case_offers_monitoring_visits_and_not_mediation(qtbot, ctx, codes, family):
    boy = members.add_member(ctx.profile, family, PersonInput("Đặng Bảo An", "1", date(2015, 6, 1), "child"))
    cid = cases.open_case(ctx.profile, CaseInput("child_protection", family, OPENED, person_id=boy))
    dialog = opened(qtbot, ActionDialog(ctx, cid, "child_protection", OPENED, codes))
    kinds = combo_values(dialog.kind)
    assert "monitoring_visit" in kinds and "mediation" not in kinds
    dialog.kind.set_value("monitoring_visit")
    assert combo_values(dialog.result_choice) == [None, "better", "unchanged", "worse"]
    assert dialog.result_choice.itemText(1) == "Tình trạng của trẻ tiến triển tốt"


def test_a_follow_up_day_not_after_the_entry_is_refused_beside_it(qtbot, ctx, codes, dv_case):
    dialog = opened(qtbot, ActionDialog(ctx, dv_case, "domestic_violence", OPENED, codes))
    dialog.kind.set_value("support")
    type_text(qtbot, dialog.notes, "Hỗ trợ 10 kg gạo")
    dialog.done_on.set_value(TODAY - timedelta(days=2))
    dialog.follow_up_on.set_value(TODAY - timedelta(days=2))
    # Beside the field, in the UI's language.
    assert dialog.panel.error_text("follow_up_on") == message_text(
        "The follow-up day must be after the day of the entry."
    )
    assert not dialog.save_button.isEnabled()
    shoot(dialog, "follow-up-refused")
    assert not dialog.try_save()
    assert entries_saved(ctx.profile) == 0
    dialog.follow_up_on.set_value(TODAY + timedelta(days=5))
    assert dialog.panel.error_text("follow_up_on") == ""
    save(qtbot, dialog)
    [entry] = case_actions.actions(ctx.profile, dv_case)
    assert (entry.kind, entry.notes, entry.follow_up_on) == ("support", "Hỗ trợ 10 kg gạo", TODAY + timedelta(days=5))


def test_a_note_needs_its_text(qtbot, ctx, codes, dv_case):
    dialog = opened(qtbot, ActionDialog(ctx, dv_case, "domestic_violence", OPENED, codes))
    dialog.kind.set_value("note")
    assert dialog.panel.error_text("notes") and not dialog.save_button.isEnabled()
    type_text(qtbot, dialog.notes, "Gọi điện hỏi thăm")
    assert dialog.panel.error_text("notes") == "" and dialog.save_button.isEnabled()


# The timeline ################################################################################


def test_a_saved_mediation_appears_at_the_top_of_the_timeline(qtbot, ctx, codes, dv_case, monkeypatch):
    profile = ctx.profile
    dv_measures.refer(profile, dv_case, body="commune_police", sent_on=OPENED + timedelta(days=1))
    tab = show(qtbot, ctx, codes, dv_case)
    assert tab.add_button.isEnabled()
    assert [r[0] for r in rows(tab)] == [fmt_date(OPENED + timedelta(days=1)), fmt_date(OPENED)]

    def mediate(dialog: ActionDialog) -> int:
        opened(qtbot, dialog)
        dialog.kind.set_value("mediation")
        dialog.result_choice.set_value("not_reconciled")
        dialog.done_on.set_value(TODAY)
        type_text(qtbot, dialog.notes, "Tổ hòa giải thôn")
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
        type_text(qtbot, dialog.notes, "hai bên chưa thống nhất")
        shoot(dialog, "mediation")
        assert dialog.try_save()
        return dialog.result()

    monkeypatch.setattr(ActionDialog, "exec", mediate)
    with qtbot.waitSignal(tab.changed, timeout=1000):
        assert tab.add_entry()
    refresh(ctx, tab, dv_case)
    top = rows(tab)[0]
    notes = "Tổ hòa giải thôn hai bên chưa thống nhất"  # on one line; the tooltip has it whole
    assert top == [fmt_date(TODAY), "Hòa giải ở cơ sở", "Hòa giải không thành", notes]
    assert len(rows(tab)) == 3


def test_a_cancelled_entry_changes_nothing(qtbot, ctx, codes, dv_case, monkeypatch):
    tab = show(qtbot, ctx, codes, dv_case)
    monkeypatch.setattr(ActionDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    with qtbot.assertNotEmitted(tab.changed):
        assert not tab.add_entry()
    assert entries_saved(ctx.profile) == 0


def test_the_timeline_reads_each_record_of_the_case_and_a_closed_case_takes_no_entry(
    qtbot, ctx, codes, dv_case, monkeypatch
):
    profile = ctx.profile
    day = OPENED
    order = dv_measures.MeasureInput(
        "no_contact", day + timedelta(days=1), "05/QĐ-UBND", day + timedelta(days=1), day + timedelta(days=3), 150
    )
    dv_measures.apply_measure(profile, dv_case, order)
    ref = dv_measures.refer(profile, dv_case, body="commune_police", sent_on=day + timedelta(days=2))
    dv_measures.update_referral(profile, ref, status="received", on=day + timedelta(days=3))
    case_actions.record(profile, dv_case, ActionInput("support", day + timedelta(days=4), "Hỗ trợ 10 kg gạo"))
    case_actions.record(profile, dv_case, ActionInput("mediation", day + timedelta(days=5), result="reconciled"))
    dv.close_case(profile, dv_case, on=day + timedelta(days=6), outcome="Gia đình ổn định")
    tab = show(qtbot, ctx, codes, dv_case)
    police = codes.label("referral_bodies", "commune_police")
    measure = codes.label("dv_measures", "no_contact")
    assert rows(tab) == [
        [fmt_date(day + timedelta(days=6)), tab_text("Case closed"), "", "Gia đình ổn định"],
        [fmt_date(day + timedelta(days=5)), "Hòa giải ở cơ sở", "Hòa giải thành", ""],
        [fmt_date(day + timedelta(days=4)), "Hỗ trợ đã thực hiện", "", "Hỗ trợ 10 kg gạo"],
        [
            fmt_date(day + timedelta(days=3)),
            tab_text("{body}: {status}").format(body=police, status=tab_text("Received")),
            "",
            "",
        ],
        [fmt_date(day + timedelta(days=2)), tab_text("Referred to {body}").format(body=police), "", ""],
        [
            fmt_date(day + timedelta(days=1)),
            tab_text("Measure: {measure}").format(measure=measure),
            "",
            tab_text("Decision no. {number}").format(number="05/QĐ-UBND"),
        ],
        [fmt_date(day), tab_text("Case opened: {kind}").format(kind="Bạo lực gia đình"), "", ""],
    ]
    shoot(tab, "closed")
    assert not tab.add_button.isEnabled()
    monkeypatch.setattr(ActionDialog, "exec", pytest.fail)  # never shown for a closed case
    assert not tab.add_entry()


def test_a_child_case_timeline_names_its_steps_and_plan_items(qtbot, ctx, codes, family):
    profile = ctx.profile
    boy = members.add_member(profile, family, PersonInput("Đặng Bảo An", "1", date(2015, 6, 1), "child"))
    cid = cases.open_case(profile, CaseInput("child_protection", family, OPENED, person_id=boy))
    while child.state(profile, cid).next_step != child.PLAN_STEP:
        child.advance(profile, cid, to=child.state(profile, cid).next_step, on=OPENED + timedelta(days=1))
    child.advance(profile, cid, to=child.PLAN_STEP, on=OPENED + timedelta(days=2))
    item = child_plan.add_item(profile, cid, PlanItemInput("Đưa cháu đi khám sức khỏe", "Trạm y tế xã", TODAY))
    child_plan.set_status(profile, item, status=child_plan.DONE, on=OPENED + timedelta(days=3))
    case_actions.record(profile, cid, ActionInput("monitoring_visit", OPENED + timedelta(days=4), result="better"))
    tab = show(qtbot, ctx, codes, cid)
    lines = rows(tab)
    assert lines[0][1:3] == ["Thăm, theo dõi trẻ em", "Tình trạng của trẻ tiến triển tốt"]
    assert lines[1][1:3] == [
        tab_text("Plan: {item}").format(item="Đưa cháu đi khám sức khỏe"),
        tab_text("Done"),
    ]
    plan_step = codes.label("child_case_steps", child.PLAN_STEP)
    assert lines[2][1] == tab_text("Step: {step}").format(step=plan_step)
    assert tab.add_button.isEnabled()
    shoot(tab, "child")


def mnemonics(widget: QWidget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t]


def test_every_field_has_its_own_alt_letter_and_the_follow_up_one_lands_in_the_date(qtbot, ctx, codes, dv_case):
    dialog = ActionDialog(ctx, dv_case, "domestic_violence", OPENED, codes)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    letters = mnemonics(dialog)
    assert len(letters) == len(set(letters)) >= 5  # kind, day, result, notes, follow-up (and Qt's buttons)
    letter = dialog.panel._rows["follow_up_on"].label.text().split("&")[1][0]
    qtbot.keyClick(dialog, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    assert dialog.follow_up_on.hasFocus()  # through the box that holds the hint beside it
    bar = opened(qtbot, AssessmentBar(ctx, dv_case, codes))
    letters = mnemonics(bar)
    assert len(letters) == len(set(letters)) == 3  # risk, consent, save
