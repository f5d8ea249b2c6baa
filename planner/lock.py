"""One process at a time per workspace file.

The lock is an OS file lock on a small file in the app's state folder, named
after the workspace's resolved path, so nothing is written beside the
workspace itself and a crashed process never leaves a stale lock: the OS
drops the lock with the process.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from planner.errors import WorkspaceInUse

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

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
        handle = open(self.file, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        if not _try_lock(handle):
            try:
                handle.seek(0)
                holder = handle.read().strip()
            except OSError:
                holder = ""
            handle.close()
            raise WorkspaceInUse(workspace, holder)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
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
