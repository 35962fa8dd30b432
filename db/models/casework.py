"""Support cases and what is done in them, and the task list's own rows (manual tasks, task states).

Each model of case content lists in `__audit_shown__` the columns anyone may read (ids, dates, the owner
and the case's state). Every other column is content, stored sealed under the protection key (db/sealed.py):
a `sealed_<name>` column holds the ciphertext and a `SealedField` of the plain name the value, for a session
that holds the key. The audit log says only that content changed (db/audit.py).
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, LargeBinary, String, Text, Uuid, event
from sqlalchemy.orm import Mapped, mapped_column

from db.base import ADDRESS_MAX, Base, SyncedMixin
from db.sealed import PLAIN_JSON, UUID, SealedField, forget_opened


def _none() -> None:
    return None


def _sent() -> str:
    return "sent"


def _planned() -> str:
    return "planned"


class SupportCase(SyncedMixin, Base):
    """A support case (domestic violence, child protection, other) opened for a household or person.

    Everything but the household, the owner, the state and the dates is the case's content, sealed for
    users with the protection permission (architecture.md §6). Everyone else learns that a case exists for
    the household, who owns it, its state and its dates.
    """

    __tablename__ = "support_cases"
    # The audit log, read by officers and sent to the hub, names only these; the rest is content.
    __audit_shown__ = frozenset({"household_id", "owner_id", "opened_on", "state", "closed_on"})
    sealed_kind: Mapped[bytes] = mapped_column("kind", LargeBinary)
    kind = SealedField(PLAIN_JSON, str)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    sealed_person_id: Mapped[bytes] = mapped_column("person_id", LargeBinary)
    person_id = SealedField(UUID, _none)
    # A directory id (db/models/directory.py), not a name: names change and repeat across devices. No
    # foreign key: a synced row may arrive before its owner's directory row does.
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    sealed_summary: Mapped[bytes] = mapped_column("summary", LargeBinary)
    summary = SealedField(PLAIN_JSON, str)
    sealed_details: Mapped[bytes] = mapped_column("details", LargeBinary)
    details = SealedField(PLAIN_JSON, dict)
    sealed_risk_level: Mapped[bytes] = mapped_column("risk_level", LargeBinary)
    risk_level = SealedField(PLAIN_JSON, str)  # high | medium | low
    sealed_consent: Mapped[bytes] = mapped_column("consent", LargeBinary)
    consent = SealedField(PLAIN_JSON, bool)  # the person agreed to be helped
    # Domestic violence: the acts of Art. 3.1 (codes of dv_acts), the relationship, harm, recurrence.
    sealed_acts: Mapped[bytes] = mapped_column("acts", LargeBinary)
    acts = SealedField(PLAIN_JSON, list)
    sealed_relationship_context: Mapped[bytes] = mapped_column("relationship_context", LargeBinary)
    relationship_context = SealedField(PLAIN_JSON, str)
    sealed_harm: Mapped[bytes] = mapped_column("harm", LargeBinary)
    harm = SealedField(PLAIN_JSON, str)
    sealed_recurrence_12m: Mapped[bytes] = mapped_column("recurrence_12m", LargeBinary)
    recurrence_12m = SealedField(PLAIN_JSON, int)
    # Child protection: the groups of Art. 10 (codes of child_groups) and the step of Decree 56/2017.
    sealed_groups: Mapped[bytes] = mapped_column("groups", LargeBinary)
    groups = SealedField(PLAIN_JSON, list)
    sealed_stage: Mapped[bytes] = mapped_column("stage", LargeBinary)
    stage = SealedField(PLAIN_JSON, str)


class CaseMeasure(SyncedMixin, Base):
    """A measure of Art. 22 applied in a domestic-violence case, with its decision."""

    __tablename__ = "case_measures"
    __audit_shown__ = frozenset({"case_id", "decided_on", "starts_on", "ends_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    sealed_measure: Mapped[bytes] = mapped_column("measure", LargeBinary)
    measure = SealedField(PLAIN_JSON, str)
    sealed_decision_no: Mapped[bytes] = mapped_column("decision_no", LargeBinary)
    decision_no = SealedField(PLAIN_JSON, str)
    decided_on: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    sealed_distance_m: Mapped[bytes] = mapped_column("distance_m", LargeBinary)
    distance_m = SealedField(PLAIN_JSON, _none)
    sealed_supervisor: Mapped[bytes] = mapped_column("supervisor", LargeBinary)
    supervisor = SealedField(PLAIN_JSON, str)
    sealed_notes: Mapped[bytes] = mapped_column("notes", LargeBinary)
    notes = SealedField(PLAIN_JSON, str)


class CaseReferral(SyncedMixin, Base):
    """A case sent to another body; its status moves sent → received → done or declined."""

    __tablename__ = "case_referrals"
    __audit_shown__ = frozenset({"case_id", "sent_on", "status_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    sealed_body: Mapped[bytes] = mapped_column("body", LargeBinary)
    body = SealedField(PLAIN_JSON, str)
    sealed_status: Mapped[bytes] = mapped_column("status", LargeBinary)
    status = SealedField(PLAIN_JSON, _sent)
    sent_on: Mapped[date] = mapped_column(Date)
    status_on: Mapped[date] = mapped_column(Date)
    sealed_notes: Mapped[bytes] = mapped_column("notes", LargeBinary)
    notes = SealedField(PLAIN_JSON, str)


class CaseParty(SyncedMixin, Base):
    """Someone in a support case: a victim, a person who caused harm, a carer, or the reporter.

    A person of the register is linked by `person_id`; anyone else is named in `name`. Only a reporter
    may stay anonymous (no person, no name). All of it is case content (see SupportCase).
    """

    __tablename__ = "case_parties"
    __audit_shown__ = frozenset({"case_id"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    sealed_role: Mapped[bytes] = mapped_column("role", LargeBinary)
    role = SealedField(PLAIN_JSON, str)  # victim | perpetrator | carer | reporter
    sealed_person_id: Mapped[bytes] = mapped_column("person_id", LargeBinary)
    person_id = SealedField(UUID, _none)
    sealed_name: Mapped[bytes] = mapped_column("name", LargeBinary)
    name = SealedField(PLAIN_JSON, str)
    sealed_sex: Mapped[bytes] = mapped_column("sex", LargeBinary)
    sex = SealedField(PLAIN_JSON, str)
    sealed_birth_year: Mapped[bytes] = mapped_column("birth_year", LargeBinary)
    birth_year = SealedField(PLAIN_JSON, _none)
    sealed_anonymous: Mapped[bytes] = mapped_column("anonymous", LargeBinary)
    anonymous = SealedField(PLAIN_JSON, bool)
    sealed_relationship: Mapped[bytes] = mapped_column("relationship", LargeBinary)
    relationship = SealedField(PLAIN_JSON, str)  # to the victim, in words
    sealed_contact: Mapped[bytes] = mapped_column("contact", LargeBinary)
    contact = SealedField(PLAIN_JSON, str)  # a reporter's phone or address
    sealed_notes: Mapped[bytes] = mapped_column("notes", LargeBinary)
    notes = SealedField(PLAIN_JSON, str)


class CasePlanItem(SyncedMixin, Base):
    """One line of a child's support plan (Decree 56/2017, Mẫu 04): who does what by when, and its status."""

    __tablename__ = "case_plan_items"
    __audit_shown__ = frozenset({"case_id", "due_on", "status_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    sealed_action: Mapped[bytes] = mapped_column("action", LargeBinary)
    action = SealedField(PLAIN_JSON, str)
    sealed_responsible: Mapped[bytes] = mapped_column("responsible", LargeBinary)
    responsible = SealedField(PLAIN_JSON, str)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    sealed_status: Mapped[bytes] = mapped_column("status", LargeBinary)
    status = SealedField(PLAIN_JSON, _planned)  # planned | done | dropped
    status_on: Mapped[date | None] = mapped_column(Date, default=None)
    sealed_notes: Mapped[bytes] = mapped_column("notes", LargeBinary)
    notes = SealedField(PLAIN_JSON, str)


class CaseAction(SyncedMixin, Base):
    """A dated entry of a case's timeline written by the user: a note, support given, a mediation
    session (domestic violence) or a monitoring visit (child protection, Decree 56/2017 step 6).

    `kind` is a code of case_action_kinds, `result` one of case_action_results for that kind (how the
    mediation ended, how the child is doing). A `follow_up_on` day puts a task on the list.
    """

    __tablename__ = "case_actions"
    __audit_shown__ = frozenset({"case_id", "done_on", "follow_up_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    sealed_kind: Mapped[bytes] = mapped_column("kind", LargeBinary)
    kind = SealedField(PLAIN_JSON, str)
    done_on: Mapped[date] = mapped_column(Date)
    sealed_result: Mapped[bytes] = mapped_column("result", LargeBinary)
    result = SealedField(PLAIN_JSON, str)
    sealed_notes: Mapped[bytes] = mapped_column("notes", LargeBinary)
    notes = SealedField(PLAIN_JSON, str)
    follow_up_on: Mapped[date | None] = mapped_column(Date, index=True, default=None)


class ManualTask(SyncedMixin, Base):
    """A task the user wrote themselves ("mang thuốc cho cụ Lành"), beside those computed from the data."""

    __tablename__ = "manual_tasks"
    title: Mapped[str] = mapped_column(String(ADDRESS_MAX))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("households.id"), index=True, default=None)
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)  # a directory id, as a case's
    notes: Mapped[str] = mapped_column(Text, default="")


TASK_STATE_NAMESPACE = uuid.UUID("5cbd764c-b321-4134-94c6-23d96398d196")


def task_state_id(task_key: str) -> uuid.UUID:
    """The id of the state of the task named `task_key`, the same on every device."""
    return uuid.uuid5(TASK_STATE_NAMESPACE, task_key)


class TaskState(SyncedMixin, Base):
    """What the user did with a task: done, or snoozed until a day with a reason.

    `task_key` names the task as the task list computes it (e.g. "measure_end:<measure id>"), so a
    computed task can be done or snoozed without being stored itself.

    The id is always `task_state_id(task_key)`: two laptops of a commune that handle the same task write
    the same row, whose fields sync merges, instead of two rows with one (unique) key. Keeping task
    states on each device only was considered and rejected: a commune's tasks are shared work, and a
    replacement laptop must know what was already done or put off. A state soft-deleted (by sync) and
    handled again is revived, never inserted a second time.
    """

    __tablename__ = "task_states"
    task_key: Mapped[str] = mapped_column(String(80), unique=True)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    snoozed_until: Mapped[date | None] = mapped_column(Date, default=None)
    reason: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")


for _model in (SupportCase, CaseMeasure, CaseReferral, CaseParty, CasePlanItem, CaseAction):
    event.listen(_model, "load", forget_opened)
    event.listen(_model, "refresh", forget_opened)
