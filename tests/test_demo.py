"""The sample workspace tells a story: checklists in different states of progress."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.calendar import week_start
from planner.check import check_workspace
from planner.checklist_due import due_between, overview
from planner.checklists import checklist, progress
from planner.communities import Stage, find_community
from planner.community_templates import has_welcome, linked_templates
from planner.demo import SAMPLE_COMMUNITIES, write_demo
from planner.demo_checklists import LIBRARY_ADDITION
from planner.paths import AppPaths
from planner.workspace import Workspace, open_workspace
from planner.workspace_library import library
from tests.conftest import DEVICE

TODAY = date(2026, 11, 25)  # a Wednesday
NAMES = [c["name"] for c in SAMPLE_COMMUNITIES]
READING, NOTION, PARENTS, GROWTH = NAMES


def write(path: Path, paths: AppPaths, today: date = TODAY) -> Path:
    write_demo(path, device_id=DEVICE, lock_dir=paths.lock_dir, today=today)
    return path


@pytest.fixture
def demo(tmp_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    path = write(tmp_path / "sample.cplan", paths)
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    yield ws
    ws.close()


def cid(ws: Workspace, name: str) -> str:
    return find_community(ws, name).id


def test_the_sample_is_sound(tmp_path: Path, paths: AppPaths) -> None:
    report = check_workspace(write(tmp_path / "s.cplan", paths))
    assert report.sound, report.problems
    assert report.counts["checklist items"] > 4 * 30


def test_every_community_is_at_a_different_point(demo: Workspace) -> None:
    ticked = {name: progress(demo, cid(demo, name)).done for name in NAMES}
    assert len(set(ticked.values())) == len(NAMES), ticked
    # The further along the path, the more is done.
    assert ticked[GROWTH] < ticked[PARENTS] < ticked[NOTION] < ticked[READING]
    assert 0 < ticked[GROWTH] <= 3  # a couple of ticks while being built
    reading = progress(demo, cid(demo, READING))
    for stage in (Stage.BUILD, Stage.STRUCTURE, Stage.OUTPUT):
        assert reading.of(stage).complete
    assert 0 < reading.of(Stage.OPERATE).done < reading.of(Stage.OPERATE).total


def test_one_community_is_ready_to_move_on(demo: Workspace) -> None:
    suggestions = {
        row.community.name: row.suggestion
        for row in overview(demo, TODAY)
        if row.suggestion is not None
    }
    assert suggestions == {PARENTS: Stage.OUTPUT}


def test_work_is_assigned_due_this_week_and_next_and_some_is_overdue(demo: Workspace) -> None:
    rows = {row.community.name: row for row in overview(demo, TODAY, "zh")}
    assert [d.title for d in rows[READING].overdue] == ["设计成员之间的连接点"]
    assert rows[NOTION].overdue and not rows[GROWTH].overdue and not rows[PARENTS].overdue
    monday = week_start(TODAY)
    this_week = due_between(demo, monday, monday + timedelta(days=6), include_done=False)
    next_week = due_between(
        demo, monday + timedelta(days=7), monday + timedelta(days=13), include_done=False
    )
    assert len(this_week) >= 3 and len(next_week) >= 3
    owners = {c["owner"] for c in SAMPLE_COMMUNITIES}
    assert {d.assignee for d in this_week + next_week} - {""} <= owners
    assert {d.community_id for d in this_week + next_week} == {cid(demo, n) for n in NAMES}
    # One item ticked ahead of its date still shows on the calendar, done.
    assert any(d.done for d in due_between(demo, monday, monday + timedelta(days=6)))


def test_hidden_custom_and_noted_items(demo: Workspace) -> None:
    items = {name: checklist(demo, cid(demo, name), "zh") for name in NAMES}
    hidden = {name: [i for i in rows if i.hidden] for name, rows in items.items()}
    assert sum(len(rows) for rows in hidden.values()) >= 3
    assert all(i.note for rows in hidden.values() for i in rows)  # why it does not apply
    custom = [i for rows in items.values() for i in rows if not i.library_key]
    assert len(custom) >= 3 and all(i.custom_text for i in custom)
    notes = [i.note for rows in items.values() for i in rows if i.done and i.note]
    assert any("欢迎" in note for note in notes)
    for rows in items.values():
        assert all(i.done_on is None or i.done_on <= TODAY for i in rows)


def test_the_workspace_library_has_an_item_of_its_own(demo: Workspace) -> None:
    stage, title, _ = LIBRARY_ADDITION
    own = [item for item in library(demo, "zh") if not item.builtin]
    assert [(item.stage, item.title) for item in own] == [(stage, title)]
    for name in NAMES:  # made after the library changed, so every checklist has it
        assert title in [i.title for i in checklist(demo, cid(demo, name), "zh")]


def test_template_links_leave_one_community_without_a_welcome(demo: Workspace) -> None:
    welcome = {name: has_welcome(demo, cid(demo, name)) for name in NAMES}
    assert welcome == {READING: True, NOTION: True, PARENTS: True, GROWTH: False}
    refs = [link.template_ref for link in linked_templates(demo, cid(demo, READING))]
    assert "builtin:first_24_hours.zh" in refs and len(refs) == 3


def project(ws: Workspace) -> list[tuple[object, ...]]:
    """Everything of the checklists but ids and timestamps."""
    result: list[tuple[object, ...]] = []
    for name in NAMES:
        for i in checklist(ws, cid(ws, name), "zh"):
            result.append(
                (name, i.stage, i.library_key != "", i.title, i.done_on, i.due_on, i.hidden)
            )
            result.append((i.note, i.assignee, i.position))
    return result


def test_the_sample_is_the_same_for_the_same_today(tmp_path: Path, paths: AppPaths) -> None:
    projections = []
    for n in range(2):
        path = write(tmp_path / f"s{n}.cplan", paths)
        with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
            projections.append(project(ws))
    assert projections[0] == projections[1]
    later = write(tmp_path / "later.cplan", paths, TODAY + timedelta(days=30))
    with open_workspace(later, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        shifted = project(ws)
    assert shifted != projections[0]  # dates follow today


@pytest.mark.parametrize("weekday", range(7))
def test_the_story_holds_on_any_day_of_the_week(
    tmp_path: Path, paths: AppPaths, weekday: int
) -> None:
    today = week_start(TODAY) + timedelta(days=weekday)
    path = write(tmp_path / "s.cplan", paths, today)
    assert check_workspace(path).sound
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        rows = overview(ws, today)
        assert [r.community.name for r in rows if r.suggestion] == [PARENTS]
        assert sum(len(r.overdue) for r in rows) >= 2
        monday = week_start(today)
        assert due_between(ws, monday, monday + timedelta(days=13), include_done=False)
