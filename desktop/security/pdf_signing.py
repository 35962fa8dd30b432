"""PAdES signatures on the app's PDF reports, and checking them.

A report is signed with the device key (the identity in device.py) or with a key on a PKCS#11 token
(a USB token from a Vietnamese CA, or SoftHSM in tests). The signature is PAdES baseline B
(ETSI.CAdES.detached, SHA-256), added as an incremental update so the report's own bytes stay as
they were, with a visible stamp in Vietnamese that says who signed, when and why.

Verification is offline: no revocation lookups, trust comes only from the certificates the caller
passes (the device's own certificate, the hub CA).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import cms
from asn1crypto import keys as asn1_keys
from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic, layout
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import LayoutError
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.errors import SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import resource
from desktop.security import device

if TYPE_CHECKING:
    from pkcs11 import Session, _pkcs11

    from desktop.security.secrets import SecretStore

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
# pyHanko logs an untrusted or altered signature as a warning with a traceback. Here that is a result
# shown to the user, not a fault of the app, and it must not fill the profile's logs.
for _noisy in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)
FIELD_PREFIX = "Sig"  # Sig1 for the first signature, Sig2 for a second signer, ...
MM = 72 / 25.4
STAMP_WIDTH = 70 * MM
STAMP_HEIGHT = 28 * MM
# Decree 30/2020 pages keep 15-20 mm on the right and 20-25 mm at the bottom, where the footer sits.
STAMP_RIGHT_MARGIN = 20 * MM
STAMP_BOTTOM = 25 * MM
STAMP_PADDING = 4  # points between the border and the text
STAMP_FONT_SIZES = (9, 8, 7, 6)  # largest first; pyHanko takes whole points only
LINE_SPACING = 1.25
A4 = (0.0, 0.0, 595.28, 841.89)
FONT_FILES = ("LiberationSerif-Regular.ttf", "BeVietnamPro-Regular.ttf")  # preferred first
PDF_UNITS_PER_EM = 1000

# (page index, x1, y1, x2, y2) in PDF points; a negative index counts from the last page.
StampBox = tuple[int, float, float, float, float]


class PdfSigningError(SotayError):
    """The report could not be signed; nothing was written."""


class TokenError(PdfSigningError):
    """The PKCS#11 token, its driver or the chosen key cannot be used."""


class TokenPinError(TokenError):
    """The token refused the PIN (wrong, or locked after too many tries)."""


# Who signs ##################################################################################


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


# Signing ####################################################################################


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
    signer_name, reason, location = (_nfc(text) for text in (signer_name, reason, location))
    moment = (when or dt.datetime.now(VIETNAM)).astimezone(VIETNAM).replace(microsecond=0)
    writer = _open_for_update(data)
    page, *rect = box if box is not None else _default_box(writer)
    x1, y1, x2, y2 = rect
    font_file = stamp_font()
    time_line = f"Thời gian: {moment:%d/%m/%Y %H:%M} (giờ Việt Nam, UTC+7)"
    text, font_size = _layout_stamp(
        font_file,
        [f"Ký số bởi: {signer_name}", time_line, f"Lý do: {reason}"],
        keep_whole=time_line,
        width=abs(x2 - x1) - 2 * STAMP_PADDING,
        height=abs(y2 - y1) - 2 * STAMP_PADDING,
    )
    field_name = _free_field_name(writer)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        name=signer_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    with _cms_signer(signer) as cms_signer:
        pdf_signer = _TimedPdfSigner(
            meta,
            cms_signer,
            system_time=moment,
            stamp_style=_stamp_style(font_file, font_size, text),
            # pyHanko writes the box as reals; its annotation says int only.
            new_field_spec=fields.SigFieldSpec(field_name, on_page=page, box=(x1, y1, x2, y2)),  # type: ignore[arg-type]
        )
        try:
            # The whole text goes in as a parameter: pyHanko %-formats the template, and a "%" in a
            # reason must not be read as a placeholder.
            output = pdf_signer.sign_pdf(writer, appearance_text_params={"text": text})
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


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _open_for_update(data: bytes) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        if writer.prev.xrefs.hybrid_xrefs_present:
            # pyHanko refuses to sign hybrid-reference files in strict mode, because readers that
            # ignore the XRefStm see a different document; ours come from reportlab and never are.
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as error:  # noqa: BLE001 - any parse failure means the same thing to the user
        raise PdfSigningError(QT_TRANSLATE_NOOP("Security", "This file is not a readable PDF.")) from error
    return writer


def _default_box(writer: IncrementalPdfFileWriter) -> StampBox:
    """Bottom right of the last page, above the footer."""
    page_ref, _resources = writer.find_page_for_modification(-1)
    _x_min, y_min, x_max, _y_max = _media_box(page_ref.get_object())
    right, bottom = x_max - STAMP_RIGHT_MARGIN, y_min + STAMP_BOTTOM
    return (-1, right - STAMP_WIDTH, bottom, right, bottom + STAMP_HEIGHT)


def _media_box(page: generic.DictionaryObject) -> tuple[float, float, float, float]:
    node: generic.PdfObject | None = page
    while isinstance(node, generic.DictionaryObject):
        if "/MediaBox" in node:
            x1, y1, x2, y2 = (float(value) for value in node["/MediaBox"])  # type: ignore[attr-defined]
            return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return A4  # a page tree without a MediaBox is broken; A4 is what every report uses


def _free_field_name(writer: IncrementalPdfFileWriter) -> str:
    """Sig1, or the next free SigN when the report was signed before (a second signer)."""
    taken = {name for name, _value, _ref in fields.enumerate_sig_fields(writer.prev)}
    number = 1
    while f"{FIELD_PREFIX}{number}" in taken:
        number += 1
    return f"{FIELD_PREFIX}{number}"


# The stamp ##################################################################################


def stamp_font() -> Path:
    for name in FONT_FILES:
        path = resource("fonts", name)
        if path.exists():
            return path
    raise PdfSigningError(
        QT_TRANSLATE_NOOP("Security", "The font for the signature stamp is missing ({file})."), file=FONT_FILES[-1]
    )


@dataclass(frozen=True)
class _FontFromMemory(FontEngineFactory):
    """GlyphAccumulatorFactory, but for a font program held in memory (see `_font_program`)."""

    program: bytes = field(repr=False)
    font_size: int = 10

    def create_font_engine(self, writer: BasePdfFileWriter, obj_stream: object = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer, font_handle=io.BytesIO(self.program), font_size=self.font_size, obj_stream=obj_stream
        )


def _font_program(font_file: Path, text: str) -> bytes:
    """The font as pyHanko can embed it: with 1000 units per em.

    pyHanko 0.38 writes glyph widths (/W) and kerning (TJ) in the font's own units, which PDF reads
    as thousandths of an em; Liberation Serif has 2048 units per em, so its letters would stand
    twice their width apart and the text would run out of the stamp. Rescaling the whole font takes
    over a second, so only the glyphs of this stamp's text are kept and rescaled (about 0.15 s);
    hinting goes too, as its instructions are in the old units.
    """
    if _font_metrics(font_file)[1] == PDF_UNITS_PER_EM:
        return _read_font(font_file)
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    options = subset.Options()
    options.layout_features = ["*"]  # HarfBuzz still shapes with the font's own kerning and marks
    options.hinting = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    with TTFont(io.BytesIO(_read_font(font_file))) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        scale_upem(font, PDF_UNITS_PER_EM)
        output = io.BytesIO()
        font.save(output)
        return output.getvalue()


@functools.lru_cache(maxsize=2)
def _read_font(font_file: Path) -> bytes:
    return font_file.read_bytes()


def _stamp_style(font_file: Path, font_size: int, text: str) -> TextStampStyle:
    flush_left = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN,
        y_align=layout.AxisAlignment.ALIGN_MID,
        # pyHanko's text box starts a full leading below its top but ends on the last baseline, so
        # centred text sits low; a deeper bottom margin lifts it back to the optical middle.
        margins=layout.Margins(STAMP_PADDING, STAMP_PADDING, STAMP_PADDING, STAMP_PADDING + font_size),
    )
    return TextStampStyle(
        border_width=1,
        stamp_text="%(text)s",
        text_box_style=TextBoxStyle(
            font=_FontFromMemory(_font_program(font_file, text), font_size=font_size),
            font_size=font_size,
            leading=round(font_size * LINE_SPACING),
            box_layout_rule=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MAX
            ),
        ),
        inner_content_layout=flush_left,
    )


def _layout_stamp(
    font_file: Path, lines: list[str], *, keep_whole: str, width: float, height: float
) -> tuple[str, int]:
    """The largest font size at which the word-wrapped lines fit the box, `keep_whole` unbroken.

    pyHanko neither wraps nor picks a size; it only shrinks an oversized block, which would make a
    long reason unreadably small. If even the smallest size overflows, that shrinking still keeps
    the text inside the border.
    """
    wrapped: list[str] = []
    for size in STAMP_FONT_SIZES:
        wrapped = [part for line in lines for part in _wrap(font_file, line, size, width)]
        fits_across = all(_text_width(font_file, line, size) <= width for line in wrapped)
        fits_down = len(wrapped) * round(size * LINE_SPACING) + size <= height  # + the lifting margin
        if fits_across and fits_down and keep_whole in wrapped:
            return "\n".join(wrapped), size
    return "\n".join(wrapped), STAMP_FONT_SIZES[-1]


def _wrap(font_file: Path, line: str, size: int, width: float) -> list[str]:
    result: list[str] = []
    current = ""
    for word in line.split():
        candidate = f"{current} {word}" if current else word
        if current and _text_width(font_file, candidate, size) > width:
            result.append(current)
            current = word
        else:
            current = candidate
    result.append(current)
    return result


def _text_width(font_file: Path, text: str, size: int) -> float:
    advances, units_per_em = _font_metrics(font_file)
    return sum(advances.get(ord(char), units_per_em // 2) for char in text) * size / units_per_em


@functools.lru_cache(maxsize=4)
def _font_metrics(font_file: Path) -> tuple[dict[int, int], int]:
    """Advance widths by code point: enough to wrap, without shaping (kerning is a few per cent)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font_file), lazy=True) as font:
        metrics = font["hmtx"].metrics
        advances = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
        return advances, int(font["head"].unitsPerEm)


# Signer back ends ###########################################################################


@contextmanager
def _cms_signer(spec: PdfSignerSpec) -> Iterator[signers.Signer]:
    if isinstance(spec, DeviceSigner):
        yield _simple_signer(spec)
        return
    import pkcs11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    with _token_session(spec.module_path, spec.token_label, spec.pin) as session:
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


# PKCS#11 tokens #############################################################################


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
    with _token_session(module_path, token_label, pin) as session:
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


@contextmanager
def _token_session(module_path: str, token_label: str, pin: str) -> Iterator[Session]:
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


# Verifying ##################################################################################


@dataclass(frozen=True, slots=True)
class PdfVerification:
    """What a person checking a report needs: is it signed, unchanged, by someone we trust."""

    signed: bool
    intact: bool  # the signed bytes hash to the signed digest and the signature value verifies
    covers_whole_file: bool  # nothing was changed after signing, apart from further signatures
    trusted: bool  # the signer's certificate chains to one of the trusted certificates
    signer_name: str = ""
    signed_at: dt.datetime | None = None
    reason: str = ""
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.covers_whole_file and self.trusted


# Changes a later signer may make: a document timestamp, the DSS, another signature in its field.
ALLOWED_LATER_CHANGES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)


def verify_pdf(data: bytes, *, trusted: Sequence[x509.Certificate]) -> PdfVerification:
    """Check the report's first signature (the one the app adds; later ones count as changes).

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
    embedded = signatures[0]
    reason = _reason(embedded.sig_object)
    context = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted],
        allow_fetching=False,
        revocation_mode="soft-fail",  # offline by design: no CRL or OCSP to be had
    )
    try:
        status = validate_pdf_signature(embedded, context)
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
    covers = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and status.modification_level in ALLOWED_LATER_CHANGES
        and status.docmdp_ok is not False
    )
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
    )


def _reason(sig_object: generic.DictionaryObject) -> str:
    try:
        return str(sig_object.get("/Reason") or "")
    except Exception:  # noqa: BLE001 - an unreadable reason is just no reason
        return ""


def _common_name(certificate: asn1_x509.Certificate | None) -> str:
    if certificate is None:
        return ""
    return _nfc(str(certificate.subject.native.get("common_name", "")))


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
