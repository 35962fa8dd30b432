"""One page per kind of population event; the event dialog shows the page of the chosen kind.

Every page carries its own reporting-month field (YYYY-MM), prefilled with the month whose P0 slip
the event belongs on and following the event date until the user types a month of their own.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QSpinBox, QVBoxLayout, QWidget

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail, PersonDTO
from desktop.services.register import events, people
from desktop.services.validation import (
    ADDRESS_MAX,
    NOTE_MAX,
    death_date_problems,
    event_date_problems,
    name_problems,
    problem,
    text_problems,
)
from desktop.ui.context import AppContext
from desktop.ui.dialogs.duplicate import save_checking_duplicates
from desktop.ui.dialogs.person_form import PersonFields
from desktop.ui.formatting import fmt_date, place_of_birth
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import FormPanel
from desktop.ui.widgets.pickers import CodeCombo, ValueCombo

EXTRA_FIELD_WIDTH = 460  # event-specific fields under the two-column person form
MOTHER_MIN_AGE = 10  # only women old enough to be a mother are offered in the list


CTX = "EventPages"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


class EventPage(QWidget):
    """A form for one event kind. Subclasses add their fields between `__init__` and `_finish`."""

    kind = ""

    def __init__(self, ctx: AppContext, household: HouseholdDetail) -> None:
        super().__init__()
        self.ctx = ctx
        self.household = household
        self.panel = FormPanel(columns=2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        self.month = QLineEdit()
        self.month.setPlaceholderText("YYYY-MM")
        self.month.setMaximumWidth(140)
        self._month_typed = False

    def _finish(self, date_signal: object) -> None:
        self.panel.add("reporting_month", _tr("&Reporting month"), self.month, self.month.textEdited, span=True)
        self.month.textEdited.connect(self._month_edited)
        date_signal.connect(self._follow_date)  # type: ignore[attr-defined]
        self._follow_date()

    def _month_edited(self, _text: str) -> None:
        self._month_typed = True

    def _follow_date(self) -> None:
        day = self.event_date()
        if day is not None and not self._month_typed:
            self.month.setText(events.default_reporting_month(day, self.ctx.profile.today()))
            self.panel.edited.emit("reporting_month")

    def _month_problems(self) -> list[FieldProblem]:
        day = self.event_date()
        if day is None:
            return []
        return events.reporting_month_problems(self.month.text().strip(), day, self.ctx.profile.today())

    def present_members(self) -> list[PersonDTO]:
        return [p for p in self.household.members if p.status == "present"]

    def event_date(self) -> date | None:
        raise NotImplementedError

    def problems(self) -> list[FieldProblem]:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError


class BirthPage(EventPage):
    kind = "birth"

    def __init__(self, ctx: AppContext, household: HouseholdDetail) -> None:
        super().__init__(ctx, household)
        self.child = PersonFields(self.panel, ctx, relationship="child")
        self.child.ethnicity.set_value("01")
        self.child.residence_status.set_value("permanent_present")
        self.child.marital_status.set_value("single")
        today = ctx.profile.today()
        self.mother = ValueCombo(blank=_tr("— not recorded —"))
        self.mother.set_items(
            (p.full_name, p.id) for p in self.present_members() if p.sex == "2" and p.age_on(today) >= MOTHER_MIN_AGE
        )
        self.place = ValueCombo()
        self.place.set_items((place_of_birth(code), code) for code in people.PLACES_OF_BIRTH)
        self.order = QSpinBox()
        self.order.setRange(0, 20)
        self.order.setSpecialValueText(_tr("not recorded"))
        self.order.setMaximumWidth(160)
        for combo in (self.mother, self.place):
            combo.setMaximumWidth(EXTRA_FIELD_WIDTH)
        self.panel.add("mother_id", _tr("&Mother"), self.mother, self.mother.currentIndexChanged, span=True)
        self.panel.add("place", _tr("&Place of birth"), self.place, self.place.currentIndexChanged, span=True)
        self.panel.add("birth_order", _tr("Birth o&rder (child no.)"), self.order, self.order.valueChanged, span=True)
        self._finish(self.child.birth_date.value_changed)

    def event_date(self) -> date | None:
        return self.child.birth_date.value()

    def problems(self) -> list[FieldProblem]:
        return self.child.problems() + self._month_problems()

    def save(self) -> bool:
        data = self.child.value()
        saved = save_checking_duplicates(
            self,
            lambda allow: people.record_birth(
                self.ctx.profile,
                self.household.id,
                data,
                mother_id=self.mother.value(),
                place=self.place.value(),
                birth_order=self.order.value() or None,
                reporting_month=self.month.text().strip(),
                allow_duplicate=allow,
            ),
        )
        return saved is not None


class MoveInPage(EventPage):
    kind = "move_in"

    def __init__(self, ctx: AppContext, household: HouseholdDetail) -> None:
        super().__init__(ctx, household)
        self.person = PersonFields(self.panel, ctx)
        self.person.ethnicity.set_value("01")
        self.person.residence_status.set_value("permanent_present")
        self.moved_on = DateEdit(ctx.profile.today(), allow_empty=False)
        self.moved_on.setMaximumWidth(200)
        self.came_from = QLineEdit()
        self.came_from.setMaximumWidth(EXTRA_FIELD_WIDTH)
        self.came_from.setPlaceholderText(_tr("e.g. Thạch Hà commune, Hà Tĩnh"))
        self.panel.add("moved_on", _tr("Moved in o&n"), self.moved_on, self.moved_on.value_changed, span=True)
        self.panel.add("came_from", _tr("Came &from"), self.came_from, self.came_from.textChanged, span=True)
        self._finish(self.moved_on.value_changed)

    def event_date(self) -> date | None:
        return self.moved_on.value()

    def problems(self) -> list[FieldProblem]:
        today = self.ctx.profile.today()
        found = self.person.problems()
        born = self.person.birth_date.value()
        found += event_date_problems("moved_on", self.moved_on.value(), today, not_before=born)
        found += text_problems("came_from", self.came_from.text(), required=False, max_len=ADDRESS_MAX)
        return found + self._month_problems()

    def save(self) -> bool:
        data = self.person.value()
        moved_on = self.moved_on.value()
        assert moved_on is not None  # checked by problems()
        saved = save_checking_duplicates(
            self,
            lambda allow: people.record_move_in(
                self.ctx.profile,
                self.household.id,
                data,
                moved_on=moved_on,
                came_from=self.came_from.text(),
                reporting_month=self.month.text().strip(),
                allow_duplicate=allow,
            ),
        )
        return saved is not None


class MemberEventPage(EventPage):
    """Events about a present member: move out, death, marriage, divorce."""

    def __init__(self, ctx: AppContext, household: HouseholdDetail, kind: str) -> None:
        super().__init__(ctx, household)
        self.kind = kind
        self.member = ValueCombo(blank=_tr("— choose a member —"))
        members = self.present_members()
        self._members = {p.id: p for p in members}
        self.member.set_items(
            (_tr("{name} (born {date})").format(name=p.full_name, date=fmt_date(p.birth_date)), p.id) for p in members
        )
        self.member.setMaximumWidth(EXTRA_FIELD_WIDTH)
        self.on = DateEdit(None)
        self.on.setMaximumWidth(200)
        self.text = QLineEdit()
        self.text.setMaximumWidth(EXTRA_FIELD_WIDTH)
        date_field, date_label, text_field, text_label = self._labels()
        self.date_field, self.text_field = date_field, text_field
        self.panel.add("person", _tr("Mem&ber"), self.member, self.member.currentIndexChanged, span=True)
        self.panel.add(date_field, date_label, self.on, self.on.value_changed, span=True)
        self.panel.add(text_field, text_label, self.text, self.text.textChanged, span=True)
        self._finish(self.on.value_changed)

    def _labels(self) -> tuple[str, str, str, str]:
        if self.kind == "death":
            return "death_date", _tr("Date of &death"), "cause", _tr("&Cause (if known)")
        if self.kind == "move_out":
            return "left_on", _tr("Moved out o&n"), "destination", _tr("Moved &to")
        return "on", _tr("&Date"), "partner_name", _tr("&Partner's full name")

    def selected(self) -> PersonDTO | None:
        return self._members.get(self.member.value())

    def event_date(self) -> date | None:
        return self.on.value()

    def problems(self) -> list[FieldProblem]:
        today = self.ctx.profile.today()
        person = self.selected()
        found: list[FieldProblem] = []
        if person is None:
            found.append(problem("person", _tr("Choose the member this event is about.")))
        birth = person.birth_date if person else None
        if self.kind == "death":
            found += (
                death_date_problems(self.on.value(), birth, today)
                if birth
                else event_date_problems("death_date", self.on.value(), today)
            )
        else:
            found += event_date_problems(self.date_field, self.on.value(), today, not_before=birth)
        if self.kind in ("marriage", "divorce"):
            if self.text.text().strip():
                found += name_problems("partner_name", self.text.text())
        else:
            found += text_problems(self.text_field, self.text.text(), required=False, max_len=ADDRESS_MAX)
        return found + self._month_problems()

    def save(self) -> bool:
        person, on = self.selected(), self.on.value()
        assert person is not None and on is not None  # checked by problems()
        profile, month, text = self.ctx.profile, self.month.text().strip(), self.text.text()
        if self.kind == "death":
            people.record_death(profile, person.id, died_on=on, cause=text, reporting_month=month)
        elif self.kind == "move_out":
            people.record_move_out(profile, person.id, moved_on=on, destination=text, reporting_month=month)
        else:
            people.record_marital_change(
                profile, person.id, kind=self.kind, on=on, partner_name=text, reporting_month=month
            )
        return True


def pregnancy_stage(code: str) -> str:
    return {"detected": _tr("Pregnancy detected"), "ended": _tr("Pregnancy ended")}.get(code, code)


def screening_result(code: str) -> str:
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
        self.result: ValueCombo | None = None
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
        if kind in ("prenatal_screening", "newborn_screening"):
            self.result = ValueCombo()
            self.result.set_items((screening_result(code), code) for code in events.SCREENING_RESULTS)
            self.result.setMaximumWidth(EXTRA_FIELD_WIDTH)
            self.panel.add("result", _tr("Res&ult"), self.result, self.result.currentIndexChanged, span=True)
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
        if self.result is not None:
            found["result"] = self.result.value()
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
        found += events.care_details_problems(self.kind, self.details(), methods)
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
            reporting_month=self.month.text().strip(),
            notes=self.notes.text(),
        )
        return True
