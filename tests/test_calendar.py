"""The calendar: storage, validation, range queries, edit scopes, undo and redo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.calendar import (
    EDITABLE_FIELDS,
    MAX_ITEM_DAYS,
    TABLE,
    CalendarFilter,
    EditScope,
    ItemKind,
    Occurrence,
    Status,
    create_item,
    delete_occurrence,
    find_occurrence,
    format_time,
    get_item,
    move_occurrence,
    occurrences_between,
    owners,
    update_occurrence,
    week_start,
)
from planner.communities import create_community, delete_community
from planner.errors import NotFound, ValidationError
from planner.paths import AppPaths
from planner.recurrence import Frequency, Recurrence
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE

THIS, FOLLOWING, ALL = EditScope.THIS, EditScope.FOLLOWING, EditScope.ALL
WEEKDAYS = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"
# Four weeks from Monday 2026-03-02, the first morning digest.
RANGE = (datetime(2026, 3, 2), datetime(2026, 3, 30))

Snapshot = list[tuple[str, datetime, datetime]]


def d(text: str) -> datetime:
    """A naive local datetime from "MM-DD HH:MM" in 2026, or a full "YYYY-MM-DD HH:MM"."""
    if len(text) == len("03-02 08:00"):
        text = "2026-" + text
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def item_values(community_id: str, /, **changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "community_id": community_id,
        "kind": "content",
        "item_type": "other",
        "title": "条目",
        "start": d("03-10 09:00"),
        "end": d("03-10 10:00"),
        "tz": "Asia/Shanghai",
    }
    values.update(changes)
    return values


def add(ws: Workspace, community_id: str, **changes: Any) -> str:
    item_id, _ = create_item(ws, item_values(community_id, **changes))
    return item_id


def snapshot(ws: Workspace, start: datetime = RANGE[0], end: datetime = RANGE[1]) -> Snapshot:
    return [(o.item.title, o.start, o.end) for o in occurrences_between(ws, start, end)]


def on_day(ws: Workspace, day: str) -> Snapshot:
    start = d(f"{day} 00:00")
    return snapshot(ws, start, start + timedelta(days=1))


def occ(ws: Workspace, series_id: str, original: str) -> Occurrence:
    """The occurrence of a series whose original start is ``original``."""
    return find_occurrence(ws, (series_id, format_time(d(original))))


def live_rows(ws: Workspace) -> list[dict[str, Any]]:
    """Every live row without its sync stamps, for exact before/after comparisons."""
    rows = ws.db.query(f"SELECT * FROM {TABLE} WHERE deleted = 0 ORDER BY id")
    return [{k: v for k, v in r.items() if k not in ("updated_at", "updated_by")} for r in rows]


def count_rows(ws: Workspace) -> int:
    return int(ws.db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])


def digest_slots(
    days: list[str], title: str = "早报", at: str = "08:00", minutes: int = 30
) -> Snapshot:
    return [
        (title, d(f"{day} {at}"), d(f"{day} {at}") + timedelta(minutes=minutes)) for day in days
    ]


FIRST_FOUR_WEEKS = [
    f"03-{n:02d}" for week in (2, 9, 16, 23) for n in range(week, week + 5)
]  # weekdays from 03-02 to 03-27


@pytest.fixture
def community(workspace: Workspace) -> str:
    community_id, _ = create_community(workspace, {"name": "深夜读书会"})
    return community_id


@pytest.fixture
def digest(workspace: Workspace, community: str) -> str:
    """A morning digest every weekday at 08:00 for half an hour, from Monday 2026-03-02."""
    return add(
        workspace,
        community,
        item_type="morning_digest",
        title="早报",
        start=d("03-02 08:00"),
        end=d("03-02 08:30"),
        recurrence=WEEKDAYS,
        owner="阿青",
    )


# -- storage -------------------------------------------------------------------------


def full_values(community_id: str) -> dict[str, Any]:
    return {
        "community_id": community_id,
        "kind": "activity",
        "item_type": "paid",
        "title": "双十一 付费训练营 · 直播答疑",
        "all_day": False,
        "start": datetime(2026, 11, 11, 19, 30),
        "end": datetime(2026, 11, 11, 21, 0),
        "tz": "Asia/Shanghai",
        "status": "ready",
        "owner": "Lily 李",
        "description": '第一讲：如何写出好标题\n‘quoted’ "double" \\ back 📚',
        "speaker": "林老师",
        "location": "腾讯会议 123-456-789",
        "recurrence": None,
        "planned_participants": 200,
        "actual_participants": 187,
        "planned_new_members": 50,
        "actual_new_members": 0,
        "planned_shares": 30,
        "actual_shares": None,
        "planned_conversions": 12,
        "actual_conversions": 9,
        "planned_revenue": 1999.99,
        "actual_revenue": 1790.5,
        "planned_cost": 350.25,
        "actual_cost": None,
    }


def test_every_field_round_trips_through_the_file(tmp_path: Path, paths: AppPaths) -> None:
    path = tmp_path / "rt.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        community_id, _ = create_community(ws, {"name": "读书会"})
        full = full_values(community_id)
        assert set(full) == set(EDITABLE_FIELDS)
        one_off, change = create_item(ws, full)
        assert change.action == "create_item" and change.subject == full["title"]
        assert change.ids(TABLE) == {one_off}
        all_day = dict(
            full,
            title="五一 线下聚会",
            all_day=True,
            start=datetime(2026, 5, 1),
            end=datetime(2026, 5, 4),
            tz="Europe/Berlin",
        )
        all_day_id, _ = create_item(ws, all_day)
        rule = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6")
        series = dict(
            full,
            kind="content",
            item_type="live_class",
            title="隔周二 直播课",
            start=datetime(2026, 1, 6, 19, 30),
            end=datetime(2026, 1, 6, 21, 0),
            recurrence=rule,
            **{name: None for name in full if name.startswith(("planned_", "actual_"))},
        )
        series_id, _ = create_item(ws, series)
        in_session = {i: get_item(ws, i) for i in (one_off, all_day_id, series_id)}
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        stored = {i: get_item(ws, i) for i in (one_off, all_day_id, series_id)}
    assert stored == in_session
    assert stored[one_off].values() == full
    assert stored[all_day_id].values() == all_day
    assert stored[series_id].values() == series
    item = stored[one_off]
    assert item.kind is ItemKind.ACTIVITY and item.status is Status.READY
    assert type(item.goals["planned_participants"]) is int
    assert type(item.goals["actual_new_members"]) is int
    assert type(item.goals["planned_revenue"]) is float
    assert not item.is_series and not item.is_override and not item.deleted
    assert item.duration == timedelta(hours=1, minutes=30)
    # A series remembers when its last occurrence ends: Jan 6, 20, Feb 3, 17, Mar 3, 17.
    assert stored[series_id].is_series
    assert stored[series_id].last_end == datetime(2026, 3, 17, 21, 0)
    assert stored[series_id].exdates == frozenset()


def test_defaults_and_normalisation(workspace: Workspace, community: str) -> None:
    item_id, _ = create_item(
        workspace,
        {
            "community_id": community,
            "item_type": "article",
            "title": "  荐读：\t《社群运营》  ",
            "start": datetime(2026, 3, 10, 9, 0, 42, 5),
            "end": datetime(2026, 3, 10, 9, 30, 59),
            "tz": "",
            "owner": "  阿青 ",
            "planned_revenue": "12.345",
            "planned_shares": "7",
            "actual_cost": "",
        },
    )
    item = get_item(workspace, item_id)
    assert item.title == "荐读： 《社群运营》"
    assert (item.kind, item.status, item.tz) == (ItemKind.CONTENT, Status.PLANNED, "UTC")
    assert (item.start, item.end) == (d("03-10 09:00"), d("03-10 09:30"))
    assert item.owner == "阿青"
    assert item.goals["planned_revenue"] == 12.35 and item.goals["planned_shares"] == 7
    assert item.goals["actual_cost"] is None and item.goals["planned_participants"] is None


def test_all_day_items_cover_whole_days(workspace: Workspace, community: str) -> None:
    same_day = add(workspace, community, all_day=True, start=d("05-01 09:15"), end=d("05-01 17:00"))
    item = get_item(workspace, same_day)
    assert (item.start, item.end) == (datetime(2026, 5, 1), datetime(2026, 5, 2))
    three_days = add(
        workspace, community, all_day=True, start=d("05-01 09:15"), end=d("05-04 08:00")
    )
    item = get_item(workspace, three_days)
    assert (item.start, item.end) == (datetime(2026, 5, 1), datetime(2026, 5, 4))


def test_a_series_starts_on_its_first_occurrence(workspace: Workspace, community: str) -> None:
    # Asked to start on a Sunday, a weekday series starts on the Monday after.
    series_id = add(
        workspace,
        community,
        start=d("03-01 08:00"),
        end=d("03-01 08:30"),
        recurrence="RRULE:" + WEEKDAYS,
    )
    series = get_item(workspace, series_id)
    assert (series.start, series.end) == (d("03-02 08:00"), d("03-02 08:30"))
    assert series.recurrence == Recurrence.parse(WEEKDAYS)
    assert series.last_end is None  # never ends


# -- validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": ""}, "title", "An item needs a title."),
        ({"title": " \n\t "}, "title", "An item needs a title."),
        ({"title": "长" * 201}, "title", "too long (at most 200 characters)"),
        ({"community_id": ""}, "community_id", "Choose the community"),
        ({"community_id": "no-such-id"}, "community_id", "Choose the community"),
        ({"kind": "event"}, "kind", "Choose content or activity."),
        ({"item_type": "brand"}, "item_type", "Choose a type of content."),
        ({"kind": "activity", "item_type": "live_class"}, "item_type", "type of activity"),
        ({"item_type": ""}, "item_type", "Choose a type of content."),
        ({"status": "maybe"}, "status", "Choose a status."),
        ({"tz": "Mars/Olympus_Mons"}, "tz", "“Mars/Olympus_Mons” is not a time zone."),
        ({"tz": "../../etc/passwd"}, "tz", "is not a time zone"),
        ({"tz": "Europe"}, "tz", "“Europe” is not a time zone."),
        ({"start": None}, "start", "Choose when it starts."),
        ({"end": "tomorrow"}, "end", "Choose when it ends."),
        ({"end": d("03-10 08:59")}, "end", "The end must be after the start."),
        ({"end": d("03-10 09:00")}, "end", "The end must be after the start."),
        (
            {"all_day": True, "start": d("05-03 00:00"), "end": d("05-01 00:00")},
            "end",
            "The end must be after the start.",
        ),
        (
            {"end": d("03-10 09:00") + timedelta(days=MAX_ITEM_DAYS, minutes=1)},
            "end",
            f"at most {MAX_ITEM_DAYS} days",
        ),
        (
            {"all_day": True, "start": d("03-01 00:00"), "end": d("04-02 00:00")},
            "end",
            f"at most {MAX_ITEM_DAYS} days",
        ),
        ({"recurrence": "FREQ=YEARLY"}, "recurrence", "“YEARLY” is not supported"),
        ({"recurrence": "nonsense"}, "recurrence", "not a NAME=VALUE part"),
        (
            {"recurrence": Recurrence(Frequency.WEEKLY)},
            "recurrence",
            "Choose at least one day of the week.",
        ),
        (
            {"recurrence": "FREQ=DAILY;UNTIL=20260309"},
            "recurrence",
            "The series must end on or after its first day.",
        ),
        (
            # No 31st between 1 and 30 April.
            {
                "start": d("04-01 09:00"),
                "end": d("04-01 10:00"),
                "recurrence": "FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20260430",
            },
            "recurrence",
            "This repeat rule has no occurrence.",
        ),
        (
            {"end": d("03-11 09:01"), "recurrence": "FREQ=DAILY"},
            "end",
            "An occurrence must end before the next one starts.",
        ),
        (
            # From a Wednesday the first gap is 5 days (to Monday), the next only 2.
            {
                "start": d("03-11 09:00"),
                "end": d("03-13 12:00"),
                "recurrence": "FREQ=WEEKLY;BYDAY=MO,WE",
            },
            "end",
            "An occurrence must end before the next one starts.",
        ),
        (
            # Last day of the month from February: 31 days to March 31, but
            # only 28 from January 31 to February 28 the year after.
            {
                "start": d("02-28 09:00"),
                "end": d("03-28 12:00"),
                "recurrence": "FREQ=MONTHLY;BYMONTHDAY=-1",
            },
            "end",
            "An occurrence must end before the next one starts.",
        ),
        ({"planned_revenue": -0.01}, "planned_revenue", "cannot be negative"),
        ({"actual_participants": -3}, "actual_participants", "cannot be negative"),
        ({"actual_participants": 2.5}, "actual_participants", "Enter a whole number."),
        ({"planned_new_members": "1.5"}, "planned_new_members", "Enter a whole number."),
        ({"planned_shares": "many"}, "planned_shares", "Enter a number, or leave it empty."),
        ({"planned_conversions": [1]}, "planned_conversions", "Enter a number"),
        ({"planned_participants": "inf"}, "planned_participants", "Enter a number"),
        ({"actual_revenue": float("nan")}, "actual_revenue", "Enter a number"),
        ({"owner": "x" * 10_001}, "owner", "Too long."),
        ({"description": "长" * 10_001}, "description", "Too long."),
    ],
)
def test_invalid_values_are_refused_on_their_field(
    workspace: Workspace, community: str, changes: dict[str, Any], field: str, words: str
) -> None:
    undo_depth = len(workspace.history.undo_stack)
    with pytest.raises(ValidationError) as caught:
        create_item(workspace, item_values(community, **changes))
    assert words in caught.value.fields[field]
    assert count_rows(workspace) == 0
    assert len(workspace.history.undo_stack) == undo_depth


def test_an_item_cannot_go_to_a_community_in_the_trash(
    workspace: Workspace, community: str
) -> None:
    delete_community(workspace, community)
    undo_depth = len(workspace.history.undo_stack)
    with pytest.raises(ValidationError) as caught:
        create_item(workspace, item_values(community))
    assert caught.value.fields == {"community_id": "Choose the community this item is for."}
    assert count_rows(workspace) == 0
    assert len(workspace.history.undo_stack) == undo_depth


def test_every_problem_is_reported_at_once(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        create_item(
            workspace,
            {"title": "", "kind": "x", "status": "y", "start": None, "planned_cost": -1},
        )
    assert set(caught.value.fields) == {
        "title",
        "community_id",
        "kind",
        "item_type",
        "status",
        "start",
        "end",
        "planned_cost",
    }


def test_unknown_field_is_a_programming_error(workspace: Workspace, community: str) -> None:
    with pytest.raises(ValueError, match="unknown calendar item field: deleted"):
        create_item(workspace, item_values(community, deleted=1))


SERIES_EDIT_ERRORS = [
    ({"title": ""}, "title"),
    ({"end": d("03-11 07:00")}, "end"),
    ({"status": "gone"}, "status"),
    ({"planned_shares": -1}, "planned_shares"),
]


@pytest.mark.parametrize(
    ("scope", "changes", "field"),
    [(scope, *case) for scope in EditScope for case in SERIES_EDIT_ERRORS]
    # For the series, lasting more than a day overlaps the next occurrence
    # (one moved occurrence may last longer).
    + [(FOLLOWING, {"end": d("03-12 08:30")}, "end"), (ALL, {"end": d("03-12 08:30")}, "end")],
)
@pytest.mark.parametrize("on_override", [False, True], ids=["occurrence", "override"])
def test_invalid_edits_of_a_series_change_nothing(
    workspace: Workspace,
    digest: str,
    scope: EditScope,
    changes: dict[str, Any],
    field: str,
    on_override: bool,
) -> None:
    if on_override:
        update_occurrence(workspace, occ(workspace, digest, "03-11 08:00"), {"title": "改"}, THIS)
    before, rows = snapshot(workspace), live_rows(workspace)
    undo_depth = len(workspace.history.undo_stack)
    target = occ(workspace, digest, "03-11 08:00")
    assert target.item.is_override is on_override
    with pytest.raises(ValidationError) as caught:
        update_occurrence(workspace, target, changes, scope)
    assert field in caught.value.fields
    assert (snapshot(workspace), live_rows(workspace)) == (before, rows)
    assert len(workspace.history.undo_stack) == undo_depth


def test_one_occurrence_cannot_repeat_or_change_community(
    workspace: Workspace, digest: str
) -> None:
    other, _ = create_community(workspace, {"name": "另一个群"})
    rows = live_rows(workspace)
    target = occ(workspace, digest, "03-11 08:00")
    with pytest.raises(ValidationError) as caught:
        update_occurrence(workspace, target, {"recurrence": "FREQ=DAILY"}, THIS)
    assert "change all occurrences" in caught.value.fields["recurrence"]
    with pytest.raises(ValidationError) as caught:
        update_occurrence(workspace, target, {"community_id": other}, THIS)
    assert "another community" in caught.value.fields["community_id"]
    assert live_rows(workspace) == rows
    # The series' own rule, passed back unchanged, is fine.
    same_rule = Recurrence.parse(WEEKDAYS)
    update_occurrence(workspace, target, {"recurrence": same_rule, "title": "改"}, THIS)
    assert on_day(workspace, "03-11") == digest_slots(["03-11"], title="改")


# -- range queries -------------------------------------------------------------------

WEEK = (d("03-09 00:00"), d("03-16 00:00"))


def test_occurrences_between_returns_exactly_the_overlapping_ones(
    workspace: Workspace, community: str
) -> None:
    ws = workspace
    trashed, _ = create_community(ws, {"name": "已解散的群"})

    def one_off(title: str, start: str, end: str, **more: Any) -> str:
        return add(ws, more.pop("cid", community), title=title, start=d(start), end=d(end), **more)

    def series(title: str, start: str, end: str, rule: str, **more: Any) -> str:
        return one_off(title, start, end, recurrence=rule, **more)

    one_off("edge-start", "03-08 22:00", "03-09 01:00")
    one_off("edge-end", "03-15 23:00", "03-16 02:00")
    one_off("ends-at-start", "03-08 23:00", "03-09 00:00")
    one_off("starts-at-end", "03-16 00:00", "03-16 01:00")
    one_off("全天 in", "03-12 00:00", "03-12 00:00", all_day=True)
    one_off("all-day-before", "03-08 00:00", "03-08 00:00", all_day=True)
    one_off("all-day-after", "03-16 00:00", "03-16 00:00", all_day=True)
    one_off("multi-day", "03-01 09:00", "03-10 18:00")
    one_off("long-before", "02-10 09:00", "03-09 06:00")
    one_off("long-gone", "02-01 09:00", "03-01 09:00")
    series("weekly-wed", "01-07 10:00", "01-07 11:00", "FREQ=WEEKLY;BYDAY=WE")
    series("old-count", "03-01 08:00", "03-01 09:00", "FREQ=DAILY;COUNT=3")
    series("old-until", "02-01 07:00", "02-01 08:00", "FREQ=DAILY;UNTIL=20260308")
    series("late-night", "03-01 22:00", "03-02 02:00", "FREQ=DAILY;UNTIL=20260308")
    series("future", "03-16 09:00", "03-16 10:00", "FREQ=WEEKLY;BYDAY=MO")
    one_off("trashed one-off", "03-10 09:00", "03-10 10:00", cid=trashed)
    series("trashed series", "03-02 09:00", "03-02 10:00", WEEKDAYS, cid=trashed)
    gone = one_off("deleted", "03-11 09:00", "03-11 10:00")
    delete_occurrence(ws, find_occurrence(ws, (gone, "")))
    delete_community(ws, trashed)

    got = occurrences_between(ws, *WEEK)
    assert [(o.item.title, o.start, o.end) for o in got] == [
        ("long-before", d("02-10 09:00"), d("03-09 06:00")),
        ("multi-day", d("03-01 09:00"), d("03-10 18:00")),
        ("edge-start", d("03-08 22:00"), d("03-09 01:00")),
        ("late-night", d("03-08 22:00"), d("03-09 02:00")),
        ("weekly-wed", d("03-11 10:00"), d("03-11 11:00")),
        ("全天 in", d("03-12 00:00"), d("03-13 00:00")),
        ("edge-end", d("03-15 23:00"), d("03-16 02:00")),
    ]
    weekly = got[4]
    assert weekly.is_recurring and weekly.series is not None
    assert weekly.recurrence_id == d("03-11 10:00")
    assert not got[0].is_recurring and got[0].recurrence_id is None


def test_all_day_items_come_first_in_their_day(workspace: Workspace, community: str) -> None:
    add(workspace, community, title="b 早场", start=d("03-10 07:00"), end=d("03-10 08:00"))
    add(
        workspace,
        community,
        title="z 全天",
        all_day=True,
        start=d("03-10 00:00"),
        end=d("03-10 00:00"),
    )
    add(workspace, community, title="a 晚场", start=d("03-10 20:00"), end=d("03-10 21:00"))
    add(workspace, community, title="a 早场", start=d("03-10 07:00"), end=d("03-10 07:30"))
    add(workspace, community, title="a 午夜", start=d("03-10 00:00"), end=d("03-10 00:30"))
    # A multi-day item shows in the day it started, before that day's items.
    add(workspace, community, title="z 前天开始", start=d("03-08 20:00"), end=d("03-10 09:00"))
    add(
        workspace,
        community,
        title="a 全天",
        all_day=True,
        start=d("03-10 00:00"),
        end=d("03-10 00:00"),
    )
    assert [t for t, _, _ in on_day(workspace, "03-10")] == [
        "z 前天开始",
        "a 全天",
        "z 全天",
        "a 午夜",
        "a 早场",
        "b 早场",
        "a 晚场",
    ]


def test_a_long_series_expands_only_in_the_range(workspace: Workspace, community: str) -> None:
    add(
        workspace,
        community,
        title="每日一读",
        start=d("2021-01-01 07:00"),
        end=d("2021-01-01 07:15"),
        recurrence="FREQ=DAILY;INTERVAL=2",
    )
    # 2021-01-01 + 2n days: 2026-03-01 is day 1885, so not an occurrence.
    got = snapshot(workspace, d("03-01 00:00"), d("03-08 00:00"))
    assert [s for _, s, _ in got] == [d(f"03-0{n} 07:00") for n in (2, 4, 6)]


@pytest.fixture
def filter_world(workspace: Workspace) -> dict[str, str]:
    a, _ = create_community(workspace, {"name": "A 群"})
    b, _ = create_community(workspace, {"name": "B 群"})
    add(workspace, a, title="a1", item_type="morning_digest", owner="Ann")
    add(workspace, a, title="a2", kind="activity", item_type="paid", status="done", owner="Bo")
    add(workspace, b, title="b1", item_type="live_class", status="ready", owner="Ann")
    series = add(
        workspace,
        b,
        title="b2",
        item_type="morning_digest",
        status="idea",
        start=d("03-09 08:00"),
        end=d("03-09 08:30"),
        recurrence="FREQ=WEEKLY;BYDAY=MO,WE",
    )
    # The Wednesday occurrence is done, with its own status.
    update_occurrence(workspace, occ(workspace, series, "03-11 08:00"), {"status": "done"}, THIS)
    return {"a": a, "b": b, "series": series}


@pytest.mark.parametrize(
    ("make_filter", "titles"),
    [
        (lambda w: CalendarFilter(), ["b2", "a1", "a2", "b1", "b2"]),
        (lambda w: CalendarFilter(community_ids=frozenset({w["a"]})), ["a1", "a2"]),
        (lambda w: CalendarFilter(community_ids=frozenset({w["b"]})), ["b2", "b1", "b2"]),
        (lambda w: CalendarFilter(kinds=frozenset({"activity"})), ["a2"]),
        (lambda w: CalendarFilter(kinds=frozenset({"content"})), ["b2", "a1", "b1", "b2"]),
        (lambda w: CalendarFilter(item_types=frozenset({"morning_digest"})), ["b2", "a1", "b2"]),
        (lambda w: CalendarFilter(item_types=frozenset({"paid", "live_class"})), ["a2", "b1"]),
        (lambda w: CalendarFilter(statuses=frozenset({"done", "ready"})), ["a2", "b1", "b2"]),
        (lambda w: CalendarFilter(statuses=frozenset({"idea"})), ["b2"]),
        (lambda w: CalendarFilter(owners=frozenset({"Ann"})), ["a1", "b1"]),
        (lambda w: CalendarFilter(owners=frozenset({""})), ["b2", "b2"]),
        (
            lambda w: CalendarFilter(
                community_ids=frozenset({w["b"]}),
                kinds=frozenset({"content"}),
                owners=frozenset({"Ann"}),
            ),
            ["b1"],
        ),
        (lambda w: CalendarFilter(community_ids=frozenset()), []),
        (lambda w: CalendarFilter(kinds=frozenset()), []),
        (lambda w: CalendarFilter(item_types=frozenset()), []),
        (lambda w: CalendarFilter(statuses=frozenset()), []),
        (lambda w: CalendarFilter(owners=frozenset()), []),
        (lambda w: CalendarFilter(owners=frozenset({"nobody"})), []),
    ],
)
def test_filters(
    workspace: Workspace,
    filter_world: dict[str, str],
    make_filter: Callable[[dict[str, str]], CalendarFilter],
    titles: list[str],
) -> None:
    wanted = make_filter(filter_world)
    got = occurrences_between(workspace, *WEEK, wanted)
    assert [o.item.title for o in got] == titles
    assert all(wanted.matches(o.item) for o in got)
    # The same occurrences as filtering everything afterwards.
    everything = occurrences_between(workspace, *WEEK)
    assert got == [o for o in everything if wanted.matches(o.item)]


def test_owners_lists_live_owners(workspace: Workspace, filter_world: dict[str, str]) -> None:
    assert owners(workspace) == ["Ann", "Bo"]


# -- edit scopes: this occurrence --------------------------------------------------


def test_this_occurrence_moves_alone(workspace: Workspace, digest: str) -> None:
    ws = workspace
    target = occ(ws, digest, "03-04 08:00")
    assert target.item.id == digest and not target.item.is_override
    change = move_occurrence(ws, target, d("03-04 10:00"), d("03-04 10:30"))
    assert change.action == "edit_occurrence"
    assert on_day(ws, "03-04") == [("早报", d("03-04 10:00"), d("03-04 10:30"))]
    moved = occurrences_between(ws, d("03-04 00:00"), d("03-05 00:00"))[0]
    assert moved.item.is_override and moved.series is not None and moved.series.id == digest
    assert moved.recurrence_id == d("03-04 08:00")
    assert moved.key == target.key == (digest, "2026-03-04T08:00")
    assert moved.item.owner == "阿青"  # the occurrence keeps the series' fields
    # Every other occurrence is where it was.
    expected = digest_slots(FIRST_FOUR_WEEKS)
    expected[2] = ("早报", d("03-04 10:00"), d("03-04 10:30"))
    assert snapshot(ws) == expected


def test_editing_an_override_again_updates_it(workspace: Workspace, digest: str) -> None:
    ws = workspace
    update_occurrence(ws, occ(ws, digest, "03-04 08:00"), {"title": "早报（特别版）"}, THIS)
    override = occ(ws, digest, "03-04 08:00")
    assert override.item.is_override
    update_occurrence(ws, override, {"start": d("03-04 12:00"), "end": d("03-04 13:00")}, THIS)
    rows = list(ws.db.query(f"SELECT id FROM {TABLE} WHERE series_id = ?", [digest]))
    assert [r["id"] for r in rows] == [override.item.id]
    assert on_day(ws, "03-04") == [("早报（特别版）", d("03-04 12:00"), d("03-04 13:00"))]
    assert count_rows(ws) == 2


def test_this_occurrence_may_take_other_fields(workspace: Workspace, digest: str) -> None:
    ws = workspace
    update_occurrence(
        ws,
        occ(ws, digest, "03-05 08:00"),
        {"status": "done", "owner": "小林", "actual_shares": 12},
        THIS,
    )
    changed = occ(ws, digest, "03-05 08:00").item
    assert (changed.status, changed.owner, changed.goals["actual_shares"]) == (
        Status.DONE,
        "小林",
        12,
    )
    series = get_item(ws, digest)
    assert (series.status, series.owner, series.goals["actual_shares"]) == (
        Status.PLANNED,
        "阿青",
        None,
    )


# -- edit scopes: this and following ------------------------------------------------


def test_this_and_following_splits_the_series(workspace: Workspace, digest: str) -> None:
    ws = workspace
    delete_occurrence(ws, occ(ws, digest, "03-05 08:00"), THIS)  # before the split
    move_occurrence(ws, occ(ws, digest, "03-06 08:00"), d("03-06 11:00"), d("03-06 11:30"))
    delete_occurrence(ws, occ(ws, digest, "03-13 08:00"), THIS)  # after the split
    move_occurrence(ws, occ(ws, digest, "03-17 08:00"), d("03-17 10:00"), d("03-17 10:30"))
    rows_before = count_rows(ws)

    update_occurrence(
        ws,
        occ(ws, digest, "03-11 08:00"),
        {"title": "新早报", "start": d("03-11 09:00"), "end": d("03-11 09:45")},
        FOLLOWING,
    )
    assert count_rows(ws) == rows_before + 1
    head = get_item(ws, digest)
    assert head.recurrence is not None and head.recurrence.until == date(2026, 3, 10)
    assert head.exdates == {d("03-05 08:00")}
    assert head.last_end == d("03-10 08:30")
    (tail_row,) = ws.db.query(
        f"SELECT id FROM {TABLE} WHERE rrule != '' AND id != ? AND deleted = 0", [digest]
    )
    tail = get_item(ws, tail_row["id"])
    assert (tail.title, tail.start, tail.end) == ("新早报", d("03-11 09:00"), d("03-11 09:45"))
    assert tail.recurrence == Recurrence.parse(WEEKDAYS)
    assert tail.exdates == {d("03-13 09:00")}
    assert (tail.owner, tail.item_type, tail.community_id) == (
        head.owner,
        head.item_type,
        head.community_id,
    )

    assert snapshot(ws) == (
        digest_slots(["03-02", "03-03", "03-04"])
        + [("早报", d("03-06 11:00"), d("03-06 11:30"))]
        + digest_slots(["03-09", "03-10"])
        + digest_slots(["03-11", "03-12", "03-16"], "新早报", "09:00", 45)
        + [("新早报", d("03-17 10:00"), d("03-17 10:30"))]  # the override keeps its time
        + digest_slots(
            ["03-18", "03-19", "03-20", "03-23", "03-24", "03-25", "03-26", "03-27"],
            "新早报",
            "09:00",
            45,
        )
    )
    # Overrides after the split follow the tail, under their new original start.
    moved_late = occ(ws, tail.id, "03-17 09:00")
    assert moved_late.item.is_override and moved_late.item.series_id == tail.id
    assert moved_late.key == (tail.id, "2026-03-17T09:00")
    moved_early = occ(ws, digest, "03-06 08:00")
    assert moved_early.item.is_override and moved_early.item.series_id == digest


def test_this_and_following_keeps_the_total_count(workspace: Workspace, community: str) -> None:
    ws = workspace
    series = add(
        ws,
        community,
        title="十讲",
        start=d("03-02 20:00"),
        end=d("03-02 21:00"),
        recurrence=WEEKDAYS + ";COUNT=10",
    )
    delete_occurrence(ws, occ(ws, series, "03-03 20:00"), THIS)  # still counts
    update_occurrence(ws, occ(ws, series, "03-09 20:00"), {"title": "十讲（下）"}, FOLLOWING)
    got = snapshot(ws, d("03-01 00:00"), d("05-01 00:00"))
    assert [(t, s.date()) for t, s, _ in got] == (
        [("十讲", date(2026, 3, n)) for n in (2, 4, 5, 6)]
        + [("十讲（下）", date(2026, 3, n)) for n in (9, 10, 11, 12, 13)]
    )
    tails = [r for r in live_rows(ws) if r["rrule"] and r["id"] != series]
    assert [r["rrule"] for r in tails] == [WEEKDAYS + ";COUNT=5"]


def test_following_with_the_same_rule_passed_back_keeps_the_count(
    workspace: Workspace, community: str
) -> None:
    ws = workspace
    series = add(
        ws,
        community,
        title="十讲",
        start=d("03-02 20:00"),
        end=d("03-02 21:00"),
        recurrence=WEEKDAYS + ";COUNT=10",
    )
    target = occ(ws, series, "03-09 20:00")
    # The editor hands back every field, the rule parsed again from its text.
    values = target.values() | {
        "title": "十讲（下）",
        "recurrence": Recurrence.parse(WEEKDAYS + ";COUNT=10"),
    }
    update_occurrence(ws, target, values, FOLLOWING)
    got = snapshot(ws, d("03-01 00:00"), d("05-01 00:00"))
    assert len(got) == 10 and got[-1][1] == d("03-13 20:00")


def test_following_from_an_override_keeps_the_series_time(
    workspace: Workspace, digest: str
) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-17 08:00"), d("03-17 10:00"), d("03-17 11:30"))
    update_occurrence(ws, occ(ws, digest, "03-17 08:00"), {"title": "新早报"}, FOLLOWING)
    assert snapshot(ws, d("03-16 00:00"), d("03-20 00:00")) == [
        ("早报", d("03-16 08:00"), d("03-16 08:30")),
        ("新早报", d("03-17 10:00"), d("03-17 11:30")),
        ("新早报", d("03-18 08:00"), d("03-18 08:30")),
        ("新早报", d("03-19 08:00"), d("03-19 08:30")),
    ]


def test_following_on_the_first_occurrence_acts_like_all(workspace: Workspace, digest: str) -> None:
    ws = workspace
    change = update_occurrence(ws, occ(ws, digest, "03-02 08:00"), {"title": "新早报"}, FOLLOWING)
    assert change.action == "edit_series"
    assert change.ids(TABLE) == {digest}
    assert count_rows(ws) == 1
    assert snapshot(ws) == digest_slots(FIRST_FOUR_WEEKS, "新早报")
    assert get_item(ws, digest).recurrence == Recurrence.parse(WEEKDAYS)


# -- edit scopes: all -----------------------------------------------------------------


@pytest.fixture
def digest_with_exceptions(workspace: Workspace, digest: str) -> str:
    """The digest without 03-05, and with 03-10 moved to 12:00-12:30."""
    delete_occurrence(workspace, occ(workspace, digest, "03-05 08:00"), THIS)
    move_occurrence(
        workspace, occ(workspace, digest, "03-10 08:00"), d("03-10 12:00"), d("03-10 12:30")
    )
    return digest


def expected_with_exceptions(title: str, at: str = "08:00") -> Snapshot:
    days = [day for day in FIRST_FOUR_WEEKS if day != "03-05"]
    slots = digest_slots(days, title, at)
    slots[days.index("03-10")] = (title, d("03-10 12:00"), d("03-10 12:30"))
    return slots


def test_all_changes_every_occurrence_including_overrides(
    workspace: Workspace, digest_with_exceptions: str
) -> None:
    ws, digest = workspace, digest_with_exceptions
    assert snapshot(ws) == expected_with_exceptions("早报")
    change = update_occurrence(ws, occ(ws, digest, "03-18 08:00"), {"title": "全体早报"}, ALL)
    assert change.action == "edit_series"
    assert snapshot(ws) == expected_with_exceptions("全体早报")
    assert count_rows(ws) == 2


def test_all_moves_the_series_and_keeps_exceptions_attached(
    workspace: Workspace, digest_with_exceptions: str
) -> None:
    ws, digest = workspace, digest_with_exceptions
    move_occurrence(ws, occ(ws, digest, "03-18 08:00"), d("03-18 09:00"), d("03-18 09:30"), ALL)
    assert snapshot(ws) == expected_with_exceptions("早报", at="09:00")
    series = get_item(ws, digest)
    assert (series.start, series.end) == (d("03-02 09:00"), d("03-02 09:30"))
    assert series.exdates == {d("03-05 09:00")}
    override = occ(ws, digest, "03-10 09:00")
    assert override.item.is_override
    assert (override.start, override.end) == (d("03-10 12:00"), d("03-10 12:30"))


def test_all_from_an_override_keeps_the_series_times(workspace: Workspace, digest: str) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-10 08:00"), d("03-10 12:00"), d("03-10 13:30"))
    update_occurrence(ws, occ(ws, digest, "03-10 08:00"), {"title": "全体早报"}, ALL)
    series = get_item(ws, digest)
    assert (series.start, series.end) == (d("03-02 08:00"), d("03-02 08:30"))
    assert on_day(ws, "03-09") == [("全体早报", d("03-09 08:00"), d("03-09 08:30"))]
    assert on_day(ws, "03-10") == [("全体早报", d("03-10 12:00"), d("03-10 13:30"))]


def test_all_can_change_the_rule(workspace: Workspace, digest: str) -> None:
    ws = workspace
    delete_occurrence(ws, occ(ws, digest, "03-09 08:00"), THIS)
    update_occurrence(
        ws, occ(ws, digest, "03-02 08:00"), {"recurrence": "FREQ=WEEKLY;BYDAY=MO;COUNT=3"}, ALL
    )
    # 03-09 stays excluded, and still counts.
    assert snapshot(ws) == digest_slots(["03-02", "03-16"])
    series = get_item(ws, digest)
    assert series.last_end == d("03-16 08:30")
    assert series.recurrence == Recurrence.parse("FREQ=WEEKLY;BYDAY=MO;COUNT=3")


def test_changing_the_rule_leaves_no_orphan_override(
    workspace: Workspace, digest_with_exceptions: str
) -> None:
    ws, digest = workspace, digest_with_exceptions
    update_occurrence(
        ws, occ(ws, digest, "03-02 08:00"), {"recurrence": "FREQ=WEEKLY;BYDAY=MO;COUNT=3"}, ALL
    )
    assert snapshot(ws) == digest_slots(["03-02", "03-09", "03-16"])


def test_moving_all_occurrences_to_another_weekday(workspace: Workspace, community: str) -> None:
    ws = workspace
    series = add(
        ws,
        community,
        start=d("03-04 20:00"),
        end=d("03-04 21:00"),
        recurrence="FREQ=WEEKLY;BYDAY=WE",
    )
    move_occurrence(ws, occ(ws, series, "03-11 20:00"), d("03-12 20:00"), d("03-12 21:00"), ALL)
    assert [s for _, s, _ in snapshot(ws)] == [d(f"03-{n} 20:00") for n in ("05", "12", "19", "26")]


def test_dragging_an_override_for_all_moves_it_too(workspace: Workspace, digest: str) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-10 08:00"), d("03-10 12:00"), d("03-10 12:30"))
    move_occurrence(ws, occ(ws, digest, "03-10 08:00"), d("03-10 13:00"), d("03-10 13:30"), ALL)
    assert on_day(ws, "03-09") == [("早报", d("03-09 09:00"), d("03-09 09:30"))]
    assert on_day(ws, "03-10") == [("早报", d("03-10 13:00"), d("03-10 13:30"))]


# -- one-off items ------------------------------------------------------------------


def test_a_one_off_item_is_edited_in_place(workspace: Workspace, community: str) -> None:
    item_id = add(workspace, community, title="嘉宾分享")
    target = find_occurrence(workspace, (item_id, ""))
    change = update_occurrence(
        workspace, target, {"start": d("03-12 20:00"), "end": d("03-12 21:30")}, THIS
    )
    assert change.action == "edit_item" and change.ids(TABLE) == {item_id}
    assert snapshot(workspace) == [("嘉宾分享", d("03-12 20:00"), d("03-12 21:30"))]
    assert count_rows(workspace) == 1


def test_a_one_off_item_can_become_a_series(workspace: Workspace, community: str) -> None:
    item_id = add(workspace, community, title="周会", start=d("03-02 10:00"), end=d("03-02 11:00"))
    update_occurrence(
        workspace, find_occurrence(workspace, (item_id, "")), {"recurrence": "FREQ=WEEKLY;BYDAY=MO"}
    )
    assert [s for _, s, _ in snapshot(workspace)] == [
        d(f"03-{n:02d} 10:00") for n in (2, 9, 16, 23)
    ]


# -- deleting ---------------------------------------------------------------------------


def test_delete_this_occurrence(workspace: Workspace, digest: str) -> None:
    change = delete_occurrence(workspace, occ(workspace, digest, "03-11 08:00"), THIS)
    assert change.action == "delete_occurrence"
    assert snapshot(workspace) == digest_slots([x for x in FIRST_FOUR_WEEKS if x != "03-11"])
    assert get_item(workspace, digest).exdates == {d("03-11 08:00")}


def test_delete_this_override(workspace: Workspace, digest: str) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-11 08:00"), d("03-11 15:00"), d("03-11 15:30"))
    override = occ(ws, digest, "03-11 08:00")
    delete_occurrence(ws, override, THIS)
    assert on_day(ws, "03-11") == []
    assert get_item(ws, override.item.id).deleted
    assert snapshot(ws) == digest_slots([x for x in FIRST_FOUR_WEEKS if x != "03-11"])


def test_delete_this_and_following(workspace: Workspace, digest: str) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-06 08:00"), d("03-06 11:00"), d("03-06 11:30"))
    move_occurrence(ws, occ(ws, digest, "03-17 08:00"), d("03-17 10:00"), d("03-17 10:30"))
    late = occ(ws, digest, "03-17 08:00").item.id
    delete_occurrence(ws, occ(ws, digest, "03-09 08:00"), THIS)
    delete_occurrence(ws, occ(ws, digest, "03-19 08:00"), THIS)
    change = delete_occurrence(ws, occ(ws, digest, "03-11 08:00"), FOLLOWING)
    assert change.action == "delete_following"
    assert snapshot(ws, d("03-01 00:00"), d("2027-01-01 00:00")) == (
        digest_slots(["03-02", "03-03", "03-04", "03-05"])
        + [("早报", d("03-06 11:00"), d("03-06 11:30"))]
        + digest_slots(["03-10"])
    )
    series = get_item(ws, digest)
    assert series.recurrence is not None and series.recurrence.until == date(2026, 3, 10)
    assert series.exdates == {d("03-09 08:00")}
    assert get_item(ws, late).deleted


def test_delete_following_of_a_counted_series(workspace: Workspace, community: str) -> None:
    ws = workspace
    series = add(
        ws,
        community,
        start=d("03-02 20:00"),
        end=d("03-02 21:00"),
        recurrence=WEEKDAYS + ";COUNT=10",
    )
    delete_occurrence(ws, occ(ws, series, "03-05 20:00"), FOLLOWING)
    got = snapshot(ws, d("03-01 00:00"), d("05-01 00:00"))
    assert [s.date() for _, s, _ in got] == [date(2026, 3, n) for n in (2, 3, 4)]


@pytest.mark.parametrize("first_scope", [FOLLOWING, ALL])
def test_delete_all_occurrences(workspace: Workspace, digest: str, first_scope: EditScope) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-11 08:00"), d("03-11 15:00"), d("03-11 15:30"))
    override = occ(ws, digest, "03-11 08:00").item.id
    # FOLLOWING from the first occurrence removes everything, like ALL.
    target = (
        occ(ws, digest, "03-02 08:00")
        if first_scope is FOLLOWING
        else occ(ws, digest, "03-11 08:00")
    )
    change = delete_occurrence(ws, target, first_scope)
    assert change.action == "delete_series"
    assert change.ids(TABLE) == {digest, override}
    assert snapshot(ws) == []
    assert get_item(ws, digest).deleted and get_item(ws, override).deleted


def test_delete_a_one_off_item(workspace: Workspace, community: str) -> None:
    item_id = add(workspace, community, title="直播")
    change = delete_occurrence(workspace, find_occurrence(workspace, (item_id, "")), THIS)
    assert change.action == "delete_item" and change.ids(TABLE) == {item_id}
    assert snapshot(workspace) == []
    assert get_item(workspace, item_id).deleted


# -- undo and redo ---------------------------------------------------------------------

Operation = Callable[[Workspace, str, str], object]


def _op_create_one_off(ws: Workspace, digest: str, community: str) -> object:
    return add(ws, community, title="新活动", start=d("03-12 19:00"), end=d("03-12 21:00"))


def _op_create_series(ws: Workspace, digest: str, community: str) -> object:
    return add(
        ws,
        community,
        title="周五复盘",
        start=d("03-06 18:00"),
        end=d("03-06 19:00"),
        recurrence="FREQ=WEEKLY;BYDAY=FR",
    )


def _op_edit_one_off(ws: Workspace, digest: str, community: str) -> object:
    one_off = next(o for o in occurrences_between(ws, *RANGE) if not o.is_recurring)
    return update_occurrence(
        ws, one_off, {"title": "改名", "start": d("03-13 09:00"), "end": d("03-13 10:00")}
    )


OPERATIONS: dict[str, Operation] = {
    "create one-off": _op_create_one_off,
    "create series": _op_create_series,
    "edit one-off": _op_edit_one_off,
    "move this": lambda ws, s, c: move_occurrence(
        ws, occ(ws, s, "03-11 08:00"), d("03-11 10:00"), d("03-11 10:45")
    ),
    "edit this override": lambda ws, s, c: update_occurrence(
        ws,
        occ(ws, s, "03-10 08:00"),
        {"title": "特别版", "start": d("03-10 14:00"), "end": d("03-10 14:30")},
        THIS,
    ),
    "edit following": lambda ws, s, c: update_occurrence(
        ws,
        occ(ws, s, "03-09 08:00"),
        {"title": "新早报", "start": d("03-09 07:30"), "end": d("03-09 08:00")},
        FOLLOWING,
    ),
    "edit all": lambda ws, s, c: update_occurrence(
        ws, occ(ws, s, "03-18 08:00"), {"title": "全体早报"}, ALL
    ),
    "move all": lambda ws, s, c: move_occurrence(
        ws, occ(ws, s, "03-18 08:00"), d("03-18 09:00"), d("03-18 09:30"), ALL
    ),
    "delete this": lambda ws, s, c: delete_occurrence(ws, occ(ws, s, "03-12 08:00"), THIS),
    "delete this override": lambda ws, s, c: delete_occurrence(ws, occ(ws, s, "03-10 08:00"), THIS),
    "delete following": lambda ws, s, c: delete_occurrence(
        ws, occ(ws, s, "03-09 08:00"), FOLLOWING
    ),
    "delete all": lambda ws, s, c: delete_occurrence(ws, occ(ws, s, "03-16 08:00"), ALL),
    "delete one-off": lambda ws, s, c: delete_occurrence(
        ws, next(o for o in occurrences_between(ws, *RANGE) if not o.is_recurring)
    ),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_undo_and_redo_restore_exactly_in_one_step(
    workspace: Workspace, digest_with_exceptions: str, community: str, name: str
) -> None:
    ws = workspace
    add(ws, community, title="线下沙龙", start=d("03-14 14:00"), end=d("03-14 17:00"))
    before, rows_before = snapshot(ws), live_rows(ws)
    depth = len(ws.history.undo_stack)

    OPERATIONS[name](ws, digest_with_exceptions, community)
    after, rows_after = snapshot(ws), live_rows(ws)
    assert after != before
    assert len(ws.history.undo_stack) == depth + 1

    ws.undo()
    assert snapshot(ws) == before
    assert live_rows(ws) == rows_before
    assert len(ws.history.undo_stack) == depth

    ws.redo()
    assert snapshot(ws) == after
    assert live_rows(ws) == rows_after
    assert len(ws.history.undo_stack) == depth + 1

    ws.undo()
    assert snapshot(ws) == before


# -- finding occurrences -----------------------------------------------------------


def test_find_a_series_occurrence(workspace: Workspace, digest: str) -> None:
    found = find_occurrence(workspace, (digest, "2026-03-11T08:00"))
    assert found.item.id == digest and found.series is not None and found.series.id == digest
    assert (found.start, found.end, found.recurrence_id) == (
        d("03-11 08:00"),
        d("03-11 08:30"),
        d("03-11 08:00"),
    )
    listed = next(o for o in occurrences_between(workspace, *RANGE) if o.start == found.start)
    assert listed.key == found.key == (digest, "2026-03-11T08:00")
    assert listed == found
    assert found.values()["recurrence"] == Recurrence.parse(WEEKDAYS)
    assert found.values()["start"] == d("03-11 08:00")


def test_find_an_override(workspace: Workspace, digest: str) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-11 08:00"), d("03-11 19:00"), d("03-11 19:30"))
    listed = next(o for o in occurrences_between(ws, *RANGE) if o.item.is_override)
    by_key = find_occurrence(ws, listed.key)
    by_own_id = find_occurrence(ws, (listed.item.id, ""))
    for found in (by_key, by_own_id):
        assert found.item.id == listed.item.id
        assert (found.start, found.end) == (d("03-11 19:00"), d("03-11 19:30"))
        assert found.series is not None and found.series.id == digest
        assert found.recurrence_id == d("03-11 08:00")
        assert found.key == listed.key == (digest, "2026-03-11T08:00")
        assert found.values()["recurrence"] == Recurrence.parse(WEEKDAYS)


def test_find_a_one_off(workspace: Workspace, community: str) -> None:
    item_id = add(workspace, community, title="单次")
    (listed,) = occurrences_between(workspace, *RANGE)
    assert listed.key == (item_id, "")
    found = find_occurrence(workspace, listed.key)
    assert found == listed
    assert found.series is None and found.recurrence_id is None and not found.is_recurring
    with pytest.raises(NotFound):
        find_occurrence(workspace, ("no-such-id", ""))


def test_keys_are_unique_and_stable_across_edits_and_reopening(
    tmp_path: Path, paths: AppPaths
) -> None:
    path = tmp_path / "keys.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        community, _ = create_community(ws, {"name": "群"})
        series = add(
            ws,
            community,
            title="早报",
            start=d("03-02 08:00"),
            end=d("03-02 08:30"),
            recurrence=WEEKDAYS,
        )
        add(ws, community, title="单次")
        keys = [o.key for o in occurrences_between(ws, *RANGE)]
        assert len(set(keys)) == len(keys) == 21
        # Moving an occurrence (an override now) and renaming all keep every key.
        move_occurrence(ws, occ(ws, series, "03-11 08:00"), d("03-11 20:00"), d("03-11 20:30"))
        update_occurrence(ws, occ(ws, series, "03-12 08:00"), {"title": "晨读"}, ALL)
        after_edits = sorted(o.key for o in occurrences_between(ws, *RANGE))
        assert after_edits == sorted(keys)
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        assert sorted(o.key for o in occurrences_between(ws, *RANGE)) == sorted(keys)


def test_week_start_is_the_monday() -> None:
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)
    assert week_start(date(2026, 3, 2)) == date(2026, 3, 2)
    assert week_start(date(2026, 1, 1)) == date(2025, 12, 29)


# -- found in review ---------------------------------------------------------------


def test_a_new_rule_keeps_removed_dates_and_exceptions_on_their_own_days(
    workspace: Workspace, digest: str
) -> None:
    """Weekdays -> Tue/Thu for all: a removed Tuesday stays removed, nothing moves."""
    ws = workspace
    delete_occurrence(ws, occ(ws, digest, "03-17 08:00"), THIS)  # a Tuesday
    move_occurrence(ws, occ(ws, digest, "03-19 08:00"), d("03-19 09:00"), d("03-19 09:30"))
    update_occurrence(
        ws, occ(ws, digest, "03-02 08:00"), {"recurrence": "FREQ=WEEKLY;BYDAY=TU,TH"}, ALL
    )
    days = [o.start for o in occurrences_between(ws, *RANGE)]
    assert d("03-17 08:00") not in days  # still removed
    assert d("03-19 09:00") in days and d("03-19 08:00") not in days  # exception kept
    assert d("03-24 08:00") in days and d("03-26 08:00") in days
    assert all(day.weekday() in (1, 3) for day in days)


def test_changing_the_community_of_all_occurrences_takes_the_exceptions_along(
    workspace: Workspace, digest: str
) -> None:
    ws = workspace
    other, _ = create_community(ws, {"name": "Notion 中文用户群"})
    move_occurrence(ws, occ(ws, digest, "03-10 08:00"), d("03-10 12:00"), d("03-10 12:30"))
    update_occurrence(ws, occ(ws, digest, "03-02 08:00"), {"community_id": other}, ALL)
    shown = occurrences_between(ws, *RANGE, CalendarFilter(community_ids=frozenset({other})))
    assert d("03-10 12:00") in [o.start for o in shown]
    assert len(shown) == len(FIRST_FOUR_WEEKS)


def test_dragging_an_exception_for_the_following_ones_moves_it_too(
    workspace: Workspace, digest: str
) -> None:
    ws = workspace
    move_occurrence(ws, occ(ws, digest, "03-10 08:00"), d("03-14 07:00"), d("03-14 07:30"))
    move_occurrence(
        ws, occ(ws, digest, "03-10 08:00"), d("03-14 09:00"), d("03-14 09:30"), FOLLOWING
    )
    assert on_day(ws, "03-14") == [("早报", d("03-14 09:00"), d("03-14 09:30"))]
    # the following ones move by as much as the dragged one moved: two hours later
    assert on_day(ws, "03-11") == [("早报", d("03-11 10:00"), d("03-11 10:30"))]


def test_dragging_a_2nd_tuesday_series_follows_the_day_it_was_dropped_on(
    workspace: Workspace, community: str
) -> None:
    ws = workspace
    series = add(
        ws,
        community,
        title="用户分享会",
        start=d("2027-09-14 20:00"),
        end=d("2027-09-14 21:00"),
        recurrence="FREQ=MONTHLY;BYDAY=2TU",
    )
    move_occurrence(
        ws, occ(ws, series, "2027-09-14 20:00"), d("2027-09-15 20:00"), d("2027-09-15 21:00"), ALL
    )
    starts = [
        o.start for o in occurrences_between(ws, d("2027-09-01 00:00"), d("2027-11-30 00:00"))
    ]
    assert starts[0] == d("2027-09-15 20:00")  # the 3rd Wednesday, where it was dropped
    assert starts[1] == d("2027-10-20 20:00")  # the 3rd Wednesday of October
