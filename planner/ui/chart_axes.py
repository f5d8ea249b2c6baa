"""Chart axes: round ranges and the labels of date and week axes.

The axis arithmetic of the charts (:mod:`planner.ui.chart_style` paints them,
this places their ticks): a value axis gets a round range in whole steps
(:func:`nice_range`, :func:`four_step`), a date axis a label per Monday,
month or quarter depending on its span (:func:`date_ticks`), and an axis of
ISO weeks the same labels at the week they fall in (:func:`week_ticks`).
QCategoryAxis labels only where it is told, so :func:`set_ticks` replaces
its labels in one go.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import QDate, QLocale

from planner.ui.locale_text import short_month, ui_language


def nice_range(lo: float, hi: float, intervals: int = 6) -> tuple[float, float, int]:
    """An axis range around [lo, hi] in round whole steps (1, 2, 2.5 or 5 x 10^n) of
    at most ``intervals`` steps, the tightest such: (bottom, top, tick count)."""
    lo, hi = min(lo, hi), max(lo, hi)
    if hi == lo:  # one value: show it against zero
        lo, hi = (0, hi * 1.2) if hi > 0 else (min(lo, 0), max(hi, 0) + 1)
    magnitude = 10 ** math.floor(math.log10((hi - lo) / intervals))
    for factor in (1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        step = max(factor * magnitude, 1)
        if step != int(step):
            continue  # the axis labels whole numbers
        bottom, top = math.floor(lo / step) * step, math.ceil(hi / step) * step
        if (top - bottom) / step <= intervals:
            break
    return bottom, top, round((top - bottom) / step) + 1


def _month_name(day: date) -> str:
    """The month's short name ("Jun", "6月"); January is the year itself (a month's
    room on the axis fits "2026", not "Jan 2026")."""
    if day.month == 1:
        return str(day.year)
    return short_month(day)


def _monday_name(day: date) -> str:
    """A Monday on a short date axis: "11-23"; "11月23日" in Chinese."""
    pattern = "M月d日" if ui_language() == "zh" else "MM-dd"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Where a date axis from ``first`` to ``last`` gets a label, and the label.

    Up to ten weeks: every Monday ("11-23", "11月23日"); up to 13 months: the
    first of each month ("Jun", "6月"; January as its year, "2027");
    longer: the first of each quarter. Labels are unique (QCategoryAxis
    needs them so).
    """
    ticks: list[tuple[date, str]] = []
    if (last - first).days <= 70:
        day = first + timedelta(days=-first.weekday() % 7)
        while day <= last:
            ticks.append((day, _monday_name(day)))
            day += timedelta(weeks=1)
        return ticks
    months = 1 if (last - first).days <= 400 else 3
    month = date(first.year, first.month, 1)
    if month < first:
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    while month <= last:
        if months == 1 or (month.month - 1) % 3 == 0:
            ticks.append((month, _month_name(month)))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return ticks


def set_ticks(axis: QCategoryAxis, ticks: Sequence[tuple[float, str]]) -> None:
    """Label ``axis`` at these positions only (replacing its labels); set its
    range first (its first grid line goes on the range's start, not on 0)."""
    for label in axis.categoriesLabels():
        axis.remove(label)
    axis.setStartValue(axis.min())
    for position, label in ticks:
        axis.append(label, position)


def week_ticks(first_monday: date, last_monday: date) -> list[tuple[float, str]]:
    """Labels for an axis of weeks, week n at n (from ``first_monday``): each
    Monday under its week for ten weeks or less, else the first of each month
    at the point of its week where it begins (week n spans n - 0.5 to n + 0.5)."""
    end = last_monday + timedelta(days=6)
    shift = 0.0 if (end - first_monday).days <= 70 else 0.5
    return [
        ((d - first_monday).days / 7 - shift, text) for d, text in date_ticks(first_monday, end)
    ]


def four_step(most: float) -> int:
    """The round step (1, 2 or 5 x 10^n) that covers ``most`` in four steps, so an
    axis can share its grid lines with a 0-100 % axis."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if 4 * step >= most:
                return step
        magnitude *= 10
