"""A catalogue of every window of the app, for tests that must look at all of them.

`build_rich_household` fills the test profile with one household that has something in every tab: eight
people, visits, a domestic-violence case (acts, measures, a referral, parties) and a child-protection
case (intake report, plan, review). `catalogue(ctx, rich, tmp_path)` then lists one `Entry` per page of
the main window and per dialog of desktop/ui (a window with tabs has one entry per tab). An entry's
`open()` builds the window on the screen under the mouse pointer, shows it with `.show()` (never
`.exec()`, so the test keeps running) and returns it, top-level and visible; the caller closes it.
`kind` is the class the window is, so a test can check that every dialog class of the app has an entry
(`dialog_classes()` walks desktop/ui).

Nothing here checks anything: the accessibility, screen-size and language tests use the same entries.
Use it from a test with the `ctx` fixture (tests/ui/conftest.py) and `register`:

    rich = build_rich_household(ctx.profile, register)
    for entry in catalogue(ctx, rich, tmp_path):
        window = entry.open()
        ...
        window.close()
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

import desktop.ui
from desktop.paths import ProfilePaths
from desktop.services import reference
from desktop.services.casework import cases, child, child_forms, child_plan, dv, dv_measures, parties, tasks
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_forms import IntakeInput, ReviewInput
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.parties import PartyInput
from desktop.services.communication import activities, tagging
from desktop.services.communication.activities import ActivityInput
from desktop.services.dto import DuplicateCandidate
from desktop.services.profile import users
from desktop.services.register import households, members, visits
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import DuplicatePersonWarning, PersonInput
from desktop.services.register.visits import VisitInput
from desktop.ui.context import AppContext
from desktop.ui.widgets.fitting import first_size

TODAY = date.today()
# Monitoring comes after these steps (Decree 56/2017); the review is allowed only then.
CHILD_STEPS = ("initial_assessment", "detailed_assessment", "plan_approved", "in_progress", "monitoring")


@dataclass(frozen=True)
class Rich:
    """The household that has something in every tab, and what the dialogs are opened on."""

    household_id: uuid.UUID
    person_ids: tuple[uuid.UUID, ...]
    dv_case: uuid.UUID
    child_case: uuid.UUID


@dataclass(frozen=True)
class Entry:
    name: str
    kind: type[QWidget]  # the class of the window `open` shows
    open: Callable[[], QWidget]


def _age(years: int) -> date:
    return TODAY.replace(year=TODAY.year - years, day=min(TODAY.day, 28))


FAMILY = (
    ("Trần Văn Bình", "1", 52, "head"),
    ("Nguyễn Thị Mai", "2", 48, "spouse"),
    ("Trần Thị Lan", "2", 24, "child"),
    ("Trần Văn Nam", "1", 19, "child"),
    ("Trần Văn Tú", "1", 10, "child"),
    ("Trần Thị Bé", "2", 6, "child"),
    ("Trần Văn Lộc", "1", 78, "parent"),
    ("Lê Thị Hạnh", "2", 74, "parent"),
)


def build_rich_household(profile, register) -> Rich:
    """Household 021 of the first village, with the cases and records described in the module docstring."""
    hid = households.create(
        profile, HouseholdInput(code="021", village_id=register.village_a, address="Xóm 5", phone="0912345678")
    )
    people = tuple(
        members.add_member(profile, hid, PersonInput(name, sex, _age(years), relationship))
        for name, sex, years, relationship in FAMILY
    )
    head, wife, child_id = people[0], people[1], people[4]
    for days, topic in ((40, "family_planning"), (10, "elderly_care")):
        visits.record(profile, hid, VisitInput(TODAY - timedelta(days=days), None, (head, wife), (topic,)))
    opened = TODAY - timedelta(days=20)
    dv_case = cases.open_case(
        profile, CaseInput("domestic_violence", hid, opened, person_id=wife, summary="Hàng xóm báo", risk_level="high")
    )
    dv.record_acts(profile, dv_case, ActsInput(("a", "b"), "married", recurrence_12m=2))
    dv_measures.apply_measure(profile, dv_case, MeasureInput("stop_violence", opened, "12/QĐ-UBND"))
    referral = dv_measures.refer(profile, dv_case, body="commune_police", sent_on=opened)
    dv_measures.update_referral(profile, referral, status="received", on=opened)
    parties.add_party(profile, dv_case, PartyInput("perpetrator", person_id=head, relationship="Chồng"))
    parties.add_party(profile, dv_case, PartyInput("reporter", name="Phạm Văn Sơn", sex="1", contact="0987654321"))
    child_case = cases.open_case(
        profile, CaseInput("child_protection", hid, opened, person_id=child_id, risk_level="high", consent=True)
    )
    child_forms.record_intake(profile, child_case, IntakeInput("in_person", "at_risk", place="Tại nhà"))
    for offset, step in enumerate(CHILD_STEPS):
        child.advance(profile, child_case, to=step, on=opened + timedelta(days=offset))
    child_plan.add_item(profile, child_case, PlanItemInput("Thăm nhà hằng tuần", "Cộng tác viên", TODAY))
    child_forms.record_review(profile, child_case, ReviewInput(TODAY, "medium", "low", "medium", "medium"))
    tasks.add_manual(profile, title="Nhắc hộ 021 đưa cháu đi tiêm chủng", due_on=TODAY, household_id=hid)
    return Rich(hid, people, dv_case, child_case)


def dialog_classes() -> set[type[QDialog]]:
    """Every QDialog subclass defined in desktop/ui (abstract bases included: FormDialog, ModalDialog)."""
    found: set[type[QDialog]] = set()
    for module_info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__ == module.__name__:
                found.add(value)
    return found


def shown(widget: QWidget) -> QWidget:
    widget.show()
    QApplication.processEvents()
    return widget


def _on_tab(window: QWidget, tabs: QTabWidget, index: int) -> QWidget:
    tabs.setCurrentIndex(index)
    return shown(window)


def catalogue(ctx: AppContext, rich: Rich, tmp_path: Path) -> list[Entry]:
    """Every page and every dialog, each opened on the rich household where it needs one."""
    return [
        *_main_window(ctx, rich),
        *_register_dialogs(ctx, rich),
        *_case_windows(ctx, rich),
        *_case_dialogs(ctx, rich),
        *_profile_dialogs(ctx, tmp_path),
    ]


def _main_window(ctx: AppContext, rich: Rich) -> Iterator[Entry]:
    from desktop.ui.main_window import (
        ACTIVITIES,
        DASHBOARD,
        HOUSEHOLDS,
        REPORTS,
        REVIEW,
        SETTINGS,
        VISITS,
        MainWindow,
    )

    def window(section: int) -> MainWindow:
        main = MainWindow(ctx)
        first_size(main)  # as the app opens it, on the screen under the mouse pointer
        main.show()
        main.start()
        main.show_section(section)
        return main

    for name, section in (("overview", DASHBOARD), ("households", HOUSEHOLDS), ("visits", VISITS)):
        yield Entry(f"main window: {name}", MainWindow, lambda s=section: shown(window(s)))
    yield Entry("main window: activities", MainWindow, lambda: shown(window(ACTIVITIES)))
    yield Entry("main window: reports", MainWindow, lambda: shown(window(REPORTS)))
    yield Entry("main window: needs review", MainWindow, lambda: shown(window(REVIEW)))

    def household(tab: int) -> QWidget:
        main = window(HOUSEHOLDS)
        main.open_household(rich.household_id)
        return _on_tab(main, main.household_detail.tabs, tab)

    for tab in range(5):
        yield Entry(f"main window: household, tab {tab}", MainWindow, lambda t=tab: household(t))

    def settings(tab: int) -> QWidget:
        main = window(SETTINGS)
        return _on_tab(main, main.settings.tabs, tab)

    for tab in range(4):
        yield Entry(f"main window: settings, tab {tab}", MainWindow, lambda t=tab: settings(t))


def _register_dialogs(ctx: AppContext, rich: Rich) -> Iterator[Entry]:
    from desktop.ui.dialogs.activity import ActivityDialog
    from desktop.ui.dialogs.campaign_tagging import TagActivitiesDialog
    from desktop.ui.dialogs.category import CategoryDialog
    from desktop.ui.dialogs.dissolve import DissolveDialog
    from desktop.ui.dialogs.duplicate import DuplicateDialog
    from desktop.ui.dialogs.event import KINDS, EventDialog
    from desktop.ui.dialogs.household import HouseholdDialog
    from desktop.ui.dialogs.member import MemberDialog
    from desktop.ui.dialogs.renumber import RenumberDialog
    from desktop.ui.dialogs.task import ManualTaskDialog, SnoozeDialog
    from desktop.ui.dialogs.village import VillageDialog
    from desktop.ui.dialogs.visit import VisitDialog

    profile = ctx.profile

    def detail():
        return households.detail(profile, rich.household_id)

    def person():
        return next(p for p in detail().members if p.id == rich.person_ids[0])

    def duplicate() -> DuplicateDialog:
        first = person()
        candidate = DuplicateCandidate(first.id, first.full_name, first.birth_date, detail().code, "")
        return DuplicateDialog(DuplicatePersonWarning([candidate]))

    def tag_activities() -> TagActivitiesDialog:
        held = date(profile.today().year - 1, 6, 10)
        village = detail().village_id
        for topic in ("dv_prevention", "child_protection"):
            activities.record_activity(profile, ActivityInput(held, village, "talk", topic, 12, 20))
        untagged = tagging.untagged_during(profile, "children_month", held.year)
        return TagActivitiesDialog(ctx.codes, "Tháng hành động vì trẻ em", held.year, untagged)

    yield Entry("new household", HouseholdDialog, lambda: shown(HouseholdDialog(ctx)))
    yield Entry("edit household", HouseholdDialog, lambda: shown(HouseholdDialog(ctx, household=detail())))
    yield Entry("new member", MemberDialog, lambda: shown(MemberDialog(ctx, rich.household_id, "021")))
    yield Entry(
        "edit member", MemberDialog, lambda: shown(MemberDialog(ctx, rich.household_id, "021", person=person()))
    )
    yield Entry("duplicate person", DuplicateDialog, lambda: shown(duplicate()))
    for kind in KINDS:
        yield Entry(f"event: {kind}", EventDialog, lambda k=kind: shown(EventDialog(ctx, detail(), kind=k)))
    yield Entry("visit", VisitDialog, lambda: shown(VisitDialog(ctx, detail())))
    yield Entry("categories", CategoryDialog, lambda: shown(CategoryDialog(ctx, detail())))
    yield Entry("dissolve household", DissolveDialog, lambda: shown(DissolveDialog(ctx, detail())))
    yield Entry("activity", ActivityDialog, lambda: shown(ActivityDialog(ctx)))
    yield Entry("tag activities", TagActivitiesDialog, lambda: shown(tag_activities()))
    yield Entry("new task", ManualTaskDialog, lambda: shown(ManualTaskDialog(ctx)))

    def snooze() -> SnoozeDialog:
        task = next(t for t in tasks.open_tasks(profile) if t.household_id == rich.household_id)
        return SnoozeDialog(ctx, task, task.text)

    yield Entry("snooze task", SnoozeDialog, lambda: shown(snooze()))
    yield Entry("new village", VillageDialog, lambda: shown(VillageDialog(ctx)))
    yield Entry("renumber household", RenumberDialog, lambda: shown(RenumberDialog(ctx, rich.household_id, "021")))

    def village() -> VillageDialog:
        return VillageDialog(ctx, village=reference.commune_villages(profile)[0])

    yield Entry("edit village", VillageDialog, lambda: shown(village()))


def _case_windows(ctx: AppContext, rich: Rich) -> Iterator[Entry]:
    from desktop.ui.dialogs.case.window import CaseDialog

    def case_tab(case_id: uuid.UUID, tab: int) -> QWidget:
        window = CaseDialog(ctx, case_id)
        return _on_tab(window, window.tabs, tab)

    for kind, case_id, count in (("domestic violence", rich.dv_case, 5), ("child protection", rich.child_case, 6)):
        for tab in range(count):
            yield Entry(f"case window ({kind}), tab {tab}", CaseDialog, lambda c=case_id, t=tab: case_tab(c, t))


def _case_dialogs(ctx: AppContext, rich: Rich) -> Iterator[Entry]:
    from desktop.ui.dialogs.case.data import load_codes
    from desktop.ui.dialogs.case.forms import CloseCaseDialog, MeasureDialog, PlanItemDialog, ReferDialog
    from desktop.ui.dialogs.case.opening import CaseOpenDialog
    from desktop.ui.dialogs.case.party import PartyDialog
    from desktop.ui.dialogs.case.review import ReviewDialog
    from desktop.ui.dialogs.case.timeline import ActionDialog

    profile = ctx.profile
    codes = load_codes(profile)
    opened = cases.detail(profile, rich.dv_case).opened_on
    detail = households.detail(profile, rich.household_id)
    review = child_forms.review(profile, rich.child_case)
    child_kind = cases.CHILD_PROTECTION
    dialogs: list[tuple[str, type[QWidget], Callable[[], QWidget]]] = [
        ("open a case", CaseOpenDialog, lambda: CaseOpenDialog(ctx, detail)),
        ("case party", PartyDialog, lambda: PartyDialog(ctx, rich.dv_case, rich.household_id)),
        ("measure", MeasureDialog, lambda: MeasureDialog(ctx, rich.dv_case, codes)),
        ("referral", ReferDialog, lambda: ReferDialog(ctx, rich.dv_case, codes)),
        ("close case", CloseCaseDialog, lambda: CloseCaseDialog(ctx, rich.dv_case, opened)),
        ("plan item", PlanItemDialog, lambda: PlanItemDialog(ctx, rich.child_case, opened)),
        ("review", ReviewDialog, lambda: ReviewDialog(ctx, rich.child_case, opened, codes, review)),
        ("action (dv)", ActionDialog, lambda: ActionDialog(ctx, rich.dv_case, dv.KIND, opened, codes)),
        ("action (child)", ActionDialog, lambda: ActionDialog(ctx, rich.child_case, child_kind, opened, codes)),
    ]
    for name, kind, make in dialogs:
        yield Entry(name, kind, lambda make=make: shown(make()))


def _profile_dialogs(ctx: AppContext, tmp_path: Path) -> Iterator[Entry]:
    from desktop.ui.dialogs.login import LoginDialog
    from desktop.ui.dialogs.passphrase import ChangePassphraseDialog, NewPassphraseDialog
    from desktop.ui.dialogs.protect import ProtectDialog
    from desktop.ui.dialogs.recovery_code import RecoveryCodeDialog
    from desktop.ui.dialogs.report_sign import ReportSignDialog
    from desktop.ui.dialogs.report_verify import ReportVerifyDialog
    from desktop.ui.dialogs.setup import SetupDialog
    from desktop.ui.dialogs.user import UserDialog

    profile, lane = ctx.profile, ctx.lane
    fresh = ProfilePaths(tmp_path / "fresh-profile")
    first_user = users.list_users(profile)[0]
    code = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ"
    dialogs: list[tuple[str, type[QWidget], Callable[[], QWidget]]] = [
        ("login", LoginDialog, lambda: LoginDialog(profile.paths, lane)),
        ("setup", SetupDialog, lambda: SetupDialog(fresh, lane)),
        ("protect", ProtectDialog, lambda: ProtectDialog(profile.paths, lane)),
        ("new passphrase", NewPassphraseDialog, lambda: NewPassphraseDialog(profile, lane)),
        ("change passphrase", ChangePassphraseDialog, lambda: ChangePassphraseDialog(ctx)),
        ("recovery code", RecoveryCodeDialog, lambda: RecoveryCodeDialog(code, commune="Cẩm Xuyên", user="Lan")),
        ("sign a report", ReportSignDialog, lambda: ReportSignDialog(modules=[])),
        ("verify a report", ReportVerifyDialog, lambda: ReportVerifyDialog(ctx)),
        ("new user", UserDialog, lambda: UserDialog(ctx)),
        ("edit user", UserDialog, lambda: UserDialog(ctx, user=first_user)),
    ]
    for name, kind, make in dialogs:
        yield Entry(name, kind, lambda make=make: shown(make()))
