"""The overview's table: each community painted as a dashboard row.

Items listed in a row are links: clicking one opens it on its community's
checklist; double-click (or Enter) on a row opens the community. From the
keyboard, the Menu key (or Shift+F10) lists the row's items to open.

The columns always fit the width (:mod:`planner.ui.overview_layout`): the view
refits them, and sizes each row, whenever its content, width or font changes.
The rows are painted by :class:`planner.ui.overview_delegate.OverviewDelegate`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QStyle,
    QTableView,
    QWidget,
)

from planner.checklist_due import OverviewRow
from planner.ui.overview_delegate import OverviewDelegate
from planner.ui.overview_layout import LINES, PAD, Needs, advance, column_widths, measure
from planner.ui.overview_model import Cell, Column, OverviewModel, Role
from planner.ui.theme import SPACING


class _ClickGuard(QObject):
    """Eats the rest of a double-click that opened an item in a single click.

    The first click took the window to another page; without this, the second
    click would land there, on whatever is under the mouse (and a double-click
    there opens it). Armed for the double-click interval, in this window only.
    """

    MOUSE = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseButtonRelease,
    )

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._window = view.window()
        self._until = time.monotonic() + QApplication.doubleClickInterval() / 1000

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject::eventFilter: swallow mouse buttons while armed."""
        if event.type() not in self.MOUSE:
            return False
        if time.monotonic() > self._until:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.deleteLater()
            return False
        return isinstance(watched, QWidget) and watched.window() is self._window


class OverviewView(QTableView):
    """The overview's table: items are links, rows open their community.

    Signals:
        community_activated(str): double-click or Enter on a community.
        item_activated(str, str): a click on a listed checklist item
            (community id, item id).
    """

    community_activated = Signal(str)
    item_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview_delegate = OverviewDelegate(self)
        self.setItemDelegate(self.overview_delegate)
        self.setShowGrid(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setFrameShape(QTableView.Shape.NoFrame)
        # The delegate tints a selected row; the style's full highlight would drown it.
        self.setStyleSheet("QTableView { selection-background-color: transparent; }")
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(
            self.overview_delegate.row_height(self.fontMetrics())
        )
        # The columns are fitted to the width (fit_columns): never a sideways scroll.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.doubleClicked.connect(self._on_double_clicked)
        self._pressed: tuple[str, str] | None = None
        self._needs: Needs | None = None
        self.context_menu: QMenu | None = None
        self._menu_row = -1

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Override QTableView::setModel: lay out the columns once a model is set."""
        old = self.model()
        if old is not None:
            for signal in (old.modelReset, old.layoutChanged, old.dataChanged):
                signal.disconnect(self._content_changed)
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(20)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.dataChanged):
                signal.connect(self._content_changed)
        self._content_changed()

    # -- fitting the columns to the width -------------------------------------------

    def _content_changed(self) -> None:
        self._needs = None
        self.fit_columns()

    def column_needs(self) -> Needs:
        """The widths the columns need, for every row and their headings."""
        if self._needs is None:
            font, d = self.font(), self.overview_delegate
            rows = self._rows()
            next_cells, overdue_cells = self._cells(Column.NEXT), self._cells(Column.OVERDUE)
            whens = {e.when for c in (*next_cells, *overdue_cells) for e in c.entries if e.when}
            widths = measure(font)
            d.when_width = max((widths(w) + SPACING for w in whens), default=0)
            progress = d.progress_widths(font, rows)
            next_due = d.list_needs(font, next_cells)
            overdue = d.list_needs(font, overdue_cells)
            heading = [self._heading_width(c) for c in Column]
            self._needs = Needs(
                max(heading[Column.COMMUNITY], d.community_width(font, rows)),
                max(heading[Column.PROGRESS], progress[0]),
                max(heading[Column.PROGRESS], progress[1]),
                max(heading[Column.NEXT], next_due[0]),
                max(heading[Column.NEXT], next_due[1]),
                max(heading[Column.OVERDUE], overdue[0]),
                max(heading[Column.OVERDUE], overdue[1]),
            )
        return self._needs

    def _rows(self) -> list[OverviewRow]:
        model = self.model()
        if isinstance(model, OverviewModel):
            return model.rows()
        count = model.rowCount() if model is not None else 0
        return [model.index(r, 0).data(Role.ROW) for r in range(count)]

    def _cells(self, column: Column) -> list[Cell]:
        model = self.model()
        if isinstance(model, OverviewModel):
            return model.cells(column)
        count = model.rowCount() if model is not None else 0
        return [model.index(r, column).data(Role.CELL) for r in range(count)]

    def _heading_width(self, column: Column) -> int:
        model = self.model()
        if model is None:
            return 0
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        header = self.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return advance(header.font(), text) + 2 * max(margin, 4)

    def column_widths(self, width: int) -> list[int]:
        """Widths for the four columns adding up to ``width``: see
        :func:`planner.ui.overview_layout.column_widths`."""
        return column_widths(self.column_needs(), width)

    def fit_columns(self) -> None:
        """Fit the columns to the viewport's width (everything in sight, nothing
        sideways) and make each row as tall as its titles need.

        The heights are worked out for the width left beside a vertical scroll
        bar, shown or not: so its coming or going cannot change them, and bring
        it back or take it away again.
        """
        model = self.model()
        if model is None or model.columnCount() != len(Column):
            return
        width = self.viewport().width()
        header = self.horizontalHeader()
        for column, size in enumerate(self.column_widths(width)):
            if header.sectionSize(column) != size:
                header.resizeSection(column, size)
        bar = self.verticalScrollBar()
        if not bar.isVisible():
            width -= bar.sizeHint().width() + max(
                self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollView_ScrollBarSpacing), 0
            )
        widths = self.column_widths(width)
        font, fm, d = self.font(), self.fontMetrics(), self.overview_delegate
        cells = zip(self._cells(Column.NEXT), self._cells(Column.OVERDUE), strict=True)
        for r, (next_due, overdue) in enumerate(cells):
            lines = max(
                LINES,
                d.cell_lines(font, next_due, widths[Column.NEXT]),
                d.cell_lines(font, overdue, widths[Column.OVERDUE]),
            )
            height = d.row_height(fm, lines)
            if self.rowHeight(r) != height:
                self.setRowHeight(r, height)

    def viewportEvent(self, event: QEvent) -> bool:
        """Override QAbstractItemView::viewportEvent: refit the columns on a resize
        (of the window, or when the vertical scroll bar comes or goes)."""
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: a new font changes what the columns need."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(
                self.overview_delegate.row_height(self.fontMetrics())
            )
            self._content_changed()

    def item_at(self, pos: QPoint) -> tuple[QModelIndex, int]:
        """The cell at ``pos`` (viewport coordinates) and the listed item there (or -1)."""
        index = self.indexAt(pos)
        if not index.isValid():
            return index, -1
        cell: Cell | None = index.data(Role.CELL)
        n = self.overview_delegate.entry_at(self.visualRect(index), self.font(), cell, pos)
        return index, n

    def _target(self, pos: QPoint) -> tuple[str, str] | None:
        index, n = self.item_at(pos)
        if n < 0:
            return None
        cell: Cell = index.data(Role.CELL)
        return str(index.data(Role.ID)), cell.entries[n].item_id

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Override QTableView::mouseMoveEvent: underline the item under the mouse."""
        super().mouseMoveEvent(event)
        index, n = self.item_at(event.position().toPoint())
        hover = (index.row(), index.column(), n) if n >= 0 else None
        if hover != self.overview_delegate.hover:
            self.overview_delegate.hover = hover
            self.viewport().update()
        cursor = Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)

    def leaveEvent(self, event: QEvent) -> None:
        """Override QWidget::leaveEvent: nothing is hovered any more."""
        super().leaveEvent(event)
        if self.overview_delegate.hover is not None:
            self.overview_delegate.hover = None
            self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QTableView::mousePressEvent: remember a press on an item."""
        super().mousePressEvent(event)
        left = event.button() == Qt.MouseButton.LeftButton
        self._pressed = self._target(event.position().toPoint()) if left else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Override QTableView::mouseReleaseEvent: a click on an item opens it."""
        super().mouseReleaseEvent(event)
        target = self._target(event.position().toPoint())
        pressed, self._pressed = self._pressed, None
        if target is not None and target == pressed:
            self.item_activated.emit(*target)
            if not self.isVisible():  # the window went to the item: see _ClickGuard
                _ClickGuard(self).start()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.community_activated.emit(str(index.data(Role.ID)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QTableView::keyPressEvent: Enter opens the current community;
        the Menu key or Shift+F10 lists its items, to open one."""
        key, modifiers = event.key(), event.modifiers()
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self.community_activated.emit(str(current.data(Role.ID)))
            return
        shift_f10 = key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
        if (key == Qt.Key.Key_Menu or shift_f10) and current.isValid():
            self.show_menu(current, self._menu_position(current))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Override QWidget::contextMenuEvent: open the community or one of its items."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if index.isValid():
                self.show_menu(index, event.globalPos())
                return
        current = self.currentIndex()
        if current.isValid():
            self.show_menu(current, self._menu_position(current))

    def _menu_position(self, index: QModelIndex) -> QPoint:
        """Where a menu opened from the keyboard goes: under the row's community."""
        rect = self.visualRect(index.siblingAtColumn(Column.COMMUNITY))
        self.scrollTo(index)
        return self.viewport().mapToGlobal(rect.adjusted(PAD, 0, 0, 0).center())

    def show_menu(self, index: QModelIndex, at: QPoint) -> None:
        """Pop up the row's menu at ``at`` (global coordinates).

        Once only: some platforms follow the Menu key's press with a context menu event.
        """
        if self.context_menu is not None:
            if self.context_menu.isVisible() and self._menu_row == index.row():
                return
            self.context_menu.close()
            self.context_menu.deleteLater()
        self._menu_row = index.row()
        self.context_menu = self.build_menu(index)
        if self.context_menu is not None:
            self.context_menu.popup(at)

    def build_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row: open the community, or any item it lists,
        what is overdue first, each with its due date."""
        if not index.isValid():
            return None
        model = self.model()
        community_id = str(index.data(Role.ID))
        menu = QMenu(self)
        menu.addAction(
            self.tr("Open the community"), lambda: self.community_activated.emit(community_id)
        )
        for column, heading in (
            (Column.OVERDUE, self.tr("Overdue")),
            (Column.NEXT, self.tr("Next due")),
        ):
            cell: Cell = model.index(index.row(), column).data(Role.CELL)
            if not cell.entries:
                continue
            menu.addSection(heading)
            for entry in cell.entries:
                label = self.tr("Open “%1”").replace("%1", entry.title.replace("&", "&&"))
                action = menu.addAction(f"{label}\t{entry.when}" if entry.when else label)
                action.setData(entry.item_id)
                action.setToolTip(entry.tooltip)
        menu.setToolTipsVisible(True)
        menu.triggered.connect(lambda action: self._on_menu(community_id, action))
        return menu

    def _on_menu(self, community_id: str, action: QAction) -> None:
        item_id = action.data()
        if item_id:
            self.item_activated.emit(community_id, str(item_id))
