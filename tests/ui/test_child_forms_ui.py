"""The two forms of a child-protection case through their widgets: the intake report (Mẫu 01) typed in,
saved and shown again; a time that is no time refused beside its field; the closing review (Mẫu 06)
refused before the monitoring step, then saved with its overall risk, which becomes the case's; and a
closed case whose intake can only be read."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from desktop.services.casework import cases, child, child_forms
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_forms import IntakeInput
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from desktop.ui.dialogs.case.data import CaseCodes, load_codes
from desktop.ui.dialogs.case.intake import IntakeTab
from desktop.ui.dialogs.case.review import ReviewDialog, ReviewSummary, review_text
from desktop.ui.formatting import fmt_date
from tests.ui.helpers import opened, type_text

TODAY = date.today()
OPENED = TODAY - timedelta(days=30)
STEPS_TO_MONITORING = ("initial_assessment", "detailed_assessment", "plan_approved", "in_progress", "monitoring")
MONITORING_FROM = OPENED + timedelta(days=20)


def save(qtbot, dialog) -> None:
    assert dialog.save_button.isEnabled(), [dialog.panel.error_text(f) for f in dialog.panel._rows]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def child_case(ctx, register) -> uuid.UUID:
    """Household 015: a mother and her 10-year-old son, for whom a child-protection case was opened."""
    profile = ctx.profile
    hid = households.create(profile, HouseholdInput(code="015", village_id=register.village_a, address="Xóm 2"))
    members.add_member(profile, hid, PersonInput("Lê Thị Hoa", "2", date(1988, 1, 1), "head"))
    son = members.add_member(profile, hid, PersonInput("Lê Văn An", "1", TODAY.replace(year=TODAY.year - 10), "child"))
    return cases.open_case(profile, CaseInput("child_protection", hid, OPENED, person_id=son))


@pytest.fixture
def codes(ctx) -> CaseCodes:
    return load_codes(ctx.profile)


def intake_tab(qtbot, ctx, cid: uuid.UUID, codes: CaseCodes) -> IntakeTab:
    """The tab at about the size it has in the case window, showing the case as saved."""
    tab = IntakeTab(ctx, cid, codes)
    qtbot.addWidget(tab)
    tab.resize(880, 560)
    tab.show_case(cases.detail(ctx.profile, cid), child_forms.intake(ctx.profile, cid))
    tab.show()
    return tab


def to_monitoring(profile, cid: uuid.UUID) -> None:
    for offset, step in enumerate(STEPS_TO_MONITORING):
        on = MONITORING_FROM if step == "monitoring" else OPENED + timedelta(days=offset)
        child.advance(profile, cid, to=step, on=on)


def test_the_intake_report_is_saved_and_shown_again(qtbot, ctx, child_case, codes):
    profile = ctx.profile
    tab = intake_tab(qtbot, ctx, child_case, codes)
    assert tab.child_name.text() == "Lê Văn An"  # from the register, not typed
    assert fmt_date(OPENED) in tab.received_day.text()
    assert tab.error_text("source") and tab.error_text("target")  # still to choose
    assert not tab.save_button.isEnabled()

    tab.source.set_value("other_person")
    tab.target.set_value("at_risk")
    type_text(qtbot, tab.received_time, "08:30")
    type_text(qtbot, tab.place, "Ở nhà")
    type_text(qtbot, tab.situation, "Cháu bị bố đánh, nghỉ học hai tuần")
    type_text(qtbot, tab.consequences, "Bỏ học hẳn")
    type_text(qtbot, tab.father_name, "Lê Văn Bình")
    type_text(qtbot, tab.father_age, "4x1")  # only digits get in
    type_text(qtbot, tab.father_job, "Làm ruộng")
    type_text(qtbot, tab.carer, "Bà nội")
    type_text(qtbot, tab.actions_taken, "Đưa cháu sang nhà bà nội")
    assert tab.father_age.text() == "41"
    assert tab.mother_age.text() == ""  # blank is "not known"
    assert tab.save_button.isEnabled()
    # As the case window does: on `changed` it reads the case again and shows it.
    tab.changed.connect(
        lambda: tab.show_case(cases.detail(profile, child_case), child_forms.intake(profile, child_case))
    )
    with qtbot.waitSignal(tab.changed, timeout=1000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.saved_label.text() == tab.tr("Saved.")
    assert tab.father_age.text() == "41" and tab.error_text("source") == ""

    expected = IntakeInput(
        source="other_person",
        target="at_risk",
        received_time="08:30",
        place="Ở nhà",
        situation="Cháu bị bố đánh, nghỉ học hai tuần",
        consequences="Bỏ học hẳn",
        father_name="Lê Văn Bình",
        father_age=41,
        father_job="Làm ruộng",
        carer="Bà nội",
        actions_taken="Đưa cháu sang nhà bà nội",
    )
    assert child_forms.intake(profile, child_case) == expected

    again = intake_tab(qtbot, ctx, child_case, codes)  # the case window opened another day
    assert again.value() == expected
    assert again.source.currentText() == codes.label(child_forms.SOURCES, "other_person") == "Người khác báo"
    assert again.situation.toPlainText() == "Cháu bị bố đánh, nghỉ học hai tuần"
    assert again.father_age.text() == "41" and again.mother_age.text() == ""
    assert again.saved_label.text() == ""
    assert not any(again.error_text(f) for f in ("source", "target", "received_time", "father_age"))
    type_text(qtbot, again.mother_name, "Lê Thị Hoa")
    assert again.save_button.isEnabled()


def test_a_time_of_25_00_is_refused_beside_the_field_and_nothing_is_saved(qtbot, ctx, child_case, codes):
    tab = intake_tab(qtbot, ctx, child_case, codes)
    tab.source.set_value("phone")
    tab.target.set_value("abused")
    type_text(qtbot, tab.received_time, "25:00")
    assert "08:30" in tab.error_text("received_time")  # says how to write it
    assert not tab.save_button.isEnabled()
    type_text(qtbot, tab.mother_age, "5")
    assert "12" in tab.error_text("mother_age") and "110" in tab.error_text("mother_age")
    assert not tab.save()
    assert child_forms.intake(ctx.profile, child_case) is None
    assert tab.saved_label.text() == ""

    tab.received_time.clear()
    type_text(qtbot, tab.received_time, "23:05")
    tab.mother_age.clear()
    assert tab.error_text("received_time") == "" and tab.error_text("mother_age") == ""
    assert tab.save()
    saved = child_forms.intake(ctx.profile, child_case)
    assert saved is not None and (saved.received_time, saved.mother_age) == ("23:05", None)


def test_the_review_is_refused_before_the_monitoring_step(qtbot, ctx, child_case, codes):
    profile = ctx.profile
    dialog = opened(qtbot, ReviewDialog(ctx, child_case, OPENED, codes))
    assert not dialog.save_button.isEnabled()  # the four scores are still to choose
    assert dialog.overall.text().endswith("—")
    for combo in dialog.combos.values():
        combo.set_value("medium")
    assert dialog.save_button.isEnabled()
    assert not dialog.try_save()
    # The service's refusal, naming the step to reach, beside the date; the dialog stays open.
    assert "Theo dõi, đánh giá" in dialog.panel.error_text("reviewed_on")
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.result_review is None
    assert child_forms.review(profile, child_case) is None
    assert cases.detail(profile, child_case).risk_level == ""


def test_after_monitoring_the_review_saves_and_sets_the_case_risk(qtbot, ctx, child_case, codes):
    profile = ctx.profile
    to_monitoring(profile, child_case)
    dialog = opened(qtbot, ReviewDialog(ctx, child_case, MONITORING_FROM, codes))
    dialog.reviewed_on.set_value(MONITORING_FROM - timedelta(days=1))  # before monitoring began
    for field in ("harm", "access", "obstacles"):
        dialog.combos[field].set_value("low")
    dialog.capacity.set_value("high")  # a child who can protect themself: low risk
    assert dialog.overall.text().endswith("Thấp")
    assert dialog.panel.error_text("reviewed_on")
    assert not dialog.save_button.isEnabled()
    dialog.reviewed_on.set_value(TODAY)
    assert dialog.panel.error_text("reviewed_on") == ""
    dialog.capacity.set_value("low")  # counted the other way round: the risk is high
    assert dialog.overall.text().endswith("Cao")
    type_text(qtbot, dialog.notes, "Cháu còn sợ, chưa dám kể")
    save(qtbot, dialog)

    review = dialog.result_review
    assert review is not None and review.overall == "high"
    assert (review.reviewed_on, review.capacity, review.notes) == (TODAY, "low", "Cháu còn sợ, chưa dám kể")
    assert child_forms.review(profile, child_case) == review
    assert cases.detail(profile, child_case).risk_level == "high"

    line = review_text(review, codes)
    assert fmt_date(TODAY) in line and line.count("thấp") == 4 and line.endswith("cao")
    summary = ReviewSummary(codes)
    qtbot.addWidget(summary)
    summary.show_review(None)
    assert summary.isHidden()
    summary.show_review(review)
    assert summary.text() == line and not summary.isHidden()

    # Opened again, it shows the review as written; a change is saved over it.
    again = opened(qtbot, ReviewDialog(ctx, child_case, MONITORING_FROM, codes, saved=review))
    assert [c.code() for c in again.combos.values()] == ["low", "low", "low", "low"]
    assert again.notes.toPlainText() == "Cháu còn sợ, chưa dám kể"
    again.capacity.set_value("medium")
    assert again.overall.text().endswith("Trung bình")
    save(qtbot, again)
    assert cases.detail(profile, child_case).risk_level == "medium"


def test_a_closed_case_shows_its_intake_read_only(qtbot, ctx, child_case, codes):
    profile = ctx.profile
    child_forms.record_intake(profile, child_case, IntakeInput("in_person", "abused", place="Trường học"))
    to_monitoring(profile, child_case)
    child_forms.record_review(
        profile, child_case, child_forms.ReviewInput(TODAY, "low", "low", "low", "high", notes="")
    )
    child.advance(profile, child_case, to="closed", on=TODAY)
    assert cases.detail(profile, child_case).state == cases.CLOSED

    tab = intake_tab(qtbot, ctx, child_case, codes)
    assert tab.place.text() == "Trường học"
    assert tab.closed_note.isVisibleTo(tab)
    assert not tab.save_button.isEnabled()
    editors = tab.findChildren(QLineEdit) + tab.findChildren(QPlainTextEdit) + tab.findChildren(QComboBox)
    assert editors and not any(e.isEnabled() for e in editors)
    assert not tab.save()
    assert child_forms.intake(profile, child_case).place == "Trường học"


def mnemonics(widget: QWidget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton)]
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t]


def test_every_field_has_its_own_alt_letter(qtbot, ctx, child_case, codes):
    tab = intake_tab(qtbot, ctx, child_case, codes)
    letters = mnemonics(tab)
    assert len(letters) == len(set(letters)) == 16  # 15 fields and the save button
    tab.windowHandle().requestActivate()  # shortcuts reach only the active window
    qtbot.waitUntil(tab.isActiveWindow, timeout=2000)
    qtbot.keyClick(tab, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # “Tuổ&i bố”
    assert tab.father_age.hasFocus()  # through the box that keeps it level with its caption
    qtbot.keyClick(tab, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # “Tiếp nhận &lúc”
    assert tab.received_time.hasFocus()
    qtbot.keyClick(tab.received_time, Qt.Key.Key_Tab)
    assert tab.place.hasFocus()  # Tab goes on to the next field, not to the box around the time
    dialog = opened(qtbot, ReviewDialog(ctx, child_case, OPENED, codes))
    letters = mnemonics(dialog)
    assert len(letters) == len(set(letters)) == 7  # date, four scores, notes and Save
