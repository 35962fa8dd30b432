"""Why a report could not be signed: the refusals of signing, of the stamp and of a USB token."""

from __future__ import annotations

from desktop.errors import SotayError


class PdfSigningError(SotayError):
    """The report could not be signed; nothing was written."""


class TokenError(PdfSigningError):
    """The PKCS#11 token, its driver or the chosen key cannot be used."""


class TokenPinError(TokenError):
    """The token refused the PIN (wrong, or locked after too many tries)."""
