"""A community's charts: is it alive, is it keeping people, do its activities deliver?

Three charts over a period the operator picks (the last 3, 6 or 12 months,
or everything recorded), each in a :class:`~planner.ui.chart_style.ChartPanel`
with its empty state and Export PNG:

- members and active members, one point per day recorded;
- per ISO week, joined and left side by side (a red bar taller than the green
  one is a week the group shrank) and the active rate (active / members) as
  a line on a 0–100 % axis;
- activity outcomes by type, planned against actual, for one metric at a time.

The charts follow :attr:`Session.changed`: figures of the community, its
calendar, or the community itself. Only the charts a change touches are read
again, by replacing their series' points (the widget and its charts stay),
and only while they are shown; a hidden widget catches up when shown again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import TABLE as CALENDAR_TABLE
from planner.communities import TABLE as COMMUNITIES_TABLE
from planner.communities import Community, get_community
from planner.errors import NotFound
from planner.health import DECLINE_WEEKS
from planner.history import Change
from planner.metrics import TABLE as METRICS_TABLE
from planner.metrics import DayFigures, WeekFigures, by_week, figures_between, week_start
from planner.outcomes import activity_outcomes, first_activity_day
from planner.ui.chart_style import (
    AMBER,
    BLUE,
    GREEN,
    RED,
    TEAL,
    ChartPanel,
    bar_set,
    date_ticks,
    fill_bars,
    four_step,
    line_series,
    nice_range,
    number_text,
    png_name,
    set_ticks,
    week_ticks,
)
from planner.ui.outcomes_chart import OutcomesChart
from planner.ui.session import Session
from planner.ui.theme import MARGIN, SPACING

# The periods offered: key -> weeks back from today (None: everything recorded).
PERIODS: tuple[tuple[str, int | None], ...] = (("3m", 13), ("6m", 26), ("12m", 52), ("all", None))
DEFAULT_PERIOD = "6m"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CommunityCharts", text)


def period_label(key: str) -> str:
    return {
        "3m": _tr("Last 3 months"),
        "6m": _tr("Last 6 months"),
        "12m": _tr("Last 12 months"),
        "all": _tr("Everything"),
    }[key]


def touches(change: Change, table: str, community_id: str) -> bool:
    """True when ``change`` wrote a row of ``table`` belonging to ``community_id``
    (a row image without a community counts, to be safe)."""
    for row in change.rows:
        if row.table != table:
            continue
        owners = {image.get("community_id") for image in (row.before, row.after) if image}
        if community_id in owners or not owners - {None, ""}:
            return True
    return False


class MembersChart(ChartPanel):
    """Members and active members over time, one point per day recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Members and active members"), parent)
        self.members = line_series(_tr("Members"), BLUE)
        self.active = line_series(_tr("Active members"), TEAL)
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
        set_ticks(self.x_axis, [(d.toordinal(), text) for d, text in date_ticks(first, last)])
        return True

    def _on_hovered(self, point: QPointF, state: bool) -> None:
        figures = self._days.get(round(point.x()))
        if not state or figures is None:
            QToolTip.hideText()
            return
        lines = [figures.day.isoformat()]
        if figures.members is not None:
            lines.append(_tr("Members: %1").replace("%1", number_text(figures.members)))
        if figures.active_members is not None:
            lines.append(_tr("Active: %1").replace("%1", number_text(figures.active_members)))
        if figures.retention is not None:
            lines.append(_tr("Active rate: %1").replace("%1", f"{figures.retention:.0%}"))
        QToolTip.showText(QCursor.pos(), "\n".join(lines), self.view)


class WeeklyChart(ChartPanel):
    """Per ISO week: joined and left (bars), and the active rate (a line, right axis)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Joined, left and active rate per week"), parent)
        self.joined = bar_set(_tr("Joined"), GREEN)
        self.left = bar_set(_tr("Left"), RED)
        self.bars = QBarSeries()
        self.bars.append(self.joined)
        self.bars.append(self.left)
        self.bars.setBarWidth(0.75)
        self.retention = line_series(_tr("Active rate"), AMBER, 3.0)
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
        text = ""
        if any(w.joined is not None or w.left_members is not None for w in recent):
            joined = sum(w.joined or 0 for w in recent)
            left = sum(w.left_members or 0 for w in recent)
            net = joined - left
            text = (
                _tr("Last %1 complete weeks: %2 joined, %3 left (net %4).")
                .replace("%1", str(len(recent)))
                .replace("%2", number_text(joined))
                .replace("%3", number_text(left))
                .replace("%4", ("+" if net > 0 else "") + number_text(net))
            )
        rates = [w for w in self.weeks if w.retention is not None]
        if rates:
            latest = rates[-1]
            text += (" " if text else "") + (
                _tr("Active rate %1 in the week of %2.")
                .replace("%1", f"{latest.retention or 0:.0%}")
                .replace("%2", latest.monday.isoformat())
            )
            before = [w for w in rates if w.monday <= latest.monday - timedelta(weeks=4)]
            if before:
                text += " " + _tr("Four weeks before: %1.").replace(
                    "%1", f"{before[-1].retention or 0:.0%}"
                )
        return text

    def _week_text(self, index: int) -> str:
        week = self.weeks[index]
        iso = week.monday.isocalendar()
        lines = [
            _tr("Week %1 (from %2)")
            .replace("%1", f"{iso.year}-W{iso.week:02d}")
            .replace("%2", week.monday.isoformat()),
            _tr("Joined: %1").replace("%1", number_text(week.joined)),
            _tr("Left: %1").replace("%1", number_text(week.left_members)),
        ]
        if week.retention is not None:
            lines.append(_tr("Active rate: %1").replace("%1", f"{week.retention:.0%}"))
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


class CommunityCharts(QWidget):
    """One community's charts over a period: members, weeks, activity outcomes.

    Attributes:
        period: the period chooser (data: a key of :data:`PERIODS`).
        members_chart, weekly_chart, outcomes_chart: the three chart panels.

    Signals:
        message(str): what an export did, for the status bar.
        error(str): an export failed (one line).
    """

    message = Signal(str)
    error = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.today = today
        self._session: Session | None = None
        self._community: Community | None = None
        self._stale: set[str] = set()  # "figures", "outcomes": to read when shown

        self.period = QComboBox()
        for key, _weeks in PERIODS:
            self.period.addItem(period_label(key), key)
        self.period.setCurrentIndex([k for k, _ in PERIODS].index(DEFAULT_PERIOD))
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        period_label_widget = QLabel(self.tr("&Period:"))
        period_label_widget.setBuddy(self.period)
        self.range_label = QLabel()
        self.range_label.setProperty("role", "hint")
        top = QHBoxLayout()
        top.setSpacing(SPACING)
        top.addWidget(period_label_widget)
        top.addWidget(self.period)
        top.addWidget(self.range_label, 1)

        self.members_chart = MembersChart()
        self.weekly_chart = WeeklyChart()
        self.outcomes_chart = OutcomesChart()
        self.outcomes_chart.metric_box.currentIndexChanged.connect(self._on_metric_chosen)
        content = QWidget()
        charts = QVBoxLayout(content)
        charts.setContentsMargins(0, 0, SPACING, 0)
        charts.setSpacing(MARGIN)
        for panel in self.panels:
            panel.message.connect(self.message)
            panel.error.connect(self.error)
            charts.addWidget(panel)
        charts.addStretch(1)
        self._charts_layout = charts
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self._show_nothing()

    @property
    def panels(self) -> tuple[ChartPanel, ChartPanel, ChartPanel]:
        return (self.members_chart, self.weekly_chart, self.outcomes_chart)

    @property
    def community_id(self) -> str:
        return self._community.id if self._community else ""

    # -- what is shown ----------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session, self._community = session, None
        if session is not None:
            session.changed.connect(self._on_changed)
        self._show_nothing()

    def show_community(self, community_id: str) -> None:
        """Show the charts of ``community_id`` (nothing when it does not exist)."""
        self._community = None
        if self._session is not None and community_id:
            try:
                self._community = get_community(self._session.workspace, community_id)
            except NotFound:
                self._community = None
        self.refresh()

    def period_range(self) -> tuple[date | None, date]:
        """The period chosen: (first day, or None for everything; today)."""
        today = self.today()
        weeks = dict(PERIODS)[str(self.period.currentData())]
        return (None if weeks is None else today - timedelta(weeks=weeks)), today

    def refresh(self) -> None:
        """Read every chart again (now if shown, else when next shown)."""
        self._stale = {"figures", "outcomes"}
        self._catch_up()

    def _catch_up(self) -> None:
        if not self.isVisible():
            return
        if "figures" in self._stale:
            self._refresh_figures()
        if "outcomes" in self._stale:
            self._refresh_outcomes()
        self._share_room()

    def _share_room(self) -> None:
        """The charts with data share the height; empty ones keep to their text,
        and the rest stays below them (not spread between them)."""
        shown = [not panel.is_empty for panel in self.panels]
        for index, chart in enumerate(shown):
            self._charts_layout.setStretch(index, 1 if chart else 0)
        self._charts_layout.setStretch(len(shown), 0 if any(shown) else 1)

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent: catch up with changes made while hidden."""
        super().showEvent(event)
        self._catch_up()

    def _on_metric_chosen(self) -> None:
        self._stale.add("outcomes")
        self._catch_up()

    def _on_changed(self, change: Change) -> None:
        community = self._community
        if community is None:
            return
        if community.id in change.ids(COMMUNITIES_TABLE):
            self.show_community(community.id)  # renamed, trashed, restored
            return
        if touches(change, METRICS_TABLE, community.id):
            self._stale.add("figures")
        if touches(change, CALENDAR_TABLE, community.id):
            self._stale.add("outcomes")
        self._catch_up()

    def _show_nothing(self) -> None:
        self._stale.clear()
        self.range_label.clear()
        text = self.tr("Choose a community to see its charts.")
        for panel in self.panels:
            panel.set_empty(text)
            panel.set_caption("")
        self._share_room()

    def _export(self, panel: ChartPanel, what: str, first: date, today: date) -> None:
        assert self._community is not None and self._session is not None
        period = period_label(str(self.period.currentData()))
        header = f"{self._community.name} · {panel.title_label.text()} · {period} " + (
            f"({first.isoformat()} – {today.isoformat()})"
        )
        folder: Path = self._session.workspace.path.parent
        panel.set_export(png_name(self._community.name, what, today), header, folder)

    def _refresh_figures(self) -> None:
        self._stale.discard("figures")
        if self._session is None or self._community is None:
            self._show_nothing()
            return
        ws, cid = self._session.workspace, self._community.id
        start, today = self.period_range()
        days = figures_between(ws, cid, week_start(start) if start else None, today)
        first = start or (days[0].day if days else today)
        self.range_label.setText(f"{first.isoformat()} – {today.isoformat()}")
        in_range = [d for d in days if d.day >= first]
        anything = bool(days) or figures_between(ws, cid, None, today) != []
        if anything:
            none_here = self.tr(
                "No figures in this period: choose a longer period, or enter a day in the "
                "figures table."
            )
        else:
            none_here = self.tr("No figures yet: enter a day in the figures table or import a CSV.")
        if self.members_chart.update_days(in_range, first, today):
            self.members_chart.show_chart()
        else:
            self.members_chart.set_empty(none_here)
        self._export(self.members_chart, "members", first, today)
        weekly = self.weekly_chart
        if weekly.update_weeks(by_week(days), first, today):
            weekly.show_chart()
            weekly.set_caption(weekly.summary(week_start(today)))
        else:
            weekly.set_empty(none_here)
            weekly.set_caption("")
        self._export(weekly, "weeks", first, today)

    def _refresh_outcomes(self) -> None:
        self._stale.discard("outcomes")
        if self._session is None or self._community is None:
            return
        ws, cid = self._session.workspace, self._community.id
        start, today = self.period_range()
        first = start or first_activity_day(ws, [cid]) or today
        chart = self.outcomes_chart
        empty = chart.update_outcomes(activity_outcomes(ws, [cid], first, today, today))
        if empty:
            chart.set_empty(empty)
        else:
            chart.show_chart()
        chart.set_caption(chart.summary() if chart.outcomes and chart.outcomes.activities else "")
        self._export(chart, f"activities-{chart.current_metric}", first, today)
