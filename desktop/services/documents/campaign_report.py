"""The campaign report: what was done for one campaign in one year, activity by activity and by village.

An activity counts for the campaign it is tagged with, never by its date alone (desktop.services.
communication.tagging): June has three campaigns at once. The report says how many untagged activities
were held during the campaign's days, which it does not count.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.reports.content import with_digest
from desktop.reports.model import Column, ReportDocument, Section, SignatureBlock, Table
from desktop.services import reference
from desktop.services.communication import activities, campaigns, tagging
from desktop.services.communication.activities import ActivityDTO
from desktop.services.communication.campaigns import CampaignDTO
from desktop.services.documents import periods
from desktop.services.documents.parts import (
    RECIPIENTS,
    TOTAL,
    closing,
    day_text,
    document_header,
    given,
    new_document_id,
    numbered,
    table_section,
)
from desktop.services.profile.handle import Profile
from desktop.services.validation import problem, raise_if, year_problems

CTX = "Reports"


def campaign_choices(profile: Profile) -> list[tuple[str, str]]:
    """(code, Vietnamese name) of every campaign, in the order of campaigns.csv: for the report's picker."""
    with profile.sessions() as session:
        return [(item.code, item.name_vi) for item in reference.codes(session, campaigns.CAMPAIGNS)]


def campaign_document(profile: Profile, campaign: str, year: int, *, issued_on: date | None = None) -> ReportDocument:
    """What was done for `campaign` in `year`: the communication activities tagged with it that year (in
    the villages the user keeps), one by one and by village."""
    found = _campaign(profile, campaign, year)
    periods.require_begun(found.starts_on, profile.today())
    held = _held_during(profile, found)
    untagged = len(tagging.untagged_during(profile, found.code, found.year))
    issued = issued_on or profile.today()
    with profile.sessions() as session:
        names = {table: reference.code_names(session, table) for table in (activities.FORMS, activities.TOPICS)}
        villages = _villages_with(session, profile, held)
    doc = ReportDocument(
        document_id=new_document_id("CD", str(year)),
        kind="campaign",
        header=document_header(profile, kind="campaign", subject=f"{campaign} {year}", issued_on=issued),
        title="BÁO CÁO",
        subject=f"Kết quả thực hiện {found.name_vi} năm {year}",  # the name as proper names are written
        subtitle=periods.with_figures_as_of(_period(found).capitalize(), found.ends_on, profile.today()),
        sections=numbered(
            (_campaign_about(found), _campaign_activities(held, names, untagged), _campaign_villages(held, villages))
        )
        + (closing(f"kết quả {found.name_vi.lower()} năm {year}"),),
        signature=SignatureBlock("NGƯỜI BÁO CÁO", profile.user.name),
        recipients=RECIPIENTS,
    )
    return with_digest(doc)


def _campaign(profile: Profile, campaign: str, year: int) -> CampaignDTO:
    raise_if(year_problems("year", year, profile.today()))
    with profile.sessions() as session:
        found = next((c for c in campaigns.campaigns_of_year(session, year) if c.code == campaign), None)
    if found is None:
        message = QT_TRANSLATE_NOOP(CTX, "Unknown campaign {code}; choose one from the list.")
        raise ValidationError([problem("campaign", message, code=campaign)])
    return found


def _held_during(profile: Profile, campaign: CampaignDTO) -> list[ActivityDTO]:
    """The activities tagged with the campaign that year: one tag per activity, so one report at most."""
    return tagging.tagged_with(profile, campaign.code, campaign.year)


def _villages_with(session: Session, profile: Profile, held: Sequence[ActivityDTO]) -> list[tuple[uuid.UUID, str]]:
    """The villages the user keeps, zeros included (a missing line reads as forgotten, a zero as counted)."""
    used = {a.village_id for a in held}
    return [
        (v.id, v.name)
        for v in reference.villages(session, profile.commune_code, include_inactive=True)
        if profile.user.sees_village(v.id) and (v.active or v.id in used)
    ]


def _period(campaign: CampaignDTO) -> str:
    if campaign.starts_on == campaign.ends_on:
        return f"ngày {day_text(campaign.starts_on)}"
    return f"từ ngày {day_text(campaign.starts_on)} đến ngày {day_text(campaign.ends_on)}"


def _campaign_about(campaign: CampaignDTO) -> Section:
    theme = f"“{campaign.theme}”" if campaign.theme else "chưa được cấp trên thông báo"
    lines = (f"Thời gian: {_period(campaign)}.", f"Chủ đề năm {campaign.year}: {theme}.")
    return Section("THỜI GIAN VÀ CHỦ ĐỀ", lines)


def _campaign_activities(held: Sequence[ActivityDTO], names: dict[str, dict[str, str]], untagged: int) -> Section:
    columns = (
        Column("Ngày", 1.1),
        Column("Thôn", 1.5),
        Column("Hình thức", 1.4),
        Column("Chủ đề", 1.8),
        Column("Nam", 0.6, numeric=True),
        Column("Nữ", 0.6, numeric=True),
        Column("Tổng", 0.7, numeric=True),
        Column("Tài liệu phát", 0.9, numeric=True),
    )
    forms, topics = names[activities.FORMS], names[activities.TOPICS]
    rows = tuple(
        (
            a.held_on,
            a.village,
            forms.get(a.form, a.form),
            topics.get(a.topic, a.topic),
            a.male,
            a.female,
            a.participants,
            a.materials_count,
        )
        for a in held
    )
    heading = "CÁC HOẠT ĐỘNG TRUYỀN THÔNG"
    scope = ["Gồm các buổi truyền thông đã ghi là hưởng ứng chiến dịch này."]
    if untagged:
        scope.append(
            f"{untagged} buổi truyền thông trong thời gian này chưa ghi thuộc chiến dịch nào, không được tính."
        )
    if not held:
        return Section(heading, (*scope, "Không có buổi truyền thông nào được ghi nhận."))
    people = sum(a.participants for a in held)
    summary = f"Đã tổ chức {len(held)} buổi truyền thông với {people} lượt người tham dự."
    materials = list(dict.fromkeys(a.materials for a in held if a.materials))
    lines = (summary, *scope, *given("Tài liệu đã phát", ", ".join(materials)))
    return table_section(heading, Table(columns, rows, TOTAL, "Hoạt động"), lines)


def _campaign_villages(held: Sequence[ActivityDTO], villages: Sequence[tuple[uuid.UUID, str]]) -> Section:
    columns = (
        Column("Thôn, tổ dân phố", 2.4),
        Column("Số buổi", 1.0, numeric=True),
        Column("Nam", 1.0, numeric=True),
        Column("Nữ", 1.0, numeric=True),
        Column("Tổng số người", 1.2, numeric=True),
    )
    rows = []
    for village_id, name in villages:
        here = [a for a in held if a.village_id == village_id]
        male, female = sum(a.male for a in here), sum(a.female for a in here)
        rows.append((name, len(here), male, female, male + female))
    return table_section("TỔNG HỢP THEO THÔN, TỔ DÂN PHỐ", Table(columns, tuple(rows), TOTAL, "Theo thôn"))
