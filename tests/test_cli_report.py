"""`sotay report monthly|verify` as a collaborator or an upper-level officer runs them, checked with the tools
a person would use: poppler's pdfsig, pdffonts and pdftotext, an NSS trust store, openpyxl, SoftHSM2."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from openpyxl import load_workbook
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import read_certification_data

from desktop.demo.build import DEMO_PASSPHRASE
from tests.cli_helpers import clean_process_state, demo_home, run  # noqa: F401  (an autouse fixture)
from tests.security import pdf_helpers as helpers

DEMO_ARGS = ["demo", "--households", "40", "--seed", "11", "--today", "2025-06-30"]
MONTH = "2025-05"

pytestmark = pytest.mark.skipif(bool(helpers.tools_missing()), reason="poppler-utils or NSS tools missing")


@pytest.fixture
def home(tmp_path, capsys) -> Path:
    return demo_home(tmp_path / "home", capsys, DEMO_ARGS)


@pytest.fixture
def signed(home, tmp_path, capsys) -> Path:
    out = tmp_path / "bao-cao.pdf"
    code, said, err = run(capsys, "--home", str(home), "report", "monthly", "--month", MONTH, "--out", str(out))
    assert (code, err) == (0, ""), err
    assert said.strip() == str(out)
    return out


def test_the_signed_monthly_report_is_valid_and_trusted_with_the_profile_s_certificate(home, signed, tmp_path):
    untrusted = helpers.pdfsig(signed, helpers.nss_db(tmp_path / "empty"))
    assert "Signature is Valid." in untrusted and "Total document signed" in untrusted
    assert "Certificate is Trusted." not in untrusted
    store = helpers.nss_db(tmp_path / "nss", {"device": (home / "device-cert.pem", "P,P,P")})
    assert "Certificate is Trusted." in helpers.pdfsig(signed, store)


def test_the_report_reads_in_vietnamese_with_every_font_embedded(signed):
    text = helpers.pdftotext(signed)
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND XÃ CẨM XUYÊN"):
        assert line in text
    assert "BÁO CÁO" in text and "Kết quả hoạt động tháng 5 năm 2025" in text and "TRẠM Y TẾ XÃ CẨM XUYÊN" in text
    assert "Ký số bởi: " in text and "NGƯỜI BÁO CÁO" in text
    fonts = helpers.run("pdffonts", signed, check=True).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column


def test_verify_says_who_signed_and_one_changed_byte_makes_it_invalid(home, signed, tmp_path, capsys):
    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(signed))
    assert (code, err) == (0, "")
    assert "Nguyên vẹn từ khi ký: có" in out and "Chứng thư số được sổ tay này tin cậy: có" in out
    assert out.startswith("Người ký: ")
    assert re.search(r" \d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} \(UTC\+7\)$", out, re.MULTILINE)  # to the second
    changed = tmp_path / "sua.pdf"
    data = signed.read_bytes()
    at = data.index(b"stream", 1000) + 40  # inside the first page's content, which the signature covers
    changed.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
    assert "Digest Mismatch." in helpers.pdfsig(changed, helpers.nss_db(tmp_path / "nss"))
    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(changed))
    assert code == 3 and "Nguyên vẹn từ khi ký: không" in out
    assert "không hợp lệ" in err


def test_a_figure_painted_over_after_signing_is_reported_as_changed(home, signed, tmp_path, capsys):
    cell = helpers.word_after(signed, "Tổng", "cộng")  # the first total of the monthly table
    assert cell.text.replace(".", "").isdigit()
    painted = tmp_path / "to-lai.pdf"  # a field added without any key, its appearance over the total
    painted.write_bytes(
        helpers.cover_with_field(signed.read_bytes(), cell.page, cell.box, "99" if cell.text != "99" else "98")
    )
    assert "- Not total document signed" in helpers.pdfsig(painted, helpers.nss_db(tmp_path / "nss"))

    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(painted))
    assert code == 3 and "không hợp lệ" in err
    assert out.splitlines()[2:] == [
        "Nguyên vẹn từ khi ký: không",
        "Chứng thư số được sổ tay này tin cậy: có",
        "Báo cáo đã bị sửa sau khi ký: đừng dựa vào bản này.",
    ]


def test_a_second_signature_is_reported_with_its_signer(home, signed, tmp_path, capsys):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    twice = tmp_path / "ky-them.pdf"
    twice.write_bytes(helpers.sign_again(signed.read_bytes(), key, helpers.self_signed(key, "Attacker")))

    _code, before, _err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(signed))
    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(twice))
    assert code == 3 and "không hợp lệ" in err
    assert out.splitlines()[:2] == before.splitlines()[:2]  # who signed first, and when, as before
    assert out.splitlines()[2:] == [
        "Nguyên vẹn từ khi ký: không",
        "Chứng thư số được sổ tay này tin cậy: có",
        "Ký thêm sau đó: Attacker",
        "Báo cáo đã bị sửa sau khi ký: đừng dựa vào bản này.",
    ]


def test_a_later_timestamp_and_validation_data_keep_the_report_unchanged(home, signed, tmp_path, capsys):
    certification = read_certification_data(PdfFileReader(io.BytesIO(signed.read_bytes())))
    assert certification is not None and certification.permission == MDPPerm.NO_CHANGES
    device = x509.load_pem_x509_certificate((home / "device-cert.pem").read_bytes())
    archived = tmp_path / "luu-tru.pdf"
    archived.write_bytes(helpers.with_dss(helpers.document_timestamp(signed.read_bytes()), device))

    code, out, err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(archived))
    assert (code, err) == (0, "")
    assert out.splitlines()[2:] == ["Nguyên vẹn từ khi ký: có", "Chứng thư số được sổ tay này tin cậy: có"]


def test_an_unsigned_report_does_not_verify(home, tmp_path, capsys):
    out = tmp_path / "nhap.pdf"
    code, _said, err = run(
        capsys, "--home", str(home), "report", "monthly", "--month", MONTH, "--out", str(out), "--unsigned"
    )
    assert (code, err) == (0, "")
    code, said, _err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(out))
    assert code == 3 and "Tệp này không có chữ ký số." in said


def test_the_xlsx_totals_equal_the_pdf_s(home, signed, tmp_path, capsys):
    book_file = tmp_path / "bao-cao.xlsx"
    code, _said, err = run(capsys, "--home", str(home), "report", "monthly", "--month", MONTH, "--xlsx", str(book_file))
    assert (code, err) == (0, "")
    sheet = load_workbook(book_file)["Theo thôn"]
    header_row = next(r for r in range(1, 8) if sheet.cell(r, 1).value == "Thôn, tổ dân phố")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=header_row + 1)]
    total = next(row for row in rows if row[0] == "Tổng cộng")
    villages = [row for row in rows if row[0] not in (None, "Tổng cộng")]
    assert all(isinstance(v, int) for v in total[1:])
    assert total[1:] == [sum(row[i] for row in villages) for i in range(1, len(total))]
    # The same total line is printed in the PDF, with "." between thousands.
    pdf_totals = [line.split() for line in helpers.pdftotext(signed, "-layout").splitlines() if "Tổng cộng" in line]
    printed = [int(word.replace(".", "")) for word in pdf_totals[0][2:]]
    assert printed == total[1:]


def test_a_month_written_wrongly_or_no_output_is_refused(home, tmp_path, capsys):
    code, _out, err = run(capsys, "--home", str(home), "report", "monthly", "--month", "2025-13", "--out", "x.pdf")
    assert code == 2 and "2025-13: không có tháng 13; tháng chỉ từ 1 đến 12." in err
    assert not (tmp_path / "x.pdf").exists()
    code, _out, err = run(capsys, "--home", str(home), "report", "monthly", "--month", MONTH)
    assert code != 0 and "--out" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_report_signed_with_a_usb_token(home, soft_token, tmp_path, capsys, monkeypatch):
    out = tmp_path / "token.pdf"
    args = ["--token-module", soft_token.module, "--token", soft_token.label, "--cert-label", soft_token.key_label]
    monkeypatch.setenv("SOTAY_TOKEN_PIN", "1111")  # wrong: refused, nothing written
    code, _said, err = run(capsys, "--home", str(home), "--lang", "vi", "report", "monthly", "--month", MONTH,
                           "--out", str(out), *args)  # fmt: skip
    assert code != 0 and "PIN" in err and not out.exists()
    monkeypatch.setenv("SOTAY_TOKEN_PIN", soft_token.pin)
    code, _said, err = run(capsys, "--home", str(home), "report", "monthly", "--month", MONTH, "--out", str(out), *args)
    assert (code, err) == (0, ""), err
    assert "Signature is Valid." in helpers.pdfsig(out, helpers.nss_db(tmp_path / "nss"))
    assert "Ký số bởi: Trần Văn Bình" in helpers.pdftotext(out)
    # Not this profile's certificate: trusted only when the verifier says so.
    code, said, _err = run(capsys, "--home", str(home), "--lang", "vi", "report", "verify", str(out))
    assert code == 3 and "tin cậy: không" in said
    token_cert = helpers.write_pem(tmp_path / "token.pem", soft_token.certificate)
    code, said, _err = run(capsys, "--home", str(home), "report", "verify", str(out), "--trust", str(token_cert))
    assert code == 0
    trusted = helpers.nss_db(tmp_path / "nss-token", {"token": (token_cert, "P,P,P")})
    assert "Certificate is Trusted." in helpers.pdfsig(out, trusted)
    data = out.read_bytes()
    at = data.index(b"stream", 1000) + 40
    changed = tmp_path / "token-sua.pdf"
    changed.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
    assert "Digest Mismatch." in helpers.pdfsig(changed, helpers.nss_db(tmp_path / "nss2"))
    code, _said, _err = run(capsys, "--home", str(home), "report", "verify", str(changed), "--trust", str(token_cert))
    assert code == 3


# Household card, case file, campaign report #################################################


def _unlocked(home: Path):
    from desktop.demo import build as demo
    from desktop.paths import ProfilePaths
    from desktop.services.profile import opening as profile_service

    return profile_service.unlock(ProfilePaths(home), demo.collaborator_name(11), DEMO_PASSPHRASE)


@pytest.fixture
def household(home) -> tuple[str, str]:
    """The number and the head of a household of the demo register."""
    from desktop.services.register import households

    profile = _unlocked(home)
    try:
        [row] = households.rows(profile, households.list_ids(profile, include_dissolved=False)[:1])
    finally:
        profile.close()
    return row.code, row.head_name


@pytest.fixture
def dv_case(home) -> str:
    """A domestic-violence case with enough in it for the file to run over a page."""
    from datetime import date, timedelta

    from desktop.services.casework import cases, dv, dv_measures, timeline
    from desktop.services.casework.cases import CaseInput
    from desktop.services.casework.dv import ActsInput
    from desktop.services.casework.dv_measures import MeasureInput
    from desktop.services.casework.timeline import ActionInput
    from desktop.services.register import households

    opened = date.today() - timedelta(days=20)
    profile = _unlocked(home)
    try:
        hid = households.list_ids(profile, include_dissolved=False)[0]
        cid = cases.open_case(profile, CaseInput("domestic_violence", hid, opened, summary="Tổ trưởng báo tin"))
        dv.record_acts(profile, cid, ActsInput(("a", "b", "e"), "married", "Bầm tím", recurrence_12m=2))
        dv_measures.apply_measure(profile, cid, MeasureInput("stop_violence", opened, "7/QĐ-UBND"))
        dv_measures.refer(profile, cid, body="commune_police", sent_on=opened)
        for n in range(1, 8):
            note = ActionInput("note", opened + timedelta(days=n), f"Ghi chép lần {n}: gia đình hợp tác")
            timeline.record(profile, cid, note)
    finally:
        profile.close()
    return str(cid)


def _exported(home: Path, capsys, document_id: str) -> list[dict]:
    """The export events of a document in the audit log, as `sotay audit list` shows them: each summary field is
    an [old, new] pair, so only the new values."""
    import json

    code, said, err = run(capsys, "--home", str(home), "audit", "list", "--record", document_id, "--json")
    assert (code, err) == (0, ""), err
    found = [event for event in json.loads(said) if event["table"] == "report_exports"]
    assert all(event["record_id"] == document_id for event in found)
    return [{name: pair[-1] for name, pair in event["summary"].items()} for event in found]


def test_report_household_writes_the_card_and_its_tables(home, household, tmp_path, capsys):
    number, head = household
    out, book = tmp_path / "ho.pdf", tmp_path / "ho.xlsx"
    code, said, err = run(
        capsys, "--home", str(home), "report", "household", number, "--out", str(out), "--xlsx", str(book)
    )
    assert (code, err) == (0, ""), err
    assert said.split() == [str(out), str(book)]
    text = helpers.pdftotext(out)
    assert "PHIẾU THÔNG TIN" in text and f"Hộ gia đình số {number}" in text
    assert f"Số hộ: {number}" in text and head in text
    assert "THÀNH VIÊN HỘ GIA ĐÌNH" in text and "Ký số bởi: " in text and "nhạy cảm" not in text
    assert "Thành viên" in load_workbook(book).sheetnames
    document_id = next(word for word in text.split() if word.startswith(f"PH-{number}-"))
    exported = _exported(home, capsys, document_id)
    assert sorted((e["kind"], e["format"], e["signed"]) for e in exported) == [
        ("household", "pdf", True),
        ("household", "xlsx", False),
    ]


def test_an_unknown_household_number_is_a_clear_error(home, tmp_path, capsys):
    out = tmp_path / "ho.pdf"
    code, _said, err = run(capsys, "--home", str(home), "--lang", "en", "report", "household", "Z-999", "--out",
                           str(out))  # fmt: skip
    assert code == 3 and "No household numbered Z-999" in err and not out.exists()


def test_report_case_writes_a_confidential_file_marked_on_every_page_and_audited(home, dv_case, tmp_path, capsys):
    out = tmp_path / "ho-so.pdf"
    code, said, err = run(capsys, "--home", str(home), "report", "case", dv_case, "--out", str(out))
    assert (code, err) == (0, ""), err
    assert said.strip() == str(out)
    text = helpers.pdftotext(out)
    assert "HỒ SƠ" in text and "Trường hợp bạo lực gia đình" in text and "Ghi chép lần 7" in text
    pages = int(next(line.split()[-1] for line in helpers.run("pdfinfo", out).splitlines() if line.startswith("Pages")))
    assert pages >= 2
    for page in range(1, pages + 1):
        on_page = helpers.pdftotext(out, "-f", str(page), "-l", str(page))
        assert "Dữ liệu cá nhân nhạy cảm" in on_page and "MẬT" not in on_page, page
    document_id = next(word for word in text.split() if word.startswith("HS-"))
    [event] = _exported(home, capsys, document_id)
    assert (event["kind"], event["confidential"], event["subject"]) == ("case", True, dv_case)
    assert "Signature is Valid." in helpers.pdfsig(out, helpers.nss_db(tmp_path / "nss"))
    # Its tables as XLSX say so too: in every sheet's printed page header and beside its title.
    book_file = tmp_path / "ho-so.xlsx"
    code, _said, err = run(capsys, "--home", str(home), "report", "case", dv_case, "--xlsx", str(book_file))
    assert (code, err) == (0, ""), err
    book = load_workbook(book_file)
    assert len(book.worksheets) >= 2
    for sheet in book.worksheets:
        assert sheet.oddHeader.right.text == "Dữ liệu cá nhân nhạy cảm"
    info, *tables = book.worksheets
    assert {row[0]: row[1] for row in info.iter_rows(values_only=True)}["Dữ liệu cá nhân nhạy cảm"] == "Có"
    for sheet in tables:
        assert str(sheet["A1"].value).endswith("(dữ liệu cá nhân nhạy cảm)")


def test_report_case_is_refused_to_a_user_without_the_protection_permission(
    home, dv_case, tmp_path, capsys, monkeypatch
):
    from desktop.services.profile import users
    from desktop.services.profile.access import Role
    from desktop.services.profile.users import UserInput

    profile = _unlocked(home)
    try:
        users.add_user(profile, UserInput("Trần Thị Hoa", Role.OFFICER), "hoa giữ cả xã")
    finally:
        profile.close()
    monkeypatch.setenv("SOTAY_PASSPHRASE", "hoa giữ cả xã")
    out = tmp_path / "ho-so.pdf"
    code, _said, err = run(capsys, "--home", str(home), "--user", "Trần Thị Hoa", "report", "case", dv_case,
                           "--out", str(out))  # fmt: skip
    assert code == 2 and err and not out.exists()


def test_a_case_id_written_wrongly_is_refused(home, tmp_path, capsys):
    code, _said, err = run(capsys, "--home", str(home), "report", "case", "12345", "--out", str(tmp_path / "x.pdf"))
    assert code == 3 and "12345" in err


def test_report_campaign_counts_tagged_activities_and_names_the_untagged(home, tmp_path, capsys):
    # The demo records its activities without a campaign: the report counts none and says how many it left out.
    out = tmp_path / "chua-gan.pdf"
    code, said, err = run(capsys, "--home", str(home), "--lang", "en", "report", "campaign", "dv_action_month",
                          "--year", "2025", "--out", str(out))  # fmt: skip
    assert code == 0 and said.split() == [str(out)]
    untagged = int(err.split()[0])
    assert untagged > 0 and "--tag-untagged" in err
    text = " ".join(helpers.pdftotext(out).split())
    assert f"{untagged} buổi truyền thông trong thời gian này chưa ghi thuộc chiến dịch nào, không được tính." in text
    assert "Không có buổi truyền thông nào được ghi nhận." in text


def test_report_campaign_tags_the_untagged_when_asked_and_counts_them(home, tmp_path, capsys):
    out, book = tmp_path / "chien-dich.pdf", tmp_path / "chien-dich.xlsx"
    code, said, err = run(capsys, "--home", str(home), "--lang", "en", "report", "campaign", "dv_action_month",
                          "--year", "2025", "--tag-untagged", "--out", str(out), "--xlsx", str(book))  # fmt: skip
    assert code == 0, err
    assert err.startswith("Tagged ") and said.split() == [str(out), str(book)]
    tagged = int(err.split()[1])
    text = " ".join(helpers.pdftotext(out).split())
    assert "Kết quả thực hiện Tháng hành động quốc gia về phòng, chống bạo lực gia đình năm 2025" in text
    assert "Thời gian: từ ngày 01/06/2025 đến ngày 30/06/2025." in text
    assert "chưa ghi thuộc chiến dịch nào" not in text
    sheet = load_workbook(book)["Hoạt động"]
    header_row = next(r for r in range(1, 8) if sheet.cell(r, 1).value == "Ngày")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=header_row + 1)]
    held = [row for row in rows if row[0] not in (None, "Tổng cộng")]
    assert len(held) == tagged and all(row[0].year == 2025 and row[0].month == 6 for row in held)  # June only
    total = next(row for row in rows if row[0] == "Tổng cộng")
    assert total[4:] == [sum(row[i] for row in held) for i in range(4, 8)]
    assert total[6] == total[4] + total[5]
    # Tagged for the action month, they stay out of the children's month of the same June.
    again = tmp_path / "tre-em.pdf"
    code, _said, err = run(capsys, "--home", str(home), "report", "campaign", "children_month", "--year", "2025",
                           "--out", str(again))  # fmt: skip
    assert (code, err) == (0, "")
    assert "Không có buổi truyền thông nào được ghi nhận." in " ".join(helpers.pdftotext(again).split())


def test_the_monthly_report_keeps_the_difficulties_and_proposals_given(home, tmp_path, capsys):
    first, second = tmp_path / "lan-1.pdf", tmp_path / "lan-2.pdf"
    code, _said, err = run(capsys, "--home", str(home), "report", "monthly", "--month", MONTH, "--unsigned",
                           "--out", str(first), "--difficulties", "Nhiều hộ đi làm ăn xa.",
                           "--proposals", "Cấp thêm tờ rơi.")  # fmt: skip
    assert (code, err) == (0, ""), err
    code, _said, err = run(capsys, "--home", str(home), "report", "monthly", "--month", MONTH, "--unsigned",
                           "--out", str(second), "--proposals", "")  # fmt: skip
    assert (code, err) == (0, ""), err
    said_first = " ".join(helpers.pdftotext(first).split())
    said_second = " ".join(helpers.pdftotext(second).split())
    assert "KHÓ KHĂN, VƯỚNG MẮC Nhiều hộ đi làm ăn xa." in said_first
    assert "ĐỀ XUẤT, KIẾN NGHỊ Cấp thêm tờ rơi." in said_first
    # The difficulties were kept; the proposals were emptied on the second run.
    assert "KHÓ KHĂN, VƯỚNG MẮC Nhiều hộ đi làm ăn xa." in said_second
    assert "ĐỀ XUẤT, KIẾN NGHỊ Không có." in said_second


def test_remarks_too_long_are_refused_and_nothing_is_written(home, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    code, said, err = run(capsys, "--home", str(home), "--lang", "en", "report", "monthly", "--month", MONTH,
                          "--out", str(out), "--difficulties", "x" * 2001)  # fmt: skip
    assert code == 3 and said == "" and "2000" in err
    assert not out.exists()


def test_an_unknown_campaign_is_refused(home, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    code, _said, err = run(capsys, "--home", str(home), "--lang", "en", "report", "campaign", "no_such_day",
                           "--year", "2025", "--out", str(out))  # fmt: skip
    assert code == 3 and "no_such_day" in err and not out.exists()


def monthly_title_and_totals(book_file: Path) -> tuple[str, list[object]]:
    sheet = load_workbook(book_file)["Theo thôn"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    title = next(v for row in cells for v in row if isinstance(v, str) and v.startswith("BÁO CÁO – "))
    return title, next(row for row in cells if row[0] == "Tổng cộng")


def test_the_month_is_read_as_people_write_it(home, tmp_path, capsys):
    # 05/2025 as the Reports page shows it, 5-2025, and 2025-05 as scripts write it: one and the same report.
    found = []
    for number, typed in enumerate(["05/2025", "5-2025", "2025-05"]):
        book_file = tmp_path / f"bang-{number}.xlsx"
        code, said, err = run(
            capsys, "--home", str(home), "report", "monthly", "--month", typed, "--xlsx", str(book_file)
        )
        assert (code, err) == (0, ""), err
        assert said.strip() == str(book_file)
        found.append(monthly_title_and_totals(book_file))
    assert found[0][0] == "BÁO CÁO – Kết quả hoạt động tháng 5 năm 2025"
    assert found[0] == found[1] == found[2]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "26-1: hãy viết năm bằng bốn chữ số, ví dụ 11/2026 hoặc 2026-11."),
        ("en", "26-1: write the year with four digits, e.g. 11/2026 or 2026-11."),
    ],
)
def test_a_month_with_a_two_digit_year_is_refused_with_the_format_to_use(tmp_path, capsys, lang, said):
    # Refused before any profile is opened: no folder, no passphrase needed.
    out = tmp_path / "x.xlsx"
    code, printed, err = run(capsys, "--lang", lang, "report", "monthly", "--month", "26-1", "--xlsx", str(out))
    assert code == 2 and printed == ""
    assert said in err and "--month" in err
    assert not out.exists()


@pytest.mark.parametrize("command", [["campaign", "population_month"], ["family-dv"]])
def test_a_year_of_two_digits_is_refused_before_the_profile_is_opened(tmp_path, capsys, command):
    out = tmp_path / "x.pdf"
    code, printed, err = run(capsys, "--lang", "vi", "report", *command, "--year", "26", "--out", str(out))
    assert code == 2 and printed == ""
    assert "26 không phải là một năm: hãy viết năm đủ bốn chữ số, ví dụ 2025." in err
    assert not out.exists()


@pytest.mark.parametrize("report", ["monthly", "p0"])
def test_a_month_that_has_not_begun_is_refused_and_nothing_is_written(home, tmp_path, capsys, report):
    today = date.today()
    coming = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    out, book = tmp_path / "x.pdf", tmp_path / "x.xlsx"
    args = ["--home", str(home), "--lang", "vi", "report", report, "--month", f"{coming:%m/%Y}"]
    code, printed, err = run(capsys, *args, "--out", str(out), "--xlsx", str(book))
    assert code == 2 and printed == ""
    assert f"Kỳ báo cáo này chưa bắt đầu: từ ngày {coming:%d/%m/%Y} mới làm được báo cáo" in err
    assert not out.exists() and not book.exists()


def test_the_report_of_the_current_month_says_the_day_its_figures_stop_at(home, tmp_path, capsys):
    today = date.today()
    book_file = tmp_path / "bang.xlsx"
    code, _said, err = run(
        capsys, "--home", str(home), "report", "monthly", "--month", f"{today:%m/%Y}", "--xlsx", str(book_file)
    )
    assert (code, err) == (0, ""), err
    texts = [str(cell) for sheet in load_workbook(book_file).worksheets for row in sheet.iter_rows(values_only=True)
             for cell in row if cell]  # fmt: skip
    assert any(f"số liệu tính đến ngày {today:%d/%m/%Y}" in text for text in texts)
