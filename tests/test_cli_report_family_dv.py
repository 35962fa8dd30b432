"""`sotay report family-dv --year YYYY` on a demo profile with domestic-violence cases: the PDF and the XLSX
say the same, and a year written wrongly or not begun writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli_helpers import clean_process_state, demo_home, run  # noqa: F401  (an autouse fixture)
from tests.security import pdf_helpers as helpers

DEMO_ARGS = ["demo", "--households", "120", "--seed", "11", "--today", "2025-06-30"]

pytestmark = pytest.mark.skipif(bool(helpers.tools_missing()), reason="poppler-utils or NSS tools missing")


@pytest.fixture
def home(tmp_path, capsys) -> Path:
    return demo_home(tmp_path / "home", capsys, DEMO_ARGS)


def test_the_yearly_report_is_written_signed_with_its_tables(home, tmp_path, capsys):
    out, book = tmp_path / "gia-dinh.pdf", tmp_path / "gia-dinh.xlsx"
    code, said, err = run(capsys, "--home", str(home), "report", "family-dv", "--year", "2025", "--out", str(out),
                          "--xlsx", str(book))  # fmt: skip
    assert (code, err) == (0, ""), err
    assert said.split() == [str(out), str(book)]
    assert "Signature is Valid." in helpers.pdfsig(out, helpers.nss_db(tmp_path / "nss"))
    flowing = " ".join(helpers.pdftotext(out).split())
    assert "BÁO CÁO Thông tin về gia đình và phòng, chống bạo lực gia đình năm 2025" in flowing
    layout = [" ".join(line.split()) for line in helpers.pdftotext(out, "-layout").splitlines()]
    sheet = load_workbook(book)["Bạo lực gia đình"]
    rows = {row[1]: row[3] for row in sheet.iter_rows(min_row=5, values_only=True) if row[1]}
    assert rows["Tổng số vụ bạo lực gia đình"] >= 1  # the demo has a case that year
    for label in ("Số hộ gia đình có bạo lực gia đình", "Tổng số vụ bạo lực gia đình", "Bạo lực tinh thần"):
        [line] = [line for line in layout if label in line]
        assert line.endswith(f" {rows[label]}")
    households = load_workbook(book)["Gia đình"]
    total = next(row for row in households.iter_rows(values_only=True) if row[1] == "Tổng số hộ gia đình")
    assert f"1 Tổng số hộ gia đình Hộ {total[3]}" in layout


def test_a_year_not_begun_or_written_wrongly_writes_nothing(home, tmp_path, capsys):
    out, book = tmp_path / "x.pdf", tmp_path / "x.xlsx"
    coming = date.today().year + 1
    base = ["--home", str(home), "--lang", "vi", "report", "family-dv", "--out", str(out), "--xlsx", str(book)]
    code, printed, err = run(capsys, *base, "--year", str(coming))
    assert code == 2 and printed == ""
    assert f"Kỳ báo cáo này chưa bắt đầu: từ ngày 01/01/{coming} mới làm được báo cáo" in err
    code, printed, err = run(capsys, *base, "--year", "20x5")
    assert code == 2 and printed == "" and "20x5 không phải là một năm" in err
    code, printed, err = run(capsys, *base, "--year", "1999")
    assert code == 3 and printed == "" and "Năm phải từ 2000 đến" in err
    assert not out.exists() and not book.exists()
