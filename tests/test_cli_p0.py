"""`sotay report p0` as a collaborator runs it on a demo profile: the month's slip, signed, and its XLSX."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli_helpers import clean_process_state, demo_home, run  # noqa: F401  (an autouse fixture)
from tests.security import pdf_helpers as helpers

DEMO_ARGS = ["demo", "--households", "40", "--seed", "11", "--today", "2025-06-30"]
MONTH = "01/2025"  # the demo has a death and an information change on that slip

pytestmark = pytest.mark.skipif(bool(helpers.tools_missing()), reason="poppler-utils or NSS tools missing")


@pytest.fixture
def home(tmp_path, capsys) -> Path:
    return demo_home(tmp_path / "home", capsys, DEMO_ARGS)


def test_report_p0_writes_the_signed_slip_and_its_tables(home, tmp_path, capsys):
    out, book = tmp_path / "p0.pdf", tmp_path / "p0.xlsx"
    code, said, err = run(capsys, "--home", str(home), "report", "p0", "--month", MONTH, "--out", str(out),
                          "--xlsx", str(book))  # fmt: skip
    assert (code, err) == (0, ""), err
    assert said.split() == [str(out), str(book)]
    assert "Signature is Valid." in helpers.pdfsig(out, helpers.nss_db(tmp_path / "nss"))
    printed = " ".join(helpers.pdftotext(out, "-raw").split())
    assert "PHIẾU THU TIN VỀ DÂN SỐ Tháng 1 năm 2025" in printed
    assert "1. Trẻ sinh ra" in printed and "12. Kết hôn, ly hôn" in printed
    sheets = load_workbook(book).sheetnames
    # A sheet for each section the month had lines in; every one of them is printed in the PDF too.
    assert sheets[0] == "Thông tin" and len(sheets) > 1
    for sheet in sheets[1:]:
        number = sheet.removeprefix("Mục ")
        assert f" {number}. " in f" {printed}"


def test_p0_is_listed_among_the_reports(capsys):
    code, out, _err = run(capsys, "report", "--help")
    assert code == 0 and "{monthly,p0,family-dv,household,a0,case,campaign,verify}" in out
