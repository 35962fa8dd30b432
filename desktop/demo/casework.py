"""Casework for the demo profile: support cases, tasks and communication activities, through the services.

About one household in 80 has a domestic-violence case (acts, a measure, a referral, a mediation;
some with a no-contact order ending soon, older ones closed), one in 100 a child-protection case with
its intake report at some step of Decree 56/2017 (monitoring visits once it is being monitored), one in
120 an older person living alone followed as "other support" with the help given; two tasks
written by hand; and in each village two communication activities a month over the last three months, each
reaching as many people as its form does (a talk dozens, individual counselling one person or a couple).
The same seed and day give the same cases. Nothing here is real.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from db.models.register import Household, Person
from desktop.services import reference
from desktop.services.casework import cases, child, child_forms, child_plan, dv, dv_measures, parties, tasks, timeline
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.child_forms import IntakeInput
from desktop.services.casework.child_plan import PlanItemInput
from desktop.services.casework.dv import ActsInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.parties import PartyInput
from desktop.services.casework.timeline import ActionInput
from desktop.services.communication import activities, campaigns
from desktop.services.communication.activities import ActivityInput
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import age_on

DV_EVERY, CHILD_EVERY, ELDERLY_EVERY = 80, 100, 120
DV_ACTS = (("a", "b"), ("b", "e"), ("a", "n"), ("b", "o"), ("d",))
CHILD_GROUPS = (("i",), ("d",), ("h",), ("c",), ("l",))
CHILD_STEPS = ("initial_assessment", "detailed_assessment", "plan_approved", "in_progress", "monitoring")
BODIES = ("commune_police", "womens_union", "health_station")
ACTIVITY_FORMS = ("talk", "home_visit", "individual_counselling")
ACTIVITY_TOPICS = ("family_planning", "elderly_care", "sex_ratio_at_birth", "prenatal_newborn_screening")
ACTIVITY_MONTHS, ACTIVITIES_PER_MONTH = 3, 2
# The campaign a talk on the topic is held for, when that campaign runs on its day; other talks stay
# untagged, as many are in real notebooks, and the campaign report offers them for tagging.
CAMPAIGN_OF_TOPIC = {
    "family_planning": ("population_month",),
    "prenatal_newborn_screening": ("population_month",),
    "sex_ratio_at_birth": ("gender_equality_month", "population_month"),
    "elderly_care": (),
}


@dataclass(frozen=True, slots=True)
class _Home:
    id: uuid.UUID
    code: str
    people: tuple[tuple[uuid.UUID, str, date], ...]  # (id, sex, birth date) of those living there


def add_casework(profile: Profile, rng: random.Random, today: date) -> int:
    """Open the demo's cases and tasks; returns the number of cases."""
    homes = _homes(profile)
    opened = 0
    for number, home in enumerate(homes):
        if number % DV_EVERY == 40:
            opened += _dv_case(profile, rng, today, home)
        elif number % CHILD_EVERY == 33:
            opened += _child_case(profile, rng, today, home)
        elif number % ELDERLY_EVERY == 30:
            opened += _elderly_case(profile, rng, today, home)
    if homes:  # due from the real today on: a task cannot be due in the past
        due = max(today, profile.today())
        leaflets = tasks.add_manual(
            profile, title="Nhận tờ rơi tháng hành động phòng, chống bạo lực gia đình", due_on=due
        )
        tasks.add_manual(profile, title="Nhắc hộ " + homes[0].code + " đưa cháu đi tiêm chủng", due_on=due)
        tasks.complete(profile, leaflets)  # the leaflets came: a task already handled
    _activities(profile, rng, today)
    return opened


def _activities(profile: Profile, rng: random.Random, today: date) -> None:
    with profile.sessions() as session:
        villages = [village.id for village in reference.villages(session, profile.commune_code)]
    for village_id in villages:
        for months_back in range(ACTIVITY_MONTHS):
            for _ in range(ACTIVITIES_PER_MONTH):
                held_on = today - timedelta(days=30 * months_back + rng.randint(0, 27))
                form = rng.choice(ACTIVITY_FORMS)
                topic = rng.choice(ACTIVITY_TOPICS)
                men, women = _audience(rng, form)
                data = ActivityInput(
                    held_on=held_on,
                    village_id=village_id,
                    form=form,
                    topic=topic,
                    campaign=_campaign_for(profile, topic, held_on),
                    male=men,
                    female=women,
                    materials="tờ rơi",
                    materials_count=men + women,
                )
                activities.record_activity(profile, data)


def _campaign_for(profile: Profile, topic: str, day: date) -> str:
    running = {c.code for c in campaigns.campaigns_on(profile, day)}
    return next((code for code in CAMPAIGN_OF_TOPIC.get(topic, ()) if code in running), "")


def _audience(rng: random.Random, form: str) -> tuple[int, int]:
    """Men and women reached: a talk fills a meeting hall, a home visit meets a family, individual
    counselling one person or a couple (activity_forms.csv has no group sizes: these are the demo's)."""
    if form == "individual_counselling":
        return _one_or_a_couple(rng)
    if form == "home_visit":
        return rng.randint(0, 2), rng.randint(1, 3)
    return rng.randint(2, 15), rng.randint(8, 30)


def _one_or_a_couple(rng: random.Random) -> tuple[int, int]:
    """One woman, one man, or the two of them together (family planning is most often the wife's)."""
    return rng.choice(((0, 1), (0, 1), (0, 1), (1, 0), (1, 1)))


def _homes(profile: Profile) -> list[_Home]:
    with profile.sessions() as session:
        households = session.execute(
            select(Household.id, Household.code).where(Household.dissolved_on.is_(None)).order_by(Household.code)
        ).all()
        people = session.execute(
            select(Person.household_id, Person.id, Person.sex, Person.birth_date)
            .where(Person.status == "present", live(Person))
            .order_by(Person.sort_order)
        ).all()
    members: dict[uuid.UUID, list[tuple[uuid.UUID, str, date]]] = {}
    for household_id, person_id, sex, birth in people:
        members.setdefault(household_id, []).append((person_id, sex, birth))
    return [_Home(hid, code, tuple(members.get(hid, ()))) for hid, code in households if members.get(hid)]


def _dv_case(profile: Profile, rng: random.Random, today: date, home: _Home) -> int:
    women = [pid for pid, sex, birth in home.people if sex == "2" and age_on(birth, today) >= 18]
    if not women:
        return 0
    opened_on = today - timedelta(days=rng.randint(3, 60))
    risk = rng.choice(("high", "medium", "medium", "low"))
    cid = cases.open_case(
        profile,
        CaseInput(
            "domestic_violence", home.id, opened_on, person_id=women[0], summary="Hàng xóm báo tin", risk_level=risk
        ),
    )
    parties.add_party(profile, cid, PartyInput("reporter", name="Trưởng thôn", relationship="Hàng xóm"))
    recurrence = rng.randint(0, 3)
    dv.record_acts(profile, cid, ActsInput(rng.choice(DV_ACTS), "married", recurrence_12m=recurrence))
    dv_measures.apply_measure(profile, cid, MeasureInput("stop_violence", opened_on, f"{rng.randint(1, 99)}/QĐ-UBND"))
    if opened_on >= today - timedelta(days=2):  # a recent case: a no-contact order that ends soon
        end = min(opened_on + timedelta(days=2), today)
        dv_measures.apply_measure(
            profile, cid, MeasureInput("no_contact", opened_on, "", opened_on, end, 100, "Trưởng thôn")
        )
    referral = dv_measures.refer(profile, cid, body=rng.choice(BODIES), sent_on=opened_on)
    dv_measures.update_referral(profile, referral, status="received", on=opened_on)
    mediated_on = opened_on + timedelta(days=2)
    if mediated_on <= today:
        result = "reconciled" if opened_on < today - timedelta(days=30) else "not_reconciled"
        follow_up = mediated_on + timedelta(days=14) if result == "not_reconciled" else None
        mediation = ActionInput("mediation", mediated_on, "Tổ hòa giải thôn và Hội Phụ nữ", result, follow_up)
        timeline.record(profile, cid, mediation)
    if opened_on < today - timedelta(days=30):
        dv.close_case(profile, cid, on=today - timedelta(days=1), outcome="Gia đình ổn định, đã cam kết không tái diễn")
    return 1


def _child_case(profile: Profile, rng: random.Random, today: date, home: _Home) -> int:
    children = [pid for pid, _sex, birth in home.people if 0 <= age_on(birth, today) < cases.CHILD_AGE]
    if not children:
        return 0
    opened_on = today - timedelta(days=rng.randint(1, 40))
    cid = cases.open_case(
        profile,
        CaseInput("child_protection", home.id, opened_on, person_id=children[0], risk_level="high", consent=True),
    )
    child.set_groups(profile, cid, rng.choice(CHILD_GROUPS))
    child_forms.record_intake(profile, cid, _intake(rng))
    steps = CHILD_STEPS[: rng.randint(0, len(CHILD_STEPS))]
    for step in steps:
        child.advance(profile, cid, to=step, on=opened_on)
    if child.PLAN_STEP in steps:
        plan = PlanItemInput("Thăm gia đình hằng tuần", "Cộng tác viên", opened_on + timedelta(days=7))
        child_plan.add_item(profile, cid, plan)
    if steps and steps[-1] == "monitoring":
        visit = ActionInput(
            "monitoring_visit", today, "Cháu đi học đều, gia đình hợp tác", "better", today + timedelta(days=7)
        )
        timeline.record(profile, cid, visit)
    return 1


def _intake(rng: random.Random) -> IntakeInput:
    return IntakeInput(
        source=rng.choice(("phone", "in_person", "other_person")),
        target="at_risk",
        received_time=f"{rng.randint(7, 16):02d}:{rng.choice(('00', '15', '30', '45'))}",
        place="Tại nhà",
        situation="Cháu hay bỏ bữa, có vết bầm ở tay",
        consequences="Có thể bỏ học, tổn hại sức khỏe",
        family_situation="Bố mẹ đi làm ăn xa, cháu ở với ông bà",
        carer="Bà nội",
        actions_taken="Đã đến thăm, báo cán bộ xã",
    )


def _elderly_case(profile: Profile, rng: random.Random, today: date, home: _Home) -> int:
    elderly = [pid for pid, _sex, birth in home.people if age_on(birth, today) >= 75]
    if not elderly:
        return 0
    opened_on = today - timedelta(days=rng.randint(10, 200))
    summary = "Người cao tuổi sống một mình, cần thăm nom thường xuyên"
    cid = cases.open_case(
        profile,
        CaseInput(
            "other_support",
            home.id,
            opened_on,
            person_id=elderly[0],
            summary=summary,
            consent=True,
            support_kind="elderly_alone",
        ),
    )
    helped = ActionInput(
        "support", opened_on, "Tặng gạo, nhờ hàng xóm ghé thăm hằng ngày", "", today + timedelta(days=5)
    )
    timeline.record(profile, cid, helped)
    return 1
