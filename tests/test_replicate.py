"""Replicating a community: what is copied and what is not, date shifting, undo, cancel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
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
from planner.checklists import (
    add_item,
    checklist,
    delete_item,
    missing_library_items,
    move_item,
    set_done,
    set_hidden,
    update_item,
)
from planner.communities import (
    Stage,
    create_community,
    delete_community,
    get_community,
    list_communities,
)
from planner.community_templates import link_template, linked_templates
from planner.errors import Cancelled, NotFound, ValidationError
from planner.paths import AppPaths
from planner.recurrence import Recurrence
from planner.replicate import (
    COPIED_FIELDS,
    next_monday,
    plan_replication,
    replicate,
    suggest_name,
)
from planner.replicate_series import SeriesSkip, series_choices, shift_series
from planner.schema import USER_TABLES
from planner.template_library import create_template, get_template
from planner.templating import TemplateKind
from planner.workspace import Workspace, create_workspace, open_worker_workspace, open_workspace
from planner.workspace_library import library
from tests.conftest import DEVICE

TODAY = date(2026, 11, 23)  # a Monday
NAME = "深夜读书会 · 付费会员圈"
SOURCE: dict[str, Any] = {
    "name": NAME,
    "platform": "wecom",
    "stage": "replicate",
    "common_interest": "每月共读一本书",
    "value_to_members": "林老师领读；每日打卡",
    "differentiation": "有灵魂人物带读",
    "built_around": "soul_figure",
    "segment_basis": "payment_stage",
    "segment": "资深付费会员",
    "joining_principles": "年费 365 元",
    "management_norms": "禁止广告",
    "member_count": 312,
    "owner": "Lily 李",
    "notes": "续费季在 12 月",
}


def item(
    community_id: str, title: str, start: datetime, rule: str = "", **more: Any
) -> dict[str, Any]:
    """Values for create_item: one hour of content, repeating by ``rule`` if given."""
    values: dict[str, Any] = {
        "community_id": community_id,
        "kind": "content",
        "item_type": "live_class",
        "title": title,
        "start": start,
        "end": start + timedelta(hours=1),
        "tz": "Asia/Shanghai",
        "recurrence": Recurrence.parse(rule) if rule else None,
    }
    values.update(more)
    return values


def add(ws: Workspace, values: dict[str, Any]) -> str:
    return create_item(ws, values)[0]


@dataclass
class Source:
    id: str
    daily: str
    weekly: str
    ended: str
    cancelled: str
    activity_series: str
    template: str


@pytest.fixture
def source(workspace: Workspace) -> Source:
    """A community with everything replicating meets: series that run, have ended or
    were cancelled, an activity series, one-offs with results, an exception and a
    removed occurrence, a worked-on checklist, a built-in and an own template."""
    ws = workspace
    cid, _ = create_community(ws, SOURCE)
    daily = add(
        ws,
        item(
            cid,
            "晨读打卡",
            datetime(2026, 10, 1, 7, 0),
            "FREQ=DAILY",
            owner="Lily 李",
            speaker="林老师",
            location="群公告",
            description="每天一页",
            planned_participants=80,
            actual_participants=64,
        ),
    )
    weekly = add(
        ws, item(cid, "林老师直播领读", datetime(2026, 10, 7, 20, 0), "FREQ=WEEKLY;BYDAY=WE")
    )
    ended = add(
        ws, item(cid, "暑期共读营", datetime(2026, 7, 6, 20, 0), "FREQ=WEEKLY;BYDAY=MO;COUNT=6")
    )
    cancelled = add(
        ws,
        item(
            cid, "周末电影夜", datetime(2026, 10, 3, 21), "FREQ=WEEKLY;BYDAY=SA", status="cancelled"
        ),
    )
    activity_series = add(
        ws,
        item(
            cid,
            "会员沙龙",
            datetime(2026, 10, 10, 14),
            "FREQ=MONTHLY;BYDAY=2SA",
            kind="activity",
            item_type="member",
        ),
    )
    add(
        ws,
        item(
            cid,
            "双十一拼团",
            datetime(2026, 11, 11, 20),
            kind="activity",
            item_type="paid",
            status="done",
            planned_revenue=5000,
            actual_revenue=6200.5,
        ),
    )
    add(ws, item(cid, "下周书单", datetime(2026, 11, 30, 9)))
    # One occurrence moved (an exception), one removed (an exdate).
    occ = find_occurrence(ws, (weekly, "2026-11-04T20:00"))
    update_occurrence(ws, occ, {"title": "直播领读（改到周四）"}, EditScope.THIS)
    delete_occurrence(ws, find_occurrence(ws, (daily, "2026-11-02T07:00")), EditScope.THIS)
    # The checklist, worked on.
    items = checklist(ws, cid)
    set_done(ws, items[0].id, True, date(2026, 9, 1))
    update_item(ws, items[1].id, {"note": "见群公告", "due_on": "2026-12-01", "assignee": "Kevin"})
    set_hidden(ws, items[2].id, True)
    delete_item(ws, items[3].id)
    own, _ = add_item(ws, cid, Stage.BUILD, "访谈 10 位种子用户", {"assignee": "Lily 李"})
    move_item(ws, own, 0)
    # Templates: a built-in and one of the workspace's own.
    template, _ = create_template(
        ws,
        TemplateKind.WELCOME,
        {"name": f"{NAME} 欢迎语", "messages": [{"offset_minutes": 0, "body": "欢迎！"}]},
    )
    link_template(ws, cid, "builtin:first_24_hours.zh")
    link_template(ws, cid, template)
    ws.history.clear()
    return Source(cid, daily, weekly, ended, cancelled, activity_series, template)


def live_rows(ws: Workspace, table: str, community_id: str) -> list[dict[str, Any]]:
    return list(
        ws.db.query(f"SELECT * FROM {table} WHERE community_id = ? AND deleted = 0", [community_id])
    )


def counts(ws: Workspace) -> dict[str, tuple[int, int]]:
    """Rows and live rows of every user table."""
    found = {}
    for table in USER_TABLES:
        total, live = ws.db.execute(f"SELECT count(*), sum(deleted = 0) FROM {table}").fetchone()
        found[table] = (int(total), int(live or 0))
    return found


def make(ws: Workspace, source: Source, name: str = "读书会 2 期", **options: Any) -> str:
    plan = plan_replication(ws, source.id, name, date(2026, 11, 30), today=TODAY, **options)
    new_id, _ = replicate(ws, plan)
    return new_id


# -- what is copied --------------------------------------------------------------------


def test_the_community_takes_positioning_and_structure_but_not_members_or_notes(
    workspace: Workspace, source: Source
) -> None:
    new = get_community(workspace, make(workspace, source))
    old = get_community(workspace, source.id)
    for name in COPIED_FIELDS:
        assert getattr(new, name) == getattr(old, name), name
    assert new.name == "读书会 2 期"
    assert (new.member_count, new.notes, new.stage) == (0, "", Stage.BUILD)
    assert new.color != old.color


def test_the_stage_can_be_chosen(workspace: Workspace, source: Source) -> None:
    new = get_community(workspace, make(workspace, source, stage=Stage.STRUCTURE))
    assert new.stage is Stage.STRUCTURE


def test_only_running_content_series_are_copied_without_results_or_exceptions(
    workspace: Workspace, source: Source
) -> None:
    new_id = make(workspace, source)
    rows = live_rows(workspace, "calendar_items", new_id)
    assert sorted(r["title"] for r in rows) == ["晨读打卡", "林老师直播领读"]
    for row in rows:
        assert row["rrule"] and row["kind"] == "content"
        assert row["series_id"] is None and row["recurrence_id"] is None
        assert row["exdates"] == "[]" and row["status"] == "planned" and row["ical_uid"] == ""
        assert all(row[c] is None for c in row if c.startswith("actual_"))
    daily = next(r for r in rows if r["title"] == "晨读打卡")
    assert (daily["owner"], daily["speaker"], daily["location"], daily["description"]) == (
        "Lily 李",
        "林老师",
        "群公告",
        "每天一页",
    )
    assert daily["planned_participants"] == 80  # goals are kept
    # The source keeps all of its items, results included.
    source_row = workspace.get_row("calendar_items", source.daily)
    assert source_row is not None and source_row["actual_participants"] == 64


def test_the_copy_expands_with_no_exceptions(workspace: Workspace, source: Source) -> None:
    new_id = make(workspace, source)
    week = occurrences_between(workspace, datetime(2026, 11, 30), datetime(2026, 12, 7))
    mine = [o for o in week if o.item.community_id == new_id]
    assert [(o.item.title, o.start) for o in mine if o.item.title != "晨读打卡"] == [
        ("林老师直播领读", datetime(2026, 12, 2, 20, 0))
    ]
    assert [o.start.day for o in mine if o.item.title == "晨读打卡"] == list(range(30, 31)) + list(
        range(1, 7)
    )
    assert all(o.series is not None and not o.item.is_override for o in mine)


def test_the_checklist_is_the_sources_unticked(workspace: Workspace, source: Source) -> None:
    ws = workspace
    new_id = make(ws, source)
    old, new = checklist(ws, source.id), checklist(ws, new_id)
    assert [(i.stage, i.title, i.library_key, i.hidden, i.assignee) for i in new] == [
        (i.stage, i.title, i.library_key, i.hidden, i.assignee) for i in old
    ]
    assert new[0].title == "访谈 10 位种子用户"  # the own item, moved first, stays first
    assert any(i.hidden for i in new)
    assert all(not i.done and i.note == "" and i.due_on is None for i in new)
    assert any(i.done for i in old) and any(i.note for i in old)
    # The library item the source deleted stays deleted: updating does not re-add it.
    assert missing_library_items(ws, new_id) == missing_library_items(ws, source.id) == 0
    # Built-in items keep the built-in wording, so they read in the reader's language.
    assert [i.title for i in checklist(ws, new_id, "zh")] == [
        i.title for i in checklist(ws, source.id, "zh")
    ]


def test_a_fresh_checklist_from_the_library_on_request(
    workspace: Workspace, source: Source
) -> None:
    new_id = make(workspace, source, checklist_from_source=False)
    items = checklist(workspace, new_id)
    assert [(i.stage, i.library_key) for i in items] == [
        (e.stage, e.key) for e in library(workspace)
    ]
    assert all(not i.done and not i.hidden for i in items)


def test_own_templates_are_duplicated_and_built_ins_linked(
    workspace: Workspace, source: Source
) -> None:
    ws = workspace
    new_id = make(ws, source)
    links = {link.template_ref: link for link in linked_templates(ws, new_id)}
    assert "builtin:first_24_hours.zh" in links
    [copy_ref] = [ref for ref in links if not ref.startswith("builtin:")]
    assert copy_ref != source.template
    copy, original = get_template(ws, copy_ref), get_template(ws, source.template)
    assert copy.name == "读书会 2 期 欢迎语"  # the source's name replaced by the new one
    assert (copy.kind, copy.messages, copy.language) == (
        original.kind,
        original.messages,
        original.language,
    )
    # The source still uses its own.
    assert source.template in {link.template_ref for link in linked_templates(ws, source.id)}


def test_template_copies_get_unique_names(workspace: Workspace, source: Source) -> None:
    ws = workspace
    create_template(ws, TemplateKind.WELCOME, {"name": "读书会 2 期 欢迎语", "messages": []})
    plan = plan_replication(ws, source.id, "读书会 2 期", date(2026, 11, 30), today=TODAY)
    assert [t.new_name for t in plan.templates if t.new_name] == ["读书会 2 期 欢迎语 (2)"]


def test_nothing_else_is_written(workspace: Workspace, source: Source) -> None:
    ws = workspace
    before = counts(ws)
    plan = plan_replication(ws, source.id, "读书会 2 期", date(2026, 11, 30), today=TODAY)
    _, change = replicate(ws, plan)
    after = counts(ws)
    added = {t: after[t][0] - before[t][0] for t in USER_TABLES}
    # 1 community, 2 series, the checklist (the deleted library item as a tombstone),
    # 1 template copy, 2 links; nothing in the library.
    assert added == {
        "communities": 1,
        "calendar_items": 2,
        "templates": 1,
        "checklist_library": 0,
        "checklist_items": len(plan.checklist),
        "community_templates": 2,
        "community_metrics": 0,  # figures and fission plans stay with the original
        "fission_scenarios": 0,
    }
    assert len({(r.table, r.id) for r in change.rows}) == sum(added.values())
    assert change.action == "replicate_community" and change.subject == "读书会 2 期"


def test_the_plan_says_what_is_left_out(workspace: Workspace, source: Source) -> None:
    plan = plan_replication(workspace, source.id, "读书会 2 期", date(2026, 11, 30), today=TODAY)
    out = plan.left_out
    assert (out.members, out.notes) == (312, True)
    assert out.one_off_items == 2 and out.activity_series == 1
    assert out.results == 2  # the daily series and the paid activity
    assert out.changed_occurrences == 1 and out.removed_occurrences == 1
    assert (out.ticked, out.checklist_notes, out.due_dates) == (1, 1, 1)
    assert {c.item.title: c.skip for c in plan.series_left_out} == {
        "暑期共读营": SeriesSkip.ENDED,
        "周末电影夜": SeriesSkip.CANCELLED,
    }


# -- which series --------------------------------------------------------------------


def test_a_series_continued_by_a_later_part_is_not_copied_twice(
    workspace: Workspace, source: Source
) -> None:
    ws = workspace
    # "From this occurrence on": the head ends before the split, the tail takes over.
    occ = find_occurrence(ws, (source.weekly, "2026-12-09T20:00"))
    update_occurrence(ws, occ, {"start": datetime(2026, 12, 9, 19, 30)}, EditScope.FOLLOWING)
    choices = {(c.item.title, c.item.start): c.skip for c in series_choices(ws, source.id, TODAY)}
    assert choices[("林老师直播领读", datetime(2026, 10, 7, 20, 0))] is SeriesSkip.CONTINUED
    assert choices[("林老师直播领读", datetime(2026, 12, 9, 19, 30))] is SeriesSkip.NONE
    new_id = make(ws, source)
    weekly = [r for r in live_rows(ws, "calendar_items", new_id) if r["title"] == "林老师直播领读"]
    assert [(r["starts_at"], r["rrule"]) for r in weekly] == [
        ("2026-12-02T19:30", "FREQ=WEEKLY;BYDAY=WE")
    ]


def test_chosen_series_are_copied_even_if_ended_and_none_when_asked(
    workspace: Workspace, source: Source
) -> None:
    ws = workspace
    new_id = make(ws, source, series_ids=[source.ended])
    [row] = live_rows(ws, "calendar_items", new_id)
    assert (row["title"], row["starts_at"], row["rrule"]) == (
        "暑期共读营",
        "2026-11-30T20:00",
        "FREQ=WEEKLY;BYDAY=MO;COUNT=6",
    )
    assert row["last_ends_at"] == "2027-01-04T21:00"
    other = make(ws, source, "读书会 3 期", series=False)
    assert live_rows(ws, "calendar_items", other) == []


# -- date shifting -----------------------------------------------------------------------

SHIFTS = [
    # rule, source first occurrence, chosen start, expected first starts of the copy
    ("FREQ=DAILY", "2026-10-01T07:00", "2026-11-30", ["2026-11-30", "2026-12-01", "2026-12-02"]),
    ("FREQ=DAILY", "2026-10-01T07:00", "2026-12-30", ["2026-12-30", "2026-12-31", "2027-01-01"]),
    (
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        "2026-10-01T08:00",
        "2026-12-31",
        ["2026-12-31", "2027-01-01", "2027-01-04"],
    ),
    ("FREQ=WEEKLY;BYDAY=MO", "2026-10-05T20:00", "2026-01-31", ["2026-02-02", "2026-02-09"]),
    (
        "FREQ=WEEKLY;BYDAY=MO,TH",
        "2026-10-05T20:00",
        "2026-12-26",
        ["2026-12-28", "2026-12-31", "2027-01-04"],
    ),
    (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "2026-10-05T20:00",
        "2026-01-31",
        ["2026-02-02", "2026-02-05", "2026-02-16", "2026-02-19"],
    ),
    (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "2026-10-06T20:00",
        "2026-12-30",
        ["2027-01-05", "2027-01-19"],
    ),
    (
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "2026-10-31T20:00",
        "2026-01-30",
        ["2026-01-31", "2026-03-31", "2026-05-31"],
    ),
    ("FREQ=MONTHLY;BYMONTHDAY=31", "2026-10-31T20:00", "2026-02-01", ["2026-03-31"]),
    (
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "2026-10-31T20:00",
        "2026-01-30",
        ["2026-01-31", "2026-02-28", "2026-03-31"],
    ),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-10-31T20:00", "2026-02-01", ["2026-02-28"]),
    (
        "FREQ=MONTHLY;BYMONTHDAY=15",
        "2026-10-15T20:00",
        "2026-12-16",
        ["2027-01-15", "2027-02-15"],
    ),
    (
        "FREQ=MONTHLY;BYDAY=2TH",
        "2026-10-08T20:00",
        "2026-12-15",
        ["2027-01-14", "2027-02-11"],
    ),
    (
        "FREQ=MONTHLY;BYDAY=-1FR",
        "2026-10-30T20:00",
        "2026-12-26",
        ["2027-01-29", "2027-02-26"],
    ),
    (
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO",
        "2026-10-05T20:00",
        "2026-11-03",
        ["2026-12-07", "2027-02-01"],
    ),
]


@pytest.mark.parametrize(("rule", "first", "start", "expected"), SHIFTS)
def test_a_series_starts_on_the_first_matching_day(
    workspace: Workspace, rule: str, first: str, start: str, expected: list[str]
) -> None:
    ws = workspace
    cid, _ = create_community(ws, {"name": "源"})
    add(ws, item(cid, "系列", datetime.fromisoformat(first), rule))
    plan = plan_replication(ws, cid, "新", date.fromisoformat(start), today=TODAY)
    new_id, _ = replicate(ws, plan)
    [copy] = plan.series
    assert copy.start == datetime.fromisoformat(f"{expected[0]}T{first[11:]}")
    last = date.fromisoformat(expected[-1])
    found = occurrences_between(
        ws,
        datetime.fromisoformat(start),
        datetime.combine(last, datetime.min.time()) + timedelta(1),
    )
    assert [o.start.date().isoformat() for o in found if o.item.community_id == new_id] == expected
    assert all(o.start.time() == datetime.fromisoformat(first).time() for o in found)
    assert all(o.end - o.start == timedelta(hours=1) for o in found)


def test_an_end_date_ends_on_the_copys_own_last_occurrence_and_a_count_stays(
    workspace: Workspace,
) -> None:
    ws = workspace
    cid, _ = create_community(ws, {"name": "源"})
    # 13 Mondays, 2026-01-05 .. 2026-03-30.
    until = add(
        ws, item(cid, "十三周", datetime(2026, 1, 5, 20), "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330")
    )
    counted = add(
        ws, item(cid, "三次", datetime(2026, 1, 31, 9), "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3")
    )
    plan = plan_replication(ws, cid, "新", date(2026, 12, 26), today=date(2026, 1, 1))
    new_id, _ = replicate(ws, plan)
    copies = {c.source.id: c for c in plan.series}
    # First Monday from Sat 2026-12-26 is 2026-12-28; the 13th Monday is 2027-03-22.
    assert copies[until].start == datetime(2026, 12, 28, 20)
    assert copies[until].rule.until == date(2027, 3, 22)
    assert copies[counted].rule.count == 3 and copies[counted].rule.until is None
    found = occurrences_between(ws, datetime(2026, 12, 1), datetime(2027, 6, 1))
    mine = [o for o in found if o.item.community_id == new_id]
    assert len([o for o in mine if o.item.title == "十三周"]) == 13
    assert [o.start.date().isoformat() for o in mine if o.item.title == "三次"] == [
        "2026-12-31",
        "2027-01-31",
        "2027-02-28",
    ]
    rows = {r["title"]: r for r in live_rows(ws, "calendar_items", new_id)}
    assert rows["十三周"]["last_ends_at"] == "2027-03-22T21:00"
    assert rows["三次"]["last_ends_at"] == "2027-02-28T10:00"


@pytest.mark.parametrize(
    ("rule", "first"),
    [
        ("FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20260630", datetime(2026, 1, 31, 20)),
        ("FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20261231", datetime(2026, 1, 31, 20)),
        ("FREQ=MONTHLY;BYDAY=1MO;UNTIL=20260406", datetime(2026, 1, 5, 20)),
        ("FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=2;UNTIL=20261231", datetime(2026, 1, 30, 19)),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,WE,SU;UNTIL=20260601", datetime(2026, 1, 5, 8)),
        ("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260226", datetime(2026, 2, 3, 8)),
        ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260320", datetime(2026, 3, 2, 7)),
        ("FREQ=DAILY;INTERVAL=2;UNTIL=20261231", datetime(2026, 12, 1, 7)),
    ],
)
def test_a_series_with_an_end_date_keeps_its_number_of_occurrences(
    rule: str, first: datetime
) -> None:
    original = Recurrence.parse(rule)
    times = len(original.starts(first, 5000))
    assert times > 1
    start = date(2026, 11, 1)
    for offset in range(0, 400, 7):  # starts over more than a year, every weekday
        day = start + timedelta(days=offset + offset // 7 % 7)
        new_first, copied = shift_series(original, first, day)
        assert copied.until is not None and copied.count is None
        starts = copied.starts(new_first, 5000)
        assert len(starts) == times, (rule, day)
        assert starts[-1].date() == copied.until


def test_the_row_is_what_creating_the_series_would_write(workspace: Workspace) -> None:
    ws = workspace
    cid, _ = create_community(ws, {"name": "源"})
    add(
        ws,
        item(
            cid,
            "每月最后一天",
            datetime(2026, 1, 31, 9),
            "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20260630",
        ),
    )
    plan = plan_replication(ws, cid, "新", date(2027, 1, 30), today=date(2026, 1, 1))
    new_id, _ = replicate(ws, plan)
    [copied] = live_rows(ws, "calendar_items", new_id)
    direct = add(
        ws,
        item(
            new_id,
            "每月最后一天",
            datetime(2027, 1, 31, 9),
            "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20270630",
        ),
    )
    made = ws.get_row("calendar_items", direct)
    assert made is not None
    skip = {"id", "created_at", "updated_at"}
    assert {k: v for k, v in copied.items() if k not in skip} == {
        k: v for k, v in made.items() if k not in skip
    }


def test_shift_series_keeps_time_interval_and_count() -> None:
    rule = Recurrence.parse("FREQ=WEEKLY;INTERVAL=3;BYDAY=FR;COUNT=4")
    first, moved = shift_series(rule, datetime(2026, 10, 2, 18, 45), date(2026, 12, 31))
    assert first == datetime(2027, 1, 1, 18, 45)
    assert moved == rule


# -- undo, cancel, validation ---------------------------------------------------------


def test_one_undo_takes_all_of_it_back_and_redo_brings_it(
    workspace: Workspace, source: Source
) -> None:
    ws = workspace
    before = counts(ws)
    depth = len(ws.history.undo_stack)
    new_id = make(ws, source)
    assert len(ws.history.undo_stack) == depth + 1
    change = ws.history.undo_stack[-1]
    ws.undo()
    # Every row the copy wrote is a tombstone now: nothing of it is live anywhere.
    for row in change.rows:
        stored = ws.get_row(row.table, row.id)
        assert stored is not None and stored["deleted"] == 1, row.table
    assert {t: c[1] for t, c in counts(ws).items()} == {t: c[1] for t, c in before.items()}
    assert new_id not in {c.id for c in list_communities(ws)}
    ws.redo()
    assert get_community(ws, new_id).name == "读书会 2 期"
    assert len(live_rows(ws, "calendar_items", new_id)) == 2
    assert len(checklist(ws, new_id)) == len(checklist(ws, source.id))


def test_progress_is_reported_per_row(workspace: Workspace, source: Source) -> None:
    plan = plan_replication(workspace, source.id, "读书会 2 期", date(2026, 11, 30), today=TODAY)
    seen: list[tuple[int, int]] = []
    replicate(workspace, plan, progress=lambda done, total: seen.append((done, total)))
    assert [d for d, _ in seen] == list(range(1, plan.steps + 1))
    assert {t for _, t in seen} == {plan.steps}


@pytest.mark.parametrize("after", [0, 1, 10, "end"])
def test_cancelling_writes_nothing(workspace: Workspace, source: Source, after: int | str) -> None:
    ws = workspace
    plan = plan_replication(ws, source.id, "读书会 2 期", date(2026, 11, 30), today=TODAY)
    stop = plan.steps if after == "end" else int(after)
    done: list[int] = []
    before, depth = counts(ws), len(ws.history.undo_stack)
    with pytest.raises(Cancelled, match="nothing was changed"):
        replicate(ws, plan, lambda d, _t: done.append(d), lambda: len(done) >= stop)
    assert counts(ws) == before
    assert len(ws.history.undo_stack) == depth


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "A community needs a name."),
        ("   ", "A community needs a name."),
        ("深夜读书会 · 付费会员圈", "Another community is already called"),
        ("深夜读书会  ·  付费会员圈", "Another community is already called"),
        ("x" * 81, "The name is too long"),
    ],
)
def test_the_name_must_be_given_and_free(
    workspace: Workspace, source: Source, name: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        plan_replication(workspace, source.id, name, date(2026, 11, 30))
    assert message in caught.value.fields["name"]


def test_the_start_date_is_needed(workspace: Workspace, source: Source) -> None:
    with pytest.raises(ValidationError) as caught:
        plan_replication(workspace, source.id, "", None)
    assert set(caught.value.fields) == {"name", "start"}
    for far in (date(9999, 12, 20), date(1752, 9, 14), date(1, 1, 1)):
        with pytest.raises(ValidationError, match="starts between 2000 and 2099"):
            plan_replication(workspace, source.id, "读书会 2 期", far)


def test_a_template_name_is_changed_only_where_it_names_the_source(
    workspace: Workspace,
) -> None:
    ws = workspace
    cid, _ = create_community(ws, {"name": "AI"})
    for name in ("MAIL campaign welcome for AI", "AI 新人欢迎语", "Daily digest"):
        own, _ = create_template(ws, TemplateKind.WELCOME, {"name": name, "messages": []})
        link_template(ws, cid, own)
    plan = plan_replication(ws, cid, "Growth Lab", date(2026, 11, 30), today=TODAY)
    assert sorted(t.new_name or "" for t in plan.templates) == [
        "Daily digest · Growth Lab",
        "Growth Lab 新人欢迎语",
        "MAIL campaign welcome for Growth Lab",
    ]
    new_id, _ = replicate(ws, plan)
    from planner.community_templates import link_id_for

    # Links of the copy have the ids any copy of the workspace would give them.
    assert {link.id for link in linked_templates(ws, new_id)} == {
        link_id_for(new_id, link.template_ref) for link in linked_templates(ws, new_id)
    }


def test_a_name_taken_after_planning_is_refused_and_nothing_written(
    workspace: Workspace, source: Source
) -> None:
    ws = workspace
    plan = plan_replication(ws, source.id, "读书会 2 期", date(2026, 11, 30), today=TODAY)
    create_community(ws, {"name": "读书会 2 期"})
    before = counts(ws)
    with pytest.raises(ValidationError, match="already called"):
        replicate(ws, plan)
    assert counts(ws) == before


def test_a_community_in_the_trash_cannot_be_replicated(
    workspace: Workspace, source: Source
) -> None:
    delete_community(workspace, source.id)
    with pytest.raises(NotFound, match="trash"):
        plan_replication(workspace, source.id, "读书会 2 期", date(2026, 11, 30))


def test_suggestions() -> None:
    assert next_monday(date(2026, 11, 23)) == date(2026, 11, 30)  # a Monday: the next one
    assert next_monday(date(2026, 12, 31)) == date(2027, 1, 4)
    assert next_monday(date(2027, 1, 3)) == date(2027, 1, 4)


def test_suggested_names_are_free(workspace: Workspace) -> None:
    create_community(workspace, {"name": "读书会"})
    assert suggest_name(workspace, "读书会") == "读书会 (2)"
    create_community(workspace, {"name": "读书会 (2)"})
    assert suggest_name(workspace, "读书会") == "读书会 (3)"
    assert len(suggest_name(workspace, "长" * 80)) == 80


# -- a second connection ---------------------------------------------------------------


def test_a_worker_connection_writes_while_the_window_holds_the_lock(
    tmp_path: Path, paths: AppPaths, source: Source, workspace: Workspace
) -> None:
    ws = workspace  # holds the lock, as the main window does
    plan = plan_replication(ws, source.id, "读书会 2 期", date(2026, 11, 30), today=TODAY)
    worker = open_worker_workspace(ws)
    try:
        new_id, change = replicate(worker, plan)
    finally:
        worker.close()
    assert worker.history.can_undo and not ws.history.can_undo
    # The window sees the rows, takes the change on its history and undoes it.
    assert get_community(ws, new_id).name == "读书会 2 期"
    ws.history.push(change)
    ws.undo()
    assert get_community(ws, new_id).deleted
    assert live_rows(ws, "calendar_items", new_id) == []


def test_a_worker_connection_of_a_read_only_workspace_cannot_replicate(
    tmp_path: Path, paths: AppPaths
) -> None:
    path = tmp_path / "ro.cplan"
    with create_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        cid, _ = create_community(ws, {"name": "源"})
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True) as ws:
        plan = plan_replication(ws, cid, "新", date(2026, 11, 30))
        worker = open_worker_workspace(ws)
        try:
            with pytest.raises(Exception, match="read-only"):
                replicate(worker, plan)
        finally:
            worker.close()
