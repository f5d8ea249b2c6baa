"""Stage checklists: library to instance, ticking, custom and reordered items,
hiding, progress, the stage suggestion, the workspace's own library, due items,
the overview, and the migration that gives existing communities their lists."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from planner.check import check_workspace
from planner.checklist_due import due_between, overview
from planner.checklist_library import BUILTIN, LANGUAGES, STAGES, builtin_items, item_id
from planner.checklists import (
    add_item,
    checklist,
    delete_item,
    get_item,
    missing_library_items,
    move_item,
    progress,
    progress_by_community,
    set_done,
    set_hidden,
    suggested_stage,
    update_from_library,
    update_item,
)
from planner.communities import (
    Stage,
    create_community,
    get_community,
    list_communities,
    move_to_stage,
)
from planner.errors import NotFound, ValidationError
from planner.paths import AppPaths
from planner.template_library import list_templates
from planner.workspace import Workspace, open_workspace
from planner.workspace_library import (
    add_library_item,
    library,
    remove_library_item,
    restore_library_item,
    update_library_item,
)
from tests.conftest import DATA, DEVICE


def _new(ws: Workspace, name: str = "深夜读书会", **values: object) -> str:
    community_id, _ = create_community(ws, {"name": name, **values})
    return community_id


def _item(ws: Workspace, community_id: str, key: str) -> str:
    return next(i.id for i in checklist(ws, community_id) if i.library_key == key)


# -- the library ----------------------------------------------------------------------


def test_every_stage_has_at_least_six_items_in_both_languages() -> None:
    for stage in STAGES:
        items = builtin_items(stage)
        assert len(items) >= 6, stage
        for item in items:
            for lang in LANGUAGES:
                assert item.title(lang).strip() and item.why(lang).strip(), item.key
            # The Chinese text is Chinese, the English text is not.
            assert any("\u4e00" <= ch <= "\u9fff" for ch in item.title_zh), item.key
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in item.title_en), item.key
    keys = [item.key for item in BUILTIN]
    assert len(keys) == len(set(keys))


def test_the_library_speaks_the_domain() -> None:
    text = " ".join(f"{i.title_en} {i.why_en}" for i in BUILTIN)
    for words in ("value", "soul figure", "segment", "rules", "headless fly", "X × Y > 1"):
        assert words in text
    zh = "".join(f"{i.title_zh}{i.why_zh}" for i in BUILTIN)
    for words in ("灵魂人物", "群规", "晨报", "破冰", "裂变", "X × Y > 1", "24 小时"):
        assert words in zh


# -- library to instance -------------------------------------------------------------


def test_a_new_community_gets_the_library_in_one_undoable_step(workspace: Workspace) -> None:
    community_id = _new(workspace)
    items = checklist(workspace, community_id, "zh")
    assert [i.library_key for i in items] == [b.key for b in BUILTIN]
    assert items[0].title == BUILTIN[0].title_zh
    assert checklist(workspace, community_id, "en")[0].title == BUILTIN[0].title_en
    assert all(not i.done and not i.hidden and not i.custom_text for i in items)
    # Positions follow the shipped order within each stage.
    for stage in Stage:
        positions = [i.position for i in items if i.stage is stage]
        assert positions == sorted(positions) and len(set(positions)) == len(positions)
    # Ids derive from the community and the key: two copies agree on them.
    assert items[0].id == item_id(community_id, BUILTIN[0].key)
    workspace.undo()
    assert list_communities(workspace) == []
    assert checklist(workspace, community_id) == []


def test_a_community_can_be_made_without_a_checklist(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "空"}, checklist=False)
    assert checklist(workspace, community_id) == []
    assert missing_library_items(workspace, community_id) == len(BUILTIN)
    change = update_from_library(workspace, community_id)
    assert len(change.rows) == len(BUILTIN)
    assert missing_library_items(workspace, community_id) == 0


# -- ticking -----------------------------------------------------------------------------


def test_tick_untick_and_undo(workspace: Workspace) -> None:
    community_id = _new(workspace)
    first = _item(workspace, community_id, "build.interest")
    change = set_done(workspace, first, True, on=date(2026, 11, 20))
    assert change.action == "tick_checklist_item"
    assert get_item(workspace, first).done_on == date(2026, 11, 20)
    assert progress(workspace, community_id).of(Stage.BUILD).done == 1
    change = set_done(workspace, first, False)
    assert change.action == "untick_checklist_item"
    assert not get_item(workspace, first).done
    workspace.undo()
    assert get_item(workspace, first).done_on == date(2026, 11, 20)
    workspace.undo()
    assert not get_item(workspace, first).done
    workspace.redo()
    assert get_item(workspace, first).done
    # Ticking without a date uses today's.
    other = _item(workspace, community_id, "build.value")
    set_done(workspace, other, True)
    assert get_item(workspace, other).done_on == date.today()
    # Ticking what is already ticked on that day records nothing.
    assert set_done(workspace, other, True).rows == ()


def test_note_assignee_due_date_and_bad_input(workspace: Workspace) -> None:
    community_id = _new(workspace)
    first = _item(workspace, community_id, "structure.norms")
    update_item(
        workspace,
        first,
        {"note": "禁止广告；发广告先警告一次", "assignee": "小林", "due_on": "2026-12-01"},
    )
    item = get_item(workspace, first, "zh")
    assert (item.note, item.assignee, item.due_on) == (
        "禁止广告；发广告先警告一次",
        "小林",
        date(2026, 12, 1),
    )
    assert item.title == "制定群规和移出规则" and not item.custom_text
    with pytest.raises(ValidationError) as caught:
        update_item(workspace, first, {"due_on": "2026-13-45"})
    assert "due_on" in caught.value.fields
    with pytest.raises(ValidationError):
        update_item(workspace, first, {"note": "x" * 5000})
    with pytest.raises(ValueError):
        update_item(workspace, first, {"community_id": "elsewhere"})
    # Unchanged: still the stored values.
    assert get_item(workspace, first).due_on == date(2026, 12, 1)


def test_rewording_a_builtin_item_and_back(workspace: Workspace) -> None:
    community_id = _new(workspace)
    first = _item(workspace, community_id, "build.seed")
    update_item(workspace, first, {"title": "列出首批 50 位种子成员"})
    assert get_item(workspace, first, "en").title == "列出首批 50 位种子成员"
    assert get_item(workspace, first).custom_text
    # Writing the built-in text (in either language) stores no copy.
    update_item(workspace, first, {"title": BUILTIN[6].title_en})
    assert workspace.get_row("checklist_items", first)["title"] == ""  # type: ignore[index]
    assert get_item(workspace, first, "zh").title == BUILTIN[6].title_zh


# -- custom items, order, hiding -----------------------------------------------------------


def test_custom_and_reordered_items_survive_reopening(tmp_path: Path, paths: AppPaths) -> None:
    path = tmp_path / "keep.cplan"
    from planner.workspace import create_workspace

    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        community_id = _new(ws)
        custom, _ = add_item(
            ws, community_id, Stage.OUTPUT, "每周五晚 8 点读书直播", {"assignee": "林老师"}
        )
        move_item(ws, custom, 0)
        hidden = _item(ws, community_id, "output.digest")
        set_hidden(ws, hidden, True)
        last = _item(ws, community_id, "build.interest")
        move_item(ws, last, 99)
        set_done(ws, custom, True, on=date(2026, 11, 1))
        before = checklist(ws, community_id)
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        after = checklist(ws, community_id)
        assert after == before
        output = [i for i in after if i.stage is Stage.OUTPUT]
        assert output[0].title == "每周五晚 8 点读书直播" and output[0].custom_text
        assert output[0].library_key == "" and output[0].done_on == date(2026, 11, 1)
        build = [i for i in after if i.stage is Stage.BUILD]
        assert build[-1].library_key == "build.interest"
        assert get_item(ws, hidden).hidden
    assert check_workspace(path).sound


def test_move_rewrites_few_rows_and_undoes_in_one_step(workspace: Workspace) -> None:
    community_id = _new(workspace)
    keys = [i.library_key for i in checklist(workspace, community_id) if i.stage is Stage.BUILD]
    third = _item(workspace, community_id, keys[2])
    change = move_item(workspace, third, 0)
    moved = [i.library_key for i in checklist(workspace, community_id) if i.stage is Stage.BUILD]
    assert moved == [keys[2], keys[0], keys[1], *keys[3:]]
    assert len(change.rows) == 1  # only the moved item: there was room above the first
    assert move_item(workspace, third, 0).rows == ()
    workspace.undo()
    back = [i.library_key for i in checklist(workspace, community_id) if i.stage is Stage.BUILD]
    assert back == keys


def test_hidden_items_leave_progress_and_delete_is_undoable(workspace: Workspace) -> None:
    community_id = _new(workspace)
    total = progress(workspace, community_id).of(Stage.BUILD).total
    first = _item(workspace, community_id, "build.seed")
    set_hidden(workspace, first, True)
    assert progress(workspace, community_id).of(Stage.BUILD).total == total - 1
    custom, _ = add_item(workspace, community_id, Stage.BUILD, "建一个等候群")
    assert progress(workspace, community_id).of(Stage.BUILD).total == total
    delete_item(workspace, custom)
    with pytest.raises(NotFound):
        get_item(workspace, custom)
    workspace.undo()
    assert get_item(workspace, custom).title == "建一个等候群"
    with pytest.raises(ValidationError):
        add_item(workspace, community_id, Stage.BUILD, "   ")


# -- progress and the stage suggestion --------------------------------------------------------


def test_progress_per_stage_and_overall(workspace: Workspace) -> None:
    a = _new(workspace, "A")
    b = _new(workspace, "B")
    for item in checklist(workspace, a)[:3]:
        set_done(workspace, item.id, True, on=date(2026, 11, 2))
    everything = progress_by_community(workspace)
    assert everything[a].done == 3 and everything[a].total == len(BUILTIN)
    assert everything[b].done == 0
    assert everything[a].of(Stage.BUILD).done == 3
    assert everything[a].fraction == pytest.approx(3 / len(BUILTIN))
    assert progress(workspace, a) == everything[a]


def test_stage_suggestion_when_the_current_stage_is_done(workspace: Workspace) -> None:
    community_id = _new(workspace, stage="structure")
    community = get_community(workspace, community_id)
    assert suggested_stage(community, progress(workspace, community_id)) is None
    items = [i for i in checklist(workspace, community_id) if i.stage is Stage.STRUCTURE]
    for item in items[:-1]:
        set_done(workspace, item.id, True)
    assert suggested_stage(community, progress(workspace, community_id)) is None
    # Hiding the last one that does not apply completes the stage.
    set_hidden(workspace, items[-1].id, True)
    assert suggested_stage(community, progress(workspace, community_id)) is Stage.OUTPUT
    change = move_to_stage(workspace, community_id, Stage.OUTPUT)
    assert change.action == "move_stage"
    community = get_community(workspace, community_id)
    assert community.stage is Stage.OUTPUT
    assert suggested_stage(community, progress(workspace, community_id)) is None
    workspace.undo()
    assert get_community(workspace, community_id).stage is Stage.STRUCTURE
    # The last stage suggests nothing, even when done.
    last = _new(workspace, "Z", stage="replicate")
    for item in checklist(workspace, last):
        if item.stage is Stage.REPLICATE:
            set_done(workspace, item.id, True)
    assert suggested_stage(get_community(workspace, last), progress(workspace, last)) is None


# -- the workspace's library ------------------------------------------------------------


def test_library_edits_reach_new_communities_only(workspace: Workspace) -> None:
    before = _new(workspace, "Before")
    key, _ = add_library_item(workspace, Stage.OPERATE, "每月评选活跃之星", "奖励最有价值的成员")
    update_library_item(workspace, "build.seed", "列出首批 50 位种子成员", "")
    remove_library_item(workspace, "structure.naming")
    entries = library(workspace, "zh")
    assert "structure.naming" not in {e.key for e in entries}
    seed = next(e for e in entries if e.key == "build.seed")
    assert seed.title == "列出首批 50 位种子成员" and seed.reworded
    assert seed.why == next(b for b in BUILTIN if b.key == "build.seed").why_zh
    assert [e.key for e in entries if e.stage is Stage.OPERATE][-1] == key
    after = _new(workspace, "After")
    new_items = {i.library_key: i for i in checklist(workspace, after, "en")}
    assert new_items[key].title == "每月评选活跃之星"
    assert new_items["build.seed"].title == "列出首批 50 位种子成员"
    assert "structure.naming" not in new_items
    old_items = {i.library_key for i in checklist(workspace, before)}
    assert key not in old_items and "structure.naming" in old_items
    # The older community can catch up with the added item, once.
    assert missing_library_items(workspace, before) == 1
    update_from_library(workspace, before)
    assert missing_library_items(workspace, before) == 0
    assert key in {i.library_key for i in checklist(workspace, before)}


def test_library_remove_restore_and_undo(workspace: Workspace) -> None:
    remove_library_item(workspace, "build.seed")
    with pytest.raises(NotFound):
        remove_library_item(workspace, "build.seed")
    listed = {e.key: e for e in library(workspace, removed=True)}
    assert listed["build.seed"].removed
    restore_library_item(workspace, "build.seed")
    assert "build.seed" in {e.key for e in library(workspace)}
    workspace.undo()
    assert "build.seed" not in {e.key for e in library(workspace)}
    workspace.undo()
    assert "build.seed" in {e.key for e in library(workspace)}
    key, _ = add_library_item(workspace, Stage.BUILD, "Own item")
    update_library_item(workspace, key, "Own item, reworded", "why")
    assert next(e for e in library(workspace) if e.key == key).title == "Own item, reworded"
    remove_library_item(workspace, key)
    assert key not in {e.key for e in library(workspace, removed=True)}
    workspace.undo()
    assert key in {e.key for e in library(workspace)}
    with pytest.raises(ValidationError):
        add_library_item(workspace, Stage.BUILD, "")
    with pytest.raises(ValidationError):
        update_library_item(workspace, key, "", "")


# -- due items and the overview --------------------------------------------------------------


def test_due_items_by_range_and_the_overview(workspace: Workspace) -> None:
    a = _new(workspace, "A", stage="structure")
    b = _new(workspace, "B")
    today = date(2026, 11, 23)
    dates = ["2026-11-20", "2026-11-24", "2026-11-25", "2026-11-30", "2026-12-10"]
    items = [i for i in checklist(workspace, a) if i.stage is Stage.STRUCTURE]
    for item, due in zip(items, dates, strict=False):
        update_item(workspace, item.id, {"due_on": due, "assignee": "小林"})
    set_done(workspace, items[2].id, True)  # due 11-25, done
    week = due_between(workspace, date(2026, 11, 23), date(2026, 11, 29))
    assert [d.due_on.isoformat() for d in week] == ["2026-11-24", "2026-11-25"]
    assert [d.done for d in week] == [False, True]
    assert len(due_between(workspace, today, date(2026, 11, 29), include_done=False)) == 1
    rows = {r.community.id: r for r in overview(workspace, today)}
    assert [d.due_on.isoformat() for d in rows[a].next_due] == [
        "2026-11-24",
        "2026-11-30",
        "2026-12-10",
    ]
    assert [d.due_on.isoformat() for d in rows[a].overdue] == ["2026-11-20"]
    assert rows[b].next_due == () and rows[b].overdue == ()
    assert [i.stage for i in rows[b].next_open] == [Stage.BUILD] * 3
    # A hidden item, or one of a community in the trash, is not due anywhere.
    set_hidden(workspace, items[1].id, True)
    assert len(due_between(workspace, today, date(2026, 11, 29))) == 1
    from planner.communities import delete_community

    delete_community(workspace, a)
    assert due_between(workspace, date(2026, 1, 1), date(2027, 1, 1)) == []
    assert a not in {r.community.id for r in overview(workspace, today)}


# -- storage -------------------------------------------------------------------------------


def test_the_table_refuses_nonsense(workspace: Workspace) -> None:
    community_id = _new(workspace)
    first = _item(workspace, community_id, "build.seed")
    table = workspace.db.table("checklist_items")
    for bad in ({"stage": "launch"}, {"hidden": 2}, {"library_key": "", "title": ""}):
        with pytest.raises(sqlite3.IntegrityError):
            table.update(first, bad)


def test_schema3_file_is_migrated_and_its_communities_get_checklists(
    tmp_path: Path, paths: AppPaths
) -> None:
    """0004_checklists, run on a file written by the release before it."""
    copy = tmp_path / "old.cplan"
    shutil.copy(DATA / "workspace-schema3.cplan", copy)
    with open_workspace(copy, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert ws.backup is not None
        communities = list_communities(ws) + list_communities(ws, trash=True)
        assert len(communities) == 5
        for community in communities:
            items = checklist(ws, community.id, "zh")
            assert [i.library_key for i in items] == [b.key for b in BUILTIN]
            assert items[0].id == item_id(community.id, BUILTIN[0].key)
        own = [t.name for t in list_templates(ws) if not t.builtin]
        assert own == ["读书会欢迎流程"]
    assert check_workspace(copy).sound


def test_two_copies_migrated_apart_agree_on_every_checklist_row(
    tmp_path: Path, paths: AppPaths
) -> None:
    rows = []
    for name in ("mine.cplan", "theirs.cplan"):
        copy = tmp_path / name
        shutil.copy(DATA / "workspace-schema3.cplan", copy)
        open_workspace(copy, device_id=DEVICE, lock_dir=paths.lock_dir).close()
        with sqlite3.connect(copy) as conn:
            rows.append(conn.execute("SELECT * FROM checklist_items ORDER BY id").fetchall())
    assert rows[0] == rows[1] and rows[0]


def test_an_item_from_a_newer_library_shows_its_key(workspace: Workspace) -> None:
    community_id = _new(workspace)
    first = _item(workspace, community_id, "build.seed")
    workspace.db.execute(
        "UPDATE checklist_items SET library_key = 'operate.points_system' WHERE id = ?", [first]
    )
    assert get_item(workspace, first).title == "operate.points_system"


def test_undoing_an_update_from_the_library_can_be_redone_later(workspace: Workspace) -> None:
    community_id = _new(workspace)
    key, _ = add_library_item(workspace, Stage.OUTPUT, "每周一次群精华整理")
    assert missing_library_items(workspace, community_id) == 1
    update_from_library(workspace, community_id)
    workspace.undo()
    # The adding was undone, not the item deleted: it is still missing, and comes back.
    assert key not in {i.library_key for i in checklist(workspace, community_id)}
    assert missing_library_items(workspace, community_id) == 1
    change = update_from_library(workspace, community_id)
    assert len(change.rows) == 1
    (item,) = [i for i in checklist(workspace, community_id) if i.library_key == key]
    assert item.title == "每周一次群精华整理" and not item.hidden and not item.done
    # Deleted on purpose, it stays away; undoing the delete brings it back as it was.
    delete_item(workspace, item.id)
    assert missing_library_items(workspace, community_id) == 0
    workspace.undo()
    assert get_item(workspace, item.id).title == "每周一次群精华整理"
    assert not get_item(workspace, item.id).hidden


def test_many_moves_keep_the_order_a_list_would_have(workspace: Workspace) -> None:
    import random

    community_id = _new(workspace)
    rng = random.Random(5)
    expected = [i.id for i in checklist(workspace, community_id) if i.stage is Stage.BUILD]
    rewrites = []
    for _ in range(200):
        moving = rng.choice(expected)
        index = rng.randrange(len(expected))
        expected.remove(moving)
        expected.insert(index, moving)
        rewrites.append(len(move_item(workspace, moving, index).rows))
        shown = [i.id for i in checklist(workspace, community_id) if i.stage is Stage.BUILD]
        assert shown == expected
    # Almost every move writes the moved row alone (or nothing, moved onto itself).
    assert sum(n <= 1 for n in rewrites) >= 190


def test_a_newer_versions_change_to_an_unknown_builtin_is_left_alone(
    workspace: Workspace,
) -> None:
    from planner.checklist_library import library_row_id

    key = "operate.points_system"  # a built-in of a later version
    workspace.db.execute(
        "INSERT INTO checklist_library (id, created_at, updated_at, updated_by, key, stage, "
        "removed) VALUES (?, 1, 1, 'newer', ?, 'operate', 1)",
        [library_row_id(key), key],
    )
    assert key not in {e.key for e in library(workspace, removed=True)}
    community_id = _new(workspace)
    assert key not in {i.library_key for i in checklist(workspace, community_id)}
    assert check_workspace(workspace.path).sound


def test_a_community_in_the_trash_is_refused_and_datetimes_are_dates(
    workspace: Workspace,
) -> None:
    from datetime import datetime

    from planner.communities import delete_community
    from planner.community_templates import link_template

    community_id = _new(workspace)
    first = _item(workspace, community_id, "build.seed")
    update_item(workspace, first, {"due_on": datetime(2026, 12, 1, 9, 30)})
    assert get_item(workspace, first).due_on == date(2026, 12, 1)
    delete_community(workspace, community_id)
    for attempt in (
        lambda: add_item(workspace, community_id, Stage.BUILD, "x"),
        lambda: update_from_library(workspace, community_id),
        lambda: move_to_stage(workspace, community_id, Stage.OUTPUT),
        lambda: link_template(workspace, community_id, "builtin:first_24_hours.zh"),
    ):
        with pytest.raises(NotFound, match="in the trash"):
            attempt()
