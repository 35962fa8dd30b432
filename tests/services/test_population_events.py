"""Family-planning and health events for the P0 slip: contraception, pregnancy, screenings, elderly check-ups."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models.register import PopulationEvent
from desktop.errors import ValidationError
from desktop.services import reference
from desktop.services.profile.handle import Profile
from desktop.services.register import events, households, members, people
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput


def years_ago(today: date, years: int, days: int = 0) -> date:
    return date(today.year - years, today.month, min(today.day, 28)) - timedelta(days=days)


@dataclass(frozen=True)
class Family:
    profile: object
    household: object
    husband: object
    wife: object
    baby: object
    grandmother: object
    girl: object


@pytest.fixture
def family(register) -> Family:
    p = register.profile
    today = p.today()
    hid = households.create(p, HouseholdInput(code="021", village_id=register.village_a, address="Xóm Bến Đò"))

    def add(name: str, sex: str, born: date, relationship: str):
        return members.add_member(p, hid, PersonInput(name, sex, born, relationship))

    return Family(
        profile=p,
        household=hid,
        husband=add("Trần Văn Quang", "1", years_ago(today, 34), "head"),
        wife=add("Phan Thị Mai", "2", years_ago(today, 29), "spouse"),
        baby=add("Trần Bảo Ngọc", "2", today - timedelta(days=20), "child"),
        grandmother=add("Nguyễn Thị Tám", "2", years_ago(today, 71), "parent"),
        girl=add("Trần Thị Hoa", "2", years_ago(today, 12), "child"),
    )


def event_count(profile) -> int:
    with profile.sessions() as session:
        return session.scalar(select(func.count()).select_from(PopulationEvent)) or 0


def refused_fields(call) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return {p.field for p in refused.value.problems}


def test_fp_methods_table_is_loaded_with_sources(profile):
    with profile.sessions() as session:
        names = reference.code_names(session, "fp_methods")
        kinds = {c.code: c for c in reference.codes(session, "population_event_kinds")}
    assert names["iud"] == "Dụng cụ tử cung" and "condom" in names and len(names) == 8
    for kind in events.CARE_KINDS:
        assert kind in kinds
    with open(reference.reference_dir() / "fp_methods.csv", encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
    assert {"source_confidence", "source"} <= set(header)


def test_contraception_start_and_stop_with_method(family):
    p = family.profile
    started = p.today() - timedelta(days=40)
    people.record_care_event(p, family.wife, kind="fp_start", on=started, details={"method": "iud"})
    people.record_care_event(p, family.wife, kind="fp_stop", on=p.today(), details={"method": "iud"})

    detail = households.detail(p, family.household)
    by_kind = {e.kind: e for e in detail.events}
    start, stop = by_kind["fp_start"], by_kind["fp_stop"]
    assert (start.person_name, start.event_date, start.details) == ("Phan Thị Mai", started, {"method": "iud"})
    assert start.kind_name == "Bắt đầu sử dụng BPTT" and stop.kind_name == "Thôi sử dụng BPTT"
    assert start.reporting_month == events.default_reporting_month(started, p.today())
    assert stop.reporting_month == events.month_of(p.today())
    # The person's record itself is not changed by a care event.
    assert members.get(p, family.wife).status == "present"


@pytest.mark.parametrize(
    ("who", "details", "field"),
    [
        ("husband", {"method": "condom"}, "person"),  # the A0/P0 track the wife
        ("girl", {"method": "pill"}, "person"),  # under 15
        ("grandmother", {"method": "pill"}, "person"),  # over 49
        ("wife", {"method": "magic"}, "method"),  # not in fp_methods.csv
        ("wife", {"method": ""}, "method"),
        ("wife", {}, "method"),
    ],
)
def test_bad_contraception_is_refused_and_nothing_saved(family, who, details, field):
    p = family.profile
    before = event_count(p)
    call = lambda: people.record_care_event(  # noqa: E731
        p, getattr(family, who), kind="fp_start", on=p.today(), details=details
    )
    assert field in refused_fields(call)
    assert event_count(p) == before


def test_age_is_taken_on_the_event_date(family):
    p = family.profile
    # She turned 15 recently: a start dated before her 15th birthday is refused, one after it accepted.
    teen = members.add_member(
        p, family.household, PersonInput("Trần Thị Lan", "2", years_ago(p.today(), 15, days=10), "child")
    )
    assert refused_fields(
        lambda: people.record_care_event(
            p, teen, kind="fp_start", on=p.today() - timedelta(days=20), details={"method": "condom"}
        )
    ) == {"person"}
    people.record_care_event(p, teen, kind="fp_start", on=p.today(), details={"method": "condom"})


def test_dates_not_in_the_future_nor_before_birth_nor_after_leaving(family):
    p = family.profile
    fp = {"method": "pill"}
    future = lambda: people.record_care_event(  # noqa: E731
        p, family.wife, kind="fp_start", on=p.today() + timedelta(days=1), details=fp
    )
    assert "event_date" in refused_fields(future)
    before_birth = lambda: people.record_care_event(  # noqa: E731
        p, family.baby, kind="newborn_screening", on=p.today() - timedelta(days=30), details=NEWBORN_NORMAL
    )
    assert refused_fields(before_birth) == {"event_date"}
    people.record_death(p, family.grandmother, died_on=p.today() - timedelta(days=5))
    after_death = lambda: people.record_care_event(  # noqa: E731
        p, family.grandmother, kind="elderly_checkup", on=p.today(), details={}
    )
    assert refused_fields(after_death) == {"event_date"}
    # Before the death it is still a check-up of that month.
    people.record_care_event(
        p, family.grandmother, kind="elderly_checkup", on=p.today() - timedelta(days=6), details={}
    )
    assert event_count(p) == 2  # the death and the check-up


def test_pregnancy_detected_and_ended(family):
    p = family.profile
    detected = p.today() - timedelta(days=25)
    people.record_care_event(
        p, family.wife, kind="pregnancy", on=detected, details={"stage": "detected", "pregnancy_no": 2}
    )
    people.record_care_event(p, family.wife, kind="pregnancy", on=p.today(), details={"stage": "ended"})
    stages = sorted(
        (e.event_date, e.details["stage"])
        for e in households.detail(p, family.household).events
        if e.kind == "pregnancy"
    )
    assert stages == [(detected, "detected"), (p.today(), "ended")]


@pytest.mark.parametrize(
    ("who", "details", "fields"),
    [
        ("husband", {"stage": "detected"}, {"person"}),
        ("grandmother", {"stage": "detected"}, {"person"}),
        ("wife", {"stage": "twins"}, {"stage"}),
        ("wife", {"stage": "detected", "pregnancy_no": 0}, {"pregnancy_no"}),
        ("wife", {"stage": "detected", "pregnancy_no": "2"}, {"pregnancy_no"}),
    ],
)
def test_bad_pregnancy_is_refused(family, who, details, fields):
    p = family.profile
    call = lambda: people.record_care_event(  # noqa: E731
        p, getattr(family, who), kind="pregnancy", on=p.today(), details=details
    )
    assert refused_fields(call) == fields
    assert event_count(p) == 0


NEWBORN_NORMAL = {"results": {"congenital_hypothyroidism": "normal"}}
PRENATAL_NORMAL = {"down_syndrome": "normal"}


def test_prenatal_screening_keeps_a_result_per_condition(family):
    p = family.profile
    results = {"down_syndrome": "normal", "edwards_syndrome": "at_risk", "thalassemia": "normal"}
    details = {"week": 12, "results": results, "done_at": "  Bệnh viện  Đa khoa tỉnh "}
    people.record_care_event(p, family.wife, kind="prenatal_screening", on=p.today(), details=details)
    [event] = households.detail(p, family.household).events
    assert event.details == {"week": 12, "results": results, "done_at": "Bệnh viện Đa khoa tỉnh"}
    # Patau was not screened: it is simply not among the results.
    assert events.condition_results(event.details) == results

    for who, bad, fields in [
        ("husband", {"results": PRENATAL_NORMAL}, {"person"}),
        ("wife", {"week": 50, "results": PRENATAL_NORMAL}, {"week"}),
        ("wife", {"results": {}}, {"results"}),
        ("wife", {"week": 21}, {"results"}),
        ("wife", {"results": PRENATAL_NORMAL, "done_at": "x" * 201}, {"done_at"}),
    ]:
        call = lambda who=who, bad=bad: people.record_care_event(  # noqa: E731
            p, getattr(family, who), kind="prenatal_screening", on=p.today(), details=bad
        )
        assert refused_fields(call) == fields
    assert event_count(p) == 1


@pytest.mark.parametrize(
    ("kind", "who", "results", "said"),
    [
        # A newborn condition on a prenatal screening, and the reverse: each screening names its own conditions.
        ("prenatal_screening", "wife", {"congenital_hypothyroidism": "normal"},
         "“congenital_hypothyroidism” is not a condition of this screening"),
        ("newborn_screening", "baby", {"down_syndrome": "normal"},
         "“down_syndrome” is not a condition of this screening"),
        ("newborn_screening", "baby", {"rubella": "normal"}, "“rubella” is not a condition"),
        ("newborn_screening", "baby", {"g6pd_deficiency": "great"}, "The result “great” is unknown"),
        ("prenatal_screening", "wife", {"patau_syndrome": "pending"}, "The result “pending” is unknown"),
    ],
)  # fmt: skip
def test_an_unknown_condition_or_result_is_refused_with_a_clear_message(family, kind, who, results, said):
    p = family.profile
    with pytest.raises(ValidationError) as refused:
        people.record_care_event(p, getattr(family, who), kind=kind, on=p.today(), details={"results": results})
    [found] = refused.value.problems
    assert found.field == "results" and said in found.message.format(**found.params)
    assert event_count(p) == 0


def test_the_conditions_table_names_what_each_screening_looks_for(profile):
    with profile.sessions() as session:
        newborn = [c.name_vi for c in events.screening_conditions(session, "newborn_screening")]
        prenatal = [c.name_vi for c in events.screening_conditions(session, "prenatal_screening")]
    assert newborn == [
        "Suy giáp trạng bẩm sinh",
        "Thiếu men G6PD",
        "Tăng sản thượng thận bẩm sinh",
        "Khiếm thính bẩm sinh",
        "Bệnh tim bẩm sinh",
    ]
    assert prenatal == ["Hội chứng Down", "Hội chứng Edwards", "Hội chứng Patau", "Bệnh tan máu bẩm sinh (Thalassemia)"]
    with open(reference.reference_dir() / "screening_conditions.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # The confidence tag matches the source: a decision known from news reports and a third-party layout.
    assert {row["source_confidence"] for row in rows} == {"P"}
    assert all("3845/QĐ-BYT" in row["source"] for row in rows)


def test_a_screening_recorded_with_one_overall_result_is_still_read(family):
    """Screenings saved before results were kept per condition carry one "result"; it reads as it was."""
    p = family.profile
    with p.sessions.begin() as session:
        events.add_event(
            session,
            kind="newborn_screening",
            household_id=family.household,
            person_id=family.baby,
            event_date=p.today(),
            today=p.today(),
            details={"result": "at_risk", "done_at": "Trạm Y tế xã"},
        )
    [event] = households.detail(p, family.household).events
    assert events.overall_result(event.details) == "at_risk"
    assert events.condition_results(event.details) == {}


def test_newborn_screening_only_for_a_child_under_one(family):
    p = family.profile
    people.record_care_event(
        p, family.baby, kind="newborn_screening", on=p.today() - timedelta(days=17), details=NEWBORN_NORMAL
    )
    for who in ("girl", "wife"):
        call = lambda who=who: people.record_care_event(  # noqa: E731
            p, getattr(family, who), kind="newborn_screening", on=p.today(), details=NEWBORN_NORMAL
        )
        assert refused_fields(call) == {"person"}
    # A child who had their first birthday is too old on the day, even if they were a baby a month ago.
    assert events.subject_problems("newborn_screening", "1", date(2025, 3, 1), date(2026, 3, 1))
    assert not events.subject_problems("newborn_screening", "1", date(2025, 3, 1), date(2026, 2, 28))
    assert event_count(p) == 1


def test_elderly_checkup_only_from_sixty(family):
    p = family.profile
    people.record_care_event(
        p, family.grandmother, kind="elderly_checkup", on=p.today(), details={"done_at": "Trạm Y tế xã"}
    )
    call = lambda: people.record_care_event(p, family.husband, kind="elderly_checkup", on=p.today(), details={})  # noqa: E731
    assert refused_fields(call) == {"person"}
    assert not events.subject_problems("elderly_checkup", "1", date(1966, 5, 1), date(2026, 5, 1))
    assert events.subject_problems("elderly_checkup", "1", date(1966, 5, 2), date(2026, 5, 1))


def test_reporting_month_rule(family, monkeypatch):
    p = family.profile
    monkeypatch.setattr(Profile, "today", lambda self: date(2026, 11, 2))
    fp = {"method": "implant"}
    # On the 2nd the October slip is still open: an October event goes on it by default…
    people.record_care_event(p, family.wife, kind="fp_start", on=date(2026, 10, 30), details=fp)
    # …and may be put on November's; never on a month before the event or after this one.
    people.record_care_event(
        p, family.wife, kind="fp_stop", on=date(2026, 10, 31), details=fp, reporting_month="2026-11"
    )
    for month in ("2026-09", "2026-12", "2026-1", "tháng 10"):
        call = lambda month=month: people.record_care_event(  # noqa: E731
            p, family.wife, kind="fp_stop", on=date(2026, 10, 31), details=fp, reporting_month=month
        )
        assert refused_fields(call) == {"reporting_month"}
    with p.sessions() as session:
        assert [e.kind for e in events.for_month(session, "2026-10")] == ["fp_start"]

    monkeypatch.setattr(Profile, "today", lambda self: date(2026, 11, 4))
    people.record_care_event(p, family.wife, kind="pregnancy", on=date(2026, 10, 29), details={"stage": "detected"})
    with p.sessions() as session:
        assert [e.kind for e in events.for_month(session, "2026-11")] == ["fp_stop", "pregnancy"]


def test_unknown_details_and_kinds_are_programming_errors(family):
    p = family.profile
    with pytest.raises(ValueError):
        people.record_care_event(p, family.wife, kind="birth", on=p.today(), details={})
    with pytest.raises(ValueError):
        people.record_care_event(p, family.wife, kind="fp_start", on=p.today(), details={"method": "iud", "x": 1})
    assert event_count(p) == 0
