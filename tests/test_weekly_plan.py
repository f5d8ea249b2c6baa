"""The weekly plan's core: weeks, what the plan holds, and its HTML (no Qt here)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest
from markupsafe import escape

import planner.workspace
from planner.calendar import (
    EditScope,
    Status,
    create_item,
    occurrences_between,
    update_occurrence,
)
from planner.checklist_due import due_between
from planner.checklist_library import Language
from planner.checklists import add_item, checklist
from planner.communities import Stage, create_community, delete_community, find_community
from planner.demo import write_demo
from planner.errors import NotFound, ValidationError
from planner.health import RULES, Facts, Fix, HealthIssue, Rule
from planner.health_rules import RULE_TEXT, TITLE, describe
from planner.i18n import say
from planner.metrics import DayFigures, set_figures
from planner.paths import AppPaths
from planner.recurrence import Recurrence
from planner.weekly_health import detail_text
from planner.weekly_labels import FIGURE_NAMES, WORDS
from planner.weekly_plan import (
    WeekId,
    WeeklyPlan,
    build_plan,
    parse_week,
    render_html,
    week_of,
)
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

TODAY = date(2026, 11, 25)  # a Wednesday of 2026-W48
W48 = WeekId(2026, 48)
NOTION = "Notion 中文用户群"
READING = "深夜读书会 · 付费会员圈"


@pytest.fixture
def sample(tmp_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    """The sample workspace made on TODAY, open read-only."""
    path = tmp_path / "sample.cplan"
    write_demo(path, device_id=DEVICE, lock_dir=paths.lock_dir, today=TODAY)
    ws = open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    yield ws
    ws.close()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def community(ws: Workspace, name: str, color: str = "#2f80ed") -> str:
    community_id, _ = create_community(ws, {"name": name, "color": color}, checklist=False)
    return community_id


def item(ws: Workspace, community_id: str, title: str, start: datetime, **values: Any) -> str:
    values.setdefault("end", start + timedelta(hours=1))
    values.setdefault("kind", "content")
    values.setdefault("item_type", "article")
    item_id, _ = create_item(
        ws, {"community_id": community_id, "title": title, "start": start, **values}
    )
    return item_id


def titles(plan: WeeklyPlan) -> list[list[str]]:
    return [[e.title for e in day.entries] for day in plan.days]


# -- weeks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W48", (2026, 48)),
        ("2026W48", (2026, 48)),
        ("2026-w48", (2026, 48)),
        (" 2026-W48 ", (2026, 48)),
        ("2026-W5", (2026, 5)),
        ("2020-W53", (2020, 53)),
        ("2026-W53", (2026, 53)),
    ],
)
def test_parse_week_reads_iso_weeks(text: str, expected: tuple[int, int]) -> None:
    week = parse_week(text)
    assert (week.year, week.week) == expected
    assert parse_week(week.label) == week


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-W60", "2026 has no week 60"),
        ("2025-W53", "2025 has no week 53"),
        ("2026-W00", "2026 has no week 0"),
        ("abc", "“abc” is not a week"),
        ("2026-48", "is not a week"),
        ("9999-W52", "9999 is not a year this plan can show"),
        ("0001-W01", "1 is not a year this plan can show"),
        ("2026-W٤٨", "is not a week"),  # digits of another script
        ("", "Give a week such as 2026-W48"),
        ("   ", "Give a week such as 2026-W48"),
    ],
)
def test_a_bad_week_is_one_clear_line(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_week(text)
    message = str(caught.value)
    assert words in message and "\n" not in message
    assert set(caught.value.fields) == {"week"}


def test_a_week_knows_its_days_and_neighbours() -> None:
    assert W48.label == str(W48) == "2026-W48"
    assert (W48.monday, W48.sunday) == (date(2026, 11, 23), date(2026, 11, 29))
    assert W48.days()[0] == W48.monday and len(W48.days()) == 7
    assert W48.previous() == WeekId(2026, 47) and W48.next() == WeekId(2026, 49)
    # Across the turn of a year with 53 weeks, and one with 52.
    assert WeekId(2026, 53).next() == WeekId(2027, 1)
    assert WeekId(2026, 1).previous() == WeekId(2025, 52)
    assert WeekId(2021, 1).previous() == WeekId(2020, 53)
    assert week_of(date(2026, 11, 29)) == W48
    assert week_of(date(2027, 1, 1)) == WeekId(2026, 53)
    assert week_of(datetime(2026, 11, 23, 0, 0)) == W48
    assert WeekId(2026, 53).label == "2026-W53" and WeekId(2026, 5).label == "2026-W05"


# -- what the plan holds -----------------------------------------------------------


def test_the_weeks_edges(workspace: Workspace) -> None:
    """A series occurrence on Sunday 23:30 is in; one at Monday 00:00 next week is out."""
    cid = community(workspace, "边界测试群")
    item(
        workspace,
        cid,
        "周日夜读",
        at(date(2026, 11, 1), 23, 30),
        end=at(date(2026, 11, 1), 23, 59),
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=SU"),
    )
    item(
        workspace,
        cid,
        "周一零点提醒",
        at(date(2026, 11, 2), 0, 0),
        end=at(date(2026, 11, 2), 0, 15),
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"),
    )
    item(workspace, cid, "下周一零点的一次性内容", at(date(2026, 11, 30), 0, 0))
    item(workspace, cid, "上周日晚上", at(date(2026, 11, 22), 22, 0))
    plan = build_plan(workspace, W48, today=TODAY)
    days = titles(plan)
    assert days[0] == ["周一零点提醒"]  # Monday 23 November 00:00
    assert days[6] == ["周日夜读"]  # Sunday 29 November 23:30
    assert sum(len(d) for d in days) == 2  # nothing of 22 or 30 November
    sunday = plan.days[6].entries[0]
    assert sunday.start == at(date(2026, 11, 29), 23, 30) and sunday.recurring
    assert sunday.time_text == "23:30–23:59"
    assert not plan.empty and plan.entry_count == 2


def test_days_in_order_with_their_labels(sample: Workspace) -> None:
    zh = build_plan(sample, W48, lang="zh", today=TODAY)
    en = build_plan(sample, W48, lang="en", today=TODAY)
    assert [d.weekday for d in zh.days][:2] == ["星期一", "星期二"]
    assert [d.weekday for d in en.days][-1] == "Sunday"
    assert zh.days[0].date_text == "11月23日" and en.days[0].date_text == "23 November"
    assert [d.is_today for d in zh.days] == [False, False, True, False, False, False, False]
    assert [d.weekend for d in zh.days] == [False] * 5 + [True] * 2
    for day in zh.days:
        starts = [(not e.all_day, e.start) for e in day.entries]
        assert starts == sorted(starts)  # all-day first, then by time
        assert all(e.start.date() == day.date for e in day.entries)
    live = next(e for d in zh.days for e in d.entries if e.title.startswith("林老师直播领读"))
    assert live.type_label == "直播课" and live.status_label == "已计划"
    assert live.detail == "林老师 · 视频号直播" and live.owner == "Lily 李"
    assert live.community.name == READING and live.community.color.startswith("#")
    assert next(e for d in en.days for e in d.entries if e.key == live.key).type_label == (
        "Live class"
    )


def test_the_header(sample: Workspace) -> None:
    zh = build_plan(sample, W48, lang="zh", today=TODAY)
    en = build_plan(sample, W48, lang="en", today=TODAY)
    assert (zh.week_label, zh.week_number) == ("2026-W48", 48)
    assert zh.dates_text == "2026年11月23日–29日"
    assert en.dates_text == "23–29 November 2026"
    assert zh.week_text == "2026年第48周" and en.week_text == "Week 48, 2026"
    assert zh.workspace == "sample" and zh.workspace_text == "工作区：sample"
    assert zh.title == "周计划" and en.title == "Weekly plan"
    assert "2026-W48" in zh.document_title and "sample" in zh.document_title
    assert zh.all_communities and len(zh.communities) == 4
    assert "双十一临时福利群" not in {c.name for c in zh.communities}  # in the trash
    assert zh.made_on_text == "生成于2026年11月25日"
    assert en.made_on_text == "Made on 25 November 2026"


@pytest.mark.parametrize(
    ("week", "zh", "en"),
    [
        (WeekId(2026, 49), "2026年11月30日–12月6日", "30 November – 6 December 2026"),
        (WeekId(2026, 53), "2026年12月28日–2027年1月3日", "28 December 2026 – 3 January 2027"),
    ],
)
def test_dates_across_months_and_years(
    workspace: Workspace, week: WeekId, zh: str, en: str
) -> None:
    assert build_plan(workspace, week, lang="zh").dates_text == zh
    assert build_plan(workspace, week, lang="en").dates_text == en


def test_only_the_chosen_communities(sample: Workspace) -> None:
    plan = build_plan(sample, W48, communities=["notion 中文用户群"], today=TODAY)
    assert [c.name for c in plan.communities] == [NOTION] and not plan.all_communities
    entries = [e for d in plan.days for e in d.entries]
    assert entries and {e.community.name for e in entries} == {NOTION}
    assert plan.due and {d.community.name for d in plan.due} == {NOTION}
    assert {g.community.name for g in plan.goals} <= {NOTION}
    assert {r.community.name for r in plan.review} == {NOTION}
    # By id as well, and several at once.
    reading = find_community(sample, READING).id
    both = build_plan(sample, W48, communities=[reading, NOTION], today=TODAY)
    assert {c.name for c in both.communities} == {NOTION, READING}
    assert {e.community.name for d in both.days for e in d.entries} == {NOTION, READING}


def test_an_unknown_or_trashed_community_is_one_clear_line(sample: Workspace) -> None:
    with pytest.raises(NotFound, match="No community called “没有这个群” in this workspace."):
        build_plan(sample, W48, communities=["没有这个群"])
    with pytest.raises(NotFound, match="in the trash"):
        build_plan(sample, W48, communities=["双十一临时福利群"])


def test_this_weeks_goals(workspace: Workspace) -> None:
    cid = community(workspace, "目标测试群")
    other = community(workspace, "另一个群", color="#eb5757")
    monday = W48.monday
    item(
        workspace,
        cid,
        "会员分享会",
        at(monday + timedelta(days=2), 20),
        kind="activity",
        item_type="sharing",
        owner="Lily",
        planned_participants=40,
        planned_revenue=1234.5,
    )
    item(
        workspace,
        cid,
        "付费训练营",
        at(monday + timedelta(days=4), 20),
        kind="activity",
        item_type="paid",
        planned_participants=1200,
        planned_conversions=30,
    )
    item(workspace, cid, "没定目标的品牌活动", at(monday, 19), kind="activity", item_type="brand")
    item(workspace, cid, "带目标的直播课", at(monday, 20), item_type="live_class", planned_shares=5)
    item(workspace, cid, "普通晨报", at(monday, 7), item_type="morning_digest")
    item(
        workspace,
        cid,
        "取消了的活动",
        at(monday + timedelta(days=1), 20),
        kind="activity",
        item_type="member",
        status="cancelled",
        planned_participants=99,
    )
    item(workspace, other, "别的群的活动", at(monday, 9), kind="activity", item_type="member")
    plan = build_plan(workspace, W48, lang="zh", today=TODAY)
    assert [g.community.name for g in plan.goals] == ["另一个群", "目标测试群"]
    group = plan.goals[1]
    assert [i.title for i in group.items] == [
        "没定目标的品牌活动",
        "带目标的直播课",
        "会员分享会",
        "付费训练营",
    ]
    assert group.metrics == ("participants", "shares", "conversions", "revenue")
    assert group.metric_labels == ("参与人数", "分享数", "转化数", "收入")
    brand, live, sharing, paid = group.items
    assert not brand.has_goals and brand.cells == ("", "", "", "")
    assert live.cells == ("", "5", "", "")
    assert sharing.cells == ("40", "", "", "1,234.50") and sharing.owner == "Lily"
    assert [f.metric for f in sharing.figures] == ["participants", "revenue"]
    assert sharing.figures[0].label == "参与人数" and sharing.figures[0].planned == 40
    assert paid.cells == ("1,200", "", "30", "")
    assert group.totals == ("1,240", "5", "30", "1,234.50")
    assert sharing.date_text == "周三 11月25日"
    # The cancelled activity is in the schedule, struck through, but not a goal.
    cancelled = next(e for d in plan.days for e in d.entries if e.title == "取消了的活动")
    assert cancelled.cancelled and cancelled.status_label == "已取消"
    assert not plan.goals[0].metrics and not plan.goals[0].items[0].has_goals


def test_last_week_in_review(workspace: Workspace) -> None:
    cid = community(workspace, "复盘测试群")
    last = W48.previous().monday
    item(
        workspace,
        cid,
        "颁奖直播",
        at(last + timedelta(days=5), 20),
        kind="activity",
        item_type="brand",
        owner="Kevin",
        status="done",
        planned_participants=200,
        actual_participants=186,
        planned_new_members=50,
        actual_new_members=62,
        planned_cost=300,
        actual_cost=280,
        actual_shares=17,
    )
    item(
        workspace,
        cid,
        "没记结果的分享会",
        at(last + timedelta(days=1), 20),
        kind="activity",
        item_type="sharing",
        planned_participants=60,
    )
    item(workspace, cid, "没目标也没结果的活动", at(last, 10), kind="activity", item_type="member")
    item(workspace, cid, "上周的晨报", at(last, 7), item_type="morning_digest")
    item(
        workspace,
        cid,
        "上周取消的活动",
        at(last + timedelta(days=2), 20),
        kind="activity",
        item_type="paid",
        status="cancelled",
    )
    plan = build_plan(workspace, W48, lang="zh", today=TODAY)
    assert plan.review_week == WeekId(2026, 47)
    assert plan.review_week_text == "2026年第47周"
    assert plan.review_dates_text == "2026年11月16日–22日"
    assert [r.title for r in plan.review] == [
        "没目标也没结果的活动",
        "没记结果的分享会",
        "颁奖直播",
    ]
    awards = plan.review[2]
    rows = [(f.label, f.planned_text, f.actual_text, f.rate_text, f.met) for f in awards.figures]
    assert rows == [
        ("参与人数", "200", "186", "93%", False),
        ("新增成员", "50", "62", "124%", True),
        ("分享数", "", "17", "", None),
        ("成本", "300", "280", "93%", True),
    ]
    assert awards.has_results and awards.finished and awards.status_label == "已完成"
    assert [r.title for r in plan.missing_results] == ["没目标也没结果的活动", "没记结果的分享会"]
    # Seen from the middle of last week, what has not happened yet is not missing.
    early = build_plan(workspace, W48, lang="zh", today=last + timedelta(days=1))
    assert [r.title for r in early.missing_results] == ["没目标也没结果的活动"]


def test_a_multi_day_item_from_last_week_is_listed_on_monday(workspace: Workspace) -> None:
    cid = community(workspace, "挑战赛群")
    start = at(W48.monday - timedelta(days=3), 0)
    item(
        workspace,
        cid,
        "七天挑战赛",
        start,
        end=start + timedelta(days=7),
        all_day=True,
        kind="activity",
        item_type="brand",
    )
    zh = build_plan(workspace, W48, lang="zh", today=TODAY)
    en = build_plan(workspace, W48, lang="en", today=TODAY)
    assert titles(zh)[0] == ["七天挑战赛"] and sum(map(len, titles(zh))) == 1
    entry = zh.days[0].entries[0]
    assert entry.continued and entry.time_text == "11月20日起 · 至11月26日"
    assert en.days[0].entries[0].time_text == "from 20 Nov · until 26 Nov"
    assert not zh.goals  # its goals were last week's
    assert [r.title for r in zh.review] == ["七天挑战赛"]


def test_time_texts(workspace: Workspace) -> None:
    cid = community(workspace, "时间测试群")
    monday = W48.monday
    item(workspace, cid, "全天一天", at(monday, 0), end=at(monday, 0), all_day=True)
    tuesday, friday = monday + timedelta(days=1), monday + timedelta(days=4)
    item(workspace, cid, "全天三天", at(tuesday, 0), end=at(friday, 0), all_day=True)
    item(workspace, cid, "两天的营", at(friday, 9), end=at(friday + timedelta(days=1), 17))

    def texts(lang: Language) -> dict[str, str]:
        plan = build_plan(workspace, W48, lang=lang)
        return {e.title: e.time_text for day in plan.days for e in day.entries}

    zh, en = texts("zh"), texts("en")
    assert zh == {
        "全天一天": "全天",
        "全天三天": "全天 · 至11月26日",
        "两天的营": "09:00 · 至11月28日 17:00",
    }
    assert en["全天三天"] == "All day · until 26 Nov"
    assert en["两天的营"] == "09:00 · until 28 Nov 17:00"


def test_checklist_items_due_this_week(sample: Workspace) -> None:
    plan = build_plan(sample, W48, lang="zh", today=TODAY)
    expected = due_between(sample, W48.monday, W48.sunday, "zh")
    assert [(d.item_id, d.title, d.done) for d in plan.due] == [
        (d.item_id, d.title, d.done) for d in expected
    ]
    assert plan.due and any(d.done for d in plan.due) and any(not d.done for d in plan.due)
    assert all(W48.monday <= d.due_on <= W48.sunday for d in plan.due)
    assert {d.stage_label for d in plan.due} <= {"建群", "搭架构", "做输出", "做运营", "做复制"}
    first = plan.due[0]
    assert first.due_text.startswith("周") and first.community.name and first.assignee


def test_due_items_are_flagged_overdue_when_past(workspace: Workspace) -> None:
    cid = community(workspace, "清单测试群")
    add_item(workspace, cid, Stage.BUILD, "写下社群定位", {"due_on": "2026-11-24"})
    add_item(workspace, cid, Stage.OUTPUT, "排好内容节奏", {"due_on": "2026-11-27"})
    add_item(workspace, cid, Stage.OUTPUT, "下周的事", {"due_on": "2026-11-30"})
    plan = build_plan(workspace, W48, lang="en", today=TODAY)
    assert [(d.title, d.overdue, d.stage_label) for d in plan.due] == [
        ("写下社群定位", True, "Build"),
        ("排好内容节奏", False, "Output"),
    ]
    assert plan.due[0].due_text == "Tue 24 Nov" and not plan.empty


def test_an_empty_week_is_flagged(workspace: Workspace) -> None:
    plan = build_plan(workspace, W48, lang="zh", today=TODAY)  # no communities at all
    assert plan.empty and not plan.communities and plan.entry_count == 0
    community(workspace, "空的群")
    plan = build_plan(workspace, W48, lang="zh", today=TODAY)
    assert plan.empty and [c.name for c in plan.communities] == ["空的群"]
    assert not plan.goals and not plan.due and not plan.review
    html = render_html(plan)
    assert WORDS["zh"]["empty"] in html and "2026年第48周" in html


def test_a_community_in_the_trash_is_left_out(workspace: Workspace) -> None:
    kept = community(workspace, "留下的群")
    gone = community(workspace, "删掉的群")
    item(workspace, kept, "留下的内容", at(W48.monday, 9))
    item(workspace, gone, "删掉的内容", at(W48.monday, 10))
    delete_community(workspace, gone)
    plan = build_plan(workspace, W48, today=TODAY)
    assert titles(plan)[0] == ["留下的内容"] and [c.name for c in plan.communities] == ["留下的群"]


# -- labels ----------------------------------------------------------------------------


def test_both_languages_have_every_label() -> None:
    assert WORDS["zh"].keys() == WORDS["en"].keys()
    assert WORDS["zh"]["page"] == "第 {page} 页，共 {pages} 页"
    assert WORDS["en"]["page"] == "Page {page} of {pages}"
    for words in WORDS.values():
        assert all(value.strip() for value in words.values())


def test_no_english_words_are_left_in_the_chinese_labels(workspace: Workspace) -> None:
    plan = build_plan(workspace, W48, lang="zh", today=TODAY)
    assert plan.labels == WORDS["zh"]
    for key, value in plan.labels.items():
        text = re.sub(r"\{[a-z]+\}", "", value)
        assert not re.search(r"[A-Za-z]", text), (key, value)
    for day in plan.days:
        assert not re.search(r"[A-Za-z]", day.weekday + day.date_text)
    assert not re.search(r"[A-Za-z]", plan.dates_text + plan.week_text + plan.made_on_text)


def test_an_unknown_language_is_refused(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="not a language"):
        build_plan(workspace, W48, lang="fr")  # type: ignore[arg-type]


# -- the HTML --------------------------------------------------------------------------


def test_render_html_escapes_markup(workspace: Workspace) -> None:
    cid = community(workspace, "<i>群</i> & 朋友")
    item(
        workspace,
        cid,
        "<b>一人日</b> & <script>x</script> 12",
        at(W48.monday, 9),
        owner="<u>Lily</u>",
        speaker='"嘉宾"',
    )
    for layout in ("list", "grid"):
        html = render_html(build_plan(workspace, W48, lang="zh", today=TODAY), layout=layout)
        assert "&lt;b&gt;一人日&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt; 12" in html
        assert "<b>一人日</b>" not in html and "<script>" not in html
        assert "&lt;i&gt;群&lt;/i&gt; &amp; 朋友" in html and "<u>Lily</u>" not in html


def test_render_html_shows_the_week_and_nothing_from_other_weeks(sample: Workspace) -> None:
    plan = build_plan(sample, W48, lang="zh", today=TODAY)
    start = datetime.combine(W48.monday, datetime.min.time())
    this_week = {o.item.title for o in occurrences_between(sample, start, start + timedelta(7))}
    later = occurrences_between(sample, start + timedelta(14), start + timedelta(21))
    others = {o.item.title for o in later} - this_week
    assert this_week and others
    for layout in ("list", "grid"):
        html = render_html(plan, layout=layout)
        assert html.count("<html>") == 1 and "周计划" in html and "2026年11月23日–29日" in html
        for title in this_week:
            assert f">{title}<" in html, title
        for title in others:
            assert f">{title}<" not in html, title
        for label in ("本周目标", "本周到期的清单事项", "上周复盘", "还没记录结果的活动"):
            assert label in html
        assert "☐" in html and "■" in html


def test_render_html_in_english(sample: Workspace) -> None:
    html = render_html(build_plan(sample, W48, lang="en", today=TODAY))
    for words in ("Weekly plan", "23–29 November 2026", "Week 48, 2026", "Last week in review"):
        assert words in html


def test_render_html_refuses_an_unknown_layout(workspace: Workspace) -> None:
    plan = build_plan(workspace, W48)
    with pytest.raises(ValueError, match="unknown layout"):
        render_html(plan, layout="poster")  # type: ignore[arg-type]


def test_a_moved_occurrence_shows_where_it_went(workspace: Workspace) -> None:
    cid = community(workspace, "直播群")
    item(
        workspace,
        cid,
        "每周直播",
        at(date(2026, 11, 4), 20),
        item_type="live_class",
        recurrence=Recurrence.parse("FREQ=WEEKLY;BYDAY=WE"),
    )
    start = at(W48.monday, 0)
    occ = next(
        o for o in occurrences_between(workspace, start, start + timedelta(7)) if o.is_recurring
    )
    update_occurrence(
        workspace,
        occ,
        {
            "start": occ.start + timedelta(days=1),
            "end": occ.end + timedelta(days=1),
            "status": Status.READY.value,
        },
        EditScope.THIS,
    )
    plan = build_plan(workspace, W48, lang="zh", today=TODAY)
    assert titles(plan)[2] == [] and titles(plan)[3] == ["每周直播"]
    assert plan.days[3].entries[0].status_label == "已就绪"


# -- last week's figures and the health warnings ---------------------------------------

W47_MONDAY, W46_MONDAY = date(2026, 11, 16), date(2026, 11, 9)


def measured_community(ws: Workspace) -> str:
    """A community with figures for W46 and W47 (two days of them in W47) and an
    activity last week whose results were never recorded."""
    cid = community(ws, "数据测试群")
    set_figures(
        ws,
        cid,
        [
            DayFigures(
                W46_MONDAY,
                members=200,
                active_members=84,  # 42%
                joined=12,
                left_members=5,
                messages=800,
                paid_conversions=3,
                revenue=597.0,
            ),
            DayFigures(W47_MONDAY, members=203, active_members=80, joined=4, left_members=1),
            DayFigures(
                W47_MONDAY + timedelta(days=4),
                members=205,
                active_members=78,  # 38%: the last day of the week with both
                joined=5,
                left_members=3,
                messages=650,
                paid_conversions=5,
                revenue=995.0,
            ),
        ],
    )
    item(
        ws,
        cid,
        "上周的分享会",
        at(W47_MONDAY + timedelta(days=1), 20),
        kind="activity",
        item_type="sharing",
        planned_participants=40,
    )
    return cid


def test_last_weeks_figures_each_against_the_week_before(workspace: Workspace) -> None:
    measured_community(workspace)
    community(workspace, "没数据的群", color="#eb5757")
    zh = build_plan(workspace, W48, lang="zh", today=TODAY)
    en = build_plan(workspace, W48, lang="en", today=TODAY)
    assert zh.last_week is not None and en.last_week is not None
    assert zh.last_week.columns == (
        "members",
        "active_members",
        "retention",
        "joined",
        "left_members",
        "net",
        "messages",
        "paid_conversions",
        "revenue",
    )
    assert zh.last_week.column_labels[:3] == ("成员", "活跃", "活跃率")
    # The app's word for active ÷ members, in both languages.
    assert en.last_week.column_labels[:3] == ("Members", "Active", "Active rate")
    assert (zh.last_week.week, zh.last_week.ahead) == (W48.previous(), False)
    assert zh.last_week.title == "上周数据" and en.last_week.title == "Last week's figures"
    assert zh.last_week.note == "2026年第47周 · 2026年11月16日–22日"
    assert en.last_week.note == "Week 47, 2026 · 16–22 November 2026"
    (row,) = zh.last_week.rows
    assert row.community.name == "数据测试群"
    shown = {f.name: (f.text, f.change_text, f.trend) for f in row.figures}
    assert shown == {
        "members": ("205", "+5", "good"),
        "active_members": ("78", "−6", "bad"),
        "retention": ("38%", "−4个百分点", "bad"),
        "joined": ("9", "−3", "bad"),  # 4 + 5 over the week
        "left_members": ("4", "−1", "good"),  # fewer leaving is good news
        "net": ("+5", "", ""),  # no change of a difference
        "messages": ("650", "−150", "bad"),
        "paid_conversions": ("5", "+2", "good"),
        "revenue": ("995", "+398", "good"),
    }
    retention = next(f for f in en.last_week.rows[0].figures if f.name == "retention")
    assert (retention.text, retention.change_text) == ("38%", "−4 pts")
    assert [c.name for c in zh.last_week.unrecorded] == ["没数据的群"]
    html = render_html(zh)
    for text in ("上周数据", "−4个百分点", "+398", "上周没有记录数据：", "没数据的群"):
        assert text in html, text
    html_en = render_html(en)
    assert "Active rate" in html_en and "−4 pts" in html_en
    assert "retention" not in html_en.casefold()
    assert "活跃率" in html and "留存" not in html


def test_a_figure_missing_in_either_week_has_no_change_and_unused_columns_are_dropped(
    workspace: Workspace,
) -> None:
    cid = community(workspace, "只记了成员的群")
    set_figures(
        workspace,
        cid,
        [
            DayFigures(W46_MONDAY, members=50),
            DayFigures(W47_MONDAY, members=52, active_members=20),
        ],
    )
    plan = build_plan(workspace, W48, lang="en", today=TODAY)
    assert plan.last_week is not None
    assert plan.last_week.columns == ("members", "active_members", "retention")
    members, active, retention = plan.last_week.rows[0].figures
    assert (members.text, members.change_text) == ("52", "+2")
    assert (active.text, active.change_text, active.trend) == ("20", "", "")
    assert (retention.text, retention.change_text) == ("38%", "")


def test_figures_only_the_week_before_say_last_week_has_none(workspace: Workspace) -> None:
    cid = community(workspace, "上上周记过的群")
    set_figures(workspace, cid, [DayFigures(W46_MONDAY, members=80)])
    for lang in ("zh", "en"):
        plan = build_plan(workspace, W48, lang=lang, today=TODAY)
        assert plan.last_week is not None and not plan.last_week.rows
        assert [c.name for c in plan.last_week.unrecorded] == ["上上周记过的群"]
        html = render_html(plan)
        assert escape(WORDS[lang]["figures"]) in html
        assert escape(WORDS[lang]["no_figures_all"]) in html
    # A plan made ahead: its "last week" is W47, not over yet; W46 is shown, as such.
    ahead = build_plan(workspace, W48, today=W47_MONDAY + timedelta(days=2))
    assert ahead.last_week is not None and ahead.last_week.week == WeekId(2026, 46)
    assert [row.community.name for row in ahead.last_week.rows] == ["上上周记过的群"]
    # Two weeks ahead, the same week is the last complete one.
    further = build_plan(workspace, W48.next(), today=W47_MONDAY + timedelta(days=2)).last_week
    assert further is not None and further.week == WeekId(2026, 46)
    # Before W46 is over there is nothing complete to show: no section.
    assert build_plan(workspace, W48, today=W46_MONDAY + timedelta(days=6)).last_week is None


def partial_week(ws: Workspace, cid: str) -> None:
    """Monday and Tuesday of W48, not over on TODAY: partial sums far below W47's."""
    set_figures(
        ws,
        cid,
        [
            DayFigures(W48.monday, members=206, active_members=70, joined=1, messages=90),
            DayFigures(
                W48.monday + timedelta(days=1),
                members=206,
                active_members=60,  # 29%
                joined=0,
                left_members=0,
                messages=80,
                paid_conversions=0,
                revenue=0.0,
            ),
        ],
    )


def test_a_plan_made_ahead_shows_the_last_complete_week_as_such(workspace: Workspace) -> None:
    """Planning W49 on the Wednesday of W48: W48's two days are not a week to compare
    with a whole one; the figures are W47's, against W46, and say so."""
    partial_week(workspace, measured_community(workspace))
    normal = build_plan(workspace, W48, lang="zh", today=TODAY)
    for lang in ("zh", "en"):
        plan = build_plan(workspace, W48.next(), lang=lang, today=TODAY)
        assert plan.review_week == W48  # the review of the plan's own last week is as before
        lw = plan.last_week
        assert lw is not None and (lw.week, lw.ahead) == (W48.previous(), True)
        if lang == "zh":
            assert normal.last_week is not None and lw.rows == normal.last_week.rows
        (row,) = lw.rows
        shown = {f.name: (f.text, f.change_text, f.trend) for f in row.figures}
        assert shown["members"][:2] == ("205", "+5") and shown["messages"][0] == "650"
        assert shown["retention"][:2] == ("38%", "−4个百分点" if lang == "zh" else "−4 pts")
        html = render_html(plan)
        assert escape(lw.title) in html and escape(lw.note) in html and escape(lw.hint) in html
        assert escape(WORDS[lang]["figures"]) not in html  # not "last week's"
        assert "<b>29%</b>" not in html and "−480" not in html  # W48's partial rate, messages
    zh = build_plan(workspace, W48.next(), lang="zh", today=TODAY).last_week
    en = build_plan(workspace, W48.next(), lang="en", today=TODAY).last_week
    assert zh is not None and en is not None
    assert (zh.title, zh.note) == ("最近一个完整周的数据", "2026年第47周 · 2026年11月16日–22日")
    assert zh.hint.startswith("本计划的上一周（2026年第48周）还没过完，这里是最近一个完整周的数据")
    assert (en.title, en.note) == (
        "Last complete week's figures",
        "Week 47, 2026 · 16–22 November 2026",
    )
    assert en.hint.startswith("This plan's previous week (Week 48, 2026) is not over yet")


@pytest.mark.parametrize(
    ("week", "today", "shown"),
    [
        (WeekId(2026, 49), date(2026, 11, 29), WeekId(2026, 47)),  # W48's Sunday: not over
        (WeekId(2026, 49), date(2026, 11, 30), WeekId(2026, 48)),  # the plan's Monday
        (WeekId(2026, 50), TODAY, WeekId(2026, 47)),  # two weeks ahead
        (WeekId(2026, 48), TODAY, WeekId(2026, 47)),  # the plan of this week
        (WeekId(2026, 40), TODAY, WeekId(2026, 39)),  # a past week's plan
    ],
)
def test_the_figures_are_of_the_last_week_over_by_today(
    workspace: Workspace, week: WeekId, today: date, shown: WeekId
) -> None:
    cid = community(workspace, "每周都记的群")
    set_figures(
        workspace,
        cid,
        [DayFigures(WeekId(2026, n).monday, members=100 + n) for n in range(38, 50)],
    )
    plan = build_plan(workspace, week, lang="en", today=today)
    assert plan.last_week is not None and plan.last_week.week == shown
    assert plan.last_week.ahead == (shown != week.previous())
    assert plan.last_week.rows[0].figures[0].text == str(100 + shown.week)
    key = "figures_ahead" if plan.last_week.ahead else "figures"
    assert plan.last_week.title == WORDS["en"][key]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("layout", ["list", "grid"])
def test_a_plan_without_figures_or_warnings_has_neither_section(
    workspace: Workspace, lang: Language, layout: Literal["list", "grid"]
) -> None:
    cid = community(workspace, "还没开始量的群")
    item(workspace, cid, "本周的晨报", at(W48.monday + timedelta(days=1), 7))
    # Older figures are not last week's, nor the week before's.
    set_figures(workspace, cid, [DayFigures(W46_MONDAY - timedelta(weeks=3), members=9)])
    plan = build_plan(workspace, W48, lang=lang, today=TODAY)
    assert plan.last_week is None and plan.health == ()
    html = render_html(plan, layout=layout)
    for key in ("figures", "figures_hint", "health", "health_hint", "rule"):
        assert escape(WORDS[lang][key]) not in html, key
    assert "本周的晨报" in html


def test_the_health_warnings_of_the_plans_communities(workspace: Workspace) -> None:
    measured_community(workspace)
    community(workspace, "没数据的群")  # still in Build, no members: nothing to warn of
    zh = build_plan(workspace, W48, lang="zh", today=TODAY)
    en = build_plan(workspace, W48, lang="en", today=TODAY)
    assert zh.health_day == W48.monday and zh.health_day_text == "截至2026年11月23日"
    assert en.health_day_text == "as of 23 November 2026"
    assert [g.rule for g in zh.health] == ["headless_fly", "no_welcome"]
    fly = zh.health[0]
    assert (fly.severity, fly.severity_label, fly.title) == ("warning", "提醒", "活动没有记录结果")
    assert fly.rule_text.startswith("活动日期过后") and "28天" in fly.rule_text
    (warning,) = fly.warnings
    assert warning.community.name == "数据测试群"
    assert warning.detail == "10月26日以来，有1场活动没有记录结果：上周的分享会（11月17日）。"
    welcome = zh.health[1].warnings[0]
    assert welcome.detail.startswith("还没有关联入群欢迎流程，群里已有205名成员；")
    assert "新人 24 小时欢迎" in welcome.detail
    fly_en = en.health[0]
    assert (fly_en.severity_label, fly_en.title) == ("Warning", "Activities without results")
    assert fly_en.warnings[0].detail == (
        "1 activity since 2026-10-26 has no results: 上周的分享会 (11-17)."
    )
    html = render_html(zh)
    for text in ("社群健康提醒", "截至2026年11月23日", "提醒", "活动没有记录结果", "规则："):
        assert text in html, text
    # Before the week itself (here: "nothing planned this week").
    assert html.index("上周数据") < html.index("社群健康提醒") < html.index("本周还没有安排")
    # Only the communities chosen are checked.
    quiet = build_plan(workspace, W48, communities=["没数据的群"], lang="zh", today=TODAY)
    assert quiet.health == () and quiet.last_week is None


def test_health_is_checked_as_of_the_monday_unless_the_week_is_still_to_come(
    workspace: Workspace,
) -> None:
    measured_community(workspace)
    ahead = build_plan(workspace, W48.next(), lang="en", today=TODAY)
    assert ahead.health_day == TODAY  # not a day that has not come
    past = build_plan(workspace, WeekId(2026, 40), lang="en", today=TODAY)
    assert past.health_day == WeekId(2026, 40).monday
    # As of that Monday last week's activity had not happened: nothing to record yet.
    early = build_plan(workspace, W48.previous(), lang="en", today=TODAY)
    assert early.health_day == W47_MONDAY
    assert "headless_fly" not in [g.rule for g in early.health]


@pytest.fixture
def created_long_ago(monkeypatch: pytest.MonkeyPatch) -> None:
    """Records made in the test are stamped 1 September 2026 (the stalled rule
    counts from a community's creation)."""
    stamp = int(datetime(2026, 9, 1, 12).timestamp() * 1000)
    monkeypatch.setattr(planner.workspace, "now_ms", lambda: stamp)


def test_every_health_finding_reads_in_chinese(
    workspace: Workspace, created_long_ago: None
) -> None:
    """Each rule's detail, written from the facts the health check keeps: every
    number, name and date of the English, and no English left."""
    cid, _ = create_community(
        workspace, {"name": "五条都犯的群", "stage": Stage.OUTPUT.value, "member_count": 1}
    )
    for n in range(4):  # more than health lists: "and 1 more"
        item(
            workspace,
            cid,
            f"没结果的活动{n}",
            at(W47_MONDAY + timedelta(days=n), 20),
            kind="activity",
            item_type="member",
        )
    item(workspace, cid, "取消的晨报", at(W48.monday + timedelta(days=2), 7), status="cancelled")
    weeks = [W48.monday - timedelta(weeks=n) for n in range(4, 0, -1)]
    set_figures(
        workspace,
        cid,
        [
            DayFigures(day, members=100, active_members=active, joined=1, left_members=6)
            for day, active in zip(weeks, (50, 45, 40, 35), strict=True)
        ],
    )
    plan = build_plan(workspace, W48, lang="zh", today=TODAY)
    details = {g.rule: g.warnings[0].detail for g in plan.health}
    assert set(details) == set(RULES)
    assert details["headless_fly"] == (
        "10月26日以来，有4场活动没有记录结果：没结果的活动0（11月16日）、"
        "没结果的活动1（11月17日）、没结果的活动2（11月18日），另有1场。"
    )
    assert details["fireman"] == "11月23日至11月29日没有安排任何内容（1项已取消）。"
    assert details["decline"] == (
        "10月26日至11月22日，退群24人，新增4人。"
        "活跃率连续3周下降：50%（第44周）→ 45%（第45周）→ 40%（第46周）→ 35%（第47周）。"
    )
    assert details["stalled_checklist"].startswith(
        "社群9月1日建立以来，还没有勾掉任何事项；“做输出”阶段还有"
    )
    assert details["no_welcome"] == (
        "还没有关联入群欢迎流程，群里已有100名成员；可以关联内置的（如“新人 24 小时欢迎”），"
        "或工作区自己的。"
    )
    names = [i.title for i in checklist(workspace, cid)]
    for rule, detail in details.items():
        text = detail
        for name in names:
            text = text.replace(name, "")
        assert not re.search(r"[A-Za-z]", text), (rule, detail)
    for group in plan.health:
        assert not re.search(r"[A-Za-z]", group.title + group.rule_text), group.rule


def issue_of(rule: Rule, facts: Facts) -> HealthIssue:
    """An issue as the health check makes it, but for its English detail, which the
    Chinese plan must not read."""
    return HealthIssue(
        rule=rule,
        community_id="c",
        severity="warning",
        title="t",
        rule_text="r",
        detail="Not read for the Chinese plan.",
        fix=Fix("calendar_new", "c"),
        facts=facts,
    )


@pytest.mark.parametrize(
    ("rule", "facts", "chinese"),
    [
        (
            "headless_fly",
            Facts(
                count=2,
                since=date(2026, 10, 26),
                activities=(("会员沙龙", date(2026, 11, 12)), ("Live Q&A", date(2026, 11, 19))),
                more=0,
            ),
            "10月26日以来，有2场活动没有记录结果：会员沙龙（11月12日）、Live Q&A（11月19日）。",
        ),
        (  # a window reaching into last year writes that year
            "headless_fly",
            Facts(
                count=4,
                since=date(2025, 12, 8),
                activities=(("跨年夜", date(2025, 12, 31)),),
                more=3,
            ),
            "2025年12月8日以来，有4场活动没有记录结果：跨年夜（2025年12月31日），另有3场。",
        ),
        (
            "fireman",
            Facts(first=date(2026, 12, 28), last=date(2027, 1, 3), cancelled=0),
            "12月28日至2027年1月3日没有安排任何内容。",
        ),
        (
            "fireman",
            Facts(first=date(2026, 11, 23), last=date(2026, 11, 29), cancelled=2),
            "11月23日至11月29日没有安排任何内容（2项已取消）。",
        ),
        (
            "decline",
            Facts(left=30, joined=18, first=date(2026, 10, 19), last=date(2026, 11, 15)),
            "10月19日至11月15日，退群30人，新增18人。",
        ),
        (
            "decline",
            Facts(
                weeks=3,
                rates=tuple(
                    (WeekId(2026, week), rate)
                    for week, rate in zip(range(44, 48), (0.46, 0.41, 0.37, 0.32), strict=True)
                ),
            ),
            "活跃率连续3周下降：46%（第44周）→ 41%（第45周）→ 37%（第46周）→ 32%（第47周）。",
        ),
        (  # falls within one rounded percent show with a decimal, as in English
            "decline",
            Facts(
                weeks=3,
                rates=tuple(
                    (WeekId(2026, week), rate)
                    for week, rate in zip(range(44, 48), (0.443, 0.438, 0.435, 0.42), strict=True)
                ),
            ),
            "活跃率连续3周下降："
            "44.3%（第44周）→ 43.8%（第45周）→ 43.5%（第46周）→ 42.0%（第47周）。",
        ),
        (
            "stalled_checklist",
            Facts(
                idle_days=45,
                last_tick=date(2026, 10, 9),
                stage=Stage.STRUCTURE,
                count=2,
                open=("写群规", "定入群门槛"),
                more=0,
            ),
            "已经45天没有勾掉任何事项（上次在10月9日）；“搭架构”阶段还有2项没完成：写群规、定入群门槛。",
        ),
        (
            "stalled_checklist",
            Facts(
                created=date(2026, 9, 1),
                stage=Stage.BUILD,
                count=7,
                open=("一", "二", "三"),
                more=4,
            ),
            "社群9月1日建立以来，还没有勾掉任何事项；“建群”阶段还有7项没完成：一、二、三，另有4项。",
        ),
        (
            "no_welcome",
            Facts(members=0, example="first_24_hours"),
            "还没有关联入群欢迎流程；可以关联内置的（如“新人 24 小时欢迎”），或工作区自己的。",
        ),
        (
            "no_welcome",
            Facts(members=1, example="first_24_hours"),
            "还没有关联入群欢迎流程，群里已有1名成员；可以关联内置的（如“新人 24 小时欢迎”），"
            "或工作区自己的。",
        ),
    ],
)
def test_the_chinese_details_are_written_from_the_facts(
    rule: Rule, facts: Facts, chinese: str
) -> None:
    issue = issue_of(rule, facts)
    assert detail_text(issue, "zh", TODAY) == chinese
    # The English is the health check's own sentence, whatever it says.
    assert detail_text(issue, "en", TODAY) == "Not read for the Chinese plan."
    assert detail_text(replace(issue, detail=describe(rule, facts)), "en", TODAY) == describe(
        rule, facts
    )


def test_an_issue_without_facts_keeps_its_english_detail() -> None:
    issue = replace(issue_of("fireman", Facts()), detail="Something new that health says.")
    assert detail_text(issue, "zh", TODAY) == "Something new that health says."
    assert detail_text(issue, "en", TODAY) == "Something new that health says."


def test_the_health_words_cover_every_rule_in_chinese() -> None:
    """The plan's titles and rules are the app's (one translation), all in Chinese."""
    titles = {rule: say(TITLE[rule], "zh") for rule in RULES}
    rules = {rule: say(RULE_TEXT[rule], "zh") for rule in RULES}
    assert FIGURE_NAMES["zh"].keys() == FIGURE_NAMES["en"].keys()
    for words in (titles, rules, FIGURE_NAMES["zh"]):
        assert not any(re.search(r"[A-Za-z]", text) for text in words.values())
    assert rules["fireman"] != str(RULE_TEXT["fireman"])
