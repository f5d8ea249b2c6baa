"""What the calendar keeps between reads, and its partial reads.

occurrences_between keeps the live series, their expansions and recent
results while the workspace's data stays the same (planner.calendar
.data_token); a partial read loads an item's undrawn fields on first use.
Every test here compares with what a fresh, full read gives.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from planner import calendar
from planner.calendar import (
    CalendarFilter,
    EditScope,
    Occurrence,
    create_item,
    data_token,
    delete_occurrence,
    forget_cached,
    get_item,
    occurrences_between,
    prefetch,
    update_occurrence,
)
from planner.checklist_due import due_between
from planner.checklists import checklist, set_done, update_item
from planner.communities import create_community
from planner.recurrence import Recurrence, naive_expand
from planner.workspace import Workspace

START, END = datetime(2026, 3, 2), datetime(2026, 4, 13)  # a month grid: six weeks


def values(community: str, **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "community_id": community,
        "kind": "activity",
        "item_type": "paid",
        "title": "训练营",
        "start": datetime(2026, 3, 10, 19),
        "end": datetime(2026, 3, 10, 20, 30),
        "tz": "Asia/Shanghai",
        "description": "第一课：开营",
        "location": "腾讯会议",
        "speaker": "张老师",
        "owner": "Ada",
        "planned_participants": 40,
        "planned_revenue": 1999.5,
    }
    if "start" in changes and "end" not in changes:
        changes["end"] = changes["start"] + timedelta(minutes=90)
    base.update(changes)
    return base


@pytest.fixture
def community(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": "读书会"}, checklist=False)
    return community_id


@pytest.fixture
def filled(workspace: Workspace, community: str) -> Workspace:
    """One-offs, a series with an override and a removed date, a monthly series."""
    create_item(workspace, values(community))
    create_item(
        workspace,
        values(
            community,
            title="周末复盘",
            all_day=True,
            start=datetime(2026, 3, 14),
            end=datetime(2026, 3, 16),
        ),
    )
    series, _ = create_item(
        workspace,
        values(
            community,
            kind="content",
            item_type="morning_digest",
            title="晨报",
            start=datetime(2026, 3, 2, 8),
            end=datetime(2026, 3, 2, 8, 15),
            recurrence=Recurrence.parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
        ),
    )
    create_item(
        workspace,
        values(
            community,
            kind="content",
            item_type="guest_share",
            title="嘉宾分享",
            start=datetime(2026, 3, 12, 20),
            end=datetime(2026, 3, 12, 21),
            recurrence=Recurrence.parse("FREQ=MONTHLY;BYDAY=2TH"),
        ),
    )
    occurrences = occurrences_between(workspace, START, END)
    digest = [o for o in occurrences if o.series and o.series.id == series]
    update_occurrence(workspace, digest[3], {"title": "晨报（特刊）"}, EditScope.THIS)
    delete_occurrence(workspace, digest[5], EditScope.THIS)
    return workspace


def fresh(ws: Workspace, filters: CalendarFilter | None = None) -> list[Occurrence]:
    """A read with nothing kept from before."""
    forget_cached(ws)
    return occurrences_between(ws, START, END, filters)


def shown(occurrences: list[Occurrence]) -> list[tuple[Any, ...]]:
    return [(o.key, o.start, o.end, o.item, o.series, o.recurrence_id) for o in occurrences]


def test_a_kept_read_is_what_a_fresh_read_gives(filled: Workspace) -> None:
    first = occurrences_between(filled, START, END)
    again = occurrences_between(filled, START, END)
    assert again is not first  # a list of its own: the caller may change it
    assert shown(again) == shown(first) == shown(fresh(filled))
    titles = [o.item.title for o in first]
    assert "晨报（特刊）" in titles and titles.count("嘉宾分享") == 2


def test_an_edit_is_seen_by_the_next_read(filled: Workspace, community: str) -> None:
    before = occurrences_between(filled, START, END)
    token = data_token(filled)
    create_item(filled, values(community, title="新的直播", start=datetime(2026, 3, 20, 19)))
    assert data_token(filled) != token
    after = occurrences_between(filled, START, END)
    assert len(after) == len(before) + 1
    assert shown(after) == shown(fresh(filled))
    # ... an edit of a series too: every occurrence follows.
    digest = next(o for o in after if o.item.title == "晨报")
    update_occurrence(filled, digest, {"title": "早报"}, EditScope.ALL)
    titles = [o.item.title for o in occurrences_between(filled, START, END)]
    assert "晨报" not in titles and titles.count("早报") > 10


def test_undo_is_seen_by_the_next_read(filled: Workspace, community: str) -> None:
    before = shown(occurrences_between(filled, START, END))
    create_item(filled, values(community, title="临时活动", start=datetime(2026, 3, 25, 19)))
    assert len(occurrences_between(filled, START, END)) == len(before) + 1
    filled.undo()
    assert shown(occurrences_between(filled, START, END)) == before


def test_a_commit_by_another_connection_is_seen(filled: Workspace) -> None:
    occurrences_between(filled, START, END)  # kept
    other = sqlite3.connect(filled.path)
    try:
        with other:
            other.execute("UPDATE calendar_items SET title = '改名' WHERE title = '嘉宾分享'")
    finally:
        other.close()
    titles = [o.item.title for o in occurrences_between(filled, START, END)]
    assert "嘉宾分享" not in titles and titles.count("改名") == 2


class Abandoned(Exception):
    """Rolls the transaction of a test back."""


def test_nothing_is_kept_inside_a_transaction(filled: Workspace) -> None:
    forget_cached(filled)
    with pytest.raises(Abandoned), filled.db.atomic():
        filled.db.execute("UPDATE calendar_items SET title = '未提交' WHERE title = '训练营'")
        assert data_token(filled) is None
        inside = [o.item.title for o in occurrences_between(filled, START, END)]
        assert "未提交" in inside
        assert filled not in calendar._CACHES
        raise Abandoned
    # The rollback did not raise total_changes' count back: only not keeping
    # what was read inside keeps this read right.
    titles = [o.item.title for o in occurrences_between(filled, START, END)]
    assert "未提交" not in titles and "训练营" in titles


def test_filters_give_what_a_fresh_filtered_read_gives(filled: Workspace, community: str) -> None:
    for filters in (
        CalendarFilter(kinds=frozenset({"content"})),
        CalendarFilter(item_types=frozenset({"paid"})),
        CalendarFilter(community_ids=frozenset()),
        CalendarFilter(community_ids=frozenset({community}), statuses=frozenset({"planned"})),
    ):
        kept = occurrences_between(filled, START, END, filters)
        assert shown(kept) == shown(fresh(filled, filters))
    assert occurrences_between(filled, START, END, CalendarFilter(community_ids=frozenset())) == []


def test_a_partial_read_loads_the_rest_when_asked(filled: Workspace) -> None:
    full = occurrences_between(filled, START, END)
    partial = occurrences_between(filled, START, END, partial=True)
    camp = next(o for o in partial if o.item.title == "训练营")
    assert "description" not in vars(camp.item)  # not read yet
    assert camp.item.speaker == "张老师"  # drawn: read with the rest
    assert camp.item.description == "第一课：开营"
    assert camp.item.location == "腾讯会议"
    assert camp.item.goals["planned_participants"] == 40
    assert camp.item.goals["planned_revenue"] == 1999.5
    assert camp.item == get_item(filled, camp.item.id)
    # Every occurrence shows and edits the same as from a full read.
    assert [o.values() for o in partial] == [o.values() for o in full]
    assert shown(partial) == shown(full)
    with pytest.raises(AttributeError):
        _ = camp.item.no_such_field  # type: ignore[attr-defined]


def test_an_item_opened_from_a_partial_read_can_be_edited(filled: Workspace) -> None:
    partial = occurrences_between(filled, START, END, partial=True)
    camp = next(o for o in partial if o.item.title == "训练营")
    update_occurrence(filled, camp, {"location": "线下教室"}, EditScope.ALL)
    item = get_item(filled, camp.item.id)
    assert item.location == "线下教室" and item.description == "第一课：开营"
    assert item.goals["planned_revenue"] == 1999.5


def test_prefetch_reads_once(filled: Workspace) -> None:
    forget_cached(filled)
    later = (END, END + timedelta(weeks=6))
    assert prefetch(filled, *later, partial=True)
    assert not prefetch(filled, *later, partial=True)  # already read
    kept = occurrences_between(filled, *later, partial=True)
    forget_cached(filled)
    assert shown(kept) == shown(occurrences_between(filled, *later))


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYMONTHDAY=31",  # skips the shorter months
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=5MO",  # only months with five Mondays
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TH",
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=29",  # no 29th in most Februaries
        "FREQ=MONTHLY;BYMONTHDAY=30;COUNT=7",
        "FREQ=MONTHLY;BYDAY=1SU;UNTIL=20270601",
    ],
)
def test_monthly_rules_expand_as_walking_from_the_start(rule: str) -> None:
    recurrence = Recurrence.parse(rule)
    dtstart = datetime(2026, 1, 31, 19, 30)
    first = recurrence.starts(dtstart, 1)[0]
    duration = timedelta(hours=1)
    for offset in range(0, 900, 37):
        lo = first + timedelta(days=offset)
        hi = lo + timedelta(days=42)
        expected = naive_expand(recurrence, first, duration, lo, hi)
        assert (
            calendar.expand(
                recurrence, first, duration, lo, hi, last_start=recurrence.last_start(first)
            )
            == expected
        )


def test_due_items_follow_a_tick(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "跑步群"})
    item = checklist(workspace, community_id)[0]
    today = date.today()
    update_item(workspace, item.id, {"due_on": today})
    [due] = [d for d in due_between(workspace, today, today) if d.item_id == item.id]
    assert not due.done
    assert due_between(workspace, today, today) == due_between(workspace, today, today)
    set_done(workspace, item.id, True)
    [due] = [d for d in due_between(workspace, today, today) if d.item_id == item.id]
    assert due.done
