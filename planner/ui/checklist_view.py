"""How a checklist looks: stage headings with their progress, items with a
check box, title, reason, who, when, and a link to where the item gets done.

:class:`ChecklistDelegate` paints both kinds of row and reports clicks on a
check box, a link or a heading's "Add item"; :class:`ChecklistView` is the
tree view that shows the model, every stage open, items dragged within their
stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from planner.checklists import ChecklistItem, StageProgress
from planner.communities import Stage
from planner.ui.checklist_model import ChecklistRole
from planner.ui.sidebar import STAGE_COLORS
from planner.ui.theme import bold_font, icon, small_font

Index = QModelIndex | QPersistentModelIndex
DONE_COLOR = "#1e8e3e"
OVERDUE_COLOR = "#d93025"


def field_label(name: str) -> str:
    """The profile field a "community:FIELD" link opens, as the form names it."""
    return {
        "common_interest": QCoreApplication.translate("Checklist", "Common interest"),
        "value_to_members": QCoreApplication.translate("Checklist", "Value to members"),
        "differentiation": QCoreApplication.translate("Checklist", "Differentiation"),
        "built_around": QCoreApplication.translate("Checklist", "Built around"),
        "segment": QCoreApplication.translate("Checklist", "Segment"),
        "platform": QCoreApplication.translate("Checklist", "Platform"),
        "owner": QCoreApplication.translate("Checklist", "Owner"),
        "joining_principles": QCoreApplication.translate("Checklist", "Joining principles"),
        "management_norms": QCoreApplication.translate("Checklist", "Management norms"),
        "notes": QCoreApplication.translate("Checklist", "Notes"),
    }.get(name, name.replace("_", " "))


def action_text(action: str) -> str:
    """The link an item with ``action`` offers ("" for none)."""
    if action.startswith("community:"):
        return QCoreApplication.translate("Checklist", "Fill in “%1” →").replace(
            "%1", field_label(action.split(":", 1)[1])
        )
    return {
        "calendar": QCoreApplication.translate("Checklist", "Plan it on the calendar →"),
        "templates": QCoreApplication.translate("Checklist", "Open the templates →"),
        "replicate": QCoreApplication.translate("Checklist", "Replicate the community →"),
    }.get(action, "")


def day_text(day: date) -> str:
    return day.isoformat()


@dataclass(frozen=True)
class _Part:
    """One piece of an item's details: an icon and a text in a colour."""

    text: str
    color: str = ""
    icon: str = ""


@dataclass(frozen=True)
class _ItemGeometry:
    check: QRect
    title: QRect
    why: QRect
    details: QRect
    link: QRect


@dataclass(frozen=True)
class _HeadingGeometry:
    pill: QRect
    add: QRect
    bar: QRect
    count: QRect
    hint: QRect


class ChecklistDelegate(QStyledItemDelegate):
    """Paints headings and items; clicks on their controls come out as signals.

    Signals:
        link_clicked(str): the link of an item was clicked; its action.
        add_clicked(str): a heading's "Add item" was clicked; the stage.
    """

    link_clicked = Signal(str)
    add_clicked = Signal(str)

    INDENT = 26
    PAD = 12
    VPAD = 7
    CHECK = 18
    GAP = 10
    ICON = 13
    BAR = 110

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.editable = True

    # -- geometry --------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Override QStyledItemDelegate::sizeHint."""
        fm = QFontMetrics(option.font)
        if index.data(ChecklistRole.IS_HEADING):
            top = 18 if index.row() else 6
            return QSize(320, top + fm.height() + 14)
        small = QFontMetrics(small_font(option.font))
        return QSize(320, self.VPAD * 2 + fm.height() + 3 + small.height())

    def _parts(self, item: ChecklistItem) -> list[_Part]:
        parts: list[_Part] = []
        if item.hidden:
            parts.append(_Part(QCoreApplication.translate("Checklist", "hidden: does not apply")))
        if item.note:
            parts.append(
                _Part(QCoreApplication.translate("Checklist", "note"), icon="message-circle")
            )
        if item.assignee:
            parts.append(_Part(item.assignee, icon="users"))
        if item.done_on is not None:
            parts.append(
                _Part(
                    QCoreApplication.translate("Checklist", "done %1").replace(
                        "%1", day_text(item.done_on)
                    ),
                    DONE_COLOR,
                )
            )
        elif item.due_on is not None:
            if item.overdue(self.today):
                words = QCoreApplication.translate("Checklist", "overdue: due %1").replace(
                    "%1", day_text(item.due_on)
                )
                parts.append(_Part(words, OVERDUE_COLOR, "alert-triangle"))
            else:
                parts.append(
                    _Part(
                        QCoreApplication.translate("Checklist", "due %1").replace(
                            "%1", day_text(item.due_on)
                        ),
                        "",
                        "calendar",
                    )
                )
        return parts

    def _parts_width(self, parts: list[_Part], fm: QFontMetrics) -> int:
        width = 2 * len(parts)  # a little slack, so nothing is elided by rounding
        for n, part in enumerate(parts):
            if n:
                width += 14
            if part.icon:
                width += self.ICON + 4
            width += fm.horizontalAdvance(part.text)
        return width

    def _item_geometry(self, rect: QRect, font: QFont, item: ChecklistItem) -> _ItemGeometry:
        fm = QFontMetrics(font)
        small = QFontMetrics(small_font(font))
        inner = rect.adjusted(self.INDENT, self.VPAD, -self.PAD, -self.VPAD)
        line = fm.height()
        check = QRect(inner.left(), inner.top() + (line - self.CHECK) // 2, self.CHECK, self.CHECK)
        left = check.right() + self.GAP
        width = inner.right() - left
        details_w = min(self._parts_width(self._parts(item), small), int(width * 0.45))
        link_text = action_text(item.action)
        link_w = min(small.horizontalAdvance(link_text) + 2, int(width * 0.45)) if link_text else 0
        second = inner.top() + line + 3
        details = QRect(inner.right() - details_w, inner.top(), details_w, line)
        title = QRect(left, inner.top(), max(details.left() - 16 - left, 0), line)
        link = QRect(inner.right() - link_w, second, link_w, small.height())
        why_right = (link.left() - 16) if link_w else inner.right()
        why = QRect(left, second, max(why_right - left, 0), small.height())
        return _ItemGeometry(check, title, why, details, link)

    def _heading_geometry(self, rect: QRect, font: QFont, index: Index) -> _HeadingGeometry:
        fm = QFontMetrics(font)
        bold = QFontMetrics(bold_font(font))
        small = QFontMetrics(small_font(font))
        top = 18 if index.row() else 6
        inner = rect.adjusted(self.PAD - 4, top, -self.PAD, -8)
        height = fm.height() + 4
        y = inner.top()
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        pill = QRect(inner.left(), y, bold.horizontalAdvance(text) + 22, height)
        add_text = QCoreApplication.translate("Checklist", "+ Add item") if self.editable else ""
        add_w = small.horizontalAdvance(add_text) + 2 if add_text else 0
        add = QRect(inner.right() - add_w, y, add_w, height)
        bar_right = add.left() - (20 if add_w else 0)
        bar = QRect(bar_right - self.BAR, y + height // 2 - 3, self.BAR, 6)
        count_w = small.horizontalAdvance("✓ 888/888")
        count = QRect(bar.left() - 10 - count_w, y, count_w, height)
        hint_left = pill.right() + 14
        if index.data(ChecklistRole.CURRENT):
            hint_left += (
                small.horizontalAdvance(QCoreApplication.translate("Checklist", "current stage"))
                + 24
            )
        hint = QRect(hint_left, y, max(count.left() - 16 - hint_left, 0), height)
        return _HeadingGeometry(pill, add, bar, count, hint)

    def control_rect(self, rect: QRect, font: QFont, index: Index, control: str) -> QRect:
        """Where ``control`` ("check", "link" or "add") is drawn in the row ``rect``
        (an empty rect if the row has none)."""
        if index.data(ChecklistRole.IS_HEADING):
            geometry = self._heading_geometry(rect, font, index)
            return QRect(geometry.add) if control == "add" and self.editable else QRect()
        item: ChecklistItem | None = index.data(ChecklistRole.ITEM)
        if item is None:
            return QRect()
        g = self._item_geometry(rect, font, item)
        if control == "check":
            return g.check.adjusted(-4, -4, 4, 4)
        if control == "link" and item.action:
            return QRect(g.link)
        return QRect()

    def hit(self, rect: QRect, font: QFont, index: Index, pos: QPoint) -> str:
        """What is under ``pos``: "check", "link", "add" or ""."""
        for control in ("check", "link", "add"):
            if self.control_rect(rect, font, index, control).contains(pos):
                return control
        return ""

    # -- painting --------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Override QStyledItemDelegate::paint."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = option.widget.style() if option.widget else QApplication.style()
        if index.data(ChecklistRole.IS_HEADING):
            self._paint_heading(painter, option, index)
        else:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
            item: ChecklistItem | None = index.data(ChecklistRole.ITEM)
            if item is not None:
                self._paint_item(painter, option, item, style)
        painter.restore()

    def _colors(self, option: QStyleOptionViewItem) -> tuple[QColor, QColor, bool]:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text)
        dim.setAlphaF(0.62)
        return text, dim, selected

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # A heading has no selection background: a ring round its name shows the focus.
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        dim = option.palette.color(QPalette.ColorRole.Text)
        dim.setAlphaF(0.62)
        g = self._heading_geometry(option.rect, option.font, index)
        stage = Stage(index.data(ChecklistRole.STAGE))
        progress: StageProgress = index.data(ChecklistRole.PROGRESS)
        color = QColor(STAGE_COLORS[stage])
        if index.row():
            painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
            y = option.rect.top() + 8
            painter.drawLine(option.rect.left() + self.PAD, y, option.rect.right() - self.PAD, y)
        focused = option.widget is not None and option.widget.hasFocus()
        if selected and focused:
            ring = g.pill.adjusted(-3, -3, 3, 3)
            painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring, ring.height() / 2, ring.height() / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(g.pill, g.pill.height() / 2, g.pill.height() / 2)
        painter.setFont(bold_font(option.font))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(g.pill, Qt.AlignmentFlag.AlignCenter, str(index.data()))

        small = small_font(option.font)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        hint_left = g.pill.right() + 14
        base = option.palette.color(QPalette.ColorRole.Text)
        if index.data(ChecklistRole.CURRENT):
            words = QCoreApplication.translate("Checklist", "current stage")
            tag = QRect(hint_left, g.pill.top() + 2, sfm.horizontalAdvance(words) + 14, 0)
            tag.setBottom(g.pill.bottom() - 2)
            painter.setPen(color)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tag, tag.height() / 2, tag.height() / 2)
            painter.setFont(bold_font(small))
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, words)
            painter.setFont(small)
        painter.setPen(dim)
        hint = sfm.elidedText(
            str(index.data(Qt.ItemDataRole.ToolTipRole)),
            Qt.TextElideMode.ElideRight,
            g.hint.width(),
        )
        painter.drawText(g.hint, Qt.AlignmentFlag.AlignVCenter, hint)

        if progress.total:
            complete = progress.complete
            words = f"{'✓ ' if complete else ''}{progress.done}/{progress.total}"
            painter.setPen(QColor(DONE_COLOR) if complete else base)
        else:
            words = QCoreApplication.translate("Checklist", "no items")
            painter.setPen(dim)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(g.count, align, words)
        track = option.palette.color(QPalette.ColorRole.Mid)
        track.setAlphaF(0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(g.bar, 3, 3)
        if progress.done:
            filled = QRect(g.bar)
            filled.setWidth(max(int(g.bar.width() * progress.fraction), 6))
            painter.setBrush(QColor(DONE_COLOR) if progress.complete else color)
            painter.drawRoundedRect(filled, 3, 3)
        if self.editable:
            painter.setPen(option.palette.color(QPalette.ColorRole.Link))
            painter.drawText(g.add, align, QCoreApplication.translate("Checklist", "+ Add item"))

    def check_option(
        self, option: QStyleOptionViewItem, item: ChecklistItem, rect: QRect
    ) -> QStyleOptionButton:
        """How an item's check box is drawn: disabled (greyed) when it cannot be ticked."""
        box = QStyleOptionButton()
        box.rect = rect
        box.state = QStyle.StateFlag.State_On if item.done else QStyle.StateFlag.State_Off
        box.palette = QPalette(option.palette)
        if self.editable:
            box.state |= QStyle.StateFlag.State_Enabled
        else:
            box.palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
        return box

    def _paint_item(
        self, painter: QPainter, option: QStyleOptionViewItem, item: ChecklistItem, style: QStyle
    ) -> None:
        text, dim, selected = self._colors(option)
        g = self._item_geometry(option.rect, option.font, item)
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            self.check_option(option, item, g.check),
            painter,
            option.widget,
        )

        faded = item.done or item.hidden
        title_font = QFont(option.font)
        title_font.setItalic(item.hidden)
        painter.setFont(title_font)
        painter.setPen(dim if faded else text)
        title = QFontMetrics(title_font).elidedText(
            item.title, Qt.TextElideMode.ElideRight, g.title.width()
        )
        painter.drawText(g.title, Qt.AlignmentFlag.AlignVCenter, title)

        small = small_font(option.font)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(dim)
        why = sfm.elidedText(item.why, Qt.TextElideMode.ElideRight, g.why.width())
        painter.drawText(g.why, Qt.AlignmentFlag.AlignVCenter, why)

        link = action_text(item.action)
        if link:
            color = text if selected else option.palette.color(QPalette.ColorRole.Link)
            painter.setPen(color)
            words = sfm.elidedText(link, Qt.TextElideMode.ElideRight, g.link.width() + 1)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(g.link, align, words)

        self._paint_parts(painter, g.details, self._parts(item), small, dim, selected)

    def _paint_parts(
        self,
        painter: QPainter,
        rect: QRect,
        parts: list[_Part],
        font: QFont,
        dim: QColor,
        selected: bool,
    ) -> None:
        """Right-aligned: the last part ends at the rect's right edge."""
        fm = QFontMetrics(font)
        x = rect.right() + 1
        for part in reversed(parts):
            color = QColor(part.color) if part.color and not selected else dim
            available = x - rect.left() - (self.ICON + 4 if part.icon else 0)
            words = fm.elidedText(part.text, Qt.TextElideMode.ElideRight, max(available, 0))
            width = fm.horizontalAdvance(words)
            x -= width
            painter.setPen(color)
            painter.drawText(
                QRect(x, rect.top(), width, rect.height()), Qt.AlignmentFlag.AlignVCenter, words
            )
            if part.icon:
                x -= self.ICON + 4
                top = rect.top() + (rect.height() - self.ICON) // 2
                icon(part.icon, color.name()).paint(painter, QRect(x, top, self.ICON, self.ICON))
            x -= 14
            if x <= rect.left():
                break

    # -- clicks and keys ---------------------------------------------------------------

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """Override QStyledItemDelegate::editorEvent: the check box, links, "Add item"."""
        if isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Space,
                Qt.Key.Key_Select,
            ):
                return self._toggle(model, index)
            return False
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        target = self.hit(option.rect, option.font, index, event.position().toPoint())
        if not target:
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            if target == "check":
                self._toggle(model, index)
            elif target == "link":
                item: ChecklistItem = index.data(ChecklistRole.ITEM)
                self.link_clicked.emit(item.action)
            else:
                self.add_clicked.emit(str(index.data(ChecklistRole.STAGE)))
        return True

    def _toggle(self, model: QAbstractItemModel, index: Index) -> bool:
        if not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        checked = state in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
        return True


class ChecklistView(QTreeView):
    """The checklist as a tree with every stage open; items drag within their stage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = ChecklistDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def set_editable(self, editable: bool) -> None:
        self.delegate.editable = editable
        self.setDragEnabled(editable)
        self.setAcceptDrops(editable)
        self.viewport().update()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Override QTreeView::setModel: keep every stage open."""
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.expandAll)
            self.expandAll()

    def hit(self, pos: QPoint) -> str:
        """What is under the viewport position ``pos``: "check", "link", "add" or ""."""
        index = self.indexAt(pos)
        if not index.isValid():
            return ""
        return self.delegate.hit(self.visualRect(index), self.font(), index, pos)

    def control_rect(self, index: QModelIndex, control: str) -> QRect:
        """Where a row's "check", "link" or "add" is, in viewport coordinates."""
        return self.delegate.control_rect(self.visualRect(index), self.font(), index, control)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QTreeView::keyPressEvent: Alt+Up/Down only ever move an item.

        The panel's Move up / Move down actions take the keys; where they are
        disabled (the first or last item of a stage, a heading) the keys do
        nothing, rather than move the selection as plain arrows would.
        """
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override QTreeView::mousePressEvent: a click on a check box selects its row
        too, so Space and the menu then act on the item just ticked."""
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self.hit(pos) == "check":
            self.setCurrentIndex(self.indexAt(pos))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Override QTreeView::mouseMoveEvent: a pointing hand over links."""
        target = self.hit(event.position().toPoint())
        cursor = Qt.CursorShape.PointingHandCursor if target else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)
        super().mouseMoveEvent(event)
