"""Communication activities (truyền thông) held in the villages: the form's choices, recording, the list.

An activity may name the campaign running on its day (desktop.services.communication.campaigns).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from db.models.communication import CampaignYear, CommunicationActivity
from db.models.register import Village
from desktop.errors import FieldProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.communication.campaigns import (
    campaign_definitions,
    campaign_year_row,
    campaigns_of_year,
    running_on,
)
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
)
from desktop.textnorm import clean, fold

CTX = "Activities"
FORMS = "activity_forms"
TOPICS = "visit_topics"
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


# Choices for the form ###########################################################################


def forms(profile: Profile) -> list[CodeDTO]:
    with profile.sessions() as session:
        return reference.codes(session, FORMS)


def writable_villages(profile: Profile) -> list[VillageDTO]:
    """The active villages the user may record an activity in."""
    with profile.sessions() as session:
        return [v for v in reference.villages(session, profile.commune_code) if profile.user.writes_village(v.id)]


# Recording ######################################################################################


def input_problems(profile: Profile, data: ActivityInput) -> list[FieldProblem]:
    """Every problem of the input at once, as the dialog shows them while the user types."""
    with profile.sessions() as session:
        return _input_problems(session, profile.user, data, profile.today())


def _without_audience(session: Session, form: str) -> bool:
    """A broadcast or a handout reaches people nobody counts: its form needs no participants (`no_audience`)."""
    return any(item.code == form and item.extra.get("no_audience") == "1" for item in reference.items(session, FORMS))


def _input_problems(session: Session, user: CurrentUser, data: ActivityInput, today: date) -> list[FieldProblem]:
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
    elif data.male + data.female == 0 and not _without_audience(session, data.form):
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
        known = {c.code for c in campaign_definitions(session)}
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
        raise_if(_input_problems(session, profile.user, data, profile.today()))
        assert data.held_on is not None and data.village_id is not None
        campaign_id = campaign_year_row(session, data.campaign, data.held_on.year).id if data.campaign else None
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
    with profile.sessions() as session:
        return read_activities(
            session, profile.user, CommunicationActivity.held_on >= start, CommunicationActivity.held_on <= end
        )


def read_activities(session: Session, user: CurrentUser, *criteria: ColumnElement[bool]) -> list[ActivityDTO]:
    """The live activities meeting `criteria` in the villages `user` sees, newest first."""
    stmt = (
        select(CommunicationActivity, Village.name, CampaignYear)
        .join(Village, Village.id == CommunicationActivity.village_id)
        .outerjoin(CampaignYear, CampaignYear.id == CommunicationActivity.campaign_id)
        .where(*criteria, live(CommunicationActivity))
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
