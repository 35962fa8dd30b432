"""The families of the demo register: who lives where, born or married during the demo year.

Pure Python, no database: `DemoRegister` holds the plain objects of records.py that build.py turns
into rows, and year.py lets the year happen to them. Every draw comes from the one `random.Random`
handed in, in a fixed order, so a seed and a date always give the same register.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from desktop.demo import names, places
from desktop.demo.records import DemoEvent, DemoHousehold, DemoPerson, DemoVisit

YEAR_DAYS = 365

KINDS = (
    ("nuclear", 40),
    ("three_generations", 24),
    ("with_parents", 13),
    ("elderly_couple", 8),
    ("elderly_alone", 4),
    ("single_parent", 5),
    ("young_couple", 4),
    ("single_adult", 2),
)
# Hà Tĩnh is overwhelmingly Kinh; Chứt, Mường, Thái and Lào live in its western uplands.
MINORITY_SHARE = 0.012
MINORITIES = (("44", 3), ("04", 3), ("03", 2), ("35", 1))
MINORITY_SURNAMES = ("Hồ", "Đinh", "Cao", "Bùi", "Lương", "Vi")
PLACES_OF_BIRTH = (("hospital", 55), ("health_station", 38), ("home", 4), ("other", 3))


class DemoRegister:
    """Households with their members, population events and visits, built from one random stream."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.year_start = today - timedelta(days=YEAR_DAYS - 1)
        self.households: list[DemoHousehold] = []
        self.events: list[DemoEvent] = []
        self.visits: list[DemoVisit] = []
        self.national_ids: set[str] = set()
        self._templates: dict[str, Callable[[DemoHousehold, str], None]] = {
            "nuclear": self._nuclear,
            "three_generations": self._three_generations,
            "with_parents": self._with_parents,
            "elderly_couple": self._elderly_couple,
            "elderly_alone": self._elderly_alone,
            "single_parent": self._single_parent,
            "young_couple": self._young_couple,
            "single_adult": self._single_adult,
        }

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def day_in_year(self, *, earliest: date | None = None, latest: date | None = None) -> date:
        """A day of the last twelve months (today included), clipped to [earliest, latest]."""
        start = max(self.year_start, earliest or self.year_start)
        end = min(self.today, latest or self.today)
        if end <= start:
            return end
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    def add_households(self, count: int, villages: Sequence[tuple[uuid.UUID, str]]) -> None:
        for code, village_id, address in self._slots(count, villages):
            self.households.append(self._household(code, village_id, address))

    def event(self, kind: str, household: DemoHousehold, person: DemoPerson, day: date, **details: Any) -> None:
        self.events.append(DemoEvent(self.new_id(), kind, household, person, day, details))

    # Where households sit ##############################################################

    def _slots(self, count: int, villages: Sequence[tuple[uuid.UUID, str]]) -> list[tuple[str, uuid.UUID, str]]:
        """Household numbers run through the villages in register order; a few are split (012.1)."""
        sizes = self._village_sizes(count, len(villages))
        width = max(3, len(str(count)))
        slots: list[tuple[str, uuid.UUID, str]] = []
        number, split = 0, 0
        for (village_id, village_name), size in zip(villages, sizes, strict=True):
            street = self.rng.choice(names.STREETS)
            hamlets = max(1, size // 45)
            for index in range(size):
                if number and split < 2 and self.rng.random() < 0.02:
                    split += 1
                    code = f"{number:0{width}d}.{split}"
                else:
                    number, split = number + 1, 0
                    code = f"{number:0{width}d}"
                slots.append((code, village_id, self._address(village_name, street, 1 + index * hamlets // size)))
        return slots

    def _village_sizes(self, count: int, villages: int) -> list[int]:
        weights = [self.rng.uniform(0.6, 1.4) for _ in range(villages)]
        total = sum(weights)
        sizes = [int(count * w / total) for w in weights]
        for i in range(count - sum(sizes)):
            sizes[i % villages] += 1
        return sizes

    def _address(self, village_name: str, street: str, hamlet: int) -> str:
        if village_name.startswith("Tổ dân phố"):
            return f"Số {self.rng.randint(1, 260)} đường {street}"
        if self.rng.random() < 0.15:
            return f"Xóm {hamlet}, gần nhà văn hóa thôn"
        return f"Xóm {hamlet}"

    def _phone(self) -> str:
        if self.rng.random() < 0.25:
            return ""
        prefix = self.rng.choice(("091", "094", "098", "097", "096", "086", "035", "036", "038", "039", "088"))
        return prefix + "".join(str(self.rng.randrange(10)) for _ in range(7))

    # Families ###########################################################################

    def _household(self, code: str, village_id: uuid.UUID, address: str) -> DemoHousehold:
        kind = names.weighted(self.rng, KINDS)
        minority = self.rng.random() < MINORITY_SHARE
        ethnicity = names.weighted(self.rng, MINORITIES) if minority else "01"
        family = self.rng.choice(MINORITY_SURNAMES) if minority else names.surname(self.rng)
        household = DemoHousehold(self.new_id(), code, village_id, address, self._phone(), kind, ethnicity)
        self._templates[kind](household, family)
        for person in household.members:
            if person.birth_date >= self.year_start:
                self._birth(household, person)
        return household

    def _person(
        self,
        household: DemoHousehold,
        family: str,
        sex: str,
        age: int,
        relationship: str,
        marital: str = "single",
        *,
        mother: DemoPerson | None = None,
    ) -> DemoPerson:
        born = self.today - timedelta(days=age * 365 + age // 4 + self.rng.randrange(365))
        person = DemoPerson(
            id=self.new_id(),
            full_name=names.full_name(self.rng, family, sex, born.year),
            sex=sex,
            birth_date=born,
            relationship=relationship,
            marital_status=marital,
            ethnicity=household.ethnicity,
            mother=mother,
        )
        household.members.append(person)
        if relationship == "head":
            household.head = person
        return person

    def _spouse_family(self, household: DemoHousehold) -> str:
        if household.ethnicity != "01" and self.rng.random() < 0.7:
            return self.rng.choice(MINORITY_SURNAMES)
        return names.surname(self.rng)

    def _couple(
        self, household: DemoHousehold, family: str, husband_age: int, *, head_male: bool = True
    ) -> tuple[DemoPerson, DemoPerson]:
        wife_age = max(20, husband_age - self.rng.choice((-2, -1, 0, 1, 2, 2, 3, 3, 4, 5, 6)))
        husband = self._person(household, family, "1", husband_age, "head" if head_male else "spouse", "married")
        wife = self._person(
            household, self._spouse_family(household), "2", wife_age, "spouse" if head_male else "head", "married"
        )
        if household.ethnicity != "01" and self.rng.random() < 0.3:
            wife.ethnicity = "01"  # mixed marriages happen
        husband.partner, wife.partner = wife, husband
        return husband, wife

    def _children(
        self,
        household: DemoHousehold,
        family: str,
        parent_age: int,
        count: int,
        *,
        mother: DemoPerson | None,
        relationship: str = "child",
        keep_adults: float = 1.0,
        min_age: int = 0,
    ) -> list[DemoPerson]:
        """Children born two to six years apart; grown-up ones have often left to start their own home."""
        at_birth = self.rng.randint(19, 29)
        kids: list[DemoPerson] = []
        for order in range(1, count + 1):
            age = parent_age - at_birth
            if age < min_age:
                break
            if age <= 22 or self.rng.random() < keep_adults:
                sex = "1" if self.rng.random() < 0.53 else "2"  # Hà Tĩnh's sex ratio at birth leans male
                marital = "divorced" if age >= 28 and self.rng.random() < 0.08 else "single"
                kid = self._person(household, family, sex, age, relationship, marital, mother=mother)
                kid.birth_order = order
                kids.append(kid)
            at_birth += self.rng.randint(2, 6)
            if at_birth > 44:
                break
        return kids

    def _child_count(self) -> int:
        return names.weighted(self.rng, ((0, 5), (1, 15), (2, 42), (3, 28), (4, 10)))

    def _nuclear(self, household: DemoHousehold, family: str) -> None:
        husband, wife = self._couple(household, family, self.rng.randint(24, 60), head_male=self.rng.random() < 0.85)
        self._children(household, family, wife.age(self.today), self._child_count(), mother=wife, keep_adults=0.5)

    def _three_generations(self, household: DemoHousehold, family: str) -> None:
        elder_age = self.rng.randint(58, 84)
        mother: DemoPerson | None = None
        if self.rng.random() < 0.3:
            sex = "2" if self.rng.random() < 0.7 else "1"
            elder = self._person(household, family if sex == "1" else names.surname(self.rng), sex, elder_age, "head")
            elder.marital_status = "widowed"
            mother = elder if sex == "2" else None
        else:
            mother = self._couple(household, family, elder_age)[1]
        son_age = min(50, max(22, elder_age - self.rng.randint(22, 34)))
        son = self._person(household, family, "1", son_age, "child", "married", mother=mother)
        wife_age = max(20, son_age - self.rng.randint(-1, 6))
        wife = self._person(household, self._spouse_family(household), "2", wife_age, "adopted_child_in_law", "married")
        son.partner, wife.partner = wife, son
        grandchildren = names.weighted(self.rng, ((0, 15), (1, 30), (2, 40), (3, 15)))
        if grandchildren == 0 and self.rng.random() < 0.35:
            self._newlyweds(household, son, wife)
        else:
            self._children(household, family, wife_age, grandchildren, mother=wife, relationship="grandchild")
        if self.rng.random() < 0.2 and son_age >= 24:
            age = son_age - self.rng.randint(2, 8)
            self._person(household, family, self.rng.choice("12"), age, "child", mother=mother)

    def _with_parents(self, household: DemoHousehold, family: str) -> None:
        head_age = self.rng.randint(30, 55)
        husband, wife = self._couple(household, family, head_age)
        count = names.weighted(self.rng, ((0, 5), (1, 25), (2, 45), (3, 20), (4, 5)))
        self._children(household, family, wife.age(self.today), count, mother=wife, keep_adults=0.5)
        father_age = min(96, head_age + self.rng.randint(24, 34))
        mother_age = min(94, max(head_age + 19, father_age - self.rng.randint(0, 6)))
        # Both of the head's parents, or the one still alive (more often the mother).
        which = names.weighted(self.rng, (("both", 40), ("mother", 45), ("father", 15)))
        marital = "married" if which == "both" else "widowed"
        father = self._person(household, family, "1", father_age, "parent", marital) if which != "mother" else None
        if which != "father":
            mother = self._person(household, names.surname(self.rng), "2", mother_age, "parent", marital)
            if father is not None:
                father.partner, mother.partner = mother, father

    def _elderly_couple(self, household: DemoHousehold, family: str) -> None:
        self._couple(household, family, self.rng.randint(62, 88), head_male=self.rng.random() < 0.9)

    def _elderly_alone(self, household: DemoHousehold, family: str) -> None:
        sex = "2" if self.rng.random() < 0.72 else "1"
        own_family = family if sex == "1" else names.surname(self.rng)
        marital = names.weighted(self.rng, (("widowed", 85), ("single", 8), ("divorced", 7)))
        self._person(household, own_family, sex, self.rng.randint(65, 96), "head", marital)

    def _single_parent(self, household: DemoHousehold, family: str) -> None:
        female = self.rng.random() < 0.8
        marital = names.weighted(self.rng, (("divorced", 50), ("widowed", 30), ("single", 20)))
        own_family = names.surname(self.rng) if female else family
        head = self._person(household, own_family, "2" if female else "1", self.rng.randint(26, 52), "head", marital)
        kids_family = own_family if female and marital == "single" else family
        count = names.weighted(self.rng, ((1, 45), (2, 40), (3, 15)))
        # A father raising children alone is recorded without a mother; none of them is a newborn.
        self._children(
            household,
            kids_family,
            head.age(self.today) - (0 if female else self.rng.randint(0, 4)),
            count,
            mother=head if female else None,
            keep_adults=0.4,
            min_age=0 if female else 3,
        )

    def _young_couple(self, household: DemoHousehold, family: str) -> None:
        husband, wife = self._couple(household, family, self.rng.randint(22, 32), head_male=self.rng.random() < 0.9)
        count = names.weighted(self.rng, ((0, 55), (1, 35), (2, 10)))
        kids = self._children(household, family, wife.age(self.today), count, mother=wife)
        if not kids and self.rng.random() < 0.3:
            self._marriage(household, husband, wife, self.day_in_year(latest=self.today - timedelta(days=10)))

    def _single_adult(self, household: DemoHousehold, family: str) -> None:
        sex = "1" if self.rng.random() < 0.65 else "2"
        marital = "single" if self.rng.random() < 0.7 else "divorced"
        self._person(household, family, sex, self.rng.randint(25, 60), "head", marital)

    # Events of family formation ########################################################

    def _birth(self, household: DemoHousehold, child: DemoPerson) -> None:
        place = names.weighted(self.rng, PLACES_OF_BIRTH)
        mother = child.mother.id.hex if child.mother else None
        self.event(
            "birth", household, child, child.birth_date, place=place, birth_order=child.birth_order, mother_id=mother
        )

    def _marriage(self, household: DemoHousehold, groom: DemoPerson, bride: DemoPerson, day: date) -> None:
        self.event("marriage", household, groom, day, partner=bride.full_name)
        self.event("marriage", household, bride, day, partner=groom.full_name)

    def _newlyweds(self, household: DemoHousehold, groom: DemoPerson, bride: DemoPerson) -> None:
        """A son married this year and his bride came to live with his parents."""
        wedding = self.day_in_year(latest=self.today - timedelta(days=20))
        self._marriage(household, groom, bride, wedding)
        bride.arrived_on = self.day_in_year(earliest=wedding, latest=wedding + timedelta(days=15))
        if self.rng.random() < 0.3:
            bride.residence_status = "temporary_resident"
        came_from = places.place_on(self.rng, places.MOVE_IN_PLACES, bride.arrived_on)
        self.event("move_in", household, bride, bride.arrived_on, **{"from": came_from})
