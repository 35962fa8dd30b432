"""One process per profile: an exclusive OS lock on a file in the profile folder.

The app holds it from start-up to exit, every command line command that writes holds it while it
runs, and a restore holds it while it compares and replaces the files (desktop.cli.locking says which
commands write). Two processes on one profile would each commit into files the other may move aside
(a restore) or race on the same changes; the second one is refused instead.

The lock is the OS's (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on ``profile.lock``, an empty
file (0600) that stays in the folder: the OS drops it when the process ends, however it ends, so a crash
never leaves a stale lock behind. Within one process the lock is re-entrant and counted: the app, which
holds it, restores a damaged profile through the same lock, and tests that open profiles in-process
take it as often as they like. It is released when the last hold in the process is released.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from desktop.errors import AccessError
from desktop.i18n import QT_TRANSLATE_NOOP

LOCK_FILE = "profile.lock"
_ATTEMPTS = 3  # a lock file removed between our open and our lock is opened again


class ProfileInUseError(AccessError):
    """Another process (the app, or a command that writes) holds the profile."""

    exit_code = 2

    def __init__(self, home: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "ProfileLock",
                "The notebook in {home} is open in another window or used by another command; "
                "close it, then try again.",
            ),
            home=home,
        )
        self.home = home


class LockFileError(AccessError):
    """The lock file cannot be made: the folder is missing, not a folder, or cannot be written."""

    exit_code = 2

    def __init__(self, home: Path) -> None:
        super().__init__(QT_TRANSLATE_NOOP("ProfileLock", "Cannot write to the folder {home}."), home=home)


@dataclass(slots=True)
class _Held:
    fd: int
    count: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


class ProfileLock:
    """One hold on a profile's lock; a context manager, or call `release` once."""

    def __init__(self, key: Path) -> None:
        self._key = key
        self._released = False

    @property
    def home(self) -> Path:
        return self._key

    def release(self, *, remove_folder_if_empty: bool = False) -> None:
        """Give this hold back; the OS lock goes with the last one. `remove_folder_if_empty` also removes
        the folder when the lock file is all it holds (a command that created it and then refused)."""
        if self._released:
            return
        self._released = True
        with _guard:
            held = _held[self._key]
            held.count -= 1
            if held.count:
                return
            del _held[self._key]
            _let_go(self._key, held.fd, remove_folder=remove_folder_if_empty)

    def __enter__(self) -> ProfileLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


def acquire(home: Path) -> ProfileLock:
    """Hold the profile in `home` (created if missing) for this process.

    `ProfileInUseError` when another process holds it; `LockFileError` when no lock file can be made.
    """
    key = Path(home).resolve()
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
        else:
            _held[key] = _Held(_lock(key), 1)
    return ProfileLock(key)


def held_here(home: Path) -> bool:
    """Whether this process holds the profile in `home`."""
    with _guard:
        return Path(home).resolve() in _held


# --- the OS lock ----------------------------------------------------------------------------------


def _lock(home: Path) -> int:
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise LockFileError(home) from None
    path = home / LOCK_FILE
    for _ in range(_ATTEMPTS):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        except OSError:
            raise LockFileError(home) from None
        try:
            _make_private(fd)
            locked = _try_lock(fd)
        except OSError:
            os.close(fd)
            raise LockFileError(home) from None
        if not locked:
            os.close(fd)
            raise ProfileInUseError(home)
        if _still_in_place(fd, path):
            return fd
        # A process that cleaned up an empty folder removed the file after we opened it: the lock we
        # hold is on a file no one else will find. Open the one in place now.
        _unlock(fd)
        os.close(fd)
    raise ProfileInUseError(home)


def _still_in_place(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _let_go(home: Path, fd: int, *, remove_folder: bool) -> None:
    path = home / LOCK_FILE
    alone = remove_folder and _only_the_lock_file(home)
    if alone and sys.platform != "win32":
        # Removed while still held, so no other process can lock this file and then lose it.
        path.unlink(missing_ok=True)
    _unlock(fd)
    os.close(fd)
    if alone:
        try:
            path.unlink(missing_ok=True)  # Windows removes no open file: only now
            home.rmdir()
        except OSError:
            pass  # another process has it now, or put something in the folder: it stays


def _only_the_lock_file(home: Path) -> bool:
    try:
        return [entry.name for entry in home.iterdir()] == [LOCK_FILE]
    except OSError:
        return False


if sys.platform == "win32":
    import msvcrt

    def _make_private(fd: int) -> None:
        pass  # the profile folder's own permissions apply; NTFS has no mode bits to set

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # closing the file releases it anyway

else:
    import fcntl

    def _make_private(fd: int) -> None:
        if os.fstat(fd).st_mode & 0o777 != 0o600:
            os.fchmod(fd, 0o600)

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
