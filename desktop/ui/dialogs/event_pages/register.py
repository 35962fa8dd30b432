"""The pages of the register's events: a birth, a move in, and what happens to a present member (moving
out, death, marriage, divorce); each changes the household's members."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QSpinBox

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail, PersonDTO
from desktop.services.register import people
from desktop.services.validation import (
    ADDRESS_MAX,
    death_date_problems,
    event_date_problems,
    name_problems,
    problem,
    text_problems,
)
from desktop.ui.context import AppContext
from desktop.ui.dialogs.duplicate import save_checking_duplicates
from desktop.ui.dialogs.event_pages.base import EXTRA_FIELD_WIDTH, EventPage
from desktop.ui.dialogs.person_form import PersonFields
from desktop.ui.formatting import fmt_date, place_of_birth
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.pickers import ValueCombo

MOTHER_MIN_AGE = 10  # only women old enough to be a mother are offered in the list

CTX = "EventPages"


def _tr(text: str) -> str:
    # i18n_tools extracts _tr("...") with this module's CTX (lupdate cannot see through helpers).
    return QCoreApplication.translate(CTX, text)


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
                reporting_month=self.reporting_month(),
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
                reporting_month=self.reporting_month(),
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
        profile, month, text = self.ctx.profile, self.reporting_month(), self.text.text()
        if self.kind == "death":
            people.record_death(profile, person.id, died_on=on, cause=text, reporting_month=month)
        elif self.kind == "move_out":
            people.record_move_out(profile, person.id, moved_on=on, destination=text, reporting_month=month)
        else:
            people.record_marital_change(
                profile, person.id, kind=self.kind, on=on, partner_name=text, reporting_month=month
            )
        return True
