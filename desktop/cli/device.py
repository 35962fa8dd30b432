"""`sotay device show [--json]`: the device identity, read from its certificate alone.

No passphrase and no database are needed: the certificate is public, and an administrator must be
able to read the fingerprint of a locked profile (for enrollment at the hub).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from desktop import i18n
from desktop.cli import console
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers
    from desktop.security.device import DeviceInfo, IdentityError

SECURITY_CONTEXT = "Security"
EXIT_NO_IDENTITY = 2


def register(commands: Subparsers) -> None:
    """Add `device show` to the `sotay` parser's subcommands."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Show this device's identity (its certificate)."))
    parser = commands.add_parser("device", help=about, description=about)
    actions = parser.add_subparsers(dest="device_command", metavar="{show}", required=True)
    show_about = console.text(
        QT_TRANSLATE_NOOP("Cli", "Print the device id, the certificate subject and its SHA-256 fingerprint.")
    )
    show_parser = actions.add_parser("show", help=show_about, description=show_about)
    show_parser.add_argument(
        "--json",
        action="store_true",
        help=console.text(QT_TRANSLATE_NOOP("Cli", "Print one JSON object instead of text.")),
    )
    show_parser.set_defaults(run=show)


def show(args: argparse.Namespace, paths: ProfilePaths) -> int:
    # Imported here: the keyring and cryptography modules would slow every other command's start.
    from desktop.security import device
    from desktop.security.device import IdentityError, IdentityMissingError

    try:
        info = device.describe(paths.home)
    except IdentityMissingError:
        missing = QT_TRANSLATE_NOOP("Cli", "The profile in {home} has no device identity yet.")
        if paths.device_key.exists():  # only the certificate is gone: it is made again, it needs the passphrase
            missing = QT_TRANSLATE_NOOP(
                "Cli",
                "The device certificate of the profile in {home} is missing. It is made again from the device "
                "key the next time the profile is opened: start the app, or run a command that asks for the "
                "passphrase, such as sotay stats.",
            )
        console.error(console.text(missing, home=paths.home))
        return EXIT_NO_IDENTITY
    except IdentityError as error:
        console.error(_identity_error_text(error))
        return error.exit_code
    if getattr(args, "json", False):
        console.say(json.dumps(as_json(info), ensure_ascii=False))
    else:
        console.say(_as_text(info, getattr(args, "lang", "vi")))
    return console.EXIT_OK


def as_json(info: DeviceInfo) -> dict[str, str]:
    return {
        "device_id": info.device_id,
        "subject": info.subject,
        "sha256": info.sha256,
        "not_before": info.not_before.isoformat(),
        "not_after": info.not_after.isoformat(),
    }


def _as_text(info: DeviceInfo, language: str) -> str:
    day = "%d/%m/%Y" if language == "vi" else "%Y-%m-%d"
    signer = (
        QT_TRANSLATE_NOOP("Cli", "self-signed (not enrolled at the hub yet)")
        if info.self_signed
        else QT_TRANSLATE_NOOP("Cli", "issued by the hub")
    )
    return console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Device: {device_id}\nCertificate: {subject}\nSHA-256 fingerprint: {sha256}\n"
            "Valid from {not_before} to {not_after}, {signer}.",
        ),
        device_id=info.device_id,
        subject=info.subject,
        sha256=info.sha256,
        not_before=info.not_before.strftime(day),
        not_after=info.not_after.strftime(day),
        signer=console.text(signer),
    )


def _identity_error_text(error: IdentityError) -> str:
    # Looked up by context, not by source as console.service_text does: `show` also runs without the
    # catalogue that `sotay`'s main installs for that. A "Cli" text of the same source would come first.
    translated = i18n.tr(console.CONTEXT, error.message)
    if translated == error.message:
        translated = i18n.tr(SECURITY_CONTEXT, error.message)
    return i18n.fill(translated, error.message, error.params)
