"""Who signs a report, and how their key makes the signature: the device key, or a key on a PKCS#11 token.

A signer spec says which key to use; `cms_signer` turns it into pyHanko's signer for the length of
one signature, logging in to the token for that long only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security import device
from desktop.security.pdf.errors import TokenError
from desktop.security.pdf.tokens import token_session

if TYPE_CHECKING:
    from desktop.security.secrets import SecretStore


@dataclass(frozen=True, slots=True)
class DeviceSigner:
    """The device key, already decrypted, with its certificate and the CA certificates above it."""

    key: PrivateKeyTypes = field(repr=False)
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @classmethod
    def from_identity(cls, identity: device.DeviceIdentity, chain: Sequence[x509.Certificate] = ()) -> DeviceSigner:
        return cls(identity.key, identity.certificate, tuple(chain))


@dataclass(frozen=True, slots=True)
class Pkcs11Signer:
    """A key on a PKCS#11 token, found by the certificate's or the key's label (or by the key's ID).

    The PIN lives only as long as this object: it is used to open one session, never written down,
    and kept out of repr() so it cannot reach a log.
    """

    module_path: str
    token_label: str
    pin: str = field(repr=False)
    cert_label: str | None = None
    key_label: str | None = None
    key_id: bytes | None = None

    def __post_init__(self) -> None:
        if self.cert_label is None and self.key_label is None and self.key_id is None:
            raise ValueError("Pkcs11Signer needs a certificate label, a key label or a key ID")


PdfSignerSpec = DeviceSigner | Pkcs11Signer


def device_signer(folder: Path, secrets: SecretStore) -> DeviceSigner:
    """The profile's own identity; after enrollment the hub CA travels in the signature too."""
    identity = device.load_identity(folder, secrets)
    return DeviceSigner.from_identity(identity, _hub_chain(folder))


def _hub_chain(folder: Path) -> tuple[x509.Certificate, ...]:
    """The hub CA, to travel in the signature after enrollment. None before enrollment, nor when its file
    went bad since load_identity accepted the certificate: verifiers must bring the CA themselves anyway."""
    try:
        return (x509.load_pem_x509_certificate(device.ca_path(folder).read_bytes()),)
    except (OSError, ValueError):
        return ()


# Signer back ends ###########################################################################


@contextmanager
def cms_signer(spec: PdfSignerSpec) -> Iterator[signers.Signer]:
    """pyHanko's signer for `spec`, for one signature; a token's session is closed on leaving."""
    if isinstance(spec, DeviceSigner):
        yield _simple_signer(spec)
        return
    import pkcs11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    with token_session(spec.module_path, spec.token_label, spec.pin) as session:
        signer = PKCS11Signer(session, cert_label=spec.cert_label, key_label=spec.key_label, key_id=spec.key_id)
        try:
            # Looking up key and certificate now turns "not on this token" into our error, instead of
            # a SigningError halfway through writing the signature.
            found = signer.signing_cert is not None
        except (SigningError, pkcs11.PKCS11Error) as error:
            raise _not_on_token(spec) from error
        if not found:
            raise _not_on_token(spec)
        try:
            yield signer
        except pkcs11.PKCS11Error as error:
            raise TokenError(
                QT_TRANSLATE_NOOP("Security", "The token {token} stopped answering while signing."),
                token=spec.token_label,
            ) from error


def _not_on_token(spec: Pkcs11Signer) -> TokenError:
    return TokenError(
        QT_TRANSLATE_NOOP("Security", "The token has no usable key and certificate named {label}."),
        label=spec.cert_label or spec.key_label or (spec.key_id or b"").hex(),
    )


def _simple_signer(spec: DeviceSigner) -> signers.SimpleSigner:
    def der(certificate: x509.Certificate) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))

    # Unencrypted only in memory, for the lifetime of this signing call.
    key_der = spec.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return _LoadedKeySigner(
        spec.key,
        signing_cert=der(spec.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        # The signing certificate goes in on its own; listing it here too would embed it twice.
        cert_registry=SimpleCertificateStore.from_certs([der(ca) for ca in spec.chain]),
    )


_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class _LoadedKeySigner(signers.SimpleSigner):
    """Signs with the key object it was given.

    SimpleSigner parses its DER key again for every signature, and cryptography checks an RSA key
    on every load: about 0.2 s for RSA-3072, twice per PDF (pyHanko signs once to size the
    placeholder). That was most of the signing time.
    """

    def __init__(self, key: PrivateKeyTypes, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        digest = _HASHES.get(digest_algorithm)
        if isinstance(self._key, rsa.RSAPrivateKey) and digest and mechanism.signature_algo == "rsassa_pkcs1v15":
            return self._key.sign(data, PKCS1v15(), digest())
        return bytes(super().sign_raw(data, digest_algorithm))
