"""USB tokens (PKCS#11): finding their drivers, listing the tokens plugged in and their certificates, logging in.

A token (the digital-signature certificate a Vietnamese CA sells, or SoftHSM in tests) is reached
through its driver, a PKCS#11 module file that comes with the token's software.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.x509.oid import NameOID

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security.pdf.errors import TokenError, TokenPinError

if TYPE_CHECKING:
    from pkcs11 import Session, _pkcs11

# The known install paths of token drivers, most likely first: the PKCS#11 modules the Vietnamese
# CAs' token software puts in System32 (VNPT-CA, Viettel-CA, FPT-CA, BKAV-CA, CA2/Nacencomm, NewCA,
# MISA-CA; most are Feitian ePass2003 tokens under the CA's own driver name), then the generic drivers
# those tokens also work with (Feitian's, SafeNet eToken, OpenSC). Only files present are offered, so a
# wrong guess costs nothing; a driver not listed is chosen with Browse. No Linux path of a CA's own
# driver is listed: we know of none for certain. SoftHSM (the tests' token) is never suggested: the
# tests and the command line name its driver explicitly.
LINUX_MODULES = (
    "/usr/lib/libcastle.so.1.0.0",  # Feitian ePass2003 (VNPT-CA, Viettel-CA, FPT-CA, BKAV-CA tokens)
    "/usr/lib/libeTPkcs11.so",  # SafeNet eToken
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so",
    "/usr/lib64/opensc-pkcs11.so",
)
_SYSTEM32 = "C:\\Windows\\System32\\"
WINDOWS_MODULES = tuple(
    _SYSTEM32 + name
    for name in (
        "vnptca_p11_v8.dll",  # VNPT-CA
        "vnpt-ca_csp11.dll",
        "VNPT-CA_v34.dll",
        "viettel-ca_v6.dll",  # Viettel-CA
        "viettel-ca_v5.dll",
        "viettel-ca_v4.dll",
        "fpt-ca.dll",  # FPT-CA
        "SignatureP11.dll",
        "BkavCA.dll",  # BKAV-CA
        "BkavCAv2S.dll",
        "CA2_v34.dll",  # CA2 (Nacencomm)
        "CA2_csp11.dll",
        "ShuttleCsp11_3003.dll",
        "newca_v4.dll",  # NewCA
        "misaca_csp11_v2.dll",  # MISA-CA
        "eps2003csp11.dll",  # Feitian ePass2003, the token most of the CAs above hand out
        "eTPKCS11.dll",  # SafeNet eToken
        "opensc-pkcs11.dll",
    )
) + (r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll",)


@dataclass(frozen=True, slots=True)
class TokenInfo:
    label: str
    serial: str
    manufacturer: str


@dataclass(frozen=True, slots=True)
class CertInfo:
    label: str
    subject_cn: str
    not_after: dt.datetime
    id: bytes  # CKA_ID; the matching private key carries the same one on every CA token we know


# Drivers ###################################################################################


def candidate_modules(platform: str = sys.platform) -> tuple[str, ...]:
    return WINDOWS_MODULES if platform == "win32" else LINUX_MODULES


def installed_modules(platform: str = sys.platform) -> list[str]:
    """The known token drivers present on this computer, most likely first."""
    return [path for path in candidate_modules(platform) if Path(path).is_file()]


# Tokens and their certificates #############################################################


def list_tokens(module_path: str) -> list[TokenInfo]:
    """Tokens currently plugged in, for the token picker. Needs no PIN."""
    import pkcs11

    library = _load_module(module_path)
    try:
        tokens = [slot.get_token() for slot in library.get_slots(token_present=True)]
    except pkcs11.PKCS11Error as error:
        raise _driver_error(module_path) from error
    return [
        TokenInfo(label=_text(token.label), serial=_text(token.serial), manufacturer=_text(token.manufacturer_id))
        for token in tokens
    ]


def list_certificates(module_path: str, token_label: str, pin: str) -> list[CertInfo]:
    """X.509 certificates on the token. Logs in, because many tokens hide objects until then."""
    from pkcs11 import Attribute, CertificateType, ObjectClass

    found: list[CertInfo] = []
    with token_session(module_path, token_label, pin) as session:
        for item in session.get_objects(
            {Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509}
        ):
            try:
                certificate = x509.load_der_x509_certificate(bytes(item[Attribute.VALUE]))
            except ValueError:
                continue  # a broken object cannot sign anything; the picker need not offer it
            names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
            found.append(
                CertInfo(
                    label=_attribute_text(item, Attribute.LABEL),
                    subject_cn=str(names[0].value) if names else certificate.subject.rfc4514_string(),
                    not_after=certificate.not_valid_after_utc,
                    id=_attribute_bytes(item, Attribute.ID),
                )
            )
    return found


# Logging in ################################################################################


@contextmanager
def token_session(module_path: str, token_label: str, pin: str) -> Iterator[Session]:
    """A session logged in with `pin`, closed on leaving; a refused PIN or a missing token is our error."""
    import pkcs11
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import open_pkcs11_session

    _load_module(module_path)
    try:
        session = open_pkcs11_session(module_path, token_criteria=TokenCriteria(label=token_label), user_pin=pin)
    except pkcs11.PinLocked as error:
        raise TokenPinError(
            QT_TRANSLATE_NOOP("Security", "The token {token} is locked after too many wrong PINs."), token=token_label
        ) from error
    except (pkcs11.PinIncorrect, pkcs11.PinInvalid, pkcs11.PinLenRange) as error:
        raise TokenPinError(
            QT_TRANSLATE_NOOP("Security", "Wrong PIN for the token {token}."), token=token_label
        ) from error
    except pkcs11.PKCS11Error as error:
        # pyHanko's own "no token matching" error derives from pkcs11's error too.
        raise TokenError(
            QT_TRANSLATE_NOOP("Security", "The token {token} is not plugged in or cannot be opened."),
            token=token_label,
        ) from error
    try:
        yield session
    finally:
        session.close()


def _load_module(module_path: str) -> _pkcs11.lib:
    import pkcs11

    try:
        return pkcs11.lib(module_path)
    except (OSError, RuntimeError) as error:
        raise _driver_error(module_path) from error


def _driver_error(module_path: str) -> TokenError:
    return TokenError(
        QT_TRANSLATE_NOOP("Security", "The token driver {module} cannot be loaded."), module=Path(module_path).name
    )


def _text(value: object) -> str:
    # python-pkcs11 gives token fields as str or as space-padded bytes depending on the field.
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return str(value).strip()


def _attribute_text(item: object, attribute: object) -> str:
    try:
        return _text(item[attribute])  # type: ignore[index]
    except (KeyError, LookupError, AttributeError, TypeError):
        return ""


def _attribute_bytes(item: object, attribute: object) -> bytes:
    try:
        return bytes(item[attribute])  # type: ignore[index]
    except (KeyError, LookupError, AttributeError, TypeError):
        return b""
