"""Closing a form with typed changes asks first, for every record form of the app: Escape, the title bar's ×
and Cancel ask "Lưu / Không lưu / Quay lại sửa"; going back keeps the typing, not saving closes with nothing
written, saving saves (or, refused, keeps the form open with its reasons). An untouched form closes at once."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit
from sqlalchemy import func, select

from db.models.casework import CaseAction
from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.casework import cases, tasks
from desktop.services.casework.cases import CaseInput
from desktop.services.profile import opening as profile_service
from desktop.services.register import households, members
from desktop.services.register.members import PersonInput
from desktop.ui.dialogs.activity import ActivityDialog
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.case.data import load_codes
from desktop.ui.dialogs.case.forms import CloseCaseDialog, MeasureDialog, PlanItemDialog, ReferDialog
from desktop.ui.dialogs.case.opening import CaseOpenDialog
from desktop.ui.dialogs.case.party import PartyDialog
from desktop.ui.dialogs.case.review import ReviewDialog
from desktop.ui.dialogs.case.timeline import ActionDialog
from desktop.ui.dialogs.category import CategoryDialog
from desktop.ui.dialogs.dissolve import DissolveDialog
from desktop.ui.dialogs.event import EventDialog
from desktop.ui.dialogs.household import HouseholdDialog
from desktop.ui.dialogs.member import MemberDialog
from desktop.ui.dialogs.passphrase import ChangePassphraseDialog, NewPassphraseDialog
from desktop.ui.dialogs.protect import ProtectDialog
from desktop.ui.dialogs.renumber import RenumberDialog
from desktop.ui.dialogs.setup import SetupDialog
from desktop.ui.dialogs.task import ManualTaskDialog, SnoozeDialog
from desktop.ui.dialogs.user import UserDialog
from desktop.ui.dialogs.village import VillageDialog
from desktop.ui.dialogs.visit import VisitDialog
from desktop.ui.lane import DbLane
from tests.conftest import COMMUNE
from tests.ui.helpers import type_text
from tests.ui.unsaved_helpers import BACK, DISCARD, SAVE, answer, field_text, first_text_field, type_into_first_field

TODAY = date.today()
OPENED = TODAY - timedelta(days=10)


@dataclass
class World:
    """What the forms are opened on: a household with two members, a case of each kind, a task."""

    ctx: object
    family: uuid.UUID
    dv_case: uuid.UUID
    child_case: uuid.UUID
    lane: DbLane
    tmp: object

    @property
    def detail(self):
        return households.detail(self.ctx.profile, self.family)

    @property
    def codes(self):
        return load_codes(self.ctx.profile)


@pytest.fixture
def world(ctx, family, tmp_path, qtbot) -> World:
    profile = ctx.profile
    wife = next(m for m in households.detail(profile, family).members if not m.is_head)
    dv_case = cases.open_case(profile, CaseInput("domestic_violence", family, OPENED, person_id=wife.id))
    born = TODAY.replace(year=TODAY.year - 10, day=1)
    son = members.add_member(profile, family, PersonInput("Đặng Văn An", "1", born, "child"))
    child_case = cases.open_case(profile, CaseInput("child_protection", family, OPENED, person_id=son))
    tasks.add_manual(profile, title="Mang tờ rơi", due_on=TODAY + timedelta(days=3))
    lane = DbLane()
    yield World(ctx, family, dv_case, child_case, lane, tmp_path)
    qtbot.waitUntil(lane.is_idle, timeout=10_000)
    lane.shutdown()


def _plain_profile(w: World) -> ProfilePaths:
    paths = ProfilePaths(w.tmp / "old")
    plain = profile_service.open_plain(paths)
    profile_service.set_up(plain, commune_code=COMMUNE, collaborator="Lê Thị Mai")
    plain.close()
    return paths


FORMS: dict[str, Callable[[World], FormDialog]] = {
    "village": lambda w: VillageDialog(w.ctx),
    "household": lambda w: HouseholdDialog(w.ctx, household=w.detail),
    "member": lambda w: MemberDialog(w.ctx, w.family, "012", person=w.detail.members[0]),
    "visit": lambda w: VisitDialog(w.ctx, w.detail),
    "event": lambda w: EventDialog(w.ctx, w.detail),
    "dissolve": lambda w: DissolveDialog(w.ctx, w.detail),
    "category": lambda w: CategoryDialog(w.ctx, w.detail),
    "activity": lambda w: ActivityDialog(w.ctx),
    "new task": lambda w: ManualTaskDialog(w.ctx),
    "snooze": lambda w: SnoozeDialog(w.ctx, tasks.open_tasks(w.ctx.profile)[0], "Mang tờ rơi"),
    "user": lambda w: UserDialog(w.ctx),
    "change passphrase": lambda w: ChangePassphraseDialog(w.ctx),
    "new passphrase": lambda w: NewPassphraseDialog(w.ctx.profile, w.lane),
    "set-up": lambda w: SetupDialog(ProfilePaths(w.tmp / "new"), w.lane),
    "protect": lambda w: ProtectDialog(_plain_profile(w), w.lane),
    "open case": lambda w: CaseOpenDialog(w.ctx, w.detail),
    "timeline entry": lambda w: ActionDialog(w.ctx, w.dv_case, "domestic_violence", OPENED, w.codes),
    "measure": lambda w: MeasureDialog(w.ctx, w.dv_case, w.codes),
    "referral": lambda w: ReferDialog(w.ctx, w.dv_case, w.codes),
    "close case": lambda w: CloseCaseDialog(w.ctx, w.dv_case, OPENED),
    "plan item": lambda w: PlanItemDialog(w.ctx, w.child_case, OPENED),
    "case person": lambda w: PartyDialog(w.ctx, w.dv_case, w.family),
    "review": lambda w: ReviewDialog(w.ctx, w.child_case, OPENED, w.codes),
    "renumber": lambda w: RenumberDialog(w.ctx, w.family, "012"),
}


def test_every_record_form_is_covered():
    """A new FormDialog subclass must be added to FORMS, so that its closing is tested too."""

    def subclasses(kind: type) -> set[type]:
        return {sub for direct in kind.__subclasses__() for sub in {direct, *subclasses(direct)}}

    covered = {
        VillageDialog, HouseholdDialog, MemberDialog, VisitDialog, EventDialog, DissolveDialog, CategoryDialog,
        ActivityDialog, ManualTaskDialog, SnoozeDialog, UserDialog, ChangePassphraseDialog, NewPassphraseDialog,
        SetupDialog, ProtectDialog, CaseOpenDialog, ActionDialog, MeasureDialog, ReferDialog, CloseCaseDialog,
        PlanItemDialog, PartyDialog, ReviewDialog, RenumberDialog,
    }  # fmt: skip
    assert subclasses(FormDialog) == covered
    assert len(FORMS) == len(covered)


def opened(qtbot, dialog: FormDialog) -> FormDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press_escape(qtbot, dialog: QDialog) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


@pytest.mark.parametrize("name", FORMS)
def test_escape_with_changes_asks_and_going_back_keeps_the_typing(qtbot, world, name):
    dialog = opened(qtbot, FORMS[name](world))
    typed = type_into_first_field(qtbot, dialog, "Ghi thêm")
    before = field_text(typed)
    asked = answer(BACK)
    press_escape(qtbot, dialog)
    assert asked.count == 1
    assert sorted(asked.buttons[0]) == sorted([SAVE, DISCARD, BACK])
    assert asked.default == [BACK]
    assert asked.texts[0].startswith("Những gì bạn đã nhập chưa được lưu.")
    assert dialog.isVisible() and field_text(typed) == before and "Ghi thêm" in before


@pytest.mark.parametrize("name", FORMS)
def test_dont_save_closes_and_writes_nothing(qtbot, world, name, monkeypatch):
    dialog = opened(qtbot, FORMS[name](world))
    saves: list[str] = []
    monkeypatch.setattr(dialog, "perform_save", lambda: saves.append("saved") or True)
    type_into_first_field(qtbot, dialog)
    asked = answer(DISCARD)
    dialog.close()  # the title bar's ×
    assert asked.count == 1
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert saves == []


@pytest.mark.parametrize("name", FORMS)
def test_an_untouched_form_closes_without_a_question(qtbot, world, name):
    dialog = opened(qtbot, FORMS[name](world))
    asked = answer(BACK, timeout_s=0.5)
    press_escape(qtbot, dialog)
    assert asked.count == 0 and not dialog.isVisible()


@pytest.mark.parametrize("name", FORMS)
def test_typing_then_restoring_the_text_is_no_change(qtbot, world, name):
    dialog = opened(qtbot, FORMS[name](world))
    field = first_text_field(dialog)
    if isinstance(field, QLineEdit):
        field.deselect()  # typed after what is there, as a click at the end of the text does
        field.end(False)
    typed = type_into_first_field(qtbot, dialog, "xy")
    for _ in range(2):
        qtbot.keyClick(typed, Qt.Key.Key_Backspace)
    asked = answer(BACK, timeout_s=0.5)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert asked.count == 0 and not dialog.isVisible()


# Saving from the question ####################################################################


def _villages(ctx) -> list[str]:
    return [v.name for v in reference.commune_villages(ctx.profile)]


def _entries(ctx) -> int:
    with ctx.profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(CaseAction)) or 0


def test_save_in_the_question_saves_a_new_village(qtbot, world):
    dialog = opened(qtbot, VillageDialog(world.ctx))
    type_text(qtbot, dialog.name, "Thôn Bãi Bồi")
    asked = answer(SAVE)
    press_escape(qtbot, dialog)
    assert asked.count == 1 and dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert "Thôn Bãi Bồi" in _villages(world.ctx)


def test_save_in_the_question_saves_the_household_edit(qtbot, world):
    dialog = opened(qtbot, HouseholdDialog(world.ctx, household=world.detail))
    dialog.address.clear()
    type_text(qtbot, dialog.address, "Xóm 9, cạnh trường")
    answer(SAVE)
    dialog.close()
    assert not dialog.isVisible()
    assert world.detail.address == "Xóm 9, cạnh trường"


def test_save_in_the_question_writes_the_timeline_entry(qtbot, world):
    dialog = opened(qtbot, ActionDialog(world.ctx, world.dv_case, "domestic_violence", OPENED, world.codes))
    dialog.kind.set_value("note")
    type_text(qtbot, dialog.notes, "Gặp chị Hường tại nhà")
    before = _entries(world.ctx)
    answer(SAVE)
    press_escape(qtbot, dialog)
    assert not dialog.isVisible() and _entries(world.ctx) == before + 1


def test_save_in_the_question_adds_the_task(qtbot, world):
    dialog = opened(qtbot, ManualTaskDialog(world.ctx))
    type_text(qtbot, dialog.title, "Gọi điện cho trạm y tế")
    answer(SAVE)
    press_escape(qtbot, dialog)
    assert not dialog.isVisible()
    assert "Gọi điện cho trạm y tế" in [t.text for t in tasks.open_tasks(world.ctx.profile)]


def test_save_refused_keeps_the_form_open_with_its_reason(qtbot, world):
    taken = world.detail.code
    dialog = opened(qtbot, HouseholdDialog(world.ctx))
    type_text(qtbot, dialog.code, taken)  # another household has it; the rest is missing too
    asked = answer(SAVE)
    press_escape(qtbot, dialog)
    assert asked.count == 1
    assert dialog.isVisible() and dialog.code.text() == taken
    assert dialog.panel.error_text("village_id") or dialog.general_error.isVisible()


def test_closing_while_a_background_save_runs_is_still_refused(qtbot, world):
    dialog = opened(qtbot, VillageDialog(world.ctx))
    type_text(qtbot, dialog.name, "Thôn Mới")
    dialog.busy = True  # as while a passphrase is derived on the lane
    asked = answer(DISCARD, timeout_s=0.5)
    press_escape(qtbot, dialog)
    assert asked.count == 0 and dialog.isVisible()
    dialog.busy = False
