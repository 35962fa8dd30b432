"""The journal of a restore: a crash at any point of replacing the files is finished on the next start.

Once every file of the backup is written beside the profile (a ``.restore-*`` folder), a journal
(``restore-journal.json``, atomic, 0600) names that folder, the ``replaced-*`` folder the old files go to,
the new files and the step: moving the old files aside, or moving the new ones in. A crash before the
journal leaves the profile untouched. After it, `finish_interrupted_restore` rolls forward when every
new file is at hand (the restore was confirmed: finishing it is what was asked) and back otherwise, so
the folder always holds one whole profile, its key file and its device key included.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop import i18n
from desktop.errors import AccessError
from desktop.fileio import write_atomically
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import ProfilePaths
from desktop.services.profile import process_lock
from desktop.services.profile.backup_format import BACKUP, MEMBERS

# What a restore moves aside: the members and the database's own side files, never logs or backups.
PROFILE_FILES = (*MEMBERS, "profile.db-wal", "profile.db-shm", "profile.db-journal")
REQUIRED_MEMBERS = BACKUP.required
_CONTEXT = "Backup"  # of the sentences finish_interrupted_restore returns, translated


def present_files(paths: ProfilePaths) -> list[Path]:
    return [paths.home / name for name in PROFILE_FILES if (paths.home / name).exists()]


JOURNAL_FILE = "restore-journal.json"
_JOURNAL_FORMAT = "sotay-restore-journal"
STEP_ASIDE, STEP_INSTALL = "aside", "install"  # moving the old files aside; moving the new ones in


@dataclass(slots=True)
class Journal:
    staging: str  # the folder (in the profile folder) holding the new files not yet moved in
    replaced: str | None  # the replaced-* folder the old files go to; None when the folder held none
    members: list[str]
    step: str = STEP_ASIDE

    def write(self, home: Path) -> None:
        doc = {
            "format": _JOURNAL_FORMAT,
            "version": 1,
            "step": self.step,
            "staging": self.staging,
            "replaced": self.replaced,
            "members": self.members,
        }
        data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
        write_atomically(home / JOURNAL_FILE, data, private=True)


def _read_journal(home: Path) -> Journal | None:
    try:
        doc = json.loads((home / JOURNAL_FILE).read_text(encoding="utf-8"))
        if doc.get("format") != _JOURNAL_FORMAT or doc.get("step") not in (STEP_ASIDE, STEP_INSTALL):
            return None
        members = [str(name) for name in doc["members"] if name in MEMBERS]
        replaced = doc["replaced"]
        return Journal(
            _own_name(doc["staging"], ".restore-"),
            None if replaced is None else _own_name(replaced, "replaced-"),
            members,
            doc["step"],
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _own_name(value: object, prefix: str) -> str:
    # A journal names folders inside the profile folder only, never a path elsewhere.
    if not isinstance(value, str) or not value.startswith(prefix) or Path(value).name != value:
        raise ValueError("journal: folder")
    return value


def run(journal: Journal, home: Path) -> None:
    """Carry out a journalled restore from wherever it stopped: old files aside, new ones in, journal gone."""
    if journal.step == STEP_ASIDE:
        journal.write(home)
        if journal.replaced is not None:
            (home / journal.replaced).mkdir(exist_ok=True)
            for path in present_files(ProfilePaths(home)):
                _move(path, home / journal.replaced / path.name)
        journal.step = STEP_INSTALL
        journal.write(home)
    staging = home / journal.staging
    for name in journal.members:
        if (staging / name).exists():
            _move(staging / name, home / name)
    _close_journal(journal, home)


def roll_back(journal: Journal, home: Path) -> None:
    """Put the old files back where they were; the new ones (the backup still has them) are dropped."""
    if journal.step == STEP_INSTALL:
        for name in journal.members:
            if not (home / journal.staging / name).exists():
                (home / name).unlink(missing_ok=True)  # moved in already: it came from the backup
    if journal.replaced is not None:
        aside = home / journal.replaced
        for path in sorted(aside.iterdir()) if aside.is_dir() else []:
            _move(path, home / path.name)
        with contextlib.suppress(OSError):
            aside.rmdir()
    _close_journal(journal, home)


def _close_journal(journal: Journal, home: Path) -> None:
    (home / JOURNAL_FILE).unlink(missing_ok=True)
    shutil.rmtree(home / journal.staging, ignore_errors=True)


def _move(source: Path, target: Path) -> None:
    os.replace(source, target)


def _complete(journal: Journal, home: Path) -> bool:
    """Whether every new file is still at hand: in the staging folder, or already moved in."""
    if not set(REQUIRED_MEMBERS) <= set(journal.members):
        return False
    staging = home / journal.staging
    return all(
        (staging / name).is_file() or (journal.step == STEP_INSTALL and (home / name).is_file())
        for name in journal.members
    )


def _said(source: str, **params: object) -> str:
    return i18n.tr(_CONTEXT, source, params)


def _remove_orphan_staging(home: Path) -> None:
    """New files a crash left before the journal was written: the profile was untouched, they are not needed."""
    if not any(path.is_dir() for path in home.glob(".restore-*")):
        return
    try:
        hold = process_lock.acquire(home)
    except process_lock.ProfileInUseError:
        return  # another process may be restoring into them right now
    with hold:
        if not (home / JOURNAL_FILE).exists():
            for path in home.glob(".restore-*"):
                shutil.rmtree(path, ignore_errors=True)


def finish_interrupted_restore(home: Path) -> str | None:
    """Finish a restore a crash interrupted, before the profile in `home` is opened.

    Forward when every new file is at hand (the restore was confirmed; finishing it is what was asked),
    else back (the old files return from the replaced-* folder). Returns one sentence saying what was
    done, translated, or None when there was nothing to finish. `ProfileInUseError` when another process
    holds the profile: its restore may still be running.
    """
    home = Path(home)
    if not (home / JOURNAL_FILE).is_file():
        _remove_orphan_staging(home)
        return None
    with process_lock.acquire(home):
        if not (home / JOURNAL_FILE).is_file():
            return None  # finished by the process whose lock we waited for
        journal = _read_journal(home)
        if journal is None:
            raise AccessError(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "A restore into {home} was interrupted and its journal {journal} cannot be read. The files "
                    "that were there before are in the newest replaced-… folder in {home}: move them back.",
                ),
                home=home,
                journal=home / JOURNAL_FILE,
            )
        if _complete(journal, home):
            run(journal, home)
            if journal.replaced is None:
                said = QT_TRANSLATE_NOOP("Backup", "A restore into {home} was interrupted; it has now been completed.")
            else:
                said = QT_TRANSLATE_NOOP(
                    "Backup",
                    "A restore into {home} was interrupted; it has now been completed. "
                    "The files that were there before are in {folder}.",
                )
            return _said(said, home=home, folder=home / (journal.replaced or ""))
        roll_back(journal, home)
        said = QT_TRANSLATE_NOOP(
            "Backup",
            "A restore into {home} was interrupted before its files were complete; the notebook is back as it "
            "was before. Restore the backup again if you still want it.",
        )
        return _said(said, home=home)


def free_name(parent: Path, stem: str) -> Path:
    number = 1
    while True:
        folder = parent / (stem if number == 1 else f"{stem}-{number}")
        if not folder.exists():
            return folder
        number += 1
