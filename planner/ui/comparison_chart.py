"""Every community on one chart: which one is growing, which one is dying?

One line per live community, in the community's own colour, over the last
:data:`WEEKS` ISO weeks, for the measure chosen: the weekly active rate
(active / members), the member count, or the net change (joined − left).

A declining community is made impossible to miss. "Declining" is the health
check's rule (:mod:`planner.health`, ``decline``), so the chart and the
health warnings agree: its line is drawn thick and on top, the others a
little faded, its legend entry says "↓ declining", a red ring marks where
its line ends, and a line above the chart names it.

The chart reads again on :attr:`Session.changed` (figures, communities) and
when the date moves on (:meth:`ComparisonChart.check_date`, called from the
overview's minute timer, and on show): the weeks shown and the health check
both end at today. Each read replaces the lines; the old ones are deleted, so
an app left open does not pile up a series per community per refresh.

On a large workspace (:func:`planner.ui.paced.is_large`) the figures are read
off the GUI thread, and the lines are added :data:`LINES_PER_TURN` at a time,
one batch per event-loop turn, so that the window keeps painting;
:attr:`ComparisonChart.busy` says the chart is not complete yet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from PySide6.QtCharts import QCategoryAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPen, QShowEvent
from PySide6.QtWidgets import QComboBox, QToolTip, QVBoxLayout, QWidget

from planner.calendar import week_start
from planner.communities import TABLE as COMMUNITIES_TABLE
from planner.communities import Community, list_communities
from planner.health import declining
from planner.history import Change
from planner.metrics import TABLE as METRICS_TABLE
from planner.metrics import WeekFigures, weeks_between
from planner.ui.chart_axes import nice_range, set_ticks, week_ticks
from planner.ui.chart_style import (
    RED,
    ChartPanel,
    chart_colors,
    line_series,
    number_text,
    png_name,
)
from planner.ui.import_mapping_model import fill
from planner.ui.paced import Reader, Steps, is_large
from planner.ui.session import Session
from planner.ui.theme import mix
from planner.workspace import Workspace

WEEKS = 26
MEASURES = ("retention", "members", "net")
NORMAL_WIDTH, DECLINING_WIDTH = 2.0, 4.5
FADED_ALPHA = 0.7  # the other lines, while one community is declining
# Above this many lines the faded ones are an opaque mix of their colour and the
# background: translucent wide lines cost five times as much to paint, which with
# two hundred of them holds the window up for a tenth of a second at every paint.
TRANSLUCENT_LIMIT = 20
# Lines added in one event-loop turn: up to this many at once; more, a batch a turn.
LINES_PER_TURN = 20

# What a read finds: the live communities, their weeks by id, the declining ids.
Found = tuple[list[Community], dict[str, list[WeekFigures]], list[str]]


def read_figures(ws: Workspace, first: date, today: date) -> Found:
    """The live communities, their figures by week from ``first`` to ``today``,
    and which of them the health check finds declining (in their order)."""
    communities = list_communities(ws)
    if not communities:
        return [], {}, []
    ids = [c.id for c in communities]
    weeks = weeks_between(ws, ids, first, today)
    found = declining(ws, today, ids)
    return communities, weeks, [cid for cid in ids if cid in found]


def measure_label(key: str) -> str:
    return {
        "retention": QCoreApplication.translate("ComparisonChart", "Weekly active rate"),
        "members": QCoreApplication.translate("ComparisonChart", "Members"),
        "net": QCoreApplication.translate("ComparisonChart", "Net joined − left per week"),
    }[key]


def name_list(names: list[str]) -> str:
    """Community names in a sentence, joined as the language does it ("A, B"; 「A、B」)."""
    separator = QCoreApplication.translate(
        "ComparisonChart", ", ", "between community names in a list; Chinese uses 、"
    )
    return separator.join(names)


def measure_value(week: WeekFigures, key: str) -> float | None:
    """A week's value of the measure ``key`` (the active rate in percent)."""
    if key == "retention":
        return None if week.retention is None else week.retention * 100
    if key == "members":
        return None if week.members is None else float(week.members)
    return None if week.net is None else float(week.net)


class ComparisonChart(QWidget):
    """The live communities compared week by week, the declining ones marked.

    Attributes:
        measure: the measure chooser (data: a key of :data:`MEASURES`).
        panel: the :class:`ChartPanel` (chart, empty state, export).
        declining: ids of the communities the health check finds declining.

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
        self._stale = False
        self._day: date | None = None  # the day the lines were read for
        self.declining: list[str] = []
        self._series: dict[str, QLineSeries] = {}
        self._names: dict[QLineSeries, str] = {}
        self._mondays: list[date] = []
        self._reading: list[date] = []  # the weeks of the read under way
        self._opaque = False  # the faded lines are mixed with the background
        self._retired: list[QLineSeries] = []  # hidden, to be taken off the chart
        self._awaiting = False  # a read off the GUI thread has not been drawn yet
        # What the last read found, so that another measure redraws without a query.
        self._communities: list[Community] = []
        self._weeks: dict[str, list[WeekFigures]] = {}
        # How many lines each event-loop turn of the latest drawing added.
        self.batches: list[int] = []
        self._reader = Reader(self)
        self._reader.done.connect(self._on_read)
        self._steps = Steps(self)

        self.panel = ChartPanel(
            QCoreApplication.translate(
                "ComparisonChart", "Communities compared, last %1 weeks"
            ).replace("%1", str(WEEKS))
        )
        self.panel.message.connect(self.message)
        self.panel.error.connect(self.error)
        self.measure = QComboBox()
        for key in MEASURES:
            self.measure.addItem(measure_label(key), key)
        self.measure.setAccessibleName(QCoreApplication.translate("ComparisonChart", "Measure"))
        self.measure.setToolTip(
            QCoreApplication.translate("ComparisonChart", "What to compare the communities by")
        )
        self.measure.currentIndexChanged.connect(lambda _i: self._show_measure())
        self.panel.add_tool(self.measure)

        chart = self.panel.chart
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis = QValueAxis()
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        # Beside the lines, one name per row: below them, long Chinese names get cut.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        # Where each declining community's line ends: a red ring.
        self.ends = QScatterSeries()
        self.ends.setMarkerSize(16)
        self.ends.setColor(QColor(0, 0, 0, 0))
        self.ends.setBorderColor(QColor(RED))
        self.ends.setPen(QPen(QColor(RED), 2.5))
        chart.addSeries(self.ends)
        self.ends.attachAxis(self.x_axis)
        self.ends.attachAxis(self.y_axis)
        chart.legend().markers(self.ends)[0].setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addStretch(0)  # takes the room only while the panel is an empty text
        self._show_empty(
            QCoreApplication.translate(
                "ComparisonChart", "Open a workspace to compare its communities."
            )
        )

    @property
    def current_measure(self) -> str:
        return str(self.measure.currentData())

    def series_for(self, community_id: str) -> QLineSeries | None:
        """The line of a community (None when it has no value to show)."""
        return self._series.get(community_id)

    @property
    def busy(self) -> bool:
        """Figures are being read off the GUI thread, or lines are still to be added."""
        return self._reader.busy or self._steps.pending

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._reader.cancel()  # what it would find belongs to the workspace before
        self._awaiting = False
        if session is not self._session and self._series:
            self._clear_lines(paced=True)  # no line of it while this one's are read
        self._session = session
        if session is not None:
            session.changed.connect(self._on_changed)
        self.refresh()

    # -- refreshing -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures again (now if shown, else when next shown)."""
        self._stale = True
        self._catch_up()

    def check_date(self) -> None:
        """Read again when today is not the day the lines were read for.

        The weeks shown end at today's week and "declining" is judged as of
        today, so an app left open past midnight (or into a new ISO week)
        must read again; the overview calls this from its minute timer. A
        hidden chart reads when shown (:meth:`showEvent` checks the date too).
        """
        if self.today() != self._day:
            self.refresh()

    def _catch_up(self) -> None:
        if not self.isVisible():
            return
        if self._stale or self.today() != self._day:
            self._stale = False
            self._read()

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent: catch up with changes made while hidden,
        and with the date if it changed meanwhile."""
        super().showEvent(event)
        self._catch_up()

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: faded lines mixed with the background
        take the new background's mix (a switch between light and dark)."""
        super().changeEvent(event)
        palette_change = event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        )
        if palette_change and self._opaque and self.declining and self._series:
            self._show_measure()

    def _on_changed(self, change: Change) -> None:
        if change.tables & {METRICS_TABLE, COMMUNITIES_TABLE}:
            self.refresh()

    def _show_empty(self, text: str) -> None:
        self._clear_lines()
        self.declining = []
        self.panel.set_empty(text)
        self.panel.set_notice("")

    def _clear_lines(self, *, paced: bool = False) -> None:
        """Take the lines off the chart and delete them: removeSeries hands a series
        back to its caller, and nothing else would ever delete it.

        ``paced``: hide them now, take them off :data:`LINES_PER_TURN` at a
        time, in the next event-loop turns (before new lines are added).
        """
        self._steps.clear()  # lines not added yet belong to the drawing replaced
        old = [*self._retired, *self._series.values()]
        self._retired = []
        self._series.clear()
        self._names.clear()
        self.ends.clear()
        if paced and len(old) > LINES_PER_TURN:
            for series in old:
                series.setVisible(False)
            self._retired = old
            for _ in range(0, len(old), LINES_PER_TURN):
                self._steps.add(self._remove_retired)
            return
        for series in old:
            self._remove(series)

    def _remove_retired(self) -> None:
        batch = self._retired[:LINES_PER_TURN]
        del self._retired[:LINES_PER_TURN]
        for series in batch:
            self._remove(series)

    def _remove(self, series: QLineSeries) -> None:
        self.panel.chart.removeSeries(series)
        series.deleteLater()

    def _read(self) -> None:
        self._day = today = self.today()
        self._communities, self._weeks = [], {}
        if self._session is None:
            self._show_empty(
                QCoreApplication.translate(
                    "ComparisonChart", "Open a workspace to compare its communities."
                )
            )
            return
        session = self._session
        this_monday = week_start(today)
        first = this_monday - timedelta(weeks=WEEKS - 1)
        mondays = [first + timedelta(weeks=n) for n in range(WEEKS)]
        if is_large(session.workspace):
            # The lines drawn stay until the new ones come.
            self._reading = mondays
            self._awaiting = True
            self._reader.start(session, partial(read_figures, first=first, today=today))
            return
        self._reader.cancel()
        self._awaiting = False
        self._mondays = mondays
        self._show_found(read_figures(session.workspace, first, today))

    def _on_read(self, found: Found) -> None:
        # In a turn of its own, as the batches of lines that follow.
        self._steps.add(partial(self._show_read, self._reading, found))

    def _show_read(self, mondays: list[date], found: Found) -> None:
        self._awaiting = False
        self._mondays = mondays
        self._show_found(found)

    def _show_found(self, found: Found) -> None:
        communities, weeks, falling = found
        if not communities:
            self._show_empty(
                QCoreApplication.translate(
                    "ComparisonChart", "No communities yet: create one, then record its figures."
                )
            )
            return
        self._communities, self._weeks, self.declining = communities, weeks, falling
        self._show_measure()

    def _show_measure(self) -> None:
        """Draw the measure chosen from what the last read found."""
        if self._awaiting:
            return  # a read is under way: it draws the measure chosen when it is done
        if self._stale or not self._communities:
            self.refresh()
            return
        communities, key = self._communities, self.current_measure
        lines: dict[str, list[QPointF]] = {}
        for community in communities:
            by_monday = {w.monday: w for w in self._weeks.get(community.id, [])}
            points = [
                QPointF(n, value)
                for n, monday in enumerate(self._mondays)
                if monday in by_monday
                and (value := measure_value(by_monday[monday], key)) is not None
            ]
            if points:
                lines[community.id] = points
        if not lines:
            self._show_empty(
                QCoreApplication.translate(
                    "ComparisonChart",
                    "No figures in the last %1 weeks: enter members and active members in a "
                    "community's figures table, or import a CSV, to compare the communities here.",
                ).replace("%1", str(WEEKS))
            )
            return
        self._draw(communities, lines, key)
        self.panel.show_chart()
        names = [c.name for c in communities if c.id in self.declining]
        self.panel.set_notice(
            QCoreApplication.translate(
                "ComparisonChart",
                "↓ Declining: %1. More members leave than join, or the active rate keeps falling.",
            ).replace("%1", name_list(names))
            if names
            else ""
        )
        assert self._session is not None and self._day is not None
        ws, today = self._session.workspace, self._day
        period = fill(
            QCoreApplication.translate("ComparisonChart", "%1 – %2"),
            self._mondays[0].isoformat(),
            today.isoformat(),
        )
        self.panel.set_export(
            png_name(ws.path.stem, f"compare-{key}", today),
            fill(
                QCoreApplication.translate("ComparisonChart", "%1 · %2 · %3"),
                self.panel.title_label.text(),
                measure_label(key),
                period,
            ),
            ws.path.parent,
        )

    def _draw(
        self, communities: list[Community], lines: dict[str, list[QPointF]], key: str
    ) -> None:
        self._clear_lines(paced=True)
        self.batches = []
        # Declining lines last, so they are drawn on top of the others.
        shown = [c for c in communities if c.id in lines]
        shown.sort(key=lambda c: c.id in self.declining)
        self._opaque = len(shown) > TRANSLUCENT_LIMIT
        values = [p.y() for points in lines.values() for p in points]
        if key == "retention":
            self.y_axis.setRange(0, 100)
            self.y_axis.setTickCount(6)
            self.y_axis.setLabelFormat("%d%%")
        else:
            low = min(values) if key == "net" else min(min(values), max(values) * 0.5)
            bottom, top, count = nice_range(min(low, 0) if key == "net" else low, max(values))
            self.y_axis.setRange(bottom, top)
            self.y_axis.setTickCount(count)
            self.y_axis.setLabelFormat("%d")
        self.x_axis.setRange(-0.5, WEEKS - 0.5)
        set_ticks(self.x_axis, week_ticks(self._mondays[0], self._mondays[-1]))
        batches = [shown[n : n + LINES_PER_TURN] for n in range(0, len(shown), LINES_PER_TURN)]
        if len(batches) == 1 and not self._steps.pending:
            self._add_lines(batches[0], lines)
        else:  # a batch a turn, the first one too: this turn has had its share
            for batch in batches:
                self._steps.add(partial(self._add_lines, batch, lines))

    def _add_lines(self, communities: list[Community], lines: dict[str, list[QPointF]]) -> None:
        """Add the lines of ``communities`` (in this order) to the chart."""
        chart = self.panel.chart
        for community in communities:
            falling = community.id in self.declining
            color = QColor(community.color or "#888888")
            if self.declining and not falling:
                if self._opaque:
                    color = mix(color, chart_colors(self.palette()).background, FADED_ALPHA)
                else:
                    color.setAlphaF(FADED_ALPHA)
            name = community.name
            if falling:
                name = QCoreApplication.translate("ComparisonChart", "%1 ↓ declining").replace(
                    "%1", community.name
                )
            series = line_series(name, color.name(QColor.NameFormat.HexArgb))
            series.setPen(QPen(color, DECLINING_WIDTH if falling else NORMAL_WIDTH))
            series.setPointsVisible(falling)
            series.setMarkerSize(6)
            series.replace(lines[community.id])
            series.hovered.connect(self._on_hovered)
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
            self._series[community.id] = series
            self._names[series] = community.name
            if falling:
                self.ends.append(lines[community.id][-1])
        self.batches.append(len(communities))
        self.panel.view.restyle()
        chart.legend().markers(self.ends)[0].setVisible(False)

    def _on_hovered(self, point: QPointF, state: bool) -> None:
        series = self.sender()
        index = round(point.x())
        if not state or not isinstance(series, QLineSeries) or not 0 <= index < WEEKS:
            QToolTip.hideText()
            return
        value = next((p.y() for p in series.points() if round(p.x()) == index), None)
        if value is None:
            QToolTip.hideText()
            return
        key = self.current_measure
        shown = f"{value:.0f}%" if key == "retention" else number_text(value)
        if key == "net" and value > 0:
            shown = "+" + shown
        lines = [
            self._names.get(series, ""),
            QCoreApplication.translate("ComparisonChart", "Week of %1").replace(
                "%1", self._mondays[index].isoformat()
            ),
            fill(
                QCoreApplication.translate("ComparisonChart", "%1: %2"), measure_label(key), shown
            ),
        ]
        text = "\n".join(lines)
        QToolTip.showText(QCursor.pos(), text, self.panel.view)
