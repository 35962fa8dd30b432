"""Population events: the lines of the monthly P0 slip, each with the month it is reported in."""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models.register import Person, PopulationEvent
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.dto import CodeDTO, EventDTO
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import ADDRESS_MAX, age_on, event_date_problems, problem, text_problems

# The P0 slip is handed in at the commune briefing on days 1-3; until then last month is still open.
BRIEFING_LAST_DAY = 3
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def previous_month(day: date) -> str:
    return month_of(date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1))


def default_reporting_month(event_date: date, today: date) -> str:
    """The month whose slip this event goes on: its own if still open, else the current one."""
    own = month_of(event_date)
    if own == month_of(today):
        return own
    if own == previous_month(today) and today.day <= BRIEFING_LAST_DAY:
        return own
    return month_of(today)


def reporting_month_problems(month: str, event_date: date, today: date) -> list[FieldProblem]:
    if not _MONTH.match(month):
        return [problem("reporting_month", QT_TRANSLATE_NOOP("Events", "Write the reporting month as YYYY-MM."))]
    if month < month_of(event_date) or month > month_of(today):
        return [
            problem(
                "reporting_month",
                QT_TRANSLATE_NOOP("Events", "The reporting month must be between the event's month and this month."),
            )
        ]
    return []


# Family-planning and health events about one person of the register (P0 sections 2, 7–11, domain.md §3.4).
CARE_KINDS = ("fp_start", "fp_stop", "pregnancy", "prenatal_screening", "newborn_screening", "elderly_checkup")
FP_KINDS = ("fp_start", "fp_stop")
# Contraception: the A0 tracks couples of reproductive age by the wife, 15-49 (domain.md §3.3), and P0
# sections 7-8 name the wife. The docs are silent on pregnancy and prenatal screening; we use the same ages.
REPRODUCTIVE_KINDS = ("fp_start", "fp_stop", "pregnancy", "prenatal_screening")
REPRODUCTIVE_AGES = (15, 49)
# Newborn screening is done days after birth (A0 Mục III "Ngày SLSS"); the docs give no limit, we accept under 1 year.
NEWBORN_MAX_AGE = 1
# Older people: 60 and over. The docs only use a ≥ 60 age band (domain.md §4, TT 07/2017 statistics); 60 is also
# the age of Luật Người cao tuổi 2009 Art. 2 (not in the docs, to be checked).
ELDERLY_MIN_AGE = 60
FEMALE = "2"
PREGNANCY_STAGES = ("detected", "ended")
# Screenings (P0 sections 2 and 10) name each condition screened with its result; a condition left out was
# not screened. The conditions are screening_conditions.csv, `screening` = newborn | prenatal (domain.md §3.4).
CONDITIONS_TABLE = "screening_conditions"
SCREENING_OF = {"newborn_screening": "newborn", "prenatal_screening": "prenatal"}
CONDITION_RESULTS = ("normal", "at_risk")
# Screenings recorded before results were kept per condition carry one "result" for the whole screening;
# they are read and shown as they were, never written any more.
OVERALL_RESULTS = ("pending", "normal", "at_risk")
PREGNANCY_MAX_NO = 20
GESTATION_WEEKS = (1, 42)


def subject_problems(kind: str, sex: str, birth: date, on: date | None) -> list[FieldProblem]:
    """Whether the event can be about this person at all: sex and age on the event date."""
    if on is None or on < birth:
        return []
    age = age_on(birth, on)
    if kind in REPRODUCTIVE_KINDS:
        low, high = REPRODUCTIVE_AGES
        if sex != FEMALE or not low <= age <= high:
            return [
                problem(
                    "person",
                    QT_TRANSLATE_NOOP("Events", "Only for a woman aged {low}–{high} on the date of the event."),
                    low=low,
                    high=high,
                )
            ]
    elif kind == "newborn_screening" and age >= NEWBORN_MAX_AGE:
        return [
            problem(
                "person", QT_TRANSLATE_NOOP("Events", "Only for a child under 1 year old on the date of the screening.")
            )
        ]
    elif kind == "elderly_checkup" and age < ELDERLY_MIN_AGE:
        return [
            problem(
                "person",
                QT_TRANSLATE_NOOP("Events", "Only for someone aged {age} or over on the date of the check-up."),
                age=ELDERLY_MIN_AGE,
            )
        ]
    return []


def care_date_problems(on: date | None, birth: date, today: date, *, gone_on: date | None = None) -> list[FieldProblem]:
    """The event date: entered, not in the future, not before birth, not after death or moving out."""
    found = event_date_problems("event_date", on, today, not_before=birth)
    if not found and on is not None and gone_on is not None and on > gone_on:
        found.append(
            problem(
                "event_date",
                QT_TRANSLATE_NOOP("Events", "This date is after the person died or moved out ({date})."),
                date=gone_on.strftime("%d/%m/%Y"),
            )
        )
    return found


def _int_problems(field: str, value: object, low: int, high: int) -> list[FieldProblem]:
    if value is None:
        return []
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return [problem(field, QT_TRANSLATE_NOOP("Events", "Enter a number from {low} to {high}."), low=low, high=high)]
    return []


def care_details_problems(
    kind: str, details: dict[str, Any], methods: Any, *, conditions: Collection[str] = ()
) -> list[FieldProblem]:
    """The kind's own fields (see CARE_FIELDS); `methods` = the codes of the fp_methods table, `conditions`
    = the codes of the conditions this kind of screening names (`screening_conditions`)."""
    found: list[FieldProblem] = []
    unknown = set(details) - set(CARE_FIELDS[kind])
    if unknown:
        raise ValueError(f"unexpected details for {kind}: {sorted(unknown)}")
    if kind in FP_KINDS:
        method = details.get("method") or ""
        if not method:
            found.append(problem("method", QT_TRANSLATE_NOOP("Events", "Choose the contraceptive method.")))
        elif method not in set(methods):
            found.append(problem("method", QT_TRANSLATE_NOOP("Events", "Unknown method; choose one from the list.")))
    if kind == "pregnancy":
        if details.get("stage") not in PREGNANCY_STAGES:
            found.append(problem("stage", QT_TRANSLATE_NOOP("Events", "Choose what happened.")))
        found += _int_problems("pregnancy_no", details.get("pregnancy_no"), 1, PREGNANCY_MAX_NO)
    if kind == "prenatal_screening":
        found += _int_problems("week", details.get("week"), *GESTATION_WEEKS)
    if kind in SCREENING_OF:
        found += screening_problems(details.get("results"), conditions)
    if "done_at" in details:
        found += text_problems("done_at", str(details["done_at"]), required=False, max_len=ADDRESS_MAX)
    return found


def screening_problems(results: object, conditions: Collection[str]) -> list[FieldProblem]:
    """`results` maps condition codes to CONDITION_RESULTS: at least one, each a known condition and result."""
    if not isinstance(results, dict) or not results:
        return [
            problem(
                "results", QT_TRANSLATE_NOOP("Events", "Give the result of at least one condition that was screened.")
            )
        ]
    found: list[FieldProblem] = []
    for code, result in results.items():
        if code not in conditions:
            message = QT_TRANSLATE_NOOP(
                "Events", "“{condition}” is not a condition of this screening; choose the conditions from the list."
            )
            found.append(problem("results", message, condition=code))
        elif result not in CONDITION_RESULTS:
            message = QT_TRANSLATE_NOOP(
                "Events", "The result “{result}” is unknown; a condition screened is either normal or at high risk."
            )
            found.append(problem("results", message, result=result))
    return found


def screening_conditions(session: Session, kind: str) -> list[CodeDTO]:
    """The conditions a screening of `kind` names, in the table's order."""
    screening = SCREENING_OF[kind]
    return [
        CodeDTO(item.code, item.name_vi, item.name_en, item.sort_order)
        for item in reference.items(session, CONDITIONS_TABLE)
        if (item.extra or {}).get("screening") == screening
    ]


def condition_choices(profile: Profile, kind: str) -> list[CodeDTO]:
    """`screening_conditions` for a form, in a short transaction of its own."""
    with profile.sessions() as session:
        return screening_conditions(session, kind)


def condition_results(details: Mapping[str, Any]) -> dict[str, str]:
    """Condition code → result of the conditions screened; {} for a screening recorded with one overall result."""
    results = details.get("results")
    return {str(code): str(result) for code, result in results.items()} if isinstance(results, dict) else {}


def overall_result(details: Mapping[str, Any]) -> str:
    """The one result of a screening recorded before results were kept per condition; "" for any other."""
    value = details.get("result")
    return value if isinstance(value, str) and value in OVERALL_RESULTS else ""


# The details each care event may carry.
CARE_FIELDS: dict[str, tuple[str, ...]] = {
    "fp_start": ("method",),
    "fp_stop": ("method",),
    "pregnancy": ("stage", "pregnancy_no"),
    "prenatal_screening": ("week", "results", "done_at"),
    "newborn_screening": ("results", "done_at"),
    "elderly_checkup": ("done_at",),
}


def add_event(
    session: Session,
    *,
    kind: str,
    household_id: uuid.UUID,
    person_id: uuid.UUID | None,
    event_date: date,
    today: date,
    reporting_month: str | None = None,
    details: dict[str, Any] | None = None,
    notes: str = "",
) -> PopulationEvent:
    event = PopulationEvent(
        kind=kind,
        household_id=household_id,
        person_id=person_id,
        event_date=event_date,
        reporting_month=reporting_month or default_reporting_month(event_date, today),
        details=details or {},
        notes=notes.strip(),
    )
    session.add(event)
    return event


def event_dtos(
    session: Session, stmt: Select[PopulationEvent], names: dict[uuid.UUID, str] | None = None
) -> list[EventDTO]:
    events = session.scalars(stmt).all()
    kinds = reference.code_names(session, "population_event_kinds")
    names = dict(names or {})
    missing = {e.person_id for e in events if e.person_id and e.person_id not in names}
    if missing:
        names.update(session.execute(select(Person.id, Person.full_name).where(Person.id.in_(missing))).all())
    return [
        EventDTO(
            id=e.id,
            kind=e.kind,
            kind_name=kinds.get(e.kind, e.kind),
            household_id=e.household_id,
            person_id=e.person_id,
            person_name=names.get(e.person_id, "") if e.person_id else "",
            event_date=e.event_date,
            reporting_month=e.reporting_month,
            notes=e.notes,
            details=dict(e.details or {}),
        )
        for e in events
    ]


def for_month(session: Session, month: str) -> list[EventDTO]:
    return event_dtos(
        session,
        select(PopulationEvent)
        .where(PopulationEvent.reporting_month == month, live(PopulationEvent))
        .order_by(PopulationEvent.kind, PopulationEvent.event_date),
    )
