"""Activity outcomes: did the activities of each kind deliver what they planned?

Every calendar activity carries goals and results for six metrics
(:data:`planner.calendar.METRICS`: participants, new members, shares,
conversions, revenue, cost). This sums them by activity type (brand, member,
sharing, paid) over the activities starting in a date range, for the
"planned vs actual" chart, and counts how many of the activities that are
over have any result recorded, so a chart can say how much of the picture
is missing (the "headless fly" failure: many activities, no data).

What counts:

- every occurrence of an activity starting in the range; an occurrence of a
  series carries the series' goals and results unless it was changed on its
  own (its override row has its own), as the results CSV reads them
  (:func:`planner.metrics_export.export_results_csv`);
- **cancelled activities do not count**: they never ran, so their goals would
  only show as a miss that did not happen. They are counted apart
  (:attr:`TypeOutcome.cancelled`) so a screen can mention them;
- an activity is *past* (over) once the day it ends on is before ``today``,
  as the health checks' ``headless_fly`` rule and the weekly review's
  "finished" (:func:`planner.weekly_goals.review_entries`) read it; one on
  today is not past yet, its results may still come in.

Planned against actual, per metric, compares like with like. The weekly
review judges a goal met or missed only where an activity has both the goal
and the result of that metric; summing every goal against the results
recorded would show each result not entered yet as a missed target, and each
goal of an activity still to come as one too. So, for each metric:

- :attr:`TypeOutcome.planned` and :attr:`TypeOutcome.actual` sum the goals
  and results of the *compared* activities only: past, with both the goal and
  the result of that metric (:attr:`TypeOutcome.compared` counts them);
- past activities with the goal but no result are counted apart
  (:attr:`TypeOutcome.missing`), as are past ones with a result but no goal
  (:attr:`TypeOutcome.unplanned`: nothing to compare the result against);
- the goals of activities not over yet are summed apart
  (:attr:`TypeOutcome.upcoming`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from planner.calendar import (
    METRICS,
    TABLE,
    ActivityType,
    ItemKind,
    Occurrence,
    Status,
    activities_starting,
    parse_time,
)
from planner.workspace import Workspace

ACTIVITY_TYPES: tuple[ActivityType, ...] = tuple(ActivityType)


def _no_sums() -> Mapping[str, float | None]:
    return MappingProxyType(dict.fromkeys(METRICS))


def _no_counts() -> Mapping[str, int]:
    return MappingProxyType(dict.fromkeys(METRICS, 0))


@dataclass(frozen=True)
class TypeOutcome:
    """The activities of one type in a range, their goals and results summed.

    The per-metric mappings have a key for every metric of
    :data:`~planner.calendar.METRICS`; a sum is None where nothing was summed,
    so a chart shows no bar rather than a zero one.

    Attributes:
        activity_type: brand, member, sharing or paid.
        activities: how many activities (occurrences) count: not cancelled.
        past: how many of those are over (ended before today).
        with_results: how many of the past ones have at least one result.
        cancelled: cancelled ones in the range (not counted anywhere else).
        planned: metric -> the goals of the compared activities, summed.
        actual: metric -> the results of the compared activities, summed.
        compared: metric -> past activities with both its goal and its result.
        missing: metric -> past activities with its goal but no result yet.
        unplanned: metric -> past activities with its result but no goal.
        upcoming: metric -> the goals of the activities not over yet, summed.
        entered: the metrics with a goal or a result on any of the activities.
    """

    activity_type: ActivityType
    activities: int = 0
    past: int = 0
    with_results: int = 0
    cancelled: int = 0
    planned: Mapping[str, float | None] = field(default_factory=_no_sums)
    actual: Mapping[str, float | None] = field(default_factory=_no_sums)
    compared: Mapping[str, int] = field(default_factory=_no_counts)
    missing: Mapping[str, int] = field(default_factory=_no_counts)
    unplanned: Mapping[str, int] = field(default_factory=_no_counts)
    upcoming: Mapping[str, float | None] = field(default_factory=_no_sums)
    entered: frozenset[str] = frozenset()

    @property
    def without_results(self) -> int:
        """Past activities with no result at all (the headless-fly count)."""
        return self.past - self.with_results

    @property
    def not_over(self) -> int:
        """Activities not over yet (today's, or later ones in the range)."""
        return self.activities - self.past

    def has_goals(self, metric: str) -> bool:
        """True when a goal or a result of ``metric`` was entered for this type."""
        return metric in self.entered


@dataclass(frozen=True)
class Outcomes:
    """Activity outcomes by type from ``start`` to ``end`` (both included).

    Attributes:
        start, end: the range (activities starting on these days count).
        by_type: one :class:`TypeOutcome` per activity type, in
            :data:`ACTIVITY_TYPES` order, also for types without activities.
    """

    start: date
    end: date
    by_type: tuple[TypeOutcome, ...]

    def of(self, activity_type: ActivityType) -> TypeOutcome:
        return self.by_type[ACTIVITY_TYPES.index(activity_type)]

    @property
    def activities(self) -> int:
        return sum(t.activities for t in self.by_type)

    @property
    def past(self) -> int:
        return sum(t.past for t in self.by_type)

    @property
    def with_results(self) -> int:
        return sum(t.with_results for t in self.by_type)

    @property
    def cancelled(self) -> int:
        return sum(t.cancelled for t in self.by_type)

    @property
    def not_over(self) -> int:
        return sum(t.not_over for t in self.by_type)

    def has_goals(self, metric: str | None = None) -> bool:
        """True when any activity has a goal or result (of ``metric``, or of any)."""
        metrics = METRICS if metric is None else (metric,)
        return any(t.has_goals(m) for t in self.by_type for m in metrics)

    def compared(self, metric: str) -> int:
        """Past activities of every type with both the goal and the result of ``metric``."""
        return sum(t.compared[metric] for t in self.by_type)

    def missing(self, metric: str) -> int:
        """Past activities of every type with the goal of ``metric`` but no result."""
        return sum(t.missing[metric] for t in self.by_type)

    def unplanned(self, metric: str) -> int:
        """Past activities of every type with the result of ``metric`` but no goal."""
        return sum(t.unplanned[metric] for t in self.by_type)

    def upcoming(self, metric: str) -> float | None:
        """The goals of ``metric`` of every activity not over yet (None: none set)."""
        sums = [t.upcoming[metric] for t in self.by_type if t.upcoming[metric] is not None]
        return sum(v for v in sums if v is not None) if sums else None


def _add(sums: dict[str, float | None], metric: str, value: float | None) -> None:
    if value is not None:
        sums[metric] = (sums[metric] or 0) + value


@dataclass
class _Tally:
    """What :func:`activity_outcomes` adds up for one type, before it is frozen."""

    activities: int = 0
    past: int = 0
    with_results: int = 0
    cancelled: int = 0
    planned: dict[str, float | None] = field(default_factory=lambda: dict.fromkeys(METRICS))
    actual: dict[str, float | None] = field(default_factory=lambda: dict.fromkeys(METRICS))
    compared: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    missing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    unplanned: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    upcoming: dict[str, float | None] = field(default_factory=lambda: dict.fromkeys(METRICS))
    entered: set[str] = field(default_factory=set)

    def count(self, occ: Occurrence, today: date) -> None:
        """Add one live activity: its goals and results, compared only when over."""
        goals = occ.item.goals
        self.activities += 1
        over = occ.last_day < today
        if over:
            self.past += 1
            if any(goals.get(f"actual_{m}") is not None for m in METRICS):
                self.with_results += 1
        for metric in METRICS:
            goal, result = goals.get(f"planned_{metric}"), goals.get(f"actual_{metric}")
            if goal is not None or result is not None:
                self.entered.add(metric)
            if not over:
                _add(self.upcoming, metric, goal)
            elif goal is not None and result is not None:
                self.compared[metric] += 1
                _add(self.planned, metric, goal)
                _add(self.actual, metric, result)
            elif goal is not None:
                self.missing[metric] += 1
            elif result is not None:
                self.unplanned[metric] += 1

    def outcome(self, activity_type: ActivityType) -> TypeOutcome:
        return TypeOutcome(
            activity_type=activity_type,
            activities=self.activities,
            past=self.past,
            with_results=self.with_results,
            cancelled=self.cancelled,
            planned=MappingProxyType(self.planned),
            actual=MappingProxyType(self.actual),
            compared=MappingProxyType(self.compared),
            missing=MappingProxyType(self.missing),
            unplanned=MappingProxyType(self.unplanned),
            upcoming=MappingProxyType(self.upcoming),
            entered=frozenset(self.entered),
        )


def activity_outcomes(
    ws: Workspace, community_ids: Iterable[str], start: date, end: date, today: date
) -> Outcomes:
    """The outcomes of the communities' activities starting from ``start`` to
    ``end`` (both included), by type; "past" is judged against ``today``.

    Cancelled activities are left out of the sums and counts, and planned is
    compared with actual only where both were entered on an activity that is
    over (see the module docstring). An unknown or empty list of communities
    gives empty outcomes.
    """
    tallies = {t: _Tally() for t in ACTIVITY_TYPES}
    for occ in activities_starting(ws, community_ids, start, end):
        try:
            kind = ActivityType(occ.item.item_type)
        except ValueError:
            continue
        if occ.item.status is Status.CANCELLED:
            tallies[kind].cancelled += 1
        else:
            tallies[kind].count(occ, today)
    return Outcomes(
        start=start,
        end=end,
        by_type=tuple(tallies[t].outcome(t) for t in ACTIVITY_TYPES),
    )


def first_activity_day(ws: Workspace, community_ids: Iterable[str]) -> date | None:
    """The day the communities' first activity starts (a series: its first
    occurrence), for an "everything" range; None when they have none."""
    ids = sorted(set(community_ids))
    if not ids:
        return None
    row = ws.db.execute(
        f"SELECT min(starts_at) FROM {TABLE} WHERE deleted = 0 AND kind = ? "
        f"AND community_id IN ({','.join('?' * len(ids))})",
        [ItemKind.ACTIVITY.value, *ids],
    ).fetchone()
    return parse_time(row[0]).date() if row and row[0] else None
