"""Writing a file whole or not at all.

Exports (calendars, posters, weekly plans) go to a temp file beside the target
that replaces it only when everything was written, so a failure never leaves a
half-written file or a stray temp file, and an existing file keeps its mode.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planner.errors import PlannerError
from planner.i18n import QT_TRANSLATE_NOOP, Text


def check_target(path: Path, error: type[PlannerError] = PlannerError) -> None:
    """Raise ``error`` (one line) if ``path`` cannot be a file to write."""
    if not path.parent.is_dir():
        raise error(
            QT_TRANSLATE_NOOP("Files", "{folder}: no such folder.").format(folder=path.parent)
        )
    if path.is_dir():
        raise error(QT_TRANSLATE_NOOP("Files", "{path}: is a folder.").format(path=path))


def _cannot_write(path: Path, exc: OSError) -> Text:
    return QT_TRANSLATE_NOOP("Files", "{path}: cannot be written ({reason}).").format(
        path=path, reason=exc.strerror
    )


@contextlib.contextmanager
def atomic_path(path: Path, error: type[PlannerError] = PlannerError) -> Iterator[Path]:
    """A temp file beside ``path`` to write; it replaces ``path`` when the block ends
    without an exception. OS errors become ``error``, naming ``path``."""
    path = Path(path)
    check_target(path, error)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644  # mkstemp makes the file private; give it a normal file's mode
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise error(_cannot_write(path, exc)) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise error(_cannot_write(path, exc)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomically(path: Path, data: bytes, error: type[PlannerError] = PlannerError) -> None:
    """Write ``data`` to ``path`` whole (flushed to disk) or not at all."""
    with atomic_path(path, error) as tmp, tmp.open("wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
