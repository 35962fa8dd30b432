"""The demo year: deaths, moves and divorces, then categories, card numbers and visits.

Runs over a `DemoRegister` whose families are already formed, so every event can look at the
whole household: a dead head hands over to the spouse, a dead person's partner becomes widowed, a
visit only meets people who lived there on that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from desktop.demo import names, places
from desktop.demo.families import DemoRegister
from desktop.demo.records import DEAD, MOVED_OUT, DemoCategory, DemoHousehold, DemoPerson, DemoVisit

# A0 listing order (domain.md §3.3): head, spouse, children, in-laws, parents, grandchildren, others.
A0_ORDER = {"head": 0, "spouse": 1, "child": 2, "adopted_child_in_law": 3, "parent": 4, "grandchild": 5, "other": 6}
PRIORITY_CATEGORIES = frozenset({"poor", "near_poor", "hardship", "elderly_alone", "disability"})


class DemoYear:
    def __init__(self, register: DemoRegister) -> None:
        self.reg = register
        self.rng = register.rng
        self.today = register.today
        # One commune decision approves each year's poor and near-poor lists.
        years = (self.today.year - 1, self.today.year)
        self._poverty_decision = {year: f"{self.rng.randint(90, 480)}/QĐ-UBND" for year in years}

    def run(self) -> None:
        for household in self.reg.households:
            self._live(household)
        for household in self.reg.households:
            self._categories(household)
            self._identity(household)
            self._visits(household)

    def _yesterday_at_latest(self) -> date:
        return self.reg.day_in_year(latest=self.today - timedelta(days=1))

    # Deaths, moves, divorces ##########################################################

    def _live(self, household: DemoHousehold) -> None:
        for person in list(household.members):
            if person.present and person.age(self.today) >= 60 and self.rng.random() < _death_risk(person, self.today):
                self._die(household, person, self._yesterday_at_latest())
        for person in list(household.members):
            if self._may_move_out(person) and self.rng.random() < 0.035:
                self._leave(household, person, self._yesterday_at_latest())
        if household.kind == "nuclear" and self.rng.random() < 0.005:
            self._divorce(household)

    def _die(self, household: DemoHousehold, person: DemoPerson, day: date) -> None:
        others = [p for p in household.present_members() if p is not person]
        if person is household.head and others and not any(p.age(self.today) >= 18 for p in others):
            return  # nobody could take over as head; the demo keeps this person alive
        person.status, person.death_date = DEAD, day
        self.reg.event("death", household, person, day, cause=names.weighted(self.rng, names.DEATH_CAUSES))
        if person.partner is not None and person.partner.present:
            person.partner.marital_status = "widowed"
        if person is household.head:
            self._succeed(household, person, day)

    def _succeed(self, household: DemoHousehold, old: DemoPerson, day: date) -> None:
        """After the head's death the spouse, or else the eldest adult, becomes head (an info change)."""
        present = household.present_members()
        if not present:  # nobody to head it: the household ends, headless, as the services leave it
            household.head = None
            household.dissolved_on = self.reg.day_in_year(earliest=day, latest=day + timedelta(days=30))
            household.dissolved_reason = "Chủ hộ qua đời, không còn thành viên nào trong hộ"
            return
        partner = old.partner if old.partner is not None and old.partner.present else None
        new = partner or min((p for p in present if p.age(self.today) >= 18), key=lambda p: p.birth_date)
        before = new.relationship
        if before == "child":
            _regroup_around(household, new)
        new.relationship, household.head = "head", new
        changed = self.reg.day_in_year(earliest=day + timedelta(days=3), latest=day + timedelta(days=40))
        self.reg.event("info_change", household, new, changed, before={"relationship": before})

    def _may_move_out(self, person: DemoPerson) -> bool:
        return (
            person.present
            and person.relationship in ("child", "grandchild", "other")
            and person.partner is None
            and person.arrived_on is None
            and 19 <= person.age(self.today) <= 40
        )

    def _leave(self, household: DemoHousehold, person: DemoPerson, day: date) -> None:
        person.status, person.left_on = MOVED_OUT, day
        self.reg.event("move_out", household, person, day, to=places.place_on(self.rng, places.MOVE_OUT_PLACES, day))

    def _divorce(self, household: DemoHousehold) -> None:
        head = household.head
        partner = head.partner if head is not None else None
        if head is None or partner is None or not partner.present or not 25 <= head.age(self.today) <= 55:
            return
        if any(p.mother is partner and p.age(self.today) < 1 for p in household.members):
            return
        day = self.reg.day_in_year(latest=self.today - timedelta(days=40))
        for one, other in ((head, partner), (partner, head)):
            one.marital_status = "divorced"
            self.reg.event("divorce", household, one, day, partner=other.full_name)
        self._leave(household, partner, self.reg.day_in_year(earliest=day, latest=day + timedelta(days=30)))
        head.partner = partner.partner = None
        household.kind = "single_parent"

    # Categories ###########################################################################

    def _category(
        self, household: DemoHousehold, code: str, years: Sequence[int], decision: str = "", notes: str = ""
    ) -> None:
        for year in years:
            household.categories.append(DemoCategory(self.reg.new_id(), code, year, decision, notes))

    def _categories(self, household: DemoHousehold) -> None:
        this, last = self.today.year, self.today.year - 1
        years = (last,) if household.dissolved_on else (last, this)
        for year, status in zip((last, this), self._poverty(household), strict=True):
            if status and year in years:
                self._category(household, status, (year,), self._poverty_decision[year])
        head = household.head
        if self.rng.random() < (0.07 if head and head.age(self.today) >= 55 else 0.025):
            decision = f"{self.rng.randint(100, 3500)}/QĐ-UBND"
            self._category(household, "policy", years, decision, self.rng.choice(names.POLICY_NOTES))
        if household.ethnicity != "01":
            self._category(household, "ethnic_minority", years)
        if household.kind == "elderly_alone":
            self._category(household, "elderly_alone", years)
        if household.kind == "single_parent" and any(p.present and p.age(self.today) < 16 for p in household.members):
            self._category(household, "single_parent", years)
        if self.rng.random() < 0.025:
            self._category(household, "disability", years, notes=self.rng.choice(names.DISABILITY_NOTES))
        if not household.dissolved_on and self.rng.random() < 0.03 * _risk(household):
            self._category(household, "hardship", (this,), notes=self.rng.choice(names.HARDSHIP_NOTES))

    def _poverty(self, household: DemoHousehold) -> tuple[str, str]:
        """Last year's and this year's status: most poor households stay poor, some climb out."""
        risk, draw = _risk(household), self.rng.random()
        now = "poor" if draw < 0.05 * risk else "near_poor" if draw < 0.11 * risk else ""
        if not now and draw < 0.11 * risk + 0.05:
            now = "average_income"
        before_odds = {"poor": (0.85, 0.95), "near_poor": (0.25, 0.85)}.get(now, (0.01, 0.03))
        again = self.rng.random()
        before = "poor" if again < before_odds[0] else "near_poor" if again < before_odds[1] else ""
        return before, now

    # Numbers on cards ###################################################################

    def _identity(self, household: DemoHousehold) -> None:
        current = {c.category for c in household.categories if c.year == self.today.year}
        ranked = sorted(household.members, key=lambda p: (A0_ORDER[p.relationship], p.birth_date))
        for order, person in enumerate(ranked):
            person.sort_order = order
            person.education = self._education(person)
            person.national_id = self._national_id(person)
            person.insurance_no = self._insurance(person, current)
            if person.residence_status == "permanent_present" and person.relationship in ("child", "grandchild"):
                if 18 <= person.age(self.today) <= 40 and self.rng.random() < 0.08:
                    person.residence_status = "temporarily_absent"  # working away, still registered here

    def _education(self, person: DemoPerson) -> str:
        age = person.age(self.today)
        if age < 18:  # still at school: the level they are in
            return _SCHOOL[min(age, 17)]
        for born_before, table in _EDUCATION_BY_COHORT:
            if person.birth_date.year < born_before:
                return names.weighted(self.rng, table)
        raise AssertionError("the last cohort has no upper bound")

    def _national_id(self, person: DemoPerson) -> str:
        """CCCD: province of birth (042), century and sex, year, then six digits."""
        if self.rng.random() > (0.92 if person.age(self.today) >= 14 else 0.25):
            return ""
        century = (0 if person.birth_date.year < 2000 else 2) + (0 if person.sex == "1" else 1)
        while True:
            number = f"042{century}{person.birth_date.year % 100:02d}{self.rng.randrange(1_000_000):06d}"
            if number not in self.reg.national_ids:
                self.reg.national_ids.add(number)
                return number

    def _insurance(self, person: DemoPerson, categories: set[str]) -> str:
        """BHYT card: group code and benefit level, province 42, ten digits."""
        age = person.age(self.today)
        if age < 6:
            prefix = "TE1"
        elif "poor" in categories:
            prefix = "HN2"
        elif "policy" in categories and person.relationship in ("head", "spouse", "parent"):
            prefix = "CC1"
        elif "near_poor" in categories:
            prefix = "CN3"
        elif age < 18:
            prefix = "HS4"
        elif age >= 80:
            prefix = "BT2"
        else:
            prefix = "HT3" if age >= 60 and self.rng.random() < 0.2 else "GD4"
        if prefix in ("GD4", "HS4") and self.rng.random() < 0.15:
            return ""
        return f"{prefix}42{self.rng.randrange(10**10):010d}"

    # Visits ###############################################################################

    def _visits(self, household: DemoHousehold) -> None:
        """Ordinary homes get a visit or two a year; poor, lonely or newborn households far more."""
        count = names.weighted(self.rng, ((0, 22), (1, 35), (2, 25), (3, 12), (4, 6)))
        if {c.category for c in household.categories if c.year == self.today.year} & PRIORITY_CATEGORIES:
            count += self.rng.randint(2, 6)
        if any(p.birth_date >= self.reg.year_start for p in household.members):
            count += self.rng.randint(1, 3)
        days = sorted(self.reg.day_in_year(latest=household.dissolved_on) for _ in range(count))
        last = None
        for day in days:
            last = self._visit(household, day)
        # A follow-up that fell due was mostly kept: the collaborator came back around that day.
        while last is not None and last.follow_up_on is not None and last.follow_up_on < self.today:
            if household.dissolved_on or self.rng.random() > 0.85:
                break
            back = min(self.today, last.follow_up_on + timedelta(days=self.rng.randint(-2, 4)))
            last = self._visit(household, max(back, last.visited_on + timedelta(days=1)))

    def _visit(self, household: DemoHousehold, day: date) -> DemoVisit:
        adults = [p for p in household.members if p.here_on(day) and p.age(day) >= 15]
        met = self.rng.sample(adults, k=min(len(adults), names.weighted(self.rng, ((1, 65), (2, 30), (3, 5)))))
        topics = self._topics(household, day)
        notes = self.rng.choice(names.VISIT_NOTES[topics[0]]) if self.rng.random() < 0.7 else ""
        visit = DemoVisit(self.reg.new_id(), household, day, tuple(met), topics, notes, self._follow_up(day))
        self.reg.visits.append(visit)
        return visit

    def _follow_up(self, day: date) -> date | None:
        # Recent visits more often leave something to check, which fills the coming weeks' to-do list.
        recent = (self.today - day).days <= 30
        if self.rng.random() < (0.55 if recent else 0.2):
            return day + timedelta(days=self.rng.randint(7, 45))
        return None

    def _topics(self, household: DemoHousehold, day: date) -> tuple[str, ...]:
        weights: dict[str, float] = {"happy_family": 2, "dv_prevention": 1, "hygiene_epidemic": 2, "other": 0.5}
        for person in household.members:
            if person.here_on(day) or 0 < (person.birth_date - day).days <= 270:
                for topic, weight in _topics_for(person, day):
                    weights[topic] = weights.get(topic, 0) + weight
        how_many = names.weighted(self.rng, ((1, 50), (2, 35), (3, 15)))
        chosen: list[str] = []
        while len(chosen) < how_many:
            topic = names.weighted(self.rng, sorted(weights.items()))
            chosen.append(topic)
            del weights[topic]
        return tuple(chosen)


def _topics_for(person: DemoPerson, day: date) -> list[tuple[str, float]]:
    """What a collaborator talks about because this person lives here (or is about to be born)."""
    if person.birth_date > day:
        return [("maternal_care", 4), ("prenatal_newborn_screening", 2)]
    age = person.age(day)
    if age < 1:
        return [("prenatal_newborn_screening", 3), ("immunization", 3), ("child_nutrition", 2)]
    if age < 6:
        return [("immunization", 1), ("child_nutrition", 1)]
    if age < 16:
        return [("child_protection", 0.7)]
    if person.sex == "2" and person.marital_status == "married" and age < 50:
        return [("family_planning", 3), ("sex_ratio_at_birth", 1)]
    if age >= 60:
        return [("elderly_care", 1.5)]
    return []


def _death_risk(person: DemoPerson, today: date) -> float:
    """Rough yearly mortality from 60 on; enough for a few deaths a month in a commune."""
    age = person.age(today)
    return 0.01 if age < 70 else 0.03 if age < 80 else 0.08 if age < 90 else 0.18


def _risk(household: DemoHousehold) -> float:
    """How much likelier than average this household is to be poor or struggling."""
    if household.ethnicity != "01":
        return 3.0
    return {"elderly_alone": 2.0, "single_parent": 2.2, "elderly_couple": 1.5}.get(household.kind, 0.85)


def _regroup_around(household: DemoHousehold, new_head: DemoPerson) -> None:
    """A son taking over: his wife becomes the spouse, his children children, the others relatives."""
    renamed = {"spouse": "parent", "grandchild": "child"}
    for person in household.present_members():
        if person is new_head:
            continue
        person.relationship = "spouse" if person is new_head.partner else renamed.get(person.relationship, "other")


# Level a child is in at each age from 0 to 17: none before 6, primary 6-10, lower 11-14, upper 15-17.
_SCHOOL = ("none",) * 6 + ("primary",) * 5 + ("lower_secondary",) * 4 + ("upper_secondary",) * 3
_EDUCATION_BY_COHORT: tuple[tuple[int, tuple[tuple[str, float], ...]], ...] = (
    (
        1955,
        (("none", 15), ("primary", 40), ("lower_secondary", 35), ("upper_secondary", 8), ("vocational_secondary", 2)),
    ),
    (
        1975,
        (
            ("none", 3),
            ("primary", 20),
            ("lower_secondary", 45),
            ("upper_secondary", 25),
            ("vocational_secondary", 4),
            ("college", 2),
            ("university", 1),
        ),
    ),
    (
        1990,
        (
            ("primary", 5),
            ("lower_secondary", 30),
            ("upper_secondary", 40),
            ("vocational_secondary", 10),
            ("college", 6),
            ("university", 8),
            ("postgraduate", 1),
        ),
    ),
    (
        10_000,
        (
            ("lower_secondary", 10),
            ("upper_secondary", 40),
            ("vocational_secondary", 15),
            ("college", 12),
            ("university", 22),
            ("postgraduate", 1),
        ),
    ),
)
