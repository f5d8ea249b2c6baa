"""Last week's figures and the health warnings, at the head of the weekly plan.

An operator planning a week first wants to know how each group did and what
is going wrong; the plan answers before it lists the week's schedule:

- :func:`last_week`: for each community of the plan, the ISO week before the
  plan's week as :func:`planner.metrics.by_week` folds it (members, active
  members and retention as last recorded in the week; joined, left,
  messages, paid conversions and revenue summed; net = joined − left), each
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
  rule id. The health module writes each finding (the detail) as an English
  sentence; :func:`detail_text` rewrites the sentences it knows, by pattern,
  into Chinese with the same numbers, names and dates, and leaves any other
  sentence in English (readable, and a test fails when a wording changes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from planner.checklist_library import Language
from planner.health import RULE_TEXT, RULES, SEVERITY, TITLE, HealthIssue, Rule, check_all
from planner.iso_week import WeekId
from planner.metrics import WeekFigures, by_week, figures_between
from planner.template_context import label
from planner.template_library import BUILTIN_PREFIX, builtin_templates
from planner.weekly_goals import CommunityMark
from planner.weekly_labels import (
    FIGURE_NAMES,
    HEALTH_RULES_ZH,
    HEALTH_TITLES_ZH,
    SEVERITY_NAMES,
    change_text,
    figure_text,
    points_text,
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
        columns, column_labels: the figures shown (those some community
            recorded that week), in :data:`FIGURE_ORDER`.
        rows: the communities with figures that week, in the plan's order.
        unrecorded: the plan's communities without; the template names them.
    """

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
        # percentages printed here and in the decline warning.
        delta: float = _percent(value) - _percent(previous)
        shown = points_text(int(delta), lang)
    else:
        delta = value - previous
        shown = change_text(delta, name in MONEY)
    trend: Trend = "flat"
    if delta:
        trend = "good" if (delta > 0) != (name in WORSE_WHEN_UP) else "bad"
    return WeekFigure(name, value, _text(name, value), shown, trend)


def last_week(
    ws: Workspace, marks: dict[str, CommunityMark], week: WeekId, lang: Language, today: date
) -> LastWeek | None:
    """The figures of ``week`` (the one before the plan's) for the communities of
    ``marks``, each against the week before.

    None when neither week has any, or when ``week`` has none and is not over
    by ``today`` (a plan made two weeks ahead would otherwise report figures
    missing for a week still to come).
    """
    before = week.previous()
    weeks: dict[str, tuple[WeekFigures | None, WeekFigures | None]] = {}
    for community_id in marks:
        found = {
            w.monday: w
            for w in by_week(figures_between(ws, community_id, before.monday, week.sunday))
        }
        weeks[community_id] = (found.get(week.monday), found.get(before.monday))
    if not any(this or previous for this, previous in weeks.values()):
        return None
    recorded = {
        cid: (this, previous) for cid, (this, previous) in weeks.items() if this is not None
    }
    if not recorded and today <= week.sunday:
        return None
    columns = tuple(
        name
        for name in FIGURE_ORDER
        if any(_value(this, name) is not None for this, _ in recorded.values())
    )
    return LastWeek(
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

    @property
    def alert(self) -> bool:
        return self.severity == "alert"


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
            title=HEALTH_TITLES_ZH[rule] if lang == "zh" else TITLE[rule],
            rule_text=HEALTH_RULES_ZH[rule] if lang == "zh" else RULE_TEXT[rule],
            warnings=tuple(by_rule[rule]),
        )
        for rule in rules
    )


# -- the details in Chinese ------------------------------------------------------------------

# The sentences of planner.health, as it writes them (see _headless_fly and
# the other rules there). Each pattern reads one whole detail.
_ISO = r"\d{4}-\d{2}-\d{2}"
_HEADLESS_FLY = re.compile(
    rf"(?P<n>\d+) activit(?:y|ies) since (?P<since>{_ISO}) (?:has|have) no results: "
    r"(?P<names>.*?)(?: and (?P<more>\d+) more)?\.",
    re.S,
)
_FIREMAN = re.compile(
    r"No content starts from (?P<first>\d{2}-\d{2}) to (?P<last>\d{2}-\d{2})"
    r"(?: \((?P<cancelled>\d+) items? (?:was|were) cancelled\))?\."
)
_DECLINE = re.compile(
    rf"(?:(?P<left>\d+) members left and (?P<joined>\d+) joined "
    rf"from (?P<first>{_ISO}) to (?P<last>{_ISO})\.)?"
    r"(?: ?The active rate fell (?P<weeks>\d+) weeks in a row: (?P<points>.+?)\.)?",
    re.S,
)
_STALLED = re.compile(
    rf"(?:Nothing ticked for (?P<idle>\d+) days \(last on (?P<last>{_ISO})\)"
    rf"|Nothing ticked since the community was created on (?P<created>{_ISO}))"
    r"; (?P<n>\d+) items? of (?P<stage>[A-Za-z]+) still open: "
    r"(?P<names>.*?)(?: and (?P<more>\d+) more)?\.",
    re.S,
)
_NO_WELCOME = re.compile(
    r"No welcome sequence is linked(?: for its (?P<members>\d+) members?)?; "
    r"link a built-in one \(such as “(?P<example>[^”]+)”\) or one of the workspace's own\."
)
_DATED_NAME = re.compile(r" \((\d{2})-(\d{2})\)(, )?")
_WEEK_POINT = re.compile(r" \(W(\d{2})\) ?")  # "37% (W45) → " as "37%（第45周）→ "


def _zh_day(iso: str, day: date) -> str:
    """ "2026-10-26" as "10月26日" (with the year when it is not ``day``'s)."""
    found = date.fromisoformat(iso)
    text = f"{found.month}月{found.day}日"
    return text if found.year == day.year else f"{found.year}年{text}"


def _zh_month_day(text: str) -> str:
    """ "11-17" as "11月17日"."""
    month, day = text.split("-")
    return f"{int(month)}月{int(day)}日"


def _zh_template_name(name: str) -> str:
    """The Chinese twin of the built-in template named ``name``, else ``name``.

    A built-in's id is "builtin:STEM.LANGUAGE" (see planner.template_library).
    """
    by_id = {t.id: t for t in builtin_templates()}
    for template_id, template in by_id.items():
        if template.name == name:
            stem = template_id.removeprefix(BUILTIN_PREFIX).rsplit(".", 1)[0]
            twin = by_id.get(f"{BUILTIN_PREFIX}{stem}.zh")
            return twin.name if twin is not None else name
    return name


def _more(count: str | None, unit: str) -> str:
    return f"，另有{count}{unit}" if count else ""


def _zh_headless_fly(m: re.Match[str], day: date) -> str:
    names = _DATED_NAME.sub(
        lambda d: f"（{int(d[1])}月{int(d[2])}日）" + ("、" if d[3] else ""), m["names"]
    )
    return (
        f"{_zh_day(m['since'], day)}以来，有{m['n']}场活动没有记录结果：{names}"
        f"{_more(m['more'], '场')}。"
    )


def _zh_fireman(m: re.Match[str], day: date) -> str:
    text = f"{_zh_month_day(m['first'])}至{_zh_month_day(m['last'])}没有安排任何内容"
    if m["cancelled"]:
        text += f"（{m['cancelled']}项已取消）"
    return text + "。"


def _zh_decline(m: re.Match[str], day: date) -> str:
    parts = []
    if m["left"]:
        parts.append(
            f"{_zh_day(m['first'], day)}至{_zh_day(m['last'], day)}，"
            f"退群{m['left']}人，新增{m['joined']}人。"
        )
    if m["weeks"]:
        points = _WEEK_POINT.sub(lambda w: f"（第{int(w[1])}周）", m["points"])
        parts.append(f"活跃率连续{m['weeks']}周下降：{points}。")
    return "".join(parts)


def _zh_stalled(m: re.Match[str], day: date) -> str:
    if m["idle"]:
        text = f"已经{m['idle']}天没有勾掉任何事项（上次在{_zh_day(m['last'], day)}）"
    else:
        text = f"社群{_zh_day(m['created'], day)}建立以来，还没有勾掉任何事项"
    stage = label("stage", m["stage"].lower(), "zh")
    return f"{text}；“{stage}”阶段还有{m['n']}项没完成：{m['names']}{_more(m['more'], '项')}。"


def _zh_no_welcome(m: re.Match[str], day: date) -> str:
    text = "还没有关联迎新话术"
    if m["members"]:
        text += f"，群里已有{m['members']}名成员"
    example = _zh_template_name(m["example"])
    return f"{text}；可以关联内置的（如“{example}”），或工作区自己的。"


_ZH_DETAILS: dict[Rule, tuple[re.Pattern[str], Callable[[re.Match[str], date], str]]] = {
    "headless_fly": (_HEADLESS_FLY, _zh_headless_fly),
    "fireman": (_FIREMAN, _zh_fireman),
    "decline": (_DECLINE, _zh_decline),
    "stalled_checklist": (_STALLED, _zh_stalled),
    "no_welcome": (_NO_WELCOME, _zh_no_welcome),
}


def detail_text(issue: HealthIssue, lang: Language, day: date) -> str:
    """What the health check found, in ``lang``; ``day`` is the day checked.

    In Chinese, a detail the patterns do not read stays in English.
    """
    if lang != "zh":
        return issue.detail
    pattern, write = _ZH_DETAILS[issue.rule]
    found = pattern.fullmatch(issue.detail)
    if found is None or not any(found.groupdict().values()):
        return issue.detail
    return write(found, day)
