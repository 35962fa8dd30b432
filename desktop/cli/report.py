"""`sotay report monthly|p0|family-dv|household|a0|case|campaign|verify`: the signed reports of
desktop.services.documents.export.

* ``monthly --month MM/YYYY --out F.pdf [--unsigned]`` (or 11-2026, 2026-11) writes the monthly report, signed with the
  device key (or a USB token with ``--token-module``, ``--token`` and ``--cert-label``; its PIN from
  SOTAY_TOKEN_PIN or --pin-file, else asked for, never stored); ``--xlsx F.xlsx`` writes its tables;
* ``family-dv --year YYYY`` writes the yearly report on families and domestic violence (Thông tư 07/2017);
* ``p0 --month MM/YYYY`` writes the month's P0/CTV slip (its population events, section by section), with the
  same options;
* ``household CODE``, ``campaign CODE --year YYYY`` and ``case ID`` write a household's card, a
  campaign's report and a support case's file (confidential, PDF only, for users who may read the
  case), with the same options;
* ``a0 CODE`` or ``a0 --village ID_OR_NAME`` writes a household's A0/CTV sheet or a village's whole Sổ A0;
* ``verify F.pdf`` says who signed, when, whether the file is intact and whether the certificate is
  trusted by this profile (its device certificate or the hub CA). It needs no passphrase.

Exit codes: 0 when a report verifies, 3 when it is unsigned, changed or signed by someone not trusted.
"""

from __future__ import annotations

import argparse
import getpass
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.cli.dates import month_argument
from desktop.errors import AccessError, NotFoundError, SotayError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from cryptography import x509

    from desktop.cli.console import Subparsers
    from desktop.reports.model import ReportDocument
    from desktop.security.pdf.signers import PdfSignerSpec
    from desktop.security.pdf.verification import PdfVerification
    from desktop.services.profile.handle import Profile

PIN_VARIABLE = "SOTAY_TOKEN_PIN"


class ReportInvalidError(SotayError):
    """The report did not verify; its lines were printed already."""

    exit_code = 3


def register(commands: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli", "Signed reports: the monthly report, a household card, a case file, a campaign report; check a PDF."
        )
    )
    parser = commands.add_parser("report", help=about, description=about)
    actions = parser.add_subparsers(
        dest="report_command",
        required=True,
        title=console.text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{monthly,p0,family-dv,household,a0,case,campaign,verify}",
    )
    _monthly_parser(actions)
    _p0_parser(actions)
    _family_dv_parser(actions)
    _household_parser(actions)
    _a0_parser(actions)
    _case_parser(actions)
    _campaign_parser(actions)
    _verify_parser(actions)


def _monthly_parser(actions: Subparsers) -> None:
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Write the monthly report of a month as a signed PDF and/or XLSX."))
    monthly = actions.add_parser("monthly", help=about, description=about)
    monthly.add_argument(
        "--month",
        required=True,
        type=month_argument,
        metavar="MM/YYYY",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The month, written 11/2026, 11-2026 or 2026-11.")),
    )
    monthly.add_argument(
        "--difficulties",
        metavar="TEXT",
        help=console.text(
            QT_TRANSLATE_NOOP(
                "Cli", "The report's difficulties and obstacles; kept for the month and printed again next time."
            )
        ),
    )
    monthly.add_argument(
        "--proposals",
        metavar="TEXT",
        help=console.text(
            QT_TRANSLATE_NOOP(
                "Cli", "The report's proposals and requests; kept for the month and printed again next time."
            )
        ),
    )
    _output_options(monthly)
    monthly.set_defaults(run=run_monthly)


def _family_dv_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Write the yearly report on families and domestic violence (Circular 07/2017) as a signed PDF and/or XLSX.",
        )
    )
    family = actions.add_parser("family-dv", help=about, description=about)
    family.add_argument(
        "--year",
        required=True,
        type=_year_argument,
        metavar="YYYY",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The year, e.g. 2025.")),
    )
    _output_options(family)
    family.set_defaults(run=run_family_dv)


def _year_argument(text: str) -> int:
    """A year written with its four digits; anything else stops the command before the profile is opened."""
    cleaned = text.strip()
    if len(cleaned) != 4 or not cleaned.isascii() or not cleaned.isdigit():
        message = QT_TRANSLATE_NOOP("Cli", "{value} is not a year: write it with four digits, e.g. 2025.")
        raise argparse.ArgumentTypeError(console.text(message, value=text))
    return int(cleaned)


def _p0_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Write the P0/CTV slip (population events) of a month as a signed PDF and/or XLSX.")
    )
    p0 = actions.add_parser("p0", help=about, description=about)
    p0.add_argument(
        "--month",
        required=True,
        type=month_argument,
        metavar="MM/YYYY",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The month, written 11/2026, 11-2026 or 2026-11.")),
    )
    _output_options(p0)
    p0.set_defaults(run=run_p0)


def _household_parser(actions: Subparsers) -> None:
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Write a household's card as a signed PDF and/or XLSX."))
    household = actions.add_parser("household", help=about, description=about)
    household.add_argument(
        "code",
        metavar="CODE",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The household number, as the app shows it.")),
    )
    _output_options(household)
    household.set_defaults(run=run_household)


def _a0_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli", "Write a household's A0/CTV sheet, or a village's whole Sổ A0, as a signed PDF and/or XLSX."
        )
    )
    a0 = actions.add_parser("a0", help=about, description=about)
    a0.add_argument(
        "code", nargs="?", metavar="CODE", help=console.text(QT_TRANSLATE_NOOP("Cli", "The household number."))
    )
    village = QT_TRANSLATE_NOOP("Cli", "Instead, the whole book of this village: its name or its ID.")
    a0.add_argument("--village", metavar="ID_OR_NAME", help=console.text(village))
    _output_options(a0)
    a0.set_defaults(run=run_a0)


def _case_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Write a support case's file as a signed, confidential PDF; only for the case's owner and users "
            "with the protection permission.",
        )
    )
    case = actions.add_parser("case", help=about, description=about)
    case.add_argument(
        "case_id",
        metavar="ID",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The case's ID, as `sotay audit` shows it.")),
    )
    # Its XLSX says "Dữ liệu cá nhân nhạy cảm" in every sheet's printed page header and beside its title.
    _output_options(case)
    case.set_defaults(run=run_case)


def _campaign_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Write the report of a campaign in a year as a signed PDF and/or XLSX.")
    )
    campaign = actions.add_parser("campaign", help=about, description=about)
    campaign.add_argument(
        "campaign",
        metavar="CODE",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The campaign's code, e.g. dv_action_month or population_month.")),
    )
    campaign.add_argument(
        "--year",
        required=True,
        type=int,
        metavar="YYYY",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The year, e.g. 2025.")),
    )
    campaign.add_argument(
        "--tag-untagged",
        action="store_true",
        help=console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "First tag with this campaign the activities held during its days that are tagged with none, "
                "so the report counts them.",
            )
        ),
    )
    _output_options(campaign)
    campaign.set_defaults(run=run_campaign)


def _output_options(parser: argparse.ArgumentParser, *, xlsx: bool = True) -> None:
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


def _verify_parser(actions: Subparsers) -> None:
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


# Commands ###################################################################################


def run_monthly(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import monthly_report, remarks
    from desktop.services.validation import raise_if

    _require_output(args)
    with credentials.opened(args, paths) as profile:
        kept = remarks.monthly_remarks(profile, args.month)
        given = remarks.Remarks(
            kept.difficulties if args.difficulties is None else args.difficulties,
            kept.proposals if args.proposals is None else args.proposals,
        )
        raise_if(remarks.remarks_problems(given))
        # Kept only once the report can be made: a month not begun is refused and nothing is saved.
        doc = monthly_report.monthly_document(profile, args.month, remarks=given)
        if given != kept:
            remarks.save_monthly_remarks(profile, args.month, given)
        _write(args, profile, doc, subject=args.month)
    return console.EXIT_OK


def run_family_dv(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import family_dv_report

    _require_output(args)
    with credentials.opened(args, paths) as profile:
        doc = family_dv_report.family_dv_document(profile, args.year)
        _write(args, profile, doc, subject=str(args.year))
    return console.EXIT_OK


def run_p0(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import p0_slip

    _require_output(args)
    with credentials.opened(args, paths) as profile:
        _write(args, profile, p0_slip.p0_document(profile, args.month), subject=args.month)
    return console.EXIT_OK


def run_household(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import household_card
    from desktop.services.register import households

    _require_output(args)
    with credentials.opened(args, paths) as profile:
        found = households.find_by_code(profile, args.code)
        if found is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Cli", "No household numbered {code} among the households you may see."),
                code=args.code,
            )
        _write(args, profile, household_card.household_document(profile, found), subject=args.code)
    return console.EXIT_OK


def run_a0(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import a0_book, a0_sheet
    from desktop.services.register import households

    if (args.code is None) == (args.village is None):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "Give either a household number or --village NAME, not both."))
    _require_output(args)
    with credentials.opened(args, paths) as profile:
        if args.village is None:
            found = households.find_by_code(profile, args.code)
            if found is None:
                message = QT_TRANSLATE_NOOP("Cli", "No household numbered {code} among the households you may see.")
                raise NotFoundError(message, code=args.code)
            _write(args, profile, a0_sheet.a0_document(profile, found), subject=args.code)
            return console.EXIT_OK
        village = a0_book.find_village(profile, args.village)
        if village is None:
            message = QT_TRANSLATE_NOOP("Cli", "No single village called {village} among the villages you keep.")
            raise NotFoundError(message, village=args.village)
        _write(args, profile, a0_book.a0_book_document(profile, village.id), subject=village.name)
    return console.EXIT_OK


def run_case(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import case_record

    case_id = _case_id(args.case_id)
    with credentials.opened(args, paths) as profile:
        _write(args, profile, case_record.case_document(profile, case_id), subject=str(case_id))
    return console.EXIT_OK


def run_campaign(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.communication import tagging
    from desktop.services.documents import campaign_report

    _require_output(args)
    with credentials.opened(args, paths) as profile:
        untagged = tagging.untagged_during(profile, args.campaign, args.year)
        if untagged and args.tag_untagged:
            tagged = tagging.tag_activities(profile, [a.id for a in untagged], args.campaign)
            done = QT_TRANSLATE_NOOP("Cli", "Tagged {count} activities with the campaign.")
            console.error(console.text(done, count=tagged))
        elif untagged:
            message = QT_TRANSLATE_NOOP(
                "Cli",
                "{count} activities held during the campaign are tagged with no campaign and are not counted; "
                "tag them in the app, or run again with --tag-untagged to tag them all with this campaign.",
            )
            console.error(console.text(message, count=len(untagged)))
        doc = campaign_report.campaign_document(profile, args.campaign, args.year)
        _write(args, profile, doc, subject=f"{args.campaign} {args.year}")
    return console.EXIT_OK


def _require_output(args: argparse.Namespace) -> None:
    if not args.out and not args.xlsx:
        raise AccessError(
            QT_TRANSLATE_NOOP("Cli", "Say where to write the report: --out F.pdf, --xlsx F.xlsx or both.")
        )


def _write(args: argparse.Namespace, profile: Profile, doc: ReportDocument, *, subject: str) -> None:
    """Export the PDF (signed unless --unsigned) and the XLSX asked for, and print where each went."""
    from desktop.services.documents import export as report_export

    if args.out:
        signer, holder = (None, "") if args.unsigned else _token_signer(args)
        written = report_export.export_pdf(
            profile,
            doc,
            _target(args.out),
            signed=not args.unsigned,
            signer=signer,
            signer_name=holder,
            subject=subject,
        )
        console.say(str(written.path))
    if getattr(args, "xlsx", None):
        console.say(str(report_export.export_xlsx(profile, doc, _target(args.xlsx), subject=subject).path))


def _case_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        message = QT_TRANSLATE_NOOP("Cli", "{value} is not a case ID; give the case's UUID.")
        raise ValidationError([console.problem("case", message, value=text)]) from None


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
    return [
        console.text(QT_TRANSLATE_NOOP("Cli", "Signed by: {name}"), name=found.signer_name or "?"),
        console.text(QT_TRANSLATE_NOOP("Cli", "Signed at: {when}"), when=when),
        console.text(
            QT_TRANSLATE_NOOP("Cli", "Unchanged since signing: {answer}"),
            answer=yes if found.intact and found.covers_whole_file else no,
        ),
        console.text(
            QT_TRANSLATE_NOOP("Cli", "Certificate trusted by this profile: {answer}"),
            answer=yes if found.trusted else no,
        ),
    ]


def _target(path: str) -> Path:
    target = Path(path).expanduser().resolve()
    if not target.parent.is_dir():
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "{home} is not a folder."), home=target.parent)
    return target


def _token_signer(args: argparse.Namespace) -> tuple[PdfSignerSpec | None, str]:
    """The token's key and the name of its certificate's holder; (None, "") for the device key."""
    if not args.token_module:
        return None, ""
    from desktop.services.documents import signing

    if not (args.token and args.cert_label):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "With --token-module, give --token and --cert-label too."))
    chosen = signing.token_signer_by_label(args.token_module, args.token, args.cert_label, _pin(args))
    return chosen.signer, chosen.signer_name


def _certificate(path: Path) -> x509.Certificate:
    from cryptography import x509 as x509_module

    try:
        return x509_module.load_pem_x509_certificate(path.expanduser().read_bytes())
    except (OSError, ValueError):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "{path} is not a PEM certificate."), path=path) from None


def _pin(args: argparse.Namespace) -> str:
    if args.pin_file:
        try:
            return Path(args.pin_file).expanduser().read_text(encoding="utf-8").strip()
        except OSError:
            raise AccessError(QT_TRANSLATE_NOOP("Cli", "Cannot read {path}."), path=args.pin_file) from None
    if os.environ.get(PIN_VARIABLE):
        return os.environ[PIN_VARIABLE]
    return getpass.getpass(console.text(QT_TRANSLATE_NOOP("Cli", "Token PIN: ")))
