"""Checking a signed report: is it signed, unchanged since, and by someone we trust.

Verification is offline: no revocation lookups, trust comes only from the certificates the caller
passes (the device's own certificate, the hub CA).

"Unchanged" is strict. A signed report may later receive only validation data that leaves every
signed byte and what a reader shows as it was: a document security store (DSS) and document
timestamps, what pyHanko's difference analysis classes as LTA updates. Anything else appended after
the signature counts as a change: a new field whose appearance covers part of a page, a second
signature (reported with its signer's name), an edited title or XMP metadata, a freed object.
Reports are certified with "no changes allowed" (signing.py), so a conforming reader says so too.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from asn1crypto import cms
from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader
from pyhanko.sign.diff_analysis import (
    CatalogModificationRule,
    DiffResult,
    DocInfoRule,
    DSSCompareRule,
    FormUpdatingRule,
    ModificationLevel,
    ObjectStreamRule,
    ReferenceUpdate,
    SigFieldCreationRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
    XrefStreamRule,
)
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from desktop.textnorm import nfc

# pyHanko logs an untrusted or altered signature as a warning with a traceback. Here that is a result
# shown to the user, not a fault of the app, and it must not fill the profile's logs.
for _noisy in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class PdfVerification:
    """What a person checking a report needs: is it signed, unchanged, by someone we trust."""

    signed: bool
    intact: bool  # the signed bytes hash to the signed digest and the signature value verifies
    covers_whole_file: bool  # nothing was added after signing but validation data (DSS, document timestamps)
    trusted: bool  # the signer's certificate chains to one of the trusted certificates
    signer_name: str = ""
    signed_at: dt.datetime | None = None
    reason: str = ""
    problems: tuple[str, ...] = ()
    later_signers: tuple[str, ...] = ()  # names in the certificates of signatures added after the first, in order

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.covers_whole_file and self.trusted


# The most a revision after the signature may do: add validation data (DSS, document timestamps).
ALLOWED_LATER_CHANGES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
# What pyHanko itself writes into /Info when it appends a timestamp or a DSS; nothing else may change there.
INFO_KEYS_UPDATED_BY_LTA = frozenset({"/ModDate", "/Producer"})


class _InfoDatesRule(DocInfoRule):
    """pyHanko's rule approves any new /Info; here only its modification date and producer may change,
    so a new title (which readers show in their title bar) is a change to the document."""

    def apply(self, old: HistoricalResolver, new: HistoricalResolver) -> Iterable[ReferenceUpdate]:
        if _info_changes(old, new) <= INFO_KEYS_UPDATED_BY_LTA:
            yield from super().apply(old, new)


def _info_changes(old: HistoricalResolver, new: HistoricalResolver) -> set[str]:
    def entries(resolver: HistoricalResolver) -> dict[str, object]:
        reference = resolver.trailer_view.get_value_as_reference("/Info", optional=True)
        # Through the resolver: get_object() would read the newest revision's copy.
        info = resolver(reference) if reference is not None else None
        if not isinstance(info, generic.DictionaryObject):
            return {}
        return {str(key): info[key] for key in info}

    before, after = entries(old), entries(new)
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


# pyHanko's default policy, less the approval of XMP metadata updates (a new or changed metadata stream
# is a change: readers may show its title) and with the stricter /Info rule above. Form filling,
# other fields and annotations are left unapproved at LTA level anyway; they are ruled out by the level.
STRICT_DIFF_POLICY = StandardDiffPolicy(
    global_rules=[
        CatalogModificationRule(),
        _InfoDatesRule().as_qualified(ModificationLevel.LTA_UPDATES),
        XrefStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        ObjectStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        DSSCompareRule().as_qualified(ModificationLevel.LTA_UPDATES),
    ],
    form_rule=FormUpdatingRule(field_rules=[SigFieldCreationRule(), SigFieldModificationRule()]),
)


def verify_pdf(data: bytes, *, trusted: Sequence[x509.Certificate]) -> PdfVerification:
    """Check the report's first signature (the one the app adds); a later one is a change, named in
    `later_signers`.

    Never raises for a damaged or hostile file: whatever cannot be read is reported as a problem.
    """
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_regular_signatures
    except Exception:  # noqa: BLE001 - a file that does not parse is an answer, not a crash
        # Without a parse we cannot tell; the raw marker at least says it was meant to be signed.
        return PdfVerification(
            signed=b"/ByteRange" in data, intact=False, covers_whole_file=False, trusted=False, problems=("unreadable",)
        )
    if not signatures:
        return PdfVerification(
            signed=False, intact=False, covers_whole_file=False, trusted=False, problems=("not_signed",)
        )
    embedded, later = signatures[0], signatures[1:]
    reason = _reason(embedded.sig_object)
    context = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted],
        allow_fetching=False,
        revocation_mode="soft-fail",  # offline by design: no CRL or OCSP to be had
    )
    try:
        status = validate_pdf_signature(embedded, context, diff_policy=STRICT_DIFF_POLICY)
    except Exception:  # noqa: BLE001 - e.g. a CMS blob whose bytes were flipped no longer parses
        return PdfVerification(
            signed=True, intact=False, covers_whole_file=False, trusted=False, reason=reason, problems=("unreadable",)
        )

    problems: list[str] = []
    intact = bool(status.intact and status.valid)
    if not status.intact:
        problems.append("digest_mismatch")
    elif not status.valid:
        problems.append("bad_signature")
    if not _container_untouched(embedded, status.signing_cert, trusted):
        intact = False
        problems.append("signature_container_altered")
    later_signers = tuple(_signer_name(signature) for signature in later)
    covers = _only_validation_data_since(status.coverage, status.diff_result, status.docmdp_ok, reader)
    if later_signers:
        covers = False  # pyHanko's analysis says so already; a second signature must never pass as unchanged
        problems.append("later_signature")
    if not covers:
        problems.append("modified_after_signing")
    is_trusted = bool(intact and status.trusted)
    if intact and not status.trusted:
        # pyHanko checks the chain only for an intact signature, so "untrusted" is said only then.
        problems.append("untrusted")
    return PdfVerification(
        signed=True,
        intact=intact,
        covers_whole_file=covers,
        trusted=is_trusted,
        signer_name=_common_name(status.signing_cert),
        # PAdES forbids the CMS signing-time attribute; pyHanko falls back to the dictionary's /M.
        signed_at=status.signer_reported_dt,
        reason=reason,
        problems=tuple(problems),
        later_signers=later_signers,
    )


def _only_validation_data_since(
    coverage: SignatureCoverageLevel | None, diff: object, docmdp_ok: bool | None, reader: PdfFileReader
) -> bool:
    """The signature covers the whole file, or every later revision only adds a DSS or timestamps."""
    if reader.xrefs.hybrid_xrefs_present:
        # Readers that ignore the XRefStm see another document than those that follow it.
        return False
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    return (
        coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and isinstance(diff, DiffResult)  # otherwise the analysis found a suspicious modification
        and diff.modification_level in ALLOWED_LATER_CHANGES
        and docmdp_ok is not False
    )


def _signer_name(signature: EmbeddedPdfSignature) -> str:
    try:
        return _common_name(signature.signer_cert) or "?"
    except Exception:  # noqa: BLE001 - a later signature that cannot be read is still a later signature
        return "?"


def _reason(sig_object: generic.DictionaryObject) -> str:
    try:
        return str(sig_object.get("/Reason") or "")
    except Exception:  # noqa: BLE001 - an unreadable reason is just no reason
        return ""


def _common_name(certificate: asn1_x509.Certificate | None) -> str:
    if certificate is None:
        return ""
    return nfc(str(certificate.subject.native.get("common_name", "")).strip())


def _container_untouched(
    embedded: EmbeddedPdfSignature, signing_cert: asn1_x509.Certificate | None, trusted: Sequence[x509.Certificate]
) -> bool:
    """The parts of the /Contents blob that no signature covers are still as a signer writes them.

    The digest covers the rest of the file and the signature covers the signed attributes; the CMS
    envelope around them (versions, algorithm lists, the certificates, the zero padding) is covered
    by nothing, and a parser ignores much of it. A byte changed there alters no content, but a file
    that differs from what was signed should not pass as untouched, so each part is checked against
    what it must be.
    """
    try:
        signed_data, signer_info = embedded.signed_data, embedded.signer_info
        # RFC 5652 5.3: a signer named by issuer and serial is a v1 SignerInfo, by key identifier v3.
        sid_version = {"issuer_and_serial_number": "v1", "subject_key_identifier": "v3"}
        return (
            _padding_untouched(embedded.pkcs7_content)
            and signed_data["version"].native in ("v1", "v3")
            and signer_info["version"].native == sid_version.get(signer_info["sid"].name)
            and signer_info["digest_algorithm"].dump() in [a.dump() for a in signed_data["digest_algorithms"]]
            and signed_data["encap_content_info"].native == {"content_type": "data", "content": None}
            and _certificates_untouched(signed_data, signing_cert, trusted)
        )
    except (ValueError, TypeError, KeyError):
        return False


def _certificates_untouched(
    signed_data: cms.SignedData, signing_cert: asn1_x509.Certificate | None, trusted: Sequence[x509.Certificate]
) -> bool:
    """The signer's certificate is embedded as signed (its hash is a signed attribute, but the
    validator may have taken the copy from `trusted`), and every other one still verifies under an
    issuer at hand. A certificate whose issuer is nowhere to be found cannot be checked and passes."""
    embedded = [choice.chosen.dump() for choice in signed_data["certificates"] if choice.name == "certificate"]
    if signing_cert is None or signing_cert.dump() not in embedded:
        return False
    parsed = [x509.load_der_x509_certificate(der) for der in embedded]
    issuers = [*parsed, *trusted]
    for certificate in parsed:
        candidates = [issuer for issuer in issuers if issuer.subject == certificate.issuer]
        if candidates and not any(_issued_by(certificate, issuer) for issuer in candidates):
            return False
    return True


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _padding_untouched(contents: bytes) -> bool:
    _class, _method, _tag, header, body, trailer = asn1_parser.parse(contents, strict=False)
    return not any(contents[len(header) + len(body) + len(trailer) :])
