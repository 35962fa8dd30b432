"""Support cases and what is done in them, and the task list's own rows (manual tasks, task states).

Each model of case content lists in `__audit_shown__` the columns the audit log may name (ids, dates, the
owner and the case's state); every other column, and any column added later, is content: the log says only
that it changed (db/audit.py).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import ADDRESS_MAX, NAME_MAX, Base, SyncedMixin


class SupportCase(SyncedMixin, Base):
    """A support case (domestic violence, child protection, other) opened for a household or person.

    `kind`, `person_id`, `summary` and `details` are the case's content: the services show them only to
    the case owner and to users with the protection permission (architecture.md §6). Everyone else learns
    that a case exists for the household, who owns it, and its state.
    """

    __tablename__ = "support_cases"
    # The audit log, read by officers and sent to the hub, names only these; the rest is content.
    __audit_shown__ = frozenset({"household_id", "owner", "opened_on", "state", "closed_on"})
    kind: Mapped[str] = mapped_column(String(40))
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"), index=True, default=None)
    owner: Mapped[str] = mapped_column(String(NAME_MAX))
    opened_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    risk_level: Mapped[str] = mapped_column(String(10), default="", server_default="")  # high | medium | low
    consent: Mapped[bool] = mapped_column(default=False, server_default="0")  # the person agreed to be helped
    # Domestic violence: the acts of Art. 3.1 (codes of dv_acts), the relationship, harm, recurrence.
    acts: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    relationship_context: Mapped[str] = mapped_column(String(20), default="", server_default="")
    harm: Mapped[str] = mapped_column(String(200), default="", server_default="")
    recurrence_12m: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Child protection: the groups of Art. 10 (codes of child_groups) and the step of Decree 56/2017.
    groups: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    stage: Mapped[str] = mapped_column(String(30), default="", server_default="")


class CaseMeasure(SyncedMixin, Base):
    """A measure of Art. 22 applied in a domestic-violence case, with its decision."""

    __tablename__ = "case_measures"
    __audit_shown__ = frozenset({"case_id", "decided_on", "starts_on", "ends_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    measure: Mapped[str] = mapped_column(String(40))
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    decided_on: Mapped[date] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    distance_m: Mapped[int | None] = mapped_column(Integer, default=None)
    supervisor: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class CaseReferral(SyncedMixin, Base):
    """A case sent to another body; its status moves sent → received → done or declined."""

    __tablename__ = "case_referrals"
    __audit_shown__ = frozenset({"case_id", "sent_on", "status_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    body: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="sent")
    sent_on: Mapped[date] = mapped_column(Date)
    status_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class CaseParty(SyncedMixin, Base):
    """Someone in a support case: a victim, a person who caused harm, a carer, or the reporter.

    A person of the register is linked by `person_id`; anyone else is named in `name`. Only a reporter
    may stay anonymous (no person, no name). All of it is case content (see SupportCase).
    """

    __tablename__ = "case_parties"
    __audit_shown__ = frozenset({"case_id"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # victim | perpetrator | carer | reporter
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"), index=True, default=None)
    name: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    sex: Mapped[str] = mapped_column(String(4), default="")
    birth_year: Mapped[int | None] = mapped_column(Integer, default=None)
    anonymous: Mapped[bool] = mapped_column(default=False)
    relationship: Mapped[str] = mapped_column(String(40), default="")  # to the victim, in words
    contact: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")  # a reporter's phone or address
    notes: Mapped[str] = mapped_column(Text, default="")


class CasePlanItem(SyncedMixin, Base):
    """One line of a child's support plan (Decree 56/2017, Mẫu 04): who does what by when, and its status."""

    __tablename__ = "case_plan_items"
    __audit_shown__ = frozenset({"case_id", "due_on", "status_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(ADDRESS_MAX))
    responsible: Mapped[str] = mapped_column(String(NAME_MAX))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default="planned")  # planned | done | dropped
    status_on: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class CaseAction(SyncedMixin, Base):
    """A dated entry of a case's timeline written by the user: a note, support given, a mediation
    session (domestic violence) or a monitoring visit (child protection, Decree 56/2017 step 6).

    `kind` is a code of case_action_kinds, `result` one of case_action_results for that kind (how the
    mediation ended, how the child is doing). A `follow_up_on` day puts a task on the list.
    """

    __tablename__ = "case_actions"
    __audit_shown__ = frozenset({"case_id", "done_on", "follow_up_on"})
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    done_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(30), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, index=True, default=None)


class ManualTask(SyncedMixin, Base):
    """A task the user wrote themselves ("mang thuốc cho cụ Lành"), beside those computed from the data."""

    __tablename__ = "manual_tasks"
    title: Mapped[str] = mapped_column(String(ADDRESS_MAX))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("households.id"), index=True, default=None)
    owner: Mapped[str] = mapped_column(String(NAME_MAX))
    notes: Mapped[str] = mapped_column(Text, default="")


class TaskState(SyncedMixin, Base):
    """What the user did with a task: done, or snoozed until a day with a reason.

    `task_key` names the task as the task list computes it (e.g. "measure_end:<measure id>"), so a
    computed task can be done or snoozed without being stored itself.
    """

    __tablename__ = "task_states"
    task_key: Mapped[str] = mapped_column(String(80), unique=True)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    snoozed_until: Mapped[date | None] = mapped_column(Date, default=None)
    reason: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")
