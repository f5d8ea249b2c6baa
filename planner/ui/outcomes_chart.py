"""Activity outcomes by type, planned against actual: do the activities deliver?

One chart of :class:`~planner.ui.community_charts.CommunityCharts`: for the
metric chosen (participants, new members, shares, conversions, revenue,
cost), the goals set and the results recorded, summed per activity type
(:func:`planner.outcomes.activity_outcomes`), side by side with the value on
each bar. Planned and actual compare like with like: per metric, only the
activities that are over and have both its goal and its result (as the weekly
review judges a goal), so a result not entered yet does not look like a
missed target. The caption says how much of the picture is there: how many of
the activities that are over have results (the "headless fly" failure is many
activities and no data), how many were compared for the metric, what was left
out (goals without results, results without goals) and the goals of the
activities not over yet.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QComboBox, QToolTip, QWidget

from planner.calendar import METRICS, MONEY_METRICS
from planner.outcomes import Outcomes
from planner.ui.chart_axes import nice_range
from planner.ui.chart_style import BLUE, SLATE, ChartPanel, bar_set, fill_bars, number_text
from planner.ui.import_mapping_model import sentences
from planner.ui.labels import item_type_badge, item_type_label, metric_label


class OutcomesChart(ChartPanel):
    """Activity outcomes by type, planned against actual, for the metric chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("CommunityCharts", "Activity outcomes: planned vs actual"),
            parent,
        )
        self.metric_box = QComboBox()
        for metric in METRICS:
            self.metric_box.addItem(metric_label(metric), metric)
        self.metric_box.setToolTip(
            QCoreApplication.translate("CommunityCharts", "Which goal to compare")
        )
        self.metric_box.setAccessibleName(QCoreApplication.translate("CommunityCharts", "Measure"))
        self.add_tool(self.metric_box)
        self.planned = bar_set(QCoreApplication.translate("CommunityCharts", "Planned"), SLATE)
        self.actual = bar_set(QCoreApplication.translate("CommunityCharts", "Actual"), BLUE)
        self.bars = QBarSeries()
        self.bars.append(self.planned)
        self.bars.append(self.actual)
        self.bars.setLabelsVisible(True)
        self.bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.bars.setLabelsFormat("@value")
        self.bars.hovered.connect(self._on_hovered)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        self.chart.addSeries(self.bars)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.bars.attachAxis(self.x_axis)
        self.bars.attachAxis(self.y_axis)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.view.restyle()
        self.outcomes: Outcomes | None = None

    @property
    def current_metric(self) -> str:
        return str(self.metric_box.currentData())

    def update_outcomes(self, outcomes: Outcomes) -> str:
        """Show ``outcomes`` for the metric chosen; "" when shown, else the empty text.

        The bars are the compared activities' goals and results (see
        :mod:`planner.outcomes`); with none compared there is nothing to draw,
        and the text says why (no goals at all, or no results in yet).
        """
        self.outcomes = outcomes
        metric = self.current_metric
        types = outcomes.by_type
        planned = [t.planned[metric] for t in types]
        actual = [t.actual[metric] for t in types]
        fill_bars(self.planned, [v or 0 for v in planned])
        fill_bars(self.actual, [v or 0 for v in actual])
        labels = [item_type_badge(t.activity_type.value) for t in types]
        if self.x_axis.categories() != labels:
            self.x_axis.clear()
            self.x_axis.append(labels)
        if not outcomes.has_goals():
            return QCoreApplication.translate(
                "CommunityCharts",
                "No activities with goals in this period: set goals and results on the "
                "calendar's activities.",
            )
        if not outcomes.has_goals(metric):
            return QCoreApplication.translate(
                "CommunityCharts",
                "No goals or results for “%1” in this period: choose another measure, "
                "or set them on the calendar's activities.",
            ).replace("%1", metric_label(metric))
        if not outcomes.compared(metric):
            return QCoreApplication.translate(
                "CommunityCharts",
                "Nothing to compare for “%1” yet: no activity that is over has both its "
                "goal and its result. Enter the results of past activities on the calendar.",
            ).replace("%1", metric_label(metric))
        most = max(v or 0 for v in planned + actual)
        # Room above the tallest bar for its value label.
        _bottom, top, count = nice_range(0, most * 1.12)
        self.y_axis.setRange(0, top)
        self.y_axis.setTickCount(count)
        self.bars.setLabelsPrecision(8 if metric in MONEY_METRICS else 6)
        return ""

    def summary(self) -> str:
        """How complete the picture is: activities, results recorded, what the bars
        compare for the metric chosen and what they leave out, cancelled ones."""
        outcomes = self.outcomes
        if outcomes is None:
            return ""
        text = QCoreApplication.translate(
            "CommunityCharts",
            "Activities in this period: %1. Results recorded for %2 of the %3 that are over.",
        )
        parts = [
            text.replace("%1", str(outcomes.activities))
            .replace("%2", str(outcomes.with_results))
            .replace("%3", str(outcomes.past))
        ]
        metric = self.current_metric
        if outcomes.has_goals(metric):
            parts.append(
                QCoreApplication.translate(
                    "CommunityCharts", "Compared for “%1” (over, with its goal and its result): %2."
                )
                .replace("%1", metric_label(metric))
                .replace("%2", str(outcomes.compared(metric)))
            )
            if outcomes.missing(metric):
                parts.append(
                    QCoreApplication.translate(
                        "CommunityCharts", "Goal but no result yet, left out: %1."
                    ).replace("%1", str(outcomes.missing(metric)))
                )
            if outcomes.unplanned(metric):
                parts.append(
                    QCoreApplication.translate(
                        "CommunityCharts", "Result but no goal, left out: %1."
                    ).replace("%1", str(outcomes.unplanned(metric)))
                )
            upcoming = outcomes.upcoming(metric)
            if upcoming is not None:
                parts.append(
                    QCoreApplication.translate(
                        "CommunityCharts", "Planned for activities not over yet: %1."
                    ).replace("%1", number_text(upcoming, money=metric in MONEY_METRICS))
                )
        if outcomes.cancelled:
            parts.append(
                QCoreApplication.translate(
                    "CommunityCharts", "Cancelled, not counted: %1."
                ).replace("%1", str(outcomes.cancelled))
            )
        return sentences(*parts)

    def _on_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status or self.outcomes is None or not 0 <= index < len(self.outcomes.by_type):
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.type_text(index), self.view)

    def type_text(self, index: int) -> str:
        """The tooltip of the ``index``-th type: its compared goal and result for
        the metric chosen, and what the bars leave out."""
        assert self.outcomes is not None
        outcome = self.outcomes.by_type[index]
        metric = self.current_metric
        money = metric in MONEY_METRICS
        lines = [
            item_type_label(outcome.activity_type.value),
            QCoreApplication.translate("CommunityCharts", "Planned %1: %2")
            .replace("%1", metric_label(metric))
            .replace("%2", number_text(outcome.planned[metric], money=money)),
            QCoreApplication.translate("CommunityCharts", "Actual %1: %2")
            .replace("%1", metric_label(metric))
            .replace("%2", number_text(outcome.actual[metric], money=money)),
            QCoreApplication.translate(
                "CommunityCharts", "Compared (over, with goal and result): %1"
            ).replace("%1", str(outcome.compared[metric])),
        ]
        if outcome.missing[metric]:
            lines.append(
                QCoreApplication.translate("CommunityCharts", "Goal but no result yet: %1").replace(
                    "%1", str(outcome.missing[metric])
                )
            )
        if outcome.unplanned[metric]:
            lines.append(
                QCoreApplication.translate("CommunityCharts", "Result but no goal: %1").replace(
                    "%1", str(outcome.unplanned[metric])
                )
            )
        if outcome.upcoming[metric] is not None:
            lines.append(
                QCoreApplication.translate("CommunityCharts", "Planned, not over yet: %1").replace(
                    "%1", number_text(outcome.upcoming[metric], money=money)
                )
            )
        lines.append(
            QCoreApplication.translate(
                "CommunityCharts", "%1 activities, %2 over without any result"
            )
            .replace("%1", str(outcome.activities))
            .replace("%2", str(outcome.without_results))
        )
        return "\n".join(lines)
