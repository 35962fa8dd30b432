"""PAdES signatures on reports, checked the way a person receiving the file would: pdfsig, pdftotext,
a rendered page, and the app's own verify_pdf."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keyring.backends import fail
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import read_certification_data

from desktop.errors import SotayError
from desktop.security import device
from desktop.security.device import DeviceIdentity
from desktop.security.pdf.errors import PdfSigningError, TokenError, TokenPinError
from desktop.security.pdf.signers import DeviceSigner, Pkcs11Signer, device_signer
from desktop.security.pdf.signing import sign_pdf
from desktop.security.pdf.stamp import STAMP_BOTTOM, STAMP_HEIGHT, STAMP_RIGHT_MARGIN, STAMP_WIDTH, VIETNAM, stamp_font
from desktop.security.pdf.tokens import list_certificates, list_tokens
from desktop.security.pdf.verification import PdfVerification, verify_pdf
from desktop.security.secrets import SecretStore
from tests.security import pdf_helpers as helpers

NAME = "Nguyễn Thị Hường"
REASON = "Xác nhận báo cáo tháng 10/2026"
LOCATION = "Xã Cẩm Xuyên, Hà Tĩnh"
DEVICE_ID = "5d0c1f2e-7a7b-4c59-8f0e-2b9f4e6c1a01"
SHOTS = Path(__file__).resolve().parents[2] / ".perf" / "screens"  # git-ignored

pytestmark = pytest.mark.skipif(bool(helpers.tools_missing()), reason=f"missing tools: {helpers.tools_missing()}")


class DictStore:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        self.values[key] = value


@dataclass(frozen=True)
class Device:
    folder: Path
    secrets: SecretStore
    identity: DeviceIdentity

    @property
    def signer(self) -> DeviceSigner:
        return device_signer(self.folder, self.secrets)

    @property
    def cert_pem(self) -> Path:
        return device.cert_path(self.folder)


@pytest.fixture(scope="module")
def headless_keyring() -> Iterator[None]:
    """The fallback store instead of any real keyring, for fixtures that outlive one test."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _device(folder: Path) -> Device:
    folder.mkdir(parents=True)
    secrets = SecretStore(DEVICE_ID, DictStore())
    identity = device.create_identity(
        folder,
        device_id=DEVICE_ID,
        collaborator=NAME,
        commune_code="18673",
        commune_name="Xã Cẩm Xuyên",
        secrets=secrets,
    )
    return Device(folder, secrets, identity)


@pytest.fixture(scope="module")
def own_device(tmp_path_factory: pytest.TempPathFactory, headless_keyring: None) -> Device:
    """A device as set up by the app: RSA-3072 key, self-signed certificate, not enrolled."""
    return _device(tmp_path_factory.mktemp("device") / "home")


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory, headless_keyring: None) -> tuple[Device, helpers.Authority]:
    """A device whose certificate the hub CA issued (hub-ca.pem kept in the profile)."""
    created = _device(tmp_path_factory.mktemp("enrolled") / "home")
    hub = helpers.hub_authority()
    issued = hub.issue(created.identity.certificate.subject, created.identity.key.public_key())
    pem = serialization.Encoding.PEM
    device.replace_certificate(created.folder, issued.public_bytes(pem), ca_pem=hub.certificate.public_bytes(pem))
    return created, hub


@pytest.fixture(scope="module")
def report() -> bytes:
    return helpers.report_pdf()


@pytest.fixture(scope="module")
def signed(own_device: Device, report: bytes) -> bytes:
    return sign_pdf(report, own_device.signer, reason=REASON, location=LOCATION, signer_name=NAME)


@pytest.fixture
def empty_nss(tmp_path: Path) -> Path:
    return helpers.nss_db(tmp_path / "nss-empty")


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _validation_lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if "Validation:" in line]


# What pdfsig says ###############################################################################


def test_pdfsig_finds_one_valid_pades_signature_over_the_whole_file(
    tmp_path: Path, signed: bytes, empty_nss: Path
) -> None:
    output = helpers.pdfsig(_write(tmp_path, "signed.pdf", signed), empty_nss)

    assert "Signature #1:" in output and "Signature #2:" not in output
    assert "- Signature Field Name: Sig1" in output
    assert f"- Signer Certificate Common Name: {NAME}" in output
    assert "- Signature Type: ETSI.CAdES.detached" in output
    assert "- Signing Hash Algorithm: SHA-256" in output
    assert "- Total document signed" in output
    assert "- Signature Validation: Signature is Valid." in output
    # Nobody told this NSS database about the device: valid signature, unknown signer.
    assert "- Certificate Validation: Certificate issuer is unknown." in output


def test_self_signed_device_certificate_is_trusted_once_imported_as_a_peer(
    tmp_path: Path, signed: bytes, own_device: Device
) -> None:
    # "CT,C,C" makes the certificate a CA anchor, which NSS refuses for a certificate with CA:FALSE
    # ("Issuer certificate is invalid"); "P" (trusted peer) is the flag for a self-signed end entity.
    nss = helpers.nss_db(tmp_path / "nss", {"device": (own_device.cert_pem, "P,P,P")})
    verdict = helpers.run("certutil", "-V", "-d", f"sql:{nss}", "-n", "device", "-u", "S")
    assert "certificate is valid" in verdict

    lines = _validation_lines(helpers.pdfsig(_write(tmp_path, "signed.pdf", signed), nss))

    assert lines[0] == "- Signature Validation: Signature is Valid."
    # NSS accepts the certificate (CERT_PKIXVerifyCert returns SECSuccess), but Poppler 22.x reads
    # PORT_GetError() even after a success, and for a peer-trusted certificate without a
    # subjectAltName it finds a stale SEC_ERROR_EXTENSION_NOT_FOUND (-8157) there and prints its
    # generic line. A SAN in the certificate (any, e.g. urn:uuid:<device id>) avoids that; newer
    # Poppler checks the return value first.
    has_san = any(isinstance(e.value, x509.SubjectAlternativeName) for e in own_device.identity.certificate.extensions)
    trusted = "- Certificate Validation: Certificate is Trusted."
    stale_error = "- Certificate Validation: Unknown issue with Certificate or corrupted data."
    assert lines[1] in ((trusted,) if has_san else (trusted, stale_error))
    assert lines[1] != "- Certificate Validation: Certificate issuer is unknown."


def test_hub_issued_certificate_is_trusted_through_the_hub_ca(
    tmp_path: Path, enrolled: tuple[Device, helpers.Authority], report: bytes, empty_nss: Path
) -> None:
    enrolled_device, hub = enrolled
    hub_pem = helpers.write_pem(tmp_path / "hub-ca.pem", hub.certificate)
    nss = helpers.nss_db(tmp_path / "nss", {"hub": (hub_pem, "CT,C,C")})
    data = sign_pdf(report, enrolled_device.signer, reason=REASON, location=LOCATION, signer_name=NAME)
    file = _write(tmp_path, "enrolled.pdf", data)

    assert _validation_lines(helpers.pdfsig(file, nss)) == [
        "- Signature Validation: Signature is Valid.",
        "- Certificate Validation: Certificate is Trusted.",
    ]
    # The hub CA travels in the signature, so NSS knows the issuer, just does not trust it.
    assert _validation_lines(helpers.pdfsig(file, empty_nss))[1] == (
        "- Certificate Validation: Certificate issuer isn't Trusted."
    )
    assert verify_pdf(data, trusted=[hub.certificate]).trusted
    assert verify_pdf(data, trusted=[enrolled_device.identity.certificate]).trusted  # the device pinned directly
    assert not verify_pdf(data, trusted=[]).trusted


# What the page shows ############################################################################


def test_stamp_text_reads_back_exactly(tmp_path: Path, own_device: Device, report: bytes) -> None:
    when = dt.datetime(2026, 10, 31, 17, 30, 45, tzinfo=dt.UTC)  # already 1 November in Hà Tĩnh
    decomposed = unicodedata.normalize("NFD", NAME)  # as some keyboards type it
    data = sign_pdf(report, own_device.signer, reason=REASON, location=LOCATION, signer_name=decomposed, when=when)

    text = helpers.pdftotext(_write(tmp_path, "signed.pdf", data))

    lines = [line.strip() for line in text.splitlines()]
    assert f"Ký số bởi: {NAME}" in lines
    assert "Thời gian: 01/11/2026 00:30:45 (giờ Việt Nam, UTC+7)" in lines  # with the seconds
    assert f"Lý do: {REASON}" in lines
    assert unicodedata.is_normalized("NFC", text)
    assert verify_pdf(data, trusted=[]).signed_at == when


def test_stamp_sits_in_its_box_bottom_right_of_the_last_page(tmp_path: Path, signed: bytes) -> None:
    pages = helpers.pdftotext(_write(tmp_path, "signed.pdf", signed), "-bbox").split("<page ")[1:]
    width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', pages[-1]).groups())  # type: ignore[union-attr]
    # pdftotext measures from the top; the box is given from the bottom.
    left, right = width - STAMP_RIGHT_MARGIN - STAMP_WIDTH, width - STAMP_RIGHT_MARGIN
    top, bottom = height - STAMP_BOTTOM - STAMP_HEIGHT, height - STAMP_BOTTOM

    stamp_words = [w for w in _words(pages[-1]) if w[0] >= left - 1 and w[1] >= top - 1]

    assert any(text.startswith("Ký số bởi:") for *_box, text in stamp_words)
    for x1, y1, x2, y2, text in stamp_words:
        # Beyond the box a viewer clips the text: the check catches wrong glyph widths too.
        assert left < x1 < x2 < right and top < y1 < y2 < bottom, text
    assert not any("Ký số" in text for *_box, text in _words(pages[0]))


def test_stamp_goes_where_the_caller_puts_it(tmp_path: Path, own_device: Device, report: bytes) -> None:
    data = sign_pdf(
        report, own_device.signer, reason=REASON, location=LOCATION, signer_name=NAME, box=(0, 300, 400, 540, 480)
    )

    pages = helpers.pdftotext(_write(tmp_path, "signed.pdf", data), "-bbox").split("<page ")[1:]
    first = [w for w in _words(pages[0]) if w[4].startswith("Ký số bởi:")]
    assert first and 300 < first[0][0] and first[0][2] < 540 and 841.89 - 480 < first[0][1]
    assert not any("Ký số" in w[4] for w in _words(pages[1]))


def test_long_reason_wraps_and_percent_stays_literal(tmp_path: Path, own_device: Device, report: bytes) -> None:
    reason = "Tỷ lệ tiêm chủng đạt 95% — xác nhận số liệu gửi Trạm Y tế xã và Ủy ban nhân dân xã Cẩm Xuyên"
    data = sign_pdf(report, own_device.signer, reason=reason, location=LOCATION, signer_name=NAME)

    text = " ".join(helpers.pdftotext(_write(tmp_path, "signed.pdf", data)).split())
    assert f"Lý do: {reason}" in text
    assert verify_pdf(data, trusted=[]).reason == reason


def test_rendered_stamp_is_legible(tmp_path: Path, own_device: Device, report: bytes) -> None:
    """Renders the last page for a person to look at (left in .perf/screens), and checks ink is there."""
    data = sign_pdf(report, own_device.signer, reason=REASON, location=LOCATION, signer_name=NAME)
    SHOTS.mkdir(parents=True, exist_ok=True)
    file = _write(SHOTS, "signed-device.pdf", data)
    helpers.run("pdftoppm", "-r", "80", "-png", "-f", "2", "-l", "2", file, SHOTS / "signed-device", check=True)
    png = next(SHOTS.glob("signed-device*.png"))
    assert png.stat().st_size > 5_000
    print(f"\nlast page rendered to {png} (stamp font {stamp_font().name})")


# Tampering #######################################################################################


def test_one_changed_digit_is_a_digest_mismatch(tmp_path: Path, signed: bytes, empty_nss: Path) -> None:
    tampered = helpers.replace_once(signed, b": 125)", b": 925)")  # "125 children" becomes 925
    file = _write(tmp_path, "tampered.pdf", tampered)

    assert "Số trẻ được tiêm chủng đầy đủ: 925" in helpers.pdftotext(file)  # the reader sees the new number
    assert "- Signature Validation: Digest Mismatch." in helpers.pdfsig(file, empty_nss)
    result = verify_pdf(tampered, trusted=[])
    assert result.signed and not result.intact and not result.ok
    assert "digest_mismatch" in result.problems


def test_any_changed_byte_breaks_the_signature(signed: bytes, own_device: Device) -> None:
    start, end = helpers.signature_contents_span(signed)
    # Spread over the whole file, plus the hex of the signature itself and its zero padding.
    positions = sorted({*range(0, len(signed), max(1, len(signed) // 80)), start + 40, start + 900, end - 3, end - 50})
    for at in positions:
        new = b"1" if signed[at : at + 1] != b"1" else b"2"
        tampered = signed[:at] + new + signed[at + 1 :]
        result = verify_pdf(tampered, trusted=[own_device.identity.certificate])
        assert not result.intact and not result.ok, (at, signed[max(0, at - 20) : at + 20], result)


def test_changes_appended_after_signing_are_reported(tmp_path: Path, signed: bytes, empty_nss: Path) -> None:
    # Someone opens the signed report in an editor and writes "925" on page 1, saving incrementally.
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.add_stream_to_page(0, writer.add_object(_content(b"BT /F1 24 Tf 72 700 Td (925) Tj ET")))
    output = io.BytesIO()
    writer.write(output)
    changed = output.getvalue()

    sig = helpers.pdfsig(_write(tmp_path, "changed.pdf", changed), empty_nss)
    assert "- Signature Validation: Signature is Valid." in sig  # the signed revision itself is untouched
    assert "- Not total document signed" in sig
    result = verify_pdf(changed, trusted=[])
    assert result.intact and not result.covers_whole_file and not result.ok
    assert "modified_after_signing" in result.problems


def test_a_second_signature_is_a_change_and_names_its_signer(tmp_path: Path, signed: bytes, own_device: Device) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    twice = helpers.sign_again(signed, key, helpers.self_signed(key, "Attacker"))

    result = verify_pdf(twice, trusted=[own_device.identity.certificate])
    assert result.intact and result.trusted  # the collaborator's own signature is still sound...
    assert not result.covers_whole_file and not result.ok  # ...but the file is no longer what they signed
    assert result.signer_name == NAME and result.later_signers == ("Attacker",)
    assert result.problems == ("later_signature", "modified_after_signing")
    sig = helpers.pdfsig(_write(tmp_path, "twice.pdf", twice), helpers.nss_db(tmp_path / "nss"))
    assert "- Signature Field Name: Sig1" in sig and "- Signer Certificate Common Name: Attacker" in sig
    assert sig.count("- Not total document signed") == 1  # the first signature's


def test_a_field_painted_over_a_figure_is_a_change(tmp_path: Path, signed: bytes, own_device: Device) -> None:
    file = _write(tmp_path, "signed.pdf", signed)
    cell = next(w for w in helpers.words(file) if w.text == "125" and w.page == 0)
    painted = helpers.cover_with_field(signed, cell.page, cell.box, "99")  # no key needed
    painted_file = _write(tmp_path, "painted.pdf", painted)

    # A reader now shows "99" on a white box where "125" was signed.
    shown = next(w for w in helpers.words(painted_file) if w.text == "99")
    assert shown.page == 0 and shown.box[0] < cell.box[2] and cell.box[0] < shown.box[2]
    assert shown.box[1] < cell.box[3] and cell.box[1] < shown.box[3]
    assert "- Not total document signed" in helpers.pdfsig(painted_file, helpers.nss_db(tmp_path / "nss"))
    result = verify_pdf(painted, trusted=[own_device.identity.certificate])
    assert result.intact and not result.covers_whole_file and not result.ok
    assert result.problems == ("modified_after_signing",) and result.later_signers == ()


def test_reports_signed_before_certification_are_held_to_the_same_rule(report: bytes, own_device: Device) -> None:
    # Earlier versions signed with an approval signature, which lets a reader accept form filling.
    old = helpers.approval_signed(report, own_device.identity.key, own_device.identity.certificate)  # type: ignore[arg-type]
    trusted = [own_device.identity.certificate]
    assert verify_pdf(old, trusted=trusted).ok
    painted = helpers.cover_with_field(old, 0, (200, 735, 260, 755), "99")
    assert verify_pdf(painted, trusted=trusted).problems == ("modified_after_signing",)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    twice = verify_pdf(helpers.sign_again(old, key, helpers.self_signed(key, "Attacker")), trusted=trusted)
    assert not twice.ok and twice.later_signers == ("Attacker",)
    assert verify_pdf(helpers.document_timestamp(old), trusted=trusted).ok


def test_validation_data_added_later_keeps_the_report_unchanged(signed: bytes, own_device: Device) -> None:
    trusted = [own_device.identity.certificate]
    stamped = helpers.document_timestamp(signed)
    archived = helpers.with_dss(stamped, own_device.identity.certificate)
    for data in (stamped, helpers.with_dss(signed, own_device.identity.certificate), archived):
        assert len(data) > len(signed)
        result = verify_pdf(data, trusted=trusted)
        assert result.ok and result.covers_whole_file and result.problems == () and result.later_signers == ()


def test_a_new_title_is_a_change(signed: bytes, own_device: Device) -> None:
    # pyHanko's own policy lets /Info change freely; readers show its title, so here it is a change.
    retitled = helpers.with_new_title(signed, "Báo cáo kết quả hoạt động tháng 11 năm 2026")
    assert verify_pdf(retitled, trusted=[own_device.identity.certificate]).problems == ("modified_after_signing",)


def test_the_signature_certifies_the_report_and_allows_no_changes(tmp_path: Path, signed: bytes) -> None:
    certification = read_certification_data(PdfFileReader(io.BytesIO(signed)))
    assert certification is not None and certification.permission == MDPPerm.NO_CHANGES
    # Poppler 22.12's pdfsig prints nothing about certification; it shows the one signature, over the
    # whole file, and nothing else a reader could fill in.
    output = helpers.pdfsig(_write(tmp_path, "signed.pdf", signed), helpers.nss_db(tmp_path / "nss"))
    lines = [line.strip() for line in output.splitlines()[1:] if not line.strip().startswith("- Signing Time:")]
    assert lines == [
        "Signature #1:",
        "- Signature Field Name: Sig1",
        f"- Signer Certificate Common Name: {NAME}",
        f"- Signer full Distinguished Name: serialNumber={DEVICE_ID},CN={NAME},OU=18673,O=Sổ tay CTV,"
        "L=Xã Cẩm Xuyên,C=VN",
        "- Signing Hash Algorithm: SHA-256",
        "- Signature Type: ETSI.CAdES.detached",
        lines[6],  # the signed byte ranges
        "- Total document signed",
        "- Signature Validation: Signature is Valid.",
        "- Certificate Validation: Certificate issuer is unknown.",
    ]
    assert lines[6].startswith("- Signed Ranges: [0 - ")


def test_a_signed_report_is_not_signed_again(signed: bytes, own_device: Device) -> None:
    with pytest.raises(PdfSigningError) as refused:
        sign_pdf(signed, own_device.signer, reason="Duyệt", location=LOCATION, signer_name="Trưởng trạm")
    assert (
        refused.value.message == "This PDF has a signature or a signature field already; a report is signed only once."
    )


# verify_pdf ######################################################################################


def test_verify_good_file(signed: bytes, own_device: Device) -> None:
    result = verify_pdf(signed, trusted=[own_device.identity.certificate])

    assert result == PdfVerification(
        signed=True,
        intact=True,
        covers_whole_file=True,
        trusted=True,
        signer_name=NAME,
        signed_at=result.signed_at,
        reason=REASON,
        problems=(),
    )
    assert result.ok
    assert result.signed_at is not None and result.signed_at.utcoffset() == dt.timedelta(hours=7)
    assert abs(dt.datetime.now(VIETNAM) - result.signed_at) < dt.timedelta(minutes=5)


def test_verify_without_trusted_certificates(signed: bytes, own_device: Device) -> None:
    result = verify_pdf(signed, trusted=[])

    assert result.intact and result.covers_whole_file and not result.trusted and not result.ok
    assert result.problems == ("untrusted",)
    assert result.signer_name == NAME  # still says who claims to have signed


def test_someone_elses_certificate_does_not_make_it_trusted(signed: bytes, enrolled: tuple[Device, object]) -> None:
    other_device, _hub = enrolled
    assert not verify_pdf(signed, trusted=[other_device.identity.certificate]).trusted


def test_verify_unsigned_and_unreadable(report: bytes) -> None:
    assert verify_pdf(report, trusted=[]) == PdfVerification(
        signed=False, intact=False, covers_whole_file=False, trusted=False, problems=("not_signed",)
    )
    garbage = verify_pdf(b"%PDF-1.7\n/ByteRange [0 1 2 3] this is not a pdf", trusted=[])
    assert garbage.problems == ("unreadable",) and garbage.signed and not garbage.intact
    assert verify_pdf(b"", trusted=[]).problems == ("unreadable",)


# Signing errors and the device signer ############################################################


def test_sign_refuses_what_is_not_a_pdf(own_device: Device) -> None:
    with pytest.raises(PdfSigningError) as caught:
        sign_pdf(b"not a pdf", own_device.signer, reason=REASON, location=LOCATION, signer_name=NAME)
    assert isinstance(caught.value, SotayError)


def test_incremental_update_keeps_the_original_bytes(report: bytes, signed: bytes) -> None:
    assert signed.startswith(report) and len(signed) > len(report)


def test_device_signer_carries_the_hub_ca(enrolled: tuple[Device, helpers.Authority]) -> None:
    enrolled_device, hub = enrolled
    signer = enrolled_device.signer

    assert signer.chain == (hub.certificate,)
    assert "key=" not in repr(signer)  # the decrypted key never shows up in a log line


def test_signing_time_of_a_five_page_report(own_device: Device, capsys: pytest.CaptureFixture[str]) -> None:
    data = helpers.report_pdf(pages=5)
    sign_pdf(data, own_device.signer, reason=REASON, location=LOCATION, signer_name=NAME)  # font warmed up
    started = time.perf_counter()
    signed = sign_pdf(data, own_device.signer, reason=REASON, location=LOCATION, signer_name=NAME)
    took = time.perf_counter() - started
    started = time.perf_counter()
    verify_pdf(signed, trusted=[own_device.identity.certificate])
    checked = time.perf_counter() - started
    with capsys.disabled():
        print(
            f"\n5-page report: signed with the device key in {took * 1000:.0f} ms, verified in {checked * 1000:.0f} ms"
        )


# PKCS#11 through SoftHSM2 ########################################################################

TOKEN_LABEL = "sotay-test"
TOKEN_PIN = "5678"
TOKEN_HOLDER = "Trần Văn Bình"


def _token_signer(token: helpers.SoftToken, **overrides: object) -> Pkcs11Signer:
    fields: dict[str, object] = {
        "module_path": token.module,
        "token_label": token.label,
        "pin": token.pin,
        "cert_label": token.key_label,
    }
    fields.update(overrides)
    return Pkcs11Signer(**fields)  # type: ignore[arg-type]


def test_token_picker_lists_the_token_and_its_certificate(soft_token: helpers.SoftToken) -> None:
    tokens = list_tokens(soft_token.module)
    assert TOKEN_LABEL in [t.label for t in tokens]
    token = next(t for t in tokens if t.label == TOKEN_LABEL)
    assert token.manufacturer and token.serial

    certificates = list_certificates(soft_token.module, TOKEN_LABEL, TOKEN_PIN)
    assert [(c.label, c.subject_cn, c.id) for c in certificates] == [("sotay-key", TOKEN_HOLDER, b"\x01")]
    assert certificates[0].not_after == soft_token.certificate.not_valid_after_utc


def test_sign_with_the_token(tmp_path: Path, soft_token: helpers.SoftToken, report: bytes) -> None:
    data = sign_pdf(report, _token_signer(soft_token), reason=REASON, location=LOCATION, signer_name=TOKEN_HOLDER)

    file = _write(tmp_path, "token.pdf", data)
    sig = helpers.pdfsig(file, helpers.nss_db(tmp_path / "nss"))
    assert "- Signature Validation: Signature is Valid." in sig
    assert f"- Signer Certificate Common Name: {TOKEN_HOLDER}" in sig
    assert f"Ký số bởi: {TOKEN_HOLDER}" in helpers.pdftotext(file)
    result = verify_pdf(data, trusted=[soft_token.certificate])
    assert result.ok and result.signer_name == TOKEN_HOLDER
    certification = read_certification_data(PdfFileReader(io.BytesIO(data)))
    assert certification is not None and certification.permission == MDPPerm.NO_CHANGES
    painted = helpers.cover_with_field(data, 0, (200, 735, 260, 755), "99")
    assert verify_pdf(painted, trusted=[soft_token.certificate]).problems == ("modified_after_signing",)


def test_token_key_found_by_id_alone(soft_token: helpers.SoftToken, report: bytes) -> None:
    signer = _token_signer(soft_token, cert_label=None, key_id=soft_token.key_id)
    data = sign_pdf(report, signer, reason=REASON, location=LOCATION, signer_name=TOKEN_HOLDER)
    assert verify_pdf(data, trusted=[soft_token.certificate]).ok


def test_wrong_pin_is_a_clear_error(soft_token: helpers.SoftToken, report: bytes) -> None:
    with pytest.raises(TokenPinError) as caught:
        sign_pdf(report, _token_signer(soft_token, pin="0000"), reason=REASON, location=LOCATION, signer_name="x")
    assert caught.value.message == "Wrong PIN for the token {token}."
    assert caught.value.params == {"token": TOKEN_LABEL}
    with pytest.raises(TokenPinError):
        list_certificates(soft_token.module, TOKEN_LABEL, "0000")
    # SoftHSM counts wrong PINs too; the right one must still work afterwards.
    assert list_certificates(soft_token.module, TOKEN_LABEL, TOKEN_PIN)


def test_missing_token_key_or_driver(soft_token: helpers.SoftToken, report: bytes, tmp_path: Path) -> None:
    def sign(signer: Pkcs11Signer) -> bytes:
        return sign_pdf(report, signer, reason=REASON, location=LOCATION, signer_name="x")

    with pytest.raises(TokenError, match="not plugged in"):
        sign(_token_signer(soft_token, token_label="no-such-token"))
    with pytest.raises(TokenError, match="no usable key"):
        sign(_token_signer(soft_token, cert_label="no-such-key"))
    with pytest.raises(TokenError, match="driver"):
        list_tokens(str(tmp_path / "missing-pkcs11.so"))


def test_pin_is_not_shown(soft_token: helpers.SoftToken) -> None:
    assert TOKEN_PIN not in repr(_token_signer(soft_token))
    with pytest.raises(ValueError):
        Pkcs11Signer(soft_token.module, TOKEN_LABEL, TOKEN_PIN)  # which key? none named


# Helpers #########################################################################################


def _words(page: str) -> list[tuple[float, float, float, float, str]]:
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in re.findall(pattern, page)]


def _content(ops: bytes) -> generic.StreamObject:
    return generic.StreamObject(stream_data=ops)
