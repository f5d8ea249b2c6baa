"""The month view: six weeks of day cells, each with as many items as fit.

A day lists the checklist items due on it first (outlined, with a checkbox:
see :mod:`planner.ui.due_marks`), then its content and activities.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from planner.calendar import Occurrence, Status
from planner.checklist_due import DueItem
from planner.ui.due_marks import (
    checkbox_icon,
    community_color,
    due_tooltip,
    is_overdue,
    paint_due,
)
from planner.ui.labels import item_type_badge
from planner.ui.month_model import Index, MonthModel, MonthRole

__all__ = ["MonthDelegate", "MonthModel", "MonthRole", "MonthView", "readable_on"]


def readable_on(color: QColor) -> QColor:
    """Black or white, whichever reads better on ``color``."""
    r, g, b = color.redF(), color.greenF(), color.blueF()
    return QColor("#000000") if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else QColor("#ffffff")


class MonthDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one line per item, then "+N more".

    Fonts and their metrics are made once per view font. An item's line and a
    checklist item's mark are painted once into a pixmap and then copied: the
    same series and the same checklist titles (the stage checklists'), in
    the same community colours, fill every month.
    """

    PADDING = 4
    DUE_PIXMAPS_KEPT = 1000  # lines kept as pixmaps: about 12 MB at most

    def __init__(self, view: MonthView) -> None:
        super().__init__(view)
        self._view = view
        self._font: QFont | None = None  # the font self._font_set was made for
        self._font_set: tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics] | None = None
        self._small_key = ""
        self._due_pixmaps: dict[tuple[object, ...], QPixmap] = {}

    def fonts(self, font: QFont) -> tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics]:
        """The view's ``font``, its small and bold forms, and both sizes' metrics."""
        found = self._font_set
        if found is None or font != self._font:
            small = self.small_font(font)
            bold = QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            found = (QFont(font), small, bold, QFontMetrics(font), QFontMetrics(small))
            self._font, self._font_set = QFont(font), found
            self._small_key = small.key()
        return found

    def line_height(self, option_font: QFont) -> int:
        return self.fonts(option_font)[4].height() + 4

    @staticmethod
    def small_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        return small

    def layout(self, rect: QRect, count: int, font: QFont) -> tuple[list[QRect], QRect | None]:
        """Rectangles of the item lines that fit in ``rect``, and of "+N more" if needed."""
        line = self.line_height(font)
        top = rect.top() + self.fonts(font)[3].height() + self.PADDING + 2
        available = max((rect.bottom() - self.PADDING - top) // line, 0)
        shown = count if count <= available else max(available - 1, 0)
        rects = [
            QRect(
                rect.left() + self.PADDING,
                top + i * line,
                rect.width() - 2 * self.PADDING,
                line - 2,
            )
            for i in range(shown)
        ]
        more = None
        if shown < count:
            more = QRect(
                rect.left() + self.PADDING,
                top + shown * line,
                rect.width() - 2 * self.PADDING,
                line - 2,
            )
        return rects, more

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect = option.rect
        in_month = bool(index.data(MonthRole.IN_MONTH))
        base = palette.color(QPalette.ColorRole.Base)
        if not in_month:
            base = palette.color(QPalette.ColorRole.AlternateBase)
        painter.fillRect(rect, base)
        if option.state & QStyle.StateFlag.State_Selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlphaF(0.14)
            painter.fillRect(rect, highlight)
        text = palette.color(QPalette.ColorRole.Text)
        if not in_month:
            text = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

        # day number; today in a filled circle
        _, small, bold, fm, sfm = self.fonts(option.font)
        number = str(index.data(Qt.ItemDataRole.DisplayRole))
        num_rect = QRect(
            rect.left() + self.PADDING, rect.top() + self.PADDING, fm.height() + 6, fm.height()
        )
        if index.data(MonthRole.IS_TODAY):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(num_rect, fm.height() / 2, fm.height() / 2)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(text)
        painter.setFont(bold)
        painter.drawText(num_rect, Qt.AlignmentFlag.AlignCenter, number)

        entries: list[Occurrence | DueItem] = index.data(MonthRole.ENTRIES) or []
        rects, more = self.layout(rect, len(entries), option.font)
        painter.setFont(small)
        selected_key = self._view.selected_key()
        selected_due = self._view.selected_due()
        today = self._view.month_model.today
        for entry, line in zip(entries, rects, strict=False):
            if isinstance(entry, DueItem):
                painter.setOpacity(1.0 if in_month else 0.55)  # like the days around it
                self._paint_due(painter, line, entry, palette, small, today, entry == selected_due)
                painter.setOpacity(1.0)
            else:
                self._paint_cached_item(
                    painter, entry, line, sfm, text, entry.key == selected_key, palette
                )
        if more is not None:
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            painter.drawText(
                more,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                QCoreApplication.translate("MonthView", "+%1 more").replace(
                    "%1", str(len(entries) - len(rects))
                ),
            )
        # grid line
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _paint_due(
        self,
        painter: QPainter,
        line: QRect,
        due: DueItem,
        palette: QPalette,
        font: QFont,
        today: date,
        selected: bool,
    ) -> None:
        """A checklist item's mark in ``line``, from the pixmap cache when it can."""
        color = community_color(self._view.color_of(due.community_id))
        if selected:  # one at a time: not worth keeping
            paint_due(painter, QRectF(line), due, color, palette, font, today=today, selected=True)
            return
        ratio = painter.device().devicePixelRatioF()
        key = (
            due.title,
            color.rgba(),
            due.done,
            is_overdue(due, today),
            line.width(),
            line.height(),
            self._small_key
            if self._font_set is not None and font == self._font_set[1]
            else font.key(),
            ratio,
            palette.cacheKey(),
        )
        self._draw_cached(
            painter,
            line,
            key,
            lambda inner, rect: paint_due(
                inner, QRectF(rect), due, color, palette, font, today=today
            ),
        )

    def _draw_cached(
        self,
        painter: QPainter,
        line: QRect,
        key: tuple[object, ...],
        draw: Callable[[QPainter, QRect], None],
    ) -> None:
        """Draw ``line`` from the pixmap kept under ``key``, made by ``draw`` (given a
        painter on the pixmap and the line's rectangle at the origin) when missing;
        the least recently used go first once DUE_PIXMAPS_KEPT are kept."""
        pixmap = self._due_pixmaps.pop(key, None)
        if pixmap is None:
            ratio = painter.device().devicePixelRatioF()
            pixmap = QPixmap(
                max(1, math.ceil(line.width() * ratio)), max(1, math.ceil(line.height() * ratio))
            )
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            inner = QPainter(pixmap)
            inner.setRenderHints(painter.renderHints())
            inner.setFont(painter.font())
            draw(inner, QRect(0, 0, line.width(), line.height()))
            inner.end()
            while len(self._due_pixmaps) >= self.DUE_PIXMAPS_KEPT:
                del self._due_pixmaps[next(iter(self._due_pixmaps))]
        self._due_pixmaps[key] = pixmap  # most recently used last
        painter.drawPixmap(line.topLeft(), pixmap)

    def _paint_cached_item(
        self,
        painter: QPainter,
        occ: Occurrence,
        line: QRect,
        fm: QFontMetrics,
        text: QColor,
        selected: bool,
        palette: QPalette,
    ) -> None:
        """An item's line, from the pixmap cache when it can: a series shows the
        same line (time, title, colour) on many days, and month after month."""
        if selected:  # one at a time: not worth keeping
            self._paint_item(painter, occ, line, fm, text, selected, palette)
            return
        item = occ.item
        ratio = painter.device().devicePixelRatioF()
        key = (
            "item",
            item.title,
            item.all_day,
            occ.start.hour,
            occ.start.minute,
            item.status is Status.CANCELLED,
            item.item_type,
            self._view.color_of(item.community_id),
            text.rgba(),
            line.width(),
            line.height(),
            self._small_key
            if self._font_set is not None and painter.font() == self._font_set[1]
            else painter.font().key(),
            ratio,
            palette.cacheKey(),
        )
        self._draw_cached(
            painter,
            line,
            key,
            lambda inner, rect: self._paint_item(inner, occ, rect, fm, text, False, palette),
        )

    def _paint_item(
        self,
        painter: QPainter,
        occ: Occurrence,
        line: QRect,
        fm: QFontMetrics,
        text: QColor,
        selected: bool,
        palette: QPalette,
    ) -> None:
        color = QColor(self._view.color_of(occ.item.community_id))
        cancelled = occ.item.status is Status.CANCELLED
        painter.setOpacity(0.45 if cancelled else 1.0)
        if occ.item.all_day:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(line, 3, 3)
            fg = readable_on(color)
            label = occ.item.title
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRect(line.left(), line.top() + 2, 4, line.height() - 4), 2, 2)
            fg = text
            label = f"{occ.start:%H:%M} {occ.item.title}"
        if selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(line.adjusted(-1, 0, 0, 0), 3, 3)
        badge = item_type_badge(occ.item.item_type)
        badge_w = fm.horizontalAdvance(badge) + 8 if badge else 0
        inset = 6 if not occ.item.all_day else 4
        # The title matters more than the badge: show the badge only beside a
        # title that fits whole (or in a wide cell).
        if badge and (
            line.width() - inset - badge_w - 2 < fm.horizontalAdvance(label) and line.width() < 260
        ):
            badge, badge_w = "", 0
        text_rect = line.adjusted(inset, 0, -badge_w - 2, 0)
        font = painter.font()
        if cancelled:
            struck = QFont(font)
            struck.setStrikeOut(True)
            painter.setFont(struck)
        painter.setPen(fg)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(label, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.setFont(font)
        if badge:
            badge_rect = QRect(line.right() - badge_w, line.top() + 1, badge_w, line.height() - 2)
            dim = QColor(fg)
            dim.setAlphaF(0.75)
            painter.setPen(dim)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.setOpacity(1.0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint."""
        return QSize(120, 110)


class MonthView(QTableView):
    """Six weeks of days; items coloured by community.

    Signals:
        open_requested(Occurrence): an item was double-clicked (or Enter on it).
        create_requested(date): a day's empty space was double-clicked (or Enter).
        delete_requested(Occurrence): Delete pressed on the selected item.
        selection_changed(object): the selected item (an Occurrence or None).
        day_changed(date): the day with the keyboard focus changed.
        due_activated(DueItem): a checklist item was double-clicked (or Enter).
        due_menu_requested(DueItem, QPoint): the context menu on a checklist
            item, at a global position.
    """

    open_requested = Signal(object)
    create_requested = Signal(object)
    delete_requested = Signal(object)
    selection_changed = Signal(object)
    day_changed = Signal(object)
    due_activated = Signal(object)
    due_menu_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month_model = MonthModel()
        self.setModel(self.month_model)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self._delegate = MonthDelegate(self)
        self.setItemDelegate(self._delegate)
        self._colors: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._selected: Occurrence | None = None
        self._selected_due: DueItem | None = None
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setHighlightSections(False)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.day_changed.emit(self.month_model.date_at(current))

    def set_month(
        self,
        month: date,
        occurrences: list[Occurrence],
        colors: dict[str, str],
        today: date | None = None,
        current: date | None = None,
        *,
        due: Sequence[DueItem] = (),
        names: dict[str, str] | None = None,
    ) -> None:
        """Show ``month``; ``due`` are the checklist items due in the grid's days,
        ``names`` the communities' names for their tooltips."""
        self._colors = colors
        self._names = dict(names or {})
        key = self._selected.key if self._selected else None
        due_id = self._selected_due.item_id if self._selected_due else None
        self.month_model.set_month(month, occurrences, today, due)
        # (Only look for the selection when there is one: a month holds thousands.)
        self._selected = (
            next((o for o in occurrences if o.key == key), None) if key is not None else None
        )
        self._selected_due = next((d for d in due if d.item_id == due_id), None)
        target = current or (today or date.today())
        index = self.month_model.index_of(target)
        if not index.isValid():
            index = self.month_model.index_of(month.replace(day=1))
        self.setCurrentIndex(index)
        self.viewport().update()

    def color_of(self, community_id: str) -> str:
        return self._colors.get(community_id, "#7a7a7a")

    def selected(self) -> Occurrence | None:
        return self._selected

    def selected_key(self) -> tuple[str, str] | None:
        return self._selected.key if self._selected else None

    def selected_due(self) -> DueItem | None:
        return self._selected_due

    def current_date(self) -> date:
        index = self.currentIndex()
        return self.month_model.date_at(index) if index.isValid() else date.today()

    def entry_rects(self, day: date) -> list[tuple[Occurrence | DueItem, QRect]]:
        """The due items and occurrences shown on ``day``, with their lines."""
        index = self.month_model.index_of(day)
        if not index.isValid():
            return []
        entries: list[Occurrence | DueItem] = index.data(MonthRole.ENTRIES) or []
        rects, _ = self._delegate.layout(self.visualRect(index), len(entries), self.font())
        return list(zip(entries, rects, strict=False))

    def entry_at(self, pos: QPoint) -> tuple[Occurrence | DueItem | None, bool]:
        """The item or due checklist item under ``pos``, and whether ``pos`` is
        on a "+N more" line."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None, False
        entries: list[Occurrence | DueItem] = index.data(MonthRole.ENTRIES) or []
        rects, more = self._delegate.layout(self.visualRect(index), len(entries), self.font())
        for entry, rect in zip(entries, rects, strict=False):
            if rect.contains(pos):
                return entry, False
        return None, bool(more and more.contains(pos))

    def occurrence_at(self, pos: QPoint) -> tuple[Occurrence | None, bool]:
        """The item under ``pos`` and whether ``pos`` is on a "+N more" line."""
        entry, more = self.entry_at(pos)
        return (entry if isinstance(entry, Occurrence) else None), more

    def _select(self, entry: Occurrence | DueItem | None) -> None:
        due = entry if isinstance(entry, DueItem) else None
        occ = entry if isinstance(entry, Occurrence) else None
        self._selected_due = due
        if (occ.key if occ else None) != self.selected_key():
            self._selected = occ
            self.selection_changed.emit(occ)
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QAbstractItemView::mousePressEvent: select the item under the mouse."""
        super().mousePressEvent(event)
        pos = event.position().toPoint()
        entry, more = self.entry_at(pos)
        if more and event.button() == Qt.MouseButton.LeftButton:
            self._show_more(self.indexAt(pos), pos)
            return
        self._select(entry)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Override QAbstractItemView::mouseDoubleClickEvent: open an item or add one."""
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if not index.isValid():
            return
        entry, more = self.entry_at(pos)
        if isinstance(entry, DueItem):
            self._select(entry)
            self.due_activated.emit(entry)
        elif entry is not None:
            self.open_requested.emit(entry)
        elif not more:
            self.create_requested.emit(self.month_model.date_at(index))

    def _show_more(self, index: QModelIndex, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for due in index.data(MonthRole.DUE) or []:
            icon = checkbox_icon(self.color_of(due.community_id), due.done)
            action = menu.addAction(icon, due.title)
            action.triggered.connect(lambda _c=False, d=due: self.due_activated.emit(d))
        for occ in index.data(MonthRole.OCCURRENCES) or []:
            label = occ.item.title if occ.item.all_day else f"{occ.start:%H:%M}  {occ.item.title}"
            action = menu.addAction(label)
            action.triggered.connect(lambda _c=False, o=occ: self.open_requested.emit(o))
        menu.popup(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QAbstractItemView::keyPressEvent: Enter opens or adds, Delete deletes."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._selected_due is not None:
                self.due_activated.emit(self._selected_due)
            elif self._selected is not None:
                self.open_requested.emit(self._selected)
            else:
                self.create_requested.emit(self.current_date())
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._selected is not None:
            self.delete_requested.emit(self._selected)
            return
        if key == Qt.Key.Key_Escape:
            self._select(None)
            return
        super().keyPressEvent(event)
        # Moving to another day drops the item selection.
        if self._selected is not None and self.current_date() != self._selected.start.date():
            self._select(None)
        if self._selected_due is not None and self.current_date() != self._selected_due.due_on:
            self._select(None)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Override QAbstractScrollArea::contextMenuEvent: a checklist item's menu."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            entry: Occurrence | DueItem | None = self._selected_due
            index = self.currentIndex()
            if entry is None and index.isValid():
                # The menu key on a day lists what is on it, due checklist items
                # included, so the keyboard reaches every entry of the day.
                if index.data(MonthRole.DUE) or index.data(MonthRole.OCCURRENCES):
                    self._show_more(index, self.visualRect(index).center())
                    return
        else:  # from the viewport, in its coordinates
            entry, _ = self.entry_at(event.pos())
        if not isinstance(entry, DueItem):
            event.ignore()
            return
        self._select(entry)
        self.due_menu_requested.emit(entry, event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        """Override QAbstractItemView::viewportEvent: a checklist item's own tooltip."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry, _ = self.entry_at(event.pos())
            if isinstance(entry, DueItem):
                name = self._names.get(entry.community_id, "")
                tip = due_tooltip(entry, name, self.month_model.today)
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        return super().viewportEvent(event)
