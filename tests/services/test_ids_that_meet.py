"""Ids that meet: a task state and a village get the same id on every laptop of a commune, so the copies
of a notebook merge into one row instead of two; a row deleted and made again comes back under its id."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.base import utcnow
from db.models.casework import TaskState, task_state_id
from db.models.register import Household, Village, village_id
from desktop.errors import ValidationError
from desktop.services import reference
from desktop.services.casework import tasks
from desktop.services.register import categories, households, villages
from tests.conftest import COMMUNE, make_profile

TODAY = date.today()


@pytest.fixture
def two_laptops(tmp_path):
    """Two notebooks of one commune, as two laptops hold them before they sync."""
    first, second = make_profile(tmp_path / "first"), make_profile(tmp_path / "second")
    yield first, second
    first.close()
    second.close()


def _village_rows(profile) -> list[tuple[uuid.UUID, str, bool, bool]]:
    with profile.sessions() as session:
        rows = session.scalars(select(Village).where(Village.commune_code == COMMUNE))
        return [(row.id, row.name, row.active, row.deleted_at is None) for row in rows]


def _soft_delete(profile, model, row_id: uuid.UUID) -> None:
    """What sync does with a row another laptop deleted: it keeps the row, marked deleted."""
    with profile.sessions.begin() as session:
        session.get(model, row_id).deleted_at = utcnow()


def test_two_laptops_adding_the_same_village_with_or_without_diacritics_make_one_id(two_laptops):
    first, second = two_laptops
    east = villages.add(first, "Thôn Đông")
    assert villages.add(second, "  thôn   đông ") == east
    assert villages.add(second, "Thon Dong Ha") != east  # another village
    assert east == village_id(COMMUNE, "thon dong")


def test_a_renamed_village_keeps_its_id_and_its_old_name_can_be_used_again(two_laptops):
    first, second = two_laptops
    east = villages.add(first, "Thôn Đông")
    villages.rename(first, east, "Thôn Đông Hà")
    assert _village_rows(first) == [(east, "Thôn Đông Hà", True, True)]
    with pytest.raises(ValidationError):
        villages.add(first, "thon dong ha")  # the renamed village has this name now
    # A new village under the old name takes the next id of the name, the same on the other laptop.
    again = villages.add(first, "Thôn Đông")
    villages.rename(second, villages.add(second, "Thôn Đông"), "Thôn Đông Hà")
    assert again != east and villages.add(second, "Thôn Đông") == again


def test_a_village_added_after_it_was_deleted_or_set_inactive_comes_back(profile):
    east = villages.add(profile, "Thôn Đông")
    _soft_delete(profile, Village, east)
    assert reference.commune_villages(profile) == []
    assert villages.add(profile, "thôn Đông") == east
    assert _village_rows(profile) == [(east, "thôn Đông", True, True)]
    with profile.sessions.begin() as session:
        session.get(Village, east).active = False
    villages.add_missing(profile, ["Thôn Đông"])  # the set-up path brings it back too
    assert _village_rows(profile) == [(east, "Thôn Đông", True, True)]


def _priority_visit(profile, household_id: uuid.UUID) -> str:
    """A poor household never visited: its visit is due today."""
    standard = categories.standard_for("poor", TODAY.year, categories.poverty_standards(profile))
    households.add_category(profile, household_id, category="poor", year=TODAY.year, poverty_standard=standard)
    [task] = [t for t in tasks.open_tasks(profile) if t.kind == "priority_visit" and t.household_id == household_id]
    return task.key


def _state_rows(profile) -> list[tuple[uuid.UUID, str, date | None, date | None, bool]]:
    with profile.sessions() as session:
        return [
            (row.id, row.task_key, row.done_on, row.snoozed_until, row.deleted_at is None)
            for row in session.scalars(select(TaskState))
        ]


def test_the_same_task_handled_on_two_laptops_is_one_row(two_laptops):
    first, second = two_laptops
    home = uuid.uuid4()
    for laptop in (first, second):
        village = villages.add(laptop, "Thôn Đông")
        with laptop.sessions.begin() as session:  # the household as sync brings it to both laptops
            session.add(Household(id=home, commune_code=COMMUNE, village_id=village, code="021"))
    key = _priority_visit(first, home)
    assert _priority_visit(second, home) == key
    tasks.complete(first, key)
    tasks.snooze(second, key, until=TODAY + timedelta(days=3), reason="Cả nhà đi vắng")
    [(done_id, *_)] = _state_rows(first)
    [(snoozed_id, *_)] = _state_rows(second)
    assert done_id == snoozed_id == task_state_id(key)


def test_a_task_handled_again_after_its_state_was_deleted_revives_the_row(register):
    p = register.profile
    home = households.create(p, households.HouseholdInput(code="021", village_id=register.village_a))
    key = _priority_visit(p, home)
    tasks.complete(p, key)
    assert key not in {t.key for t in tasks.open_tasks(p)}
    _soft_delete(p, TaskState, task_state_id(key))
    assert key in {t.key for t in tasks.open_tasks(p)}  # back on the list
    until = TODAY + timedelta(days=5)
    tasks.snooze(p, key, until=until, reason="Cụ đi viện")
    # One row, alive again, holding what was decided now and nothing of the done before the delete.
    assert _state_rows(p) == [(task_state_id(key), key, None, until, True)]
    assert key not in {t.key for t in tasks.open_tasks(p)}
    with p.sessions() as session:
        assert session.scalar(select(func.count()).select_from(TaskState)) == 1
