"""The core's messages about figures, fission plans and health are translatable.

Each message below is made by the real code (a CSV import, a fission form, a
health check): it is a :class:`~planner.i18n.Text` whose English is what the
CLI has always printed, and which the catalogue (``planner_zh_CN.ts``, the
one the app and ``say`` read) turns into Chinese with every value filled in,
the parts of a message (a figure's name, a row's problem) translated too.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from planner.calendar import create_item
from planner.communities import create_community
from planner.errors import ValidationError
from planner.fission import Scenario, project
from planner.health import Facts, check_community
from planner.health_rules import describe
from planner.i18n import Text, say
from planner.iso_week import WeekId
from planner.metrics import DayFigures, set_figures
from planner.metrics_csv import CsvError, guess_mapping, import_figures, parse_rows, read_table
from planner.template_library import WELCOME_NAMES, builtin_template
from planner.workspace import Workspace

CSV = (
    "日期,成员数,活跃成员\n"
    "2026-11-23,120,30\n"
    "2026-11-24,12a,30\n"
    "2026-11-25,100,130\n"
    "2026-11-25,100,20\n"
).encode()


def test_a_csv_row_problem_is_text_in_english_and_in_chinese() -> None:
    table = read_table(CSV)
    parsed = parse_rows(table, guess_mapping(table.headers))
    bad_cell, too_active, again = parsed.errors

    assert isinstance(bad_cell.message, Text)
    assert bad_cell.message == "“12a” in 成员数 is not a whole number."
    assert str(bad_cell) == "line 3: “12a” in 成员数 is not a whole number."
    assert say(bad_cell.message, "zh") == "成员数中的“12a”不是整数。"
    assert say(str(bad_cell), "zh") == "第3行：成员数中的“12a”不是整数。"

    # A problem of the figures themselves, named by the file's column.
    assert too_active.message == "活跃成员: More active members than members."
    assert say(too_active.message, "zh") == "活跃成员：活跃成员比成员数还多。"

    assert again.message == "2026-11-25 is already on line 4."
    assert say(again.message, "zh") == "2026-11-25已经出现在第4行。"

    assert parsed.summary == "1 row ready to import; 3 rows have problems."
    assert say(parsed.summary, "zh") == "1行可以导入；3行有问题。"


def test_a_refused_import_says_why_in_chinese(workspace: Workspace) -> None:
    table = read_table(CSV, source="figures.csv")
    parsed = parse_rows(table, guess_mapping(table.headers))
    cid, _ = create_community(workspace, {"name": "读书会"})
    with pytest.raises(CsvError) as caught:
        import_figures(workspace, cid, parsed, accept_partial=False)
    message = caught.value.message
    assert isinstance(message, Text)
    assert str(caught.value) == (
        "3 rows of the file have problems (line 3: “12a” in 成员数 is not a whole number.); "
        "nothing was imported. Fix them, or import the other rows only."
    )
    assert say(message, "zh") == (
        "文件中有3行有问题（第3行：成员数中的“12a”不是整数。），所以什么都没有导入。"
        "请修正这些行，或者只导入其他行。"
    )

    with pytest.raises(CsvError) as empty:
        read_table(b" \n", source="figures.csv")
    assert str(empty.value) == "figures.csv: the file is empty."
    assert say(empty.value.message, "zh") == "figures.csv：文件是空的。"


def test_a_figure_refused_in_the_table_names_the_day_and_the_figure(
    workspace: Workspace,
) -> None:
    cid, _ = create_community(workspace, {"name": "读书会"})
    with pytest.raises(ValidationError) as caught:
        set_figures(workspace, cid, [DayFigures(date(2026, 11, 23), joined=-2)])
    message = caught.value.fields["joined"]
    assert message == "2026-11-23, Joined: Cannot be negative."
    assert say(message, "zh") == "2026-11-23，新增：不能为负数。"


def test_a_fission_validation_error_is_text_in_english_and_in_chinese() -> None:
    scenario = Scenario(
        seed_members=-5, share_rate=1.5, invites_per_share=20, conversion_rate=0.1, waves=40
    )
    with pytest.raises(ValidationError) as caught:
        project(scenario)
    fields = caught.value.fields
    assert list(fields) == ["seed_members", "share_rate", "waves"]
    assert all(isinstance(m, Text) for m in fields.values())
    assert fields["seed_members"] == "Seed members cannot be negative."
    assert fields["share_rate"] == "Share rate: between 0% and 100%."
    assert fields["waves"] == "Waves: between 1 and 30."
    assert str(caught.value) == "Seed members cannot be negative."
    assert say(fields["seed_members"], "zh") == "种子用户不能为负数。"
    assert say(fields["share_rate"], "zh") == "分享率：须在0%到100%之间。"
    assert say(fields["waves"], "zh") == "轮数：须在1到30之间。"

    # A form that names a field its own way (already translated) keeps that name.
    shown = scenario.problems({"seed_members": "种子成员"})
    assert say(shown["seed_members"], "zh") == "种子成员不能为负数。"
    big = Scenario(
        seed_members=20_000_000, share_rate=0.5, invites_per_share=2, conversion_rate=0.5, waves=3
    ).problems()
    assert big["seed_members"] == "Seed members: at most 10,000,000."
    assert say(big["seed_members"], "zh") == "种子用户：最多10,000,000。"


def test_a_health_issue_found_by_the_check_reads_in_chinese(workspace: Workspace) -> None:
    cid, _ = create_community(workspace, {"name": "读书会", "stage": "operate"})
    today = date.today() + timedelta(days=60)  # the community is two months old by then
    held = today - timedelta(days=3)
    create_item(
        workspace,
        {
            "community_id": cid,
            "kind": "activity",
            "item_type": "member",
            "title": "会员沙龙",
            "start": datetime.combine(held, time(20)),
            "end": datetime.combine(held, time(21)),
        },
    )
    issues = {issue.rule: issue for issue in check_community(workspace, cid, today)}
    assert {"headless_fly", "fireman", "stalled_checklist", "no_welcome"} <= set(issues)

    fly = issues["headless_fly"]
    since = today - timedelta(days=28)
    assert all(isinstance(t, Text) for t in (fly.title, fly.rule_text, fly.detail))
    assert fly.detail == (f"1 activity since {since} has no results: 会员沙龙 ({held:%m-%d}).")
    assert fly.facts["count"] == 1  # the PDF's Chinese is still written from the facts
    assert say(fly.title, "zh") == "活动没有记录结果"
    assert (
        say(fly.detail, "zh") == f"{since}以来，有1场活动没有记录结果：会员沙龙（{held:%m-%d}）。"
    )
    assert "检查最近28天的活动" in say(fly.rule_text, "zh")

    fireman = issues["fireman"]
    last = today + timedelta(days=6)
    assert fireman.detail == f"No content starts from {today:%m-%d} to {last:%m-%d}."
    assert say(fireman.detail, "zh") == f"{today:%m-%d}至{last:%m-%d}没有安排任何内容。"

    stalled = say(issues["stalled_checklist"].detail, "zh")
    assert stalled.startswith("社群") and "还没有勾掉任何事项；“做运营”阶段还有" in stalled
    assert str(issues["stalled_checklist"].detail).count("Operate") == 1

    welcome = issues["no_welcome"]
    assert welcome.detail == (
        "No welcome sequence is linked; link a built-in one (such as “First 24 hours "
        "welcome”) or one of the workspace's own."
    )
    assert say(welcome.detail, "zh") == (
        "还没有关联入群欢迎流程；可以关联内置的（如“新人 24 小时欢迎”），或工作区自己的。"
    )


def test_a_falling_active_rate_names_its_weeks_in_either_language() -> None:
    weeks = tuple(WeekId(2026, n) for n in (6, 7, 8, 9))
    facts = Facts(
        left=30,
        joined=18,
        first=date(2026, 1, 26),
        last=date(2026, 2, 22),
        weeks=3,
        rates=tuple(zip(weeks, (0.5, 0.46, 0.44, 0.4), strict=True)),
    )
    detail = describe("decline", facts)
    assert detail == (
        "30 members left and 18 joined from 2026-01-26 to 2026-02-22. The active rate fell "
        "3 weeks in a row: 50% (W06) → 46% (W07) → 44% (W08) → 40% (W09)."
    )
    assert say(detail, "zh") == (
        "2026-01-26至2026-02-22，退群30人，新增18人。活跃率连续3周下降："
        "50%（第6周） → 46%（第7周） → 44%（第8周） → 40%（第9周）。"
    )


def test_the_built_in_welcome_names_match_their_templates() -> None:
    for stem, name in WELCOME_NAMES.items():
        assert name == builtin_template(stem, "en").name
        assert say(name, "zh") == builtin_template(stem, "zh").name


def test_a_long_list_says_how_many_more_in_the_words_of_what_it_lists() -> None:
    shown = tuple((f"直播课 {n}", date(2026, 11, n)) for n in (2, 3, 4))
    detail = describe(
        "headless_fly", Facts(count=5, since=date(2026, 10, 21), activities=shown, more=2)
    )
    assert detail == (
        "5 activities since 2026-10-21 have no results: "
        "直播课 2 (11-02), 直播课 3 (11-03), 直播课 4 (11-04) and 2 more."
    )
    assert say(detail, "zh") == (
        "2026-10-21以来，有5场活动没有记录结果："
        "直播课 2（11-02）、直播课 3（11-03）、直播课 4（11-04），另有2场。"
    )
