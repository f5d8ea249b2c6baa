"""Goals and results in the weekly plan: this week's goals, last week's review.

Every activity has goals and results for participants, new members, shares,
conversions, revenue and cost (``planned_*`` / ``actual_*`` on a calendar
item). The plan lists this week's goals per community (:func:`goal_groups`)
and reviews last week: planned vs actual per metric (:func:`review_entries`).
An item counts when it is a live (not cancelled) activity, or any live item
with a figure. :class:`CommunityMark` is how the plan marks a community.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from planner.calendar import GOAL_FIELDS, METRICS, MONEY_METRICS, ItemKind, Occurrence, Status
from planner.checklist_library import Language
from planner.communities import COLOR_RE, Community
from planner.iso_week import WeekId
from planner.template_context import label
from planner.templating import tint
from planner.weekly_labels import SHORT_WEEKDAYS, figure_text, short_date

FALLBACK_COLOR = "#7a7a7a"


@dataclass(frozen=True)
class CommunityMark:
    """A community as the plan marks it: its name and colour (and a light tint of it)."""

    id: str
    name: str
    color: str
    tint: str


@dataclass(frozen=True)
class Figure:
    """One metric of an item: its goal (planned) and result (actual), as numbers and text.

    ``rate_text`` is actual / planned ("90%", "" without both); ``met`` says
    whether the result reached the goal (for cost: stayed within it).
    """

    metric: str
    label: str
    planned: float | None
    actual: float | None
    planned_text: str
    actual_text: str
    rate_text: str
    met: bool | None


@dataclass(frozen=True)
class GoalItem:
    """An item with goals this week; ``cells`` are its goals in the group's metric order."""

    key: tuple[str, str]
    date_text: str
    title: str
    type_label: str
    owner: str
    figures: tuple[Figure, ...]
    cells: tuple[str, ...]

    @property
    def has_goals(self) -> bool:
        return bool(self.figures)


@dataclass(frozen=True)
class GoalGroup:
    """A community's goals for the week: the metrics used, each item, and the totals."""

    community: CommunityMark
    metrics: tuple[str, ...]
    metric_labels: tuple[str, ...]
    items: tuple[GoalItem, ...]
    totals: tuple[str, ...]


@dataclass(frozen=True)
class ReviewEntry:
    """One of last week's activities: planned vs actual for each metric that has either."""

    key: tuple[str, str]
    community: CommunityMark
    date_text: str
    title: str
    type_label: str
    owner: str
    status_label: str
    figures: tuple[Figure, ...]
    has_results: bool
    finished: bool


def community_mark(community: Community) -> CommunityMark:
    """The community's name and colour (grey if its colour is not #RRGGBB)."""
    color = community.color.lower() if COLOR_RE.match(community.color) else FALLBACK_COLOR
    return CommunityMark(community.id, community.name, color, tint(color, 0.88))


def day_text(day: date, lang: Language) -> str:
    """ "周三 11月25日" / "Wed 25 Nov"."""
    return f"{SHORT_WEEKDAYS[lang][day.weekday()]} {short_date(day, lang)}"


def figure(metric: str, planned: float | None, actual: float | None, lang: Language) -> Figure:
    """One metric's goal and result, written out for the plan."""
    money = metric in MONEY_METRICS
    rate_text = ""
    met: bool | None = None
    if planned is not None and actual is not None:
        met = actual <= planned if metric == "cost" else actual >= planned
        if planned > 0:
            rate_text = f"{round(actual / planned * 100)}%"
    return Figure(
        metric=metric,
        label=label("metric", metric, lang),
        planned=planned,
        actual=actual,
        planned_text=figure_text(planned, money),
        actual_text=figure_text(actual, money),
        rate_text=rate_text,
        met=met,
    )


def _has_figures(occ: Occurrence) -> bool:
    return any(occ.item.goals.get(name) is not None for name in GOAL_FIELDS)


def _counts(occ: Occurrence) -> bool:
    """An item for goals and review: a live activity, or any live item with figures."""
    if occ.item.status is Status.CANCELLED:
        return False
    return occ.item.kind is ItemKind.ACTIVITY or _has_figures(occ)


def goal_groups(
    occs: list[Occurrence], marks: dict[str, CommunityMark], week: WeekId, lang: Language
) -> tuple[GoalGroup, ...]:
    """This week's goals per community (in ``marks`` order): the items starting
    in ``week`` that count, each with its planned figures, and their totals."""
    by_community: dict[str, list[Occurrence]] = {}
    for occ in occs:
        if occ.start.date() >= week.monday and _counts(occ):
            by_community.setdefault(occ.item.community_id, []).append(occ)
    groups = []
    for community_id, mark in marks.items():
        found = by_community.get(community_id)
        if not found:
            continue
        goals = [{m: occ.item.goals.get(f"planned_{m}") for m in METRICS} for occ in found]
        metrics = tuple(m for m in METRICS if any(g[m] is not None for g in goals))
        items = []
        for occ, planned in zip(found, goals, strict=True):
            items.append(
                GoalItem(
                    key=occ.key,
                    date_text=day_text(occ.start.date(), lang),
                    title=occ.item.title,
                    type_label=label("item_type", occ.item.item_type, lang),
                    owner=occ.item.owner,
                    figures=tuple(
                        figure(m, planned[m], None, lang) for m in metrics if planned[m] is not None
                    ),
                    cells=tuple(figure_text(planned[m], m in MONEY_METRICS) for m in metrics),
                )
            )
        totals = tuple(
            figure_text(sum(g[m] or 0 for g in goals), m in MONEY_METRICS) for m in metrics
        )
        groups.append(
            GoalGroup(
                community=mark,
                metrics=metrics,
                metric_labels=tuple(label("metric", m, lang) for m in metrics),
                items=tuple(items),
                totals=totals,
            )
        )
    return tuple(groups)


def review_entries(
    occs: list[Occurrence],
    marks: dict[str, CommunityMark],
    week: WeekId,
    today: date,
    lang: Language,
) -> tuple[ReviewEntry, ...]:
    """The items starting in ``week`` that count, with planned vs actual per metric;
    ``finished`` when they ended before ``today``."""
    cutoff = datetime.combine(today, time())
    found = []
    for occ in occs:
        mark = marks.get(occ.item.community_id)
        if mark is None or occ.start.date() < week.monday or not _counts(occ):
            continue
        goals = occ.item.goals
        figures = tuple(
            figure(m, goals.get(f"planned_{m}"), goals.get(f"actual_{m}"), lang)
            for m in METRICS
            if goals.get(f"planned_{m}") is not None or goals.get(f"actual_{m}") is not None
        )
        found.append(
            ReviewEntry(
                key=occ.key,
                community=mark,
                date_text=day_text(occ.start.date(), lang),
                title=occ.item.title,
                type_label=label("item_type", occ.item.item_type, lang),
                owner=occ.item.owner,
                status_label=label("status", occ.item.status.value, lang),
                figures=figures,
                has_results=any(f.actual is not None for f in figures),
                finished=occ.end <= cutoff,
            )
        )
    return tuple(found)
