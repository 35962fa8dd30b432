"""What a report can be made for: the months, households, cases and campaigns the Reports page offers,
the file name each suggests, what its export records, and the document it builds."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date

from desktop.reports.model import ReportDocument
from desktop.services import reference
from desktop.services.casework import cases
from desktop.services.documents import (
    a0_book,
    a0_sheet,
    campaign_report,
    case_record,
    family_dv_report,
    household_card,
    monthly_report,
    p0_slip,
    remarks,
)
from desktop.services.documents.remarks import Remarks
from desktop.services.dto import CodeDTO
from desktop.services.profile.handle import Profile
from desktop.services.register import households
from desktop.services.register.events import month_of
from desktop.textnorm import fold

MONTHLY, HOUSEHOLD, CASE, CAMPAIGN = "monthly", "household", "case", "campaign"
FAMILY_DV = "family-dv"  # the yearly family and domestic-violence report of Thông tư 07/2017
A0 = "a0"  # the A0/CTV sheet of a household, or the Sổ A0 of a village
P0 = "p0"  # the P0/CTV slip of a month: its population events, section by section
SEARCH_CAP = 30  # households offered while typing


@dataclass(frozen=True, slots=True)
class ReportChoice:
    kind: str  # MONTHLY, P0, HOUSEHOLD, A0, CASE, CAMPAIGN or FAMILY_DV
    title: str  # on screen, in the UI language
    subject: str  # recorded with the export: the month, the household number, the case, the campaign, the village
    file_stem: str  # the suggested file name, without extension
    month: str = ""
    household_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    campaign: str = ""
    year: int = 0
    remarks: Remarks | None = None  # the monthly report's difficulties and proposals as typed; None: as saved
    village_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class CaseOption:
    """A case whose content the user may read, with what its line in the picker is made of."""

    id: uuid.UUID
    opened_on: date
    household_code: str | None  # None when the household is not among the rows the user may see
    kind: str
    kind_names: CodeDTO | None  # None for a kind missing from the code table: the code is shown
    state: str
    file_stem: str


@dataclass(frozen=True, slots=True)
class Choices:
    cases: list[CaseOption]
    campaigns: list[tuple[str, str]]  # (code, Vietnamese name)
    villages: list[tuple[uuid.UUID, str]] = field(default_factory=list)  # the user's, for a village's Sổ A0


# One choice ################################################################################


def monthly_choice(month: str, title: str, remarks: Remarks | None = None) -> ReportChoice:
    return ReportChoice(MONTHLY, title, month, f"bao-cao-thang-{month}", month=month, remarks=remarks)


def p0_choice(month: str, title: str) -> ReportChoice:
    """The P0/CTV slip of a month; its file name names the month only, never a person."""
    return ReportChoice(P0, title, month, f"phieu-thu-tin-p0-{safe_name(month)}", month=month)


def household_choice(household_id: uuid.UUID, code: str, title: str) -> ReportChoice:
    return ReportChoice(HOUSEHOLD, title, code, f"phieu-ho-{safe_name(code)}", household_id=household_id)


def case_choice(case: CaseOption, title: str) -> ReportChoice:
    return ReportChoice(CASE, title, case.id.hex, case.file_stem, case_id=case.id)


def campaign_choice(code: str, year: int, title: str) -> ReportChoice:
    stem = f"bao-cao-{safe_name(code)}-{year}"
    return ReportChoice(CAMPAIGN, title, f"{code} {year}", stem, campaign=code, year=year)


def family_dv_choice(year: int, title: str) -> ReportChoice:
    return ReportChoice(FAMILY_DV, title, str(year), f"bao-cao-gia-dinh-{year}", year=year)


def a0_choice(
    title: str,
    *,
    household_id: uuid.UUID | None = None,
    code: str = "",
    village_id: uuid.UUID | None = None,
    village: str = "",
) -> ReportChoice:
    """The A0/CTV sheet of the household (`household_id`, its number `code`) or the whole Sổ A0 of the
    village (`village_id`, its name `village`): exactly one of the two. The file name carries the household
    number or the village's name without accents, never a person's name."""
    if (household_id is None) == (village_id is None):
        raise ValueError("an A0 choice is for one household or one village")
    if household_id is not None:
        return ReportChoice(A0, title, code, f"phieu-a0-ho-{safe_name(code)}", household_id=household_id)
    return ReportChoice(A0, title, village, f"so-a0-{safe_name(fold(village))}", village_id=village_id)


def document(profile: Profile, choice: ReportChoice) -> ReportDocument:
    """The report the choice is for, read from the database."""
    if choice.kind == MONTHLY:
        return monthly_report.monthly_document(profile, choice.month, remarks=choice.remarks)
    if choice.kind == P0:
        return p0_slip.p0_document(profile, choice.month)
    if choice.kind == HOUSEHOLD and choice.household_id is not None:
        return household_card.household_document(profile, choice.household_id)
    if choice.kind == A0 and choice.household_id is not None:
        return a0_sheet.a0_document(profile, choice.household_id)
    if choice.kind == A0 and choice.village_id is not None:
        return a0_book.a0_book_document(profile, choice.village_id)
    if choice.kind == CASE and choice.case_id is not None:
        return case_record.case_document(profile, choice.case_id)
    if choice.kind == CAMPAIGN:
        return campaign_report.campaign_document(profile, choice.campaign, choice.year)
    if choice.kind == FAMILY_DV:
        return family_dv_report.family_dv_document(profile, choice.year)
    raise ValueError(f"incomplete report choice: {choice}")


def keep_typed(profile: Profile, choice: ReportChoice) -> None:
    """Save what the user typed for the report (the monthly remarks) before it is exported, so the next
    export, in the app or on the command line, prints the same text; a refusal saves nothing."""
    if choice.kind == MONTHLY and choice.remarks is not None:
        remarks.save_monthly_remarks(profile, choice.month, choice.remarks)


# What the pickers offer ####################################################################


def load_choices(profile: Profile) -> Choices:
    """The cases whose content the user may read, and the campaigns."""
    readable = [c for c in cases.list_cases(profile) if c.kind is not None]
    codes = {row.id: row.code for row in households.rows(profile, list({c.household_id for c in readable}))}
    with profile.sessions() as session:
        kinds = {item.code: item for item in reference.codes(session, cases.KIND_TABLE)}
    found = [
        CaseOption(
            c.id,
            c.opened_on,
            codes.get(c.household_id),
            c.kind or "",
            kinds.get(c.kind or ""),
            c.state,
            f"ho-so-{safe_name(codes.get(c.household_id, 'ho'))}-{c.opened_on:%Y-%m-%d}",
        )
        for c in readable
    ]
    with profile.sessions() as session:
        kept = [
            (v.id, v.name) for v in reference.villages(session, profile.commune_code) if profile.user.sees_village(v.id)
        ]
    return Choices(found, campaign_report.campaign_choices(profile), kept)


def search_households(profile: Profile, query: str) -> list[tuple[str, uuid.UUID, str]]:
    """(label, id, number) of the households matching `query`, register order."""
    found = households.list_households(profile, query, cap=SEARCH_CAP)
    return [
        (f"{row.code} — {row.head_name or '…'} · {row.village}", row.id, row.code)
        for row in households.rows(profile, list(found.ids[:SEARCH_CAP]))
    ]


def month_choices(today: date, back: int) -> list[tuple[str, str]]:
    """(label "MM/YYYY", "YYYY-MM") from this month back `back` months, newest first."""
    found = []
    index = today.year * 12 + today.month - 1
    for step in range(back + 1):
        year, month = divmod(index - step, 12)
        first = date(year, month + 1, 1)
        found.append((f"{first.month:02d}/{first.year}", month_of(first)))
    return found


def safe_name(text: str) -> str:
    """A file-name part that every file system accepts."""
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-.") or "bao-cao"
