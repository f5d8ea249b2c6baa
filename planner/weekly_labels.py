"""The words and date formats of the weekly plan, in Chinese and English.

The enum words (item types, statuses, stages, metrics) come from
:data:`planner.template_context.LABELS`, shared with the posters; this
module holds the document's own words (:data:`WORDS`), written as an
operator says them, and how the plan writes its dates and figures.

The health checks (:mod:`planner.health`) write their titles and rules in
English; the Chinese ones are here, by rule id (:data:`HEALTH_TITLES_ZH`,
:data:`HEALTH_RULES_ZH`), with the thresholds taken from the health module so
that the two never state different rules.
"""

from __future__ import annotations

from datetime import date

from planner.checklist_library import Language
from planner.health_rules import (
    DECLINE_MIN_NET_LOSS,
    DECLINE_MIN_NET_SHARE,
    DECLINE_WEEKS,
    FALLING_MIN_DROP,
    FALLING_WEEKS,
    FIREMAN_DAYS,
    HEADLESS_FLY_DAYS,
    STALL_DAYS,
    Rule,
    Severity,
)

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
        "figures": "上周数据",
        "figures_hint": "成员、活跃、活跃率取上周最后一次记录（活跃率 = 活跃成员 ÷ 成员），"
        "其余为上周合计；小字是与前一周相比的变化。",
        "no_figures": "上周没有记录数据：",
        "no_figures_all": "上周没有记录任何社群的数据。",
        "figures_ahead": "最近一个完整周的数据",
        "figures_ahead_hint": "本计划的上一周（{week}）还没过完，这里是最近一个完整周的数据："
        "成员、活跃、活跃率取该周最后一次记录（活跃率 = 活跃成员 ÷ 成员），"
        "其余为该周合计；小字是与前一周相比的变化。",
        "no_figures_ahead": "这一周没有记录数据：",
        "no_figures_all_ahead": "这一周没有记录任何社群的数据。",
        "health": "社群健康提醒",
        "health_note": "截至{date}",
        "health_hint": "警报请本周处理；提醒在排计划时顺手补上。",
        "rule": "规则：",
        "points": "{sign}{points}个百分点",
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
        "figures": "Last week's figures",
        "figures_hint": "Members, active and active rate (active members ÷ members) as last "
        "recorded in the week, the others summed over it; in small type, the change against "
        "the week before.",
        "no_figures": "No figures recorded last week: ",
        "no_figures_all": "No figures were recorded for any community last week.",
        "figures_ahead": "Last complete week's figures",
        "figures_ahead_hint": "This plan's previous week ({week}) is not over yet, so these "
        "are the last complete week's: members, active and active rate (active members ÷ "
        "members) as last recorded in the week, the others summed over it; in small type, "
        "the change against the week before.",
        "no_figures_ahead": "No figures recorded that week: ",
        "no_figures_all_ahead": "No figures were recorded for any community that week.",
        "health": "Health warnings",
        "health_note": "as of {date}",
        "health_hint": "Act on alerts this week; fix warnings while planning.",
        "rule": "Rule: ",
        "points": "{sign}{points} pts",
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


# Last week's figures, in the order the plan shows them (see planner.weekly_health).
FIGURE_NAMES: dict[Language, dict[str, str]] = {
    "zh": {
        "members": "成员",
        "active_members": "活跃",
        "retention": "活跃率",
        "joined": "新增",
        "left_members": "退群",
        "net": "净增",
        "messages": "消息",
        "paid_conversions": "付费转化",
        "revenue": "收入",
    },
    "en": {
        "members": "Members",
        "active_members": "Active",
        "retention": "Active rate",
        "joined": "Joined",
        "left_members": "Left",
        "net": "Net",
        "messages": "Messages",
        "paid_conversions": "Paid",
        "revenue": "Revenue",
    },
}

SEVERITY_NAMES: dict[Language, dict[Severity, str]] = {
    "zh": {"alert": "警报", "warning": "提醒"},
    "en": {"alert": "Alert", "warning": "Warning"},
}

HEALTH_TITLES_ZH: dict[Rule, str] = {
    "headless_fly": "活动没有记录结果",
    "fireman": "未来一周没有安排内容",
    "decline": "社群在衰退",
    "stalled_checklist": "阶段清单停滞了",
    "no_welcome": "没有新人欢迎话术",
}

HEALTH_RULES_ZH: dict[Rule, str] = {
    "headless_fly": (
        "活动日期过后，要记录它的结果（参与人数、新增成员、分享数、转化数、收入或成本）；"
        f"检查最近{HEADLESS_FLY_DAYS}天的活动。"
    ),
    "fireman": f"未来{FIREMAN_DAYS}天里至少安排一条内容，让群里一直有值得看的东西。",
    "decline": (
        f"最近{DECLINE_WEEKS}个完整周里退群的人比新增的多（净减少至少{DECLINE_MIN_NET_LOSS}人，"
        f"且不少于全群的{DECLINE_MIN_NET_SHARE:.0%}），或活跃率（活跃成员 ÷ 成员）"
        f"连续{FALLING_WEEKS}周下降（累计至少{FALLING_MIN_DROP * 100:.0f}个百分点），"
        "就是在衰退。"
    ),
    "stalled_checklist": f"当前阶段还有未完成的事项时，每{STALL_DAYS}天至少勾掉一项。",
    "no_welcome": "每个社群都要有迎新话术：新人头24小时的感受，就是他30天后的感受。",
}


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


def change_text(delta: float, money: bool = False) -> str:
    """A change against the week before: "+7", "−3", "±0", "+1,194.50".

    The minus is U+2212, as wide as the plus, so the figures line up.
    """
    if delta == 0:
        return "±0"
    sign = "+" if delta > 0 else "\u2212"
    return sign + figure_text(abs(delta), money)


def points_text(delta: int, lang: Language) -> str:
    """A change of a rate, in percentage points: "−4个百分点" / "−4 pts"."""
    sign = "±" if delta == 0 else ("+" if delta > 0 else "\u2212")
    return WORDS[lang]["points"].format(sign=sign, points=abs(delta))
