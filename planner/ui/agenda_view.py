"""The agenda: the coming days as a list, one heading per day.

Under each day come the checklist items due that day (with a checkbox, see
:mod:`planner.ui.due_marks`), then its content and activities in time order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from planner.calendar import TYPES_BY_KIND, ItemKind, Occurrence, Status
from planner.checklist_due import DueItem
from planner.communities import Stage
from planner.ui.due_marks import (
    checkbox_icon,
    due_state,
    due_tooltip_lines,
    is_overdue,
    overdue_color,
)
from planner.ui.labels import item_type_label, stage_label, status_label
from planner.ui.locale_text import day_month, long_day
from planner.ui.theme import swatch_icon

Index = QModelIndex | QPersistentModelIndex
_NO_DAY = 0xFFFFFFFF  # internalId of a day row; item rows carry their day's row


class AgendaColumn(IntEnum):
    TIME = 0
    TITLE = 1
    COMMUNITY = 2
    TYPE = 3
    OWNER = 4
    STATUS = 5


_COLUMNS = len(AgendaColumn)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AgendaRole(IntEnum):
    OCCURRENCE = Qt.ItemDataRole.UserRole + 1
    DATE = Qt.ItemDataRole.UserRole + 2
    DUE = Qt.ItemDataRole.UserRole + 3


Entry = Occurrence | DueItem

# The roles data() answers; a view asks for a dozen per cell as it paints.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
        AgendaRole.OCCURRENCE,
        AgendaRole.DATE,
        AgendaRole.DUE,
    }
)


class AgendaModel(QAbstractItemModel):
    """Days (top level) with their due checklist items and occurrences (children)."""

    def __init__(self) -> None:
        super().__init__()
        self._days: list[tuple[date, list[Entry]]] = []
        self._names: dict[str, str] = {}
        self._colors: dict[str, str] = {}
        self._today = date.today()
        # Icons and fonts are made once, not for every cell painted.
        self._swatches: dict[str, QIcon] = {}
        self._checkboxes: dict[tuple[str, bool], QIcon] = {}
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._day_brush = QBrush(QColor(127, 127, 127, 28))

    def _swatch(self, color: str) -> QIcon:
        icon = self._swatches.get(color)
        if icon is None:
            icon = self._swatches[color] = swatch_icon(color)
        return icon

    def _checkbox(self, color: str, done: bool) -> QIcon:
        icon = self._checkboxes.get((color, done))
        if icon is None:
            icon = self._checkboxes[(color, done)] = checkbox_icon(color, done)
        return icon

    def set_occurrences(
        self,
        occurrences: list[Occurrence],
        names: dict[str, str],
        colors: dict[str, str],
        today: date | None = None,
        due: Sequence[DueItem] = (),
        overdue: Sequence[DueItem] = (),
    ) -> None:
        """Show ``occurrences`` and the ``due`` checklist items by day; ``overdue``
        items (open, due before the first day shown) come first under today."""
        self.beginResetModel()
        self._names, self._colors = names, colors
        self._today = today or date.today()
        by_day: dict[date, list[Entry]] = {}
        for item in sorted(overdue, key=lambda d: (d.due_on, d.title, d.item_id)):
            by_day.setdefault(self._today, []).append(item)
        for item in sorted(due, key=lambda d: (d.due_on, d.done, d.title, d.item_id)):
            by_day.setdefault(item.due_on, []).append(item)
        for occ in occurrences:
            by_day.setdefault(occ.start.date(), []).append(occ)
        self._days = sorted(by_day.items(), key=lambda pair: pair[0])
        self.endResetModel()

    def entry(self, index: Index) -> Entry | None:
        if not index.isValid() or index.internalId() == _NO_DAY:
            return None
        return self._days[index.internalId()][1][index.row()]

    def occurrence(self, index: Index) -> Occurrence | None:
        entry = self.entry(index)
        return entry if isinstance(entry, Occurrence) else None

    def due_item(self, index: Index) -> DueItem | None:
        entry = self.entry(index)
        return entry if isinstance(entry, DueItem) else None

    def day_row(self, day: date) -> int:
        for row, (d, _) in enumerate(self._days):
            if d == day:
                return row
        return -1

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Override QAbstractItemModel::index."""
        # Bounds checked here rather than with hasIndex(), which would call
        # back into rowCount() and columnCount(): the view asks for every row.
        if row < 0 or not 0 <= column < _COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._days):
                return QModelIndex()
            return self.createIndex(row, column, _NO_DAY)
        if (
            parent.internalId() != _NO_DAY
            or parent.column() != 0
            or row >= len(self._days[parent.row()][1])
        ):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Override QAbstractItemModel::hasChildren (one call instead of two)."""
        if not parent.isValid():
            return bool(self._days)
        return (
            parent.internalId() == _NO_DAY
            and parent.column() == 0
            and bool(self._days[parent.row()][1])
        )

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Override QAbstractItemModel::parent."""
        if not index.isValid() or index.internalId() == _NO_DAY:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _NO_DAY)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::rowCount."""
        if not parent.isValid():
            return len(self._days)
        if parent.internalId() == _NO_DAY and parent.column() == 0:
            return len(self._days[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::columnCount."""
        return len(AgendaColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if role not in _ROLES or not index.isValid():
            return None
        if index.internalId() == _NO_DAY:
            return self._day_data(index, role)
        occ = self._days[index.internalId()][1][index.row()]
        if isinstance(occ, DueItem):
            return self._due_data(occ, index.column(), role)
        column = index.column()
        if role == AgendaRole.OCCURRENCE:
            return occ
        if role == AgendaRole.DATE:
            return occ.start.date()
        if role == Qt.ItemDataRole.DisplayRole:
            item = occ.item
            if column == AgendaColumn.TIME:
                if item.all_day:
                    return self.tr("All day")
                return f"{occ.start:%H:%M}–{occ.end:%H:%M}"
            if column == AgendaColumn.TITLE:
                return item.title + (f" · {item.speaker}" if item.speaker else "")
            if column == AgendaColumn.COMMUNITY:
                return self._names.get(item.community_id, "")
            if column == AgendaColumn.TYPE:
                return item_type_label(item.item_type)
            if column == AgendaColumn.OWNER:
                return item.owner
            if column == AgendaColumn.STATUS:
                return status_label(item.status)
        if role == Qt.ItemDataRole.DecorationRole and column == AgendaColumn.COMMUNITY:
            return self._swatch(self._colors.get(occ.item.community_id, "#7a7a7a"))
        if role == Qt.ItemDataRole.FontRole and occ.item.status is Status.CANCELLED:
            return QFont(self._struck)
        if role == Qt.ItemDataRole.ToolTipRole:
            return occ.item.description or occ.item.title
        return None

    def _due_data(self, due: DueItem, column: int, role: int) -> Any:
        if role == AgendaRole.DUE:
            return due
        if role == AgendaRole.DATE:
            return due.due_on
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                AgendaColumn.TIME: (
                    self.tr("Due %1").replace("%1", day_month(due.due_on))
                    if due.due_on < self._today and not due.done
                    else self.tr("Due")
                ),
                AgendaColumn.TITLE: due.title,
                AgendaColumn.COMMUNITY: self._names.get(due.community_id, ""),
                AgendaColumn.TYPE: self.tr("Checklist · %1").replace("%1", stage_label(due.stage)),
                AgendaColumn.OWNER: due.assignee,
                AgendaColumn.STATUS: due_state(due, self._today),
            }.get(AgendaColumn(column))
        color = self._colors.get(due.community_id, "#7a7a7a")
        if role == Qt.ItemDataRole.DecorationRole:
            if column == AgendaColumn.TITLE:
                return self._checkbox(color, due.done)
            if column == AgendaColumn.COMMUNITY:
                return self._swatch(color)
        if role == Qt.ItemDataRole.FontRole and due.done and column == AgendaColumn.TITLE:
            return QFont(self._struck)
        if role == Qt.ItemDataRole.ForegroundRole:
            if due.done:
                return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            if is_overdue(due, self._today) and column in (
                AgendaColumn.TITLE,
                AgendaColumn.STATUS,
            ):
                return QBrush(overdue_color(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.ToolTipRole:
            name = self._names.get(due.community_id, "")
            return "\n".join(due_tooltip_lines(due, name, self._today))
        return None

    def _day_data(self, index: Index, role: int) -> Any:
        day, items = self._days[index.row()]
        if role == AgendaRole.DATE:
            return day
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = long_day(day)
            if day == self._today:
                text = self.tr("Today · %1").replace("%1", text)
            return text
        if role == Qt.ItemDataRole.FontRole:
            return QFont(self._bold)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self._day_brush)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            AgendaColumn.TIME: self.tr("Time"),
            AgendaColumn.TITLE: self.tr("Title"),
            AgendaColumn.COMMUNITY: self.tr("Community"),
            AgendaColumn.TYPE: self.tr("Type"),
            AgendaColumn.OWNER: self.tr("Owner"),
            AgendaColumn.STATUS: self.tr("Status"),
        }
        return titles.get(AgendaColumn(section)) if 0 <= section < len(AgendaColumn) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS  # (made once: or-ing the flags is a Python call per item)


class AgendaView(QTreeView):
    """The coming days, one heading per day with its items below.

    Signals:
        open_requested(Occurrence): an item was double-clicked or Enter pressed.
        delete_requested(Occurrence): Delete pressed on an item.
        create_requested(date): Enter or double-click on a day heading.
        due_activated(DueItem): a checklist item was double-clicked or Enter pressed.
        due_menu_requested(DueItem, QPoint): the context menu on a checklist
            item, at a global position.
    """

    open_requested = Signal(object)
    delete_requested = Signal(object)
    create_requested = Signal(object)
    due_activated = Signal(object)
    due_menu_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda_model = AgendaModel()
        self.setModel(self.agenda_model)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not ResizeToContents: that measures every row
        # on every reload, which is slow for a busy fortnight.
        fm = self.fontMetrics()

        def widest(texts: list[str]) -> int:
            return max(fm.horizontalAdvance(t) for t in texts) + 2 * fm.averageCharWidth() + 8

        widths = {
            # items are indented under their day, hence the indentation
            AgendaColumn.TIME: widest(["00:00–00:00", self.tr("All day")]) + self.indentation(),
            AgendaColumn.COMMUNITY: fm.horizontalAdvance("M") * 14 + 24,
            AgendaColumn.TYPE: widest(
                [item_type_label(t) for k in ItemKind for t in TYPES_BY_KIND[k]]
                + [
                    QCoreApplication.translate("AgendaModel", "Checklist · %1").replace(
                        "%1", stage_label(stage)
                    )
                    for stage in Stage
                ]
            ),
            AgendaColumn.OWNER: fm.horizontalAdvance("M") * 6,
            AgendaColumn.STATUS: widest([status_label(s) for s in Status]),
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        self.doubleClicked.connect(self._on_activated)
        self.agenda_model.modelReset.connect(self._after_reset)

    def _after_reset(self) -> None:
        # Expand the days one by one: expandAll() visits every item (thousands,
        # each a call into the model) when only the days have children.
        model = self.agenda_model
        for row in range(model.rowCount()):
            self.expand(model.index(row, 0))
            self.setFirstColumnSpanned(row, QModelIndex(), True)

    def set_days(
        self,
        occurrences: list[Occurrence],
        names: dict[str, str],
        colors: dict[str, str],
        today: date | None = None,
        due: Sequence[DueItem] = (),
        overdue: Sequence[DueItem] = (),
    ) -> None:
        self.agenda_model.set_occurrences(occurrences, names, colors, today, due, overdue)

    def selected(self) -> Occurrence | None:
        return self.agenda_model.occurrence(self.currentIndex())

    def _on_activated(self, index: QModelIndex) -> None:
        entry = self.agenda_model.entry(index)
        if isinstance(entry, DueItem):
            self.due_activated.emit(entry)
        elif entry is not None:
            self.open_requested.emit(entry)
        elif index.isValid():
            self.create_requested.emit(index.data(AgendaRole.DATE))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QAbstractItemView::keyPressEvent: Enter opens, Delete deletes."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_activated(self.currentIndex())
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            occ = self.selected()
            if occ is not None:
                self.delete_requested.emit(occ)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Override QAbstractScrollArea::contextMenuEvent: a checklist item's menu."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
        else:  # from the viewport, in its coordinates
            index = self.indexAt(event.pos())
        due = self.agenda_model.due_item(index)
        if due is None:
            event.ignore()
            return
        self.setCurrentIndex(index)
        self.due_menu_requested.emit(due, QPoint(event.globalPos()))
