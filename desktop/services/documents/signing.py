"""Choosing who signs a report: this computer's key, or a key on a USB token.

The Reports page's sign dialog and `sotay report` both choose a token through here: the drivers
found on this computer, the tokens a driver sees, the certificates on a token, and the signer made
of driver, token, certificate and PIN, with the certificate holder's name for the stamp. The PIN is
never stored: it lives in the `Pkcs11Signer` of one report and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.security.pdf.signers import Pkcs11Signer
from desktop.security.pdf.tokens import CertInfo, TokenInfo, installed_modules, list_certificates, list_tokens


@dataclass(frozen=True, slots=True)
class SignChoice:
    """Who signs: the device key (`signer` None) or a key on a token, with its certificate holder's name."""

    signer: Pkcs11Signer | None = None
    signer_name: str = ""  # the name on the stamp; "" = the user logged in
    token_label: str = ""

    @property
    def uses_device_key(self) -> bool:
        return self.signer is None


@dataclass(frozen=True, slots=True)
class TokenCertificate:
    """A certificate on a token as it is offered: an expired one is listed but cannot be chosen."""

    info: CertInfo
    expired: bool


def drivers() -> list[str]:
    """The known token drivers present on this computer, most likely first."""
    return installed_modules()


def tokens(module_path: str) -> list[TokenInfo]:
    """The tokens plugged in that the driver at `module_path` sees. Needs no PIN."""
    return list_tokens(module_path)


def certificates(module_path: str, token_label: str, pin: str) -> list[TokenCertificate]:
    """The certificates on the token that name a key, valid ones first; logs in with `pin`."""
    now = datetime.now(UTC)
    usable = [c for c in list_certificates(module_path, token_label, pin) if c.label or c.id]
    # sorted() keeps the token's order within the valid and within the expired ones.
    return sorted((TokenCertificate(c, c.not_after < now) for c in usable), key=lambda c: c.expired)


def token_signer(module_path: str, token_label: str, certificate: CertInfo, pin: str) -> SignChoice:
    """The key beside a listed certificate, found by its label or its ID, for one report."""
    signer = Pkcs11Signer(
        module_path, token_label, pin, cert_label=certificate.label or None, key_id=certificate.id or None
    )
    return SignChoice(signer, certificate.subject_cn, token_label)


def token_signer_by_label(module_path: str, token_label: str, cert_label: str, pin: str) -> SignChoice:
    """The key of the certificate labelled `cert_label`, for one report.

    The holder's name is read from the token, which logs in: a wrong PIN is refused here, before the
    report is built. A label not on the token leaves the name empty; signing then says it is missing.
    """
    holders = {c.label: c.subject_cn for c in list_certificates(module_path, token_label, pin)}
    signer = Pkcs11Signer(module_path, token_label, pin, cert_label=cert_label)
    return SignChoice(signer, holders.get(cert_label, ""), token_label)
