"""Campaigns: the campaign days a communication activity answers, each year with its theme and dates.

A campaign is reference data that recurs every year (campaigns.csv: its usual first and last day);
each year has its own theme. The themes known when the app was built ship in campaign_themes.csv;
the upper level sets later ones as `CampaignYear` rows that arrive by sync. A `CampaignYear` row wins
over the file, and its dates (when set) over the usual days, e.g. a response period of 8–21/3.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.communication import CampaignYear, campaign_year_id
from db.models.reference import CodeItem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.profile import access
from desktop.services.profile.handle import Profile
from desktop.services.rows import live
from desktop.services.validation import (
    ADDRESS_MAX,
    code_problems,
    problem,
    raise_if,
    text_problems,
    year_problems,
)
from desktop.textnorm import clean

CTX = "Activities"
CAMPAIGNS = "campaigns"
THEMES = "campaign_themes"


@dataclass(frozen=True, slots=True)
class CampaignDTO:
    code: str
    year: int
    name_vi: str
    name_en: str
    starts_on: date
    ends_on: date
    theme: str  # empty when nobody has set this year's theme yet
    source: str

    def runs_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def campaign_definitions(session: Session) -> list[CodeItem]:
    """The recurring campaigns of campaigns.csv, in its order."""
    stmt = select(CodeItem).where(CodeItem.table == CAMPAIGNS).order_by(CodeItem.sort_order, CodeItem.code)
    return list(session.scalars(stmt))


def _usual_dates(item: CodeItem, year: int) -> tuple[date, date]:
    extra = item.extra
    start = date(year, int(extra["start_month"]), int(extra["start_day"]))
    end = date(year, int(extra["end_month"]), int(extra["end_day"]))
    return start, end


def _shipped_themes(session: Session, year: int) -> dict[str, dict[str, str]]:
    rows = session.scalars(select(CodeItem).where(CodeItem.table == THEMES))
    return {
        str(row.extra.get("campaign", "")): {"theme": row.name_vi, **{k: str(v) for k, v in row.extra.items()}}
        for row in rows
        if str(row.extra.get("year", "")) == str(year)
    }


def campaigns_of_year(session: Session, year: int) -> list[CampaignDTO]:
    """Every campaign of `year` with its theme and dates: a synced CampaignYear row, else the shipped file."""
    stored = {
        row.campaign: row
        for row in session.scalars(select(CampaignYear).where(CampaignYear.year == year, live(CampaignYear)))
    }
    shipped = _shipped_themes(session, year)
    result = []
    for item in campaign_definitions(session):
        start, end = _usual_dates(item, year)
        theme, source = "", str(item.extra.get("source", ""))
        file_row = shipped.get(item.code)
        if file_row is not None:
            theme, source = file_row["theme"], file_row.get("source", source)
            if file_row.get("starts_on") and file_row.get("ends_on"):
                start, end = date.fromisoformat(file_row["starts_on"]), date.fromisoformat(file_row["ends_on"])
        row = stored.get(item.code)
        if row is not None:
            theme, source = row.theme or theme, row.source or source
            start, end = row.starts_on or start, row.ends_on or end
        result.append(CampaignDTO(item.code, year, item.name_vi, item.name_en, start, end, theme, source))
    return result


def campaigns_between(profile: Profile, start: date, end: date) -> list[CampaignDTO]:
    """The campaigns running on at least one day from `start` to `end` (e.g. a month)."""
    with profile.sessions() as session:
        return [
            c
            for year in range(start.year, end.year + 1)
            for c in campaigns_of_year(session, year)
            if c.starts_on <= end and c.ends_on >= start
        ]


def running_on(session: Session, day: date) -> list[CampaignDTO]:
    return [c for c in campaigns_of_year(session, day.year) if c.runs_on(day)]


def campaigns_on(profile: Profile, day: date) -> list[CampaignDTO]:
    """The campaigns running on `day`, with that year's theme, in the order of campaigns.csv."""
    with profile.sessions() as session:
        return running_on(session, day)


@dataclass(frozen=True, slots=True)
class CampaignYearInput:
    campaign: str
    year: int
    theme: str
    starts_on: date | None = None
    ends_on: date | None = None
    source: str = ""


def set_campaign_year(profile: Profile, data: CampaignYearInput) -> uuid.UUID:
    """Set a year's theme (and moved dates) of a campaign: the commune officer, until the hub sends it."""
    if not profile.user.manages_users:
        raise access.PermissionDeniedError(
            QT_TRANSLATE_NOOP(CTX, "Only a commune officer can set the theme of a campaign.")
        )
    with profile.sessions.begin() as session:
        found = code_problems("campaign", data.campaign, {c.code for c in campaign_definitions(session)})
        found += year_problems("year", data.year, profile.today())
        found += text_problems("theme", data.theme, required=True, max_len=2 * ADDRESS_MAX)
        found += text_problems("source", data.source, required=False, max_len=ADDRESS_MAX)
        if (data.starts_on is None) != (data.ends_on is None):
            found.append(
                problem("ends_on", QT_TRANSLATE_NOOP(CTX, "Give both the first and the last day, or neither."))
            )
        elif data.starts_on is not None and data.ends_on is not None:
            if data.ends_on < data.starts_on or data.starts_on.year != data.year or data.ends_on.year != data.year:
                found.append(
                    problem("ends_on", QT_TRANSLATE_NOOP(CTX, "The days must be in order and within the year."))
                )
        raise_if(found)
        row = campaign_year_row(session, data.campaign, data.year)
        row.theme = clean(data.theme)
        row.starts_on, row.ends_on = data.starts_on, data.ends_on
        row.source = clean(data.source)
        session.flush()
        return row.id


def campaign_year_row(session: Session, campaign: str, year: int) -> CampaignYear:
    """The row of a campaign year, written from the shipped file the first time it is needed."""
    row_id = campaign_year_id(campaign, year)
    row = session.get(CampaignYear, row_id)
    if row is None:
        shipped = _shipped_themes(session, year).get(campaign, {})
        starts = shipped.get("starts_on") or None
        ends = shipped.get("ends_on") or None
        row = CampaignYear(
            id=row_id,
            campaign=campaign,
            year=year,
            theme=shipped.get("theme", ""),
            starts_on=date.fromisoformat(starts) if starts else None,
            ends_on=date.fromisoformat(ends) if ends else None,
            source=shipped.get("source", ""),
        )
        session.add(row)
        session.flush()
    elif row.deleted_at is not None:
        row.deleted_at = None
    return row
