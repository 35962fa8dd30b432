"""Every kind of report, exported signed from a demo profile, follows Decree 30/2020 where a reader looks
first: no page number on page 1, the number "2" at the top centre of page 2, and a "Số:" that is a number
of its series, never blank, dots, a month or a fragment of a hash."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from desktop.services.documents import choices, export
from tests.services.test_workbooks_in_vietnamese import demo, every_choice  # noqa: F401  (the fixture)

TOP_BAND = 45  # points from the page's top edge: above the header's first line, where the number stands


def band(pdf: Path, page: int) -> str:
    """The text of the top band of a page (its width is that of an A4 page)."""
    found = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-x", "0", "-y", "0", "-W", "595", "-H", str(TOP_BAND),
         "-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return found.stdout.strip()


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))


def whole_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_page_numbers_and_document_numbers_of_every_kind_of_report(demo, tmp_path):  # noqa: F811
    with_a_second_page = set()
    for index, choice in enumerate(every_choice(demo)):
        written = export.export_pdf(demo, choices.document(demo, choice), tmp_path / f"{index}.pdf")
        assert written.signed
        assert band(written.path, 1) == "", (choice.kind, band(written.path, 1))
        if page_count(written.path) >= 2:
            with_a_second_page.add(choice.kind)
            assert band(written.path, 2) == "2", (choice.kind, band(written.path, 2))
        number = re.search(r"Số: (\S+)", whole_text(written.path)).group(1)
        sequence, _, series = number.partition("/")
        assert sequence.isdigit() and not sequence.startswith("0"), (choice.kind, number)
        assert re.fullmatch(r"[A-Z0-9]+-TYT", series), (choice.kind, number)
    # The check did see second pages: the monthly report, the slip, the A0 book and the yearly report run long.
    assert {choices.MONTHLY, choices.A0, choices.FAMILY_DV} <= with_a_second_page
