"""Changesets of an open profile: extract what it has to send, apply what another copy sent, say what is
pending. The merge itself is desktop.sync's; this module owns the transactions (architecture.md §5)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, func, select
from sqlalchemy.exc import IntegrityError

from db.base import PENDING_USN
from db.migrate import current_revision
from db.models.sync import OPEN, SyncConflict
from db.stamps import ACKNOWLEDGE, APPLY, LOCAL, MODE_KEY
from desktop.services import reference_upper, review
from desktop.services.profile.handle import Profile
from desktop.sync.acknowledge import acknowledge as acknowledge_changeset
from desktop.sync.apply import ApplyReport
from desktop.sync.apply import apply as apply_changeset
from desktop.sync.changeset import Changeset, ChangesetError
from desktop.sync.extract import extract as extract_changeset
from desktop.sync.extract import synced_tables

__all__ = ["ApplyReport", "Changeset", "ChangesetError", "SyncStatus", "acknowledge", "apply", "extract", "status"]

_CONFLICTS = cast(Table, SyncConflict.__table__)


@dataclass(frozen=True)
class SyncStatus:
    pending: dict[str, int]  # rows not yet acknowledged, by table (tables with none left out)
    open_conflicts: int

    @property
    def pending_total(self) -> int:
        return sum(self.pending.values())


def extract(profile: Profile) -> Changeset:
    """Every row this copy has that the upper level has not acknowledged. Reads only."""
    schema = current_revision(profile.engine) or ""
    with profile.sessions() as session:
        return extract_changeset(session.connection(), profile.device_id, schema)


def apply(profile: Profile, changeset: Changeset) -> ApplyReport:
    """Merge another copy's changeset, all of it or nothing. Raises ChangesetError for one this copy cannot
    take (a row that refers to a record neither copy has, a value its column cannot hold).

    Rules the services check as a person types (one household per number…) can be broken by two copies
    that each kept them: what the merge broke becomes review items, in the same transaction, written as
    this device's own changes."""
    try:
        with profile.sessions.begin() as session:
            session.info[MODE_KEY] = APPLY
            report = apply_changeset(session, changeset)
            if report.applied:  # nothing new here, nothing newly broken
                session.info[MODE_KEY] = LOCAL
                report.review_items = review.scan(session)
                report.unknown_codes = reference_upper.unknown_codes(session, code_uses(changeset))
            return report
    except IntegrityError as exc:  # checked at the commit: foreign keys are deferred while applying
        raise ChangesetError("a row refers to a record this copy does not have") from exc


# The columns of synced rows that hold a code of a code table (case content is sealed: not read here).
CODED: dict[str, dict[str, str]] = {
    "people": {
        "sex": "sex",
        "relationship": "relationship",
        "ethnicity": "ethnic_groups",
        "education": "education",
        "marital_status": "marital_status",
        "residence_status": "residence_status",
    },
    "household_categories": {"category": "household_categories", "poverty_standard": "poverty_standards"},
    "population_events": {"kind": "population_event_kinds"},
    "visits": {"topics": "visit_topics"},
    "communication_activities": {"form": "activity_forms", "topic": "visit_topics"},
    "campaign_years": {"campaign": "campaigns"},
}


def code_uses(changeset: Changeset) -> Iterator[tuple[str, str]]:
    """(code table, code) for every code a changeset's rows use; empty values are no code."""
    for row in changeset.rows:
        for column, table in CODED.get(row.table, {}).items():
            value = row.values.get(column)
            for code in value if isinstance(value, list) else [value]:
                if isinstance(code, str) and code:
                    yield table, code


def acknowledge(profile: Profile, changeset: Changeset, usn: int) -> int:
    """The upper level took this copy's `changeset` at `usn`: its rows, unless edited since, stop being
    pending. Returns how many rows were acknowledged."""
    with profile.sessions.begin() as session:
        session.info[MODE_KEY] = ACKNOWLEDGE
        return acknowledge_changeset(session, changeset, usn)


def status(profile: Profile) -> SyncStatus:
    with profile.sessions() as session:
        conn = session.connection()
        pending = {}
        for table in synced_tables():
            count = conn.execute(select(func.count()).select_from(table).where(table.c.usn == PENDING_USN)).scalar_one()
            if count:
                pending[table.name] = int(count)
        conflicts = conn.execute(
            select(func.count())
            .select_from(_CONFLICTS)
            .where(_CONFLICTS.c.state == OPEN, _CONFLICTS.c.deleted_at.is_(None))
        ).scalar_one()
    return SyncStatus(pending=pending, open_conflicts=int(conflicts))
