"""Checklist items due on a day, as the calendar's views show them.

A due item is a task, not an event, so it looks different from the content
and activity chips: outlined in its community's colour rather than filled,
with a checkbox before its title. A done item has its box ticked and its
title struck through and dimmed; an open item past its date has its title in
red. The month, week and agenda views paint them with these functions, and
the calendar page offers :func:`due_menu` on one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QMenu, QWidget

from planner.checklist_due import DueItem
from planner.ui.labels import stage_label
from planner.ui.locale_text import day_month_year
from planner.ui.week_layout import blend, luminance, text_color_for

FALLBACK_COLOR = "#8d99ae"
OVERDUE_LIGHT = QColor("#c5221f")  # reads at 4.5:1 on white
OVERDUE_DARK = QColor("#f28b82")  # and this on our dark base
TINT = 0.10  # how much of the community colour an open item's box is filled with
BOX_GAP = 5  # pixels between the checkbox and the title


def is_overdue(due: DueItem, today: date) -> bool:
    return not due.done and due.due_on < today


def overdue_color(palette: QPalette) -> QColor:
    dark = luminance(palette.color(QPalette.ColorRole.Base)) < 0.2
    return QColor(OVERDUE_DARK if dark else OVERDUE_LIGHT)


def community_color(color: str) -> QColor:
    result = QColor(color)
    return result if result.isValid() else QColor(FALLBACK_COLOR)


def paint_checkbox(painter: QPainter, box: QRectF, color: QColor, done: bool) -> None:
    """A small rounded box in ``color``: filled and ticked when ``done``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    radius = max(1.5, box.width() / 5)
    if done:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(box, radius, radius)
        tick = QPainterPath()
        tick.moveTo(box.left() + box.width() * 0.24, box.top() + box.height() * 0.52)
        tick.lineTo(box.left() + box.width() * 0.43, box.top() + box.height() * 0.72)
        tick.lineTo(box.left() + box.width() * 0.78, box.top() + box.height() * 0.30)
        pen = QPen(text_color_for(color), max(1.4, box.width() / 7))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    else:
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius)
    painter.restore()


def checkbox_icon(color: str, done: bool, size: int = 16) -> QIcon:
    """The checkbox as an icon, for lists and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    inset = size / 8
    paint_checkbox(
        painter,
        QRectF(inset, inset, size - 2 * inset, size - 2 * inset),
        community_color(color),
        done,
    )
    painter.end()
    return QIcon(pixmap)


def paint_due(
    painter: QPainter,
    rect: QRectF,
    due: DueItem,
    color: QColor,
    palette: QPalette,
    font: QFont,
    *,
    today: date,
    selected: bool = False,
) -> None:
    """One due item in ``rect``: an outlined box, a checkbox and the title."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = palette.color(QPalette.ColorRole.Base)
    outline = QColor(color)
    if due.done:
        outline.setAlphaF(0.55)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setBrush(blend(color, base, TINT))
    painter.setPen(QPen(outline, 1.0))
    radius = min(3.0, rect.height() / 2)
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    if selected:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5), radius + 1, radius + 1)
    side = max(6.0, min(rect.height() - 6, QFontMetricsF(font).ascent()))
    box = QRectF(rect.left() + 4, rect.center().y() - side / 2, side, side)
    if rect.width() >= side + 8:
        paint_checkbox(painter, box, color, due.done)
    text_rect = QRectF(box.right() + BOX_GAP, rect.top(), 0, rect.height())
    text_rect.setRight(rect.right() - 3)
    if text_rect.width() > 4:
        title_font = QFont(font)
        if due.done:
            title_font.setStrikeOut(True)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        elif is_overdue(due, today):
            painter.setPen(overdue_color(palette))
        else:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(title_font)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            QFontMetricsF(title_font).elidedText(
                due.title, Qt.TextElideMode.ElideRight, text_rect.width()
            ),
        )
    painter.restore()


def due_state(due: DueItem, today: date) -> str:
    if due.done:
        return QCoreApplication.translate("DueMarks", "Done")
    return (
        QCoreApplication.translate("DueMarks", "Overdue")
        if is_overdue(due, today)
        else QCoreApplication.translate("DueMarks", "To do")
    )


def due_tooltip_lines(due: DueItem, community: str, today: date) -> list[str]:
    """What a due item's tooltip says, one line each (plain text)."""
    lines = [
        due.title,
        QCoreApplication.translate("DueMarks", "Checklist of %1 · %2")
        .replace("%1", community)
        .replace("%2", stage_label(due.stage)),
        QCoreApplication.translate("DueMarks", "Due %1 · %2")
        .replace("%1", day_month_year(due.due_on))
        .replace("%2", due_state(due, today)),
    ]
    if due.assignee:
        lines.append(
            QCoreApplication.translate("DueMarks", "Assigned to %1").replace("%1", due.assignee)
        )
    return lines


def due_tooltip(due: DueItem, community: str, today: date) -> str:
    """The tooltip as rich text: the title in bold."""
    first, *rest = due_tooltip_lines(due, community, today)
    return "<qt>" + "<br>".join([f"<b>{escape(first)}</b>", *map(escape, rest)]) + "</qt>"


def due_menu(
    parent: QWidget,
    due: DueItem,
    *,
    writable: bool,
    on_open: Callable[[], None],
    on_done: Callable[[bool], None],
) -> QMenu:
    """The context menu of a due item: open it in its checklist, tick or untick it."""
    menu = QMenu(parent)
    menu.setObjectName("due_menu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    show = menu.addAction(QCoreApplication.translate("DueMarks", "Open in the checklist"))
    show.triggered.connect(lambda _c=False: on_open())
    toggle = menu.addAction(
        QCoreApplication.translate("DueMarks", "Mark as not done")
        if due.done
        else QCoreApplication.translate("DueMarks", "Mark done")
    )
    toggle.setObjectName("toggle_done")
    toggle.setEnabled(writable)
    toggle.triggered.connect(lambda _c=False: on_done(not due.done))
    menu.setDefaultAction(show)
    return menu
