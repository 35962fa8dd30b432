"""Communication activities in the villages, and the campaign years they answer."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import ADDRESS_MAX, Base, SyncedMixin


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
