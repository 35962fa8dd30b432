"""The recovery-code sheet as a service: in the language the app shows, the code set apart, a private file."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.paths import resource
from desktop.services.profile.recovery_sheet import sheet_document, write_recovery_sheet

DAY = date(2025, 7, 1)


@pytest.fixture(autouse=True)
def english():
    """The source texts, whatever language an earlier test left installed."""
    i18n.use_catalogue({})
    yield
    i18n.use_catalogue({})


def test_the_sheet_names_the_commune_the_user_and_the_date_and_sets_the_code_apart():
    doc = sheet_document(commune="Xã Cẩm Xuyên", user="Nguyễn Thị Lan", code="7K3M-Q9XD", made_on=DAY)
    assert (doc.kind, doc.title, doc.header.place, doc.header.agency) == (
        "recovery",
        "RECOVERY CODE",
        "Cẩm Xuyên",
        "SỔ TAY CTV",
    )
    assert doc.sections[0].paragraphs == ("Commune / ward: Xã Cẩm Xuyên", "User: Nguyễn Thị Lan", "Date: 01/07/2025")
    assert doc.sections[0].emphasis == "7K3M - Q9XD"
    assert doc.document_id.startswith("KP-20250701-") and doc.content_sha256


def test_the_sheet_is_in_the_language_the_app_shows():
    i18n.use_catalogue(i18n.load_ts_catalogue(str(resource("i18n", "sotay_vi.ts"))))
    doc = sheet_document(commune="Xã Cẩm Xuyên", user="Nguyễn Thị Lan", code="7K3M-Q9XD", made_on=DAY)
    assert doc.title == "MÃ KHÔI PHỤC"
    assert doc.sections[0].paragraphs[1] == "Người dùng: Nguyễn Thị Lan"


def test_the_pdf_is_readable_by_its_owner_only(tmp_path):
    path = write_recovery_sheet(tmp_path / "sheet.pdf", commune="Phường Bắc Hà", user="Lan", code="7K3M", made_on=DAY)
    assert path.read_bytes()[:5] == b"%PDF-"
    assert path.stat().st_mode & 0o777 == 0o600
