"""The fission calculator's chart: members per wave of a projection.

Bars for the members each wave brings (wave 0's are the seeds, in their own
colour) and a line for the members in all after each wave, on one axis, so
that the line's climb and the bars' shrinking or growing read at a glance.
The colours follow the palette (light or dark) and change with it.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCharts import (
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from planner.fission import Projection
from planner.ui.chart_style import choose_save_path
from planner.ui.chart_style import save_png as write_png
from planner.ui.fission_model import people
from planner.ui.theme import mix, palette_is_dark

# Light / dark pairs: the bars in the palette's blue, the line in an orange that
# stands apart from it for colour-blind readers too.
NEW_COLORS = ("#2f6fde", "#5b9bff")
SEED_COLORS = ("#9bb8ea", "#4d6fa6")
TOTAL_COLORS = ("#d56e0c", "#f5a445")
# Below this the legend, the axes and the wave labels leave no room for the bars.
MIN_HEIGHT = 200
# What the chart asks for where the results scroll: readable, not the whole viewport.
PREFERRED_HEIGHT = 260


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k at or above ``value`` (at least 5),
    so that five intervals of the axis fall on round numbers."""
    if value <= 5:
        return 5.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def label_step(waves: int) -> int:
    """Label every wave up to 12 of them, else every 2nd, 5th or 10th: at most 12 labels."""
    return next(step for step in (1, 2, 5, 10) if waves <= step * 12)


class WavesChart(QChartView):
    """Members per wave of a projection, as bars (new) and a line (in all).

    Signals:
        message(str): a chart saved, for the status bar.
        error(str): a chart could not be saved (one line).

    A projection that passes any realistic reach is drawn up to the wave that
    passes it: past that the model no longer describes anything, and the
    numbers would flatten every earlier bar to nothing.

    Attributes:
        seeds_set: the bar of wave 0 (the seeds).
        new_set: the bars of waves 1 and on.
        total_series: the members in all after each wave, from wave 0.
    """

    message = Signal(str)
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(MIN_HEIGHT)
        chart = self._chart
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)

        self.seeds_set = QBarSet(QCoreApplication.translate("Fission", "Seeds"))
        self.new_set = QBarSet(QCoreApplication.translate("Fission", "New members"))
        self.bars = QStackedBarSeries()
        self.bars.append(self.seeds_set)
        self.bars.append(self.new_set)
        self.bars.setBarWidth(0.6)
        self.total_series = QLineSeries()
        self.total_series.setName(QCoreApplication.translate("Fission", "Members in all"))
        self.total_series.setPointsVisible(True)
        chart.addSeries(self.bars)
        chart.addSeries(self.total_series)

        # Bars stand at x = 0, 1, 2, … and the waves are labelled on their values,
        # every one of them or every 2nd, 5th or 10th, so that thirty waves stay legible.
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.x_axis.setTitleText(QCoreApplication.translate("Fission", "Wave"))
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%'.0f")
        self.y_axis.setTickCount(6)
        self.y_axis.setMinorTickCount(0)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.bars, self.total_series):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.bars.hovered.connect(self._on_bar_hovered)
        self.total_series.hovered.connect(self._on_point_hovered)

        self.save_action = QAction(
            QCoreApplication.translate("Fission", "Save chart as PNG…"), self
        )
        self.save_action.triggered.connect(lambda _checked=False: self.choose_png())
        self.addAction(self.save_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self._shown = 0
        self._apply_palette()

    def sizeHint(self) -> QSize:
        """Override QGraphicsView::sizeHint: a readable chart.

        The view's own hint is its scene's, a few pixels; the results ask for
        their preferred heights where they scroll, and the chart must get more.
        """
        return QSize(360, PREFERRED_HEIGHT)

    @property
    def shown_waves(self) -> int:
        """How many waves of sharing the chart draws (after wave 0)."""
        return self._shown

    def set_projection(self, projection: Projection | None) -> None:
        """Draw ``projection``; None clears the chart."""
        self.seeds_set.remove(0, self.seeds_set.count())
        self.new_set.remove(0, self.new_set.count())
        self.total_series.clear()
        for label in self.x_axis.categoriesLabels():
            self.x_axis.remove(label)
        if projection is None:
            self._shown = 0
            self.x_axis.setRange(-0.5, 0.5)
            self.y_axis.setRange(0, 5)
            return
        last = projection.exceeds_reach_at or len(projection.waves)
        self._shown = last
        new = projection.new_by_wave[: last + 1]
        members = projection.members_by_wave[: last + 1]
        self.x_axis.setRange(-0.5, last + 0.5)
        self.x_axis.append(QCoreApplication.translate("Fission", "Seeds"), 0)
        step = label_step(last)
        for n in range(step, last + 1, step):
            self.x_axis.append(str(n), n)
        self.seeds_set.append([new[0], *([0.0] * last)])
        self.new_set.append([0.0, *new[1:]])
        self.total_series.append([QPointF(n, v) for n, v in enumerate(members)])
        self.y_axis.setRange(0, nice_ceiling(max(members)))

    # -- looks -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: follow a switch of palette."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_palette()

    def _apply_palette(self) -> None:
        # The palette, not the system scheme: a widget may be drawn in either.
        dark = 1 if palette_is_dark(self.palette()) else 0
        palette = self.palette()
        # On the window's colour: the chart sits on the page, between the cards.
        base = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.Text)
        chart = self._chart
        chart.setBackgroundBrush(base)
        chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        chart.setPlotAreaBackgroundVisible(False)
        self.setBackgroundBrush(base)
        font = self.font()
        chart.legend().setFont(font)
        chart.legend().setLabelColor(text)
        grid = mix(text, base, 0.14)
        line = mix(text, base, 0.4)
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsFont(font)
            axis.setLabelsColor(text)
            axis.setTitleFont(font)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(line)
        self.x_axis.setGridLineVisible(False)
        self.seeds_set.setColor(QColor(SEED_COLORS[dark]))
        self.seeds_set.setBorderColor(QColor(SEED_COLORS[dark]))
        self.new_set.setColor(QColor(NEW_COLORS[dark]))
        self.new_set.setBorderColor(QColor(NEW_COLORS[dark]))
        total = QColor(TOTAL_COLORS[dark])
        self.total_series.setPen(QPen(total, 2.5))
        self.total_series.setColor(total)

    # -- hover and export -------------------------------------------------------------

    def _on_bar_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status:
            QToolTip.hideText()
            return
        value = bar_set.at(index)
        if index == 0:
            words = QCoreApplication.translate("Fission", "%1 seed members").replace(
                "%1", people(value)
            )
        else:
            words = (
                QCoreApplication.translate("Fission", "Wave %1: %2 new members")
                .replace("%1", str(index))
                .replace("%2", people(value))
            )
        QToolTip.showText(QCursor.pos(), words, self)

    def _on_point_hovered(self, point: QPointF, status: bool) -> None:
        if not status:
            QToolTip.hideText()
            return
        wave = round(point.x())
        words = (
            QCoreApplication.translate("Fission", "After wave %1: %2 members in all")
            .replace("%1", str(wave))
            .replace("%2", people(point.y()))
        )
        QToolTip.showText(QCursor.pos(), words, self)

    def save_png(self, path: str) -> bool:
        """Save the chart to a PNG file as the other charts do (drawn from its
        scene at twice its size); False if it could not be written."""
        return write_png(self, Path(path))

    def choose_png(self) -> None:
        """Ask where, save, and say how it went (``message`` or ``error``)."""
        path = choose_save_path(
            self,
            QCoreApplication.translate("Fission", "Save chart as PNG"),
            QCoreApplication.translate("Fission", "fission.png"),
        )
        if not path:
            return
        if self.save_png(path):
            self.message.emit(
                QCoreApplication.translate("Fission", "Saved the chart to %1.").replace("%1", path)
            )
        else:
            self.error.emit(
                QCoreApplication.translate(
                    "Fission",
                    "Could not save the chart to %1: check the folder exists and can be written.",
                ).replace("%1", path)
            )
