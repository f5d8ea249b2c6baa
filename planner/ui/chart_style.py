"""Charts that read like the rest of the app, in the light and the dark palette.

QtCharts brings its own themes, which ignore the application's palette (a
white chart in a dark window). :func:`style_chart` paints a chart from the
palette instead: background, axis labels, grid lines and legend text, so
every chart reads in both schemes, and :class:`ChartView` does it again when
the palette changes. Series take fixed colours (:data:`BLUE` ...), mid-tones
chosen to stand out on white and on the dark base alike. Where the ticks of
an axis go is :mod:`planner.ui.chart_axes`.

:class:`ChartPanel` is the frame every chart sits in: a title, the chart's
choosers, an "Export PNG…" button (and the same in the chart's context menu),
an empty state that says what to do, and a caption. A PNG is drawn at twice
the size on screen (:func:`render_png`), with the chart's title and subject
painted above it, so a chart pasted into a report says what it shows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
)
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QMargins,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.ui.theme import SPACING, bold_font, icon, light_palette, mix, palette_is_dark

# Mid-tone series colours: each keeps its contrast on white and on #17181a.
BLUE = "#3b82f6"
TEAL = "#14b8a6"
GREEN = "#22a06b"
RED = "#e5484d"
AMBER = "#f59e0b"
PURPLE = "#8b5cf6"
SLATE = "#8a94a6"

PNG_SCALE = 2.0
CHART_MIN_HEIGHT = 240
# What a chart asks for: its axes and legend readable, three charts to a tall screen.
CHART_HEIGHT = 300

# (parent, dialog caption, suggested path) -> the path chosen, or "" when cancelled.
SaveChooser = Callable[[QWidget, str, str], str]


@dataclass(frozen=True)
class ChartColors:
    """The colours of a chart's frame, taken from a palette."""

    background: QColor
    text: QColor
    dim: QColor
    grid: QColor
    axis: QColor


def chart_colors(palette: QPalette) -> ChartColors:
    """Text on the palette's base; grid lines faint, axis lines a little stronger,
    so the data stays the loudest thing in both schemes."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return ChartColors(
        background=base,
        text=text,
        dim=mix(text, base, 0.75),
        grid=mix(text, base, 0.12),
        axis=mix(text, base, 0.35),
    )


def style_chart(chart: QChart, palette: QPalette, font: QFont) -> None:
    """Paint ``chart``'s frame, axes and legend from ``palette`` in ``font``.

    Call again after adding an axis or a series (QtCharts styles new ones
    with its own theme).
    """
    colors = chart_colors(palette)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QBrush(colors.background))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setBackgroundRoundness(0)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(QBrush(colors.text))
    chart.setTitleFont(bold_font(font))
    legend = chart.legend()
    legend.setLabelColor(colors.text)
    legend.setFont(font)
    # Bars show as squares, lines as a stroke of their own pen.
    legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeRectangle)
    for marker in legend.markers():
        if isinstance(marker.series(), QLineSeries):
            marker.setShape(QLegend.MarkerShape.MarkerShapeFromSeries)
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(colors.dim))
        axis.setLabelsFont(font)
        axis.setTitleBrush(QBrush(colors.dim))
        axis.setTitleFont(font)
        axis.setGridLineColor(colors.grid)
        axis.setMinorGridLineColor(colors.grid)
        axis.setLinePenColor(colors.axis)
        axis.setShadesVisible(False)
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            for bar_set in series.barSets():
                bar_set.setLabelColor(colors.text)
                bar_set.setLabelFont(font)


def number_text(value: float | None, *, money: bool = False) -> str:
    """A figure as the locale writes it; money with two decimals only when it has cents."""
    if value is None:
        return "–"
    if money and value != int(value):
        return QLocale().toString(float(value), "f", 2)
    return QLocale().toString(int(round(value)))


def line_series(name: str, color: str, width: float = 2.5) -> QLineSeries:
    """A line in ``color`` with a dot on each point."""
    series = QLineSeries()
    series.setName(name)
    series.setPen(QPen(QColor(color), width))
    series.setColor(QColor(color))
    series.setPointsVisible(True)
    series.setMarkerSize(4)
    return series


def bar_set(name: str, color: str) -> QBarSet:
    bars = QBarSet(name)
    bars.setColor(QColor(color))
    bars.setBorderColor(QColor(color))
    return bars


def fill_bars(bars: QBarSet, values: Sequence[float]) -> None:
    """Replace the values of ``bars`` (the set, its series and axes stay)."""
    if bars.count():
        bars.remove(0, bars.count())
    bars.append(list(values))


def safe_file_name(text: str) -> str:
    """``text`` without the characters a file name cannot hold on any system."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", text).strip(" .-")
    return cleaned or "chart"


def png_name(subject: str, what: str, day: date) -> str:
    """A chart's default file name: ``深夜读书会-members-2026-11-23.png``."""
    return f"{safe_file_name(subject)}-{what}-{day.isoformat()}.png"


def render_png(
    widget: QWidget,
    scale: float = PNG_SCALE,
    header: str = "",
    palette: QPalette | None = None,
) -> QImage:
    """``widget`` drawn at ``scale`` times its size, under a ``header`` line if given.

    A chart view is drawn from its scene (vector, sharp at any scale); other
    widgets through :meth:`QWidget.render`. The image carries the device
    pixel ratio ``scale``, so it shows at the widget's size where it is pasted.
    ``palette`` colours the background and header (the widget's by default).
    """
    colors = chart_colors(palette or widget.palette())
    font = bold_font(widget.font())
    band = math.ceil(QFontMetricsF(font).height() * 2.2) if header else 0
    width, height = widget.width(), widget.height() + band
    image = QImage(math.ceil(width * scale), math.ceil(height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(colors.background)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    if header:
        painter.setFont(font)
        painter.setPen(colors.text)
        metrics = QFontMetricsF(font)
        text = metrics.elidedText(header, Qt.TextElideMode.ElideRight, width - 2 * SPACING)
        rect = QRectF(SPACING, 0, width - 2 * SPACING, band)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        source = widget.mapToScene(widget.viewport().rect()).boundingRect()
        widget.scene().render(painter, QRectF(0, band, width, widget.height()), source)
    else:
        painter.translate(0, band)
        widget.render(painter, QPoint())
    painter.end()
    return image


def _save(image: QImage, path: Path) -> bool:
    """Write ``image`` as PNG whatever the file name ends with."""
    # The stubs want bytes for the format, PySide6 itself takes a str.
    return bool(image.save(str(path), "PNG"))  # type: ignore[call-overload]


def save_png(widget: QWidget, path: Path, scale: float = PNG_SCALE, header: str = "") -> bool:
    """Write :func:`render_png` of ``widget`` to ``path``; False when it cannot be written."""
    return _save(render_png(widget, scale, header), path)


def choose_save_path(parent: QWidget, caption: str, suggested: str) -> str:
    """Ask where to save a PNG (the standard dialog); "" when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, caption, suggested, QCoreApplication.translate("Charts", "PNG image (*.png)")
    )
    return chosen


class ChartView(QChartView):
    """A chart view that follows the palette: it restyles its chart when the
    palette, or the font, changes (a switch between light and dark)."""

    def __init__(self, chart: QChart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRubberBand(QChartView.RubberBand.NoRubberBand)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setMinimumHeight(CHART_MIN_HEIGHT)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setMargins(QMargins(SPACING, 4, SPACING, 2))
        self.restyle()

    def sizeHint(self) -> QSize:
        """Override QChartView::sizeHint: a readable height, not the scene's."""
        return QSize(super().sizeHint().width(), CHART_HEIGHT)

    def restyle(self) -> None:
        """Paint the chart in the current palette and font."""
        style_chart(self.chart(), self.palette(), self.font())
        self.setBackgroundBrush(QBrush(chart_colors(self.palette()).background))

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: restyle on a palette, style or font change
        (the theme sets the palette, then the style sheet, which polishes again)."""
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        ):
            self.restyle()
        super().changeEvent(event)


class ChartPanel(QWidget):
    """A chart in its frame: title and choosers above, an empty state that
    replaces the chart when there is nothing to show, a caption below, and
    Export PNG… (button, context menu, Ctrl+Shift+P) and Copy (Ctrl+C) on the
    focused chart.

    Attributes:
        chart: the QChart the owner fills.
        view: its :class:`ChartView`.
        title_label, notice, empty_label, caption: the texts around it.
        export_button, export_action, copy_action: Export PNG… and Copy.
        export_name, export_header, export_folder: see :meth:`set_export`.
        chooser: asks where to save (the standard dialog; tests pass a stand-in).

    Signals:
        message(str): what an export did, for the status bar.
        error(str): an export failed (one line).
    """

    message = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        chooser: SaveChooser = choose_save_path,
    ) -> None:
        super().__init__(parent)
        self.chooser = chooser
        self.export_name = "chart.png"
        self.export_header = title
        self.export_folder: Path | None = None

        self.title_label = QLabel(title)
        self.title_label.setFont(bold_font(self.font()))
        self.export_button = QToolButton()
        self.export_button.setIcon(icon("device-floppy"))
        self.export_button.setText(self.tr("Export PNG…"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setAutoRaise(True)
        self.export_button.setToolTip(self.tr("Save this chart as a PNG image (Ctrl+Shift+P)"))
        self.export_button.clicked.connect(self.choose_export)
        self._tools = QHBoxLayout()
        self._tools.setSpacing(SPACING)
        header = QHBoxLayout()
        header.setSpacing(SPACING)
        header.addWidget(self.title_label, 1)
        header.addLayout(self._tools)
        header.addWidget(self.export_button)

        self.chart = QChart()
        self.view = ChartView(self.chart)
        self.export_action = QAction(icon("device-floppy"), self.tr("Export PNG…"), self.view)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.export_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.export_action.triggered.connect(self.choose_export)
        self.copy_action = QAction(icon("copy"), self.tr("Copy chart"), self.view)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_image)
        self.view.addAction(self.export_action)
        self.view.addAction(self.copy_action)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "error")
        self.notice.hide()
        self.empty_label = QLabel()
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMinimumHeight(CHART_MIN_HEIGHT // 3)
        self.empty_label.hide()
        self._empty = False
        self.caption = QLabel()
        self.caption.setProperty("role", "hint")
        self.caption.setWordWrap(True)
        self.caption.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.caption)

    def add_tool(self, widget: QWidget) -> None:
        """Put a chooser (a combo box, a label) in the header, left of Export."""
        self._tools.addWidget(widget)

    # -- empty state, caption --------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return self._empty

    def set_empty(self, text: str) -> None:
        """Show ``text`` (what to do to get a chart) instead of the chart; the panel
        shrinks to the text, leaving the room to the charts that have data."""
        self.empty_label.setText(text)
        self._show(empty=True)

    def show_chart(self) -> None:
        """Show the chart (after the owner filled it)."""
        self._show(empty=False)

    def _show(self, *, empty: bool) -> None:
        self._empty = empty
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        vertical = QSizePolicy.Policy.Maximum if empty else QSizePolicy.Policy.Preferred
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        for widget in (self.export_button, self.export_action, self.copy_action):
            widget.setEnabled(not empty)

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    def set_notice(self, text: str) -> None:
        """A warning above the chart (in the error colour), or none for ""."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- export ------------------------------------------------------------------------

    def set_export(self, name: str, header: str, folder: Path | None = None) -> None:
        """The default file name, the line drawn above the exported chart, and the
        folder the save dialog starts in (None: the current folder)."""
        self.export_name, self.export_header, self.export_folder = name, header, folder

    def image(self, scale: float = PNG_SCALE) -> QImage:
        """The chart as exported: at ``scale``, under its header line, always on a
        light background (it goes into reports, slides and chats, which are white)."""
        palette = self.view.palette()
        if not palette_is_dark(palette):
            return render_png(self.view, scale, self.export_header)
        light = light_palette()
        style_chart(self.view.chart(), light, self.view.font())
        try:
            return render_png(self.view, scale, self.export_header, light)
        finally:
            self.view.restyle()

    def export_png(self, path: Path) -> bool:
        """Write the chart to ``path`` as PNG; says how it went (message or error)."""
        if self.is_empty:
            return False
        if _save(self.image(), path):
            self.message.emit(self.tr("Saved the chart to %1.").replace("%1", str(path)))
            return True
        self.error.emit(
            self.tr(
                "Could not save the chart to %1: check the folder exists and can be written."
            ).replace("%1", str(path))
        )
        return False

    def choose_export(self) -> None:
        """Export PNG…: ask where (the chooser), then write it."""
        if self.is_empty:
            return
        folder = self.export_folder or Path.cwd()
        chosen = self.chooser(self, self.tr("Export chart"), str(folder / self.export_name))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        self.export_png(path)

    def copy_image(self) -> None:
        """Copy the chart to the clipboard as an image, for a chat or a slide."""
        if self.is_empty:
            return
        QGuiApplication.clipboard().setImage(self.image())
        self.message.emit(self.tr("Copied the chart."))
