"""Telling a full disk or a read-only folder from other errors, in one clear line.

SQLite reports a full disk as ``database or disk is full`` (SQLITE_FULL), a
file or folder it may not write as ``attempt to write a readonly database``
(SQLITE_READONLY) or ``unable to open database file`` (SQLITE_CANTOPEN), and
a disk that refuses a write (a read-only remount, a removed stick) as
``disk I/O error`` (SQLITE_IOERR); the files written beside a workspace fail
with ``OSError`` (ENOSPC, EDQUOT, EROFS, EACCES, EIO). :func:`disk_problem`
turns any of them into a :class:`~planner.errors.DiskProblem` whose message
says what happened, that nothing was saved, and what to do: the transaction
that failed was rolled back, so the same edit can simply be made again once
there is room (or the folder can be written again).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Literal

from planner.errors import DiskFull, DiskProblem, DiskWriteFailed, FolderReadOnly, WorkspaceError
from planner.i18n import QT_TRANSLATE_NOOP

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_READONLY_DBMOVED = SQLITE_READONLY | (4 << 8)

Kind = Literal["full", "read-only", "io"]
Doing = Literal["save", "open"]

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def folder_state(folder: Path) -> Kind | None:
    """What the file system says about ``folder`` now: mounted read-only,
    not writable, out of space, or None (nothing wrong that can be seen)."""
    try:
        vfs = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        vfs = None
    if vfs is not None and vfs.f_flag & os.ST_RDONLY:
        return "read-only"
    if not os.access(folder, os.W_OK):
        return "read-only"
    if vfs is not None and vfs.f_bavail == 0:
        return "full"
    return None


def _sqlite_kind(exc: sqlite3.Error, folder: Path) -> Kind | None:
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    if code is None:  # not raised by SQLite itself: go by its words
        if "disk is full" in text:
            return "full"
        if "readonly database" in text:
            return "read-only"
        if "disk i/o error" in text:
            code = SQLITE_IOERR
        else:
            return None
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return "full"
    if primary == SQLITE_READONLY:
        # The file was moved or deleted while open: writing it again will not help.
        return "io" if code == SQLITE_READONLY_DBMOVED else "read-only"
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM):
        # SQLite does not say why a write or an open failed: ask the file system.
        state = folder_state(folder)
        if state is not None:
            return state
        return "io" if primary == SQLITE_IOERR else None
    return None


def _os_kind(exc: OSError, folder: Path, doing: Doing) -> tuple[Kind, Path] | None:
    where = Path(exc.filename).parent if exc.filename else folder
    if exc.errno in _FULL_ERRNOS:
        return "full", where
    if exc.errno == errno.EROFS:
        return "read-only", where
    if exc.errno in _READ_ONLY_ERRNOS:
        # Saving: only a file of the workspace's own folder (a file being read
        # for an import, elsewhere, is not the workspace's problem).
        if doing == "open" or exc.filename is None or where.resolve() == folder.resolve():
            return "read-only", where
        return None
    if exc.errno == errno.EIO:
        return "io", where
    return None


def _classify(exc: BaseException, path: Path, doing: Doing) -> tuple[Kind, Path] | None:
    folder = path.parent
    if isinstance(exc, sqlite3.Error):
        kind = _sqlite_kind(exc, folder)
        return (kind, folder) if kind is not None else None
    if isinstance(exc, OSError):
        return _os_kind(exc, folder, doing)
    if isinstance(exc, WorkspaceError) and exc.path == path:
        # ``WorkspaceBusy`` is raised ``from None`` around the SQLite error that
        # BEGIN gave, which stays its ``__context__``. Other errors wrapping an
        # OS or SQLite error already say which file, and why, themselves.
        inner = exc.__cause__ or exc.__context__
        if isinstance(inner, sqlite3.Error):
            kind = _sqlite_kind(inner, folder)
            return (kind, folder) if kind is not None else None
    return None


def disk_problem(exc: BaseException, path: Path, doing: Doing = "save") -> DiskProblem | None:
    """The one-line error for ``exc`` when a disk or folder caused it, else None.

    ``path`` is the workspace file being written (or opened, with ``doing``
    "open"); the message names its folder, or the folder of the file the OS
    error names. A workspace error about ``path`` that wraps a disk error
    (``WorkspaceBusy`` around ``attempt to write a readonly database``) is
    recognised through its ``__context__``. Errors that are not about the disk
    (a constraint, a damaged file, a file to import that cannot be read) give
    None, and so do errors that already name the file they could not write.
    """
    if isinstance(exc, DiskProblem):
        return exc
    path = Path(path)
    found = _classify(exc, path, doing)
    if found is None:
        return None
    kind, folder = found
    return _problem(kind, path, folder, doing, exc)


def _problem(kind: Kind, path: Path, folder: Path, doing: Doing, exc: BaseException) -> DiskProblem:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    if doing == "open":
        if kind == "full":
            return DiskFull(
                folder,
                QT_TRANSLATE_NOOP(
                    "DiskErrors",
                    "{path}: cannot be opened because the disk is full. Free some space on "
                    "the disk that holds {folder} and try again.",
                ).format(path=path, folder=folder),
            )
        if kind == "read-only":
            return FolderReadOnly(
                folder,
                QT_TRANSLATE_NOOP(
                    "DiskErrors",
                    "{path}: cannot be opened because {folder} cannot be written. Make it "
                    "writable and try again.",
                ).format(path=path, folder=folder),
            )
        return DiskWriteFailed(
            folder,
            QT_TRANSLATE_NOOP(
                "DiskErrors",
                "{path}: cannot be opened because of a disk error ({reason}). Check that "
                "the disk is still connected and try again.",
            ).format(path=path, reason=reason),
        )
    if kind == "full":
        return DiskFull(
            folder,
            QT_TRANSLATE_NOOP(
                "DiskErrors",
                "The disk is full: the change was not saved. Free some space on the disk "
                "that holds {folder} and try again.",
            ).format(folder=folder),
        )
    if kind == "read-only":
        return FolderReadOnly(
            folder,
            QT_TRANSLATE_NOOP(
                "DiskErrors",
                "The folder {folder} is read-only: the change was not saved. Make it "
                "writable again, or copy the workspace to a folder you can write to, "
                "and try again.",
            ).format(folder=folder),
        )
    return DiskWriteFailed(
        folder,
        QT_TRANSLATE_NOOP(
            "DiskErrors",
            "{name} could not be written (a disk error: {reason}): the change was not "
            "saved. Check that the disk holding {folder} is still connected and try again.",
        ).format(name=path.name, reason=reason, folder=folder),
    )
