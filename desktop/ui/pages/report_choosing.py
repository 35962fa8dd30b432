"""Which report the Reports page makes: the kinds as radio buttons, then under them only the fields the
chosen kind asks for (a month, a household, a village, a case, a campaign, a year), and the
`ReportChoice` they add up to.

The month is chosen from the last thirteen or typed as people write it (11/2026, 11-2026, 2026-11),
read by `desktop.typed_dates` like every other month and date in the app."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.documents import choices as report_choices
from desktop.services.documents.choices import (
    A0,
    CAMPAIGN,
    CASE,
    FAMILY_DV,
    HOUSEHOLD,
    MONTHLY,
    P0,
    CaseOption,
    Choices,
    ReportChoice,
)
from desktop.typed_dates import Month, TypedDateError, parse_month
from desktop.ui.codes import code_label
from desktop.ui.context import AppContext
from desktop.ui.formatting import fmt_date
from desktop.ui.pages.report_inputs import ReportInputs
from desktop.ui.translation import error_text
from desktop.ui.widgets.household_picker import HouseholdPicker
from desktop.ui.widgets.pickers import ValueCombo

CTX = "ReportsPage"  # the page's own words before they moved here, with their translations
A0_BOOK = "a0-book"  # on this page only: the A0 kind for a whole village rather than one household
MONTHS_BACK = 12  # the month picker: this month and the twelve before it
# A month still being typed ("11/20", "2026-"): its reason waits until Enter or leaving the field.
_MONTH_TYPING = re.compile(r"^\s*\d{0,4}([/\-.\s]+\d{0,3})?\s*$")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class ChoosesReport(ReportInputs):
    """Mix into the Reports page: it places `_choice_box()` and answers `_choice_changed()`."""

    def _choice_box(self, ctx: AppContext) -> QWidget:
        """The kinds, then the fields of the chosen one; the monthly report of the previous month chosen."""
        self.case_choices: list[CaseOption] = []
        self.options = self._make_options()
        self.monthly_option = self.options[MONTHLY]
        self.household_option = self.options[HOUSEHOLD]
        self.case_option = self.options[CASE]
        self.campaign_option = self.options[CAMPAIGN]
        self.kinds = QButtonGroup(self)  # type: ignore[arg-type]  # the page is the QObject
        for option in self.options.values():
            self.kinds.addButton(option)
        self.monthly_option.setChecked(True)
        self._make_pickers(ctx)
        self.pickers: dict[str, list[QWidget]] = {
            MONTHLY: [self.month_picker, self.difficulties, self.proposals],
            P0: [self.month_picker],
            A0: [self.household_picker],
            A0_BOOK: [self.village_picker],
            HOUSEHOLD: [self.household_picker],
            CASE: [self.case_picker],
            CAMPAIGN: [self.campaign_picker, self.year],
            FAMILY_DV: [self.year],
        }
        box = self._lay_out_choices()
        self._connect_pickers()
        return box

    def _make_options(self) -> dict[str, QRadioButton]:
        return {
            MONTHLY: QRadioButton(_tr("&Monthly report")),
            P0: QRadioButton(_tr("P0/CTV slip of the month (&0)")),
            HOUSEHOLD: QRadioButton(_tr("&Household card")),
            A0: QRadioButton(_tr("&A0/CTV sheet of a household")),
            A0_BOOK: QRadioButton(_tr("Sổ A0 of a village (&book)")),
            CASE: QRadioButton(_tr("&Case record (confidential)")),
            CAMPAIGN: QRadioButton(_tr("Campai&gn report")),
            FAMILY_DV: QRadioButton(_tr("&Family and domestic violence (yearly)")),
        }

    def _make_pickers(self, ctx: AppContext) -> None:
        today = ctx.profile.today()
        self.month_picker = ValueCombo()
        self.month_picker.set_items(report_choices.month_choices(today, MONTHS_BACK), keep=False)
        self.month_picker.setCurrentIndex(1)  # the previous month: the one a report is due for
        self.month_picker.setEditable(True)
        self.month_picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed month is read, not listed
        self.month_picker.setToolTip(_tr("Choose a month or type one, e.g. 11/2026 or 2026-11."))
        self.month_problem = QLabel()
        self.month_problem.setObjectName("fieldError")
        self.month_problem.setProperty("state", "active")
        self.month_problem.setWordWrap(True)
        self.month_problem.setVisible(False)
        self.household_picker = HouseholdPicker(ctx)
        self.household_picker.setPlaceholderText(_tr("Number or a member's name"))
        self.case_picker = ValueCombo()
        self.no_cases_text = _tr("No case you may read")
        self.case_picker.setToolTip(
            _tr("Case records need the protection permission: without it no case's content can be read.")
        )
        self.campaign_picker = ValueCombo()
        self.village_picker = ValueCombo()
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year.setMinimumWidth(96)
        for picker in (self.month_picker, self.case_picker, self.campaign_picker, self.village_picker):
            picker.setMinimumWidth(0)
            picker.setMinimumContentsLength(12)
        self._make_remarks()
        self._make_untagged()

    def _lay_out_choices(self) -> QWidget:
        which = QGroupBox(_tr("Which report"))
        kinds = QVBoxLayout(which)
        kinds.setSpacing(4)
        for option in self.options.values():
            kinds.addWidget(option)

        self.details = QGroupBox(_tr("Report for"))
        self.details_form = QFormLayout(self.details)
        self.details_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the label above: room to type
        self.details_form.setVerticalSpacing(6)
        labels = (
            (self.month_picker, _tr("Month")),
            (self.household_picker, _tr("Household")),
            (self.village_picker, _tr("Village")),
            (self.case_picker, _tr("Case")),
            (self.campaign_picker, _tr("Campaign")),
            (self.year, _tr("&Year")),
            (self.difficulties, _tr("Difficulties")),
            (self.proposals, _tr("Proposals")),
        )
        self.field_labels: dict[QWidget, QLabel] = {}
        for field, text in labels:
            label = QLabel(text)
            label.setBuddy(field)
            self.field_labels[field] = label
            self.details_form.addRow(label, field)
            if field is self.month_picker:
                self.details_form.addRow(self.month_problem)  # why a typed month cannot be read, under it
        self.year_label = self.field_labels[self.year]
        self.details_form.addRow(self.untagged_box)

        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(which)
        column.addWidget(self.details)
        return box

    def _connect_pickers(self) -> None:
        changed = self._choice_changed  # type: ignore[attr-defined]  # the page's
        self.kinds.buttonToggled.connect(self._kind_toggled)
        self.month_picker.currentTextChanged.connect(lambda _text: self._month_typed(finished=False))
        self.month_picker.lineEdit().editingFinished.connect(lambda: self._month_typed(finished=True))
        self.household_picker.changed.connect(changed)
        self.case_picker.currentIndexChanged.connect(lambda _i: changed())
        self.campaign_picker.currentIndexChanged.connect(lambda _i: changed())
        self.village_picker.currentIndexChanged.connect(lambda _i: changed())
        self.year.valueChanged.connect(lambda _v: changed())
        self.difficulties.textChanged.connect(changed)
        self.proposals.textChanged.connect(changed)
        self.tag_button.clicked.connect(self.tag_untagged)

    # Choosing ##################################################################################

    def kind(self) -> str:
        return next((kind for kind, option in self.options.items() if option.isChecked()), MONTHLY)

    def set_kind(self, kind: str) -> None:
        self.options[kind].setChecked(True)

    def current_choice(self) -> ReportChoice | None:
        """What the buttons act on; None while the chosen kind still lacks its month, household, case…"""
        kind = self.kind()
        if kind == MONTHLY:
            month = self.chosen_month()
            if month is None:
                return None
            title = _tr("Monthly report {month}").format(month=month.label())
            return report_choices.monthly_choice(month.iso(), title, self.typed_remarks(month.iso()))
        if kind == P0:
            month = self.chosen_month()
            if month is None:
                return None
            return report_choices.p0_choice(month.iso(), _tr("P0/CTV slip {month}").format(month=month.label()))
        if kind == A0:
            household = self.household_picker.value()
            if household is None:
                return None
            code = self.household_picker.code()
            title = _tr("A0/CTV sheet of household {code}").format(code=code)
            return report_choices.a0_choice(title, household_id=household, code=code)
        if kind == A0_BOOK:
            village = self.village_picker.value()
            if village is None:
                return None
            name = self.village_picker.currentText()
            title = _tr("Sổ A0 of {village}").format(village=name)
            return report_choices.a0_choice(title, village_id=village, village=name)
        if kind == HOUSEHOLD:
            household = self.household_picker.value()
            if household is None:
                return None
            code = self.household_picker.code()
            return report_choices.household_choice(household, code, _tr("Household card {code}").format(code=code))
        if kind == CASE:
            case_id = self.case_picker.value()
            found = next((c for c in self.case_choices if c.id == case_id), None)
            if found is None:
                return None
            return report_choices.case_choice(found, _tr("Case record {case}").format(case=self._case_label(found)))
        if kind == FAMILY_DV:
            year = self.year.value()
            return report_choices.family_dv_choice(year, _tr("Family and domestic violence, {year}").format(year=year))
        code, year = self.campaign_picker.value(), self.year.value()
        if not code:
            return None
        title = _tr("Campaign report: {campaign}, {year}").format(
            campaign=self.campaign_picker.currentText(), year=year
        )
        return report_choices.campaign_choice(code, year, title)

    def chosen_month(self) -> Month | None:
        """The month chosen or typed; None while the typed text names no month."""
        try:
            return parse_month(self.month_picker.currentText())
        except TypedDateError:
            return None

    def _month_typed(self, *, finished: bool) -> None:
        text = self.month_picker.currentText()
        try:
            parse_month(text)
            reason = ""
        except TypedDateError as refused:
            reason = "" if not finished and _MONTH_TYPING.match(text) else error_text(refused)
        self.month_problem.setText(reason)
        self.month_problem.setVisible(bool(reason) and self.month_picker.isEnabled())
        if not finished:  # leaving the field changes no choice
            self._choice_changed()  # type: ignore[attr-defined]  # the page's

    def _kind_toggled(self, button: object, checked: bool) -> None:
        if not checked:
            return
        kind = self.kind()
        wanted = set(self.pickers[kind])
        for field in self.field_labels:
            shown = field in wanted
            field.setEnabled(shown)
            self.details_form.setRowVisible(field, shown)
        self.month_problem.setVisible(bool(self.month_problem.text()) and self.month_picker in wanted)
        if button is not None and any(option.hasFocus() for option in self.options.values()):
            self.pickers[kind][0].setFocus()  # Alt+H and the like: straight on to choosing the household
        self._choice_changed()  # type: ignore[attr-defined]  # the page's

    # What the pickers offer ####################################################################

    def _fill_pickers(self, choices: Choices) -> None:
        self.case_choices = choices.cases
        self.case_picker.set_items((self._case_label(c), c.id) for c in choices.cases)
        self.case_picker.setPlaceholderText(self.no_cases_text if not choices.cases else "")
        self.campaign_picker.set_items((name, code) for code, name in choices.campaigns)
        self.village_picker.set_items((name, village_id) for village_id, name in choices.villages)

    def _case_label(self, case: CaseOption) -> str:
        household = case.household_code if case.household_code is not None else "?"
        kind = code_label(case.kind_names) if case.kind_names is not None else case.kind
        state = {"open": _tr("open"), "closed": _tr("closed")}.get(case.state, case.state)
        return f"{fmt_date(case.opened_on)} · {household} · {kind} · {state}"
