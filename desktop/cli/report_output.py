"""What every `sotay report` command shares: where the files go (--out, --xlsx), whether and with what the
PDF is signed (the device key, or a USB token with its PIN from a file, SOTAY_TOKEN_PIN or asked for, never
stored), and writing them."""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import console
from desktop.errors import AccessError
from desktop.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.reports.model import ReportDocument
    from desktop.security.pdf.signers import PdfSignerSpec
    from desktop.services.profile.handle import Profile

PIN_VARIABLE = "SOTAY_TOKEN_PIN"


def output_options(parser: argparse.ArgumentParser, *, xlsx: bool = True) -> None:
    write_pdf = console.text(QT_TRANSLATE_NOOP("Cli", "Write the PDF here."))
    parser.add_argument("--out", metavar="F.pdf", required=not xlsx, help=write_pdf)
    if xlsx:
        parser.add_argument(
            "--xlsx", metavar="F.xlsx", help=console.text(QT_TRANSLATE_NOOP("Cli", "Write the tables as XLSX here."))
        )
    parser.add_argument(
        "--unsigned", action="store_true", help=console.text(QT_TRANSLATE_NOOP("Cli", "Do not sign the PDF."))
    )
    _token_options(parser)


def _token_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(console.text(QT_TRANSLATE_NOOP("Cli", "signing with a USB token (PKCS#11)")))
    group.add_argument(
        "--token-module",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The token's PKCS#11 driver (.so or .dll).")),
    )
    group.add_argument("--token", metavar="LABEL", help=console.text(QT_TRANSLATE_NOOP("Cli", "The token's label.")))
    group.add_argument(
        "--cert-label", metavar="LABEL", help=console.text(QT_TRANSLATE_NOOP("Cli", "The certificate's label."))
    )
    group.add_argument(
        "--pin-file",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Read the token's PIN from this file (else SOTAY_TOKEN_PIN, else asked).")
        ),
    )


def require_output(args: argparse.Namespace) -> None:
    """Refuse a report with nowhere to go, or going where no file can be, before anything is made or saved."""
    if not args.out and not args.xlsx:
        raise AccessError(
            QT_TRANSLATE_NOOP("Cli", "Say where to write the report: --out F.pdf, --xlsx F.xlsx or both.")
        )
    _targets(args)


def write(args: argparse.Namespace, profile: Profile, doc: ReportDocument, *, subject: str) -> None:
    """Export the PDF (signed unless --unsigned) and the XLSX asked for, and print where each went."""
    from desktop.services.documents import export as report_export

    pdf, xlsx = _targets(args)  # both checked before either is written
    if pdf is not None:
        signer, holder = (None, "") if args.unsigned else _token_signer(args)
        with _disk_full_named(pdf):
            written = report_export.export_pdf(
                profile,
                doc,
                pdf,
                signed=not args.unsigned,
                signer=signer,
                signer_name=holder,
                subject=subject,
            )
        console.say(str(written.path))
    if xlsx is not None:
        with _disk_full_named(xlsx):
            console.say(str(report_export.export_xlsx(profile, doc, xlsx, subject=subject).path))


def _targets(args: argparse.Namespace) -> tuple[Path | None, Path | None]:
    return (
        _target(args.out, ".pdf") if args.out else None,
        _target(args.xlsx, ".xlsx") if getattr(args, "xlsx", None) else None,
    )


def _target(path: str, suffix: str) -> Path:
    """Where a file may be written: a new or existing file in an existing folder, never a folder itself."""
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise AccessError(
            QT_TRANSLATE_NOOP("Cli", "{path} is a folder; give a file name in it, e.g. {example}."),
            path=target,
            example=target / f"bao-cao{suffix}",
        )
    if not target.parent.is_dir():
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "{home} is not a folder."), home=target.parent)
    return target


@contextmanager
def _disk_full_named(target: Path) -> Iterator[None]:
    """A full disk is told as such, naming the folder the report was going to."""
    try:
        yield
    except OSError as error:
        if console.disk_full(error):
            raise console.disk_full_error(target.parent) from error
        raise


def _token_signer(args: argparse.Namespace) -> tuple[PdfSignerSpec | None, str]:
    """The token's key and the name of its certificate's holder; (None, "") for the device key."""
    if not args.token_module:
        return None, ""
    from desktop.services.documents import signing

    if not (args.token and args.cert_label):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "With --token-module, give --token and --cert-label too."))
    chosen = signing.token_signer_by_label(args.token_module, args.token, args.cert_label, _pin(args))
    return chosen.signer, chosen.signer_name


def _pin(args: argparse.Namespace) -> str:
    if args.pin_file:
        try:
            return Path(args.pin_file).expanduser().read_text(encoding="utf-8").strip()
        except OSError:
            raise AccessError(QT_TRANSLATE_NOOP("Cli", "Cannot read {path}."), path=args.pin_file) from None
    if os.environ.get(PIN_VARIABLE):
        return os.environ[PIN_VARIABLE]
    return getpass.getpass(console.text(QT_TRANSLATE_NOOP("Cli", "Token PIN: ")))
