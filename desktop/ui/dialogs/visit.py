"""Record a household visit: when, who visited, who was met, what was discussed, when to return."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from desktop.errors import FieldProblem
from desktop.services import reference
from desktop.services.dto import HouseholdDetail
from desktop.services.register import visits
from desktop.services.register.visits import VisitInput
from desktop.services.validation import event_date_problems
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CheckList, ValueCombo

# A month is the usual interval before a CTV checks back on a household.
FOLLOW_UP_DEFAULT = timedelta(days=30)


class VisitDialog(FormDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, parent: QWidget | None = None) -> None:
        heading = self.tr("Record a visit — household {code}").format(code=household.code)
        super().__init__(ctx, heading, parent)
        self.preferred_width = 720
        self.household = household
        today = ctx.profile.today()
        self.panel = FormPanel()
        self.visited_on = DateEdit(today, allow_empty=False)
        # Who made the visit, from the user directory: the logged-in user unless someone else is chosen.
        self.collaborator = ValueCombo()
        self.collaborator.set_items((name, user_id) for user_id, name in visits.collaborators(ctx.profile))
        self.collaborator.set_value(ctx.profile.user.id)
        self.persons_met = CheckList()
        self.persons_met.set_items(
            (self._member_label(p.full_name, p.is_head), p.id) for p in household.members if p.status == "present"
        )
        self.topics = CheckList()
        self.topics.set_items((code_label(c), c.code) for c in reference.offered(ctx.codes.items("visit_topics")))
        self.notes = notes_editor()
        follow_up = QWidget()
        row = QHBoxLayout(follow_up)
        row.setContentsMargins(0, 0, 0, 0)
        self.wants_follow_up = QCheckBox(self.tr("Come back &on"))
        self.follow_up_on = DateEdit(None)
        self.follow_up_on.setEnabled(False)
        row.addWidget(self.wants_follow_up)
        row.addWidget(self.follow_up_on)
        row.addStretch(1)
        self.wants_follow_up.toggled.connect(self._toggle_follow_up)

        self.panel.add("visited_on", self.tr("&Date of visit"), self.visited_on, self.visited_on.value_changed)
        self.panel.add(
            "collaborator", self.tr("&Collaborator"), self.collaborator, self.collaborator.currentIndexChanged
        )
        self.panel.add("persons_met", self.tr("People &met"), self.persons_met, self.persons_met.changed)
        self.panel.add("topics", self.tr("&Topics discussed"), self.topics, self.topics.changed)
        self.panel.add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.panel.add("follow_up_on", self.tr("Follow-up"), follow_up, self.follow_up_on.value_changed)
        self.wants_follow_up.toggled.connect(lambda _on: self.panel.edited.emit("follow_up_on"))
        self.body.addWidget(self.panel)
        self.watch(self.panel)
        self.revalidate()
        self.topics.setFocus()

    def _member_label(self, name: str, is_head: bool) -> str:
        return self.tr("{name} (head)").format(name=name) if is_head else name

    def _toggle_follow_up(self, on: bool) -> None:
        self.follow_up_on.setEnabled(on)
        if on and self.follow_up_on.is_empty():
            visited = self.visited_on.value() or self.ctx.profile.today()
            self.follow_up_on.set_value(visited + FOLLOW_UP_DEFAULT)
        if on:
            self.follow_up_on.setFocus()

    def value(self) -> VisitInput:
        return VisitInput(
            visited_on=self.visited_on.value(),
            collaborator_id=self.collaborator.value(),
            persons_met=tuple(self.persons_met.checked_values()),
            topics=tuple(self.topics.checked_values()),
            notes=self.notes.toPlainText(),
            follow_up_on=self.follow_up_on.value() if self.wants_follow_up.isChecked() else None,
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        profile = self.ctx.profile
        found: list[FieldProblem] = []
        if self.wants_follow_up.isChecked() and self.follow_up_on.value() is None:
            found += event_date_problems("follow_up_on", None, profile.today())
        return found + visits.input_problems(profile, self.household.id, self.value())

    def perform_save(self) -> bool:
        visits.record(self.ctx.profile, self.household.id, self.value())
        return True
