"""The pages of the register's events: a birth, a move in, and what happens to a present member (moving
out, death, marriage, divorce); each changes the household's members."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QVBoxLayout

from desktop.errors import FieldProblem
from desktop.services.dto import HouseholdDetail, PersonDTO
from desktop.services.register import heads, people
from desktop.services.register.members import HEAD
from desktop.services.validation import (
    ADDRESS_MAX,
    HEAD_MIN_AGE,
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


LEAVING_KINDS = ("death", "move_out")  # after these the person no longer lives in the household


class MemberEventPage(EventPage):
    """Events about a present member: move out, death, marriage, divorce.

    When the head dies or moves out, the page asks who heads the household now (required while someone
    old enough stays) and says what to do when nobody, or only children, stay (heads.py)."""

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
        self.new_head = ValueCombo(blank=_tr("— choose the new head —"))
        self.new_head.setMaximumWidth(EXTRA_FIELD_WIDTH)
        self.head_note = QLabel()
        self.head_note.setObjectName("subtitle")
        self.head_note.setWordWrap(True)
        self.head_note.setVisible(False)
        if kind in LEAVING_KINDS:
            self.panel.add("new_head_id", _tr("New h&ead"), self.new_head, self.new_head.currentIndexChanged, span=True)
            self.panel.set_visible("new_head_id", False)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.head_note)  # under the form, above the spare space
            self.member.currentIndexChanged.connect(self._follow_member)
            self.on.value_changed.connect(self._follow_member)
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

    # Who heads the household after a death or a move-out ######################################

    def _leaving_head(self) -> bool:
        person = self.selected()
        return person is not None and (person.is_head or person.relationship == HEAD)

    def staying(self) -> list[PersonDTO]:
        """The members who still live in the household once the chosen member has died or left."""
        person = self.selected()
        return [p for p in self._members.values() if person is not None and p.id != person.id]

    def _follow_member(self, *_args: object) -> None:
        """Offer the members who may head the household, keeping a choice already made when it still fits."""
        person, on = self.selected(), self.on.value() or self.ctx.profile.today()
        staying = self.staying()
        able = [p for p in staying if heads.may_head(p.birth_date, on)]
        self.new_head.set_items((self._candidate_label(p), p.id) for p in able)
        self.panel.set_visible("new_head_id", self._leaving_head() and bool(able))
        note = ""
        if person is not None and not staying:
            note = _tr(
                "Nobody else lives in this household. After saving, record the end of the household with "
                "“Dissolve household” on its page."
            )
        elif self._leaving_head() and not able:
            note = _tr(
                "Nobody who stays is old enough to head the household ({age} or over). After saving, record where "
                "the children live now, for example by adding them to a relative's household."
            ).format(age=HEAD_MIN_AGE)
        elif self._leaving_head():
            note = _tr(
                "{name} heads this household. Choose who heads it from now on: their relationship becomes "
                "“head”. Then check each member's relationship to the new head. If the whole household is "
                "leaving, record the other members first."
            ).format(name=person.full_name if person else "")
        self.head_note.setText(note)
        self.head_note.setVisible(bool(note))

    def _candidate_label(self, person: PersonDTO) -> str:
        relationship = self.ctx.codes.label("relationship", person.relationship)
        return _tr("{name} (born {date}), now: {relationship}").format(
            name=person.full_name, date=fmt_date(person.birth_date), relationship=relationship
        )

    def chosen_head(self) -> uuid.UUID | None:
        return self.new_head.value() if self.panel.has_field("new_head_id") and self._leaving_head() else None

    def leaves_nobody(self) -> bool:
        """Whether nobody will live in the household once this event is saved."""
        return self.kind in LEAVING_KINDS and self.selected() is not None and not self.staying()

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
        if self.kind in LEAVING_KINDS and person is not None:
            found += heads.successor_problems(
                leaving_is_head=self._leaving_head(),
                staying={p.id: p.birth_date for p in self.staying()},
                new_head_id=self.chosen_head(),
                on=self.on.value(),
            )
        return found + self._month_problems()

    def save(self) -> bool:
        person, on = self.selected(), self.on.value()
        assert person is not None and on is not None  # checked by problems()
        profile, month, text = self.ctx.profile, self.reporting_month(), self.text.text()
        if self.kind == "death":
            people.record_death(
                profile, person.id, died_on=on, cause=text, reporting_month=month, new_head_id=self.chosen_head()
            )
        elif self.kind == "move_out":
            people.record_move_out(
                profile, person.id, moved_on=on, destination=text, reporting_month=month, new_head_id=self.chosen_head()
            )
        else:
            people.record_marital_change(
                profile, person.id, kind=self.kind, on=on, partner_name=text, reporting_month=month
            )
        return True
