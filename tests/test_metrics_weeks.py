"""Weeks added up by SQLite (``weeks_between``) agree with ``by_week`` over the days."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.communities import create_community
from planner.metrics import DayFigures, by_week, figures_between, set_figures, weeks_between
from planner.workspace import Workspace, create_workspace
from tests.conftest import DEVICE

FIRST = date(2026, 8, 31)  # a Monday
counts = st.none() | st.integers(min_value=0, max_value=5_000)


@st.composite
def days(draw: st.DrawFn) -> list[DayFigures]:
    """Some days of two months, with figures missing here and there (a note-only day too)."""
    offsets = draw(st.lists(st.integers(0, 60), unique=True, max_size=25))
    rows = []
    for offset in sorted(offsets):
        members = draw(counts)
        most = 5_000 if members is None else members
        rows.append(
            DayFigures(
                FIRST + timedelta(days=offset),
                members=members,
                active_members=draw(st.none() | st.integers(0, most)),
                joined=draw(counts),
                left_members=draw(counts),
                messages=draw(counts),
                paid_conversions=draw(counts),
                revenue=draw(st.none() | st.integers(0, 10**6).map(lambda c: c / 100)),
                note=draw(st.sampled_from(["", "直播课"])),
            )
        )
    return [r for r in rows if not r.empty]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One workspace for every example; each example makes communities of its own."""
    folder = tmp_path_factory.mktemp("weeks")
    with create_workspace(folder / "w.cplan", device_id=DEVICE, lock_dir=folder / "l") as ws:
        yield ws


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=days(), second=days(), start=st.integers(0, 20), length=st.integers(0, 60))
def test_weeks_between_is_by_week_of_the_days(
    shared: Workspace, first: list[DayFigures], second: list[DayFigures], start: int, length: int
) -> None:
    ws = shared
    ids = []
    for rows in (first, second):
        cid, _ = create_community(ws, {"name": str(uuid.uuid4())}, checklist=False)
        if rows:
            set_figures(ws, cid, rows)
        ids.append(cid)
    since = FIRST + timedelta(days=start)
    until = since + timedelta(days=length)
    expected = {
        cid: weeks for cid in ids if (weeks := by_week(figures_between(ws, cid, since, until)))
    }
    got = weeks_between(ws, ids, since, until)
    assert got.keys() == expected.keys()
    for cid, weeks in expected.items():
        for mine, theirs in zip(got[cid], weeks, strict=True):
            assert mine.revenue == (None if theirs.revenue is None else mine.revenue)
            if theirs.revenue is not None:
                assert abs((mine.revenue or 0) - theirs.revenue) < 1e-6
            assert mine.__class__(**{**vars(mine), "revenue": None}) == theirs.__class__(
                **{**vars(theirs), "revenue": None}
            )


def test_a_week_keeps_its_last_known_members_and_rate(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "w.cplan", device_id=DEVICE, lock_dir=tmp_path / "l") as ws:
        cid, _ = create_community(ws, {"name": "读书会"}, checklist=False)
        set_figures(
            ws,
            cid,
            [
                DayFigures(date(2026, 11, 16), members=100, active_members=40, joined=3),
                DayFigures(date(2026, 11, 18), members=104, active_members=None, joined=4),
                DayFigures(date(2026, 11, 20), members=None, active_members=30, note="停更"),
                DayFigures(date(2026, 11, 23), members=0, active_members=0),
            ],
        )
        weeks = weeks_between(ws, [cid, "no such community"], date(2026, 11, 1), date(2026, 11, 30))
    assert list(weeks) == [cid]
    first, second = weeks[cid]
    assert (first.monday, first.days, first.joined, first.left_members) == (
        date(2026, 11, 16),
        3,
        7,
        None,
    )
    # members from the 18th, active from the 20th, the rate from the 16th (the last day with both)
    assert (first.members, first.active_members, first.retention) == (104, 30, 0.4)
    assert (second.monday, second.members, second.retention) == (date(2026, 11, 23), 0, None)


def test_weeks_at_the_ends_of_the_days_figures_can_have(shared: Workspace) -> None:
    cid, _ = create_community(shared, {"name": "Edges"}, checklist=False)
    ends = [date(2000, 1, 1), date(2000, 1, 3), date(2099, 12, 31)]
    set_figures(shared, cid, [DayFigures(day, members=10) for day in ends])
    weeks = weeks_between(shared, [cid], date(2000, 1, 1), date(2099, 12, 31))[cid]
    assert [w.monday for w in weeks] == [date(1999, 12, 27), date(2000, 1, 3), date(2099, 12, 28)]
    assert [w.monday for w in weeks] == [w.monday for w in by_week(figures_between(shared, cid))]
