"""Case content is sealed under the protection key: without the permission, the database alone is ciphertext.

The attacker of these tests is a collaborator of a shared commune PC: they hold their own passphrase, so
they can unwrap the data key from their slot and read `profile.db` with sqlcipher3 and a few lines of
Python, bypassing the app. They must find no case text, no code that tells the kind of case, and no
person linked to a case.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import date

import pytest
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import URL

from db.models.casework import CaseParty, SupportCase
from db.sealed import ContentCipher, DamagedContentError
from desktop.errors import ValidationError
from desktop.security.keystore import KeyStore, WrongPassphraseError
from desktop.services.casework import cases, dv_measures, parties, timeline
from desktop.services.casework.cases import CaseInput
from desktop.services.casework.dv_measures import MeasureInput
from desktop.services.casework.parties import PartyInput
from desktop.services.profile import opening, protection, recovery, users
from desktop.services.profile.access import PermissionDeniedError, Role
from desktop.services.profile.handle import Profile
from desktop.services.profile.users import UserInput
from desktop.services.register import households, members
from desktop.services.register.households import HouseholdInput
from desktop.services.register.members import PersonInput
from tests.conftest import PASSPHRASE, USER

DAY = date(2025, 3, 10)
CTV, CTV_PASS = "Trần Thị Hoa", "hoa giữ thôn đông"
GUARD, GUARD_PASS = "Lê Thị Mai", "mai bảo vệ trẻ em"
SUMMARY = "Chồng đánh vợ nhiều lần, hàng xóm báo"
PARTY = "Dương Văn Hùng"
NOTE = "cấm tiếp xúc trong 30 ngày"
# Words and codes a reader of the raw database must not find anywhere.
REFERENCE_TABLES = {"code_items", "admin_units"}
SECRETS = (SUMMARY, PARTY, NOTE, "domestic_violence", "child_protection", "perpetrator", "no_contact", "0912")


@pytest.fixture
def commune(register):
    officer = register.profile
    home = households.create(officer, HouseholdInput(code="E01", village_id=register.village_a, address="Xóm Đông"))
    victim = members.add_member(officer, home, PersonInput("Phan Thị Đông", "2", date(1990, 5, 1), "head"))
    child = members.add_member(officer, home, PersonInput("Phan Văn Bé", "1", date(2016, 5, 1), "child"))
    dv_case = cases.open_case(officer, CaseInput("domestic_violence", home, DAY, person_id=victim, summary=SUMMARY))
    parties.add_party(officer, dv_case, PartyInput("perpetrator", name=PARTY, birth_year=1985, contact="0912 345 678"))
    dv_measures.apply_measure(
        officer,
        dv_case,
        MeasureInput("no_contact", DAY, starts_on=DAY, ends_on=date(2025, 3, 12), distance_m=150, notes=NOTE),
    )
    child_case = cases.open_case(officer, CaseInput("child_protection", home, DAY, person_id=child))
    users.add_user(officer, UserInput(CTV, Role.CTV, villages=(register.village_a,)), CTV_PASS)
    users.add_user(officer, UserInput(GUARD, Role.CTV, protection=True, villages=(register.village_a,)), GUARD_PASS)
    return officer, home, victim, dv_case, child_case


def _raw_with_passphrase(profile: Profile, user: str, passphrase: str) -> sqlite3.Connection:
    """What a collaborator gets from the files alone: their slot's data key, then sqlcipher3."""
    data_key = KeyStore.load(profile.paths.home).unlock_with_passphrase(user, passphrase)
    url = URL.create("sqlite+pysqlcipher", password=f"x'{data_key.hex()}'", database=str(profile.paths.database))
    return create_engine(url).raw_connection()  # type: ignore[return-value]


def _every_value(conn: sqlite3.Connection) -> list[object]:
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    tables = [name for name in tables if name not in REFERENCE_TABLES]  # the code tables name every code
    found: list[object] = []
    for table in tables:
        found.extend(value for row in conn.execute(f'SELECT * FROM "{table}"').fetchall() for value in row)
    return found


def test_a_collaborator_with_the_database_and_their_passphrase_finds_no_case_text(commune):
    officer, _home, victim, dv_case, _child = commune
    conn = _raw_with_passphrase(officer, CTV, CTV_PASS)
    try:
        values = _every_value(conn)
        dumped = "\n".join(v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in values)
        for secret in SECRETS:
            assert secret not in dumped
        # The victim is a person of the register, but nothing of a case or the audit log points at her.
        queries = [f"SELECT * FROM {t}" for t in ("support_cases", "case_parties", "case_measures")]
        queries.append(
            "SELECT * FROM audit_events WHERE table_name IN ('support_cases', 'case_parties', 'case_measures')"
        )
        linked = [v for query in queries for row in conn.execute(query).fetchall() for v in row]
        shown = repr(linked)
        where = [
            shown[max(0, shown.find(key) - 300) : shown.find(key) + 40]
            for key in (victim.hex, str(victim))
            if key in shown
        ]
        assert not where, where
        # What any user may know stays readable: the household, the owner, the state, the dates.
        row = conn.execute(
            "SELECT d.name, c.state, c.opened_on FROM support_cases c JOIN directory_users d ON d.id = c.owner_id"
            " WHERE c.id = ?",
            (dv_case.hex,),
        ).fetchone()
        assert row == (USER, "open", DAY.isoformat())
    finally:
        conn.close()


def test_a_case_kind_and_a_risk_level_do_not_show_in_the_length_of_what_is_stored(commune):
    officer = commune[0]
    conn = _raw_with_passphrase(officer, CTV, CTV_PASS)
    try:
        kinds = {len(row[0]) for row in conn.execute("SELECT kind FROM support_cases")}
    finally:
        conn.close()
    assert len(kinds) == 1  # "domestic_violence" (17) and "child_protection" (16) seal to the same size


def test_only_the_slots_of_holders_and_the_recovery_slot_carry_the_protection_key(commune):
    officer = commune[0]
    store = KeyStore.load(officer.paths.home)
    assert store.carries_protection(USER) and store.carries_protection(GUARD)
    assert not store.carries_protection(CTV)
    assert store.recovery_carries_protection()
    assert store.unlock_keys(CTV, CTV_PASS).protection_key is None
    assert store.unlock_keys(GUARD, GUARD_PASS).protection_key == officer.protection_key


def test_a_holder_reads_every_part_of_the_case_and_a_collaborator_none(commune):
    officer, home, _victim, dv_case, _child = commune
    guard = opening.unlock(officer.paths, GUARD, GUARD_PASS)
    ctv = opening.unlock(officer.paths, CTV, CTV_PASS)
    try:
        detail = cases.detail(guard, dv_case)
        assert (detail.kind, detail.summary) == ("domestic_violence", SUMMARY)
        assert [p.name for p in parties.parties(guard, dv_case)] == [PARTY]
        assert "no_contact" in [entry.code for entry in timeline.timeline(guard, dv_case)]
        with pytest.raises(PermissionDeniedError):
            cases.detail(ctv, dv_case)
        assert [item.kind for item in cases.for_household(ctv, home)] == [None, None]
    finally:
        guard.close()
        ctv.close()


def test_without_the_permission_nobody_opens_a_case(commune):
    officer, home, _victim, _dv, _child = commune
    ctv = opening.unlock(officer.paths, CTV, CTV_PASS)
    try:
        with pytest.raises(PermissionDeniedError):
            cases.open_case(ctv, CaseInput("other_support", home, DAY, summary="x", support_kind="elderly_alone"))
        assert len(cases.for_household(ctv, home)) == 2
    finally:
        ctv.close()


def test_granting_needs_the_users_own_passphrase_and_then_they_read_the_cases(commune):
    officer, _home, _victim, dv_case, _child = commune
    ctv_id = users.find_user(officer, CTV).id
    with pytest.raises(ValidationError):
        users.set_protection(officer, ctv_id, True)  # their passphrase is missing
    with pytest.raises(WrongPassphraseError):
        users.set_protection(officer, ctv_id, True, "not their passphrase")
    assert not users.find_user(officer, CTV).protection  # nothing was written
    assert not KeyStore.load(officer.paths.home).carries_protection(CTV)
    users.set_protection(officer, ctv_id, True, CTV_PASS)
    ctv = opening.unlock(officer.paths, CTV, CTV_PASS)
    try:
        assert cases.detail(ctv, dv_case).summary == SUMMARY
    finally:
        ctv.close()


def test_taking_the_permission_away_drops_the_key_from_their_slot(commune):
    officer, _home, _victim, dv_case, _child = commune
    users.set_protection(officer, users.find_user(officer, GUARD).id, False)
    store = KeyStore.load(officer.paths.home)
    assert not store.carries_protection(GUARD)
    assert store.unlock_keys(GUARD, GUARD_PASS).protection_key is None
    guard = opening.unlock(officer.paths, GUARD, GUARD_PASS)
    try:
        assert not guard.user.protection
        with pytest.raises(PermissionDeniedError):
            cases.detail(guard, dv_case)
    finally:
        guard.close()


def test_only_an_officer_holding_the_permission_makes_a_new_recovery_code(commune):
    officer = commune[0]
    users.add_user(officer, UserInput("Cán bộ Hai", Role.OFFICER), "cán bộ hai mật khẩu")
    second = opening.unlock(officer.paths, "Cán bộ Hai", "cán bộ hai mật khẩu")
    before = KeyStore.load(officer.paths.home).path.read_bytes()
    try:
        with pytest.raises(ValidationError):  # the new code would no longer open the cases
            recovery.replace_code(second)
    finally:
        second.close()
    assert KeyStore.load(officer.paths.home).path.read_bytes() == before
    code = recovery.replace_code(officer)
    assert KeyStore.load(officer.paths.home).unlock_recovery_keys(code).protection_key == officer.protection_key


def test_an_officer_without_the_permission_cannot_grant_it(commune, register):
    officer = commune[0]
    users.add_user(officer, UserInput("Cán bộ Hai", Role.OFFICER), "cán bộ hai mật khẩu")
    second = opening.unlock(officer.paths, "Cán bộ Hai", "cán bộ hai mật khẩu")
    try:
        with pytest.raises(ValidationError) as refused:
            users.set_protection(second, users.find_user(second, CTV).id, True, CTV_PASS)
        assert "protection" in {p.field for p in refused.value.problems}
        with pytest.raises(ValidationError):
            users.add_user(second, UserInput("Người Mới", Role.CTV, True, (register.village_a,)), "người mới mật khẩu")
    finally:
        second.close()


def _reads(profile: Profile, user: str, passphrase: str, case_id: uuid.UUID) -> str:
    """The case's summary as `user` reads it after logging in with `passphrase`."""
    opened = opening.unlock(profile.paths, user, passphrase)
    try:
        return cases.detail(opened, case_id).summary
    finally:
        opened.close()


def test_a_passphrase_an_officer_sets_keeps_the_permission_they_can_give(commune):
    officer, _home, _victim, dv_case, _child = commune
    users.set_passphrase(officer, users.find_user(officer, GUARD).id, "mai mật khẩu mới")
    assert _reads(officer, GUARD, "mai mật khẩu mới", dv_case) == SUMMARY


def test_a_changed_passphrase_keeps_the_key(commune):
    officer, _home, _victim, dv_case, _child = commune
    guard = opening.unlock(officer.paths, GUARD, GUARD_PASS)
    opening.change_passphrase(guard, GUARD_PASS, "mai đổi mật khẩu")
    guard.close()
    assert _reads(officer, GUARD, "mai đổi mật khẩu", dv_case) == SUMMARY


def test_a_value_moved_to_another_row_does_not_open(commune):
    officer, _home, _victim, dv_case, child_case = commune
    with officer.engine.begin() as conn:  # outside the app: a value copied from one case to another
        moved = conn.scalar(select(SupportCase.sealed_kind).where(SupportCase.id == dv_case))
        conn.execute(update(SupportCase).where(SupportCase.id == child_case).values(sealed_kind=moved))
    cipher = ContentCipher(officer.protection_key or b"")
    with officer.sessions() as session:
        stored = session.scalar(select(SupportCase.sealed_kind).where(SupportCase.id == child_case))
    with pytest.raises(DamagedContentError):
        cipher.open("support_cases", child_case, "kind", stored)
    assert cipher.open("support_cases", dv_case, "kind", moved) == "domestic_violence"


def test_content_left_in_clear_by_an_older_version_is_sealed_by_the_first_holder_to_log_in(tmp_path):
    """A profile from before sealing: migration 0013 kept its content in clear (version byte 0) and its key
    file has no protection key. The first holder's login makes the key and seals it all, values unchanged."""
    from tests.conftest import make_profile

    profile = make_profile(tmp_path / "home")
    with profile.sessions.begin() as session:
        from desktop.services import reference

        village = reference.add_village(session, "18673", "Thôn Cũ")
    home = households.create(profile, HouseholdInput(code="C01", village_id=village, address="Xóm Cũ"))
    case_id = cases.open_case(profile, CaseInput("domestic_violence", home, DAY, summary=SUMMARY))
    parties.add_party(profile, case_id, PartyInput("perpetrator", name=PARTY))
    profile.close()
    _as_before_sealing(profile)

    reopened = opening.unlock(profile.paths, USER, PASSPHRASE)
    try:
        assert reopened.protection_key is not None
        assert cases.detail(reopened, case_id).summary == SUMMARY
        assert [p.name for p in parties.parties(reopened, case_id)] == [PARTY]
        assert protection.seal_legacy_content(reopened) == 0  # all sealed already
        store = KeyStore.load(profile.paths.home)
        assert store.protection_key_id is not None and store.carries_protection(USER)
        # The old recovery slot cannot be given the key (its code is not at hand): a new code is made for it.
        assert not store.recovery_carries_protection()
        code = recovery.replace_code(reopened)
        store = KeyStore.load(profile.paths.home)
        assert store.unlock_recovery_keys(code).protection_key == reopened.protection_key
    finally:
        reopened.close()
    conn = _raw_with_passphrase(profile, USER, PASSPHRASE)
    try:
        dumped = repr(_every_value(conn))
    finally:
        conn.close()
    assert "domestic_violence" not in dumped and PARTY.encode("utf-8").hex() not in dumped


def _as_before_sealing(profile: Profile) -> None:
    """Put the content back in clear, as 0013 leaves it, and take the protection key out of the key file."""
    from db.sealed import legacy

    key = profile.protection_key or b""
    cipher = ContentCipher(key)
    engine = opening._open_database(
        profile.paths, KeyStore.load(profile.paths.home).unlock_with_passphrase(USER, PASSPHRASE)
    ).engine
    with engine.begin() as conn:
        for model in (SupportCase, CaseParty):
            table = model.__table__
            fields = list(model.__sealed_fields__)  # type: ignore[attr-defined]
            for row in conn.execute(select(table.c.id, *(table.c[f] for f in fields))).all():
                values = {f: legacy(cipher.open(table.name, row[0], f, row[i + 1])) for i, f in enumerate(fields)}
                conn.execute(update(table).where(table.c.id == row[0]).values(values))
        conn.execute(text("SELECT 1"))
    engine.dispose()
    path = profile.paths.home / "keyslots.json"
    doc = json.loads(path.read_text("utf-8"))
    doc.pop("protection_key_id")
    for slot in doc["slots"]:
        slot.pop("protection_key", None)
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
