"""PAdES signatures on the app's PDF reports.

A report is signed with the device key (the identity in device.py) or with a key on a PKCS#11 token
(a USB token from a Vietnamese CA, or SoftHSM in tests). The signature is PAdES baseline B
(ETSI.CAdES.detached, SHA-256), added as an incremental update so the report's own bytes stay as
they were, with a visible stamp in Vietnamese that says who signed, when and why.

It is a certifying signature that allows no changes (DocMDP, permission 1): a conforming reader flags
any later edit, a filled-in field or a second signature alike, and verification.py says the same. A
report is therefore signed once; signing a signed file again is refused.
"""

from __future__ import annotations

import datetime as dt
import io

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import LayoutError
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_signer import PdfSigningSession

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.security.pdf.errors import PdfSigningError
from desktop.security.pdf.signers import PdfSignerSpec, cms_signer
from desktop.security.pdf.stamp import VIETNAM, StampBox, default_box, stamp_style, stamp_text
from desktop.textnorm import nfc

FIELD_NAME = "Sig1"


def sign_pdf(
    data: bytes,
    signer: PdfSignerSpec,
    *,
    reason: str,
    location: str,
    signer_name: str,
    box: StampBox | None = None,
    when: dt.datetime | None = None,
) -> bytes:
    """The PDF with a PAdES signature and a visible stamp added as an incremental update.

    `when` defaults to now; a naive value is taken as this computer's local time. The stamp shows it
    in Vietnam time, and the same instant is the signature's /M (PAdES keeps signing time out of the
    CMS attributes).
    """
    signer_name, reason, location = (nfc(text.strip()) for text in (signer_name, reason, location))
    moment = (when or dt.datetime.now(VIETNAM)).astimezone(VIETNAM).replace(microsecond=0)
    writer = _open_for_update(data)
    page, *rect = box if box is not None else default_box(writer)
    x1, y1, x2, y2 = rect
    stamp = stamp_text(signer_name=signer_name, moment=moment, reason=reason, width=abs(x2 - x1), height=abs(y2 - y1))
    field_name = FIELD_NAME
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        name=signer_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        certify=True,
        docmdp_permissions=MDPPerm.NO_CHANGES,
    )
    with cms_signer(signer) as cms:
        pdf_signer = _TimedPdfSigner(
            meta,
            cms,
            system_time=moment,
            stamp_style=stamp_style(stamp),
            # pyHanko writes the box as reals; its annotation says int only.
            new_field_spec=fields.SigFieldSpec(field_name, on_page=page, box=(x1, y1, x2, y2)),  # type: ignore[arg-type]
        )
        try:
            # The whole text goes in as a parameter: pyHanko %-formats the template, and a "%" in a
            # reason must not be read as a placeholder.
            output = pdf_signer.sign_pdf(writer, appearance_text_params={"text": stamp.text})
        except (SigningError, PdfError, LayoutError) as error:
            raise PdfSigningError(
                QT_TRANSLATE_NOOP("Security", "The report could not be signed: {detail}"), detail=str(error)
            ) from error
    return bytes(output.getbuffer())


class _TimedPdfSigner(signers.PdfSigner):
    """pyHanko takes the signing time from the clock; the stamp and /M must show the caller's `when`."""

    def __init__(self, *args: object, system_time: dt.datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._system_time = system_time

    def init_signing_session(self, pdf_out: BasePdfFileWriter, existing_fields_only: bool = False) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._system_time
        return session


def _open_for_update(data: bytes) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        if writer.prev.xrefs.hybrid_xrefs_present:
            # pyHanko refuses to sign hybrid-reference files in strict mode, because readers that
            # ignore the XRefStm see a different document; ours come from reportlab and never are.
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as error:  # any parse failure means the same thing to the user
        raise PdfSigningError(QT_TRANSLATE_NOOP("Security", "This file is not a readable PDF.")) from error
    if any(True for _field in fields.enumerate_sig_fields(writer.prev)):
        # A certifying signature must be the first, and ours allows nothing after it.
        raise PdfSigningError(
            QT_TRANSLATE_NOOP(
                "Security", "This PDF has a signature or a signature field already; a report is signed only once."
            )
        )
    return writer
