"""A community's figures by day: storage, undo, checks, weeks, merging, the sample."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from planner.check import check_workspace
from planner.communities import create_community, delete_community, find_community
from planner.errors import NotFound, ValidationError
from planner.merge_apply import apply_merge, take_all
from planner.merge_file import prepare_merge
from planner.metrics import (
    DayFigures,
    by_week,
    delete_figures,
    figures_between,
    figures_id,
    latest_figures,
    set_figures,
)
from planner.paths import AppPaths
from planner.schema import SCHEMA_VERSION
from planner.snapshot import write_snapshot
from planner.workspace import Workspace, open_workspace
from tests.conftest import DATA, DEVICE

MON = date(2026, 11, 2)


@pytest.fixture
def club(workspace: Workspace) -> str:
    return create_community(workspace, {"name": "深夜读书会"}, checklist=False)[0]


def test_figures_round_trip_through_the_file(
    workspace: Workspace, club: str, paths: AppPaths
) -> None:
    rows = [
        DayFigures(MON, members=180, active_members=120, joined=9, left_members=2, revenue=597.5),
        DayFigures(date(2026, 11, 9), members=186, messages=1320, note="双十一活动周"),
    ]
    set_figures(workspace, club, rows)
    path = workspace.path
    workspace.close()
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert figures_between(ws, club) == rows
        assert figures_between(ws, club, start=date(2026, 11, 3)) == rows[1:]
        assert latest_figures(ws, club, date(2026, 11, 8)) == rows[0]
        assert rows[0].retention == pytest.approx(120 / 180)
        assert rows[1].retention is None


def test_a_day_set_again_changes_its_record_and_undo_takes_it_back(
    workspace: Workspace, club: str
) -> None:
    set_figures(workspace, club, [DayFigures(MON, members=100)])
    set_figures(workspace, club, [DayFigures(MON, members=104, joined=4)])
    assert figures_between(workspace, club) == [DayFigures(MON, members=104, joined=4)]
    rows = workspace.db.execute("SELECT id FROM community_metrics").fetchall()
    assert rows == [(figures_id(club, MON),)]
    workspace.undo()
    assert figures_between(workspace, club) == [DayFigures(MON, members=100)]
    workspace.redo()
    assert figures_between(workspace, club) == [DayFigures(MON, members=104, joined=4)]
    delete_figures(workspace, club, [MON])
    assert figures_between(workspace, club) == []
    workspace.undo()
    assert figures_between(workspace, club) == [DayFigures(MON, members=104, joined=4)]


@pytest.mark.parametrize(
    ("figures", "field", "words"),
    [
        (DayFigures(MON, members=-1), "members", "Cannot be negative"),
        (DayFigures(MON, members=10, active_members=11), "active_members", "More active"),
        (DayFigures(MON, joined=2.5), "joined", "whole number"),  # type: ignore[arg-type]
        (DayFigures(MON, revenue=-3.0), "revenue", "Cannot be negative"),
        (DayFigures(date(1999, 12, 31), members=3), "day", "between 2000 and 2099"),
    ],
)
def test_wrong_figures_are_refused_and_nothing_is_written(
    workspace: Workspace, club: str, figures: DayFigures, field: str, words: str
) -> None:
    good = DayFigures(date(2026, 11, 9), members=5)
    with pytest.raises(ValidationError) as refused:
        set_figures(workspace, club, [good, figures])
    assert field in refused.value.fields and words in refused.value.fields[field]
    assert figures.day.isoformat() in str(refused.value)
    assert figures_between(workspace, club) == []
    assert not workspace.history.can_undo or workspace.history.next_undo().action != "set_figures"


def test_the_same_day_twice_and_a_trashed_community_are_refused(
    workspace: Workspace, club: str
) -> None:
    with pytest.raises(ValidationError, match="same day"):
        set_figures(workspace, club, [DayFigures(MON, members=1), DayFigures(MON, members=2)])
    delete_community(workspace, club)
    with pytest.raises(NotFound):
        set_figures(workspace, club, [DayFigures(MON, members=1)])


def test_weeks_sum_the_flows_and_keep_the_last_stocks() -> None:
    days = [
        DayFigures(date(2026, 11, 2), members=100, active_members=50, joined=5, left_members=1),
        DayFigures(date(2026, 11, 4), members=104, joined=3, messages=40),
        DayFigures(date(2026, 11, 9), members=103, active_members=30, left_members=4),
    ]
    first, second = by_week(days)
    assert (first.monday, first.days, first.joined, first.left_members) == (MON, 2, 8, 1)
    assert (first.members, first.active_members, first.messages) == (104, 50, 40)
    assert first.retention == pytest.approx(0.5)  # the last day that had both figures
    assert first.net == 7
    assert (second.monday, second.joined, second.left_members) == (date(2026, 11, 9), None, 4)
    assert second.net is None and second.retention == pytest.approx(30 / 103)


def test_two_copies_entering_the_same_day_hold_one_record(
    workspace: Workspace, club: str, tmp_path: Path, paths: AppPaths
) -> None:
    theirs = tmp_path / "teammate.cplan"
    write_snapshot(workspace, theirs, device_id=DEVICE, device_label="me@laptop")
    set_figures(workspace, club, [DayFigures(MON, members=100, joined=3)])
    teammate = "00000000-0000-4000-8000-0000000000b2"
    with open_workspace(theirs, device_id=teammate, lock_dir=paths.lock_dir) as ws:
        set_figures(ws, club, [DayFigures(MON, members=101, joined=3)])
        set_figures(ws, club, [DayFigures(date(2026, 11, 9), members=110)])
    plan = prepare_merge(workspace, theirs)
    assert plan.report()["tables"]["community_metrics"] == {
        "added": 1,
        "updated": 0,
        "deleted": 0,
        "conflicts": 1,
    }
    [conflict] = plan.conflicts
    assert conflict.fields == ("members",)
    workspace.history.push(apply_merge(workspace, plan, take_all(plan, "theirs")))
    assert [f.members for f in figures_between(workspace, club)] == [101, 110]


def test_the_schema5_file_is_migrated_to_figures(tmp_path: Path, paths: AppPaths) -> None:
    copy = tmp_path / "old.cplan"
    shutil.copy(DATA / "workspace-schema5.cplan", copy)
    with open_workspace(copy, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert ws.schema_version == SCHEMA_VERSION
        club = find_community(ws, "深夜读书会 · 付费会员圈").id
        set_figures(ws, club, [DayFigures(MON, members=200)])
        versions = ws.db.execute(
            "SELECT count(*) FROM row_versions WHERE table_name = 'community_metrics'"
        ).fetchone()[0]
        assert versions == 1
    assert check_workspace(copy).sound


def test_check_reports_figures_the_app_cannot_read(
    workspace: Workspace, club: str, paths: AppPaths
) -> None:
    set_figures(workspace, club, [DayFigures(MON, members=10, active_members=5)])
    path = workspace.path
    workspace.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE community_metrics SET day = '2026-02-30'")
    conn.commit()
    conn.close()
    [problem] = check_workspace(path).problems
    assert "a day that is not YYYY-MM-DD" in problem


def test_the_sample_tells_three_stories(sample_path: Path, paths: AppPaths) -> None:
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:

        def weeks(name: str) -> list:  # type: ignore[type-arg]
            return by_week(figures_between(ws, find_community(ws, name).id))

        healthy = weeks("深夜读书会 · 付费会员圈")
        declining = weeks("Notion 中文用户群")
        new = weeks("Growth Hackers 增长交流群")
        assert len(healthy) == len(declining) == 26 and len(new) == 6
        last4 = declining[-4:]
        assert sum(w.left_members for w in last4) > sum(w.joined for w in last4)
        rates = [w.retention for w in declining[-4:]]
        assert rates == sorted(rates, reverse=True) and rates[0] > rates[-1]
        assert sum(w.joined for w in healthy[-4:]) > sum(w.left_members for w in healthy[-4:])
        assert all(0.6 <= (w.retention or 0) <= 0.72 for w in healthy)
        assert new[-1].members > 4 * new[0].members // 2
    assert check_workspace(sample_path).sound


def test_a_refusal_names_the_day_and_the_figure(workspace: Workspace) -> None:
    club, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    with pytest.raises(ValidationError) as refused:
        set_figures(workspace, club, [DayFigures(MON, joined=-2)])
    assert refused.value.fields == {"joined": f"{MON.isoformat()}, Joined: Cannot be negative."}
