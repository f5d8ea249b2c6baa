"""`planner check` and the row checks on open: the checklist tables.

Each case damages a sound workspace by hand (raw sqlite3 writes, some past
the schema's CHECK constraints, as a hostile or buggy file could) and expects
exactly one line naming the problem. Values the app cannot read make an open
refuse the file; the others are listed by `planner check` only.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from planner import cli
from planner.check import check_workspace
from planner.checklist_library import BUILTIN, item_id
from planner.checklists import add_item
from planner.communities import Stage, create_community
from planner.community_templates import link_template
from planner.errors import CorruptWorkspace
from planner.paths import AppPaths
from planner.workspace import create_workspace, open_workspace
from planner.workspace_library import add_library_item
from tests.conftest import DEVICE


def make(path: Path, paths: AppPaths) -> dict[str, str]:
    """A sound workspace with a checklist, a custom item, a library item and a link."""
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        library_key, _ = add_library_item(ws, Stage.OPERATE, "建立会员积分体系")
        community, _ = create_community(ws, {"name": "深夜读书会"})
        custom, _ = add_item(ws, community, Stage.BUILD, "访谈 10 位种子用户")
        link, _ = link_template(ws, community, "builtin:first_24_hours.zh")
        later, _ = add_library_item(ws, Stage.OUTPUT, "每年 9 月改群名")  # in no checklist
    return {
        "community": community,
        "builtin": item_id(community, "build.interest"),
        "custom": custom,
        "library": library_key,
        "later": later,
        "link": link,
    }


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# (what is done to the file, words of the one line, whether an open refuses the file)
CASES: dict[str, tuple[str, str, bool]] = {
    "year zero": (
        "UPDATE checklist_items SET done_on = '0000-01-01' WHERE id = :builtin",
        "({builtin}): a date that is not YYYY-MM-DD",
        True,
    ),
    "impossible done date": (
        "UPDATE checklist_items SET done_on = '2026-02-30' WHERE id = :builtin",
        "“Name the common interest” ({builtin}): a date that is not YYYY-MM-DD",
        True,
    ),
    "due date in words": (
        "UPDATE checklist_items SET due_on = 'next week' WHERE id = :custom",
        "“访谈 10 位种子用户” ({custom}): a date that is not YYYY-MM-DD",
        True,
    ),
    "unknown stage": (
        "UPDATE checklist_items SET stage = 'decline' WHERE id = :builtin",
        "checklist item “Name the common interest” ({builtin}): unknown stage",
        True,
    ),
    "position as text": (
        "UPDATE checklist_items SET position = 'top' WHERE id = :custom",
        "({custom}): unreadable position, time or hidden",
        True,
    ),
    "creation time as text": (
        "UPDATE checklist_items SET created_at = 'yesterday' WHERE id = :custom",
        "({custom}): unreadable position, time or hidden",
        True,
    ),
    "library position as text": (
        "UPDATE checklist_library SET position = 'top' WHERE id = :library",
        "({library}): unreadable position or time",
        True,
    ),
    "missing community": (
        "UPDATE checklist_items SET community_id = 'gone' WHERE id = :custom",
        "checklist_items row",  # ... points to a missing communities record
        False,
    ),
    "unknown library key": (
        "UPDATE checklist_items SET library_key = 'build.later', title = 'Later' "
        "WHERE id = :builtin",
        "checklist item “Later” ({builtin}): unknown library item “build.later”",
        False,
    ),
    "custom item without a title": (
        "UPDATE checklist_items SET title = '' WHERE id = :custom",
        "checklist item {custom}: has no title",
        False,
    ),
    "library stage": (
        "UPDATE checklist_library SET stage = 'decline' WHERE id = :library",
        "checklist library item “建立会员积分体系” ({library}): unknown stage “decline”",
        False,
    ),
    "library key not its id": (
        "UPDATE checklist_library SET key = 'mine' WHERE id = :later",
        "“每年 9 月改群名” ({later}): its key is not its id",
        False,
    ),
    "built-in change under another id": (
        "INSERT INTO checklist_library (id, created_at, updated_at, updated_by, key, stage, "
        "title) VALUES ('other-id', 0, 0, 'x', 'build.seed', 'build', 'Seeds')",
        "“Seeds” (other-id): changes the built-in item “build.seed” under another id",
        False,
    ),
    "link to a missing community": (
        "UPDATE community_templates SET community_id = 'gone' WHERE id = :link",
        "community_templates row",
        False,
    ),
    "link to no template": (
        "UPDATE community_templates SET template_ref = 'builtin:nothing.zh' WHERE id = :link",
        "template link {link}: no template “builtin:nothing.zh”",
        False,
    ),
    "a row whose version was not recorded": (
        "DELETE FROM row_versions WHERE row_id = :community",
        "1 communities row without a recorded version",
        False,
    ),
    "versions of a table that is not ours": (
        "INSERT INTO row_versions VALUES ('secrets', :community, 1, 'x')",
        "versions recorded for an unknown table “secrets”",
        False,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_damage_is_one_line(tmp_path: Path, paths: AppPaths, case: str) -> None:
    path = tmp_path / "w.cplan"
    ids = make(path, paths)
    assert check_workspace(path).sound
    sql, words, fatal = CASES[case]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # as a hostile file could
    assert conn.execute(sql, ids).rowcount == 1  # (triggers' rows not counted)
    conn.commit()
    conn.close()
    before = digest(path)

    report = check_workspace(path)
    assert len(report.problems) == 1, report.problems
    [line] = report.problems
    assert words.format(**ids) in line
    assert "\n" not in line
    if words.startswith(("checklist_items row", "community_templates row")):
        assert line.endswith("points to a missing communities record")
    assert digest(path) == before

    if fatal:
        with pytest.raises(CorruptWorkspace) as refused:
            open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir)
        assert words.format(**ids) in str(refused.value)
        assert "\n" not in str(refused.value)
    else:
        open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir).close()


def test_the_sound_line_counts_checklist_items(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.cplan"
    make(path, paths)
    assert cli.main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{len(BUILTIN) + 2} checklist items" in out  # + the library's own + the custom


def test_problems_are_listed_by_the_command(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.cplan"
    ids = make(path, paths)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE checklist_items SET due_on = '2026-13-01' WHERE id = ?", [ids["custom"]])
    conn.commit()
    conn.close()
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("1 problem")
    assert out[1] == (
        f"  - checklist item “访谈 10 位种子用户” ({ids['custom']}): a date that is not YYYY-MM-DD"
    )
