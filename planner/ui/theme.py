"""Look and feel: Fusion, a palette that follows the system scheme, our icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

ASSETS = Path(__file__).resolve().parents[1] / "assets"
ICON_DIR = ASSETS / "icons"
APP_ICON = ASSETS / "app-icon.svg"

# Spacing used by every screen, in pixels.
SPACING = 8
MARGIN = 16


def palette_is_dark(palette: QPalette) -> bool:
    """True for a palette whose fields are dark (text is drawn light on them)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def is_dark() -> bool:
    """True when the system asks for a dark scheme."""
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#202124"), QColor("#17181a"), QColor("#e8eaed")
    disabled = QColor("#7f8389")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"),
        QPalette.ColorRole.ToolTipBase: QColor("#2d2f33"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#2b2d31"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: QColor("#3b82f6"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#8ab4f8"),
        QPalette.ColorRole.Mid: QColor("#3c4043"),
        QPalette.ColorRole.Midlight: QColor("#34363a"),
        QPalette.ColorRole.Dark: QColor("#111214"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    p = style.standardPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f5f6f8"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fde"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f0f2f5"))
    return p


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``a`` over ``b`` (0 is ``b``, 1 is ``a``)."""
    return QColor.fromRgbF(
        a.redF() * amount + b.redF() * (1 - amount),
        a.greenF() * amount + b.greenF() * (1 - amount),
        a.blueF() * amount + b.blueF() * (1 - amount),
    )


def check_box_outline(palette: QPalette) -> QColor:
    """The edge of a check box: a little past half way from the base to the text, so it stands
    out on light and dark palettes alike; fainter in the disabled colour group."""
    group = palette.currentColorGroup()
    base = palette.color(group, QPalette.ColorRole.Base)
    text = palette.color(group, QPalette.ColorRole.Text)
    disabled = group == QPalette.ColorGroup.Disabled
    return mix(text, base, 0.3 if disabled else 0.55)


def field_outline(option: QStyleOption, painter: QPainter) -> None:
    """On a dark palette, a text field's edge in :func:`check_box_outline`: Fusion
    darkens the window colour for it, which is the dark field's own colour."""
    palette = QPalette(option.palette)
    if not palette_is_dark(palette):
        return  # light: Fusion's edge shows
    if not option.state & QStyle.StateFlag.State_Enabled:
        palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
    if option.state & QStyle.StateFlag.State_HasFocus:
        return  # Fusion draws the focus edge in the highlight colour
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(check_box_outline(palette), 1))
    painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
    painter.restore()


class PlannerStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons whose edge can be seen.

    Fusion outlines them in a shade of the window colour, which all but
    disappears on a dark palette; this draws the edge in :func:`check_box_outline`.
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Override QProxyStyle::drawPrimitive."""
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit:
            field_outline(option, painter)
            return
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox and not radio:
            return
        palette = QPalette(option.palette)
        state = option.state
        if not state & QStyle.StateFlag.State_Enabled:
            palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
        color = check_box_outline(palette)
        focus = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if state & focus == focus:
            color = palette.color(QPalette.ColorRole.Highlight)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, 1))
        edge = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if radio:
            painter.drawEllipse(edge)
        else:
            painter.drawRect(edge)
        painter.restore()


def apply_theme(app: QApplication) -> None:
    """Fusion with our light or dark palette, following the system scheme."""
    app.setStyle(PlannerStyle())
    app.setPalette(dark_palette() if is_dark() else light_palette())
    app.setStyleSheet(STYLE_SHEET)


STYLE_SHEET = """
QLabel[role="error"] { color: #d93025; }
QLabel[role="hint"] { color: palette(placeholder-text); }
QLabel[role="title"] { font-size: 20pt; font-weight: 600; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QSpinBox[invalid="true"],
QComboBox[invalid="true"], QDateTimeEdit[invalid="true"] {
    border: 1px solid #d93025; border-radius: 3px;
}
QFrame#banner { background: #fff4ce; color: #5c4400; border-bottom: 1px solid #e6d08a; }
QFrame#banner QLabel { color: #5c4400; }
QPushButton[primary="true"] {
    background: palette(highlight); color: palette(highlighted-text);
    border: none; border-radius: 4px; padding: 8px 18px; font-weight: 600;
}
QPushButton[primary="true"]:hover { background: #4a86f0; }
QPushButton[primary="true"]:disabled { background: palette(button); color: palette(mid); }
"""


class _TintedSvgEngine(QIconEngine):
    """Draws a ``currentColor`` SVG in the palette's text colour at paint time,

    so icons follow a light/dark switch and look disabled when they are.
    """

    def __init__(self, svg: str, color: str) -> None:
        super().__init__()
        self._svg = svg
        self._color = color

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        color = self._color
        if not color or mode == QIcon.Mode.Disabled:
            group = (
                QPalette.ColorGroup.Disabled
                if mode == QIcon.Mode.Disabled
                else QPalette.ColorGroup.Active
            )
            color = QApplication.palette().color(group, QPalette.ColorRole.WindowText).name()
        return QSvgRenderer(QByteArray(self._svg.replace("currentColor", color).encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Override QIconEngine::paint."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """Override QIconEngine::pixmap."""
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        """Override QIconEngine::clone."""
        return _TintedSvgEngine(self._svg, self._color)


@cache
def icon(name: str, color: str = "") -> QIcon:
    """A Tabler icon drawn in ``color``, by default the palette's text colour."""
    svg = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    return QIcon(_TintedSvgEngine(svg, color))


@cache
def app_icon() -> QIcon:
    return _icon_from_svg(QByteArray(APP_ICON.read_bytes()), (16, 32, 64, 128, 256))


def _icon_from_svg(data: QByteArray, sizes: tuple[int, ...]) -> QIcon:
    renderer = QSvgRenderer(data)
    result = QIcon()
    for size in sizes:
        for ratio in (1.0, 2.0):
            pixmap = QPixmap(QSize(size, size) * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            result.addPixmap(pixmap)
    return result


def swatch_icon(color: str, size: int = 16) -> QIcon:
    """A round colour swatch, as the sidebar shows a community's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)


# -- painting list items ------------------------------------------------------------


def small_font(font: QFont, scale: float = 0.88) -> QFont:
    """The font of an item's secondary line."""
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * scale, 7.0))
    return small


def bold_font(font: QFont) -> QFont:
    """The font of an item's title."""
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


def item_panel(
    painter: QPainter, option: QStyleOptionViewItem, dim_alpha: float = 0.7
) -> tuple[QColor, QColor]:
    """Draw an item view row's panel (selection, hover) as the style does, and
    return its text colour and a dimmer one for secondary lines."""
    style = option.widget.style() if option.widget else QApplication.style()
    style.drawPrimitive(
        QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
    )
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    text = option.palette.color(
        QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    )
    dim = QColor(text)
    dim.setAlphaF(dim_alpha)
    return text, dim


def arrow_button(arrow: str, tooltip: str) -> QToolButton:
    """A flat ‹ or › button for stepping back or on (a month, a week)."""
    button = QToolButton()
    button.setText(arrow)
    button.setToolTip(tooltip)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    button.setFont(font)
    button.setAutoRaise(True)
    return button
