"""One process at a time per workspace file.

The lock is an OS file lock on a small file in the app's state folder, named
after the workspace's resolved path, so nothing is written beside the
workspace itself and a crashed process never leaves a stale lock: the OS
drops the lock with the process.

The lock file's text says who holds it ("wang@laptop-7, process 1234, since
2026-11-23 08:12"), so a second window can tell the user where the workspace
is open. The text is only a message: whether the workspace is taken is the
OS lock's answer alone.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from planner.errors import WorkspaceInUse

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Windows locks are mandatory: a locked byte cannot be read by anyone else.
    # So the lock is on one byte far past the holder's text (locking beyond
    # the end of a file is allowed), and the text stays readable.
    _LOCK_OFFSET = 1 << 20

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.flush()
            os.lseek(handle.fileno(), _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)  # back in step with the file, for reading or writing the text
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.flush()
        os.lseek(handle.fileno(), _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.seek(0)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _clean(text: str) -> str:
    """One line of printable text that can be written as UTF-8."""
    text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return text.encode("utf-8", "replace").decode("utf-8")[:100]


def _user() -> str:
    try:
        return _clean(getpass.getuser())
    except Exception:  # noqa: BLE001 - OSError, KeyError, ImportError: no user name known
        return ""


def _host() -> str:
    try:
        host = _clean(socket.gethostname())
    except (OSError, UnicodeError):
        return ""
    if host.casefold() in ("localhost", "localhost.localdomain"):
        return ""
    # The short name, as `hostname -s` prints it ("wangs-mbp", not
    # "wangs-mbp.local"); an IP address is kept whole.
    if not host.replace(".", "").isdigit():
        host = host.split(".", 1)[0]
    return host


def machine_label() -> str:
    """``user@host`` for this user on this computer, e.g. ``wang@laptop-7``.

    Never raises. With only one of the two known it is the host alone or
    "wang on this computer"; with neither, "this computer".
    """
    user, host = _user(), _host()
    if user and host:
        return f"{user}@{host}"
    if host:
        return host
    if user:
        return f"{user} on this computer"
    return "this computer"


def holder_text(*, pid: int | None = None, now: datetime | None = None) -> str:
    """What a lock file says about its holder.

    ``wang@laptop-7, process 1234, since 2026-11-23 08:12``: local time, to
    the minute. ``pid`` and ``now`` default to this process and the clock.
    """
    pid = os.getpid() if pid is None else pid
    moment = datetime.now() if now is None else now
    return f"{machine_label()}, process {pid}, since {moment:%Y-%m-%d %H:%M}"


def lock_file_for(workspace: Path, lock_dir: Path) -> Path:
    # normcase: on Windows (and case-insensitive disks) A.cplan and a.cplan are one file.
    name = os.path.normcase(str(workspace.resolve()))
    key = hashlib.sha256(name.encode("utf-8")).hexdigest()[:32]
    return lock_dir / f"{key}.lock"


class WorkspaceLock:
    """Held while a workspace is open for writing; raises WorkspaceInUse if taken."""

    def __init__(self, workspace: Path, lock_dir: Path) -> None:
        self.workspace = workspace
        self.file = lock_file_for(workspace, lock_dir)
        lock_dir.mkdir(parents=True, exist_ok=True)
        # errors="replace": the holder's text is only shown, never trusted.
        handle = open(self.file, "a+", encoding="utf-8", errors="replace")  # noqa: SIM115 - held until release
        if not _try_lock(handle):
            try:
                handle.seek(0)
                holder = _clean(handle.read(1000))
            except OSError:
                holder = ""
            handle.close()
            raise WorkspaceInUse(workspace, holder)
        handle.seek(0)
        handle.truncate()
        handle.write(holder_text())
        handle.flush()
        self._handle: IO[str] | None = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
