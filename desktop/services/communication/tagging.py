"""Which campaign an activity answers: the campaign reports count an activity by its tag, never by its date.

June has three campaigns running at once (campaigns.csv), so a date cannot say which one a talk was
for; an activity is counted only in the report of the campaign it is tagged with (`campaign_id`), hence
in one report at most. An activity held during a campaign's days but tagged with none is not counted; the
report says how many there are, and the user may tag them here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from db.models.communication import CommunicationActivity, campaign_year_id
from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.communication.activities import ActivityDTO, read_activities
from desktop.services.communication.campaigns import (
    CampaignDTO,
    campaign_definitions,
    campaign_year_row,
    campaigns_of_year,
    running_on,
)
from desktop.services.profile import access
from desktop.services.profile.access import CurrentUser, PermissionDeniedError, Role
from desktop.services.profile.handle import Profile
from desktop.services.rows import live_row
from desktop.services.validation import problem, raise_if, year_problems

CTX = "Activities"


def campaign_of_year(session: Session, campaign_code: str, year: int, today: date) -> CampaignDTO:
    """The campaign `campaign_code` in `year` with its days; a clear refusal for an unknown code or year."""
    raise_if(year_problems("year", year, today))
    found = next((c for c in campaigns_of_year(session, year) if c.code == campaign_code), None)
    if found is None:
        message = QT_TRANSLATE_NOOP(CTX, "Unknown campaign {code}; choose one from the list.")
        raise ValidationError([problem("campaign", message, code=campaign_code)])
    return found


def tagged_with(profile: Profile, campaign_code: str, year: int) -> list[ActivityDTO]:
    """The activities tagged with the campaign in `year`, in the villages the user sees, by day."""
    with profile.sessions() as session:
        campaign_of_year(session, campaign_code, year, profile.today())
        tagged = CommunicationActivity.campaign_id == campaign_year_id(campaign_code, year)
        return _by_day(read_activities(session, profile.user, tagged))


def untagged_during(profile: Profile, campaign_code: str, year: int) -> list[ActivityDTO]:
    """The activities held during the campaign's days in `year` and tagged with no campaign, in the villages
    the user sees, by day: what the campaign's report does not count, offered for tagging."""
    with profile.sessions() as session:
        campaign = campaign_of_year(session, campaign_code, year, profile.today())
        return _by_day(
            read_activities(
                session,
                profile.user,
                CommunicationActivity.held_on >= campaign.starts_on,
                CommunicationActivity.held_on <= campaign.ends_on,
                CommunicationActivity.campaign_id.is_(None),
            )
        )


def tag_activities(profile: Profile, activity_ids: Iterable[uuid.UUID], campaign_code: str) -> int:
    """Tag the activities with the campaign (of each one's year); the number newly tagged.

    All or nothing: an activity that is gone, in a village the user does not keep, on a day the campaign
    does not run, or already tagged with another campaign refuses the whole lot, saving nothing."""
    wanted = list(dict.fromkeys(activity_ids))
    with profile.sessions.begin() as session:
        if campaign_code not in {c.code for c in campaign_definitions(session)}:
            message = QT_TRANSLATE_NOOP(CTX, "Unknown campaign {code}; choose one from the list.")
            raise ValidationError([problem("campaign", message, code=campaign_code)])
        changed = 0
        for activity_id in wanted:
            activity = live_row(
                session, CommunicationActivity, activity_id, QT_TRANSLATE_NOOP(CTX, "This activity no longer exists.")
            )
            if _check(session, profile.user, activity, campaign_code):
                activity.campaign_id = campaign_year_row(session, campaign_code, activity.held_on.year).id
                changed += 1
        session.flush()
        return changed


def _check(session: Session, user: CurrentUser, activity: CommunicationActivity, campaign_code: str) -> bool:
    """Whether the activity needs the tag (False: it has it already); refuse what may not be tagged."""
    day = f"{activity.held_on:%d/%m/%Y}"
    if user.role == Role.HUB:
        access.require_write(user, activity.village_id)  # the hub operator's own refusal
    if not user.writes_village(activity.village_id):
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP(
                CTX,
                "The activity of {day} is in a village you do not keep, so you cannot tag it; nothing was tagged.",
            ),
            day=day,
        )
    if activity.campaign_id == campaign_year_id(campaign_code, activity.held_on.year):
        return False
    if activity.campaign_id is not None:
        message = QT_TRANSLATE_NOOP(
            CTX, "The activity of {day} is already recorded for another campaign; nothing was tagged."
        )
        raise ValidationError([problem("campaign", message, day=day)])
    if campaign_code not in {c.code for c in running_on(session, activity.held_on)}:
        message = QT_TRANSLATE_NOOP(
            CTX, "The campaign does not run on {day}, the day of the activity; nothing was tagged."
        )
        raise ValidationError([problem("campaign", message, day=day)])
    return True


def _by_day(found: list[ActivityDTO]) -> list[ActivityDTO]:
    # Oldest first, as a report lists them; stable, so the villages keep their order within a day.
    return sorted(found, key=lambda a: a.held_on)
