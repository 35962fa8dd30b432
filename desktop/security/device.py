"""The device identity: an RSA-3072 key and an X.509 certificate kept in the profile folder.

Before enrollment the certificate is self-signed; enrollment at the hub swaps in one issued by the
hub's CA (`replace_certificate`, which keeps that CA's certificate as hub-ca.pem to verify it by).
The same key later signs PDFs and bundles.

Subject: CN = the collaborator's name (UTF8String, NFC), O = "Sổ tay CTV", OU = the commune code,
L = the commune's name, C = VN, serialNumber = the device id. The commune code goes in OU because
it names a unit within the organization, which is exactly what OU is for and what a hub CA can copy
into the certificates it issues; organizationIdentifier (2.5.4.97) has a fixed ETSI EN 319 412-1
syntax for legal entities ("VATVN-..."), and a private OID would need an arc we do not own.

The private key is PKCS#8, encrypted with a random password that lives in the SecretStore (the OS
keyring, or the encrypted profile), so a copied folder does not carry a usable key.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets as random_source
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from desktop.errors import SotayError
from desktop.fileio import write_atomically
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import DEVICE_CERT_FILE, DEVICE_KEY_FILE

if TYPE_CHECKING:
    from desktop.security.secrets import SecretStore

log = logging.getLogger(__name__)

KEY_FILE = DEVICE_KEY_FILE
CERT_FILE = DEVICE_CERT_FILE
CA_FILE = "hub-ca.pem"  # written at enrollment: the CA that issued device-cert.pem
KEY_PASSWORD_SECRET = "device-key-password"
KEY_SIZE = 3072
PUBLIC_EXPONENT = 65537
VALIDITY = dt.timedelta(days=3653)  # ten years, leap days included
CLOCK_SKEW = dt.timedelta(minutes=5)  # so a verifier whose clock lags a little still accepts it
ORGANIZATION = "Sổ tay CTV"
COUNTRY = "VN"
# RFC 4514 writes attributes without a short name in its table as dotted OIDs; RFC 4519 names this one.
READABLE_NAMES = {NameOID.SERIAL_NUMBER: "serialNumber"}


class IdentityError(SotayError):
    """The device identity cannot be used; the folder needs attention, not the input."""

    exit_code = 2


class IdentityMissingError(IdentityError):
    """The profile has no key or certificate yet (not set up, or files removed)."""


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """What may be shown about the identity without its password."""

    device_id: str
    subject: str  # RFC 4514, Vietnamese kept as is
    sha256: str  # of the DER certificate, "AB:CD:..."
    not_before: dt.datetime
    not_after: dt.datetime
    self_signed: bool


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    info: DeviceInfo


def key_path(folder: Path) -> Path:
    return Path(folder) / KEY_FILE


def cert_path(folder: Path) -> Path:
    return Path(folder) / CERT_FILE


def ca_path(folder: Path) -> Path:
    return Path(folder) / CA_FILE


def has_identity(folder: Path) -> bool:
    return key_path(folder).exists() or cert_path(folder).exists()


def lost_certificate(folder: Path) -> bool:
    """The key is there but its (public) certificate is gone: `rebuild_certificate` can make it again."""
    return key_path(folder).exists() and not cert_path(folder).exists()


# Creating ###################################################################################


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=PUBLIC_EXPONENT, key_size=KEY_SIZE)


def create_identity(
    folder: Path,
    *,
    device_id: str,
    collaborator: str,
    commune_code: str,
    commune_name: str,
    secrets: SecretStore,
) -> DeviceIdentity:
    """A new key and self-signed certificate. Refuses to overwrite an existing identity."""
    folder = Path(folder)
    if has_identity(folder):
        raise IdentityError(QT_TRANSLATE_NOOP("Security", "This profile already has a device identity."))
    key = new_key()
    subject = _subject(device_id, collaborator, commune_code, commune_name)
    certificate = _self_signed(key, subject, device_id)
    password = random_source.token_urlsafe(32)
    # The password is stored before the key is written: a key on disk without its password is lost.
    secrets.set(KEY_PASSWORD_SECRET, password)
    encryption = serialization.BestAvailableEncryption(password.encode())
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    write_atomically(key_path(folder), key_pem, private=True)
    write_atomically(cert_path(folder), certificate.public_bytes(serialization.Encoding.PEM), private=True)
    return DeviceIdentity(key, certificate, _info(certificate))


def rebuild_certificate(
    folder: Path,
    *,
    device_id: str,
    collaborator: str,
    commune_code: str,
    commune_name: str,
    secrets: SecretStore,
) -> DeviceIdentity:
    """A self-signed certificate made again for the key still in the folder, when the certificate was lost.

    The certificate is public and holds nothing the key and the profile do not: losing it must not stop
    the notebook. A certificate the hub had issued comes back self-signed; enrolling again replaces it.
    """
    folder = Path(folder)
    key = _read_key(folder, secrets)
    certificate = _self_signed(key, _subject(device_id, collaborator, commune_code, commune_name), device_id)
    write_atomically(cert_path(folder), certificate.public_bytes(serialization.Encoding.PEM), private=True)
    log.info("The device certificate was missing; a self-signed one was made again from the device key.")
    return DeviceIdentity(key, certificate, _info(certificate))


def _subject(device_id: str, collaborator: str, commune_code: str, commune_name: str) -> x509.Name:
    def nfc(text: str) -> str:
        # One spelling of "Hường" whatever the keyboard produced, so the subject compares byte-equal.
        return unicodedata.normalize("NFC", text.strip())

    if not (device_id and nfc(collaborator) and commune_code and nfc(commune_name)):
        raise IdentityError(
            QT_TRANSLATE_NOOP("Security", "Set up the profile (commune and collaborator) before creating its identity.")
        )
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, COUNTRY),
            x509.NameAttribute(NameOID.LOCALITY_NAME, nfc(commune_name)),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, commune_code),
            x509.NameAttribute(NameOID.COMMON_NAME, nfc(collaborator)),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id),
        ]
    )


def _self_signed(key: rsa.RSAPrivateKey, subject: x509.Name, device_id: str) -> x509.Certificate:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - CLOCK_SKEW
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_key_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        # The device id again, as a name verifiers can match on. Poppler's pdfsig also needs some
        # subjectAltName to report a self-signed certificate trusted in an NSS store as "Trusted".
        .add_extension(x509.SubjectAlternativeName([x509.UniformResourceIdentifier(f"urn:uuid:{device_id}")]), False)
    )
    return builder.sign(key, hashes.SHA256())


def _signing_key_usage() -> x509.KeyUsage:
    # Signatures only (PDFs, bundles); contentCommitment is what makes a signature "non-repudiation".
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


# Reading ####################################################################################


def describe(folder: Path) -> DeviceInfo:
    """Facts from the certificate alone: no password needed, so `device show` works without login."""
    return _info(_read_certificate(Path(folder)))


def load_identity(folder: Path, secrets: SecretStore) -> DeviceIdentity:
    folder = Path(folder)
    certificate = _read_certificate(folder)
    key = _read_key(folder, secrets)
    if not _same_key(key.public_key(), certificate):
        raise IdentityError(
            QT_TRANSLATE_NOOP("Security", "The device certificate does not belong to this device's key.")
        )
    return DeviceIdentity(key, certificate, _info(certificate))


def _read_certificate(folder: Path) -> x509.Certificate:
    data = _read_file(cert_path(folder))
    try:
        certificate = x509.load_pem_x509_certificate(data)
    except ValueError:
        raise _damaged(CERT_FILE) from None
    # Names are no proof: a changed subject would make a self-signed certificate look hub-issued.
    # So it must verify either under its own key or under the hub CA stored at enrollment.
    if not (_is_self_signed(certificate) or _issued_by_hub(folder, certificate)):
        raise _damaged(CERT_FILE)
    return certificate


def _issued_by_hub(folder: Path, certificate: x509.Certificate) -> bool:
    try:
        authority = x509.load_pem_x509_certificate(ca_path(folder).read_bytes())
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        raise _damaged(CA_FILE) from None
    return _issued_by(certificate, authority)


def _issued_by(certificate: x509.Certificate, authority: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(authority)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _read_key(folder: Path, secrets: SecretStore) -> rsa.RSAPrivateKey:
    data = _read_file(key_path(folder))
    password = secrets.get(KEY_PASSWORD_SECRET)
    if password is None:
        raise IdentityError(
            QT_TRANSLATE_NOOP(
                "Security",
                "The password of this device's key is not in this computer's keyring or in the profile, "
                "so the device cannot sign.",
            )
        )
    try:
        key = serialization.load_pem_private_key(data, password=password.encode())
    except (ValueError, TypeError):
        # cryptography answers a wrong password and a damaged file alike; both mean "cannot sign".
        raise IdentityError(
            QT_TRANSLATE_NOOP(
                "Security", "The device key cannot be opened: its password is wrong or the file is damaged."
            )
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise _damaged(KEY_FILE)
    return key


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise IdentityMissingError(
            QT_TRANSLATE_NOOP("Security", "This profile has no device identity yet ({file} is missing)."),
            file=path.name,
        ) from None
    except OSError:
        raise _damaged(path.name) from None


def _damaged(file: str) -> IdentityError:
    return IdentityError(QT_TRANSLATE_NOOP("Security", "The device identity file {file} is damaged."), file=file)


def _is_self_signed(certificate: x509.Certificate) -> bool:
    """Issuer named as the subject and the signature verifying under the certificate's own key."""
    return _issued_by(certificate, certificate)


def _same_key(public: rsa.RSAPublicKey, certificate: x509.Certificate) -> bool:
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return bool(public.public_bytes(*spki) == certificate.public_key().public_bytes(*spki))


def _info(certificate: x509.Certificate) -> DeviceInfo:
    serials = certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return DeviceInfo(
        device_id=str(serials[0].value) if serials else "",
        # cryptography escapes only RFC 4514's special characters, never letters: "Hường" stays readable.
        subject=certificate.subject.rfc4514_string(READABLE_NAMES),
        sha256=certificate.fingerprint(hashes.SHA256()).hex(":").upper(),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        self_signed=_is_self_signed(certificate),
    )


# Enrollment #################################################################################


def replace_certificate(folder: Path, cert_pem: bytes | str, *, ca_pem: bytes | str) -> DeviceInfo:
    """Install the certificate the hub issued: for this device's own key, signed by the hub CA.

    The key is compared with the current certificate's, which was checked against the key when the
    identity was made, so no password is needed here. The CA certificate is kept as hub-ca.pem so
    every later read can verify the device certificate instead of trusting its issuer name.
    """
    folder = Path(folder)
    offered, authority = _parse_offered(cert_pem), _parse_offered(ca_pem)
    current = _read_certificate(folder)
    current_key = current.public_key()
    if not isinstance(current_key, rsa.RSAPublicKey) or not _same_key(current_key, offered):
        raise IdentityError(
            QT_TRANSLATE_NOOP("Security", "This certificate was issued for another key, not for this device.")
        )
    if not _issued_by(offered, authority):
        raise IdentityError(QT_TRANSLATE_NOOP("Security", "This certificate was not signed by the hub."))
    # CA first: if the app stops between the two writes, the old self-signed certificate still verifies.
    write_atomically(ca_path(folder), authority.public_bytes(serialization.Encoding.PEM), private=True)
    write_atomically(cert_path(folder), offered.public_bytes(serialization.Encoding.PEM), private=True)
    return _info(offered)


def _parse_offered(pem: bytes | str) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(pem.encode() if isinstance(pem, str) else pem)
    except ValueError:
        raise IdentityError(QT_TRANSLATE_NOOP("Security", "This is not a certificate.")) from None
