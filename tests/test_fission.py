"""The fission calculator: the projection on hand-checked cases, and saved scenarios."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pytest

from planner.calendar import create_item, delete_occurrence, find_occurrence
from planner.communities import create_community, delete_community
from planner.errors import NotFound, ValidationError
from planner.fission import REACH_LIMIT, TABLE, Scenario, project, whole
from planner.fission_scenarios import (
    delete_scenario,
    get_scenario,
    link_activity,
    linked_activity,
    list_scenarios,
    save_scenario,
    scenarios_for_item,
    update_scenario,
)
from planner.paths import AppPaths
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

# 100 seeds, 30% share, a share reaches 5 people and 80% join: Y = 4, K = 1.2.
GROWING = Scenario(
    seed_members=100,
    share_rate=0.3,
    invites_per_share=5,
    conversion_rate=0.8,
    waves=3,
    fixed_cost=500,
    bait_cost=10,
    channel_cost=8,
)


def scenario(**changes: Any) -> Scenario:
    values = GROWING.values() | changes
    return Scenario(**values)


def rows(ws: Workspace) -> list[dict[str, Any]]:
    """Every row of the table without its stamps, for before/after comparisons."""
    found = ws.db.query(f"SELECT * FROM {TABLE} ORDER BY id")
    return [{k: v for k, v in r.items() if k not in ("updated_at", "updated_by")} for r in found]


# -- the projection ------------------------------------------------------------------------


def test_self_sustaining_campaign() -> None:
    p = project(GROWING)
    assert p.per_share == 4.0  # 5 invites x 0.8
    assert p.coefficient == 1.2  # 0.3 x 4, without float noise
    assert p.self_sustaining
    # wave 1: 0.3 x 100 = 30 share, 30 x 4 = 120 join, 220 members
    # wave 2: 0.3 x 120 = 36 share, 144 join, 364 members
    # wave 3: 0.3 x 144 = 43.2 share, 172.8 join, 536.8 members
    got = [(w.number, w.sharers, w.new_members, w.cumulative) for w in p.waves]
    want = [(1, 30, 120, 220), (2, 36, 144, 364), (3, 43.2, 172.8, 536.8)]
    for g, w in zip(got, want, strict=True):
        assert g == pytest.approx(w)
    assert [w.whole_sharers for w in p.waves] == [30, 36, 43]
    assert [w.whole_new_members for w in p.waves] == [120, 144, 173]
    assert [w.whole_cumulative for w in p.waves] == [220, 364, 537]
    assert p.members_by_wave == pytest.approx((100, 220, 364, 536.8))
    assert p.acquired == pytest.approx(436.8)  # 120 + 144 + 172.8
    assert p.whole_acquired == 437
    assert p.total_sharers == pytest.approx(109.2)  # 30 + 36 + 43.2
    assert p.whole_total_sharers == 109
    assert p.members == pytest.approx(536.8) and p.whole_members == 537
    assert p.acquired_limit is None  # no ceiling when K > 1
    assert p.exceeds_reach_at is None


def test_costs_against_a_cheaper_and_a_dearer_channel() -> None:
    p = project(GROWING)
    # 500 fixed + 10 bait x 109.2 sharers = 1,592; / 436.8 members = 3.6447...
    assert p.total_cost == pytest.approx(1592)
    assert p.cost_per_member == pytest.approx(1592 / 436.8)
    assert p.cost_per_member == pytest.approx(3.6447, abs=1e-4)
    # An ad channel at 8 per member: the fission is cheaper, and those 436.8
    # members would cost 3,494.40 there.
    assert p.beats_channel is True
    assert p.channel_total == pytest.approx(3494.4)
    # A channel at 3 per member: the fission is dearer; not worth its bait.
    assert project(scenario(channel_cost=3)).beats_channel is False
    # Exactly as dear is not cheaper.
    assert project(scenario(channel_cost=1592 / 436.8)).beats_channel is False
    # No channel: nothing to compare with.
    none = project(scenario(channel_cost=None))
    assert none.beats_channel is None and none.channel_total is None
    # No costs at all: members are free.
    free = project(scenario(fixed_cost=0, bait_cost=0))
    assert free.total_cost == 0 and free.cost_per_member == 0 and free.beats_channel


def test_dying_campaign_and_its_ceiling() -> None:
    # 100 seeds, 25% share, 4 invites, 50% join: Y = 2, K = 0.5.
    p = project(scenario(share_rate=0.25, invites_per_share=4, conversion_rate=0.5, waves=4))
    assert p.coefficient == 0.5 and not p.self_sustaining
    # sharers 25, 12.5, 6.25, 3.125; new 50, 25, 12.5, 6.25
    assert [w.sharers for w in p.waves] == pytest.approx([25, 12.5, 6.25, 3.125])
    assert [w.new_members for w in p.waves] == pytest.approx([50, 25, 12.5, 6.25])
    assert p.acquired == pytest.approx(93.75)
    assert p.total_sharers == pytest.approx(46.875)
    # However many waves: 100 x 0.5 / (1 - 0.5) = 100 new members at most.
    assert p.acquired_limit == pytest.approx(100)
    longest = project(scenario(share_rate=0.25, invites_per_share=4, conversion_rate=0.5, waves=30))
    assert longest.acquired < 100
    assert longest.acquired == pytest.approx(100, abs=1e-6)  # 100 x (1 - 0.5^30)


def test_docstring_example() -> None:
    # 200 seeds, 40% share, 20 invites, 10% join: Y = 2, K = 0.8 (see the module docstring).
    p = project(
        Scenario(200, 0.4, 20, 0.1, 3, fixed_cost=300, bait_cost=5, channel_cost=6),
    )
    assert p.coefficient == 0.8
    assert [w.cumulative for w in p.waves] == pytest.approx([360, 488, 590.4])
    assert p.acquired == pytest.approx(390.4) and p.total_sharers == pytest.approx(195.2)
    assert p.acquired_limit == pytest.approx(800)
    assert p.total_cost == pytest.approx(1276)
    assert round(p.cost_per_member or 0, 2) == 3.27 and p.beats_channel


def test_coefficient_exactly_one() -> None:
    # 50% share, 4 invites, 50% join: Y = 2, K = 1: every wave brings the seeds again.
    p = project(scenario(share_rate=0.5, invites_per_share=4, conversion_rate=0.5, waves=5))
    assert p.coefficient == 1.0
    assert not p.self_sustaining  # growth sustains itself only above 1
    assert p.acquired_limit is None  # no ceiling: it grows by 100 a wave
    assert [w.new_members for w in p.waves] == [100.0] * 5
    assert [w.sharers for w in p.waves] == [50.0] * 5
    assert p.acquired == 500 and p.members == 600


def test_zero_seeds() -> None:
    p = project(scenario(seed_members=0))
    assert p.coefficient == 1.2  # the campaign would grow, but nothing starts it
    assert all(w.sharers == w.new_members == w.cumulative == 0 for w in p.waves)
    assert p.acquired == 0 and p.total_sharers == 0
    assert p.total_cost == 500  # the poster is paid for anyway
    assert p.cost_per_member is None
    assert p.beats_channel is False  # acquiring no one beats nothing
    assert p.members_by_wave == (0, 0, 0, 0)


def test_zero_conversion_pays_bait_for_nothing() -> None:
    p = project(scenario(conversion_rate=0))
    assert p.per_share == 0 and p.coefficient == 0
    assert p.acquired_limit == 0
    # Wave 1: 30 seeds share (and earn their bait), no one joins; then no one is left to share.
    assert [w.sharers for w in p.waves] == [30, 0, 0]
    assert p.acquired == 0
    assert p.total_cost == pytest.approx(800)  # 500 + 10 x 30
    assert p.cost_per_member is None and p.beats_channel is False


def test_one_wave_and_thirty() -> None:
    one = project(scenario(waves=1))
    assert len(one.waves) == 1
    assert one.acquired == pytest.approx(120) and one.total_sharers == pytest.approx(30)
    assert one.total_cost == pytest.approx(800)  # 500 + 10 x 30
    assert one.cost_per_member == pytest.approx(800 / 120)
    thirty = project(scenario(waves=30))
    assert [w.number for w in thirty.waves] == list(range(1, 31))
    # new(30) = 100 x 1.2^30; the sum of a geometric series for the rest.
    assert thirty.waves[-1].new_members == pytest.approx(100 * 1.2**30)  # 23,737.6
    acquired = 100 * 1.2 * (1.2**30 - 1) / 0.2  # 141,225.8
    assert thirty.acquired == pytest.approx(acquired)
    assert thirty.total_sharers == pytest.approx(0.3 * (100 + acquired - 100 * 1.2**30))
    assert thirty.exceeds_reach_at is None


def test_huge_coefficient_stays_finite_and_says_where_it_breaks_down() -> None:
    # The largest inputs allowed: 10 million seeds, everyone shares into 10,000 people who all join.
    p = project(Scenario(10_000_000, 1, 10_000, 1, 30, 1e9, 1e9, 1e9))
    assert p.coefficient == 10_000
    figures = [p.acquired, p.total_sharers, p.total_cost, p.cost_per_member or 0.0]
    figures += [x for w in p.waves for x in (w.sharers, w.new_members, w.cumulative)]
    assert all(math.isfinite(x) for x in figures)
    assert p.waves[-1].new_members == pytest.approx(1e7 * 1e4**30)  # about 10^127
    assert p.exceeds_reach_at == 1  # 10^11 new members in wave 1
    # 1,000 seeds, K = 10: 111,111,000 members after wave 5; 1,111,111,000 after wave 6.
    p = project(Scenario(1000, 0.5, 20, 1, 30))
    assert p.waves[4].cumulative == pytest.approx(111_111_000)
    assert p.waves[5].cumulative > REACH_LIMIT
    assert p.exceeds_reach_at == 6
    assert isinstance(p.whole_members, int)


def test_whole_rounds_halves_up() -> None:
    assert [whole(x) for x in (0.0, 0.49, 0.5, 1.5, 2.5, 172.8)] == [0, 0, 1, 2, 3, 173]


BAD_FIELDS = [
    ("seed_members", -1, "Seed members cannot be negative."),
    ("seed_members", 2.5, "Seed members: enter a whole number."),
    ("seed_members", "many", "Seed members: enter a whole number."),
    ("seed_members", True, "Seed members: enter a whole number."),
    ("seed_members", 10_000_001, "Seed members: at most 10,000,000."),
    ("share_rate", 1.5, "Share rate: enter a fraction between 0 and 1 (0.3 is 30%)."),
    ("share_rate", -0.1, "Share rate: enter a fraction between 0 and 1 (0.3 is 30%)."),
    ("share_rate", math.nan, "Share rate: enter a number."),
    ("invites_per_share", -2, "Invites per share cannot be negative."),
    ("invites_per_share", math.inf, "Invites per share: enter a number."),
    ("invites_per_share", 10_001, "Invites per share: at most 10,000."),
    ("conversion_rate", 2, "Conversion rate: enter a fraction between 0 and 1 (0.3 is 30%)."),
    ("conversion_rate", None, "Conversion rate: enter a number."),
    ("waves", 0, "Waves: between 1 and 30."),
    ("waves", 31, "Waves: between 1 and 30."),
    ("waves", 3.0, "Waves: enter a whole number."),
    ("fixed_cost", -500, "Fixed cost cannot be negative."),
    ("fixed_cost", "¥500", "Fixed cost: enter a number."),
    ("bait_cost", -1, "Bait cost cannot be negative."),
    ("bait_cost", 2e9, "Bait cost: at most 1,000,000,000."),
    ("channel_cost", -8, "Channel cost cannot be negative."),
    ("channel_cost", "cheap", "Channel cost: enter a number."),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_FIELDS)
def test_each_bad_field_has_its_message(field: str, value: Any, message: str) -> None:
    bad = scenario(**{field: value})
    assert bad.problems() == {field: message}
    with pytest.raises(ValidationError) as caught:
        project(bad)
    assert caught.value.fields == {field: message}
    assert str(caught.value) == message


def test_every_problem_at_once_in_form_order() -> None:
    bad = Scenario(-1, 2, -1, -1, 0, -1, -1, -1)
    assert list(bad.problems()) == [
        "seed_members",
        "share_rate",
        "invites_per_share",
        "conversion_rate",
        "waves",
        "fixed_cost",
        "bait_cost",
        "channel_cost",
    ]
    assert GROWING.problems() == {}
    assert scenario(share_rate=0, conversion_rate=1, invites_per_share=0).problems() == {}


def test_from_values_reads_form_text() -> None:
    form = {
        "seed_members": " 1,000 ",
        "share_rate": "30%",
        "invites_per_share": "5",
        "conversion_rate": "0.8",
        "waves": "3",
        "fixed_cost": "500.50",
        "bait_cost": 10,
        "channel_cost": "",
    }
    read = Scenario.from_values(form)
    assert read == Scenario(1000, 0.3, 5.0, 0.8, 3, 500.5, 10, None)
    assert read.problems() == {}
    assert Scenario.from_values(GROWING.values()) == GROWING
    # Text that is not a number stays for problems() to report.
    bad = Scenario.from_values(
        form | {"waves": "three", "fixed_cost": "50%", "seed_members": "1.5"}
    )
    assert bad.problems() == {
        "seed_members": "Seed members: enter a whole number.",
        "waves": "Waves: enter a whole number.",
        "fixed_cost": "Fixed cost: enter a number.",
    }
    with pytest.raises(ValueError, match="colour"):
        Scenario.from_values(form | {"colour": "red"})


# -- saved scenarios -----------------------------------------------------------------------


@pytest.fixture
def community(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": "读书会"})
    return community_id


def add_item(ws: Workspace, community_id: str, kind: str, item_type: str, title: str) -> str:
    item_id, _ = create_item(
        ws,
        {
            "community_id": community_id,
            "kind": kind,
            "item_type": item_type,
            "title": title,
            "start": datetime(2026, 3, 10, 20, 0),
            "end": datetime(2026, 3, 10, 21, 0),
            "tz": "Asia/Shanghai",
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
        "share_rate": "Share rate: enter a fraction between 0 and 1 (0.3 is 30%).",
        "waves": "Waves: between 1 and 30.",
        "name": "A scenario needs a name.",
    }
    with pytest.raises(ValidationError, match="already has a scenario called “POSTER”"):
        save_scenario(ws, community, GROWING, "POSTER")
    with pytest.raises(ValidationError, match="too long"):
        save_scenario(ws, community, GROWING, "x" * 81)
    with pytest.raises(ValidationError, match="already has a scenario called “poster”"):
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
