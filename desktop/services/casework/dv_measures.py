"""What is done in a domestic-violence case: measures of Art. 22 and referrals to other bodies.

A measure comes with its decision; a no-contact order is held to the law's limits (dv_measures: at
most `max_days` days per decision, at least `min_distance_m` metres). A referral sends the case to a
receiving body (referral_bodies); its status moves sent → received → done, or declined at either step.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from db.models.casework import CaseMeasure, CaseReferral
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.casework.cases import require_case
from desktop.services.casework.dv import BODIES, MEASURES, NEXT_STATUS, require_dv
from desktop.services.profile.handle import Profile
from desktop.services.rows import live_row
from desktop.services.validation import (
    NOTE_MAX,
    code_problems,
    event_date_problems,
    problem,
    raise_if,
    text_problems,
)

CTX = "DomesticViolence"


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
class MeasureLimits:
    """The law's limits of a measure (a no-contact order has both); None where there is none."""

    max_days: int | None
    min_distance_m: int | None


# Measures ##################################################################################


def measure_limits(session: Session) -> dict[str, MeasureLimits]:
    def number(value: object) -> int | None:
        return int(str(value)) if value not in (None, "") else None

    return {
        item.code: MeasureLimits(number(item.extra.get("max_days")), number(item.extra.get("min_distance_m")))
        for item in reference.items(session, MEASURES)
    }


def measure_problems(profile: Profile, data: MeasureInput) -> list[FieldProblem]:
    """The problems `apply_measure` would refuse (the no-contact limits included), as the user types."""
    with profile.sessions() as session:
        return _measure_problems(session, data, profile.today())


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


def apply_measure(profile: Profile, case_id: uuid.UUID, data: MeasureInput) -> uuid.UUID:
    """A measure of Art. 22 with its decision. A no-contact order is held to the law's limits."""
    with profile.sessions.begin() as session:
        require_dv(session, profile, case_id)
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
        found = code_problems("body", body, reference.code_names(session, BODIES))
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
