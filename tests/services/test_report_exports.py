"""What a report can be made for, and a signed export that can be cancelled until its file is in place."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.documents import choices, export
from desktop.services.documents.export import CancellableExport
from desktop.services.documents.signing import SignChoice
from desktop.services.profile import audit


def _exports(profile) -> list:
    return [e for e in audit.events(profile) if e.table_name == export.EXPORTS_TABLE]


@pytest.fixture
def usb(tmp_path):
    """The folder the report is saved to, apart from the profile's own."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_the_months_offered_go_back_across_the_new_year():
    assert choices.month_choices(date(2026, 2, 15), 3) == [
        ("02/2026", "2026-02"),
        ("01/2026", "2026-01"),
        ("12/2025", "2025-12"),
        ("11/2025", "2025-11"),
    ]


def test_file_names_keep_letters_and_drop_what_a_file_system_refuses():
    assert choices.safe_name("Thôn 3/A") == "Thôn-3-A"
    assert choices.safe_name("../") == "bao-cao"
    campaign = choices.campaign_choice("dv action/month", 2025, "Báo cáo chiến dịch")
    assert (campaign.subject, campaign.file_stem) == ("dv action/month 2025", "bao-cao-dv-action-month-2025")
    assert choices.monthly_choice("2026-10", "Báo cáo tháng 10/2026").file_stem == "bao-cao-thang-2026-10"


def test_an_incomplete_choice_builds_no_document(profile):
    with pytest.raises(ValueError):
        choices.document(profile, choices.ReportChoice(choices.HOUSEHOLD, "Phiếu hộ", "", "phieu-ho"))


def test_a_finished_export_is_moved_into_place_and_recorded_once(profile, usb):
    target = usb / "bao-cao.pdf"
    job = CancellableExport(target)
    written = job.run_pdf(profile, choices.monthly_choice("2026-10", "Báo cáo tháng"), SignChoice())
    assert written is not None and written.path == target and written.signed
    assert [p.name for p in usb.iterdir()] == ["bao-cao.pdf"]  # no staging file left
    assert not job.cancel()  # too late: the file is in place
    [event] = _exports(profile)
    assert event.record_id == written.document_id


def test_an_export_cancelled_while_it_is_signed_leaves_no_file_and_no_export_event(profile, usb, monkeypatch):
    job = CancellableExport(usb / "bao-cao.pdf")
    real_export = export.export_pdf

    def cancelled_meanwhile(*args, **kwargs):
        written = real_export(*args, **kwargs)
        assert job.cancel()
        return written

    monkeypatch.setattr(export, "export_pdf", cancelled_meanwhile)
    assert job.run_pdf(profile, choices.monthly_choice("2026-10", "Báo cáo tháng"), SignChoice()) is None
    assert list(usb.iterdir()) == [] and _exports(profile) == []


def test_an_export_cancelled_before_it_starts_builds_nothing(profile, usb, monkeypatch):
    job = CancellableExport(usb / "bao-cao.pdf")
    assert job.cancel() and job.cancelled
    monkeypatch.setattr(choices, "document", lambda *_args: pytest.fail("built after cancelling"))
    assert job.run_pdf(profile, choices.monthly_choice("2026-10", "Báo cáo tháng"), SignChoice()) is None
    assert list(usb.iterdir()) == []
