from __future__ import annotations

import argparse
import datetime as dt
import json
import stat
import sys
import unicodedata
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtensionOID, NameOID

from desktop import i18n
from desktop.cli.device import register, show
from desktop.paths import ProfilePaths
from desktop.security import device
from desktop.security.device import (
    CERT_FILE,
    KEY_FILE,
    KEY_PASSWORD_SECRET,
    DeviceIdentity,
    IdentityError,
    IdentityMissingError,
)
from desktop.security.secrets import ProfileMetaStore, SecretStore
from desktop.services.profile.handle import Profile
from desktop.services.profile.identity import ensure_identity, secret_store
from tests.security.conftest import MemoryKeyring

NAME = "Nguyễn Thị Hường"
COMMUNE_CODE = "18673"
COMMUNE_NAME = "Xã Cẩm Xuyên"
DEVICE_ID = "0b6f3f7e-3c1e-4d5a-9b43-6f1f1c2a9e10"
# The Vietnamese of the catalogue, which the tests expect the messages to show.
VI = {
    "The profile in {home} has no device identity yet.": "Hồ sơ ở {home} chưa có định danh thiết bị.",
    "Device: {device_id}\nCertificate: {subject}\nSHA-256 fingerprint: {sha256}\n"
    "Valid from {not_before} to {not_after}, {signer}.": "Thiết bị: {device_id}\nChứng thư: {subject}\n"
    "Dấu vân tay SHA-256: {sha256}\nHiệu lực từ {not_before} đến {not_after}, {signer}.",
    "self-signed (not enrolled at the hub yet)": "tự ký (chưa đăng ký với tuyến trên)",
}


class DictStore:
    """A FallbackStore without a database, for tests that need a store of their own."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        self.values[key] = value


def _create(folder: Path, secrets: SecretStore, name: str = NAME) -> DeviceIdentity:
    folder.mkdir(parents=True, exist_ok=True)
    return device.create_identity(
        folder,
        device_id=DEVICE_ID,
        collaborator=name,
        commune_code=COMMUNE_CODE,
        commune_name=COMMUNE_NAME,
        secrets=secrets,
    )


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> SecretStore:
    return SecretStore(DEVICE_ID, DictStore())


@pytest.fixture
def identity(tmp_path: Path, store: SecretStore) -> DeviceIdentity:
    return _create(tmp_path / "home", store)


def _home(tmp_path: Path) -> Path:
    return tmp_path / "home"


# The key and the certificate #################################################################


def test_key_is_rsa_3072_and_matches_the_certificate(identity: DeviceIdentity) -> None:
    assert isinstance(identity.key, rsa.RSAPrivateKey)
    assert identity.key.key_size == 3072
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    assert identity.key.public_key().public_bytes(*spki) == identity.certificate.public_key().public_bytes(*spki)


def test_certificate_is_really_self_signed_with_sha256(identity: DeviceIdentity) -> None:
    cert = identity.certificate
    public = cert.public_key()
    assert isinstance(public, rsa.RSAPublicKey)
    public.verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(), hashes.SHA256())
    cert.verify_directly_issued_by(cert)
    assert isinstance(cert.signature_hash_algorithm, hashes.SHA256)
    assert cert.issuer == cert.subject


def test_subject_carries_the_vietnamese_name_commune_and_device(identity: DeviceIdentity) -> None:
    subject = identity.certificate.subject

    def one(oid: x509.ObjectIdentifier) -> str:
        return str(subject.get_attributes_for_oid(oid)[0].value)

    assert one(NameOID.COMMON_NAME) == NAME
    assert one(NameOID.ORGANIZATION_NAME) == "Sổ tay CTV"
    assert one(NameOID.LOCALITY_NAME) == COMMUNE_NAME
    assert one(NameOID.ORGANIZATIONAL_UNIT_NAME) == COMMUNE_CODE
    assert one(NameOID.SERIAL_NUMBER) == DEVICE_ID
    assert one(NameOID.COUNTRY_NAME) == "VN"
    # UTF8String in the DER, so any verifier reads the diacritics the same way.
    assert NAME.encode("utf-8") in identity.certificate.public_bytes(serialization.Encoding.DER)


def test_name_typed_decomposed_is_stored_composed(tmp_path: Path, store: SecretStore) -> None:
    decomposed = unicodedata.normalize("NFD", NAME)
    created = _create(tmp_path / "nfd", store, name=decomposed)

    cn = created.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert cn == NAME and cn == unicodedata.normalize("NFC", cn)


def test_extensions_say_signing_only_not_a_ca(identity: DeviceIdentity) -> None:
    cert = identity.certificate
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign and not usage.value.key_encipherment
    constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.value.ca is False
    ski = cert.extensions.get_extension_for_oid(ExtensionOID.SUBJECT_KEY_IDENTIFIER).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(cert.public_key())  # type: ignore[arg-type]


def test_valid_for_ten_years_from_now(identity: DeviceIdentity) -> None:
    cert = identity.certificate
    now = dt.datetime.now(dt.UTC)
    assert cert.not_valid_before_utc <= now <= cert.not_valid_before_utc + dt.timedelta(hours=1)
    assert (cert.not_valid_after_utc - cert.not_valid_before_utc).days in (3652, 3653)


def test_key_file_is_encrypted_and_private(tmp_path: Path, identity: DeviceIdentity) -> None:
    text = (_home(tmp_path) / KEY_FILE).read_text()
    assert text.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert "BEGIN PRIVATE KEY" not in text and "BEGIN RSA PRIVATE KEY" not in text
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(text.encode(), password=None)
    if sys.platform != "win32":
        assert stat.S_IMODE((_home(tmp_path) / KEY_FILE).stat().st_mode) == 0o600
    assert sorted(p.name for p in _home(tmp_path).iterdir()) == [CERT_FILE, KEY_FILE]  # no temp files left


def test_password_is_in_the_keyring(memory_keyring: MemoryKeyring, identity: DeviceIdentity) -> None:
    assert [username for _service, username in memory_keyring.entries] == [f"{DEVICE_ID}/{KEY_PASSWORD_SECRET}"]


def test_refuses_to_overwrite_an_identity(tmp_path: Path, store: SecretStore, identity: DeviceIdentity) -> None:
    with pytest.raises(IdentityError):
        _create(_home(tmp_path), store)


def test_refuses_an_empty_subject(tmp_path: Path, store: SecretStore) -> None:
    with pytest.raises(IdentityError):
        _create(tmp_path / "empty", store, name="  ")


# Loading and describing ######################################################################


def test_load_gives_back_the_same_key(tmp_path: Path, store: SecretStore, identity: DeviceIdentity) -> None:
    loaded = device.load_identity(_home(tmp_path), store)

    assert loaded.key.private_numbers() == identity.key.private_numbers()
    assert loaded.info == identity.info


def test_describe_reads_only_the_certificate(tmp_path: Path, identity: DeviceIdentity) -> None:
    info = device.describe(_home(tmp_path))  # no secrets passed at all

    assert info.device_id == DEVICE_ID
    assert info.subject == f"serialNumber={DEVICE_ID},CN={NAME},OU={COMMUNE_CODE},O=Sổ tay CTV,L={COMMUNE_NAME},C=VN"
    der = identity.certificate.public_bytes(serialization.Encoding.DER)
    import hashlib

    assert info.sha256 == ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())
    assert info.not_before == identity.certificate.not_valid_before_utc
    assert info.self_signed


def test_missing_files_give_our_missing_error(tmp_path: Path, store: SecretStore) -> None:
    with pytest.raises(IdentityMissingError):
        device.describe(tmp_path)
    with pytest.raises(IdentityMissingError):
        device.load_identity(tmp_path, store)


def test_tampered_certificate_is_refused(tmp_path: Path, identity: DeviceIdentity) -> None:
    # Change one byte of the signed part, then re-encode: the PEM parses but the signature fails.
    der = bytearray(identity.certificate.public_bytes(serialization.Encoding.DER))
    position = bytes(der).index(NAME.encode()) + 1
    der[position] ^= 0x01
    tampered = x509.load_der_x509_certificate(bytes(der))
    (_home(tmp_path) / CERT_FILE).write_bytes(tampered.public_bytes(serialization.Encoding.PEM))

    with pytest.raises(IdentityError, match="damaged"):
        device.describe(_home(tmp_path))


def test_garbage_certificate_is_refused(tmp_path: Path, identity: DeviceIdentity) -> None:
    (_home(tmp_path) / CERT_FILE).write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")

    with pytest.raises(IdentityError):
        device.describe(_home(tmp_path))


def test_wrong_password_is_refused(tmp_path: Path, store: SecretStore, identity: DeviceIdentity) -> None:
    store.set(KEY_PASSWORD_SECRET, "not-the-password")

    with pytest.raises(IdentityError, match="password"):
        device.load_identity(_home(tmp_path), store)


def test_lost_password_is_refused(tmp_path: Path, identity: DeviceIdentity) -> None:
    other_device = SecretStore("another-device", DictStore())

    with pytest.raises(IdentityError, match="password"):
        device.load_identity(_home(tmp_path), other_device)


def test_damaged_key_file_is_refused(tmp_path: Path, store: SecretStore, identity: DeviceIdentity) -> None:
    (_home(tmp_path) / KEY_FILE).write_text("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n")

    with pytest.raises(IdentityError):
        device.load_identity(_home(tmp_path), store)


# Enrollment ##################################################################################


HUB = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sổ tay hub CA")])


@pytest.fixture(scope="module")
def hub_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)  # the test CA; size is irrelevant


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def _issue(public: rsa.RSAPublicKey, subject: x509.Name, issuer_key: rsa.RSAPrivateKey) -> x509.Certificate:
    start = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(HUB)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365))
        .sign(issuer_key, hashes.SHA256())
    )


def _hub_ca(hub_key: rsa.RSAPrivateKey) -> x509.Certificate:
    start = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(HUB)
        .issuer_name(HUB)
        .public_key(hub_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(hub_key, hashes.SHA256())
    )


def _device_subject() -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, NAME)])


def test_replace_certificate_accepts_one_for_this_key_from_the_hub(
    tmp_path: Path, store: SecretStore, identity: DeviceIdentity, hub_key: rsa.RSAPrivateKey
) -> None:
    issued = _issue(identity.key.public_key(), _device_subject(), hub_key)

    info = device.replace_certificate(_home(tmp_path), _pem(issued), ca_pem=_pem(_hub_ca(hub_key)).decode())

    assert not info.self_signed
    assert device.describe(_home(tmp_path)) == info
    assert device.load_identity(_home(tmp_path), store).certificate == issued
    assert (_home(tmp_path) / device.CA_FILE).exists()


def test_replace_certificate_refuses_another_key_or_another_issuer(
    tmp_path: Path, identity: DeviceIdentity, hub_key: rsa.RSAPrivateKey
) -> None:
    before = (_home(tmp_path) / CERT_FILE).read_bytes()
    ca = _pem(_hub_ca(hub_key))
    stranger = _issue(hub_key.public_key(), _device_subject(), hub_key)
    forged = _issue(identity.key.public_key(), _device_subject(), identity.key)  # our key, "HUB" name

    with pytest.raises(IdentityError, match="another key"):
        device.replace_certificate(_home(tmp_path), _pem(stranger).decode(), ca_pem=ca)
    with pytest.raises(IdentityError, match="not signed by the hub"):
        device.replace_certificate(_home(tmp_path), _pem(forged), ca_pem=ca)
    with pytest.raises(IdentityError, match="not a certificate"):
        device.replace_certificate(_home(tmp_path), b"not a certificate", ca_pem=ca)
    assert (_home(tmp_path) / CERT_FILE).read_bytes() == before
    assert not (_home(tmp_path) / device.CA_FILE).exists()


def test_hub_certificate_changed_later_is_refused(
    tmp_path: Path, identity: DeviceIdentity, hub_key: rsa.RSAPrivateKey
) -> None:
    issued = _issue(identity.key.public_key(), _device_subject(), hub_key)
    device.replace_certificate(_home(tmp_path), _pem(issued), ca_pem=_pem(_hub_ca(hub_key)))
    der = bytearray(issued.public_bytes(serialization.Encoding.DER))
    der[bytes(der).index(NAME.encode()) + 1] ^= 0x01
    (_home(tmp_path) / CERT_FILE).write_bytes(_pem(x509.load_der_x509_certificate(bytes(der))))

    with pytest.raises(IdentityError, match="damaged"):
        device.describe(_home(tmp_path))


# The profile: ensure_identity, and the fallback without keyring ##############################


def test_ensure_identity_creates_once_then_describes(memory_keyring: MemoryKeyring, profile: Profile) -> None:
    secrets = secret_store(profile)

    created = ensure_identity(profile, secrets)
    again = ensure_identity(profile, secrets)

    assert created is not None and created == again
    assert created.device_id == profile.device_id
    assert "CN=Nguyễn Thị Lan" in created.subject and "L=Xã Cẩm Xuyên" in created.subject
    device.load_identity(profile.paths.home, secrets)


def test_ensure_identity_waits_for_set_up(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    from desktop.services.profile import opening as profile_service

    fresh = profile_service.open_plain(ProfilePaths(tmp_path / "fresh"))  # a database with no commune yet
    try:
        assert ensure_identity(fresh, secret_store(fresh)) is None
        assert not device.has_identity(fresh.paths.home)
    finally:
        fresh.close()


def test_without_keyring_the_key_password_lives_in_the_database(no_keyring: None, profile: Profile) -> None:
    home = profile.paths.home
    before = {p.name for p in home.rglob("*") if p.is_file()}
    secrets = SecretStore(profile.device_id, ProfileMetaStore(profile.sessions))

    ensure_identity(profile, secrets)

    added = {p.name for p in home.rglob("*") if p.is_file()} - before
    assert added - {CERT_FILE, KEY_FILE} <= {"profile.db-journal", "profile.db-wal", "profile.db-shm"}
    assert secrets.uses_fallback
    password = ProfileMetaStore(profile.sessions).get(f"secret.{KEY_PASSWORD_SECRET}")
    assert password and password.encode() not in (home / KEY_FILE).read_bytes()
    device.load_identity(home, secrets)


# `sotay device show` #########################################################################


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sotay")
    register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_show_json_prints_one_object(
    tmp_path: Path, identity: DeviceIdentity, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse(["device", "show", "--json"])

    assert args.run(args, ProfilePaths(_home(tmp_path))) == 0

    out = capsys.readouterr().out
    assert out.count("\n") == 1
    shown = json.loads(out)
    assert set(shown) == {"device_id", "subject", "sha256", "not_before", "not_after"}
    assert shown["device_id"] == DEVICE_ID and NAME in shown["subject"]
    assert shown["sha256"] == identity.info.sha256
    assert dt.datetime.fromisoformat(shown["not_after"]) == identity.info.not_after


def test_show_text_is_translated(tmp_path: Path, identity: DeviceIdentity, capsys: pytest.CaptureFixture[str]) -> None:
    source = (
        "Device: {device_id}\nCertificate: {subject}\nSHA-256 fingerprint: {sha256}\n"
        "Valid from {not_before} to {not_after}, {signer}."
    )
    i18n.use_catalogue({("Cli", key): value for key, value in VI.items()})
    try:
        code = show(argparse.Namespace(json=False, lang="vi"), ProfilePaths(_home(tmp_path)))
    finally:
        i18n.use_catalogue({})

    out = capsys.readouterr().out
    assert code == 0
    assert VI[source].split(":")[0] in out  # "Thiết bị"
    assert identity.info.sha256 in out and NAME in out
    assert identity.info.not_after.strftime("%d/%m/%Y") in out


def test_show_without_identity_exits_2_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = "The profile in {home} has no device identity yet."
    i18n.use_catalogue({("Cli", source): VI[source]})
    try:
        code = show(argparse.Namespace(json=True, lang="vi"), ProfilePaths(tmp_path / "empty"))
    finally:
        i18n.use_catalogue({})

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert "chưa có" in captured.err
