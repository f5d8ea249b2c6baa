"""Merging a teammate's file: receive it safely, plan, back up, apply.

The steps the app and ``planner merge`` share. Planning reads a checked
private copy of the file (:mod:`planner.incoming`); applying is one
transaction (:func:`planner.merge.apply_merge`) preceded by a backup copy of
the workspace as it was, kept in the app's backups folder.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from planner.errors import Cancelled
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.incoming import file_digest, received_workspace
from planner.merge import IsCancelled, MergeError, MergePlan, Progress, plan_merge
from planner.workspace import Workspace

BACKUPS_KEPT = 10


def prepare_merge(
    ws: Workspace,
    theirs: Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> MergePlan:
    """Check the file ``theirs`` and plan merging it into ``ws`` (nothing is written)."""
    theirs = Path(theirs)
    with contextlib.suppress(OSError):
        if theirs.exists() and os.path.samefile(theirs, ws.path):
            raise MergeError(
                QT_TRANSLATE_NOOP(
                    "MergeFile", "{name} is this workspace itself; choose a teammate's copy."
                ).format(name=theirs.name)
            )
    with received_workspace(theirs) as conn:
        if cancelled is not None and cancelled():
            raise Cancelled()
        return plan_merge(
            ws,
            conn,
            source=theirs,
            digest=file_digest(theirs),
            progress=progress,
            cancelled=cancelled,
        )


def backup_before_merge(ws: Workspace, folder: Path) -> Path:
    """Copy ``ws`` as it is now into ``folder``; keeps the newest ten per workspace.

    The names carry a short hash of the workspace's path, so two workspaces
    with one name in different folders keep their own ten.
    """
    folder.mkdir(parents=True, exist_ok=True)
    where = hashlib.sha256(os.path.normcase(str(ws.path.resolve())).encode()).hexdigest()[:8]
    prefix = f"{ws.path.stem}.{where}.before-merge-"
    # A backup cut short (the app killed half-way) leaves its temporary files; the
    # workspace's lock means no other backup of this workspace is being written now.
    for stale in folder.glob(f".{glob.escape(prefix)}*{ws.path.suffix}.tmp*"):
        with contextlib.suppress(OSError):
            stale.unlink()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    n = 1
    target = folder / f"{prefix}{stamp}-{n:03d}{ws.path.suffix}"
    while target.exists():
        n += 1
        target = folder / f"{prefix}{stamp}-{n:03d}{ws.path.suffix}"
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            ws.db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        for part in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(OSError):
                part.unlink()
        raise MergeError(
            QT_TRANSLATE_NOOP(
                "MergeFile",
                "Could not write a backup before merging ({reason}); nothing was changed.",
            ).format(reason=str(exc))
        ) from None
    old = sorted(folder.glob(f"{glob.escape(prefix)}*{ws.path.suffix}"))
    for extra in old[:-BACKUPS_KEPT]:
        with contextlib.suppress(OSError):
            extra.unlink()
    return target


def summary_line(plan: MergePlan, *, resolved: bool = False) -> Text:
    """``3 added, 2 changed, 1 deleted, 1 conflict`` (only the kinds that occur);
    ``resolved``: ``1 conflict resolved``."""
    total = plan.report()["total"]
    parts: list[Text] = []
    if total["added"]:
        parts.append(QT_TRANSLATE_NOOP("MergeFile", "{count} added").format(count=total["added"]))
    if total["updated"]:
        parts.append(
            QT_TRANSLATE_NOOP("MergeFile", "{count} changed").format(count=total["updated"])
        )
    if total["deleted"]:
        parts.append(
            QT_TRANSLATE_NOOP("MergeFile", "{count} deleted").format(count=total["deleted"])
        )
    conflicts = total["conflicts"]
    if conflicts:
        if resolved:
            word = (
                QT_TRANSLATE_NOOP("MergeFile", "{count} conflict resolved")
                if conflicts == 1
                else QT_TRANSLATE_NOOP("MergeFile", "{count} conflicts resolved")
            )
        else:
            word = (
                QT_TRANSLATE_NOOP("MergeFile", "{count} conflict")
                if conflicts == 1
                else QT_TRANSLATE_NOOP("MergeFile", "{count} conflicts")
            )
        parts.append(word.format(count=conflicts))
    if not parts:
        return QT_TRANSLATE_NOOP("MergeFile", "nothing new")
    line = parts[0]
    for part in parts[1:]:
        line = QT_TRANSLATE_NOOP("MergeFile", "{list}, {item}").format(list=line, item=part)
    return line
