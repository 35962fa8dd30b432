"""The words of the change log: what each kind of record, each field and each stored state is called.

Every table the audit chain can name (the synced tables of db/models/synced.py, the users of the device,
the report exports and the demo's bulk insert) and every field its events can carry has a label here;
tests/ui/test_audit_words.py walks the models and fails on a column without one. Should an event still
name something unknown (a newer version wrote it), a generic wording is shown, never the stored name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.profile.access import ROLE_LABELS
from desktop.ui.formatting import person_status, place_of_birth
from desktop.ui.pages.audit_sync_words import conflict_reasons, conflict_states, review_kinds, review_states
from desktop.ui.translation import message_text

CTX = "AuditLog"
# Tables that are not ORM rows of db/models/synced.py but have events of their own.
USERS, EXPORTS, BULK = "users", "report_exports", "*"
# A changeset from another copy, applied: one event of the action "sync" for all its rows (db/audit.py SYNC,
# desktop/sync/apply.py); its summary counts the rows, "rows.<table>" per table.
CHANGESETS, SYNC = "changesets", "sync"
ROWS_PREFIX = "rows."


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def action_label(action: str) -> str:
    labels = {"create": _tr("Added"), "update": _tr("Changed"), "delete": _tr("Deleted"), SYNC: _tr("Synced")}
    return labels.get(action) or _tr("Other change")


def _tables() -> dict[str, str]:
    return {
        "villages": _tr("Village"),
        "households": _tr("Household"),
        "household_categories": _tr("Household category"),
        "people": _tr("Person"),
        "population_events": _tr("Population event"),
        "visits": _tr("Visit"),
        "directory_users": _tr("User as other devices know them"),
        "support_cases": _tr("Support case"),
        "case_measures": _tr("Measure of a case"),
        "case_referrals": _tr("Referral of a case"),
        "case_parties": _tr("Person in a case"),
        "case_plan_items": _tr("Step of a support plan"),
        "case_actions": _tr("Entry of a case timeline"),
        "manual_tasks": _tr("Own task"),
        "task_states": _tr("Task done or put off"),
        "campaign_years": _tr("Campaign year"),
        "communication_activities": _tr("Communication activity"),
        "review_items": _tr("Item to review after a merge"),
        "sync_conflicts": _tr("Value set aside by a merge"),
        CHANGESETS: _tr("Changes received from another laptop"),
        USERS: _tr("User"),
        EXPORTS: _tr("Report saved"),
        BULK: _tr("Bulk change"),
    }


def table_label(table: str) -> str:
    return _tables().get(table) or _tr("Other record")


def has_table_label(table: str) -> bool:
    return table in _tables()


def _fields() -> dict[str, str]:
    return {
        "full_name": _tr("Full name"),
        "code": _tr("Code"),
        "name": _tr("Name"),
        "address": _tr("Address"),
        "phone": _tr("Phone"),
        "birth_date": _tr("Date of birth"),
        "birth_year": _tr("Year of birth"),
        "sex": _tr("Sex"),
        "relationship": _tr("Relationship to head"),
        "status": _tr("Status"),
        "visited_on": _tr("Visit date"),
        "follow_up_on": _tr("Follow-up date"),
        "topics": _tr("Topics"),
        "category": _tr("Category"),
        "year": _tr("Year"),
        "decision_no": _tr("Decision no."),
        "poverty_standard": _tr("Poverty standard"),
        "notes": _tr("Notes"),
        "kind": _tr("Kind"),
        "event_date": _tr("Event date"),
        "collaborator": _tr("Collaborator"),  # events written before visits named them by id
        "collaborator_id": _tr("Collaborator"),
        "deleted_at": _tr("Deleted at"),
        "dissolved_on": _tr("Dissolved on"),
        "dissolved_reason": _tr("Reason dissolved"),
        "head_person_id": _tr("Head of household"),
        "household_id": _tr("Household"),
        "village_id": _tr("Village"),
        "person_id": _tr("Person"),
        "persons_met": _tr("People met"),
        "commune_code": _tr("Commune code"),
        "active": _tr("In use"),
        "national_id": _tr("Citizen ID"),
        "insurance_no": _tr("Health insurance no."),
        "ethnicity": _tr("Ethnic group"),
        "education": _tr("Education"),
        "marital_status": _tr("Marital status"),
        "residence_status": _tr("Residence status"),
        "death_date": _tr("Date of death"),
        "left_on": _tr("Date moved out"),
        "reporting_month": _tr("Reporting month"),
        "details": _tr("Details"),
        "sort_order": _tr("Place in the list"),
        "legacy_district": _tr("Former district code"),
        "legacy_commune_code": _tr("Former commune code"),
        "case_id": _tr("Support case"),
        "owner": _tr("Owner"),  # events written before owners were named by id
        "owner_id": _tr("Owner"),
        "opened_on": _tr("Opened on"),
        "state": _tr("State"),
        "closed_on": _tr("Ended on"),
        "summary": _tr("Summary"),
        "risk_level": _tr("Risk level"),
        "consent": _tr("Agreed to be helped"),
        "acts": _tr("Acts of violence"),
        "relationship_context": _tr("Relationship between the people"),
        "harm": _tr("Harm"),
        "recurrence_12m": _tr("Times in the last 12 months"),
        "groups": _tr("Groups of the child"),
        "stage": _tr("Step"),
        "measure": _tr("Measure"),
        "decided_on": _tr("Decided on"),
        "starts_on": _tr("Starts on"),
        "ends_on": _tr("Ends on"),
        "distance_m": _tr("Distance (m)"),
        "supervisor": _tr("Supervised by"),
        "body": _tr("Sent to"),
        "sent_on": _tr("Sent on"),
        "status_on": _tr("Status since"),
        "role": _tr("Role"),
        "anonymous": _tr("Anonymous"),
        "contact": _tr("Contact"),
        "action": _tr("What is to be done"),
        "responsible": _tr("Who does it"),
        "due_on": _tr("Due on"),
        "done_on": _tr("Done on"),
        "result": _tr("Result"),
        "title": _tr("Task"),
        "task_key": _tr("Task"),
        "snoozed_until": _tr("Put off until"),
        "reason": _tr("Reason"),
        "campaign": _tr("Campaign"),
        "theme": _tr("Theme"),
        "source": _tr("Source"),
        "held_on": _tr("Held on"),
        "form": _tr("Form"),
        "topic": _tr("Topic"),
        "campaign_id": _tr("Campaign"),
        "participants_male": _tr("Men taking part"),
        "participants_female": _tr("Women taking part"),
        "materials": _tr("Materials handed out"),
        "materials_count": _tr("Copies handed out"),
        # users
        "protection": _tr("May see protection cases"),
        "villages": _tr("Villages kept"),
        "disabled_at": _tr("Removed on"),
        "passphrase_reset": _tr("New passphrase set by"),  # services/profile/recovery.py
        "recovery_code": _tr("Recovery code"),
        # report exports
        "format": _tr("File type"),
        "subject": _tr("Report for"),
        "sha256": _tr("Check code (SHA-256)"),
        "signed": _tr("Signed"),
        "confidential": _tr("Confidential"),
        # a changeset applied (desktop/sync/apply.py)
        "changeset": _tr("Batch of changes"),
        "sender": _tr("Sent by the laptop"),
        "applied": _tr("Records written"),
        "unchanged": _tr("Records already up to date"),
        "conflicted": _tr("Records with a value set aside"),
        # the demo's bulk insert
        "demo": _tr("Demo data"),
    }


def _table_fields() -> dict[tuple[str, str], str]:
    """Where a field means something else in one table."""
    return {
        ("support_cases", "kind"): _tr("Kind of case"),
        ("support_cases", "person_id"): _tr("Person helped"),
        ("support_cases", "details"): _tr("Case details"),
        ("case_actions", "kind"): _tr("Kind of entry"),
        ("case_parties", "relationship"): _tr("Relationship to the victim"),
        ("case_parties", "name"): _tr("Name"),
        ("case_plan_items", "status"): _tr("Progress"),
        ("case_referrals", "status"): _tr("Progress"),
        ("report_exports", "kind"): _tr("Report"),
        ("users", "role"): _tr("Role"),
        ("users", "name"): _tr("Name"),
        ("campaign_years", "year"): _tr("Year"),
        ("manual_tasks", "owner"): _tr("Whose task"),
        ("manual_tasks", "owner_id"): _tr("Whose task"),
        ("directory_users", "role"): _tr("Role"),
        ("directory_users", "name"): _tr("Name"),
        ("review_items", "kind"): _tr("Problem"),
        ("review_items", "record_ids"): _tr("Records concerned"),
        ("review_items", "table_name"): _tr("Kind of record"),
        ("review_items", "state"): _tr("Progress"),
        ("sync_conflicts", "table_name"): _tr("Kind of record"),
        ("sync_conflicts", "row_id"): _tr("Record"),
        ("sync_conflicts", "field"): _tr("Detail"),
        ("sync_conflicts", "reason"): _tr("Why it was set aside"),
        ("sync_conflicts", "kept_value"): _tr("Value kept"),
        ("sync_conflicts", "kept_clock"): _tr("Time of the value kept"),
        ("sync_conflicts", "other_value"): _tr("Value set aside"),
        ("sync_conflicts", "other_clock"): _tr("Time of the value set aside"),
        ("sync_conflicts", "state"): _tr("Choice"),
    }


def field_label(field: str, table: str = "") -> str:
    if field.startswith(ROWS_PREFIX):  # a changeset's count of one table's rows
        return _tr("Records written: {kind}").format(kind=table_label(field.removeprefix(ROWS_PREFIX)))
    return _table_fields().get((table, field)) or _fields().get(field) or _tr("Other detail")


def has_field_label(field: str, table: str = "") -> bool:
    if field.startswith(ROWS_PREFIX):
        return has_table_label(field.removeprefix(ROWS_PREFIX))
    return (table, field) in _table_fields() or field in _fields()


def detail_label(key: str) -> str:
    """The keys of a population event's details (services/register/people.py, events.py CARE_FIELDS)."""
    labels = {
        "place": _tr("Place of birth"),
        "birth_order": _tr("Child number"),
        "mother_id": _tr("Mother"),
        "from": _tr("Came from"),
        "to": _tr("Moved to"),
        "cause": _tr("Cause"),
        "partner": _tr("Married to"),
        "from_household": _tr("From household"),
        "to_household": _tr("To household"),
        "before": _tr("Before the change"),
        "full_name": _tr("Full name"),
        "birth_date": _tr("Date of birth"),
        "method": _tr("Method"),
        "stage": _tr("What happened"),
        "pregnancy_no": _tr("Pregnancy number"),
        "week": _tr("Week of pregnancy"),
        "result": _tr("Result"),
        "results": _tr("Results by condition"),
        "done_at": _tr("Where"),
    }
    return labels.get(key) or _tr("Other detail")


def state_word(table: str, field: str, value: str) -> str | None:
    """A stored state in words, or None when the field holds no state."""
    if (table, field) == ("people", "status"):
        return person_status(value)
    if (table, field) == (USERS, "role"):
        return message_text(ROLE_LABELS[value]) if value in ROLE_LABELS else None  # type: ignore[index]
    words = _STATES.get((table, field))
    return words()[value] if words is not None and value in words() else None


def _case_states() -> dict[str, str]:
    return {"open": _tr("Open"), "closed": _tr("Ended")}


def _referral_states() -> dict[str, str]:
    return {"sent": _tr("Sent"), "received": _tr("Received"), "done": _tr("Done"), "declined": _tr("Declined")}


def _plan_states() -> dict[str, str]:
    return {"planned": _tr("Planned"), "done": _tr("Done"), "dropped": _tr("Dropped")}


def _report_kinds() -> dict[str, str]:
    return {
        "monthly": _tr("Monthly report"),
        "household": _tr("Household card"),
        "case": _tr("Case record"),
        "campaign": _tr("Campaign report"),
        "p0": _tr("P0/CTV slip"),
        "a0": _tr("A0/CTV sheet or Sổ A0"),
        "family-dv": _tr("Family and domestic violence report"),
    }


def _formats() -> dict[str, str]:
    return {"pdf": _tr("PDF"), "xlsx": _tr("Excel workbook")}


def _passphrase_resets() -> dict[str, str]:
    return {"recovery_code": _tr("the recovery code"), "officer": _tr("a commune officer")}


def _recovery_code_states() -> dict[str, str]:
    return {"replaced": _tr("replaced by a new code (the used one no longer works)")}


_STATES = {
    ("support_cases", "state"): _case_states,
    (USERS, "passphrase_reset"): _passphrase_resets,
    (USERS, "recovery_code"): _recovery_code_states,
    ("case_referrals", "status"): _referral_states,
    ("case_plan_items", "status"): _plan_states,
    ("review_items", "state"): review_states,
    ("review_items", "kind"): review_kinds,
    ("sync_conflicts", "state"): conflict_states,
    ("sync_conflicts", "reason"): conflict_reasons,
    (EXPORTS, "kind"): _report_kinds,
    (EXPORTS, "format"): _formats,
}


def detail_word(key: str, value: str) -> str | None:
    """A population event detail's stored word, or None when it is free text."""
    words = {
        "place": place_of_birth(value) if value in ("health_station", "hospital", "home", "other") else None,
        "stage": {"detected": _tr("Pregnancy found"), "ended": _tr("Pregnancy ended")}.get(value),
        "result": {"pending": _tr("Waiting"), "normal": _tr("Normal"), "at_risk": _tr("At risk")}.get(value),
    }
    return words.get(key)


def task_word(task_key: str) -> str:
    """A task of the task list by its kind (the key also holds record ids, which mean nothing to a reader)."""
    kinds = {
        "no_contact_end": _tr("A no-contact measure ends"),
        "child_plan_due": _tr("A child's support plan is due"),
        "plan_item_due": _tr("A step of a support plan is due"),
        "follow_up": _tr("A follow-up visit"),
        "priority_visit": _tr("A priority visit"),
        "newborn_screening_due": _tr("A newborn screening is due"),
        "prenatal_screening_due": _tr("A prenatal screening is due"),
        "case_follow_up": _tr("A case follow-up"),
        "manual": _tr("Own task"),
    }
    return kinds.get(task_key.split(":", 1)[0]) or _tr("Other task")


def demo_text(households: str, seed: str, day: str) -> str:
    return _tr("{households} households, seed {seed}, on {day}").format(households=households, seed=seed, day=day)


def yes_no(value: bool) -> str:
    return _tr("Yes") if value else _tr("No")


def protected_change(action: str) -> str:
    """The content of a support case or of its parts: the log says only that it was written or changed."""
    if action == "create":
        return _tr("Content: written (protected content)")
    if action == "delete":
        return _tr("Content: removed (protected content)")
    return _tr("Content: changed (protected content)")


def characters(n: object) -> str:
    return _tr("({n} characters)").format(n=n)


def people_count(n: int) -> str:
    return _tr("{n} person(s)").format(n=n)


def villages_count(n: int) -> str:
    return _tr("{n} village(s)").format(n=n)
