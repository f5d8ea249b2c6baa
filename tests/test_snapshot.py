"""Snapshots: the one-file copy of a workspace that is handed to a teammate.

A snapshot is self-contained (no -wal/-shm/-journal, rollback journal mode),
sound, holds the source's rows as of one moment even while another connection
keeps writing, is signed with the sharer's device, and replaces its target
only when it is complete.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import planner.snapshot as snapshot_module
from planner.calendar import create_item
from planner.check import check_workspace
from planner.communities import create_community, list_communities
from planner.errors import PlannerError, WorkspaceNotFound
from planner.paths import AppPaths
from planner.snapshot import SnapshotError, snapshot_name, write_snapshot
from planner.workspace import Workspace, create_workspace, open_worker_workspace, open_workspace
from tests.conftest import DEVICE

SHARER = "00000000-0000-4000-8000-0000000000aa"
LABEL = "wang@laptop-7"
BATCH = 10  # the writer below commits calendar items in batches of this size


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    return {p.name: ("dir" if p.is_dir() else digest(p)) for p in sorted(folder.iterdir())}


def connect_immutable(path: Path) -> sqlite3.Connection:
    """Read ``path`` without SQLite writing anything beside it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    ]
    return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def dump_file(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = connect_immutable(path)
    try:
        return dump(conn)
    finally:
        conn.close()


def batches(path: Path) -> dict[str, int]:
    """Items per writer batch in the file ``path`` (each batch is one transaction)."""
    conn = connect_immutable(path)
    try:
        rows = conn.execute(
            "SELECT owner, count(*) FROM calendar_items WHERE owner LIKE 'batch %' GROUP BY owner"
        ).fetchall()
    finally:
        conn.close()
    return dict(rows)


def assert_self_contained(target: Path) -> None:
    """One file, in rollback-journal mode, with nothing beside it."""
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(f"{target}{suffix}").exists()
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}")] == []
    header = target.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # not WAL
    probe = target.parent / "probe" / "copy.cplan"
    probe.parent.mkdir(exist_ok=True)
    shutil.copyfile(target, probe)
    conn = sqlite3.connect(probe)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
        shutil.rmtree(probe.parent)


@pytest.fixture
def sample(sample_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir)
    yield ws
    ws.close()


def first_community(ws: Workspace) -> str:
    return list_communities(ws)[0].id


def add_batch(
    ws: Workspace,
    community_id: str,
    n: int,
    half: threading.Event | None = None,
    go: threading.Event | None = None,
) -> None:
    """One transaction: BATCH calendar items owned by "batch n"; with ``half`` and
    ``go``, it signals ``half`` in the middle and waits for ``go`` to finish."""
    start = datetime(2026, 11, 23, 8, 0)
    with ws.transaction():
        for i in range(BATCH):
            if i == BATCH // 2 and half is not None and go is not None:
                half.set()
                assert go.wait(10)
            create_item(
                ws,
                {
                    "community_id": community_id,
                    "kind": "content",
                    "item_type": "article",
                    "title": f"Batch {n}, item {i}",
                    "owner": f"batch {n:04d}",
                    "start": start + timedelta(hours=i),
                    "end": start + timedelta(hours=i, minutes=30),
                },
            )


# -- what a snapshot is ---------------------------------------------------------------


@pytest.mark.parametrize("source_kind", ["open workspace", "file path"])
def test_a_snapshot_is_one_sound_file_with_the_same_rows(
    source_kind: str, sample_path: Path, paths: AppPaths, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / snapshot_name("sample", "2026-11-23")
    if source_kind == "open workspace":
        ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir)
        try:
            create_community(ws, {"name": "Made just now"})  # in the -wal only
            rows = dump(ws.db.conn)
            assert write_snapshot(ws, target, device_id=SHARER, device_label=LABEL) == target
        finally:
            ws.close()
    else:
        before = listing(tmp_path)
        rows = dump_file(sample_path)
        assert write_snapshot(sample_path, target, device_id=SHARER, device_label=LABEL) == target
        assert listing(tmp_path) == {**before, "out": "dir"}  # the source is untouched
    assert sorted(p.name for p in out.iterdir()) == [target.name]
    assert_self_contained(target)
    report = check_workspace(target)
    assert report.sound, report.problems
    copied = dump_file(target)
    devices = copied.pop("devices")
    assert copied == {k: v for k, v in rows.items() if k != "devices"}
    assert set(devices) >= set(rows["devices"])
    assert [(i, label) for i, label, _ in devices if i == SHARER] == [(SHARER, LABEL)]
    conn = connect_immutable(target)
    try:
        names = {name for (name,) in conn.execute("SELECT name FROM communities")}
    finally:
        conn.close()
    assert ("Made just now" in names) is (source_kind == "open workspace")


def test_the_sharers_new_label_goes_into_the_snapshot_only(
    sample_path: Path, tmp_path: Path
) -> None:
    labels_before = dict((i, la) for i, la, _ in dump_file(sample_path)["devices"])
    assert DEVICE in labels_before and labels_before[DEVICE] != LABEL
    target = tmp_path / "shared.cplan"
    write_snapshot(sample_path, target, device_id=DEVICE, device_label=LABEL)
    labels = dict((i, la) for i, la, _ in dump_file(target)["devices"])
    assert labels == {**labels_before, DEVICE: LABEL}
    assert dict((i, la) for i, la, _ in dump_file(sample_path)["devices"]) == labels_before


# -- taken while another connection writes -------------------------------------------


def test_a_snapshot_taken_mid_transaction_holds_only_whole_transactions(
    sample: Workspace, tmp_path: Path
) -> None:
    community = first_community(sample)
    add_batch(sample, community, 0)
    half, go, done = threading.Event(), threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        worker = open_worker_workspace(sample)
        try:
            add_batch(worker, community, 1, half, go)
        except BaseException as exc:  # reported by the test, not the thread
            errors.append(exc)
        finally:
            worker.close()
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert half.wait(10), errors
        # Half a batch is written, uncommitted: both kinds of source see none of it.
        write_snapshot(sample, tmp_path / "a.cplan", device_id=SHARER, device_label=LABEL)
        write_snapshot(sample.path, tmp_path / "b.cplan", device_id=SHARER, device_label=LABEL)
    finally:
        go.set()
        thread.join(10)
    assert done.is_set() and not errors, errors
    write_snapshot(sample, tmp_path / "c.cplan", device_id=SHARER, device_label=LABEL)
    assert batches(tmp_path / "a.cplan") == {"batch 0000": BATCH}
    assert batches(tmp_path / "b.cplan") == {"batch 0000": BATCH}
    assert batches(tmp_path / "c.cplan") == {"batch 0000": BATCH, "batch 0001": BATCH}
    for name in ("a", "b", "c"):
        assert check_workspace(tmp_path / f"{name}.cplan").sound


def test_snapshots_taken_while_a_writer_keeps_committing_are_consistent(
    sample: Workspace, tmp_path: Path
) -> None:
    community = first_community(sample)
    stop, committed = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    written: list[int] = []

    def writer() -> None:
        worker = open_worker_workspace(sample)
        try:
            n = 0
            while not stop.is_set():
                add_batch(worker, community, n)
                written.append(n)
                n += 1
                committed.set()
        except BaseException as exc:
            errors.append(exc)
        finally:
            worker.close()
            committed.set()

    thread = threading.Thread(target=writer)
    thread.start()
    shots: list[Path] = []
    try:
        for k in range(8):
            # At least one more batch since the last snapshot, and the writer
            # does not wait for us: it is writing while the copy is taken.
            committed.clear()
            assert committed.wait(10) and not errors, errors
            target = tmp_path / "shots" / f"{k}.cplan"
            target.parent.mkdir(exist_ok=True)
            source: Path | Workspace = sample if k % 2 else sample.path
            write_snapshot(source, target, device_id=SHARER, device_label=LABEL)
            shots.append(target)
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive() and not errors, errors
    counts = []
    for shot in shots:
        found = batches(shot)
        assert found, shot
        assert set(found.values()) == {BATCH}, found  # only whole transactions
        # ... and a prefix of them: batch n is there only with every batch before it.
        assert sorted(found) == [f"batch {n:04d}" for n in range(len(found))]
        assert check_workspace(shot).sound
        assert_self_contained(shot)
        counts.append(len(found))
    # Non-decreasing, and each round waited for a new batch.
    assert counts == sorted(counts), counts
    assert all(count >= k + 1 for k, count in enumerate(counts)), counts
    assert len(written) >= counts[-1]


# -- written atomically -----------------------------------------------------------------


def test_an_existing_target_is_replaced_by_the_complete_copy(
    sample: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "shared.cplan"
    write_snapshot(sample, target, device_id=SHARER, device_label=LABEL)
    os.chmod(target, 0o640)
    old = batches(target)
    add_batch(sample, first_community(sample), 0)
    write_snapshot(sample, target, device_id=SHARER, device_label=LABEL)
    assert old == {} and batches(target) == {"batch 0000": BATCH}
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["sample.cplan", "sample.cplan-wal", "sample.cplan-shm", "shared.cplan", "home"]
    )


def test_a_failure_after_the_copy_was_written_leaves_the_target_and_no_temp_file(
    sample: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "shared.cplan"
    write_snapshot(sample, target, device_id=SHARER, device_label=LABEL)
    add_batch(sample, first_community(sample), 0)
    before = listing(out)
    seen: list[int] = []

    def failing_finish(tmp: Path, target: Path, device_id: str, device_label: str) -> None:
        seen.append(tmp.stat().st_size)  # the copy was there, complete
        raise SnapshotError(f"{target}: the copy could not be written (disk full).")

    monkeypatch.setattr(snapshot_module, "_finish", failing_finish)
    with pytest.raises(SnapshotError) as caught:
        write_snapshot(sample, target, device_id=SHARER, device_label=LABEL)
    assert seen and seen[0] > 0
    assert "\n" not in str(caught.value) and str(target) in str(caught.value)
    assert listing(out) == before


def _folder_target(folder: Path, ws_path: Path) -> Path:
    (folder / "a folder.cplan").mkdir()
    return folder / "a folder.cplan"


def _missing_folder(folder: Path, ws_path: Path) -> Path:
    return folder / "no such folder" / "shared.cplan"


def _the_workspace(folder: Path, ws_path: Path) -> Path:
    return ws_path


def _a_symlink_to_the_workspace(folder: Path, ws_path: Path) -> Path:
    link = folder / "link.cplan"
    link.symlink_to(ws_path)
    return link


def _a_hard_link_to_the_workspace(folder: Path, ws_path: Path) -> Path:
    link = folder / "hard.cplan"
    os.link(ws_path, link)
    return link


BAD_TARGETS = {
    "a folder": (_folder_target, "is a folder"),
    "in a missing folder": (_missing_folder, "no such folder"),
    "the workspace itself": (_the_workspace, "that is the workspace itself"),
    "a symlink to the workspace": (_a_symlink_to_the_workspace, "that is the workspace itself"),
    "a hard link to the workspace": (
        _a_hard_link_to_the_workspace,
        "that is the workspace itself",
    ),
}


@pytest.mark.parametrize("source_kind", ["open workspace", "file path"])
@pytest.mark.parametrize("case", BAD_TARGETS)
def test_a_bad_target_is_refused_with_one_line_and_nothing_changes(
    case: str, source_kind: str, sample_path: Path, paths: AppPaths, tmp_path: Path
) -> None:
    make, words = BAD_TARGETS[case]
    # Opened once: the first open turns the file to WAL mode.
    open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir).close()
    target = make(tmp_path, sample_path)
    before = listing(tmp_path)
    rows = dump_file(sample_path)
    ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir)
    try:
        source: Path | Workspace = ws if source_kind == "open workspace" else sample_path
        with pytest.raises(SnapshotError) as caught:
            write_snapshot(source, target, device_id=SHARER, device_label=LABEL)
        assert dump(ws.db.conn) == rows
    finally:
        ws.close()
    message = str(caught.value)
    assert words in message and "\n" not in message
    assert isinstance(caught.value, PlannerError)
    assert listing(tmp_path) == before  # the workspace, byte for byte, and no temp files


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_target_folder_is_refused_and_the_target_kept(
    sample: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "shared.cplan"
    write_snapshot(sample, target, device_id=SHARER, device_label=LABEL)
    before = listing(out)
    os.chmod(out, 0o555)
    try:
        with pytest.raises(SnapshotError) as caught:
            write_snapshot(sample, target, device_id=SHARER, device_label=LABEL)
    finally:
        os.chmod(out, 0o755)
    assert "cannot be written" in str(caught.value) and "\n" not in str(caught.value)
    assert listing(out) == before


def test_a_missing_source_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceNotFound, match="no such file"):
        write_snapshot(
            tmp_path / "none.cplan", tmp_path / "o.cplan", device_id=SHARER, device_label=LABEL
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# -- from the command line's side: a path, while the app has the workspace open ----------


def test_a_snapshot_from_the_path_of_a_workspace_open_and_locked_elsewhere(
    sample: Workspace, tmp_path: Path
) -> None:
    community = first_community(sample)
    add_batch(sample, community, 0)  # committed to the -wal, not checkpointed
    assert Path(f"{sample.path}-wal").stat().st_size > 0
    target = tmp_path / "shared.cplan"
    write_snapshot(sample.path, target, device_id=SHARER, device_label=LABEL)
    assert batches(target) == {"batch 0000": BATCH}
    assert check_workspace(target).sound
    assert_self_contained(target)
    # The window's workspace goes on working.
    add_batch(sample, community, 1)
    (count,) = sample.db.execute(
        "SELECT count(*) FROM calendar_items WHERE owner LIKE 'batch %'"
    ).fetchone()
    assert count == 2 * BATCH


def test_a_snapshot_is_not_written_over_a_workspace_in_use(tmp_path: Path, paths: AppPaths) -> None:
    from planner.snapshot import BadTarget

    source = tmp_path / "a.cplan"
    other = tmp_path / "b.cplan"
    with create_workspace(source, device_id=DEVICE, lock_dir=paths.lock_dir):
        pass
    with create_workspace(other, device_id=DEVICE, lock_dir=paths.lock_dir) as in_use:
        create_community(in_use, {"name": "别人的群"})
        assert Path(f"{other}-wal").exists()
        before = other.read_bytes()
        with pytest.raises(BadTarget, match="a workspace in use is there"):
            write_snapshot(source, other, device_id=DEVICE, device_label="me@laptop")
        assert other.read_bytes() == before
