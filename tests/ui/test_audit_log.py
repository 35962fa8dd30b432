"""Nhật ký thay đổi: the audit events in plain Vietnamese, the filters, paging and the chain check."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import text

from db.models.directory import DirectoryUser
from db.session import USER_KEY
from desktop.services.profile import audit
from desktop.services.register import households, members
from desktop.services.register.members import PersonInput
from desktop.ui.main_window import SETTINGS, MainWindow
from desktop.ui.pages import audit_log as audit_page
from desktop.ui.pages import audit_texts
from desktop.ui.pages.audit_log import AuditLogPage


def shown(qtbot, wait_lane, page: AuditLogPage) -> AuditLogPage:
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    wait_lane()
    return page


def rows(page: AuditLogPage) -> list[list[str]]:
    model = page.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_events_read_in_vietnamese_newest_first(qtbot, ctx, family, wait_lane):
    page = shown(qtbot, wait_lane, AuditLogPage(ctx))
    table = rows(page)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["Thời gian", "Người dùng", "Thao tác", "Loại bản ghi", "Bản ghi", "Nội dung thay đổi"]
    # household 012 created, then each member added (the head also updates the household)
    kinds = [(r[2], r[3]) for r in table]
    assert ("Thêm", "Hộ gia đình") in kinds and ("Thêm", "Nhân khẩu") in kinds and ("Sửa", "Hộ gia đình") in kinds
    # The oldest last: the first user's row in the synced user directory, made with the profile, then the
    # fixture's villages.
    assert table[-1][2:5] == ["Thêm", "Người dùng như các máy khác biết", "Nguyễn Thị Lan"]
    assert table[-2][2:5] == ["Thêm", "Thôn", "Thôn Đông Hà"]
    ids = [page.model.record(r).id for r in range(page.model.rowCount())]
    assert ids == sorted(ids, reverse=True)
    wife = next(r for r in table if r[4] == "Nguyễn Thị Hường")
    assert wife[1] == "Nguyễn Thị Lan"
    assert "Họ và tên: Nguyễn Thị Hường" in wife[5] and "Ngày sinh: 10/09/1982" in wife[5]
    created = next(r for r in table if r[2:4] == ["Thêm", "Hộ gia đình"])
    assert created[4] == "012" and "Địa chỉ: Xóm 3" in created[5]
    assert page.count.text() == f"Đang hiển thị {len(table)} sự kiện"
    assert not page.load_more.isEnabled()


def test_an_edit_shows_old_and_new_and_notes_only_as_a_length(qtbot, ctx, family, wait_lane):
    pid = members.add_member(ctx.profile, family, PersonInput("Lê Văn A", "1", date(2001, 1, 1), "child"))
    members.update_member(
        ctx.profile, pid, PersonInput("Lê Văn B", "1", date(2001, 1, 1), "child", notes="Chuyển trường")
    )
    page = shown(qtbot, wait_lane, AuditLogPage(ctx))
    newest = rows(page)[0]
    assert newest[2:5] == ["Sửa", "Nhân khẩu", "Lê Văn B"]
    assert "Họ và tên: Lê Văn A → Lê Văn B" in newest[5]
    assert f"Ghi chú: (0 ký tự) → ({len('Chuyển trường')} ký tự)" in newest[5]


def test_the_user_filter_narrows(qtbot, ctx, family, wait_lane):
    profile = ctx.profile
    profile.sessions.configure(info={**profile.sessions.kw["info"], USER_KEY: "Trần Văn Bình"})
    members.add_member(profile, family, PersonInput("Đặng Thị Mai", "2", date(2010, 3, 3), "child"))
    page = shown(qtbot, wait_lane, AuditLogPage(ctx))
    assert page.user.itemText(0) == "Tất cả"
    assert {page.user.itemText(i) for i in range(1, page.user.count())} == {"Nguyễn Thị Lan", "Trần Văn Bình"}
    everything = page.model.rowCount()
    page.user.set_value(("", "Trần Văn Bình"))  # written without an id: by name
    wait_lane()
    assert [r[1] for r in rows(page)] == ["Trần Văn Bình"]
    assert rows(page)[0][4] == "Đặng Thị Mai"
    with profile.sessions.begin() as session:  # her name, written differently on another laptop, synced here
        session.get(DirectoryUser, profile.user.id).name = "Nguyễn thị Lan"
    page.user.set_value((str(profile.user.id), ""))  # the logged-in user: by id
    wait_lane()
    assert len(rows(page)) == everything - 1  # all but Bình's (the rename was written as Bình too)
    assert "Trần Văn Bình" not in {r[1] for r in rows(page)}
    page.user.set_value(None)
    wait_lane()
    assert page.model.rowCount() == everything + 1  # and the rename


def test_history_from_the_household_shows_only_its_events(qtbot, ctx, family, register, wait_lane):
    from desktop.services.register.households import HouseholdInput

    households.create(ctx.profile, HouseholdInput(code="013", village_id=register.village_a, address="Xóm 4"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    window.open_household(family)
    wait_lane()
    qtbot.mouseClick(window.household_detail.history_button, Qt.MouseButton.LeftButton)
    wait_lane()
    page = window.settings.audit_log
    assert window.stack.currentIndex() == SETTINGS and window.settings.tabs.currentWidget() is page
    assert page.record_filter.isVisible() and page.record_filter.text() == "Bản ghi: hộ số 012"
    assert {page.model.record(r).record_id for r in range(page.model.rowCount())} == {str(family)}
    assert [r[2] for r in rows(page)] == ["Sửa", "Thêm"]  # the head was set, the household created
    assert rows(page)[0][5] == "Chủ hộ: Đặng Văn Hùng"  # named from the household's members
    assert window.settings.audit_log.details.text().startswith(f"#{page.model.record(0).id} · ")
    qtbot.mouseClick(page.clear_record, Qt.MouseButton.LeftButton)
    wait_lane()
    assert not page.record_filter.isVisible()
    assert "013" in [r[4] for r in rows(page)]
    window.settings.show_audit_log(family, "hộ số 012", {})
    wait_lane()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    wait_lane()
    assert window.households.currentWidget() is window.household_detail


def test_load_more_pages_back(qtbot, ctx, family, wait_lane, monkeypatch):
    monkeypatch.setattr(audit_page, "PAGE_SIZE", 2)
    total = len(audit.events(ctx.profile))
    assert total > 4
    page = shown(qtbot, wait_lane, AuditLogPage(ctx))
    assert page.model.rowCount() == 2 and page.load_more.isEnabled()
    qtbot.mouseClick(page.load_more, Qt.MouseButton.LeftButton)
    wait_lane()
    ids = [page.model.record(r).id for r in range(page.model.rowCount())]
    assert ids == [e.id for e in audit.events(ctx.profile)[:4]]


def test_verify_intact_then_names_the_tampered_event(qtbot, ctx, family, wait_lane):
    page = shown(qtbot, wait_lane, AuditLogPage(ctx))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    wait_lane()
    total = len(audit.events(ctx.profile))
    assert page.verify_result.isVisible()
    assert page.verify_result.text() == f"Nhật ký nguyên vẹn: đã kiểm tra {total} sự kiện."

    victim = audit.events(ctx.profile)[-2]
    with ctx.profile.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET summary = :s WHERE id = :id"), {"s": "{}", "id": victim.id})
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    wait_lane()
    message = page.verify_result.text()
    assert message.startswith(f"Sự kiện #{victim.id} (")
    assert audit_texts.local_time(victim.at) in message and audit_texts.table_label(victim.table_name) in message
    assert "bên ngoài ứng dụng" in message and "cán bộ xã" in message
    assert page.verify_result.objectName() == "formError"


def test_verify_says_the_newest_entries_are_missing_when_they_were_deleted(qtbot, ctx, family, wait_lane):
    newest = audit.events(ctx.profile)[0]
    with ctx.profile.engine.begin() as conn:  # outside the app: the chain left still links up
        conn.execute(text("DELETE FROM audit_events WHERE id >= :id"), {"id": newest.id - 1})
    page = shown(qtbot, wait_lane, AuditLogPage(ctx))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    wait_lane()
    message = page.verify_result.text()
    assert message.startswith("Các mục mới nhất của nhật ký đã mất, hoặc nhật ký đã bị viết lại")
    assert "cán bộ xã" in message and "?" not in message
    assert page.verify_result.objectName() == "formError"


def mnemonics(widgets) -> list[str]:
    return [w.text()[w.text().index("&") + 1].lower() for w in widgets if "&" in w.text()]


def test_keyboard_reaches_the_log_from_the_household(qtbot, ctx, family, wait_lane):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    window.open_household(family)
    wait_lane()
    detail = window.household_detail
    assert detail.history_button.text() == "&Lịch sử thay đổi"
    assert detail.edit_button.nextInFocusChain() is detail.history_button  # tab order follows the row
    detail.history_button.setFocus()
    qtbot.keyClick(detail.history_button, Qt.Key.Key_Space)
    wait_lane()
    page = window.settings.audit_log
    assert window.settings.tabs.currentWidget() is page and page.table.hasFocus()
    assert page.model.rowCount() == 2
    tabs = window.settings.tabs
    letters = mnemonics([page.user_label, page.clear_record, page.back_button, page.load_more, page.verify_button])
    letters += [tabs.tabText(i)[tabs.tabText(i).index("&") + 1].lower() for i in range(tabs.count())]
    assert len(letters) == len(set(letters)) == 9  # every one of them reachable with Alt
    page.clear_record.setFocus()
    qtbot.keyClick(page.clear_record, Qt.Key.Key_Space)
    wait_lane()
    assert page.record_id is None and page.model.rowCount() > 2
    assert page.user.hasFocus()
