"""Communication activities (truyền thông) held in the villages, and the campaign days they answer.

A campaign is reference data that recurs every year (campaigns.csv: its usual first and last day);
each year has its own theme. The themes known when the app was built ship in campaign_themes.csv;
the upper level sets later ones as `CampaignYear` rows that arrive by sync. A `CampaignYear` row wins
over the file, and its dates (when set) over the usual days, e.g. a response period of 8–21/3.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.communication import CampaignYear, CommunicationActivity, campaign_year_id
from db.models.reference import CodeItem
from db.models.register import Village
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.dto import CodeDTO, VillageDTO
from desktop.services.profile import access
from desktop.services.profile.access import CurrentUser
from desktop.services.profile.handle import Profile
from desktop.services.rows import live, live_or_none, live_row
from desktop.services.validation import (
    ADDRESS_MAX,
    NOTE_MAX,
    code_problems,
    event_date_problems,
    problem,
    raise_if,
    text_problems,
    year_problems,
)
from desktop.textnorm import clean, fold

CTX = "Activities"
FORMS = "activity_forms"
TOPICS = "visit_topics"
CAMPAIGNS = "campaigns"
THEMES = "campaign_themes"
# More people than this at one village activity is a typing slip (an extra zero).
PARTICIPANTS_MAX = 5000
MATERIALS_COUNT_MAX = 100_000


@dataclass(frozen=True, slots=True)
class ActivityInput:
    held_on: date | None
    village_id: uuid.UUID | None
    form: str
    topic: str
    male: int = 0
    female: int = 0
    materials: str = ""  # what was handed out: "tờ rơi KHHGĐ, bao cao su"
    materials_count: int = 0  # how many items in all
    campaign: str = ""  # code of the campaign answered (campaigns.csv); the year is that of `held_on`
    notes: str = ""


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


@dataclass(frozen=True, slots=True)
class ActivityDTO:
    id: uuid.UUID
    held_on: date
    village_id: uuid.UUID
    village: str
    form: str
    topic: str
    male: int
    female: int
    materials: str
    materials_count: int
    campaign: str  # campaign code, "" when none
    campaign_year: int | None
    campaign_theme: str
    notes: str

    @property
    def participants(self) -> int:
        return self.male + self.female


@dataclass(frozen=True, slots=True)
class ActivityTotal:
    """Activities of one form in one village over a period, for the monthly report."""

    village_id: uuid.UUID
    village: str
    form: str
    activities: int
    male: int
    female: int

    @property
    def participants(self) -> int:
        return self.male + self.female


# Campaigns ####################################################################################


def _campaign_definitions(session: Session) -> list[CodeItem]:
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
    for item in _campaign_definitions(session):
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
        found = code_problems("campaign", data.campaign, {c.code for c in _campaign_definitions(session)})
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
        row = _campaign_year(session, data.campaign, data.year)
        row.theme = clean(data.theme)
        row.starts_on, row.ends_on = data.starts_on, data.ends_on
        row.source = clean(data.source)
        session.flush()
        return row.id


def _campaign_year(session: Session, campaign: str, year: int) -> CampaignYear:
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


# Choices for the form ###########################################################################


def forms(profile: Profile) -> list[CodeDTO]:
    with profile.sessions() as session:
        return reference.codes(session, FORMS)


def code_tables(profile: Profile) -> dict[str, list[CodeDTO]]:
    """The forms and campaigns, for labels."""
    with profile.sessions() as session:
        return {table: reference.codes(session, table) for table in (FORMS, CAMPAIGNS)}


def writable_villages(profile: Profile) -> list[VillageDTO]:
    """The active villages the user may record an activity in."""
    with profile.sessions() as session:
        return [v for v in reference.villages(session, profile.commune_code) if profile.user.writes_village(v.id)]


# Recording ######################################################################################


def input_problems(session: Session, user: CurrentUser, data: ActivityInput, today: date) -> list[FieldProblem]:
    """Every problem of the input at once (the dialog validates as the user types)."""
    found = event_date_problems("held_on", data.held_on, today)
    if data.village_id is None:
        found.append(problem("village_id", QT_TRANSLATE_NOOP(CTX, "Choose the village.")))
    else:
        village = live_or_none(session, Village, data.village_id)
        if village is None:
            found.append(problem("village_id", QT_TRANSLATE_NOOP(CTX, "This village no longer exists.")))
        elif not user.writes_village(village.id):
            found.append(problem("village_id", QT_TRANSLATE_NOOP(CTX, "You do not keep this village.")))
    found += code_problems("form", data.form, reference.code_names(session, FORMS))
    found += code_problems("topic", data.topic, reference.code_names(session, TOPICS))
    if data.male < 0 or data.female < 0:
        found.append(problem("participants", QT_TRANSLATE_NOOP(CTX, "The number of people cannot be negative.")))
    elif data.male + data.female == 0:
        found.append(problem("participants", QT_TRANSLATE_NOOP(CTX, "Count at least one participant.")))
    elif data.male + data.female > PARTICIPANTS_MAX:
        found.append(
            problem(
                "participants",
                QT_TRANSLATE_NOOP(CTX, "More than {max} participants; check the numbers."),
                max=PARTICIPANTS_MAX,
            )
        )
    found += text_problems("materials", data.materials, required=False, max_len=ADDRESS_MAX)
    if not 0 <= data.materials_count <= MATERIALS_COUNT_MAX:
        found.append(
            problem(
                "materials_count",
                QT_TRANSLATE_NOOP(CTX, "The number of items must be between 0 and {max}."),
                max=MATERIALS_COUNT_MAX,
            )
        )
    found += text_problems("notes", data.notes, required=False, max_len=NOTE_MAX, multiline=True)
    if data.campaign:
        known = {c.code for c in _campaign_definitions(session)}
        if data.campaign not in known:
            found += code_problems("campaign", data.campaign, known)
        elif data.held_on is not None and data.campaign not in {c.code for c in running_on(session, data.held_on)}:
            found.append(
                problem("campaign", QT_TRANSLATE_NOOP(CTX, "This campaign is not running on the date of the activity."))
            )
    return found


def record_activity(profile: Profile, data: ActivityInput) -> uuid.UUID:
    """Save one activity; refuse bad input (ValidationError) or another's village, saving nothing."""
    with profile.sessions.begin() as session:
        if data.village_id is not None:
            live_row(session, Village, data.village_id, QT_TRANSLATE_NOOP(CTX, "This village no longer exists."))
            access.require_write(profile.user, data.village_id)
        raise_if(input_problems(session, profile.user, data, profile.today()))
        assert data.held_on is not None and data.village_id is not None
        campaign_id = _campaign_year(session, data.campaign, data.held_on.year).id if data.campaign else None
        activity = CommunicationActivity(
            held_on=data.held_on,
            village_id=data.village_id,
            form=data.form,
            topic=data.topic,
            campaign_id=campaign_id,
            participants_male=data.male,
            participants_female=data.female,
            materials=clean(data.materials),
            materials_count=data.materials_count,
            notes=data.notes.strip(),
        )
        session.add(activity)
        session.flush()
        return activity.id


# Reading ########################################################################################


def _period_problems(start: date, end: date) -> None:
    if end < start:
        raise_if([problem("end", QT_TRANSLATE_NOOP(CTX, "The end date is before the start date."))])


def list_activities(profile: Profile, start: date, end: date) -> list[ActivityDTO]:
    """Activities from `start` to `end` inclusive in the villages the user sees, newest first."""
    _period_problems(start, end)
    user = profile.user
    with profile.sessions() as session:
        stmt = (
            select(CommunicationActivity, Village.name, CampaignYear)
            .join(Village, Village.id == CommunicationActivity.village_id)
            .outerjoin(CampaignYear, CampaignYear.id == CommunicationActivity.campaign_id)
            .where(
                CommunicationActivity.held_on >= start,
                CommunicationActivity.held_on <= end,
                live(CommunicationActivity),
            )
            .order_by(CommunicationActivity.held_on.desc(), Village.sort_order, CommunicationActivity.created_at)
        )
        if not user.whole_commune:
            stmt = stmt.where(CommunicationActivity.village_id.in_(sorted(user.villages)))
        rows = session.execute(stmt).all()
        themes = {
            year: {c.code: c.theme for c in campaigns_of_year(session, year)}
            for year in {a.held_on.year for a, _name, campaign in rows if campaign is not None}
        }
        return [
            ActivityDTO(
                id=a.id,
                held_on=a.held_on,
                village_id=a.village_id,
                village=name,
                form=a.form,
                topic=a.topic,
                male=a.participants_male,
                female=a.participants_female,
                materials=a.materials,
                materials_count=a.materials_count,
                campaign=campaign.campaign if campaign is not None else "",
                campaign_year=campaign.year if campaign is not None else None,
                campaign_theme=themes[a.held_on.year].get(campaign.campaign, "") if campaign is not None else "",
                notes=a.notes,
            )
            for a, name, campaign in rows
        ]


def totals(activities: Iterable[ActivityDTO]) -> list[ActivityTotal]:
    """Count and participants by sex per village and form, by village name (folded) then form code. Pure."""
    sums: dict[tuple[uuid.UUID, str], list[int]] = {}
    names: dict[uuid.UUID, str] = {}
    for a in activities:
        names[a.village_id] = a.village
        entry = sums.setdefault((a.village_id, a.form), [0, 0, 0])
        entry[0] += 1
        entry[1] += a.male
        entry[2] += a.female
    return [
        ActivityTotal(village, names[village], form, count, male, female)
        for (village, form), (count, male, female) in sorted(
            sums.items(), key=lambda kv: (fold(names[kv[0][0]]), kv[0][1])
        )
    ]


def activity_totals(profile: Profile, start: date, end: date) -> list[ActivityTotal]:
    """Per village and form over the period (what the user sees): the monthly report's lines."""
    return totals(list_activities(profile, start, end))
