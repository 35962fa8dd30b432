"""Decree 30/2020 layout rules a reader checks by eye: the type and the subject of the document, the closing
that never stands alone on its page, and the font (Times New Roman where the computer has it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.paths import resource
from desktop.reports import content, fonts, pdf
from desktop.reports.model import Column, ReportDocument, Section, Table
from desktop.reports.pdf_text import Styles
from tests.reports.conftest import SUBJECT, TITLE, pdftotext, sample_document

pytestmark = pytest.mark.usefixtures("poppler")

LIBERATION_FILES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)
WINDOWS_NAMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")


def render(tmp_path: Path, doc: ReportDocument, name: str = "r.pdf") -> tuple[Path, pdf.RenderedPdf]:
    rendered = pdf.render_pdf(doc)
    path = tmp_path / name
    path.write_bytes(rendered.data)
    return path, rendered


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {
        key.strip(): content.nfc(value.strip()) for key, _, value in (line.partition(":") for line in out.splitlines())
    }


# --- the type and the subject ---------------------------------------------------------------------


def test_the_type_and_the_subject_stand_on_their_own_lines_above_the_period(tmp_path: Path) -> None:
    path, _ = render(tmp_path, sample_document())
    lines = [line.strip() for line in pdftotext(path, first=1, last=1).splitlines() if line.strip()]
    at = lines.index(TITLE)
    assert lines[at + 1] == SUBJECT
    assert lines[at + 2] == "(Từ ngày 01/10/2026 đến ngày 31/10/2026)"


def test_a_short_centred_rule_goes_under_the_subject() -> None:
    fonts.register()
    styles = Styles.make()
    parts = pdf._title(sample_document(), styles)
    rule = next(p for p in parts if isinstance(p, pdf._CentredRule))
    assert parts.index(rule) == 2  # type, subject, rule
    width = stringWidth(SUBJECT, fonts.BOLD, styles.subject.fontSize)
    assert width / 3 <= rule.length <= width / 2
    assert styles.subject.fontName == styles.title.fontName == fonts.BOLD  # both bold, the subject not in capitals
    # Without a subject (the recovery sheet), no rule.
    assert not any(isinstance(p, pdf._CentredRule) for p in pdf._title(sample_document(subject=""), styles))


def test_the_subject_counts_in_the_digest_only_when_there_is_one() -> None:
    with_subject = sample_document()
    assert content.digest(with_subject) != content.digest(sample_document(subject="Khác"))
    without = sample_document(subject="")
    assert b'"subject"' not in content.canonical_json(without)  # older documents keep their digests


# --- the closing ----------------------------------------------------------------------------------


def ending_with_a_table(rows: int, *, last_paragraph: bool) -> ReportDocument:
    table = Table(
        (Column("STT", 0.5), Column("Nội dung", 4), Column("Số lượng", 1, numeric=True)),
        tuple((i + 1, f"Nội dung dòng {i + 1}", i) for i in range(rows)),
        "Tổng cộng",
    )
    sections = [
        Section("I. TÌNH HÌNH CHUNG", ("Trong tháng, cộng tác viên đã thăm hộ gia đình và ghi chép đầy đủ.",)),
        Section("II. KẾT QUẢ", table=table),
    ]
    if last_paragraph:
        sections.append(Section("", ("Trên đây là báo cáo kết quả hoạt động tháng 10 năm 2026./.",)))
    return sample_document(sections=tuple(sections))


def above_the_closing(page_text: str, page: int) -> list[str]:
    """The lines of the page above "Nơi nhận:", without the page number."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    end = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận:"))
    return [line for line in lines[:end] if line != str(page)]


@pytest.mark.parametrize(
    ("last_paragraph", "lengths"),
    [(False, range(0, 64)), (True, range(0, 64, 3))],
    ids=["table-last", "paragraph-last"],
)
def test_the_signature_always_has_text_above_it_and_the_qr_code_beside_it(
    tmp_path: Path, last_paragraph: bool, lengths: range
) -> None:
    """Tables of every length across the first page's end: the closing never opens a page on its own."""
    pages_seen = set()
    for rows in lengths:
        path, rendered = render(tmp_path, ending_with_a_table(rows, last_paragraph=last_paragraph), f"{rows}.pdf")
        assert rendered.signature_box is not None
        page = rendered.signature_box[0] + 1
        pages_seen.add(page)
        text = pdftotext(path, first=page, last=page)
        above = above_the_closing(text, page)
        assert above, f"{rows} rows: the signature stands alone on page {page}"
        if not last_paragraph:
            assert any(line.startswith("Tổng cộng") for line in above), rows  # the table's end came along
        else:
            assert "Trên đây là báo cáo" in " ".join(above), rows
        assert "Mã kiểm tra:" in text, f"{rows} rows: the QR code left the signature's page"
        assert page == rendered.pages  # nothing after the closing
    assert {1, 2} <= pages_seen  # the lengths did cross the first page's end


def test_no_row_is_lost_or_repeated_when_the_table_is_split_for_the_closing(tmp_path: Path) -> None:
    for rows in range(30, 45):
        path, rendered = render(tmp_path, ending_with_a_table(rows, last_paragraph=False), f"{rows}.pdf")
        whole = pdftotext(path)
        printed = [n for n in range(1, rows + 1) if f"Nội dung dòng {n} " in whole + " "]
        assert printed == list(range(1, rows + 1)), rows
        assert whole.count("Nội dung dòng 1 ") == 1


# --- the font -------------------------------------------------------------------------------------


@pytest.fixture
def fake_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Windows folder whose Fonts hold "Times New Roman" (Liberation Serif copied under its file names)."""
    folder = tmp_path / "Windows"
    (folder / "Fonts").mkdir(parents=True)
    for source, name in zip(LIBERATION_FILES, WINDOWS_NAMES, strict=True):
        # One in capitals, as some Windows folders have it.
        shutil.copy(resource("fonts", source), folder / "Fonts" / (name.upper() if name == "times.ttf" else name))
    monkeypatch.setenv("WINDIR", str(folder))
    monkeypatch.delenv(fonts.CHOICE_VARIABLE, raising=False)
    return folder


def test_times_new_roman_is_used_where_windows_has_it_and_the_pdf_says_so(tmp_path: Path, fake_windows: Path) -> None:
    chosen = fonts.choose()
    assert chosen.name == fonts.TIMES
    assert [p.name.lower() for p in chosen.files] == list(WINDOWS_NAMES)  # TIMES.TTF found whatever its case
    assert all(p.parent == fake_windows / "Fonts" for p in chosen.files)
    path, _ = render(tmp_path, sample_document())
    assert pdfinfo(path)["Keywords"] == "Phông chữ: Times New Roman"
    assert every_font_embedded(path)


def test_without_all_four_styles_the_bundled_font_is_used(tmp_path: Path, fake_windows: Path) -> None:
    (fake_windows / "Fonts" / "timesbi.ttf").unlink()
    chosen = fonts.choose()
    assert chosen.name == fonts.LIBERATION and chosen.files[0].name == "LiberationSerif-Regular.ttf"
    path, _ = render(tmp_path, sample_document())
    assert pdfinfo(path)["Keywords"] == "Phông chữ: Liberation Serif (thay cho Times New Roman)"


def test_the_choice_can_be_forced(tmp_path: Path, fake_windows: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.CHOICE_VARIABLE, "liberation")
    assert fonts.choose().name == fonts.LIBERATION
    assert fonts.choose(fonts.TIMES).name == fonts.TIMES  # an argument wins over the variable
    path, _ = render(tmp_path, sample_document())
    assert "Liberation Serif" in pdfinfo(path)["Keywords"]


def test_the_linux_and_macos_file_names_are_found(tmp_path: Path) -> None:
    linux = tmp_path / "msttcorefonts"
    linux.mkdir()
    names = (
        "Times_New_Roman.ttf",
        "Times_New_Roman_Bold.ttf",
        "Times_New_Roman_Italic.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
    )
    for source, name in zip(LIBERATION_FILES, names, strict=True):
        shutil.copy(resource("fonts", source), linux / name)
    assert fonts.find_times([tmp_path / "missing", linux]) == tuple(linux / n for n in names)
    mac = tmp_path / "Supplemental"
    mac.mkdir()
    for source, style in zip(LIBERATION_FILES, ("", " Bold", " Italic", " Bold Italic"), strict=True):
        shutil.copy(resource("fonts", source), mac / f"Times New Roman{style}.ttf")
    assert fonts.choose(folders=[mac]).name == fonts.TIMES


def every_font_embedded(path: Path) -> bool:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    return bool(rows) and all(row.split()[-5] == "yes" for row in rows)
