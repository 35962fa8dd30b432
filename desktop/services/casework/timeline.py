"""A case's timeline: what the user wrote (notes, support given, mediation, monitoring visits) beside
what the case's own records say happened (opened, steps, measures, referrals, plan items, closed).

Which entries a case may have comes from case_action_kinds (mediation for domestic violence, monitoring
visits for child protection, notes and support for every kind); how a mediation ended or how a child
is doing, from case_action_results. An entry with a follow-up day is a task until a later entry is
written (desktop.services.casework.tasks).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.casework import CaseAction, CaseMeasure, CasePlanItem, CaseReferral, SupportCase
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.casework.cases import CLOSED, KIND_TABLE, require_case
from desktop.services.dto import CodeDTO
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import NOTE_MAX, code_problems, event_date_problems, problem, raise_if, text_problems

CTX = "CaseActions"
KINDS, RESULTS = "case_action_kinds", "case_action_results"
# Kinds where what was done is the whole entry, so the notes cannot be empty.
NOTES_REQUIRED = ("note", "support")
FOLLOW_UP_MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class ActionInput:
    kind: str
    done_on: date
    notes: str = ""
    result: str = ""  # required where the kind has results (mediation, monitoring visit)
    follow_up_on: date | None = None


@dataclass(frozen=True, slots=True)
class ActionDTO:
    id: uuid.UUID
    kind: str
    done_on: date
    result: str
    notes: str
    follow_up_on: date | None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated line of the timeline. `what` says which record it comes from; `code` is a code of
    `table` (a measure, a body, a step…), `result` a code of case_action_results or a status."""

    on: date
    what: str  # opened | step | measure | referral | referral_status | plan_item | action | review | closed
    code: str = ""
    table: str = ""
    result: str = ""
    notes: str = ""


# Reading ###################################################################################


def kinds_for(session: Session, case_kind: str) -> list[CodeDTO]:
    """The entries a case of `case_kind` may have, in the table's order."""
    return [
        CodeDTO(item.code, item.name_vi, item.name_en, item.sort_order)
        for item in reference.items(session, KINDS)
        if case_kind in str(item.extra.get("case_kinds", "")).split() or not item.extra.get("case_kinds")
    ]


def results_for(session: Session, kind: str) -> list[CodeDTO]:
    """How an entry of `kind` may end; empty where the kind has no result."""
    return [
        CodeDTO(item.code, item.name_vi, item.name_en, item.sort_order)
        for item in reference.items(session, RESULTS)
        if item.extra.get("action") == kind
    ]


def actions(profile: Profile, case_id: uuid.UUID) -> list[ActionDTO]:
    """The entries the users wrote, latest first."""
    with profile.sessions() as session:
        require_case(session, profile.user, case_id, write=False)
        return [_dto(row) for row in _rows(session, case_id)]


def timeline(profile: Profile, case_id: uuid.UUID) -> list[TimelineEntry]:
    """Everything dated in the case, latest first; for users with the protection permission."""
    with profile.sessions() as session:
        case = require_case(session, profile.user, case_id, write=False)
        entries = [
            *_case_entries(case),
            *_measure_entries(session, case_id),
            *_referral_entries(session, case_id),
            *_plan_entries(session, case_id),
            *(TimelineEntry(a.done_on, "action", a.kind, KINDS, a.result, a.notes) for a in _rows(session, case_id)),
        ]
    # Stable: on one day, entries keep the order they were built in (opened before what followed).
    entries.sort(key=lambda entry: entry.on)
    return entries[::-1]


def _case_entries(case: SupportCase) -> list[TimelineEntry]:
    entries = [TimelineEntry(case.opened_on, "opened", case.kind, KIND_TABLE, notes=case.summary)]
    steps = case.details.get("steps", {})
    entries += [
        TimelineEntry(date.fromisoformat(day), "step", code, "child_case_steps")
        for code, day in sorted(steps.items(), key=lambda item: item[1])
        if code not in ("received", CLOSED)  # the first is the opening, the last the closing
    ]
    review = case.details.get("review")
    if review:
        entries.append(
            TimelineEntry(date.fromisoformat(review["reviewed_on"]), "review", notes=review.get("notes", ""))
        )
    if case.state == CLOSED and case.closed_on is not None:
        entries.append(TimelineEntry(case.closed_on, "closed", notes=str(case.details.get("outcome", ""))))
    return entries


def _measure_entries(session: Session, case_id: uuid.UUID) -> list[TimelineEntry]:
    rows = session.scalars(select(CaseMeasure).where(CaseMeasure.case_id == case_id, live(CaseMeasure)))
    return [TimelineEntry(m.decided_on, "measure", m.measure, "dv_measures", notes=m.decision_no) for m in rows]


def _referral_entries(session: Session, case_id: uuid.UUID) -> list[TimelineEntry]:
    rows = session.scalars(select(CaseReferral).where(CaseReferral.case_id == case_id, live(CaseReferral)))
    entries: list[TimelineEntry] = []
    for r in rows:
        entries.append(TimelineEntry(r.sent_on, "referral", r.body, "referral_bodies", "sent", r.notes))
        if r.status != "sent":  # only the latest change of status is kept
            entries.append(TimelineEntry(r.status_on, "referral_status", r.body, "referral_bodies", r.status))
    return entries


def _plan_entries(session: Session, case_id: uuid.UUID) -> list[TimelineEntry]:
    rows = session.scalars(
        select(CasePlanItem).where(
            CasePlanItem.case_id == case_id,
            live(CasePlanItem),
            CasePlanItem.status_on.is_not(None),
        )
    )
    return [TimelineEntry(i.status_on, "plan_item", result=i.status, notes=i.action) for i in rows if i.status_on]


def _rows(session: Session, case_id: uuid.UUID) -> list[CaseAction]:
    return list(
        session.scalars(
            select(CaseAction)
            .where(CaseAction.case_id == case_id, live(CaseAction))
            .order_by(CaseAction.done_on.desc(), CaseAction.created_at.desc())
        )
    )


def _dto(row: CaseAction) -> ActionDTO:
    return ActionDTO(row.id, row.kind, row.done_on, row.result, row.notes, row.follow_up_on)


# Writing ###################################################################################


def input_problems(profile: Profile, data: ActionInput, *, case_kind: str, opened_on: date) -> list[FieldProblem]:
    """What writing `data` in a case of `case_kind` opened on `opened_on` would refuse, as the user types."""
    with profile.sessions() as session:
        return _input_problems(session, data, case_kind=case_kind, opened_on=opened_on, today=profile.today())


def entry_choices(profile: Profile, case_kind: str) -> tuple[list[CodeDTO], dict[str, list[CodeDTO]]]:
    """The kinds of entry a case of `case_kind` takes, and the results each kind offers."""
    with profile.sessions() as session:
        kinds = kinds_for(session, case_kind)
        return kinds, {kind.code: results_for(session, kind.code) for kind in kinds}


def _input_problems(
    session: Session, data: ActionInput, *, case_kind: str, opened_on: date, today: date
) -> list[FieldProblem]:
    """What `record` would refuse, for validation as the user types."""
    found = code_problems("kind", data.kind, [k.code for k in kinds_for(session, case_kind)])
    found += event_date_problems("done_on", data.done_on, today, not_before=opened_on)
    results = [r.code for r in results_for(session, data.kind)]
    if results:
        found += code_problems("result", data.result, results)
    elif data.result:
        found.append(problem("result", QT_TRANSLATE_NOOP(CTX, "This kind of entry has no result.")))
    required = data.kind in NOTES_REQUIRED
    found += text_problems("notes", data.notes, required=required, max_len=NOTE_MAX, multiline=True)
    found += _follow_up_problems(data)
    return found


def record(profile: Profile, case_id: uuid.UUID, data: ActionInput) -> uuid.UUID:
    """Add an entry to the case's timeline (the case must be open)."""
    with profile.sessions.begin() as session:
        case = require_case(session, profile.user, case_id, write=True)
        raise_if(_input_problems(session, data, case_kind=case.kind, opened_on=case.opened_on, today=profile.today()))
        row = CaseAction(
            case_id=case_id,
            kind=data.kind,
            done_on=data.done_on,
            result=data.result,
            notes=data.notes.strip(),
            follow_up_on=data.follow_up_on,
        )
        session.add(row)
        session.flush()
        return row.id


def _follow_up_problems(data: ActionInput) -> list[FieldProblem]:
    if data.follow_up_on is None:
        return []
    if data.follow_up_on <= data.done_on:
        return [
            problem("follow_up_on", QT_TRANSLATE_NOOP(CTX, "The follow-up day must be after the day of the entry."))
        ]
    if data.follow_up_on > data.done_on + timedelta(days=FOLLOW_UP_MAX_DAYS):
        return [problem("follow_up_on", QT_TRANSLATE_NOOP(CTX, "The follow-up day must be within a year."))]
    return []
