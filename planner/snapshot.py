"""A copy of a workspace to hand to a teammate.

``VACUUM INTO`` writes the whole database as of one read transaction, so a
snapshot is consistent even while the app (or a background job) keeps
writing. It goes to a temp file beside the target, is switched out of WAL
mode (one self-contained file, no ``-wal``/``-shm`` beside it), checked, and
only then replaces the target.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from planner.devices import record_device
from planner.errors import EXIT_BAD_INPUT, PlannerError
from planner.files import atomic_path, check_target
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.workspace import Workspace, cannot_be_read, connect_read_only, read_header


class SnapshotError(PlannerError):
    """A snapshot could not be written; nothing was left behind."""


class BadTarget(SnapshotError):
    """The place asked for cannot take a snapshot (no such folder, the workspace itself)."""

    exit_code = EXIT_BAD_INPUT


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def snapshot_name(ws_name: str, day: str) -> Text:
    """The file name offered for a snapshot: ``读书会 (shared 2026-11-23).cplan``."""
    return QT_TRANSLATE_NOOP("Snapshot", "{name} (shared {day}).cplan").format(
        name=ws_name, day=day
    )


def _not_written(target: Path, exc: BaseException) -> Text:
    return QT_TRANSLATE_NOOP(
        "Snapshot", "{path}: the copy could not be written ({reason})."
    ).format(path=target, reason=str(exc))


def write_snapshot(
    source: Path | Workspace, target: Path, *, device_id: str, device_label: str
) -> Path:
    """Write a consistent single-file copy of ``source`` to ``target``.

    ``source`` is an open workspace (its own connection reads the snapshot,
    which is safe on a worker's connection too) or a workspace file, read
    through a read-only connection that takes no lock, so a workspace open in
    the app can be shared from the command line. ``target`` is replaced only
    by a complete, checked copy.
    """
    path = source.path if isinstance(source, Workspace) else Path(source)
    target = Path(target)
    if _same_file(path, target):
        raise BadTarget(
            QT_TRANSLATE_NOOP(
                "Snapshot", "{path}: that is the workspace itself; choose another file."
            ).format(path=target)
        )
    check_target(target, BadTarget)
    for extra in ("-wal", "-shm"):
        if Path(f"{target}{extra}").exists():
            raise BadTarget(
                QT_TRANSLATE_NOOP(
                    "Snapshot",
                    "{path}: a workspace in use is there (its {suffix} file is beside it); "
                    "choose another file.",
                ).format(path=target, suffix=extra)
            )
    if isinstance(source, Workspace):
        conn = source.db.conn
        own = False
    else:
        read_header(path)
        try:
            conn = connect_read_only(path)
        except sqlite3.Error as exc:
            raise SnapshotError(cannot_be_read(path, str(exc))) from None
        own = True
    try:
        with atomic_path(target, SnapshotError) as tmp:
            try:
                conn.execute("VACUUM INTO ?", [str(tmp)])
            except sqlite3.Error as exc:
                raise SnapshotError(_not_written(target, exc)) from None
            _finish(tmp, target, device_id, device_label)
    finally:
        if own:
            conn.close()
    return target


def _finish(tmp: Path, target: Path, device_id: str, device_label: str) -> None:
    """Make the copy one self-contained file, sign it with our device, check it."""
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA journal_mode = DELETE")
        with conn:
            record_device(conn, device_id, device_label)
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:
        raise SnapshotError(_not_written(target, exc)) from None
    finally:
        conn.close()
    if result != ["ok"]:
        raise SnapshotError(
            QT_TRANSLATE_NOOP(
                "Snapshot", "{path}: the copy failed its check ({problem}); try again."
            ).format(path=target, problem=result[0])
        )
    with open(tmp, "r+b") as file:  # writable: Windows cannot fsync a read-only handle
        os.fsync(file.fileno())
    for leftover in (Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()
