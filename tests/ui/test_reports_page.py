"""Báo cáo: previewing a report, saving it signed (and cancelling), checking a signed PDF, the case
picker of a collaborator without the protection permission, and the USB-token dialog's failures."""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop.security.pdf.errors import TokenPinError
from desktop.security.pdf.stamp import VIETNAM
from desktop.security.pdf.tokens import CertInfo, TokenInfo
from desktop.services.casework import cases
from desktop.services.casework.cases import CaseInput
from desktop.services.documents import export as report_export
from desktop.services.documents import signing
from desktop.services.documents.choices import CASE, FAMILY_DV, HOUSEHOLD
from desktop.services.documents.signing import SignChoice
from desktop.services.profile import audit, users
from desktop.services.profile import opening as profile_service
from desktop.services.profile.access import Role
from desktop.services.profile.users import UserInput
from desktop.services.register import visits
from desktop.services.register.events import previous_month
from desktop.services.register.visits import VisitInput
from desktop.ui.context import AppContext
from desktop.ui.dialogs.report_sign import ReportSignDialog
from desktop.ui.dialogs.report_verify import ReportVerifyDialog
from desktop.ui.pages import report_choosing, reports
from desktop.ui.pages.reports import ReportsPage
from desktop.ui.translation import error_text
from desktop.ui.widgets import files
from tests.security import pdf_helpers as helpers
from tests.ui.helpers import type_text

TODAY = date.today()
SHOTS = Path(__file__).resolve().parents[2] / ".perf" / "screens"  # git-ignored, for a person to look at
LONG = 30_000  # ms: building, rendering and signing a report on a slow CI machine


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def last_month_day() -> date:
    first = date.fromisoformat(f"{previous_month(TODAY)}-01")
    return first + timedelta(days=9)


@pytest.fixture
def month_with_data(ctx, family):
    visits.record(ctx.profile, family, VisitInput(last_month_day(), None, topics=("family_planning",)))
    return previous_month(TODAY)


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """What the page would have said in message boxes (which would block the test)."""
    said: list[str] = []
    monkeypatch.setattr(reports, "inform", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(reports, "warn", lambda _parent, _title, text: said.append(text))
    return said


def opened_page(qtbot, ctx, wait_lane) -> ReportsPage:
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    qtbot.waitExposed(page)
    wait_lane()
    return page


def previewed(qtbot, page: ReportsPage) -> None:
    with qtbot.waitSignal(page.preview.rendered, timeout=LONG):
        page.preview_report()


def not_blank(image: QImage) -> bool:
    small = image.scaled(120, 170, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return any(QColor(small.pixel(x, y)).lightness() < 200 for y in range(small.height()) for x in range(small.width()))


def save_signed(qtbot, page: ReportsPage, target: Path, monkeypatch) -> None:
    monkeypatch.setattr(files, "save_file_name", lambda *_a, **_k: str(target))
    monkeypatch.setattr(page, "ask_signer", lambda: SignChoice())  # this computer's key
    page.save_pdf()


def first_page_content_offset(data: bytes) -> int:
    """An offset in the middle of the first page's content stream (its compressed bytes)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    page = reader.root["/Pages"]["/Kids"][0].get_object()
    contents = page.raw_get("/Contents")
    number = (contents[0] if isinstance(contents, list) else contents).idnum
    start = re.search(rb"(?<![0-9])%d 0 obj" % number, data).start()
    begin = data.index(b"stream", start) + len(b"stream")
    end = data.index(b"endstream", begin)
    return (begin + end) // 2


# Preview ########################################################################################


def test_the_page_previews_the_monthly_report_of_a_month_with_data(qtbot, ctx, month_with_data, wait_lane):
    page = opened_page(qtbot, ctx, wait_lane)
    assert page.month_picker.value() == month_with_data  # the previous month by default
    assert page.month_picker.count() == report_choosing.MONTHS_BACK + 1
    assert page.print_button.isVisible() == reports.PRINTING and not page.print_button.isEnabled()
    previewed(qtbot, page)
    assert page.preview.page_count() >= 1
    assert not_blank(page.preview.images()[0])
    assert page.preview.page_label.text() == f"Trang 1/{page.preview.page_count()}"
    assert page.caption.text().startswith(f"Báo cáo tháng {month_with_data[5:]}/{month_with_data[:4]}")
    assert page.print_button.isEnabled() == reports.PRINTING
    shoot(page, "reports-page-preview")
    # Another month chosen: the preview says it still shows the former one.
    page.month_picker.setCurrentIndex(2)
    assert "bấm Xem trước" in page.caption.text()
    labelled = (*page.options.values(), page.year_label, page.preview_button, page.save_pdf_button)
    labelled += (page.save_xlsx_button, page.print_button, page.verify_button)
    letters = [w.text()[w.text().index("&") + 1].lower() for w in labelled]
    assert len(letters) == len(set(letters)) == len(labelled)


def test_printing_paints_every_page_of_the_preview(qtbot, ctx, month_with_data, wait_lane, tmp_path):
    if not reports.PRINTING:
        pytest.skip("QtPrintSupport is not available")
    from PySide6.QtPrintSupport import QPrinter

    page = opened_page(qtbot, ctx, wait_lane)
    previewed(qtbot, page)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    assert page.print_to(printer)
    import pypdfium2

    assert len(pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))) == page.preview.page_count()


def test_a_household_card_is_found_by_its_number_and_previewed(qtbot, ctx, family, wait_lane):
    page = opened_page(qtbot, ctx, wait_lane)
    page.household_option.setChecked(True)
    assert page.household_picker.isEnabled() and not page.month_picker.isEnabled()
    assert not page.preview_button.isEnabled()  # no household chosen yet
    type_text(qtbot, page.household_picker, "012")
    qtbot.waitUntil(lambda: page.household_picker.value() == family, timeout=5000)
    assert page.household_picker.offered() == ["012 — Đặng Văn Hùng · Thôn Đông Hà"]
    assert page.preview_button.isEnabled()
    previewed(qtbot, page)
    assert page.shown_choice.kind == HOUSEHOLD and page.preview.page_count() >= 1
    assert page.caption.text().startswith("Phiếu hộ gia đình 012")
    # By a member's name, without tone marks, chosen from the list offered.
    page.household_picker.clear()
    type_text(qtbot, page.household_picker, "nguyen thi huong")
    assert page.household_picker.value() is None and not page.preview_button.isEnabled()
    qtbot.waitUntil(lambda: page.household_picker.offered() != [], timeout=5000)
    page.household_picker.completer_.activated.emit(page.household_picker.offered()[0])
    assert page.household_picker.value() == family and page.preview_button.isEnabled()


def test_each_kind_of_report_asks_only_for_what_it_needs(qtbot, ctx, wait_lane):
    page = opened_page(qtbot, ctx, wait_lane)
    for kind, option in page.options.items():
        option.setChecked(True)
        shown = [field for field in page.field_labels if not field.isHidden()]
        assert shown == page.pickers[kind], kind
        assert all(page.field_labels[field].isVisible() for field in shown), kind


def test_the_yearly_family_and_violence_report_needs_only_a_year(qtbot, ctx, family, wait_lane):
    page = opened_page(qtbot, ctx, wait_lane)
    page.set_kind(FAMILY_DV)
    assert page.year.isVisible() and not page.month_picker.isVisible() and page.preview_button.isEnabled()
    previewed(qtbot, page)
    assert page.shown_choice.kind == FAMILY_DV and page.preview.page_count() >= 1
    assert page.caption.text().startswith(f"Thông tin gia đình, bạo lực gia đình năm {TODAY.year}")


# Saving a signed PDF ############################################################################


def test_saving_a_signed_monthly_pdf_writes_a_valid_signed_file(
    qtbot, ctx, month_with_data, wait_lane, tmp_path, monkeypatch, told
):
    page = opened_page(qtbot, ctx, wait_lane)
    target = tmp_path / "out" / "bao-cao"
    target.parent.mkdir()
    with qtbot.waitSignal(page.saved, timeout=LONG) as saved:
        save_signed(qtbot, page, target, monkeypatch)
        assert page.progress is not None and page.progress.isVisible()
        assert not page.save_pdf_button.isEnabled()  # one export at a time
    written = target.with_name("bao-cao.pdf")  # the extension is added when missing
    assert saved.args[0].path == written and saved.args[0].signed
    assert sorted(p.name for p in written.parent.iterdir()) == ["bao-cao.pdf"]  # no staging file left
    assert page.progress is None and page.save_pdf_button.isEnabled()
    assert told == [f"Đã lưu báo cáo vào {written}.\n\nBáo cáo do Nguyễn Thị Lan ký bằng khóa của máy này."]
    data = written.read_bytes()
    found = report_export.verify(ctx.profile, data)
    assert found.ok and found.signer_name == "Nguyễn Thị Lan", found
    [event] = _exports(ctx)  # the export is in the change log once, when the file is in place
    assert event.record_id == saved.args[0].document_id and event.summary["signed"] == [None, True]
    if not helpers.tools_missing():
        assert "Signature is Valid." in helpers.pdfsig(written, helpers.nss_db(tmp_path / "nss"))


def _exports(ctx):
    return [e for e in audit.events(ctx.profile) if e.table_name == report_export.EXPORTS_TABLE]


def test_the_tables_are_saved_as_xlsx(qtbot, ctx, month_with_data, wait_lane, tmp_path, monkeypatch, told):
    from openpyxl import load_workbook

    page = opened_page(qtbot, ctx, wait_lane)
    target = tmp_path / "bang.xlsx"
    monkeypatch.setattr(files, "save_file_name", lambda *_a, **_k: str(target))
    with qtbot.waitSignal(page.saved, timeout=LONG):
        page.save_xlsx()
    assert "Theo thôn" in load_workbook(target).sheetnames
    assert told == [f"Đã lưu các bảng của báo cáo vào {target}."]


def test_cancelling_the_progress_discards_the_file(qtbot, ctx, month_with_data, wait_lane, tmp_path, monkeypatch, told):
    page = opened_page(qtbot, ctx, wait_lane)
    started, release = threading.Event(), threading.Event()
    real_export = report_export.export_pdf

    def slow_export(*args, **kwargs):
        started.set()
        assert release.wait(LONG / 1000)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(report_export, "export_pdf", slow_export)
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "bao-cao.pdf"
    try:
        save_signed(qtbot, page, target, monkeypatch)
        qtbot.waitUntil(started.is_set, timeout=LONG)
        cancel = page.progress.findChild(QPushButton)
        assert cancel.text() == "Hủy"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # while the report is being signed
        assert page.progress is None and page.save_pdf_button.isEnabled()
    finally:
        with qtbot.waitSignal(page.discarded, timeout=LONG):
            release.set()
    wait_lane()
    assert not target.exists() and list(folder.iterdir()) == []
    assert told == []  # no "saved" message for a cancelled export
    assert _exports(ctx) == []  # nor an export in the change log for a file that was thrown away


def test_a_refused_signature_is_said_in_plain_words_and_nothing_is_written(
    qtbot, ctx, month_with_data, wait_lane, tmp_path, monkeypatch, told
):
    page = opened_page(qtbot, ctx, wait_lane)

    def wrong_pin(*_args, **_kwargs):
        raise TokenPinError("Wrong PIN for the token {token}.", token="VNPT-CA 0042")

    monkeypatch.setattr(report_export, "export_pdf", wrong_pin)
    folder = tmp_path / "usb"
    folder.mkdir()
    save_signed(qtbot, page, folder / "bao-cao.pdf", monkeypatch)
    qtbot.waitUntil(lambda: page.job is None, timeout=LONG)
    wrong = error_text(TokenPinError("Wrong PIN for the token {token}.", token="VNPT-CA 0042"))
    assert "VNPT-CA 0042" in wrong
    assert told == ["Báo cáo chưa được lưu.\n\n" + wrong]
    assert page.error.isVisible() and page.error.text() == wrong
    assert page.progress is None and list(folder.iterdir()) == []


# Checking a signed PDF ##########################################################################


def test_the_verify_dialog_says_valid_and_a_changed_copy_is_not(
    qtbot, ctx, month_with_data, wait_lane, tmp_path, monkeypatch, told
):
    page = opened_page(qtbot, ctx, wait_lane)
    signed = tmp_path / "bao-cao.pdf"
    with qtbot.waitSignal(page.saved, timeout=LONG):
        save_signed(qtbot, page, signed, monkeypatch)
    dialog = ReportVerifyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.checked, timeout=LONG):
        dialog.check_file(signed)
    assert dialog.result_.ok
    assert dialog.signer.text() == "Nguyễn Thị Lan"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d \(giờ Việt Nam\)", dialog.signed_at.text())
    stamped = dialog.result_.signed_at.astimezone(VIETNAM)
    assert dialog.signed_at.text().startswith(f"{stamped:%d/%m/%Y %H:%M}")
    assert abs(stamped - dt.datetime.now(VIETNAM)) < dt.timedelta(minutes=5)
    assert (dialog.unchanged.text(), dialog.trusted.text()) == ("có", "có")
    assert dialog.verdict.text().startswith("Hợp lệ: báo cáo do Nguyễn Thị Lan ký")
    shoot(dialog, "verify-dialog-valid")

    data = signed.read_bytes()
    at = first_page_content_offset(data)
    changed = tmp_path / "bao-cao-sua.pdf"
    changed.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
    with qtbot.waitSignal(dialog.checked, timeout=LONG):
        dialog.check_file(changed)
    assert not dialog.result_.ok
    assert dialog.unchanged.text() == "không"
    assert dialog.verdict.text().startswith("KHÔNG hợp lệ")
    assert "gửi lại tệp gốc" in dialog.verdict.text()
    assert dialog.verdict.objectName() == "formError"
    shoot(dialog, "verify-dialog-changed")

    # A figure painted over with a form field (no key needed), then a second signature by someone else.
    cell = helpers.word_after(signed, "Tổng", "cộng")
    painted = tmp_path / "bao-cao-to-lai.pdf"
    painted.write_bytes(helpers.cover_with_field(data, cell.page, cell.box, "99" if cell.text != "99" else "98"))
    with qtbot.waitSignal(dialog.checked, timeout=LONG):
        dialog.check_file(painted)
    assert (dialog.signer.text(), dialog.unchanged.text(), dialog.trusted.text()) == ("Nguyễn Thị Lan", "không", "có")
    assert dialog.verdict.text().startswith("KHÔNG hợp lệ: báo cáo đã bị sửa sau khi ký")
    assert not dialog.later.isVisibleTo(dialog)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    twice = tmp_path / "bao-cao-ky-them.pdf"
    twice.write_bytes(helpers.sign_again(data, key, helpers.self_signed(key, "Attacker")))
    with qtbot.waitSignal(dialog.checked, timeout=LONG):
        dialog.check_file(twice)
    assert (dialog.signer.text(), dialog.unchanged.text(), dialog.later.text()) == (
        "Nguyễn Thị Lan",
        "không",
        "Attacker",
    )
    assert dialog.later.isVisibleTo(dialog)
    assert dialog.verdict.text() == (
        "KHÔNG hợp lệ: báo cáo đã bị sửa sau khi ký: Attacker đã ký thêm vào sau Nguyễn Thị Lan, nên đây không còn "
        "là báo cáo Nguyễn Thị Lan đã ký. Đừng dùng bản này; hãy đề nghị người gửi gửi lại tệp gốc."
    )
    shoot(dialog, "verify-dialog-second-signature")

    unsigned = tmp_path / "ban-nhap.pdf"
    unsigned.write_bytes(helpers.report_pdf(pages=1))
    with qtbot.waitSignal(dialog.checked, timeout=LONG):
        dialog.check_file(unsigned)
    assert not dialog.facts.isVisible() and "không có chữ ký số" in dialog.verdict.text()


# Who may see which case #########################################################################


def test_a_collaborator_without_the_protection_permission_sees_no_cases_in_the_picker(
    qtbot, ctx, register, family, wait_lane
):
    profile = ctx.profile
    cases.open_case(profile, CaseInput("domestic_violence", family, TODAY, summary="Hàng xóm báo"))
    page = opened_page(qtbot, ctx, wait_lane)  # the commune officer, who may read every case
    assert page.case_picker.count() == 1 and "012" in page.case_picker.itemText(0)
    assert page.case_picker.placeholderText() == ""
    page.set_kind(CASE)
    previewed(qtbot, page)
    assert page.shown_choice.kind == CASE and page.preview.page_count() >= 1
    assert page.case_option.text() == "&Hồ sơ trường hợp (dữ liệu nhạy cảm)"

    users.add_user(profile, UserInput("Trần Thị Hoa", Role.CTV, villages=(register.village_a,)), "hoa giữ thôn đông")
    ctv = profile_service.unlock(profile.paths, "Trần Thị Hoa", "hoa giữ thôn đông")
    ctv_ctx = AppContext(ctv)
    try:
        ctv_page = ReportsPage(ctv_ctx)
        qtbot.addWidget(ctv_page)
        with qtbot.waitSignal(ctv_page.choices_loaded, timeout=5000):
            ctv_page.show()
        assert ctv_page.case_picker.count() == 0 and ctv_page.case_choices == []
        assert ctv_page.case_picker.placeholderText() == "Không có trường hợp nào bạn được xem"
        ctv_page.set_kind(CASE)
        assert ctv_page.current_choice() is None and not ctv_page.save_pdf_button.isEnabled()
        qtbot.waitUntil(ctv_ctx.lane.is_idle, timeout=5000)
    finally:
        ctv_ctx.lane.shutdown()
        ctv.close()


# The sign dialog ################################################################################


def test_the_sign_dialog_defaults_to_this_computer_s_key(qtbot):
    dialog = ReportSignDialog(modules=[])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.device_option.isChecked() and not dialog.token_box.isEnabled()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() == SignChoice() and dialog.choice().uses_device_key


def test_a_wrong_driver_path_is_a_plain_error_and_the_pin_is_emptied(qtbot):
    dialog = ReportSignDialog(modules=[])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.token_option.setChecked(True)
    assert dialog.token_box.isEnabled() and not dialog.sign_button.isEnabled()
    dialog.module.setCurrentText("/nowhere/libtoken-vnpt.so")
    type_text(qtbot, dialog.pin, "123456")
    assert dialog.pin.echoMode() == dialog.pin.EchoMode.Password
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "libtoken-vnpt.so" in dialog.error.text()
    assert "Traceback" not in dialog.error.text()
    assert dialog.pin.text() == "" and dialog.token.count() == 0
    assert not dialog.sign_button.isEnabled() and dialog.isVisible()
    shoot(dialog, "sign-dialog-wrong-driver")


def test_a_token_s_certificates_are_listed_after_the_pin_and_a_wrong_pin_empties_the_field(qtbot, monkeypatch):
    token = TokenInfo("VNPT-CA 0042", "0042A1", "Feitian")
    holder = CertInfo("ky-so", "Lê Thị Ngọc Ánh", dt.datetime.now(dt.UTC) + dt.timedelta(days=300), b"\x01")
    expired = CertInfo("cu", "Lê Thị Ngọc Ánh", dt.datetime(2020, 1, 1, tzinfo=dt.UTC), b"\x02")
    asked: list[str] = []

    def certificates(module: str, label: str, pin: str) -> list[CertInfo]:
        asked.append(pin)
        if pin != "2468":
            raise TokenPinError(QCoreApplication.translate("Security", "Wrong PIN for the token {token}."), token=label)
        return [expired, holder]

    monkeypatch.setattr(signing, "list_tokens", lambda module: [token])
    monkeypatch.setattr(signing, "list_certificates", certificates)
    dialog = ReportSignDialog(modules=["/usr/lib/libcastle.so.1.0.0"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.token_option.setChecked(True)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.token.count() == 1, timeout=5000)
    assert dialog.token.currentText() == "VNPT-CA 0042 (Feitian · 0042A1)"
    type_text(qtbot, dialog.pin, "1111")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "PIN" in dialog.error.text() and dialog.pin.text() == ""
    assert dialog.certificate.count() == 0 and not dialog.sign_button.isEnabled()
    type_text(qtbot, dialog.pin, "2468")
    qtbot.mouseClick(dialog.certificates_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.certificate.count() == 2, timeout=5000)
    assert not dialog.error.isVisible()
    assert dialog.certificate.item(0).text().startswith("Lê Thị Ngọc Ánh — còn hạn đến ngày")
    assert not dialog.certificate.item(1).flags() & Qt.ItemFlag.ItemIsEnabled  # the expired one
    shoot(dialog, "sign-dialog-token")
    assert dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice()
    assert choice is not None and not choice.uses_device_key
    signer = choice.signer
    assert (signer.token_label, signer.cert_label, signer.key_id) == ("VNPT-CA 0042", "ky-so", b"\x01")
    assert choice.signer.pin == "2468" and "2468" not in repr(choice)
    assert choice.signer_name == "Lê Thị Ngọc Ánh"
    assert dialog.pin.text() == ""  # the field forgets it once used
    assert asked == ["1111", "2468"]


# What the user types for a report ###############################################################


def test_the_monthly_remarks_typed_are_printed_kept_and_survive_a_change_of_month(
    qtbot, ctx, month_with_data, wait_lane, tmp_path, monkeypatch, told
):
    from desktop.services.documents import remarks as report_remarks

    page = opened_page(qtbot, ctx, wait_lane)
    qtbot.waitUntil(lambda: page.remarks_month == month_with_data, timeout=5000)
    assert page.difficulties.isVisible() and page.proposals.isVisible()
    page.difficulties.setPlainText("Thiếu tờ rơi về dân số")
    page.month_picker.setCurrentIndex(2)  # another month: its own (empty) remarks
    qtbot.waitUntil(lambda: page.remarks_month is not None and page.remarks_month != month_with_data, timeout=5000)
    assert page.difficulties.toPlainText() == ""
    page.month_picker.setCurrentIndex(1)  # back: the typing is still there, not saved yet
    assert page.difficulties.toPlainText() == "Thiếu tờ rơi về dân số"
    assert report_remarks.monthly_remarks(ctx.profile, month_with_data).difficulties == ""

    page.proposals.setPlainText("x" * (report_remarks.REMARKS_MAX + 1))
    page.save_pdf()  # refused before asking where to save: nothing is written, the reason is shown
    assert page.error.isVisible() and "2000" in page.error.text() and page.job is None
    page.proposals.setPlainText("Cấp thêm sổ A0")
    target = tmp_path / "thang.pdf"
    with qtbot.waitSignal(page.saved, timeout=LONG):
        save_signed(qtbot, page, target, monkeypatch)
    kept = report_remarks.monthly_remarks(ctx.profile, month_with_data)
    assert (kept.difficulties, kept.proposals) == ("Thiếu tờ rơi về dân số", "Cấp thêm sổ A0")
    text = " ".join(_pdftotext(target).split())
    assert "Thiếu tờ rơi về dân số" in text and "Cấp thêm sổ A0" in text


def _pdftotext(path: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_campaign_s_untagged_activities_are_offered_for_tagging(qtbot, ctx, register, wait_lane, monkeypatch):
    from desktop.services.communication import activities, tagging
    from desktop.services.communication.activities import ActivityInput
    from desktop.ui.pages import report_inputs

    year = TODAY.year - 1
    talk = activities.record_activity(
        ctx.profile, ActivityInput(date(year, 6, 10), register.village_a, "talk", "dv_prevention", 3, 4)
    )
    page = opened_page(qtbot, ctx, wait_lane)
    page.set_kind("campaign")
    page.year.setValue(year)
    page.campaign_picker.set_value("children_month")
    wait_lane()
    qtbot.waitUntil(lambda: page.untagged_box.isVisible(), timeout=5000)
    assert page.untagged_note.text().startswith("1 buổi truyền thông trong thời gian này chưa ghi")

    def accept_all(dialog):
        assert dialog.list.count() == 1 and dialog.chosen() == [talk]
        return dialog.DialogCode.Accepted

    monkeypatch.setattr(report_inputs, "run_modal", accept_all)
    page.tag_button.click()
    wait_lane()
    qtbot.waitUntil(lambda: not page.untagged_box.isVisible(), timeout=5000)
    assert [a.id for a in tagging.tagged_with(ctx.profile, "children_month", year)] == [talk]
    page.campaign_picker.set_value("dv_action_month")  # the same days: tagged once, offered no more
    wait_lane()
    assert not page.untagged_box.isVisible() and page.untagged == []


def test_the_p0_slip_and_the_a0_sheets_are_made_from_the_page(qtbot, ctx, family, month_with_data, wait_lane):
    page = opened_page(qtbot, ctx, wait_lane)
    page.set_kind("p0")
    assert page.month_picker.isVisible() and not page.difficulties.isVisible()
    previewed(qtbot, page)
    assert page.shown_choice.kind == "p0" and page.shown_choice.month == month_with_data
    assert page.caption.text().startswith(f"Phiếu thu tin P0/CTV {month_with_data[5:]}/{month_with_data[:4]}")

    page.set_kind("a0")
    type_text(qtbot, page.household_picker, "012")
    qtbot.waitUntil(lambda: page.household_picker.value() == family, timeout=5000)
    previewed(qtbot, page)
    assert page.shown_choice.household_id == family and page.caption.text().startswith("Phiếu A0/CTV hộ 012")

    page.set_kind(report_choosing.A0_BOOK)
    assert page.village_picker.isVisible() and not page.household_picker.isVisible()
    assert page.village_picker.currentText() == "Thôn Đông Hà"  # the villages the user keeps, first chosen
    previewed(qtbot, page)
    assert page.shown_choice.village_id is not None and page.shown_choice.file_stem == "so-a0-thon-dong-ha"
    assert page.preview.page_count() >= 3  # the cover, the area list, the household's sheet
