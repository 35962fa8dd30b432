"""The change log never shows a stored name: every record kind, field and state reads in Vietnamese.

A demo profile's whole log is rendered the way the page renders it, with a few actions the demo does not
take (a user added, a report signed and saved, a referral moved on, a case ended), and no text may hold
a snake_case word, an English state, a table name or a column name.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import inspect

from db.audit_content import shown_columns
from db.base import SYNC_COLUMNS
from db.models.synced import SYNCED_MODELS
from desktop.demo.build import build_demo
from desktop.services.casework import cases, dv, dv_measures
from desktop.services.casework.cases import CaseInput
from desktop.services.documents import export, monthly_report
from desktop.services.profile import audit, users
from desktop.services.profile.access import Role
from desktop.services.register import households
from desktop.services.register.households import HouseholdInput
from desktop.ui.pages import audit_labels
from desktop.ui.pages.audit_log import AuditLogPage
from desktop.ui.pages.audit_texts import action_label, local_time, table_label

_BOOKKEEPING = SYNC_COLUMNS | {"id"}  # never in a summary (db/audit.py)
# services/profile/users.py _audit, and a passphrase reset (services/profile/recovery.py)
USER_FIELDS = ("name", "role", "protection", "villages", "passphrase_reset", "recovery_code")
EXPORT_FIELDS = ("kind", "format", "subject", "sha256", "signed", "confidential")  # documents/export.py
SNAKE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")
ENGLISH = re.compile(
    r"\b(monthly|household|campaign|sent|received|declined|planned|dropped|done|open|closed|present|"
    r"true|false|none|null|pdf file|xlsx|households|seed)\b",
    re.IGNORECASE,
)


def audited_columns() -> list[tuple[str, str]]:
    found = []
    for model in SYNCED_MODELS:
        shown = shown_columns(model)  # a protected model's content is never named (audit_labels.protected_change)
        for attr in inspect(model).column_attrs:
            if (
                attr.key not in _BOOKKEEPING
                and not attr.key.endswith("_folded")
                and (shown is None or attr.key in shown)
            ):
                found.append((model.__tablename__, attr.key))
    return found


def test_every_audited_table_and_column_has_a_label():
    tables = {t for t, _ in audited_columns()} | {"users", "report_exports", "*"}
    assert [t for t in sorted(tables) if not audit_labels.has_table_label(t)] == []
    fields = [*audited_columns(), *(("users", f) for f in USER_FIELDS), *(("report_exports", f) for f in EXPORT_FIELDS)]
    fields.append(("*", "demo"))
    assert [f for f in fields if not audit_labels.has_field_label(f[1], f[0])] == []


def test_an_unknown_table_or_field_reads_in_generic_words(ctx):
    assert table_label("case_sessions") == "Bản ghi khác"
    assert audit_labels.field_label("escort_name", "case_sessions") == "Thông tin khác"
    assert action_label("merge") == "Thay đổi khác"


@pytest.fixture
def demo_log(ctx, qtbot, register):
    profile = ctx.profile
    build_demo(profile, households=8, seed=5)
    family = households.create(profile, HouseholdInput(code="912", village_id=register.village_a, address="Xóm 3"))
    binh = users.add_user(
        profile, users.UserInput("Trần Văn Bình", Role.OFFICER, protection=True), "mật khẩu của Bình 2026"
    )
    users.set_passphrase(profile, binh, "Bình quên mật khẩu rồi")
    doc = monthly_report.monthly_document(profile, profile.today().strftime("%Y-%m"))
    export.record_export(profile, doc, fmt="pdf", signed=True, subject=profile.today().strftime("%Y-%m"))
    case_id = cases.open_case(profile, CaseInput(dv.KIND, family, profile.today(), summary="Hàng xóm báo"))
    referral = dv_measures.refer(profile, case_id, body="commune_police", sent_on=profile.today())
    dv_measures.update_referral(profile, referral, status="received", on=profile.today())
    dv.close_case(profile, case_id, on=profile.today(), outcome="Gia đình đã ổn định")
    return audit.events(profile, limit=100_000)


def test_every_event_of_a_demo_log_reads_without_a_stored_name(ctx, qtbot, demo_log):
    page = AuditLogPage(ctx)
    qtbot.addWidget(page)
    page._learn(demo_log)
    tables = {t for t, _ in audited_columns()} | {"users", "report_exports"}
    columns = {c for _, c in audited_columns()} - {"name", "code"}  # words a Vietnamese text may not hold
    seen_tables = {e.table_name for e in demo_log}
    assert {"users", "report_exports", "case_referrals", "support_cases", "*"} <= seen_tables
    bad = []
    for event in demo_log:
        texts = [
            local_time(event.at),
            action_label(event.action),
            table_label(event.table_name),
            page.record_text(event),
            page.formatter.text(event),
        ]
        for text in texts:
            words = set(re.findall(r"[A-Za-z_]+", text))
            if SNAKE.search(text) or ENGLISH.search(text) or words & (tables | columns):
                bad.append((event.table_name, text))
    assert bad == [], bad[:20]


def test_the_actions_the_demo_does_not_take_read_in_words(ctx, qtbot, demo_log):
    page = AuditLogPage(ctx)
    qtbot.addWidget(page)
    texts = {(e.table_name, e.action): page.formatter.text(e) for e in reversed(demo_log)}  # newest wins
    saved = texts[("report_exports", "create")]
    assert "Báo cáo: Báo cáo tháng" in saved and "Loại tệp: PDF" in saved and "Đã ký: Có" in saved
    assert f"Báo cáo cho: {date.today():%m/%Y}" in saved
    assert "Vai trò: Cán bộ xã (toàn xã)" in texts[("users", "create")]
    # A referral's progress is case content: the log says only that it changed.
    assert texts[("case_referrals", "update")] == "Nội dung: đã thay đổi (nội dung được bảo vệ)"
    assert "Nội dung: đã ghi (nội dung được bảo vệ)" in texts[("case_referrals", "create")]
    assert "Tình trạng: Đang mở → Đã kết thúc" in texts[("support_cases", "update")]
    assert f"Ngày kết thúc: — → {date.today():%d/%m/%Y}" in texts[("support_cases", "update")] or (
        f"Ngày kết thúc: {date.today():%d/%m/%Y}" in texts[("support_cases", "update")]
    )
    assert texts[("*", "create")].startswith("Dữ liệu mẫu: 8 hộ, mã tạo dữ liệu 5, ngày ")


def test_a_changeset_from_another_laptop_reads_as_one_event_in_words(ctx, qtbot, register, tmp_path):
    from desktop.services import changesets
    from tests.sync.copies import copy_of, reopen

    a = register.profile
    home = a.paths.home
    b = copy_of(a, tmp_path / "b")
    a = reopen(home)
    households.create(a, HouseholdInput(code="015", village_id=register.village_a, address="Xóm 1"))
    households.create(b, HouseholdInput(code="015", village_id=register.village_a, address="Xóm 2"))
    changesets.apply(b, changesets.extract(a))
    [event] = [e for e in audit.events(b, limit=100) if e.action == "sync"]
    a.close()
    b.close()
    page = AuditLogPage(ctx)
    qtbot.addWidget(page)
    text = page.formatter.text(event)
    assert (action_label(event.action), table_label(event.table_name)) == ("Đồng bộ", "Nhận thay đổi từ máy khác")
    assert "Số bản ghi đã ghi: 1" in text and "Số bản ghi đã ghi — Hộ gia đình: 1" in text
    assert "Số bản ghi đã có sẵn: " in text and "Máy gửi: " in text
    assert not SNAKE.search(text) and "rows." not in text and "changeset" not in text, text
