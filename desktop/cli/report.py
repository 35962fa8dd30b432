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
import uuid
from typing import TYPE_CHECKING

from desktop.cli import console, credentials, report_verify
from desktop.cli.dates import month_argument, year_argument
from desktop.cli.report_output import output_options, require_output, write
from desktop.errors import AccessError, FieldProblem, NotFoundError, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers
    from desktop.services.profile.handle import Profile


def register(commands: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Signed reports: the monthly report, the P0 slip, the yearly family and domestic-violence report, a "
            "household card, an A0 sheet, a case file, a campaign report; check a PDF.",
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
    report_verify.add_parser(actions)


def _monthly_parser(actions: Subparsers) -> None:
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Write the monthly report of a month as a signed PDF and/or XLSX."))
    monthly = actions.add_parser("monthly", help=about, description=about)
    _month_option(monthly)
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
    output_options(monthly)
    monthly.set_defaults(run=run_monthly)


def _family_dv_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Write the yearly report on families and domestic violence (Circular 07/2017) as a signed PDF and/or XLSX.",
        )
    )
    family = actions.add_parser("family-dv", help=about, description=about)
    _year_option(family)
    output_options(family)
    family.set_defaults(run=run_family_dv)


def _p0_parser(actions: Subparsers) -> None:
    about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Write the P0/CTV slip (population events) of a month as a signed PDF and/or XLSX.")
    )
    p0 = actions.add_parser("p0", help=about, description=about)
    _month_option(p0)
    output_options(p0)
    p0.set_defaults(run=run_p0)


def _month_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--month",
        required=True,
        type=month_argument,
        metavar="MM/YYYY",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The month, written 11/2026, 11-2026 or 2026-11.")),
    )


def _year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year",
        required=True,
        type=year_argument,
        metavar="YYYY",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The year, e.g. 2025.")),
    )


def _household_parser(actions: Subparsers) -> None:
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Write a household's card as a signed PDF and/or XLSX."))
    household = actions.add_parser("household", help=about, description=about)
    household.add_argument(
        "code",
        metavar="CODE",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "The household number, as the app shows it.")),
    )
    output_options(household)
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
    output_options(a0)
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
    output_options(case)
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
    _year_option(campaign)
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
    output_options(campaign)
    campaign.set_defaults(run=run_campaign)


# Commands ###################################################################################


def run_monthly(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import monthly_report, remarks
    from desktop.services.validation import raise_if

    require_output(args)
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
        write(args, profile, doc, subject=args.month)
    return console.EXIT_OK


def run_family_dv(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import family_dv_report

    require_output(args)
    with credentials.opened(args, paths) as profile:
        doc = family_dv_report.family_dv_document(profile, args.year)
        write(args, profile, doc, subject=str(args.year))
    return console.EXIT_OK


def run_p0(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import p0_slip

    require_output(args)
    with credentials.opened(args, paths) as profile:
        write(args, profile, p0_slip.p0_document(profile, args.month), subject=args.month)
    return console.EXIT_OK


def run_household(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import household_card

    require_output(args)
    with credentials.opened(args, paths) as profile:
        found = household_by_code(profile, args.code)
        write(args, profile, household_card.household_document(profile, found), subject=args.code)
    return console.EXIT_OK


def household_by_code(profile: Profile, code: str) -> uuid.UUID:
    """The one household with this number; refused when there is none, or several after a merge."""
    from desktop.services.register import households

    if len(households.find_all_by_code(profile, code)) > 1:
        message = QT_TRANSLATE_NOOP("Cli", "Several households have the number {code}; settle it in Needs review.")
        raise ValidationError([FieldProblem("code", message, {"code": code})])
    found = households.find_by_code(profile, code)
    if found is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Cli", "No household numbered {code} among the households you may see."), code=code
        )
    return found


def run_a0(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import a0_book, a0_sheet

    if (args.code is None) == (args.village is None):
        raise AccessError(QT_TRANSLATE_NOOP("Cli", "Give either a household number or --village NAME, not both."))
    require_output(args)
    with credentials.opened(args, paths) as profile:
        if args.village is None:
            found = household_by_code(profile, args.code)
            write(args, profile, a0_sheet.a0_document(profile, found), subject=args.code)
            return console.EXIT_OK
        village = a0_book.find_village(profile, args.village)
        if village is None:
            message = QT_TRANSLATE_NOOP("Cli", "No single village called {village} among the villages you keep.")
            raise NotFoundError(message, village=args.village)
        write(args, profile, a0_book.a0_book_document(profile, village.id), subject=village.name)
    return console.EXIT_OK


def run_case(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.documents import case_record

    case_id = _case_id(args.case_id)
    with credentials.opened(args, paths) as profile:
        write(args, profile, case_record.case_document(profile, case_id), subject=str(case_id))
    return console.EXIT_OK


def run_campaign(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.communication import tagging
    from desktop.services.documents import campaign_report

    require_output(args)
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
        write(args, profile, doc, subject=f"{args.campaign} {args.year}")
    return console.EXIT_OK


def _case_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        message = QT_TRANSLATE_NOOP("Cli", "{value} is not a case ID; give the case's UUID.")
        raise ValidationError([console.problem("case", message, value=text)]) from None
