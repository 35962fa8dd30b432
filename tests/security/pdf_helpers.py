"""What the PDF signing tests need around them: a report to sign, identities, and the outside tools
(pdfsig, pdftotext, certutil, softhsm2-util) a person would use to check a signed file."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
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
