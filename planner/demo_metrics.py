"""Six months of figures for the sample workspace, one story per community.

Recorded every Monday, as an operator copies them off the group's
statistics page:

- 深夜读书会 · 付费会员圈 is healthy: it grows steadily, about two thirds of
  it is active, more join than leave, and members keep paying.
- Notion 中文用户群 is declining: for the last two months more people leave
  than join, and its active rate has fallen week after week.
- 初二（3）班家长群 is steady: a class's parents, the same 50-odd people.
- Growth Hackers 增长交流群 is new: six weeks old and filling fast.

The figures come from a seeded generator, so the sample is the same every
time it is written.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from planner.calendar import week_start
from planner.communities import get_community, update_community
from planner.metrics import DayFigures, set_figures
from planner.workspace import Workspace

READING = "深夜读书会 · 付费会员圈"
NOTION = "Notion 中文用户群"
PARENTS = "初二（3）班家长群"
GROWTH = "Growth Hackers 增长交流群"
WEEKS = 26


def _healthy(rng: random.Random, mondays: list[date]) -> list[DayFigures]:
    rows, members = [], 168
    for monday in mondays:
        joined = rng.randint(5, 11)
        left = rng.randint(1, 4)
        members += joined - left
        active = round(members * rng.uniform(0.62, 0.71))
        paid = rng.randint(2, 6)
        rows.append(
            DayFigures(
                monday,
                members=members,
                active_members=active,
                joined=joined,
                left_members=left,
                messages=rng.randint(900, 1500),
                paid_conversions=paid,
                revenue=float(paid * 199),
            )
        )
    return rows


def _declining(rng: random.Random, mondays: list[date]) -> list[DayFigures]:
    rows, members = [], 452
    for n, monday in enumerate(mondays):
        late = n >= len(mondays) - 9  # the last two months
        joined = rng.randint(3, 7) if late else rng.randint(9, 16)
        left = rng.randint(8, 14) if late else rng.randint(3, 7)
        members += joined - left
        # The active rate holds near 45%, then falls week after week.
        fall = max(0, n - (len(mondays) - 6))
        rate = 0.46 - 0.045 * fall if fall else rng.uniform(0.42, 0.48)
        rows.append(
            DayFigures(
                monday,
                members=members,
                active_members=round(members * rate),
                joined=joined,
                left_members=left,
                messages=rng.randint(150, 260) if late else rng.randint(500, 800),
                paid_conversions=0,
                revenue=None,
            )
        )
    return rows


def _steady(rng: random.Random, mondays: list[date]) -> list[DayFigures]:
    rows = []
    for monday in mondays:
        joined = rng.choice((0, 0, 0, 1))
        left = rng.choice((0, 0, 0, 1))
        rows.append(
            DayFigures(
                monday,
                members=52 + joined - left,
                active_members=rng.randint(18, 30),
                joined=joined,
                left_members=left,
                messages=rng.randint(120, 300),
            )
        )
    return rows


def _new(rng: random.Random, mondays: list[date]) -> list[DayFigures]:
    rows, members = [], 12
    for monday in mondays[-6:]:
        joined = rng.randint(10, 18)
        left = rng.randint(0, 2)
        members += joined - left
        rows.append(
            DayFigures(
                monday,
                members=members,
                active_members=round(members * rng.uniform(0.5, 0.6)),
                joined=joined,
                left_members=left,
                messages=rng.randint(80, 240),
            )
        )
    return rows


def add_sample_metrics(ws: Workspace, ids: dict[str, str], today: date) -> None:
    """Record 26 weeks of Monday figures (up to the last Monday) for each story,
    ending at the community's member count (or setting it, when it has none)."""
    last = week_start(today)
    mondays = [last - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    rng = random.Random(48)
    for name, story in (
        (READING, _healthy),
        (NOTION, _declining),
        (PARENTS, _steady),
        (GROWTH, _new),
    ):
        members = get_community(ws, ids[name]).member_count
        rows = _ending_at(story(rng, mondays), members)
        set_figures(ws, ids[name], rows)
        if not members:
            update_community(ws, ids[name], {"member_count": rows[-1].members})


def _ending_at(rows: list[DayFigures], members: int) -> list[DayFigures]:
    """The story moved up or down so that its last member count is ``members``
    (the community's profile), keeping each week's share of active members;
    unchanged when the profile has no count yet."""
    last = rows[-1].members
    if not members or last is None:
        return rows
    shift = members - last
    moved = []
    for row in rows:
        if row.members is None:
            moved.append(row)
            continue
        count = row.members + shift
        active = row.active_members
        if active is not None:
            active = min(count, round(active * count / row.members))
        moved.append(replace(row, members=count, active_members=active))
    return moved
