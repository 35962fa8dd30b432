"""What a reader of the printed report sees: read back from the PDF with poppler's tools."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.reports import content, pdf, pdf_closing, pdf_page, pdf_tables, pdf_text
from desktop.reports.model import ReportDocument, Section
from tests.reports.conftest import (
    HEADER_TITLES,
    NAMES,
    NOTE,
    ROWS,
    SUBJECT,
    TITLE,
    VILLAGES,
    decomposed,
    pdftotext,
    sample_document,
)

pytestmark = pytest.mark.usefixtures("poppler")

# A data row of the visits table as pdftotext lays it out: its number, then its date of birth.
DATA_ROW = re.compile(r"^\s*(\d{1,3})\s+\S.*?\b\d{2}/\d{2}/\d{4}\b", re.MULTILINE)


def write(
    tmp_path: Path, doc: ReportDocument, name: str = "report.pdf", **options: bool
) -> tuple[Path, pdf.RenderedPdf]:
    rendered = pdf.render_pdf(doc, **options)
    path = tmp_path / name
    path.write_bytes(rendered.data)
    return path, rendered


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pdf.RenderedPdf]:
    return write(tmp_path_factory.mktemp("pdf"), sample_document())


def pages_of(path: Path, count: int) -> list[str]:
    return [pdftotext(path, first=i, last=i) for i in range(1, count + 1)]


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


# --- page 1 and the whole text --------------------------------------------------------------------


def test_first_page_has_the_decree_30_header_and_the_title(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    first = pdftotext(path, first=1, last=1)
    for expected in (
        "UBND XÃ CẨM XUYÊN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/BC-CTV",
        "Hà Tĩnh, ngày 05 tháng 11 năm 2026",
        TITLE,
        SUBJECT,
        "(Từ ngày 01/10/2026 đến ngày 31/10/2026)",
        "I. TÌNH HÌNH CHUNG",
    ):
        assert expected in first, expected
    # The national title sits on the same line as the body above the agency, the date on the number's.
    lines = first.splitlines()
    assert any("UBND XÃ CẨM XUYÊN" in line and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines)
    assert any("Số: 12/BC-CTV" in line and "Hà Tĩnh, ngày 05 tháng 11 năm 2026" in line for line in lines)


def test_names_and_villages_are_printed_exactly(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    whole = pdftotext(path)
    for name in NAMES[:-1]:  # the last one is long enough to wrap inside its cell
        assert name in whole, name
    for village in VILLAGES:
        assert village in whole, village
    assert "Tôn Nữ Thị Phương" in whole
    assert "Đề nghị Trạm Y tế xã bổ sung tài liệu truyền thông cho Đặng Văn Hùng và Lê" in whole


def test_markup_characters_are_printed_not_interpreted(tmp_path: Path) -> None:
    heading = "Mục <b>không đậm</b> & <i>"
    doc = sample_document(sections=(Section(heading, paragraphs=(NOTE, "Tỷ lệ 5 > 3 & 2 < 4")),))
    path, _ = write(tmp_path, doc)
    printed = pdftotext(path)
    for expected in (heading, NOTE, "Tỷ lệ 5 > 3 & 2 < 4"):
        assert expected in printed


def test_page_numbers_top_centre_from_page_2_and_the_id_in_every_footer(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    """Decree 30/2020, Appendix I: Arabic numerals, centred in the top margin, none on page 1."""
    path, rendered = sample
    count = rendered.pages
    assert count == int(pdfinfo(path)["Pages"]) > 2
    assert top_band(path, 1) == ""
    for number in range(2, count + 1):
        assert top_band(path, number) == str(number)
    pages = pages_of(path, count)
    for page in pages:
        assert "Trang" not in page
        assert "BC-2026-10-3f6c2a1e-8b4d-4c7e-9a51-2d0e6f7b8c90" in page


def top_band(path: Path, page: int) -> str:
    """The text in the top margin, above where the body starts."""
    return crop_text(
        path, page, (0, pdf_page.PAGE_HEIGHT - pdf_page.MARGIN_TOP, pdf_page.PAGE_WIDTH, pdf_page.PAGE_HEIGHT)
    )


def test_page_numbers_are_centred(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    centre = pdf_page.MARGIN_LEFT + pdf_page.TEXT_WIDTH / 2
    left, right = (0, centre - 20), (centre + 20, pdf_page.PAGE_WIDTH)
    band = (pdf_page.PAGE_HEIGHT - pdf_page.MARGIN_TOP, pdf_page.PAGE_HEIGHT)
    assert crop_text(path, 2, (centre - 20, band[0], centre + 20, band[1])) == "2"
    assert crop_text(path, 2, (left[0], band[0], left[1], band[1])) == ""
    assert crop_text(path, 2, (right[0], band[0], right[1], band[1])) == ""


def test_the_table_header_repeats_on_every_page_with_rows_and_no_row_is_lost(
    sample: tuple[Path, pdf.RenderedPdf],
) -> None:
    path, rendered = sample
    seen: list[int] = []
    pages_with_rows = 0
    for page in pages_of(path, rendered.pages):
        numbers = [int(n) for n in DATA_ROW.findall(page)]
        if not numbers:
            continue
        pages_with_rows += 1
        seen.extend(numbers)
        flat = " ".join(page.split())
        for title in ("STT", "Họ và tên", "Thôn, xóm", "Ngày sinh", "Ghi chú", "Kinh phí"):
            assert title in flat, title
    assert pages_with_rows >= 3
    assert seen == list(range(1, ROWS + 1))


def test_numbers_use_dots_for_thousands_and_the_total_row_is_printed(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    whole = pdftotext(path)
    assert "1.051.250" in whole
    total = re.search(r"Tổng cộng\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", whole)
    assert total is not None
    rows = sample_document().sections[1].table.rows  # type: ignore[union-attr]
    assert [int(t.replace(".", "")) for t in total.groups()] == [sum(int(r[i]) for r in rows) for i in (4, 5, 6)]
    assert re.search(r"Cộng\s+1\.610\s+149,75", whole)
    assert "87,5" in whole and "62,25" in whole


# --- fonts, normalisation, metadata -------------------------------------------------------------


def test_only_embedded_fonts_of_one_family(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    if pdf.fonts.choose().name != pdf.fonts.LIBERATION:
        pytest.skip("this computer has Times New Roman: tests/reports/test_pdf_layout.py checks that path")
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    names = set()
    for row in rows:
        tokens = row.split()
        assert tokens[-5] == "yes", row  # emb
        names.add(tokens[0].split("+")[-1])
    assert names == {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


def test_decomposed_input_prints_the_same_text(tmp_path: Path, sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    doc = decomposed(sample_document())
    assert doc.title != TITLE and content.nfc(doc.title) == TITLE
    nfd_path, _ = write(tmp_path, doc, "nfd.pdf")
    assert pdftotext(nfd_path) == pdftotext(path)


def test_metadata(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    info = pdfinfo(path)
    assert content.nfc(info["Title"]) == f"{TITLE} – {SUBJECT}"
    assert content.nfc(info["Author"]) == "Nguyễn Thị Hường"
    assert info["Subject"] == "BC-2026-10-3f6c2a1e-8b4d-4c7e-9a51-2d0e6f7b8c90"
    assert content.nfc(info["Creator"]) == "Sổ tay CTV"
    assert info["Page size"].startswith("595.276 x 841.89")


def test_no_word_runs_into_the_margins(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, _ = sample
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    boxes = [tuple(map(float, m)) for m in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', out)]
    assert len(boxes) > 1000
    left, right = pdf_page.MARGIN_LEFT - 0.5, pdf_page.PAGE_WIDTH - pdf_page.MARGIN_RIGHT + 0.5
    assert all(left <= x_min and x_max <= right for x_min, x_max in boxes)


# --- sensitive personal data ----------------------------------------------------------------------------


def test_sensitive_documents_say_so_on_every_page_and_never_mat(
    tmp_path: Path, sample: tuple[Path, pdf.RenderedPdf]
) -> None:
    """Personal data (Law 91/2025/QH15), not a state secret: no "MẬT" anywhere, the notice on every page."""
    path, rendered = write(tmp_path, sample_document(confidential=True))
    pages = pages_of(path, rendered.pages)
    assert len(pages) > 2
    assert all("Dữ liệu cá nhân nhạy cảm" in " ".join(page.split()) and "MẬT" not in page for page in pages)
    assert "nhạy cảm" not in pdftotext(sample[0])


# --- closing: signature, recipients, QR -----------------------------------------------------------


def crop_text(path: Path, page: int, box: tuple[float, float, float, float]) -> str:
    """The text inside a rectangle given in PDF points (origin bottom left)."""
    x1, y1, x2, y2 = box
    top = pdf_page.PAGE_HEIGHT - y2
    args = ["-x", str(int(x1)), "-y", str(int(top)), "-W", str(int(x2 - x1)), "-H", str(int(y2 - y1))]
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-r", "72", *args, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return content.nfc(out).strip()


def test_signature_block_and_recipients_on_the_last_page(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, rendered = sample
    last = pdftotext(path, first=rendered.pages, last=rendered.pages)
    assert "CỘNG TÁC VIÊN" in last and "Nguyễn Thị Hường" in last
    assert "Nơi nhận:" in last and "- Trạm Y tế xã Cẩm Xuyên;" in last and "- Lưu: CTV." in last
    # The capacity and the recipients start on the same line, as in Decree 30's model.
    assert any("Nơi nhận:" in line and "CỘNG TÁC VIÊN" in line for line in last.splitlines())
    # The last paragraph is not left behind: the signature never stands alone on its page.
    assert "IV. ĐỀ XUẤT, KIẾN NGHỊ" in last


def test_the_signature_box_is_empty_and_sits_between_capacity_and_name(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, rendered = sample
    assert rendered.signature_box is not None
    page_index, x1, y1, x2, y2 = rendered.signature_box
    assert page_index == rendered.pages - 1
    assert x2 - x1 == pytest.approx(70 * pdf.mm) and y2 - y1 == pytest.approx(28 * pdf.mm)
    assert pdf_page.MARGIN_LEFT < x1 < x2 <= pdf_page.PAGE_WIDTH - pdf_page.MARGIN_RIGHT
    assert pdf_page.MARGIN_BOTTOM < y1 < y2 < pdf_page.PAGE_HEIGHT - pdf_page.MARGIN_TOP
    page = page_index + 1
    assert crop_text(path, page, (x1, y1 + 1, x2, y2 - 1)) == ""
    assert "CỘNG TÁC VIÊN" in crop_text(path, page, (x1, y2, x2, y2 + 20))
    assert "Nguyễn Thị Hường" in crop_text(path, page, (x1, y1 - 22, x2, y1))


def test_no_signature_box_when_not_asked_for_or_nobody_signs(tmp_path: Path) -> None:
    assert pdf.render_pdf(sample_document(), reserve_signature_box=False).signature_box is None
    path, rendered = write(tmp_path, sample_document(signature=None))
    assert rendered.signature_box is None
    assert "Nơi nhận:" in pdftotext(path, first=rendered.pages, last=rendered.pages)


def test_qr_payload() -> None:
    doc = sample_document()
    assert content.qr_payload(doc) == f"SOTAY:monthly:{doc.document_id}:{content.digest(doc)}"
    stamped = sample_document(content_sha256="ab" * 32)
    assert content.qr_payload(stamped) == f"SOTAY:monthly:{doc.document_id}:{'ab' * 32}"


def test_the_qr_code_encodes_the_payload(monkeypatch: pytest.MonkeyPatch) -> None:
    encoded: list[str] = []
    widget = pdf_closing.QrCodeWidget

    def spy(value: str, **options: object) -> object:
        encoded.append(value)
        return widget(value, **options)

    monkeypatch.setattr(pdf_closing, "QrCodeWidget", spy)
    doc = sample_document()
    pdf.render_pdf(doc)
    assert encoded == [content.qr_payload(doc)]


def test_the_qr_code_and_its_caption_are_on_the_last_page_only(sample: tuple[Path, pdf.RenderedPdf]) -> None:
    path, rendered = sample
    sha = content.digest(sample_document())
    caption = f"Mã kiểm tra: BC-2026-10-3f6c2a1e-8b4d-4c7e-9a51-2d0e6f7b8c90 · SHA-256 {sha[:16]}…"
    pages = pages_of(path, rendered.pages)
    assert caption in pages[-1]
    assert not any("Mã kiểm tra" in page for page in pages[:-1])
    # The code itself: about half the modules of its square at the bottom left are dark.
    square = (
        pdf_page.MARGIN_LEFT,
        pdf_page.MARGIN_BOTTOM,
        pdf_page.MARGIN_LEFT + pdf_closing.QR_SIDE,
        pdf_page.MARGIN_BOTTOM + pdf_closing.QR_SIDE,
    )
    assert 0.3 < dark_share(path, rendered.pages, square) < 0.7
    assert crop_text(path, rendered.pages, square) == ""


def dark_share(path: Path, page: int, box: tuple[float, float, float, float]) -> float:
    x1, y1, x2, y2 = box
    args = [
        "-x",
        str(int(x1)),
        "-y",
        str(int(pdf_page.PAGE_HEIGHT - y2)),
        "-W",
        str(int(x2 - x1)),
        "-H",
        str(int(y2 - y1)),
    ]
    pgm = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "72", "-gray", *args, str(path)],
        check=True,
        capture_output=True,
    ).stdout
    # Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel.
    header = pgm.split(b"\n", 3)
    pixels = header[3]
    return sum(1 for p in pixels if p < 128) / len(pixels)


# --- small pure functions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 5), "Hà Tĩnh, ngày 05 tháng 11 năm 2026"),
        (date(2026, 1, 12), "Hà Tĩnh, ngày 12 tháng 01 năm 2026"),
        (date(2026, 2, 1), "Hà Tĩnh, ngày 01 tháng 02 năm 2026"),
        (date(2026, 3, 9), "Hà Tĩnh, ngày 09 tháng 3 năm 2026"),
        (date(2026, 12, 31), "Hà Tĩnh, ngày 31 tháng 12 năm 2026"),
    ],
)
def test_place_and_date(day: date, expected: str) -> None:
    assert pdf_text.place_and_date("Hà Tĩnh", day) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (0, "0"),
        (999, "999"),
        (1234, "1.234"),
        (1234567, "1.234.567"),
        (-1234, "-1.234"),
        (1234.5, "1.234,5"),
        (62.25, "62,25"),
        (3.0, "3"),
        (date(2026, 3, 5), "05/03/2026"),
        ("Thôn Đông Hà", "Thôn Đông Hà"),
    ],
)
def test_format_cell(value: object, expected: str) -> None:
    assert pdf_text.format_cell(value) == expected  # type: ignore[arg-type]


def test_text_is_nfc_without_control_characters() -> None:
    assert pdf_text.text("Nguye\u0302\u0303n\x00\tThi\u0323") == "Nguyễn Thị"
    assert pdf_text.markup("A & B <c>\nD") == "A &amp; B &lt;c&gt;<br/>D"


def test_columns_keep_dates_and_numbers_whole_when_there_is_room() -> None:
    table = sample_document().sections[1].table
    assert table is not None
    widths = pdf_tables.column_widths(table)
    assert sum(widths) == pytest.approx(pdf_page.TEXT_WIDTH)
    date_width = pdf.stringWidth("00/00/0000", pdf.fonts.REGULAR, pdf_text.CELL_FONT_SIZE) + 2 * pdf_tables.CELL_PADDING
    assert widths[3] >= date_width
    assert widths[0] >= pdf.stringWidth("STT", pdf.fonts.BOLD, pdf_text.CELL_FONT_SIZE) + 2 * pdf_tables.CELL_PADDING


def test_a_document_without_sections_still_renders(tmp_path: Path) -> None:
    path, rendered = write(tmp_path, sample_document(sections=(Section("Chỉ có tiêu đề"),), recipients=()))
    assert rendered.pages == 1
    text = pdftotext(path)
    assert "Chỉ có tiêu đề" in text and top_band(path, 1) == ""
    assert HEADER_TITLES[0] not in text.split()
