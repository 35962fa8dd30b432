"""`sotay report a0`: a household's A0/CTV sheet and a village's whole Sổ A0, as a collaborator writes them, read
back with pdftotext and openpyxl; what is refused writes nothing."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tests.cli_helpers import clean_process_state, run  # noqa: F401  (an autouse fixture)
from tests.security import pdf_helpers as helpers
from tests.test_cli_report import _exported, _unlocked, home  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(bool(helpers.tools_missing()), reason="poppler-utils or NSS tools missing")


@pytest.fixture
def village(home) -> tuple[str, list[str]]:  # noqa: F811
    """The demo village's name and its household numbers, in the order of the book."""
    from desktop.services import reference
    from desktop.services.documents.a0_data import number_key
    from desktop.services.register import households

    profile = _unlocked(home)
    try:
        [first, *_] = reference.commune_villages(profile)
        ids = households.list_ids(profile, village_id=first.id)
        codes = [row.code for row in households.rows(profile, list(ids))]
    finally:
        profile.close()
    return first.name, sorted(codes, key=number_key)


def test_report_a0_writes_a_household_s_sheet_and_its_tables(home, village, tmp_path, capsys):  # noqa: F811
    _name, codes = village
    out, book = tmp_path / "a0.pdf", tmp_path / "a0.xlsx"
    code, said, err = run(capsys, "--home", str(home), "report", "a0", codes[0], "--out", str(out), "--xlsx",
                          str(book))  # fmt: skip
    assert (code, err) == (0, ""), err
    assert said.split() == [str(out), str(book)]
    text = " ".join(helpers.pdftotext(out, "-raw").split())
    assert "PHIẾU HỘ DÂN CƯ" in text and f"Hộ số: {codes[0]}" in text and "Mã đối tượng (Số thẻ BHYT)" in text
    assert "Ký số bởi: " in text
    assert "Mục I" in load_workbook(book).sheetnames
    document_id = next(word for word in text.split() if word.startswith(f"A0-{codes[0]}-"))
    assert sorted(e["format"] for e in _exported(home, capsys, document_id) if e["kind"] == "a0") == ["pdf", "xlsx"]


def test_report_a0_of_a_village_writes_the_book_one_household_a_page(home, village, tmp_path, capsys):  # noqa: F811
    name, codes = village
    out = tmp_path / "so-a0.pdf"
    code, said, err = run(capsys, "--home", str(home), "report", "a0", "--village", name.lower(), "--out", str(out))
    assert (code, err) == (0, ""), err
    pages = helpers.pdftotext(out, "-raw").split("\f")
    cover = " ".join(pages[0].split())
    assert "SỔ GHI CHÉP BAN ĐẦU VỀ DÂN SỐ (SỔ A0)" in cover and name.upper() in cover
    assert f"Từ hộ số: {codes[0]} đến hộ số: {codes[-1]}" in cover
    assert pages[1].lstrip().startswith("BẢNG KÊ ĐỊA BÀN")
    # Each household's sheet begins a page of its own, in household-number order.
    starts = [page.lstrip().splitlines()[0] for page in pages if "PHIẾU HỘ DÂN CƯ – HỘ SỐ" in page]
    assert starts == [f"PHIẾU HỘ DÂN CƯ – HỘ SỐ {number}" for number in codes]


@pytest.mark.parametrize(
    ("args", "exit_code", "said"),
    [
        (["Z-999"], 3, "No household numbered Z-999"),
        (["--village", "Thôn Không Có"], 3, "No single village called Thôn Không Có"),
        ([], 2, "Give either a household number or --village"),
        (["001", "--village", "Thôn Không Có"], 2, "Give either a household number or --village"),
    ],
)
def test_what_report_a0_cannot_write_is_refused_and_nothing_is_written(home, tmp_path, capsys, args, exit_code, said):  # noqa: F811
    out, book = tmp_path / "a0.pdf", tmp_path / "a0.xlsx"
    code, _said, err = run(capsys, "--home", str(home), "--lang", "en", "report", "a0", *args, "--out", str(out),
                           "--xlsx", str(book))  # fmt: skip
    assert code == exit_code and said in err
    assert not out.exists() and not book.exists()


def test_a_collaborator_gets_no_sheet_of_a_village_they_do_not_keep(home, village, tmp_path, capsys, monkeypatch):  # noqa: F811
    from desktop.services import reference
    from desktop.services.profile import users
    from desktop.services.profile.access import Role
    from desktop.services.profile.users import UserInput

    name, codes = village
    profile = _unlocked(home)
    try:
        with profile.sessions.begin() as session:
            other = reference.add_village(session, profile.commune_code, "Thôn Xa Xôi")
        users.add_user(profile, UserInput("Trần Thị Hoa", Role.CTV, villages=(other,)), "hoa giữ thôn xa")
    finally:
        profile.close()
    monkeypatch.setenv("SOTAY_PASSPHRASE", "hoa giữ thôn xa")
    out = tmp_path / "a0.pdf"
    for args in ([codes[0]], ["--village", name]):
        code, _said, err = run(capsys, "--home", str(home), "--lang", "en", "--user", "Trần Thị Hoa", "report", "a0",
                               *args, "--out", str(out))  # fmt: skip
        assert code == 3 and "among the" in err and not out.exists()


def test_the_xlsx_of_the_book_has_the_rows_of_every_sheet(home, village, tmp_path, capsys):  # noqa: F811
    name, codes = village
    book = tmp_path / "so-a0.xlsx"
    code, _said, err = run(capsys, "--home", str(home), "report", "a0", "--village", name, "--xlsx", str(book))
    assert (code, err) == (0, ""), err
    sheets = load_workbook(book, read_only=True).sheetnames
    assert sheets[:2] == ["Thông tin", "Bảng kê địa bàn"]
    got = [s.removeprefix("Hộ ").removesuffix(" Mục I") for s in sheets if s.endswith(" Mục I")]
    assert got == [number for number in codes if number in got]  # in the book's order
    # Every household still there has its Mục I; one dissolved before the book's years lists nobody in them.
    profile = _unlocked(home)
    try:
        from desktop.services.register import households

        rows = households.rows(profile, list(households.list_ids(profile)))
    finally:
        profile.close()
    assert {row.code for row in rows if not row.dissolved and row.code in codes} <= set(got)
