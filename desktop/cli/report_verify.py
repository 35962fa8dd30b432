"""`sotay report verify F.pdf`: who signed a report, when, whether it changed since, and whether this profile
trusts the certificate (its device certificate, the hub CA, or one given with --trust). Exit code 3 when the
report is unsigned, changed or signed by someone not trusted."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import console
from desktop.errors import AccessError, SotayError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from cryptography import x509

    from desktop.cli.console import Subparsers
    from desktop.security.pdf.verification import PdfVerification


class ReportInvalidError(SotayError):
    """The report did not verify; its lines were printed already."""

    exit_code = 3


def add_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Check a signed report: who signed it, when, and whether it changed.")
    )
    verify = actions.add_parser("verify", help=about, description=about)
    verify.add_argument("file", metavar="F.pdf", help=console.text(QT_TRANSLATE_NOOP("Cli", "The PDF to check.")))
    verify.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="CERT.pem",
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Also trust this certificate (e.g. the CA of a USB token); may be repeated.")
        ),
    )
    verify.set_defaults(run=run_verify)


def run_verify(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import export as report_export

    source = Path(args.file).expanduser()
    try:
        data = source.read_bytes()
    except OSError:
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "Cannot read {path}."), path=source) from None
    trusted = report_export.trusted_certificates(paths.home) + [_certificate(Path(p)) for p in args.trust]
    found = report_export.verify_pdf(data, trusted=trusted)
    for line in verification_lines(found):
        console.say(line)
    if not found.ok:
        raise ReportInvalidError(QT_TRANSLATE_NOOP("Cli", "The report is not valid for this profile."))
    return console.EXIT_OK


def verification_lines(found: PdfVerification) -> list[str]:
    """What `report verify` prints, in the user's language."""
    if not found.signed:
        return [console.text(QT_TRANSLATE_NOOP("Cli", "The file carries no signature."))]
    yes, no = console.text(QT_TRANSLATE_NOOP("Cli", "yes")), console.text(QT_TRANSLATE_NOOP("Cli", "no"))
    from desktop.security.pdf.stamp import VIETNAM

    # In Vietnam time whatever the computer's zone, as on the stamp.
    when = f"{found.signed_at.astimezone(VIETNAM):%d/%m/%Y %H:%M:%S} (UTC+7)" if found.signed_at else "?"
    unchanged = found.intact and found.covers_whole_file
    lines = [
        console.text(QT_TRANSLATE_NOOP("Cli", "Signed by: {name}"), name=found.signer_name or "?"),
        console.text(QT_TRANSLATE_NOOP("Cli", "Signed at: {when}"), when=when),
        console.text(QT_TRANSLATE_NOOP("Cli", "Unchanged since signing: {answer}"), answer=yes if unchanged else no),
        console.text(
            QT_TRANSLATE_NOOP("Cli", "Certificate trusted by this profile: {answer}"),
            answer=yes if found.trusted else no,
        ),
    ]
    lines += [
        console.text(QT_TRANSLATE_NOOP("Cli", "Signed again afterwards by: {name}"), name=name)
        for name in found.later_signers
    ]
    if "unreadable" in found.problems:
        lines.append(
            console.text(QT_TRANSLATE_NOOP("Cli", "The signature cannot be read: the file is damaged or was altered."))
        )
    elif not unchanged:
        lines.append(
            console.text(
                QT_TRANSLATE_NOOP("Cli", "The report was changed after it was signed: do not rely on this copy.")
            )
        )
    return lines


def _certificate(path: Path) -> x509.Certificate:
    from cryptography import x509 as x509_module

    try:
        return x509_module.load_pem_x509_certificate(path.expanduser().read_bytes())
    except (OSError, ValueError):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "{path} is not a PEM certificate."), path=path) from None
