"""A community's charts: is it alive, is it keeping people, do its activities deliver?

Three charts over a period the operator picks (the last 3, 6 or 12 months,
or everything recorded), each in a :class:`~planner.ui.chart_style.ChartPanel`
with its empty state and Export PNG:

- members and active members, one point per day recorded;
- per ISO week, joined and left side by side (a red bar taller than the green
  one is a week the group shrank) and the active rate (active / members) as
  a line on a 0–100 % axis;
- activity outcomes by type, planned against actual, for one metric at a time.

The first two are in :mod:`planner.ui.figures_charts`, the third in
:mod:`planner.ui.outcomes_chart`.

The charts follow :attr:`Session.changed`: figures of the community, its
calendar, or the community itself. Only the charts a change touches are read
again, by replacing their series' points (the widget and its charts stay),
and only while they are shown; a hidden widget catches up when shown again.
A community moved to the trash shows the "choose a community" state (an
undo brings its charts back). The period ends today, so the charts read
again when the date changes: :meth:`CommunityCharts.check_date` for a timer,
and on show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import TABLE as CALENDAR_TABLE
from planner.calendar import week_start
from planner.communities import TABLE as COMMUNITIES_TABLE
from planner.communities import Community, get_community
from planner.errors import NotFound
from planner.history import Change
from planner.metrics import TABLE as METRICS_TABLE
from planner.metrics import by_week, figures_between, latest_figures
from planner.outcomes import activity_outcomes, first_activity_day
from planner.ui.chart_style import ChartPanel, png_name
from planner.ui.figures_charts import MembersChart, WeeklyChart
from planner.ui.import_mapping_model import fill
from planner.ui.outcomes_chart import OutcomesChart
from planner.ui.session import Session
from planner.ui.theme import MARGIN, SPACING

# The periods offered: key -> weeks back from today (None: everything recorded).
PERIODS: tuple[tuple[str, int | None], ...] = (("3m", 13), ("6m", 26), ("12m", 52), ("all", None))
DEFAULT_PERIOD = "6m"


def period_label(key: str) -> str:
    return {
        "3m": QCoreApplication.translate("CommunityCharts", "Last 3 months"),
        "6m": QCoreApplication.translate("CommunityCharts", "Last 6 months"),
        "12m": QCoreApplication.translate("CommunityCharts", "Last 12 months"),
        "all": QCoreApplication.translate("CommunityCharts", "Everything"),
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
        # The community asked for, kept while it is in the trash (an undo brings
        # it back), and the live one shown: None when there is none to show.
        self._community_id = ""
        self._community: Community | None = None
        self._stale: set[str] = set()  # "figures", "outcomes": to read when shown
        self._day: date | None = None  # the day the charts were read for

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
        self._session, self._community_id, self._community = session, "", None
        if session is not None:
            session.changed.connect(self._on_changed)
        self._show_nothing()

    def show_community(self, community_id: str) -> None:
        """Show the charts of ``community_id``: nothing when it does not exist or is
        in the trash (its charts come back if it is restored while asked for)."""
        self._community_id, self._community = community_id, None
        if self._session is not None and community_id:
            try:
                community = get_community(self._session.workspace, community_id)
            except NotFound:
                community = None
            if community is not None and not community.deleted:
                self._community = community
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

    def check_date(self) -> None:
        """Read again when today is not the day the charts were read for.

        The period ends today and the weeks are counted to today's ISO week,
        so an app left open past midnight must read again (a timer may call
        this; a hidden widget reads when shown, :meth:`showEvent` checks too).
        """
        if self.today() != self._day:
            self.refresh()

    def _catch_up(self) -> None:
        if not self.isVisible():
            return
        today = self.today()
        if today != self._day:  # the period moved on: every chart is out of date
            self._day = today
            self._stale = {"figures", "outcomes"}
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
        """Override QWidget::showEvent: catch up with changes made while hidden,
        and with the date if it changed meanwhile."""
        super().showEvent(event)
        self._catch_up()

    def _on_metric_chosen(self) -> None:
        # The outcomes read hold every metric: another one is only drawn again.
        if self._community is None:
            return
        if self.outcomes_chart.outcomes is None or "outcomes" in self._stale:
            self._stale.add("outcomes")
            self._catch_up()
        else:
            self._show_outcomes()

    def _on_changed(self, change: Change) -> None:
        if self._community_id and self._community_id in change.ids(COMMUNITIES_TABLE):
            self.show_community(self._community_id)  # renamed, trashed, restored
            return
        community = self._community
        if community is None:
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
        header = fill(
            self.tr("%1 · %2 · %3 (%4 – %5)"),
            self._community.name,
            panel.title_label.text(),
            period,
            first.isoformat(),
            today.isoformat(),
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
        self.range_label.setText(fill(self.tr("%1 – %2"), first.isoformat(), today.isoformat()))
        in_range = [d for d in days if d.day >= first]
        anything = bool(days) or latest_figures(ws, cid, today) is not None
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
        self.outcomes_chart.outcomes = activity_outcomes(ws, [cid], first, today, today)
        self._show_outcomes()

    def _show_outcomes(self) -> None:
        """Draw the chosen metric of the outcomes last read."""
        chart = self.outcomes_chart
        outcomes = chart.outcomes
        if outcomes is None:
            return
        empty = chart.update_outcomes(outcomes)
        first, today = outcomes.start, outcomes.end
        if empty:
            chart.set_empty(empty)
        else:
            chart.show_chart()
        chart.set_caption(chart.summary() if chart.outcomes and chart.outcomes.activities else "")
        self._export(chart, f"activities-{chart.current_metric}", first, today)
