"""The workspace file: format, safe opening of every bad file, migration, locking."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

import planner.workspace as workspace_module
from planner.communities import create_community, list_communities
from planner.errors import (
    CorruptWorkspace,
    ForeignSchema,
    MigrationFailed,
    NewerSchema,
    NotAWorkspace,
    WorkspaceError,
    WorkspaceInUse,
    WorkspaceNotFound,
    WorkspaceReadOnly,
)
from planner.paths import AppPaths
from planner.schema import (
    APPLICATION_ID,
    MIGRATION_SET,
    MIGRATIONS,
    SCHEMA_VERSION,
    STEP_NAMES,
    SYNC_COLUMNS,
    SYNC_TABLES,
    USER_TABLES,
)
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DATA, DEVICE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_workspace(path: Path, paths: AppPaths, names: tuple[str, ...] = ("深夜读书会",)) -> Path:
    """A closed workspace file holding communities called ``names``."""
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        for name in names:
            create_community(ws, {"name": name})
    return path


def open_ws(path: Path, paths: AppPaths) -> Workspace:
    return open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)


# -- the file format -----------------------------------------------------------


def test_new_workspace_has_our_identity_and_pragmas(workspace: Workspace) -> None:
    db = workspace.db
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = [m.name for m in MIGRATIONS.applied(db)]
    assert applied == STEP_NAMES


def test_every_user_table_has_the_sync_columns(workspace: Workspace) -> None:
    tables = {t for t in workspace.db.table_names() if not t.startswith(("_", "sqlite_"))}
    assert tables == set(USER_TABLES) | set(SYNC_TABLES)
    triggers = {
        name
        for (name,) in workspace.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    for table in USER_TABLES:
        assert {f"{table}_version_insert", f"{table}_version_update"} <= triggers, table
        columns = {c.name: c for c in workspace.db.table(table).columns}
        assert set(SYNC_COLUMNS) <= columns.keys(), table
        assert workspace.db.table(table).pks == ["id"]


def test_inserted_rows_get_uuid_ids_and_sync_values(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "Notion 中文用户群"})
    row = workspace.get_row("communities", community_id)
    assert row is not None
    assert len(row["id"]) == 36 and row["id"].count("-") == 4
    assert row["updated_by"] == DEVICE
    assert row["created_at"] == row["updated_at"] > 1_700_000_000_000
    assert row["deleted"] == 0


def test_header_is_readable_after_create_without_opening(tmp_path: Path, paths: AppPaths) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths)
    header = workspace_module.read_header(path)
    assert header.application_id == APPLICATION_ID
    assert header.user_version == SCHEMA_VERSION


def test_create_refuses_an_existing_file(tmp_path: Path, paths: AppPaths) -> None:
    existing = tmp_path / "taken.cplan"
    existing.write_bytes(b"keep me")
    with pytest.raises(WorkspaceError, match="already exists"):
        create_workspace(existing, device_id=DEVICE, lock_dir=paths.lock_dir)
    assert existing.read_bytes() == b"keep me"


def test_reopen_round_trip(tmp_path: Path, paths: AppPaths) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths, ("甲", "乙"))
    with open_ws(path, paths) as ws:
        assert [c.name for c in list_communities(ws)] == ["乙", "甲"]  # sorted by name
        assert not ws.read_only
        assert ws.backup is None


# -- every bad file ------------------------------------------------------------


def _missing(tmp: Path, paths: AppPaths) -> Path:
    return tmp / "missing.cplan"


def _directory(tmp: Path, paths: AppPaths) -> Path:
    (tmp / "folder.cplan").mkdir()
    return tmp / "folder.cplan"


def _empty(tmp: Path, paths: AppPaths) -> Path:
    (tmp / "empty.cplan").write_bytes(b"")
    return tmp / "empty.cplan"


def _random(tmp: Path, paths: AppPaths) -> Path:
    (tmp / "random.cplan").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(8192)))
    return tmp / "random.cplan"


def _short_header(tmp: Path, paths: AppPaths) -> Path:
    (tmp / "short.cplan").write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    return tmp / "short.cplan"


def _other_sqlite(tmp: Path, paths: AppPaths) -> Path:
    path = tmp / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    return path


def _newer(tmp: Path, paths: AppPaths) -> Path:
    path = make_workspace(tmp / "newer.cplan", paths)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    return path


def corrupt(path: Path) -> None:
    """Scribble over the communities table's b-tree page so quick_check fails."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'communities'").fetchone()[
        0
    ]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\x0d\x00\x05\xff\xff\xff" + b"\xab" * 200)


def _corrupt(tmp: Path, paths: AppPaths) -> Path:
    path = make_workspace(tmp / "corrupt.cplan", paths, ("a", "b", "c"))
    corrupt(path)
    return path


BAD_FILES: dict[str, tuple[Callable[[Path, AppPaths], Path], type[WorkspaceError], str]] = {
    "missing": (_missing, WorkspaceNotFound, "no such file"),
    "directory": (_directory, NotAWorkspace, "is a folder"),
    "empty": (_empty, NotAWorkspace, "empty"),
    "random bytes": (_random, NotAWorkspace, "not an SQLite database"),
    "truncated header": (_short_header, NotAWorkspace, "not an SQLite database"),
    "other sqlite": (_other_sqlite, NotAWorkspace, "not a Community Planner workspace"),
    "newer schema": (_newer, NewerSchema, "newer version of Community Planner"),
    "corrupt": (_corrupt, CorruptWorkspace, "damaged"),
}


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.name: (digest(p) if p.is_file() else "dir")
        for p in sorted(folder.iterdir())
        if p.name != "home"
    }


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_are_refused_with_one_line_and_left_untouched(
    case: str, tmp_path: Path, paths: AppPaths
) -> None:
    make, error_type, words = BAD_FILES[case]
    path = make(tmp_path, paths)
    before = snapshot(tmp_path)
    with pytest.raises(error_type) as caught:
        open_ws(path, paths)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message
    assert str(path) in message
    assert snapshot(tmp_path) == before


def test_newer_schema_message_names_both_versions(tmp_path: Path, paths: AppPaths) -> None:
    path = _newer(tmp_path, paths)
    with pytest.raises(NewerSchema) as caught:
        open_ws(path, paths)
    assert f"schema {SCHEMA_VERSION + 5}" in str(caught.value)
    assert f"up to schema {SCHEMA_VERSION}" in str(caught.value)


def test_a_refused_file_releases_its_lock(tmp_path: Path, paths: AppPaths) -> None:
    path = _corrupt(tmp_path, paths)
    for _ in range(2):  # the second attempt would say "in use" if the lock leaked
        with pytest.raises(CorruptWorkspace):
            open_ws(path, paths)


# -- read-only and in-use --------------------------------------------------------


def test_read_only_file_opens_read_only_and_refuses_edits(tmp_path: Path, paths: AppPaths) -> None:
    path = make_workspace(tmp_path / "ro.cplan", paths, ("只读群",))
    os.chmod(path, 0o444)
    before = snapshot(tmp_path)
    try:
        with open_ws(path, paths) as ws:
            assert ws.read_only
            assert [c.name for c in list_communities(ws)] == ["只读群"]
            with pytest.raises(WorkspaceReadOnly, match="read-only"):
                create_community(ws, {"name": "新群"})
        assert snapshot(tmp_path) == before
    finally:
        os.chmod(path, 0o644)


def test_opening_twice_says_in_use(tmp_path: Path, paths: AppPaths) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths)
    first = open_ws(path, paths)
    try:
        with pytest.raises(WorkspaceInUse, match="already open"):
            open_ws(path, paths)
        with pytest.raises(WorkspaceInUse):
            open_ws(tmp_path / "." / "w.cplan", paths)  # same file, other spelling
    finally:
        first.close()
    open_ws(path, paths).close()


def test_lock_held_by_another_process_and_freed_when_it_dies(
    tmp_path: Path, paths: AppPaths
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths)
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path;"
            "from planner.workspace import open_workspace;"
            f"ws = open_workspace(Path({str(path)!r}), device_id='x', "
            f"lock_dir=Path({str(paths.lock_dir)!r}));"
            "print('ready', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "ready"
            with pytest.raises(WorkspaceInUse, match="process"):
                open_ws(path, paths)
        finally:
            holder.kill()  # SIGKILL: the OS must drop the lock with the process
            holder.wait()
    open_ws(path, paths).close()


# -- migrations --------------------------------------------------------------------


def test_schema1_file_is_migrated_with_a_backup_and_keeps_its_records(
    tmp_path: Path, paths: AppPaths
) -> None:
    """0002_calendar, run on a file written by the version before it."""
    copy = tmp_path / "old.cplan"
    shutil.copy(DATA / "workspace-schema1.cplan", copy)
    with open_ws(copy, paths) as ws:
        assert ws.schema_version == SCHEMA_VERSION
        names = {c.name for c in list_communities(ws)}
        assert "深夜读书会 · 付费会员圈" in names
        assert len(names) == 4
        assert len(list_communities(ws, trash=True)) == 1
        assert "calendar_items" in ws.db.table_names()
        assert ws.backup is not None
        backup = ws.backup
    with sqlite3.connect(backup) as conn, sqlite3.connect(DATA / "workspace-schema1.cplan") as old:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        query = "SELECT * FROM communities ORDER BY id"
        assert conn.execute(query).fetchall() == old.execute(query).fetchall()
    from planner.check import check_workspace

    assert check_workspace(copy).sound


def _with_extra_step(monkeypatch: pytest.MonkeyPatch, step: Callable[[Database], None]) -> None:
    """Pretend this version has one more migration step than the file."""
    migrations = Migrations(MIGRATION_SET)
    for existing in MIGRATIONS._migrations:
        migrations(name=existing.name)(existing.fn)
    migrations(name=f"{SCHEMA_VERSION + 1:04d}_test_step")(step)
    monkeypatch.setattr(workspace_module, "MIGRATIONS", migrations)
    monkeypatch.setattr(workspace_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)


def test_older_schema_is_migrated_after_a_backup(
    tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths, ("老群",))
    original = digest(path)

    def add_motto(db: Database) -> None:
        db.execute("ALTER TABLE communities ADD COLUMN motto TEXT NOT NULL DEFAULT '好好学习'")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    _with_extra_step(monkeypatch, add_motto)
    with open_ws(path, paths) as ws:
        assert ws.schema_version == SCHEMA_VERSION + 1
        assert ws.backup is not None and ws.backup.parent == tmp_path
        assert f"schema{SCHEMA_VERSION}-backup" in ws.backup.name
        rows = list(ws.db.query("SELECT name, motto FROM communities"))
        assert rows == [{"name": "老群", "motto": "好好学习"}]
        backup = ws.backup
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT name FROM communities").fetchall() == [("老群",)]
    assert digest(path) != original


def test_failed_migration_leaves_the_file_as_it_was(
    tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths, ("老群",))
    before = snapshot(tmp_path)

    def half_then_fail(db: Database) -> None:
        db.execute("CREATE TABLE half_done (id TEXT)")
        db.execute("UPDATE communities SET name = 'changed'")
        raise RuntimeError("disk said no")

    _with_extra_step(monkeypatch, half_then_fail)
    with pytest.raises(MigrationFailed, match="left as it was"):
        open_ws(path, paths)
    assert snapshot(tmp_path) == before
    monkeypatch.undo()
    with open_ws(path, paths) as ws:
        assert [c.name for c in list_communities(ws)] == ["老群"]
        assert "half_done" not in ws.db.table_names()


def test_read_only_older_schema_is_refused_not_migrated(
    tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths)
    os.chmod(path, 0o444)
    try:
        _with_extra_step(monkeypatch, lambda db: None)
        before = snapshot(tmp_path)
        with pytest.raises(WorkspaceError, match="older format"):
            open_ws(path, paths)
        assert snapshot(tmp_path) == before
    finally:
        os.chmod(path, 0o644)


def test_a_file_with_foreign_triggers_is_refused_and_untouched(
    tmp_path: Path, paths: AppPaths
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths, ("a", "b"))
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW peek AS SELECT name FROM communities")
    conn.commit()
    conn.close()
    before = snapshot(tmp_path)
    with pytest.raises(ForeignSchema, match="view “peek”"):
        open_ws(path, paths)
    assert snapshot(tmp_path) == before


def test_a_file_with_values_this_version_cannot_read_is_refused(
    tmp_path: Path, paths: AppPaths
) -> None:
    path = make_workspace(tmp_path / "w.cplan", paths, ("a",))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE communities SET platform = 'myspace'")
    conn.commit()
    conn.close()
    with pytest.raises(CorruptWorkspace, match="unknown platform “myspace”"):
        open_ws(path, paths)


# -- two connections: the window and a background job --------------------------------


def test_an_edit_waits_for_a_background_write_then_fails_clearly(
    workspace: Workspace,
) -> None:
    """Edits take the write lock as they begin, so SQLite's busy wait applies."""
    import threading
    import time

    from planner.communities import create_community, get_community
    from planner.errors import WorkspaceBusy
    from planner.workspace import open_worker_workspace

    community_id, _ = create_community(workspace, {"name": "A"})
    held, release = threading.Event(), threading.Event()

    def background() -> None:
        worker = open_worker_workspace(workspace)
        try:
            with worker.edit("background") as edit:
                edit.update("communities", community_id, {"notes": "from the job"})
                held.set()
                release.wait(10)
        finally:
            worker.close()

    job = threading.Thread(target=background)
    job.start()
    assert held.wait(10)
    timer = threading.Timer(0.3, release.set)
    timer.start()
    began = time.perf_counter()
    from planner.communities import update_community

    update_community(workspace, community_id, {"owner": "Lily 李"})
    assert time.perf_counter() - began >= 0.2  # it waited instead of failing
    job.join()
    stored = get_community(workspace, community_id)
    assert (stored.notes, stored.owner) == ("from the job", "Lily 李")

    # A lock held longer than the wait: one clear error, nothing changed.
    held.clear()
    release.clear()
    job = threading.Thread(target=background)
    job.start()
    assert held.wait(10)
    workspace.db.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(WorkspaceBusy, match="busy with another change"):
            update_community(workspace, community_id, {"owner": "Kevin 王"})
    finally:
        release.set()
        job.join()
    assert get_community(workspace, community_id).owner == "Lily 李"
    assert not workspace.db.conn.in_transaction
