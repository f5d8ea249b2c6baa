"""A community's figures over time: is the group alive?

The operator records, for a community and a day, what the platform shows:
members, active members, joined, left, messages, paid conversions, revenue.
Any figure may be missing. There is one record per community and day; its id
is derived from both, so setting a day's figures again changes that record,
and two copies of a workspace that enter the same day hold one record, which
a merge matches (a conflict when the figures differ).

Derived measures (retention = active / members, joined and left per ISO
week, the active rate's trend) are computed here for the charts, the health
checks and the weekly plan.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from planner.calendar import week_start
from planner.communities import live_community
from planner.errors import ValidationError
from planner.history import Change
from planner.i18n import QT_TRANSLATE_NOOP, Text
from planner.workspace import Workspace

TABLE = "community_metrics"
COUNTS = ("members", "active_members", "joined", "left_members", "messages", "paid_conversions")
FIGURES = (*COUNTS, "revenue")
# How a figure is named in a message (the UI translates the whole message).
LABELS: dict[str, Text] = {
    "members": QT_TRANSLATE_NOOP("Metrics", "Members"),
    "active_members": QT_TRANSLATE_NOOP("Metrics", "Active members"),
    "joined": QT_TRANSLATE_NOOP("Metrics", "Joined"),
    "left_members": QT_TRANSLATE_NOOP("Metrics", "Left"),
    "messages": QT_TRANSLATE_NOOP("Metrics", "Messages"),
    "paid_conversions": QT_TRANSLATE_NOOP("Metrics", "Paid conversions"),
    "revenue": QT_TRANSLATE_NOOP("Metrics", "Revenue"),
}
ID_NAMESPACE = uuid.UUID("5b1f3c9e-77a2-4c3e-9d0b-2a6e8f4d1c73")
# A year of figures per community is at most 366 rows; more than this many
# years' worth in one import is a mistake (a wrong date column).
MAX_IMPORT_ROWS = 20_000


def figures_id(community_id: str, day: date) -> str:
    """The id of a community's figures for ``day`` (the same in every copy)."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{community_id}/{day.isoformat()}"))


@dataclass(frozen=True)
class DayFigures:
    """A community's figures on one day; None where not known."""

    day: date
    members: int | None = None
    active_members: int | None = None
    joined: int | None = None
    left_members: int | None = None
    messages: int | None = None
    paid_conversions: int | None = None
    revenue: float | None = None
    note: str = ""

    @property
    def retention(self) -> float | None:
        """Active members / members, the share of the group that is alive."""
        if self.members and self.active_members is not None:
            return self.active_members / self.members
        return None

    @property
    def empty(self) -> bool:
        return all(getattr(self, name) is None for name in FIGURES) and not self.note

    def values(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "day"}

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> DayFigures:
        return cls(
            day=date.fromisoformat(str(row["day"])),
            **{name: row[name] for name in FIGURES},
            note=str(row["note"] or ""),
        )


def check_figures(figures: DayFigures) -> dict[str, Text]:
    """Problems with one day's figures, by field (empty when they are sound).

    Each message is a :class:`~planner.i18n.Text` (English, translatable).
    """
    errors: dict[str, Text] = {}
    for name in COUNTS:
        value = getattr(figures, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors[name] = QT_TRANSLATE_NOOP("Metrics", "Enter a whole number.")
        elif value < 0:
            errors[name] = QT_TRANSLATE_NOOP("Metrics", "Cannot be negative.")
    revenue = figures.revenue
    if revenue is not None and (isinstance(revenue, bool) or not isinstance(revenue, int | float)):
        errors["revenue"] = QT_TRANSLATE_NOOP("Metrics", "Enter an amount.")
    elif revenue is not None and revenue < 0:
        errors["revenue"] = QT_TRANSLATE_NOOP("Metrics", "Cannot be negative.")
    members, active = figures.members, figures.active_members
    if isinstance(members, int) and isinstance(active, int) and active > members:
        errors["active_members"] = QT_TRANSLATE_NOOP("Metrics", "More active members than members.")
    if not date(2000, 1, 1) <= figures.day <= date(2099, 12, 31):
        errors["day"] = QT_TRANSLATE_NOOP("Metrics", "Choose a day between 2000 and 2099.")
    return errors


def _storage(figures: DayFigures) -> dict[str, Any]:
    values = figures.values()
    if values["revenue"] is not None:
        values["revenue"] = float(values["revenue"])
    return values | {"day": figures.day.isoformat()}


def set_figures(
    ws: Workspace, community_id: str, rows: Sequence[DayFigures], *, action: str = "set_figures"
) -> Change:
    """Record figures for days of a community, one undoable edit for them all.

    A day that already has figures gets these instead; a day whose figures
    are all empty (and no note) is cleared. Every row is checked first:
    nothing is written when one is wrong (ValidationError names the day and
    the figure). The profile's member count is left alone: it is the
    operator's, and changing it here would make every two teammates who both
    record figures conflict on it when their copies merge.
    """
    community = live_community(ws, community_id)
    days = [r.day for r in rows]
    if len(set(days)) != len(days):
        raise ValidationError({"day": QT_TRANSLATE_NOOP("Metrics", "The same day appears twice.")})
    for figures in rows:
        errors = check_figures(figures)
        if errors:
            field, message = next(iter(errors.items()))
            day = figures.day.isoformat()
            if field in LABELS:
                where = QT_TRANSLATE_NOOP("Metrics", "{day}, {figure}: {problem}").format(
                    day=day, figure=LABELS[field], problem=message
                )
            else:
                where = QT_TRANSLATE_NOOP("Metrics", "{day}: {problem}").format(
                    day=day, problem=message
                )
            raise ValidationError({field: where})
    # The days' records (trashed ones too) in one read, not one per day: an
    # import brings up to MAX_IMPORT_ROWS of them.
    known = (
        {
            r["id"]: r
            for r in ws.db.query(
                f"SELECT * FROM {TABLE} WHERE community_id = ? AND day >= ? AND day <= ?",
                [community_id, min(days).isoformat(), max(days).isoformat()],
            )
        }
        if days
        else {}
    )
    with ws.edit(action, community.name) as edit:
        for figures in rows:
            row_id = figures_id(community_id, figures.day)
            existing = known.get(row_id)
            if figures.empty:
                if existing is not None and not existing["deleted"]:
                    edit.update(TABLE, row_id, {"deleted": 1})
                continue
            values = _storage(figures)
            if existing is None:
                edit.insert(TABLE, values | {"id": row_id, "community_id": community_id})
            elif existing["deleted"] or any(existing[k] != v for k, v in values.items()):
                edit.update(TABLE, row_id, values | {"deleted": 0})
    return edit.change


def delete_figures(ws: Workspace, community_id: str, days: Iterable[date]) -> Change:
    """Clear the figures of ``days`` (one undoable edit)."""
    return set_figures(ws, community_id, [DayFigures(day) for day in days], action="clear_figures")


def figures_between(
    ws: Workspace, community_id: str, start: date | None = None, end: date | None = None
) -> list[DayFigures]:
    """A community's figures from ``start`` to ``end`` (both included), by day."""
    sql = f"SELECT * FROM {TABLE} WHERE community_id = ? AND deleted = 0"
    params: list[Any] = [community_id]
    if start is not None:
        sql += " AND day >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND day <= ?"
        params.append(end.isoformat())
    return [DayFigures.from_row(r) for r in ws.db.query(sql + " ORDER BY day", params)]


def latest_figures(ws: Workspace, community_id: str, on: date) -> DayFigures | None:
    """The most recent figures on or before ``on``."""
    rows = list(
        ws.db.query(
            f"SELECT * FROM {TABLE} WHERE community_id = ? AND deleted = 0 AND day <= ? "
            "ORDER BY day DESC LIMIT 1",
            [community_id, on.isoformat()],
        )
    )
    return DayFigures.from_row(rows[0]) if rows else None


# -- weeks -------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekFigures:
    """One ISO week of a community: the figures summed (flows) or last seen (stocks).

    Attributes:
        monday: the week's Monday.
        joined, left_members, messages, paid_conversions, revenue: summed over
            the days recorded (None when no day had the figure).
        members, active_members: the last recorded in the week.
        retention: active / members on the week's last day that had both.
        days: how many days had figures.
    """

    monday: date
    joined: int | None = None
    left_members: int | None = None
    messages: int | None = None
    paid_conversions: int | None = None
    revenue: float | None = None
    members: int | None = None
    active_members: int | None = None
    retention: float | None = None
    days: int = 0

    @property
    def net(self) -> int | None:
        """Joined minus left, when both are known."""
        if self.joined is None or self.left_members is None:
            return None
        return self.joined - self.left_members


FLOWS = ("joined", "left_members", "messages", "paid_conversions", "revenue")
STOCKS = ("members", "active_members")


def by_week(days: Sequence[DayFigures]) -> list[WeekFigures]:
    """``days`` (sorted by day) grouped by ISO week, oldest first."""
    # Plain dicts while adding up: a frozen WeekFigures per day added costs more
    # than the rest (the overview reads 26 weeks of every community).
    weeks: dict[date, dict[str, Any]] = {}
    for figures in days:
        monday = week_start(figures.day)
        week = weeks.get(monday)
        if week is None:
            week = weeks[monday] = {"monday": monday, "days": 0}
        week["days"] += 1
        for name in FLOWS:
            value = getattr(figures, name)
            if value is not None:
                week[name] = week.get(name, 0) + value
        for name in STOCKS:
            value = getattr(figures, name)
            if value is not None:
                week[name] = value
        retention = figures.retention
        if retention is not None:
            week["retention"] = retention
    return [WeekFigures(**weeks[m]) for m in sorted(weeks)]


# Weeks are counted in SQL from a Monday before any day figures can have (2000 on).
EPOCH_MONDAY = date(1999, 12, 27)
EPOCH_JULIAN = 2451539.5  # julianday('1999-12-27')


def _last(mark: str | None) -> list[str]:
    """The values after the day in a "DAY v1 v2" mark (see :func:`weeks_between`)."""
    return [] if mark is None else mark.split(" ")[1:]


def weeks_between(
    ws: Workspace, community_ids: Sequence[str], start: date, end: date
) -> dict[str, list[WeekFigures]]:
    """Each community's figures from ``start`` to ``end`` (both included) by ISO week,
    oldest first: ``by_week(figures_between(...))`` for many communities at once.

    SQLite adds the weeks up, so no row of a day is read into Python (the
    overview compares 26 weeks of every community, which can be 36,000 days).
    A stock (members, active members) is the week's last known value: the
    largest "DAY value" string of the days that have it; the active rate is
    taken from the last day that has both and some members.
    """
    found: dict[str, list[WeekFigures]] = {}
    if not community_ids:
        return found
    marks = ",".join("?" * len(community_ids))
    flows = ", ".join(f"sum({name})" for name in FLOWS)
    sql = f"""
        SELECT community_id, CAST((julianday(day) - {EPOCH_JULIAN}) / 7 AS INTEGER) AS week,
            count(*), {flows},
            max(CASE WHEN members IS NOT NULL THEN day || ' ' || members END),
            max(CASE WHEN active_members IS NOT NULL THEN day || ' ' || active_members END),
            max(CASE WHEN members <> 0 AND active_members IS NOT NULL
                THEN day || ' ' || active_members || ' ' || members END)
        FROM {TABLE}
        WHERE community_id IN ({marks}) AND deleted = 0 AND day >= ? AND day <= ?
        GROUP BY community_id, week
        ORDER BY community_id, week
    """
    params = [*community_ids, start.isoformat(), end.isoformat()]
    for row in ws.db.execute(sql, params):
        members, active, rate = _last(row[8]), _last(row[9]), _last(row[10])
        found.setdefault(row[0], []).append(
            WeekFigures(
                monday=EPOCH_MONDAY + timedelta(weeks=row[1]),
                days=row[2],
                **dict(zip(FLOWS, row[3:8], strict=True)),
                members=int(members[0]) if members else None,
                active_members=int(active[0]) if active else None,
                retention=int(rate[0]) / int(rate[1]) if rate else None,
            )
        )
    return found
