"""Record a communication activity: when, where, how, about what, who came, what was handed out."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from desktop.errors import FieldProblem
from desktop.services.communication import activities, campaigns
from desktop.services.communication.activities import ActivityInput
from desktop.services.communication.campaigns import CampaignDTO
from desktop.ui.context import AppContext
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.person_form import notes_editor
from desktop.ui.translation import current_language
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo, ValueCombo


def campaign_name(campaign: CampaignDTO) -> str:
    return campaign.name_en if current_language() == "en" and campaign.name_en else campaign.name_vi


class ActivityDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, held_on: date | None = None) -> None:
        super().__init__(ctx, self.tr("Record a communication activity"), parent)
        self.preferred_width = 720
        profile = ctx.profile
        self.panel = FormPanel()
        self.held_on = DateEdit(held_on or profile.today(), allow_empty=False)
        self.village = ValueCombo(blank=self.tr("— choose —"))
        villages = activities.writable_villages(profile)
        self.village.set_items(((v.name, v.id) for v in villages), keep=False)
        if len(villages) == 1:
            self.village.set_value(villages[0].id)
        self.form = CodeCombo(activities.forms(profile))
        self.topic = CodeCombo(ctx.codes.items("visit_topics"))
        self.campaign = ValueCombo(blank=self.tr("— none —"))
        self.campaign_theme = QLabel()
        self.campaign_theme.setObjectName("subtitle")
        self.campaign_theme.setWordWrap(True)
        campaign_box = QWidget()
        campaign_column = QVBoxLayout(campaign_box)
        campaign_column.setContentsMargins(0, 0, 0, 0)
        campaign_column.setSpacing(2)
        campaign_column.addWidget(self.campaign)
        campaign_column.addWidget(self.campaign_theme)

        self.male = self._count_box()
        self.female = self._count_box()
        self.total = QLabel()
        # Room for the longest total, so the label does not clip when the numbers grow.
        self.total.setMinimumWidth(self.total.fontMetrics().horizontalAdvance(self.tr("Total: {n}").format(n=99999)))
        participants = QWidget()
        row = QHBoxLayout(participants)
        row.setContentsMargins(0, 0, 0, 0)
        men = QLabel(self.tr("M&en"))
        men.setBuddy(self.male)
        women = QLabel(self.tr("&Women"))
        women.setBuddy(self.female)
        for widget in (men, self.male, women, self.female, self.total):
            row.addWidget(widget)
        row.addStretch(1)

        self.materials = QLineEdit()
        self.materials.setPlaceholderText(self.tr("e.g. leaflets on family planning, condoms"))
        self.materials_count = QSpinBox()
        self.materials_count.setRange(0, activities.MATERIALS_COUNT_MAX)
        self.materials_count.setMaximumWidth(160)
        self.notes = notes_editor()

        self._campaigns: list[CampaignDTO] = []
        # First the campaigns of the new date, then the validation of the form (connected by the panel).
        self.held_on.value_changed.connect(self._load_campaigns)
        self.panel.add("held_on", self.tr("&Date"), self.held_on, self.held_on.value_changed)
        self.panel.add("village_id", self.tr("&Village"), self.village, self.village.currentIndexChanged)
        self.panel.add("form", self.tr("&Form"), self.form, self.form.currentIndexChanged)
        self.panel.add("topic", self.tr("&Topic"), self.topic, self.topic.currentIndexChanged)
        self.panel.add("campaign", self.tr("&Campaign"), campaign_box, self.campaign.currentIndexChanged)
        self.panel.add("participants", self.tr("&Participants"), participants, self.male.valueChanged)
        self.female.valueChanged.connect(lambda _n: self.panel.edited.emit("participants"))
        self.panel.add("materials", self.tr("&Materials handed out"), self.materials, self.materials.textChanged)
        self.panel.add(
            "materials_count", self.tr("Number of &items"), self.materials_count, self.materials_count.valueChanged
        )
        self.panel.add("notes", self.tr("N&otes"), self.notes, self.notes.textChanged)
        self.body.addWidget(self.panel)

        self.campaign.currentIndexChanged.connect(lambda _i: self._show_theme())
        self.male.valueChanged.connect(lambda _n: self._show_total())
        self.female.valueChanged.connect(lambda _n: self._show_total())
        self._load_campaigns()
        self._show_total()
        self.watch(self.panel)
        self.revalidate()
        self.form.setFocus()

    @staticmethod
    def _count_box() -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, activities.PARTICIPANTS_MAX)
        box.setMinimumWidth(90)
        return box

    def _load_campaigns(self) -> None:
        """The campaigns running on the chosen date; the choice is kept if it still runs."""
        day = self.held_on.value()
        self._campaigns = campaigns.campaigns_on(self.ctx.profile, day) if day is not None else []
        self.campaign.set_items((campaign_name(c), c.code) for c in self._campaigns)
        self.campaign.setEnabled(bool(self._campaigns))
        self._show_theme()

    def _show_theme(self) -> None:
        chosen = next((c for c in self._campaigns if c.code == self.campaign.value()), None)
        if chosen is not None:
            theme = chosen.theme or self.tr("no theme set for {year} yet").format(year=chosen.year)
            self.campaign_theme.setText(self.tr("Theme: {theme}").format(theme=theme))
        elif self._campaigns:
            names = ", ".join(campaign_name(c) for c in self._campaigns)
            self.campaign_theme.setText(self.tr("Running on this day: {names}").format(names=names))
        else:
            self.campaign_theme.setText(self.tr("No campaign runs on this day."))

    def _show_total(self) -> None:
        self.total.setText(self.tr("Total: {n}").format(n=self.male.value() + self.female.value()))

    def value(self) -> ActivityInput:
        return ActivityInput(
            held_on=self.held_on.value(),
            village_id=self.village.value(),
            form=self.form.code(),
            topic=self.topic.code(),
            male=self.male.value(),
            female=self.female.value(),
            materials=self.materials.text(),
            materials_count=self.materials_count.value(),
            campaign=self.campaign.value() or "",
            notes=self.notes.toPlainText(),
        )

    def current_panel(self) -> FormPanel:
        return self.panel

    def live_problems(self) -> list[FieldProblem]:
        return activities.input_problems(self.ctx.profile, self.value())

    def perform_save(self) -> bool:
        activities.record_activity(self.ctx.profile, self.value())
        return True
