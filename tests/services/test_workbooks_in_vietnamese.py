"""Every workbook the Reports page exports reads in Vietnamese: no cell shows one of the app's codes
("monthly", "victim", "stop_violence") where a reader expects words."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.demo.build import build_demo, create_demo_profile
from desktop.paths import ProfilePaths
from desktop.reports import xlsx
from desktop.services import reference
from desktop.services.casework import cases, child_plan, parties
from desktop.services.documents import case_record_kinds, choices

TODAY = date(2026, 12, 7)
CODE_SHAPED = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+")  # stop_violence, family-dv


def app_codes() -> set[str]:
    """The codes a workbook could leak: document kinds, code-table keys, party roles and statuses."""
    found = {*xlsx.KIND_NAMES, *parties.ROLES, *case_record_kinds.STATUS_NAMES, cases.CLOSED, child_plan.PLANNED}
    words: set[str] = set()
    for path in reference.reference_dir().glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found.add(row["code"])
                words.update(re.findall(r"\w+", row["name_vi"].lower()))
    # Keys of three letters or more that are not also a Vietnamese word of some table ("an" is a name).
    return {code for code in found if len(code) >= 3 and not code.isdigit() and code.lower() not in words}


def leaked(text: str, codes: set[str]) -> set[str]:
    tokens = set(re.findall(r"[A-Za-z0-9_-]+", text))
    return {t for t in tokens if t in codes or CODE_SHAPED.fullmatch(t)}


@pytest.fixture
def demo(tmp_path: Path):
    profile = create_demo_profile(ProfilePaths(tmp_path / "demo"), seed=2026).profile
    build_demo(profile, households=45, seed=2026, today=TODAY)  # one case of each kind
    return profile


def every_choice(profile) -> list[choices.ReportChoice]:
    loaded = choices.load_choices(profile)
    month = choices.month_choices(profile.today(), 2)[1][1]
    _label, household_id, code = choices.search_households(profile, "")[0]
    village_id, village = loaded.villages[0]
    found = [
        choices.monthly_choice(month, month),
        choices.p0_choice(month, month),
        choices.household_choice(household_id, code, code),
        choices.a0_choice(code, household_id=household_id, code=code),
        choices.a0_choice(village, village_id=village_id, village=village),
        *(choices.case_choice(case, case.file_stem) for case in loaded.cases),
        *(choices.campaign_choice(code, TODAY.year - 1, name) for code, name in loaded.campaigns[:3]),
        choices.family_dv_choice(TODAY.year - 1, "family"),
    ]
    kinds = {choices.MONTHLY, choices.P0, choices.HOUSEHOLD, choices.A0, choices.CASE, choices.CAMPAIGN}
    assert {c.kind for c in found} == kinds | {choices.FAMILY_DV}
    return found


def test_no_cell_of_any_workbook_shows_a_code(demo) -> None:
    codes = app_codes()
    assert {"monthly", "case", "victim", "stop_violence", "physical"} <= codes  # the list is not empty
    for choice in every_choice(demo):
        workbook = load_workbook(io.BytesIO(xlsx.render_xlsx(choices.document(demo, choice))))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str):
                        assert not leaked(value, codes), (choice.kind, sheet.title, value)


def test_the_check_sees_a_code_in_a_cell() -> None:
    codes = app_codes()
    assert leaked("monthly", codes) == {"monthly"}
    assert leaked("Vai trò: victim", codes) == {"victim"}
    assert leaked("stop_violence", codes) == {"stop_violence"}
    assert not leaked("Báo cáo tháng", codes)
    assert not leaked("HS-2026-749406BF25", codes)  # an identifier, upper case
    assert not leaked("Số: E02918/HS-CTV", codes)
