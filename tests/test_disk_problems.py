"""A full disk or a read-only folder: one clear line, nothing committed lost, and the
next edit saves once the disk is back.

SQLite is made to refuse writes the way a real disk does: ``PRAGMA max_page_count``
gives the same SQLITE_FULL ("database or disk is full") as a full disk, raising it
again is "space returns"; ``PRAGMA query_only`` gives SQLITE_READONLY. Where this
machine lets root mount a small tmpfs, the same is checked on a really full disk
and a really read-only folder; elsewhere those tests are skipped (the simulated
ones always run).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner import cli
from planner import workspace as workspace_module
from planner.check import check_workspace
from planner.communities import create_community, get_community, update_community
from planner.disk_errors import disk_problem, folder_state
from planner.errors import (
    CorruptWorkspace,
    DiskFull,
    DiskWriteFailed,
    FolderReadOnly,
    NotFound,
    ValidationError,
)
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.paths import AppPaths
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE

BIG = "长" * 9_000  # notes long enough to need new pages in the file (27 kB)


# -- helpers -------------------------------------------------------------------------------------


def fill_file(ws: Workspace) -> None:
    """The workspace file may grow no more: the next edit that needs a page fails
    with SQLite's own "database or disk is full"."""
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")


def free_space(ws: Workspace) -> None:
    ws.db.execute("PRAGMA max_page_count = 1073741823")


def sqlite_error(ws: Workspace, sql: str) -> sqlite3.Error:
    try:
        ws.db.execute(sql)
    except sqlite3.Error as exc:
        return exc
    raise AssertionError(f"{sql} did not fail")


@contextlib.contextmanager
def small_disk(where: Path, size: str = "4m") -> Iterator[Path]:
    """A real tmpfs of ``size`` mounted at ``where``; skips the test where root
    cannot mount one (CI containers without the capability, other systems)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small disk needs root on Linux")
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


def fill_disk(folder: Path) -> Path:
    """Write a file in ``folder`` until the disk has not one block left; returns it."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        block = b"\0" * 4096
        while True:
            try:
                os.write(fd, block)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    finally:
        os.close(fd)
    return filler


# -- the message ---------------------------------------------------------------------------------


def test_a_full_file_is_one_translated_line_naming_the_folder(workspace: Workspace) -> None:
    club, _ = create_community(workspace, {"name": "深夜读书会"})
    fill_file(workspace)
    with pytest.raises(sqlite3.OperationalError) as raised:
        update_community(workspace, club, {"notes": BIG})
    assert raised.value.sqlite_errorcode == sqlite3.SQLITE_FULL
    problem = disk_problem(raised.value, workspace.path)
    assert isinstance(problem, DiskFull)
    assert problem.folder == workspace.path.parent
    message = str(problem)
    assert "\n" not in message
    assert message.startswith("The disk is full: the change was not saved.")
    assert str(workspace.path.parent) in message
    assert isinstance(problem.message, Text) and problem.message.context == "DiskErrors"
    assert problem.message.source == QT_TRANSLATE_NOOP(
        "DiskErrors",
        "The disk is full: the change was not saved. Free some space on the disk "
        "that holds {folder} and try again.",
    )


def test_a_read_only_database_is_named_as_a_read_only_folder(workspace: Workspace) -> None:
    workspace.db.execute("PRAGMA query_only = ON")
    exc = sqlite_error(workspace, "UPDATE communities SET notes = 'x'")
    problem = disk_problem(exc, workspace.path)
    assert isinstance(problem, FolderReadOnly)
    assert str(problem).startswith(f"The folder {workspace.path.parent} is read-only")
    assert "not saved" in str(problem)


def test_a_read_only_database_is_not_reported_as_busy(workspace: Workspace) -> None:
    """BEGIN IMMEDIATE refused because the database cannot be written is not “busy
    with another change”: SQLite's error goes up, and says what it really is."""
    club, _ = create_community(workspace, {"name": "深夜读书会"})
    workspace.db.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError) as raised:
        update_community(workspace, club, {"notes": "x"})
    assert isinstance(disk_problem(raised.value, workspace.path), FolderReadOnly)
    assert get_community(workspace, club).notes == ""


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (errno.ENOSPC, DiskFull),
        (errno.EDQUOT, DiskFull),
        (errno.EROFS, FolderReadOnly),
        (errno.EACCES, FolderReadOnly),
        (errno.EIO, DiskWriteFailed),
    ],
)
def test_os_errors_of_files_beside_the_workspace(tmp_path: Path, code: int, kind: type) -> None:
    workspace = tmp_path / "plan.cplan"
    exc = OSError(code, os.strerror(code), str(tmp_path / "plan.cplan-wal"))
    problem = disk_problem(exc, workspace)
    assert isinstance(problem, kind)
    assert problem.folder == tmp_path
    assert "\n" not in str(problem) and "not saved" in str(problem)


def test_errors_that_are_not_the_disk_are_left_alone(tmp_path: Path, workspace: Workspace) -> None:
    workspace_path = tmp_path / "plan.cplan"
    elsewhere = tmp_path / "import" / "events.ics"
    unique = sqlite_error(
        workspace, "INSERT INTO devices (id, label, seen_at) VALUES (NULL, NULL, 0)"
    )
    for exc in [
        unique,
        sqlite3.OperationalError("no such table: x"),
        OSError(errno.EACCES, "Permission denied", str(elsewhere)),  # a file being imported
        OSError(errno.ENOENT, "No such file or directory", str(workspace_path)),
        ValidationError({"name": QT_TRANSLATE_NOOP("Errors", "invalid input")}),
        CorruptWorkspace(workspace_path, "bad"),
        NotFound(QT_TRANSLATE_NOOP("Errors", "invalid input")),
        ValueError("x"),
    ]:
        assert disk_problem(exc, workspace_path) is None, exc


def test_opening_has_its_own_words(tmp_path: Path) -> None:
    path = tmp_path / "plan.cplan"
    full = disk_problem(OSError(errno.ENOSPC, "No space left on device"), path, "open")
    assert isinstance(full, DiskFull)
    assert str(full).startswith(f"{path}: cannot be opened because the disk is full.")
    locked = disk_problem(
        OSError(errno.EACCES, "Permission denied", str(tmp_path / "locks" / "a.lock")),
        path,
        "open",
    )
    assert isinstance(locked, FolderReadOnly)
    assert str(tmp_path / "locks") in str(locked)


# -- what is kept, and recovery ------------------------------------------------------------------


def test_a_failed_edit_keeps_the_data_and_history_and_the_next_one_saves(
    workspace: Workspace, paths: AppPaths
) -> None:
    club, _ = create_community(workspace, {"name": "深夜读书会", "notes": "周五晚上"})
    update_community(workspace, club, {"owner": "Lily 李"})
    history = list(workspace.history.undo_stack)
    fill_file(workspace)
    with pytest.raises(sqlite3.OperationalError):
        update_community(workspace, club, {"notes": BIG, "owner": "阿杰"})
    assert not workspace.db.conn.in_transaction
    stored = get_community(workspace, club)
    assert (stored.notes, stored.owner) == ("周五晚上", "Lily 李")  # neither column written
    assert workspace.history.undo_stack == history  # the failed edit is not undoable
    free_space(workspace)
    update_community(workspace, club, {"notes": BIG, "owner": "阿杰"})
    path = workspace.path
    workspace.close()
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as again:
        stored = get_community(again, club)
        assert (stored.notes, stored.owner) == (BIG, "阿杰")


def test_a_failed_undo_stays_undoable_and_works_when_there_is_room(workspace: Workspace) -> None:
    club, _ = create_community(workspace, {"name": "深夜读书会", "notes": BIG})
    update_community(workspace, club, {"notes": "短"})
    undo_before = list(workspace.history.undo_stack)
    workspace.db.execute("VACUUM")  # the long notes' pages are given back, not kept free
    fill_file(workspace)  # undoing puts the long notes back: it needs room
    with pytest.raises(sqlite3.OperationalError) as raised:
        workspace.undo()
    assert isinstance(disk_problem(raised.value, workspace.path), DiskFull)
    assert workspace.history.undo_stack == undo_before and not workspace.history.redo_stack
    assert get_community(workspace, club).notes == "短"
    free_space(workspace)
    workspace.undo()
    assert get_community(workspace, club).notes == BIG
    fill_file(workspace)
    workspace.redo()  # the short notes fit: redo needs no room
    assert get_community(workspace, club).notes == "短"


def test_a_read_only_database_refuses_edits_and_undo_then_recovers(workspace: Workspace) -> None:
    club, _ = create_community(workspace, {"name": "深夜读书会"})
    workspace.db.execute("PRAGMA query_only = ON")
    for attempt in (
        lambda: update_community(workspace, club, {"notes": "x"}),
        workspace.undo,
    ):
        with pytest.raises(Exception) as raised:  # noqa: PT011 - checked just below
            attempt()
        assert isinstance(disk_problem(raised.value, workspace.path), FolderReadOnly)
    assert len(workspace.history.undo_stack) == 1 and not workspace.history.redo_stack
    workspace.db.execute("PRAGMA query_only = OFF")
    update_community(workspace, club, {"notes": "x"})
    assert get_community(workspace, club).notes == "x"


# -- a real small disk (root with mount only) ----------------------------------------------------


def test_a_really_full_disk_refuses_the_edit_and_the_next_one_saves_once_freed(
    tmp_path: Path, paths: AppPaths
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "plan.cplan"
        ws = create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
        try:
            club, _ = create_community(ws, {"name": "深夜读书会", "notes": "周五晚上"})
            filler = fill_disk(disk)
            assert folder_state(disk) == "full"
            with pytest.raises(sqlite3.OperationalError) as raised:
                update_community(ws, club, {"notes": "改了"})
            problem = disk_problem(raised.value, path)
            assert isinstance(problem, DiskFull) and problem.folder == disk
            assert get_community(ws, club).notes == "周五晚上"
            assert len(ws.history.undo_stack) == 1
            filler.unlink()
            update_community(ws, club, {"notes": "改了"})
        finally:
            ws.close()
        with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as again:
            assert get_community(again, club).notes == "改了"


def test_a_workspace_in_a_read_only_folder_opens_for_looking(
    tmp_path: Path, paths: AppPaths
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "plan.cplan"
        with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
            club, _ = create_community(ws, {"name": "深夜读书会"})
        remount(disk, "ro")
        try:
            assert folder_state(disk) == "read-only"
            with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
                assert ws.read_only
                assert get_community(ws, club).name == "深夜读书会"
            with pytest.raises(OSError) as raised:
                (disk / "export.ics").write_text("x")
            problem = disk_problem(raised.value, path)
            assert isinstance(problem, FolderReadOnly) and problem.folder == disk
        finally:
            remount(disk, "rw")


def test_a_read_only_file_shows_the_changes_still_in_its_wal(
    tmp_path: Path, paths: AppPaths
) -> None:
    """A folder that turned read-only before the window closed leaves a -wal beside
    the file; opened read-only, the workspace must still show what was committed."""
    path = tmp_path / "plan.cplan"
    ws = create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
    club, _ = create_community(ws, {"name": "深夜读书会"})
    update_community(ws, club, {"notes": "在 wal 里"})
    image = tmp_path / "image"
    image.mkdir()
    for suffix in ("", "-wal", "-shm"):  # the files as they are while the window is open
        shutil.copy(f"{path}{suffix}", f"{image / path.name}{suffix}")
    ws.close()
    copied = image / path.name
    assert Path(f"{copied}-wal").stat().st_size > 0
    copied.chmod(0o444)
    with open_workspace(copied, device_id=DEVICE, lock_dir=paths.lock_dir) as again:
        assert again.read_only
        assert get_community(again, club).notes == "在 wal 里"


def test_the_cli_says_the_disk_is_full_in_one_line_and_changes_nothing(
    tmp_path: Path,
    paths: AppPaths,
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`planner import-ics` into a workspace whose file may not grow: SQLite refuses the
    write as a full disk does; the CLI says so in one line and the file is unchanged."""

    ics = tmp_path / "calendar.ics"
    assert cli.main(["export-ics", str(sample_path), "-o", str(ics)]) == 0
    other = tmp_path / "other.cplan"
    with create_workspace(other, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        create_community(ws, {"name": "深夜读书会"})
    configure = workspace_module._configure

    def full(db: Any, *, writable: bool, device_id: str = "") -> None:
        configure(db, writable=writable, device_id=device_id)
        if writable:
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(workspace_module, "_configure", full)
    capsys.readouterr()
    code = cli.main(["import-ics", str(other), str(ics), "--community", "深夜读书会"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("planner: The disk is full: the change was not saved.")
    assert err.count("\n") == 1 and "Traceback" not in err and "unexpected" not in err
    assert str(other.parent) in err
    monkeypatch.undo()
    with open_workspace(other, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert ws.db.execute("SELECT count(*) FROM calendar_items").fetchone()[0] == 0
    assert check_workspace(other).problems == []
