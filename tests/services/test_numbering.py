"""Document numbers and the issuing body: what the header of a printed report says, and that it holds."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.errors import ValidationError
from desktop.paths import ProfilePaths
from desktop.reports import content
from desktop.services.documents import export, monthly_report, numbering
from desktop.services.profile import issuing_body
from desktop.services.profile import opening as profile_service
from tests.conftest import PASSPHRASE, USER

MONTH, OTHER_MONTH = "2026-09", "2026-10"
ISSUED = date(2026, 11, 5)


def monthly(profile, month: str = MONTH):
    return monthly_report.monthly_document(profile, month, issued_on=ISSUED)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    return content.nfc(out.stdout)


def number_in(text: str) -> str:
    found = re.search(r"Số: (\S+)", text)
    assert found is not None, text[:400]
    return found.group(1)


# Numbers ###################################################################################


def test_peek_shows_the_next_number_without_taking_it(profile):
    assert numbering.peek(profile, "monthly", 2026, MONTH) == 1
    assert numbering.peek(profile, "monthly", 2026, OTHER_MONTH) == 1  # nothing was taken
    assert numbering.take(profile, "monthly", 2026, MONTH) == 1
    assert numbering.peek(profile, "monthly", 2026, MONTH) == 1  # its own number, kept
    assert numbering.peek(profile, "monthly", 2026, OTHER_MONTH) == 2


def test_a_document_keeps_its_number_and_the_next_document_gets_the_next(profile):
    assert numbering.take(profile, "monthly", 2026, MONTH) == 1
    assert numbering.take(profile, "monthly", 2026, OTHER_MONTH) == 2
    assert numbering.take(profile, "monthly", 2026, MONTH) == 1
    # The campaign report is a report too ("BC"): it follows in the same series, never printing a number twice.
    assert numbering.take(profile, "campaign", 2026, "family_day 2026") == 3
    # Another type of document has its own series, and every year starts again at 1.
    assert numbering.take(profile, "household", 2026, "a1") == 1
    assert numbering.take(profile, "monthly", 2027, OTHER_MONTH) == 1


def test_numbers_survive_closing_and_reopening_the_profile(profile):
    numbering.take(profile, "monthly", 2026, MONTH)
    numbering.take(profile, "monthly", 2026, OTHER_MONTH)
    home = profile.paths.home
    profile.close()
    reopened = profile_service.unlock(ProfilePaths(home), USER, PASSPHRASE)
    try:
        assert numbering.peek(reopened, "monthly", 2026, OTHER_MONTH) == 2
        assert numbering.take(reopened, "monthly", 2026, "2026-08") == 3
    finally:
        reopened.close()


def test_a_kind_without_a_type_code_is_a_programming_error(profile):
    with pytest.raises(ValueError, match="TYPE_CODES"):
        numbering.peek(profile, "no-such-kind", 2026, "x")


def test_the_printed_form_is_number_type_and_body():
    assert numbering.number_line(7, "monthly", "TYT") == "Số: 7/BC-TYT"
    assert numbering.number_line(12, "case", "UBND") == "Số: 12/HS-UBND"


# Exports ###################################################################################


def test_exports_of_the_same_report_print_the_same_number_and_another_report_the_next(profile, tmp_path):
    preview = monthly(profile)
    assert preview.header.number == "Số: 1/BC-TYT"
    first = export.export_pdf(profile, monthly(profile), tmp_path / "a.pdf")
    again = export.export_pdf(profile, monthly(profile), tmp_path / "b.pdf")
    book = export.export_xlsx(profile, monthly(profile), tmp_path / "a.xlsx")
    other = export.export_pdf(profile, monthly(profile, OTHER_MONTH), tmp_path / "c.pdf")
    assert number_in(pdf_text(first.path)) == number_in(pdf_text(again.path)) == "1/BC-TYT"
    assert number_in(pdf_text(other.path)) == "2/BC-TYT"
    info = {row[0].value: row[1].value for row in load_workbook(book.path)["Thông tin"].iter_rows()}
    assert info["Số, ký hiệu"] == "Số: 1/BC-TYT"
    # A preview now shows the numbers taken, and the next report the next number.
    assert monthly(profile).header.number == "Số: 1/BC-TYT"
    assert monthly(profile, "2026-08").header.number == "Số: 3/BC-TYT"


def test_the_signed_number_is_a_sequence_never_a_hash_a_month_or_dots(profile, tmp_path):
    written = export.export_pdf(profile, monthly(profile, OTHER_MONTH), tmp_path / "r.pdf")
    assert written.signed
    text = pdf_text(written.path)
    number = number_in(text)
    sequence, _, suffix = number.partition("/")
    assert sequence.isdigit() and int(sequence) >= 1 and not sequence.startswith("0")
    assert suffix == "BC-TYT"
    assert "……" not in number and "10/BC" not in number  # not the month (October)
    assert not re.search(r"[0-9A-F]{6}", number)  # not a fragment of a hash or UUID


def test_the_export_event_records_the_number(profile, tmp_path):
    from desktop.services.profile import audit

    export.export_pdf(profile, monthly(profile), tmp_path / "a.pdf")
    [event] = [e for e in audit.events(profile) if e.table_name == export.EXPORTS_TABLE]
    assert "1/BC-TYT" in str(event.summary)


# The issuing body ##########################################################################


def test_the_default_body_is_the_commune_health_station_under_the_commune(profile):
    body = issuing_body.issuing_body(profile)
    assert (body.parent, body.unit, body.symbol, body.saved) == (
        "UBND XÃ CẨM XUYÊN",
        "TRẠM Y TẾ XÃ CẨM XUYÊN",
        "TYT",
        False,
    )
    assert issuing_body.default_body("Phường Thành Sen").unit == "TRẠM Y TẾ PHƯỜNG THÀNH SEN"


def test_the_body_set_in_settings_heads_the_pdf_and_ends_its_number(profile, tmp_path):
    saved = issuing_body.save_issuing_body(profile, " Đảng ủy  xã Cẩm Xuyên", "Văn phòng Đảng ủy", "vp-đu")
    assert (saved.parent, saved.unit, saved.symbol) == ("ĐẢNG ỦY XÃ CẨM XUYÊN", "VĂN PHÒNG ĐẢNG ỦY", "VP-ĐU")
    written = export.export_pdf(profile, monthly(profile), tmp_path / "r.pdf")
    text = pdf_text(written.path)
    assert "ĐẢNG ỦY XÃ CẨM XUYÊN" in text and "VĂN PHÒNG ĐẢNG ỦY" in text
    assert "TRẠM Y TẾ" not in text and "CỘNG TÁC VIÊN CƠ SỞ" not in text
    assert number_in(text) == "1/BC-VP-ĐU"


@pytest.mark.parametrize(
    ("parent", "unit", "symbol", "field"),
    [
        ("", "TRẠM Y TẾ XÃ CẨM XUYÊN", "TYT", "parent"),
        ("UBND XÃ CẨM XUYÊN", "   ", "TYT", "unit"),
        ("UBND XÃ CẨM XUYÊN", "TRẠM Y TẾ XÃ CẨM XUYÊN", "", "symbol"),
        ("X" * 81, "TRẠM Y TẾ XÃ CẨM XUYÊN", "TYT", "parent"),
        ("UBND XÃ CẨM XUYÊN", "TRẠM Y TẾ XÃ CẨM XUYÊN", "TYT/XÃ", "symbol"),
        ("UBND XÃ CẨM XUYÊN", "TRẠM Y TẾ XÃ CẨM XUYÊN", "TYT-", "symbol"),
        ("UBND XÃ CẨM XUYÊN", "TRẠM Y TẾ XÃ CẨM XUYÊN", "ABCDEFGHIJKLM", "symbol"),
        ("UBND XÃ\tCẨM XUYÊN", "TRẠM Y TẾ XÃ CẨM XUYÊN", "TYT", "parent"),
    ],
)
def test_a_bad_body_is_refused_and_nothing_is_saved(profile, parent, unit, symbol, field):
    assert [p.field for p in issuing_body.body_problems(parent, unit, symbol)] == [field]
    with pytest.raises(ValidationError):
        issuing_body.save_issuing_body(profile, parent, unit, symbol)
    assert not issuing_body.issuing_body(profile).saved
