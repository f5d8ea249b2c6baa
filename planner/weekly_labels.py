"""The words and date formats of the weekly plan, in Chinese and English.

The enum words (item types, statuses, stages, metrics) come from
:data:`planner.template_context.LABELS`, shared with the posters; this
module holds the document's own words (:data:`WORDS`), written as an
operator says them, and how the plan writes its dates and figures.

The words are marked for translation: the Chinese comes from the same
catalogue as the app's (planner/assets/translations), so the PDF, the CLI's
``--lang zh`` and the app say things the same way; the health checks' titles
and rules too (:mod:`planner.health_rules`).
"""

from __future__ import annotations

from datetime import date

from planner.checklist_library import Language
from planner.i18n import QT_TRANSLATE_NOOP, Text, in_languages

# The document's words, marked for translation (the Chinese is in the catalogue,
# planner/assets/translations). Placeholders in braces are filled in by the plan
# ({week}, {year}, {date}) or by the PDF writer ({page}, {pages}).
_WORDS_EN: dict[str, Text] = {
    "title": QT_TRANSLATE_NOOP("WeeklyPlan", "Weekly plan"),
    "week": QT_TRANSLATE_NOOP("WeeklyPlan", "Week {week}, {year}"),
    "workspace": QT_TRANSLATE_NOOP("WeeklyPlan", "Workspace: {name}"),
    "communities": QT_TRANSLATE_NOOP("WeeklyPlan", "Communities"),
    "schedule": QT_TRANSLATE_NOOP("WeeklyPlan", "Content and activities"),
    "date": QT_TRANSLATE_NOOP("WeeklyPlan", "Date"),
    "time": QT_TRANSLATE_NOOP("WeeklyPlan", "Time"),
    "community": QT_TRANSLATE_NOOP("WeeklyPlan", "Community"),
    "type": QT_TRANSLATE_NOOP("WeeklyPlan", "Type"),
    "item": QT_TRANSLATE_NOOP("WeeklyPlan", "Content / activity"),
    "owner": QT_TRANSLATE_NOOP("WeeklyPlan", "Owner"),
    "status": QT_TRANSLATE_NOOP("WeeklyPlan", "Status"),
    "today": QT_TRANSLATE_NOOP("WeeklyPlan", "Today"),
    "nothing_today": QT_TRANSLATE_NOOP("WeeklyPlan", "Nothing planned"),
    "all_day": QT_TRANSLATE_NOOP("WeeklyPlan", "All day"),
    "continued": QT_TRANSLATE_NOOP("WeeklyPlan", "cont."),
    "from": QT_TRANSLATE_NOOP("WeeklyPlan", "from {date}"),
    "until": QT_TRANSLATE_NOOP("WeeklyPlan", "until {date}"),
    "goals": QT_TRANSLATE_NOOP("WeeklyPlan", "This week's goals"),
    "goals_hint": QT_TRANSLATE_NOOP(
        "WeeklyPlan",
        "The goals set for this week's activities, by community; only the "
        "figures filled in are listed.",
    ),
    "no_goals": QT_TRANSLATE_NOOP("WeeklyPlan", "No goal set yet"),
    "total": QT_TRANSLATE_NOOP("WeeklyPlan", "Total"),
    "due": QT_TRANSLATE_NOOP("WeeklyPlan", "Checklist items due this week"),
    "due_on": QT_TRANSLATE_NOOP("WeeklyPlan", "Due"),
    "task": QT_TRANSLATE_NOOP("WeeklyPlan", "Checklist item"),
    "stage": QT_TRANSLATE_NOOP("WeeklyPlan", "Stage"),
    "assignee": QT_TRANSLATE_NOOP("WeeklyPlan", "Assignee"),
    "done": QT_TRANSLATE_NOOP("WeeklyPlan", "Done"),
    "open": QT_TRANSLATE_NOOP("WeeklyPlan", "Open"),
    "overdue": QT_TRANSLATE_NOOP("WeeklyPlan", "Overdue"),
    "review": QT_TRANSLATE_NOOP("WeeklyPlan", "Last week in review"),
    "metric": QT_TRANSLATE_NOOP("WeeklyPlan", "Metric"),
    "planned": QT_TRANSLATE_NOOP("WeeklyPlan", "Planned"),
    "actual": QT_TRANSLATE_NOOP("WeeklyPlan", "Actual"),
    "rate": QT_TRANSLATE_NOOP("WeeklyPlan", "Achieved"),
    "no_review": QT_TRANSLATE_NOOP("WeeklyPlan", "No activities and no goals last week."),
    "missing": QT_TRANSLATE_NOOP("WeeklyPlan", "Activities with no results recorded"),
    "missing_hint": QT_TRANSLATE_NOOP(
        "WeeklyPlan",
        "Record what happened: without the figures there is nothing to review "
        "and nothing to improve next time.",
    ),
    "no_missing": QT_TRANSLATE_NOOP(
        "WeeklyPlan", "Every activity of last week has its results recorded."
    ),
    "empty": QT_TRANSLATE_NOOP("WeeklyPlan", "Nothing planned this week"),
    "empty_hint": QT_TRANSLATE_NOOP(
        "WeeklyPlan",
        "Plan content and activities for your communities in the calendar, then"
        " export the plan again.",
    ),
    "page": QT_TRANSLATE_NOOP("WeeklyPlan", "Page {page} of {pages}"),
    "made_on": QT_TRANSLATE_NOOP("WeeklyPlan", "Made on {date}"),
    "figures": QT_TRANSLATE_NOOP("WeeklyPlan", "Last week's figures"),
    "figures_hint": QT_TRANSLATE_NOOP(
        "WeeklyPlan",
        "Members, active and active rate (active members ÷ members) as last "
        "recorded in the week, the others summed over it; in small type, the "
        "change against the week before.",
    ),
    "no_figures": QT_TRANSLATE_NOOP("WeeklyPlan", "No figures recorded last week: "),
    "no_figures_all": QT_TRANSLATE_NOOP(
        "WeeklyPlan", "No figures were recorded for any community last week."
    ),
    "figures_ahead": QT_TRANSLATE_NOOP("WeeklyPlan", "Last complete week's figures"),
    "figures_ahead_hint": QT_TRANSLATE_NOOP(
        "WeeklyPlan",
        "This plan's previous week ({week}) is not over yet, so these are the "
        "last complete week's: members, active and active rate (active members "
        "÷ members) as last recorded in the week, the others summed over it; in"
        " small type, the change against the week before.",
    ),
    "no_figures_ahead": QT_TRANSLATE_NOOP("WeeklyPlan", "No figures recorded that week: "),
    "no_figures_all_ahead": QT_TRANSLATE_NOOP(
        "WeeklyPlan", "No figures were recorded for any community that week."
    ),
    "health": QT_TRANSLATE_NOOP("WeeklyPlan", "Health warnings"),
    "health_note": QT_TRANSLATE_NOOP("WeeklyPlan", "as of {date}"),
    "health_hint": QT_TRANSLATE_NOOP(
        "WeeklyPlan", "Act on alerts this week; fix warnings while planning."
    ),
    "rule": QT_TRANSLATE_NOOP("WeeklyPlan", "Rule: "),
    "points": QT_TRANSLATE_NOOP("WeeklyPlan", "{sign}{points} pts"),
}
WORDS = in_languages(_WORDS_EN)


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
_FIGURE_NAMES_EN: dict[str, Text] = {
    "members": QT_TRANSLATE_NOOP("WeeklyFigures", "Members"),
    "active_members": QT_TRANSLATE_NOOP("WeeklyFigures", "Active"),
    "retention": QT_TRANSLATE_NOOP("WeeklyFigures", "Active rate"),
    "joined": QT_TRANSLATE_NOOP("WeeklyFigures", "Joined"),
    "left_members": QT_TRANSLATE_NOOP("WeeklyFigures", "Left"),
    "net": QT_TRANSLATE_NOOP("WeeklyFigures", "Net"),
    "messages": QT_TRANSLATE_NOOP("WeeklyFigures", "Messages"),
    "paid_conversions": QT_TRANSLATE_NOOP("WeeklyFigures", "Paid"),
    "revenue": QT_TRANSLATE_NOOP("WeeklyFigures", "Revenue"),
}
FIGURE_NAMES = in_languages(_FIGURE_NAMES_EN)


_SEVERITY_NAMES_EN: dict[str, Text] = {
    "alert": QT_TRANSLATE_NOOP("Severity", "Alert"),
    "warning": QT_TRANSLATE_NOOP("Severity", "Warning"),
}
SEVERITY_NAMES = in_languages(_SEVERITY_NAMES_EN)


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
