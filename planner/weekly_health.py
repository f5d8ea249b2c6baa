"""Last week's figures and the health warnings, at the head of the weekly plan.

An operator planning a week first wants to know how each group did and what
is going wrong; the plan answers before it lists the week's schedule:

- :func:`last_week`: for each community of the plan, the ISO week before the
  plan's week (or, for a plan made ahead, the last week over by today: see
  :func:`figures_week`) as :func:`planner.metrics.by_week` folds it (members,
  active members and the active rate, ``retention``, as last recorded in the
  week; joined, left, messages, paid conversions and revenue summed; net =
  joined − left), each
  with its change against the week before. Net has no change: the change of
  a difference of two noisy counts reads as noise. Only the figures some
  community has get a column; a community with no figures that week is named
  in one line rather than given a row of dashes. When no community of the
  plan has figures in either of the two weeks, there is no section at all:
  the plan of a group nobody measures looks as it always did.
- :func:`health_groups`: :func:`planner.health.check_all` as of
  :func:`health_day`, grouped by rule (alerts first, in the health module's
  order), so a rule that fires for many communities (fifty groups without a
  welcome sequence) states its rule once and lists one line per community.
- In Chinese, the titles and rules come from :mod:`planner.weekly_labels` by
  rule id, and :func:`detail_text` writes each finding from the facts the
  health check keeps with it (:attr:`planner.health.HealthIssue.facts`: the
  numbers, names and dates of its English detail), never from the English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from planner.checklist_library import Language
from planner.health import RULE_TEXT, RULES, SEVERITY, TITLE, HealthIssue, Rule, check_all
from planner.health_rules import activities, fact, open_items, rate_texts, rates
from planner.i18n import say
from planner.iso_week import WeekId, week_of
from planner.metrics import WeekFigures, by_week, figures_between
from planner.template_context import label
from planner.template_library import builtin_template
from planner.weekly_goals import CommunityMark
from planner.weekly_labels import (
    FIGURE_NAMES,
    SEVERITY_NAMES,
    WORDS,
    change_text,
    date_range,
    day_month,
    figure_text,
    long_date,
    points_text,
    week_text,
)
from planner.workspace import Workspace

# The figures of a week, in the order the plan shows them.
FIGURE_ORDER = (
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
# More of these is bad news; more of any other figure is good news.
WORSE_WHEN_UP = frozenset({"left_members"})
NO_CHANGE = frozenset({"net"})
MONEY = frozenset({"revenue"})

Trend = Literal["good", "bad", "flat", ""]


# -- last week's figures ------------------------------------------------------------------


@dataclass(frozen=True)
class WeekFigure:
    """One figure of a community's week, as printed.

    Attributes:
        name: one of :data:`FIGURE_ORDER`.
        value: the figure (retention as a share, 0.38), None if not recorded.
        text: "300", "38%", "+7" (net is signed); "–" when not recorded.
        change_text: against the week before, "+7", "−3", "−4 pts" / "−4个百分点";
            "" when either week lacks the figure, and always for net.
        trend: "good", "bad" or "flat" (the colour of the change), "" without one.
    """

    name: str
    value: float | None
    text: str
    change_text: str
    trend: Trend


@dataclass(frozen=True)
class CommunityWeek:
    """A community's figures of the week, one per column of :class:`LastWeek`."""

    community: CommunityMark
    figures: tuple[WeekFigure, ...]


@dataclass(frozen=True)
class LastWeek:
    """Last week's figures of the plan's communities (the plan's ``last_week``).

    Attributes:
        week: the week shown (see :func:`figures_week`).
        ahead: True when that is not the week before the plan's, which is not
            over yet: the texts then name the week shown rather than call it
            "last week".
        title, note, hint: the section's heading ("上周数据" / "最近一个完整周的数据"),
            its week and dates ("2026年第47周 · 2026年11月16日–22日"), and how to
            read the table, in the plan's language.
        no_figures, no_figures_all: the line naming the communities without
            figures that week, before their names; the line when none has any.
        columns, column_labels: the figures shown (those some community
            recorded that week), in :data:`FIGURE_ORDER`.
        rows: the communities with figures that week, in the plan's order.
        unrecorded: the plan's communities without; the template names them.
    """

    week: WeekId
    ahead: bool
    title: str
    note: str
    hint: str
    no_figures: str
    no_figures_all: str
    columns: tuple[str, ...]
    column_labels: tuple[str, ...]
    rows: tuple[CommunityWeek, ...]
    unrecorded: tuple[CommunityMark, ...]


def _value(week: WeekFigures | None, name: str) -> float | None:
    if week is None:
        return None
    value: float | None = week.net if name == "net" else getattr(week, name)
    return value


def _percent(share: float) -> int:
    return round(share * 100)


def _text(name: str, value: float | None) -> str:
    if value is None:
        return "–"
    if name == "retention":
        return f"{_percent(value)}%"
    if name == "net":
        return change_text(value)
    return figure_text(value, name in MONEY)


def _figure(name: str, week: WeekFigures, before: WeekFigures | None, lang: Language) -> WeekFigure:
    value, previous = _value(week, name), _value(before, name)
    if value is None or previous is None or name in NO_CHANGE:
        return WeekFigure(name, value, _text(name, value), "", "")
    if name == "retention":
        # Points between the rounded rates, so the change agrees with the
        # percentages printed beside it.
        delta: float = _percent(value) - _percent(previous)
        shown = points_text(int(delta), lang)
    else:
        delta = value - previous
        shown = change_text(delta, name in MONEY)
    trend: Trend = "flat"
    if delta:
        trend = "good" if (delta > 0) != (name in WORSE_WHEN_UP) else "bad"
    return WeekFigure(name, value, _text(name, value), shown, trend)


def figures_week(week: WeekId, today: date) -> WeekId:
    """The week whose figures the plan shows: ``week`` (the one before the plan's)
    once it is over by ``today``, else the last week that is.

    A plan is often made ahead: on a Wednesday for next week. Its "last week"
    is then the week under way, and its two or three days, summed, would be
    set against a whole week and coloured as a collapse (joined 3 against 9);
    the members and active rate of its Tuesday are not the week's either. What
    an operator planning next week needs is how the groups did over the last
    week that is complete, compared with the one before it: a trend to act
    on, and the same weeks the health checks judge the decline by (as of
    today, see :func:`health_day`). So the plan shows that week, named with
    its own week and dates rather than called "last week". Its Sunday must
    have passed: the figures of a Sunday are often recorded the day after.
    """
    if week.sunday < today:
        return week
    return week_of(today).previous()


def _texts(shown: WeekId, week: WeekId, lang: Language) -> tuple[str, str, str, str, str]:
    """The section's title, note, hint and two "no figures" lines for ``shown``
    (``week``: the one before the plan's, which the usual words call "last week")."""
    words = WORDS[lang]
    dates = date_range(shown.monday, shown.sunday, lang)
    note = f"{week_text(shown.year, shown.week, lang)} · {dates}"
    if shown == week:
        keys = ("figures", "figures_hint", "no_figures", "no_figures_all")
    else:
        keys = ("figures_ahead", "figures_ahead_hint", "no_figures_ahead", "no_figures_all_ahead")
    title, hint, no_figures, no_figures_all = (words[key] for key in keys)
    hint = hint.format(week=week_text(week.year, week.week, lang))
    return title, note, hint, no_figures, no_figures_all


def last_week(
    ws: Workspace, marks: dict[str, CommunityMark], week: WeekId, lang: Language, today: date
) -> LastWeek | None:
    """The figures of ``week`` (the one before the plan's) for the communities of
    ``marks``, each against the week before; for a plan made ahead, those of the
    last week over by ``today`` (see :func:`figures_week`).

    None when neither that week nor the one before has any.
    """
    shown = figures_week(week, today)
    before = shown.previous()
    weeks: dict[str, tuple[WeekFigures | None, WeekFigures | None]] = {}
    for community_id in marks:
        found = {
            w.monday: w
            for w in by_week(figures_between(ws, community_id, before.monday, shown.sunday))
        }
        weeks[community_id] = (found.get(shown.monday), found.get(before.monday))
    if not any(this or previous for this, previous in weeks.values()):
        return None
    recorded = {
        cid: (this, previous) for cid, (this, previous) in weeks.items() if this is not None
    }
    columns = tuple(
        name
        for name in FIGURE_ORDER
        if any(_value(this, name) is not None for this, _ in recorded.values())
    )
    title, note, hint, no_figures, no_figures_all = _texts(shown, week, lang)
    return LastWeek(
        week=shown,
        ahead=shown != week,
        title=title,
        note=note,
        hint=hint,
        no_figures=no_figures,
        no_figures_all=no_figures_all,
        columns=columns,
        column_labels=tuple(FIGURE_NAMES[lang][name] for name in columns),
        rows=tuple(
            CommunityWeek(
                community=marks[cid],
                figures=tuple(_figure(name, this, previous, lang) for name in columns),
            )
            for cid, (this, previous) in recorded.items()
        ),
        unrecorded=tuple(marks[cid] for cid in weeks if cid not in recorded),
    )


# -- health warnings ------------------------------------------------------------------------


@dataclass(frozen=True)
class HealthWarning:
    """One community's finding under a rule: what was found, with numbers and names."""

    community: CommunityMark
    detail: str


@dataclass(frozen=True)
class HealthGroup:
    """A rule broken by one or more of the plan's communities.

    Attributes:
        rule, severity: as in :class:`planner.health.HealthIssue`.
        severity_label: "警报" / "Alert", "提醒" / "Warning".
        title, rule_text: in the plan's language.
        warnings: one per community, in the plan's order.
    """

    rule: Rule
    severity: str
    severity_label: str
    title: str
    rule_text: str
    warnings: tuple[HealthWarning, ...]


def health_day(week: WeekId, today: date) -> date:
    """The day the plan's health is checked as of: the week's Monday, or today
    if the week has not begun.

    As of the Monday, the fireman rule looks at exactly the plan's seven days,
    and the results and the decline are judged up to the Sunday of the week
    the plan reviews, as its figures are. A past week's plan is checked as it
    stood then (as far as the workspace still tells). But a rule judged as of
    a day still to come would count the activities not yet held as having no
    results and the unfinished week as complete, so a plan made ahead is
    checked as of today.
    """
    return min(week.monday, today)


def health_groups(
    ws: Workspace,
    marks: dict[str, CommunityMark],
    day: date,
    lang: Language,
    *,
    every: bool,
) -> tuple[HealthGroup, ...]:
    """The health issues of the communities of ``marks`` on ``day``, by rule.

    ``every``: they are all the workspace's live communities (one unfiltered
    read, as :func:`~planner.health.check_all` does it best).
    """
    found = check_all(ws, day, None if every else list(marks))
    by_rule: dict[Rule, list[HealthWarning]] = {}
    for community_id, mark in marks.items():
        for issue in found.get(community_id, ()):
            warning = HealthWarning(mark, detail_text(issue, lang, day))
            by_rule.setdefault(issue.rule, []).append(warning)
    rules = sorted(by_rule, key=lambda r: (SEVERITY[r] != "alert", RULES.index(r)))
    return tuple(
        HealthGroup(
            rule=rule,
            severity=SEVERITY[rule],
            severity_label=SEVERITY_NAMES[lang][SEVERITY[rule]],
            title=say(TITLE[rule], lang),
            rule_text=say(RULE_TEXT[rule], lang),
            warnings=tuple(by_rule[rule]),
        )
        for rule in rules
    )


# -- the details in Chinese ------------------------------------------------------------------

# Each rule's finding written from its facts (see planner.health_rules for
# what each rule states); ``day`` is the day checked.


def _zh_day(found: date, day: date) -> str:
    """A date as "10月26日" (with the year when it is not ``day``'s: "2027年1月3日")."""
    return day_month(found, "zh") if found.year == day.year else long_date(found, "zh")


def _more(count: int, unit: str) -> str:
    return f"，另有{count}{unit}" if count else ""


def _zh_headless_fly(facts: Mapping[str, object], day: date) -> str:
    names = "、".join(f"{title}（{_zh_day(start, day)}）" for title, start in activities(facts))
    return (
        f"{_zh_day(fact(facts, 'since', date), day)}以来，有{fact(facts, 'count', int)}场活动"
        f"没有记录结果：{names}{_more(fact(facts, 'more', int), '场')}。"
    )


def _zh_fireman(facts: Mapping[str, object], day: date) -> str:
    first, last = fact(facts, "first", date), fact(facts, "last", date)
    text = f"{_zh_day(first, day)}至{_zh_day(last, day)}没有安排任何内容"
    cancelled = fact(facts, "cancelled", int)
    if cancelled:
        text += f"（{cancelled}项已取消）"
    return text + "。"


def _zh_decline(facts: Mapping[str, object], day: date) -> str:
    parts = []
    if "left" in facts:
        first, last = fact(facts, "first", date), fact(facts, "last", date)
        parts.append(
            f"{_zh_day(first, day)}至{_zh_day(last, day)}，"
            f"退群{fact(facts, 'left', int)}人，新增{fact(facts, 'joined', int)}人。"
        )
    if "rates" in facts:
        found = rates(facts)
        texts = rate_texts([rate for _, rate in found])  # each fall visible, as in English
        points = "→ ".join(
            f"{text}（第{week.week}周）" for (week, _), text in zip(found, texts, strict=True)
        )
        parts.append(f"活跃率连续{fact(facts, 'weeks', int)}周下降：{points}。")
    return "".join(parts)


def _zh_stalled(facts: Mapping[str, object], day: date) -> str:
    if "last_tick" in facts:
        tick = _zh_day(fact(facts, "last_tick", date), day)
        text = f"已经{fact(facts, 'idle_days', int)}天没有勾掉任何事项（上次在{tick}）"
    else:
        text = f"社群{_zh_day(fact(facts, 'created', date), day)}建立以来，还没有勾掉任何事项"
    stage = label("stage", fact(facts, "stage", str), "zh")
    names = "、".join(open_items(facts))
    return (
        f"{text}；“{stage}”阶段还有{fact(facts, 'count', int)}项没完成：{names}"
        f"{_more(fact(facts, 'more', int), '项')}。"
    )


def _zh_no_welcome(facts: Mapping[str, object], day: date) -> str:
    text = "还没有关联入群欢迎流程"
    members = fact(facts, "members", int)
    if members:
        text += f"，群里已有{members}名成员"
    example = builtin_template(fact(facts, "example", str), "zh").name
    return f"{text}；可以关联内置的（如“{example}”），或工作区自己的。"


_ZH_DETAILS: dict[Rule, Callable[[Mapping[str, object], date], str]] = {
    "headless_fly": _zh_headless_fly,
    "fireman": _zh_fireman,
    "decline": _zh_decline,
    "stalled_checklist": _zh_stalled,
    "no_welcome": _zh_no_welcome,
}


def detail_text(issue: HealthIssue, lang: Language, day: date) -> str:
    """What the health check found, in ``lang``; ``day`` is the day checked.

    English is the issue's own detail. Chinese is written from the issue's
    facts; an issue without facts (made by hand) keeps its English detail.
    """
    if lang != "zh" or not issue.facts:
        return issue.detail
    return _ZH_DETAILS[issue.rule](issue.facts, day)
