"""Reports as files: render a document, sign it (device key or USB token), write it, record the export.

An export takes the document's number (numbering.assign): a preview only shows the number it would get,
an export keeps it, and every later export of the same document prints the same number.

Each export is an audit event (table "report_exports", record = the document id) holding the kind,
the period or record, the SHA-256 of the content and whether it was signed: a paper copy's QR code
can be checked against it. Verification trusts the device's own certificate and the hub CA known to
this profile.

A signed PDF saved from the Reports page is a `CancellableExport`: written next to the target under a
hidden name and renamed to the target only when everything is done and the user did not cancel, so
a cancelled export leaves nothing behind, neither a file nor an export event.
"""

from __future__ import annotations

import os
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography import x509

from db.audit import append_event
from desktop.fileio import write_atomically
from desktop.reports.model import ReportDocument
from desktop.reports.pdf import render_pdf
from desktop.reports.xlsx import render_xlsx
from desktop.security import device
from desktop.security.pdf.signers import PdfSignerSpec, device_signer
from desktop.security.pdf.signing import sign_pdf
from desktop.security.pdf.verification import PdfVerification, verify_pdf
from desktop.services.documents import choices, numbering
from desktop.services.documents.choices import ReportChoice
from desktop.services.documents.signing import SignChoice
from desktop.services.profile import identity
from desktop.services.profile.handle import Profile

EXPORTS_TABLE = "report_exports"
SIGN_REASON = "Xác nhận nội dung báo cáo"


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    document_id: str
    content_sha256: str
    signed: bool
    pages: int  # 0 for an XLSX


def export_pdf(
    profile: Profile,
    doc: ReportDocument,
    out: Path,
    *,
    signed: bool = True,
    signer: PdfSignerSpec | None = None,
    signer_name: str = "",
    subject: str = "",
    record: bool = True,
) -> ExportResult:
    """Write `doc` as a PDF, signed by `signer` (the device key when None) unless `signed` is False.

    `signer_name` is the name on the stamp: the token certificate's holder; the user by default. A caller
    that writes to a staging file and may still discard it passes `record=False`, then calls
    `record_export` once the file is in place."""
    doc = numbering.assign(profile, doc)
    rendered = render_pdf(doc, reserve_signature_box=signed)
    data = rendered.data
    if signed:
        spec = signer or device_signer(profile.paths.home, identity.secret_store(profile))
        data = sign_pdf(
            data,
            spec,
            reason=SIGN_REASON,
            location=doc.header.place,
            signer_name=signer_name or profile.user.name,
            box=rendered.signature_box,
        )
    write_atomically(out, data)
    if record:
        record_export(profile, doc, fmt="pdf", signed=signed, subject=subject)
    return ExportResult(out, doc.document_id, doc.content_sha256, signed, rendered.pages)


def preview(doc: ReportDocument) -> bytes:
    """The PDF as it will look when signed, the stamp's box kept free; nothing is signed or written."""
    return render_pdf(doc, reserve_signature_box=True).data


def export_xlsx(profile: Profile, doc: ReportDocument, out: Path, *, subject: str = "") -> ExportResult:
    doc = numbering.assign(profile, doc)
    write_atomically(out, render_xlsx(doc))
    record_export(profile, doc, fmt="xlsx", signed=False, subject=subject)
    return ExportResult(out, doc.document_id, doc.content_sha256, False, 0)


def verify(profile: Profile, data: bytes) -> PdfVerification:
    """Is the PDF signed, unchanged, and by a certificate this profile trusts (its own, or the hub CA)?"""
    return verify_pdf(data, trusted=trusted_certificates(profile.paths.home))


def trusted_certificates(folder: Path) -> list[x509.Certificate]:
    found: list[x509.Certificate] = []
    for path in (device.cert_path(folder), device.ca_path(folder)):
        try:
            found.append(x509.load_pem_x509_certificate(path.read_bytes()))
        except (OSError, ValueError):
            continue  # no hub CA before enrollment; a damaged file trusts nothing
    return found


def record_export(profile: Profile, doc: ReportDocument, *, fmt: str, signed: bool, subject: str) -> None:
    """The audit event of an export: the document id, its kind, format, subject, SHA-256 and signature."""
    summary = {
        "kind": doc.kind,
        "format": fmt,
        "subject": subject,
        "number": doc.header.number,
        "sha256": doc.content_sha256,
        "signed": signed,
        "confidential": doc.confidential,
    }
    with profile.sessions.begin() as session:
        append_event(session, action="create", table=EXPORTS_TABLE, record_id=doc.document_id, summary=summary)


class CancellableExport:
    """A signed PDF export that the UI runs on the DB lane and may cancel until its file is in place, never after."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.staging = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
        self._lock = threading.Lock()
        self._cancelled = False
        self._committed = False

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def cancel(self) -> bool:
        """False when it is too late: the file was already written."""
        with self._lock:
            if self._committed:
                return False
            self._cancelled = True
            return True

    def commit(self) -> bool:
        """Move the finished file into place, unless cancelled meanwhile."""
        with self._lock:
            if self._cancelled:
                return False
            os.replace(self.staging, self.target)
            self._committed = True
            return True

    def run_pdf(self, profile: Profile, choice: ReportChoice, signing: SignChoice) -> ExportResult | None:
        """Build, sign and write the report; None when cancelled (nothing written, nothing recorded)."""
        if self.cancelled:
            return None
        # Numbered here, so the export event below records the number and digest the file carries.
        doc = numbering.assign(profile, choices.document(profile, choice))
        if self.cancelled:
            return None
        try:
            written = export_pdf(
                profile,
                doc,
                self.staging,
                signed=True,
                signer=signing.signer,
                signer_name=signing.signer_name,
                subject=choice.subject,
                record=False,  # a discarded file must leave no export in the change log
            )
            if not self.commit():
                return None
        finally:
            self.staging.unlink(missing_ok=True)
        record_export(profile, doc, fmt="pdf", signed=True, subject=choice.subject)
        return replace(written, path=self.target)
