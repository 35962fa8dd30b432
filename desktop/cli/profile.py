"""`sotay protect` and `sotay passphrase reset`: protecting an old profile and replacing a forgotten passphrase.

``protect`` gives a profile made before passphrases existed its first user's passphrase
(``SOTAY_NEW_PASSPHRASE`` or ``--new-passphrase-file``, else typed twice) and prints its recovery code.
``passphrase reset`` takes the recovery code and a new passphrase (desktop.cli.credentials), for a commune
officer only, and prints the new recovery code that replaces the used one (desktop.services.profile.recovery).
``passphrase new-recovery-code`` replaces the code without using it, for a logged-in officer holding the
protection permission: after an upgrade, so the recovery code opens support cases too.
Another user's forgotten passphrase is set by an officer with ``sotay user set-passphrase`` (desktop.cli.user).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from desktop.cli import console, credentials
from desktop.errors import AccessError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths

if TYPE_CHECKING:
    from desktop.cli.console import Subparsers


def register(commands: Subparsers) -> None:
    """Add `protect` and `passphrase reset` to the `sotay` parser."""
    about = console.text(QT_TRANSLATE_NOOP("Cli", "Protect a profile made before passphrases existed."))
    protect = commands.add_parser("protect", help=about, description=about)
    protect.add_argument(
        "--new-passphrase-file",
        metavar=console.text(QT_TRANSLATE_NOOP("Cli", "FILE")),
        help=console.text(
            QT_TRANSLATE_NOOP("Cli", "Read the new passphrase from this file (or SOTAY_NEW_PASSPHRASE).")
        ),
    )
    protect.set_defaults(run=run_protect)

    about = console.text(QT_TRANSLATE_NOOP("Cli", "Passphrases: set a new one with the recovery code."))
    phrase = commands.add_parser("passphrase", help=about, description=about)
    actions = phrase.add_subparsers(
        dest="passphrase_command",
        required=True,
        title=console.text(QT_TRANSLATE_NOOP("Cli", "commands")),
        metavar="{reset,new-recovery-code}",
    )
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Forgotten passphrase of a commune officer: unlock with the recovery code, choose a new passphrase "
            "and get a new recovery code.",
        )
    )
    reset = actions.add_parser("reset", help=about, description=about)
    credentials.add_recovery_options(reset)
    reset.set_defaults(run=run_reset)
    about = console.text(
        QT_TRANSLATE_NOOP(
            "Cli",
            "A new recovery code in place of the current one (a commune officer holding the protection "
            "permission); the old code stops working.",
        )
    )
    fresh = actions.add_parser("new-recovery-code", help=about, description=about)
    fresh.set_defaults(run=run_new_recovery_code)


def run_protect(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import opening as profile_service

    credentials.usable_home(paths, create=False)
    if profile_service.profile_state(paths) is not profile_service.ProfileState.PLAIN:
        raise AccessError(QT_TRANSLATE_NOOP("Security", "{home} holds no unprotected profile."), home=paths.home)
    user = getattr(args, "login_user", None) or os.environ.get(credentials.ENV_USER) or _collaborator_of_plain(paths)
    chosen = credentials.new_passphrase(args, "new_passphrase_file", credentials.ENV_NEW_PASSPHRASE)
    created = profile_service.protect_plain(paths, user=user, passphrase=chosen)
    created.profile.close()
    credentials.say_recovery_code(created.recovery_code, user)
    return console.EXIT_OK


def _collaborator_of_plain(paths: ProfilePaths) -> str:
    from desktop.services.profile.opening import plain_collaborator

    name = plain_collaborator(paths)
    if name:
        return name
    raise AccessError(QT_TRANSLATE_NOOP("Cli", "Name the first user with --user or SOTAY_USER."))


def run_new_recovery_code(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import recovery

    with credentials.opened(args, paths) as profile:
        code = recovery.replace_code(profile)
    console.say(
        console.text(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The old recovery code no longer works. The new recovery code (write it down and keep it locked "
                "away; it is shown only this once):\n\n    {code}\n",
            ),
            code=code,
        )
    )
    return console.EXIT_OK


def run_reset(args: argparse.Namespace, paths: ProfilePaths) -> int:
    from desktop.services.profile import recovery

    credentials.usable_home(paths, create=False)
    user = credentials.chosen_user(args, paths)
    code = credentials.secret(args.recovery_code_file, credentials.ENV_RECOVERY)
    if code is None and sys.stdin.isatty():
        code = input(console.text(QT_TRANSLATE_NOOP("Cli", "Recovery code: ")))
    if code is None:
        raise AccessError(
            QT_TRANSLATE_NOOP("Cli", "Give the recovery code in SOTAY_RECOVERY_CODE or with --recovery-code-file FILE.")
        )
    chosen = credentials.new_passphrase(args, "new_passphrase_file", credentials.ENV_NEW_PASSPHRASE)
    from desktop.security.keyslot import passphrase_problems
    from desktop.services.validation import raise_if

    raise_if(passphrase_problems(chosen, "new_passphrase"))  # before unlocking, so a bad choice costs nothing
    profile = recovery.unlock_with_recovery(paths, user, code)
    try:
        new_code = recovery.reset_passphrase(profile, chosen)
    finally:
        profile.close()
    console.say(
        console.text(
            QT_TRANSLATE_NOOP("Cli", "{user} now logs in with the new passphrase; the old one no longer works."),
            user=profile.user.name,
        )
    )
    credentials.say_new_recovery_code(new_code)
    return console.EXIT_OK
