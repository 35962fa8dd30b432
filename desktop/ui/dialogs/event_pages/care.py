"""The page of the care events: family planning and health events about a present member (contraception
started or stopped, pregnancy, prenatal and newborn screening, elderly check-up)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QSpinBox

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail, PersonDTO
from desktop.services.register import events, people
from desktop.services.validation import NOTE_MAX, event_date_problems, problem, text_problems
from desktop.ui.context import AppContext
from desktop.ui.dialogs.event_pages.base import EXTRA_FIELD_WIDTH, EventPage
from desktop.ui.dialogs.event_pages.screening import ConditionResults
from desktop.ui.formatting import fmt_date
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.pickers import CodeCombo, ValueCombo

CTX = "EventPages"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


def pregnancy_stage(code: str) -> str:
    return {"detected": _tr("Pregnancy detected"), "ended": _tr("Pregnancy ended")}.get(code, code)


def screening_result(code: str) -> str:
    """The one result of a screening recorded before results were kept per condition (events.OVERALL_RESULTS)."""
    labels = {"pending": _tr("Result not yet known"), "normal": _tr("Normal"), "at_risk": _tr("At risk, referred")}
    return labels.get(code, code)


class CarePage(EventPage):
    """Family-planning and health events about a present member: contraception start and stop, pregnancy,
    prenatal and newborn screening, elderly check-up (events.CARE_KINDS). The member's record is not changed."""

    def __init__(self, ctx: AppContext, household: HouseholdDetail, kind: str) -> None:
        super().__init__(ctx, household)
        self.kind = kind
        today = ctx.profile.today()
        members = self.present_members()
        self._members = {p.id: p for p in members}
        self.member = ValueCombo(blank=_tr("— choose a member —"))
        # Those the event can be about come first; the others stay choosable and are explained when chosen.
        eligible = [p for p in members if not events.subject_problems(kind, p.sex, p.birth_date, today)]
        others = [p for p in members if p not in eligible]
        self.member.set_items(
            (_tr("{name} (born {date})").format(name=p.full_name, date=fmt_date(p.birth_date)), p.id)
            for p in eligible + others
        )
        self.member.setMaximumWidth(EXTRA_FIELD_WIDTH)
        if len(eligible) == 1:
            self.member.set_value(eligible[0].id)
        self.on = DateEdit(None)
        self.on.setMaximumWidth(200)
        self.panel.add("person", _tr("Mem&ber"), self.member, self.member.currentIndexChanged, span=True)
        self.panel.add("event_date", self._date_label(), self.on, self.on.value_changed, span=True)
        self.method: ValueCombo | None = None
        self.stage: ValueCombo | None = None
        self.number: QSpinBox | None = None
        self.week: QSpinBox | None = None
        self.results: ConditionResults | None = None
        self._conditions: list[str] = []
        self.done_at: QLineEdit | None = None
        if kind in events.FP_KINDS:
            self.method = CodeCombo(ctx.codes.items("fp_methods"))
            self.method.setMaximumWidth(EXTRA_FIELD_WIDTH)
            label = _tr("Contraceptive &method") if kind == "fp_start" else _tr("&Method stopped")
            self.panel.add("method", label, self.method, self.method.currentIndexChanged, span=True)
            if kind == "fp_stop":
                self.member.currentIndexChanged.connect(self._prefill_method)
                self._prefill_method()
        if kind == "pregnancy":
            self.stage = ValueCombo()
            self.stage.set_items((pregnancy_stage(code), code) for code in events.PREGNANCY_STAGES)
            self.stage.setMaximumWidth(EXTRA_FIELD_WIDTH)
            self.panel.add("stage", _tr("&What happened"), self.stage, self.stage.currentIndexChanged, span=True)
            self.number = self._spin(1, events.PREGNANCY_MAX_NO)
            self.panel.add("pregnancy_no", _tr("Pregnancy n&umber"), self.number, self.number.valueChanged, span=True)
        if kind == "prenatal_screening":
            self.week = self._spin(*events.GESTATION_WEEKS)
            self.panel.add("week", _tr("&Week of pregnancy"), self.week, self.week.valueChanged, span=True)
        if kind in events.SCREENING_OF:
            # The conditions come with the form, like any code table; the save checks them again.
            choices = events.condition_choices(ctx.profile, kind)
            self._conditions = [c.code for c in choices]
            self.results = ConditionResults(choices)
            self.panel.add("results", _tr("Res&ults"), self.results, self.results.changed, span=True)
        if "done_at" in events.CARE_FIELDS[kind]:
            self.done_at = QLineEdit()
            self.done_at.setMaximumWidth(EXTRA_FIELD_WIDTH)
            self.done_at.setPlaceholderText(_tr("e.g. commune health station"))
            self.panel.add("done_at", _tr("Where (&place)"), self.done_at, self.done_at.textChanged, span=True)
        self.notes = QLineEdit()
        self.notes.setMaximumWidth(EXTRA_FIELD_WIDTH)
        self.panel.add("notes", _tr("Not&es"), self.notes, self.notes.textChanged, span=True)
        self._finish(self.on.value_changed)

    def _date_label(self) -> str:
        labels = {
            "fp_start": _tr("Started o&n"),
            "fp_stop": _tr("Stopped o&n"),
            "prenatal_screening": _tr("Screened o&n"),
            "newborn_screening": _tr("Screened o&n"),
            "elderly_checkup": _tr("Checked up o&n"),
        }
        return labels.get(self.kind, _tr("&Date"))

    @staticmethod
    def _spin(low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low - 1, high)  # the lowest value stands for "not recorded"
        spin.setSpecialValueText(_tr("not recorded"))
        spin.setMaximumWidth(160)
        return spin

    def _prefill_method(self) -> None:
        """Stopping: the method this woman last started, if that start is in the household's events."""
        person = self.selected()
        assert self.method is not None
        if person is None or self.method.value():
            return
        fp = [e for e in self.household.events if e.person_id == person.id and e.kind in events.FP_KINDS]
        if fp:
            last = max(fp, key=lambda e: e.event_date)
            if last.kind == "fp_start":
                self.method.set_value(last.details.get("method"))

    def selected(self) -> PersonDTO | None:
        return self._members.get(self.member.value())

    def event_date(self) -> date | None:
        return self.on.value()

    def details(self) -> dict[str, object]:
        found: dict[str, object] = {}
        if self.method is not None:
            found["method"] = self.method.value() or ""
        if self.stage is not None:
            found["stage"] = self.stage.value()
        if self.number is not None and self.number.value() >= 1:
            found["pregnancy_no"] = self.number.value()
        if self.week is not None and self.week.value() >= events.GESTATION_WEEKS[0]:
            found["week"] = self.week.value()
        if self.results is not None:
            found["results"] = self.results.results()
        if self.done_at is not None:
            found["done_at"] = self.done_at.text()
        return found

    def problems(self) -> list[FieldProblem]:
        today = self.ctx.profile.today()
        person, on = self.selected(), self.on.value()
        found: list[FieldProblem] = []
        if person is None:
            found.append(problem("person", _tr("Choose the member this event is about.")))
            found += event_date_problems("event_date", on, today)
        else:
            found += events.care_date_problems(on, person.birth_date, today)
            found += events.subject_problems(self.kind, person.sex, person.birth_date, on)
        methods = [c.code for c in self.ctx.codes.items("fp_methods")]
        found += events.care_details_problems(self.kind, self.details(), methods, conditions=self._conditions)
        found += text_problems("notes", self.notes.text(), required=False, max_len=NOTE_MAX)
        return found + self._month_problems()

    def save(self) -> bool:
        person, on = self.selected(), self.on.value()
        assert person is not None and on is not None  # checked by problems()
        people.record_care_event(
            self.ctx.profile,
            person.id,
            kind=self.kind,
            on=on,
            details=self.details(),
            reporting_month=self.reporting_month(),
            notes=self.notes.text(),
        )
        return True
