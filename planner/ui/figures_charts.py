"""A community's figures as charts: is it alive, is it keeping people?

Two charts of :class:`~planner.ui.community_charts.CommunityCharts`, read
from the figures table (:mod:`planner.metrics`):

- :class:`MembersChart`: members and active members, one point per day
  recorded;
- :class:`WeeklyChart`: per ISO week, joined and left side by side (a red bar
  taller than the green one is a week the group shrank) and the active rate
  (active / members) as a line on a 0–100 % axis, with a caption that counts
  the last complete weeks as the decline health check does.

Each replaces its series' points on an update (the chart and its axes stay).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import QBarSeries, QBarSet, QCategoryAxis, QValueAxis
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QCursor, QFontMetrics
from PySide6.QtWidgets import QToolTip, QWidget

from planner.calendar import week_start
from planner.health import DECLINE_WEEKS
from planner.metrics import DayFigures, WeekFigures
from planner.ui.chart_axes import date_ticks, four_step, nice_range, set_ticks, week_ticks
from planner.ui.chart_style import (
    AMBER,
    BLUE,
    GREEN,
    RED,
    TEAL,
    ChartPanel,
    bar_set,
    fill_bars,
    line_series,
    number_text,
)
from planner.ui.import_mapping_model import sentences
from planner.ui.theme import SPACING


class MembersChart(ChartPanel):
    """Members and active members over time, one point per day recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("CommunityCharts", "Members and active members"), parent
        )
        self.members = line_series(QCoreApplication.translate("CommunityCharts", "Members"), BLUE)
        self.active = line_series(
            QCoreApplication.translate("CommunityCharts", "Active members"), TEAL
        )
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        for series in (self.members, self.active):
            self.chart.addSeries(series)
            series.hovered.connect(self._on_hovered)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.members, self.active):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.view.restyle()
        self._days: dict[int, DayFigures] = {}

    def update_days(self, days: Sequence[DayFigures], first: date, last: date) -> bool:
        """Show ``days`` on an axis from ``first`` to ``last``; False when none has a count."""
        counted = [d for d in days if d.members is not None or d.active_members is not None]
        self._days = {d.day.toordinal(): d for d in counted}
        self.members.replace(
            [QPointF(d.day.toordinal(), d.members) for d in counted if d.members is not None]
        )
        self.active.replace(
            [
                QPointF(d.day.toordinal(), d.active_members)
                for d in counted
                if d.active_members is not None
            ]
        )
        if not counted:
            return False
        # A point per day recorded reads on weekly figures; daily ones make a line.
        for series in (self.members, self.active):
            series.setPointsVisible(len(counted) <= 60)
        values = [v for d in counted for v in (d.members, d.active_members) if v is not None]
        bottom, top, count = nice_range(min(values), max(values))
        self.y_axis.setRange(bottom, top)
        self.y_axis.setTickCount(count)
        first = min(first, counted[0].day)
        self.x_axis.setRange(first.toordinal(), last.toordinal())
        ticks = date_ticks(first, last)
        set_ticks(self.x_axis, [(d.toordinal(), text) for d, text in ticks])
        self._fit_last_label(ticks, first, last)
        return True

    def _fit_last_label(self, ticks: list[tuple[date, str]], first: date, last: date) -> None:
        """Room on the right for a label at the axis' end (a Monday that is today),
        which is centred on its tick and would be cut (“11月23日” is wide)."""
        right = SPACING
        if ticks and (last - ticks[-1][0]).days * 20 <= (last - first).days:
            width = QFontMetrics(self.x_axis.labelsFont()).horizontalAdvance(ticks[-1][1])
            right = max(right, width // 2 + 2)
        margins = self.chart.margins()
        if margins.right() != right:
            margins.setRight(right)
            self.chart.setMargins(margins)

    def _on_hovered(self, point: QPointF, state: bool) -> None:
        figures = self._days.get(round(point.x()))
        if not state or figures is None:
            QToolTip.hideText()
            return
        lines = [figures.day.isoformat()]
        if figures.members is not None:
            lines.append(
                QCoreApplication.translate("CommunityCharts", "Members: %1").replace(
                    "%1", number_text(figures.members)
                )
            )
        if figures.active_members is not None:
            lines.append(
                QCoreApplication.translate("CommunityCharts", "Active: %1").replace(
                    "%1", number_text(figures.active_members)
                )
            )
        if figures.retention is not None:
            lines.append(
                QCoreApplication.translate("CommunityCharts", "Active rate: %1").replace(
                    "%1", f"{figures.retention:.0%}"
                )
            )
        QToolTip.showText(QCursor.pos(), "\n".join(lines), self.view)


class WeeklyChart(ChartPanel):
    """Per ISO week: joined and left (bars), and the active rate (a line, right axis)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("CommunityCharts", "Joined, left and active rate per week"),
            parent,
        )
        self.joined = bar_set(QCoreApplication.translate("CommunityCharts", "Joined"), GREEN)
        self.left = bar_set(QCoreApplication.translate("CommunityCharts", "Left"), RED)
        self.bars = QBarSeries()
        self.bars.append(self.joined)
        self.bars.append(self.left)
        self.bars.setBarWidth(0.75)
        self.retention = line_series(
            QCoreApplication.translate("CommunityCharts", "Active rate"), AMBER, 3.0
        )
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        self.rate_axis = QValueAxis()
        self.rate_axis.setRange(0, 100)
        self.rate_axis.setTickCount(5)
        self.rate_axis.setLabelFormat("%d%%")
        self.rate_axis.setGridLineVisible(False)
        self.chart.addSeries(self.bars)
        self.chart.addSeries(self.retention)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.rate_axis, Qt.AlignmentFlag.AlignRight)
        self.bars.attachAxis(self.x_axis)
        self.bars.attachAxis(self.y_axis)
        self.retention.attachAxis(self.x_axis)
        self.retention.attachAxis(self.rate_axis)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.bars.hovered.connect(self._on_bar_hovered)
        self.retention.hovered.connect(self._on_rate_hovered)
        self.view.restyle()
        self.weeks: list[WeekFigures] = []

    def update_weeks(self, weeks: Sequence[WeekFigures], first: date, last: date) -> bool:
        """Show every ISO week from ``first``'s to ``last``'s; False when none has figures."""
        known = {w.monday: w for w in weeks}
        monday = week_start(first)
        self.weeks = []
        while monday <= last:
            self.weeks.append(known.get(monday, WeekFigures(monday)))
            monday += timedelta(weeks=1)
        fill_bars(self.joined, [w.joined or 0 for w in self.weeks])
        fill_bars(self.left, [w.left_members or 0 for w in self.weeks])
        self.retention.replace(
            [
                QPointF(n, w.retention * 100)
                for n, w in enumerate(self.weeks)
                if w.retention is not None
            ]
        )
        useful = [w for w in self.weeks if w.joined is not None or w.left_members is not None] + [
            w for w in self.weeks if w.retention is not None
        ]
        if not useful:
            return False
        # Four steps on the left, as on the 0-100 % axis, so both share grid lines.
        most = max([w.joined or 0 for w in self.weeks] + [w.left_members or 0 for w in self.weeks])
        self.y_axis.setRange(0, 4 * four_step(most))
        self.y_axis.setTickCount(5)
        self.x_axis.setRange(-0.5, len(self.weeks) - 0.5)
        set_ticks(self.x_axis, week_ticks(self.weeks[0].monday, self.weeks[-1].monday))
        return True

    def summary(self, this_monday: date) -> str:
        """Under the chart: joined and left in the last complete weeks (as the decline
        health check counts them) and in the period; the latest active rate."""
        recent = [w for w in self.weeks if w.monday < this_monday][-DECLINE_WEEKS:]
        parts: list[str] = []
        if any(w.joined is not None or w.left_members is not None for w in recent):
            joined = sum(w.joined or 0 for w in recent)
            left = sum(w.left_members or 0 for w in recent)
            net = joined - left
            parts.append(
                QCoreApplication.translate(
                    "CommunityCharts", "Last %1 complete weeks: %2 joined, %3 left (net %4)."
                )
                .replace("%1", str(len(recent)))
                .replace("%2", number_text(joined))
                .replace("%3", number_text(left))
                .replace("%4", ("+" if net > 0 else "") + number_text(net))
            )
        rates = [w for w in self.weeks if w.retention is not None]
        if rates:
            latest = rates[-1]
            parts.append(
                QCoreApplication.translate("CommunityCharts", "Active rate %1 in the week of %2.")
                .replace("%1", f"{latest.retention or 0:.0%}")
                .replace("%2", latest.monday.isoformat())
            )
            before = [w for w in rates if w.monday <= latest.monday - timedelta(weeks=4)]
            if before:
                parts.append(
                    QCoreApplication.translate("CommunityCharts", "Four weeks before: %1.").replace(
                        "%1", f"{before[-1].retention or 0:.0%}"
                    )
                )
        return sentences(*parts)

    def _week_text(self, index: int) -> str:
        week = self.weeks[index]
        iso = week.monday.isocalendar()
        lines = [
            QCoreApplication.translate("CommunityCharts", "Week %1 (from %2)")
            .replace("%1", f"{iso.year}-W{iso.week:02d}")
            .replace("%2", week.monday.isoformat()),
            QCoreApplication.translate("CommunityCharts", "Joined: %1").replace(
                "%1", number_text(week.joined)
            ),
            QCoreApplication.translate("CommunityCharts", "Left: %1").replace(
                "%1", number_text(week.left_members)
            ),
        ]
        if week.retention is not None:
            lines.append(
                QCoreApplication.translate("CommunityCharts", "Active rate: %1").replace(
                    "%1", f"{week.retention:.0%}"
                )
            )
        return "\n".join(lines)

    def _on_bar_hovered(self, status: bool, index: int, _bar_set: QBarSet) -> None:
        if status and 0 <= index < len(self.weeks):
            QToolTip.showText(QCursor.pos(), self._week_text(index), self.view)
        else:
            QToolTip.hideText()

    def _on_rate_hovered(self, point: QPointF, state: bool) -> None:
        index = round(point.x())
        if state and 0 <= index < len(self.weeks):
            QToolTip.showText(QCursor.pos(), self._week_text(index), self.view)
        else:
            QToolTip.hideText()
