"""The synced tables in the order a backup restores them, and the graves hard deletes leave for the hub."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.base import PENDING_USN, Base, SyncedMixin, UTCDateTime, utcnow
from db.models.casework import (
    CaseAction,
    CaseMeasure,
    CaseParty,
    CasePlanItem,
    CaseReferral,
    ManualTask,
    SupportCase,
    TaskState,
)
from db.models.communication import CampaignYear, CommunicationActivity
from db.models.directory import DirectoryUser
from db.models.register import Household, HouseholdCategory, Person, PopulationEvent, Village, Visit

# Parents before children, as a backup restores them.
SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (
    Village,
    DirectoryUser,
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
    CampaignYear,
    CommunicationActivity,
)


class Grave(Base):
    """What a hard delete leaves behind so the deletion can travel to the hub."""

    __tablename__ = "graves"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    table_name: Mapped[str] = mapped_column(String(40))
    ref_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    usn: Mapped[int] = mapped_column(Integer, default=PENDING_USN, index=True)
    origin: Mapped[str] = mapped_column(String(36), default="")
