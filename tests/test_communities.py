"""Communities: storage round trip, validation, trash, undo and redo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.communities import (
    EDITABLE_FIELDS,
    PALETTE,
    BuiltAround,
    Platform,
    SegmentBasis,
    Stage,
    create_community,
    delete_community,
    find_community,
    get_community,
    list_communities,
    next_color,
    restore_community,
    update_community,
)
from planner.errors import NotFound, NothingToUndo, ValidationError
from planner.paths import AppPaths
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

FULL: dict[str, Any] = {
    "name": "深夜读书会 · 付费会员圈",
    "platform": "wecom",
    "stage": "replicate",
    "common_interest": "每月共读一本书 📚",
    "value_to_members": "林老师领读；\n每日打卡",
    "differentiation": "有灵魂人物带读",
    "built_around": "soul_figure",
    "segment_basis": "payment_stage",
    "segment": "资深付费会员",
    "joining_principles": "年费 365 元",
    "management_norms": "禁止广告",
    "member_count": 312,
    "owner": "Lily 李",
    "color": "#9b51e0",
    "notes": '续费季在 12 月 ‘quoted’ "double" \\ back',
}


def test_every_field_round_trips_through_the_file(tmp_path: Path, paths: AppPaths) -> None:
    path = tmp_path / "rt.cplan"
    from planner.workspace import create_workspace

    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        community_id, _ = create_community(ws, FULL)
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        stored = get_community(ws, community_id)
    assert stored.editable() == FULL
    assert set(FULL) == set(EDITABLE_FIELDS)
    assert stored.platform is Platform.WECOM
    assert stored.stage is Stage.REPLICATE
    assert stored.built_around is BuiltAround.SOUL_FIGURE
    assert stored.segment_basis is SegmentBasis.PAYMENT_STAGE


def test_defaults_for_a_community_with_only_a_name(workspace: Workspace) -> None:
    community_id, change = create_community(workspace, {"name": "  Notion   中文用户群 "})
    c = get_community(workspace, community_id)
    assert c.name == "Notion 中文用户群"  # white space folded
    assert (c.platform, c.stage, c.member_count) == (Platform.WECHAT, Stage.BUILD, 0)
    assert c.built_around is BuiltAround.UNDECIDED
    assert c.color == PALETTE[0]
    assert change.action == "create_community" and change.subject == "Notion 中文用户群"


def test_new_communities_take_the_least_used_colour(workspace: Workspace) -> None:
    for n in range(3):
        create_community(workspace, {"name": f"群 {n}"})
    assert next_color(workspace) == PALETTE[3]


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"name": ""}, "name", "needs a name"),
        ({"name": "   "}, "name", "needs a name"),
        ({"name": "x" * 81}, "name", "too long"),
        ({"name": "ok", "platform": "myspace"}, "platform", "not a valid platform"),
        ({"name": "ok", "stage": "decline"}, "stage", "not a valid stage"),
        ({"name": "ok", "built_around": "vibes"}, "built_around", "not a valid built around"),
        ({"name": "ok", "segment_basis": "x"}, "segment_basis", "not a valid segment basis"),
        ({"name": "ok", "member_count": -1}, "member_count", "between 0"),
        ({"name": "ok", "member_count": "many"}, "member_count", "whole number"),
        ({"name": "ok", "color": "blue"}, "color", "#RRGGBB"),
        ({"name": "ok", "notes": "长" * 10_001}, "notes", "Too long"),
    ],
)
def test_invalid_values_are_refused_on_their_field(
    workspace: Workspace, values: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_community(workspace, values)
    assert words in caught.value.fields[field]
    assert list_communities(workspace) == []
    assert not workspace.history.can_undo


def test_names_are_unique_ignoring_case(workspace: Workspace) -> None:
    create_community(workspace, {"name": "Growth Hackers"})
    with pytest.raises(ValidationError, match="already called"):
        create_community(workspace, {"name": "growth hackers"})
    other, _ = create_community(workspace, {"name": "Other"})
    with pytest.raises(ValidationError, match="already called"):
        update_community(workspace, other, {"name": "GROWTH HACKERS"})
    update_community(workspace, other, {"name": "Other"})  # its own name is fine


def test_unknown_field_is_a_programming_error(workspace: Workspace) -> None:
    with pytest.raises(ValueError, match="unknown community field"):
        create_community(workspace, {"name": "x", "deleted": 1})


def test_update_changes_only_what_differs_and_records_it(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "读书会"})
    before = get_community(workspace, community_id)
    change = update_community(workspace, community_id, {"member_count": 50, "name": "读书会"})
    assert [r.id for r in change.rows] == [community_id]
    row = change.rows[0]
    assert row.before is not None and row.after is not None
    assert (row.before["member_count"], row.after["member_count"]) == (0, 50)
    after = get_community(workspace, community_id)
    assert after.updated_at >= before.updated_at
    noop = update_community(workspace, community_id, {"member_count": 50})
    assert noop.rows == ()
    assert len(workspace.history.undo_stack) == 2


def test_delete_goes_to_trash_and_restore_brings_it_back(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "双十一福利群"})
    delete_community(workspace, community_id)
    assert list_communities(workspace) == []
    assert [c.id for c in list_communities(workspace, trash=True)] == [community_id]
    assert get_community(workspace, community_id).deleted
    with pytest.raises(NotFound):
        find_community(workspace, "双十一福利群")
    with pytest.raises(NotFound, match="already in the trash"):
        delete_community(workspace, community_id)
    restore_community(workspace, community_id)
    assert find_community(workspace, "双十一福利群").id == community_id
    with pytest.raises(NotFound, match="not in the trash"):
        restore_community(workspace, community_id)


def test_restore_renames_when_the_name_was_taken_meanwhile(workspace: Workspace) -> None:
    old, _ = create_community(workspace, {"name": "家长群"})
    delete_community(workspace, old)
    create_community(workspace, {"name": "家长群"})
    restore_community(workspace, old)
    assert get_community(workspace, old).name == "家长群 (2)"


def test_undo_and_redo_every_kind_of_edit(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "A"})
    update_community(workspace, community_id, {"name": "B", "member_count": 9})
    delete_community(workspace, community_id)

    workspace.undo()  # the delete
    assert [c.name for c in list_communities(workspace)] == ["B"]
    workspace.undo()  # the edit
    c = get_community(workspace, community_id)
    assert (c.name, c.member_count) == ("A", 0)
    workspace.undo()  # the creation: a tombstone, so merges cannot resurrect it
    row = workspace.get_row("communities", community_id)
    assert row is not None and row["deleted"] == 1
    assert list_communities(workspace) == []
    with pytest.raises(NothingToUndo):
        workspace.undo()

    workspace.redo()
    assert get_community(workspace, community_id).name == "A"
    workspace.redo()
    assert get_community(workspace, community_id).member_count == 9
    workspace.redo()
    assert list_communities(workspace) == []
    with pytest.raises(NothingToUndo):
        workspace.redo()


def test_undo_marks_the_row_as_changed_by_this_device(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "A"})
    update_community(workspace, community_id, {"name": "B"})
    stamp = get_community(workspace, community_id).updated_at
    change = workspace.undo()
    restored = get_community(workspace, community_id)
    assert restored.name == "A"
    assert restored.updated_at >= stamp  # a newer edit, so merges see it
    assert restored.updated_by == DEVICE
    assert change.ids("communities") == {community_id}


def test_a_new_edit_clears_redo(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "A"})
    update_community(workspace, community_id, {"name": "B"})
    workspace.undo()
    assert workspace.history.can_redo
    update_community(workspace, community_id, {"name": "C"})
    assert not workspace.history.can_redo


def test_a_failing_edit_leaves_nothing_behind(workspace: Workspace) -> None:
    with pytest.raises(RuntimeError), workspace.edit("create_community", "x") as edit:
        edit.insert(
            "communities", {"name": "x", "platform": "qq", "stage": "build", "color": "#000000"}
        )
        raise RuntimeError("interrupted")
    assert workspace.db.execute("SELECT count(*) FROM communities").fetchone()[0] == 0
    assert not workspace.history.can_undo


def test_list_is_sorted_by_name_and_find_ignores_case(workspace: Workspace) -> None:
    for name in ("beta", "Alpha", "初二家长群"):
        create_community(workspace, {"name": name})
    assert [c.name for c in list_communities(workspace)] == ["Alpha", "beta", "初二家长群"]
    assert find_community(workspace, "ALPHA").name == "Alpha"
