"""The synced tables, parents before children: the order a backup restores them and a changeset carries them."""

from __future__ import annotations

from db.base import SyncedMixin
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
from db.models.review import ReviewItem
from db.models.sync import SyncConflict

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
    ReviewItem,
    SyncConflict,
)
