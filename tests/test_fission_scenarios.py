"""Fission scenarios saved on a community: save, update, delete, link to an
activity, each undoable; what is refused; the sample workspace's plans."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from planner.calendar import (
    EditScope,
    create_item,
    delete_occurrence,
    find_occurrence,
    occurrences_between,
    update_occurrence,
)
from planner.communities import create_community, delete_community, list_communities
from planner.errors import NotFound, ValidationError
from planner.fission import TABLE, Scenario, project
from planner.fission_scenarios import (
    delete_scenario,
    get_scenario,
    link_activity,
    linked_activity,
    list_scenarios,
    plannable_activities,
    save_scenario,
    scenarios_for_item,
    update_scenario,
)
from planner.paths import AppPaths
from planner.recurrence import Recurrence
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE
from tests.test_fission import GROWING, scenario


def rows(ws: Workspace) -> list[dict[str, Any]]:
    """Every row of the table without its stamps, for before/after comparisons."""
    found = ws.db.query(f"SELECT * FROM {TABLE} ORDER BY id")
    return [{k: v for k, v in r.items() if k not in ("updated_at", "updated_by")} for r in found]


# -- saved scenarios -----------------------------------------------------------------------


@pytest.fixture
def community(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": "读书会"})
    return community_id


def add_item(
    ws: Workspace,
    community_id: str,
    kind: str,
    item_type: str,
    title: str,
    day: int = 10,
    **more: Any,
) -> str:
    item_id, _ = create_item(
        ws,
        {
            "community_id": community_id,
            "kind": kind,
            "item_type": item_type,
            "title": title,
            "start": datetime(2026, 3, day, 20, 0),
            "end": datetime(2026, 3, day, 21, 0),
            "tz": "Asia/Shanghai",
            **more,
        },
    )
    return item_id


def test_save_reopen_update_delete_with_undo_and_redo(
    workspace: Workspace, community: str, paths: AppPaths
) -> None:
    ws = workspace
    scenario_id, change = save_scenario(ws, community, GROWING, "  三月 海报 裂变 ", note="春季")
    assert change.action == "save_fission_scenario" and change.subject == "三月 海报 裂变"
    assert change.ids(TABLE) == {scenario_id}
    saved = get_scenario(ws, scenario_id)
    assert saved.name == "三月 海报 裂变" and saved.note == "春季"
    assert saved.scenario == GROWING and saved.calendar_item_id is None
    assert saved.projection() == project(GROWING)
    path = ws.path
    ws.close()

    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        [reopened] = list_scenarios(ws, community)
        assert reopened == saved
        assert type(reopened.scenario.seed_members) is int
        assert type(reopened.scenario.share_rate) is float
        save_scenario(ws, community, scenario(waves=5), "A plan")
        assert [s.name for s in list_scenarios(ws, community)] == ["A plan", "三月 海报 裂变"]

        # update: some fields by name (form text too), then a whole scenario
        before = rows(ws)
        change = update_scenario(ws, scenario_id, {"share_rate": "40%", "name": "Spring poster"})
        assert change.action == "edit_fission_scenario" and change.subject == "Spring poster"
        edited = get_scenario(ws, scenario_id)
        assert edited.scenario == scenario(share_rate=0.4)
        assert edited.name == "Spring poster" and edited.note == "春季"
        after = rows(ws)
        ws.undo()
        assert rows(ws) == before
        ws.redo()
        assert rows(ws) == after
        update_scenario(ws, scenario_id, scenario(waves=7, channel_cost=None))
        assert get_scenario(ws, scenario_id).scenario == scenario(waves=7, channel_cost=None)
        # no change records nothing
        depth = len(ws.history.undo_stack)
        assert update_scenario(ws, scenario_id, {"waves": 7}).rows == ()
        assert len(ws.history.undo_stack) == depth

        # delete: a tombstone, undone and redone
        before = rows(ws)
        change = delete_scenario(ws, scenario_id)
        assert change.action == "delete_fission_scenario"
        assert [s.name for s in list_scenarios(ws, community)] == ["A plan"]
        with pytest.raises(NotFound):
            get_scenario(ws, scenario_id)
        with pytest.raises(NotFound):
            delete_scenario(ws, scenario_id)
        ws.undo()
        assert rows(ws) == before
        assert get_scenario(ws, scenario_id).name == "Spring poster"
        ws.redo()
        assert [s.name for s in list_scenarios(ws, community)] == ["A plan"]

        # undoing the save leaves a tombstone; redo brings it back
        ws.history.clear()
        new_id, _ = save_scenario(ws, community, GROWING, "Autumn")
        ws.undo()
        assert [s.name for s in list_scenarios(ws, community)] == ["A plan"]
        ws.redo()
        assert get_scenario(ws, new_id).name == "Autumn"


def test_bad_scenarios_and_names_are_refused_whole(workspace: Workspace, community: str) -> None:
    ws = workspace
    save_scenario(ws, community, GROWING, "Poster")
    other_id, _ = save_scenario(ws, community, GROWING, "Other")
    before = rows(ws)
    with pytest.raises(ValidationError) as caught:
        save_scenario(ws, community, scenario(waves=0, share_rate=2), "  ")
    assert caught.value.fields == {
        "share_rate": "Share rate: between 0% and 100%.",
        "waves": "Waves: between 1 and 30.",
        "name": "A fission plan needs a name.",
    }
    with pytest.raises(ValidationError, match="already has a fission plan called “POSTER”"):
        save_scenario(ws, community, GROWING, "POSTER")
    with pytest.raises(ValidationError, match="too long"):
        save_scenario(ws, community, GROWING, "x" * 81)
    with pytest.raises(ValidationError, match="already has a fission plan called “poster”"):
        update_scenario(ws, other_id, {"name": "poster"})
    with pytest.raises(ValidationError) as caught:
        update_scenario(ws, other_id, {"waves": "lots"})
    assert caught.value.fields == {"waves": "Waves: enter a whole number."}
    with pytest.raises(ValueError, match="colour"):
        update_scenario(ws, other_id, {"colour": "red"})
    assert rows(ws) == before  # nothing half-applied
    # Renaming to its own name in another case is fine.
    update_scenario(ws, other_id, {"name": "OTHER"})
    assert get_scenario(ws, other_id).name == "OTHER"
    # A name is unique per community only, and only among live scenarios.
    second, _ = create_community(ws, {"name": "跑团"})
    save_scenario(ws, second, GROWING, "Poster")
    [poster] = [s for s in list_scenarios(ws, community) if s.name == "Poster"]
    delete_scenario(ws, poster.id)
    save_scenario(ws, community, GROWING, "poster")


def test_a_trashed_community_is_refused(workspace: Workspace, community: str) -> None:
    ws = workspace
    scenario_id, _ = save_scenario(ws, community, GROWING, "Poster")
    item = add_item(ws, community, "activity", "sharing", "Share week")
    delete_community(ws, community)
    before = rows(ws)
    with pytest.raises(NotFound, match="in the trash"):
        save_scenario(ws, community, GROWING, "Another")
    with pytest.raises(NotFound, match="in the trash"):
        update_scenario(ws, scenario_id, {"waves": 4})
    with pytest.raises(NotFound, match="in the trash"):
        link_activity(ws, scenario_id, item)
    with pytest.raises(NotFound, match="in the trash"):
        delete_scenario(ws, scenario_id)
    assert rows(ws) == before
    with pytest.raises(NotFound):
        save_scenario(ws, "no-such-community", GROWING, "Poster")


def test_link_to_an_activity_and_unlink(workspace: Workspace, community: str) -> None:
    ws = workspace
    scenario_id, _ = save_scenario(ws, community, GROWING, "Poster")
    other_id, _ = save_scenario(ws, community, scenario(waves=5), "Longer")
    sharing = add_item(ws, community, "activity", "sharing", "会员分享周")
    paid = add_item(ws, community, "activity", "paid", "训练营")

    change = link_activity(ws, scenario_id, sharing)
    assert change.action == "link_fission_activity" and change.subject == "Poster"
    saved = get_scenario(ws, scenario_id)
    assert saved.calendar_item_id == sharing
    linked = linked_activity(ws, saved)
    assert linked is not None and linked.title == "会员分享周"
    link_activity(ws, other_id, sharing)
    assert [s.name for s in scenarios_for_item(ws, sharing)] == ["Longer", "Poster"]

    # relinking to the same item records nothing; to another moves the link
    depth = len(ws.history.undo_stack)
    assert link_activity(ws, scenario_id, sharing).rows == ()
    assert len(ws.history.undo_stack) == depth
    link_activity(ws, scenario_id, paid)
    assert [s.name for s in scenarios_for_item(ws, paid)] == ["Poster"]
    ws.undo()
    assert get_scenario(ws, scenario_id).calendar_item_id == sharing
    ws.redo()
    assert get_scenario(ws, scenario_id).calendar_item_id == paid

    # unlink, undo, redo
    link_activity(ws, scenario_id, None)
    saved = get_scenario(ws, scenario_id)
    assert saved.calendar_item_id is None and linked_activity(ws, saved) is None
    assert scenarios_for_item(ws, paid) == []
    ws.undo()
    assert get_scenario(ws, scenario_id).calendar_item_id == paid
    ws.redo()
    assert get_scenario(ws, scenario_id).calendar_item_id is None

    # a deleted scenario is not listed for its item
    delete_scenario(ws, other_id)
    assert [s.name for s in scenarios_for_item(ws, sharing)] == []


def test_links_that_are_refused(workspace: Workspace, community: str) -> None:
    ws = workspace
    scenario_id, _ = save_scenario(ws, community, GROWING, "Poster")
    digest = add_item(ws, community, "content", "morning_digest", "早报")
    elsewhere, _ = create_community(ws, {"name": "跑团"})
    theirs = add_item(ws, elsewhere, "activity", "sharing", "跑团分享会")
    gone = add_item(ws, community, "activity", "brand", "线下沙龙")
    delete_occurrence(ws, find_occurrence(ws, (gone, "")))
    before = rows(ws)

    cases = {
        digest: "“早报” is content, not an activity",
        theirs: "“跑团分享会” is on another community's calendar",
        gone: "“线下沙龙” was deleted from the calendar",
        "no-such-item": "That calendar item does not exist.",
    }
    for item_id, message in cases.items():
        with pytest.raises(ValidationError, match=message) as caught:
            link_activity(ws, scenario_id, item_id)
        assert list(caught.value.fields) == ["calendar_item_id"]
    assert rows(ws) == before


def test_plannable_activities_sharing_and_paid_first(workspace: Workspace, community: str) -> None:
    ws = workspace
    salon = add_item(ws, community, "activity", "brand", "线下沙龙", day=3)
    camp = add_item(ws, community, "activity", "paid", "训练营", day=20)
    share = add_item(ws, community, "activity", "sharing", "会员分享周", day=12)
    member = add_item(ws, community, "activity", "member", "会员日", day=1)
    weekly = add_item(
        ws,
        community,
        "activity",
        "sharing",
        "每周分享",
        day=2,
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"),
    )
    add_item(ws, community, "content", "morning_digest", "早报", day=4)  # content: not listed
    gone = add_item(ws, community, "activity", "paid", "取消的课", day=5)
    delete_occurrence(ws, find_occurrence(ws, (gone, "")))
    elsewhere, _ = create_community(ws, {"name": "跑团"})
    add_item(ws, elsewhere, "activity", "sharing", "跑团分享会", day=6)
    # Moving one occurrence of the weekly sharing makes an override row: not listed again.
    [second] = [
        o
        for o in occurrences_between(ws, datetime(2026, 3, 8), datetime(2026, 3, 10))
        if o.item.id == weekly
    ]
    update_occurrence(ws, second, {"title": "每周分享（改期）"}, EditScope.THIS)
    overrides = ws.db.execute("SELECT count(*) FROM calendar_items WHERE series_id = ?", [weekly])
    assert overrides.fetchone()[0] == 1

    listed = plannable_activities(ws, community)
    # sharing and paid by start, then the others by start
    assert [i.id for i in listed] == [weekly, share, camp, member, salon]
    assert plannable_activities(ws, "no-such-community") == []


def test_a_link_to_an_activity_deleted_later(workspace: Workspace, community: str) -> None:
    ws = workspace
    scenario_id, _ = save_scenario(ws, community, GROWING, "Poster")
    salon = add_item(ws, community, "activity", "brand", "线下沙龙")
    link_activity(ws, scenario_id, salon)
    delete_occurrence(ws, find_occurrence(ws, (salon, "")))
    saved = get_scenario(ws, scenario_id)
    assert saved.calendar_item_id == salon  # kept as linked, for an undo of the deletion
    assert linked_activity(ws, saved) is None
    ws.undo()
    linked = linked_activity(ws, get_scenario(ws, scenario_id))
    assert linked is not None and linked.title == "线下沙龙"


def test_the_table_accepts_what_validation_accepts(workspace: Workspace, community: str) -> None:
    # The edges of every range pass the table's CHECK constraints too.
    edges = [
        Scenario(0, 0, 0, 0, 1),
        Scenario(10_000_000, 1, 10_000, 1, 30, 1e9, 1e9, 0),
    ]
    for n, edge in enumerate(edges):
        scenario_id, _ = save_scenario(workspace, community, edge, f"Edge {n}")
        assert get_scenario(workspace, scenario_id).scenario == edge
        project(edge)


def test_from_row_keeps_a_bad_stored_value_for_problems(
    workspace: Workspace, community: str
) -> None:
    # A value that slipped past the table's checks (text in a REAL column, from
    # someone else's file) reads back and is reported, not a crash.
    scenario_id, _ = save_scenario(workspace, community, GROWING, "Poster")
    workspace.db.execute(
        f"UPDATE {TABLE} SET invites_per_share = 'lots' WHERE id = ?", [scenario_id]
    )
    saved = get_scenario(workspace, scenario_id)
    assert saved.scenario.problems() == {"invites_per_share": "Invites per share: enter a number."}
    with pytest.raises(ValidationError):
        saved.projection()


def test_the_sample_plans_tell_their_stories(sample_path: Path, paths: AppPaths) -> None:
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        ids = {c.name: c.id for c in list_communities(ws)}
        reading = {s.name: s for s in list_scenarios(ws, ids["深夜读书会 · 付费会员圈"])}
        [growth] = list_scenarios(ws, ids["Growth Hackers 增长交流群"])
        assert list_scenarios(ws, ids["Notion 中文用户群"]) == []

        poster = reading["打卡海报裂变"].projection()
        assert poster.coefficient == pytest.approx(0.84) and not poster.self_sustaining
        assert poster.beats_channel  # dies out, yet cheaper than ads
        camp = reading["续费营 · 老带新"].projection()
        assert camp.coefficient < 1 and camp.beats_channel
        assert growth.projection().self_sustaining and growth.projection().beats_channel

        # Each is linked to the sample activity it plans.
        linked = {s.name: linked_activity(ws, s) for s in (*reading.values(), growth)}
        titles = {name: item.title if item else None for name, item in linked.items()}
        assert titles == {
            "打卡海报裂变": "会员共读分享会：我的读书笔记",
            "续费营 · 老带新": "年度会员续费营",
            "种子用户裂变": "增长案例分享会（线上）",
        }
        assert {item.item_type for item in linked.values() if item} == {"sharing", "paid"}
