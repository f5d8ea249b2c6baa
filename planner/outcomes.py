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
- an activity is *past* once the day it ends on is before ``today`` (as the
  health checks' ``headless_fly`` rule reads it); one on today is not past
  yet, its results may still come in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

from planner.calendar import (
    METRICS,
    TABLE,
    ActivityType,
    CalendarFilter,
    ItemKind,
    Occurrence,
    Status,
    occurrences_between,
    parse_time,
)
from planner.workspace import Workspace

ACTIVITY_TYPES: tuple[ActivityType, ...] = tuple(ActivityType)


def _no_sums() -> Mapping[str, float | None]:
    return MappingProxyType(dict.fromkeys(METRICS))


@dataclass(frozen=True)
class TypeOutcome:
    """The activities of one type in a range, their goals and results summed.

    Attributes:
        activity_type: brand, member, sharing or paid.
        activities: how many activities (occurrences) count: not cancelled.
        past: how many of those are over (ended before today).
        with_results: how many of the past ones have at least one result.
        cancelled: cancelled ones in the range (not counted anywhere else).
        planned: metric -> the sum of the goals set (None: no activity had one).
        actual: metric -> the sum of the results recorded (None: none recorded).
    """

    activity_type: ActivityType
    activities: int = 0
    past: int = 0
    with_results: int = 0
    cancelled: int = 0
    planned: Mapping[str, float | None] = field(default_factory=_no_sums)
    actual: Mapping[str, float | None] = field(default_factory=_no_sums)

    @property
    def without_results(self) -> int:
        """Past activities with no result at all (the headless-fly count)."""
        return self.past - self.with_results

    def has_goals(self, metric: str) -> bool:
        """True when a goal or a result of ``metric`` was entered for this type."""
        return self.planned[metric] is not None or self.actual[metric] is not None


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

    def has_goals(self, metric: str | None = None) -> bool:
        """True when any activity has a goal or result (of ``metric``, or of any)."""
        metrics = METRICS if metric is None else (metric,)
        return any(t.has_goals(m) for t in self.by_type for m in metrics)


def _last_day(occ: Occurrence) -> date:
    """The day an occurrence ends on (an end at midnight belongs to the day before)."""
    return (occ.end - timedelta(microseconds=1)).date()


def _add(sums: dict[str, float | None], metric: str, value: float | None) -> None:
    if value is not None:
        sums[metric] = (sums[metric] or 0) + value


def activity_outcomes(
    ws: Workspace, community_ids: Iterable[str], start: date, end: date, today: date
) -> Outcomes:
    """The outcomes of the communities' activities starting from ``start`` to
    ``end`` (both included), by type; "past" is judged against ``today``.

    Cancelled activities are left out of the sums and counts (see the module
    docstring). An unknown or empty list of communities gives empty outcomes.
    """
    ids = frozenset(community_ids)
    counts: dict[ActivityType, dict[str, int]] = {
        t: {"activities": 0, "past": 0, "with_results": 0, "cancelled": 0} for t in ACTIVITY_TYPES
    }
    planned: dict[ActivityType, dict[str, float | None]] = {
        t: dict.fromkeys(METRICS) for t in ACTIVITY_TYPES
    }
    actual: dict[ActivityType, dict[str, float | None]] = {
        t: dict.fromkeys(METRICS) for t in ACTIVITY_TYPES
    }
    if ids and start <= end:
        filters = CalendarFilter(community_ids=ids, kinds=frozenset({ItemKind.ACTIVITY.value}))
        lo = datetime.combine(start, time())
        hi = datetime.combine(end + timedelta(days=1), time())
        for occ in occurrences_between(ws, lo, hi, filters):
            if not start <= occ.start.date() <= end:
                continue  # began before the range, still running in it
            item = occ.item
            try:
                kind = ActivityType(item.item_type)
            except ValueError:
                continue
            count = counts[kind]
            if item.status is Status.CANCELLED:
                count["cancelled"] += 1
                continue
            count["activities"] += 1
            results = [item.goals.get(f"actual_{m}") for m in METRICS]
            if _last_day(occ) < today:
                count["past"] += 1
                if any(v is not None for v in results):
                    count["with_results"] += 1
            for metric, result in zip(METRICS, results, strict=True):
                _add(planned[kind], metric, item.goals.get(f"planned_{metric}"))
                _add(actual[kind], metric, result)
    return Outcomes(
        start=start,
        end=end,
        by_type=tuple(
            TypeOutcome(
                activity_type=t,
                planned=MappingProxyType(planned[t]),
                actual=MappingProxyType(actual[t]),
                **counts[t],
            )
            for t in ACTIVITY_TYPES
        ),
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
