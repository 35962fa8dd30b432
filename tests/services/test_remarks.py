"""The monthly report's difficulties and proposals: kept per month and per user, NFC, limited in length."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.errors import ValidationError
from desktop.services.documents import remarks
from desktop.services.documents.remarks import REMARKS_MAX, Remarks
from desktop.services.profile import opening as profile_service
from desktop.services.profile import users
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput

MONTH = "2026-03"


def test_saved_remarks_come_back_for_that_month_only(profile):
    assert remarks.monthly_remarks(profile, MONTH) == Remarks()
    kept = remarks.save_monthly_remarks(profile, MONTH, Remarks("  Thiếu tờ rơi.\r\nHộ đi vắng.  ", "Cấp thêm."))
    assert kept == Remarks("Thiếu tờ rơi.\nHộ đi vắng.", "Cấp thêm.")
    assert remarks.monthly_remarks(profile, "2026-3") == kept  # the same month, typed short
    assert remarks.monthly_remarks(profile, "2026-04") == Remarks()


def test_decomposed_text_is_kept_composed(profile):
    typed = unicodedata.normalize("NFD", "Khó khăn về kinh phí")
    remarks.save_monthly_remarks(profile, MONTH, Remarks(typed, ""))
    assert remarks.monthly_remarks(profile, MONTH).difficulties == unicodedata.normalize("NFC", typed)
    assert remarks.monthly_remarks(profile, MONTH).difficulties != typed


def test_too_long_or_with_control_characters_is_refused_and_nothing_is_saved(profile):
    remarks.save_monthly_remarks(profile, MONTH, Remarks("Cũ.", "Cũ."))
    with pytest.raises(ValidationError) as refused:
        remarks.save_monthly_remarks(profile, MONTH, Remarks("x" * (REMARKS_MAX + 1), "Mới."))
    [problem] = refused.value.problems
    assert (problem.field, problem.params) == ("difficulties", {"max": REMARKS_MAX})
    with pytest.raises(ValidationError) as refused:
        remarks.save_monthly_remarks(profile, MONTH, Remarks("", "có\x07chuông"))
    assert refused.value.problems[0].field == "proposals"
    assert remarks.monthly_remarks(profile, MONTH) == Remarks("Cũ.", "Cũ.")
    assert remarks.save_monthly_remarks(profile, MONTH, Remarks("x" * REMARKS_MAX, "")).difficulties == "x" * 2000


def test_emptying_both_parts_removes_them(profile):
    remarks.save_monthly_remarks(profile, MONTH, Remarks("Cũ.", ""))
    remarks.save_monthly_remarks(profile, MONTH, Remarks("   ", ""))
    assert remarks.monthly_remarks(profile, MONTH) == Remarks()


def test_a_month_written_wrongly_is_refused(profile):
    with pytest.raises(ValidationError):
        remarks.save_monthly_remarks(profile, "2026-13", Remarks("a", "b"))
    with pytest.raises(ValidationError):
        remarks.monthly_remarks(profile, "tháng ba")


def test_each_user_has_their_own(register):
    p = register.profile
    remarks.save_monthly_remarks(p, MONTH, Remarks("Của cán bộ xã.", ""))
    users.add_user(p, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(p.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    try:
        assert remarks.monthly_remarks(ctv, MONTH) == Remarks()
        remarks.save_monthly_remarks(ctv, MONTH, Remarks("Của cộng tác viên.", ""))
    finally:
        ctv.close()
    assert remarks.monthly_remarks(p, MONTH).difficulties == "Của cán bộ xã."
