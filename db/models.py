"""The household register. Text columns hold NFC; `*_folded` columns hold the search keys."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.base import PENDING_USN, Base, SyncedMixin, UTCDateTime, utcnow

NAME_MAX = 100
ADDRESS_MAX = 200
NOTE_MAX = 2000


class ProfileMeta(Base):
    """Per-profile facts: device id, commune, collaborator name, reference data version."""

    __tablename__ = "profile_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CodeItem(Base):
    """One entry of a code table (ethnic groups, relationships, visit topics...). Data, not code."""

    __tablename__ = "code_items"
    table: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[str] = mapped_column(String(40), default="")
    usn: Mapped[int] = mapped_column(Integer, default=0)


class AdminUnit(Base):
    """Province 42 and its communes (QĐ 19/2025/QĐ-TTg codes). No district level since 7/2025."""

    __tablename__ = "admin_units"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[str] = mapped_column(String(20))
    unit_type: Mapped[str] = mapped_column(String(20), default="")
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("admin_units.code"), default=None)
    legacy: Mapped[bool] = mapped_column(default=False)


class Village(SyncedMixin, Base):
    """Thôn / tổ dân phố: set by the province, not in the national list, so editable per commune."""

    __tablename__ = "villages"
    commune_code: Mapped[str] = mapped_column(ForeignKey("admin_units.code"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_folded: Mapped[str] = mapped_column(String(NAME_MAX))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Household(SyncedMixin, Base):
    __tablename__ = "households"
    code: Mapped[str] = mapped_column(String(20), index=True)
    commune_code: Mapped[str] = mapped_column(ForeignKey("admin_units.code"), index=True)
    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("villages.id"), index=True)
    address: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")
    address_folded: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")
    head_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", use_alter=True), default=None, index=True
    )
    phone: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    dissolved_on: Mapped[date | None] = mapped_column(Date, default=None)
    dissolved_reason: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")
    legacy_district: Mapped[str] = mapped_column(String(10), default="")
    legacy_commune_code: Mapped[str] = mapped_column(String(10), default="")

    # The household list is shown village by village in number order.
    __table_args__ = (Index("ix_households_village_code", "village_id", "code"),)


class HouseholdCategory(SyncedMixin, Base):
    """Poor / near-poor / policy… as decided by the commune: referenced, never computed."""

    __tablename__ = "household_categories"
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    decision_no: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")


class Person(SyncedMixin, Base):
    __tablename__ = "people"
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_folded: Mapped[str] = mapped_column(String(NAME_MAX))
    sex: Mapped[str] = mapped_column(String(4))
    birth_date: Mapped[date] = mapped_column(Date)
    birth_year: Mapped[int] = mapped_column(Integer)
    relationship: Mapped[str] = mapped_column(String(40))
    ethnicity: Mapped[str] = mapped_column(String(4), default="01")
    education: Mapped[str] = mapped_column(String(40), default="")
    marital_status: Mapped[str] = mapped_column(String(40), default="")
    residence_status: Mapped[str] = mapped_column(String(40), default="")
    insurance_no: Mapped[str] = mapped_column(String(20), default="")
    national_id: Mapped[str] = mapped_column(String(12), default="")
    # present | moved_out | dead
    status: Mapped[str] = mapped_column(String(12), default="present")
    death_date: Mapped[date | None] = mapped_column(Date, default=None)
    left_on: Mapped[date | None] = mapped_column(Date, default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_people_dup", "name_folded", "birth_year"),)


class PopulationEvent(SyncedMixin, Base):
    """One line of the monthly P0 slip: birth, death, move, marriage… with its reporting month."""

    __tablename__ = "population_events"
    kind: Mapped[str] = mapped_column(String(40), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"), index=True, default=None)
    event_date: Mapped[date] = mapped_column(Date)
    reporting_month: Mapped[str] = mapped_column(String(7), index=True)  # "YYYY-MM"
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")


class Visit(SyncedMixin, Base):
    __tablename__ = "visits"
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date, index=True)
    collaborator: Mapped[str] = mapped_column(String(NAME_MAX))
    # Person ids (hex) and topic codes travel inside the row so a visit syncs as one unit.
    persons_met: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)


class Grave(Base):
    """What a hard delete leaves behind so the deletion can travel to the hub."""

    __tablename__ = "graves"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    table_name: Mapped[str] = mapped_column(String(40))
    ref_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    usn: Mapped[int] = mapped_column(Integer, default=PENDING_USN, index=True)
    origin: Mapped[str] = mapped_column(String(36), default="")


class SupportCase(SyncedMixin, Base):
    """A support case (domestic violence, child protection, other) opened for a household or person.

    `kind`, `person_id`, `summary` and `details` are the case's content: the services show them only to
    the case owner and to users with the protection permission (design §5). Everyone else learns
    that a case exists for the household, who owns it, and its state.
    """

    __tablename__ = "support_cases"
    # The audit log, readable by every user and sent to the hub, keeps only the length of these.
    __audit_hidden__ = frozenset(
        {"kind", "person_id", "summary", "details", "acts", "groups", "harm", "relationship_context", "risk_level"}
    )
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
    __audit_hidden__ = frozenset({"measure", "decision_no", "supervisor", "notes"})
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
    __audit_hidden__ = frozenset({"body", "notes"})
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
    __audit_hidden__ = frozenset({"role", "person_id", "name", "sex", "birth_year", "relationship", "contact", "notes"})
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
    __audit_hidden__ = frozenset({"action", "responsible", "notes"})
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
    __audit_hidden__ = frozenset({"kind", "result", "notes"})
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


SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (
    Village,
    Household,
    HouseholdCategory,
    Person,
    PopulationEvent,
    Visit,
    SupportCase,
    CaseMeasure,
    CaseReferral,
    ManualTask,
    TaskState,
    CaseParty,
    CasePlanItem,
    CaseAction,
)


class User(Base):
    """A person who logs in on this device. Local to the device: never synced.

    The passphrase is not here: each user has a keyslot (keyslots.json) wrapping the data key.
    `name_key` is the name as keyslots compare it (NFC, trimmed, case-folded).
    """

    __tablename__ = "users"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_key: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    role: Mapped[str] = mapped_column(String(12))  # ctv | officer | hub
    protection: Mapped[bool] = mapped_column(default=False)
    villages: Mapped[list[str]] = mapped_column(JSON, default=list)  # village ids (hex) a CTV keeps
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AuditEvent(Base):
    """One link of the tamper-evident audit chain (design §5). Written only by db.audit.

    Not synced row by row: the chain travels to the hub as a whole inside bundles, so it carries no
    sync columns. `id` is the chain order; `hash` covers every other column and `prev_hash`.
    """

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user: Mapped[str] = mapped_column(String(NAME_MAX))
    device: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    # Canonical JSON text, hashed exactly as stored: a JSON column could re-serialise differently.
    summary: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    # The audit screen filters by user, newest first.
    __table_args__ = (Index("ix_audit_events_user_id", "user", "id"),)


class CampaignYear(SyncedMixin, Base):
    """One year of a recurring campaign (campaigns.csv): its theme, and its dates if that year moved them.

    The upper level sets next year's theme and it arrives by sync; the themes known when the app was
    built ship in campaign_themes.csv and are written here the first time an activity links to them.
    The id is always `campaign_year_id(campaign, year)`, so two devices (or the hub) that write the
    same campaign year write the same row instead of two.
    """

    __tablename__ = "campaign_years"
    campaign: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    theme: Mapped[str] = mapped_column(String(2 * ADDRESS_MAX), default="")
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)  # None: the usual day of campaigns.csv
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)
    source: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")

    __table_args__ = (Index("ix_campaign_years_campaign_year", "campaign", "year", unique=True),)


CAMPAIGN_NAMESPACE = uuid.UUID("5d0c1b0e-6a43-4c1e-9a0f-2f6b1c7a2e11")


def campaign_year_id(campaign: str, year: int) -> uuid.UUID:
    """The id of a campaign year, the same on every device."""
    return uuid.uuid5(CAMPAIGN_NAMESPACE, f"{campaign}:{year}")


class CommunicationActivity(SyncedMixin, Base):
    """A communication activity held in a village: a talk, a loudspeaker broadcast, a group discussion…

    `form` is a code of activity_forms, `topic` a code of visit_topics; participants are counted by
    sex (the total is their sum). `campaign_id` links the activity to the campaign running that day.
    """

    __tablename__ = "communication_activities"
    held_on: Mapped[date] = mapped_column(Date, index=True)
    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("villages.id"), index=True)
    form: Mapped[str] = mapped_column(String(40))
    topic: Mapped[str] = mapped_column(String(40))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("campaign_years.id"), index=True, default=None)
    participants_male: Mapped[int] = mapped_column(Integer, default=0)
    participants_female: Mapped[int] = mapped_column(Integer, default=0)
    materials: Mapped[str] = mapped_column(String(ADDRESS_MAX), default="")  # what was handed out
    materials_count: Mapped[int] = mapped_column(Integer, default=0)  # how many copies or items
    notes: Mapped[str] = mapped_column(Text, default="")


# Defined after the list above, so added here (parents before children, as backups restore them).
SYNCED_MODELS = (*SYNCED_MODELS, CampaignYear, CommunicationActivity)
