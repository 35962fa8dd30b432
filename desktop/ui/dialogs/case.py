"""One support case: what happened and what was done, for its owner and users with the protection permission.

Every case: its risk level and consent, its people and its timeline (entries the user writes beside
what the records say happened). Domestic violence (Law 13/2022): the acts of Art. 3.1 with the types
they make, the measures of Art. 22, the referrals and closing. Child protection (Decree 56/2017): the
groups of Art. 10, the intake report (Mẫu 01), the seven steps one after the other, the support plan's
deadline and its items, and the review (Mẫu 06) the last step needs. The services are the gate: a
refusal is shown beside the control it is about and nothing is saved.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import FieldProblem, SotayError, ValidationError
from desktop.services import reference
from desktop.services.casework import cases, child, child_forms, child_plan, dv, dv_measures, parties
from desktop.services.casework.child_plan import PlanItemDTO
from desktop.services.casework.dv import ActsInput, MeasureDTO, ReferralDTO
from desktop.services.casework.parties import PartyDTO
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.case_child_forms import IntakeTab, ReviewDialog, ReviewSummary
from desktop.ui.dialogs.case_forms import CloseCaseDialog, MeasureDialog, PlanItemDialog, ReferDialog
from desktop.ui.dialogs.case_parts import LETTERS, CaseData, ChoiceChecks, lettered, load_case
from desktop.ui.dialogs.case_parts import error_label as _error_label
from desktop.ui.dialogs.case_parts import show_error as _show_error
from desktop.ui.dialogs.case_party import PartyDialog, party_name, role_name
from desktop.ui.dialogs.case_timeline import AssessmentBar, TimelineTab
from desktop.ui.formatting import fmt_date
from desktop.ui.modal import ModalDialog, confirm
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.translation import error_text, problem_text
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo
from desktop.ui.widgets.tables import fit_columns, make_table

STATUS_ORDER = ("received", "done", "declined")


class CaseDialog(ModalDialog):
    def __init__(
        self,
        ctx: AppContext,
        case_id: uuid.UUID,
        *,
        data: CaseData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        # Refused here (PermissionDeniedError) for a user without the right to the content.
        self.data = data or load_case(ctx.profile, case_id)
        self.codes = self.data.codes
        self.setModal(True)
        self.resize(920, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("subtitle")
        self.info.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.info)
        layout.addWidget(self.summary)
        self.assessment = AssessmentBar(ctx, case_id, self.codes)
        self.assessment.changed.connect(self._changed)
        layout.addWidget(self.assessment)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.close_case_button = QPushButton(self.tr("Close &case…"))
        self.close_case_button.setObjectName("danger")
        self.close_case_button.clicked.connect(self.close_case)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_case_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        kind = self.data.detail.kind
        if kind == dv.KIND:
            self._build_dv()
        elif kind == cases.CHILD_PROTECTION:
            self._build_child()
        self._build_people()  # every kind of case has its people and its timeline
        self.timeline = TimelineTab(ctx, case_id, self.codes)
        self.timeline.changed.connect(self._changed)
        self.timeline_tab = self.tabs.addTab(self.timeline, "")
        # Enter must not press whichever action had the focus last (Close case…, a status change).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        # A child case closes with its last step, not with an outcome.
        self.close_case_button.setVisible(kind != cases.CHILD_PROTECTION)
        self._show()

    # Domestic violence #######################################################################

    def _build_dv(self) -> None:
        self.acts_panel = FormPanel()
        self.acts = ChoiceChecks()
        self.acts.set_items(lettered(self.codes.items(dv.ACTS), LETTERS))
        self.types_label = QLabel()
        self.types_label.setWordWrap(True)
        self.relationship = CodeCombo(self.codes.items(dv.RELATIONSHIPS))
        self.harm = QLineEdit()
        self.harm.setPlaceholderText(self.tr("Injuries, damage (short)"))
        self.recurrence = QSpinBox()
        self.recurrence.setRange(0, dv.RECURRENCE_MAX)
        self.recurrence.setSuffix(self.tr(" times"))
        self.sanctioned = QCheckBox(self.tr("Already given an administrative sanction for domestic violence"))
        self.criticism_note = QLabel(
            self.tr(
                "The case may be brought to community criticism (Art. 32 of the Law on domestic violence): "
                "violence at least twice in 12 months, or again after a sanction."
            )
        )
        self.criticism_note.setWordWrap(True)
        self.criticism_note.setObjectName("hint")
        recurrence_box = QWidget()
        recurrence_row = QVBoxLayout(recurrence_box)
        recurrence_row.setContentsMargins(0, 0, 0, 0)
        recurrence_row.addWidget(self.recurrence, 0, Qt.AlignmentFlag.AlignLeft)
        recurrence_row.addWidget(self.sanctioned)
        recurrence_row.addWidget(self.criticism_note)
        add = self.acts_panel.add
        add("acts", self.tr("&Acts (Art. 3.1)"), self.acts, self.acts.changed)
        add("types", self.tr("Types of violence"), self.types_label)
        add("relationship_context", self.tr("&Relationship"), self.relationship, self.relationship.currentIndexChanged)
        add("harm", self.tr("&Harm"), self.harm, self.harm.textChanged)
        add("recurrence_12m", self.tr("Times in the last &12 months"), recurrence_box, self.recurrence.valueChanged)
        self.sanctioned.toggled.connect(lambda _on: self._acts_edited())
        self.save_acts_button = QPushButton(self.tr("&Save acts"))
        self.save_acts_button.setObjectName("primary")
        self.save_acts_button.clicked.connect(self.save_acts)
        self.acts_saved = QLabel()
        self.acts_error = _error_label()
        acts_tab = QWidget()
        acts_layout = QVBoxLayout(acts_tab)
        acts_layout.addWidget(self.acts_panel, 1)
        acts_layout.addWidget(self.acts_error)
        row = QHBoxLayout()
        row.addWidget(self.save_acts_button)
        row.addWidget(self.acts_saved, 1)
        acts_layout.addLayout(row)
        self.acts_panel.edited.connect(lambda _field: self._acts_edited())

        self.measures = RecordTableModel(self._measure_columns())
        self.measures_view = make_table(self.measures)
        fit_columns(self.measures_view, {0: 28, 1: 14, 2: 11, 3: 24, 4: 9, 5: 18})
        self.apply_measure_button = QPushButton(self.tr("&Apply measure…"))
        self.apply_measure_button.clicked.connect(self.apply_measure)
        measures_tab = QWidget()
        measures_layout = QVBoxLayout(measures_tab)
        top = QHBoxLayout()
        top.addWidget(self.apply_measure_button)
        top.addStretch(1)
        measures_layout.addLayout(top)
        measures_layout.addWidget(self.measures_view, 1)

        self.referrals = RecordTableModel(self._referral_columns())
        self.referrals_view = make_table(self.referrals)
        fit_columns(self.referrals_view, {0: 30, 1: 11, 2: 14, 3: 11, 4: 24})
        self.refer_button = QPushButton(self.tr("&Refer…"))
        self.refer_button.clicked.connect(self.refer)
        self.status_on = DateEdit(self.ctx.profile.today(), allow_empty=False)
        self.status_buttons = {
            "received": QPushButton(self.tr("Mark r&eceived")),
            "done": QPushButton(self.tr("Mark &done")),
            "declined": QPushButton(self.tr("Mark dec&lined")),
        }
        self.referral_error = _error_label()
        referrals_tab = QWidget()
        referrals_layout = QVBoxLayout(referrals_tab)
        top = QHBoxLayout()
        top.addWidget(self.refer_button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Selected referral, on")))
        top.addWidget(self.status_on)
        for status in STATUS_ORDER:
            button = self.status_buttons[status]
            button.clicked.connect(lambda _checked=False, s=status: self.move_referral(s))
            top.addWidget(button)
        referrals_layout.addLayout(top)
        referrals_layout.addWidget(self.referrals_view, 1)
        referrals_layout.addWidget(self.referral_error)
        self.referrals_view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_status_buttons())

        self.tabs.addTab(acts_tab, self.tr("Acts"))
        self.tabs.addTab(measures_tab, "")
        self.tabs.addTab(referrals_tab, "")

    def _measure_columns(self) -> list[Column[MeasureDTO]]:
        def period(m: MeasureDTO) -> str:
            if m.starts_on is None and m.ends_on is None:
                return ""
            return self.tr("{start} – {end}").format(start=fmt_date(m.starts_on), end=fmt_date(m.ends_on))

        return [
            Column(self.tr("Measure"), lambda m: self.codes.label(dv.MEASURES, m.measure)),
            Column(self.tr("Decision no."), lambda m: m.decision_no),
            Column(self.tr("Decided on"), lambda m: fmt_date(m.decided_on), align_center=True),
            Column(self.tr("Period"), period, align_center=True),
            Column(self.tr("Distance"), lambda m: f"{m.distance_m} m" if m.distance_m else "", align_center=True),
            Column(self.tr("Supervised by"), lambda m: m.supervisor),
        ]

    def _referral_columns(self) -> list[Column[ReferralDTO]]:
        return [
            Column(self.tr("Referred to"), lambda r: self.codes.label(dv.BODIES, r.body)),
            Column(self.tr("Sent on"), lambda r: fmt_date(r.sent_on), align_center=True),
            Column(self.tr("Status"), lambda r: self.status_name(r.status)),
            Column(self.tr("Since"), lambda r: fmt_date(r.status_on), align_center=True),
            Column(self.tr("Notes"), lambda r: r.notes.replace("\n", " ")),
        ]

    def status_name(self, status: str) -> str:
        names = {
            "sent": self.tr("Sent"),
            "received": self.tr("Received"),
            "done": self.tr("Done"),
            "declined": self.tr("Declined"),
        }
        return names.get(status, status)

    def acts_value(self) -> ActsInput:
        return ActsInput(
            acts=tuple(self.acts.checked_values()),
            relationship_context=self.relationship.code(),
            harm=self.harm.text(),
            recurrence_12m=self.recurrence.value(),
            sanctioned_before=self.sanctioned.isChecked(),
        )

    def _acts_edited(self) -> None:
        self.acts_saved.setText("")
        self._show_derived()
        self._validate_acts()

    def _show_derived(self) -> None:
        wanted = {self.codes.act_types.get(code, "") for code in self.acts.checked_values()}
        names = [self.codes.label(dv.TYPES, t.code) for t in self.codes.items(dv.TYPES) if t.code in wanted]
        self.types_label.setText(", ".join(names) if names else self.tr("(tick the acts)"))
        # The same rule as dv.criticism_applies, on what is ticked now (the age is checked on saving).
        repeated = self.recurrence.value() >= dv.CRITICISM_RECURRENCE
        after_sanction = self.sanctioned.isChecked() and bool(self.acts.checked_values())
        self.criticism_note.setVisible(repeated or after_sanction)

    def _validate_acts(self) -> list[FieldProblem]:
        with self.ctx.profile.sessions() as session:
            problems = dv.acts_problems(session, self.acts_value())
        self.acts_panel.show_problems(problems)
        self.save_acts_button.setEnabled(self._open() and not problems)
        return problems

    def save_acts(self) -> bool:
        self.acts_panel.touch_all()
        if self._validate_acts():
            return False
        try:
            dv.record_acts(self.ctx.profile, self.case_id, self.acts_value())
        except SotayError as refused:
            self._refused(refused, self.acts_panel, self.acts_error)
            return False
        self._changed()
        self.acts_saved.setText(self.tr("Saved."))
        return True

    def apply_measure(self) -> None:
        if MeasureDialog(self.ctx, self.case_id, self.codes, parent=self).exec():
            self._changed()

    def refer(self) -> None:
        if ReferDialog(self.ctx, self.case_id, self.codes, parent=self).exec():
            self._changed()

    def selected_referral(self) -> ReferralDTO | None:
        return self.referrals.record(self.referrals_view.currentIndex().row())

    def _update_status_buttons(self) -> None:
        chosen = self.selected_referral()
        allowed = chosen.next_statuses if chosen is not None and self._open() else ()
        for status, button in self.status_buttons.items():
            button.setEnabled(status in allowed)
        self.status_on.setEnabled(bool(allowed))

    def move_referral(self, status: str) -> bool:
        chosen = self.selected_referral()
        if chosen is None:
            return False
        on = self.status_on.value() or self.ctx.profile.today()
        try:
            dv_measures.update_referral(self.ctx.profile, chosen.id, status=status, on=on)
        except SotayError as refused:
            _show_error(self.referral_error, self._message(refused))
            return False
        _show_error(self.referral_error, "")
        self._changed()
        return True

    def close_case(self) -> None:
        if CloseCaseDialog(self.ctx, self.case_id, self.data.detail.opened_on, parent=self).exec():
            self._changed()

    # Child protection ########################################################################

    def _build_child(self) -> None:
        self.groups = ChoiceChecks()
        self.groups.set_items(lettered(self.codes.items(child.GROUPS), LETTERS))
        self.save_groups_button = QPushButton(self.tr("Save &groups"))
        self.save_groups_button.clicked.connect(self.save_groups)
        self.groups.changed.connect(lambda: self.groups_saved.setText(""))
        self.groups_saved = QLabel()
        self.groups_error = _error_label()
        groups_tab = QWidget()
        groups_layout = QVBoxLayout(groups_tab)
        groups_layout.addWidget(QLabel(self.tr("The child belongs to these groups of Art. 10 of the Law on children:")))
        groups_layout.addWidget(self.groups, 1)
        groups_layout.addWidget(self.groups_error)
        row = QHBoxLayout()
        row.addWidget(self.save_groups_button)
        row.addWidget(self.groups_saved, 1)
        groups_layout.addLayout(row)

        steps_tab = QWidget()
        steps_layout = QVBoxLayout(steps_tab)
        self.plan_label = QLabel()
        self.plan_label.setObjectName("planDue")
        self.plan_label.setWordWrap(True)
        steps_layout.addWidget(self.plan_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.step_dates: dict[str, QLabel] = {}
        self.step_names: dict[str, QLabel] = {}
        for row_no, step in enumerate(self.codes.items(child.STEPS)):
            name = QLabel(f"{row_no + 1}. {self.codes.label(child.STEPS, step.code)}")
            name.setWordWrap(True)
            when = QLabel()
            when.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row_no, 1)
            grid.addWidget(when, row_no, 2)
            self.step_names[step.code] = name
            self.step_dates[step.code] = when
        steps_layout.addLayout(grid)
        advance_row = QHBoxLayout()
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("primary")
        self.advance_button.clicked.connect(self.advance_next)
        self.advance_on = DateEdit(self.ctx.profile.today(), allow_empty=False)
        advance_row.addWidget(self.advance_button)
        self.advance_on_label = QLabel(self.tr("on"))
        advance_row.addWidget(self.advance_on_label)
        advance_row.addWidget(self.advance_on)
        advance_row.addStretch(1)
        steps_layout.addLayout(advance_row)
        self.advance_error = _error_label()
        steps_layout.addWidget(self.advance_error)
        self.review_summary = ReviewSummary(self.codes)
        self.review_button = QPushButton(self.tr("Review after the plan (Mẫu 06)…"))
        self.review_button.clicked.connect(self.write_review)
        self.review_hint = QLabel(self.tr("The case is closed once the review after the plan is written."))
        self.review_hint.setObjectName("hint")
        self.review_hint.setWordWrap(True)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignLeft)
        review_row.addWidget(self.review_hint, 1)
        steps_layout.addLayout(review_row)
        steps_layout.addWidget(self.review_summary)
        steps_layout.addStretch(1)
        self.tabs.addTab(steps_tab, self.tr("Steps (Decree 56/2017)"))
        self.tabs.setTabToolTip(0, self.tr("The seven steps of Decree 56/2017/NĐ-CP"))
        self.tabs.addTab(groups_tab, self.tr("Groups (Art. 10)"))
        self.intake = IntakeTab(self.ctx, self.case_id, self.codes)
        self.intake.changed.connect(self._changed)
        self.tabs.addTab(self.intake, self.tr("Intake (Mẫu 01)"))
        self._build_plan()

    def _build_plan(self) -> None:
        self.plan_items = RecordTableModel(self._plan_columns(), muted=lambda i: i.status != child_plan.PLANNED)
        self.plan_view = make_table(self.plan_items)
        fit_columns(self.plan_view, {0: 36, 1: 22, 2: 11, 3: 16, 4: 11})
        self.add_plan_item_button = QPushButton(self.tr("&Add item…"))
        self.add_plan_item_button.clicked.connect(self.add_plan_item)
        self.plan_item_on = DateEdit(self.ctx.profile.today(), allow_empty=False)
        self.plan_item_buttons = {
            child_plan.DONE: QPushButton(self.tr("Mark d&one")),
            child_plan.DROPPED: QPushButton(self.tr("D&rop")),
        }
        self.plan_error = _error_label()
        plan_tab = QWidget()
        plan_layout = QVBoxLayout(plan_tab)
        top = QHBoxLayout()
        top.addWidget(self.add_plan_item_button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Selected item, on")))
        top.addWidget(self.plan_item_on)
        for status, button in self.plan_item_buttons.items():
            button.clicked.connect(lambda _checked=False, s=status: self.set_plan_item_status(s))
            top.addWidget(button)
        plan_layout.addLayout(top)
        plan_layout.addWidget(self.plan_view, 1)
        plan_layout.addWidget(self.plan_error)
        self.plan_view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_plan_buttons())
        self.plan_tab = self.tabs.addTab(plan_tab, "")

    def _plan_columns(self) -> list[Column[PlanItemDTO]]:
        return [
            Column(self.tr("What"), lambda i: i.action),
            Column(self.tr("Who"), lambda i: i.responsible),
            Column(self.tr("By"), lambda i: fmt_date(i.due_on), align_center=True),
            Column(self.tr("Status"), self.plan_status_text),
            Column(self.tr("Since"), lambda i: fmt_date(i.status_on), align_center=True),
        ]

    def plan_status_text(self, item: PlanItemDTO) -> str:
        if item.overdue:
            return self.tr("⚠ Overdue")
        names = {
            child_plan.PLANNED: self.tr("Planned"),
            child_plan.DONE: self.tr("Done"),
            child_plan.DROPPED: self.tr("Dropped"),
        }
        return names.get(item.status, item.status)

    def selected_plan_item(self) -> PlanItemDTO | None:
        return self.plan_items.record(self.plan_view.currentIndex().row())

    def _update_plan_buttons(self) -> None:
        chosen = self.selected_plan_item()
        movable = chosen is not None and chosen.status == child_plan.PLANNED and self._open()
        for button in self.plan_item_buttons.values():
            button.setEnabled(movable)
        self.plan_item_on.setEnabled(movable)
        self.add_plan_item_button.setEnabled(self._open())

    def add_plan_item(self) -> None:
        if PlanItemDialog(self.ctx, self.case_id, self.data.detail.opened_on, parent=self).exec():
            _show_error(self.plan_error, "")
            self._changed()

    def set_plan_item_status(self, status: str) -> bool:
        chosen = self.selected_plan_item()
        if chosen is None:
            return False
        on = self.plan_item_on.value() or self.ctx.profile.today()
        try:
            child_plan.set_status(self.ctx.profile, chosen.id, status=status, on=on)
        except SotayError as refused:
            _show_error(self.plan_error, self._message(refused))
            return False
        _show_error(self.plan_error, "")
        self._changed()
        return True

    def save_groups(self) -> bool:
        try:
            child.set_groups(self.ctx.profile, self.case_id, tuple(self.groups.checked_values()))
        except SotayError as refused:
            _show_error(self.groups_error, self._message(refused))
            return False
        _show_error(self.groups_error, "")
        self._changed()
        self.groups_saved.setText(self.tr("Saved."))
        return True

    def next_step(self) -> str | None:
        return self.data.child.state.next_step if self.data.child else None

    def advance_next(self) -> bool:
        step = self.next_step()
        return step is not None and self.advance_to(step)

    def advance_to(self, step: str) -> bool:
        """Record that the case reached `step`; the service refuses any step but the next one."""
        on = self.advance_on.value() or self.ctx.profile.today()
        try:
            child.advance(self.ctx.profile, self.case_id, to=step, on=on)
        except SotayError as refused:
            _show_error(self.advance_error, self._message(refused))
            return False
        _show_error(self.advance_error, "")
        self._changed()
        return True

    def plan_text(self) -> str:
        return self.plan_label.text() if self.data.child else ""

    def write_review(self) -> bool:
        """The review of Mẫu 06, written at the monitoring step; closing the case needs it."""
        if self.data.child is None:
            return False
        reached = self.data.child.state.reached
        not_before = reached.get(child_forms.REVIEW_STEP, self.data.detail.opened_on)
        dialog = ReviewDialog(self.ctx, self.case_id, not_before, self.codes, saved=self.data.review, parent=self)
        if not dialog.exec():
            return False
        _show_error(self.advance_error, "")
        self._changed()
        return True

    # People ##################################################################################

    def _build_people(self) -> None:
        self.people = RecordTableModel(self._people_columns())
        self.people_view = make_table(self.people)
        fit_columns(self.people_view, {0: 34, 1: 24, 2: 8, 3: 8, 4: 14, 5: 22})  # role labels are long in Vietnamese
        self.add_party_button = QPushButton(self.tr("Add &person…"))
        self.add_party_button.clicked.connect(self.add_party)
        self.remove_party_button = QPushButton(self.tr("Re&move"))
        self.remove_party_button.clicked.connect(self.remove_party)
        self.people_error = _error_label()
        people_tab = QWidget()
        people_layout = QVBoxLayout(people_tab)
        top = QHBoxLayout()
        top.addWidget(self.add_party_button)
        top.addWidget(self.remove_party_button)
        top.addStretch(1)
        people_layout.addLayout(top)
        people_layout.addWidget(self.people_view, 1)
        people_layout.addWidget(self.people_error)
        self.people_view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_party_buttons())
        self.people_tab = self.tabs.addTab(people_tab, "")

    def _people_columns(self) -> list[Column[PartyDTO]]:
        def sex(p: PartyDTO) -> str:
            return self.sex_names.get(p.sex, p.sex) if p.sex else ""

        return [
            Column(self.tr("Role"), lambda p: role_name(p.role)),
            Column(self.tr("Name"), party_name),
            Column(self.tr("Sex"), sex, align_center=True),
            Column(self.tr("Born"), lambda p: str(p.birth_year) if p.birth_year else "", align_center=True),
            Column(self.tr("Relationship"), lambda p: p.relationship),
            Column(self.tr("Contact"), lambda p: p.contact),
        ]

    @property
    def sex_names(self) -> dict[str, str]:
        if not hasattr(self, "_sex_names"):
            with self.ctx.profile.sessions() as session:
                self._sex_names = {c.code: code_label(c) for c in reference.codes(session, "sex")}
        return self._sex_names

    def selected_party(self) -> PartyDTO | None:
        return self.people.record(self.people_view.currentIndex().row())

    def _update_party_buttons(self) -> None:
        self.add_party_button.setEnabled(self._open())
        self.remove_party_button.setEnabled(self._open() and self.selected_party() is not None)

    def add_party(self) -> None:
        if PartyDialog(self.ctx, self.case_id, self.data.detail.household_id, parent=self).exec():
            _show_error(self.people_error, "")
            self._changed()

    def remove_party(self) -> bool:
        chosen = self.selected_party()
        if chosen is None:
            return False
        question = self.tr("Remove {name} ({role}) from the people of this case?").format(
            name=party_name(chosen), role=role_name(chosen.role)
        )
        if not confirm(self, self.tr("Remove person"), question):
            return False
        try:
            parties.remove_party(self.ctx.profile, chosen.id)
        except SotayError as refused:
            _show_error(self.people_error, self._message(refused))
            return False
        _show_error(self.people_error, "")
        self._changed()
        return True

    def _show_people(self) -> None:
        self.people.set_records(self.data.people)
        self.tabs.setTabText(self.people_tab, self.tr("People ({n})").format(n=len(self.data.people)))
        if self.people.rowCount() and not self.people_view.currentIndex().isValid():
            self.people_view.selectRow(0)
        self._update_party_buttons()

    # Shared ##################################################################################

    def _open(self) -> bool:
        return self.data.detail.state == cases.OPEN

    def _message(self, refused: SotayError) -> str:
        if isinstance(refused, ValidationError):
            return "\n".join(problem_text(p) for p in refused.problems)
        return error_text(refused)

    def _refused(self, refused: SotayError, panel: FormPanel, banner: QLabel) -> None:
        if isinstance(refused, ValidationError):
            elsewhere = panel.show_problems(refused.problems)
            _show_error(banner, "\n".join(problem_text(p) for p in elsewhere))
        else:
            _show_error(banner, error_text(refused))

    def _changed(self) -> None:
        self.refresh()
        self.ctx.notify_changed()

    def refresh(self) -> None:
        self.data = load_case(self.ctx.profile, self.case_id, self.codes)
        self._show()

    def _show(self) -> None:
        detail = self.data.detail
        who = detail.person_name or self.tr("the household as a whole")
        kind = self.codes.label(cases.KIND_TABLE, detail.kind)  # in the language of the window
        if detail.support_kind:
            kind = f"{kind} ({self.codes.label(cases.SUPPORT_KINDS, detail.support_kind)})"
        self.heading.setText(self.tr("{kind} — {person}").format(kind=kind, person=who))
        self.setWindowTitle(self.heading.text())
        if detail.state == cases.CLOSED:
            state = self.tr("closed on {date}").format(date=fmt_date(detail.closed_on))
        else:
            state = self.tr("open")
        self.info.setText(
            self.tr("Opened on {date} by {owner} · {state} · confidential").format(
                date=fmt_date(detail.opened_on), owner=detail.owner, state=state
            )
        )
        lines = [detail.summary] if detail.summary else []
        if detail.outcome:
            lines.append(self.tr("Outcome: {text}").format(text=detail.outcome))
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(lines))
        self.close_case_button.setEnabled(self._open())
        if self.data.dv is not None:
            self._show_dv(self.data.dv)
        if self.data.child is not None:
            self._show_child(self.data.child)
        self._show_people()
        self.assessment.show_case(detail)
        self.timeline.show_case(detail, self.data.timeline)
        self.tabs.setTabText(self.timeline_tab, self.tr("Timeline ({n})").format(n=len(self.data.timeline)))

    def _show_dv(self, view: dv.DvCaseView) -> None:
        for code in (item.code for item in self.codes.items(dv.ACTS)):
            self.acts.set_checked(code, code in view.acts)
        self.relationship.set_value(view.relationship_context or None)
        self.harm.setText(view.harm)
        self.recurrence.setValue(view.recurrence_12m)
        self.sanctioned.setChecked(view.sanctioned_before)
        self.measures.set_records(view.measures)
        self.referrals.set_records(view.referrals)
        self.tabs.setTabText(1, self.tr("Measures ({n})").format(n=len(view.measures)))
        self.tabs.setTabText(2, self.tr("Referrals ({n})").format(n=len(view.referrals)))
        editable = self._open()
        self.acts.set_editable(editable)
        for widget in (
            self.relationship,
            self.harm,
            self.recurrence,
            self.sanctioned,
            self.apply_measure_button,
            self.refer_button,
        ):
            widget.setEnabled(editable)
        self._show_derived()
        self._validate_acts()
        if self.referrals.rowCount() and not self.referrals_view.currentIndex().isValid():
            self.referrals_view.selectRow(0)
        self._update_status_buttons()

    def _show_child(self, view: child.ChildCaseView) -> None:
        state = view.state
        for code in (item.code for item in self.codes.items(child.GROUPS)):
            self.groups.set_checked(code, code in view.groups)
        for code, label in self.step_dates.items():
            reached = state.reached.get(code)
            label.setText(fmt_date(reached) if reached else "—")
            current = code == state.stage
            font = self.step_names[code].font()
            font.setBold(current)
            self.step_names[code].setFont(font)
            self.step_names[code].setEnabled(reached is not None or code == state.next_step)
        if state.next_step is not None:
            name = self.codes.label(child.STEPS, state.next_step)
            self.advance_button.setText(self.tr("Advance to: {step}").format(step=name))
        self.advance_button.setVisible(state.next_step is not None and self._open())
        at_review = state.stage == child_forms.REVIEW_STEP and self._open()
        self.review_button.setVisible(at_review)
        self.review_hint.setVisible(at_review and self.data.review is None)
        self.review_summary.show_review(self.data.review)
        # The last step closes the case: not before the review is written.
        self.advance_button.setEnabled(state.next_step != cases.CLOSED or self.data.review is not None)
        self.advance_on.setVisible(state.next_step is not None and self._open())
        self.advance_on_label.setVisible(self.advance_on.isVisibleTo(self))
        if state.plan_due is not None:
            today = self.ctx.profile.today()
            template = (
                self.tr("The support plan was due on {date}: it is late.")
                if state.plan_due < today
                else self.tr("The support plan must be drawn up by {date}.")
            )
            self.plan_label.setText(template.format(date=fmt_date(state.plan_due)))
        else:
            self.plan_label.setText("")
        self.plan_label.setVisible(state.plan_due is not None)
        self.groups.set_editable(self._open())
        self.save_groups_button.setEnabled(self._open())
        self.intake.show_case(self.data.detail, self.data.intake)
        self._show_plan()

    def _show_plan(self) -> None:
        chosen = self.selected_plan_item()
        self.plan_items.set_records(self.data.plan)
        late = sum(1 for item in self.data.plan if item.overdue)
        title = (
            self.tr("Support plan ({n}, {late} overdue)").format(n=len(self.data.plan), late=late)
            if late
            else self.tr("Support plan ({n})").format(n=len(self.data.plan))
        )
        self.tabs.setTabText(self.plan_tab, title)
        rows = [row for row, item in enumerate(self.data.plan) if chosen is not None and item.id == chosen.id]
        if rows:
            self.plan_view.selectRow(rows[0])
        elif self.plan_items.rowCount():
            self.plan_view.selectRow(0)
        self._update_plan_buttons()
