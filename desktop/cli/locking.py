"""Which commands write to the profile, and so hold its lock while they run (one process per profile).

Every command the parser registers is in exactly one list below (tests/test_cli_profile_lock.py checks it):
a new command must say here whether it writes. A command that writes while the app has the profile
open, or while another command writes, is refused with exit code 2 and one sentence
(desktop.services.profile.process_lock).

Reading commands take no lock, so `stats`, `find` or a backup to a USB stick work while the app is
open: SQLite lets them read beside the app's writes, and they change nothing a restore could lose.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from desktop.cli import app, audit, backup, demo, device, find, profile, report, report_verify, stats, sync, user
from desktop.paths import ProfilePaths

Command = Callable[[argparse.Namespace, ProfilePaths], int]

WRITING: frozenset[Command] = frozenset(
    {
        demo.run_demo,  # creates the profile and fills it
        profile.run_protect,  # encrypts the database in place
        profile.run_reset,  # rewrites the key file
        profile.run_new_recovery_code,  # rewrites the key file
        backup.run_restore,  # replaces the profile's files
        user.run_add,  # a new key slot and a users row
        user.run_set_protection,
        user.run_set_passphrase,  # rewrites the key file
        # Exporting a report takes its document number and records the export in the audit log.
        report.run_monthly,
        report.run_family_dv,
        report.run_p0,
        report.run_household,
        report.run_a0,
        report.run_case,
        report.run_campaign,
    }
)

READING: frozenset[Command] = frozenset(
    {
        stats.run_stats,
        sync.run_status,
        find.run_find,
        audit.run_verify,
        audit.run_list,
        device.show,
        backup.run_create,  # copies the database online beside the app, writes only the backup file
        backup.run_list,
        user.run_list,
        report_verify.run_verify,  # reads a PDF, not the profile
    }
)

# The app window takes the lock itself, to say in a window (not on a terminal) that it is already open.
OWN_LOCK: frozenset[Command] = frozenset({app.run_gui})


@contextmanager
def held_while_running(command: Command, paths: ProfilePaths) -> Iterator[None]:
    """Hold the profile while a writing command runs; nothing for the others."""
    if command not in WRITING:
        yield
        return
    from desktop.services.profile import process_lock

    created = not paths.home.exists()
    try:
        hold = process_lock.acquire(paths.home)
    except process_lock.LockFileError:
        # No file can be made there, so the command cannot write there either: its own check of the
        # folder says why ("not a folder", "cannot write"), as it did before locks existed.
        yield
        return
    try:
        yield
    finally:
        # A command refused in a folder it created leaves no empty folder behind.
        hold.release(remove_folder_if_empty=created)
