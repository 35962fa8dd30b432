"""The demo's care events of the year: contraception started and stopped by married women 15–49, the
screenings of the babies born and of their mothers during pregnancy. They fill the A0 sheet's contraception
grid (Mục II) and the P0 slip's sections 2, 7, 8 and 10 with what a commune's year plausibly holds.

Shares are the demo's own, not statistics: about two married women in three use a method (the usual
figure of population reports), most babies are screened, and few screenings find a high risk.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.demo import names
from desktop.demo.families import DemoRegister
from desktop.demo.records import DemoHousehold, DemoPerson

METHODS = (("pill", 30), ("iud", 30), ("condom", 20), ("injectable", 10), ("implant", 7), ("female_sterilization", 3))
STARTS_IN_YEAR = 0.12  # a married woman starts a method within the year
STOPS_LATER = 0.25  # and stops it again before the year ends (a wish for a child, side effects)
NEWBORN = ("congenital_hypothyroidism", "g6pd_deficiency", "congenital_adrenal_hyperplasia")
NEWBORN_FULL = (*NEWBORN, "congenital_hearing_loss", "congenital_heart_disease")
PRENATAL = ("down_syndrome", "edwards_syndrome", "patau_syndrome", "thalassemia")
SCREENED_NEWBORN, SCREENED_PRENATAL, AT_RISK = 0.8, 0.6, 0.03
PLACES = (("Trạm Y tế xã", 5), ("Bệnh viện đa khoa tỉnh Hà Tĩnh", 3), ("Trung tâm Y tế khu vực", 2))


def add_care(register: DemoRegister) -> None:
    for household in register.households:
        for person in household.present_members():
            if _of_reproductive_age(person, register.today):
                _contraception(register, household, person)
        for child in household.members:
            if child.birth_date >= register.year_start:
                _screenings(register, household, child)


def _of_reproductive_age(person: DemoPerson, today: date) -> bool:
    return person.sex == "2" and person.marital_status == "married" and 15 <= person.age(today) <= 49


def _contraception(register: DemoRegister, household: DemoHousehold, woman: DemoPerson) -> None:
    rng = register.rng
    if rng.random() < STARTS_IN_YEAR:
        started = register.day_in_year(earliest=_adult_on(woman), latest=register.today - timedelta(days=2))
        method = _method(rng)
        register.event("fp_start", household, woman, started, method=method)
        if method != "female_sterilization" and rng.random() < STOPS_LATER:
            stopped = register.day_in_year(earliest=started + timedelta(days=60))
            if stopped > started:
                register.event("fp_stop", household, woman, stopped, method=method)


def _adult_on(woman: DemoPerson) -> date:
    try:
        return woman.birth_date.replace(year=woman.birth_date.year + 15)
    except ValueError:  # born on 29 February
        return woman.birth_date.replace(year=woman.birth_date.year + 15, day=28)


def _method(rng: random.Random) -> str:
    return names.weighted(rng, METHODS)


def _screenings(register: DemoRegister, household: DemoHousehold, child: DemoPerson) -> None:
    rng = register.rng
    screened_on = child.birth_date + timedelta(days=rng.randint(2, 7))
    if screened_on <= register.today and rng.random() < SCREENED_NEWBORN:
        conditions = NEWBORN_FULL if rng.random() < 0.3 else NEWBORN
        register.event(
            "newborn_screening", household, child, screened_on, results=_results(rng, conditions), done_at=_place(rng)
        )
    mother = child.mother
    if mother is None or mother.status != "present" or rng.random() >= SCREENED_PRENATAL:
        return
    for week in (12, 21):
        on = child.birth_date - timedelta(weeks=39 - week, days=rng.randint(0, 6))
        if on >= register.year_start:
            results = _results(rng, PRENATAL)
            register.event("prenatal_screening", household, mother, on, week=week, results=results, done_at=_place(rng))


def _results(rng: random.Random, conditions: tuple[str, ...]) -> dict[str, str]:
    return {code: "at_risk" if rng.random() < AT_RISK else "normal" for code in conditions}


def _place(rng: random.Random) -> str:
    return names.weighted(rng, PLACES)
