"""The overview's table: each community painted as a dashboard row.

Items listed in a row are links: clicking one opens it on its community's
checklist; double-click (or Enter) on a row opens the community.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from planner.checklists import OverviewRow
from planner.communities import Stage
from planner.ui.labels import members_text, platform_label, stage_label
from planner.ui.overview_model import (
    GOOD,
    WARNING,
    Cell,
    Column,
    Role,
    Tone,
    due_text,
    progress_text,
    short_date,
    suggestion_text,
)
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import SPACING

Index = QModelIndex | QPersistentModelIndex
LINES = 4  # text lines per row: a caption and three items
PAD = 10
GAP = 4


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
    return small


def _dim(color: QColor, alpha: float = 0.65) -> QColor:
    dim = QColor(color)
    dim.setAlphaF(alpha)
    return dim


class OverviewDelegate(QStyledItemDelegate):
    """Paints an overview row as a card: no grid, a line between communities.

    ``hover`` is the (row, column, entry) under the mouse, set by the view, so
    the item there is underlined like a link.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hover: tuple[int, int, int] | None = None

    # -- geometry, shared by painting and hit-testing ------------------------------

    @staticmethod
    def line_height(fm: QFontMetrics) -> int:
        return fm.height() + GAP

    def row_height(self, fm: QFontMetrics) -> int:
        return PAD * 2 + self.line_height(fm) * LINES - GAP

    def line_rect(self, rect: QRect, fm: QFontMetrics, n: int) -> QRect:
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        top = inner.top() + n * self.line_height(fm)
        return QRect(inner.left(), top, inner.width(), fm.height())

    def entry_rects(self, rect: QRect, fm: QFontMetrics, cell: Cell) -> list[QRect]:
        first = 1 if cell.caption else 0
        return [self.line_rect(rect, fm, first + n) for n in range(len(cell.entries))]

    def entry_at(self, rect: QRect, fm: QFontMetrics, cell: Cell | None, pos: QPoint) -> int:
        """The index of the entry of ``cell`` at ``pos`` (in view coordinates), or -1."""
        if cell is None:
            return -1
        for n, line in enumerate(self.entry_rects(rect, fm, cell)):
            if line.contains(pos):
                return n
        return -1

    @staticmethod
    def when_width(fm: QFontMetrics) -> int:
        day = date(2000, 12, 30)
        samples = [short_date(date(2000, 9, 30)), short_date(day)]
        samples += [due_text(day, day), due_text(day, day - timedelta(days=1))]
        return max(fm.horizontalAdvance(s) for s in samples) + SPACING

    # -- painting ------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint: four lines of text."""
        return QSize(200, self.row_height(QFontMetrics(option.font)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        row: OverviewRow | None = index.data(Role.ROW)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect: QRect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, _dim(palette.color(QPalette.ColorRole.Highlight), 0.12))
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        fm = QFontMetrics(option.font)
        column = Column(index.column())
        if column is Column.COMMUNITY:
            self._paint_community(painter, option, fm, row)
        elif column is Column.PROGRESS:
            self._paint_progress(painter, option, fm, row)
        else:
            cell: Cell = index.data(Role.CELL)
            self._paint_cell(painter, option, fm, cell, (index.row(), index.column()))
        painter.restore()

    def _paint_community(
        self, painter: QPainter, option: QStyleOptionViewItem, fm: QFontMetrics, row: OverviewRow
    ) -> None:
        text = option.palette.color(QPalette.ColorRole.Text)
        c = row.community
        line = self.line_rect(option.rect, fm, 0)
        dot = 12
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.color))
        painter.drawEllipse(line.left(), line.center().y() - dot // 2, dot, dot)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text)
        name_rect = line.adjusted(dot + SPACING, 0, 0, 0)
        name = QFontMetrics(bold).elidedText(c.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name)

        small = _small(option.font)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        line = self.line_rect(option.rect, fm, 1).adjusted(dot + SPACING, 0, 0, 0)
        badge_text = f"{c.stage.number} {stage_label(c.stage)}"
        badge = QRect(
            line.left(), line.top(), sfm.horizontalAdvance(badge_text) + 14, line.height()
        )
        self._pill(painter, badge, QColor(STAGE_COLORS[c.stage]), badge_text, QColor("#ffffff"))
        painter.setPen(_dim(text))
        rest = line.adjusted(badge.width() + SPACING, 0, 0, 0)
        meta = sfm.elidedText(
            members_text(c.member_count), Qt.TextElideMode.ElideRight, rest.width()
        )
        painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter, meta)

        line = self.line_rect(option.rect, fm, 2).adjusted(dot + SPACING, 0, 0, 0)
        who = " · ".join(p for p in (platform_label(c.platform), c.owner) if p)
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText(who, Qt.TextElideMode.ElideRight, line.width()),
        )
        suggestion = suggestion_text(row)
        if suggestion:
            line = self.line_rect(option.rect, fm, 3).adjusted(dot + SPACING, 0, 0, 0)
            label = sfm.elidedText(
                f"✓ {suggestion}", Qt.TextElideMode.ElideRight, line.width() - 14
            )
            pill = QRect(line.left(), line.top(), sfm.horizontalAdvance(label) + 14, line.height())
            self._pill(painter, pill, _dim(QColor(GOOD), 0.14), label, QColor(GOOD))

    @staticmethod
    def _pill(painter: QPainter, rect: QRect, fill: QColor, label: str, pen: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(pen)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_progress(
        self, painter: QPainter, option: QStyleOptionViewItem, fm: QFontMetrics, row: OverviewRow
    ) -> None:
        palette = option.palette
        text = palette.color(QPalette.ColorRole.Text)
        track = palette.color(QPalette.ColorRole.Midlight)
        p = row.progress
        line = self.line_rect(option.rect, fm, 0)
        painter.setFont(option.font)
        if not p.total:
            painter.setPen(_dim(text))
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, progress_text(row))
            return
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        percent = f"{round(p.fraction * 100)}%"
        painter.setPen(_dim(text, 0.8))
        done = self.tr("%1 of %2 done").replace("%1", str(p.done)).replace("%2", str(p.total))
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, done)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, percent)
        # the whole path
        line = self.line_rect(option.rect, fm, 1)
        bar = QRect(line.left(), line.center().y() - 4, line.width(), 8)
        self._bar(painter, bar, track, QColor(STAGE_COLORS[row.community.stage]), p.fraction)
        # one short bar per stage, the community's own marked
        line = self.line_rect(option.rect, fm, 2)
        stages = list(Stage)
        width = (line.width() - GAP * (len(stages) - 1)) // len(stages)
        for n, stage in enumerate(stages):
            sp = p.of(stage)
            seg = QRect(line.left() + n * (width + GAP), line.center().y() - 3, width, 6)
            self._bar(painter, seg, track, QColor(STAGE_COLORS[stage]), sp.fraction)
            if stage is row.community.stage:
                painter.setPen(text)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(seg.adjusted(-2, -2, 2, 2), 4, 4)
        current = p.of(row.community.stage)
        caption = (
            self.tr("%1: %2 of %3")
            .replace("%1", stage_label(row.community.stage))
            .replace("%2", str(current.done))
            .replace("%3", str(current.total))
        )
        small = _small(option.font)
        painter.setFont(small)
        painter.setPen(_dim(text))
        line = self.line_rect(option.rect, fm, 3)
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, caption)

    @staticmethod
    def _bar(painter: QPainter, rect: QRect, track: QColor, fill: QColor, fraction: float) -> None:
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, radius, radius)
        if fraction > 0:
            done = QRect(
                rect.left(), rect.top(), max(int(rect.width() * fraction), 6), rect.height()
            )
            painter.setBrush(fill)
            painter.drawRoundedRect(done, radius, radius)

    def _paint_cell(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        fm: QFontMetrics,
        cell: Cell,
        where: tuple[int, int],
    ) -> None:
        text = option.palette.color(QPalette.ColorRole.Text)
        tones = {
            Tone.PLAIN: text,
            Tone.HINT: _dim(text),
            Tone.WARNING: QColor(WARNING),
            Tone.GOOD: QColor(GOOD),
        }
        if cell.caption:
            font = QFont(option.font)
            if cell.tone is Tone.WARNING:
                font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(tones[cell.tone])
            line = self.line_rect(option.rect, fm, 0)
            caption = QFontMetrics(font).elidedText(
                cell.caption, Qt.TextElideMode.ElideRight, line.width()
            )
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, caption)
        when_w = self.when_width(fm) if any(e.when for e in cell.entries) else 0
        small = _small(option.font)
        sfm = QFontMetrics(small)
        for n, (entry, line) in enumerate(
            zip(cell.entries, self.entry_rects(option.rect, fm, cell), strict=True)
        ):
            left = line.left()
            if entry.when:
                painter.setFont(option.font)
                painter.setPen(QColor(WARNING) if entry.late else _dim(text, 0.8))
                when_rect = QRect(left, line.top(), when_w, line.height())
                painter.drawText(when_rect, Qt.AlignmentFlag.AlignVCenter, entry.when)
                left += when_w
            else:
                painter.setFont(option.font)
                painter.setPen(_dim(text))
                bullet = QRect(left, line.top(), 12, line.height())
                painter.drawText(bullet, Qt.AlignmentFlag.AlignVCenter, "•")
                left += 12
            who_w = 0
            if entry.assignee and line.width() >= 240:  # narrower, the title needs it all
                painter.setFont(small)
                who = sfm.elidedText(
                    entry.assignee, Qt.TextElideMode.ElideRight, max(line.width() // 4, 40)
                )
                who_w = sfm.horizontalAdvance(who) + SPACING
                painter.setPen(_dim(text))
                painter.drawText(
                    line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, who
                )
            font = QFont(option.font)
            font.setUnderline(self.hover == (*where, n))
            painter.setFont(font)
            painter.setPen(QColor(WARNING) if entry.late else text)
            title_rect = QRect(left, line.top(), line.right() - left - who_w, line.height())
            title = QFontMetrics(font).elidedText(
                entry.title, Qt.TextElideMode.ElideRight, title_rect.width()
            )
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)


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
        self.doubleClicked.connect(self._on_double_clicked)
        self._pressed: tuple[str, str] | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Override QTableView::setModel: lay out the columns once a model is set."""
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(180)  # narrower, the window scrolls sideways
        # The two lists of items share what the community and its progress leave.
        header.setSectionResizeMode(Column.NEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.OVERDUE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Column.COMMUNITY, 240)
        header.resizeSection(Column.PROGRESS, 180)

    def item_at(self, pos: QPoint) -> tuple[QModelIndex, int]:
        """The cell at ``pos`` (viewport coordinates) and the listed item there (or -1)."""
        index = self.indexAt(pos)
        if not index.isValid():
            return index, -1
        cell: Cell | None = index.data(Role.CELL)
        n = self.overview_delegate.entry_at(self.visualRect(index), self.fontMetrics(), cell, pos)
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
        """Override QTableView::keyPressEvent: Enter opens the current community."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.community_activated.emit(str(self.currentIndex().data(Role.ID)))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Override QWidget::contextMenuEvent: open the community or one of its items."""
        index = self.indexAt(event.pos()) if event.reason() == event.Reason.Mouse else QModelIndex()
        if not index.isValid():
            index = self.currentIndex()
        menu = self.build_menu(index)
        if menu is not None:
            menu.exec(event.globalPos())

    def build_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row: open the community, or any item it lists."""
        if not index.isValid():
            return None
        model = self.model()
        community_id = str(index.data(Role.ID))
        menu = QMenu(self)
        menu.addAction(
            self.tr("Open the community"), lambda: self.community_activated.emit(community_id)
        )
        for column in (Column.OVERDUE, Column.NEXT):
            cell: Cell = model.index(index.row(), column).data(Role.CELL)
            for entry in cell.entries:
                action = menu.addAction(self.tr("Open “%1”").replace("%1", entry.title))
                action.setData(entry.item_id)
        menu.triggered.connect(lambda action: self._on_menu(community_id, action))
        return menu

    def _on_menu(self, community_id: str, action: QAction) -> None:
        item_id = action.data()
        if item_id:
            self.item_activated.emit(community_id, str(item_id))
