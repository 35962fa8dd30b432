"""What the PDF signing tests need around them: a report to sign, identities, the outside tools
(pdfsig, pdftotext, certutil, softhsm2-util) a person would use to check a signed file, and the
incremental updates an attacker or an archiving service would append to a signed report."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from desktop.paths import resource

FONT = "BeVietnamPro"
TITLE = "Báo cáo kết quả hoạt động tháng 10 năm 2026"
COUNT_LINE = "Số trẻ được tiêm chủng đầy đủ: 125"
SOFTHSM_PATHS = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
)


def report_pdf(pages: int = 2) -> bytes:
    """A report like the app's: Vietnamese text in an embedded TTF, so pdftotext reads it back.

    Page streams are left uncompressed so a test can change one digit of the text in place.
    """
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "BeVietnamPro-Regular.ttf"))))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, pageCompression=0)
    page.setTitle(TITLE)
    for number in range(1, pages + 1):
        page.setFont(FONT, 12)
        page.drawString(72, 760, TITLE)
        page.drawString(72, 740, COUNT_LINE)
        page.drawString(72, 40, f"Trang {number}/{pages}")
        page.showPage()
    page.save()
    return buffer.getvalue()


def replace_once(data: bytes, old: bytes, new: bytes) -> bytes:
    """The same file with one occurrence changed in place (same length, so offsets stay valid)."""
    assert len(old) == len(new)
    at = data.index(old)
    return data[:at] + new + data[at + len(old) :]


def signature_contents_span(data: bytes) -> tuple[int, int]:
    """Offsets of the /Contents hex string (the one part of the file outside the signed range)."""
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert match, "no /ByteRange"
    _start, first_length, second_start, _second_length = (int(group) for group in match.groups())
    return first_length, second_start


# Outside tools #################################################################################


def run(*args: str | Path, check: bool = False, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"{args[0]} failed ({result.returncode}): {result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def pdfsig(file: Path, nss_dir: Path) -> str:
    """pdfsig as a person would run it, but with an NSS database of our own (without -nssdir it
    reads the user's ~/.pki or Firefox store).

    OCSP stays on, as by default: none of the test certificates names an OCSP responder, so nothing
    is fetched. With -no-ocsp, Poppler 22.x reports certificates NSS accepted as "Unknown issue"
    (it reads a stale NSS error code after a successful check).
    """
    return run("pdfsig", "-nssdir", f"sql:{nss_dir}", file)


def pdftotext(file: Path, *options: str) -> str:
    return run("pdftotext", *options, file, "-", check=True)


def nss_db(folder: Path, trusted: dict[str, tuple[Path, str]] | None = None) -> Path:
    """An NSS database holding `trusted` {nickname: (PEM file, trust flags)}."""
    folder.mkdir(parents=True, exist_ok=True)
    run("certutil", "-N", "-d", f"sql:{folder}", "--empty-password", check=True)
    for nickname, (pem, flags) in (trusted or {}).items():
        run("certutil", "-A", "-d", f"sql:{folder}", "-n", nickname, "-t", flags, "-i", pem, check=True)
    return folder


def tools_missing() -> list[str]:
    return [tool for tool in ("pdfsig", "pdftotext", "certutil", "pdftoppm") if shutil.which(tool) is None]


def write_pem(path: Path, certificate: x509.Certificate) -> Path:
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


@dataclass(frozen=True)
class Word:
    page: int  # from 0
    text: str
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom left


def words(file: Path) -> list[Word]:
    """Every word pdftotext finds, with where it sits on its page."""
    found: list[Word] = []

    class _Reader(HTMLParser):
        page, height, current = -1, 0.0, None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in ("page", "word"):
                return
            values = {key: float(value or 0) for key, value in attrs}
            if tag == "page":
                self.page, self.height = self.page + 1, values["height"]
            elif tag == "word":
                self.current = values

        def handle_data(self, data: str) -> None:
            if self.current is not None:
                v, top = self.current, self.height
                found.append(Word(self.page, data, (v["xmin"], top - v["ymax"], v["xmax"], top - v["ymin"])))
                self.current = None

    _Reader().feed(run("pdftotext", "-bbox", file, "-", check=True))
    return found


def word_after(file: Path, *preceding: str) -> Word:
    """The first word that follows the words `preceding` in reading order (e.g. a table row's first figure)."""
    found = words(file)
    count = len(preceding)
    return next(
        found[at + count]
        for at in range(len(found) - count)
        if tuple(word.text for word in found[at : at + count]) == preceding
    )


# What is appended to a signed report ###########################################################


def _der(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _key_info(key: rsa.RSAPrivateKey) -> asn1_keys.PrivateKeyInfo:
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return asn1_keys.PrivateKeyInfo.load(der)


def _simple_signer(key: rsa.RSAPrivateKey, certificate: x509.Certificate) -> signers.SimpleSigner:
    return signers.SimpleSigner(
        signing_cert=_der(certificate), signing_key=_key_info(key), cert_registry=SimpleCertificateStore()
    )


def _appended(writer: IncrementalPdfFileWriter) -> bytes:
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def cover_with_field(data: bytes, page: int, box: tuple[float, float, float, float], text: str) -> bytes:
    """An incremental update adding an unsigned signature field whose appearance, a white box with
    `text`, sits over `box`: no key needed, and a reader shows `text` instead of what was signed."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    x1, y1, x2, y2 = box
    fields.append_signature_field(writer, fields.SigFieldSpec("Sig9", on_page=page, box=(x1, y1, x2, y2)))  # type: ignore[arg-type]
    width, height = x2 - x1, y2 - y1
    font = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Font"),
            generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
            generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
        }
    )
    appearance = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/XObject"),
            generic.NameObject("/Subtype"): generic.NameObject("/Form"),
            generic.NameObject("/BBox"): generic.ArrayObject([generic.FloatObject(v) for v in (0, 0, width, height)]),
            generic.NameObject("/Resources"): generic.DictionaryObject(
                {generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/F1"): font})}
            ),
        },
        stream_data=f"1 1 1 rg -1 -1 {width + 2:.2f} {height + 2:.2f} re f 0 0 0 rg "
        f"BT /F1 {height * 0.8:.1f} Tf 1 {height * 0.2:.2f} Td ({text}) Tj ET".encode(),
    )
    appearance_ref = writer.add_object(appearance)
    for reference in writer.root["/AcroForm"]["/Fields"]:
        field = reference.get_object()
        if field.get("/T") == "Sig9":
            field["/AP"] = generic.DictionaryObject({generic.NameObject("/N"): appearance_ref})
            writer.mark_update(reference)
    return _appended(writer)


class _CarelessSigner(signers.PdfSigner):
    """Signs whatever it is given: an attacker's tool need not honour the certification's "no changes"."""

    def _enforce_certification_constraints(self, reader: PdfFileReader) -> None:
        return None


def sign_again(data: bytes, key: rsa.RSAPrivateKey, certificate: x509.Certificate) -> bytes:
    """A second, visible signature appended by whoever holds `key`."""
    signer = _simple_signer(key, certificate)
    pdf_signer = _CarelessSigner(
        signers.PdfSignatureMetadata(field_name="Sig2", subfilter=fields.SigSeedSubFilter.PADES),
        signer,
        new_field_spec=fields.SigFieldSpec("Sig2", on_page=0, box=(300, 300, 500, 360)),
    )
    return bytes(pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data))).getvalue())


def approval_signed(data: bytes, key: rsa.RSAPrivateKey, certificate: x509.Certificate) -> bytes:
    """Signed as earlier versions of the app signed: an approval signature that restricts nothing."""
    signer = _simple_signer(key, certificate)
    meta = signers.PdfSignatureMetadata(
        field_name="Sig1", subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    return bytes(signers.PdfSigner(meta, signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data))).getvalue())


def document_timestamp(data: bytes) -> bytes:
    """A PAdES document timestamp appended by a time-stamping authority of the test's own making."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name("Dịch vụ cấp dấu thời gian (thử nghiệm)")
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now())
        .not_valid_after(_now() + dt.timedelta(days=365))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    stamper = signers.PdfTimeStamper(DummyTimeStamper(tsa_cert=_der(certificate), tsa_key=_key_info(key)))
    return bytes(stamper.timestamp_pdf(IncrementalPdfFileWriter(io.BytesIO(data)), "sha256").getvalue())


def with_dss(data: bytes, *certificates: x509.Certificate) -> bytes:
    """A document security store holding `certificates` for the first signature, appended."""
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    output = io.BytesIO(data)
    DocumentSecurityStore.add_dss(output, signature.pkcs7_content, certs=[_der(c) for c in certificates])
    return output.getvalue()


def with_new_title(data: bytes, title: str) -> bytes:
    """The document information's title changed in an incremental update (readers show it)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    info = writer.trailer["/Info"].get_object()
    info[generic.NameObject("/Title")] = generic.TextStringObject(title)
    writer.mark_update(writer.trailer.raw_get("/Info"))
    return _appended(writer)


# Certificates ##################################################################################


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Authority:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    def issue(self, subject: x509.Name, public_key: rsa.RSAPublicKey) -> x509.Certificate:
        """An end-entity signing certificate, as the hub CA issues at enrollment."""
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(_now())
            .not_valid_after(_now() + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_signing_usage(), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )


def hub_authority(common_name: str = "Sổ tay CTV Hub CA (thử nghiệm)") -> Authority:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name(common_name)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now())
        .not_valid_after(_now() + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(key, certificate)


def self_signed(key: rsa.RSAPrivateKey, common_name: str) -> x509.Certificate:
    name = _name(common_name)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now())
        .not_valid_after(_now() + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_usage(), critical=True)
        # As certificates from a CA or the app's device certificate carry: Poppler reports a self-signed
        # certificate without any subjectAltName as "Unknown issue" even when NSS trusts it.
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name("ky-so@example.vn")]), critical=False)
        .sign(key, hashes.SHA256())
    )


def _signing_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


# SoftHSM #######################################################################################


def softhsm_module() -> str | None:
    for path in SOFTHSM_PATHS:
        if os.path.exists(path):
            return path
    listed = run("sh", "-c", "dpkg -L softhsm2 libsofthsm2 2>/dev/null | grep 'libsofthsm2\\.so$'").split()
    return next((path for path in listed if os.path.exists(path)), None)


@dataclass(frozen=True)
class SoftToken:
    module: str
    label: str
    pin: str
    key_label: str
    key_id: bytes
    certificate: x509.Certificate


def make_soft_token(
    folder: Path, module: str, *, label: str, so_pin: str, pin: str, key_label: str, common_name: str
) -> SoftToken:
    """A SoftHSM token with an RSA-2048 key and its self-signed certificate, under one label and ID.

    SOFTHSM2_CONF must already point at `folder`/softhsm2.conf (see `softhsm_config`).
    """
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", so_pin, "--pin", pin, check=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = self_signed(key, common_name)
    key_file = folder / "key.pem"
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_id = b"\x01"
    try:
        run(
            "softhsm2-util", "--import", key_file, "--token", label, "--label", key_label,
            "--id", key_id.hex(), "--pin", pin, check=True,
        )  # fmt: skip
    finally:
        key_file.unlink()
    token = pkcs11.lib(module).get_token(token_label=label)
    with token.open(rw=True, user_pin=pin) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
                Attribute.LABEL: key_label,
                Attribute.ID: key_id,
                Attribute.TOKEN: True,
                Attribute.SUBJECT: certificate.subject.public_bytes(),
            }
        )
    return SoftToken(module, label, pin, key_label, key_id, certificate)


def softhsm_config(folder: Path) -> Path:
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    config = folder / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    return config
