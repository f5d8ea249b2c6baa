"""A file from someone else: refused with one clear line when it is broken or
hostile, read through a private checked copy when it is sound.

Every bad case starts from a real teammate's file (the sample workspace,
snapshotted as a teammate would share it), damaged by hand with plain sqlite3
the way a hostile or broken file could be. ``prepare_merge`` must then raise a
one-line :class:`~planner.errors.PlannerError` naming the file, and leave our
workspace, the received file and its folder byte for byte as they were (no
temp copy, no ``-wal``/``-shm``), with the private copy gone too.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from planner.check import check_workspace
from planner.communities import create_community, list_communities
from planner.demo import write_demo
from planner.errors import (
    CorruptWorkspace,
    ForeignSchema,
    NewerSchema,
    NotAWorkspace,
    PlannerError,
    TemplateError,
    WorkspaceNotFound,
)
from planner.incoming import received_workspace
from planner.merge_apply import apply_merge
from planner.merge_file import prepare_merge
from planner.paths import AppPaths
from planner.schema import SCHEMA_VERSION
from planner.snapshot import write_snapshot
from planner.template_context import sample_context
from planner.template_library import create_template, find_template
from planner.templating import TemplateKind, render_poster, render_welcome
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DATA, DEVICE

THEIRS_DEVICE = "00000000-0000-4000-8000-000000000002"
MY_COMMUNITY = "深夜读书会"
SVG_NS = "http://www.w3.org/2000/svg"
ESCAPE = "{{ ''.__class__.__mro__ }}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    """Every entry of ``folder``: name -> SHA-256 of its bytes, or "dir"."""
    return {p.name: ("dir" if p.is_dir() else digest(p)) for p in sorted(folder.iterdir())}


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Look inside ``path`` without SQLite writing anything beside it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@dataclass
class Files:
    mine: Path  # our workspace (closed)
    inbox: Path  # the folder the teammate's file arrived in
    theirs: Path  # the teammate's file, a sound snapshot of the sample workspace
    scratch: Path  # the system temp folder, for this test only
    lock_dir: Path

    def open_mine(self) -> Workspace:
        return open_workspace(self.mine, device_id=DEVICE, lock_dir=self.lock_dir)


@pytest.fixture
def files(tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Files:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    # The private copy of a received file goes to the temp folder: watch it.
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (tmp_path / "mine").mkdir()
    mine = tmp_path / "mine" / "mine.cplan"
    with create_workspace(mine, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        create_community(ws, {"name": MY_COMMUNITY})
    (tmp_path / "teammate").mkdir()
    source = tmp_path / "teammate" / "sample.cplan"
    write_demo(source, device_id=THEIRS_DEVICE, lock_dir=paths.lock_dir)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    theirs = write_snapshot(
        source, inbox / "theirs.cplan", device_id=THEIRS_DEVICE, device_label="wang@laptop-7"
    )
    return Files(mine, inbox, theirs, scratch, paths.lock_dir)


def refused(files: Files, bad: Path) -> PlannerError:
    """Merge ``bad`` into our workspace; return the error after checking that
    nothing anywhere was written."""
    mine_before = listing(files.mine.parent)
    inbox_before = listing(files.inbox)
    ws = files.open_mine()
    try:
        with pytest.raises(PlannerError) as caught:
            prepare_merge(ws, bad)
    finally:
        ws.close()
    assert listing(files.mine.parent) == mine_before  # our workspace, byte for byte
    assert listing(files.inbox) == inbox_before  # their file, and nothing beside it
    assert list(files.scratch.iterdir()) == []  # the private copy is gone
    message = str(caught.value)
    assert "\n" not in message
    assert str(bad) in message
    return caught.value


def execute(path: Path, *sql: str) -> None:
    """Run ``sql`` on ``path`` with plain sqlite3 and leave it one file again."""
    conn = sqlite3.connect(path)
    try:
        for statement in sql:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    assert not Path(f"{path}-journal").exists()


# -- the cases: each returns the path to merge -----------------------------------------


def _view_load_extension(theirs: Path) -> Path:
    execute(theirs, "CREATE VIEW v AS SELECT load_extension('/tmp/evil.so') AS x")
    return theirs


def _view_randomblob(theirs: Path) -> Path:
    execute(theirs, "CREATE VIEW noise AS SELECT name, randomblob(16) AS r FROM communities")
    return theirs


def _trigger_calling_a_function(theirs: Path) -> Path:
    execute(
        theirs,
        "CREATE TRIGGER calendar_items_spy AFTER INSERT ON calendar_items "
        "BEGIN SELECT load_extension('/tmp/evil.so'); END",
    )
    return theirs


def _our_trigger_rewritten(theirs: Path) -> Path:
    execute(
        theirs,
        "DROP TRIGGER communities_version_insert",
        "CREATE TRIGGER communities_version_insert AFTER INSERT ON communities "
        "BEGIN DELETE FROM calendar_items; END",
    )
    return theirs


def _extra_table(theirs: Path) -> Path:
    execute(theirs, "CREATE TABLE notes (x TEXT)")
    return theirs


def _extra_index(theirs: Path) -> Path:
    execute(theirs, "CREATE INDEX communities_by_owner ON communities (owner)")
    return theirs


def _missing_table(theirs: Path) -> Path:
    execute(theirs, "DROP TABLE merge_log")
    return theirs


def _wrong_application_id(theirs: Path) -> Path:
    execute(theirs, "PRAGMA application_id = 1234")
    return theirs


def _application_id_zero(theirs: Path) -> Path:
    execute(theirs, "PRAGMA application_id = 0")
    return theirs


def _application_id_zero_in_wal_mode(theirs: Path) -> Path:
    # A WAL-mode header may say 0 (the real id can be in the -wal); with no
    # -wal beside it, the connection must decide.
    execute(theirs, "PRAGMA journal_mode = WAL", "PRAGMA application_id = 0")
    header = theirs.read_bytes()[:100]
    assert header[18:20] == b"\x02\x02" and header[68:72] == b"\x00" * 4
    assert not Path(f"{theirs}-wal").exists()
    return theirs


def _newer_schema(theirs: Path) -> Path:
    execute(theirs, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return theirs


def _no_schema_version(theirs: Path) -> Path:
    execute(theirs, "PRAGMA user_version = 0")
    return theirs


def _someone_elses_sqlite_with_our_id(theirs: Path) -> Path:
    theirs.unlink()
    execute(
        theirs,
        "PRAGMA application_id = 1129344110",  # ours, 0x43506C6E
        f"PRAGMA user_version = {SCHEMA_VERSION}",
        "CREATE TABLE notes (x TEXT)",
    )
    return theirs


def _corrupt_page(theirs: Path) -> Path:
    page_size = int(query(theirs, "PRAGMA page_size")[0][0])
    data = bytearray(theirs.read_bytes())
    middle = len(data) // page_size // 2
    data[middle * page_size : (middle + 1) * page_size] = b"\xab" * page_size
    theirs.write_bytes(bytes(data))
    try:
        assert query(theirs, "PRAGMA quick_check") != [("ok",)]
    except sqlite3.DatabaseError:
        pass  # damaged past reading: just as good
    return theirs


def _truncated_at_half(theirs: Path) -> Path:
    data = theirs.read_bytes()
    theirs.write_bytes(data[: len(data) // 2])
    return theirs


def _truncated_after_the_first_page(theirs: Path) -> Path:
    theirs.write_bytes(theirs.read_bytes()[:4096])
    return theirs


def _truncated_mid_header(theirs: Path) -> Path:
    theirs.write_bytes(theirs.read_bytes()[:50])
    return theirs


def _empty(theirs: Path) -> Path:
    theirs.write_bytes(b"")
    return theirs


def _not_sqlite(theirs: Path) -> Path:
    theirs.write_bytes(b"PK\x03\x04" + bytes((i * 7919 + 13) % 256 for i in range(8192)))
    return theirs


def _folder(theirs: Path) -> Path:
    folder = theirs.parent / "folder.cplan"
    folder.mkdir()
    return folder


def _missing(theirs: Path) -> Path:
    return theirs.parent / "missing.cplan"


def _unknown_checklist_stage(theirs: Path) -> Path:
    execute(
        theirs,
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE checklist_items SET stage = 'decline' "
        "WHERE rowid = (SELECT min(rowid) FROM checklist_items)",
    )
    return theirs


def _unknown_community_stage(theirs: Path) -> Path:
    execute(
        theirs,
        "UPDATE communities SET stage = 'decline' "
        "WHERE rowid = (SELECT min(rowid) FROM communities)",
    )
    return theirs


def _unknown_platform(theirs: Path) -> Path:
    execute(
        theirs,
        "UPDATE communities SET platform = 'myspace' "
        "WHERE rowid = (SELECT min(rowid) FROM communities)",
    )
    return theirs


def _unreadable_exdates(theirs: Path) -> Path:
    execute(
        theirs,
        "UPDATE calendar_items SET exdates = '{' "
        "WHERE rowid = (SELECT min(rowid) FROM calendar_items)",
    )
    return theirs


def _dangling_reference(theirs: Path) -> Path:
    execute(
        theirs,
        "PRAGMA foreign_keys = OFF",
        "UPDATE calendar_items SET community_id = 'gone' "
        "WHERE rowid = (SELECT min(rowid) FROM calendar_items)",
    )
    return theirs


def _stamp_as_text(theirs: Path) -> Path:
    execute(
        theirs,
        "UPDATE row_versions SET updated_at = 'yesterday ' || updated_at "
        "WHERE row_id = (SELECT min(row_id) FROM row_versions)",
    )
    return theirs


def _upgrade_claimed_but_missing(theirs: Path) -> Path:
    execute(theirs, "DELETE FROM _sqlite_migrations WHERE name = '0002_calendar'")
    return theirs


BAD: dict[str, tuple[Callable[[Path], Path], type[PlannerError], str]] = {
    "a record pointing at one that is not there": (
        _dangling_reference,
        CorruptWorkspace,
        "a calendar_items record points to a communities record that is not there",
    ),
    "a recorded version that is not a number": (
        _stamp_as_text,
        CorruptWorkspace,
        "recorded versions that are not numbers",
    ),
    "the list of upgrades tampered with": (
        _upgrade_claimed_but_missing,
        CorruptWorkspace,
        "its list of applied upgrades does not match",
    ),
    "view calling load_extension": (_view_load_extension, ForeignSchema, "unknown view “v”"),
    "view calling randomblob": (_view_randomblob, ForeignSchema, "unknown view “noise”"),
    "trigger calling a function": (
        _trigger_calling_a_function,
        ForeignSchema,
        "unknown trigger “calendar_items_spy”",
    ),
    "one of our triggers rewritten": (
        _our_trigger_rewritten,
        ForeignSchema,
        "trigger “communities_version_insert” has an unexpected definition",
    ),
    "extra table": (_extra_table, ForeignSchema, "unknown table “notes”"),
    "extra index": (_extra_index, ForeignSchema, "unknown index “communities_by_owner”"),
    "missing table": (_missing_table, ForeignSchema, "missing table “merge_log”"),
    "wrong application_id": (
        _wrong_application_id,
        NotAWorkspace,
        "not a Community Planner workspace",
    ),
    "application_id 0": (_application_id_zero, NotAWorkspace, "not a Community Planner workspace"),
    "application_id 0 in a WAL-mode file": (
        _application_id_zero_in_wal_mode,
        NotAWorkspace,
        "not a Community Planner workspace",
    ),
    "newer schema": (_newer_schema, NewerSchema, f"(schema {SCHEMA_VERSION + 1})"),
    "no schema version": (_no_schema_version, CorruptWorkspace, "no schema version"),
    "another app's database with our id": (
        _someone_elses_sqlite_with_our_id,
        ForeignSchema,
        "unknown table “notes”",
    ),
    "corrupt page": (_corrupt_page, CorruptWorkspace, "damaged"),
    "truncated at half": (_truncated_at_half, CorruptWorkspace, "damaged"),
    "truncated after the first page": (
        _truncated_after_the_first_page,
        CorruptWorkspace,
        "damaged",
    ),
    "truncated mid-header": (_truncated_mid_header, NotAWorkspace, "not an SQLite database"),
    "empty": (_empty, NotAWorkspace, "empty (0 bytes)"),
    "not SQLite": (_not_sqlite, NotAWorkspace, "not an SQLite database"),
    "a folder": (_folder, NotAWorkspace, "is a folder"),
    "missing": (_missing, WorkspaceNotFound, "no such file"),
    # A value past a CHECK constraint is caught by quick_check already.
    "unknown checklist stage": (_unknown_checklist_stage, CorruptWorkspace, "damaged"),
    "unknown community stage": (
        _unknown_community_stage,
        CorruptWorkspace,
        "unknown stage “decline”",
    ),
    "unknown platform": (_unknown_platform, CorruptWorkspace, "unknown platform “myspace”"),
    "unreadable exdates": (_unreadable_exdates, CorruptWorkspace, "unreadable exdates"),
}


def test_the_teammates_file_untouched_is_accepted(files: Files) -> None:
    """The control for every case below: before tampering, the file merges."""
    names = {name for (name,) in query(files.theirs, "SELECT name FROM communities")}
    before = listing(files.inbox)
    with files.open_mine() as ws:
        plan = prepare_merge(ws, files.theirs)
    arrived = {t.theirs["name"] for t in plan.takes if t.table == "communities"}
    assert arrived == names and len(names) >= 3
    assert not plan.conflicts
    assert listing(files.inbox) == before
    assert list(files.scratch.iterdir()) == []


@pytest.mark.parametrize("case", BAD)
def test_a_bad_file_is_refused_with_one_line_and_nothing_is_written(
    case: str, files: Files
) -> None:
    make, error_type, words = BAD[case]
    bad = make(files.theirs)
    error = refused(files, bad)
    assert type(error) is error_type, error
    assert words in str(error)


@pytest.mark.parametrize("case", BAD)
def test_received_workspace_refuses_the_same_files(case: str, files: Files) -> None:
    """The lower-level reader the app's merge dialog uses says the same."""
    make, error_type, words = BAD[case]
    bad = make(files.theirs)
    before = listing(files.inbox)
    with pytest.raises(error_type, match=re.escape(words)):
        with received_workspace(bad):
            pass
    assert listing(files.inbox) == before
    assert list(files.scratch.iterdir()) == []


# Objects whose names SQLite's LIKE pattern 'sqlite_%' matches although they are
# not SQLite's own: '_' matches any character and LIKE ignores case.
HIDDEN = {
    "trigger named like sqlite's own": (
        "CREATE TRIGGER sqlitex_wipe AFTER UPDATE ON communities "
        "BEGIN DELETE FROM calendar_items; END",
        "trigger “sqlitex_wipe”",
    ),
    "view named like sqlite's own": (
        "CREATE VIEW SQLiteView AS SELECT 1 AS x",
        "view “SQLiteView”",
    ),
}


@pytest.mark.parametrize("case", HIDDEN)
def test_a_foreign_object_named_like_sqlites_own_is_refused(case: str, files: Files) -> None:
    sql, words = HIDDEN[case]
    execute(files.theirs, sql)
    error = refused(files, files.theirs)
    assert isinstance(error, ForeignSchema)
    assert words in str(error)


# -- files that arrive with a -wal beside them ----------------------------------------


def deliver_in_wal_mode(files: Files, change: Callable[[sqlite3.Connection], None]) -> Path:
    """Turn the teammate's file to WAL mode, make ``change`` (committed, not
    checkpointed) and deliver the main file and its -wal to the inbox, as a copy
    taken while the teammate's app had the file open would be."""
    work = files.inbox.parent / "teammate-open"
    work.mkdir()
    source = work / files.theirs.name
    shutil.move(files.theirs, source)
    conn = sqlite3.connect(source)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        change(conn)
        conn.commit()
        shutil.copyfile(source, files.theirs)
        shutil.copyfile(f"{source}-wal", f"{files.theirs}-wal")
    finally:
        conn.close()
    return files.theirs


WAL_BAD: dict[str, tuple[str, type[PlannerError], str]] = {
    "a view in the -wal": (
        "CREATE VIEW v AS SELECT load_extension('/tmp/evil.so') AS x",
        ForeignSchema,
        "unknown view “v”",
    ),
    "a newer schema in the -wal": (
        f"PRAGMA user_version = {SCHEMA_VERSION + 1}",
        NewerSchema,
        "newer version",
    ),
    "another application_id in the -wal": (
        "PRAGMA application_id = 1234",
        NotAWorkspace,
        "not a Community Planner workspace",
    ),
}


@pytest.mark.parametrize("case", WAL_BAD)
def test_what_the_wal_holds_is_checked_too(case: str, files: Files) -> None:
    sql, error_type, words = WAL_BAD[case]
    bad = deliver_in_wal_mode(files, lambda conn: conn.execute(sql))
    main, wal = digest(bad), digest(Path(f"{bad}-wal"))
    mine = digest(files.mine)
    with files.open_mine() as ws, pytest.raises(error_type) as caught:
        prepare_merge(ws, bad)
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert str(bad) in str(caught.value)
    assert (digest(bad), digest(Path(f"{bad}-wal"))) == (main, wal)
    assert digest(files.mine) == mine
    assert list(files.scratch.iterdir()) == []


def _open_teammate_with_a_pending_wal(files: Files, lock_dir: Path) -> Path:
    """The teammate's working file copied (with its -wal) while their app had it open:
    one change committed only to the -wal, one transaction still in progress."""
    work = files.inbox.parent / "teammate-open"
    work.mkdir()
    source = work / "theirs.cplan"
    files.theirs.unlink()
    with create_workspace(source, device_id=THEIRS_DEVICE, lock_dir=lock_dir) as ws:
        create_community(ws, {"name": "Checkpointed"})
        ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ws.db.execute("PRAGMA wal_autocheckpoint = 0")
        create_community(ws, {"name": "Only in the WAL"})
        other = sqlite3.connect(source, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE communities SET name = 'Uncommitted'")
            shutil.copyfile(source, files.theirs)
            shutil.copyfile(f"{source}-wal", f"{files.theirs}-wal")
            other.execute("ROLLBACK")
        finally:
            other.close()
    return files.theirs


def test_a_wal_mode_file_is_read_with_what_its_wal_holds(files: Files) -> None:
    theirs = _open_teammate_with_a_pending_wal(files, files.lock_dir)
    # The main file alone does not have it.
    assert query(theirs, "SELECT name FROM communities") == [("Checkpointed",)]
    main, wal = digest(theirs), digest(Path(f"{theirs}-wal"))
    with files.open_mine() as ws:
        plan = prepare_merge(ws, theirs)
    arrived = sorted(t.theirs["name"] for t in plan.takes if t.table == "communities")
    assert arrived == ["Checkpointed", "Only in the WAL"]
    assert (digest(theirs), digest(Path(f"{theirs}-wal"))) == (main, wal)
    assert list(files.scratch.iterdir()) == []


def test_reading_a_wal_mode_file_leaves_its_folder_as_it_was(files: Files) -> None:
    theirs = _open_teammate_with_a_pending_wal(files, files.lock_dir)
    before = listing(files.inbox)
    with files.open_mine() as ws:
        prepare_merge(ws, theirs)
    assert listing(files.inbox) == before


# -- older files: migrated in the private copy only -------------------------------------


@pytest.mark.parametrize("version", [1, 3, 4])
def test_an_older_file_is_planned_and_merged_without_being_changed(
    version: int, files: Files
) -> None:
    old = files.inbox / f"workspace-schema{version}.cplan"
    shutil.copyfile(DATA / old.name, old)
    assert query(old, "PRAGMA user_version") == [(version,)]
    names = {name for (name,) in query(old, "SELECT name FROM communities")}
    live = {name for (name,) in query(old, "SELECT name FROM communities WHERE deleted = 0")}
    before = listing(files.inbox)
    with files.open_mine() as ws:
        plan = prepare_merge(ws, old)
        assert {t.theirs["name"] for t in plan.takes if t.table == "communities"} == names
        # Migrated in the copy: checklists (schema 4) came with the communities.
        assert plan.report()["tables"]["checklist_items"]["added"] > 0
        apply_merge(ws, plan)
        assert {c.name for c in list_communities(ws)} == live | {MY_COMMUNITY}
    assert listing(files.inbox) == before
    assert list(files.scratch.iterdir()) == []
    assert check_workspace(files.mine).sound


# -- templates that travel inside a received file ---------------------------------------


def test_a_received_template_is_still_only_rendered_in_the_sandbox(
    files: Files, tmp_path: Path
) -> None:
    source = tmp_path / "teammate" / "templates.cplan"
    with create_workspace(source, device_id=THEIRS_DEVICE, lock_dir=files.lock_dir) as ws:
        create_template(
            ws,
            TemplateKind.POSTER,
            {
                "name": "Innocent poster",
                "language": "en",
                "body": f'<svg xmlns="{SVG_NS}"><text>' + ESCAPE + "</text></svg>",
            },
        )
        create_template(
            ws,
            TemplateKind.WELCOME,
            {
                "name": "Innocent welcome",
                "language": "en",
                "messages": [
                    {"offset_minutes": 0, "body": "Hi {{ community.name }}"},
                    {"offset_minutes": 60, "body": "{{ cycler.__init__.__globals__ }}"},
                ],
            },
        )
    theirs = write_snapshot(
        source, files.inbox / "templates.cplan", device_id=THEIRS_DEVICE, device_label="wang"
    )
    with files.open_mine() as ws:
        apply_merge(ws, prepare_merge(ws, theirs))
        poster = find_template(ws, "Innocent poster")
        welcome = find_template(ws, "Innocent welcome")
        assert not poster.builtin and "__mro__" in poster.body  # it did arrive as written
        ctx = sample_context("en")
        with pytest.raises(TemplateError) as caught:
            render_poster(poster, ctx)
        assert "“__class__” cannot be used in a template" in str(caught.value)
        assert "\n" not in str(caught.value) and "mro" not in str(caught.value).lower()
        with pytest.raises(TemplateError) as caught:
            render_welcome(welcome, ctx)
        assert str(caught.value).startswith("Template “Innocent welcome")
        assert "\n" not in str(caught.value)
