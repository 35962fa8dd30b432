"""Cài đặt → Chung: the body that issues the reports, typed, checked as typed, saved, and printed."""

from __future__ import annotations

from desktop.services.documents import monthly_report
from desktop.services.profile import issuing_body
from desktop.ui.pages.settings import SettingsPage


def _page(qtbot, ctx) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_defaults_are_shown_and_can_be_confirmed(qtbot, ctx):
    page = _page(qtbot, ctx)
    assert (page.body_parent.text(), page.body_unit.text(), page.body_symbol.text()) == (
        "UBND XÃ CẨM XUYÊN",
        "TRẠM Y TẾ XÃ CẨM XUYÊN",
        "TYT",
    )
    assert page.save_body.isEnabled()  # not saved yet: the user may confirm them as they are
    page.save_body.click()
    assert issuing_body.issuing_body(ctx.profile).saved
    assert not page.save_body.isEnabled()  # nothing left to save


def test_a_bad_abbreviation_is_shown_under_its_field_and_cannot_be_saved(qtbot, ctx):
    page = _page(qtbot, ctx)
    page.body_symbol.setText("TYT/XÃ")
    assert not page.save_body.isEnabled()
    assert "TYT" in page.body_form.error_text("symbol")
    page.body_parent.setText("")
    assert page.body_form.error_text("parent")
    assert not issuing_body.issuing_body(ctx.profile).saved


def test_the_saved_body_heads_the_next_report(qtbot, ctx):
    page = _page(qtbot, ctx)
    page.body_parent.setText("Ủy ban nhân dân xã Cẩm Xuyên")
    page.body_unit.setText("Văn phòng - Thống kê")
    page.body_symbol.setText("vptk")
    assert page.save_body.isEnabled()
    page.save_body.click()
    assert page.body_parent.text() == "ỦY BAN NHÂN DÂN XÃ CẨM XUYÊN"  # as the header prints it
    doc = monthly_report.monthly_document(ctx.profile, "2026-10")
    assert (doc.header.agency_parent, doc.header.agency) == ("ỦY BAN NHÂN DÂN XÃ CẨM XUYÊN", "VĂN PHÒNG - THỐNG KÊ")
    assert doc.header.number == "Số: 1/BC-VPTK"
    # Opened again, the page shows what was saved.
    again = _page(qtbot, ctx)
    assert again.body_symbol.text() == "VPTK" and not again.save_body.isEnabled()
