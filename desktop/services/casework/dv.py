"""Domestic-violence cases (Law 13/2022/QH15, Decree 76/2023): acts, measures, referrals, closing.

The codes come from resources/reference: the acts of Art. 3.1 (dv_acts, each with its type), the
measures of Art. 22 (dv_measures, with the limits of a no-contact order: at most `max_days` days per
decision, at least `min_distance_m` metres), the receiving bodies (referral_bodies) and the
relationship between the people involved (dv_relationships). Every function checks, through
`cases.require_case`, that the user may change the household and read the case's content.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.casework import CaseMeasure, CaseParty, CaseReferral, SupportCase
from db.models.register import Person
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.casework.cases import ADULT_AGE, CLOSED, require_case
from desktop.services.profile.handle import Profile
from desktop.services.rows import live, live_row
from desktop.services.validation import (
    NOTE_MAX,
    code_problems,
    event_date_problems,
    problem,
    raise_if,
    text_problems,
)

CTX = "DomesticViolence"
KIND = "domestic_violence"
ACTS, TYPES, MEASURES = "dv_acts", "dv_types", "dv_measures"
RELATIONSHIPS, BODIES = "dv_relationships", "referral_bodies"
RECURRENCE_MAX = 366
# Art. 32.1.a: community criticism is for violence repeated at least this often in 12 months by someone
# not sanctioned for it; Art. 32.1.b: or for anyone who goes on after an administrative sanction.
CRITICISM_RECURRENCE = 2
# Where a referral may go next; "sent" is where every referral starts.
NEXT_STATUS = {"sent": ("received", "declined"), "received": ("done", "declined")}


@dataclass(frozen=True, slots=True)
class ActsInput:
    acts: tuple[str, ...]
    relationship_context: str
    harm: str = ""
    recurrence_12m: int = 0
    sanctioned_before: bool = False  # an administrative sanction for domestic violence was imposed before


@dataclass(frozen=True, slots=True)
class MeasureInput:
    measure: str
    decided_on: date
    decision_no: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    distance_m: int | None = None
    supervisor: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DvSummary:
    types: tuple[str, ...]  # dv_types codes derived from the acts, in the table's order
    criticism_eligible: bool  # Art. 32: repeated, or after a sanction, by a perpetrator who may be 18 or older


@dataclass(frozen=True, slots=True)
class MeasureDTO:
    id: uuid.UUID
    measure: str
    decided_on: date
    decision_no: str
    starts_on: date | None
    ends_on: date | None
    distance_m: int | None
    supervisor: str
    notes: str


@dataclass(frozen=True, slots=True)
class ReferralDTO:
    id: uuid.UUID
    body: str
    status: str
    sent_on: date
    status_on: date
    notes: str

    @property
    def next_statuses(self) -> tuple[str, ...]:
        return NEXT_STATUS.get(self.status, ())


@dataclass(frozen=True, slots=True)
class DvCaseView:
    """What the case window shows of a domestic-violence case, beside `cases.CaseDetail`."""

    acts: tuple[str, ...]
    relationship_context: str
    harm: str
    recurrence_12m: int
    sanctioned_before: bool
    summary: DvSummary
    measures: tuple[MeasureDTO, ...]  # latest decision first
    referrals: tuple[ReferralDTO, ...]  # latest first


@dataclass(frozen=True, slots=True)
class MeasureLimits:
    """The law's limits of a measure (a no-contact order has both); None where there is none."""

    max_days: int | None
    min_distance_m: int | None


# Reading ###################################################################################


def view(profile: Profile, case_id: uuid.UUID) -> DvCaseView:
    """The acts, measures and referrals of a case, for its owner and users with the protection permission."""
    with profile.sessions() as session:
        case = require_case(session, profile.user, case_id, write=False)
        measures = session.scalars(
            select(CaseMeasure)
            .where(CaseMeasure.case_id == case_id, live(CaseMeasure))
            .order_by(CaseMeasure.decided_on.desc(), CaseMeasure.created_at.desc())
        )
        referrals = session.scalars(
            select(CaseReferral)
            .where(CaseReferral.case_id == case_id, live(CaseReferral))
            .order_by(CaseReferral.sent_on.desc(), CaseReferral.created_at.desc())
        )
        return DvCaseView(
            acts=tuple(case.acts),
            relationship_context=case.relationship_context,
            harm=case.harm,
            recurrence_12m=case.recurrence_12m,
            sanctioned_before=bool(case.details.get("sanctioned_before", False)),
            summary=summary_of(session, case),
            measures=tuple(
                MeasureDTO(
                    m.id,
                    m.measure,
                    m.decided_on,
                    m.decision_no,
                    m.starts_on,
                    m.ends_on,
                    m.distance_m,
                    m.supervisor,
                    m.notes,
                )
                for m in measures
            ),
            referrals=tuple(ReferralDTO(r.id, r.body, r.status, r.sent_on, r.status_on, r.notes) for r in referrals),
        )


def act_types(session: Session) -> dict[str, str]:
    """The type of violence (dv_types code) of each act of Art. 3.1."""
    return {item.code: str(item.extra.get("dv_type", "")) for item in reference.items(session, ACTS)}


def measure_limits(session: Session) -> dict[str, MeasureLimits]:
    def number(value: object) -> int | None:
        return int(str(value)) if value not in (None, "") else None

    return {
        item.code: MeasureLimits(number(item.extra.get("max_days")), number(item.extra.get("min_distance_m")))
        for item in reference.items(session, MEASURES)
    }


def acts_problems(session: Session, data: ActsInput) -> list[FieldProblem]:
    """The problems `record_acts` would refuse, for validation as the user ticks."""
    return _acts_problems(session, data)


def measure_problems(session: Session, data: MeasureInput, today: date) -> list[FieldProblem]:
    """The problems `apply_measure` would refuse (the no-contact limits included), as the user types."""
    return _measure_problems(session, data, today)


# Acts ######################################################################################


def record_acts(profile: Profile, case_id: uuid.UUID, data: ActsInput) -> DvSummary:
    """Record what happened; the four types of violence follow from the acts."""
    with profile.sessions.begin() as session:
        case = _require_dv(session, profile, case_id)
        raise_if(_acts_problems(session, data))
        case.acts = sorted(set(data.acts), key=_act_order(session).__getitem__)
        case.relationship_context = data.relationship_context
        case.harm = data.harm.strip()
        case.recurrence_12m = data.recurrence_12m
        case.details = {**case.details, "sanctioned_before": data.sanctioned_before}
        return summary_of(session, case)


def summary_of(session: Session, case: SupportCase) -> DvSummary:
    types = derived_types(session, case.acts)
    return DvSummary(types, criticism_applies(case) and _perpetrator_may_be_adult(session, case))


def criticism_applies(case: SupportCase) -> bool:
    """Art. 32.1: violence at least twice in 12 months by someone not sanctioned for it (a), or violence
    again after an administrative sanction (b). The age condition is checked separately."""
    if case.details.get("sanctioned_before"):
        return bool(case.acts)
    return case.recurrence_12m >= CRITICISM_RECURRENCE


def _perpetrator_may_be_adult(session: Session, case: SupportCase) -> bool:
    """Art. 32 is for perpetrators of 18 or more: False only when every one recorded is known to be younger."""
    years: list[int | None] = []
    for party in session.scalars(
        select(CaseParty).where(CaseParty.case_id == case.id, CaseParty.role == "perpetrator", live(CaseParty))
    ):
        person = session.get(Person, party.person_id) if party.person_id else None
        years.append(person.birth_year if person else party.birth_year)
    if not years:
        return True  # nobody recorded yet: the collaborator decides
    adult_year = date.today().year - ADULT_AGE
    return any(year is None or year <= adult_year for year in years)


def derived_types(session: Session, acts: list[str]) -> tuple[str, ...]:
    of_act = {item.code: item.extra.get("dv_type", "") for item in reference.items(session, ACTS)}
    wanted = {of_act.get(act, "") for act in acts}
    return tuple(item.code for item in reference.items(session, TYPES) if item.code in wanted)


def _acts_problems(session: Session, data: ActsInput) -> list[FieldProblem]:
    found: list[FieldProblem] = []
    known = set(_act_order(session))
    if not data.acts:
        found.append(problem("acts", QT_TRANSLATE_NOOP(CTX, "Tick at least one act of violence.")))
    elif not set(data.acts) <= known:
        found.append(problem("acts", QT_TRANSLATE_NOOP(CTX, "Unknown act; choose from the list of the law.")))
    found += code_problems("relationship_context", data.relationship_context, _codes(session, RELATIONSHIPS))
    found += text_problems("harm", data.harm, required=False, max_len=200)
    if not 0 <= data.recurrence_12m <= RECURRENCE_MAX:
        found.append(
            problem(
                "recurrence_12m",
                QT_TRANSLATE_NOOP(CTX, "The number of times in the last 12 months must be between 0 and {max}."),
                max=RECURRENCE_MAX,
            )
        )
    return found


def _act_order(session: Session) -> dict[str, int]:
    return {item.code: item.sort_order for item in reference.items(session, ACTS)}


# Measures ##################################################################################


def apply_measure(profile: Profile, case_id: uuid.UUID, data: MeasureInput) -> uuid.UUID:
    """A measure of Art. 22 with its decision. A no-contact order is held to the law's limits."""
    with profile.sessions.begin() as session:
        _require_dv(session, profile, case_id)
        raise_if(_measure_problems(session, data, profile.today()))
        row = CaseMeasure(
            case_id=case_id,
            measure=data.measure,
            decision_no=data.decision_no.strip(),
            decided_on=data.decided_on,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            distance_m=data.distance_m,
            supervisor=" ".join(data.supervisor.split()),
            notes=data.notes.strip(),
        )
        session.add(row)
        session.flush()
        return row.id


def _measure_problems(session: Session, data: MeasureInput, today: date) -> list[FieldProblem]:
    limits = {item.code: item.extra for item in reference.items(session, MEASURES)}
    found = code_problems("measure", data.measure, limits)
    found += event_date_problems("decided_on", data.decided_on, today)
    found += text_problems("decision_no", data.decision_no, required=False, max_len=60)
    found += text_problems("supervisor", data.supervisor, required=False, max_len=100)
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    if found or data.measure not in limits:
        return found
    extra = limits[data.measure]
    if extra.get("max_days"):
        found += _period_problems(data, int(extra["max_days"]))
    if extra.get("min_distance_m"):
        found += _distance_problems(data, int(extra["min_distance_m"]))
    return found


def _period_problems(data: MeasureInput, max_days: int) -> list[FieldProblem]:
    if data.starts_on is None or data.ends_on is None:
        return [problem("ends_on", QT_TRANSLATE_NOOP(CTX, "Enter the first and the last day of the order."))]
    if data.ends_on < data.starts_on:
        return [problem("ends_on", QT_TRANSLATE_NOOP(CTX, "The last day is before the first day."))]
    if data.starts_on < data.decided_on:
        return [problem("starts_on", QT_TRANSLATE_NOOP(CTX, "The order cannot start before it was decided."))]
    days = (data.ends_on - data.starts_on).days + 1
    if days > max_days:
        return [
            problem(
                "ends_on",
                QT_TRANSLATE_NOOP(
                    CTX,
                    "A no-contact order lasts at most {max} days per decision (Art. 25 of the Law on domestic "
                    "violence); this one lasts {days}. To go on, record a new decision when it ends.",
                ),
                max=max_days,
                days=days,
            )
        ]
    return []


def _distance_problems(data: MeasureInput, min_distance: int) -> list[FieldProblem]:
    if data.distance_m is None or data.distance_m < min_distance:
        return [
            problem(
                "distance_m",
                QT_TRANSLATE_NOOP(CTX, "The person must stay at least {min} m away (Decree 76/2023)."),
                min=min_distance,
            )
        ]
    return []


# Referrals #################################################################################


def refer(profile: Profile, case_id: uuid.UUID, *, body: str, sent_on: date, notes: str = "") -> uuid.UUID:
    """Send the case to a receiving body (commune police, health station, …); its status starts at "sent"."""
    with profile.sessions.begin() as session:
        require_case(session, profile.user, case_id, write=True)
        found = code_problems("body", body, _codes(session, BODIES))
        found += event_date_problems("sent_on", sent_on, profile.today())
        found += text_problems("notes", notes, required=False, max_len=NOTE_MAX, multiline=True)
        raise_if(found)
        row = CaseReferral(case_id=case_id, body=body, status="sent", sent_on=sent_on, status_on=sent_on, notes=notes)
        session.add(row)
        session.flush()
        return row.id


def update_referral(profile: Profile, referral_id: uuid.UUID, *, status: str, on: date) -> None:
    """sent → received → done, or declined at either step; never backwards."""
    with profile.sessions.begin() as session:
        row = live_row(session, CaseReferral, referral_id, QT_TRANSLATE_NOOP(CTX, "This referral no longer exists."))
        require_case(session, profile.user, row.case_id, write=True)
        allowed = NEXT_STATUS.get(row.status, ())
        found = [] if status in allowed else [_status_problem(row.status)]
        found += event_date_problems("on", on, profile.today(), not_before=row.status_on)
        raise_if(found)
        row.status, row.status_on = status, on


def _status_problem(current: str) -> FieldProblem:
    if current in ("done", "declined"):
        return problem("status", QT_TRANSLATE_NOOP(CTX, "This referral is finished; its status cannot change."))
    return problem("status", QT_TRANSLATE_NOOP(CTX, "A referral goes from sent to received, then done or declined."))


# Closing ###################################################################################


def close_case(profile: Profile, case_id: uuid.UUID, *, on: date, outcome: str) -> None:
    with profile.sessions.begin() as session:
        case = require_case(session, profile.user, case_id, write=True)
        found = event_date_problems("closed_on", on, profile.today(), not_before=case.opened_on)
        found += text_problems("outcome", outcome, required=True, max_len=NOTE_MAX, multiline=True)
        raise_if(found)
        case.state, case.closed_on = CLOSED, on
        case.details = {**case.details, "outcome": outcome.strip()}


# Helpers ###################################################################################


def _require_dv(session: Session, profile: Profile, case_id: uuid.UUID) -> SupportCase:
    case = require_case(session, profile.user, case_id, write=True)
    if case.kind != KIND:
        raise_if([problem("kind", QT_TRANSLATE_NOOP(CTX, "This is not a domestic-violence case."))])
    return case


def _codes(session: Session, table: str) -> list[str]:
    return [item.code for item in reference.codes(session, table)]
