"""Content series copied to another community: which ones, and on which dates.

Replicating a community (:mod:`planner.replicate`) copies its content
rhythm. :func:`series_choices` lists the source's content series, each
marked with why it is left out unless the operator picks it: it has ended,
it is cancelled, or a later series of the same title took over from it (the
first part of a series edited "from this occurrence on", which copied with
the rest would double every occurrence). :func:`shift_series` moves a rule to
a new start date, and :func:`series_copy` makes the clean values of the copy,
exactly as the calendar writes a new series.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from planner.calendar import TABLE as CALENDAR
from planner.calendar import CalendarItem, ItemKind, Status, clean_values
from planner.i18n import QT_TRANSLATE_NOOP
from planner.recurrence import Recurrence, RecurrenceError
from planner.workspace import Workspace

# More occurrences than any series an operator plans (ten years of days).
MAX_OCCURRENCES = 3700

RESULT_COLUMNS = (
    "actual_participants",
    "actual_new_members",
    "actual_shares",
    "actual_conversions",
    "actual_revenue",
    "actual_cost",
)


class SeriesSkip(StrEnum):
    """Why a content series is left out unless the operator picks it."""

    NONE = ""
    ENDED = "ended"
    CANCELLED = "cancelled"
    CONTINUED = "continued"


@dataclass(frozen=True)
class SeriesChoice:
    """A content series of the source community, and whether it is copied by default."""

    item: CalendarItem
    skip: SeriesSkip

    @property
    def default(self) -> bool:
        return self.skip is SeriesSkip.NONE


@dataclass(frozen=True, eq=False)
class SeriesCopy:
    """A series as the new community gets it.

    Attributes:
        source: the series copied.
        values: its clean values (``planner.calendar.clean_values``), starting
            on the copy's first occurrence; the community is filled in when
            it is written.
        last_start: the start of the copy's last occurrence (None: no end).
    """

    source: CalendarItem
    values: dict[str, Any]
    last_start: datetime | None

    @property
    def start(self) -> datetime:
        start: datetime = self.values["start"]
        return start

    @property
    def rule(self) -> Recurrence:
        rule: Recurrence = self.values["recurrence"]
        return rule

    @property
    def shift_days(self) -> int:
        """How many days later (or earlier, if negative) the copy starts."""
        return (self.start.date() - self.source.start.date()).days


def series_choices(ws: Workspace, source_id: str, today: date) -> list[SeriesChoice]:
    """The source's live content series, by title, each marked with why it is
    left out by default (ended before ``today``, cancelled, or continued by a
    later series of the same title and type)."""
    items = [
        CalendarItem.from_row(r)
        for r in ws.db.query(
            f"SELECT * FROM {CALENDAR} WHERE community_id = ? AND deleted = 0 "
            "AND rrule != '' AND series_id IS NULL AND kind = ?",
            [source_id, ItemKind.CONTENT.value],
        )
    ]
    midnight = datetime.combine(today, time())
    choices = []
    for item in items:
        if item.status is Status.CANCELLED:
            skip = SeriesSkip.CANCELLED
        elif item.last_end is not None and item.last_end <= midnight:
            skip = SeriesSkip.ENDED
        elif continued(item, items):
            skip = SeriesSkip.CONTINUED
        else:
            skip = SeriesSkip.NONE
        choices.append(SeriesChoice(item, skip))
    return sorted(choices, key=lambda c: (c.item.title.casefold(), c.item.start, c.item.id))


def continued(item: CalendarItem, items: list[CalendarItem]) -> bool:
    """True when a later series of the same title and type takes over from ``item``."""
    if item.last_end is None:
        return False
    last_start = item.last_end - item.duration
    return any(
        other.id != item.id
        and other.status is not Status.CANCELLED
        and other.title.casefold() == item.title.casefold()
        and other.item_type == item.item_type
        and other.start > last_start
        for other in items
    )


def shift_series(rule: Recurrence, first: datetime, start: date) -> tuple[datetime, Recurrence]:
    """Where a series copied to begin on ``start`` has its first occurrence, and its rule.

    The first occurrence is the first day on or after ``start`` that matches
    the pattern (its weekdays, day of the month or nth weekday), at the same
    time of day; the interval counts from there, so "every other Monday"
    copied from a Saturday starts two days later, not nine. The copy runs as
    many times as the original: a number of times stays as it is, and an end
    date becomes the day of the copy's last occurrence (moving it by as many
    days as the first occurrence moved would gain or lose occurrences of a
    monthly rule, or of a rule limited to some weekdays).

    Raises RecurrenceError if no day matches the pattern (it always does for a
    rule the calendar accepts).
    """
    pattern = replace(rule, interval=1, until=None, count=None)
    found = pattern.starts(datetime.combine(start, first.time()), 1)
    if not found:
        raise RecurrenceError(
            QT_TRANSLATE_NOOP("ReplicateSeries", "No day matches this repeat rule.")
        )
    new_first = found[0]
    if rule.until is None:
        return new_first, rule
    # Counted from the stored first occurrence (an end date bounds the count).
    times = len(rule.starts(first, MAX_OCCURRENCES))
    if times == 0:
        days = (new_first.date() - first.date()).days
        return new_first, replace(rule, until=rule.until + timedelta(days=days))
    last = replace(rule, until=None, count=times).last_start(new_first)
    assert last is not None  # a rule with a count has a last occurrence
    return new_first, replace(rule, until=last.date())


def series_copy(ws: Workspace, item: CalendarItem, start: date) -> SeriesCopy:
    """``item`` copied to start on the first matching day from ``start``: the same
    values, planned (an idea stays one), without results. Raises ValidationError
    if the calendar would refuse it, RecurrenceError if no day matches."""
    assert item.recurrence is not None
    # A stored series starts on its first occurrence; an imported one may not.
    first = item.recurrence.starts(item.start, 1)
    new_first, rule = shift_series(item.recurrence, first[0] if first else item.start, start)
    values = item.values()
    for name in RESULT_COLUMNS:
        values[name] = None
    values.update(
        start=new_first,
        end=new_first + item.duration,
        recurrence=rule,
        status=Status.IDEA.value if item.status is Status.IDEA else Status.PLANNED.value,
    )
    clean = clean_values(ws, values)
    return SeriesCopy(item, clean, rule.last_start(clean["start"]))
