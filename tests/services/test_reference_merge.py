"""The app's reference files and the upper level's reference rows merge without losing either: a new app
version never overwrites or retires what the upper level sent, a withdrawn code is retired (old records still
name it), and of two versions of an upper-level row the later clock wins."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from db.models.reference import AdminUnit, CodeItem
from desktop.errors import ValidationError
from desktop.services import reference, reference_upper
from desktop.services.reference_upper import CodeRow, UnitRow
from desktop.services.register import households, visits
from desktop.services.register.households import HouseholdInput
from desktop.services.register.visits import VisitInput

HLC_1 = "2026-12-01T08:00:00.000Z-0000-hubA"
HLC_2 = "2026-12-02T08:00:00.000Z-0000-hubA"


def _edit(folder: Path, table: str, change: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or ())
        rows = change(list(reader))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def files(tmp_path, monkeypatch) -> Path:
    """A copy of the app's reference files that a test edits as a newer app version would ship them."""
    folder = tmp_path / "reference"
    shutil.copytree(reference.reference_dir(), folder)
    monkeypatch.setattr(reference, "reference_dir", lambda: folder)
    return folder


def _upgrade(profile) -> None:
    with profile.sessions.begin() as session:
        reference.load_if_needed(session)


def _item(profile, table: str, code: str) -> CodeItem | None:
    with profile.sessions() as session:
        item = session.get(CodeItem, (table, code))
        if item is not None:
            session.expunge(item)
        return item


def _renamed(code: str, name: str) -> Callable[[list[dict[str, str]]], list[dict[str, str]]]:
    return lambda rows: [{**row, "name_vi": name} if row["code"] == code else row for row in rows]


def test_a_new_app_version_keeps_the_upper_levels_row_and_updates_its_own(profile, files):
    with profile.sessions.begin() as session:
        report = reference_upper.merge_upper_level(
            session, [CodeRow("visit_topics", "family_planning", "Dân số - KHHGĐ (tỉnh)", HLC_1, sort_order=9)]
        )
    assert report.codes_applied == (("visit_topics", "family_planning"),)
    _edit(files, "visit_topics", _renamed("family_planning", "KHHGĐ (bản mới của ứng dụng)"))
    _edit(files, "visit_topics", _renamed("elderly_care", "Chăm sóc và phát huy vai trò người cao tuổi"))
    _upgrade(profile)

    kept = _item(profile, "visit_topics", "family_planning")
    assert kept is not None
    assert (kept.name_vi, kept.sort_order, kept.origin, kept.hlc) == ("Dân số - KHHGĐ (tỉnh)", 9, "upper", HLC_1)
    updated = _item(profile, "visit_topics", "elderly_care")
    assert updated is not None and updated.name_vi == "Chăm sóc và phát huy vai trò người cao tuổi"


def test_a_code_dropped_from_the_files_is_retired_and_old_visits_still_name_it(register, files):
    p = register.profile
    hid = households.create(p, HouseholdInput(code="012", village_id=register.village_a, address="Xóm 3"))
    visits.record(p, hid, VisitInput(visited_on=date(2026, 11, 3), topics=("elderly_care",)))
    _edit(files, "visit_topics", lambda rows: [row for row in rows if row["code"] != "elderly_care"])
    _upgrade(p)

    dropped = _item(p, "visit_topics", "elderly_care")
    assert dropped is not None and dropped.retired
    [visit] = visits.for_household(p, hid)
    assert visit.topic_names == ("Chăm sóc người cao tuổi",)
    topics = reference.code_tables(p, "visit_topics")["visit_topics"]
    assert "elderly_care" not in [c.code for c in reference.offered(topics)]
    assert "elderly_care" in [c.code for c in reference.offered(topics, keep=["elderly_care"])]

    _edit(files, "visit_topics", lambda rows: [*rows, {**rows[0], "code": "elderly_care", "name_vi": "NCT"}])
    _upgrade(p)  # shipped again: in use again
    back = _item(p, "visit_topics", "elderly_care")
    assert back is not None and not back.retired and back.name_vi == "NCT"


def test_the_files_never_retire_a_code_the_upper_level_sent(profile, files):
    with profile.sessions.begin() as session:
        reference_upper.merge_upper_level(session, [CodeRow("visit_topics", "ht_flood", "Phòng chống lũ", HLC_1)])
    _edit(files, "visit_topics", _renamed("family_planning", "KHHGĐ"))
    _upgrade(profile)
    sent = _item(profile, "visit_topics", "ht_flood")
    assert sent is not None and not sent.retired and sent.name_vi == "Phòng chống lũ"


def test_an_older_or_equal_clock_from_the_upper_level_changes_nothing(profile):
    with profile.sessions.begin() as session:
        reference_upper.merge_upper_level(session, [CodeRow("visit_topics", "ht_flood", "Phòng chống lũ", HLC_2)])
    with profile.sessions.begin() as session:
        report = reference_upper.merge_upper_level(
            session,
            [
                CodeRow("visit_topics", "ht_flood", "Tên cũ", HLC_1),
                CodeRow("visit_topics", "ht_flood", "Cùng giờ", HLC_2),
            ],
        )
    assert report.codes_applied == ()
    assert report.codes_unchanged == (("visit_topics", "ht_flood"),) * 2
    item = _item(profile, "visit_topics", "ht_flood")
    assert item is not None and (item.name_vi, item.hlc) == ("Phòng chống lũ", HLC_2)

    later = "2026-12-03T08:00:00.000Z-0000-hubA"
    with profile.sessions.begin() as session:
        report = reference_upper.merge_upper_level(
            session, [CodeRow("visit_topics", "ht_flood", "Phòng chống thiên tai", later, retired=True)]
        )
    item = _item(profile, "visit_topics", "ht_flood")
    assert item is not None and (item.name_vi, item.hlc, item.retired) == ("Phòng chống thiên tai", later, True)


def test_the_upper_level_renames_a_commune_and_adds_one_under_the_province(profile):
    with profile.sessions.begin() as session:
        report = reference_upper.merge_upper_level(
            session,
            [
                UnitRow("18673", "Xã Cẩm Xuyên (mới)", "commune", HLC_1, unit_type="xa", parent_code="42"),
                UnitRow("99999", "Xã Thử", "commune", HLC_1, parent_code="42"),
            ],
        )
    assert report.units_applied == ("18673", "99999")
    with profile.sessions() as session:
        names = {c.code: c.name for c in reference.communes(session)}
        unit = session.get(AdminUnit, "18673")
        assert unit is not None and (unit.origin, unit.hlc) == ("upper", HLC_1)
    assert names["18673"] == "Xã Cẩm Xuyên (mới)" and names["99999"] == "Xã Thử"


def test_a_malformed_row_from_the_upper_level_is_refused_and_nothing_is_taken(profile):
    with pytest.raises(ValidationError), profile.sessions.begin() as session:
        reference_upper.merge_upper_level(
            session,
            [CodeRow("visit_topics", "ht_flood", "Phòng chống lũ", HLC_1), CodeRow("visit_topics", "x", "X", "")],
        )
    with pytest.raises(ValidationError), profile.sessions.begin() as session:
        reference_upper.merge_upper_level(session, [UnitRow("99999", "Xã Thử", "commune", HLC_1, parent_code="77")])
    assert _item(profile, "visit_topics", "ht_flood") is None


def test_unknown_codes_names_each_pair_the_profile_lacks_once(profile, files):
    _edit(files, "visit_topics", lambda rows: [row for row in rows if row["code"] != "elderly_care"])
    _upgrade(profile)  # a retired code is still known
    uses = [
        ("sex", "1"),
        ("visit_topics", "ht_flood"),
        ("visit_topics", "elderly_care"),
        ("sex", "9"),
        ("visit_topics", "ht_flood"),
        ("admin_units", "18673"),
        ("admin_units", "00001"),
        ("no_such_table", "1"),
    ]
    with profile.sessions() as session:
        found = reference_upper.unknown_codes(session, uses)
    assert found == [("visit_topics", "ht_flood"), ("sex", "9"), ("admin_units", "00001"), ("no_such_table", "1")]
