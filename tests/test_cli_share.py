"""`planner snapshot` and `planner merge`: the sharing half of the CLI contract.

Errors are one line on stderr with exit 1 (failure) or 2 (bad input), and a
merge that fails or is refused leaves the workspace byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from planner import cli
from planner.check import check_workspace
from planner.communities import (
    create_community,
    delete_community,
    find_community,
    list_communities,
    update_community,
)
from planner.lock import machine_label
from planner.merge import MERGE_ORDER
from planner.paths import AppPaths, device_id
from planner.snapshot import write_snapshot
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE

THEIRS_DEVICE = "00000000-0000-4000-8000-000000000002"
COUNT_KEYS = {"added", "updated", "deleted", "conflicts"}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    return {p.name: ("dir" if p.is_dir() else digest(p)) for p in sorted(folder.iterdir())}


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the (closed) file ``path``."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            )
        ]
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def one_line(err: str) -> str:
    assert err.startswith("planner: ") and err.endswith("\n") and err.count("\n") == 1, err
    return err


@dataclass
class Share:
    """Our workspace and a teammate's copy of it, both closed."""

    mine: Path
    theirs: Path
    ids: dict[str, str]
    paths: AppPaths

    def open_mine(self) -> Workspace:
        return open_workspace(self.mine, device_id=device_id(self.paths), lock_dir=lock(self))

    @property
    def backups(self) -> Path:
        return self.paths.data_dir / "backups"


def lock(share: Share) -> Path:
    return share.paths.lock_dir


def make_share(tmp_path: Path, paths: AppPaths, *, conflict: bool) -> Share:
    """Mine: A, B, C. Theirs (a snapshot of mine, then changed by the teammate):
    a new community D, A's notes changed, C deleted, B's owner changed; with
    ``conflict``, B's owner is changed differently on our side too."""
    me = device_id(paths)  # the CLI's device: opening for it records nothing new
    mine = tmp_path / "mine.cplan"
    with create_workspace(mine, device_id=me, lock_dir=paths.lock_dir) as ws:
        ids = {n: create_community(ws, {"name": n})[0] for n in ("A 读书会", "B camp", "C club")}
    (tmp_path / "teammate").mkdir()
    work = tmp_path / "teammate" / "work.cplan"
    write_snapshot(mine, work, device_id=me, device_label=machine_label())
    with open_workspace(work, device_id=THEIRS_DEVICE, lock_dir=paths.lock_dir) as ws:
        ids["D"] = create_community(ws, {"name": "D 学习营"})[0]
        update_community(ws, ids["A 读书会"], {"notes": "from the teammate"})
        delete_community(ws, ids["C club"])
        update_community(ws, ids["B camp"], {"owner": "Wang 王"})
    (tmp_path / "inbox").mkdir()
    theirs = write_snapshot(
        work, tmp_path / "inbox" / "theirs.cplan", device_id=THEIRS_DEVICE, device_label="wang"
    )
    if conflict:
        with open_workspace(mine, device_id=me, lock_dir=paths.lock_dir) as ws:
            update_community(ws, ids["B camp"], {"owner": "Lily 李"})
    return Share(mine, theirs, ids, paths)


@pytest.fixture
def share(tmp_path: Path, paths: AppPaths) -> Share:
    return make_share(tmp_path, paths, conflict=False)


@pytest.fixture
def conflicted(tmp_path: Path, paths: AppPaths) -> Share:
    return make_share(tmp_path, paths, conflict=True)


def new_checklist_items(share: Share) -> int:
    """The checklist items that came with community D in their file."""
    rows = dump(share.theirs)["checklist_items"]
    return sum(1 for row in rows if share.ids["D"] in row)


# -- planner snapshot -------------------------------------------------------------------


def test_snapshot_writes_a_sound_single_file(
    share: Share, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "shared.cplan"
    out.parent.mkdir()
    before = digest(share.mine)
    code, stdout, err = run(["snapshot", str(share.mine), str(out)], capsys)
    assert (code, err) == (0, "")
    assert stdout == f"Wrote a copy of mine.cplan to {out}\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["shared.cplan"]
    assert out.read_bytes()[18:20] == b"\x01\x01"  # not WAL mode
    assert check_workspace(out).sound
    copied, source = dump(out), dump(share.mine)
    assert {k: v for k, v in copied.items() if k != "devices"} == {
        k: v for k, v in source.items() if k != "devices"
    }
    assert (device_id(share.paths), machine_label()) in {(i, la) for i, la, _ in copied["devices"]}
    assert digest(share.mine) == before


def test_snapshot_of_a_workspace_the_app_has_open(
    share: Share, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "shared.cplan"
    with share.open_mine() as ws:  # holds the lock, as a window would
        create_community(ws, {"name": "E (not checkpointed)"})
        code, stdout, err = run(["snapshot", str(share.mine), str(out)], capsys)
        assert (code, err) == (0, "")
        create_community(ws, {"name": "F (after the snapshot)"})
    conn = sqlite3.connect(f"{out.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        names = {name for (name,) in conn.execute("SELECT name FROM communities")}
    finally:
        conn.close()
    assert names == {"A 读书会", "B camp", "C club", "E (not checkpointed)"}
    assert check_workspace(out).sound


def _missing_workspace(tmp: Path, share: Share) -> list[str]:
    return [str(tmp / "none.cplan"), str(tmp / "out.cplan")]


def _not_a_workspace(tmp: Path, share: Share) -> list[str]:
    (tmp / "notes.txt").write_text("not a workspace\n" * 20, encoding="utf-8")
    return [str(tmp / "notes.txt"), str(tmp / "out.cplan")]


def _output_folder_missing(tmp: Path, share: Share) -> list[str]:
    return [str(share.mine), str(tmp / "no such folder" / "out.cplan")]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(_missing_workspace, "none.cplan: no such file.", id="missing workspace"),
        pytest.param(_not_a_workspace, "not an SQLite database", id="not a workspace"),
        pytest.param(
            _output_folder_missing,
            "no such folder: no such folder.",
            id="output folder missing",
        ),
    ],
)
def test_snapshot_bad_input_is_one_line_and_exit_2(
    make: Any, words: str, share: Share, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = make(tmp_path, share)
    before = listing(tmp_path)
    code, stdout, err = run(["snapshot", *argv], capsys)
    assert words in one_line(err)
    assert stdout == ""
    assert listing(tmp_path) == before
    assert code == 2


def test_snapshot_onto_the_workspace_itself_is_refused(
    share: Share, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = listing(tmp_path)
    code, stdout, err = run(["snapshot", str(share.mine), str(share.mine)], capsys)
    assert code in (1, 2) and stdout == ""
    assert "that is the workspace itself" in one_line(err)
    assert listing(tmp_path) == before


# -- planner merge ------------------------------------------------------------------------


def test_merge_dry_run_json_reports_every_table_and_changes_nothing(
    conflicted: Share, capsys: pytest.CaptureFixture[str]
) -> None:
    before = listing(conflicted.mine.parent)
    argv = ["merge", str(conflicted.mine), str(conflicted.theirs), "--dry-run", "--json"]
    code, stdout, err = run(argv, capsys)
    assert (code, err) == (0, "")
    report = json.loads(stdout)
    assert report["dry_run"] is True and report["applied"] is False
    assert "backup" not in report
    assert set(report["tables"]) == set(MERGE_ORDER)
    for counts in report["tables"].values():
        assert set(counts) == COUNT_KEYS
    assert report["tables"]["communities"] == {
        "added": 1,
        "updated": 1,
        "deleted": 1,
        "conflicts": 1,
    }
    items = new_checklist_items(conflicted)
    assert items > 0
    assert report["tables"]["checklist_items"] == {
        "added": items,
        "updated": 0,
        "deleted": 0,
        "conflicts": 0,
    }
    for table in set(MERGE_ORDER) - {"communities", "checklist_items"}:
        assert report["tables"][table] == dict.fromkeys(COUNT_KEYS, 0)
    assert report["total"] == {"added": 1 + items, "updated": 1, "deleted": 1, "conflicts": 1}
    assert report["conflicts"] == [
        {
            "table": "communities",
            "id": conflicted.ids["B camp"],
            "label": "B camp",
            "fields": ["owner"],
        }
    ]
    assert listing(conflicted.mine.parent) == before
    assert not conflicted.backups.exists()


def test_merge_dry_run_text_lists_the_changes(
    conflicted: Share, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(conflicted.mine)
    argv = ["merge", str(conflicted.mine), str(conflicted.theirs), "--dry-run"]
    code, stdout, err = run(argv, capsys)
    assert (code, err) == (0, "")
    items = new_checklist_items(conflicted)
    lines = stdout.splitlines()
    assert lines[0] == (
        f"theirs.cplan would bring: {1 + items} added, 1 changed, 1 deleted, 1 conflict "
        "(dry run; nothing was changed)"
    )
    assert "  communities: 1 added, 1 updated, 1 deleted, 1 conflict" in lines
    assert "  conflict: communities “B camp” (owner)" in lines
    assert digest(conflicted.mine) == before


def test_merge_applies_after_a_backup_and_a_second_merge_finds_nothing(
    share: Share, capsys: pytest.CaptureFixture[str]
) -> None:
    rows_before = dump(share.mine)
    code, stdout, err = run(["merge", str(share.mine), str(share.theirs)], capsys)
    assert (code, err) == (0, "")
    items = new_checklist_items(share)
    prefix = f"Merged theirs.cplan: {1 + items} added, 2 changed, 1 deleted. Backup: "
    assert stdout.startswith(prefix) and stdout.endswith("\n") and stdout.count("\n") == 1
    backup = Path(stdout[len(prefix) :].strip())
    assert backup.parent == share.backups and backup.is_file()
    assert dump(backup) == rows_before  # the workspace as it was before the merge
    assert check_workspace(backup).sound

    with share.open_mine() as ws:
        names = {c.name for c in list_communities(ws)}
        assert names == {"A 读书会", "B camp", "D 学习营"}
        assert find_community(ws, "A 读书会").notes == "from the teammate"
        assert find_community(ws, "B camp").owner == "Wang 王"
        (merges,) = ws.db.execute("SELECT count(*) FROM merge_log").fetchone()
        assert merges == 1
    assert check_workspace(share.mine).sound

    after = listing(share.mine.parent)
    backups = listing(share.backups)
    code, stdout, err = run(["merge", str(share.mine), str(share.theirs)], capsys)
    assert (code, err) == (0, "")
    assert stdout == "theirs.cplan: nothing new; the workspace already has every change in it.\n"
    assert listing(share.mine.parent) == after
    assert listing(share.backups) == backups


def test_merge_json_without_dry_run_says_applied_and_names_the_backup(
    share: Share, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = run(["merge", str(share.mine), str(share.theirs), "--json"], capsys)
    assert (code, err) == (0, "")
    report = json.loads(stdout)
    assert report["applied"] is True and report["dry_run"] is False
    assert Path(report["backup"]).is_file()
    assert report["total"]["added"] == 1 + new_checklist_items(share)


def test_merge_with_conflicts_needs_a_choice_and_changes_nothing(
    conflicted: Share, capsys: pytest.CaptureFixture[str]
) -> None:
    before = listing(conflicted.mine.parent)
    code, stdout, err = run(["merge", str(conflicted.mine), str(conflicted.theirs)], capsys)
    assert code == 1 and stdout == ""
    assert "theirs.cplan: 1 record changed on both sides; nothing was changed" in one_line(err)
    assert "--conflicts mine|theirs" in err
    assert listing(conflicted.mine.parent) == before
    assert not conflicted.backups.exists()


@pytest.mark.parametrize(("side", "owner"), [("theirs", "Wang 王"), ("mine", "Lily 李")])
def test_merge_with_conflicts_resolved_one_way(
    side: str, owner: str, conflicted: Share, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["merge", str(conflicted.mine), str(conflicted.theirs), "--conflicts", side]
    code, stdout, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert f"; conflicts resolved with {side}. Backup: " in stdout
    with conflicted.open_mine() as ws:
        assert find_community(ws, "B camp").owner == owner
        assert find_community(ws, "A 读书会").notes == "from the teammate"
        assert {c.name for c in list_communities(ws)} == {"A 读书会", "B camp", "D 学习营"}
    # The conflict was decided: merging the file again finds nothing.
    after = listing(conflicted.mine.parent)
    code, stdout, err = run(["merge", str(conflicted.mine), str(conflicted.theirs)], capsys)
    assert (code, err) == (0, "") and "nothing new" in stdout
    assert listing(conflicted.mine.parent) == after


@pytest.mark.parametrize("how", ["same path", "symlink"])
def test_merging_the_workspace_with_itself_is_refused(
    how: str, share: Share, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = share.mine
    if how == "symlink":
        other = tmp_path / "inbox" / "link.cplan"
        other.symlink_to(share.mine)
    before = listing(share.mine.parent)
    code, stdout, err = run(["merge", str(share.mine), str(other)], capsys)
    assert code in (1, 2) and stdout == ""
    assert "is this workspace itself" in one_line(err)
    assert listing(share.mine.parent) == before
    assert not share.backups.exists()


MALICIOUS = {
    "a view calling a function": (
        "CREATE VIEW v AS SELECT load_extension('/tmp/evil.so') AS x",
        "unknown view “v”",
    ),
    "a trigger on a user table": (
        "CREATE TRIGGER t AFTER INSERT ON communities BEGIN SELECT randomblob(8); END",
        "unknown trigger “t”",
    ),
    "one of our triggers rewritten": (
        "DROP TRIGGER communities_version_insert; CREATE TRIGGER communities_version_insert "
        "AFTER INSERT ON communities BEGIN DELETE FROM calendar_items; END",
        "has an unexpected definition",
    ),
}


@pytest.mark.parametrize("case", MALICIOUS)
def test_merging_a_malicious_file_is_refused_and_changes_nothing(
    case: str, share: Share, capsys: pytest.CaptureFixture[str]
) -> None:
    sql, words = MALICIOUS[case]
    conn = sqlite3.connect(share.theirs)
    conn.executescript(sql)
    conn.close()
    mine_before = listing(share.mine.parent)
    inbox_before = listing(share.theirs.parent)
    for extra in ([], ["--dry-run", "--json"]):
        code, stdout, err = run(["merge", str(share.mine), str(share.theirs), *extra], capsys)
        assert code == 2 and stdout == ""
        assert words in one_line(err)
        assert str(share.theirs) in err
    assert listing(share.mine.parent) == mine_before
    assert listing(share.theirs.parent) == inbox_before
    assert not share.backups.exists()


def test_a_refused_merge_by_a_new_device_writes_nothing(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.cplan"
    with create_workspace(mine, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        create_community(ws, {"name": "A"})
    (tmp_path / "theirs.cplan").write_text("not a workspace", encoding="utf-8")
    before = digest(mine)
    code, _, err = run(["merge", str(mine), str(tmp_path / "theirs.cplan")], capsys)
    assert code == 2 and "not an SQLite database" in one_line(err)
    assert digest(mine) == before


def test_merge_bad_workspace_is_one_line_and_exit_2(
    share: Share, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = run(["merge", str(tmp_path / "none.cplan"), str(share.theirs)], capsys)
    assert code == 2 and stdout == ""
    assert "none.cplan: no such file." in one_line(err)


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("snapshot", ["WORKSPACE", "OUT.cplan", "consistent"]),
        ("merge", ["WORKSPACE", "THEIRS.cplan", "--dry-run", "--json", "--conflicts"]),
    ],
)
def test_help_of_each_sharing_command(
    command: str, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: planner {command} ")
    for word in words:
        assert word in out


def test_dry_run_on_an_older_workspace_compares_without_upgrading_it(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import DATA

    mine, theirs = tmp_path / "mine.cplan", tmp_path / "theirs.cplan"
    shutil.copy(DATA / "workspace-schema4.cplan", mine)
    shutil.copy(DATA / "workspace-schema4.cplan", theirs)
    before = digest(mine)
    code, out, err = run(["merge", str(mine), str(theirs), "--dry-run", "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["total"] == {"added": 0, "updated": 0, "deleted": 0, "conflicts": 0}
    assert digest(mine) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == [
        "mine.cplan",
        "theirs.cplan",
    ]
