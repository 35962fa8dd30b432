"""The two forms of a child-protection case a collaborator fills in (Decree 56/2017): the intake report
(Mẫu 01) and the review after the plan was carried out (Mẫu 06).

The intake records how the report came in and the child's and family's situation; the child's name,
birth date and sex are those of the register, and the reporter is one of the case's people (who may
stay anonymous). The review scores four things Cao / Trung bình / Thấp (risk_levels): how severe
the harm is, how easily the person who caused it reaches the child, what stands in the way in the
care environment, and the child's own capacity to protect themself and recover. The case cannot
reach its last step without a review; the case's risk level follows the review.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.casework import child
from desktop.services.casework.cases import RISK_TABLE, require_case
from desktop.services.profile.handle import Profile
from desktop.services.validation import (
    ADDRESS_MAX,
    NAME_MAX,
    NOTE_MAX,
    code_problems,
    event_date_problems,
    problem,
    raise_if,
    text_problems,
)

CTX = "ChildForms"
SOURCES, TARGETS = "child_report_sources", "child_intake_targets"
REVIEW_STEP = "monitoring"  # the review is written at the monitoring step, before the case is closed
PARENT_AGE_MIN, PARENT_AGE_MAX = 12, 110
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# Worst first, so the case's risk is the worst of the four scores.
RISK_ORDER = ("high", "medium", "low")
# A child who can protect themself well lowers the risk: capacity counts the other way round.
CAPACITY_AS_RISK = {"high": "low", "medium": "medium", "low": "high"}
SHORT_TEXT = ("place", "father_name", "father_job", "mother_name", "mother_job", "carer")
LONG_TEXT = ("situation", "consequences", "family_situation", "actions_taken")


@dataclass(frozen=True, slots=True)
class IntakeInput:
    """Mẫu 01 (Báo cáo tiếp nhận thông tin trẻ em…), part A."""

    source: str  # child_report_sources
    target: str  # child_intake_targets
    received_time: str = ""  # "HH:MM"; the day is the case's opening day
    place: str = ""  # where it happened
    situation: str = ""  # the child's situation now
    consequences: str = ""  # what may happen without help
    father_name: str = ""
    father_age: int | None = None
    father_job: str = ""
    mother_name: str = ""
    mother_age: int | None = None
    mother_job: str = ""
    family_situation: str = ""
    carer: str = ""  # who looks after the child now
    actions_taken: str = ""


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """Mẫu 06 (Rà soát, đánh giá tình trạng của trẻ em sau khi thực hiện kế hoạch…)."""

    reviewed_on: date
    harm: str  # risk_levels: how severe the harm is now
    access: str  # how easily the person who caused the harm reaches the child
    obstacles: str  # obstacles in the care environment
    capacity: str  # the child's capacity to protect themself and recover
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ReviewDTO:
    reviewed_on: date
    harm: str
    access: str
    obstacles: str
    capacity: str
    notes: str
    overall: str  # the worst of the four, capacity counted the other way round


# Intake ####################################################################################


def intake(profile: Profile, case_id: uuid.UUID) -> IntakeInput | None:
    """The intake report as recorded, or None before it is filled in."""
    with profile.sessions() as session:
        case = require_case(session, profile.user, case_id, write=False)
        saved = case.details.get("intake")
        return IntakeInput(**saved) if saved else None


def intake_problems(profile: Profile, data: IntakeInput) -> list[FieldProblem]:
    """What `record_intake` would refuse, as the intake tab shows it while the user types."""
    with profile.sessions() as session:
        return _intake_problems(session, data)


def _intake_problems(session: Session, data: IntakeInput) -> list[FieldProblem]:
    found = code_problems("source", data.source, reference.code_names(session, SOURCES))
    found += code_problems("target", data.target, reference.code_names(session, TARGETS))
    if data.received_time and not TIME_PATTERN.match(data.received_time):
        found.append(problem("received_time", QT_TRANSLATE_NOOP(CTX, "Write the time as hours:minutes, e.g. 08:30.")))
    for field in SHORT_TEXT:
        limit = NAME_MAX if field.endswith("name") or field == "carer" else ADDRESS_MAX
        found += text_problems(field, getattr(data, field), required=False, max_len=limit)
    for field in LONG_TEXT:
        found += text_problems(field, getattr(data, field), required=False, max_len=NOTE_MAX, multiline=True)
    for field in ("father_age", "mother_age"):
        age = getattr(data, field)
        if age is not None and not PARENT_AGE_MIN <= age <= PARENT_AGE_MAX:
            found.append(
                problem(
                    field,
                    QT_TRANSLATE_NOOP(CTX, "The age must be between {min} and {max}."),
                    min=PARENT_AGE_MIN,
                    max=PARENT_AGE_MAX,
                )
            )
    return found


def record_intake(profile: Profile, case_id: uuid.UUID, data: IntakeInput) -> None:
    """Write (or correct) the intake report of an open child-protection case."""
    with profile.sessions.begin() as session:
        case = child.require_child(session, profile, case_id)
        raise_if(_intake_problems(session, data))
        cleaned = {
            k: (" ".join(v.split()) if k in SHORT_TEXT else v.strip()) if isinstance(v, str) else v
            for k, v in asdict(data).items()
        }
        case.details = {**case.details, "intake": cleaned}


# Review ####################################################################################


def review(profile: Profile, case_id: uuid.UUID) -> ReviewDTO | None:
    with profile.sessions() as session:
        case = require_case(session, profile.user, case_id, write=False)
        saved = case.details.get("review")
        return _review_dto(saved) if saved else None


def review_problems(profile: Profile, data: ReviewInput, *, not_before: date) -> list[FieldProblem]:
    """What `record_review` would refuse (a review on or after `not_before`), as the user types."""
    with profile.sessions() as session:
        return _review_problems(session, data, not_before=not_before, today=profile.today())


def _review_problems(session: Session, data: ReviewInput, *, not_before: date, today: date) -> list[FieldProblem]:
    levels = reference.code_names(session, RISK_TABLE)
    found = event_date_problems("reviewed_on", data.reviewed_on, today, not_before=not_before)
    for field in ("harm", "access", "obstacles", "capacity"):
        found += code_problems(field, getattr(data, field), levels)
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    return found


def record_review(profile: Profile, case_id: uuid.UUID, data: ReviewInput) -> ReviewDTO:
    """Write the review once the case is being monitored; the case's risk level becomes its overall score."""
    with profile.sessions.begin() as session:
        case = child.require_child(session, profile, case_id)
        state = child.state_of(session, case)
        if state.stage != REVIEW_STEP:
            names = reference.code_names(session, child.STEPS)
            raise_if(
                [
                    problem(
                        "reviewed_on",
                        QT_TRANSLATE_NOOP(
                            CTX, "The review is written at the step “{step}”; move the case there first."
                        ),
                        step=names.get(REVIEW_STEP, REVIEW_STEP),
                    )
                ]
            )
        reached = state.reached.get(REVIEW_STEP, case.opened_on)
        raise_if(_review_problems(session, data, not_before=reached, today=profile.today()))
        saved = {**asdict(data), "reviewed_on": data.reviewed_on.isoformat(), "notes": data.notes.strip()}
        case.details = {**case.details, "review": saved}
        result = _review_dto(saved)
        case.risk_level = result.overall
        return result


def overall_risk(harm: str, access: str, obstacles: str, capacity: str) -> str:
    scores = (harm, access, obstacles, CAPACITY_AS_RISK.get(capacity, capacity))
    return min(scores, key=lambda level: RISK_ORDER.index(level) if level in RISK_ORDER else len(RISK_ORDER))


def _review_dto(saved: dict[str, str]) -> ReviewDTO:
    scores = {k: saved[k] for k in ("harm", "access", "obstacles", "capacity")}
    return ReviewDTO(
        reviewed_on=date.fromisoformat(saved["reviewed_on"]),
        notes=saved.get("notes", ""),
        overall=overall_risk(**scores),
        **scores,
    )
