"""What a fission scenario comes to, as the calculator shows it.

A card with the fission coefficient K = X × Y, big, and what it means
(self-sustaining above 1, where it tops out below), the members acquired,
the total cost and the cost per member against a channel; a warning when
the projection passes any real network; the members per wave as a chart
and a table. Inputs that are not valid show no result at all, so nothing
stale is left on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.fission import Projection
from planner.ui.fission_chart import WavesChart
from planner.ui.fission_model import WavesModel, money, people, percent
from planner.ui.theme import MARGIN, SPACING, icon, palette_is_dark

GOOD = ("#1e7e34", "#81c995")  # light, dark
BAD = ("#c5221f", "#f28b82")
WARN = ("#b05a00", "#fdd663")
# The width the verdict and the totals need beside K; narrower, they go under it.
WORDS_MIN_WIDTH = 260
# The waves table shows at least this many rows, and at most this many before it scrolls.
TABLE_ROWS_MIN = 3
TABLE_ROWS_MAX = 8


class FissionResults(QWidget):
    """The results of the scenario the calculator's inputs make.

    Attributes:
        k_value: K, big, coloured by its verdict.
        verdict: what K means for the campaign.
        members_label, cost_label, channel_label: the totals and the comparison.
        reach_warning: shown when the projection passes a billion members.
        chart: members per wave; waves_model: the same as a table.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[Projection | None, int] = (None, 0)
        self.k_caption = QLabel(self.tr("K = X × Y"))
        self.k_caption.setToolTip(
            self.tr(
                "The fission coefficient: the new members each member brings in the next "
                "wave (X, the share rate, × Y, the new members one share brings)"
            )
        )
        self.k_caption.setProperty("role", "hint")
        self.k_value = QLabel()
        self.k_value.setObjectName("coefficient")
        big = QFont(self.k_value.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setWeight(QFont.Weight.Bold)
        self.k_value.setFont(big)
        self.k_parts = QLabel()
        self.k_parts.setProperty("role", "hint")
        k_box = QVBoxLayout()
        k_box.setSpacing(0)
        k_box.addWidget(self.k_caption)
        k_box.addWidget(self.k_value)
        k_box.addWidget(self.k_parts)
        k_box.addStretch(1)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        verdict_font = QFont(self.verdict.font())
        verdict_font.setWeight(QFont.Weight.DemiBold)
        self.verdict.setFont(verdict_font)
        self.members_label = QLabel()
        self.members_label.setWordWrap(True)
        self.cost_label = QLabel()
        self.cost_label.setWordWrap(True)
        self.channel_label = QLabel()
        self.channel_label.setWordWrap(True)
        words = QVBoxLayout()
        words.setSpacing(4)
        for label in (self.verdict, self.members_label, self.cost_label, self.channel_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            words.addWidget(label)
        words.addStretch(1)
        self.summary_card = QFrame()
        self.summary_card.setObjectName("fissionSummary")
        self.summary_card.setStyleSheet(
            "QFrame#fissionSummary { background: palette(base); "
            "border: 1px solid palette(mid); border-radius: 6px; }"
        )
        # K beside its words where there is room, above them where there is not:
        # squeezed beside K the verdict would wrap to a word a line.
        summary = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.summary_card)
        summary.setContentsMargins(MARGIN, SPACING + 2, MARGIN, SPACING + 2)
        summary.setSpacing(MARGIN + SPACING)
        summary.addLayout(k_box)
        summary.addLayout(words, 1)
        self._summary = summary
        self._k_box = k_box

        self.reach_warning = QFrame()
        self.reach_warning.setObjectName("banner")
        warning_icon = QLabel()
        warning_icon.setPixmap(icon("alert-triangle", "#5c4400").pixmap(18, 18))
        self.reach_text = QLabel()
        self.reach_text.setWordWrap(True)
        banner = QHBoxLayout(self.reach_warning)
        banner.setContentsMargins(SPACING, 6, SPACING, 6)
        banner.addWidget(warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner.addWidget(self.reach_text, 1)

        self.chart = WavesChart()
        self.waves_model = WavesModel(self)
        self.waves_table = QTableView()
        self.waves_table.setModel(self.waves_model)
        self.waves_table.verticalHeader().hide()
        self.waves_table.setAlternatingRowColors(True)
        self.waves_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.waves_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # As tall as its rows (up to TABLE_ROWS_MAX), never fewer than TABLE_ROWS_MIN
        # of them: the results scroll rather than squeeze it (see _fit_table).
        self.waves_table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.waves_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        column = QVBoxLayout(self)
        # Room on the right for the scroll bar of the pane the results scroll in.
        column.setContentsMargins(0, 0, SPACING, 0)
        column.setSpacing(SPACING)
        drawn = QWidget()
        drawn_column = QVBoxLayout(drawn)
        drawn_column.setContentsMargins(0, 0, 0, 0)
        drawn_column.setSpacing(SPACING)
        drawn_column.addWidget(self.chart, 1)
        drawn_column.addWidget(self.waves_table)
        self.invalid_hint = QLabel(
            self.tr("The chart and the waves show once every input is valid.")
        )
        self.invalid_hint.setProperty("role", "hint")
        self.invalid_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.invalid_hint.setWordWrap(True)
        self.drawing = QStackedWidget()
        self.drawing.addWidget(drawn)
        self.drawing.addWidget(self.invalid_hint)
        self._drawn = drawn

        column.addWidget(self.summary_card)
        column.addWidget(self.reach_warning)
        column.addWidget(self.drawing, 1)
        self._fit_table()

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: the verdict's colours follow a switch of
        palette, the table's height a change of font or style."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.show_projection(*self._shown)
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_table()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent: K goes above its words when they would
        be squeezed beside it."""
        super().resizeEvent(event)
        self._arrange_summary(event.size().width())

    def _arrange_summary(self, width: int) -> None:
        margins = self._summary.contentsMargins()
        beside = (
            width
            - margins.left()
            - margins.right()
            - (MARGIN + SPACING)
            - self._k_box.sizeHint().width()
        )
        if beside >= WORDS_MIN_WIDTH:
            direction, spacing = QBoxLayout.Direction.LeftToRight, MARGIN + SPACING
        else:
            direction, spacing = QBoxLayout.Direction.TopToBottom, SPACING
        if self._summary.direction() != direction:
            self._summary.setDirection(direction)
            self._summary.setSpacing(spacing)

    @property
    def summary_beside(self) -> bool:
        """K is beside the verdict (else above it, in a narrow pane)."""
        return self._summary.direction() == QBoxLayout.Direction.LeftToRight

    def _fit_table(self) -> None:
        """Bound the table's height by its rows: room for a few at least, and no
        empty space under the last one; more than TABLE_ROWS_MAX scroll."""
        table = self.waves_table
        table.ensurePolished()
        header = table.horizontalHeader()
        header.ensurePolished()
        chrome = header.sizeHint().height() + 2 * table.frameWidth()
        row = table.verticalHeader().defaultSectionSize()
        rows = self.waves_model.rowCount()
        table.setMinimumHeight(chrome + row * TABLE_ROWS_MIN)
        table.setMaximumHeight(chrome + row * max(TABLE_ROWS_MIN, min(rows, TABLE_ROWS_MAX)))

    def _color(self, pair: tuple[str, str]) -> str:
        return pair[1 if palette_is_dark(self.palette()) else 0]

    def _paint(self, label: QLabel, pair: tuple[str, str] | None) -> None:
        label.setStyleSheet(f"color: {self._color(pair)};" if pair else "")

    def show_projection(self, p: Projection | None, problems: int = 0) -> None:
        """Show ``p``; None (with how many inputs are not valid) shows no result."""
        self._shown = (p, problems)
        self.waves_model.set_projection(p)
        self._fit_table()
        self.chart.set_projection(p)
        self._show_results(p)
        if p is None and problems > 1:
            self.verdict.setText(
                self.tr("Fix the %1 marked inputs to see the projection.").replace(
                    "%1", str(problems)
                )
            )

    def _show_results(self, p: Projection | None) -> None:
        for label in (self.members_label, self.cost_label, self.channel_label):
            label.setVisible(p is not None)
        self.drawing.setCurrentWidget(self._drawn if p is not None else self.invalid_hint)
        if p is None:
            self.k_value.setText("–")
            self._paint(self.k_value, None)
            self.k_parts.setText("")
            self.verdict.setText(self.tr("Fix the marked input to see the projection."))
            self._paint(self.verdict, BAD)
            self.reach_warning.hide()
            return
        k = p.coefficient
        shown = f"{k:,.2f}"
        if shown == "1.00" and k != 1:
            shown = f"{k:,.4g}"  # 0.996 is below 1: its verdict must not read "1.00"
        self.k_value.setText(shown)
        self.k_parts.setText(
            self.tr("X %1% × Y %2")
            .replace("%1", percent(p.scenario.share_rate))
            .replace("%2", f"{p.per_share:,.4g}")
        )
        if k > 1:
            verdict = self.tr("Above 1: self-sustaining. Each wave is larger than the last.")
            pair: tuple[str, str] | None = GOOD
        elif k == 1:
            verdict = self.tr(
                "Exactly 1: each wave brings as many new members as the seeds; "
                "it grows, but never speeds up."
            )
            pair = None
        else:
            limit = p.acquired_limit or 0.0
            verdict = self.tr(
                "Below 1: it dies out, topping out at about %1 new members however many "
                "waves it runs."
            ).replace("%1", people(limit))
            pair = WARN
        self.verdict.setText(verdict)
        self._paint(self.verdict, pair)
        self._paint(self.k_value, pair)
        if p.exceeds_reach_at is not None:
            self._show_beyond_reach(p)
            return
        self.reach_warning.hide()
        waves = len(p.waves)
        members = (
            self.tr("%1 new members in 1 wave")
            if waves == 1
            else self.tr("%1 new members in %2 waves")
        )
        self.members_label.setText(
            members.replace("%1", people(p.acquired)).replace("%2", str(waves))
            + " · "
            + self.tr("%1 members in all").replace("%1", people(p.members))
        )
        if p.cost_per_member is None:
            cost = self.tr("Cost %1, and no one is acquired.").replace("%1", money(p.total_cost))
        else:
            cost = (
                self.tr("Cost %1 · %2 per member")
                .replace("%1", money(p.total_cost))
                .replace("%2", money(p.cost_per_member))
            )
        self.cost_label.setText(cost)
        self._show_channel(p)

    def _show_beyond_reach(self, p: Projection) -> None:
        """A projection past any real network: its totals mean nothing, so say
        where it breaks down instead of showing them."""
        wave = str(p.exceeds_reach_at)
        self.members_label.setText(
            self.tr("Over a billion members by wave %1.").replace("%1", wave)
        )
        if p.cost_per_member is not None:
            self.cost_label.setText(
                self.tr("%1 per member").replace("%1", money(p.cost_per_member))
            )
        self._show_channel(p)
        self.reach_text.setText(
            self.tr(
                "From wave %1 the projection passes a billion members: no network is that "
                "large, and a fission saturates long before. The chart stops there; plan "
                "fewer waves."
            ).replace("%1", wave)
        )
        self.reach_warning.show()

    def _show_channel(self, p: Projection) -> None:
        saving = p.saving_per_member
        channel = p.channel_cost
        if channel is None:
            self.channel_label.setText(self.tr("Give a channel's cost per member to compare with."))
            self.channel_label.setProperty("role", "hint")
            self._paint(self.channel_label, None)
        elif saving is None:
            self.channel_label.setText(
                self.tr("Not worth its bait: the channel brings members at %1 each.").replace(
                    "%1", money(channel)
                )
            )
            self._paint(self.channel_label, BAD)
        elif saving > 0.005:
            self.channel_label.setText(
                self.tr("%1 cheaper than the channel (%2 a member)")
                .replace("%1", money(saving))
                .replace("%2", money(channel))
            )
            self._paint(self.channel_label, GOOD)
        elif saving < -0.005:
            self.channel_label.setText(
                self.tr("%1 dearer than the channel (%2 a member): not worth its bait")
                .replace("%1", money(-saving))
                .replace("%2", money(channel))
            )
            self._paint(self.channel_label, BAD)
        else:
            self.channel_label.setText(
                self.tr("As dear as the channel (%1 a member)").replace("%1", money(channel))
            )
            self._paint(self.channel_label, None)
        if channel is not None:
            self.channel_label.setProperty("role", None)
        style = self.channel_label.style()
        style.unpolish(self.channel_label)
        style.polish(self.channel_label)
