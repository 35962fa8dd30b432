"""Domestic-violence cases (Law 13/2022/QH15, Decree 76/2023): the acts, the case as the window shows it, closing.

The codes come from resources/reference: the acts of Art. 3.1 (dv_acts, each with its type), the
measures of Art. 22 (dv_measures), the receiving bodies (referral_bodies) and the relationship between
the people involved (dv_relationships). Measures and referrals are recorded in dv_measures. Every
function checks, through `cases.require_case`, that the user may change the household and read the
case's content.
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
from desktop.services.casework.cases import ART32_AGE, CLOSED, require_case
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
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


# Reading ###################################################################################


def view(profile: Profile, case_id: uuid.UUID) -> DvCaseView:
    """The acts, measures and referrals of a case, for users with the protection permission."""
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


# Acts ######################################################################################


def record_acts(profile: Profile, case_id: uuid.UUID, data: ActsInput) -> DvSummary:
    """Record what happened; the four types of violence follow from the acts."""
    with profile.sessions.begin() as session:
        case = require_dv(session, profile, case_id)
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
    for party in session.scalars(select(CaseParty).where(CaseParty.case_id == case.id, live(CaseParty))):
        if party.role != "perpetrator":  # the role is content: read on the row, not asked of SQL
            continue
        person = session.get(Person, party.person_id) if party.person_id else None
        years.append(person.birth_year if person else party.birth_year)
    if not years:
        return True  # nobody recorded yet: the collaborator decides
    adult_year = date.today().year - ART32_AGE
    return any(year is None or year <= adult_year for year in years)


def derived_types(session: Session, acts: list[str]) -> tuple[str, ...]:
    of_act = {item.code: item.extra.get("dv_type", "") for item in reference.items(session, ACTS)}
    wanted = {of_act.get(act, "") for act in acts}
    return tuple(item.code for item in reference.items(session, TYPES) if item.code in wanted)


def acts_problems(profile: Profile, data: ActsInput) -> list[FieldProblem]:
    """The problems `record_acts` would refuse, for validation as the user ticks."""
    with profile.sessions() as session:
        return _acts_problems(session, data)


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


def require_dv(session: Session, profile: Profile, case_id: uuid.UUID) -> SupportCase:
    """A domestic-violence case the user may change (see `cases.require_case`)."""
    case = require_case(session, profile.user, case_id, write=True)
    if case.kind != KIND:
        raise_if([problem("kind", QT_TRANSLATE_NOOP(CTX, "This is not a domestic-violence case."))])
    return case


def _codes(session: Session, table: str) -> list[str]:
    return [item.code for item in reference.codes(session, table)]
