"""The words and date formats of the weekly plan, in Chinese and English.

The enum words (item types, statuses, stages, metrics) come from
:data:`planner.template_context.LABELS`, shared with the posters; this
module holds the document's own words (:data:`WORDS`), written as an
operator says them, and how the plan writes its dates and figures.
"""

from __future__ import annotations

from datetime import date

from planner.checklist_library import Language

# The document's words. Placeholders in braces are filled in by the plan
# ({week}, {year}, {date}) or by the PDF writer ({page}, {pages}).
WORDS: dict[Language, dict[str, str]] = {
    "zh": {
        "title": "周计划",
        "week": "{year}年第{week}周",
        "workspace": "工作区：{name}",
        "communities": "社群",
        "schedule": "本周内容与活动",
        "date": "日期",
        "time": "时间",
        "community": "社群",
        "type": "类型",
        "item": "内容 / 活动",
        "owner": "负责人",
        "status": "状态",
        "today": "今天",
        "nothing_today": "这天没有安排",
        "all_day": "全天",
        "continued": "续",
        "from": "{date}起",
        "until": "至{date}",
        "goals": "本周目标",
        "goals_hint": "本周各社群活动定下的目标，只列出已填写的指标。",
        "no_goals": "还没定目标",
        "total": "合计",
        "due": "本周到期的清单事项",
        "due_on": "到期",
        "task": "清单事项",
        "stage": "阶段",
        "assignee": "负责人",
        "done": "已完成",
        "open": "未完成",
        "overdue": "已逾期",
        "review": "上周复盘",
        "metric": "指标",
        "planned": "目标",
        "actual": "结果",
        "rate": "达成",
        "no_review": "上周没有活动，也没有定目标。",
        "missing": "还没记录结果的活动",
        "missing_hint": "补上实际数据，复盘才有依据，下次活动才能改进。",
        "no_missing": "上周的活动都记录了结果。",
        "empty": "本周还没有安排",
        "empty_hint": "在日历里为社群安排晨报、分享、活动，再导出周计划。",
        "page": "第 {page} 页，共 {pages} 页",
        "made_on": "生成于{date}",
    },
    "en": {
        "title": "Weekly plan",
        "week": "Week {week}, {year}",
        "workspace": "Workspace: {name}",
        "communities": "Communities",
        "schedule": "Content and activities",
        "date": "Date",
        "time": "Time",
        "community": "Community",
        "type": "Type",
        "item": "Content / activity",
        "owner": "Owner",
        "status": "Status",
        "today": "Today",
        "nothing_today": "Nothing planned",
        "all_day": "All day",
        "continued": "cont.",
        "from": "from {date}",
        "until": "until {date}",
        "goals": "This week's goals",
        "goals_hint": "The goals set for this week's activities, by community; "
        "only the figures filled in are listed.",
        "no_goals": "No goal set yet",
        "total": "Total",
        "due": "Checklist items due this week",
        "due_on": "Due",
        "task": "Checklist item",
        "stage": "Stage",
        "assignee": "Assignee",
        "done": "Done",
        "open": "Open",
        "overdue": "Overdue",
        "review": "Last week in review",
        "metric": "Metric",
        "planned": "Planned",
        "actual": "Actual",
        "rate": "Achieved",
        "no_review": "No activities and no goals last week.",
        "missing": "Activities with no results recorded",
        "missing_hint": "Record what happened: without the figures there is nothing "
        "to review and nothing to improve next time.",
        "no_missing": "Every activity of last week has its results recorded.",
        "empty": "Nothing planned this week",
        "empty_hint": "Plan content and activities for your communities in the calendar, "
        "then export the plan again.",
        "page": "Page {page} of {pages}",
        "made_on": "Made on {date}",
    },
}

WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
SHORT_WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date, lang: Language) -> str:
    """ "2026年11月23日" / "23 November 2026"."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def day_month(day: date, lang: Language) -> str:
    """ "11月23日" / "23 November"."""
    if lang == "zh":
        return f"{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]}"


def short_date(day: date, lang: Language) -> str:
    """ "11月23日" / "23 Nov": in tables, where room is short."""
    if lang == "zh":
        return f"{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1][:3]}"


def date_range(first: date, last: date, lang: Language) -> str:
    """A week's dates, written once each: "2026年11月23日–29日" / "23–29 November 2026".

    Across two months "2026年11月30日–12月6日" / "30 November – 6 December 2026",
    across two years both years are written.
    """
    if lang == "zh":
        if first.year != last.year:
            return f"{long_date(first, lang)}–{long_date(last, lang)}"
        if first.month != last.month:
            return f"{long_date(first, lang)}–{last.month}月{last.day}日"
        return f"{long_date(first, lang)}–{last.day}日"
    if first.year != last.year:
        return f"{long_date(first, lang)} – {long_date(last, lang)}"
    if first.month != last.month:
        return f"{day_month(first, lang)} – {long_date(last, lang)}"
    return f"{first.day}–{long_date(last, lang)}"


def week_text(year: int, week: int, lang: Language) -> str:
    """ "2026年第48周" / "Week 48, 2026"."""
    return WORDS[lang]["week"].format(year=year, week=week)


def figure_text(value: float | None, money: bool) -> str:
    """A goal or result as printed: "1,200", "21,900", "1,234.50"; "" when not set."""
    if value is None:
        return ""
    if money and value != int(value):
        return f"{value:,.2f}"
    return f"{int(value):,}"
